"""Campaigns, campaign records, CRM campaign records, tickets, webhook items, temporary
files, custom-field groups, topics, tags and SMS against the seed.

For every endpoint of these groups with an example request, the SDK call made with
the example's values must send the example's method, path, query and body, no more
and no less, and the example answer must parse into its model. The seed lists most
of these endpoints in its index only: for those the method, path and encoding are
checked, with the parameters the SDK infers.
"""

from __future__ import annotations

import io
import json
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
import respx

from cxkit import BadRequestError, Created, NotFoundError
from cxkit.testing import FakeClock
from cxkit.thulium import AsyncThulium
from cxkit.thulium.types.common import BatchResult
from cxkit.thulium.types.crm import Customer
from cxkit.thulium.types.misc import (
    CustomerFieldGroup,
    SmsMessageSent,
    TemporaryFile,
    Topic,
)
from cxkit.thulium.types.outbounds import (
    CrmOutboundRecord,
    Outbound,
    OutboundAgent,
    OutboundParameters,
    OutboundRecord,
    OutboundStats,
    OutboundStatus,
    OutboundStatusUpdate,
    PhoneNumberOutbound,
)
from cxkit.thulium.types.tickets import (
    Ticket,
    TicketCategory,
    TicketQueue,
    TicketStatus,
    TicketTodayStats,
)
from cxkit.thulium.types.webhooks_config import Webhook
from tests.thulium.wire import answer_for, expected_query, sent_query

BASE = "https://your-system-name.thulium.com/api"
WARSAW = ZoneInfo("Europe/Warsaw")
CATALOG = json.loads(
    (Path(__file__).parents[2] / "fixtures" / "thulium" / "catalog.json").read_text("utf-8")
)
ENDPOINTS = {e["id"]: e for e in CATALOG["endpoints"]}
GROUPS = {
    "tickets",
    "outbounds",
    "outbound_records",
    "crm_outbounds",
    "webhooks",
    "outbounds_batch",
    "temporary_files",
    "customer_field_groups",
    "topics",
    "tags",
    "sms_messages",
}
MINE = sorted(e["id"] for e in CATALOG["endpoints"] if e["group"] in GROUPS)
DETAILED = sorted(i for i in MINE if ENDPOINTS[i]["detailed"])
INDEX_ONLY = sorted(i for i in MINE if not ENDPOINTS[i]["detailed"])
TOKEN = "61527075253ba62a76ca5c"

Call = Callable[[AsyncThulium], Awaitable[Any]]

