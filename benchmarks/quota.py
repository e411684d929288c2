"""Client-side throttle against a quota-enforcing server, in real time.

A small threaded HTTP/1.1 server (this process) speaks the Omnidesk wire
(``GET /api/cases/{id}.json``, ``api_calls_left`` on every answer) and enforces
a moving-window quota: at most ``LIMIT`` served requests in any ``WINDOW``
seconds; above it, HTTP 429 ``{"error": "API calls limit exceeded"}``. It logs
every request's arrival time. Client processes (one, then four sharing the
quota through a real ``redis-server`` on loopback) use ``throttle=`` with the
same quota and the real clock, and hammer ``cases.get`` from several threads
(sync) or tasks (async) each, for a fixed duration.

Printed per run:

* quota use: requests served in the first ``DURATION`` seconds (from the first
  arrival) / the most the quota allows in that time (``LIMIT * DURATION / WINDOW``);
  goal >= 98 %;
* 429s: rate-limit answers the server sent; goal 0;
* max in window: the most requests that arrived (served or not) in any
  ``WINDOW`` seconds; goal <= ``LIMIT``.

Usage: ``PYTHONPATH=src python3 benchmarks/quota.py [--duration 10]``
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import json
import multiprocessing
import shutil
import socket
import subprocess
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LIMIT = 60
WINDOW = 2.0
RATE = f"{LIMIT}/{WINDOW:g}s"
CASE = {
    "case": {
        "case_id": 2000,
        "case_number": "664-245651",
        "subject": "I need help",
        "status": "open",
        "created_at": "Mon, 05 May 2014 00:15:17 +0300",
        "updated_at": "Tue, 23 Dec 2014 10:55:23 +0200",
    }
}
OK_BODY = json.dumps(CASE).encode()
LIMIT_BODY = json.dumps({"error": f"API calls limit exceeded: {RATE}"}).encode()


class QuotaServer(ThreadingHTTPServer):
    """A moving-window quota over served requests; every arrival is logged."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), QuotaHandler)
        self.lock = threading.Lock()
        self.served: list[float] = []  # arrival times of requests answered 200
        self.log: list[tuple[float, int]] = []  # (arrival, status) of every request

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/api"

    def admit(self, now: float) -> tuple[int, int]:
        """(status, calls left) for a request arriving at ``now``."""
        with self.lock:
            horizon = now - WINDOW
            start = bisect.bisect_right(self.served, horizon)
            in_window = len(self.served) - start
            if in_window < LIMIT:
                self.served.append(now)
                status, left = 200, LIMIT - in_window - 1
            else:
                status, left = 429, 0
            self.log.append((now, status))
            return status, left


class QuotaHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: QuotaServer

    def do_GET(self) -> None:
        status, left = self.server.admit(time.monotonic())
        body = OK_BODY if status == 200 else LIMIT_BODY
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("api_calls_left", str(left))
        if status == 429:
            self.send_header("Retry-After", "1")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RedisServer:
    """A throwaway ``redis-server`` on a free loopback port (no persistence)."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.port = free_port()
        args = ["--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        args += ["--appendonly", "no", "--protected-mode", "yes"]
        self.proc = subprocess.Popen(
            [binary, *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# -- client processes --------------------------------------------------------


def client_options(base_url: str, storage: str | None) -> dict[str, Any]:
    return {
        "email": "bench@x.io",
        "api_key": "k",
        "base_url": base_url,
        "allow_insecure": True,
        "throttle": RATE,
        "throttle_storage": storage,
        "timeout": 10.0,
    }


def record_grants(throttle_class: Any, grants: list[float]) -> None:
    """Log when the throttle lets each request go (instrumentation only: the wrapped
    method runs unchanged; ``time.monotonic`` is one clock for every process)."""
    acquire = throttle_class.acquire
    if asyncio.iscoroutinefunction(acquire):

        async def timed_async(self: Any) -> Any:
            token = await acquire(self)
            grants.append(time.monotonic())
            return token

        throttle_class.acquire = timed_async
    else:

        def timed(self: Any) -> Any:
            token = acquire(self)
            grants.append(time.monotonic())
            return token

        throttle_class.acquire = timed


def run_sync(
    options: dict[str, Any], workers: int, start_at: float, stop_at: float, grants: list[float]
) -> Counter[str]:
    from cxkit import CXError
    from cxkit._core._sync.throttle import Throttle
    from cxkit.omnidesk import Omnidesk

    record_grants(Throttle, grants)
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()
    with Omnidesk(**options) as desk:

        def hammer() -> None:
            mine: Counter[str] = Counter()
            while time.time() < stop_at:
                try:
                    desk.cases.get(2000)
                    mine["ok"] += 1
                except CXError as exc:
                    mine[type(exc).__name__] += 1
            with lock:
                outcomes.update(mine)

        time.sleep(max(0.0, start_at - time.time()))
        threads = [threading.Thread(target=hammer) for _ in range(workers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return outcomes


def run_async(
    options: dict[str, Any], workers: int, start_at: float, stop_at: float, grants: list[float]
) -> Counter[str]:
    from cxkit import CXError
    from cxkit._core._async.throttle import AsyncThrottle
    from cxkit.omnidesk import AsyncOmnidesk

    record_grants(AsyncThrottle, grants)

    async def main() -> Counter[str]:
        outcomes: Counter[str] = Counter()
        async with AsyncOmnidesk(**options) as desk:

            async def hammer() -> None:
                while time.time() < stop_at:
                    try:
                        await desk.cases.get(2000)
                        outcomes["ok"] += 1
                    except CXError as exc:
                        outcomes[type(exc).__name__] += 1

            await asyncio.sleep(max(0.0, start_at - time.time()))
            await asyncio.gather(*(hammer() for _ in range(workers)))
        return outcomes

    return asyncio.run(main())


def worker(
    mode: str,
    options: dict[str, Any],
    workers: int,
    start_at: float,
    stop_at: float,
    results: Any,
) -> None:
    grants: list[float] = []
    try:
        run = run_sync if mode == "sync" else run_async
        results.put((dict(run(options, workers, start_at, stop_at, grants)), grants))
    except BaseException as exc:  # reported, not swallowed: the row shows it
        results.put(({f"foreign {type(exc).__name__}": 1}, grants))


# -- one run -----------------------------------------------------------------


def max_in_window(times: list[float]) -> int:
    best = 0
    for i, t in enumerate(times):
        best = max(best, bisect.bisect_left(times, t + WINDOW, lo=i) - i)
    return best


def one_run(
    mode: str, processes: int, workers: int, storage: str | None, duration: float
) -> dict[str, Any]:
    server = QuotaServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    start_at = time.time() + 2.0 + 0.5 * processes  # after every child has imported
    stop_at = start_at + duration
    procs = [
        ctx.Process(
            target=worker,
            args=(mode, client_options(server.base_url, storage), workers, start_at, stop_at),
            kwargs={"results": results},
        )
        for _ in range(processes)
    ]
    for p in procs:
        p.start()
    outcomes: Counter[str] = Counter()
    grants: list[float] = []
    for _ in procs:
        counts, granted = results.get(timeout=duration + 60)
        outcomes.update(counts)
        grants.extend(granted)
    for p in procs:
        p.join()
    server.shutdown()
    server.server_close()
    log = sorted(server.log)
    arrivals = [t for t, _ in log]
    first = arrivals[0]
    served_in_run = sum(1 for t, s in log if s == 200 and t < first + duration)
    capacity = LIMIT * duration / WINDOW
    return {
        "run": f"{processes} proc x {workers} {'threads' if mode == 'sync' else 'tasks'}",
        "store": "redis" if storage else "memory",
        "served": served_in_run,
        "capacity": int(capacity),
        "use": 100.0 * served_in_run / capacity,
        "429s": sum(1 for _, s in log if s == 429),
        "max_window": max_in_window(arrivals),
        "max_granted": max_in_window(sorted(grants)),
        "client": ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per run")
    parser.add_argument("--workers", type=int, default=8, help="threads/tasks per process")
    args = parser.parse_args()
    if args.duration % WINDOW:
        parser.error(f"--duration must be a multiple of the window ({WINDOW:g} s)")

    redis = RedisServer()
    rows = []
    try:
        plan = [
            ("sync", 1, None),
            ("async", 1, None),
            ("sync", 4, redis.url),
            ("async", 4, redis.url),
        ]
        for mode, processes, storage in plan:
            rows.append(one_run(mode, processes, args.workers, storage, args.duration))
    finally:
        redis.stop()

    print(f"quota {RATE} (moving window), throttle={RATE!r}, {args.duration:g} s per run\n")
    head = (
        f"{'run':<22} {'store':<7} {'served':>7} {'capacity':>9} {'quota use':>10} "
        f"{'429s':>5} {'max/' + format(WINDOW, 'g') + 's':>8} {'granted/' + format(WINDOW, 'g') + 's':>11}"
        "  client outcomes"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        print(
            f"{r['run']:<22} {r['store']:<7} {r['served']:>7} {r['capacity']:>9} "
            f"{r['use']:>9.1f}% {r['429s']:>5} {r['max_window']:>8} {r['max_granted']:>11}"
            f"  {r['client']}"
        )
    print(f"\ngoals: quota use >= 98%, 429s = 0, max/{WINDOW:g}s <= {LIMIT}")
    print(
        f"max/{WINDOW:g}s: most requests arriving at the server in any {WINDOW:g} s; "
        f"granted/{WINDOW:g}s: most the client throttles let go in any {WINDOW:g} s "
        "(stamped in the client as each grant returns)"
    )


if __name__ == "__main__":
    main()
