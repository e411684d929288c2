"""README's error tree is the exception hierarchy ``cxkit`` exports, in both directions.

Every exception class ``cxkit.__all__`` names is drawn in the tree under its direct
base, with its other bases written ``(also ValueError)``; every class the tree draws
is exported; every public ``CXError`` subclass anywhere in the package is exported.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass

import cxkit

from ._harness import ROOT

BRANCH = re.compile(r"^(?P<indent>(?:│   |    )*)(?:├── |└── )?(?P<name>[A-Z]\w*)(?P<rest>.*)$")
ALSO = re.compile(r"\(also (?P<bases>[A-Za-z_, ]+)\)")


@dataclass(frozen=True)
class Node:
    name: str
    parent: str | None
    also: frozenset[str]


def readme_errors_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("\n## Errors\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def readme_tree() -> list[Node]:
    section = readme_errors_section()
    fence = section.index("```\nCXError\n")
    body = section[fence + 4 : section.index("```", fence + 4)]
    nodes: list[Node] = []
    path: list[str] = []  # the names from the root down to the last line's depth
    for line in body.splitlines():
        found = BRANCH.match(line)
        assert found, f"not a tree line: {line!r}"
        depth = len(found["indent"]) // 4 + (0 if line.startswith("CXError") else 1)
        assert depth <= len(path), f"{line!r} skips a level"
        del path[depth:]
        also = ALSO.search(found["rest"])
        bases = frozenset(b.strip() for b in also["bases"].split(",")) if also else frozenset()
        nodes.append(Node(found["name"], path[-1] if path else None, bases))
        path.append(found["name"])
    return nodes


def exported_exceptions() -> dict[str, type[BaseException]]:
    return {
        name: obj
        for name in cxkit.__all__
        if isinstance(obj := getattr(cxkit, name), type) and issubclass(obj, BaseException)
    }


def public_cx_errors() -> set[type[cxkit.CXError]]:
    """Every public ``CXError`` subclass defined in any ``cxkit`` module."""
    for info in pkgutil.walk_packages(cxkit.__path__, prefix="cxkit."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    found: set[type[cxkit.CXError]] = set()
    todo: list[type[cxkit.CXError]] = [cxkit.CXError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    # A class in a private module (``_dialect``) is still public when its name is.
    return {c for c in found if c.__module__.startswith("cxkit") and not c.__name__.startswith("_")}


def test_the_tree_draws_exactly_the_exported_exceptions() -> None:
    drawn = {node.name for node in readme_tree()}
    exported = exported_exceptions()
    canonical = {cls.__name__ for cls in exported.values()}
    assert drawn - canonical == set(), "drawn in README but not importable from cxkit"
    assert canonical - drawn == set(), "importable from cxkit but missing from README's tree"
    for name, cls in exported.items():
        assert name == cls.__name__ or f"`{name}`" in readme_errors_section(), (
            f"{name} (another name for {cls.__name__}) is not mentioned in README's Errors"
        )


def test_each_class_sits_under_its_base_in_the_tree() -> None:
    classes = {cls.__name__: cls for cls in exported_exceptions().values()}
    for node in readme_tree():
        cls = classes[node.name]
        if node.parent is None:
            assert cls is cxkit.CXError
            continue
        bases = [base.__name__ for base in cls.__bases__]
        assert bases[0] == node.parent, (
            f"{node.name} derives from {bases[0]}, drawn under {node.parent}"
        )
        assert set(bases[1:]) == node.also, (
            f"{node.name}: other bases {bases[1:]}, README says {sorted(node.also)}"
        )


def test_every_public_cx_error_is_importable_from_cxkit() -> None:
    exported = set(exported_exceptions().values())
    missing = {f"{cls.__module__}.{cls.__qualname__}" for cls in public_cx_errors() - exported}
    assert missing == set()
