"""Every OMI operation against the seed's examples: method, path, query, body, parsed model."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
import respx
from pydantic import SecretStr

from cxkit.omi import (
    AsyncOmi,
    Contact,
    ContactFilter,
    ContactLayoutField,
    ContactSearchResult,
    Extension,
    Greeting,
    InternalGroup,
    InternalPhone,
    KeyInteraction,
    KeyScript,
    WriteResult,
)

BASE = "https://omi.example.vn"
CATALOG = json.loads(
    (Path(__file__).parents[2] / "fixtures" / "omi" / "catalog.json").read_text("utf-8")
)
EXAMPLES = {e["id"]: e["example_response"] for e in CATALOG["endpoints"]}
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb" * 16


def make(**options: Any) -> AsyncOmi:
    options.setdefault("max_retries", 0)
    return AsyncOmi(base_url=BASE, token="tok-123", **options)


def ok(payload: Any) -> httpx.Response:
    """A success envelope, as the docs show it."""
    return httpx.Response(
        200,
        json={
            "status_code": 9999,
            "instance_id": "stg",
            "instance_version": "1.2.164",
            "payload": payload,
            "key_enabled": False,
        },
    )


def ms(value: int) -> datetime:
    return datetime.fromtimestamp(value / 1000, tz=timezone.utc)


def last(route: respx.Route) -> httpx.Request:
    assert route.call_count == 1
    request = route.calls.last.request
    assert request.headers["authorization"] == "Bearer tok-123"
    return request


def body(request: httpx.Request) -> Any:
    return json.loads(request.content)


CONTACT = {
    "_id": "6391feada745be2a6aa18001",
    "fullName": "Nguyen Van A",
    "refId": "crm-1",
    "phones": [{"data": "0912345678", "type": "personal", "valueType": "Cá nhân"}],
    "created_date": 1747128866529,
    "created_by": {"id": "u1", "name": "Ann"},
}


# -- contacts -------------------------------------------------------------------


@respx.mock
async def test_contacts_list_seed_example() -> None:
    route = respx.post(f"{BASE}/api/contacts/list").mock(
        return_value=httpx.Response(200, json=EXAMPLES["contacts.list"])
    )
    page = await make().contacts.list(
        keyword="0393",
        filters=[ContactFilter.owner("unassigned", "ann@acme.vn")],
        size=1,
    )
    request = last(route)
    assert request.method == "POST"
    assert dict(request.url.params) == {"page": "1", "size": "1"}
    assert body(request) == {
        "keyword": "0393",
        "filters": [{"field_code": "contact_owner", "value": ["unassigned", "ann@acme.vn"]}],
    }
    assert page.total == 265 and page.has_next_page()
    (item,) = page.items
    assert isinstance(item, ContactSearchResult) and isinstance(item, Contact)
    assert item.transaction_id == "09d43196-4ec7-4fba-80fe-c6aa1f3760b8"
    assert item.direction == "outbound" and item.bill_sec == 8
    assert item.created_date == ms(1747128866529)
    assert item.time_start_call == datetime.fromtimestamp(1747128857, tz=timezone.utc)
    assert item.create_by is not None and item.create_by.id == "639202a8bf054d579109b35e"
    assert item.user is not None and item.user[0].full_name == "SenBac"
    assert item.user[0].tag is not None and item.user[0].tag[0].name == "Đã gọi"
    assert item.tag == ["Đã gọi"]
    assert item.model_extra is not None and item.model_extra["hangup_cause_q850"] is None


@respx.mock
async def test_contacts_list_filters_as_dicts_and_catalog_request() -> None:
    route = respx.post(f"{BASE}/api/contacts/list").mock(
        return_value=httpx.Response(200, json=EXAMPLES["contacts.list"])
    )
    example = next(e for e in CATALOG["endpoints"] if e["id"] == "contacts.list")
    await make().contacts.list(filters=example["example_request"]["body"]["filters"])
    assert body(last(route)) == example["example_request"]["body"]


@respx.mock
async def test_contacts_add() -> None:
    route = respx.post(f"{BASE}/api/contacts/add").mock(return_value=ok(CONTACT))
    contact = await make().contacts.create(
        full_name="Nguyen Van A",
        phones=["0912345678", {"data": "02525485xxx", "type": "home", "valueType": "Nhà"}],
        emails=["a@acme.vn"],
        tags=["Khách lẻ", "Khách có nhu cầu"],
        gender="male",
        birthday=datetime(1990, 5, 4).date(),
        ref_id="crm-1",
        ref_code="C-1",
        job_title="CTO",
        user_owner_email="ann@acme.vn",
        more_information=[{"value_type": "Cao", "display_value": "1.75m"}],
    )
    request = last(route)
    assert request.method == "POST"
    assert body(request) == {
        "fullName": "Nguyen Van A",
        "phones": [
            {"data": "0912345678"},
            {"data": "02525485xxx", "type": "home", "valueType": "Nhà"},
        ],
        "emails": [{"data": "a@acme.vn"}],
        "tags": ["Khách lẻ", "Khách có nhu cầu"],
        "gender": "male",
        "birthday": "04/05/1990",
        "refId": "crm-1",
        "refCode": "C-1",
        "job_title": "CTO",
        "user_owner_email": "ann@acme.vn",
        "more_infomation": [{"value_type": "Cao", "display_value": "1.75m"}],
    }
    assert isinstance(contact, Contact)
    assert contact.id == "6391feada745be2a6aa18001" and contact.full_name == "Nguyen Van A"
    assert contact.ref_id == "crm-1" and contact.created_date == ms(1747128866529)
    assert contact.create_by is not None and contact.create_by.name == "Ann"
    assert contact.phones is not None and contact.phones[0].value_type == "Cá nhân"


@respx.mock
async def test_contacts_add_catalog_example_body() -> None:
    route = respx.post(f"{BASE}/api/contacts/add").mock(return_value=ok(True))
    example = next(e for e in CATALOG["endpoints"] if e["id"] == "contacts.add")
    sent = example["example_request"]["body"]
    result = await make().contacts.create(
        tags=sent["tags"],
        more_information=sent["more_infomation"],
        emails=sent["emails"],
        phones=sent["phones"],
    )
    assert body(last(route)) == sent
    assert result is None  # a payload that is not an object gives no contact


@respx.mock
async def test_contacts_add_many() -> None:
    route = respx.post(f"{BASE}/api/contacts/add-more").mock(return_value=ok(None))
    result = await make().contacts.create_many(
        [{"full_name": "A", "phones": ["0911"]}, {"fullName": "B", "refId": "r2"}]
    )
    assert isinstance(result, WriteResult) and result.payload is None
    assert body(last(route)) == [
        {"fullName": "A", "phones": [{"data": "0911"}]},
        {"fullName": "B", "refId": "r2"},
    ]


@respx.mock
async def test_contacts_update_catalog_example() -> None:
    route = respx.post(f"{BASE}/api/contacts/update").mock(return_value=ok(CONTACT))
    example = next(e for e in CATALOG["endpoints"] if e["id"] == "contacts.update")
    sent = example["example_request"]["body"]
    contact = await make().contacts.update(
        ref_id="crm-1",
        full_name="Nguyen Van B",
        tags=sent["tags"],
        more_information=sent["more_infomation"],
        emails=sent["emails"],
        phones=sent["phones"],
        dynamic_attributes=sent["dynamic_attributes"],
    )
    assert body(last(route)) == {"refId": "crm-1", "fullName": "Nguyen Van B", **sent}
    assert isinstance(contact, Contact) and contact.ref_id == "crm-1"


@respx.mock
async def test_contacts_delete() -> None:
    route = respx.delete(f"{BASE}/api/contacts/delete/c%201").mock(return_value=ok(True))
    assert await make().contacts.delete("c 1") is None
    assert last(route).method == "DELETE"


@respx.mock
async def test_contacts_add_note_single_and_many() -> None:
    route = respx.post(f"{BASE}/api/contacts/add-note").mock(return_value=ok(True))
    omi = make()
    assert await omi.contacts.add_note(phone="0912", content="Gọi lại", note_by="a@acme.vn")
    assert body(route.calls.last.request) == [
        {"phone": "0912", "content": "Gọi lại", "note_by": "a@acme.vn"}
    ]
    await omi.contacts.add_note(
        notes=[{"phone": "1", "content": "x"}, {"phone": "2", "content": "y"}]
    )
    assert body(route.calls.last.request) == [
        {"phone": "1", "content": "x"},
        {"phone": "2", "content": "y"},
    ]


@respx.mock
async def test_contacts_get_by_phone_or_ref() -> None:
    route = respx.get(f"{BASE}/api/contacts/get").mock(return_value=ok(CONTACT))
    contact = await make().contacts.find(phone="0912345678", ref_code="C-1")
    assert dict(last(route).url.params) == {"phone": "0912345678", "ref_code": "C-1"}
    assert isinstance(contact, Contact) and contact.full_name == "Nguyen Van A"


@respx.mock
async def test_contacts_details() -> None:
    route = respx.get(f"{BASE}/api/contacts/details/6391feada745be2a6aa18001").mock(
        return_value=ok(CONTACT)
    )
    contact = await make().contacts.get("6391feada745be2a6aa18001")
    last(route)
    assert isinstance(contact, Contact) and contact.id == "6391feada745be2a6aa18001"


@respx.mock
async def test_contact_layout_get() -> None:
    fields = [{"field_code": "vWabCEBkqM", "field_type": "single_text", "name": "Hạng"}]
    route = respx.get(f"{BASE}/api/source_contact_layout/get").mock(return_value=ok(fields))
    result = await make().contact_layout.list()
    last(route)
    assert [type(f) for f in result] == [ContactLayoutField]
    assert result[0].field_code == "vWabCEBkqM" and result[0].field_name == "Hạng"


@respx.mock
async def test_contact_layout_get_paged_payload() -> None:
    respx.get(f"{BASE}/api/source_contact_layout/get").mock(
        return_value=ok({"items": [{"field_code": "x"}], "has_next": False})
    )
    result = await make().contact_layout.list()
    assert [f.field_code for f in result] == ["x"]


# -- call center ----------------------------------------------------------------


@respx.mock
async def test_internal_phones_list_seed_example() -> None:
    route = respx.get(f"{BASE}/api/call_center/internal_phone/list").mock(
        return_value=httpx.Response(200, json=EXAMPLES["internal_phones.list"])
    )
    page = await make().internal_phones.list(keyword="14", size=2)
    assert dict(last(route).url.params) == {"keyword": "14", "page": "1", "size": "2"}
    assert page.total == 30 and page.has_next_page()
    first = page.items[0]
    assert isinstance(first, InternalPhone)
    assert first.sip_user == "147" and first.full_name == "Đỗ Thị Hồng Vy"
    assert isinstance(first.password, SecretStr) and first.password.get_secret_value() == "XXXXXX"
    assert "kiyyzsefxx" not in repr(page.items[1]) and "kiyyzsefxx" not in str(page.items[1])
    assert first.created_date == ms(1575251355778)


@respx.mock
async def test_internal_phones_update_status() -> None:
    route = respx.put(f"{BASE}/api/call_center/internal_phone/status").mock(return_value=ok(None))
    assert await make().internal_phones.update_status(sip_user="101", enabled=False) is None
    request = last(route)
    assert request.method == "PUT"
    assert dict(request.url.params) == {"sip_user": "101", "enabled": "false"}


@respx.mock
async def test_hotlines_list_is_a_plain_list() -> None:
    route = respx.get(f"{BASE}/api/call_center/hotline/list").mock(
        return_value=httpx.Response(200, json=EXAMPLES["hotlines.list"])
    )
    result = await make().hotlines.list(extension="101")
    assert dict(last(route).url.params) == {"extension": "101"}
    assert result == ["024********", "842*********"]


@respx.mock
async def test_hotlines_assign_extension() -> None:
    route = respx.post(f"{BASE}/api/call_center/hotline/extension/update").mock(
        return_value=ok(True)
    )
    result = await make().hotlines.assign_extension(
        hotline="842899999", user_email="ann@acme.vn", directions=["outbound"]
    )
    assert isinstance(result, WriteResult) and result.payload is True
    assert body(last(route)) == {
        "hotline": "842899999",
        "user_email": "ann@acme.vn",
        "directions": ["outbound"],
    }


@respx.mock
async def test_extensions_detail_seed_example() -> None:
    route = respx.get(f"{BASE}/api/call_center/extensions/detail").mock(
        return_value=httpx.Response(200, json=EXAMPLES["extensions.get_detail"])
    )
    ext = await make().extensions.find(type="user_email", keyword="ann@acme.vn")
    assert dict(last(route).url.params) == {"type": "user_email", "keyword": "ann@acme.vn"}
    assert isinstance(ext, Extension) and ext.extension == "6349" and ext.uuid == "tientv11"
    assert ext.pbx_account is not None
    assert ext.pbx_account.sip_password is not None
    assert ext.pbx_account.sip_password.get_secret_value() == "rvld582289"
    assert "rvld582289" not in repr(ext)
    assert ext.pbx_account.transport == ["tcp", "udp", "ws", "wss"]
    assert ext.pbx_account.use_opus is True


@respx.mock
async def test_internal_groups_list_seed_example() -> None:
    route = respx.get(f"{BASE}/api/call_center/internal_group/list").mock(
        return_value=httpx.Response(200, json=EXAMPLES["internal_groups.list"])
    )
    page = await make().internal_groups.list(keyword="Nhóm")
    assert dict(last(route).url.params) == {"keyword": "Nhóm", "page": "1"}
    assert page.total == 4 and not page.has_next_page()  # next_page is 1, has_next false
    assert [type(g) for g in page.items] == [InternalGroup] * 4
    tech = page.items[0]
    assert tech.id == "62ff11b208d4bf3ea694a6f3" and tech.group_name == "Nhóm Tech"
    assert tech.is_answer is False  # sent as the string "false"
    assert tech.members is not None and tech.members[0].timeout == 30
    assert tech.create_by is not None and tech.create_by.name == "OMI Hotline"
    assert tech.created_date == ms(1660883378087)


@respx.mock
async def test_internal_groups_create_and_update() -> None:
    omi = make()
    create = respx.post(f"{BASE}/api/call_center/internal_group/add").mock(
        return_value=httpx.Response(200, json=EXAMPLES["internal_groups.create"])
    )
    group = await omi.internal_groups.create(
        group_name="tientv11", sip_members=["100"], strategy="random", ring_timeout=30
    )
    assert body(last(create)) == {
        "group_name": "tientv11",
        "strategy": "random",
        "sip_members": ["100"],
        "timeout": 30,
    }
    assert isinstance(group, InternalGroup) and group.sip_members == ["100"]
    assert group.strategy == "random" and group.last_update_by is None

    update = respx.post(
        f"{BASE}/api/call_center/internal_group/update/6391f5be232ce4664531e0cc"
    ).mock(return_value=httpx.Response(200, json=EXAMPLES["internal_groups.update"]))
    group = await omi.internal_groups.update(
        "6391f5be232ce4664531e0cc", group_name="tientv11", sip_members=["100"]
    )
    assert body(last(update))["strategy"] == "enterprise"
    assert group.last_updated_date == ms(1670510241349)
    assert (
        group.last_update_by is not None and group.last_update_by.id == "6209c98561c1cb163ded25fa"
    )


@respx.mock
async def test_internal_groups_members_and_delete() -> None:
    omi = make()
    add = respx.post(f"{BASE}/api/call_center/internal_group/add-members").mock(
        return_value=ok(EXAMPLES["internal_groups.create"]["payload"])
    )
    remove = respx.post(f"{BASE}/api/call_center/internal_group/remove-members").mock(
        return_value=ok(True)
    )
    delete = respx.delete(f"{BASE}/api/call_center/internal_group/delete/g1").mock(
        return_value=ok(None)
    )
    group = await omi.internal_groups.add_members("g1", sip_users=["101", "102"])
    assert body(last(add)) == {"group_id": "g1", "sip_users": ["101", "102"]}
    assert isinstance(group, InternalGroup) and group.group_number == "22412"
    assert await omi.internal_groups.remove_members("g1", sip_users=["101"]) is None
    assert body(last(remove)) == {"group_id": "g1", "sip_users": ["101"]}
    assert await omi.internal_groups.delete("g1") is None
    last(delete)


@respx.mock
async def test_key_interactions() -> None:
    omi = make()
    listing = respx.get(f"{BASE}/api/call_center/key-interaction/list").mock(
        return_value=httpx.Response(200, json=EXAMPLES["key_interactions.list"])
    )
    page = await omi.key_interactions.list(page=1, size=10)
    assert dict(last(listing).url.params) == {"page": "1", "size": "10"}
    (script,) = page.items
    assert isinstance(script, KeyInteraction) and script.script_number == "166780"
    assert script.created_by is not None and script.created_by.name == "OMI Hotline"
    assert script.scripts is not None and script.scripts[0].action_type == "Ring_group"
    assert script.ivr_direct_menu_dial is None

    create = respx.post(f"{BASE}/api/call_center/key-interaction/add").mock(
        return_value=httpx.Response(200, json=EXAMPLES["key_interactions.create"])
    )
    created = await omi.key_interactions.create(
        script_name="KỊCH BẢN BẤM PHÍM",
        greeting_id="62da34652a310904dfbbf13b",
        scripts=[
            KeyScript(ivr="1", action_type="Ivr_menu", action="6391fa5f44b0fb4429b580c0"),
            {"ivr": "5", "action_type": "", "action": ""},
        ],
    )
    assert body(last(create)) == {
        "script_name": "KỊCH BẢN BẤM PHÍM",
        "greeting_id": "62da34652a310904dfbbf13b",
        "scripts": [
            {"ivr": "1", "action_type": "Ivr_menu", "action": "6391fa5f44b0fb4429b580c0"},
            {"ivr": "5", "action_type": "", "action": ""},
        ],
        "time_out": 3,
        "max_failure": 1,
    }
    assert created.ivr_direct_menu_dial is False and created.invalid_sound_id

    update = respx.post(
        f"{BASE}/api/call_center/key-interaction/update/632969ce7534d97b0933d51d"
    ).mock(return_value=httpx.Response(200, json=EXAMPLES["key_interactions.update"]))
    updated = await omi.key_interactions.update(
        "632969ce7534d97b0933d51d",
        script_name="x",
        greeting_id="g",
        scripts=[{"ivr": "1", "action_type": "Ring_group", "action": "grp"}],
        time_out=5,
        max_failure=2,
    )
    assert body(last(update))["time_out"] == 5
    assert updated.last_updated_by is not None and updated.id == "632969ce7534d97b0933d51d"

    delete = respx.delete(f"{BASE}/api/call_center/key-interaction/delete/k1").mock(
        return_value=ok(None)
    )
    assert await omi.key_interactions.delete("k1") is None
    last(delete)


@respx.mock
async def test_greetings_list_and_delete() -> None:
    omi = make()
    listing = respx.get(f"{BASE}/api/call_center/greeting/list").mock(
        return_value=httpx.Response(200, json=EXAMPLES["greetings.list"])
    )
    page = await omi.greetings.list(size=3)
    assert dict(last(listing).url.params) == {"page": "1", "size": "3"}
    assert page.total == 13 and page.has_next_page()
    assert [type(g) for g in page.items] == [Greeting] * 3
    assert page.items[0].voice == "banmai" and page.items[0].speed == 0
    assert page.items[0].recording_file == "6c0d4c55-d837-4ae5-835e-c16180b09e51.mp3"
    delete = respx.delete(f"{BASE}/api/call_center/greeting/delete/gr1").mock(return_value=ok(None))
    assert await omi.greetings.delete("gr1") is None
    last(delete)


@respx.mock
async def test_greetings_upload_is_multipart_mp3() -> None:
    greeting = EXAMPLES["greetings.upload_text_to_speech"]["payload"]["file"]
    route = respx.post(f"{BASE}/api/call_center/greeting/upload").mock(
        return_value=ok({"file": greeting})
    )
    result = await make().greetings.upload(("hello.mp3", MP3), greeting_name="Xin chào")
    request = last(route)
    assert dict(request.url.params) == {"greeting_name": "Xin chào"}
    assert request.headers["content-type"].startswith("multipart/form-data")
    assert b'name="file"; filename="hello.mp3"' in request.content
    assert b"Content-Type: audio/mpeg" in request.content and MP3 in request.content
    assert isinstance(result, Greeting) and result.id == "639981151ee2ed6f5bbeea90"


@respx.mock
async def test_greetings_text_to_speech_seed_example() -> None:
    route = respx.post(f"{BASE}/api/call_center/greeting/upload-text-to-speech").mock(
        return_value=httpx.Response(200, json=EXAMPLES["greetings.upload_text_to_speech"])
    )
    text = "Bạn có một lịch họp sắp đến giờ, bạn vui lòng chú ý thời gian để đến đúng giờ"
    result = await make().greetings.text_to_speech(
        greeting_name="Nhắc lịch đào tạo", text=text, voice="banmai", speed=0
    )
    request = last(route)
    assert dict(request.url.params) == {"greeting_name": "Nhắc lịch đào tạo"}
    assert body(request) == {"text": text, "voice": "banmai", "speed": 0}
    assert isinstance(result, Greeting)
    assert result.content == text and result.formality == "Robot đọc"
    assert result.created_date == ms(1671004437213)
