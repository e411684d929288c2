"""A re-login never waits for pool slots held by the requests that wait for it."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import httpx
import pytest

from cxkit.testing import FakeClock
from cxkit.testing.faults import FaultServer
from tests.core._async.demo import AsyncTokenDemo
from tests.core._sync.demo import TokenDemo


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer(delay=0.02) as running:
        running.fault = "token"
        yield running


def test_async_relogin_with_a_pool_smaller_than_the_callers(server: FaultServer) -> None:
    async def main() -> None:
        pool = httpx.AsyncClient(limits=httpx.Limits(max_connections=2), timeout=5)
        client = AsyncTokenDemo(
            base_url=server.base_url, allow_insecure=True, http_client=pool, clock=FakeClock()
        )
        await client.items.get(1)
        assert server.logins == 1
        server.expire()
        items = await asyncio.wait_for(
            asyncio.gather(*(client.items.get(1) for _ in range(20))), timeout=20
        )
        assert [i.id for i in items] == [1] * 20
        assert server.logins == 2
        await pool.aclose()

    asyncio.run(main())


def test_sync_relogin_with_a_pool_smaller_than_the_callers(server: FaultServer) -> None:
    pool = httpx.Client(limits=httpx.Limits(max_connections=2), timeout=5)
    client = TokenDemo(
        base_url=server.base_url, allow_insecure=True, http_client=pool, clock=FakeClock()
    )
    client.items.get(1)
    server.expire()
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            client.items.get(1)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    assert server.logins == 2
    pool.close()


def test_the_login_request_carries_the_callers_timeout(server: FaultServer) -> None:
    seen: list[object] = []
    pool = httpx.Client(
        event_hooks={"request": [lambda r: seen.append(r.extensions.get("timeout"))]}
    )
    client = TokenDemo(base_url=server.base_url, allow_insecure=True, http_client=pool, timeout=3.0)
    client.items.get(1)
    assert seen[0] == seen[1] and seen[0] is not None
    assert seen[0]["read"] == 3.0  # type: ignore[index]
    pool.close()
