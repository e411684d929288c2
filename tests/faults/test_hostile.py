"""The hostile trial's broken promises, each on a real socket where the fault is one."""

from __future__ import annotations

import asyncio
import logging
import pickle
import random
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx

import cxkit
from cxkit import (
    APIError,
    APITimeoutError,
    AuthenticationError,
    ConfigurationError,
    CXError,
    InternalServerError,
    ResponseTooLargeError,
    ResponseValidationError,
)
from cxkit._core.registry import Operation
from cxkit.omi import Omi
from cxkit.testing import FakeClock
from cxkit.testing.faults import FaultServer
from cxkit.testing.omi import FakeOmi
from tests.core._async.demo import SECRET, AsyncDemo, AsyncTokenDemo, FakeDemo
from tests.core._sync.demo import Demo, TokenDemo

# Bounds hold on a loaded two-core machine: the attempt's own bound plus a wide margin.
TIMEOUT = 1.0
MARGIN = 1.5


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer(drip_interval=0.2) as running:
        yield running


def options(server: FaultServer, **extra: Any) -> dict[str, Any]:
    return {
        "base_url": server.base_url,
        "allow_insecure": True,
        "timeout": TIMEOUT,
        "clock": FakeClock(),
        **extra,
    }


# 1. cancelled async calls never wedge the pool ------------------------------


def test_twenty_thousand_cancellations_leave_a_working_client(server: FaultServer) -> None:
    async def main() -> tuple[int, int]:
        rng = random.Random(7)
        cancelled = 0
        async with AsyncDemo(**options(server, timeout=5, max_retries=0)) as client:
            while cancelled < 20_000:
                tasks = [asyncio.create_task(client.items.get(1)) for _ in range(100)]
                await asyncio.sleep(rng.uniform(0, 0.01))
                for task in tasks:
                    task.cancel()
                results = await asyncio.gather(*tasks, return_exceptions=True)
                cancelled += sum(isinstance(r, asyncio.CancelledError) for r in results)
            started = time.monotonic()
            item = await client.with_options(timeout=2).items.get(1)
            assert item.id == 1
            assert time.monotonic() - started < 2
            return cancelled, client._shared.pool.replaced

    cancelled, _replaced = asyncio.run(main())
    assert cancelled >= 20_000


# 2. a compression bomb is refused at the decoded limit, in time ---------------


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_gzip_bomb_is_refused_at_the_limit(server: FaultServer, mode: str) -> None:
    server.fault = "gzip_bomb"
    opts = options(server, max_response_bytes=1 << 20, max_retries=0)
    started = time.monotonic()
    with pytest.raises(ResponseTooLargeError):
        if mode == "sync":
            with Demo(**opts) as client:
                client.items.get(1)
        else:

            async def main() -> None:
                async with AsyncDemo(**opts) as client:
                    await client.items.get(1)

            asyncio.run(main())
    assert time.monotonic() - started < TIMEOUT + MARGIN


# 3. the sync timeout bounds the head, 1xx floods and the upload ---------------


@pytest.mark.parametrize("fault", ["head_drip", "processing_flood", "slow_upload"])
@pytest.mark.parametrize("retries", [0, 2])
def test_a_sync_attempt_is_bounded_from_connect_to_last_byte(
    server: FaultServer, fault: str, retries: int
) -> None:
    server.fault = fault
    started = time.monotonic()
    with pytest.raises(APITimeoutError), Demo(**options(server, max_retries=retries)) as client:
        if fault == "slow_upload":
            client.items.upload(1, file=("big.bin", b"x" * (20 << 20)))
        else:
            client.items.get(1)
    bound = TIMEOUT * (retries + 1) + MARGIN  # retry waits are virtual (fake clock)
    if fault == "slow_upload":
        bound += 1.5  # encoding the 20 MB multipart body, before the attempt starts
    assert time.monotonic() - started < bound


# 4. dot-segment and oversized ids never reach the wire ------------------------


