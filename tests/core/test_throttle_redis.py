"""Workers sharing one vendor quota through Redis (a real redis-server on loopback)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest

from cxkit.testing import FakeClock
from tests.core._async.demo import AsyncDemo, FakeDemo
from tests.core._sync.demo import Demo


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is required (apt-get install redis-server; .ci/run installs it)")
    port = _free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import redis

    conn = redis.Redis(host="127.0.0.1", port=port)
    for _ in range(200):
        try:
            conn.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.02)  # waiting for a real server process to start, not simulating time
    else:
        proc.kill()
        pytest.fail("redis-server did not start")
    yield f"redis://127.0.0.1:{port}/0"
    conn.close()
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    clock = FakeClock(start=time.time() + os.getpid())
    monkeypatch.setattr(time, "time", clock.now)
    return clock


def test_two_sync_workers_share_one_quota(redis_url: str, clock: FakeClock) -> None:
    fake = FakeDemo(count=1, clock=clock)
    worker_a = Demo(
        http_client=fake.http_client(), clock=clock, throttle="3/minute", throttle_storage=redis_url
    )
    worker_b = Demo(
        http_client=fake.http_client(), clock=clock, throttle="3/minute", throttle_storage=redis_url
    )
    for worker in (worker_a, worker_b, worker_a):
        worker.items.get(1)
    assert clock.sleeps == []
    worker_b.items.get(1)  # the shared quota is spent: B waits for the window
    assert len(clock.sleeps) >= 1
    assert 55 <= sum(clock.sleeps) <= 61
    assert len(fake.calls) == 4


async def test_two_async_workers_share_one_quota(redis_url: str, clock: FakeClock) -> None:
    fake = FakeDemo(count=1, clock=clock)
    kwargs = {"clock": clock, "throttle": "2/minute", "throttle_storage": redis_url}
    worker_a = AsyncDemo(http_client=fake.async_http_client(), **kwargs)
    worker_b = AsyncDemo(http_client=fake.async_http_client(), **kwargs)
    await worker_a.items.get(1)
    await worker_b.items.get(1)
    assert clock.sleeps == []
    await worker_a.items.get(1)
    assert 55 <= sum(clock.sleeps) <= 61
