"""Every file in examples/ runs offline, as a user would start it, against the fakes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import cxkit

from ._harness import ROOT

EXAMPLES = sorted(p.name for p in (ROOT / "examples").glob("*.py"))
# Receivers serve until stopped; --self-test posts to themselves and exits.
ARGS = {
    "omnidesk_webhook_receiver.py": ["--self-test"],
    "thulium_webhook_receiver.py": ["--self-test"],
}
VENDOR_ENV = ("OMNIDESK_", "OMI_", "THULIUM_", "OMNICXM_")


def test_the_examples_are_all_here() -> None:
    assert len(EXAMPLES) >= 8
    assert set(ARGS) <= set(EXAMPLES)


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_runs_offline(name: str) -> None:
    # No vendor credentials: an example that tried a real account would fail.
    env = {k: v for k, v in os.environ.items() if not k.startswith(VENDOR_ENV)}
    env["PYTHONPATH"] = str(Path(cxkit.__file__).parents[1])  # the package under test
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / name), *ARGS.get(name, [])],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip(), "the example printed nothing"
    assert "Traceback" not in result.stderr