# catalog id -> (the concrete path, the SDK call with the example's values)
CASES: dict[str, tuple[str, Call]] = {
    # -- campaigns (detailed in the seed) ----------------------------------------
    "outbounds.delete": (
        "/outbounds/12",
        lambda th: th.outbounds.delete("12", delete_recordings=True),
    ),
    "outbounds.list": ("/outbounds", lambda th: th.outbounds.list()),
    "outbounds.agents.list": (
        "/outbounds/00001/agents",
        lambda th: th.outbounds.agents.list("00001"),
    ),
    "outbounds.stats.get": ("/outbounds/00001/stats", lambda th: th.outbounds.stats.get("00001")),
    "outbounds.statuses.list": (
        "/outbounds/00001/statuses",
        lambda th: th.outbounds.statuses.list("00001"),
    ),
    "outbounds.stats.list": ("/outbounds/stats", lambda th: th.outbounds.stats.list()),
    "outbounds.create": (
        "/outbounds",
        lambda th: th.outbounds.create(
            id="09098",
            name="Some outbound name",
            start_date="2015-09-10",
            end_date="2015-09-12",
            dialer="predictive",
            crm=True,
            parameters={"caller_id": "1234"},
        ),
    ),
    "outbounds.agents.add": (
        "/outbounds/00001/add_agents",
        lambda th: th.outbounds.agents.add("00001", ["anowak", "jkowalski"]),
    ),
    "outbounds.clone": (
        "/outbounds/00001/clone",
        lambda th: th.outbounds.clone(
            "00001",
            new_id="77744",
            name="New cloned outbound",
            start_date="2015-09-10",
            end_date="2015-09-12",
            parameters=OutboundParameters(caller_id="1234"),
        ),
    ),
    "outbounds.agents.remove": (
        "/outbounds/00001/remove_agents",
        lambda th: th.outbounds.agents.remove("00001", ["anowak", "jkowalski"]),
    ),
    "outbounds.agents.set": (
        "/outbounds/00001/set_agents",
        lambda th: th.outbounds.agents.set("00001", logins=["anowak", "jkowalski"]),
    ),
    "outbounds.update": (
        "/outbounds/09098",
        lambda th: th.outbounds.update(
            "09098", name="Some new name", active=True, parameters={"caller_id": "1234"}
        ),
    ),
    "batch.outbounds.delete": (
        "/batch/outbounds",
        lambda th: th.batch.outbounds.delete(["00001", "00002", "00003"], delete_recordings=True),
    ),
    # -- CRM campaign records -------------------------------------------------------
    "crm_outbounds.records.delete": (
        "/crm_outbounds/00001/records/441",
        lambda th: th.crm_outbounds.records.delete("00001", 441),
    ),
    "crm_outbounds.records.list": (
        "/crm_outbounds/00001/records",
        lambda th: th.crm_outbounds.records.list(
            "00001", limit=5, offset=0, order="-next_call_date", status_id=[10, 15]
        ),
    ),
    "crm_outbounds.records.get": (
        "/crm_outbounds/00001/records/441",
        lambda th: th.crm_outbounds.records.get("00001", 441),
    ),
    "crm_outbounds.records.create": (
        "/crm_outbounds/00001/records",
        lambda th: th.crm_outbounds.records.create("00001", customer_id=441, status_id=3),
    ),
    "crm_outbounds.records.copy_notes": (
        "/crm_outbounds/00001/records/441/copy_notes",
        lambda th: th.crm_outbounds.records.copy_notes("00001", 441),
    ),
    "crm_outbounds.records.update": (
        "/crm_outbounds/00001/records/441",
        lambda th: th.crm_outbounds.records.update(
            "00001", 441, status_id=8, agent_login="j.doe", next_call_date="2018-05-24 12:24"
        ),
    ),
    # -- regular campaign records (index only) --------------------------------------
    "outbounds.records.delete": (
        "/outbounds/00001/records/333444555",
        lambda th: th.outbounds.records.delete("00001", "333444555"),
    ),
    "outbounds.records_by_identifier.delete": (
        "/outbounds/00001/records_by_identifier/1234567890",
        lambda th: th.outbounds.records_by_identifier.delete("00001", "1234567890"),
    ),
    "outbounds.records.list": (
        "/outbounds/00001/records",
        lambda th: th.outbounds.records.list("00001", limit=5, offset=0),
    ),
    "outbounds.records.get": (
        "/outbounds/00001/records/333444555",
        lambda th: th.outbounds.records.get("00001", "333444555"),
    ),
    "outbounds.records_by_identifier.get": (
        "/outbounds/00001/records_by_identifier/1234567890",
        lambda th: th.outbounds.records_by_identifier.get("00001", "1234567890"),
    ),
    "outbounds_by_phone_number.list": (
        "/outbounds_by_phone_number/333444555",
        lambda th: th.outbounds.find("333444555"),
    ),
    "outbound_status_by_phone_number.update": (
        "/outbound_status_by_phone_number",
        lambda th: th.outbounds.records.update_status(phone_number="111222333", status_id=3),
    ),
    "outbounds.records.create": (
        "/outbounds/00001/records",
        lambda th: th.outbounds.records.create(
            "00001",
            phone_number="111222333",
            status_id=3,
            record_fields={"field1": "value1", "field2": "value2"},
        ),
    ),
    "outbounds.records.update": (
        "/outbounds/00001/records/111222333",
        lambda th: th.outbounds.records.update(
            "00001", "111222333", status_id=8, next_call_date="2018-05-24 12:24"
        ),
    ),
    "outbounds.records_by_identifier.update": (
        "/outbounds/00001/records_by_identifier/1234567890",
        lambda th: th.outbounds.records_by_identifier.update(
            "00001", "1234567890", phone_number="111222333", order=50
        ),
    ),
    # -- temporary files, tickets, the rest (index only) ----------------------------
    "temporary_files.create": (
        "/temporary_files",
        lambda th: th.temporary_files.create(("file.txt", b"file content")),
    ),
    "tickets.delete": ("/tickets/1234", lambda th: th.tickets.delete(1234)),
    "tickets.attachments.delete": (
        f"/tickets/1234/attachments/{TOKEN}",
        lambda th: th.tickets.attachments.delete(1234, TOKEN),
    ),
    "ticket_categories.list": ("/ticket_categories", lambda th: th.tickets.categories.list()),
    "ticket_queues.list": ("/ticket_queues", lambda th: th.tickets.queues.list()),
    "ticket_statuses.list": ("/ticket_statuses", lambda th: th.tickets.statuses.list()),
    "tickets.list": (
        "/tickets",
        lambda th: th.tickets.list(limit=10, date_from="2014-07-04", status_id=[1, 2]),
    ),
    "tickets.get": ("/tickets/1234", lambda th: th.tickets.get(1234, include_custom_fields=True)),
    "tickets.today_stats": ("/tickets/today_stats", lambda th: th.tickets.today_stats.get()),
    "tickets.create": (
        "/tickets",
        lambda th: th.tickets.create(
            to="mailbox@foo.bar",
            subject="ticket subject",
            from_="john.doe@foo.bar",
            body="email content",
            comment="ticket comment",
            attachments=[TOKEN],
            cc=["cc_mail1@foo.bar", "cc_mail2@foo.bar"],
        ),
    ),
    "tickets.agent_response.create": (
        "/tickets/1234/agent_response",
        lambda th: th.tickets.agent_responses.create(
            1234,
            body="Hello world.",
            user_login="testowy.agent17",
            date="2014-07-14 12:34",
            attachments=[TOKEN],
        ),
    ),
    "tickets.comment.create": (
        "/tickets/1234/comment",
        lambda th: th.tickets.comments.create(1234, comment="Example comment"),
    ),
    "tickets.customer_response.create": (
        "/tickets/1234/customer_response",
        lambda th: th.tickets.customer_responses.create(1234, body="Hello world."),
    ),
    "tickets.update": (
        "/tickets/12",
        lambda th: th.tickets.update(12, status_id=1, substatus_id=2, category_id=3),
    ),
    "customer_field_groups.list": (
        "/customer_field_groups",
        lambda th: th.customer_field_groups.list(),
    ),
    "webhooks.delete": ("/webhooks/5", lambda th: th.webhooks.delete(5)),
    "webhooks.list": ("/webhooks", lambda th: th.webhooks.list()),
    "webhooks.create": (
        "/webhooks",
        lambda th: th.webhooks.create(
            actions=["CHAT_CONVERSATION_CREATED"], subscription_url="https://example.pl"
        ),
    ),
    "topics.list": ("/topics", lambda th: th.topics.list()),
    "tags.create": ("/tags", lambda th: th.tags.create(["new", "vip"])),
    "sms_messages.create": (
        "/sms_messages",
        lambda th: th.sms_messages.create(phone_number="111222333", message="Hello"),
    ),
}

