"""Every OmniCXM operation against the seed's examples: method, path, query, body, parsed model.

For each catalog endpoint the request the SDK sends is compared with the seed's
own example (the vendor's curl command; the catalog's parsed ``example_request``
for query and body): the same method and path, the same query and the same
body, no more and no less. The seed's example answer is then parsed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl
from zoneinfo import ZoneInfo

import httpx
import pytest
import respx

from cxkit import BadRequestError, Created
from cxkit.omnicxm import (
    ActionResult,
    AsyncOmniCXM,
    CDRRecord,
    ChatPages,
    Comment,
    CRMObject,
    DataSource,
    F,
    FieldGroup,
    FieldLink,
    LoginResult,
    Message,
    MessageSearchResult,
    PbxUsers,
    PermissionCheck,
    QuickResponse,
    Requester,
    RequesterMatch,
    Room,
    SLAPauseResult,
    SourceCounts,
    StateCounts,
    Ticket,
    TicketAction,
    TicketCategory,
    TicketLog,
    TicketView,
    UnreadRoom,
    User,
    UserEntry,
)
from cxkit.testing import parse_form

BASE = "https://omni-api-uat.worldfone.cloud"
CATALOG = json.loads(
    (Path(__file__).parents[2] / "fixtures" / "omnicxm" / "catalog.json").read_text("utf-8")
)
ENDPOINTS = {e["id"]: e for e in CATALOG["endpoints"]}
TOKEN = ENDPOINTS["auth.login"]["example_response"]["token"]
SECRET = "sk-0774b94dcadd6812936c19b4a7d489c4"
VN = ZoneInfo("Asia/Ho_Chi_Minh")
TICKET = "62cd3c8f6d95a586080e5342"


def make(**options: Any) -> AsyncOmniCXM:
    options.setdefault("max_retries", 0)
    return AsyncOmniCXM(username="admin", password="admin", secret_key=SECRET, **options)


def utc(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def file(name: str, content: bytes = b"file-bytes") -> tuple[str, bytes]:
    return (name, content)


# -- the wire, read back --------------------------------------------------------------


def query_of(request: httpx.Request) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in parse_qsl(request.url.query.decode(), keep_blank_values=True):
        out.setdefault(key, []).append(value)
    return out


def expected_query(example: dict[str, Any] | None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in (example or {}).items():
        values = value if isinstance(value, list) else [value]
        out[key] = [str(v) for v in values]
    return out


def form_of(request: httpx.Request) -> dict[str, list[str]]:
    """A multipart or urlencoded body as name -> values (files as ``@filename``)."""
    out: dict[str, list[str]] = {}
    for name, value in parse_form(request):
        out.setdefault(name, []).append(f"@{value[0]}" if isinstance(value, tuple) else value)
    return out


def expected_form(example: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in example.items():
        values = value if isinstance(value, list) else [value]
        out[key] = [
            "@" + os.path.basename(v[1:]) if isinstance(v, str) and v.startswith("@") else str(v)
            for v in values
        ]
    return out


# -- cases ------------------------------------------------------------------------------


@dataclass
class Case:
    """One seed example: the call, and the method and path of the vendor's curl example."""

    id: str
    call: Callable[[AsyncOmniCXM], Any]
    method: str
    path: str
    check: Callable[[Any], None] = lambda result: None
    credential: str = "token"
    body: str = "json"
    raises: type[Exception] | None = None
    response: Any = field(default=None)


def _login(result: Any) -> None:
    assert isinstance(result, LoginResult)
    assert result.token is not None and result.token.get_secret_value() == TOKEN
    assert TOKEN not in repr(result)
    assert result.userinfo is not None and result.userinfo.customer_code == "C0001"
    assert result.userinfo.timezone == "Asia/Bangkok" and result.userinfo.usertype == "owner"


async def _logout(client: AsyncOmniCXM) -> Any:
    await client.auth.login()
    return await client.auth.logout()


def _user(result: Any) -> None:
    assert isinstance(result, User) and result.id == "60f04042ef7372af76345c2b"
    assert result.username == "admin.C0001" and result.language == "vietnamese"


def _entries(result: Any) -> None:
    assert [type(e) for e in result] == [UserEntry] * 3
    assert result[0].type == "bu" and result[0].value == "bu_61ea514ddc4883646320f24f"
    assert result[2].username == "admin.C0001"


