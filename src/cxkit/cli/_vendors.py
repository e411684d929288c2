"""The vendors the command line knows, found from their packages (imported lazily)."""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import textwrap
from dataclasses import dataclass
from typing import Any

from .._core import APIClient, Operation
from ..testing import FakeServer

__all__ = ["VENDORS", "Vendor", "vendor"]

VENDORS = ("omnidesk", "thulium", "omnicxm", "omi")
"""Every vendor package, by its command name."""


@dataclass(frozen=True)
class Vendor:
    """One vendor as the command line sees it: its sync client, operations, fake and
    the environment variables its client reads."""

    name: str
    client_class: type[APIClient]
    operations: tuple[Operation, ...]
    fake_class: type[FakeServer]
    env: tuple[str, ...]

    @property
    def summary(self) -> str:
        """The first line of the vendor package's docstring."""
        module = importlib.import_module(f"cxkit.{self.name}")
        return (module.__doc__ or self.name).strip().splitlines()[0]


def _only(module: Any, base: type, what: str) -> Any:
    found = [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, base) and value is not base
    ]
    if len(found) != 1:
        raise LookupError(f"{module.__name__}: expected one {what}, found {len(found)}")
    return found[0]


def env_variables(client_class: type) -> tuple[str, ...]:
    """The environment variables the client's constructor reads, in the order it names
    them: each ``setting()``'s second argument, and the keyword arguments whose name ends
    in ``env`` (``account_base_url(..., env="OMNIDESK_DOMAIN", ...)``)."""
    source = textwrap.dedent(inspect.getsource(vars(client_class)["__init__"]))
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        named = [kw.value for kw in node.keywords if kw.arg and kw.arg.endswith("env")]
        if node.func.id == "setting" and len(node.args) >= 2:
            named.append(node.args[1])
        names += [
            n.value for n in named if isinstance(n, ast.Constant) and isinstance(n.value, str)
        ]
    return tuple(sorted(set(names), key=lambda n: source.find(f'"{n}"')))


@functools.cache
def vendor(name: str) -> Vendor:
    """The vendor called ``name`` (its package imported on first use)."""
    if name not in VENDORS:
        raise LookupError(f"unknown vendor {name!r}; one of {', '.join(VENDORS)}")
    package = importlib.import_module(f"cxkit.{name}")
    fakes = importlib.import_module(f"cxkit.testing.{name}")
    client_class = _only(package, APIClient, "sync client")
    fake_class = _only(fakes, FakeServer, "fake")
    return Vendor(
        name=name,
        client_class=client_class,
        operations=tuple(package.OPERATIONS),
        fake_class=fake_class,
        env=env_variables(client_class),
    )
