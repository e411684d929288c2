"""Per-call options, hooks, errors that pickle, redirects, size and time bounds,
closed clients and odd headers (async source; the sync twin is generated)."""

from __future__ import annotations

import gzip
import json
import logging
import math
import pickle
from typing import Any

import httpx
import pytest
import respx

from cxkit import (
    APIError,
    ConfigurationError,
    CXError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    ResponseValidationError,
)
from cxkit._core.errors import ClientClosedError, RedirectError, ResponseTooLargeError
from cxkit.testing import FakeClock

from .demo import SECRET, AsyncDemo, FakeDemo

BASE = "https://demo.test/api"


def make(**options: Any) -> AsyncDemo:
    options.setdefault("clock", FakeClock())
    return AsyncDemo(**options)


# -- per-call options ------------------------------------------------------------


@respx.mock
async def test_extra_headers_query_and_body_reach_the_wire() -> None:
    route = respx.post(f"{BASE}/items").mock(
        return_value=httpx.Response(200, json={"ok": True, "data": {"id": 1}})
    )
    item = await make().items.create(
        name="a",
        extra_headers={"X-Trace": "t-1"},
        extra_query={"dry_run": "1"},
        extra_body={"colour": "teal"},
    )
    assert item.id == 1
    sent = route.calls.last.request
    assert sent.headers["X-Trace"] == "t-1"
    assert sent.url.params["dry_run"] == "1"
    assert json.loads(sent.content) == {"name": "a", "colour": "teal"}


@respx.mock
async def test_per_call_timeout_and_max_retries() -> None:
    route = respx.get(f"{BASE}/items/1").mock(return_value=httpx.Response(503, json={}))
    client = make(max_retries=3)
    with pytest.raises(InternalServerError):
        await client.items.get(1, max_retries=0, timeout=2.5)
    assert route.call_count == 1
    assert route.calls.last.request.extensions["timeout"]["read"] == 2.5


@respx.mock
async def test_a_misspelt_option_fails_before_sending() -> None:
    route = respx.get(f"{BASE}/items/1").mock(return_value=httpx.Response(200, json={}))
    with pytest.raises(TypeError, match="extra_header"):
        await make().items.get(1, extra_header={"a": "b"})  # type: ignore[call-arg]
    assert route.call_count == 0


# -- hooks -----------------------------------------------------------------------


@respx.mock
async def test_hooks_see_every_attempt_with_the_operation_and_no_secret() -> None:
    respx.get(f"{BASE}/items/1").mock(
        side_effect=[
            httpx.Response(503, headers={"Retry-After": "2"}, json={}),
            httpx.Response(200, json={"ok": True, "data": {"id": 1}}),
        ]
    )
    seen: list[tuple[Any, ...]] = []
    client = make(
        max_retries=2,
        on_request=lambda op, request: seen.append(("request", op, dict(request.headers))),
        on_response=lambda op, response, elapsed: seen.append(
            ("response", op, response.status_code, dict(response.request.headers))
        ),
        on_retry=lambda op, attempt, error, wait: seen.append(
            ("retry", op, attempt, type(error).__name__, wait)
        ),
    )
    await client.items.get(1)
    kinds = [entry[0] for entry in seen]
    assert kinds == ["request", "response", "retry", "request", "response"]
    assert {entry[1] for entry in seen} == {"items.get"}
    assert seen[2][2:] == (1, "InternalServerError", 2.0)
    assert seen[1][2] == 503 and seen[1][3]["authorization"] == "***"
    assert SECRET not in repr(seen)


@respx.mock
async def test_a_failing_hook_never_fails_the_call() -> None:
    respx.get(f"{BASE}/items/1").mock(
        return_value=httpx.Response(200, json={"ok": True, "data": {"id": 1}})
    )

    def broken(op: str, request: httpx.Request) -> None:
        raise RuntimeError("hook bug")

    item = await make(on_request=broken).items.get(1)
    assert item.id == 1


async def test_hooks_must_be_callable() -> None:
    with pytest.raises(ConfigurationError, match="on_retry"):
        make(on_retry="not callable")


# -- errors are values a service can keep -------------------------------------------


@respx.mock
async def test_errors_pickle_without_credentials() -> None:
    respx.get(f"{BASE}/items/9").mock(
        return_value=httpx.Response(
            404,
            json={"error": f"no item; your key {SECRET} is fine"},
            headers={"X-Request-Id": "r1"},
        )
    )
    with pytest.raises(NotFoundError) as info:
        await make().items.get(9)
    err = info.value
    data = pickle.dumps(err)
    assert SECRET.encode() not in data
    assert b"Basic " not in data
    back = pickle.loads(data)
    assert type(back) is NotFoundError
    assert (str(back), back.message, back.status_code, back.code, back.vendor) == (
        str(err),
        err.message,
        err.status_code,
        err.code,
        err.vendor,
    )
    assert back.request_id == "r1" and back.http_status == 404
    assert SECRET not in str(err) and SECRET not in repr(err.body)


