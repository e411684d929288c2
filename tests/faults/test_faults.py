"""Every fault a server or network produces, against a real loopback socket.

For each fault x {GET, POST, non-idempotent PUT} x {sync, async}: the call ends
within its time bound with a right answer or a CXError; a write reaches the server
at most once unless it is idempotent; no secret appears in any error, log line or
pickle.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import pickle
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from cxkit import APITimeoutError, CXError
from cxkit.testing import FakeClock
from cxkit.testing.faults import FAULTS, FaultServer
from tests.core._async.demo import SECRET, AsyncDemo
from tests.core._sync.demo import Demo

TIMEOUT = 0.5
RETRIES = 2
# Every attempt bounded; retry waits are virtual. The slack covers building the client
# and scheduling on a loaded 2-core machine; an unbounded attempt (the drip lasts 200 s)
# or one real retry wait (a 3 s Retry-After) would still overrun it.
SLACK = 1.2
BOUND = TIMEOUT * (RETRIES + 1) + SLACK
BASIC = base64.b64encode(f"bot:{SECRET}".encode()).decode()

CALLS: dict[str, Callable[[Any], Any]] = {
    "GET": lambda c: c.items.get(1),
    "POST": lambda c: c.items.create(name="a"),
    "PUT-non-idempotent": lambda c: c.items.moveup(1),
}


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with FaultServer(drip_interval=0.2) as running:
        yield running


def options(server: FaultServer) -> dict[str, Any]:
    return {
        "base_url": server.base_url,
        "allow_insecure": True,
        "timeout": TIMEOUT,
        "max_retries": RETRIES,
        "clock": FakeClock(),
        # Every healthy answer is tiny; a small limit keeps the bomb's work small too.
        "max_response_bytes": 1 << 20,
    }


def run(mode: str, server: FaultServer, call: Callable[[Any], Any]) -> Any:
    if mode == "sync":
        with Demo(**options(server)) as client:
            return call(client)

    async def main() -> Any:
        async with AsyncDemo(**options(server)) as client:
            return await call(client)

    return asyncio.run(main())


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("method", list(CALLS))
@pytest.mark.parametrize("fault", FAULTS)
def test_fault_ends_in_an_answer_or_a_cx_error(
    fault: str, method: str, mode: str, server: FaultServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.fault = fault
    server.reset_log()
    started = time.monotonic()
    outcome: Any
    with caplog.at_level(logging.DEBUG, logger="cxkit"):
        try:
            outcome = run(mode, server, CALLS[method])
        except CXError as exc:
            outcome = exc
    elapsed = time.monotonic() - started
    # Anything but a CXError would have escaped above and failed the test.
    assert elapsed <= BOUND, f"{fault} {method} {mode}: {elapsed:.2f} s > {BOUND} s"
    if isinstance(outcome, CXError):
        text = str(outcome) + repr(outcome) + repr(pickle.dumps(outcome))
        assert SECRET not in text and BASIC not in text
        assert type(pickle.loads(pickle.dumps(outcome))) is type(outcome)
    elif method != "PUT-non-idempotent":
        assert outcome is not None and outcome.id in (1, None)
    assert SECRET not in caplog.text and BASIC not in caplog.text
    if method != "GET":
        assert len(server.writes()) <= 1, f"{fault}: a write was received twice"


def test_a_healthy_server_answers_every_call(server: FaultServer) -> None:
    server.fault = "ok"
    assert run("sync", server, CALLS["GET"]).name == "item 1"
    assert run("async", server, CALLS["POST"]).id == 1


def test_a_dripping_server_cannot_stretch_the_timeout(server: FaultServer) -> None:
    # A byte every 0.2 s for 200 s: no single read ever times out, so only the deadline
    # on the whole attempt ends the call. Only the call is timed (the client is built
    # and has answered once before), against the same slack as above.
    def sync_call() -> float:
        server.fault = "ok"
        with Demo(**options(server)) as client:
            client.items.get(1)
            server.fault = "slow_drip"
            started = time.monotonic()
            with pytest.raises(APITimeoutError):
                client.with_options(max_retries=0).items.get(1)
            return time.monotonic() - started

    async def async_call() -> float:
        server.fault = "ok"
        async with AsyncDemo(**options(server)) as client:
            await client.items.get(1)
            server.fault = "slow_drip"
            started = time.monotonic()
            with pytest.raises(APITimeoutError):
                await client.with_options(max_retries=0).items.get(1)
            return time.monotonic() - started

    for elapsed in (sync_call(), asyncio.run(async_call())):
        assert TIMEOUT - 0.05 <= elapsed < TIMEOUT + SLACK
