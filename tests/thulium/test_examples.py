"""The webhook receiver example checks itself offline (``--self-test``) in a subprocess."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import cxkit
from cxkit.thulium.webhooks import EVENT_TYPES

ROOT = Path(__file__).parents[2]
RECEIVER = ROOT / "examples" / "thulium_webhook_receiver.py"
SRC = str(Path(cxkit.__file__).parents[1])  # the package under test, not an installed one


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("THULIUM_WEBHOOK_")}
    env["PYTHONPATH"] = SRC
    return subprocess.run(
        [sys.executable, str(RECEIVER), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
        check=False,
    )


def test_receiver_self_test_passes() -> None:
    result = run("--self-test")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "ticket 12 created (in_behalf_of) by jkowalski"
    assert "agent jkowalski is on pause 1" in lines
    assert "OUTBOUND_BUSY: campaign 00001 record 162" in lines
    assert any(line.startswith("unknown action SOMETHING_NEW") for line in lines)
    assert lines[-1].startswith("self-test passed: 5 events received")


def test_receiver_refuses_to_start_without_credentials() -> None:
    result = run("--port", "0")
    assert result.returncode == 2
    assert "--username" in result.stderr


DOC = ROOT / "docs" / "thulium-webhooks.md"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def test_the_webhook_guide_examples_run(capsys: pytest.CaptureFixture[str]) -> None:
    blocks = BLOCK.findall(DOC.read_text(encoding="utf-8"))
    assert len(blocks) == 3
    for number, code in enumerate(blocks, start=1):
        exec(compile(code, f"docs/thulium-webhooks.md block {number}", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out == ["12 in_behalf_of 2016-04-20T09:46:24+02:00", "jkowalski is free again"]


def test_the_webhook_guide_lists_every_action() -> None:
    rows = re.findall(r"^\| `([A-Z_]+)` \| `(\w+)` \|", DOC.read_text("utf-8"), re.MULTILINE)
    assert len(rows) == 43
    assert dict(rows) == {action: model.__name__ for action, model in EVENT_TYPES.items()}
