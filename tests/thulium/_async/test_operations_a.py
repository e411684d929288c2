"""Agents, chats, CRM, batch customers, users and todos against the seed's examples.

For every endpoint of these groups the SDK call is made with the example's values;
the request sent must have the example's method, path, query and body, no more and
no less, and the example answer must parse into the documented model.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
import respx

from cxkit import Created
from cxkit.thulium import (
    Agent,
    AgentGroup,
    AgentStatus,
    AsyncThulium,
    BatchResult,
    Chat,
    ChatConversation,
    ChatQueue,
    ChatReportRow,
    Company,
    Customer,
    CustomerInput,
    CustomerUpdate,
    LastQueueCall,
    Todo,
    User,
    WorkReportRow,
)
from tests.thulium.wire import answer_for, expected_query, sent_query

BASE = "https://your-system-name.thulium.com/api"
WARSAW = ZoneInfo("Europe/Warsaw")
CATALOG = json.loads(
    (Path(__file__).parents[2] / "fixtures" / "thulium" / "catalog.json").read_text("utf-8")
)
ENDPOINTS = {e["id"]: e for e in CATALOG["endpoints"]}
GROUPS = {"agents", "chats", "crm", "customers_batch", "users", "todos"}
MINE = sorted(e["id"] for e in CATALOG["endpoints"] if e["group"] in GROUPS)
FEED = (
    '[{"id":"sample-id","type":"text","payload":{"message":"Sample message"},'
    '"author":"customer","time":"2021-02-02T10:10:12"}]'
)

Call = Callable[[AsyncThulium], Awaitable[Any]]

# catalog id -> (the example's concrete path, the SDK call with the example's values)
CASES: dict[str, tuple[str, Call]] = {
    "agents.list": ("/agents", lambda th: th.agents.list()),
    "agents.get": ("/agents/jkowalski", lambda th: th.agents.get("jkowalski")),
    "agents.last_queue_call": (
        "/agents/jkowalski/last_queue_call",
        lambda th: th.agents.last_queue_call.get("jkowalski"),
    ),
    "agents.status": ("/agents/jkowalski/status", lambda th: th.agents.status.get("jkowalski")),
    "agents_groups.list": ("/agents_groups", lambda th: th.agents_groups.list()),
    "agents_statuses.list": ("/agents_statuses", lambda th: th.agents_statuses.list()),
    "agents_work_report.get": (
        "/agents_work_report",
        lambda th: th.agents_work_report.list(
            agent_logins=["jkowalski"],
            date_from="2024-11-08",
            date_to="2024-12-08",
            aggregate_by="day",
        ),
    ),
    "agents.create": (
        "/agents",
        lambda th: th.agents.create(
            name="Jan",
            surname="Kowalski",
            login="jkowalski",
            email="jk@foo.bar",
            password="pass",
            number="345",
            roles=[1, 2],
        ),
    ),
    "agents.answer": ("/agents/jkowalski/answer", lambda th: th.agents.answer("jkowalski")),
    "agents.call": (
        "/agents/jkowalski/call",
        lambda th: th.agents.call("jkowalski", phone_number="111222333"),
    ),
    "agents.call_preview": (
        "/agents/jkowalski/call_preview",
        lambda th: th.agents.call_preview("jkowalski"),
    ),
    "agents.free": ("/agents/jkowalski/free", lambda th: th.agents.free("jkowalski")),
    "agents.hangup": ("/agents/jkowalski/hangup", lambda th: th.agents.hangup("jkowalski")),
    "agents.hold": ("/agents/jkowalski/hold", lambda th: th.agents.hold("jkowalski")),
    "agents.login": ("/agents/jkowalski/login", lambda th: th.agents.login("jkowalski")),
    "agents.logout": ("/agents/jkowalski/logout", lambda th: th.agents.logout("jkowalski")),
    "agents.mute": ("/agents/jkowalski/mute", lambda th: th.agents.mute("jkowalski")),
    "agents.pause": (
        "/agents/jkowalski/pause",
        lambda th: th.agents.pause("jkowalski", pause_id="1"),
    ),
    "agents.stop_recording": (
        "/agents/jkowalski/stop_recording",
        lambda th: th.agents.stop_recording("jkowalski"),
    ),
    "agents.transfer": (
        "/agents/jkowalski/transfer",
        lambda th: th.agents.transfer("jkowalski", destination="999888777"),
    ),
    "agents.unhold": ("/agents/jkowalski/unhold", lambda th: th.agents.unhold("jkowalski")),
    "agents.unmute": ("/agents/jkowalski/unmute", lambda th: th.agents.unmute("jkowalski")),
    "chat_conversations.delete": (
        "/chat_conversations/a779146f-4df3-49c1-826a-7caa6a5e653a",
        lambda th: th.chat_conversations.delete("a779146f-4df3-49c1-826a-7caa6a5e653a"),
    ),
    "chat_conversations.content.delete": (
        "/chat_conversations/content/2/user",
        lambda th: th.chat_conversations.content.delete("2", "user"),
    ),
    "chats.list": (
        "/chats",
        lambda th: th.chats.list(
            limit=1,
            offset=0,
            date_from="2014-07-04",
            date_to="2014-07-05",
            status="CLOSED",
            include_messages=True,
            include_files=True,
            include_client_data=True,
        ),
    ),
    "chats.queues.list": ("/chats/queues", lambda th: th.chats.queues.list()),
    "chats.reports.summary": (
        "/chats/reports/summary",
        lambda th: th.chats.reports.summary.list(
            user_logins=["jkowalski"],
            date_from="2024-11-08",
            date_to="2024-12-08",
            aggregate_by="day",
        ),
    ),
    "chat_conversations.message.create": (
        "/chat_conversations/6ed7c941-2c8a-411e-95d2-338a9f64800a/message",
        lambda th: th.chat_conversations.messages.create(
            "6ed7c941-2c8a-411e-95d2-338a9f64800a", text="Hello, world!"
        ),
    ),
    "chat_conversations.stop": (
        "/chat_conversations/6ed7c941-2c8a-411e-95d2-338a9f64800a/stop",
        lambda th: th.chat_conversations.stop("6ed7c941-2c8a-411e-95d2-338a9f64800a"),
    ),
    "chat_conversations.start": (
        "/chat_conversations/start",
        lambda th: th.chat_conversations.start(chat_queue_id=3, client_id="1234"),
    ),
    "companies.delete": ("/companies/13", lambda th: th.companies.delete(13)),
    "customers.delete": ("/customers/13", lambda th: th.customers.delete(13)),
    "companies.list": (
        "/companies",
        lambda th: th.companies.list(
            nip="6783144527", include_custom_fields=True, include_address=True
        ),
    ),
    "companies.get": (
        "/companies/28",
        lambda th: th.companies.get(28, include_custom_fields=True, include_address=True),
    ),
    "customer_id_by_outbound_status.list": (
        "/customer_id_by_outbound_status",
        lambda th: th.customer_id_by_outbound_status.list(
            outbound_id=["00002", "00003"], status_id=[1, 1]
        ),
    ),
    "customers.list": (
        "/customers",
        lambda th: th.customers.list(
            email="jan.kowalski@foo.bar", include_custom_fields=True, include_address=True
        ),
    ),
    "customers.get": (
        "/customers/273",
        lambda th: th.customers.get(273, include_custom_fields=True),
    ),
    "companies.create": (
        "/companies",
        lambda th: th.companies.create(
            name="company",
            nip="6783144527",
            address={"city": "Krakow", "street": "Zlotej Jesieni"},
        ),
    ),
    "customers.create": (
        "/customers",
        lambda th: th.customers.create(surname="Kowalski", phone_number=["333444555", "123432234"]),
    ),
    "customers.feed_records.create": (
        "/customers/23/feed_records",
        lambda th: th.customers.feed_records.create(23, type="ZOWIE", payload=FEED),
    ),
    "customers.notes.create": (
        "/customers/123/notes",
        lambda th: th.customers.notes.create(123, message="Notatka", user_login="login_agenta"),
    ),
    "companies.update": (
        "/companies/23",
        lambda th: th.companies.update(
            23,
            name="company",
            nip="6783144527",
            address={"city": "Krakow", "street": "Zlotej Jesieni"},
        ),
    ),
    "customers.update": (
        "/customers/12",
        lambda th: th.customers.update(12, surname="Kowalski", phone_number="333444555"),
    ),
    "batch.customers.delete": ("/batch/customers", lambda th: th.batch.customers.delete([13, 14])),
    "batch.customers.create": (
        "/batch/customers",
        lambda th: th.batch.customers.create(
            [CustomerInput(surname="Kowalski"), {"phone_number": "333444555"}]
        ),
    ),
    "batch.customers.update": (
        "/batch/customers",
        lambda th: th.batch.customers.update(
            [
                CustomerUpdate(customer_id="13", surname="Kowalski"),
                {"customer_id": "14", "phone_number": "333444555"},
            ]
        ),
    ),
    "users.get": ("/users/jkowalski", lambda th: th.users.get("jkowalski")),
    "todos.get": ("/todos/5", lambda th: th.todos.get(5)),
    "todos.create": (
        "/todos",
        lambda th: th.todos.create(user_login="jkowalski", title="Call back"),
    ),
}

# Sent although the example request shows no body: the parameter is documented as
# required (the docs' transfer example omits the destination it needs).
BODY_BEYOND_EXAMPLE = {
    "agents.transfer": {"destination": "999888777"},
    "todos.create": {"user_login": "jkowalski", "title": "Call back"},
}

# Answers for endpoints whose section shows none (or an empty one).
ANSWERS: dict[str, Any] = {
    "users.get": {"login": "jkowalski", "sip_accounts": [{"number": "800"}]},
    "todos.get": {"id": 5, "title": "Call back", "deadline": "2024-12-01 10:00:00"},
    "todos.create": {"id": 5},
}


def make() -> AsyncThulium:
    return AsyncThulium(base_url=BASE, username="api_user", password="api_pass", max_retries=0)


def test_every_endpoint_of_these_groups_has_a_case() -> None:
    assert sorted(CASES) == MINE and len(MINE) == 49


@respx.mock
@pytest.mark.parametrize("endpoint_id", MINE)
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
    example = endpoint["example_request"] or {}
    assert sent_query(request) == expected_query(example.get("query"))
    body = json.loads(request.content) if request.content else None
    expected = example.get("body")
    if expected is None:
        expected = BODY_BEYOND_EXAMPLE.get(endpoint_id)
    assert body == expected
    if body is not None:
        assert request.headers["content-type"] == "application/json"


# -- the example answers, parsed ---------------------------------------------------


async def run(endpoint_id: str) -> Any:
    endpoint = ENDPOINTS[endpoint_id]
    path, call = CASES[endpoint_id]
    with respx.mock:
        respx.route(method=endpoint["method"], url=f"{BASE}{path}").mock(
            return_value=answer_for(endpoint, ANSWERS)
        )
        return await call(make())


async def test_agents_answers() -> None:
    agents = await run("agents.list")
    assert [type(a) for a in agents] == [Agent, Agent]
    robot, jan = agents
    assert robot.agent_id == 1 and robot.login == "" and robot.active is None  # kept as sent
    assert robot.group_id is None and robot.number is None
    assert jan.login == "janko" and jan.active is True and jan.number == "559933"
    assert jan.outbound_mode == "automatic" and jan.group_id == 3
    agent = await run("agents.get")
    assert isinstance(agent, Agent) and agent.email == "jan.kowalski@example.org"
    call = await run("agents.last_queue_call")
    assert isinstance(call, LastQueueCall) and call.connection_id == "1563281993.1"
    assert call.answered_date == datetime(2019, 7, 16, 14, 59, 59, tzinfo=WARSAW)
    assert call.customer_id == 123 and call.customer_identifier == "some_company"
    status = await run("agents.status")
    assert isinstance(status, AgentStatus) and status.status == "PAUSED" and status.pause_id == 1
    groups = await run("agents_groups.list")
    assert [(g.group_id, g.name) for g in groups] == [(1, "First group"), (2, "Second group")]
    assert all(isinstance(g, AgentGroup) for g in groups)
    statuses = await run("agents_statuses.list")
    assert [s.login for s in statuses] == ["jkowalski", "jjanowski"]
    created = await run("agents.create")
    assert isinstance(created, Created) and created.id == 11
    assert created.model_extra == {"agent_login": "jkowalski"}
    assert await run("agents.hangup") is None


async def test_work_report_answer() -> None:
    page = await run("agents_work_report.get")
    (row,) = page.items
    assert isinstance(row, WorkReportRow) and not page.has_next_page()
    assert row.agent is not None and row.agent.login == "jkowalski"
    assert row.period == "2019-12"
    assert row.inbound is not None and row.inbound.sum == timedelta(0)
    assert row.inbound.calls_per_hour == 0 and row.inbound.wait_sum == timedelta(0)
    assert row.chat is not None and row.ticket is not None and row.ticket.total_responded == 0
    assert row.outbound_below_threshold is not None
    assert row.login_date == datetime(2019, 12, 1, 9, 0, 18, tzinfo=WARSAW)
    assert [p.id for p in row.pauses or []] == ["all", "free", "0", "1", "2", "3", "4"]


async def test_chats_answers() -> None:
    page = await run("chats.list")
    assert page.total == 3 and page.has_next_page()
    (chat,) = page.items
    assert isinstance(chat, Chat) and chat.conversation_id == "6ed7c941-2c8a-411e-95d2-338a9f64800a"
    assert chat.created_at == datetime(2017, 12, 11, 10, 23, 4, 318000, tzinfo=WARSAW)
    assert chat.status == "CLOSED" and chat.rating == 1 and chat.customer_id == 2
    assert chat.messages is not None and [m.sent_by for m in chat.messages] == [
        "USER",
        "CLIENT",
        "USER",
    ]
    assert chat.messages[1].user_login is None
    assert chat.files is not None and chat.files[0].token == "188164338364f87fa936e48"
    assert chat.client_data is not None and chat.client_data.referrer is None
    assert chat.client_data.resolution == "1920x1080"
    queues = await run("chats.queues.list")
    assert [(q.chat_queue_id, q.display_name) for q in queues] == [(3, None), (4, "Service queue")]
    assert all(isinstance(q, ChatQueue) for q in queues)
    report = await run("chats.reports.summary")
    (row,) = report.items
    assert isinstance(row, ChatReportRow) and row.series == "2021-12"
    assert row.chat_time is not None and row.chat_time.avg == timedelta(seconds=48)
    assert row.rating is not None and row.rating.rate is not None and row.rating.rate.happy == 0
    assert row.service_level_percent == 100
    started = await run("chat_conversations.start")
    assert isinstance(started, ChatConversation)
    assert started.conversation_id == "6ed7c941-2c8a-411e-95d2-338a9f64800a"
    assert await run("chat_conversations.stop") is None


async def test_crm_answers() -> None:
    page = await run("customers.list")
    (customer,) = page.items
    assert isinstance(customer, Customer) and customer.customer_id == 273
    assert customer.emails == ["jan.kowalski@foo.bar", "j.kowalski@foo.bar"]
    assert customer.company_id is None and customer.identifier is None
    assert customer.company_flag is False and customer.updated_at is None
    assert customer.address is not None and customer.address.city == "Krakow"
    assert customer.address.flat is None
    assert customer.custom_fields == {
        "ID": None,
        "Dodatkowe informacje": "Numer dowodu - AXX 121212",
    }
    one = await run("customers.get")
    assert isinstance(one, Customer) and one.company_flag is None
    companies = await run("companies.list")
    (company,) = companies.items
    assert isinstance(company, Company) and company.company_id == 28 and company.customer_id == 13
    assert company.phone_numbers == ["123456789", "987654321"] and company.account_manager is None
    assert company.custom_fields == {"ID": None, "Additional info": "none"}
    got = await run("companies.get")
    assert isinstance(got, Company) and got.nip == "6783144527"
    created = await run("companies.create")
    assert isinstance(created, Created) and created.id == 21
    # the company's own customer record comes beside it, as sent
    assert created.model_extra == {"customer_id": "121"}
    new = await run("customers.create")
    assert isinstance(new, Created) and new.id == 324
    assert await run("customer_id_by_outbound_status.list") == [1, 2, 3, 4, 5, 6, 7]
    assert await run("customers.update") is None
    assert await run("customers.notes.create") is None


async def test_batch_customers_answers() -> None:
    created = await run("batch.customers.create")
    assert isinstance(created, BatchResult)
    assert [(i.index, i.http_status) for i in created.items] == [(0, 201), (1, 400)]
    assert created.succeeded[0].object == {"customer_id": "13"}
    assert created.failed[0].message == "Phone number must be numeric."
    updated = await run("batch.customers.update")
    assert [(i.id, i.ok) for i in updated.items] == [("13", True), ("14", False)]
    deleted = await run("batch.customers.delete")
    assert [i.id for i in deleted.failed] == ["14"]


async def test_inferred_answers() -> None:
    user = await run("users.get")
    assert isinstance(user, User) and user.login == "jkowalski"
    assert user.sip_accounts == [{"number": "800"}]
    todo = await run("todos.get")
    assert isinstance(todo, Todo) and todo.deadline == datetime(2024, 12, 1, 10, tzinfo=WARSAW)
    created = await run("todos.create")
    assert isinstance(created, Created) and created.id == 5


@respx.mock
async def test_todo_created_without_an_answer_body() -> None:
    respx.post(f"{BASE}/todos").mock(return_value=httpx.Response(201))
    assert await make().todos.create(user_login="jkowalski", title="x") is None


# -- every documented parameter, spelled as documented --------------------------------


@respx.mock
async def test_every_agent_create_and_call_parameter() -> None:
    route = respx.post(f"{BASE}/agents").mock(
        return_value=httpx.Response(201, json={"agent_id": "12", "agent_login": "ann"})
    )
    await make().agents.create(
        name="Ann",
        surname="Nowak",
        login="ann",
        password="s3cret!",
        number="5634",
        email="ann@example.com",
        change_password=False,
        callerid="A.Nowak",
        language="en",
        active=True,
        outbound_mode="auto",
        roles=[1],
    )
    assert json.loads(route.calls.last.request.content) == {
        "name": "Ann",
        "surname": "Nowak",
        "login": "ann",
        "password": "s3cret!",
        "number": "5634",
        "email": "ann@example.com",
        "change_password": False,
        "callerid": "A.Nowak",
        "language": "en",
        "active": True,
        "outbound_mode": "auto",
        "roles": [1],
    }
    call = respx.post(f"{BASE}/agents/ann/call").mock(return_value=httpx.Response(201))
    await make().agents.call(
        "ann",
        outbound_id="00001",
        customer_id=321,
        caller_id="321",
        custom_data={"example": "json"},
    )
    assert json.loads(call.calls.last.request.content) == {
        "outbound_id": "00001",
        "customer_id": 321,
        "caller_id": "321",
        "custom_data": {"example": "json"},
    }


@respx.mock
async def test_every_list_filter_is_sent() -> None:
    route = respx.get(f"{BASE}/customers").mock(return_value=httpx.Response(200, json=[]))
    await make().customers.list(
        identifier="",
        email="a@b.pl",
        phone_number="555666777",
        nip="6783144527",
        company_id=456,
        company_flag=True,
        type="custom type name",
        group="custom group name",
        custom_fields={"Kraj": ["POLSKA", "NORWEGIA"], "Miasto": "Kraków"},
        include_custom_fields=True,
        include_address=False,
        include_invoice_address=True,
        include_mail_drop_address=True,
        order=["name", "-customer_id", "nip"],
        limit=1000,
        offset=10,
    )
    assert sent_query(route.calls.last.request) == {
        "identifier": [""],
        "email": ["a@b.pl"],
        "phone_number": ["555666777"],
        "nip": ["6783144527"],
        "company_id": ["456"],
        "company_flag": ["true"],
        "type": ["custom type name"],
        "group": ["custom group name"],
        "custom_fields[Kraj][0]": ["POLSKA"],
        "custom_fields[Kraj][1]": ["NORWEGIA"],
        "custom_fields[Miasto]": ["Kraków"],
        "include_custom_fields": ["true"],
        "include_address": ["false"],
        "include_invoice_address": ["true"],
        "include_mail_drop_address": ["true"],
        "order": ["name,-customer_id,nip"],
        "limit": ["1000"],
        "offset": ["10"],
    }
    assert "custom_fields%5BKraj%5D%5B0%5D=POLSKA" in str(route.calls.last.request.url)


@respx.mock
async def test_report_filters_and_dates() -> None:
    route = respx.get(f"{BASE}/agents_work_report").mock(return_value=httpx.Response(200, json=[]))
    await make().agents_work_report.list(
        agent_group_ids=[2, 3],
        date_from=date(2019, 11, 1),
        date_to=datetime(2019, 11, 2, 10, 12, tzinfo=ZoneInfo("UTC")),
        queues_ids=[1, 3],
        outbound_threshold=10,
        limit=100,
        offset=10,
    )
    assert sent_query(route.calls.last.request) == {
        "agent_group_ids[]": ["2", "3"],
        "date_from": ["2019-11-01"],
        "date_to": ["2019-11-02 11:12:00"],
        "queues_ids[]": ["1", "3"],
        "outbound_threshold": ["10"],
        "limit": ["100"],
        "offset": ["10"],
    }
    summary = respx.get(f"{BASE}/chats/reports/summary").mock(
        return_value=httpx.Response(200, json=[])
    )
    await make().chats.reports.summary.list(
        date_from="2019-11-01 11:12:00",
        date_to="2019-11-02 11:12:00",
        sum_users=True,
        chat_queue_ids=[1, 3],
        response_threshold=50,
    )
    assert sent_query(summary.calls.last.request) == {
        "date_from": ["2019-11-01 11:12:00"],
        "date_to": ["2019-11-02 11:12:00"],
        "sum_users": ["true"],
        "chat_queue_ids[]": ["1", "3"],
        "response_threshold": ["50"],
    }
    statuses = respx.get(f"{BASE}/agents_statuses").mock(return_value=httpx.Response(200, json=[]))
    await make().agents_statuses.list(include_logged_off=True)
    assert sent_query(statuses.calls.last.request) == {"include_logged_off": ["true"]}


@respx.mock
async def test_every_crm_field_is_sent() -> None:
    route = respx.post(f"{BASE}/customers").mock(
        return_value=httpx.Response(201, json={"customer_id": 1})
    )
    address = {"street": "Zlotej Jesieni", "building": "7", "flat": "2", "postcode": "31-827"}
    await make().customers.create(
        name="Jan",
        surname="Kowalski",
        email=["jan@foo.bar", "j@foo.bar"],
        phone_number="222333444",
        company_id=5,
        type="t",
        group="g",
        identifier="ID-1",
        gender="male",
        homepage="https://jan.pl",
        birthdate=date(1990, 5, 4),
        nip="1234563218",
        note="n",
        pesel="90050412345",
        job="Thulium",
        job_title="CTO",
        account_manager="jkowalski",
        custom_fields={"Kraj": "POLSKA", "Old": ""},
        fill_read_only_custom_fields=True,
        vip=True,
        address=address,
        invoice_address={"city": "Krakow", "country": "Poland"},
        mail_drop_address={"city": "Warszawa"},
    )
    assert json.loads(route.calls.last.request.content) == {
        "name": "Jan",
        "surname": "Kowalski",
        "email": ["jan@foo.bar", "j@foo.bar"],
        "phone_number": "222333444",
        "company_id": 5,
        "type": "t",
        "group": "g",
        "identifier": "ID-1",
        "gender": "male",
        "homepage": "https://jan.pl",
        "birthdate": "1990-05-04",
        "nip": "1234563218",
        "note": "n",
        "pesel": "90050412345",
        "job": "Thulium",
        "job_title": "CTO",
        "account_manager": "jkowalski",
        "custom_fields": {"Kraj": "POLSKA", "Old": ""},
        "fill_read_only_custom_fields": True,
        "vip": True,
        "address": address,
        "invoice_address": {"city": "Krakow", "country": "Poland"},
        "mail_drop_address": {"city": "Warszawa"},
    }
    company = respx.put(f"{BASE}/companies/9").mock(return_value=httpx.Response(204))
    await make().companies.update(
        9, email="a@b.pl", phone_number=["1", "2"], vip=False, custom_fields={"X": None}
    )
    assert json.loads(company.calls.last.request.content) == {
        "email": "a@b.pl",
        "phone_number": ["1", "2"],
        "vip": False,
        "custom_fields": {"X": None},
    }


@respx.mock
async def test_chat_start_with_every_parameter_in_the_query() -> None:
    route = respx.post(f"{BASE}/chat_conversations/start").mock(
        return_value=httpx.Response(201, json={"conversation_id": "c1"})
    )
    await make().chat_conversations.start(
        chat_queue_id=3,
        client_name="Jan",
        client_surname="Kowalski",
        client_email="jan.kowalski@example.org",
        client_id="1234",
        customer_id=1,
    )
    request = route.calls.last.request
    assert sent_query(request) == {
        "chat_queue_id": ["3"],
        "client_name": ["Jan"],
        "client_surname": ["Kowalski"],
        "client_email": ["jan.kowalski@example.org"],
        "client_id": ["1234"],
        "customer_id": ["1"],
    }
    assert request.content == b""


@respx.mock
async def test_feed_record_payload_from_data() -> None:
    route = respx.post(f"{BASE}/customers/23/feed_records").mock(return_value=httpx.Response(201))
    await make().customers.feed_records.create(23, type="ZOWIE", payload=json.loads(FEED))
    assert json.loads(route.calls.last.request.content) == {"type": "ZOWIE", "payload": FEED}


# -- bad input fails before sending ----------------------------------------------------


BAD: list[tuple[Call, type[Exception], str]] = [
    (lambda th: th.agents.get(""), ValueError, "login"),
    (lambda th: th.agents.pause("a", pause_id="x"), ValueError, "pause_id"),
    (lambda th: th.agents.pause("a", pause_id=True), TypeError, "pause_id"),  # type: ignore[arg-type]
    (lambda th: th.agents.call("a"), ValueError, "phone_number"),
    (lambda th: th.agents.call("a", phone_number=""), ValueError, "phone_number"),
    (lambda th: th.agents.call("a", customer_id=1, outbound_id=""), ValueError, "campaign"),
    (lambda th: th.agents.call("a", phone_number="1", outbound_id="x"), ValueError, "campaign"),
    (
        lambda th: th.agents.create(
            name="A",
            surname="B",
            login="c",
            password="d",
            number="1",
            language="de",  # type: ignore[arg-type]
        ),
        ValueError,
        "language",
    ),
    (
        lambda th: th.agents.create(
            name="A",
            surname="B",
            login="c",
            password="d",
            number="1",
            outbound_mode="x",  # type: ignore[arg-type]
        ),
        ValueError,
        "outbound_mode",
    ),
    (lambda th: th.agents.transfer("a", destination=""), ValueError, "destination"),
    (
        lambda th: th.agents_work_report.list(date_from="2024-11-08", date_to="2024-12-08"),
        ValueError,
        "agent_logins",
    ),
    (
        lambda th: th.agents_work_report.list(
            date_from="08.11.2024", date_to="2024-12-08", agent_logins=["a"]
        ),
        ValueError,
        "date_from",
    ),
    (
        lambda th: th.agents_work_report.list(
            date_from="2024-11-08",
            date_to="2024-12-08",
            agent_logins="a",  # type: ignore[arg-type]
        ),
        TypeError,
        "agent_logins",
    ),
    (
        lambda th: th.agents_work_report.list(
            date_from="2024-11-08",
            date_to="2024-12-08",
            agent_logins=["a"],
            aggregate_by="decade",  # type: ignore[arg-type]
        ),
        ValueError,
        "aggregate_by",
    ),
    (lambda th: th.chats.list(status="OPEN"), ValueError, "status"),  # type: ignore[arg-type]
    (lambda th: th.chats.list(date_from=datetime(2024, 1, 1)), ValueError, "aware"),
    (lambda th: th.chat_conversations.content.delete("2", "agent"), ValueError, "participant"),  # type: ignore[arg-type]
    (lambda th: th.chat_conversations.start(chat_queue_id=0), ValueError, "chat_queue_id"),
    (lambda th: th.customers.get(0), ValueError, "id"),
    (lambda th: th.customers.get("7"), TypeError, "id"),  # type: ignore[arg-type]
    (lambda th: th.customers.update(7), ValueError, "nothing to send"),
    (lambda th: th.companies.update(7), ValueError, "nothing to send"),
    (lambda th: th.customers.create(surname=""), ValueError, "surname"),
    (lambda th: th.customers.create(surname="K", birthdate=5), ValueError, "birthdate"),  # type: ignore[arg-type]
    (lambda th: th.customers.create(surname="K", address={"road": "x"}), ValueError, "road"),
    (lambda th: th.customers.list(order="age"), ValueError, "order"),
    (lambda th: th.companies.list(order="-surname"), ValueError, "order"),
    (lambda th: th.customers.list(custom_fields={"Kraj": 5}), TypeError, "custom_fields"),  # type: ignore[dict-item]
    (lambda th: th.customers.notes.create(1, message=""), ValueError, "message"),
    (
        lambda th: th.customers.feed_records.create(1, type="OTHER", payload="[]"),
        ValueError,
        "type",
    ),  # type: ignore[arg-type]
    (
        lambda th: th.customers.feed_records.create(1, type="ZOWIE", payload=""),
        ValueError,
        "payload",
    ),
    (
        lambda th: th.customer_id_by_outbound_status.list(outbound_id="abc", status_id=1),
        ValueError,
        "campaign",
    ),
    (
        lambda th: th.customer_id_by_outbound_status.list(outbound_id=[], status_id=1),
        ValueError,
        "outbound_id",
    ),
    (lambda th: th.batch.customers.create([]), ValueError, "customers"),
    (lambda th: th.batch.customers.create({"surname": "x"}), TypeError, "customers"),  # type: ignore[arg-type]
    (lambda th: th.batch.customers.create([{"surname": "x", "bogus": 1}]), ValueError, "bogus"),
    (lambda th: th.batch.customers.update([{"surname": "x"}]), ValueError, "customer_id"),
    (lambda th: th.batch.customers.update([{"customer_id": "x1"}]), ValueError, "customer_id"),
    (lambda th: th.batch.customers.delete([]), ValueError, "customer_id"),
    (lambda th: th.users.get(" "), ValueError, "login"),
    (lambda th: th.todos.create(user_login="a", title=""), ValueError, "title"),
    (lambda th: th.agents.list(extra_hedaers={}), TypeError, "extra_hedaers"),  # type: ignore[call-arg]
]


@respx.mock
@pytest.mark.parametrize(("call", "error", "match"), BAD)
async def test_bad_input_is_refused_before_sending(
    call: Call, error: type[Exception], match: str
) -> None:
    route = respx.route().mock(return_value=httpx.Response(200, json=[]))
    with pytest.raises(error, match=match):
        await call(make())
    assert route.call_count == 0
