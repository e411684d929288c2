"""``cxkit`` in a child process over a 10,000-case fake, for the kill test.

``CXKIT_TEST_BLOCK_AT`` (a page number) makes the fake hang on that list request,
after touching ``CXKIT_TEST_MARKER``: the parent then knows the export is exactly
there and kills the process.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import httpx

from cxkit.cli import State, main

from ._helpers import omnidesk_with_cases


def _serve() -> None:
    fake = omnidesk_with_cases(10_000)
    block_at = int(os.environ.get("CXKIT_TEST_BLOCK_AT", "0"))
    marker = Path(os.environ.get("CXKIT_TEST_MARKER", "marker"))
    original = fake.handle
    seen = 0

    def handle(request: httpx.Request) -> httpx.Response:
        nonlocal seen
        if request.method == "GET" and request.url.path.endswith("/cases.json"):
            seen += 1
            if seen == block_at:
                marker.write_text(str(seen))
                time.sleep(120)  # until killed
        return original(request)

    fake.handle = handle  # type: ignore[method-assign]
    main(sys.argv[1:], obj=State(fake_factory=lambda _vendor: fake))


if __name__ == "__main__":
    _serve()