# What the SDK sends for the endpoints the seed lists in its index only: (query, body).
INFERRED_REQUESTS: dict[str, tuple[dict[str, list[str]], Any]] = {
    "crm_outbounds.records.copy_notes": ({}, None),
    "crm_outbounds.records.update": (
        {},
        {"status_id": 8, "agent_login": "j.doe", "next_call_date": "2018-05-24 12:24"},
    ),
    "outbounds.records.delete": ({}, None),
    "outbounds.records_by_identifier.delete": ({}, None),
    "outbounds.records.list": ({"limit": ["5"], "offset": ["0"]}, None),
    "outbounds.records.get": ({}, None),
    "outbounds.records_by_identifier.get": ({}, None),
    "outbounds_by_phone_number.list": ({}, None),
    "outbound_status_by_phone_number.update": (
        {},
        {"phone_number": "111222333", "status_id": 3},
    ),
    "outbounds.records.create": (
        {},
        {
            "phone_number": "111222333",
            "status_id": 3,
            "record_fields": {"field1": "value1", "field2": "value2"},
        },
    ),
    "outbounds.records.update": ({}, {"status_id": 8, "next_call_date": "2018-05-24 12:24"}),
    "outbounds.records_by_identifier.update": ({}, {"phone_number": "111222333", "order": 50}),
    "temporary_files.create": ({"filename": ["file.txt"]}, "multipart"),
    "tickets.delete": ({}, None),
    "tickets.attachments.delete": ({}, None),
    "ticket_categories.list": ({}, None),
    "ticket_queues.list": ({}, None),
    "ticket_statuses.list": ({}, None),
    "tickets.list": (
        {"limit": ["10"], "date_from": ["2014-07-04"], "status_id[]": ["1", "2"]},
        None,
    ),
    "tickets.get": ({"include_custom_fields": ["true"]}, None),
    "tickets.today_stats": ({}, None),
    "tickets.create": (
        {},
        {
            "to": "mailbox@foo.bar",
            "subject": "ticket subject",
            "from": "john.doe@foo.bar",
            "body": "email content",
            "comment": "ticket comment",
            "attachments": [TOKEN],
            "cc": ["cc_mail1@foo.bar", "cc_mail2@foo.bar"],
        },
    ),
    "tickets.agent_response.create": (
        {},
        {
            "body": "Hello world.",
            "user_login": "testowy.agent17",
            "date": "2014-07-14 12:34",
            "attachments": [TOKEN],
        },
    ),
    "tickets.comment.create": ({}, {"comment": "Example comment"}),
    "tickets.customer_response.create": ({}, {"body": "Hello world."}),
    "tickets.update": ({}, {"status_id": 1, "substatus_id": 2, "category_id": 3}),
    "customer_field_groups.list": ({}, None),
    "webhooks.delete": ({}, None),
    "webhooks.list": ({}, None),
    "webhooks.create": (
        {},
        {"actions": ["CHAT_CONVERSATION_CREATED"], "subscription_url": "https://example.pl"},
    ),
    "topics.list": ({}, None),
    "tags.create": ({}, {"tags": ["new", "vip"]}),
    "sms_messages.create": ({}, {"phone_number": "111222333", "message": "Hello"}),
}

RECORD = {
    "record_id": 228,
    "phone_number": "333444555",
    "system_status": "NO_CALL",
    "status": "Do not call",
    "status_id": 5,
    "call_date": "2016-10-19 14:02",
    "create_date": "2016-10-18 12:02",
    "next_call_date": "",
    "agent_name": "",
    "agent_login": "",
    "last_note": "Last note for record",
    "identifier": "1234567890",
    "order": "",
}
TICKET = {
    "ticket_id": 1234,
    "from": "john.doe@foo.bar",
    "ticket_queue_name": "test@thulium.pl",
    "ticket_queue_id": 32,
    "subject": "Example ticket subject",
    "status_id": "2",
    "substatus_id": "2",
    "customer_id": 32122,
    "full_status_name": "some status - some sub status",
    "category_id": "3",
    "user_login": "akowalski",
    "created_at": "2014-07-08 08:05",
    "updated_at": "2014-07-11 08:05",
    "closed_at": "2014-09-04 17:33",
    "close_time": "123:33:44",
    "first_agent_responded_at": "2014-07-04 15:15",
    "first_agent_response_time": "01:00:12",
    "messages": [
        {
            "message_id": 432,
            "user_login": "akowalski",
            "type": "COMMENT",
            "body": "",
            "comment": "Example comment",
            "system_comment": "",
            "created_at": "2014-07-08 08:05",
            "attachments": [],
        }
    ],
    "custom_fields": {"ID": None, "Uwagi": "information"},
}
WEBHOOK = {
    "id": 5,
    "actions": ["CHAT_CONVERSATION_CREATED"],
    "subscription_url": "https://example.pl",
    "http_auth_user": "",
    "http_auth_password": "",
}

# Answers for the endpoints whose section shows none (shaped on the API's conventions).
ANSWERS: dict[str, Any] = {
    "outbounds.records.list": {"count": 1, "result": [RECORD]},
    "outbounds.records.get": RECORD,
    "outbounds.records_by_identifier.get": RECORD,
    "outbounds_by_phone_number.list": [{"id": "00001", "name": "Outbound", "record_id": 162}],
    "outbound_status_by_phone_number.update": {"outbound_id": ["00001", "00002", "00003"]},
    "outbounds.records.create": {"record_id": "231"},
    "temporary_files.create": {"filename": "file.txt", "token": TOKEN, "size": 12},
    "ticket_categories.list": [{"category_id": 3, "name": "Complaints"}],
    "ticket_queues.list": [{"ticket_queue_id": 32, "name": "test@thulium.pl"}],
    "ticket_statuses.list": [
        {"status_id": 2, "name": "Open", "substatuses": [{"substatus_id": 2, "name": "New"}]}
    ],
    "tickets.list": {"count": 1, "result": [TICKET]},
    "tickets.get": TICKET,
    "tickets.today_stats": {"new": 4, "closed": 2},
    "tickets.create": {"ticket_id": 1232},
    "customer_field_groups.list": [{"id": 1, "name": "Invoices", "fields": ["NIP"]}],
    "webhooks.list": [WEBHOOK],
    "webhooks.create": WEBHOOK,
    "topics.list": [{"id": 7, "name": "Billing"}],
    "tags.create": {"status": "success"},
}


def make(**options: Any) -> AsyncThulium:
    options.setdefault("max_retries", 0)
    return AsyncThulium(base_url=BASE, username="api_user", password="api_pass", **options)


async def run(endpoint_id: str, **options: Any) -> Any:
    endpoint = ENDPOINTS[endpoint_id]
    path, call = CASES[endpoint_id]
    with respx.mock:
        respx.route(method=endpoint["method"], url=f"{BASE}{path}").mock(
            return_value=answer_for(endpoint, ANSWERS)
        )
        return await call(make(**options))


def test_every_endpoint_of_these_groups_has_a_case() -> None:
    assert sorted(CASES) == MINE and len(MINE) == 50
    assert sorted(INFERRED_REQUESTS) == INDEX_ONLY and len(DETAILED) == 17


# -- the requests --------------------------------------------------------------------


