"""Run the Python blocks of a Markdown file, in order, against the in-memory fakes.

The blocks are found by ``scripts/check_docs.py`` (the same parser that type-checks
them), so "every block" means the same thing for both checks. The clients a block
constructs (``Omnidesk(...)``, ``AsyncOmi(...)``, ``Thulium(...)``, ``OmniCXM(...)``...)
are swapped for clients of one fake per vendor of the registry (``cxkit._vendors``):
the docs' placeholder credentials and hosts are dropped, every other option is kept.
"""

from __future__ import annotations

import ast
import asyncio
import importlib.util
import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from cxkit import _vendors
from cxkit.testing import FakeClock
from cxkit.testing._options import FakeClientOptions

ROOT = Path(__file__).resolve().parents[2]


def _load_check_docs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_docs", ROOT / "scripts" / "check_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_docs", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


check_docs = _load_check_docs()

# What a fake's client() takes besides the fake's own credentials and transport.
_COMMON = frozenset(FakeClientOptions.__annotations__)


class Fakes:
    """The fake behind each vendor's clients while a doc runs, by vendor name
    (``fakes.omi``, ``fakes["omi"]``)."""

    def __init__(self, fakes: dict[str, Any]) -> None:
        self._fakes = fakes

    def __getattr__(self, name: str) -> Any:
        try:
            return self._fakes[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return self._fakes[name]


def patch_clients(monkeypatch: pytest.MonkeyPatch) -> Fakes:
    """Make ``<vendor package>.<Client>(...)`` return clients served by fakes."""
    fakes: dict[str, Any] = {}
    for vendor in _vendors.vendors():
        fake = vendor.fake_class()(**vendor.fake_options, clock=FakeClock())
        fakes[vendor.name] = fake
        keep = _COMMON | vendor.fake_client_options
        module = vendor.module()
        monkeypatch.setattr(module, vendor.client, _factory(fake.client, keep))
        monkeypatch.setattr(module, vendor.async_client, _factory(fake.async_client, keep))
    return Fakes(fakes)


def _factory(make: Callable[..., Any], keep: frozenset[str]) -> Callable[..., Any]:
    def client(*args: Any, **kwargs: Any) -> Any:
        return make(**{k: v for k, v in kwargs.items() if k in keep})

    return client


def blocks(doc: str) -> list[Any]:
    """Every Python block of ``doc`` (a path relative to the repository root)."""
    result: list[Any] = check_docs.extract_blocks(ROOT / doc, ROOT)
    return result


def run_doc(doc: str, namespace: dict[str, Any] | None = None) -> dict[str, Any]:
    """Execute the blocks of ``doc`` not marked ``no-test``, in order, in one namespace.

    A block that awaits at the top level runs in its own event loop. The namespace is
    a module's, registered while the blocks run (a dataclass looks its module up).
    """
    name = "doc_" + Path(doc).stem.replace("-", "_")
    module = ModuleType(str((namespace or {}).get("__name__", name)))
    module.__dict__.update(namespace or {})
    before = sys.modules.get(module.__name__)
    sys.modules[module.__name__] = module
    try:
        _run_blocks(doc, module.__dict__)
    finally:
        if before is None:
            del sys.modules[module.__name__]
        else:
            sys.modules[module.__name__] = before
    if namespace is None:
        return module.__dict__
    namespace.update(module.__dict__)
    return namespace


def _run_blocks(doc: str, namespace: dict[str, Any]) -> None:
    for block in blocks(doc):
        if not block.tested:
            continue
        code = compile(block.code, block.where, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        try:
            if code.co_flags & inspect.CO_COROUTINE:
                asyncio.run(eval(code, namespace))
            else:
                exec(code, namespace)
        except Exception as exc:  # pragma: no cover - the message names the block
            pytest.fail(f"{block.where} failed: {exc!r}\n{block.code}")
