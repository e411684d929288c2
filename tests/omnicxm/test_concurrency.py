"""Single-flight login under concurrency: 50 async tasks and 50 threads, on a missing
token and on an expired one (HTTP 401 or a 200 envelope), make exactly one login each.

The fake's transport holds every non-login request until all of them have arrived,
so that they really all find the token missing or expired at the same time.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import httpx
import pytest

from cxkit.omnicxm import AsyncOmniCXM, OmniCXM
from cxkit.testing import FakeTransport
from cxkit.testing.omnicxm import FakeOmniCXM

N = 50


class _ThreadGate(FakeTransport):
    """Holds the first ``n`` non-login requests until all ``n`` have arrived."""

    def __init__(self, server: FakeOmniCXM, n: int) -> None:
        super().__init__(server)
        self.barrier = threading.Barrier(n, timeout=30)
        self.held = 0
        self.lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path != "/login":
            with self.lock:
                hold = self.held < self.barrier.parties
                self.held += 1
            if hold:
                self.barrier.wait()
        return super().handle_request(request)


class _TaskGate(FakeTransport):
    """The async twin: an event set when the ``n``-th non-login request arrives."""

    def __init__(self, server: FakeOmniCXM, n: int) -> None:
        super().__init__(server)
        self.n = n
        self.held = 0
        self.all_in = anyio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path != "/login" and self.held < self.n:
            self.held += 1
            if self.held == self.n:
                self.all_in.set()
            with anyio.fail_after(30):
                await self.all_in.wait()
        return await super().handle_async_request(request)


def _async_client(fake: FakeOmniCXM, transport: httpx.AsyncBaseTransport) -> AsyncOmniCXM:
    return AsyncOmniCXM(
        username=fake.username,
        password=fake.password,
        base_url=fake.base_url,
        transport=transport,
        clock=fake.clock,
        max_concurrency=N,
    )


def _sync_client(fake: FakeOmniCXM, transport: httpx.BaseTransport) -> OmniCXM:
    return OmniCXM(
        username=fake.username,
        password=fake.password,
        base_url=fake.base_url,
        transport=transport,
        clock=fake.clock,
        max_concurrency=N,
    )


async def _fifty(client: AsyncOmniCXM) -> list[Any]:
    results: list[Any] = []

    async def one() -> None:
        results.append(await client.users.me())

    async with anyio.create_task_group() as tg:
        for _ in range(N):
            tg.start_soon(one)
    return results


async def test_50_tasks_on_a_missing_token_log_in_once() -> None:
    fake = FakeOmniCXM()
    client = _async_client(fake, _TaskGate(fake, N))
    results = await _fifty(client)
    assert len(results) == N and fake.logins == 1


@pytest.mark.parametrize("answer", ["401", "envelope"])
async def test_50_tasks_on_an_expired_token_log_in_again_once(answer: str) -> None:
    fake = FakeOmniCXM(expired_answer=answer)  # type: ignore[arg-type]
    gate = _TaskGate(fake, N)
    client = _async_client(fake, gate)
    gate.held = N  # the first call passes freely
    await client.users.me()
    gate.held, gate.all_in = 0, anyio.Event()
    fake.expire_tokens()
    results = await _fifty(client)
    assert len(results) == N and fake.logins == 2
    refused = [c for c in fake.calls if c.url.path == "/users/getinformation"]
    assert len(refused) == 1 + N + N  # each expired request replayed once


def test_50_threads_on_a_missing_token_log_in_once() -> None:
    fake = FakeOmniCXM()
    client = _sync_client(fake, _ThreadGate(fake, N))
    with ThreadPoolExecutor(max_workers=N) as pool:
        results = list(pool.map(lambda _: client.users.me(), range(N)))
    assert len(results) == N and fake.logins == 1


@pytest.mark.parametrize("answer", ["401", "envelope"])
def test_50_threads_on_an_expired_token_log_in_again_once(answer: str) -> None:
    fake = FakeOmniCXM(expired_answer=answer)  # type: ignore[arg-type]
    gate = _ThreadGate(fake, N)
    client = _sync_client(fake, gate)
    gate.held = N  # the first call passes freely
    client.users.me()
    gate.held = 0
    fake.expire_tokens()
    with ThreadPoolExecutor(max_workers=N) as pool:
        results = list(pool.map(lambda _: client.users.me(), range(N)))
    assert len(results) == N and fake.logins == 2
    sent = [c for c in fake.calls if c.url.path == "/users/getinformation"]
    assert len(sent) == 1 + N + N  # each expired request replayed once
