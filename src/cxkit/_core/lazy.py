"""Lazy re-exports: a package names what it offers and imports each piece on first use.

``import cxkit`` and ``import cxkit.<vendor>`` stay cheap this way: pydantic models,
the clients and httpcore load when a program first touches them (openai-python
does the same for its resources).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, exports: Mapping[str, Iterable[str]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, which offers the names listed
    under each of its submodules (``{".errors": ("CXError", ...)}``, ``"Name as Alias"``
    to offer a name under another); a name is imported
    from its submodule when first asked for, then kept in the package."""
    where: dict[str, tuple[str, str]] = {}
    for module, names in exports.items():
        for entry in names:
            source, _, public = entry.partition(" as ")
            where[public or source] = (module, source)

    def __getattr__(name: str) -> Any:
        found = where.get(name)
        if found is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, source = found
        value = getattr(importlib.import_module(module, package), source)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *where})

    return __getattr__, __dir__
