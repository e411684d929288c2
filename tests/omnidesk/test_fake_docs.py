"""The Python examples of docs/omnidesk.md run, in order, exactly as printed: the
guide itself points its client at FakeOmnidesk."""

from __future__ import annotations

import re

import pytest

from tests.docs._harness import blocks, forbid_network, run_doc


def test_the_guide_has_runnable_examples() -> None:
    assert sum(b.tested for b in blocks("docs/omnidesk.md")) >= 10


def test_guide_examples_run_as_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    forbid_network(monkeypatch)
    namespace = run_doc("docs/omnidesk.md")
    out = capsys.readouterr().out
    assert re.search(r"^404 case \d+ not found$", out, re.MULTILINE)  # the errors example
    assert namespace["clock"].sleeps == [5.0]  # the fault-injection example
