"""The Python examples of docs/omnicxm.md run, in order, against FakeOmniCXM."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import cxkit.omnicxm
from cxkit.omnicxm import OmniCXM
from cxkit.testing import FakeClock
from cxkit.testing.omnicxm import FakeOmniCXM

DOC = Path(__file__).resolve().parents[2] / "docs" / "omnicxm.md"
BLOCK = re.compile(r"(<!-- no-test -->\n)?```python\n(.*?)```", re.DOTALL)


def blocks() -> list[str]:
    return [code for skip, code in BLOCK.findall(DOC.read_text(encoding="utf-8")) if not skip]


def test_the_guide_has_runnable_examples() -> None:
    assert len(blocks()) >= 7


def test_guide_examples_run_against_the_fake(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = FakeOmniCXM(clock=FakeClock())
    fake.add_cdr(src="8001", dst="0912345678", calldate=1691000000, billsec=42)

    def sync_client(*args: Any, **kwargs: Any) -> OmniCXM:
        # The guide's credentials are placeholders: the fake's own are used.
        return fake.client(max_retries=0)

    monkeypatch.setattr(cxkit.omnicxm, "OmniCXM", sync_client)
    namespace: dict[str, Any] = {"__name__": "omnicxm_guide"}
    for number, code in enumerate(blocks(), start=1):
        try:
            exec(compile(code, f"docs/omnicxm.md block {number}", "exec"), namespace)
        except Exception as exc:  # pragma: no cover - the message names the block
            pytest.fail(f"docs/omnicxm.md block {number} failed: {exc!r}\n{code}")
    out = capsys.readouterr().out
    assert "404 Ticket not found" in out  # the errors example
    assert "0912345678" in out  # the CDR example
    assert fake.logins >= 3  # first call, auth.login(), after logout