def _pbx(result: Any) -> None:
    assert isinstance(result, PbxUsers) and result.version == "3.1"
    assert result.users_general == 316 and result.users_owner == 66
    assert result.users is not None and result.users[1].name == "Nguyễn Hân"


def _fields(result: Any) -> None:
    (group,) = result
    assert isinstance(group, FieldGroup) and group.id == "62bea0c2976d684cdaed736d"
    assert group.field is not None and group.field[1].alias == "relatedaccount"
    assert group.field[0].page_show is not None and group.field[0].page_show.viewadd == 1
    assert group.field[0].property is not None and group.field[0].property.required == 0


def _link(result: Any) -> None:
    assert isinstance(result, FieldLink) and result.typelink == "droptotext"
    assert result.fieldmain is not None and result.fieldmain.id == "6322db35e80741113112acb8"
    assert result.fieldmain.arr_drop_down == ["1", "2", "3"]
    assert result.show_value is not None and [v.show for v in result.show_value] == [1, 0, 1]


def _data_source(result: Any) -> None:
    assert isinstance(result, DataSource) and result.arr_drop_down == ["Value 1", "Value 2"]


def _objects_page(result: Any) -> None:
    assert result.total == 72024
    (obj,) = result.items
    assert isinstance(obj, CRMObject) and obj.id == "6407f7610cf579eec70aaf72"
    assert obj.created is not None and obj.created.time == utc(1678243681)
    assert obj.collection == "C0001_leads" and obj.assign_history is not None
    assert obj.value("thongtinkhac.business_phone") == "19001000"
    assert obj.custom_fields["first_name"] == "Example Name"
    assert obj.value("address.city") == ""


def _object(result: Any) -> None:
    assert isinstance(result, CRMObject) and result.id == "64f0782a5a707517ad4f5ec2"
    assert result.module == "<module>"
    assert result.last_modified is not None and result.last_modified.time == utc(1753672305)
    assert result.value("contact.2") == "6886e91061a2f837d052f034"


def _objects_read(result: Any) -> None:
    assert result.total == 1 and not result.has_next_page()
    (obj,) = result.items
    assert obj.value("specialday") == ["30/01/1995"] and obj.value("address.ward") == "Phường 4"


def _categories(result: Any) -> None:
    (parent,) = result
    assert isinstance(parent, TicketCategory) and parent.name == "Parent category"
    assert parent.items is not None and [c.name for c in parent.items] == [
        "Subcategory 1",
        "Subcategory 2",
    ]
    assert parent.items[0].last_modified is not None
    assert parent.items[0].last_modified.time == utc(1652692320)


def _views(result: Any) -> None:
    assert [type(v) for v in result] == [TicketView] * 8
    assert result[5].key == "6268eb9f1f60ca68e1596a14" and result[5].type == "custom"


def _ticket(ticket: Any) -> None:
    assert isinstance(ticket, Ticket) and ticket.id == "63647fcbfc092a21cc0b3dc2"
    info = ticket.basicinfo
    assert info is not None and info.ticket_id == "180963647fcb43180"
    assert info.requester is not None and info.requester.phone == ["1900545463"]
    assert info.relatedaccount is not None and info.relatedaccount.phone == "842836222789"
    assert info.assignee is not None and info.assignee.username == "john.C0001"
    assert info.category is not None and info.category.name == "Category API"
    assert info.duedate is None and info.status == "New"
    assert ticket.created is not None and ticket.created.time == utc(1667530699)
    assert ticket.current_state is False
    assert ticket.custom_fields["custom_group_field_1"]["percent"] == "5%"
    assert ticket.value("custom_group_field_3.datetime") == 1667754000


def _tickets_page(result: Any) -> None:
    assert result.total == 22
    assert not result.has_next_page()  # take=100 covers all 22
    _ticket(result.items[0])


def _tickets_read(result: Any) -> None:
    assert result.total == 1 and not result.has_next_page()
    _ticket(result.items[0])


def _logs(result: Any) -> None:
    assert result.total == 45 and result.has_next_page()
    (log,) = result.items
    assert isinstance(log, TicketLog) and log.id == "62f9ac67ac43cc7b9f4f19e2"
    assert log.type == "deletecommentnote" and log.created is not None
    assert log.comment is not None and log.comment.id == "62f690d5b378194b095210ff"
    assert log.comment.upload_data is not None
    assert log.comment.upload_data[1].name_cdn == "note-plan.txt"


