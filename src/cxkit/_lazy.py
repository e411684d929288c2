"""Imports on first use, so that importing a vendor costs little more than its dependencies.

A vendor package, its ``types`` and its ``resources`` packages list their public
names by the submodule that defines them and import that submodule when a name is
first read (PEP 562 module ``__getattr__``): ``import cxkit.omi`` imports no
model or resource, ``from cxkit.omi import ContactFilter`` imports
``cxkit.omi.types.contacts`` only. Type checkers and the docs read the same names
from ``if TYPE_CHECKING:`` imports. A client imports each resource in its
``cached_property``, through :func:`named`.

This module imports nothing of cxkit at import time.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import Any, TypeVar

__all__ = ["exports", "named"]

T = TypeVar("T")


def exports(
    package: str,
    modules: Mapping[str, Iterable[str]],
    *,
    operations: str | None = None,
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``package``, whose names are imported on first use.

    ``modules`` maps a submodule, relative to ``package`` (``".types"``), to the
    names read from it. A name, once read, is kept in the package, so the next read
    is a plain attribute. With ``operations`` (the async client's name),
    ``OPERATIONS`` is collected from that client on first use.
    """
    where = {name: module for module, names in modules.items() for name in names}
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is not None:
            value = getattr(importlib.import_module(module, package), name)
        elif name == "OPERATIONS" and operations is not None:
            from ._core import collect_operations

            value = collect_operations(__getattr__(operations))
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *where, *(["OPERATIONS"] if operations else [])})

    return __getattr__, __dir__


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
    from ._core import collect_operations

    def returns(client: Any) -> Any: ...

    # collect_operations names a client's tree; this root has one resource, ``attr``.
    returns.__annotations__ = {"return": cls}
    root = type("Root", (), {attr: cached_property(returns)})
    with _naming:
        collect_operations(root)
        _named.add(cls)
    return cls
