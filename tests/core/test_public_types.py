"""No public method returns ``Any``, and every endpoint method takes the per-call options."""

from __future__ import annotations

import inspect
import typing
from typing import Any

import pytest

from cxkit import _vendors

NAMES = [v.name for v in _vendors.vendors()]


def methods(vendor: str) -> list[tuple[str, Any]]:
    entry = _vendors.get(vendor)
    out = []
    for prefix, client in zip(("", "Async"), entry.client_classes(), strict=True):
        for op in entry.module().OPERATIONS:
            target: Any = client
            for part in op.name.split("."):
                attr = getattr(target, part)
                hints = typing.get_type_hints(attr.func) if hasattr(attr, "func") else None
                target = hints["return"] if hints is not None else attr
            out.append((f"{prefix}{op.name}", target))
    return out


@pytest.mark.parametrize("vendor", NAMES)
def test_no_endpoint_method_returns_any(vendor: str) -> None:
    for name, method in methods(vendor):
        # Annotations stay strings (Unpack is imported for type checking only).
        returned = inspect.signature(inspect.unwrap(method)).return_annotation
        assert returned not in (Any, "Any", inspect.Signature.empty), f"{vendor} {name}"


@pytest.mark.parametrize("vendor", NAMES)
def test_every_endpoint_method_takes_the_per_call_options(vendor: str) -> None:
    for name, method in methods(vendor):
        params = inspect.signature(method).parameters
        options = params.get("options")
        assert options is not None and options.kind is options.VAR_KEYWORD, name
        source = inspect.getsource(inspect.unwrap(method))
        body = source.split('"""', 2)[-1]  # after the docstring
        assert "options" in body, f"{vendor} {name} does not pass its options on"
