"""Workers sharing one vendor quota through Redis (a real redis-server on loopback)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest

from cxkit import CXError
from cxkit._core.errors import ThrottleStoreError
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
    import redis

    # Tests run in parallel: another worker's server may take the port between the
    # pick and the bind, so the server answering must be this one (its pid).
    for _ in range(5):
        port = _free_port()
        proc = subprocess.Popen(
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        conn = redis.Redis(host="127.0.0.1", port=port)
        ours = False
        for _ in range(250):
            if proc.poll() is not None:
                break  # it could not bind
            try:
                ours = conn.info("server")["process_id"] == proc.pid
                break
            except redis.ConnectionError:
                time.sleep(0.02)  # waiting for a real server process to start, not simulating time
        if ours:
            break
        conn.close()
        proc.kill()
        proc.wait(timeout=10)
    else:
        pytest.fail("redis-server did not start")
    yield f"redis://127.0.0.1:{port}/0"
    conn.close()
    proc.terminate()
    proc.wait(timeout=10)


def test_two_sync_workers_share_one_quota(redis_url: str) -> None:
    # Redis's clock is the authority: the fake clock never advances it, so the test
    # reads the wait the shared window asks for instead of sleeping through it.
    clock = FakeClock()
    fake = FakeDemo(count=1, clock=clock)
    kwargs = {"clock": clock, "throttle": "3/minute", "throttle_storage": redis_url}
    worker_a = Demo(http_client=fake.http_client(), **kwargs)
    worker_b = Demo(http_client=fake.http_client(), **kwargs)
    for worker in (worker_a, worker_b, worker_a):
        worker.items.get(1)
    assert clock.sleeps == []
    assert len(fake.calls) == 3
    throttle = worker_b._shared.throttle
    assert throttle is not None
    wait = throttle._hit("probe")  # the quota is spent for B too
    assert 55 <= wait <= 60


async def test_two_async_workers_share_one_quota(redis_url: str) -> None:
    clock = FakeClock()
    fake = FakeDemo(count=1, clock=clock)
    kwargs = {"clock": clock, "throttle": "2/minute", "throttle_storage": redis_url + "1"}
    worker_a = AsyncDemo(http_client=fake.async_http_client(), **kwargs)
    worker_b = AsyncDemo(http_client=fake.async_http_client(), **kwargs)
    await worker_a.items.get(1)
    await worker_b.items.get(1)
    assert clock.sleeps == []
    throttle = worker_a._shared.throttle
    assert throttle is not None
    assert 55 <= await throttle._hit("probe") <= 60
    await worker_a.aclose()
    await worker_b.aclose()


def test_unreachable_store_fails_closed_with_a_typed_error() -> None:
    clock = FakeClock()
    fake = FakeDemo(count=1, clock=clock)
    with socket.socket() as unheard:
        unheard.bind(("127.0.0.1", 0))  # bound, never listening: refused, and no one else's
        client = Demo(
            http_client=fake.http_client(),
            clock=clock,
            throttle="3/minute",
            throttle_storage=f"redis://127.0.0.1:{unheard.getsockname()[1]}/0",
        )
        with pytest.raises(ThrottleStoreError) as info:
            client.items.get(1)
    assert isinstance(info.value, CXError)
    assert fake.calls == []  # fail closed: nothing was sent
