"""The client-side throttle waits instead of exceeding the quota (virtual time)."""

from __future__ import annotations

import time

import pytest

from cxkit import ConfigurationError
from cxkit._core.throttling import MovingWindow, parse_rate
from cxkit.testing import FakeClock
from cxkit.testing.omnidesk import FakeOmnidesk
from tests.core._async.demo import AsyncDemo, FakeDemo
from tests.core._sync.demo import Demo


@pytest.fixture
def clock() -> FakeClock:
    # No monkeypatching of time: the in-process throttle runs on the client's clock.
    return FakeClock(start=time.time())


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


def test_fake_omnidesk_throttle_runs_on_the_fake_clock() -> None:
    fake = FakeOmnidesk()
    desk = fake.client(throttle="2/hour")
    for _ in range(3):
        desk.labels.list()
    assert len(fake.clock.sleeps) == 1
    assert 3599 <= fake.clock.sleeps[0] <= 3600


@pytest.mark.parametrize(
    "throttle", [0, -5, "lots", "0/hour", "-1/hour", "5/fortnight", 2.5, True, "", "5/0 hour"]
)
def test_unreadable_or_empty_rates_are_configuration_errors(throttle: object) -> None:
    fake = FakeDemo(count=1)
    with pytest.raises(ConfigurationError) as info:
        Demo(http_client=fake.http_client(), throttle=throttle)  # type: ignore[arg-type]
    assert "throttle" in str(info.value)


@pytest.mark.parametrize("storage", ["memcached://localhost:11211", "mongodb://x", "nonsense", 5])
def test_unsupported_stores_are_configuration_errors(storage: object) -> None:
    fake = FakeDemo(count=1)
    with pytest.raises(ConfigurationError) as info:
        Demo(http_client=fake.http_client(), throttle="5/hour", throttle_storage=storage)  # type: ignore[arg-type]
    assert "throttle_storage" in str(info.value)


@pytest.mark.parametrize(
    ("rate", "limit", "window"),
    [("500/hour", 500, 3600), ("10 per minute", 10, 60), ("5/30 seconds", 5, 30), (7, 7, 3600)],
)
def test_rates_are_read(rate: str | int, limit: int, window: float) -> None:
    parsed = parse_rate(rate)
    assert (parsed.limit, parsed.window) == (limit, window)


def test_a_slot_is_held_until_the_answer_is_back() -> None:
    # The vendor counts a request when it arrives, somewhere between the grant and the
    # answer: the window counts it from the answer, so it can never overrun the vendor.
    window = MovingWindow(parse_rate("2/10 seconds"))
    assert window.hit(0.0) == 0.0
    assert window.hit(1.0) == 0.0
    assert window.hit(2.0) > 0  # both slots in flight
    window.release(5.0)  # the first answer came back at t=5
    window.release(6.0)
    assert window.hit(14.0) == pytest.approx(1.0)  # frees at 5 + 10, not 0 + 10
    assert window.hit(15.5) == 0.0