@pytest.mark.parametrize("bad", [".", "..", "x" * 1_000_000])
def test_no_path_parameter_of_any_vendor_takes_a_dot_segment(bad: str) -> None:
    import cxkit.omi
    import cxkit.omnicxm
    import cxkit.omnidesk
    import cxkit.thulium

    checked = 0
    for vendor in (cxkit.omi, cxkit.omnicxm, cxkit.omnidesk, cxkit.thulium):
        for op in vendor.OPERATIONS:
            names = [p.split("}")[0] for p in op.path.split("{")[1:]]
            if not names:
                continue
            with pytest.raises(ValueError, match="not a valid id"):
                op.format_path(dict.fromkeys(names, bad))
            checked += 1
    assert checked > 50


def test_omi_delete_dot_dot_sends_nothing() -> None:
    fake = FakeOmi()
    omi = Omi(
        base_url="https://omi.test",
        transport=fake.transport(),
        token="t0k3n-value",
        clock=FakeClock(),
    )
    for bad in ("..", "."):
        with pytest.raises(ValueError):
            omi.contacts.delete(bad)
    assert fake.calls == []


# 5. a failed login is made once and shared -------------------------------------


@pytest.mark.parametrize("status", [401, 500])
def test_async_waiters_share_one_failed_login(server: FaultServer, status: int) -> None:
    server.fault = "token"
    server.login_status = status
    server.login_delay = 0.05

    async def main() -> list[BaseException | Any]:
        async with AsyncTokenDemo(**options(server, max_retries=0, timeout=5)) as client:
            return await asyncio.gather(
                *(client.items.get(1) for _ in range(100)), return_exceptions=True
            )

    results = asyncio.run(main())
    expected = AuthenticationError if status == 401 else InternalServerError
    assert all(isinstance(r, expected) for r in results)
    assert server.logins == 1


def test_threads_share_one_failed_login_and_retries_back_off(server: FaultServer) -> None:
    server.fault = "token"
    server.login_status = 500
    server.login_delay = 0.05
    client = TokenDemo(**options(server, max_retries=2, timeout=5))
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            client.items.get(1)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(errors) == 50 and all(isinstance(e, InternalServerError) for e in errors)
    # Without sharing, 50 callers x 3 attempts send 150 logins. Retry waits advance
    # the shared fake clock, so each retry wave may start one login after the back-off.
    assert server.logins <= 12
    client.close()


