"""OmniCXM client behaviour: configuration, credentials, re-login, envelope and HTTP errors,
201/202, paging in all its spellings, files read once, bad input refused before sending."""

from __future__ import annotations

import io
import json
import logging
import pickle
from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
import respx

from cxkit import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
)
from cxkit.omnicxm import AsyncOmniCXM, CDRRecord, F, NotCompletedError, Ticket
from cxkit.testing import FakeClock

BASE = "https://cxm.example.vn"
TOKEN = "8baeb4c3ca6d29fe7b42236f436f74b3-c8cbeaa0-bb57-47ec-a4b6-b7e1d929f8c0"
TOKEN2 = "0774b94dcadd6812936c19b4a7d489c4-657eddf9-7742-476e-b556-36bfd4dc6c22"
SECRET = "sk-9f3e2d1c0b4a59687766554433221100"
PASSWORD = "s3cret-Passw0rd!"
BASIC = "YWRtaW4uQzAwMDE6czNjcmV0LVBhc3N3MHJkIQ=="  # admin.C0001:s3cret-Passw0rd!
ENV = ("OMNICXM_BASE_URL", "OMNICXM_USERNAME", "OMNICXM_PASSWORD", "OMNICXM_SECRET_KEY")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


def make(**options: Any) -> AsyncOmniCXM:
    options.setdefault("max_retries", 0)
    options.setdefault("base_url", BASE)
    if not {"username", "password", "secret_key"} & set(options):
        options.update(username="admin.C0001", password=PASSWORD)
    return AsyncOmniCXM(**options)


def login_answer(token: str = TOKEN) -> httpx.Response:
    return httpx.Response(
        200, json={"status": True, "token": token, "userinfo": {"customer_code": "C0001"}}
    )


def ok(headers: dict[str, str] | None = None, **payload: Any) -> httpx.Response:
    return httpx.Response(200, json={"status": True, **payload}, headers=headers)


def page(number: int, pages: int, per: int = 2, spelling: str = "totalPages") -> httpx.Response:
    items = [{"basicinfo": {"id": f"t{number}-{i}"}} for i in range(per)]
    return ok(take=per, page=number, total=pages * per, **{spelling: pages}, data=items)


# -- configuration --------------------------------------------------------------------


def test_defaults_and_repr() -> None:
    client = AsyncOmniCXM(secret_key=SECRET)
    assert client.base_url == "https://omni-api-uat.worldfone.cloud"
    assert client.time_zone == ZoneInfo("Asia/Ho_Chi_Minh")
    assert client.userinfo is None
    assert repr(client) == "AsyncOmniCXM(base_url='https://omni-api-uat.worldfone.cloud')"
    assert SECRET not in repr(client._auth)


def test_env_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMNICXM_BASE_URL", "https://env.example.vn")
    monkeypatch.setenv("OMNICXM_USERNAME", "env.user")
    monkeypatch.setenv("OMNICXM_PASSWORD", PASSWORD)
    monkeypatch.setenv("OMNICXM_SECRET_KEY", SECRET)
    client = AsyncOmniCXM()
    assert client.base_url == "https://env.example.vn"
    assert "username='env.user'" in repr(client._auth)
    assert client._dialect.login and client._dialect.secret_key  # type: ignore[attr-defined]
    # Credentials passed explicitly: the environment's are not mixed in.
    only_key = AsyncOmniCXM(secret_key="explicit-key")
    assert not only_key._dialect.login  # type: ignore[attr-defined]


def test_missing_or_half_credentials() -> None:
    with pytest.raises(ConfigurationError, match="OMNICXM_USERNAME"):
        AsyncOmniCXM()
    with pytest.raises(ConfigurationError, match="both username= and password="):
        AsyncOmniCXM(username="admin")
    with pytest.raises(ConfigurationError, match="non-empty"):
        AsyncOmniCXM(secret_key="  ")
    with pytest.raises(ConfigurationError, match="time_zone"):
        AsyncOmniCXM(secret_key=SECRET, time_zone="Mars/Base")