@respx.mock
@pytest.mark.parametrize("endpoint_id", DETAILED)
async def test_request_matches_the_example(endpoint_id: str) -> None:
    endpoint = ENDPOINTS[endpoint_id]
    path, call = CASES[endpoint_id]
    route = respx.route(method=endpoint["method"], url=f"{BASE}{path}").mock(
        return_value=answer_for(endpoint, ANSWERS)
    )
    await call(make())
    assert route.call_count == 1
    request = route.calls.last.request
    assert request.method == endpoint["method"]
    assert request.url.path == "/api" + path
    assert request.headers["authorization"].startswith("Basic ")
    example = endpoint["example_request"]
    assert sent_query(request) == expected_query(example["query"])
    body = json.loads(request.content) if request.content else None
    assert body == example["body"]
    if body is not None:
        assert request.headers["content-type"] == "application/json"


@respx.mock
@pytest.mark.parametrize("endpoint_id", INDEX_ONLY)
async def test_index_only_request_method_path_and_encoding(endpoint_id: str) -> None:
    endpoint = ENDPOINTS[endpoint_id]
    path, call = CASES[endpoint_id]
    route = respx.route(method=endpoint["method"], url=f"{BASE}{path}").mock(
        return_value=answer_for(endpoint, ANSWERS)
    )
    await call(make())
    assert route.call_count == 1
    request = route.calls.last.request
    assert (request.method, request.url.path) == (endpoint["method"], "/api" + path)
    query, body = INFERRED_REQUESTS[endpoint_id]
    assert sent_query(request) == query
    if body == "multipart":
        assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
        assert b'name="file"; filename="file.txt"' in request.content
        assert b"\r\n\r\nfile content\r\n" in request.content
    elif body is None:
        assert request.content == b""
    else:
        assert request.headers["content-type"] == "application/json"
        assert json.loads(request.content) == body


# -- the answers, parsed ---------------------------------------------------------------


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=WARSAW)  # type: ignore[misc]


async def test_campaign_answers() -> None:
    assert await run("outbounds.delete") is None
    (outbound,) = await run("outbounds.list")
    assert isinstance(outbound, Outbound)
    assert (outbound.id, outbound.name, outbound.crm, outbound.order, outbound.parity) == (
        "00002",
        "API test",
        True,
        100,
        50,
    )
    agents = await run("outbounds.agents.list")
    assert [type(a) for a in agents] == [OutboundAgent, OutboundAgent]
    assert agents[0].login == "jkowalski" and agents[0].number == "3113"
    assert agents[0].active_in_outbound is True and agents[1].agent_id == 43
    stats = await run("outbounds.stats.get")
    assert isinstance(stats, OutboundStats)
    assert (stats.id, stats.records_count, stats.completion_percent) == ("00001", 1324, 14.87)
    every = await run("outbounds.stats.list")
    assert [(s.id, s.completion_percent) for s in every] == [("00001", 14.87), ("00002", 23.0)]
    statuses = await run("outbounds.statuses.list")
    assert all(isinstance(s, OutboundStatus) for s in statuses)
    assert [(s.status_id, s.system_status, s.dictionary_status_id) for s in statuses] == [
        (3, "CALL", 2),
        (4, "NO_CALL", None),
    ]
    created = await run("outbounds.create")
    assert isinstance(created, Created)
    assert created.id == "09098" and created.model_extra == {"outbound_id": "21"}
    cloned = await run("outbounds.clone")
    assert isinstance(cloned, Created) and cloned.id == "77744"
    for action in ("add", "remove", "set"):
        assert await run(f"outbounds.agents.{action}") is None
    assert await run("outbounds.update") is None


async def test_batch_delete_answer_is_read_item_by_item() -> None:
    result = await run("batch.outbounds.delete")
    assert isinstance(result, BatchResult)
    assert [(i.id, i.http_status, i.ok) for i in result.items] == [
        ("00001", 200, True),
        ("00002", 404, False),
        ("00003", 400, False),
    ]
    assert result.items[0].object == {"id": "00001", "status": "REMOVAL_QUEUED"}
    assert [i.id for i in result.failed] == ["00002", "00003"]
    with pytest.raises(NotFoundError) as caught:
        result.raise_for_failures()
    assert caught.value.status_code == 404 and "1 more" in str(caught.value)


async def test_crm_campaign_record_answers() -> None:
    page = await run("crm_outbounds.records.list")
    assert page.total == 1 and not page.has_next_page()
    (record,) = page.items
    assert isinstance(record, CrmOutboundRecord)
    assert (record.record_id, record.customer_id, record.status_id) == (228, 311, 5)
    assert record.status == "Nie dzwonić" and record.system_status == "NO_CALL"
    assert record.call_date == at(2016, 10, 19, 14, 2)
    assert record.create_date == at(2016, 10, 18, 12, 2)
    assert record.next_call_date is None and record.agent_login is None
    assert record.order is None and record.last_note == "Ostatnia notatka dla rekordu"
    one = await run("crm_outbounds.records.get")
    assert isinstance(one, CrmOutboundRecord)
    assert (one.record_id, one.customer_id, one.phone_number) == (47, 441, "158433367")
    created = await run("crm_outbounds.records.create")
    assert isinstance(created, Created) and created.id == 231
    for name in ("delete", "update", "copy_notes"):
        assert await run(f"crm_outbounds.records.{name}") is None


async def test_campaign_record_answers() -> None:
    page = await run("outbounds.records.list")
    assert page.total == 1
    (record,) = page.items
    assert isinstance(record, OutboundRecord) and not isinstance(record, CrmOutboundRecord)
    assert (record.record_id, record.identifier) == (228, "1234567890")
    assert record.call_date == at(2016, 10, 19, 14, 2) and record.agent_name is None
    for name in ("outbounds.records.get", "outbounds.records_by_identifier.get"):
        got = await run(name)
        assert isinstance(got, OutboundRecord) and got.phone_number == "333444555"
    (match,) = await run("outbounds_by_phone_number.list")
    assert isinstance(match, PhoneNumberOutbound) and (match.id, match.record_id) == ("00001", 162)
    changed = await run("outbound_status_by_phone_number.update")
    assert isinstance(changed, OutboundStatusUpdate)
    assert changed.outbound_id == ["00001", "00002", "00003"]
    created = await run("outbounds.records.create")
    assert isinstance(created, Created) and created.id == 231
    for name in (
        "outbounds.records.update",
        "outbounds.records_by_identifier.update",
        "outbounds.records.delete",
        "outbounds.records_by_identifier.delete",
    ):
        assert await run(name) is None