def _requesters(result: Any) -> None:
    assert [type(r) for r in result] == [Requester] * 2
    assert result[0].namecustom == "South Telecom Contact - 0909111222 - [email protected]"
    assert result[1].created is not None and result[1].created.time == utc(1639626738)


def _search(result: Any) -> None:
    assert result.total == 14 and not result.has_next_page()  # take=20 covers all 14
    assert [type(m) for m in result.items] == [RequesterMatch] * 3
    assert result.items[2].ticket_requester_id == "621bc274523dc71855390936"


def _convert(result: Any) -> None:
    assert isinstance(result, Requester) and result.id == "624179ef4d50fb454c77dcb4"
    assert result.frommodule == "leads"


def _added(result: Any) -> None:
    assert isinstance(result, Requester) and result.id == "626a6279293e98776c328fea"
    assert result.type == "contacts" and result.tickets == 0


def _actions(result: Any) -> None:
    assert [a.token for a in result] == ["DefaultFlow_InProgress", "DefaultFlow_Cancel"]
    assert isinstance(result[0], TicketAction)
    assert result[0].extend_config is not None
    assert result[0].extend_config.background_color == "#f7be64"


def _action_done(result: Any) -> None:
    assert isinstance(result, ActionResult)
    assert result.comment is not None and result.comment.id == "62f63160df5ad7060e7d1b02"
    assert result.usersubmit_info is not None and result.usersubmit_info.extension == "8001"


def _comments(result: Any) -> None:
    assert result.total == 11 and result.has_next_page()
    (comment,) = result.items
    assert isinstance(comment, Comment) and comment.id == "62f671b426adab555568a389"
    assert comment.created is not None and comment.created.time == utc(1660318132)


def _comment_created(result: Any) -> None:
    assert isinstance(result, Comment) and result.id == "62f671b426adab555568a389"
    assert result.notetype == "private" and result.raw_content == "Content\n"


def _comment_updated(result: Any) -> None:
    # The answer has no id: it is the edited comment's.
    assert isinstance(result, Comment) and result.id == "62f69192e2a80f35bd5a9b90"
    assert result.upload_data is not None and result.upload_data[0].filesize == 1113


def _files_page(result: Any) -> None:
    assert result.total == 0 and result.items == [] and not result.has_next_page()


def _sla(result: Any) -> None:
    assert isinstance(result, SLAPauseResult) and result.msg == "update_success"
    assert result.last_modified is not None and result.last_modified.time == utc(1748594840)


def _rooms(result: Any) -> None:
    assert result.total == 1 and not result.has_next_page()  # a page, as every paged list
    (room,) = result.items
    assert isinstance(room, Room)
    assert room.id == "66b42f7260c1ca443b0af56756" and room.total_message == 763
    assert room.starttime == utc(1723084655) and room.unread == 0
    assert room.lastmessage is not None and room.lastmessage.text_empty_because == "file"
    assert room.currentsession is not None and room.currentsession.startfrom == "new"


def _by_source(result: Any) -> None:
    assert isinstance(result, SourceCounts) and result.total == 862 and result.livechat == 757


def _by_state(result: Any) -> None:
    assert isinstance(result, StateCounts) and result.solved == 2510 and result.total == 4126


def _unread(result: Any) -> None:
    assert result == {"686cef518424edb10b023b33": 0, "686cee886db4a56d100a8823": 0}


def _messages(result: Any) -> None:
    assert result.total == 1 and not result.has_next_page()  # a page, as every paged list
    divider, message = result.items
    assert isinstance(message, Message)
    assert divider.type == "divide" and divider.divide_date == datetime(2025, 7, 8, tzinfo=VN)
    assert message.date_app_text == datetime(2025, 7, 8, 17, 13, 32, tzinfo=VN)
    assert message.date_app_text == message.date_app  # the display date is the same moment
    assert message.sender_info is not None and message.sender_info.type_int == 1
    assert message.me is False and message.text == "Bắt đầu"


def _message_search(result: Any) -> None:
    assert isinstance(result, MessageSearchResult) and result.total_messages == 1
    assert result.list_modules == {"C0384_message_202507": 1} and result.take_next_page == [1]


def _pages(result: Any) -> None:
    assert isinstance(result, ChatPages) and result.listsourcepages is not None
    assert "zalo" in result.listsourcepages
    assert result.listpagenames is not None and result.listpagenames[1].channel == "zalo"


