"""``cxkit export``: paging into JSON Lines, progress, and resuming after a kill."""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from cxkit._core import Operation
from cxkit.cli import ExitCode
from cxkit.cli import _export as export_module
from cxkit.cli._app import export_name
from cxkit.cli._fake import seeded_fake
from cxkit.cli._vendors import VENDORS, vendor
from cxkit.testing import FakeServer

from ._helpers import command, jsonl, omnidesk_with_cases, run


class Crash(BaseException):
    """Stands for the process dying: nothing in cxkit catches it."""


def on_list_page(
    fake: FakeServer,
    page: int,
    action: Callable[[], Any],
    path: str = "/cases.json",
    method: str = "GET",
) -> None:
    """Do ``action`` before answering the ``page``-th list request (1-based)."""
    original = fake.handle
    seen = 0

    def handle(request: httpx.Request) -> httpx.Response:
        nonlocal seen
        if request.method == method and request.url.path.endswith(path):
            seen += 1
            if seen == page:
                action()
        return original(request)

    fake.handle = handle  # type: ignore[method-assign]


def list_requests(fake: FakeServer) -> list[httpx.Request]:
    return [c for c in fake.calls if c.method == "GET" and c.url.path.endswith("/cases.json")]


def export_args(out: Path, *extra: str) -> list[str]:
    return ["export", "omnidesk", "cases", "--fake", "--out", str(out), *extra]


def assert_complete(out: Path, count: int) -> None:
    records = jsonl(out)
    ids = [r["case_id"] for r in records]
    assert len(ids) == count
    assert len(set(ids)) == count
    assert sorted(ids) == list(range(2001, 2001 + count))
    assert not Path(f"{out}.checkpoint").exists()


def test_export_writes_every_record_once(tmp_path: Path) -> None:
    fake = omnidesk_with_cases(250)
    out = tmp_path / "cases.jsonl"
    result = run(export_args(out), fake=fake)
    assert result.exit_code == 0, result.output
    assert_complete(out, 250)
    # the largest page Omnidesk serves (100), so 3 requests for 250 records
    assert [r.url.params["limit"] for r in list_requests(fake)] == ["100", "100", "100"]
    assert "250 records in" in result.stderr
    first = jsonl(out)[0]
    assert first["subject"] == "Case 1" and first["created_at"].endswith("+03:00")


def test_kill_with_ctrl_c_then_resume_10000_records(tmp_path: Path) -> None:
    fake = omnidesk_with_cases(10_000)
    out = tmp_path / "cases.jsonl"

    def ctrl_c() -> None:
        raise KeyboardInterrupt

    on_list_page(fake, 37, ctrl_c)
    stopped = run(export_args(out), fake=fake)
    assert stopped.exit_code == ExitCode.INTERRUPTED
    assert "resume" in stopped.stderr
    checkpoint = json.loads(Path(f"{out}.checkpoint").read_text())
    assert checkpoint["lines"] == 3600 == len(out.read_text().splitlines())
    assert checkpoint["cursor"] == {"page": 37, "limit": 100}

    fake.calls.clear()
    resumed = run(export_args(out), fake=fake)
    assert resumed.exit_code == 0, resumed.output
    assert "resumed, 10000 records" in resumed.stderr
    assert_complete(out, 10_000)
    pages = [int(r.url.params["page"]) for r in list_requests(fake)]
    assert pages == list(range(37, 101))  # from the checkpoint on, each page once


CRASH_POINTS = [
    "before-checkpoint",  # the page is on disk, the checkpoint not yet moved past it
    "before-rename",  # the new checkpoint is in its temporary file, not yet renamed
    "after-checkpoint",  # the checkpoint renamed, the next page not yet asked for
]


