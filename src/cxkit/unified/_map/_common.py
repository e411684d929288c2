"""What every vendor mapping shares: reading a value through a table, ids, text lists."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, TypeVar

from ..._core.errors import ResponseValidationError
from ..models import AgentRef, Builder, CallDirection, ContactRef, note_unknown

E = TypeVar("E", bound=Enum)

CALL_DIRECTION: dict[str, CallDirection] = {
    "outbound": CallDirection.OUTBOUND,
    "inbound": CallDirection.INBOUND,
    "internal": CallDirection.INTERNAL,
    "local": CallDirection.INTERNAL,
}
"""A call record's direction word (without case) -> common direction: the word OMI's
``direction`` and OmniCXM's ``in_out`` share."""

NOT_IN_SEED = "not in the seed: the same vocabulary's word"


def traced(table: Mapping[str, Any], seen: Mapping[str, str]) -> dict[str, str]:
    """Each vendor value of ``table`` with where the seed shows it (``seen``), else
    :data:`NOT_IN_SEED`."""
    return {value: seen.get(value, NOT_IN_SEED) for value in table}


_MEMO_SIZE = 256
"""How many distinct vendor values a :class:`Reader` remembers (a bound, for odd data)."""


def read_value(
    vendor: str, field: str, value: Any, table: Mapping[str, E], nearest: E
) -> tuple[E, str | None]:
    """The common value of a vendor ``value`` (matched without case) and the value as text.

    A value outside ``table`` reads as ``nearest``, is logged once, and is kept.
    """
    if value is None or value == "":
        return nearest, None
    text = str(value)
    found = table.get(text.strip().lower())
    if found is None:
        note_unknown(vendor, field, text, nearest.value)
        return nearest, text
    return found, text


def read_optional(
    vendor: str, field: str, value: Any, table: Mapping[str, E], nearest: E
) -> tuple[E | None, str | None]:
    """Like :func:`read_value`, but an absent value stays ``None``."""
    if value is None or value == "":
        return None, None
    return read_value(vendor, field, value, table, nearest)


class Reader(dict[Any, tuple[E | None, str | None]]):
    """A table read as ``reader[value]`` -> (common value, the value as text), as
    :func:`read_value` (or, ``optional``, :func:`read_optional`) reads it.

    A page repeats a handful of statuses: each distinct value is matched (and an odd
    one logged) once, then answered by the dict itself.
    """

    __slots__ = ("field", "nearest", "optional", "table", "vendor")

    def __init__(
        self,
        vendor: str,
        field: str,
        table: Mapping[str, E],
        nearest: E,
        *,
        optional: bool = False,
    ) -> None:
        super().__init__()
        self.vendor, self.field, self.table, self.nearest = vendor, field, table, nearest
        self.optional = optional

    def __missing__(self, value: Any) -> tuple[E | None, str | None]:
        read = read_optional if self.optional else read_value
        answer: tuple[E | None, str | None] = read(
            self.vendor, self.field, value, self.table, self.nearest
        )
        if len(self) < _MEMO_SIZE:
            self[value] = answer
        return answer


def direction_reader(vendor: str, field: str) -> Reader[CallDirection]:
    """A :class:`Reader` of a vendor's call direction word (:data:`CALL_DIRECTION`; an
    odd word reads as inbound, an absent one stays ``None``)."""
    return Reader(vendor, field, CALL_DIRECTION, CallDirection.INBOUND, optional=True)


_REFS_SIZE = 4096
"""How many distinct refs a :class:`RefCache` keeps (then starts over), unless told."""

K = TypeVar("K")
R = TypeVar("R")


class RefCache(dict[K, R]):
    """Refs (or other immutable values) by a vendor's own key, as a record names them
    (an integer id, a tuple of its fields): ``cache[key]`` is made by ``make(key)``
    the first time, then shared.

    Keyed by what the vendor sends, a hit costs one dict lookup: no text id made, no
    key tuple built. Bounded by ``size``: full, it starts over.
    """

    __slots__ = ("make", "size")

    def __init__(self, make: Callable[[K], R], *, size: int = _REFS_SIZE) -> None:
        super().__init__()
        self.make, self.size = make, size

    def __missing__(self, key: K) -> R:
        if len(self) >= self.size:
            self.clear()
        ref = self[key] = self.make(key)
        return ref


_CONTACT_REF = Builder(ContactRef, kind="contact")
_AGENT_REF = Builder(AgentRef, kind="agent")


