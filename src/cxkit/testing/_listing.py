"""Answer shaping the fakes share: flags, sorting, windows, views, member lists, batches.

Each helper is vendor-neutral; a fake passes its own wording where one can fail.

```python
from cxkit.testing._listing import members, ordered, view, window

rows = [{"id": 2, "name": "b"}, {"id": 1, "name": None}]
assert [r["id"] for r in ordered(rows, "-id", ("id", "name"))] == [2, 1]
assert window(rows, 1, 10) == [{"id": 1, "name": None}]
assert view(rows[1], ("id", "name", "email")) == {"id": 1, "name": "", "email": ""}
assert members(["a", "b"], ["b", "c"], "add") == ["a", "b", "c"]
```
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ._server import Record, Refused

__all__ = [
    "as_list",
    "changes",
    "comma",
    "counted",
    "forget",
    "members",
    "multi_status",
    "one",
    "ordered",
    "public",
    "truthy",
    "view",
    "window",
]


def truthy(value: Any) -> bool:
    """A flag as vendors send it: ``1``/``true``/``yes``/``on`` (any case) or a true value."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def ordered(
    items: Iterable[Record],
    order: str | None,
    sortable: Iterable[str],
    *,
    refusal: str = "cannot sort by {name}",
) -> list[Record]:
    """``items`` sorted by ``order`` (``"a,-b"``: by ``a``, then ``b`` descending);
    numbers as numbers, text case-insensitively, blanks last. A key outside
    ``sortable`` is a 400 with ``refusal``."""
    keys = [part.strip() for part in (order or "").split(",") if part.strip()]
    allowed = set(sortable)
    for key in keys:
        if key.lstrip("-") not in allowed:
            raise Refused(400, refusal.format(name=key.lstrip("-")))
    out = list(items)
    for key in reversed(keys):
        name = key.lstrip("-")

        def sort_key(record: Record, name: str = name) -> tuple[bool, str]:
            value = record.get(name)
            text = f"{value:020d}" if isinstance(value, int) else str(value or "").lower()
            return (value in (None, ""), text)

        out.sort(key=sort_key, reverse=key.startswith("-"))
    return out


def one(items: Iterable[Record], key: str, value: Any, *, fold: bool = False) -> Record | None:
    """The first record of ``items`` whose ``key`` is ``value`` (compared as text, with
    ``fold`` ignoring case), or ``None``."""

    def text(v: Any) -> str:
        return str(v).lower() if fold else str(v)

    return next((r for r in items if text(r.get(key)) == text(value)), None)


def as_list(value: Any) -> list[Any]:
    """A value that may be one item, a list, or a numbered object (``{"0": a}``) as a list."""
    if value is None:
        return []
    if isinstance(value, Mapping):
        return list(value.values())
    return list(value) if isinstance(value, (list, tuple)) else [value]


def comma(value: Any) -> list[str]:
    """A comma-separated text (or a list) as a list of trimmed, non-empty items."""
    items = value.split(",") if isinstance(value, str) else [str(v) for v in as_list(value)]
    return [item.strip() for item in items if item.strip()]


def counted(
    items: Iterable[Record], asked: Callable[[str], Any], **counts: Callable[[Record], int]
) -> list[Record]:
    """Copies of ``items`` with each of ``counts`` that ``asked(name)`` flags as true
    (e.g. ``request.arg``: ``amount_of_cases=true``)."""
    wanted = {name: count for name, count in counts.items() if truthy(asked(name))}
    return [{**r, **{name: count(r) for name, count in wanted.items()}} for r in items]


def forget(records: Iterable[Record], name: str, value: Any, *, blank: Any = None) -> None:
    """Take ``value`` out of the field ``name`` of each of ``records``: out of a list
    field, else the field set to ``blank`` where it is ``value``."""
    for record in records:
        have = record.get(name)
        if isinstance(have, list) and value in have:
            have.remove(value)
        elif have == value:
            record[name] = blank


def window(items: list[Any], offset: int, limit: int) -> list[Any]:
    """``limit`` items from ``offset`` (a page: ``window(items, (page - 1) * size, size)``)."""
    return items[max(0, offset) : max(0, offset) + max(0, limit)]


def view(record: Mapping[str, Any], keys: Iterable[str], *, unset: Any = "") -> Record:
    """A copy of ``record``'s ``keys``, in that order, an absent or ``None`` value as ``unset``."""
    out = {}
    for key in keys:
        value = record.get(key)
        out[key] = unset if value is None else copy.deepcopy(value)
    return out


def public(record: Mapping[str, Any]) -> Record:
    """A copy of ``record`` without its private (``_``-prefixed) bookkeeping fields."""
    return {k: copy.deepcopy(v) for k, v in record.items() if not k.startswith("_")}


def members(have: list[Any], given: Iterable[Any], how: str) -> list[Any]:
    """A member list after ``how`` (``add``: appended if new; ``remove``; ``set``:
    ``given`` alone, each once)."""
    given = list(given)
    if how == "add":
        return have + [g for g in dict.fromkeys(given) if g not in have]
    if how == "remove":
        return [h for h in have if h not in given]
    if how == "set":
        return list(dict.fromkeys(given))
    raise ValueError(f"unknown member change {how!r}")


def changes(
    seen: dict[Any, Record],
    records: Mapping[Any, Record],
    fields: Mapping[str, str],
    show: Callable[[Any], Any] = str,
) -> list[tuple[Any, str, Any, Any]]:
    """What changed in ``records`` since ``seen`` (their last state, kept up to date
    here; records gone are forgotten): ``(key, name, old, new)`` for each of
    ``fields`` (record field -> name) whose value, as ``show`` gives it, changed.
    A record not seen before has no changes."""
    for gone in [key for key in seen if key not in records]:
        del seen[gone]
    found = []
    for key, record in records.items():
        state = {name: show(record.get(field)) for field, name in fields.items()}
        before, seen[key] = seen.get(key), state
        if before is not None:
            found += [(key, n, before[n], v) for n, v in state.items() if before[n] != v]
    return found


def multi_status(
    results: Mapping[str, Any], status: int, shown: Callable[[Any], Record] = lambda r: {}
) -> dict[str, Record]:
    """Per-item results of a batch (from :meth:`FakeServer.batch`): under each key,
    ``{"http_status": status}`` and what ``shown`` gives of the item's record, or
    the :class:`Refused` status and ``message``."""
    out: dict[str, Record] = {}
    for key, result in results.items():
        if isinstance(result, Refused):
            out[key] = {"http_status": result.status, "message": " ".join(result.messages)}
        else:
            out[key] = {"http_status": status, **shown(result)}
    return out
