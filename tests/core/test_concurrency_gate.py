"""max_concurrency caps requests in flight; callers queue instead of failing."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import anyio
import httpx
import pytest

from cxkit import ConfigurationError
from tests.core._async.demo import AsyncDemo
from tests.core._sync.demo import Demo


class CountingTransport(httpx.AsyncBaseTransport):
    """Answers after yielding to the event loop, counting requests in flight."""

    def __init__(self) -> None:
        self.in_flight = 0
        self.peak = 0
        self.served = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        for _ in range(3):
            await anyio.lowlevel.checkpoint()
        self.in_flight -= 1
        self.served += 1
        return httpx.Response(200, json={"ok": True, "data": {"id": 1}})


@pytest.mark.parametrize("cap", [1, 5])
async def test_requests_in_flight_never_exceed_the_cap(cap: int) -> None:
    transport = CountingTransport()
    client = AsyncDemo(http_client=httpx.AsyncClient(transport=transport), max_concurrency=cap)
    async with anyio.create_task_group() as tg:
        for _ in range(60):
            tg.start_soon(client.items.get, 1)
    assert transport.served == 60
    assert transport.peak == cap


async def test_default_cap_allows_parallel_requests() -> None:
    transport = CountingTransport()
    client = AsyncDemo(http_client=httpx.AsyncClient(transport=transport))
    async with anyio.create_task_group() as tg:
        for _ in range(60):
            tg.start_soon(client.items.get, 1)
    assert transport.peak == 20


@pytest.mark.parametrize("bad", [0, -1, True, 2.5])
def test_bad_cap_is_refused(bad: object) -> None:
    with pytest.raises(ConfigurationError, match="max_concurrency"):
        AsyncDemo(max_concurrency=bad)


class CountingSyncTransport(httpx.BaseTransport):
    """Counts requests in flight across threads; ``time.sleep(0)`` only yields the GIL."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.in_flight = 0
        self.peak = 0
        self.served = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
        for _ in range(20):
            time.sleep(0)
        with self.lock:
            self.in_flight -= 1
            self.served += 1
        return httpx.Response(200, json={"ok": True, "data": {"id": 1}})


def test_sync_threads_never_exceed_the_cap() -> None:
    transport = CountingSyncTransport()
    client = Demo(http_client=httpx.Client(transport=transport), max_concurrency=3)
    with ThreadPoolExecutor(max_workers=12) as pool:
        ids = list(pool.map(lambda _: client.items.get(1).id, range(60)))
    assert ids == [1] * 60
    assert transport.served == 60
    assert 1 <= transport.peak <= 3