@pytest.mark.parametrize(
    "error",
    [
        RateLimitError("slow down", vendor="v", status_code=429, retry_after=3.0),
        ConfigurationError("bad"),
        ResponseTooLargeError("big", vendor="v"),
        RedirectError("moved", vendor="v", status_code=302, location="https://x"),
    ],
)
async def test_every_error_kind_round_trips(error: CXError) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error) and str(back) == str(error)
    assert back.__dict__ == error.__dict__


# -- redirects ---------------------------------------------------------------------


@respx.mock
async def test_a_write_never_follows_a_redirect() -> None:
    route = respx.post(f"{BASE}/items").mock(
        return_value=httpx.Response(302, headers={"Location": f"{BASE}/elsewhere"})
    )
    other = respx.get(f"{BASE}/elsewhere").mock(return_value=httpx.Response(200, json={}))
    with pytest.raises(RedirectError) as info:
        await make(max_retries=3).items.create(name="a")
    assert info.value.location == f"{BASE}/elsewhere"
    assert "elsewhere" in str(info.value)
    assert route.call_count == 1 and other.call_count == 0


@respx.mock
async def test_a_read_follows_a_redirect_on_the_same_host_with_credentials() -> None:
    respx.get(f"{BASE}/items/1").mock(
        return_value=httpx.Response(301, headers={"Location": "/api/items/2"})
    )
    moved = respx.get(f"{BASE}/items/2").mock(
        return_value=httpx.Response(200, json={"ok": True, "data": {"id": 2}})
    )
    item = await make().items.get(1)
    assert item.id == 2
    assert moved.calls.last.request.headers["authorization"].startswith("Basic ")


@respx.mock
async def test_a_redirect_to_another_host_never_carries_credentials() -> None:
    respx.get(f"{BASE}/items/1").mock(
        return_value=httpx.Response(302, headers={"Location": "https://evil.test/steal"})
    )
    evil = respx.get("https://evil.test/steal").mock(
        return_value=httpx.Response(200, json={"ok": True, "data": {"id": 1}})
    )
    await make().items.get(1)
    sent = evil.calls.last.request
    assert "authorization" not in sent.headers
    assert SECRET not in str(sent.headers)


@respx.mock
async def test_a_redirect_loop_is_a_typed_error() -> None:
    respx.get(f"{BASE}/items/1").mock(
        return_value=httpx.Response(302, headers={"Location": f"{BASE}/items/1"})
    )
    with pytest.raises(RedirectError, match="redirects"):
        await make().items.get(1)


# -- bodies and headers that must not crash a call ---------------------------------


@respx.mock
async def test_a_runaway_body_ends_in_a_typed_error() -> None:
    respx.get(f"{BASE}/items/1").mock(
        return_value=httpx.Response(200, content=b"[" + b"1," * 5000 + b"1]")
    )
    with pytest.raises(ResponseTooLargeError) as info:
        await make(max_response_bytes=1000).items.get(1)
    assert isinstance(info.value, ResponseValidationError)
    assert info.value.request is not None


@respx.mock
async def test_bad_gzip_and_deep_json_are_typed_errors() -> None:
    respx.get(f"{BASE}/items/1").mock(
        return_value=httpx.Response(
            200, stream=httpx.ByteStream(b"not gzip at all"), headers={"Content-Encoding": "gzip"}
        )
    )
    respx.get(f"{BASE}/items/2").mock(
        return_value=httpx.Response(200, content=b"[" * 50_000 + b"]" * 50_000)
    )
    respx.get(f"{BASE}/items/3").mock(
        return_value=httpx.Response(
            200,
            stream=httpx.ByteStream(gzip.compress(b'{"ok": true, "data": {"id": 3}}')),
            headers={"Content-Encoding": "gzip"},
        )
    )
    client = make()
    with pytest.raises(ResponseValidationError, match="decoded"):
        await client.items.get(1)
    with pytest.raises(ResponseValidationError, match="deep"):
        await client.items.get(2)
    assert (await client.items.get(3)).id == 3


