"""The sync generator: substitutions and the --check mode."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("unasync", ROOT / "scripts" / "unasync.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_substitutions() -> None:
    unasync = _load()
    used: set[int] = set()
    cases = {
        "    def list(self) -> AsyncPager[Case]:\n": "    def list(self) -> SyncPage[Case]:\n",
        "        return AsyncPager(self._fetch_page, call, s, v, item)\n": (
            "        return self._fetch_page(call, s, v, item)\n"
        ),
        "class AsyncCases(AsyncAPIResource):\n": "class Cases(APIResource):\n",
        "        async with self._lock:\n": "        with self._lock:\n",
        "        data = await self._send(call)\n": "        data = self._send(call)\n",
        "from ..._core import AsyncAPIClient, AsyncClientOptions\n": (
            "from ..._core import APIClient, ClientOptions\n"
        ),
        "    http_client: httpx.AsyncClient | None\n": "    http_client: httpx.Client | None\n",
        "        await self._clock.asleep(delay)\n": "        self._clock.sleep(delay)\n",
        "        async for item in page:\n": "        for item in page:\n",
        "asyncio_mode = 1\n": "asyncio_mode = 1\n",
    }
    for source, expected in cases.items():
        assert unasync.unasync_line(source, used) == expected


def test_check_mode_passes_on_the_committed_tree() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "unasync.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
