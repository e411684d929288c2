"""``cxkit <vendor> <resource...> <verb>``: generated commands, run against the fakes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from cxkit.cli import ExitCode, State
from cxkit.cli._fake import seeded_fake
from cxkit.cli._vendors import VENDORS, vendor
from cxkit.testing import FakeClock
from cxkit.testing.omnidesk import FakeOmnidesk

from ._helpers import START, command, run


def _leaves(group: Any, prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    out: dict[tuple[str, ...], Any] = {}
    for name, cmd in getattr(group, "commands", {}).items():
        if getattr(cmd, "hidden", False):
            continue  # the Python spelling of a name, tested below
        if getattr(cmd, "commands", None):
            out.update(_leaves(cmd, (*prefix, name)))
        else:
            out[tuple([*prefix, name])] = cmd
    return out


@pytest.mark.parametrize("name", VENDORS)
def test_one_command_per_operation_and_nothing_else(name: str) -> None:
    tree = command((name,))
    leaves = _leaves(tree.commands[name])
    expected = {
        tuple(part.replace("_", "-") for part in op.name.split("."))
        for op in vendor(name).operations
    }
    assert set(leaves) == expected
    assert len(leaves) == len(vendor(name).operations)


@pytest.mark.parametrize("name", VENDORS)
def test_every_command_has_help(name: str) -> None:
    tree = command((name,))
    for path, cmd in _leaves(tree.commands[name]).items():
        result = run([name, *path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage:" in result.output
        op = ".".join(p.replace("-", "_") for p in path)
        assert f"(operation {op})" in " ".join(result.output.split()), path
        for param in cmd.params:
            flags = [o for o in getattr(param, "opts", []) if o.startswith("--")]
            if flags:
                assert flags[0] in result.output, (path, flags)


def test_help_on_groups_and_root() -> None:
    for args in (
        ["--help"],
        ["omnidesk", "--help"],
        ["omnidesk", "cases", "--help"],
        ["export", "--help"],
    ):
        result = run(args)
        assert result.exit_code == 0, result.output
        assert "Usage:" in result.output
    assert "messages" in run(["omnidesk", "cases", "--help"]).output


def test_list_prints_a_table_of_the_page_asked_for() -> None:
    fake = seeded_fake("omnidesk")
    result = run(
        ["omnidesk", "cases", "list", "--status", "open", "--limit", "3", "--fake"], fake=fake
    )
    assert result.exit_code == 0, result.output
    open_cases = sorted(c["case_id"] for c in fake.cases.values() if c["status"] == "open")  # type: ignore[attr-defined]
    shown = [line for line in result.stdout.splitlines() if line.startswith("│")]
    assert len(shown) == 3
    assert [int(line.split("│")[1]) for line in shown] == open_cases[:3]
    assert "case_id" in result.stdout and "subject" in result.stdout
    assert f"3 records of {len(open_cases)}; next page: --page 2 (or --all)" in result.stderr
    request = fake.calls[-1]
    assert request.url.params.get_list("status") == ["open"] or "open" in str(request.url)
    assert request.url.params["limit"] == "3"


def test_json_jsonl_and_csv_for_machines() -> None:
    fake = seeded_fake("omnidesk")
    args = ["omnidesk", "cases", "list", "--fake", "--limit", "4"]
    as_json = json.loads(run([*args, "--format", "json"], fake=fake).stdout)
    lines = [json.loads(x) for x in run([*args, "-f", "jsonl"], fake=fake).stdout.splitlines()]
    rows = list(csv.DictReader(io.StringIO(run([*args, "-f", "csv"], fake=fake).stdout)))
    assert (
        [c["case_id"] for c in as_json] == [c["case_id"] for c in lines] == [2001, 2002, 2003, 2004]
    )
    assert [r["case_id"] for r in rows] == ["2001", "2002", "2003", "2004"]
    assert as_json[0]["created_at"].startswith("2026-11-01T")  # aware datetimes as ISO 8601
    assert rows[0]["subject"] == as_json[0]["subject"]
    # --format also works before the vendor, for every command
    assert json.loads(run(["--format", "json", *args], fake=fake).stdout) == as_json


def test_columns_choose_what_a_table_and_csv_show() -> None:
    fake = seeded_fake("omnidesk")
    out = run(
        ["omnidesk", "cases", "list", "--fake", "-f", "csv", "--columns", "subject,status"],
        fake=fake,
    ).stdout
    assert out.splitlines()[0] == "subject,status"
    assert out.splitlines()[1] == "Printer on fire #1,open"


def test_all_follows_every_page() -> None:
    fake = seeded_fake("omnidesk")
    result = run(
        ["omnidesk", "cases", "list", "--fake", "--limit", "5", "--all", "-f", "jsonl"], fake=fake
    )
    ids = [json.loads(x)["case_id"] for x in result.stdout.splitlines()]
    assert ids == sorted(fake.cases)  # type: ignore[attr-defined]
    assert (
        len(ids) == 12
        and len([c for c in fake.calls if c.method == "GET" and c.url.path.endswith("/cases.json")])
        == 3
    )
    capped = run(
        [
            "omnidesk",
            "cases",
            "list",
            "--fake",
            "--limit",
            "5",
            "--all",
            "--max-items",
            "7",
            "-f",
            "json",
        ],
        fake=fake,
    )
    assert len(json.loads(capped.stdout)) == 7


def test_get_takes_the_path_parameter_as_an_argument() -> None:
    result = run(["omnidesk", "cases", "get", "2003", "--fake", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["case_id"] == 2003
    table = run(["omnidesk", "cases", "get", "2003", "--fake"])
    assert "Invoice missing #3" in table.stdout and "field" in table.stdout


def test_repeated_options_become_lists_and_choices_are_checked() -> None:
    fake = seeded_fake("omnidesk")
    result = run(
        [
            "omnidesk",
            "cases",
            "list",
            "--fake",
            "--status",
            "open",
            "--status",
            "closed",
            "-f",
            "json",
        ],
        fake=fake,
    )
    assert result.exit_code == 0, result.output
    statuses = {c["status"] for c in json.loads(result.stdout)}
    assert statuses == {"open", "closed"}
    bad = run(["omnidesk", "cases", "list", "--fake", "--status", "opened"], fake=fake)
    assert bad.exit_code == ExitCode.USAGE
    assert "opened" in bad.output


def test_bool_and_json_options() -> None:
    fake = seeded_fake("omnidesk")
    created = run(
        [
            "omnidesk", "cases", "create", "--fake", "-f", "json",
            "--subject", "From the shell", "--user-email", "zoe@example.com",
            "--content", "Hi", "--priority", "high",
            "--custom-fields", '{"cf_1": "x"}', "--labels", "7", "--labels", "8",
        ],
        fake=fake,
    )  # fmt: skip
    assert created.exit_code == 0, created.output
    case = json.loads(created.stdout)
    assert case["subject"] == "From the shell" and case["priority"] == "high"
    body = json.loads(fake.calls[-1].content)["case"]
    assert body["custom_fields"] == {"cf_1": "x"} and body["labels"] == [7, 8]
    merged = run(
        ["omnidesk", "cases", "list", "--fake", "--show-merged-cases", "-f", "json"], fake=fake
    )
    assert merged.exit_code == 0
    assert fake.calls[-1].url.params["show_merged_cases"] in ("true", "1")
    bad_json = run(
        ["omnidesk", "cases", "create", "--fake", "--subject", "x", "--custom-fields", "{oops"]
    )
    assert bad_json.exit_code == ExitCode.USAGE
    assert "--custom-fields takes JSON" in bad_json.output


def test_a_value_the_method_refuses_is_a_usage_error_before_sending() -> None:
    fake = seeded_fake("omnidesk")
    calls = len(fake.calls)
    result = run(["omnidesk", "cases", "list", "--fake", "--limit", "500"], fake=fake)
    assert result.exit_code == ExitCode.USAGE
    assert "limit" in result.stderr
    assert len(fake.calls) == calls


def test_commands_of_the_other_vendors_run_against_their_seeded_fakes() -> None:
    thulium = run(["thulium", "customers", "list", "--fake", "-f", "json"])
    assert thulium.exit_code == 0, thulium.output
    assert {c["surname"] for c in json.loads(thulium.stdout)} >= {"Lee", "Chen"}
    omnicxm = run(["omnicxm", "cdr", "list", "--fake", "-f", "json"])
    assert omnicxm.exit_code == 0, omnicxm.output
    assert len(json.loads(omnicxm.stdout)) == 8
    omi = run(["omi", "contacts", "list", "--fake", "-f", "jsonl"])
    assert omi.exit_code == 0, omi.output
    assert len(omi.stdout.splitlines()) == 6


def test_ops_lists_every_operation() -> None:
    for name in VENDORS:
        rows = json.loads(run(["ops", name, "-f", "json"]).stdout)
        assert [r["operation"] for r in rows] == [op.name for op in vendor(name).operations]
    table = run(["ops", "thulium", "outbounds.records"])
    assert table.exit_code == 0
    assert "cxkit thulium outbounds records list" in table.stdout
    assert "/outbounds/{id}/records" in table.stdout
    assert run(["ops", "nobody"]).exit_code == ExitCode.USAGE


# -- errors and exit codes -----------------------------------------------------------


def _env_client(fake: FakeOmnidesk) -> State:
    """Commands built from the environment, their requests served by ``fake``."""
    return State(client_options={"transport": fake.transport(), "clock": fake.clock})


def test_missing_credentials_name_the_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in vendor("omnidesk").env:
        monkeypatch.delenv(variable, raising=False)
    result = run(["omnidesk", "cases", "list"])
    assert result.exit_code == ExitCode.CONFIG
    assert "OMNIDESK_EMAIL" in result.stderr and "--fake" in result.stderr


def test_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeOmnidesk(clock=FakeClock(start=START))
    monkeypatch.setenv("OMNIDESK_BASE_URL", fake.base_url)
    monkeypatch.setenv("OMNIDESK_EMAIL", fake.email)
    monkeypatch.setenv("OMNIDESK_API_KEY", fake.api_key)
    ok = run(["omnidesk", "staff", "list", "-f", "json"], state=_env_client(fake))
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)[0]["staff_email"] == fake.email

    monkeypatch.setenv("OMNIDESK_API_KEY", "not-the-key")
    denied = run(["omnidesk", "staff", "list"], state=_env_client(fake))
    assert denied.exit_code == ExitCode.AUTH
    assert "401" in denied.stderr and "AuthenticationError" in denied.stderr
    assert "OMNIDESK_API_KEY" in denied.stderr and "OMNIDESK_EMAIL" in denied.stderr
    assert "not-the-key" not in denied.output


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (404, ExitCode.NOT_FOUND),
        (429, ExitCode.RATE_LIMIT),
        (503, ExitCode.SERVER),
        (403, ExitCode.AUTH),
        (409, ExitCode.ERROR),
    ],
)
def test_exit_codes_follow_the_error_hierarchy(status: int, code: ExitCode) -> None:
    fake = seeded_fake("omnidesk")
    fake.inject_statuses([status] * 5, path="/cases/2001.json")
    result = run(["--max-retries", "0", "omnidesk", "cases", "get", "2001", "--fake"], fake=fake)
    assert result.exit_code == code, result.output
    assert str(status) in result.stderr


def test_a_real_not_found_and_a_connection_error() -> None:
    missing = run(["omnidesk", "cases", "get", "999999", "--fake"])
    assert missing.exit_code == ExitCode.NOT_FOUND
    assert "NotFoundError" in missing.stderr
    fake = seeded_fake("omnidesk")
    fake.inject(error="connect", times=5)
    down = run(["--max-retries", "1", "omnidesk", "labels", "list", "--fake"], fake=fake)
    assert down.exit_code == ExitCode.CONNECTION
    assert "network" in down.stderr


def test_retries_are_the_clients_and_use_its_clock() -> None:
    fake = seeded_fake("omnidesk")
    fake.inject_statuses([503, 503], path="/labels.json")
    result = run(
        ["--max-retries", "2", "omnidesk", "labels", "list", "--fake", "-f", "json"], fake=fake
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["label_title"] == "vip"
    assert len(fake.clock.sleeps) == 2  # backoff on the fake clock: nothing slept for real  # type: ignore[attr-defined]


def test_main_runs_as_a_module_entry_point(capsys: pytest.CaptureFixture[str]) -> None:
    from cxkit.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["ops", "omi", "-f", "jsonl"])
    assert stopped.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(vendor("omi").operations)


def test_ctrl_c_in_a_command_exits_130() -> None:
    fake = seeded_fake("omnidesk")
    original = fake.handle

    def interrupted(request: Any) -> Any:
        if request.url.path.endswith("/labels.json"):
            raise KeyboardInterrupt
        return original(request)

    fake.handle = interrupted  # type: ignore[method-assign]
    result = run(["omnidesk", "labels", "list", "--fake"], fake=fake)
    assert result.exit_code == int(ExitCode.INTERRUPTED) == 130
    assert "Interrupted" in result.stderr


def test_a_bad_client_option_is_a_configuration_error() -> None:
    result = run(["--throttle-storage", "ftp://nowhere", "omnidesk", "labels", "list", "--fake"])
    assert result.exit_code == ExitCode.CONFIG
    assert "throttle_storage" in result.stderr
    shared = run(
        [
            "--throttle-storage",
            "memory://",
            "--throttle",
            "10/second",
            "omnidesk",
            "labels",
            "list",
            "--fake",
        ]
    )
    assert shared.exit_code == 0, shared.output


def test_only_the_named_vendor_is_built() -> None:
    from cxkit.cli import _wanted

    assert _wanted(["--fake", "thulium", "customers", "list"]) == ["thulium"]
    assert _wanted(["export", "omi", "contacts", "-o", "x.jsonl"]) == ["omi"]
    assert _wanted(["ops", "omnicxm"]) == ["omnicxm"]
    assert _wanted(["--help"]) is None
    assert _wanted([]) is None


def test_the_console_script_points_at_main() -> None:
    import importlib
    import re
    from pathlib import Path

    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text()
    target = re.search(r'^cxkit = "([\w.]+):(\w+)"$', pyproject, re.MULTILINE)
    assert target is not None
    entry = getattr(importlib.import_module(target.group(1)), target.group(2))
    from cxkit.cli import main

    assert entry is main
    assert re.search(r'^cli = \["typer[^"]*", "rich[^"]*"\]$', pyproject, re.MULTILINE)


def test_the_app_works_with_typers_own_runner() -> None:
    from typer.testing import CliRunner

    from cxkit.cli import build_app

    result = CliRunner().invoke(
        build_app(["omi"]), ["omi", "contacts", "list", "--fake", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert [c["full_name"] for c in json.loads(result.stdout)][:2] == ["Ann Lee", "Bo Chen"]


def test_files_are_paths(tmp_path: Path) -> None:
    fake = seeded_fake("omnidesk")
    report = tmp_path / "report.txt"
    report.write_bytes(b"smoke on floor 3")
    args = ["omnidesk", "cases", "messages", "create", "2001", "--content", "See attached"]
    sent = run([*args, "--attachments", str(report), "--fake", "-f", "json"], fake=fake)
    assert sent.exit_code == 0, sent.output
    assert [f.content for f in fake.files.values()] == [b"smoke on floor 3"]  # type: ignore[attr-defined]
    missing = run([*args, "--attachments", str(tmp_path / "nope.pdf"), "--fake"], fake=fake)
    assert missing.exit_code == ExitCode.USAGE
    assert "no such file" in missing.stderr


def test_the_python_spelling_of_a_name_works_too() -> None:
    fake = seeded_fake("omnidesk")
    dashed = run(["omnidesk", "staff-statuses", "list", "--fake", "-f", "json"], fake=fake)
    python = run(["omnidesk", "staff_statuses", "list", "--fake", "-f", "json"], fake=fake)
    assert dashed.exit_code == python.exit_code == 0, python.output
    assert dashed.stdout == python.stdout
    verb = run(["omnidesk", "cases", "idea", "delete_official_response", "--help"])
    assert verb.exit_code == 0 and "idea_official_response.json" in verb.output
    assert "staff_statuses" not in run(["omnidesk", "--help"]).output  # listed once, dashed