async def test_ticket_answers() -> None:
    page = await run("tickets.list")
    assert page.total == 1
    (ticket,) = page.items
    assert isinstance(ticket, Ticket)
    assert ticket.ticket_id == 1234 and ticket.from_ == "john.doe@foo.bar"
    assert (ticket.status_id, ticket.substatus_id, ticket.category_id) == (2, 2, 3)
    assert ticket.created_at == at(2014, 7, 8, 8, 5) and ticket.closed_at == at(2014, 9, 4, 17, 33)
    assert ticket.close_time == timedelta(hours=123, minutes=33, seconds=44)
    assert ticket.first_agent_response_time == timedelta(hours=1, seconds=12)
    assert ticket.custom_fields == {"ID": None, "Uwagi": "information"}
    assert ticket.messages is not None
    (message,) = ticket.messages
    assert (message.message_id, message.type, message.comment) == (
        432,
        "COMMENT",
        "Example comment",
    )
    assert message.body is None and message.system_comment is None and message.attachments == []
    assert ticket.to_dict()["from"] == "john.doe@foo.bar"
    got = await run("tickets.get")
    assert isinstance(got, Ticket) and got.ticket_queue_name == "test@thulium.pl"
    created = await run("tickets.create")
    assert isinstance(created, Created) and created.id == 1232
    (category,) = await run("ticket_categories.list")
    assert isinstance(category, TicketCategory) and category.category_id == 3
    (queue,) = await run("ticket_queues.list")
    assert isinstance(queue, TicketQueue) and queue.ticket_queue_id == 32
    (status,) = await run("ticket_statuses.list")
    assert isinstance(status, TicketStatus) and status.substatuses is not None
    assert status.substatuses[0].name == "New"
    stats = await run("tickets.today_stats")
    assert isinstance(stats, TicketTodayStats) and stats.to_dict() == {"new": 4, "closed": 2}
    for name in (
        "tickets.update",
        "tickets.delete",
        "tickets.attachments.delete",
        "tickets.agent_response.create",
        "tickets.customer_response.create",
        "tickets.comment.create",
    ):
        assert await run(name) is None


async def test_webhook_file_and_misc_answers() -> None:
    (hook,) = await run("webhooks.list")
    assert isinstance(hook, Webhook)
    assert (hook.id, hook.actions, hook.subscription_url) == (
        5,
        ["CHAT_CONVERSATION_CREATED"],
        "https://example.pl",
    )
    assert hook.http_auth_user is None and hook.http_auth_password is None
    created = await run("webhooks.create")
    assert isinstance(created, Webhook) and created.id == 5
    assert await run("webhooks.delete") is None
    uploaded = await run("temporary_files.create")
    assert isinstance(uploaded, TemporaryFile)
    assert (uploaded.token, uploaded.filename, uploaded.size) == (TOKEN, "file.txt", 12)
    (group,) = await run("customer_field_groups.list")
    assert isinstance(group, CustomerFieldGroup) and group.name == "Invoices"
    (topic,) = await run("topics.list")
    assert isinstance(topic, Topic) and (topic.id, topic.name) == (7, "Billing")
    assert await run("tags.create") is None  # the answer is a success flag only
    sent = await run("sms_messages.create")
    assert isinstance(sent, SmsMessageSent) and sent.to_dict() == {}


async def test_dates_are_read_in_the_clients_time_zone() -> None:
    one = await run("crm_outbounds.records.get", time_zone="UTC")
    assert one.call_date == datetime(2016, 10, 19, 14, 2, tzinfo=ZoneInfo("UTC"))


@respx.mock
async def test_crm_record_with_its_customer() -> None:
    answer = {
        "count": 1,
        "result": [
            {
                "record_id": 1,
                "customer_id": 273,
                "customer": {"customer_id": 273, "surname": "Kowalski", "custom_fields": {}},
            }
        ],
    }
    route = respx.get(f"{BASE}/crm_outbounds/00001/records").mock(
        return_value=httpx.Response(200, json=answer)
    )
    page = await make().crm_outbounds.records.list(
        1,
        include_customer=True,
        include_custom_fields=True,
        include_address=True,
        include_invoice_address=False,
        include_mail_drop_address=True,
        system_status=["TO_CALL", "CALL"],
        create_date_from="2016-10-18",
        create_date_to="2016-10-20",
        call_date_from=datetime(2016, 10, 17, 23, 30, tzinfo=timezone.utc),
        call_date_to="2016-10-20",
    )
    assert sent_query(route.calls.last.request) == {
        "include_customer": ["true"],
        "include_custom_fields": ["true"],
        "include_address": ["true"],
        "include_invoice_address": ["false"],
        "include_mail_drop_address": ["true"],
        "system_status[]": ["TO_CALL", "CALL"],
        "create_date_from": ["2016-10-18"],
        "create_date_to": ["2016-10-20"],
        # 23:30 UTC is already the next day in Warsaw.
        "call_date_from": ["2016-10-18"],
        "call_date_to": ["2016-10-20"],
    }
    customer = page.items[0].customer
    assert isinstance(customer, Customer) and customer.surname == "Kowalski"


# -- paging ----------------------------------------------------------------------------


@respx.mock
async def test_crm_records_follow_pages_by_offset_until_count() -> None:
    def record(n: int) -> dict[str, Any]:
        return {"record_id": n, "customer_id": n, "phone_number": str(n)}

    route = respx.get(f"{BASE}/crm_outbounds/00001/records").mock(
        side_effect=[
            httpx.Response(200, json={"count": 3, "result": [record(1), record(2)]}),
            httpx.Response(200, json={"count": 3, "result": [record(3)]}),
        ]
    )
    seen = [r.record_id async for r in make().crm_outbounds.records.list("00001", limit=2)]
    assert seen == [1, 2, 3]
    first, second = (sent_query(c.request) for c in route.calls)
    assert first == {"limit": ["2"]}
    assert second == {"limit": ["2"], "offset": ["2"]}


