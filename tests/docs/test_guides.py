"""Every Python block of every guide in docs/ runs, in order, exactly as printed.

Each guide points its clients at an in-memory fake itself, in its first example;
nothing is patched, and a request that would leave the machine fails the test. The
vendor guides also have their own tests, which check what their examples print
(``tests/omnidesk/test_fake_docs.py``, ``tests/thulium/test_docs.py``,
``tests/omnicxm/test_docs.py``); docs/omi.md gets its checks here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cxkit import _vendors

from ._harness import ROOT, blocks, forbid_network, run_doc

GUIDES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md"))
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(64)  # an ID3 tag: enough for the mp3 check

# The blocks that need a real account (or what the fakes do not model): each is
# marked <!-- no-test: ... --> in its guide. A new one must be added here too.
NOT_RUN = {
    "docs/omi.md": 1,  # phones, hotlines, extensions, key-press scripts
    "docs/omnicxm.md": 1,  # omnichat, permissions, custom fields, avatars
    "docs/omnidesk.md": 3,  # environment credentials, leaderboard, Redis throttle
    "docs/thulium.md": 3,  # environment credentials, phone actions, chats
}


@pytest.fixture
def workdir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty working directory holding the files a guide opens by name."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "welcome.mp3").write_bytes(MP3)
    return tmp_path


def test_only_the_known_blocks_are_left_out() -> None:
    not_run = {doc: sum(not b.tested for b in blocks(doc)) for doc in GUIDES}
    assert {doc: n for doc, n in not_run.items() if n} == NOT_RUN
    assert sum(len(blocks(doc)) for doc in GUIDES) >= 60


@pytest.mark.parametrize("doc", GUIDES)
def test_guide_runs_as_printed(doc: str, monkeypatch: pytest.MonkeyPatch, workdir: Path) -> None:
    forbid_network(monkeypatch)
    run_doc(doc)


FAKES = {vendor.guide: vendor.fake.split(":")[1] for vendor in _vendors.vendors()}
"""Each registered vendor's guide and the fake its first block makes."""


@pytest.mark.parametrize("doc", sorted(FAKES))
def test_a_vendor_guide_points_its_client_at_the_fake_first(doc: str) -> None:
    """The first runnable block makes the fake and hands it to the client, in plain sight."""
    first = next(b for b in blocks(doc) if b.tested)
    assert f"{FAKES[doc]}(" in first.code
    assert "transport=fake.transport()" in first.code or "fake.client(" in first.code


def test_omi_guide(
    monkeypatch: pytest.MonkeyPatch, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forbid_network(monkeypatch)
    monkeypatch.delenv("OMI_TOKEN", raising=False)
    testing = max(b.number for b in blocks("docs/omi.md"))  # makes a fake of its own
    namespace = run_doc("docs/omi.md", numbers=range(1, testing))
    fake = namespace["fake"]
    run_doc("docs/omi.md", namespace, numbers=range(testing, testing + 1))

    out = capsys.readouterr().out.splitlines()
    # contacts.list with a filter, then contacts.get of the contact found by phone.
    assert re.fullmatch(r"Nguyễn Văn An \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\+00:00", out[0])
    assert out[1] == "Nguyễn Văn An"
    # The errors example: an envelope status_code 404 inside HTTP 200.
    assert re.fullmatch(r"404 .+ 200", out[-1])
    # The first contact was deleted; the batch ones are kept.
    assert sorted(c["refId"] for c in fake.contacts) == ["crm-1002", "crm-1003"]
    # The call-center example cleaned up after itself: only the text-to-speech greeting is left.
    assert fake.groups == []
    assert [g["greeting_name"] for g in fake.greetings] == ["Nhắc lịch"]
    sent = {(r.method, r.url.path) for r in fake.calls}
    assert ("POST", "/api/contacts/add-note") in sent
    assert ("POST", "/api/call_center/greeting/upload") in sent