@respx.mock
async def test_time_zone_option_reads_display_dates() -> None:
    record = {"_id": "c1", "calldate": 1693513271, "calldatetime": "2023-09-01 03:21:11"}
    respx.post(f"{BASE}/call/CDR").mock(return_value=ok(total=1, data=[record]))
    bangkok = make(secret_key=SECRET, time_zone="Asia/Bangkok")
    (call,) = (await bangkok.cdr.list()).items
    assert isinstance(call, CDRRecord)
    assert call.calldatetime == datetime(2023, 9, 1, 3, 21, 11, tzinfo=ZoneInfo("Asia/Bangkok"))


# -- credentials per operation ------------------------------------------------------------


@respx.mock
async def test_secret_key_only_sends_the_key_and_never_logs_in() -> None:
    login = respx.get(f"{BASE}/login").mock(return_value=login_answer())
    route = respx.get(f"{BASE}/services/tickets/ticket/t1").mock(
        return_value=ok(data={"basicinfo": {"id": "t1"}})
    )
    client = make(secret_key=SECRET)
    ticket = await client.tickets.get("t1")
    assert isinstance(ticket, Ticket) and ticket.id == "t1"
    assert route.calls.last.request.headers["x-api-key"] == SECRET
    assert login.call_count == 0


@respx.mock
async def test_login_only_operations_refuse_a_secret_key_before_sending() -> None:
    client = make(secret_key=SECRET)
    with pytest.raises(ConfigurationError, match=r"users\.me needs a login"):
        await client.users.me()
    with pytest.raises(ConfigurationError, match="needs a login"):
        await client.tickets.read(take=5)
    with pytest.raises(ConfigurationError, match="needs a login"):
        await client.logout()
    with pytest.raises(ConfigurationError, match="needs a login"):
        await client.auth.login()
    assert len(respx.calls) == 0


@respx.mock
async def test_secret_key_operations_refuse_a_login_before_sending() -> None:
    client = make()
    with pytest.raises(
        ConfigurationError, match=r"users\.pbx\.list needs the account's secret key"
    ):
        await client.users.pbx.list("C0384")
    assert len(respx.calls) == 0


@respx.mock
async def test_both_credentials_token_by_default_secret_key_where_required() -> None:
    respx.get(f"{BASE}/login").mock(return_value=login_answer())
    modules = respx.get(f"{BASE}/permission/module").mock(return_value=ok(modules=["tickets"]))
    pbx = respx.get(f"{BASE}/users/getuserpbx").mock(return_value=ok(users=[]))
    client = make(username="admin.C0001", password=PASSWORD, secret_key=SECRET)
    assert await client.permissions.modules.list() == ["tickets"]
    await client.users.pbx.list("C0384")
    assert modules.calls.last.request.headers["x-api-key"] == TOKEN
    assert pbx.calls.last.request.headers["x-api-key"] == SECRET


# -- login, re-login, logout -------------------------------------------------------------------


@respx.mock
async def test_login_once_then_token_reused_and_userinfo_kept() -> None:
    login = respx.get(f"{BASE}/login").mock(return_value=login_answer())
    route = respx.get(f"{BASE}/permission/module").mock(return_value=ok(modules=[]))
    client = make()
    for _ in range(3):
        await client.permissions.modules.list()
    assert login.call_count == 1 and route.call_count == 3
    request = login.calls.last.request
    assert request.headers["authorization"] == f"Basic {BASIC}"
    assert "x-api-key" not in request.headers
    assert request.extensions["timeout"]["connect"] == 10.0  # the client's timeout
    assert client.userinfo is not None and client.userinfo.customer_code == "C0001"


