"""Filters and sorting for OmniCXM's ``read`` endpoints.

```python
from datetime import datetime, timezone
from cxkit.omnicxm.query import F

since = datetime(2022, 4, 1, tzinfo=timezone.utc)
tickets.read(where=(F("last_modified.time") >= since) & (F("basicinfo.status") == "New"),
             sort=("created.time", "desc"))
```

``F(field)`` compared with a value gives a :class:`Condition` (``{"field",
"operator", "value"}`` on the wire); ``&`` and ``|`` combine conditions into a
:class:`Filter` (``{"logic": "and"|"or", "filters": [...]}``), nested as deep
as needed. The docs show the operators ``gte`` and ``lte`` and the logic
``and``; ``eq``, ``neq``, ``gt``, ``lt``, ``in`` and ``contains`` follow the same
(Kendo UI) filter format, and any other operator passes through with
:meth:`F.op`. Datetimes are sent as epoch seconds (naive ones are refused; a
``date`` is its midnight in the client's time zone).

Sorting takes ``("field", "asc"|"desc")``, ``"field"`` (ascending), ``"-field"``
(descending), :class:`Sort`, ``F(field).desc()``, or a list of these.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from typing import Any, Literal

__all__ = [
    "Condition",
    "Direction",
    "F",
    "Filter",
    "Logic",
    "Operator",
    "Sort",
    "SortInput",
    "Where",
    "build_filter",
    "build_sort",
    "wire_value",
]

Operator = Literal["eq", "neq", "gt", "gte", "lt", "lte", "in", "contains"]
"""The operators the builder names; :meth:`F.op` sends any other one as given."""

Logic = Literal["and", "or"]
"""How a filter combines its conditions."""

Direction = Literal["asc", "desc"]
"""A sort direction."""


def wire_value(value: Any, tz: tzinfo | None = None) -> Any:
    """A filter value as the API takes it: datetimes as epoch seconds, lists item by item.

    A naive datetime raises ``ValueError``; a ``date`` is its midnight in ``tz``
    (required then).
    """
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("filters take aware datetimes (with a time zone)")
        return int(value.timestamp())
    if isinstance(value, date):
        if tz is None:
            raise ValueError("a date filter needs a time zone; pass an aware datetime")
        return int(datetime.combine(value, time(), tzinfo=tz).timestamp())
    if isinstance(value, (list, tuple, set, frozenset)):
        return [wire_value(v, tz) for v in value]
    return value


class _Combinable:
    """``&`` and ``|`` for conditions and filters."""

    def __and__(self, other: Where) -> Filter:
        return _combine("and", self, other)

    def __or__(self, other: Where) -> Filter:
        return _combine("or", self, other)

    def __bool__(self) -> bool:
        raise TypeError(
            "a filter has no truth value: combine conditions with & and | "
            "(not 'and'/'or'), and write ranges as F(x).between(a, b)"
        )


@dataclass(frozen=True, eq=False)
class Condition(_Combinable):
    """``field operator value``; build it with :class:`F`."""

    field: str
    operator: str
    value: Any = None

    def __post_init__(self) -> None:
        if not isinstance(self.field, str) or not self.field.strip():
            raise ValueError("a filter field must be a non-empty string")
        if not isinstance(self.operator, str) or not self.operator.strip():
            raise ValueError("a filter operator must be a non-empty string")

    def __repr__(self) -> str:
        return f"Condition({self.field!r} {self.operator} {self.value!r})"

    def to_wire(self, tz: tzinfo | None = None) -> dict[str, Any]:
        """``{"field", "operator", "value"}``."""
        return {"field": self.field, "operator": self.operator, "value": wire_value(self.value, tz)}


@dataclass(frozen=True, eq=False)
class Filter(_Combinable):
    """Conditions (or filters) joined by ``logic``."""

    logic: Logic
    filters: tuple[Condition | Filter, ...]

    def __post_init__(self) -> None:
        if self.logic not in ("and", "or"):
            raise ValueError(f"filter logic must be 'and' or 'or', got {self.logic!r}")
        if not self.filters:
            raise ValueError("a filter needs at least one condition")
        for item in self.filters:
            if not isinstance(item, (Condition, Filter)):
                raise TypeError(
                    f"filters hold Condition or Filter items, got {type(item).__name__}"
                )

    def __repr__(self) -> str:
        return f"Filter({self.logic}, {list(self.filters)!r})"

    def to_wire(self, tz: tzinfo | None = None) -> dict[str, Any]:
        """``{"logic", "filters": [...]}``."""
        return {"logic": self.logic, "filters": [f.to_wire(tz) for f in self.filters]}


Where = Condition | Filter
"""What ``where=`` takes (or a raw ``{"logic", "filters"}`` mapping, sent as is)."""


def _combine(logic: Logic, left: Any, right: Any) -> Filter:
    if not isinstance(right, (Condition, Filter)):
        return NotImplemented  # type: ignore[no-any-return]
    items: list[Condition | Filter] = []
    for side in (left, right):
        if isinstance(side, Filter) and side.logic == logic:
            items.extend(side.filters)
        else:
            items.append(side)
    return Filter(logic, tuple(items))


@dataclass(frozen=True)
class Sort:
    """Sort by ``field`` (dotted, e.g. ``created.time``) in direction ``dir``."""

    field: str
    dir: Direction = "asc"

    def __post_init__(self) -> None:
        if not isinstance(self.field, str) or not self.field.strip():
            raise ValueError("a sort field must be a non-empty string")
        if self.dir not in ("asc", "desc"):
            raise ValueError(f"sort direction must be 'asc' or 'desc', got {self.dir!r}")

    def to_wire(self) -> dict[str, str]:
        """``{"field", "dir"}``."""
        return {"field": self.field, "dir": self.dir}


class F:
    """A field to filter or sort on: ``F("last_modified.time") >= since``."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        if not isinstance(name, str) or not name.strip():
            raise ValueError("F() takes a non-empty field name")
        self.name = name

    def __repr__(self) -> str:
        return f"F({self.name!r})"

    __hash__ = None  # type: ignore[assignment]

    def __eq__(self, value: object) -> Condition:  # type: ignore[override]
        return Condition(self.name, "eq", value)

    def __ne__(self, value: object) -> Condition:  # type: ignore[override]
        return Condition(self.name, "neq", value)

    def __gt__(self, value: Any) -> Condition:
        return Condition(self.name, "gt", value)

    def __ge__(self, value: Any) -> Condition:
        return Condition(self.name, "gte", value)

    def __lt__(self, value: Any) -> Condition:
        return Condition(self.name, "lt", value)

    def __le__(self, value: Any) -> Condition:
        return Condition(self.name, "lte", value)

    def in_(self, values: Sequence[Any]) -> Condition:
        """``field in values``."""
        if isinstance(values, (str, bytes)) or not isinstance(values, (Sequence, set, frozenset)):
            raise TypeError("in_() takes a list of values")
        return Condition(self.name, "in", list(values))

    def contains(self, value: Any) -> Condition:
        """``field`` contains ``value`` (text search)."""
        return Condition(self.name, "contains", value)

    def between(self, low: Any, high: Any) -> Filter:
        """``low <= field <= high`` (``gte`` and ``lte``, as the docs' example)."""
        return Filter("and", (Condition(self.name, "gte", low), Condition(self.name, "lte", high)))

    def op(self, operator: str, value: Any) -> Condition:
        """Any operator, sent as given (for operators the docs do not name)."""
        return Condition(self.name, operator, value)

    def asc(self) -> Sort:
        """Ascending sort on this field."""
        return Sort(self.name, "asc")

    def desc(self) -> Sort:
        """Descending sort on this field."""
        return Sort(self.name, "desc")