def new_contact_ref(
    id: str | None, name: str | None = None, email: str | None = None, phone: str | None = None
) -> ContactRef:
    """A new :class:`ContactRef` of these mapped values (see :func:`contact_ref`)."""
    data = _CONTACT_REF.fresh()
    data["id"], data["name"], data["email"], data["phone"] = id, name, email, phone
    return _CONTACT_REF.build(data)


def new_agent_ref(id: str | None, name: str | None = None, email: str | None = None) -> AgentRef:
    """A new :class:`AgentRef` of these mapped values (see :func:`agent_ref`)."""
    data = _AGENT_REF.fresh()
    data["id"], data["name"], data["email"] = id, name, email
    return _AGENT_REF.build(data)


_contact_refs: RefCache[tuple[str | None, ...], ContactRef] = RefCache(
    lambda key: new_contact_ref(*key)
)
_agent_refs: RefCache[tuple[str | None, ...], AgentRef] = RefCache(lambda key: new_agent_ref(*key))


def contact_ref(
    id: str | None, name: str | None = None, email: str | None = None, phone: str | None = None
) -> ContactRef:
    """The :class:`ContactRef` of these mapped values: refs are immutable, so a page's
    tickets that name the same contact share one (an object less per ticket)."""
    return _contact_refs[(id, name, email, phone)]


def agent_ref(id: str | None, name: str | None = None, email: str | None = None) -> AgentRef:
    """The :class:`AgentRef` of these mapped values (shared, as :func:`contact_ref`)."""
    return _agent_refs[(id, name, email)]


def text_id(value: Any) -> str | None:
    """A vendor id as text (``None`` and empty values stay ``None``)."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    return str(value)


def int_id(value: str | int, what: str) -> int:
    """A unified id (text) as the positive integer a vendor wants; ``ValueError`` if it is not."""
    if isinstance(value, bool):
        raise TypeError(f"{what} must be text or an integer, not a bool")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
        number = int(value.strip())
    else:
        raise ValueError(f"{what} must be a positive integer id, got {value!r}")
    if number <= 0:
        raise ValueError(f"{what} must be a positive integer id, got {value!r}")
    return number


def str_id(value: str | int, what: str) -> str:
    """A unified id as the non-empty text a vendor wants; ``ValueError`` if it is empty."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"{what} must be text")
    text = str(value).strip()
    if not text:
        raise ValueError(f"{what} must not be empty")
    return text


def texts(values: Any) -> list[str]:
    """Non-empty values of a vendor list (or one value) as text, in order, without repeats."""
    if type(values) is not list:
        if values is None or values == "":
            return []
        values = [values] if isinstance(values, (str, int)) else list(values)
    out: list[str] = []
    for item in values:
        if item is None or item == "":
            continue
        text = item if type(item) is str else str(item)
        if text not in out:
            out.append(text)
    return out


_TAG_TEXTS: RefCache[tuple[Any, ...], tuple[str, ...]] = RefCache(
    lambda key: tuple(texts(list(key))), size=_MEMO_SIZE
)
"""A vendor's tag lists (as tuples) -> their :func:`texts`: an account has a handful
of tags, so a page repeats a handful of lists."""


def tag_texts(values: list[str] | list[int] | None) -> list[str]:
    """:func:`texts` of a vendor's tag or label list (a new list), remembered by value.

    Only for a list typed ``list[str]`` or ``list[int]``: equal keys must read alike
    (``(1,)`` and ``(True,)`` are one key).
    """
    return list(_TAG_TEXTS[tuple(values)]) if values else []


def invert(table: Mapping[str, E]) -> dict[E, str]:
    """The first vendor value of each common value (for writes)."""
    out: dict[E, str] = {}
    for vendor_value, common in table.items():
        out.setdefault(common, vendor_value)
    return out


def blank(value: Any) -> str | None:
    """Text, with the empty string some vendors send for "no value" read as ``None``."""
    if value is None:
        return None
    text = value if type(value) is str else str(value)
    return text if text and not text.isspace() else None


def created_id(vendor: str, value: Any, *names: str) -> str:
    """The new record's id from what a vendor's create call returns: the id itself (text
    or number), or a model or mapping carrying it under one of ``names`` or ``id``.

    An answer without one is a :class:`cxkit.ResponseValidationError` (the record may
    have been made: a create is never sent again)."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return str(value)
    for name in (*names, "id"):
        found = value.get(name) if isinstance(value, Mapping) else getattr(value, name, None)
        if found is not None and found != "":
            return str(found)
    raise ResponseValidationError(
        f"the create answer carries no id ({type(value).__name__})", vendor=vendor, body=value
    )