@respx.mock
async def test_401_logs_in_again_once_and_replays() -> None:
    login = respx.get(f"{BASE}/login").mock(side_effect=[login_answer(), login_answer(TOKEN2)])
    route = respx.get(f"{BASE}/permission/module").mock(
        side_effect=[
            ok(modules=["a"]),
            httpx.Response(401, json={"status": False, "error": "Unauthorized"}),
            ok(modules=["b"]),
        ]
    )
    client = make()
    assert await client.permissions.modules.list() == ["a"]
    assert await client.permissions.modules.list() == ["b"]
    assert login.call_count == 2
    assert [c.request.headers["x-api-key"] for c in route.calls] == [TOKEN, TOKEN, TOKEN2]


@respx.mock
async def test_expiry_in_a_200_envelope_logs_in_again_once() -> None:
    login = respx.get(f"{BASE}/login").mock(side_effect=[login_answer(), login_answer(TOKEN2)])
    route = respx.get(f"{BASE}/users/getinformation").mock(
        side_effect=[
            httpx.Response(200, json={"status": False, "error": "Token is expired"}),
            ok(data={"id": "u1", "username": "admin.C0001"}),
        ]
    )
    me = await make().users.me()
    assert me.id == "u1" and login.call_count == 2
    assert [c.request.headers["x-api-key"] for c in route.calls] == [TOKEN, TOKEN2]


@respx.mock
async def test_token_still_refused_after_relogin_raises_with_two_logins_only() -> None:
    login = respx.get(f"{BASE}/login").mock(side_effect=[login_answer(), login_answer(TOKEN2)])
    respx.get(f"{BASE}/users/getinformation").mock(
        return_value=httpx.Response(200, json={"status": False, "error": "Invalid token"})
    )
    with pytest.raises(AuthenticationError, match="Invalid token") as info:
        await make().users.me()
    assert info.value.status_code == 401 and info.value.http_status == 200
    assert login.call_count == 2


@respx.mock
async def test_other_envelope_failures_do_not_log_in_again() -> None:
    login = respx.get(f"{BASE}/login").mock(return_value=login_answer())
    respx.put(f"{BASE}/users/updatepassword").mock(
        return_value=httpx.Response(
            200, json={"status": False, "error": "Password must be at least 8 characters"}
        )
    )
    with pytest.raises(BadRequestError, match="at least 8 characters"):
        await make().users.update_password(oldpassword="a", newpassword="b", confirmpassword="b")
    assert login.call_count == 1


@respx.mock
async def test_wrong_credentials_raise_authentication_error() -> None:
    respx.get(f"{BASE}/login").mock(
        side_effect=[
            httpx.Response(401, json={"status": False, "error": "Wrong username or password"}),
            httpx.Response(200, json={"status": False, "error": "Wrong username or password"}),
        ]
    )
    route = respx.get(f"{BASE}/permission/module").mock(return_value=ok(modules=[]))
    client = make()
    for _ in range(2):
        with pytest.raises(AuthenticationError, match="Wrong username or password") as info:
            await client.permissions.modules.list()
        assert PASSWORD not in str(info.value) and BASIC not in str(info.value)
    assert route.call_count == 0


@respx.mock
async def test_explicit_login_and_logout() -> None:
    login = respx.get(f"{BASE}/login").mock(side_effect=[login_answer(), login_answer(TOKEN2)])
    logout = respx.get(f"{BASE}/logout").mock(return_value=ok())
    route = respx.get(f"{BASE}/permission/module").mock(return_value=ok(modules=[]))
    client = make()
    await client.logout()  # no token yet: nothing sent
    assert logout.call_count == 0
    result = await client.auth.login()
    assert result.token is not None and TOKEN not in repr(result)
    await client.permissions.modules.list()
    assert login.call_count == 1 and route.calls.last.request.headers["x-api-key"] == TOKEN
    await client.logout()
    assert logout.call_count == 1 and logout.calls.last.request.headers["x-api-key"] == TOKEN
    await client.permissions.modules.list()  # logs in again
    assert login.call_count == 2 and route.calls.last.request.headers["x-api-key"] == TOKEN2


