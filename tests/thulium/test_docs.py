"""The Python examples of docs/thulium.md run, in order, against FakeThulium."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import cxkit
import cxkit.thulium
from cxkit.testing.thulium import FakeThulium
from cxkit.thulium import AsyncThulium, Thulium

DOC = Path(__file__).resolve().parents[2] / "docs" / "thulium.md"
BLOCK = re.compile(r"(<!-- no-test[^>]*-->\n)?```python\n(.*?)```", re.DOTALL)


def blocks() -> list[str]:
    return [code for skip, code in BLOCK.findall(DOC.read_text(encoding="utf-8")) if not skip]


def test_the_guide_has_runnable_examples() -> None:
    assert len(blocks()) >= 10


def test_guide_examples_run_against_the_fake(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = FakeThulium()

    def sync_client(*args: Any, **kwargs: Any) -> Thulium:
        return fake.client(**_options(kwargs))

    def async_client(*args: Any, **kwargs: Any) -> AsyncThulium:
        return fake.async_client(**_options(kwargs))

    monkeypatch.setattr(cxkit.thulium, "Thulium", sync_client)
    monkeypatch.setattr(cxkit.thulium, "AsyncThulium", async_client)
    namespace: dict[str, Any] = {"__name__": "thulium_guide"}
    for number, code in enumerate(blocks(), start=1):
        try:
            exec(compile(code, f"docs/thulium.md block {number}", "exec"), namespace)
        except Exception as exc:  # pragma: no cover - the message names the block
            pytest.fail(f"docs/thulium.md block {number} failed: {exc!r}\n{code}")
    out = capsys.readouterr().out
    assert re.search(r"^404 Customer not found\. \w+$", out, re.MULTILINE)  # the errors example
    assert "ticket 12 created by jkowalski" in out  # the webhook example
    assert re.search(r"^2 imported, 1 refused$", out, re.MULTILINE)  # the batch example
    assert "PAUSED 1" in out


def _options(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The guide's credentials are placeholders: the fake's own are used."""
    return {k: v for k, v in kwargs.items() if k not in ("system", "username", "password")}


def test_every_block_compiles() -> None:
    text = DOC.read_text(encoding="utf-8")
    for number, (_, code) in enumerate(BLOCK.findall(text), start=1):
        compile(code, f"docs/thulium.md block {number}", "exec")


def test_customers_example_runs_offline() -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "thulium_customers.py"
    env = {k: v for k, v in os.environ.items() if not k.startswith("THULIUM_")}
    env["PYTHONPATH"] = str(Path(cxkit.__file__).parents[1])  # the package under test
    result = subprocess.run(
        [sys.executable, str(example)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert "2 imported, 1 refused" in out
    assert any(line.startswith("Deleted; Thulium now says: Customer not found.") for line in out)
    assert out[-1].startswith("Webhook events the fake would send: CUSTOMER_CREATED")
