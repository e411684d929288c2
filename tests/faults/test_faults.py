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

from cxkit import CXError
from cxkit.testing import FakeClock
from cxkit.testing.faults import FAULTS, FaultServer
from tests.core._async.demo import SECRET, AsyncDemo
from tests.core._sync.demo import Demo

TIMEOUT = 0.5
RETRIES = 2
BOUND = TIMEOUT * (RETRIES + 1) + 0.3  # every attempt bounded; retry waits are virtual
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
    server.fault = "slow_drip"
    for mode in ("sync", "async"):
        started = time.monotonic()
        with pytest.raises(CXError):
            run(mode, server, lambda c: c.with_options(max_retries=0).items.get(1))
        assert time.monotonic() - started < TIMEOUT + 0.2