@pytest.mark.parametrize("point", CRASH_POINTS)
def test_a_crash_between_any_two_steps_loses_and_repeats_nothing(
    point: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = omnidesk_with_cases(1_000)
    out = tmp_path / "cases.jsonl"
    crash_on_page = 4
    real_save = export_module.Checkpoint.save
    real_replace = os.replace
    pages_written = {"n": 0}

    def save(self: Any, path: Path) -> None:
        if self.pages:  # the first, empty checkpoint is written before anything else
            pages_written["n"] = self.pages
            if point == "before-checkpoint" and self.pages == crash_on_page:
                raise Crash(point)
        real_save(self, path)

    def replace(src: Any, dst: Any) -> None:
        if point == "before-rename" and pages_written["n"] == crash_on_page:
            raise Crash(point)
        real_replace(src, dst)

    real_advance = export_module.PlainProgress.advance

    def advance(self: Any, done: int, pages: int, total: Any, quota: Any) -> None:
        if point == "after-checkpoint" and pages == crash_on_page:
            raise Crash(point)
        real_advance(self, done, pages, total, quota)

    with monkeypatch.context() as patch:
        patch.setattr(export_module.Checkpoint, "save", save)
        patch.setattr(os, "replace", replace)
        patch.setattr(export_module.PlainProgress, "advance", advance)
        with pytest.raises(Crash):
            run(export_args(out, "--limit", "50"), fake=fake)

    written = len(out.read_text().splitlines())
    saved = json.loads(Path(f"{out}.checkpoint").read_text())
    assert written == crash_on_page * 50  # page 4 is in the file either way
    assert (
        saved["lines"] == (crash_on_page if point == "after-checkpoint" else crash_on_page - 1) * 50
    )
    with out.open("a") as handle:
        handle.write('{"case_id": 2001, "subj')  # and a torn write after it, for good measure

    fake.calls.clear()
    resumed = run(export_args(out, "--limit", "50"), fake=fake)
    assert resumed.exit_code == 0, resumed.output
    assert_complete(out, 1_000)
    assert not Path(f"{out}.checkpoint.tmp").exists()
    first_page = int(list_requests(fake)[0].url.params["page"])
    assert first_page == saved["cursor"]["page"]


def test_a_5xx_storm_stops_the_export_and_the_same_command_resumes(tmp_path: Path) -> None:
    fake = omnidesk_with_cases(1_000)
    out = tmp_path / "cases.jsonl"
    on_list_page(fake, 6, lambda: fake.inject_statuses([503] * 10, path="/cases.json"))
    stormy = run(["--max-retries", "2", *export_args(out, "--limit", "100")], fake=fake)
    assert stormy.exit_code == ExitCode.SERVER
    assert "503" in stormy.stderr and "resume" in stormy.stderr
    assert len(out.read_text().splitlines()) == 500
    # the client retried each storm request, sleeping on the fake clock only
    assert len(fake.clock.sleeps) == 2

    fake.faults.clear()
    calm = run(export_args(out, "--limit", "100"), fake=fake)
    assert calm.exit_code == 0, calm.output
    assert_complete(out, 1_000)


def test_a_checkpoint_is_only_used_for_the_same_export(tmp_path: Path) -> None:
    fake = omnidesk_with_cases(300)
    out = tmp_path / "cases.jsonl"

    def ctrl_c() -> None:
        raise KeyboardInterrupt

    on_list_page(fake, 2, ctrl_c)
    assert run(export_args(out, "--limit", "100"), fake=fake).exit_code == ExitCode.INTERRUPTED
    other = run(export_args(out, "--limit", "100", "--status", "open"), fake=fake)
    assert other.exit_code == ExitCode.CONFIG
    assert "another export" in other.stderr and "--restart" in other.stderr
    over = run(export_args(out, "--limit", "100", "--restart"), fake=fake)
    assert over.exit_code == 0, over.output
    assert_complete(out, 300)
    again = run(export_args(out, "--limit", "100"), fake=fake)
    assert again.exit_code == ExitCode.CONFIG
    assert "exists" in again.stderr
    assert_complete(out, 300)  # a finished export is never appended to


def test_a_truncated_output_is_refused(tmp_path: Path) -> None:
    fake = omnidesk_with_cases(300)
    out = tmp_path / "cases.jsonl"

    def ctrl_c() -> None:
        raise KeyboardInterrupt

    on_list_page(fake, 3, ctrl_c)
    run(export_args(out, "--limit", "100"), fake=fake)
    out.write_text(out.read_text()[:100])
    result = run(export_args(out, "--limit", "100"), fake=fake)
    assert result.exit_code == ExitCode.CONFIG
    assert "shorter than its checkpoint" in result.stderr


def test_plain_progress_lines_when_not_a_terminal(tmp_path: Path) -> None:
    fake = omnidesk_with_cases(450)
    out = tmp_path / "cases.jsonl"
    result = run(export_args(out, "--limit", "100"), fake=fake)
    lines = result.stderr.splitlines()
    assert lines[0] == "omnidesk cases: starting"
    assert lines[-2].startswith("omnidesk cases: 450/450 records, 5 pages, ")
    assert lines[-2].endswith(f"quota {fake.calls_left} left, done")
    assert "\x1b[" not in result.stderr  # no terminal codes in a log


def test_plain_progress_shows_eta_and_is_rate_limited() -> None:
    now = {"t": 0.0}
    lines: list[str] = []
    progress = export_module.PlainProgress(lines.append, "x", every=2.0, clock=lambda: now["t"])
    progress.start(100, 1, 1000)
    for page in range(2, 8):
        now["t"] += 1.0
        progress.advance(100 * page, page, 1000, 42)
    assert lines[0] == "x: resuming after 100 records (1 pages)"
    # one line per two seconds: pages 2, 4 and 6
    assert lines[1] == "x: 200/1000 records, 2 pages, 100 records/s, ETA 0:00:08, quota 42 left"
    assert [line.split(",")[1] for line in lines[1:]] == [" 2 pages", " 4 pages", " 6 pages"]


def test_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    fake = omnidesk_with_cases(300)
    out = tmp_path / "cases.jsonl"
    result = run(export_args(out, "--limit", "100", "--progress", "bar"), fake=fake)
    assert result.exit_code == 0, result.output
    assert "━" in result.stderr  # the bar
    assert "300/300" in result.stderr and "3 pages" in result.stderr
    assert "records/s" in result.stderr and "quota" in result.stderr and "ETA" in result.stderr
    assert_complete(out, 300)


def test_the_throttle_paces_the_export(tmp_path: Path) -> None:
    fake = omnidesk_with_cases(500)
    out = tmp_path / "cases.jsonl"
    result = run(export_args(out, "--limit", "100", "--throttle", "1/second"), fake=fake)
    assert result.exit_code == 0, result.output
    times = [t for c, t in zip(fake.calls, fake.call_times, strict=True) if c.method == "GET"]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(gaps) == 4 and min(gaps) >= 0.99  # on the fake clock: nothing slept for real


def test_since_fills_the_operations_from_filter(tmp_path: Path) -> None:
    fake = seeded_fake("omnidesk")
    out = tmp_path / "cases.jsonl"
    since = "2026-11-01T16:00:00+03:00"  # the seed makes a case an hour from 12:00 on
    result = run(
        ["export", "omnidesk", "cases", "--fake", "--since", since, "--out", str(out)], fake=fake
    )
    assert result.exit_code == 0, result.output
    records = jsonl(out)
    assert [r["subject"].split("#")[1] for r in records] == [str(n) for n in range(5, 13)]
    assert "from_time" in list_requests(fake)[-1].url.params
    both = run(
        [
            "export",
            "omnidesk",
            "cases",
            "--fake",
            "--since",
            since,
            "--from-time",
            since,
            "-o",
            str(out),
        ]
    )
    assert both.exit_code == ExitCode.USAGE


def _served(name: str, op: Operation) -> bool:
    """Whether the vendor's fake has a route for ``op`` (the fakes model most, not all)."""
    fake = vendor(name).fake_class()
    path = re.sub(r"\{[^}]+\}", "1", op.path)
    return any(method == op.method and pattern.match(path) for method, pattern, _ in fake._routes)


def _exportable() -> list[tuple[str, str]]:
    """The paged operations whose export needs no argument and whose fake serves them."""
    out = []
    for name in VENDORS:
        tree = command((name,)).commands["export"].commands[name]
        for op in vendor(name).operations:
            if not op.paged:
                continue
            cmd = tree.commands[export_name(op)]
            needs = any(getattr(p, "required", False) for p in cmd.params if p.name != "cx_out")
            if not needs and _served(name, op):
                out.append((name, op.name))
    return out


@pytest.mark.parametrize(("name", "operation"), _exportable())
def test_every_paged_operation_exports_from_its_fake(
    name: str, operation: str, tmp_path: Path
) -> None:
    op = next(o for o in vendor(name).operations if o.name == operation)
    out = tmp_path / "out.jsonl"
    listed = run([name, *operation.replace("_", "-").split("."), "--fake", "--all", "-f", "jsonl"])
    assert listed.exit_code == 0, listed.output
    result = run(["export", name, export_name(op), "--fake", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().splitlines() == listed.stdout.splitlines()


def test_every_vendor_has_exports() -> None:
    exportable = _exportable()
    assert {name for name, _ in exportable} == set(VENDORS)
    assert len(exportable) >= 15
    for name in VENDORS:
        tree = command((name,)).commands["export"].commands[name]
        shown = {n for n, c in tree.commands.items() if not getattr(c, "hidden", False)}
        assert shown == {export_name(o) for o in vendor(name).operations if o.paged}
    python = run(["export", "omnidesk", "kb_articles", "--help"])
    assert python.exit_code == 0 and "kb_article.json" in python.output


def _ctrl_c() -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("name", "resource", "size", "method", "path"),
    [
        ("thulium", "customers", "--limit", "GET", "/customers"),  # limit/offset
        ("omnicxm", "tickets.read", "--take", "POST", "/ticket/read"),  # page/take in the body
        ("omi", "contacts", "--size", "POST", "/contacts/list"),  # page/size, has_next
    ],
)
def test_resume_works_for_every_paging_style(
    name: str, resource: str, size: str, method: str, path: str, tmp_path: Path
) -> None:
    fake = seeded_fake(name)
    listed = run(
        [
            name,
            *resource.split("."),
            *(["list"] if "." not in resource else []),
            "--fake",
            "--all",
            "-f",
            "jsonl",
        ],
        fake=fake,
    )
    expected = listed.stdout.splitlines()
    assert len(expected) >= 5, listed.output
    out = tmp_path / "out.jsonl"
    args = ["export", name, resource, "--fake", size, "2", "--out", str(out)]
    on_list_page(fake, 2, _ctrl_c, path=path, method=method)
    assert run(args, fake=fake).exit_code == ExitCode.INTERRUPTED
    assert out.read_text().splitlines() == expected[:2]
    resumed = run(args, fake=fake)
    assert resumed.exit_code == 0, resumed.output
    assert out.read_text().splitlines() == expected


def test_a_real_process_killed_mid_export_resumes_to_10000_unique_records(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root)]),
        "CXKIT_TEST_MARKER": str(tmp_path / "blocked"),
        "CXKIT_TEST_BLOCK_AT": "58",
    }
    out = tmp_path / "cases.jsonl"
    child = [sys.executable, "-m", "tests.cli._export_child", *export_args(out)]
    process = subprocess.Popen(child, cwd=root, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not (tmp_path / "blocked").exists():  # the export is now waiting for page 58
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the child never reached page 58"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)  # no cleanup of any kind
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    assert len(out.read_text().splitlines()) == 5700
    assert json.loads(Path(f"{out}.checkpoint").read_text())["cursor"]["page"] == 58

    env["CXKIT_TEST_BLOCK_AT"] = "0"
    finished = subprocess.run(child, cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert "resumed, 10000 records" in finished.stderr
    assert (
        finished.stderr.splitlines()[0] == "omnidesk cases: resuming after 5700 records (57 pages)"
    )
    assert_complete(out, 10_000)


def test_a_value_that_did_not_fit_its_field_is_exported_as_sent(tmp_path: Path) -> None:
    fake = omnidesk_with_cases(3)
    fake.cases[2002]["created_at"] = "the day before yesterday"
    out = tmp_path / "cases.jsonl"
    assert run(export_args(out), fake=fake).exit_code == 0
    records = jsonl(out)
    assert records[1]["created_at"] == "the day before yesterday"
    assert records[0]["created_at"].endswith("+03:00")


def test_two_exports_never_write_one_file(tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")  # the lock is POSIX-only; Windows has none
    fake = omnidesk_with_cases(200)
    out = tmp_path / "cases.jsonl"
    with open(out, "ab") as other:  # another export, still running
        fcntl.flock(other.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        busy = run(export_args(out), fake=fake)
        assert busy.exit_code == ExitCode.CONFIG
        assert "another export is writing" in busy.stderr
        assert list_requests(fake) == []
    done = run(export_args(out), fake=fake)  # once it is gone (or killed), it proceeds
    assert done.exit_code == 0, done.output
    assert_complete(out, 200)
