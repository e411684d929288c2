"""examples/omnidesk_webhook_receiver.py: its offline self-test passes. (That it passes
``mypy --strict`` without the pydantic plugin, as a user's project would check it, is
tests/docs/test_typecheck.py's job: scripts/check_docs.py checks every example so.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import cxkit

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "omnidesk_webhook_receiver.py"


def env() -> dict[str, str]:
    # The package under test: src/ in a checkout, site-packages when CI tests the wheel.
    paths = [str(Path(cxkit.__file__).parents[1]), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def test_self_test_runs_offline_and_exits_0() -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLE), "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env(),
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "FAIL" not in result.stdout
    assert "message_new: message 42577887 in case 985687 from staff 7235" in result.stdout
    assert "rating_new: not handled here" in result.stdout