@respx.mock
async def test_logout_of_a_dead_token_counts_as_logged_out() -> None:
    login = respx.get(f"{BASE}/login").mock(return_value=login_answer())
    logout = respx.get(f"{BASE}/logout").mock(
        return_value=httpx.Response(401, json={"status": False, "error": "Token is expired"})
    )
    client = make()
    await client.auth.login()
    await client.logout()
    assert logout.call_count == 1 and login.call_count == 1  # never renewed for a logout
    await client.logout()
    assert logout.call_count == 1  # the token is forgotten


# -- envelope and HTTP errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "cls", "status", "message"),
    [
        ({"status": False, "error": "Data invalid"}, BadRequestError, 400, "Data invalid"),
        ({"status": False, "msg": "Missing module"}, BadRequestError, 400, "Missing module"),
        ({"stt": False, "msg": "update_failed"}, BadRequestError, 400, "update_failed"),
        ({"status": "false", "error": "x"}, BadRequestError, 400, "x"),
        ({"status": False, "error": "Permission denied"}, PermissionDeniedError, 403, "Permission"),
        ({"status": False, "error": "Ticket not found"}, NotFoundError, 404, "not found"),
        ({"status": False, "error": "API limited"}, RateLimitError, 429, "API limited"),
        ({"status": False, "code": 409, "error": "Duplicate"}, APIError, 409, "Duplicate"),
        ({"status": False}, BadRequestError, 400, "status false"),
    ],
)
@respx.mock
async def test_envelope_failures_on_http_200(
    answer: dict[str, Any], cls: type[APIError], status: int, message: str
) -> None:
    respx.post(f"{BASE}/services/tickets/requester/convert").mock(
        return_value=httpx.Response(200, json=answer)
    )
    with pytest.raises(cls) as info:
        await make(secret_key=SECRET).tickets.requesters.convert(module="contacts", id="c1")
    error = info.value
    assert error.status_code == status and error.http_status == 200
    assert message in error.message and error.vendor == "omnicxm"
    assert error.body == answer


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (405, BadRequestError),
        (406, BadRequestError),
        (500, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
    ],
)
@respx.mock
async def test_documented_http_codes(status: int, cls: type[APIError]) -> None:
    respx.get(f"{BASE}/services/tickets/view").mock(
        return_value=httpx.Response(status, json={"status": False, "error": f"HTTP says {status}"})
    )
    respx.get(f"{BASE}/login").mock(return_value=login_answer())
    with pytest.raises(cls) as info:
        await make().tickets.views.list()
    assert info.value.http_status == status and info.value.message == f"HTTP says {status}"


@respx.mock
async def test_304_is_an_error() -> None:
    respx.get(f"{BASE}/settings/generalconfig/tags").mock(return_value=httpx.Response(304))
    with pytest.raises(APIError) as info:
        await make(secret_key=SECRET).tags.list()
    assert info.value.status_code == 304


@respx.mock
async def test_202_api_limited_is_a_rate_limit_never_replayed_for_a_write() -> None:
    # "Request OK but API limited": the docs do not say the write was not done, so a
    # write is not sent again (a read is: see the next test).
    clock = FakeClock()
    route = respx.post(f"{BASE}/services/tickets/ticket").mock(
        side_effect=[
            httpx.Response(202, json={"status": False, "error": "API limited"}),
            ok(id="t9"),
        ]
    )
    upload = io.BytesIO(b"%PDF-1.4 contract")
    upload.name = "contract.pdf"
    client = make(secret_key=SECRET, max_retries=2, clock=clock)
    with pytest.raises(RateLimitError):
        await client.tickets.create(subject="Hi", files=upload)
    assert route.call_count == 1 and clock.sleeps == []


@respx.mock
async def test_202_api_limited_is_retried_for_a_read() -> None:
    clock = FakeClock()
    route = respx.get(f"{BASE}/users/userinfo").mock(
        side_effect=[httpx.Response(202, text="API limited"), ok(username="u")]
    )
    client = make(secret_key=SECRET, max_retries=2, clock=clock)
    await client.request("GET", "/users/userinfo")
    assert route.call_count == 2 and len(clock.sleeps) == 1


