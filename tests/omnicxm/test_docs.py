"""The Python examples of docs/omnicxm.md run, in order, exactly as printed: the
guide itself points its client at FakeOmniCXM."""

from __future__ import annotations

import pytest

from tests.docs._harness import blocks, forbid_network, run_doc

DOC = "docs/omnicxm.md"


def test_the_guide_has_runnable_examples() -> None:
    assert sum(b.tested for b in blocks(DOC)) >= 7


def test_guide_examples_run_as_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    forbid_network(monkeypatch)
    testing = max(b.number for b in blocks(DOC))  # the testing block makes a fake of its own
    namespace = run_doc(DOC, numbers=range(1, testing))
    fake = namespace["fake"]
    run_doc(DOC, namespace, numbers=range(testing, testing + 1))
    out = capsys.readouterr().out
    assert "404 Ticket not found" in out  # the errors example
    assert "0912345678" in out  # the CDR example
    assert fake.logins >= 3  # first call, auth.login(), after logout
