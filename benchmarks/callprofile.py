"""Where the time of one typed call goes: a cProfile of an Omnidesk ``cases.get`` and of
one 100-case page of ``cases.list``, in-process (an ``httpx.MockTransport`` answers the
same bytes each time), grouped by stage of the core client.

Each row is the stage's share of the profiled run (own time of every function, a
built-in counted with the Python function that called it) applied to the call's
unprofiled time, so the column sums to the call's real cost; cProfile slows small
functions more than large ones, so the split is an estimate, the total is measured.

Usage: ``python3 benchmarks/callprofile.py [--calls N]``
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import httpx

from cxkit.omnidesk import Omnidesk

CASE: dict[str, Any] = {
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
ONE = json.dumps({"case": CASE}).encode()
PAGE = json.dumps(
    {
        **{str(i): {"case": {**CASE, "case_id": 2000 + i}} for i in range(100)},
        "total_count": 100,
    }
).encode()

# (stage, path fragments of the code it runs), first match wins.
STAGES: list[tuple[str, tuple[str, ...]]] = [
    ("resource method, argument checks", ("/resources/", "/_core/checks.py")),
    (
        "request builder (dialect encode, path, query)",
        ("/_core/builder.py", "/_core/registry.py", "/_core/encoding.py", "/_core/options.py",
         "dialect.py:encode", "dialect.py:_encode", "dialect.py:_query"),
    ),
    (
        "sender (gate, deadline, pool, auth, log check)",
        ("/_core/_sync/sender.py", "/_core/gate.py", "/_core/deadline.py", "/_core/_sync/pool.py",
         "/_core/auth.py", "/_core/loops.py", "/_core/observe.py", "logging/"),
    ),
    ("body read (bounded, decoded)", ("/_core/_sync/body.py", "/_core/decoding.py")),
    ("reader (status, rate-limit headers)", ("/_core/reader.py", "/_core/ratelimit.py",
                                             "/_core/numbers.py")),
    ("paging (page strategy, entries, pager)", ("/_core/paging.py", "/_core/_sync/pagination.py",
                                                "/_core/pager.py", "dialect.py:list_items",
                                                "dialect.py:_unwrap", "dialect.py:items",
                                                "dialect.py:paging")),
    ("dialect decode (status, envelope)", ("dialect.py:",)),
    ("validation (pydantic-core, date readers)", ("/_core/models.py", "pydantic")),
    ("client call and retry loop", ("/_core/_sync/client.py", "/_core/_sync/retrier.py")),
    ("httpx: Request, URL, headers, transport", ("httpx/", "urllib/", "email/", "idna/")),
    ("json", ("json/",)),
]  # fmt: skip


def stage_of(filename: str, function: str) -> str:
    where = f"{filename}:{function}"
    for stage, fragments in STAGES:
        if any(f in where for f in fragments):
            return stage
    return "other"


def split(run: Callable[[], Any], calls: int) -> dict[str, float]:
    """Each stage's share of ``calls`` profiled runs."""
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(calls):
        run()
    profile.disable()
    stats: Any = pstats.Stats(profile).stats
    shares: dict[str, float] = defaultdict(float)
    for (filename, _, function), (_, _, own, _, callers) in stats.items():
        if filename == "~" and callers:
            # A built-in: count it with its heaviest Python caller.
            filename, _, function = max(callers.items(), key=lambda kv: kv[1][2])[0]
        shares[stage_of(filename, function)] += own
    total = sum(shares.values())
    return {stage: seconds / total for stage, seconds in shares.items()}


def per_call(run: Callable[[], Any], calls: int) -> float:
    """Best of five unprofiled rounds, in seconds per call."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(calls):
            run()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()

    def answer(request: httpx.Request) -> httpx.Response:
        body = PAGE if request.url.path.endswith("/cases.json") else ONE
        return httpx.Response(200, content=body, headers={"api_calls_left": "999"})

    transport = httpx.MockTransport(answer)
    desk = Omnidesk(
        email="bench@x.io", api_key="k", base_url="https://bench.omnidesk.ru/api",
        transport=transport,
    )  # fmt: skip
    raw = httpx.Client(auth=("bench@x.io", "k"), transport=transport)

    runs: dict[str, Callable[[], Any]] = {
        "typed cases.get": lambda: desk.cases.get(2000),
        "100-case page": lambda: desk.cases.list(limit=100).items,
        "raw httpx get + json.loads": lambda: json.loads(
            raw.get("https://bench.omnidesk.ru/api/cases/2000.json").content
        ),
    }
    for run in runs.values():
        run()
    columns = {}
    for name, run in runs.items():
        calls = args.calls if "page" not in name else max(args.calls // 20, 50)
        columns[name] = (per_call(run, calls), split(run, calls))
    stages = [stage for stage, _ in STAGES] + ["other"]
    print("| stage | " + " | ".join(f"{name} (µs)" for name in columns) + " |")
    print("|---|" + "---|" * len(columns))
    for stage in stages:
        cells = [
            f"{seconds * share.get(stage, 0.0) * 1e6:.1f}" for seconds, share in columns.values()
        ]
        print(f"| {stage} | " + " | ".join(cells) + " |")
    totals = [f"**{seconds * 1e6:.1f}**" for seconds, _ in columns.values()]
    print("| total (measured, unprofiled) | " + " | ".join(totals) + " |")


if __name__ == "__main__":
    main()
