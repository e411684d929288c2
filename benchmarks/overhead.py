"""cxkit overhead against raw httpx, concurrency, and memory while paging.

Runs everything locally (a loopback HTTP server and in-memory fakes) and prints
what it measured:

1. in-process: a typed ``cases.get`` through cxkit against raw ``httpx`` +
   ``json.loads``, both on an ``httpx.MockTransport`` answering the same bytes, sync
   and async, as a time ratio (target: <= 1.10x);
2. loopback: the same two calls against a keep-alive HTTP server in its own process
   (target: <= 1.03x);
3. import: ``import cxkit.<vendor>`` in a fresh interpreter against importing the
   dependencies (``httpx, tenacity, anyio`` and pydantic's ``BaseModel, TypeAdapter,
   Field``), best of 7 each (target: <= 1.3x); ``from cxkit.<vendor> import <Client>``
   is shown too, and what a script making one call pays (imports, a client, one
   in-process call) against the dependencies plus the same call in raw httpx;
4. 1,000 concurrent async calls, counting errors (target: none);
5. RSS growth while iterating 100,000 items over a paged fake (target: < 50 MB).

Usage: ``python3 benchmarks/overhead.py [--requests N] [--rounds N]``
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import multiprocessing
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from multiprocessing.queues import Queue
from typing import Any

import httpx

from cxkit.omnidesk import AsyncOmnidesk, Omnidesk
from cxkit.testing import FakeRequest, FakeServer, route

CASE = {
    "case": {
        "case_id": 2000,
        "case_number": "664-245651",
        "subject": "Printer on fire",
        "user_id": 123,
        "staff_id": 22,
        "group_id": 44,
        "status": "open",
        "priority": "low",
        "channel": "web",
        "created_at": "Mon, 05 May 2014 00:15:17 +0300",
        "updated_at": "Mon, 05 May 2014 00:15:17 +0300",
        "labels": [101, 102],
        "custom_fields": {"cf_20": "some data", "cf_23": "some data"},
    }
}
BODY = json.dumps(CASE).encode()


RESPONSE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\napi_calls_left: 999\r\n"
    b"Content-Length: " + str(len(BODY)).encode() + b"\r\n\r\n" + BODY
)


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """A minimal keep-alive HTTP/1.1 responder: every GET gets the same case."""
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            if length:
                await reader.readexactly(length)
            writer.write(RESPONSE)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


def _serve(ports: Queue[int]) -> None:
    async def run() -> None:
        server = await asyncio.start_server(_handle, "127.0.0.1", 0, backlog=4096)
        ports.put(server.sockets[0].getsockname()[1])
        async with server:
            await server.serve_forever()

    asyncio.run(run())


def start_server() -> tuple[multiprocessing.Process, str]:
    """The server runs in its own process, so it does not share the client's GIL."""
    ports: Queue[int] = multiprocessing.Queue()
    proc = multiprocessing.Process(target=_serve, args=(ports,), daemon=True)
    proc.start()
    return proc, f"http://127.0.0.1:{ports.get(timeout=30)}/api"


def timed(func: Callable[[], Any], n: int) -> tuple[float, float]:
    """Wall and client-CPU seconds for ``n`` calls."""
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(n):
        func()
    return time.perf_counter() - start, time.process_time() - cpu


Timing = tuple[float, float, float, float]  # wall and CPU medians: cxkit, raw


def _medians(ours: list[tuple[float, float]], theirs: list[tuple[float, float]]) -> Timing:
    return (
        statistics.median(w for w, _ in ours),
        statistics.median(c for _, c in ours),
        statistics.median(w for w, _ in theirs),
        statistics.median(c for _, c in theirs),
    )


def _answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200, content=BODY, headers={"content-type": "application/json", "api_calls_left": "999"}
    )


IN_PROCESS = "https://bench.omnidesk.ru/api"