@respx.mock
async def test_tickets_follow_pages_and_filter_by_every_documented_parameter() -> None:
    route = respx.get(f"{BASE}/tickets").mock(
        return_value=httpx.Response(200, json={"count": 0, "result": []})
    )
    page = await make().tickets.list(
        date_from="2014-07-04",
        date_to="2014-07-14 12:34",
        create_date_from=datetime(2014, 7, 4, 8, tzinfo=timezone.utc),
        create_date_to="2014-07-14",
        company_id=21,
        customer_id=32122,
        user_login="akowalski",
        source="www",
        ticket_queue_id=2,
        category_id=2,
        message_id=432,
        status_id=[1, 2],
        custom_fields={"ID": ["1", "2"], "Uwagi": "information"},
        limit=100,
        offset=10,
    )
    assert page.items == [] and page.total == 0 and not page.has_next_page()
    assert sent_query(route.calls.last.request) == {
        "date_from": ["2014-07-04"],
        "date_to": ["2014-07-14 12:34"],
        "create_date_from": ["2014-07-04 10:00:00"],
        "create_date_to": ["2014-07-14"],
        "company_id": ["21"],
        "customer_id": ["32122"],
        "user_login": ["akowalski"],
        "source": ["www"],
        "ticket_queue_id": ["2"],
        "category_id": ["2"],
        "message_id": ["432"],
        "status_id[]": ["1", "2"],
        "custom_fields[ID][0]": ["1"],
        "custom_fields[ID][1]": ["2"],
        "custom_fields[Uwagi]": ["information"],
        "limit": ["100"],
        "offset": ["10"],
    }


# -- every documented parameter, spelled as documented ---------------------------------


@respx.mock
async def test_every_campaign_setting_is_sent() -> None:
    create = respx.post(f"{BASE}/outbounds").mock(
        return_value=httpx.Response(201, json={"id": "00007", "outbound_id": "7"})
    )
    update = respx.put(f"{BASE}/outbounds/00007").mock(return_value=httpx.Response(204))
    settings: dict[str, Any] = dict(
        name="Kampania sprzedażowa 2015",
        dialer="preview",
        active=False,
        start_date=datetime(2015, 10, 4, 23, tzinfo=timezone.utc),
        end_date="2015-10-25",
        order=99999,
        parity=1,
        parameters={
            "caller_id": "123456789",
            "preview_timeout": 30,
            "predictive_max_calls": 2.5,
            "predictive_min_calls": 1,
        },
        group_id=15,
    )
    th = make()
    created = await th.outbounds.create(crm=False, **settings)
    await th.outbounds.update(7, **settings)
    wire = {
        "name": "Kampania sprzedażowa 2015",
        "dialer": "preview",
        "active": False,
        "start_date": "2015-10-05",
        "end_date": "2015-10-25",
        "order": 99999,
        "parity": 1,
        "parameters": {
            "caller_id": "123456789",
            "preview_timeout": 30,
            "predictive_max_calls": 2.5,
            "predictive_min_calls": 1,
        },
        "group_id": 15,
    }
    assert json.loads(create.calls.last.request.content) == {**wire, "crm": False}
    assert json.loads(update.calls.last.request.content) == wire
    assert created.id == "00007" and created.model_extra == {"outbound_id": "7"}


@respx.mock
async def test_every_record_field_is_sent_and_times_move_to_the_account_zone() -> None:
    route = respx.post(f"{BASE}/outbounds/00001/records").mock(
        return_value=httpx.Response(201, json={"record_id": 9})
    )
    crm = respx.post(f"{BASE}/crm_outbounds/00001/records").mock(
        return_value=httpx.Response(201, json={"record_id": "10"})
    )
    th = make()
    fields: dict[str, Any] = dict(
        status_id=8,
        dictionary_status_id=8,
        agent_login="j.doe",
        next_call_date=datetime(2018, 5, 24, 10, 24, tzinfo=timezone.utc),
        order=50,
    )
    await th.outbounds.records.create(
        "00001",
        phone_number="333444555",
        identifier="1234567890",
        record_fields={"field1": "value1"},
        **fields,
    )
    await th.crm_outbounds.records.create(1, customer_id=441, **fields)
    wire = {
        "status_id": 8,
        "dictionary_status_id": 8,
        "agent_login": "j.doe",
        "next_call_date": "2018-05-24 12:24",
        "order": 50,
    }
    assert json.loads(route.calls.last.request.content) == {
        "phone_number": "333444555",
        "identifier": "1234567890",
        "record_fields": {"field1": "value1"},
        **wire,
    }
    assert json.loads(crm.calls.last.request.content) == {"customer_id": 441, **wire}


@respx.mock
async def test_every_ticket_field_is_sent() -> None:
    create = respx.post(f"{BASE}/tickets").mock(
        return_value=httpx.Response(201, json={"ticket_id": 7})
    )
    update = respx.put(f"{BASE}/tickets/7").mock(return_value=httpx.Response(204))
    reply = respx.post(f"{BASE}/tickets/7/agent_response").mock(return_value=httpx.Response(201))
    customer = respx.post(f"{BASE}/tickets/7/customer_response").mock(
        return_value=httpx.Response(201)
    )
    comment = respx.post(f"{BASE}/tickets/7/comment").mock(return_value=httpx.Response(201))
    th = make()
    await th.tickets.create(
        to="mailbox@foo.bar",
        subject="s",
        body="<p>b</p>",
        body_type="HTML",
        source="phone",
        direction="out",
        user_login="akowalski",
        customer_id=32122,
        tags=["tag1", "tag2"],
        status_id=1,
        substatus_id=2,
        category_id=3,
        ticket_queue_id=4,
        custom_fields={"field_name_1": "value_1"},
    )
    assert json.loads(create.calls.last.request.content) == {
        "to": "mailbox@foo.bar",
        "subject": "s",
        "body": "<p>b</p>",
        "body_type": "HTML",
        "source": "phone",
        "direction": "out",
        "user_login": "akowalski",
        "customer_id": 32122,
        "tags": ["tag1", "tag2"],
        "status_id": 1,
        "substatus_id": 2,
        "category_id": 3,
        "ticket_queue_id": 4,
        "custom_fields": {"field_name_1": "value_1"},
    }
    await th.tickets.update(
        7,
        user_login="akowalski",
        tags=["vip"],
        ticket_queue_id=4,
        custom_fields={"field_name_1": "value_1"},
    )
    assert json.loads(update.calls.last.request.content) == {
        "user_login": "akowalski",
        "tags": ["vip"],
        "ticket_queue_id": 4,
        "custom_fields": {"field_name_1": "value_1"},
    }
    when = datetime(2014, 7, 14, 10, 34, tzinfo=timezone.utc)
    await th.tickets.agent_responses.create(
        7, body="x", user_login="a", body_type="PLAIN", date=when
    )
    assert json.loads(reply.calls.last.request.content) == {
        "body": "x",
        "user_login": "a",
        "body_type": "PLAIN",
        "date": "2014-07-14 12:34",
    }
    await th.tickets.customer_responses.create(7, body="y", body_type="PLAIN", date=when)
    assert json.loads(customer.calls.last.request.content) == {
        "body": "y",
        "body_type": "PLAIN",
        "date": "2014-07-14 12:34",
    }
    await th.tickets.comments.create(7, comment="z", user_login="akowalski")
    assert json.loads(comment.calls.last.request.content) == {
        "comment": "z",
        "user_login": "akowalski",
    }


