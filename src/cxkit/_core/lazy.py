"""Lazy re-exports: a package names what it offers and imports each piece on first use.

``import cxkit`` and ``import cxkit.<vendor>`` stay cheap this way: pydantic models,
the clients, resources and httpcore load when a program first touches them
(openai-python does the same for its resources). A vendor package, its ``types``
and its ``resources`` packages list their names by submodule with
:func:`lazy_exports` (type checkers and the docs read the same names from ``if
TYPE_CHECKING:`` imports); a client reads each resource class through :func:`named`.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import Any, TypeVar

__all__ = ["lazy_exports", "named", "vendor_exports"]


def lazy_exports(
    package: str, exports: Mapping[str, Iterable[str]], *, operations: str | None = None
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
        if found is not None:
            module, source = found
            value = getattr(importlib.import_module(module, package), source)
        elif name == "OPERATIONS" and operations is not None:
            from .registry import collect_operations

            value = collect_operations(__getattr__(operations))
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        extra = ["OPERATIONS"] if operations else []
        return sorted({*vars(sys.modules[package]), *where, *extra})

    return __getattr__, __dir__


def vendor_exports(
    package: str,
    client: str,
    types: Iterable[str],
    extra: Mapping[str, Iterable[str]] | None = None,
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """:func:`lazy_exports` for a vendor package: ``Async<client>`` and ``<client>``,
    ``<client>Dialect``, the models of its ``types`` and ``OPERATIONS``, plus ``extra``
    names by submodule."""
    exports: dict[str, tuple[str, ...]] = {
        "._async": ("Async" + client,),
        "._sync": (client,),
        "._dialect": (client + "Dialect",),
        ".types": tuple(types),
    }
    for module, names in (extra or {}).items():
        exports[module] = (*exports.get(module, ()), *names)
    return lazy_exports(package, exports, operations="Async" + client)


T = TypeVar("T")

_named: set[type] = set()
_naming = threading.Lock()


def named(cls: type[T], attr: str) -> type[T]:
    """``cls``, the resource class a client's ``attr`` property returns, with its
    operations named by their path under the client (``attr.method``,
    ``attr.child.method``...), the first time it is asked for.

    A call's errors, logs and hooks carry its operation's name: the property reads
    the class through here, so the names are set before any of its operations can
    be called, without importing the client's other resources. ``OPERATIONS``
    gives the same names.
    """
    if cls in _named:
        return cls
    from .registry import collect_operations

    def returns(client: Any) -> Any: ...

    # collect_operations names a client's tree; this root has one resource, ``attr``.
    returns.__annotations__ = {"return": cls}
    root = type("Root", (), {attr: cached_property(returns)})
    with _naming:
        collect_operations(root)
        _named.add(cls)
    return cls
