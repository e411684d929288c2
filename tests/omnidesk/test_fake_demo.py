"""The demo and the Omnidesk examples run offline against FakeOmnidesk."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

import cxkit.demo

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_demo_prints_the_flow_and_the_quota(capsys: pytest.CaptureFixture[str]) -> None:
    assert cxkit.demo.main() == 0
    out = capsys.readouterr().out
    assert 'case   #2001 "Printer on fire" (open, high)' in out
    assert "with checklist.txt (34 bytes)" in out
    assert "  page 3  #" in out  # the open cases span several pages
    assert "8 open cases in all" in out
    assert "quota: 1485 of 1500 API calls left this hour (api_calls_left)" in out


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("omnidesk_cases.py", "[waiting] Invoice 1043 is wrong"),
        ("omnidesk_async.py", "5 open cases:"),
    ],
)
def test_examples_run_without_network(
    script: str, expected: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", [script])
    runpy.run_path(str(EXAMPLES / script), run_name="__main__")
    out = capsys.readouterr().out
    assert expected in out
    assert "API calls left this hour:" in out
