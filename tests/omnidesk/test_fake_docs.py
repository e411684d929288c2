"""The Python examples of docs/omnidesk.md run, in order, against FakeOmnidesk."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import cxkit.omnidesk
from cxkit.omnidesk import AsyncOmnidesk, Omnidesk
from cxkit.testing import FakeClock
from cxkit.testing.omnidesk import FakeOmnidesk

DOC = Path(__file__).resolve().parents[2] / "docs" / "omnidesk.md"
BLOCK = re.compile(r"(<!-- no-test -->\n)?```python\n(.*?)```", re.DOTALL)


def blocks() -> list[str]:
    return [code for skip, code in BLOCK.findall(DOC.read_text(encoding="utf-8")) if not skip]


def test_the_guide_has_runnable_examples() -> None:
    assert len(blocks()) >= 10


def test_guide_examples_run_against_the_fake(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = FakeOmnidesk(staff_count=15, clock=FakeClock())

    def sync_client(*args: Any, **kwargs: Any) -> Omnidesk:
        return fake.client(**_options(kwargs))

    def async_client(*args: Any, **kwargs: Any) -> AsyncOmnidesk:
        return fake.async_client(**_options(kwargs))

    monkeypatch.setattr(cxkit.omnidesk, "Omnidesk", sync_client)
    monkeypatch.setattr(cxkit.omnidesk, "AsyncOmnidesk", async_client)
    namespace: dict[str, Any] = {"__name__": "omnidesk_guide"}
    for number, code in enumerate(blocks(), start=1):
        try:
            exec(compile(code, f"docs/omnidesk.md block {number}", "exec"), namespace)
        except Exception as exc:  # pragma: no cover - the message names the block
            pytest.fail(f"docs/omnidesk.md block {number} failed: {exc!r}\n{code}")
    out = capsys.readouterr().out
    assert re.search(r"^404 case \d+ not found$", out, re.MULTILINE)  # the errors example
    assert namespace["clock"].sleeps == [5.0]  # the fault-injection example


def _options(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The guide's credentials are placeholders: the fake's own are used."""
    return {k: v for k, v in kwargs.items() if k not in ("domain", "email", "api_key")}