@respx.mock
async def test_a_relogin_replay_sends_the_same_file_bytes() -> None:
    respx.get(f"{BASE}/login").mock(side_effect=[login_answer(), login_answer(TOKEN2)])
    route = respx.post(f"{BASE}/services/tickets/comment/t1").mock(
        side_effect=[
            httpx.Response(401, json={"status": False, "error": "Token is expired"}),
            ok(data={"id": "c1", "content": "<p>x</p>"}),
        ]
    )
    upload = io.BytesIO(b"GIF89a picture")
    upload.name = "pic.gif"
    comment = await make().tickets.comments.create("t1", content="x", files=upload)
    assert comment.id == "c1"
    first, second = (c.request for c in route.calls)
    assert first.content == second.content and b"GIF89a picture" in first.content
    assert b'filename="pic.gif"' in first.content
    assert (first.headers["x-api-key"], second.headers["x-api-key"]) == (TOKEN, TOKEN2)


@respx.mock
async def test_202_raises_rate_limit_error_when_retries_are_spent() -> None:
    respx.post(f"{BASE}/call/CDR").mock(
        return_value=httpx.Response(
            202, json={"status": False, "error": "API limited"}, headers={"Retry-After": "7"}
        )
    )
    with pytest.raises(RateLimitError) as info:
        await make(secret_key=SECRET).cdr.list()
    assert info.value.retry_after == 7.0 and info.value.http_status == 202
    assert info.value.message == "API limited"
    pickle.loads(pickle.dumps(info.value))


@pytest.mark.parametrize(
    ("answer", "raises"),
    [
        ({"status": True, "id": "t1"}, None),
        ({"status": False, "error": "not already success"}, "not already success"),
        ({"id": "t1"}, "no status"),
        (None, "HTTP 201"),
    ],
)
@respx.mock
async def test_201_is_decided_from_the_body(answer: Any, raises: str | None) -> None:
    response = httpx.Response(201, json=answer) if answer is not None else httpx.Response(201)
    route = respx.post(f"{BASE}/services/tickets/ticket").mock(return_value=response)
    client = make(secret_key=SECRET, max_retries=2)
    if raises is None:
        assert (await client.tickets.create(subject="Hi")).id == "t1"
    else:
        with pytest.raises(NotCompletedError, match=raises) as info:
            await client.tickets.create(subject="Hi")
        assert info.value.status_code == 201 and info.value.http_status == 201
    assert route.call_count == 1  # never retried


# -- paging ------------------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", ["totalPages", "totalPage", "totalpage"])
@respx.mock
async def test_page_count_in_every_spelling(spelling: str) -> None:
    route = respx.get(f"{BASE}/services/tickets/ticket").mock(
        side_effect=[
            page(1, 3, spelling=spelling),
            page(2, 3, spelling=spelling),
            page(3, 3, spelling=spelling),
        ]
    )
    client = make(secret_key=SECRET)
    ids = [t.id async for t in client.tickets.list(page=1)]
    assert ids == ["t1-0", "t1-1", "t2-0", "t2-1", "t3-0", "t3-1"]
    assert [c.request.url.params.get("page") for c in route.calls] == ["1", "2", "3"]


@respx.mock
async def test_total_and_take_decide_without_a_page_count() -> None:
    respx.get(f"{BASE}/login").mock(return_value=login_answer())
    route = respx.post(f"{BASE}/services/tickets/ticket/read").mock(
        side_effect=[
            ok(total=5, data=[{"basicinfo": {"id": str(i)}} for i in range(2)]),
            ok(total=5, data=[{"basicinfo": {"id": str(i)}} for i in range(2, 4)]),
            ok(total=5, data=[{"basicinfo": {"id": "4"}}]),
        ]
    )
    first = await make().tickets.read(where=F("x") == 1, take=2)
    assert first.total == 5
    ids = [t.id async for t in first]
    assert ids == ["0", "1", "2", "3", "4"]
    bodies = [json.loads(c.request.content) for c in route.calls]
    assert [(b.get("page"), b["take"]) for b in bodies] == [(None, 2), (2, 2), (3, 2)]
    assert all(b["filter"]["filters"][0]["field"] == "x" for b in bodies)


