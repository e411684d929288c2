"""The Python examples of docs/thulium.md run, in order, exactly as printed: the
guide itself points its client at FakeThulium."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import cxkit
from tests.docs._harness import blocks as doc_blocks
from tests.docs._harness import forbid_network, run_doc

DOC = Path(__file__).resolve().parents[2] / "docs" / "thulium.md"
BLOCK = re.compile(r"(<!-- no-test[^>]*-->\n)?```python\n(.*?)```", re.DOTALL)


def test_the_guide_has_runnable_examples() -> None:
    assert sum(b.tested for b in doc_blocks("docs/thulium.md")) >= 10


def test_guide_examples_run_as_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    forbid_network(monkeypatch)
    namespace = run_doc("docs/thulium.md")
    out = capsys.readouterr().out
    assert re.search(r"^404 Customer not found\. \w+$", out, re.MULTILINE)  # the errors example
    assert "ticket 12 created by jkowalski" in out  # the webhook example
    assert re.search(r"^2 imported, 1 refused$", out, re.MULTILINE)  # the batch example
    assert "PAUSED 1" in out
    # The guide's own fake got the ticket the campaigns example filed.
    assert namespace["ticket"].id in namespace["fake"].tickets


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
