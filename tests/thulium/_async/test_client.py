"""Thulium client behaviour: configuration, auth and language headers, errors, 201/204/207/410, paging."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
import respx

from cxkit import (
    AuthenticationError,
    BadRequestError,
    GoneError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
)
from cxkit._core.errors import APIError, ConfigurationError
from cxkit.testing import FakeClock
from cxkit.thulium import AsyncThulium, BatchResult, Customer, ErrorDetail

BASE = "https://acme.thulium.com/api"
ERROR = {
    "request_id": "53678450401cf",
    "errors": [
        {"message": "Wrong format of phone number.", "code": 111111},
        {"message": "Duplicated customer name.", "code": 222222},
    ],
}
ENV = ("THULIUM_SYSTEM", "THULIUM_BASE_URL", "THULIUM_USERNAME", "THULIUM_PASSWORD")


def make(**options: Any) -> AsyncThulium:
    options.setdefault("max_retries", 0)
    return AsyncThulium(system="acme", username="api_user", password="api_pass", **options)


def customers(first: int, count: int) -> list[dict[str, Any]]:
    return [{"customer_id": first + i, "surname": f"S{first + i}"} for i in range(count)]


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


# -- configuration ------------------------------------------------------------


def test_base_url_from_the_system_name() -> None:
    assert make().base_url == BASE
    assert AsyncThulium(system="ACME.thulium.com", username="u", password="p").base_url == BASE
    assert repr(make()) == f"AsyncThulium(base_url='{BASE}')"
    assert (
        AsyncThulium(base_url="https://pbx.example.pl/api/", username="u", password="p").base_url
        == "https://pbx.example.pl/api"
    )


@pytest.mark.parametrize("system", ["", "acme corp", "https://acme.thulium.com", "-acme", 12])
def test_bad_system_names_are_refused(system: Any) -> None:
    with pytest.raises(ConfigurationError, match="system"):
        AsyncThulium(system=system, username="u", password="p")


def test_system_and_base_url_together_are_refused() -> None:
    with pytest.raises(ConfigurationError, match="not both"):
        AsyncThulium(system="acme", base_url=BASE, username="u", password="p")


def test_plain_http_is_refused_unless_allowed() -> None:
    with pytest.raises(ConfigurationError, match="http"):
        AsyncThulium(base_url="http://pbx.local/api", username="u", password="p")
    client = AsyncThulium(
        base_url="http://pbx.local/api", username="u", password="p", allow_insecure=True
    )
    assert client.base_url == "http://pbx.local/api"


def test_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THULIUM_SYSTEM", "envsys")
    monkeypatch.setenv("THULIUM_USERNAME", "env-user")
    monkeypatch.setenv("THULIUM_PASSWORD", "env-secret-pass")
    client = AsyncThulium()
    assert client.base_url == "https://envsys.thulium.com/api"
    assert "env-secret-pass" not in repr(client) + repr(client._auth)
    monkeypatch.setenv("THULIUM_BASE_URL", "https://pbx.example.pl/api")
    assert AsyncThulium().base_url == "https://pbx.example.pl/api"
    assert AsyncThulium(system="other").base_url == "https://other.thulium.com/api"


@pytest.mark.parametrize(
    ("missing", "env"),
    [
        ("system", "THULIUM_SYSTEM"),
        ("username", "THULIUM_USERNAME"),
        ("password", "THULIUM_PASSWORD"),
    ],
)
def test_missing_setting_names_its_variable(missing: str, env: str) -> None:
    kwargs: dict[str, Any] = {"system": "acme", "username": "u", "password": "p"}
    del kwargs[missing]
    with pytest.raises(ConfigurationError, match=env):
        AsyncThulium(**kwargs)


@respx.mock
async def test_basic_auth_header_is_the_correct_encoding() -> None:
    route = respx.get(f"{BASE}/agents").mock(return_value=httpx.Response(200, json=[]))
    await AsyncThulium(system="acme", username="user", password="password").agents.list()
    header = route.calls.last.request.headers["authorization"]
    # The docs' sample value dXNlcjpwYXNzd29yZAo= encodes "user:password\n".
    assert header == "Basic dXNlcjpwYXNzd29yZA=="
    assert base64.b64decode(header.split()[1]) == b"user:password"


@respx.mock
async def test_language_sets_accept_language() -> None:
    route = respx.get(f"{BASE}/agents").mock(return_value=httpx.Response(200, json=[]))
    await make(language="pl").agents.list()
    assert route.calls.last.request.headers["accept-language"] == "pl"
    await make().agents.list()
    assert "accept-language" not in route.calls.last.request.headers
    await make(language="pl", default_headers={"X-Trace": "t1"}).agents.list()
    sent = route.calls.last.request.headers
    assert sent["accept-language"] == "pl" and sent["x-trace"] == "t1"
    await make(language="pl", default_headers={"Accept-Language": "en"}).agents.list()
    assert route.calls.last.request.headers["accept-language"] == "en"


@pytest.mark.parametrize("language", ["", "polski!", 1])
def test_bad_language_is_refused(language: Any) -> None:
    with pytest.raises(ConfigurationError, match="language"):
        make(language=language)


@respx.mock
async def test_time_zone_reads_local_dates() -> None:
    status = {"login": "jkowalski", "status": "FREE", "last_change": "2014-10-24 10:30:44"}
    respx.get(f"{BASE}/agents/jkowalski/status").mock(return_value=httpx.Response(200, json=status))
    warsaw = await make().agents.status.get("jkowalski")
    assert warsaw.last_change == datetime(
        2014, 10, 24, 10, 30, 44, tzinfo=ZoneInfo("Europe/Warsaw")
    )
    assert make().time_zone == ZoneInfo("Europe/Warsaw")
    utc = await make(time_zone="UTC").agents.status.get("jkowalski")
    assert utc.last_change == datetime(2014, 10, 24, 10, 30, 44, tzinfo=ZoneInfo("UTC"))
    fixed = await make(time_zone=timezone.utc).agents.status.get("jkowalski")
    assert fixed.last_change is not None and fixed.last_change.utcoffset() is not None
    with pytest.raises(ConfigurationError, match="time_zone"):
        make(time_zone="Mars/Olympus")


@respx.mock
async def test_core_options_work_unchanged() -> None:
    route = respx.get(f"{BASE}/agents").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=[{"agent_id": 1, "login": "a"}])]
    )
    clock = FakeClock()
    client = make(max_retries=1, clock=clock, timeout=5)
    agents = await client.agents.list()
    assert [a.agent_id for a in agents] == [1] and route.call_count == 2
    assert client.timeout.read == 5
    slower = client.with_options(timeout=60)
    assert slower.timeout.read == 60 and slower.rate_limit is client.rate_limit


@respx.mock
async def test_per_call_options() -> None:
    route = respx.post(f"{BASE}/customers/7/notes").mock(return_value=httpx.Response(201))
    await make().customers.notes.create(
        7,
        message="Hi",
        extra_headers={"X-Trace": "t"},
        extra_query={"debug": "1"},
        extra_body={"pinned": True},
    )
    request = route.calls.last.request
    assert request.headers["x-trace"] == "t" and request.url.params["debug"] == "1"
    assert json.loads(request.content) == {"message": "Hi", "pinned": True}


# -- errors ---------------------------------------------------------------------


@respx.mock
async def test_documented_error_body() -> None:
    respx.post(f"{BASE}/customers").mock(return_value=httpx.Response(400, json=ERROR))
    with pytest.raises(BadRequestError) as info:
        await make().customers.create(surname="Kowalski", phone_number="abc")
    err = info.value
    assert err.vendor == "thulium" and err.status_code == 400
    assert err.request_id == "53678450401cf" and err.code == 111111
    assert err.message == "Wrong format of phone number."
    assert "Wrong format of phone number." in str(err) and "53678450401cf" in str(err)
    assert err.errors == [  # type: ignore[attr-defined]
        ErrorDetail("Wrong format of phone number.", 111111),
        ErrorDetail("Duplicated customer name.", 222222),
    ]
    assert err.body == ERROR


@respx.mock
@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (410, GoneError),
        (500, InternalServerError),
    ],
)
async def test_status_codes_map_to_typed_errors(status: int, cls: type[APIError]) -> None:
    body = {"request_id": "r-1", "errors": [{"message": "Nope.", "code": 1}]}
    respx.get(f"{BASE}/customers/5").mock(return_value=httpx.Response(status, json=body))
    with pytest.raises(cls) as info:
        await make().customers.get(5)
    assert info.value.request_id == "r-1" and info.value.message == "Nope."


@respx.mock
async def test_gone_customer() -> None:
    respx.get(f"{BASE}/customers/5").mock(
        return_value=httpx.Response(410, json={"request_id": "r", "errors": [{"message": "Gone"}]})
    )
    with pytest.raises(NotFoundError) as info:  # a GoneError is a NotFoundError too
        await make().customers.get(5)
    assert isinstance(info.value, GoneError) and info.value.status_code == 410


# -- 201, 204 and 207 -----------------------------------------------------------


@respx.mock
async def test_created_answers_and_empty_ones() -> None:
    respx.post(f"{BASE}/customers").mock(
        return_value=httpx.Response(201, json={"customer_id": "324"})
    )
    created = await make().customers.create(surname="Kowalski")
    assert created.id == 324 and created.model_extra == {}
    respx.post(f"{BASE}/agents/jkowalski/hangup").mock(return_value=httpx.Response(201))
    assert await make().agents.hangup("jkowalski") is None
    respx.put(f"{BASE}/customers/12").mock(return_value=httpx.Response(204))
    assert await make().customers.update(12, surname="Nowak") is None
    respx.delete(f"{BASE}/customers/12").mock(return_value=httpx.Response(204))
    assert await make().customers.delete(12) is None


@respx.mock
async def test_multi_status_does_not_raise() -> None:
    respx.delete(f"{BASE}/batch/customers").mock(
        return_value=httpx.Response(
            207,
            json={
                "13": {"http_status": 204},
                "14": {"http_status": 404, "message": "Customer not found."},
            },
        )
    )
    result = await make().batch.customers.delete([13, 14])
    assert isinstance(result, BatchResult)
    assert [i.id for i in result.succeeded] == ["13"]
    assert [(i.id, i.http_status, i.message) for i in result.failed] == [
        ("14", 404, "Customer not found.")
    ]
    with pytest.raises(NotFoundError, match=r"Customer not found\."):
        result.raise_for_failures()


@respx.mock
async def test_batch_that_fails_as_a_whole_raises() -> None:
    respx.post(f"{BASE}/batch/customers").mock(return_value=httpx.Response(400, json=ERROR))
    with pytest.raises(BadRequestError) as info:
        await make().batch.customers.create([{"surname": "A"}])
    assert info.value.request_id == "53678450401cf"


# -- paging ---------------------------------------------------------------------


@respx.mock
async def test_paging_exact_multiple_of_the_page_size() -> None:
    route = respx.get(f"{BASE}/customers").mock(
        side_effect=[
            httpx.Response(200, json=customers(1, 2)),
            httpx.Response(200, json=customers(3, 2)),
            httpx.Response(200, json=[]),
        ]
    )
    seen = [c.customer_id async for c in make().customers.list(limit=2)]
    assert seen == [1, 2, 3, 4]
    offsets = [c.request.url.params.get("offset") for c in route.calls]
    assert offsets == [None, "2", "4"]
    assert all(c.request.url.params["limit"] == "2" for c in route.calls)


@respx.mock
async def test_paging_short_last_page() -> None:
    route = respx.get(f"{BASE}/customers").mock(
        side_effect=[
            httpx.Response(200, json=customers(1, 2)),
            httpx.Response(200, json=customers(3, 1)),
        ]
    )
    seen = [c.customer_id async for c in make().customers.list(limit=2, offset=0)]
    assert seen == [1, 2, 3] and route.call_count == 2
    assert [c.request.url.params["offset"] for c in route.calls] == ["0", "2"]


@respx.mock
async def test_paging_empty_result() -> None:
    route = respx.get(f"{BASE}/companies").mock(return_value=httpx.Response(200, json=[]))
    page = await make().companies.list(nip="123")
    assert page.items == [] and not page.has_next_page() and page.total is None
    assert [c async for c in make().companies.list(nip="123")] == []
    assert route.call_count == 2


@respx.mock
async def test_paging_without_limit_follows_the_server_default() -> None:
    route = respx.get(f"{BASE}/customers").mock(
        side_effect=[
            httpx.Response(200, json=customers(1, 100)),
            httpx.Response(200, json=customers(101, 5)),
        ]
    )
    seen = [c async for c in make().customers.list(email="a@b.pl")]
    assert len(seen) == 105 and all(isinstance(c, Customer) for c in seen)
    assert dict(route.calls[0].request.url.params) == {"email": "a@b.pl"}
    assert dict(route.calls[1].request.url.params) == {"email": "a@b.pl", "offset": "100"}


@respx.mock
async def test_counted_paging_reads_the_total() -> None:
    def chats(first: int, count: int) -> list[dict[str, Any]]:
        return [{"conversation_id": f"c{first + i}"} for i in range(count)]

    route = respx.get(f"{BASE}/chats").mock(
        side_effect=[
            httpx.Response(200, json={"count": 3, "result": chats(1, 2)}),
            httpx.Response(200, json={"count": 3, "result": chats(3, 1)}),
        ]
    )
    page = await make().chats.list(limit=2)
    assert page.total == 3 and page.has_next_page()
    rest = await page.get_next_page()
    assert [c.conversation_id for c in rest.items] == ["c3"] and not rest.has_next_page()
    assert route.calls[1].request.url.params["offset"] == "2"


@respx.mock
async def test_counted_paging_empty_and_exact() -> None:
    route = respx.get(f"{BASE}/chats").mock(
        side_effect=[
            httpx.Response(200, json={"count": 0, "result": []}),
            httpx.Response(200, json={"count": 2, "result": [{"conversation_id": "a"}]}),
            httpx.Response(200, json={"count": 2, "result": [{"conversation_id": "b"}]}),
        ]
    )
    assert [c async for c in make().chats.list()] == []
    seen = [c.conversation_id async for c in make().chats.list(limit=1)]
    assert seen == ["a", "b"] and route.call_count == 3


@respx.mock
@pytest.mark.parametrize(
    ("call", "limit"),
    [
        (lambda th, n: th.customers.list(limit=n), 1000),
        (lambda th, n: th.companies.list(limit=n), 1000),
        (lambda th, n: th.chats.list(limit=n), 100),
        (
            lambda th, n: th.agents_work_report.list(
                date_from="2024-11-08", date_to="2024-12-08", agent_logins=["a"], limit=n
            ),
            100,
        ),
        (
            lambda th, n: th.chats.reports.summary.list(
                date_from="2024-11-08", date_to="2024-12-08", limit=n
            ),
            100,
        ),
    ],
)
async def test_page_size_maximum_is_checked_before_sending(call: Any, limit: int) -> None:
    route = respx.route().mock(return_value=httpx.Response(200, json=[]))
    with pytest.raises(ValueError, match=f"between 1 and {limit}"):
        await call(make(), limit + 1)
    with pytest.raises(ValueError, match="limit"):
        await call(make(), 0)
    assert route.call_count == 0
