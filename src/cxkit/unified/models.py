"""The common models of :mod:`cxkit.unified`: tickets, contacts, agents, comments, calls."""

from __future__ import annotations

import json
import logging
import threading
from datetime import datetime
from enum import Enum
from typing import Any, Literal, TypeVar

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


class _Spec:
    """What :meth:`UnifiedModel._mapped` needs of a model: its field count, defaults
    (in field order) and the fields made by a factory."""

    __slots__ = ("all_set", "count", "defaults", "factories", "name")

    def __init__(self, cls: type[BaseModel]) -> None:
        fields = cls.model_fields
        self.name = cls.__name__
        self.count = len(fields)
        self.all_set = set(fields)
        self.defaults = {
            name: None if info.default_factory is not None else info.default
            for name, info in fields.items()
        }
        self.factories: tuple[tuple[str, Any], ...] = tuple(
            (name, info.default_factory)
            for name, info in fields.items()
            if info.default_factory is not None
        )

    def complete(self, values: dict[str, Any]) -> dict[str, Any]:
        """``values`` with the defaults of the fields not given (``TypeError`` on unknown
        names)."""
        unknown = values.keys() - self.defaults.keys()
        if unknown:
            raise TypeError(f"{self.name}: unknown fields {sorted(unknown)}")
        data = {**self.defaults, **values}
        for name, factory in self.factories:
            if name not in values:
                data[name] = factory()
        return data


_SPECS: dict[type[Any], _Spec] = {}


class UnifiedModel(BaseModel):
    """Base of the common models: attribute access, plain dicts, JSON-safe output."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    @classmethod
    def _mapped(cls: type[M], values: dict[str, Any]) -> M:
        """An instance from values a mapping function computed, already of their types.

        The mappings run once per record of every page, where validating each value
        again would cost more than the vendor call's own parsing (the benchmark's
        10 % budget); the seed tests re-validate every mapped object instead.
        ``values`` becomes the instance's own dict: pass a fresh one, every field in
        field order (a dict display is built at its final size, where keyword
        arguments grow a dict key by key: a third of the cost). Fields left out take
        their defaults; an unknown name raises ``TypeError``.

        A model given every field shares one fields-set with every other such
        instance of its class: pydantic only ever adds a field's name to it (already
        there) and copies it for ``model_copy``, and one set less per object is a
        tenth of the mapping's cost (allocation and the collector's work on it).
        """
        spec = _SPECS.get(cls)
        if spec is None:
            spec = _SPECS[cls] = _Spec(cls)
        if len(values) == spec.count:
            given = spec.all_set
        else:
            given = set(values)
            values = spec.complete(values)
        # What BaseModel.model_construct sets, without its per-field default lookups.
        obj = _new(cls)
        _set_dict(obj, values)
        _set_fields_set(obj, given)
        _set_extra(obj, None)
        _set_private(obj, None)
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
