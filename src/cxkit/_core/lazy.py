"""Lazy re-exports: a package offers names and imports each piece on first use.

``import cxkit`` and ``import cxkit.<vendor>`` stay cheap this way: pydantic models,
the clients, resources and httpcore load when a program first touches them
(openai-python does the same for its resources). A ``types`` or ``resources``
package offers what its submodules list in their ``__all__`` (:func:`lazy_modules`:
each name is listed once, in its own module; type checkers and the docs read the
same names from ``from .module import *`` under ``if TYPE_CHECKING:``); a vendor
package offers its clients and dialect and passes any other name on to its
``types`` (:func:`vendor_exports`); a client reads each resource class through
:func:`named`.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from itertools import takewhile
from typing import Any, TypeVar

__all__ = ["lazy_exports", "lazy_modules", "named", "vendor_exports"]

Exports = tuple[Callable[[str], Any], Callable[[], list[str]]]
"""A package's module ``__getattr__`` and ``__dir__``."""

_declared: dict[str, tuple[str, ...] | _Package] = {}


def _listing(module: str) -> tuple[str, ...] | _Package:
    """What ``module`` (a full dotted name) exports: its ``__all__``, or the lazy
    package that answers for it (a vendor's ``types``).

    A module not imported yet is not imported for this when its source holds one
    literal ``__all__`` list; anything else (a package, a computed ``__all__``, no
    source file) is imported and asked.
    """
    found = _declared.get(module)
    if found is None:
        loaded = sys.modules.get(module)
        found = _literal_all(module) if loaded is None else None
        if found is None:
            loaded = loaded or importlib.import_module(module)
            inner = getattr(getattr(loaded, "__getattr__", None), "__self__", None)
            found = inner if isinstance(inner, _Package) else tuple(getattr(loaded, "__all__", ()))
        _declared[module] = found
    return found


def declared(module: str) -> tuple[str, ...]:
    """The names ``module`` (a full dotted name) exports, in the order it lists them."""
    found = _listing(module)
    return tuple(found.names()) if isinstance(found, _Package) else found


def _offers(module: str, name: str) -> bool:
    """Whether ``module`` exports ``name``; a lazy package is asked to find it, which
    reads no more of its modules than it needs."""
    found = _listing(module)
    return found.find(name) is not None if isinstance(found, _Package) else name in found


def _literal_all(module: str) -> tuple[str, ...] | None:
    """The names of ``module``'s ``__all__``, read from its source when it assigns one
    literal list of names at the top level (``__all__ = ["A", "B"]``) and never
    changes it; else ``None``. Plain string work: no pattern to compile."""
    parent, _, stem = module.rpartition(".")
    for folder in getattr(sys.modules.get(parent), "__path__", ()):
        try:
            with open(os.path.join(folder, stem + ".py"), encoding="utf-8") as file:
                source = file.read()
        except OSError:
            continue
        start = source.find("\n__all__") + 1
        target, _, value = source[start:].partition("=")
        value = value.lstrip()
        end = value.find("]" if value[:1] == "[" else ")")
        if (
            not start
            or target.partition(":")[0].strip() != "__all__"
            or value[:1] not in ("[", "(")
            or end < 0
            or source.find("\n__all__", start) >= 0  # changed later (``__all__ += ...``)
        ):
            return None
        items = [
            i.strip()
            for line in value[1:end].splitlines()
            for i in line.partition("#")[0].split(",")
        ]
        names = tuple(i[1:-1] for i in items if i)
        if any(i[:1] not in "\"'" or i[-1:] != i[:1] for i in items if i):
            return None
        return names if all(n.isidentifier() for n in names) else None
    return None


def submodules(package: str, skip: Iterable[str] = ()) -> tuple[str, ...]:
    """The public submodules of ``package`` (not ``_``-named), by name, as ``.name``
    (found by the import system's own finders, so a zipped install works too)."""
    import pkgutil

    path = getattr(sys.modules[package], "__path__", ())
    found = {"." + info.name for info in pkgutil.iter_modules(path)}
    return tuple(sorted(m for m in found - set(skip) if not m.startswith("._")))


def _absolute(module: str, package: str) -> str:
    dots = len(module) - len(module.lstrip("."))
    if not dots:
        return module
    base = package.rsplit(".", dots - 1)[0] if dots > 1 else package
    return f"{base}.{module[dots:]}"


