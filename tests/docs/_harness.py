"""Run the Python blocks of a Markdown file, in order, exactly as printed.

The blocks are found by ``scripts/check_docs.py`` (the same parser that type-checks
them), so "every block" means the same thing for both checks. Nothing is swapped or
patched: each guide points its clients at an in-memory fake itself
(``transport=fake.transport()`` or ``fake.client()``), as a reader would.
"""

from __future__ import annotations

import ast
import asyncio
import importlib.util
import inspect
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_check_docs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_docs", ROOT / "scripts" / "check_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_docs", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


check_docs = _load_check_docs()


def blocks(doc: str) -> list[Any]:
    """Every Python block of ``doc`` (a path relative to the repository root)."""
    result: list[Any] = check_docs.extract_blocks(ROOT / doc, ROOT)
    return result


def run_doc(
    doc: str, namespace: dict[str, Any] | None = None, *, numbers: range | None = None
) -> dict[str, Any]:
    """Execute the blocks of ``doc`` not marked ``no-test``, in order, in one namespace
    (only the blocks whose 1-based number is in ``numbers``, when given).

    A block that awaits at the top level runs in its own event loop. The namespace is
    a module's, registered while the blocks run (a dataclass looks its module up).
    """
    name = "doc_" + Path(doc).stem.replace("-", "_")
    module = ModuleType(str((namespace or {}).get("__name__", name)))
    module.__dict__.update(namespace or {})
    before = sys.modules.get(module.__name__)
    sys.modules[module.__name__] = module
    try:
        _run_blocks(doc, module.__dict__, numbers)
    finally:
        if before is None:
            del sys.modules[module.__name__]
        else:
            sys.modules[module.__name__] = before
    if namespace is None:
        return module.__dict__
    namespace.update(module.__dict__)
    return namespace


def _run_blocks(doc: str, namespace: dict[str, Any], numbers: range | None) -> None:
    for block in blocks(doc):
        if not block.tested or (numbers is not None and block.number not in numbers):
            continue
        code = compile(block.code, block.where, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        try:
            if code.co_flags & inspect.CO_COROUTINE:
                asyncio.run(eval(code, namespace))
            else:
                exec(code, namespace)
        except Exception as exc:  # pragma: no cover - the message names the block
            pytest.fail(f"{block.where} failed: {exc!r}\n{block.code}")


def forbid_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any request that would leave the machine fail loudly: a block that forgot
    to point its client at a fake shows up as a failure, not as a slow network call."""

    def refuse(self: Any, request: Any) -> Any:
        raise AssertionError(f"a doc example went to the network: {request.method} {request.url}")

    async def refuse_async(self: Any, request: Any) -> Any:
        refuse(self, request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", refuse)
    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", refuse_async)
