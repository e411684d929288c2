"""Every Python block of README.md runs, in order, exactly as printed (against the fakes it makes)."""

from __future__ import annotations

import re

import pytest

from ._harness import blocks, forbid_network, run_doc


def test_every_readme_block_is_run() -> None:
    readme = blocks("README.md")
    assert len(readme) == 5
    assert [b.where for b in readme if not b.tested] == []


def test_readme_runs_as_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    forbid_network(monkeypatch)
    namespace = run_doc("README.md", numbers=range(1, 4))
    omnidesk = namespace["fake"]  # the quick start's (the testing block makes its own)
    run_doc("README.md", namespace, numbers=range(4, 6))

    out = capsys.readouterr().out.splitlines()
    # The quick start: a case created, answered, listed with an aware date; the quota.
    case_id = namespace["case"].case_id
    assert re.fullmatch(
        rf"{case_id} Printer on fire \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d\+03:00", out[0]
    )
    assert omnidesk.messages  # desk.cases.messages.create reached the fake
    assert out[1].isdigit() and int(out[1]) < 7500  # rate_limit.remaining from api_calls_left
    # The async OMI listing printed the contact the fake holds.
    assert "Ann Lee" in out[2]
    # Pagination, sync then async: users listed, the first async page awaited.
    assert namespace["page"].items and namespace["first"].items
    # A frozen fake clock: the case is dated at its start, then time moves on demand.
    assert namespace["hello"].created_at == namespace["start"]
    assert namespace["frozen"].clock.now() == namespace["start"].timestamp() + 3600
    assert any(call.method == "GET" and "/users.json" in str(call.url) for call in omnidesk.calls)