class _Package:
    """What one package offers: names by module, every name of some modules, ``OPERATIONS``."""

    def __init__(
        self,
        package: str,
        exports: Mapping[str, Iterable[str]],
        modules: Sequence[str] | Callable[[], Sequence[str]],
        operations: str | None,
    ) -> None:
        self.package = package
        self.where: dict[str, tuple[str, str]] = {}
        for module, names in exports.items():
            for entry in names:
                source, _, public = entry.partition(" as ")
                self.where[public or source] = (module, source)
        self._modules = modules
        self.operations = operations

    @cached_property
    def modules(self) -> tuple[str, ...]:
        listed = self._modules() if callable(self._modules) else self._modules
        return tuple(_absolute(m, self.package) for m in listed)

    def names(self) -> list[str]:
        """Every name offered: ``OPERATIONS``, the named ones, then each module's."""
        first = ["OPERATIONS"] if self.operations else []
        return [*first, *self.where, *(n for m in self.modules for n in declared(m))]

    def getattr(self, name: str) -> Any:
        found = self.where.get(name)
        if name == "__all__":
            value: Any = self.names()
        elif found is not None:
            module, source = found
            value = getattr(importlib.import_module(module, self.package), source)
        elif name == "OPERATIONS" and self.operations is not None:
            from .registry import collect_operations

            value = collect_operations(self.getattr(self.operations))
        else:
            value = self.from_modules(name)
        setattr(sys.modules[self.package], name, value)
        return value

    def from_modules(self, name: str) -> Any:
        """``name`` from the module whose ``__all__`` has it."""
        module = self.find(name)
        if module is None:
            raise AttributeError(f"module {self.package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module), name)

    def find(self, name: str) -> str | None:
        """The module that exports ``name``, if one does.

        Names are unique across the modules (the tests check), so the modules whose
        name starts with the name's first word (``AsyncTickets``: ``.tickets``;
        ``CaseStatus``: ``.cases``) are read first, then the others in order.
        """
        if name.startswith("__"):  # dunders (``__path__``...) are never re-exported
            return None
        word = name.removeprefix("Async")
        first = (word[:1] + "".join(takewhile(str.islower, word[1:]))).lower() or "."
        for module in sorted(
            self.modules, key=lambda m: not m.rpartition(".")[2].startswith(first)
        ):
            if _offers(module, name):
                return module
        return None

    def dir(self) -> list[str]:
        return sorted({*vars(sys.modules[self.package]), *self.names()})


def lazy_exports(
    package: str,
    exports: Mapping[str, Iterable[str]] | None = None,
    *,
    modules: Sequence[str] = (),
    operations: str | None = None,
) -> Exports:
    """The ``__getattr__`` and ``__dir__`` of ``package``, which offers the names listed
    under each of its submodules (``{".errors": ("CXError", ...)}``, ``"Name as Alias"``
    to offer a name under another), every name in the ``__all__`` of each of
    ``modules`` and, with ``operations`` (the async client's name), ``OPERATIONS``.

    A name is imported from its module when first asked for, then kept in the
    package; ``__all__`` is answered the same way (so ``from package import *``
    works) and, like ``dir()``, imports no module that a source file can answer for.
    """
    offered = _Package(package, exports or {}, modules, operations)
    return offered.getattr, offered.dir


def lazy_modules(package: str, *, skip: Iterable[str] = ()) -> Exports:
    """:func:`lazy_exports` for a package that offers what its public submodules
    (all but ``skip``, such as ``".events"``) list in their ``__all__``."""
    offered = _Package(package, {}, lambda: submodules(package, skip), None)
    return offered.getattr, offered.dir


def vendor_exports(
    package: str, client: str, extra: Mapping[str, Iterable[str]] | None = None
) -> Exports:
    """:func:`lazy_exports` for a vendor package: ``Async<client>`` and ``<client>``,
    ``<client>Dialect``, ``OPERATIONS`` and every name of its ``types``, plus
    ``extra`` names by submodule."""
    exports: dict[str, tuple[str, ...]] = {
        "._async": ("Async" + client,),
        "._sync": (client,),
        "._dialect": (client + "Dialect",),
    }
    for module, names in (extra or {}).items():
        exports[module] = (*exports.get(module, ()), *names)
    return lazy_exports(package, exports, modules=(".types",), operations="Async" + client)


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
