"""The OmniCXM examples run offline against the fake and print what they promise."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_tickets_example(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "omnicxm_tickets.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "Logins so far: 2" in out
    assert "[normal] Máy in bị kẹt giấy" in out and "- Đã thay hộp mực" in out
    assert "Missing ticket: 404 Ticket not found" in out


def test_crm_example(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "omnicxm_crm.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "Created 3 contacts" in out and "last name Trần" in out
    assert out.count("  call ") == 2 and "1 login," in out
