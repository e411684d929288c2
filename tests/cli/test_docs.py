"""docs/cli.md: every ``cxkit`` example runs as printed; its tables match the code."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from cxkit.cli import ExitCode
from cxkit.cli._vendors import VENDORS, vendor

from ._helpers import run

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def _blocks(language: str) -> list[tuple[str, str]]:
    """(the line before the fence, the block) for each ``language`` block."""
    text = DOC.read_text(encoding="utf-8")
    out = []
    for match in FENCE.finditer(text):
        if match.group(1) == language:
            before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
            out.append((before, match.group(2)))
    return out


def _commands() -> list[str]:
    lines = []
    for before, block in _blocks("bash"):
        if before.startswith("<!-- no-run"):
            continue
        lines += [line for line in block.splitlines() if line.startswith("cxkit ")]
    return lines


def test_the_examples_that_cannot_run_are_few() -> None:
    skipped = [before for before, _ in _blocks("bash") if before.startswith("<!-- no-run")]
    assert skipped == ["<!-- no-run: needs a real account -->"]
    assert len(_commands()) >= 12


@pytest.mark.parametrize("line", _commands())
def test_every_example_runs_as_printed(
    line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(shlex.split(line)[1:])
    assert result.exit_code == 0, result.output
    assert result.stdout or result.stderr


def test_the_table_shown_is_what_the_first_example_prints() -> None:
    shown = next(block for before, block in _blocks("text") if "┏" in block)
    result = run(shlex.split(_commands()[0])[1:], width=80)
    printed = [line.rstrip() for line in result.output.splitlines()]
    assert [line.rstrip() for line in shown.splitlines()] == printed


def test_the_exit_code_table_is_the_enum() -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## Exit codes") : text.index("## Export")]
    codes = [int(m) for m in re.findall(r"^\| (\d+) \|", section, re.MULTILINE)]
    assert codes == sorted(int(c) for c in ExitCode)


def test_the_credentials_table_names_every_variable_the_clients_read() -> None:
    text = DOC.read_text(encoding="utf-8")
    for name in VENDORS:
        row = next(line for line in text.splitlines() if line.startswith(f"| {name} |"))
        assert set(re.findall(r"`([A-Z_]+)`", row)) == set(vendor(name).env)
