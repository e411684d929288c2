"""One vocabulary across vendors: list, get, create, update, delete, find.

A vendor's own verb is allowed only for an action that is none of these, and only
when its registry entry lists it (``verbs`` in ``cxkit._vendors``): adding one is a
conscious choice.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest

import cxkit
from cxkit import _vendors

CRUD = {"list", "get", "create", "update", "delete", "find"}


NOT_VENDORS = frozenset({"testing", "unified", "cli"})
"""Packages of cxkit that are no vendor (the unified layer and the command line)."""


def vendors() -> list[tuple[str, Any]]:
    """``(name, OPERATIONS)`` of every registered vendor."""
    return [(v.name, v.module().OPERATIONS) for v in _vendors.vendors()]


def test_every_vendor_package_is_registered() -> None:
    shipped = set()
    for info in pkgutil.iter_modules(cxkit.__path__):
        if info.name.startswith("_") or not info.ispkg or info.name in NOT_VENDORS:
            continue
        if hasattr(importlib.import_module(f"cxkit.{info.name}"), "OPERATIONS"):
            shipped.add(f"cxkit.{info.name}")
    registered = {v.package for v in _vendors.vendors()}
    assert {"cxkit.omnidesk", "cxkit.omi", "cxkit.omnicxm", "cxkit.thulium"} <= shipped
    assert shipped <= registered, f"add {shipped - registered} to cxkit._vendors.VENDORS"


@pytest.mark.parametrize(("vendor", "operations"), vendors(), ids=[v for v, _ in vendors()])
def test_operations_use_the_vocabulary(vendor: str, operations: Any) -> None:
    verbs = _vendors.get(vendor).verbs
    allowed = CRUD | verbs
    odd = sorted(op.name for op in operations if op.name.rsplit(".", 1)[-1] not in allowed)
    assert odd == [], f"{vendor}: use list/get/create/update/delete/find, or list a vendor verb"
    unused = verbs - {op.name.rsplit(".", 1)[-1] for op in operations}
    assert unused == set(), f"{vendor}: vendor verbs no longer used: {unused}"