@respx.mock
async def test_webhook_credentials_are_sent_and_kept_secret() -> None:
    answer = {**WEBHOOK, "http_auth_user": "hook", "http_auth_password": "s3cret"}
    route = respx.post(f"{BASE}/webhooks").mock(return_value=httpx.Response(201, json=answer))
    hook = await make().webhooks.create(
        actions=["TICKET_CREATED", "AGENT_COMPLETED"],
        subscription_url="https://example.pl/hook",
        http_auth_user="hook",
        http_auth_password="s3cret",
    )
    assert json.loads(route.calls.last.request.content) == {
        "actions": ["TICKET_CREATED", "AGENT_COMPLETED"],
        "subscription_url": "https://example.pl/hook",
        "http_auth_user": "hook",
        "http_auth_password": "s3cret",
    }
    assert hook.http_auth_password is not None
    assert hook.http_auth_password.get_secret_value() == "s3cret"
    assert "s3cret" not in repr(hook)


# -- uploads ---------------------------------------------------------------------------


class CountingFile(io.BytesIO):
    """A file object that counts its reads."""

    name = "/tmp/report.pdf"
    reads = 0

    def read(self, size: int | None = -1) -> bytes:
        self.reads += 1
        return super().read(size)


@respx.mock
async def test_upload_reads_the_file_once_and_a_retry_sends_the_same_bytes() -> None:
    clock = FakeClock()
    route = respx.post(f"{BASE}/temporary_files").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "1"}),
            httpx.Response(201, json={"filename": "report.pdf", "token": TOKEN, "size": 4}),
        ]
    )
    handle = CountingFile(b"%PDF")
    uploaded = await make(max_retries=1, clock=clock).temporary_files.create(handle)
    assert uploaded.token == TOKEN and handle.reads == 1
    first, second = (c.request for c in route.calls)
    assert first.content == second.content and b"\r\n\r\n%PDF\r\n" in first.content
    assert b'filename="report.pdf"' in first.content
    assert b"Content-Type: application/pdf" in first.content
    assert sent_query(first) == {"filename": ["report.pdf"]}
    assert clock.sleeps == [1.0]


@respx.mock
async def test_upload_takes_a_path_and_a_filename(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"hello")
    route = respx.post(f"{BASE}/temporary_files").mock(
        return_value=httpx.Response(201, json={"token": "t"})
    )
    uploaded = await make().temporary_files.create(path, filename="renamed.txt")
    request = route.calls.last.request
    assert sent_query(request) == {"filename": ["renamed.txt"]}
    assert b'filename="renamed.txt"' in request.content and b"hello" in request.content
    assert uploaded.token == "t" and uploaded.size is None


# -- retries follow idempotency --------------------------------------------------------


@respx.mock
async def test_setting_agents_is_retried_but_adding_is_not() -> None:
    clock = FakeClock()
    th = make(max_retries=1, clock=clock)
    set_route = respx.post(f"{BASE}/outbounds/00001/set_agents").mock(
        side_effect=[httpx.Response(503), httpx.Response(201)]
    )
    await th.outbounds.agents.set("00001", ["anowak"])
    assert set_route.call_count == 2
    add_route = respx.post(f"{BASE}/outbounds/00001/add_agents").mock(
        return_value=httpx.Response(503)
    )
    with pytest.raises(Exception) as caught:
        await th.outbounds.agents.add("00001", ["anowak"])
    assert caught.value.status_code == 503  # type: ignore[attr-defined]
    assert add_route.call_count == 1


# -- errors ----------------------------------------------------------------------------

ERRORS = {
    "request_id": "53678450401cf",
    "errors": [
        {"message": "Wrong format of phone number.", "code": 111111},
        {"message": "Duplicated customer name.", "code": 222222},
    ],
}


@respx.mock
async def test_error_answers_map_to_typed_errors() -> None:
    respx.post(f"{BASE}/outbounds/00001/records").mock(
        return_value=httpx.Response(400, json=ERRORS)
    )
    with pytest.raises(BadRequestError) as bad:
        await make().outbounds.records.create("00001", phone_number="111222333")
    assert bad.value.request_id == "53678450401cf" and bad.value.code == 111111
    assert "Wrong format of phone number." in str(bad.value)
    respx.get(f"{BASE}/tickets/9").mock(
        return_value=httpx.Response(
            404, json={"request_id": "x1", "errors": [{"message": "Not found", "code": 404}]}
        )
    )
    with pytest.raises(NotFoundError) as missing:
        await make().tickets.get(9)
    assert missing.value.status_code == 404 and missing.value.request_id == "x1"


# -- bad input is refused before anything is sent --------------------------------------

