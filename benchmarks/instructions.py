"""Deterministic overhead: CPU instructions per call, cxkit against raw httpx.

Wall-clock ratios on a shared machine move by several percent between runs;
instruction counts from ``valgrind --tool=callgrind`` do not. This runs the
client of ``overhead.py`` (a typed sync ``cases.get`` and raw ``httpx`` +
``json.loads`` against the same loopback server) under callgrind twice per
mode, with different call counts, and reports the difference per call, so
start-up and imports cancel out.

Usage: ``python3 benchmarks/instructions.py`` (needs valgrind:
``apt-get install valgrind``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import overhead  # noqa: E402 - sibling module, found through the path above

CLIENT = """
import json, sys
import httpx
from cxkit.omnidesk import Omnidesk
mode, n, base = sys.argv[1], int(sys.argv[2]), sys.argv[3]
desk = Omnidesk(email="bench@x.io", api_key="k", base_url=base, allow_insecure=True)
raw = httpx.Client(auth=("bench@x.io", "k"))
url = base + "/cases/2000.json"
if mode == "cxkit":
    for _ in range(n):
        assert desk.cases.get(2000).case_id == 2000
else:
    for _ in range(n):
        assert json.loads(raw.get(url).content)["case"]["case_id"] == 2000
"""


def instructions(mode: str, calls: int, base: str) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            os.path.realpath(sys.executable),
            "-c",
            CLIENT,
            mode,
            str(calls),
            base,
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    match = re.search(r"Collected : (\d+)", result.stderr)
    if match is None:
        raise RuntimeError("callgrind printed no instruction count:\n" + result.stderr[-2000:])
    return int(match.group(1))


def per_call(mode: str, base: str, low: int = 30, high: int = 230) -> float:
    return (instructions(mode, high, base) - instructions(mode, low, base)) / (high - low)


def main() -> None:
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed: apt-get install valgrind")
    server, base = overhead.start_server()
    try:
        raw = per_call("raw", base)
        ours = per_call("cxkit", base)
    finally:
        server.terminate()
        server.join(timeout=10)
    print(
        f"sync get: cxkit {ours:,.0f} instructions/call, raw httpx {raw:,.0f}, "
        f"ratio {ours / raw:.3f}x"
    )


if __name__ == "__main__":
    main()
