"""docs/otel.md prints exactly what it shows (its blocks run in tests/docs too)."""

from __future__ import annotations

import re

import pytest

from tests.docs._harness import ROOT, forbid_network, run_doc

DOC = "docs/otel.md"


def test_the_guide_prints_what_it_shows(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    forbid_network(monkeypatch)
    namespace = run_doc(DOC)
    shown = re.findall(r"```text\n(.*?)```", (ROOT / DOC).read_text(), flags=re.DOTALL)
    assert capsys.readouterr().out == "".join(shown)
    # The printed URL is the one the fake received.
    assert str(namespace["desk_fake"].calls[-1].url).endswith("/cases/2001.json")
