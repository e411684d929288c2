"""The client-side throttle waits instead of exceeding the quota (virtual time)."""

from __future__ import annotations

import time

import pytest

from cxkit.testing import FakeClock
from tests.core._async.demo import AsyncDemo, FakeDemo
from tests.core._sync.demo import Demo


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    clock = FakeClock(start=time.time())
    # limits' in-memory store reads time.time(); share the virtual clock with it.
    monkeypatch.setattr(time, "time", clock.now)
    return clock


def _max_in_window(times: list[float], window: float) -> int:
    return max(sum(1 for t in times if start <= t < start + window) for start in times)


async def test_async_throttle_waits_and_never_exceeds_quota(clock: FakeClock) -> None:
    fake = FakeDemo(count=2, clock=clock)
    client = AsyncDemo(http_client=fake.async_http_client(), clock=clock, throttle="3/minute")
    for _ in range(7):
        await client.items.get(1)
    assert len(fake.calls) == 7
    assert _max_in_window(fake.call_times, 60.0) == 3
    assert clock.sleeps, "the throttle should have waited"
    assert 110 <= sum(clock.sleeps) <= 125
    assert fake.call_times[-1] - fake.call_times[0] >= 120


def test_sync_throttle_waits_and_never_exceeds_quota(clock: FakeClock) -> None:
    fake = FakeDemo(count=2, clock=clock)
    client = Demo(http_client=fake.http_client(), clock=clock, throttle=2)  # 2 per hour
    for _ in range(5):
        client.items.get(1)
    assert _max_in_window(fake.call_times, 3600.0) == 2
    assert sum(clock.sleeps) >= 2 * 3600 - 5


async def test_copies_share_one_quota(clock: FakeClock) -> None:
    fake = FakeDemo(count=1, clock=clock)
    client = AsyncDemo(http_client=fake.async_http_client(), clock=clock, throttle="2/minute")
    other = client.with_options(max_retries=0)
    await client.items.get(1)
    await other.items.get(1)
    assert clock.sleeps == []
    await other.items.get(1)
    assert len(clock.sleeps) == 1
