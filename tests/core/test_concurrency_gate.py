"""max_concurrency caps requests in flight; callers queue instead of failing."""

from __future__ import annotations

import anyio
import httpx
import pytest

from cxkit import ConfigurationError
from tests.core._async.demo import AsyncDemo


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
