"""Generic pieces for declared resources, beyond ``_server``: records nested in a
parent record (looked up through the parent's resource), and the filter trees and
sort lists a search operation takes in its body.

Kept apart from ``_server`` and ``_rules`` (maintained with the rest of the shared
fake machinery) until they take them.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from typing import Any

from ._server import FakeRequest, FakeServer, Record, Refused, Resource, dig

__all__ = ["children", "dig", "matches", "sort_by"]


def children(
    parent: Resource, attr: str, param: str = "id"
) -> Callable[[FakeServer, FakeRequest | None], list[Record]]:
    """A ``Resource.store`` for records kept per parent: ``getattr(fake, attr)`` maps the
    id of the parent record (found through ``parent`` from the path parameter ``param``,
    a 404 when there is none) to its list of records."""

    def store(fake: FakeServer, request: FakeRequest | None) -> list[Record]:
        assert request is not None, "nested records need the request naming their parent"
        found = dig(fake.find(parent, request.path_params[param], request), parent.key)
        records: list[Record] = getattr(fake, attr).setdefault(found, [])
        return records

    return store


# -- filter trees -------------------------------------------------------------------

_COMPARE = {"eq": "eq", "neq": "ne", "gt": "gt", "gte": "ge", "lt": "lt", "lte": "le"}
_DECIMAL = re.compile(r"-?\d+(\.\d+)?")


def _numeric(value: Any) -> Any:
    return float(value) if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()) else value


def _compare(have: Any, op: str, want: Any) -> bool:
    if op == "in":
        return isinstance(want, list) and any(_compare(have, "eq", w) for w in want)
    if op == "contains":
        values = have if isinstance(have, list) else [have]
        return any(str(want).lower() in str(v).lower() for v in values if v is not None)
    if isinstance(have, list):
        return any(_compare(v, op, want) for v in have)
    if op not in _COMPARE:
        raise Refused(400, f"Unsupported filter operator: {op}")
    a, b = _numeric(have), _numeric(want)
    if op not in ("eq", "neq") and (a is None or b is None):
        return False
    try:
        return bool(getattr(operator, _COMPARE[op])(a, b))
    except TypeError:
        return False


def matches(record: Record, tree: Any) -> bool:
    """Whether ``record`` passes a filter tree, the shape data-grid APIs (Kendo UI's
    ``DataSource``) send: ``{"logic": "and"|"or", "filters": [...]}`` over leaves
    ``{"field": "a.b", "operator": ..., "value": ...}``; operators ``eq neq gt gte lt
    lte`` (numbers in text compared as numbers), ``in`` and ``contains`` (any item of
    a list field). No tree passes everything; a malformed one is a 400."""
    if tree is None or tree == {}:
        return True
    if not isinstance(tree, dict):
        raise Refused(400, "filter must be an object")
    if "filters" in tree:
        logic = tree.get("logic", "and")
        if logic not in ("and", "or"):
            raise Refused(400, f"Unsupported filter logic: {logic}")
        results = [matches(record, f) for f in tree.get("filters") or []]
        return all(results) if logic == "and" else any(results)
    if not isinstance(tree.get("field"), str):
        raise Refused(400, "filter field is required")
    return _compare(dig(record, tree["field"]), str(tree.get("operator", "eq")), tree.get("value"))


def sort_by(records: list[Record], sort: Any) -> list[Record]:
    """``records`` in the order of ``{"field": "a.b", "dir": "asc"|"desc"}`` items (one,
    or a list: first item first); records without the field last, in their order."""
    out = list(records)
    for item in reversed(sort if isinstance(sort, list) else [] if sort is None else [sort]):
        if not isinstance(item, dict) or not isinstance(item.get("field"), str):
            raise Refused(400, "sort items are {field, dir}")
        field, desc = item["field"], item.get("dir", "asc") == "desc"
        present = [r for r in out if dig(r, field) is not None]
        present.sort(key=lambda r: _numeric(dig(r, field)), reverse=desc)
        out = present + [r for r in out if dig(r, field) is None]
    return out