@respx.mock
async def test_take_is_carried_when_only_total_is_known() -> None:
    route = respx.get(f"{BASE}/settings/generalconfig/tags").mock(
        side_effect=[
            ok(total=3, data=[{"name": "a"}, {"name": "b"}]),
            ok(total=3, data=[{"name": "c"}]),
        ]
    )
    names = [t.name async for t in make(secret_key=SECRET).tags.list()]
    assert names == ["a", "b", "c"]
    assert [dict(c.request.url.params) for c in route.calls] == [{}, {"take": "2", "page": "2"}]


@respx.mock
async def test_an_empty_page_ends_the_listing() -> None:
    respx.get(f"{BASE}/login").mock(return_value=login_answer())
    route = respx.get(f"{BASE}/relationship/objects/leads").mock(
        side_effect=[
            ok(total=9, totalPage=9, data=[{"_id": "o1"}]),
            ok(total=9, totalPage=9, data=[]),
        ]
    )
    ids = [o.id async for o in make().objects.list("leads", take=1)]
    assert ids == ["o1"] and route.call_count == 2


@respx.mock
async def test_page_size_and_number_are_checked_before_sending() -> None:
    client = make(secret_key=SECRET)
    with pytest.raises(ValueError, match="between 1 and 100"):
        await client.tickets.list(take=101)
    with pytest.raises(ValueError, match="between 1 and 100"):
        await client.tickets.files.list("t1", take=500)
    with pytest.raises(ValueError, match="positive"):
        await client.cdr.list(take=0)
    with pytest.raises(ValueError, match="page must be"):
        await client.tickets.comments.list("t1", page=0)
    assert len(respx.calls) == 0


# -- bad input ------------------------------------------------------------------------------------


@respx.mock
async def test_bad_input_is_refused_before_sending() -> None:
    client = make(secret_key=SECRET)
    naive = datetime(2024, 1, 1)
    aware = datetime(2024, 1, 1, tzinfo=timezone.utc)
    cases = [
        lambda: client.tickets.get(""),
        lambda: client.tickets.create(),
        lambda: client.tickets.update("t1"),
        lambda: client.tickets.create(subject="x", duedate=naive),
        lambda: client.tickets.create(subject="x", ccs="user_1"),
        lambda: client.tickets.create(subject="x", basicinfo={"subject": "y"}),
        lambda: client.tickets.files.create("t1", []),
        lambda: client.tickets.files.delete("t1", []),
        lambda: client.tickets.comments.update("t1", idcomment="c1"),
        lambda: client.tickets.comments.update("t1", idcomment="c1", deletefileindex=[-1]),
        lambda: client.tickets.requesters.search(modules=["contacts", "people"]),  # type: ignore[list-item]
        lambda: client.tickets.requesters.convert(module="accounts", id="x"),  # type: ignore[arg-type]
        lambda: client.cdr.list(startdate=aware, enddate=datetime(2024, 3, 1, tzinfo=timezone.utc)),
        lambda: client.cdr.list(
            startdate=aware, enddate=datetime(2023, 12, 1, tzinfo=timezone.utc)
        ),
        lambda: client.users.update(),
        lambda: client.users.update(sex="other"),  # type: ignore[arg-type]
        lambda: client.custom_fields.list(module="deals"),  # type: ignore[arg-type]
        lambda: client.custom_fields.get_api_sample(module="tickets", type="delete"),  # type: ignore[arg-type]
        lambda: client.objects.create("contacts"),
        lambda: client.objects.create("contacts", basicinfo={"a": 1}, groups={"basicinfo": {}}),
        lambda: client.objects.read("contacts", where="a=1"),  # type: ignore[arg-type]
        lambda: client.tags.read(sort=[("a", "asc")]),  # type: ignore[arg-type]
        lambda: client.omnichat.rooms.unread_counts({}),
        lambda: client.omnichat.rooms.unread_counts({"r1": {"startTime": 1, "bogus": 2}}),
        lambda: client.tickets.sla.pause(
            ticket_id="a", idticket="b", timepending="soon", comment="c"
        ),
    ]
    for number, case in enumerate(cases):
        with pytest.raises((ValueError, TypeError)):
            await case()
        assert len(respx.calls) == 0, number


