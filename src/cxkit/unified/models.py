"""The common models of :mod:`cxkit.unified`: tickets, contacts, agents, comments, calls."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from .._core.models import CXModel
from .._core.secrets import redact_value

__all__ = [
    "Agent",
    "AgentRef",
    "Call",
    "CallDirection",
    "Comment",
    "Contact",
    "ContactRef",
    "Ticket",
    "TicketPriority",
    "TicketStatus",
    "Vendor",
    "VendorRecord",
]

log = logging.getLogger("cxkit.unified")

Vendor = Literal["omnidesk", "thulium", "omnicxm", "omi"]
"""The vendors :mod:`cxkit.unified` speaks to."""


class TicketStatus(str, Enum):
    """The common ticket status (Merge Ticketing's model, plus ``pending`` and ``spam``)."""

    OPEN = "open"
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    ON_HOLD = "on_hold"
    CLOSED = "closed"
    SPAM = "spam"


class TicketPriority(str, Enum):
    """The common ticket priority."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class CallDirection(str, Enum):
    """Which way a call went."""

    INBOUND = "inbound"
    OUTBOUND = "outbound"
    INTERNAL = "internal"


_seen: set[tuple[str, str, str]] = set()
_seen_lock = threading.Lock()


def note_unknown(vendor: str, field: str, value: Any, nearest: str) -> None:
    """Log, once per process and value, a vendor value outside the mapping tables."""
    key = (vendor, field, repr(value))
    with _seen_lock:
        if key in _seen:
            return
        _seen.add(key)
    log.warning(
        "%s: %s %r is not in the unified mapping table; read as %r (the vendor value is kept)",
        vendor,
        field,
        value,
        nearest,
    )


M = TypeVar("M", bound="UnifiedModel")

# The slots BaseModel.model_construct fills, set through their own descriptors (half
# the cost of object.__setattr__, which looks each one up by name first).
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def _key_sharing_dict(values: dict[str, Any]) -> dict[str, Any]:
    """A dict equal to ``values`` that CPython stores as a key-sharing (split) table:
    an instance dict of a class of its own. Its copies share the keys and copy only
    the values, and a store to a key already there stays in place: a third cheaper
    than copying and filling an ordinary dict of a model's size. (Another Python
    gives an ordinary dict; only the speed differs.)"""
    holder = type("_Fields", (), {})()
    for name, value in values.items():
        setattr(holder, name, value)
    shared: dict[str, Any] = holder.__dict__
    return shared


class Builder(Generic[M]):
    """Builds instances of one common model from values a mapping already typed,
    without validating them again (see :meth:`UnifiedModel._mapped`).

    ``fresh()`` is a new dict of every field, in field order, at its default
    (``constants`` given at creation over them; ``None`` for a factory-made field,
    which the mapping must fill); the mapping stores its values into it and hands it
    to ``build``. The instance takes the dict as its own and shares one fields-set
    (every field) with the other instances built whole.
    """

    __slots__ = ("build", "cls", "count", "fresh")

    def __init__(self, cls: type[M], **constants: Any) -> None:
        fields = cls.model_fields
        unknown = constants.keys() - fields.keys()
        if unknown:
            raise TypeError(f"{cls.__name__}: unknown fields {sorted(unknown)}")
        shared = [n for n, i in fields.items() if isinstance(i.default, (list, dict, set))]
        if shared:  # every copy of the template would hold the same one
            raise TypeError(f"{cls.__name__}: give {shared} a default_factory")
        template = _key_sharing_dict(
            {
                name: constants.get(
                    name, None if info.default_factory is not None else info.default
                )
                for name, info in fields.items()
            }
        )
        every = set(fields)
        self.cls, self.count = cls, len(fields)
        self.fresh: Callable[[], dict[str, Any]] = template.copy

        def build(values: dict[str, Any]) -> M:
            # What BaseModel.model_construct sets, without its per-field default lookups.
            obj = _new(cls)
            _set_dict(obj, values)
            _set_fields_set(obj, every)
            _set_extra(obj, None)
            _set_private(obj, None)
            return obj

        self.build: Callable[[dict[str, Any]], M] = build


_BUILDERS: dict[type[Any], Builder[Any]] = {}


def _builder(cls: type[M]) -> Builder[M]:
    builder: Builder[M] | None = _BUILDERS.get(cls)
    if builder is None:
        builder = _BUILDERS[cls] = Builder(cls)
    return builder


class UnifiedModel(BaseModel):
    """Base of the common models: attribute access, plain dicts, JSON-safe output."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    @classmethod
    def _mapped(cls: type[M], values: dict[str, Any]) -> M:
        """An instance from values a mapping function computed, already of their types.

        The mappings run once per record of every page, where validating each value
        again would cost more than the vendor call's own parsing (the benchmark's
        10 % budget); the tests check that every mapped object equals its validated
        twin. Fields left out take their defaults (and are not in the fields-set);
        an unknown name raises ``TypeError``. The hot mappings use a
        :class:`Builder` directly.

        A model given every field shares one fields-set with every other such
        instance of its class: pydantic only ever adds a field's name to it (already
        there) and copies it for ``model_copy``.
        """
        builder = _builder(cls)
        data = builder.fresh()
        data.update(values)
        if len(data) != builder.count:
            unknown = data.keys() - cls.model_fields.keys()
            raise TypeError(f"{cls.__name__}: unknown fields {sorted(unknown)}")
        obj = builder.build(data)
        if len(values) != builder.count:
            for name, info in cls.model_fields.items():
                if name not in values and info.default_factory is not None:
                    data[name] = info.default_factory()  # type: ignore[call-arg]
            _set_fields_set(obj, set(values))
        return obj

    def to_dict(self, *, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        """The model as a plain dict; ``raw`` as the vendor record (its own field names).

        ``mode="json"`` gives JSON-ready values (ISO 8601 datetimes, enum values,
        credential fields masked).
        """
        data = self.model_dump(mode=mode, exclude={"raw"})
        raw = getattr(self, "raw", None)
        if isinstance(raw, CXModel):
            data["raw"] = raw.to_dict(mode=mode)
        elif "raw" in type(self).model_fields:
            data["raw"] = raw
        return redact_value(data) if mode == "json" else data

    def to_json(self, *, indent: int | None = None) -> str:
        """The model as JSON text (see :meth:`to_dict` with ``mode="json"``)."""
        return json.dumps(self.to_dict(mode="json"), ensure_ascii=False, indent=indent)


class ContactRef(UnifiedModel):
    """A pointer to a contact (customer) as a record names it; fields it does not name are None.

    Immutable (a value: the mappings hand the same one to every record that names it).
    """

    model_config = ConfigDict(frozen=True)

    kind: Literal["contact"] = "contact"
    id: str | None = None
    name: str | None = None
    email: str | None = None
    phone: str | None = None


class AgentRef(UnifiedModel):
    """A pointer to an agent (staff member, user) as a record names it; immutable."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["agent"] = "agent"
    id: str | None = None
    name: str | None = None
    email: str | None = None


class VendorRecord(UnifiedModel):
    """Base of the common records: the vendor's id of the record (as text) and the vendor."""

    id: str
    vendor: Vendor


class Ticket(VendorRecord):
    """A ticket (Omnidesk case, Thulium ticket, OmniCXM ticket).

    ``status_raw``/``priority_raw`` are the vendor's own values; ``raw`` is the
    typed vendor record, so every field the common model does not name is kept.
    """

    number: str | None = None
    subject: str | None = None
    description: str | None = None
    status: TicketStatus
    status_raw: str | None = None
    priority: TicketPriority | None = None
    priority_raw: str | None = None
    requester: ContactRef | None = None
    assignee: AgentRef | None = None
    team: str | None = None
    tags: list[str] = Field(default_factory=list)
    channel: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    closed_at: datetime | None = None
    custom_fields: dict[str, Any] = Field(default_factory=dict)
    raw: CXModel


class Contact(VendorRecord):
    """A contact (Omnidesk user, Thulium customer, OmniCXM contact, OMI contact)."""

    name: str | None = None
    emails: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    company: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    raw: CXModel


class Agent(VendorRecord):
    """An agent (Omnidesk staff member, Thulium agent, OmniCXM user, OMI internal phone)."""

    name: str | None = None
    email: str | None = None
    active: bool | None = None
    raw: CXModel


class Comment(VendorRecord):
    """A message on a ticket: ``public`` for the customer to see, else internal."""

    ticket_id: str
    body: str | None = None
    public: bool
    author: ContactRef | AgentRef | None = Field(default=None, discriminator="kind")
    created_at: datetime | None = None
    raw: CXModel


class Call(VendorRecord):
    """A call record (where a vendor documents call records)."""

    direction: CallDirection | None = None
    direction_raw: str | None = None
    from_number: str | None = None
    to_number: str | None = None
    started_at: datetime | None = None
    answered: bool
    duration_s: int | None = None
    agent: AgentRef | None = None
    recording_url: str | None = None
    raw: CXModel
