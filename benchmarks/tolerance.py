"""The cost of tolerant parsing: a 100-case Omnidesk page, with and without odd values.

Builds a page of 100 ``cxkit.omnidesk.Case`` records from the seed example of
``cases.list`` (``tests/fixtures/omnidesk/catalog.json``, its items cycled with
distinct ids) and parses it with
``parse_model(list[Case], page, strict=False, vendor="omnidesk")``:

(a) every value fits its field;
(b) one odd value in one item (``updated_at: "2024-13-45 25:00"``);
(c) the same odd value in every item.

Each page is timed in its own fresh interpreter (so one case's leftovers cannot
slow another's), after a warm-up; printed: the median time per page (µs, wall
and CPU) over many rounds, its ratio to (a), and what the rounds left behind
once ``gc.collect()`` ran (objects per page, RSS growth): a parse should leave
nothing. An odd value makes the fast validator fail, and the page is validated
again with the tolerant one, built once per type on its first use: the
first-call costs (CPU time, median over fresh interpreters) are printed
separately, with the one-off part (first call - steady-state median). The
warning parse_model logs per odd page is created and sent to a NullHandler.

Usage: ``PYTHONPATH=src python3 benchmarks/tolerance.py [--rounds 300]``
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import logging
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "tests" / "fixtures" / "omnidesk" / "catalog.json"
ODD = "2024-13-45 25:00"
SIZE = 100
NAMES = (
    "(a) all values fit",
    "(b) one odd value, one item",
    f"(c) one odd value, all {SIZE} items",
)


def seed_items() -> list[dict[str, Any]]:
    endpoints = json.loads(CATALOG.read_text("utf-8"))["endpoints"]
    example = next(e for e in endpoints if e["id"] == "cases.list")["example_response"]
    return [v["case"] for k, v in example.items() if k != "total_count"]


def pages() -> list[list[dict[str, Any]]]:
    seeds = seed_items()
    fits = []
    for i in range(SIZE):
        item = copy.deepcopy(seeds[i % len(seeds)])
        item["case_id"] = 2000 + i
        fits.append(item)
    one = copy.deepcopy(fits)
    one[SIZE // 2]["updated_at"] = ODD
    every = copy.deepcopy(fits)
    for item in every:
        item["updated_at"] = ODD
    return [fits, one, every]


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


# -- measured in a fresh interpreter -------------------------------------------


def child_steady(case: int, rounds: int) -> dict[str, float]:
    from cxkit._core.models import parse_model
    from cxkit.omnidesk.types.cases import Case

    all_pages = pages()
    page = all_pages[case]
    parse_model(list[Case], all_pages[0], strict=False, vendor="omnidesk")  # builds the adapter
    parsed = parse_model(list[Case], page, strict=False, vendor="omnidesk")  # and the tolerant one
    # The odd values really are odd, and are kept, not lost.
    kept = sum(1 for c in parsed if c.unparsed.get("updated_at") == ODD)
    assert len(parsed) == SIZE and kept == sum(1 for i in page if i["updated_at"] == ODD)
    del parsed
    for _ in range(20):
        parse_model(list[Case], page, strict=False, vendor="omnidesk")
    gc.collect()
    objects, rss = len(gc.get_objects()), rss_mb()
    wall, cpu = [], []
    for _ in range(rounds):
        t, c = time.perf_counter(), time.process_time()
        parse_model(list[Case], page, strict=False, vendor="omnidesk")
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - t)
    gc.collect()
    return {
        "wall": statistics.median(wall) * 1e6,
        "cpu": statistics.median(cpu) * 1e6,
        "left": (len(gc.get_objects()) - objects) / rounds,
        "rss": rss_mb() - rss,
    }


def child_first() -> list[float]:
    """CPU seconds: the first parse of (a) (builds the adapter), then the first parse of
    (b) (builds the tolerant validator)."""
    from cxkit._core.models import parse_model
    from cxkit.omnidesk.types.cases import Case

    out = []
    for page in pages()[:2]:
        t = time.process_time()
        parse_model(list[Case], page, strict=False, vendor="omnidesk")
        out.append(time.process_time() - t)
    return out


def in_child(*args: str) -> Any:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


# -- the table -------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300, help="timed parses of each page")
    parser.add_argument("--fresh", type=int, default=9, help="fresh interpreters for 1st calls")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        logger = logging.getLogger("cxkit")
        logger.addHandler(logging.NullHandler())
        logger.propagate = False
        if args.child[0] == "first":
            print(json.dumps(child_first()))
        else:
            print(json.dumps(child_steady(int(args.child[0]), args.rounds)))
        return

    rows = [in_child(str(i), "--rounds", str(args.rounds)) for i in range(len(NAMES))]
    base = rows[0]
    print(
        f"parse_model(list[Case], <{SIZE} cases>, strict=False): median of {args.rounds} "
        "rounds, each page in a fresh interpreter\n"
    )
    head = (
        f"{'page':<36} {'wall µs':>8} {'vs (a)':>7} {'CPU µs':>8} {'vs (a)':>7} "
        f"{'objects left/page':>18} {'RSS growth':>11}"
    )
    print(head)
    print("-" * len(head))
    for name, r in zip(NAMES, rows, strict=True):
        print(
            f"{name:<36} {r['wall']:>8.0f} {r['wall'] / base['wall']:>6.2f}x "
            f"{r['cpu']:>8.0f} {r['cpu'] / base['cpu']:>6.2f}x "
            f"{r['left']:>18.0f} {r['rss']:>8.1f} MB"
        )

    samples = [in_child("first") for _ in range(args.fresh)]
    firsts = [statistics.median(s[i] for s in samples) * 1e6 for i in range(2)]
    print(f"\nfirst calls (CPU µs, median of {args.fresh} fresh interpreters)")
    print(f"{'':<46} {'first':>7} {'steady':>7} {'one-off':>8}")
    labels = ("(a) fits: builds the list[Case] adapter", "(b) odd: builds the tolerant validator")
    for label, first, r in zip(labels, firsts, rows, strict=False):
        print(f"{label:<46} {first:>7.0f} {r['cpu']:>7.0f} {first - r['cpu']:>8.0f}")


if __name__ == "__main__":
    main()
