"""scripts/check_docs.py: the docs and examples pass mypy --strict (no plugins), and the
script reports an error at its Markdown line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ._harness import ROOT, check_docs

SCRIPT = ROOT / "scripts" / "check_docs.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_docs_and_examples_type_check() -> None:
    result = run()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("check_docs: OK")


GUIDE = """# A guide

```python
from typing import Final

answer: Final = 42
```

Text.

<!-- no-test: just for the reader -->
```python
label: str = answer
```

<!-- no-typecheck: a fragment -->
```python
label = ...
```

```python
async def ask() -> int:
    return 1

got = await ask()
```
"""


def small_repo(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir(parents=True)
    (tmp_path / "examples").mkdir()
    (tmp_path / "README.md").write_text("# Readme\n\nNo code.\n", encoding="utf-8")
    (tmp_path / "docs" / "guide.md").write_text(GUIDE, encoding="utf-8")
    (tmp_path / "examples" / "one.py").write_text("def f() -> int:\n    return 'x'\n", "utf-8")
    return tmp_path


def test_errors_are_told_at_their_markdown_line(tmp_path: Path) -> None:
    repo = small_repo(tmp_path / "repo")
    result = run("--root", str(repo), "--cache-dir", str(tmp_path / "cache"))
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    # Block 2 uses block 1's name (one module per file) and is wrong; block 3 is left out.
    assert lines[0].startswith("docs/guide.md:13 (block 2): error: Incompatible types")
    assert lines[1].startswith("examples/one.py:2: error: Incompatible return value")
    assert "not type-checked (marked no-typecheck): docs/guide.md:18 (block 3)" in lines
    assert lines[-1] == (
        "check_docs: FAILED, 2 mypy errors in 3 Python blocks of 1 Markdown files"
        " (1 blocks marked no-typecheck) and 1 examples"
    )


def test_blocks_markers_and_top_level_await(tmp_path: Path) -> None:
    repo = small_repo(tmp_path)
    found = check_docs.extract_blocks(repo / "docs" / "guide.md", repo)
    assert [(b.number, b.line, b.tested, b.typechecked) for b in found] == [
        (1, 4, True, True),
        (2, 13, False, True),
        (3, 18, True, False),
        (4, 22, True, True),
    ]
    module = check_docs.module_for("docs/guide.md", found)
    assert (
        module.text.splitlines()[1]
        == "async def _doc() -> None:  # the blocks await at the top level"
    )
    assert "    got = await ask()" in module.text
    assert module.origin[module.text.splitlines().index("    got = await ask()") + 1][1] == 25
    assert not check_docs.has_top_level_await("async def f() -> None:\n    await g()\n")


def test_unknown_markers_and_unclosed_fences_are_refused(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("<!-- no-tset -->\n```python\nx = 1\n```\n", encoding="utf-8")
    assert check_docs.extract_blocks(doc, tmp_path)[0].flags == frozenset()  # not a marker
    doc.write_text("<!-- no-test nope -->\n```python\nx = 1\n```\n", encoding="utf-8")
    try:
        check_docs.extract_blocks(doc, tmp_path)
    except check_docs.DocError as exc:
        assert "unknown marker ['nope']" in str(exc)
    else:
        raise AssertionError("an unknown flag was accepted")
    doc.write_text("```python\nx = 1\n", encoding="utf-8")
    try:
        check_docs.extract_blocks(doc, tmp_path)
    except check_docs.DocError as exc:
        assert "never closed" in str(exc)
    else:
        raise AssertionError("an unclosed fence was accepted")
