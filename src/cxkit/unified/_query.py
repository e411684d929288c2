"""Checked inputs of the unified operations, shared by the sync and async layers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from .models import Contact, Ticket, TicketPriority, TicketStatus

__all__ = [
    "Defaults",
    "TicketChanges",
    "TicketQuery",
    "as_priority",
    "as_status",
    "contact_matches",
]


def as_status(value: TicketStatus | str, name: str = "status") -> TicketStatus:
    """``value`` as a :class:`TicketStatus`; ``ValueError`` naming the choices."""
    try:
        return TicketStatus(value)
    except ValueError:
        choices = ", ".join(s.value for s in TicketStatus)
        raise ValueError(f"{name} must be one of: {choices}; got {value!r}") from None


def as_priority(value: TicketPriority | str, name: str = "priority") -> TicketPriority:
    """``value`` as a :class:`TicketPriority`; ``ValueError`` naming the choices."""
    try:
        return TicketPriority(value)
    except ValueError:
        choices = ", ".join(p.value for p in TicketPriority)
        raise ValueError(f"{name} must be one of: {choices}; got {value!r}") from None


def aware(value: datetime | None, name: str) -> datetime | None:
    """``value`` if it is an aware datetime (or None); naive ones are refused."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be an aware datetime")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime (give it a tzinfo)")
    return value


def opt_text(value: str | int | None, name: str) -> str | None:
    """An optional id or text argument as stripped text; empty text is refused."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"{name} must be text")
    text = str(value).strip()
    if not text:
        raise ValueError(f"{name} must not be empty")
    return text


def tag_list(tags: Sequence[str] | None) -> list[str] | None:
    """Tags as a list of non-empty text (a lone string is refused: pass a list)."""
    if tags is None:
        return None
    if isinstance(tags, (str, bytes)) or not isinstance(tags, Sequence):
        raise TypeError("tags must be a list of strings")
    out: list[str] = []
    for tag in tags:
        if not isinstance(tag, str) or not tag.strip():
            raise ValueError(f"tags must be non-empty strings, got {tag!r}")
        out.append(tag.strip())
    return out


def contact_matches(contact: Contact, email: str | None, phone: str | None) -> bool:
    """Whether ``contact`` has the e-mail (without case) or the phone looked for (a
    vendor's search may match more loosely)."""
    return (email is not None and email.lower() in (e.lower() for e in contact.emails)) or (
        phone is not None and phone in contact.phones
    )


@dataclass(frozen=True)
class TicketQuery:
    """The filters of ``tickets.list``; :meth:`matches` applies them to a mapped ticket."""

    updated_since: datetime | None = None
    created_since: datetime | None = None
    status: TicketStatus | None = None
    assignee_id: str | None = None
    filtered: bool = field(init=False, repr=False, compare=False)
    """Whether any filter is set (without one, :meth:`matches` passes every ticket at once)."""

    def __post_init__(self) -> None:
        filters = (self.updated_since, self.created_since, self.status, self.assignee_id)
        object.__setattr__(self, "filtered", any(f is not None for f in filters))

    @classmethod
    def build(
        cls,
        *,
        updated_since: datetime | None,
        created_since: datetime | None,
        status: TicketStatus | str | None,
        assignee_id: str | int | None,
    ) -> TicketQuery:
        """The checked filters (``ValueError``/``TypeError`` before anything is sent)."""
        return cls(
            updated_since=aware(updated_since, "updated_since"),
            created_since=aware(created_since, "created_since"),
            status=None if status is None else as_status(status),
            assignee_id=opt_text(assignee_id, "assignee_id"),
        )

    def matches(self, ticket: Ticket) -> bool:
        """Whether ``ticket`` passes every filter (a missing date fails a date filter)."""
        if not self.filtered:
            return True
        if self.status is not None and ticket.status is not self.status:
            return False
        if self.assignee_id is not None and (
            ticket.assignee is None or ticket.assignee.id != self.assignee_id
        ):
            return False
        return _since(ticket.updated_at, self.updated_since) and _since(
            ticket.created_at, self.created_since
        )


def _since(value: datetime | None, bound: datetime | None) -> bool:
    return bound is None or (value is not None and value >= bound)


@dataclass(frozen=True)
class TicketChanges:
    """The checked fields of ``tickets.update`` (``None``: leave as is)."""

    subject: str | None = None
    description: str | None = None
    status: TicketStatus | None = None
    priority: TicketPriority | None = None
    assignee_id: str | None = None
    tags: list[str] | None = None

    def given(self) -> list[str]:
        """The names of the fields to change."""
        return [name for name, value in vars(self).items() if value is not None]


class Defaults(BaseModel):
    """What the unified layer uses where a vendor needs a value the common model lacks.

    Left out, each is found by a documented rule: the first Thulium ticket queue
    (its e-mail address as ``mailbox``), the first OmniCXM ticket category, the
    first Thulium agent to sign public replies.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    queue_id: str | None = None
    """Thulium: the ticket queue new tickets go to."""
    mailbox: str | None = None
    """Thulium: the receiving address (``to``) of new tickets."""
    category_id: str | None = None
    """OmniCXM: the category of new tickets."""
    agent_id: str | None = None
    """Thulium: the agent login that signs public replies (``agent_response``)."""
    status_values: dict[TicketStatus, str] = {}
    """The vendor status to write for a common status (Thulium status id, OmniCXM word)."""

    @classmethod
    def coerce(cls, value: Defaults | Mapping[str, Any] | None) -> Defaults:
        """``value`` as :class:`Defaults` (a mapping is checked; unknown keys refused)."""
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        if not isinstance(value, Mapping):
            raise TypeError("defaults must be a Defaults or a mapping")
        try:
            return cls.model_validate(dict(value))
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(part) for part in error["loc"])
            if error["type"] == "extra_forbidden":
                known = ", ".join(cls.model_fields)
                raise ValueError(f"defaults: unknown key {where!r} (known: {known})") from None
            raise ValueError(f"defaults.{where}: {error['msg']}") from None
