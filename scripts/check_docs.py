"""Type-check the documentation's Python: ``python3 scripts/check_docs.py``.

Every fenced ```python block of README.md and docs/*.md, and every file in
examples/, must pass ``mypy --strict`` the way a user's project runs it: with a
config that has no plugins (no pydantic plugin), against the package in ``src/``.

How the blocks become modules
    A guide is read top to bottom: later blocks use the client, ids and imports of
    earlier ones (``desk``, ``case``...). Repeating the setup in every block would
    bury the point of each example, so the blocks of one Markdown file are
    concatenated, in order, into one generated module (``docs_omi_md.py``) and
    checked as the reader runs them, in one namespace (the doc tests in
    ``tests/docs/`` execute them the same way). A block therefore only has to be
    correct after the blocks above it. Errors are reported at the Markdown line,
    with the block number: ``docs/omi.md:57 (block 3): error: ...``.

    Blocks may ``await`` at the top level, as in ``python -m asyncio`` or a
    notebook. When any block of a file does, the whole file's module is generated
    inside ``async def _doc() -> None:`` so that mypy checks the awaits (and the
    names the blocks share stay visible to each other).

Markers
    An HTML comment on the line right before a fence marks the block:
    ``<!-- no-typecheck: why -->`` leaves it out of this check (a fragment that
    is deliberately not code); ``<!-- no-test: why -->`` only keeps it from being
    run against the fakes (it is still type-checked). Several flags may share a
    comment: ``<!-- no-test no-typecheck: why -->``. Nothing is skipped silently:
    every marked block is listed in the output. Keep them rare.

Exit status: 0 when mypy finds nothing, 1 on any error (each printed with its
doc, block and line), 2 when the docs cannot be read (unknown marker, unclosed
fence, a block that is not valid Python).
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON_INFO = {"python", "py", "python3"}
FLAGS = {"no-test", "no-typecheck"}
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")
MARKER = re.compile(r"^\s*<!--\s*(?P<flags>[a-z][a-z-]*(?:[ ,]+[a-z][a-z-]*)*)\s*(?::.*)?-->\s*$")
MYPY_LINE = re.compile(r"^(?P<path>[^:\n]+\.py):(?P<line>\d+):(?:(?P<col>\d+):)? (?P<rest>.*)$")


class DocError(Exception):
    """The Markdown cannot be turned into modules."""


@dataclass(frozen=True)
class Block:
    """One fenced Python block of a Markdown file."""

    doc: str  # path relative to the repository root
    number: int  # 1-based among the file's Python blocks
    line: int  # 1-based Markdown line of the block's first code line
    code: str
    flags: frozenset[str]

    @property
    def where(self) -> str:
        return f"{self.doc}:{self.line} (block {self.number})"

    @property
    def typechecked(self) -> bool:
        return "no-typecheck" not in self.flags

    @property
    def tested(self) -> bool:
        return "no-test" not in self.flags


def markdown_files(root: Path = ROOT) -> list[Path]:
    """README.md and every guide in docs/, in a stable order."""
    return [root / "README.md", *sorted((root / "docs").glob("*.md"))]


def extract_blocks(path: Path, root: Path = ROOT) -> list[Block]:
    """Every Python block of a Markdown file, with its marker flags."""
    doc = path.relative_to(root).as_posix()
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        info = opening["info"].strip().split(maxsplit=1)
        start = i + 1
        end = start
        while end < len(lines):
            closing = FENCE.match(lines[end])
            if (
                closing
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and not closing["info"].strip()
            ):
                break
            end += 1
        else:
            raise DocError(f"{doc}:{i + 1}: the fence opened here is never closed")
        if info and info[0].lower() in PYTHON_INFO:
            flags = _flags(lines[i - 1] if i else "", doc, i)
            body = [
                line[len(indent) :] if line.startswith(indent) else line
                for line in lines[start:end]
            ]
            code = "\n".join(body) + "\n"
            block = Block(doc, len(blocks) + 1, start + 1, code, flags)
            try:
                ast.parse(code, filename=block.where)
            except SyntaxError as exc:
                raise DocError(
                    f"{doc}:{start + (exc.lineno or 1)} (block {block.number}): {exc.msg}"
                ) from None
            blocks.append(block)
        i = end + 1
    return blocks


def _flags(previous: str, doc: str, fence_index: int) -> frozenset[str]:
    found = MARKER.match(previous)
    if not found:
        return frozenset()
    words = set(re.split(r"[ ,]+", found["flags"].strip()))
    if not words & FLAGS:
        return frozenset()  # another comment (e.g. <!-- test-command -->)
    unknown = words - FLAGS
    if unknown:
        raise DocError(
            f"{doc}:{fence_index}: unknown marker {sorted(unknown)}; use {sorted(FLAGS)}"
        )
    return frozenset(words)


def has_top_level_await(code: str) -> bool:
    """Whether the code awaits outside any function (allowed in docs, not in modules)."""

    def visit(node: ast.AST) -> bool:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            return False
        if isinstance(node, (ast.Await, ast.AsyncFor, ast.AsyncWith)):
            return True
        if isinstance(node, ast.comprehension) and node.is_async:
            return True
        return any(visit(child) for child in ast.iter_child_nodes(node))

    return visit(ast.parse(code))


@dataclass
class Module:
    """A generated module and, per generated line, the Markdown block and line it comes from."""

    name: str
    text: str
    origin: dict[int, tuple[Block, int]]


def module_for(doc: str, blocks: list[Block]) -> Module | None:
    """The checked blocks of one Markdown file as one module (None when there are none)."""
    checked = [b for b in blocks if b.typechecked]
    if not checked:
        return None
    wrap = any(has_top_level_await(b.code) for b in checked)
    out = [f"# Generated by scripts/check_docs.py from {doc}: the blocks in order."]
    origin: dict[int, tuple[Block, int]] = {}
    if wrap:
        out.append("async def _doc() -> None:  # the blocks await at the top level")
    for block in checked:
        for offset, line in enumerate(block.code.splitlines()):
            out.append(("    " + line if line.strip() else line) if wrap else line)
            origin[len(out)] = (block, block.line + offset)
    if wrap:
        out.append("    pass")
    name = re.sub(r"\W", "_", doc).lower()
    return Module(name, "\n".join(out) + "\n", origin)


def run_mypy(
    files: list[Path], workdir: Path, cache_dir: Path, root: Path = ROOT, installed: bool = False
) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` with no plugins, the package under test found in ``root/src``
    (``installed``: the cxkit installed where mypy runs, as a user's project finds it)."""
    config = workdir / "mypy.ini"
    # No plugins; the oldest Python the package supports.
    config.write_text("[mypy]\npython_version = 3.10\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "MYPYPATH"}
    if not installed:
        env["MYPYPATH"] = str(root / "src")
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--config-file",
        str(config),
        "--cache-dir",
        str(cache_dir),
        # As for an installed package: the library's own errors (it is checked with
        # the pydantic plugin elsewhere) are not the docs' errors.
        "--follow-imports=silent",
        "--no-color-output",
        "--no-error-summary",
        "--hide-error-context",
        *map(str, files),
    ]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=root, check=False)