SortItem = Sort | tuple[str, Direction] | str | Mapping[str, str]
SortInput = SortItem | Sequence[SortItem]
"""What ``sort=`` takes: one item or a list of ``Sort``, ``("field", "desc")``,
``"field"``/``"-field"`` or ``{"field", "dir"}``."""


def build_filter(where: Where | Mapping[str, Any] | None, tz: tzinfo | None = None) -> Any:
    """The wire ``filter``: a lone condition is wrapped in ``{"logic": "and"}``, as the docs'
    example sends it; a mapping is sent as given."""
    if where is None:
        return None
    if isinstance(where, Condition):
        return Filter("and", (where,)).to_wire(tz)
    if isinstance(where, Filter):
        return where.to_wire(tz)
    if isinstance(where, Mapping):
        return {k: wire_value(v, tz) if k == "value" else v for k, v in where.items()}
    raise TypeError(
        f"where must be a condition such as F('field') >= value, a Filter or a mapping, "
        f"got {type(where).__name__}"
    )


def _sort_item(item: Any) -> dict[str, str]:
    if isinstance(item, Sort):
        return item.to_wire()
    if isinstance(item, str):
        name = item.strip()
        if name.startswith("-"):
            return Sort(name[1:], "desc").to_wire()
        return Sort(name.lstrip("+"), "asc").to_wire()
    if isinstance(item, tuple) and len(item) == 2:
        return Sort(item[0], item[1]).to_wire()
    if isinstance(item, Mapping):
        return Sort(item.get("field", ""), item.get("dir", "asc")).to_wire()
    raise TypeError(
        "sort items are Sort, ('field', 'asc'|'desc'), 'field', '-field' or {'field', 'dir'}"
    )


def build_sort(sort: SortInput | None) -> list[dict[str, str]] | None:
    """The wire ``sort``: a list of ``{"field", "dir"}``."""
    if sort is None:
        return None
    if isinstance(sort, (Sort, str, Mapping)) or (
        isinstance(sort, tuple) and len(sort) == 2 and sort[1] in ("asc", "desc")
    ):
        return [_sort_item(sort)]
    if isinstance(sort, Sequence):
        items = [_sort_item(item) for item in sort]
        if not items:
            raise ValueError("sort must not be empty")
        return items
    raise TypeError(f"sort must be a Sort, a tuple, a string or a list, got {type(sort).__name__}")