def _quick(result: Any) -> None:
    assert result.total == 1 and not result.has_next_page()  # a page, as every paged list
    (reply,) = result.items
    assert isinstance(reply, QuickResponse)
    assert reply.id == "67e504b8b7bb5f709e011d66" and reply.shortcode == "/phn"


def _cdr(result: Any) -> None:
    assert result.total == 1188 and result.has_next_page()
    (call,) = result.items
    assert isinstance(call, CDRRecord) and call.id == "64f0f64692d9e04e3d31a93d"
    assert call.calldate == utc(1693513271)
    assert call.calldatetime == datetime(2023, 9, 1, 3, 21, 11, tzinfo=VN)
    assert call.calldatetime == call.calldate and call.billsec == 3


CASES = [
    Case("auth.login", lambda c: c.auth.login(), "GET", "/login", _login, credential="basic"),
    Case("auth.logout", _logout, "GET", "/logout", lambda r: None),
    Case(
        "permission.list_modules",
        lambda c: c.permissions.modules.list(),
        "GET",
        "/permission/module",
        lambda r: r[:2] == ["tickets", "omnichat"] or pytest.fail(str(r)),
    ),
    Case(
        "permission.list_module_permissions",
        lambda c: c.permissions.list("tickets"),
        "GET",
        "/permission/module/permission/tickets",
        lambda r: r[-1] == "delete" or pytest.fail(str(r)),
    ),
    Case(
        "permission.check_module_permission",
        lambda c: c.permissions.check(module="tickets", permission="view"),
        "POST",
        "/permission/module/permission",
        lambda r: (isinstance(r, PermissionCheck) and r.allowed) or pytest.fail(str(r)),
    ),
    Case(
        "permission.check_special",
        lambda c: c.permissions.check_special("click2call"),
        "GET",
        "/permission/special/click2call",
        lambda r: r is True or pytest.fail(str(r)),
    ),
    Case("users.get_information", lambda c: c.users.me(), "GET", "/users/getinformation", _user),
    Case(
        "users.get_user_permission",
        lambda c: c.users.list(),
        "GET",
        "/users/getuserpermission",
        _entries,
    ),
    Case(
        "users.update_password",
        lambda c: c.users.update_password(
            oldpassword="admin", newpassword="000000000", confirmpassword="000000000"
        ),
        "PUT",
        "/users/updatepassword",
        raises=BadRequestError,
    ),
    Case(
        "users.update_information",
        lambda c: c.users.update(
            name="4xCloud",
            phone="02836222789",
            email="[email protected]",
            language="vietnamese",
            timezone="Asia/Bangkok",
            sex="male",
        ),
        "PUT",
        "/users/updateinformation",
        lambda r: r is None or pytest.fail(str(r)),
    ),
    Case(
        "users.update_avatar",
        lambda c: c.users.update_avatar(file("file")),
        "POST",
        "/users/updateavatar",
        lambda r: r == "DOMAIN_AVATAR" or pytest.fail(str(r)),
        body="form",
    ),
    Case(
        "users.list_pbx_users",
        lambda c: c.users.pbx.list("C0384"),
        "GET",
        "/users/getuserpbx",
        _pbx,
        credential="secret_key",
    ),
    Case(
        "fields.list",
        lambda c: c.custom_fields.list(),
        "GET",
        "/settings/customfields/field",
        _fields,
    ),
    Case(
        "fields.get_link",
        lambda c: c.custom_fields.links.get("6322db807585fd104f370dcb"),
        "POST",
        "/settings/customfields/field/link",
        _link,
    ),
    Case(
        "fields.get_data_source",
        lambda c: c.custom_fields.data_sources.get("63199d46e42384d4b409b5d4"),
        "GET",
        "/settings/customfields/DataSource",
        _data_source,
    ),
    Case(
        "fields.get_api_sample",
        lambda c: c.custom_fields.get_api_sample(module="tickets", type="create", required=False),
        "POST",
        "/settings/customfields/field/apisample",
        lambda r: r.startswith("curl --location") or pytest.fail(r),
        response=httpx.Response(
            200,
            text="curl --location --request POST 'https://omni-api-uat.worldfone.cloud/services/tickets/ticket'",
        ),
    ),
    Case(
        "objects.list",
        lambda c: c.objects.list("leads", take=10, page=1),
        "GET",
        "/relationship/objects/leads",
        _objects_page,
    ),
    Case(
        "objects.get",
        lambda c: c.objects.get("64f0782a5a707517ad4f5ec2"),
        "GET",
        "/crm/objects/64f0782a5a707517ad4f5ec2",
        _object,
    ),
    Case(
        "objects.read",
        lambda c: c.objects.read(
            "contacts",
            where=F("last_modified.time") >= datetime.fromtimestamp(1688144400, tz=VN),
            sort=("last_modified.time", "desc"),
            take=10,
            page=1,
        ),
        "POST",
        "/relationship/objects/read/contacts",
        _objects_read,
    ),
    Case(
        "objects.create",
        lambda c: c.objects.create(
            "contacts",
            basicinfo={
                "first_name": "Example Name",
                "last_name": "Example Last Name",
                "email": "Example Email",
                "phone": "0912345678",
                "account": "61cab7131d3c606e9c2268d3",
                "owner": "user_60f04042ef7372af76345c2b",
                "danhxung": "Mr.",
            },
            thongtinkhac={
                "specialday": datetime.fromtimestamp(1678357704, tz=timezone.utc),
                "salutation": "Mr.",
                "gender": "Male",
                "jobtitle": "Example",
                "department": "Example",
                "company": "Example",
                "workphone": "0912345678",
                "product_interest": "VAS Services",
                "contactsource": "Call",
                "relationshiptype": "Prospect",
                "contactstatus": "New",
                "idnumber": 123,
                "scorenumber": 123,
                "description": "Example",
                "tags": ["#tag1", "tag2"],
                "dongia": 123,
                "chuso": 123,
            },
            address=[
                {"country": "", "city": "", "district": "", "ward": "", "street": "", "zipcode": ""}
            ],
            mangxahoi={
                "facebook": "Example",
                "twitter": "Example",
                "instagram": "Example",
                "linkedin": "Example",
                "youtube": "Example",
                "skypeid": "Example",
                "website": "Example",
            },
            groupfieldother={
                "socmndcccd": "Example",
                "hokhauthuongtru": "Example",
                "sotaikhoan": "Example",
                "nganhangdangky": "Example",
                "masothue": "Example",
                "tien2": 123,
            },
        ),
        "POST",
        "/relationship/objects/contacts",
        lambda r: (
            (isinstance(r, Created) and r.id == "640ae7d78eaa9514ed2ff6d2") or pytest.fail(str(r))
        ),
    ),
    Case(
        "objects.unlink",
        lambda c: c.objects.unlink(
            module="contacts",
            id="63e32a4f8392da2bf1286576",
            people_id="63ec3e11bb3174b5cead484e",
            room_id="63ec3e130073973eb07148cd",
            page_id="63ad5254a33095790bc44320",
            session_id="63ec3f4a6dc77e2bea438beb",
        ),
        "POST",
        "/services/omnichat/action/unlinkobject",
    ),
    Case(
        "objects.update",
        lambda c: c.objects.update(
            "contacts",
            "688c86e868ca51681f0353c2",
            basicinfo={
                "firstname": "Example First Name",
                "last_name": "Example Last Name",
                "email": "[email protected]",
                "phone": "09128771718",
                "owner": "user_60f04042ef7372af76345c2b",
                "account": "61cab7131d3c606e9c2268d3",
                "sourcedisplay": "Source Display",
                "status_basic": "New",
            },
            groups={"custom_group_field_1": {"textfield": "TEXT"}},
        ),
        "PUT",
        "/relationship/Objects/contacts/688c86e868ca51681f0353c2",
        body="form",
    ),
    Case(
        "tickets.categories.get",
        lambda c: c.tickets.categories.list(),
        "GET",
        "/services/tickets/category",
        _categories,
    ),
    Case(
        "tickets.views.list",
        lambda c: c.tickets.views.list(),
        "GET",
        "/services/tickets/view",
        _views,
    ),
    Case(
        "tickets.list",
        lambda c: c.tickets.list(take=100, page=1),
        "GET",
        "/services/tickets/ticket",
        _tickets_page,
    ),
    Case(
        "tickets.get",
        lambda c: c.tickets.get("624d56321f6e7326151916f2"),
        "GET",
        "/services/tickets/ticket/624d56321f6e7326151916f2",
        _ticket,
    ),
    Case(
        "tickets.read",
        lambda c: c.tickets.read(
            where=F("last_modified.time").between(
                datetime(2022, 4, 1, tzinfo=VN), datetime(2022, 4, 30, 23, 59, 59, tzinfo=VN)
            ),
            sort=("created.time", "desc"),
            keyview="6268f162146e3a71db799e28",
            take=15,
            page=1,
        ),
        "POST",
        "/services/tickets/ticket/read",
        _tickets_read,
    ),
    Case(
        "tickets.create",
        lambda c: c.tickets.create(
            requester="62a9b3faa129f66b4b3fbae4",
            account_related="62c4f9fc812b99e9960d1aca",
            subject="Subject Ticket",
            content="Content",
            category="621f176bb6b1b56daf594632",
            assignee="user_627b6be2494061156f798eb4",
            sourcedisplay="call",
            priority="normal",
            ccs=["bu_61ea514ddc4883646320f24f", "user_627b6a7ecc82dc1c2104a7c2"],
            duedate=datetime.fromtimestamp(1667157924, tz=VN),
            tags=["#tag1", "tag2"],
            files=[file("file")],
            groups={"custom_group_field_1": {"textfield": "TEXT"}},
        ),
        "POST",
        "/services/tickets/ticket",
        lambda r: (
            (isinstance(r, Created) and r.id == "62fa21088b11cb67fa14266a") or pytest.fail(str(r))
        ),
        body="form",
    ),
    Case(
        "tickets.update",
        lambda c: c.tickets.update(
            "62fb08237f384bae6d07f022",
            requester="62a9b3faa129f66b4b3fbae4",
            account_related="62c4f9fc812b99e9960d1aca",
            subject="Change Subject Ticket",
            content="Change Content",
            category="621f176bb6b1b56daf594632",
            assignee="user_627b6be2494061156f798eb4",
            sourcedisplay="call",
            priority="high",
            ccs=["bu_61ea514ddc4883646320f24f", "user_627b6a7ecc82dc1c2104a7c2"],
            duedate=1667157924,
            tags=["#tag1", "tag2"],
            deletefileindex="0, 1",
            files=file("file"),
            groups={"custom_group_field_1": {"textfield": "TEXT"}},
        ),
        "PUT",
        "/services/tickets/ticket/62fb08237f384bae6d07f022",
        body="form",
    ),
    Case(
        "tickets.logs.list",
        lambda c: c.tickets.logs.list(TICKET),
        "GET",
        f"/services/tickets/log/{TICKET}",
        _logs,
    ),
    Case(
        "tickets.requesters.list",
        lambda c: c.tickets.requesters.list(),
        "GET",
        "/services/tickets/requester/getlist",
        _requesters,
    ),
    Case(
        "tickets.requesters.search",
        lambda c: c.tickets.requesters.search(
            modules=["contacts", "leads", "users"], phone="083", email="", take=20, page=1
        ),
        "GET",
        "/services/tickets/requester/search",
        _search,
    ),
    Case(
        "tickets.requesters.convert",
        lambda c: c.tickets.requesters.convert(module="contacts", id="621c126a19284e75485f9d42"),
        "POST",
        "/services/tickets/requester/convert",
        _convert,
    ),
    Case(
        "tickets.requesters.add_by_module",
        lambda c: c.tickets.requesters.create(name="Name add requester", type="contacts"),
        "POST",
        "/services/tickets/requester/addbymodule",
        _added,
    ),
    Case(
        "tickets.actions.list",
        lambda c: c.tickets.actions.list(TICKET),
        "GET",
        f"/services/tickets/action/{TICKET}",
        _actions,
    ),
    Case(
        "tickets.actions.do",
        lambda c: c.tickets.actions.do(
            TICKET,
            token="DefaultFlow_InProgress",
            stepactiontoken="aedc3cdd517d1e797f2bf0d0984e0f53",
            comment_content="Comment when action In Progress",
            comment_type="public",
            assignee="bu_61d45ac06a31026117215716",
            files=[file("file")],
        ),
        "POST",
        f"/services/tickets/action/doing/{TICKET}",
        _action_done,
        body="form",
    ),
    Case(
        "tickets.comments.list",
        lambda c: c.tickets.comments.list(TICKET, take=10, page=1),
        "GET",
        f"/services/tickets/comment/{TICKET}",
        _comments,
    ),
    Case(
        "tickets.comments.create",
        lambda c: c.tickets.comments.create(
            TICKET, content="Content", notetype="private", files=file("file")
        ),
        "POST",
        f"/services/tickets/comment/{TICKET}",
        _comment_created,
        body="form",
    ),
    Case(
        "tickets.comments.update",
        lambda c: c.tickets.comments.update(
            TICKET,
            idcomment="62f69192e2a80f35bd5a9b90",
            content="Content update",
            notetype="public",
            deletefileindex=[0, 1],
            files=[file("file")],
        ),
        "PUT",
        f"/services/tickets/comment/{TICKET}",
        _comment_updated,
        body="form",
    ),
    Case(
        "tickets.comments.delete",
        lambda c: c.tickets.comments.delete(TICKET, "62f690d5b378194b095210ff"),
        "DELETE",
        f"/services/tickets/comment/{TICKET}/62f690d5b378194b095210ff",
    ),
    Case(
        "tickets.files.read",
        lambda c: c.tickets.files.list("6304a1f7e9e86adbb00ddd02", take=5, page=1),
        "POST",
        "/services/tickets/files/read/6304a1f7e9e86adbb00ddd02",
        _files_page,
    ),
    Case(
        "tickets.files.add",
        lambda c: c.tickets.files.create(
            "6304a1f7e9e86adbb00ddd02", [file("photo_2022-07-29_15-46-07.jpg", b"\xff\xd8")]
        ),
        "POST",
        "/services/tickets/files/6304a1f7e9e86adbb00ddd02",
        body="form",
    ),
    Case(
        "tickets.files.delete",
        lambda c: c.tickets.files.delete("6304a1f7e9e86adbb00ddd02", "6304b05af3329f689f54ebb6"),
        "DELETE",
        "/services/tickets/files/6304a1f7e9e86adbb00ddd02",
    ),
    Case(
        "tickets.sla.pause",
        lambda c: c.tickets.sla.pause(
            ticket_id="68396eead59f95320154b472",
            idticket="513468396eeaa0286",
            timepending=datetime.fromtimestamp(1748508020, tz=VN),
            comment="okii",
            choosetype="resumeafterrangetimeconfig",
        ),
        "POST",
        "/services/tickets/SLATicket/",
        _sla,
        body="form",
    ),
    Case(
        "tags.list",
        lambda c: c.tags.list(),
        "GET",
        "/settings/generalconfig/tags",
        lambda r: r.items == [] or pytest.fail(str(r)),
    ),
    Case(
        "tags.read",
        lambda c: c.tags.read(
            sort=F("last_modified.time").desc(),
            startdate=1643241600,
            enddate=datetime.fromtimestamp(1658908044, tz=timezone.utc),
            searchtext="",
            take=5,
            page=1,
        ),
        "POST",
        "/settings/generalconfig/tags/read",
        lambda r: (r.total == 0 and not r.has_next_page()) or pytest.fail(str(r)),
    ),
    Case(
        "omnichat.rooms.list",
        lambda c: c.omnichat.rooms.list(state="new"),
        "POST",
        "/services/omnichat/rooms/getrooms",
        _rooms,
    ),
    Case(
        "omnichat.rooms.count_by_source",
        lambda c: c.omnichat.rooms.count_by_source(state="received"),
        "POST",
        "/services/omnichat/rooms/countsourceroomsbystate",
        _by_source,
    ),
    Case(
        "omnichat.rooms.count_by_state",
        lambda c: c.omnichat.rooms.count_by_state(state="received"),
        "GET",
        "/services/omnichat/rooms/countstaterooms",
        _by_state,
    ),
    Case(
        "omnichat.rooms.unread_counts",
        lambda c: c.omnichat.rooms.unread_counts(
            {
                "686cef518424edb10b023b33": UnreadRoom(
                    start_time=1751969612, state="new", lasttime=1751969619, total_message=1
                ),
                "686cee886db4a56d100a8823": {
                    "startTime": 1751969414,
                    "state": "new",
                    "lasttime": datetime.fromtimestamp(1751969418, tz=VN),
                    "totalMessage": 1,
                },
            }
        ),
        "POST",
        "/services/omnichat/rooms/getunreadmessagelistroom",
        _unread,
    ),
    Case(
        "omnichat.messages.list",
        lambda c: c.omnichat.messages.list(
            room_id="686cef518424edb10b023b33",
            page_id="671f527112fa851c00ff0b7b",
            source="livechat",
        ),
        "POST",
        "/services/omnichat/messages/getmessages",
        _messages,
    ),
    Case(
        "omnichat.messages.search",
        lambda c: c.omnichat.messages.search(
            room_id="686cef518424edb10b023b33",
            page_id="671f527112fa851c00ff0b7b",
            source="livechat",
            lasttimemessage=1751969612,
        ),
        "POST",
        "/services/omnichat/messages/search",
        _message_search,
    ),
    Case(
        "omnichat.pages.list",
        lambda c: c.omnichat.pages.list(),
        "GET",
        "/services/omnichat/pages",
        _pages,
    ),
    Case(
        "omnichat.quick_responses.read",
        lambda c: c.omnichat.quick_responses.list(textsearch="phản hồi nhanh"),
        "POST",
        "/services/omnichat/general/readQuickResponses",
        _quick,
    ),
    Case(
        "cdr.list",
        lambda c: c.cdr.list(
            startdate=datetime.fromtimestamp(1690832892, tz=VN),
            enddate=1693338492,
            take=100,
            page=1,
        ),
        "POST",
        "/call/CDR",
        _cdr,
    ),
]