BAD_CALLS: list[tuple[str, Call]] = [
    (
        "order out of range",
        lambda th: th.outbounds.create(name="n", dialer="preview", crm=True, order=0),
    ),
    ("parity out of range", lambda th: th.outbounds.update("00001", parity=101)),
    ("unknown dialer", lambda th: th.outbounds.create(name="n", dialer="auto", crm=True)),  # type: ignore[arg-type]
    ("crm not a bool", lambda th: th.outbounds.create(name="n", dialer="preview", crm="yes")),  # type: ignore[arg-type]
    ("empty name", lambda th: th.outbounds.create(name=" ", dialer="preview", crm=True)),
    ("bad start date", lambda th: th.outbounds.update("00001", start_date="05.10.2015")),
    ("naive start", lambda th: th.outbounds.update("00001", start_date=datetime(2015, 10, 5, 8))),
    ("unknown parameter", lambda th: th.outbounds.update("00001", parameters={"callerid": "1"})),
    ("nothing to update", lambda th: th.outbounds.update("00001")),
    ("campaign id too long", lambda th: th.outbounds.delete("123456")),
    ("campaign id not digits", lambda th: th.outbounds.stats.get("abc")),
    ("flag not a bool", lambda th: th.outbounds.delete("00001", delete_recordings="yes")),  # type: ignore[arg-type]
    ("one login, not a list", lambda th: th.outbounds.agents.add("00001", "jkowalski")),
    ("no logins", lambda th: th.outbounds.agents.set("00001", [])),
    ("bad new id", lambda th: th.outbounds.clone("00001", name="n", new_id="x")),
    ("no campaigns", lambda th: th.batch.outbounds.delete([])),
    ("one campaign, not a list", lambda th: th.batch.outbounds.delete("00001")),  # type: ignore[arg-type]
    ("limit above 100", lambda th: th.crm_outbounds.records.list("00001", limit=101)),
    ("negative offset", lambda th: th.outbounds.records.list("00001", offset=-1)),
    ("unknown order", lambda th: th.crm_outbounds.records.list("00001", order="name")),  # type: ignore[arg-type]
    (
        "unknown system status",
        lambda th: th.crm_outbounds.records.list("00001", system_status=["BOGUS"]),
    ),  # type: ignore[list-item]
    (
        "system status as text",
        lambda th: th.crm_outbounds.records.list("00001", system_status="CALL"),
    ),  # type: ignore[arg-type]
    ("bad day filter", lambda th: th.outbounds.records.list("00001", call_date_to="2016/10/20")),
    ("customer id zero", lambda th: th.crm_outbounds.records.create("00001", customer_id=0)),
    (
        "next call without time",
        lambda th: th.crm_outbounds.records.create(
            "00001", customer_id=1, next_call_date="2018-05-24"
        ),
    ),
    (
        "naive next call",
        lambda th: th.crm_outbounds.records.update(
            "00001", 1, next_call_date=datetime(2018, 5, 24)
        ),
    ),
    ("nothing to change", lambda th: th.crm_outbounds.records.update("00001", 1)),
    ("bad phone number", lambda th: th.outbounds.records.get("00001", "abc")),
    ("empty identifier", lambda th: th.outbounds.records_by_identifier.delete("00001", "")),
    (
        "status id missing",
        lambda th: th.outbounds.records.update_status(phone_number="1", status_id=None),
    ),  # type: ignore[arg-type]
    (
        "record fields not a map",
        lambda th: th.outbounds.records.create("00001", phone_number="1", record_fields=["a"]),
    ),  # type: ignore[arg-type]
    ("ticket id zero", lambda th: th.tickets.get(0)),
    ("ticket id as text", lambda th: th.tickets.delete("12")),  # type: ignore[arg-type]
    ("tickets limit above 100", lambda th: th.tickets.list(limit=101)),
    ("unknown source", lambda th: th.tickets.list(source="fax")),  # type: ignore[arg-type]
    ("empty recipient", lambda th: th.tickets.create(to="", subject="s", body="b")),
    (
        "unknown direction",
        lambda th: th.tickets.create(to="a@b.pl", subject="s", body="b", direction="in"),
    ),  # type: ignore[arg-type]
    ("tags as text", lambda th: th.tickets.update(1, tags="vip")),  # type: ignore[arg-type]
    ("nothing to change on a ticket", lambda th: th.tickets.update(1)),
    (
        "unknown body type",
        lambda th: th.tickets.agent_responses.create(1, body="b", user_login="a", body_type="MD"),
    ),  # type: ignore[arg-type]
    (
        "bad reply date",
        lambda th: th.tickets.customer_responses.create(1, body="b", date="14.07.2014"),
    ),
    ("empty comment", lambda th: th.tickets.comments.create(1, comment="")),
    ("empty token", lambda th: th.tickets.attachments.delete(1, " ")),
    (
        "unknown action",
        lambda th: th.webhooks.create(actions=["NOPE"], subscription_url="https://x.pl"),
    ),  # type: ignore[list-item]
    (
        "action as text",
        lambda th: th.webhooks.create(actions="TICKET_CREATED", subscription_url="https://x.pl"),
    ),  # type: ignore[arg-type]
    ("no actions", lambda th: th.webhooks.create(actions=[], subscription_url="https://x.pl")),
    (
        "not a web URL",
        lambda th: th.webhooks.create(actions=["TICKET_CREATED"], subscription_url="ftp://x.pl"),
    ),
    ("webhook id as text", lambda th: th.webhooks.delete("5")),  # type: ignore[arg-type]
    ("no tags", lambda th: th.tags.create([])),
    ("one tag as text", lambda th: th.tags.create("vip")),
    ("sms to a bad number", lambda th: th.sms_messages.create(phone_number="abc", message="m")),
    ("empty sms", lambda th: th.sms_messages.create(phone_number="111222333", message="")),
    ("not a file", lambda th: th.temporary_files.create(123)),  # type: ignore[arg-type]
    ("text file object", lambda th: th.temporary_files.create(io.StringIO("x"))),  # type: ignore[arg-type]
    ("empty filename", lambda th: th.temporary_files.create(b"x", filename="")),
]


@pytest.mark.parametrize("case", BAD_CALLS, ids=[name for name, _ in BAD_CALLS])
async def test_bad_input_is_refused_before_sending(case: tuple[str, Call]) -> None:
    with respx.mock(assert_all_called=False) as mock:
        route = mock.route().mock(return_value=httpx.Response(500))
        with pytest.raises((ValueError, TypeError)):
            await case[1](make())
    assert route.call_count == 0
