"""Single-flight login under concurrency: async tasks and sync threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import anyio

from cxkit.testing import FakeClock
from tests.core._async.demo import AsyncTokenDemo, TokenFake
from tests.core._sync.demo import TokenDemo


async def test_50_concurrent_async_requests_trigger_exactly_one_login() -> None:
    fake = TokenFake(count=3, clock=FakeClock())
    client = AsyncTokenDemo(http_client=fake.async_http_client(), clock=fake.clock)
    ids: list[int] = []

    async def one() -> None:
        item = await client.items.get(1)
        assert item.id is not None
        ids.append(item.id)

    async with anyio.create_task_group() as tg:
        for _ in range(50):
            tg.start_soon(one)
    assert ids == [1] * 50
    assert fake.logins == 1
    assert [c.url.path for c in fake.calls].count("/api/login") == 1


async def test_concurrent_async_requests_on_expired_token_relogin_once() -> None:
    fake = TokenFake(count=3, clock=FakeClock())
    client = AsyncTokenDemo(http_client=fake.async_http_client(), clock=fake.clock)
    await client.items.get(1)
    fake.valid_token = "rotated-on-server"

    async def one() -> None:
        await client.items.get(2)

    async with anyio.create_task_group() as tg:
        for _ in range(20):
            tg.start_soon(one)
    assert fake.logins == 2


def test_50_concurrent_threads_trigger_exactly_one_login() -> None:
    fake = TokenFake(count=3, clock=FakeClock())
    client = TokenDemo(http_client=fake.http_client(), clock=fake.clock)
    with ThreadPoolExecutor(max_workers=16) as pool:
        ids = list(pool.map(lambda _: client.items.get(1).id, range(50)))
    assert ids == [1] * 50
    assert fake.logins == 1


def test_concurrent_threads_on_expired_token_relogin_once() -> None:
    fake = TokenFake(count=3, clock=FakeClock())
    client = TokenDemo(http_client=fake.http_client(), clock=fake.clock)
    client.items.get(1)
    fake.valid_token = "rotated-on-server"
    with ThreadPoolExecutor(max_workers=16) as pool:
        ids = list(pool.map(lambda _: client.items.get(2).id, range(40)))
    assert ids == [2] * 40
    assert fake.logins == 2