def bench_sync(base: str, n: int, rounds: int) -> Timing:
    if base == IN_PROCESS:
        transport = httpx.MockTransport(_answer)
        desk = Omnidesk(email="bench@x.io", api_key="k", base_url=base, transport=transport)
        raw = httpx.Client(auth=("bench@x.io", "k"), transport=transport)
    else:
        desk = Omnidesk(email="bench@x.io", api_key="k", base_url=base, allow_insecure=True)
        raw = httpx.Client(auth=("bench@x.io", "k"))
    url = base + "/cases/2000.json"

    def typed() -> None:
        assert desk.cases.get(2000).case_id == 2000

    def plain() -> None:
        assert json.loads(raw.get(url).content)["case"]["case_id"] == 2000

    typed(), plain()  # warm up connections
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(timed(typed, n))
        theirs.append(timed(plain, n))
    desk.close()
    raw.close()
    return _medians(ours, theirs)


async def atimed(func: Callable[[], Any], n: int) -> tuple[float, float]:
    """Wall and client-CPU seconds for ``n`` calls."""
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(n):
        await func()
    return time.perf_counter() - start, time.process_time() - cpu


async def bench_async(base: str, n: int, rounds: int) -> Timing:
    if base == IN_PROCESS:
        transport = httpx.MockTransport(_answer)
        desk = AsyncOmnidesk(email="bench@x.io", api_key="k", base_url=base, transport=transport)
        raw = httpx.AsyncClient(auth=("bench@x.io", "k"), transport=transport)
    else:
        desk = AsyncOmnidesk(email="bench@x.io", api_key="k", base_url=base, allow_insecure=True)
        raw = httpx.AsyncClient(auth=("bench@x.io", "k"))
    url = base + "/cases/2000.json"

    async def typed() -> None:
        assert (await desk.cases.get(2000)).case_id == 2000

    async def plain() -> None:
        assert json.loads((await raw.get(url)).content)["case"]["case_id"] == 2000

    await typed()
    await plain()
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(await atimed(typed, n))
        theirs.append(await atimed(plain, n))
    await desk.aclose()
    await raw.aclose()
    return _medians(ours, theirs)


async def concurrency(base: str, calls: int) -> tuple[int, int, float]:
    desk = AsyncOmnidesk(email="bench@x.io", api_key="k", base_url=base, allow_insecure=True)
    start = time.perf_counter()
    results = await asyncio.gather(
        *(desk.cases.get(2000) for _ in range(calls)), return_exceptions=True
    )
    elapsed = time.perf_counter() - start
    await desk.aclose()
    errors = [r for r in results if isinstance(r, BaseException)]
    ok = sum(1 for r in results if not isinstance(r, BaseException) and r.case_id == 2000)
    return ok, len(errors), elapsed


class PagedCases(FakeServer):
    """Generates Omnidesk case pages on the fly, so the fake itself holds nothing."""

    base_url = "https://bench.omnidesk.ru/api"

    def __init__(self, total: int) -> None:
        super().__init__()
        self.total = total

    @route("GET", "/cases.json")
    def cases(self, request: FakeRequest) -> httpx.Response:
        self.calls.clear()  # keep the request log from growing during the run
        self.call_times.clear()
        page, limit = request.int_arg("page", 1), request.int_arg("limit", 100)
        first = (page - 1) * limit
        rows = range(first, min(first + limit, self.total))
        body: dict[str, Any] = {
            str(i): {"case": {**CASE["case"], "case_id": n, "subject": f"case {n}"}}
            for i, n in enumerate(rows)
        }
        body["total_count"] = self.total
        return self.json(body)


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def memory(total: int) -> tuple[int, float, float]:
    fake = PagedCases(total)
    desk = Omnidesk(
        email="bench@x.io", api_key="k", base_url=fake.base_url, http_client=fake.http_client()
    )
    gc.collect()
    before = rss_mb()
    peak = before
    seen = 0
    for case in desk.cases.list(limit=100):
        seen += 1
        if case.case_id is None:
            raise AssertionError("case without id")
        if seen % 5000 == 0:
            peak = max(peak, rss_mb())
    peak = max(peak, rss_mb())
    return seen, before, peak - before


DEPENDENCIES = "import httpx, tenacity, anyio; from pydantic import BaseModel, TypeAdapter, Field"
VENDORS = {"omnidesk": "Omnidesk", "thulium": "Thulium", "omnicxm": "OmniCXM", "omi": "Omi"}