def default_cache_dir(root: Path = ROOT) -> Path:
    """A cache kept between runs (so a second run is quick), one per checkout."""
    key = hashlib.sha1(str(root).encode()).hexdigest()[:10]
    return Path(tempfile.gettempdir()) / f"cxkit-check-docs-{key}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the repository (default: this one)"
    )
    parser.add_argument("--cache-dir", type=Path, default=None, help="mypy cache directory")
    parser.add_argument("--keep", type=Path, default=None, help="write the generated modules here")
    parser.add_argument(
        "--installed",
        action="store_true",
        help="check against the installed cxkit (a wheel: its py.typed included), not src/",
    )
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()

    try:
        docs = {
            p.relative_to(root).as_posix(): extract_blocks(p, root) for p in markdown_files(root)
        }
    except DocError as exc:
        print(f"check_docs: {exc}", file=sys.stderr)
        return 2
    examples = sorted((root / "examples").glob("*.py"))
    blocks = [b for doc_blocks in docs.values() for b in doc_blocks]
    skipped = [b for b in blocks if not b.typechecked]

    with tempfile.TemporaryDirectory(prefix="check-docs-") as tmp:
        workdir = args.keep.resolve() if args.keep else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        modules: dict[Path, Module] = {}
        for doc, doc_blocks in docs.items():
            module = module_for(doc, doc_blocks)
            if module is not None:
                path = (workdir / f"{module.name}.py").resolve()
                path.write_text(module.text, encoding="utf-8")
                modules[path] = module
        files = [*modules, *examples]
        cache_dir = args.cache_dir or default_cache_dir(root)
        result = run_mypy(files, workdir, cache_dir, root, args.installed)

    # Each mypy line, told at its Markdown (or example) line, in the order of the files.
    order = {path.resolve(): index for index, path in enumerate(files)}
    reported: list[tuple[int, int, int, str]] = []
    errors = 0
    for position, raw in enumerate(result.stdout.splitlines()):
        found = MYPY_LINE.match(raw)
        if not found:
            reported.append((len(files), 0, position, raw))
            continue
        rest, line = found["rest"], int(found["line"])
        errors += rest.startswith("error:")
        path = Path(found["path"])
        path = (path if path.is_absolute() else root / path).resolve()
        module = modules.get(path)
        if module is None:
            where = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            text = f"{where}:{line}: {rest}"
        elif line in module.origin:
            block, doc_line = module.origin[line]
            text, line = f"{block.doc}:{doc_line} (block {block.number}): {rest}", doc_line
        else:  # a line of the generated wrapper itself
            text = f"{module.name}.py:{line}: {rest}"
        reported.append((order.get(path, len(files)), line, position, text))
    for *_, text in sorted(reported):
        print(text)
    if result.returncode not in (0, 1):
        print(result.stderr, file=sys.stderr, end="")
        print(f"check_docs: mypy could not run (exit {result.returncode})", file=sys.stderr)
        return 2

    for block in skipped:
        print(f"not type-checked (marked no-typecheck): {block.where}")
    checked = len(blocks) - len(skipped)
    summary = (
        f"{checked} Python blocks of {len(modules)} Markdown files"
        f" ({len(skipped)} blocks marked no-typecheck) and {len(examples)} examples"
    )
    if result.returncode != 0 or errors:
        print(f"check_docs: FAILED, {errors} mypy errors in {summary}")
        return 1
    print(f"check_docs: OK, mypy --strict (no plugins) passes on {summary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