def test_a_sync_waiter_on_a_stalled_login_keeps_its_timeout(server: FaultServer) -> None:
    server.fault = "token"
    server.login_delay = 4.0
    client = TokenDemo(**options(server, max_retries=0))
    durations: list[float] = []

    def worker() -> None:
        started = time.monotonic()
        try:
            client.items.get(1)
        except CXError:
            pass
        durations.append(time.monotonic() - started)

    threads = [threading.Thread(target=worker) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(durations) == 5 and max(durations) < TIMEOUT + MARGIN


# 6. throttle="auto" counts every call from the first -------------------------


async def test_auto_throttle_counts_calls_made_during_the_lookup() -> None:
    from cxkit.omnidesk import AsyncOmnidesk
    from cxkit.testing.omnidesk import FakeOmnidesk

    clock = FakeClock()
    fake = FakeOmnidesk(clock=clock)
    desk = AsyncOmnidesk(
        domain="acme",
        email="bot@acme.ru",
        api_key="test-api-key",
        throttle="auto",
        transport=fake.transport(),
        clock=clock,
    )
    throttle = desk._shared.throttle
    assert throttle is not None and throttle.rate.limit == 1000  # the documented floor
    await asyncio.gather(*(desk.staff.list(limit=1) for _ in range(10)))
    window = throttle._memory
    assert window is not None
    # The lookup's own calls and the ten above all count in the window.
    assert window.remaining(clock.now()) <= throttle.rate.limit - 11


# 7-9. hooks, errors and redirects never show a credential ---------------------


def test_on_retry_sees_a_redacted_request(server: FaultServer) -> None:
    server.fault = "storm_503"
    seen: list[BaseException] = []
    with (
        pytest.raises(InternalServerError),
        Demo(**options(server, max_retries=1, on_retry=lambda *a: seen.append(a[2]))) as client,
    ):
        client.items.get(1)
    failure = seen[0]
    assert isinstance(failure, APIError) and failure.response is not None
    assert failure.response.request.headers["authorization"] == "***"


def test_echoed_secrets_are_masked_everywhere(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeDemo(count=1, clock=FakeClock())
    fake.inject(
        status=400,
        body={
            "error": f"bad key {SECRET}",
            "code": f"E-{SECRET}",
            "request_id": f"r-{SECRET}",
            "errors": [{"message": f"key {SECRET} refused", "code": SECRET}],
        },
    )
    bodies: list[bytes] = []
    client = Demo(
        http_client=fake.http_client(),
        clock=fake.clock,
        on_response=lambda op, response, elapsed: bodies.append(response.content),
    )
    with caplog.at_level(logging.DEBUG), pytest.raises(APIError) as info:
        client.items.get(1)
    error = info.value
    texts = [
        str(error),
        repr(error),
        repr(pickle.dumps(error)),
        repr(error.errors),
        str(error.code),
        str(error.request_id),
        caplog.text,
        *(b.decode() for b in bodies),
    ]
    for text in texts:
        assert SECRET not in text


def test_a_secret_echoed_in_a_non_json_body_is_masked() -> None:
    with respx.mock:
        respx.get("https://demo.test/api/items/1").mock(
            return_value=httpx.Response(200, text=f"<html>proxy error for key {SECRET}</html>")
        )
        with pytest.raises(ResponseValidationError) as info:
            Demo(clock=FakeClock()).items.get(1)
    assert SECRET not in str(info.value) + repr(info.value) + repr(info.value.body)


@pytest.mark.parametrize("header", ["X-Auth-Token", "X-Api-Token", "X-Signature", "X-Tenant"])
def test_credential_headers_never_follow_a_cross_host_redirect(header: str) -> None:
    with respx.mock:
        respx.get("https://demo.test/api/items/1").mock(
            return_value=httpx.Response(302, headers={"Location": "https://other.test/x"})
        )
        landing = respx.get("https://other.test/x").mock(
            return_value=httpx.Response(200, json={"ok": True, "data": {"id": 1}})
        )
        seen: list[httpx.Request] = []
        client = Demo(
            clock=FakeClock(),
            default_headers={header: "v4lue-secret"},
            sensitive_headers=["x-tenant"],
            on_request=lambda op, request: seen.append(request),
        )
        client.items.get(1)
    assert header.lower() not in landing.calls[0].request.headers
    assert seen[0].headers[header] == "***"


# 10. bad settings and inputs fail early, as CXError or ValueError -------------


@pytest.mark.parametrize(
    "bad",
    [
        {"timeout": float("inf")},
        {"timeout": float("nan")},
        {"timeout": httpx.Timeout(float("inf"))},
        {"default_headers": {"X-A": "a\r\nInjected: 1"}},
        {"default_headers": {"X-A": "a\x00"}},
        {"base_url": "https://<your OMI API host>"},
        {"base_url": "https://demo.test/a path"},
        {"base_url": "https://user:pw@demo.test/api"},
    ],
)
def test_bad_settings_are_refused_at_construction(bad: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError):
        Demo(**bad)


def test_header_injection_per_call_is_refused_before_sending() -> None:
    fake = FakeDemo(count=1, clock=FakeClock())
    client = Demo(http_client=fake.http_client(), clock=fake.clock)
    with pytest.raises(ValueError):
        client.items.get(1, extra_headers={"X-A": "a\nb"})
    assert fake.calls == []


def test_an_unknown_option_names_the_client_and_suggests_one() -> None:
    with pytest.raises(ConfigurationError, match=r"Demo\(\).*'timout'.*'timeout'"):
        Demo(timout=3)  # type: ignore[call-arg]


def test_with_options_names_what_it_cannot_change() -> None:
    client = Demo(clock=FakeClock())
    with pytest.raises(ConfigurationError, match="cannot change throttle; create a new client"):
        client.with_options(throttle="5/second")
    with pytest.raises(ConfigurationError, match=r"'timout'; did you mean 'timeout'"):
        client.with_options(timout=3)  # type: ignore[call-arg]


def test_a_connection_error_names_the_host_and_the_cause() -> None:
    server = FaultServer()
    server.fault = "refused"
    with pytest.raises(cxkit.APIConnectionError, match=r"127\.0\.0\.1.*refused"):
        Demo(**options(server, max_retries=0)).items.get(1)


# 11. a 200 envelope never replays a write on a hunch ---------------------------


@pytest.mark.parametrize(
    ("message", "posts"),
    [
        ("Zalo access token of the page has expired", 1),
        ("Ticket created but SLA rate limit reached", 1),
        ("Token expired", 2),
    ],
)
def test_omnicxm_replays_a_post_only_when_the_answer_proves_it_was_not_done(
    message: str, posts: int
) -> None:
    from cxkit.omnicxm import OmniCXM

    state = {"posts": 0}

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/login":
            return httpx.Response(
                200, json={"status": True, "token": "tok-1234567", "userinfo": {}}
            )
        state["posts"] += 1
        if state["posts"] == 1:
            return httpx.Response(200, json={"status": False, "error": message})
        return httpx.Response(200, json={"status": True, "data": {"id": "1"}})

    client = OmniCXM(
        username="u",
        password="p4ssword",
        transport=httpx.MockTransport(answer),
        clock=FakeClock(),
    )
    try:
        client.tickets.create(subject="x", content="y")
    except CXError:
        pass
    assert state["posts"] == posts


# 12. Retry-After and paging odds ------------------------------------------------


def test_negative_retry_after_backs_off_and_500_ignores_it() -> None:
    from cxkit._core.ratelimit import parse_retry_after

    assert parse_retry_after("-5") is None
    fake = FakeDemo(count=1, clock=FakeClock())
    fake.inject(status=500, body={"error": "x"}, headers={"Retry-After": "30"})
    waits: list[float] = []
    client = Demo(
        http_client=fake.http_client(),
        clock=fake.clock,
        max_retries=1,
        on_retry=lambda op, n, exc, wait: waits.append(wait),
    )
    client.items.get(1)
    assert waits and waits[0] <= 8.0  # backoff, not the 30 s the 500 asked for


def test_a_pager_alternating_between_two_pages_stops(caplog: pytest.LogCaptureFixture) -> None:
    pages = [{"items": [{"id": 1}], "total": 10**6}, {"items": [{"id": 2}], "total": 10**6}]

    def answer(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        return httpx.Response(200, json={"ok": True, "data": pages[(page - 1) % 2]})

    client = Demo(transport=httpx.MockTransport(answer), clock=FakeClock())
    with caplog.at_level(logging.WARNING):
        ids = [item.id for item in client.items.list(limit=1)]
    assert ids == [1, 2]
    assert "already seen" in caplog.text


def test_an_empty_page_mid_listing_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        items = [{"id": page}] if page != 2 else []
        return httpx.Response(200, json={"ok": True, "data": {"items": items, "total": 5}})

    client = Demo(transport=httpx.MockTransport(answer), clock=FakeClock())
    with caplog.at_level(logging.INFO, logger="cxkit"):
        assert [item.id for item in client.items.list(limit=1)] == [1]
    assert "empty page before the end" in caplog.text


def test_every_public_error_pickles_without_a_request() -> None:
    request = httpx.Request("GET", "https://demo.test/x")
    error = APITimeoutError(vendor="demo", request=request)
    assert type(pickle.loads(pickle.dumps(error))) is APITimeoutError
    assert Operation("GET", "/x/{id}").format_path({"id": "a.b"}) == "/x/a.b"
