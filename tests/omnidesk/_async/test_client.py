"""Omnidesk client behaviour: configuration, paging, multipart, errors, rate limits."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import httpx
import pytest
import respx

from cxkit._core.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
)
from cxkit.omnidesk import AsyncOmnidesk, Case, CaseBulkResult, Staff
from cxkit.testing import FakeClock, parse_form

BASE = "https://acme.omnidesk.ru/api"
CASE = {
    "case_id": 2000,
    "subject": "I need help",
    "created_at": "Mon, 05 May 2014 00:15:17 +0300",
    "custom_fields": {"cf_25": "some text"},
}


def make(**options: Any) -> AsyncOmnidesk:
    options.setdefault("max_retries", 0)
    return AsyncOmnidesk(domain="acme", email="bot@acme.ru", api_key="s3cret", **options)


def cases_page(start: int, count: int, total: int | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        str(i): {"case": {"case_id": start + i, "subject": f"case {start + i}"}}
        for i in range(count)
    }
    if total is not None:
        data["total_count"] = total
    return data


def form_parts(request: httpx.Request) -> dict[str, tuple[str | None, bytes]]:
    """The multipart fields of a request: name -> (filename, bytes)."""
    return {
        name: value if isinstance(value, tuple) else (None, value.encode())
        for name, value in parse_form(request)
    }


# -- configuration ----------------------------------------------------------


async def test_base_url_and_basic_auth() -> None:
    client = make()
    assert client.base_url == "https://acme.omnidesk.ru/api"
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"{BASE}/cases/1.json").respond(json={"case": CASE})
        await client.cases.get(1)
    auth = route.calls.last.request.headers["authorization"]
    assert auth == httpx.BasicAuth("bot@acme.ru", "s3cret")._auth_header
    assert "s3cret" not in repr(client)


def test_full_base_url_instead_of_domain() -> None:
    client = AsyncOmnidesk(base_url="https://help.example.com/api", email="a@b.ru", api_key="k")
    assert client.base_url == "https://help.example.com/api"
    assert make().base_url == AsyncOmnidesk("acme.omnidesk.ru", "a@b.ru", "k").base_url


def test_env_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMNIDESK_DOMAIN", "envdesk")
    monkeypatch.setenv("OMNIDESK_EMAIL", "env@desk.ru")
    monkeypatch.setenv("OMNIDESK_API_KEY", "envkey")
    assert AsyncOmnidesk().base_url == "https://envdesk.omnidesk.ru/api"
    monkeypatch.setenv("OMNIDESK_BASE_URL", "https://proxy.example.com/api")
    assert AsyncOmnidesk().base_url == "https://proxy.example.com/api"
    # An explicit domain wins over the environment.
    assert AsyncOmnidesk(domain="mine").base_url == "https://mine.omnidesk.ru/api"


@pytest.mark.parametrize(
    ("missing", "env"),
    [("domain", "OMNIDESK_DOMAIN"), ("email", "OMNIDESK_EMAIL"), ("api_key", "OMNIDESK_API_KEY")],
)
def test_missing_setting_is_named(monkeypatch: pytest.MonkeyPatch, missing: str, env: str) -> None:
    for name in ("OMNIDESK_DOMAIN", "OMNIDESK_BASE_URL", "OMNIDESK_EMAIL", "OMNIDESK_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    values = {"domain": "acme", "email": "a@b.ru", "api_key": "k"}
    values.pop(missing)
    with pytest.raises(ConfigurationError, match=env):
        AsyncOmnidesk(**values)


@pytest.mark.parametrize("domain", ["", "acme corp", "-acme", "acme_1", "a" * 64, "https://acme"])
def test_invalid_domain(monkeypatch: pytest.MonkeyPatch, domain: str) -> None:
    monkeypatch.delenv("OMNIDESK_DOMAIN", raising=False)
    monkeypatch.delenv("OMNIDESK_BASE_URL", raising=False)
    with pytest.raises(ConfigurationError, match="domain"):
        AsyncOmnidesk(domain=domain, email="a@b.ru", api_key="k")


def test_domain_and_base_url_together_rejected() -> None:
    with pytest.raises(ConfigurationError, match="not both"):
        AsyncOmnidesk(domain="acme", base_url="https://x.ru/api", email="a@b.ru", api_key="k")


# -- lists ------------------------------------------------------------------


async def test_list_iterates_pages_lazily() -> None:
    client = make()
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"{BASE}/cases.json")
        route.side_effect = [
            httpx.Response(200, json=cases_page(1, 2, 5)),
            httpx.Response(200, json=cases_page(3, 2, 5)),
            httpx.Response(200, json=cases_page(5, 1, 5)),
        ]
        pager = client.cases.list(limit=2, status=["open", "closed"])
        seen: list[int | None] = []
        async for case in pager:
            assert isinstance(case, Case)
            seen.append(case.case_id)
            if len(seen) == 1:
                assert route.call_count == 1
    assert seen == [1, 2, 3, 4, 5]
    assert route.call_count == 3
    queries = [call.request.url.params for call in route.calls]
    assert [q["page"] for q in queries] == ["1", "2", "3"]
    assert all(q.get_list("status[]") == ["open", "closed"] for q in queries)


async def test_list_without_total_stops_on_short_page() -> None:
    client = make()
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"{BASE}/kb_article.json")
        route.side_effect = [
            httpx.Response(
                200,
                json={
                    "0": {"kb_article": {"article_id": 1}},
                    "1": {"kb_article": {"article_id": 2}},
                },
            ),
            httpx.Response(200, json={"0": {"kb_article": {"article_id": 3}}}),
        ]
        ids = [a.article_id async for a in client.kb_articles.list(limit=2)]
    assert ids == [1, 2, 3]
    assert route.call_count == 2


async def test_empty_list() -> None:
    client = make()
    with respx.mock(assert_all_called=True) as mock:
        mock.get(f"{BASE}/users.json").respond(json={"total_count": 0})
        page = await client.users.list()
        assert page.items == [] and page.total == 0 and not page.has_next_page()
        mock.get(f"{BASE}/labels.json").respond(json=[])
        assert [label async for label in client.labels.list()] == []


async def test_unknown_fields_kept() -> None:
    client = make()
    with respx.mock(assert_all_called=True) as mock:
        mock.get(f"{BASE}/cases/5.json").respond(
            json={"case": {**CASE, "case_id": 5, "brand_new": {"x": 1}, "closing_speed": "-"}}
        )
        case = await client.cases.get(5)
    assert case.case_id == 5
    assert case.model_extra == {"brand_new": {"x": 1}}
    assert case.closing_speed == "-"
    assert case.custom_fields == {"cf_25": "some text"}
    assert case.created_at == datetime(2014, 5, 4, 21, 15, 17, tzinfo=timezone.utc)


async def test_odd_value_does_not_break_a_listing() -> None:
    client = make()
    with respx.mock(assert_all_called=True) as mock:
        mock.get(f"{BASE}/cases.json").respond(
            json={"0": {"case": {"case_id": 1, "created_at": "not a date"}}, "total_count": 1}
        )
        page = await client.cases.list()
    assert page.items[0].case_id == 1
    assert page.items[0].created_at is None
    assert page.items[0].unparsed == {"created_at": "not a date"}


async def test_leaderboard_with_repeated_keys() -> None:
    client = make()
    text = (
        '{ "staff" : { "staff_id" : 100, "average_rating" : "84%" },'
        ' "staff" : { "staff_id" : 102, "average_rating" : "79%" } }'
    )
    when = datetime(2015, 1, 1, tzinfo=timezone.utc)
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"{BASE}/stats_lb_staff.json").respond(content=text.encode())
        rows = await client.statistics.staff_leaderboard(from_time=when, to_time="05 Dec 2015")
    assert [(r.staff_id, r.average_rating) for r in rows] == [(100, "84%"), (102, "79%")]
    params = route.calls.last.request.url.params
    assert params["from_time"] == "01 Jan 2015 00:00:00 +0000"
    assert params["to_time"] == "05 Dec 2015"


# -- requests ---------------------------------------------------------------


async def test_case_create_with_attachments_is_multipart() -> None:
    client = make()
    with respx.mock(assert_all_called=True) as mock:
        route = mock.post(f"{BASE}/cases.json").respond(json={"case": CASE})
        case = await client.cases.create(
            subject="I need help",
            content="I need help",
            user_email="user@domain.ru",
            language_id=2,
            custom_fields={"cf_44": 3},
            labels=[101, 102],
            attachments=[("file1.txt", b"first"), ("file2.png", b"\x89PNG", "image/png")],
        )
    assert case.case_id == 2000
    request = route.calls.last.request
    assert request.headers["content-type"].startswith("multipart/form-data")
    parts = form_parts(request)
    assert parts == {
        "case[subject]": (None, b"I need help"),
        "case[content]": (None, b"I need help"),
        "case[user_email]": (None, b"user@domain.ru"),
        "case[language_id]": (None, b"2"),
        "case[custom_fields][cf_44]": (None, b"3"),
        "case[labels][0]": (None, b"101"),
        "case[labels][1]": (None, b"102"),
        "case[attachments][0]": ("file1.txt", b"first"),
        "case[attachments][1]": ("file2.png", b"\x89PNG"),
    }


async def test_message_and_note_attachments(tmp_path: Any) -> None:
    path = tmp_path / "log.txt"
    path.write_bytes(b"log data")
    client = make()
    reply = {"message": {"message_id": 1, "note": False}}
    with respx.mock(assert_all_called=True) as mock:
        messages = mock.post(f"{BASE}/cases/200/messages.json").respond(json=reply)
        notes = mock.post(f"{BASE}/cases/200/note.json").respond(json=reply)
        await client.cases.messages.create(
            200, content="See file", staff_id=123, attachments=[path]
        )
        await client.cases.notes.create(200, content="Internal", attachments=[b"raw"])
    assert form_parts(messages.calls.last.request) == {
        "message[content]": (None, b"See file"),
        "message[staff_id]": (None, b"123"),
        "message[attachments][0]": ("log.txt", b"log data"),
    }
    assert form_parts(notes.calls.last.request) == {
        "note[content]": (None, b"Internal"),
        "note[attachments][0]": ("upload.bin", b"raw"),
    }


async def test_note_without_files_is_wrapped_in_message() -> None:
    client = make()
    with respx.mock(assert_all_called=True) as mock:
        route = mock.post(f"{BASE}/cases/200/note.json").respond(
            json={"message": {"message_id": 9, "note": True}}
        )
        note = await client.cases.notes.create(200, content="x", note_group_id=4)
    assert json.loads(route.calls.last.request.content) == {
        "message": {"content": "x", "note_group_id": 4}
    }
    assert note.note is True


async def test_bulk_operations() -> None:
    client = make()
    ok = {"case_success_id": [101, 102]}
    with respx.mock(assert_all_called=True) as mock:
        update = mock.put(f"{BASE}/cases/101,102.json").respond(json=ok)
        trash = mock.put(f"{BASE}/cases/101,102/trash.json").respond(json=ok)
        spam = mock.put(f"{BASE}/cases/101,102/spam.json").respond(json=ok)
        restore = mock.put(f"{BASE}/cases/101,102/restore.json").respond(json=ok)
        result = await client.cases.bulk_update([101, 102], status="closed")
        assert isinstance(result, CaseBulkResult) and result.case_success_id == [101, 102]
        assert (await client.cases.bulk_trash([101, 102])).case_success_id == [101, 102]
        assert (await client.cases.bulk_spam([101, 102])).case_success_id == [101, 102]
        assert (await client.cases.bulk_restore([101, 102])).case_success_id == [101, 102]
    assert json.loads(update.calls.last.request.content) == {"case": {"status": "closed"}}
    assert update.calls.last.request.url.raw_path == b"/api/cases/101,102.json"
    assert trash.called and spam.called and restore.called


async def test_datetime_filters_become_timestamps() -> None:
    client = make()
    when = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"{BASE}/cases.json").respond(json={"total_count": 0})
        await client.cases.list(
            from_time=when, to_time="02 Jan 2024", staff_id=0, user_email="^ann@x.io^"
        )
    params = route.calls.last.request.url.params
    assert params["from_time"] == str(int(when.timestamp()))
    assert params["to_time"] == "02 Jan 2024"
    assert params["staff_id"] == "0"
    assert params["user_email"] == "^ann@x.io^"


# -- bad input fails before any request -------------------------------------


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda c: c.cases.list(limit=0), ValueError),
        (lambda c: c.cases.list(limit=101), ValueError),
        (lambda c: c.cases.list(page=0), ValueError),
        (lambda c: c.cases.list(status="pending"), ValueError),
        (lambda c: c.cases.list(priority=["low", "urgent"]), ValueError),
        (lambda c: c.cases.list(sort="newest"), ValueError),
        (lambda c: c.cases.list(subject="abc"), ValueError),
        (lambda c: c.cases.list(user_email="^ab^"), ValueError),
        (lambda c: c.cases.messages.list(200, order="up"), ValueError),
        (lambda c: c.cases.get(0), ValueError),
        (lambda c: c.cases.get(-5), ValueError),
        (lambda c: c.cases.get("12"), TypeError),
        (lambda c: c.cases.get(True), TypeError),
        (lambda c: c.cases.create(subject="s", content="c"), ValueError),
        (lambda c: c.cases.create(subject="s", user_email="a@b.ru"), ValueError),
        (
            lambda c: c.cases.create(
                subject="s", content="c", user_email="a@b.ru", priority="urgent"
            ),
            ValueError,
        ),
        (
            lambda c: c.cases.create(
                subject="s", content="c", user_email="a@b.ru", cc_emails=["x@y.ru"] * 31
            ),
            ValueError,
        ),
        (
            lambda c: c.cases.create(
                subject="s", content="c", user_email="a@b.ru", attachments="f.txt"
            ),
            TypeError,
        ),
        (lambda c: c.cases.update(1), ValueError),
        (lambda c: c.cases.bulk_trash([]), ValueError),
        (lambda c: c.cases.idea.update(1, stage="done"), ValueError),
        (lambda c: c.users.create(user_full_name="Ann"), ValueError),
        (lambda c: c.users.list(user_email="ab"), ValueError),
        (lambda c: c.companies.list(company_name="ab"), ValueError),
        (
            lambda c: c.kb_articles.create(
                article_title="t", article_content="c", section_id=1, access_type="private"
            ),
            ValueError,
        ),
        (lambda c: c.kb_articles.list(search="ab"), ValueError),
        (lambda c: c.kb_sections.list(category_id=0), ValueError),
        (lambda c: c.groups.disable(1, replace_group_id=-1), ValueError),
        (lambda c: c.statistics.staff_leaderboard(from_time="", to_time="x"), TypeError),
    ],
)
async def test_bad_input_rejected_before_any_request(call: Any, error: type[Exception]) -> None:
    client = make()
    with respx.mock(assert_all_mocked=True, assert_all_called=False) as mock:
        route = mock.route().respond(json={})
        with pytest.raises(error):
            result = call(client)
            if hasattr(result, "__await__"):
                await result
    assert not route.called


# -- errors and rate limits -------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "cls"),
    [
        (400, {"error": "wrong_data"}, BadRequestError),
        (401, {"error": "Unauthorized"}, AuthenticationError),
        (403, {"error": "access denied"}, PermissionDeniedError),
        (403, {"error": "API calls limit exceeded"}, RateLimitError),
        (404, {"message": "Case not found"}, NotFoundError),
        (429, "Too many requests", RateLimitError),
        (500, "<html>oops</html>", InternalServerError),
        (418, {}, APIError),
    ],
)
async def test_error_mapping(status: int, body: Any, cls: type[APIError]) -> None:
    client = make()
    kwargs = {"text": body} if isinstance(body, str) else {"json": body}
    with respx.mock(assert_all_called=True) as mock:
        mock.get(f"{BASE}/cases/1.json").respond(status, headers={"api_calls_left": "0"}, **kwargs)
        with pytest.raises(cls) as info:
            await client.cases.get(1)
    err = info.value
    assert type(err) is cls
    assert err.vendor == "omnidesk" and err.http_status == status
    assert "s3cret" not in str(err)
    assert client.rate_limit.remaining == 0


async def test_rate_limit_retried_after_wait() -> None:
    clock = FakeClock()
    client = make(max_retries=1, clock=clock)
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"{BASE}/cases/1.json")
        route.side_effect = [
            httpx.Response(429, headers={"Retry-After": "3"}, json={"error": "limit"}),
            httpx.Response(200, headers={"api_calls_left": "998"}, json={"case": CASE}),
        ]
        case = await client.cases.get(1)
    assert case.case_id == 2000
    assert clock.sleeps == [3.0]
    assert client.rate_limit.remaining == 998


async def test_api_calls_left_tracked() -> None:
    client = make()
    with respx.mock(assert_all_called=True) as mock:
        mock.get(f"{BASE}/languages.json").respond(
            json={"0": {"language": {"language_id": 1, "code": "RUS"}}, "total_count": 1},
            headers={"api_calls_left": "1234"},
        )
        languages = await client.languages.list()
    assert [lang.code for lang in languages] == ["RUS"]
    assert client.rate_limit.remaining == 1234


# -- throttle="auto" --------------------------------------------------------


async def test_throttle_auto_counts_active_staff() -> None:
    clock = FakeClock()
    client = make(throttle="auto", clock=clock)
    first = {
        str(i): {"staff": {"staff_id": i, "active": True, "status": "offline"}} for i in range(100)
    }
    second = {
        str(i): {"staff": {"staff_id": 100 + i, "active": i >= 10, "status": "online"}}
        for i in range(50)
    }
    with respx.mock(assert_all_called=True) as mock:
        staff = mock.get(f"{BASE}/staff.json")
        staff.side_effect = [
            httpx.Response(200, json={**first, "total_count": 150}),
            httpx.Response(200, json={**second, "total_count": 150}),
        ]
        mock.get(f"{BASE}/cases/1.json").respond(json={"case": CASE})
        await client.cases.get(1)
        await client.cases.get(1)
    assert staff.call_count == 2
    assert [c.request.url.params["limit"] for c in staff.calls] == ["100", "100"]
    throttle = client._shared.throttle
    assert throttle is not None and throttle.rate.limit == 500 * 140
    assert clock.sleeps == []


async def test_throttle_auto_has_a_floor() -> None:
    client = make(throttle="auto")
    with respx.mock(assert_all_called=True) as mock:
        mock.get(f"{BASE}/staff.json").respond(
            json={"0": {"staff": {"staff_id": 1, "active": True}}, "total_count": 1}
        )
        mock.get(f"{BASE}/cases/1.json").respond(json={"case": CASE})
        await client.cases.get(1)
    throttle = client._shared.throttle
    assert throttle is not None and throttle.rate.limit == 1000


async def test_throttle_fixed_rate() -> None:
    client = make(throttle="7500/hour")
    throttle = client._shared.throttle
    assert throttle is not None and throttle.rate.limit == 7500
    assert isinstance(Staff(staff_id=1, active=True), Staff)


async def test_throttle_auto_retries_a_failed_lookup_and_holds_the_documented_floor() -> None:
    clock = FakeClock()
    client = make(throttle="auto", clock=clock, max_retries=0)
    with respx.mock(assert_all_called=True) as mock:
        staff = mock.get(f"{BASE}/staff.json")
        staff.side_effect = [
            httpx.Response(503, json={"error": "busy"}),
            httpx.Response(
                200, json={"0": {"staff": {"staff_id": 1, "active": True}}, "total_count": 1}
            ),
        ]
        mock.get(f"{BASE}/cases/1.json").respond(json={"case": CASE})
        await client.cases.get(1)  # the lookup failed: the documented floor applies
        throttle = client._shared.throttle
        assert throttle is not None and throttle.rate.limit == 1000
        await client.cases.get(1)  # too early to look again
        assert staff.call_count == 1
        clock.advance(301)
        await client.cases.get(1)  # looked up again, and it worked this time
    assert staff.call_count == 2
    assert client._shared.throttle_lookup is None


async def test_a_server_that_ignores_page_never_repeats_items() -> None:
    client = make()
    page = {"0": {"case": {**CASE, "case_id": 1}}, "1": {"case": {**CASE, "case_id": 2}}}
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"{BASE}/cases.json").respond(json={**page, "total_count": 100})
        seen = [case.case_id async for case in client.cases.list(limit=2)]
    assert seen == [1, 2]
    assert route.call_count == 2


async def test_a_huge_total_count_is_ignored() -> None:
    client = make()
    with respx.mock(assert_all_called=True) as mock:
        mock.get(f"{BASE}/cases.json").mock(
            return_value=httpx.Response(
                200,
                content=b'{"0": {"case": {"case_id": 1}}, "total_count": 1e400}',
                headers={"content-type": "application/json"},
            )
        )
        page = await client.cases.list()
    assert page.total is None and [c.case_id for c in page.items] == [1]


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.cases.create(subject="", user_email="a@b.io", content="x"),
        lambda c: c.cases.create(subject="   ", user_email="a@b.io", content="x"),
        lambda c: c.cases.list(from_updated_time="yesterday"),
        lambda c: c.users.list(from_time="next week"),
    ],
)
async def test_empty_text_and_unreadable_times_are_refused_before_sending(call: Any) -> None:
    client = make()
    with respx.mock(assert_all_called=False) as mock:
        route = mock.route()
        with pytest.raises(ValueError):
            result = call(client)
            if hasattr(result, "__await__"):
                await result
    assert route.call_count == 0


async def test_raw_responses_give_the_http_answer_and_the_model() -> None:
    client = make()
    with respx.mock(assert_all_called=True) as mock:
        mock.get(f"{BASE}/cases/1.json").respond(
            json={"case": CASE}, headers={"api_calls_left": "41", "X-Request-Id": "req-7"}
        )
        mock.get(f"{BASE}/cases.json").respond(json={"0": {"case": CASE}, "total_count": 1})
        raw = await client.with_raw_response.cases.get(1)
        listing = await client.with_raw_response.cases.list()
    assert raw.status_code == 200 and raw.headers["api_calls_left"] == "41"
    assert raw.request_id == "req-7" and raw.elapsed >= 0
    assert raw.operation == "cases.get"
    assert raw.parse().case_id == CASE["case_id"]
    assert listing.status_code == 200 and len(listing.parse()) == 1


async def test_hooks_may_be_coroutines_on_the_async_client() -> None:
    seen: list[str] = []

    async def on_request(op: str, request: httpx.Request) -> None:
        seen.append(op)

    client = make(on_request=on_request)
    with respx.mock(assert_all_called=True) as mock:
        mock.get(f"{BASE}/cases/1.json").respond(json={"case": CASE})
        await client.cases.get(1)
    assert seen == ["cases.get"]
