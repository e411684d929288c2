"""examples/omnidesk_webhook_receiver.py: its offline self-test passes, and it type-checks
under ``mypy --strict`` without the pydantic plugin (as a user's project would)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "omnidesk_webhook_receiver.py"


def env() -> dict[str, str]:
    paths = [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
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


def test_example_passes_mypy_strict_without_the_pydantic_plugin(tmp_path: Path) -> None:
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")  # no plugins
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(config),
            "--cache-dir",
            str(tmp_path / "cache"),
            "--follow-imports=silent",
            str(EXAMPLE),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env(),
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
