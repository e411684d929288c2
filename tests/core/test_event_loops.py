"""An async client used from a second event loop works (its pool is renewed), or
raises one clear CXError when the pool belongs to the caller."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from cxkit._core.errors import ClientClosedError
from cxkit.testing.faults import FaultServer
from tests.core._async.demo import AsyncDemo


def test_a_client_keeps_working_across_asyncio_run_calls() -> None:
    with FaultServer() as server:
        client = AsyncDemo(base_url=server.base_url, allow_insecure=True)

        async def many() -> list[int | None]:
            items = await asyncio.gather(*(client.items.get(1) for _ in range(20)))
            return [item.id for item in items]

        assert asyncio.run(many()) == [1] * 20
        assert asyncio.run(many()) == [1] * 20  # a new loop: the pool is renewed
        asyncio.run(client.aclose())


def test_a_callers_pool_on_another_loop_is_a_clear_error() -> None:
    with FaultServer() as server:
        pool = httpx.AsyncClient()
        client = AsyncDemo(base_url=server.base_url, allow_insecure=True, http_client=pool)

        async def one() -> int | None:
            return (await client.items.get(1)).id

        assert asyncio.run(one()) == 1
        with pytest.raises(ClientClosedError, match="another event loop"):
            asyncio.run(one())
