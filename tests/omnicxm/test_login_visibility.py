"""Every request that leaves the client, logins included, is logged and hooked."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from cxkit.testing import FakeClock
from cxkit.testing.omnicxm import FakeOmniCXM


def test_logins_and_relogins_pass_through_the_log_and_the_hooks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake = FakeOmniCXM(clock=FakeClock())
    seen: list[tuple[str, str]] = []
    answered: list[tuple[str, int]] = []

    def on_request(op: str, request: httpx.Request) -> None:
        seen.append((op, request.url.path))

    def on_response(op: str, response: httpx.Response, elapsed: float) -> Any:
        answered.append((op, response.status_code))

    client = fake.client(on_request=on_request, on_response=on_response)
    with caplog.at_level(logging.DEBUG, logger="cxkit"):
        client.users.me()
        fake.expire_tokens()  # the next call is refused, logs in again and is replayed
        client.users.me()
    ops = [op for op, _ in seen]
    assert ops.count("auth.login") == 2
    assert len(seen) == len(fake.calls)  # every request that left, the refused one too
    assert sorted(op for op, _ in answered) == sorted(ops)  # every request got its answer
    assert ("users.me", 401) in answered  # the refused one too
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert sum("(auth.login, attempt 1)" in line for line in lines) == 2
    assert sum("-> 401" in line for line in lines) == 1
    assert len(lines) == len(fake.calls)  # one line per request that left