def test_every_catalog_endpoint_has_a_seed_case() -> None:
    assert sorted(c.id for c in CASES) == sorted(ENDPOINTS)


def _login_route() -> respx.Route:
    return respx.get(f"{BASE}/login").mock(
        return_value=httpx.Response(200, json=ENDPOINTS["auth.login"]["example_response"])
    )


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
@respx.mock
async def test_seed_example(case: Case) -> None:
    endpoint = ENDPOINTS[case.id]
    example = endpoint["example_request"]
    login = _login_route()
    response = case.response or httpx.Response(200, json=endpoint["example_response"])
    route = (
        login
        if case.path == "/login"
        else respx.route(
            method=case.method, host="omni-api-uat.worldfone.cloud", path=case.path
        ).mock(return_value=response)
    )
    client = make()
    if case.raises is not None:
        with pytest.raises(case.raises) as info:
            await case.call(client)
        assert info.value.args and endpoint["example_response"]["error"] in str(info.value)
    else:
        result = await case.call(client)
        case.check(result)
    sent = [c.request for c in route.calls if c.request.url.path == case.path]
    assert len(sent) == 1, case.id
    request = sent[0]
    assert request.method == case.method
    assert request.url.path == case.path
    assert query_of(request) == expected_query(example["query"])
    if example["body"] is None:
        assert request.content == b"", request.content
    elif case.body == "form":
        assert form_of(request) == expected_form(example["body"])
    else:
        assert json.loads(request.content) == example["body"]
    assert "x-cxkit-omnicxm-credential" not in request.headers
    if case.credential == "basic":
        assert request.headers["authorization"] == "Basic YWRtaW46YWRtaW4="
        assert "x-api-key" not in request.headers
    elif case.credential == "secret_key":
        assert request.headers["x-api-key"] == SECRET
        assert login.call_count == 0
    else:
        assert request.headers["x-api-key"] == TOKEN
        assert login.call_count == 1
        assert "authorization" not in request.headers


@respx.mock
async def test_category_by_id() -> None:
    _login_route()
    example = ENDPOINTS["tickets.categories.get"]["example_response"]["data"][0]["items"][0]
    route = respx.get(f"{BASE}/services/tickets/category/61d69cb614e27a2d99093845").mock(
        return_value=httpx.Response(200, json={"status": True, "data": [example]})
    )
    category = await make().tickets.categories.get("61d69cb614e27a2d99093845")
    assert category.id == "61d69cb614e27a2d99093845" and category.name == "Subcategory 1"
    assert route.call_count == 1


@respx.mock
async def test_datetimes_on_the_wire_are_epoch_seconds() -> None:
    _login_route()
    route = respx.post(f"{BASE}/services/tickets/ticket/read").mock(
        return_value=httpx.Response(200, json={"status": True, "total": 0, "data": []})
    )
    since = datetime(2022, 4, 1, tzinfo=VN)
    await make().tickets.read(where=F("last_modified.time") >= since)
    body = json.loads(route.calls.last.request.content)
    assert body == {
        "filter": {
            "logic": "and",
            "filters": [{"field": "last_modified.time", "operator": "gte", "value": 1648746000}],
        }
    }