@pytest.mark.parametrize(
    "headers",
    [
        {"X-RateLimit-Remaining": "inf", "X-RateLimit-Limit": "1e400"},
        {"X-RateLimit-Reset": "1e18", "X-RateLimit-Remaining": "nan"},
        {"Retry-After": "inf", "RateLimit-Limit": "-1e400"},
        {"X-RateLimit-Reset": "Thu, 01 Jan 99999 00:00:00 GMT"},
    ],
)
@respx.mock
async def test_odd_rate_limit_headers_never_break_a_call(headers: dict[str, str]) -> None:
    respx.get(f"{BASE}/items/1").mock(
        return_value=httpx.Response(200, headers=headers, json={"ok": True, "data": {"id": 1}})
    )
    client = make()
    assert (await client.items.get(1)).id == 1
    snapshot = client.rate_limit
    for value in (snapshot.limit, snapshot.remaining):
        assert value is None or (isinstance(value, int) and abs(value) < 2**53)


# -- time --------------------------------------------------------------------------


@respx.mock
async def test_retry_after_is_honoured_on_503_too() -> None:
    respx.get(f"{BASE}/items/1").mock(
        side_effect=[
            httpx.Response(503, headers={"Retry-After": "7"}, json={}),
            httpx.Response(200, json={"ok": True, "data": {"id": 1}}),
        ]
    )
    clock = FakeClock()
    await make(clock=clock, max_retries=1).items.get(1)
    assert clock.sleeps == [7.0]


@pytest.mark.parametrize("wait", [math.nan, math.inf, -1.0, "x", True])
async def test_unusable_max_retry_wait_is_refused(wait: Any) -> None:
    with pytest.raises(ConfigurationError, match="max_retry_wait"):
        make(max_retry_wait=wait)
    with pytest.raises(ConfigurationError, match="max_retry_wait"):
        make().with_options(max_retry_wait=wait)


# -- replays -----------------------------------------------------------------------


@respx.mock
async def test_a_reorder_is_never_replayed() -> None:
    route = respx.put(f"{BASE}/items/1/moveup").mock(return_value=httpx.Response(503, json={}))
    with pytest.raises(InternalServerError):
        await make(max_retries=3).items.moveup(1)
    assert route.call_count == 1


@respx.mock
async def test_an_idempotent_put_is_retried() -> None:
    route = respx.put(f"{BASE}/items/1").mock(
        side_effect=[
            httpx.Response(503, json={}),
            httpx.Response(200, json={"ok": True, "data": {"id": 1, "name": "b"}}),
        ]
    )
    assert (await make(max_retries=3).items.update(1, name="b")).name == "b"
    assert route.call_count == 2


@respx.mock
async def test_a_retried_upload_sends_the_same_bytes() -> None:
    route = respx.post(f"{BASE}/items/1/files").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "1"}, json={}),
            httpx.Response(200, json={"ok": True, "data": None}),
        ]
    )

    class OneShot:
        name = "report.txt"

        def __init__(self) -> None:
            self.reads = 0

        def read(self) -> bytes:
            self.reads += 1
            return b"only once" if self.reads == 1 else b""

    handle = OneShot()
    await make(max_retries=2).items.upload(1, file=handle)  # type: ignore[arg-type]
    first, second = (call.request.content for call in route.calls)
    assert first == second and b"only once" in first
    assert handle.reads == 1


# -- lifecycle ---------------------------------------------------------------------


async def test_a_closed_client_raises_a_clear_error() -> None:
    fake = FakeDemo(count=1)
    client = AsyncDemo(transport=fake.transport(), clock=fake.clock)
    await client.aclose()
    with pytest.raises(ClientClosedError, match="closed"):
        await client.items.get(1)
    assert fake.calls == []


async def test_closing_a_copy_leaves_the_parent_open() -> None:
    fake = FakeDemo(count=1)
    client = AsyncDemo(transport=fake.transport(), clock=fake.clock)
    copy = client.with_options(max_retries=0)
    await copy.aclose()
    assert (await client.items.get(1)).id == 1
    await client.aclose()


async def test_debug_logging_of_a_multipart_upload_never_fails_the_call(
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake = FakeDemo(count=1)

    @respx.mock
    async def run() -> None:
        respx.post(f"{BASE}/items/1/files").mock(
            return_value=httpx.Response(200, json={"ok": True, "data": None})
        )
        client = make(log_bodies=True)
        with caplog.at_level(logging.DEBUG, logger="cxkit"):
            await client.items.upload(1, file=("a.txt", b"hello"))

    await run()
    assert any("multipart" in r.getMessage() for r in caplog.records)
    assert fake.calls == []


@respx.mock
async def test_a_vendor_error_is_still_an_api_error() -> None:
    respx.get(f"{BASE}/items/1").mock(return_value=httpx.Response(418, json={}))
    with pytest.raises(APIError):
        await make().items.get(1)