def import_seconds(statement: str, runs: int = 7) -> float:
    """The best of ``runs`` fresh interpreters' wall time for ``statement`` alone."""
    probe = (
        f"import time; t = time.perf_counter(); exec(compile({statement!r}, '<bench>', 'exec')); "
        "print(time.perf_counter() - t)"
    )
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.strip()))
    return min(times)


def imports(runs: int) -> None:
    """Import figures, each vendor in turn against the dependencies' import."""
    # pip compiles an installed wheel; a checkout run with PYTHONDONTWRITEBYTECODE=1
    # would otherwise compile cxkit from source on every run.
    import compileall
    import pathlib

    import cxkit

    compileall.compile_dir(pathlib.Path(cxkit.__file__).parent, quiet=1)
    base = import_seconds(DEPENDENCIES, runs)
    print(f"import: dependencies {base * 1000:.1f} ms (best of {runs})")
    # What a script making one call pays: imports, a client, one in-process call.
    answer = 'lambda r: httpx.Response(200, content=b\'{"case": {"case_id": 1}}\')'
    theirs = import_seconds(
        f"{DEPENDENCIES}; import json; c = httpx.Client(transport=httpx.MockTransport({answer})); "
        "json.loads(c.get('https://x.omnidesk.ru/api/cases/1.json').content)",
        runs,
    )
    ours = import_seconds(
        f"import httpx; from cxkit.omnidesk import Omnidesk; Omnidesk(email='a@b.io', "
        f"api_key='k', base_url='https://x.omnidesk.ru/api', "
        f"transport=httpx.MockTransport({answer})).cases.get(1)",
        runs,
    )
    print(
        f"first call: cxkit {ours * 1000:.1f} ms, dependencies + raw httpx {theirs * 1000:.1f} ms, "
        f"ratio {ours / theirs:.2f}x"
    )
    for vendor, client in VENDORS.items():
        module = import_seconds(f"import cxkit.{vendor}", runs)
        used = import_seconds(f"from cxkit.{vendor} import {client}", runs)
        print(
            f"import cxkit.{vendor:<8} {module * 1000:6.1f} ms, ratio {module / base:.2f}x; "
            f"from cxkit.{vendor} import {client}: {used * 1000:6.1f} ms, "
            f"ratio {used / base:.2f}x"
        )


def report(label: str, timing: Timing, n: int) -> None:
    wall, cpu, raw_wall, raw_cpu = (t / n * 1e6 for t in timing)
    print(
        f"{label} get: cxkit {wall:7.1f} us/call, raw httpx {raw_wall:7.1f} us/call, "
        f"ratio {wall / raw_wall:.3f}x (client CPU {cpu:.1f} vs {raw_cpu:.1f} us, "
        f"ratio {cpu / raw_cpu:.3f}x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=100, help="requests per timing round")
    parser.add_argument(
        "--rounds", type=int, default=40, help="interleaved rounds; medians are compared"
    )
    parser.add_argument("--concurrent", type=int, default=1000)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--imports", type=int, default=7, help="fresh interpreters per import")
    args = parser.parse_args()

    n, rounds = args.requests, args.rounds
    report("in-process sync ", bench_sync(IN_PROCESS, n, rounds), n)
    report("in-process async", asyncio.run(bench_async(IN_PROCESS, n, rounds)), n)
    server, base = start_server()
    try:
        report("loopback sync   ", bench_sync(base, n, rounds), n)
        report("loopback async  ", asyncio.run(bench_async(base, n, rounds)), n)
        ok, errors, elapsed = asyncio.run(concurrency(base, args.concurrent))
        print(
            f"concurrency: {args.concurrent} async calls, {ok} ok, {errors} errors, {elapsed:.2f} s"
        )
    finally:
        server.terminate()
        server.join(timeout=10)
    seen, before, growth = memory(args.items)
    print(
        f"memory: iterated {seen} items over pages of 100, RSS {before:.1f} MB, growth {growth:.1f} MB"
    )
    imports(args.imports)


if __name__ == "__main__":
    main()
