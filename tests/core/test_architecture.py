"""The layering holds: no import circle in ``src/``, vendors build on the ``_core`` facade.

Imports are read with ``ast`` (those under ``if TYPE_CHECKING:`` included: a circle
that only the type checker walks still ties two modules into one), so a circle
fails here before it fails anyone at runtime.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from cxkit import _vendors

SRC = Path(__file__).resolve().parents[2] / "src"

# Circles accepted for now (none: a new one fails the test).
KNOWN_CIRCLES: set[frozenset[str]] = set()


def _modules() -> dict[str, Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> Iterator[str]:
    """The modules ``name`` imports, resolved (a name imported from a package is the
    submodule when one exists)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES:
                    yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if sub in MODULES:
                    yield sub
                elif target in MODULES:
                    yield target


def import_graph() -> dict[str, set[str]]:
    """Every module of ``src/`` and the modules it imports."""
    return {name: {t for t in _imports(name, path) if t != name} for name, path in MODULES.items()}


def circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(frozenset(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_checker_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [frozenset({"a", "b", "c"})]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle_in_src() -> None:
    found = set(circles(import_graph()))
    unexpected = [sorted(group) for group in found - KNOWN_CIRCLES]
    assert unexpected == [], "import circles: " + "; ".join(" <-> ".join(g) for g in unexpected)
    assert found >= KNOWN_CIRCLES, "a known circle is gone: remove it from KNOWN_CIRCLES"


def test_vendors_import_only_the_core_facade() -> None:
    deeper = []
    for vendor in (*_vendors.vendors(), _vendors.TEMPLATE):
        for name, path in MODULES.items():
            if not name.startswith(vendor.package + "."):
                continue
            deeper += [
                f"{name} imports {t}" for t in _imports(name, path) if t.startswith("cxkit._core.")
            ]
    assert deeper == []


def test_the_core_stays_readable_in_one_sitting() -> None:
    # The core client wires its stages; each function fits on a screen.
    core = SRC / "cxkit" / "_core"
    too_long = []
    for path in core.rglob("*.py"):
        if "_sync" in path.parts:
            continue  # generated from the async sources checked here
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name == "AsyncAPIClient":
                assert node.end_lineno is not None
                assert node.end_lineno - node.lineno + 1 < 400
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno is not None
                if node.end_lineno - node.lineno + 1 > 60:
                    too_long.append(f"{path.relative_to(SRC)}:{node.name}")
    assert too_long == []
