"""Every fault a server or network produces, against a real loopback socket.

Runs each fault of :data:`cxkit.testing.faults.FAULTS` (served by
:class:`~cxkit.testing.faults.FaultServer`) x {GET, POST, non-idempotent PUT} x
{sync, async}, a few repetitions each, with the demo vendor of the core tests
(``tests/core/_async/demo.py`` and its generated sync twin). Each call gets a
0.5 s timeout and 2 retries; retry waits run on a fake clock, so a call's bound
is ``timeout x (retries + 1)``.

Prints one table, a row per fault and a total: calls made, outcomes (count per
exception class name, and "ok"), writes received twice (goal 0), foreign
exceptions (anything not a ``cxkit.CXError``; goal 0) and the slowest call,
against its bound.

Then a second table, the hostile trial: a gzip bomb against a 1 MiB limit, a status
line dripped at 5 bytes/s, a 20 MB upload read slowly, 20,000 cancelled async calls,
and a login that fails for 100 tasks and 50 threads at once; each row gives the
calls, the logins the server saw, the process's peak RSS growth and the slowest
call against its bound.

Usage: ``PYTHONPATH=src python3 benchmarks/faults.py [--repeat 3] [--hostile-only]``
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import resource
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The core tests' demo vendor, found through the repository root put on the path above.
from tests.core._async.demo import AsyncDemo, AsyncTokenDemo  # noqa: E402
from tests.core._sync.demo import Demo, TokenDemo  # noqa: E402

from cxkit import CXError  # noqa: E402
from cxkit.testing import FakeClock  # noqa: E402
from cxkit.testing.faults import FAULTS, FaultServer  # noqa: E402

TIMEOUT = 0.5
RETRIES = 2
BOUND = TIMEOUT * (RETRIES + 1)
MODES = ("sync", "async")
CALLS: dict[str, Callable[[Any], Any]] = {
    "GET": lambda c: c.items.get(1),
    "POST": lambda c: c.items.create(name="a"),
    "PUT-non-idempotent": lambda c: c.items.moveup(1),
}


@dataclass
class Row:
    calls: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    twice: int = 0
    foreign: Counter[str] = field(default_factory=Counter)
    slowest: float = 0.0
    slowest_call: str = ""
    by_mode: dict[str, tuple[float, str]] = field(default_factory=dict)


def options(server: FaultServer) -> dict[str, Any]:
    return {
        "base_url": server.base_url,
        "allow_insecure": True,
        "timeout": TIMEOUT,
        "max_retries": RETRIES,
        "clock": FakeClock(),
    }


def run(mode: str, server: FaultServer, call: Callable[[Any], Any]) -> Any:
    if mode == "sync":
        with Demo(**options(server)) as client:
            return call(client)

    async def main() -> Any:
        async with AsyncDemo(**options(server)) as client:
            return await call(client)

    return asyncio.run(main())


def one_call(server: FaultServer, fault: str, method: str, mode: str, row: Row) -> None:
    server.fault = fault
    server.reset_log()
    started = time.monotonic()
    try:
        run(mode, server, CALLS[method])
        outcome = "ok"
    except CXError as exc:
        outcome = type(exc).__name__
    except Exception as exc:  # what the benchmark is looking for
        outcome = type(exc).__name__
        row.foreign[outcome] += 1
    elapsed = time.monotonic() - started
    row.calls += 1
    row.outcomes[outcome] += 1
    if method != "GET" and len(server.writes()) > 1:
        row.twice += 1
    if elapsed > row.slowest:
        row.slowest, row.slowest_call = elapsed, f"{fault} {method} {mode}"
    if elapsed > row.by_mode.get(mode, (0.0, ""))[0]:
        row.by_mode[mode] = (elapsed, f"{fault} {method}")


def counts(counter: Counter[str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: -kv[1])) or "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="repetitions of each call")
    parser.add_argument("--hostile-only", action="store_true", help="only the hostile trial")
    args = parser.parse_args()
    # Odd answers are logged as warnings; the table counts them instead.
    logger = logging.getLogger("cxkit")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False
    if args.hostile_only:
        return

    rows: dict[str, Row] = {}
    with FaultServer(drip_interval=0.2) as server:
        for fault in FAULTS:
            row = rows[fault] = Row()
            for _ in range(args.repeat):
                for method in CALLS:
                    for mode in MODES:
                        one_call(server, fault, method, mode, row)

    total = Row()
    for row in rows.values():
        total.calls += row.calls
        total.outcomes.update(row.outcomes)
        total.twice += row.twice
        total.foreign.update(row.foreign)
        if row.slowest > total.slowest:
            total.slowest, total.slowest_call = row.slowest, row.slowest_call
        for mode, found in row.by_mode.items():
            if found[0] > total.by_mode.get(mode, (0.0, ""))[0]:
                total.by_mode[mode] = found

    print(
        f"{len(FAULTS)} faults x {len(CALLS)} calls ({', '.join(CALLS)}) x {len(MODES)} modes "
        f"x {args.repeat}; timeout {TIMEOUT:g} s, {RETRIES} retries (waits on a fake clock)\n"
    )
    head = f"{'fault':<24} {'calls':>5} {'twice':>5} {'foreign':>7} {'slowest s':>9}  outcomes"
    print(head)
    print("-" * 100)
    for fault, row in rows.items():
        print(
            f"{fault:<24} {row.calls:>5} {row.twice:>5} {sum(row.foreign.values()):>7} "
            f"{row.slowest:>9.2f}  {counts(row.outcomes)}"
        )
    print("-" * 100)
    print(
        f"{'TOTAL':<24} {total.calls:>5} {total.twice:>5} {sum(total.foreign.values()):>7} "
        f"{total.slowest:>9.2f}  {counts(total.outcomes)}"
    )
    print()
    print(f"faults tried             {len(FAULTS)}")
    print(f"calls made               {total.calls}")
    for name, n in sorted(total.outcomes.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<22} {n}")
    print(f"writes received twice    {total.twice}  (goal 0)")
    print(f"foreign exceptions       {sum(total.foreign.values())}  {counts(total.foreign)}")
    print(f"bound                    {BOUND:g} s = {TIMEOUT:g} s timeout x ({RETRIES} retries + 1)")
    for mode in MODES:
        elapsed, call = total.by_mode[mode]
        print(
            f"slowest {mode:<5} call       {elapsed:.2f} s ({call}): "
            f"{elapsed / BOUND:.2f}x the bound"
        )


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(call: Callable[[], Any]) -> tuple[str, float]:
    started = time.monotonic()
    try:
        call()
        outcome = "ok"
    except CXError as exc:
        outcome = type(exc).__name__
    except Exception as exc:  # what the benchmark is looking for
        outcome = f"FOREIGN {type(exc).__name__}"
    return outcome, time.monotonic() - started


def hostile() -> None:
    """The hostile trial's rows."""
    rows: list[tuple[str, int, str, float, str, float, str]] = []
    with FaultServer(drip_interval=0.2) as server:
        base = {"base_url": server.base_url, "allow_insecure": True, "clock": FakeClock()}

        def row(
            name: str, calls: int, logins: str, run: Callable[[], tuple[str, float]], bound: float
        ) -> None:
            before = _peak_mb()
            outcome, slowest = run()
            rows.append((name, calls, logins, _peak_mb() - before, outcome, slowest, f"{bound:g}"))

        server.fault = "gzip_bomb"
        row(
            "gzip bomb (1 GiB, 1 MiB limit)",
            1,
            "-",
            lambda: _timed(
                lambda: Demo(
                    **base, timeout=2, max_retries=0, max_response_bytes=1 << 20
                ).items.get(1)
            ),
            2,
        )
        for fault in ("head_drip", "processing_flood"):
            server.fault = fault
            row(
                f"{fault} (sync, timeout 2)",
                1,
                "-",
                lambda: _timed(lambda: Demo(**base, timeout=2, max_retries=0).items.get(1)),
                2,
            )
        server.fault = "slow_upload"
        row(
            "slow upload 20 MB (sync, timeout 2)",
            1,
            "-",
            lambda: _timed(
                lambda: Demo(**base, timeout=2, max_retries=0).items.upload(
                    1, file=("big.bin", b"x" * (20 << 20))
                )
            ),
            2,
        )

        server.fault = "ok"

        def cancellations() -> tuple[str, float]:
            async def main() -> tuple[str, float]:
                rng = random.Random(1)
                cancelled = 0
                async with AsyncDemo(**base, timeout=5, max_retries=0) as client:
                    while cancelled < 20_000:
                        tasks = [asyncio.create_task(client.items.get(1)) for _ in range(40)]
                        await asyncio.sleep(rng.uniform(0, 0.15))
                        for task in tasks:
                            task.cancel()
                        done = await asyncio.gather(*tasks, return_exceptions=True)
                        cancelled += sum(isinstance(r, asyncio.CancelledError) for r in done)
                    outcome, elapsed = "ok", 0.0
                    started = time.monotonic()
                    try:
                        await client.with_options(timeout=2).items.get(1)
                    except CXError as exc:
                        outcome = type(exc).__name__
                    elapsed = time.monotonic() - started
                    return f"{outcome} (pool replaced {client._shared.pool.replaced}x)", elapsed

            return asyncio.run(main())

        row("20,000 cancellations, then a call", 20_001, "-", cancellations, 2)

        server.fault = "token"
        server.login_status = 401
        server.login_delay = 0.05
        server.logins = 0

        def async_stampede() -> tuple[str, float]:
            async def main() -> tuple[str, float]:
                started = time.monotonic()
                async with AsyncTokenDemo(**base, timeout=5, max_retries=2) as client:
                    done = await asyncio.gather(
                        *(client.items.get(1) for _ in range(100)), return_exceptions=True
                    )
                return counts(Counter(type(r).__name__ for r in done)), time.monotonic() - started

            return asyncio.run(main())

        row("failed login, 100 tasks", 100, "", async_stampede, 5)
        rows[-1] = (*rows[-1][:2], str(server.logins), *rows[-1][3:])
        server.logins = 0

        def thread_stampede() -> tuple[str, float]:
            client = TokenDemo(**base, timeout=5, max_retries=2)
            outcomes: Counter[str] = Counter()
            started = time.monotonic()

            def worker() -> None:
                outcomes[_timed(lambda: client.items.get(1))[0]] += 1

            threads = [threading.Thread(target=worker) for _ in range(50)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            return counts(outcomes), time.monotonic() - started

        row("failed login, 50 threads", 50, "", thread_stampede, 5)
        rows[-1] = (*rows[-1][:2], str(server.logins), *rows[-1][3:])

    print("hostile trial (one run each)\n")
    print(
        f"{'case':<38} {'calls':>6} {'logins':>6} {'RSS+ MB':>8} {'slowest s':>9} {'bound s':>7}  outcome"
    )
    print("-" * 110)
    for name, calls, logins, rss, outcome, slowest, bound in rows:
        print(
            f"{name:<38} {calls:>6} {logins:>6} {rss:>8.1f} {slowest:>9.2f} {bound:>7}  {outcome}"
        )


if __name__ == "__main__":
    main()
    hostile()