# -- per-call options ------------------------------------------------------------------------------


@respx.mock
async def test_per_call_options_reach_forms_and_queries() -> None:
    route = respx.put(f"{BASE}/relationship/Objects/contacts/o1").mock(return_value=ok())
    await make(secret_key=SECRET).objects.update(
        "contacts",
        "o1",
        basicinfo={"last_name": "Tran"},
        extra_body={"custom_group_field_2": {"dropdown_1": "v"}},
        extra_query={"lang": "english"},
        extra_headers={"X-Trace": "1"},
    )
    request = route.calls.last.request
    assert b'name="custom_group_field_2[dropdown_1]"' in request.content
    assert b'name="basicinfo[last_name]"' in request.content
    assert request.url.params["lang"] == "english" and request.headers["x-trace"] == "1"


# -- secrets --------------------------------------------------------------------------------------


@respx.mock
async def test_secrets_stay_out_of_logs_reprs_and_errors(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="cxkit")
    respx.get(f"{BASE}/login").mock(return_value=login_answer())
    respx.get(f"{BASE}/permission/module").mock(return_value=ok(modules=[]))
    respx.get(f"{BASE}/users/getuserpbx").mock(
        return_value=httpx.Response(400, json={"status": False, "error": f"bad key {SECRET}"})
    )
    respx.get(f"{BASE}/services/tickets/view").mock(
        return_value=httpx.Response(500, json={"status": False, "error": f"token {TOKEN} broke"})
    )
    client = make(username="admin.C0001", password=PASSWORD, secret_key=SECRET)
    result = await client.auth.login()
    await client.permissions.modules.list()
    errors: list[BaseException] = []
    for call in (lambda: client.users.pbx.list("C1"), lambda: client.tickets.views.list()):
        with pytest.raises(APIError) as info:
            await call()
        errors.append(info.value)
    shown = " ".join(
        [
            caplog.text,
            repr(client),
            repr(client._auth),
            repr(result),
            str(result.model_dump()),
            *(str(e) for e in errors),
            *(repr(e) for e in errors),
            *(e.message for e in errors if isinstance(e, APIError)),
        ]
    )
    assert "permission/module" in caplog.text  # the debug log did run
    for secret in (SECRET, TOKEN, PASSWORD, BASIC):
        assert secret not in shown


@respx.mock
async def test_a_create_answer_without_an_id_is_an_error() -> None:
    respx.post(f"{BASE}/services/tickets/ticket").mock(return_value=ok())
    with pytest.raises(ResponseValidationError, match="no 'id' id"):
        await make(secret_key=SECRET).tickets.create(subject="Hi")


@respx.mock
async def test_raw_response_after_a_relogin() -> None:
    respx.get(f"{BASE}/login").mock(side_effect=[login_answer(), login_answer(TOKEN2)])
    respx.get(f"{BASE}/services/tickets/view").mock(
        side_effect=[
            httpx.Response(401, json={"status": False, "error": "Token is expired"}),
            ok(data=[{"key": "system_mineticket"}], headers={"x-request-id": "r-1"}),
        ]
    )
    raw = await make().with_raw_response.tickets.views.list()
    assert raw.status_code == 200 and raw.request_id == "r-1"
    assert [v.key for v in raw.parse()] == ["system_mineticket"]
