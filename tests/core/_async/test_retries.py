"""Retry rules, Retry-After, timeouts and connection errors, through a client."""

from __future__ import annotations

import email.utils
import logging
from typing import Any

import pytest

from cxkit import (
    APIConnectionError,
    APITimeoutError,
    InternalServerError,
    RateLimitError,
)
from cxkit.testing import FakeClock


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
async def test_get_is_retried_on_retryable_status(client: Any, fake: Any, status: int) -> None:
    fake.inject_statuses([status, status])
    item = await client.items.get(1)
    assert item.id == 1
    assert len(fake.calls) == 3


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 501])
async def test_get_is_not_retried_on_other_status(client: Any, fake: Any, status: int) -> None:
    fake.inject(status=status, body={"error": "nope"})
    with pytest.raises(Exception) as info:
        await client.items.get(1)
    assert getattr(info.value, "status_code", None) == status
    assert len(fake.calls) == 1


async def test_retries_give_up_after_max_retries(client: Any, fake: Any) -> None:
    fake.inject(status=503, times=5)
    with pytest.raises(InternalServerError) as info:
        await client.items.get(1)
    assert info.value.status_code == 503
    assert len(fake.calls) == 3  # 1 + default 2 retries


async def test_post_answered_500_is_sent_once(client: Any, fake: Any) -> None:
    fake.inject(status=500, body={"error": "boom"}, method="POST")
    with pytest.raises(InternalServerError):
        await client.items.create(name="x")
    assert [c.method for c in fake.calls] == ["POST"]


async def test_post_answered_429_with_retry_after_is_sent_twice(
    client: Any, fake: Any, clock: FakeClock
) -> None:
    fake.inject(status=429, headers={"Retry-After": "1"}, body={"error": "slow down"})
    item = await client.items.create(name="x")
    assert item.name == "x"
    assert [c.method for c in fake.calls] == ["POST", "POST"]
    assert clock.sleeps == [1.0]


async def test_idempotent_post_is_retried_on_500(client: Any, fake: Any) -> None:
    fake.inject(status=500, method="POST")
    items = await client.items.search(name="item")
    assert len(items) == 5
    assert len(fake.calls) == 2


async def test_retry_after_http_date_is_honoured(client: Any, fake: Any, clock: FakeClock) -> None:
    when = email.utils.formatdate(clock.now() + 7, usegmt=True)
    fake.inject(status=503, headers={"Retry-After": when})
    await client.items.get(1)
    assert len(clock.sleeps) == 1
    # The HTTP-date form is whole seconds and read against the real clock, so allow slack.
    assert 0 <= clock.sleeps[0] <= 60


async def test_retry_after_seconds_is_capped(client: Any, fake: Any, clock: FakeClock) -> None:
    fake.inject(status=429, headers={"Retry-After": "3600"})
    await client.with_options(max_retry_wait=5).items.get(1)
    assert clock.sleeps == [5.0]


async def test_backoff_is_exponential_with_jitter_between_bounds(
    client: Any, fake: Any, clock: FakeClock
) -> None:
    fake.inject(status=503, times=7)
    with pytest.raises(InternalServerError):
        await client.with_options(max_retries=6).items.get(1)
    assert len(clock.sleeps) == 6
    ceilings = [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    for waited, ceiling in zip(clock.sleeps, ceilings, strict=True):
        assert 0.5 <= waited <= ceiling


async def test_rate_limit_error_carries_retry_after_when_retries_are_spent(
    client: Any, fake: Any
) -> None:
    fake.inject(status=429, headers={"Retry-After": "2"}, body={"error": "quota"}, times=3)
    with pytest.raises(RateLimitError) as info:
        await client.items.get(1)
    assert info.value.retry_after == 2.0
    assert info.value.vendor == "demo"
    assert len(fake.calls) == 3


async def test_per_call_max_retries_override(client: Any, fake: Any) -> None:
    fake.inject(status=503, times=3)
    with pytest.raises(InternalServerError):
        await client.with_options(max_retries=0).items.get(1)
    assert len(fake.calls) == 1
    fake.calls.clear()
    await client.request("GET", "/items/1", max_retries=5)
    assert len(fake.calls) == 3


async def test_timeout_becomes_api_timeout_error(client: Any, fake: Any) -> None:
    fake.inject(error="timeout", times=3)
    with pytest.raises(APITimeoutError) as info:
        await client.items.get(1)
    assert len(fake.calls) == 3
    assert info.value.vendor == "demo"


async def test_slow_response_past_read_timeout_times_out(client: Any, fake: Any) -> None:
    fake.inject(latency=45.0, times=3)
    with pytest.raises(APITimeoutError):
        await client.items.get(1)


async def test_slow_response_within_timeout_succeeds(
    client: Any, fake: Any, clock: FakeClock
) -> None:
    before = clock.now()
    fake.inject(latency=3.0)
    item = await client.items.get(2)
    assert item.id == 2
    assert clock.now() - before == pytest.approx(3.0)


async def test_connection_error_becomes_api_connection_error(client: Any, fake: Any) -> None:
    fake.inject(error="read", times=3)
    with pytest.raises(APIConnectionError) as info:
        await client.items.get(1)
    assert not isinstance(info.value, APITimeoutError)
    assert len(fake.calls) == 3


async def test_post_is_retried_after_connect_error(client: Any, fake: Any) -> None:
    fake.inject(error="connect", method="POST")
    item = await client.items.create(name="y")
    assert item.name == "y"
    assert len(fake.calls) == 2


async def test_post_is_not_retried_after_read_error(client: Any, fake: Any) -> None:
    fake.inject(error="read", method="POST")
    with pytest.raises(APIConnectionError):
        await client.items.create(name="y")
    assert len(fake.calls) == 1


async def test_post_is_not_retried_after_read_timeout(client: Any, fake: Any) -> None:
    fake.inject(error="timeout", method="POST")
    with pytest.raises(APITimeoutError):
        await client.items.create(name="y")
    assert len(fake.calls) == 1


async def test_each_retry_is_logged(
    client: Any, fake: Any, caplog: pytest.LogCaptureFixture
) -> None:
    fake.inject_statuses([503, 502])
    with caplog.at_level(logging.DEBUG, logger="cxkit"):
        await client.items.get(1)
    retries = [r for r in caplog.records if "retry" in r.getMessage()]
    assert len(retries) == 2
    assert "retry 1 of 2" in retries[0].getMessage()
    assert "503" in retries[0].getMessage()
