"""Omnidesk and Thulium webhooks as unified ticket and contact events.

```python
from cxkit.unified import TicketEvent, parse_event

event = parse_event("thulium", request_body, request_headers)
if isinstance(event, TicketEvent) and event.kind == "closed":
    print(event.ticket_id, event.raw)      # raw: the vendor's typed event
```

Omnidesk events carry the record (``ticket``, ``comment``, ``contact`` are
filled); Thulium events carry ids only (read the record with
``desk.tickets.get(event.ticket_id)``). Events about anything else (calls,
chats, campaigns) give ``None``; a body that is not an event raises
:class:`cxkit.WebhookError` (a ``ValueError``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any, Literal

from .._core import WebhookError
from .._core.models import CXModel
from ..omnidesk import webhooks as omnidesk_hooks
from ..thulium import webhooks as thulium_hooks
from ._map import omnidesk as od
from .models import AgentRef, Comment, Contact, Ticket, UnifiedModel, Vendor

__all__ = ["ContactEvent", "EventKind", "TicketEvent", "parse_event"]

EventKind = Literal["created", "updated", "commented", "closed"]
"""What happened."""


class VendorEvent(UnifiedModel):
    """Base of the unified events: which vendor sent it and what happened."""

    vendor: Vendor
    kind: EventKind


class TicketEvent(VendorEvent):
    """Something happened to a ticket; ``ticket``/``comment`` when the payload carries them."""

    ticket_id: str
    ticket: Ticket | None = None
    comment_id: str | None = None
    comment: Comment | None = None
    agent: AgentRef | None = None
    occurred_at: datetime | None = None
    raw: CXModel


class ContactEvent(VendorEvent):
    """Something happened to a contact; ``contact`` when the payload carries it."""

    contact_id: str
    contact: Contact | None = None
    agent: AgentRef | None = None
    occurred_at: datetime | None = None
    raw: CXModel


def _kind(name: str) -> EventKind:
    """An Omnidesk event name (``case_new``, ``case_closed``...) as what happened."""
    lowered = name.lower()
    if lowered.endswith(("_new", "_created", "_create")):
        return "created"
    if "close" in lowered:
        return "closed"
    return "updated"


def _omnidesk(event: omnidesk_hooks.OmnideskEvent) -> TicketEvent | ContactEvent | None:
    if isinstance(event, omnidesk_hooks.MessageEvent):
        message = event.object
        if message.case_id is None:
            return None
        comment = od.comment(message, message.case_id)
        return TicketEvent(
            vendor="omnidesk",
            kind="commented",
            ticket_id=str(message.case_id),
            comment_id=comment.id,
            comment=comment,
            occurred_at=message.created_at,
            raw=event,
        )
    if isinstance(event, omnidesk_hooks.CaseEvent):
        ticket = od.ticket(event.object)
        return TicketEvent(
            vendor="omnidesk",
            kind=_kind(event.type),
            ticket_id=ticket.id,
            ticket=ticket,
            agent=ticket.assignee,
            occurred_at=ticket.updated_at,
            raw=event,
        )
    if isinstance(event, omnidesk_hooks.UserEvent):
        contact = od.contact(event.object)
        return ContactEvent(
            vendor="omnidesk",
            kind="created" if _kind(event.type) == "created" else "updated",
            contact_id=contact.id,
            contact=contact,
            occurred_at=contact.updated_at,
            raw=event,
        )
    return None


_THULIUM_TICKETS: dict[str, EventKind] = {
    "TICKET_CREATED": "created",
    "TICKET_AGENT_REPLIED": "commented",
    "TICKET_COMMENT_CREATED": "commented",
    "TICKET_MESSAGE_RECEIVED": "commented",
    "TICKET_CLOSED": "closed",
    "TICKET_STATUS_CHANGED": "updated",
    "TICKET_QUEUE_CHANGED": "updated",
}
"""Thulium ticket ``action`` -> what happened (seed lines 481-535)."""

_THULIUM_CONTACTS: dict[str, EventKind] = {
    "CUSTOMER_CREATED": "created",
    "CUSTOMER_NOTE_SAVED": "updated",
    "CUSTOMER_FILE_ATTACHED": "updated",
}
"""Thulium customer ``action`` -> what happened (seed lines 261-284)."""


def _thulium(event: thulium_hooks.ThuliumEvent) -> TicketEvent | ContactEvent | None:
    fields: dict[str, Any] = {**event.to_dict(), **(event.model_extra or {})}
    login = fields.get("agent_login")
    agent = AgentRef(id=str(login)) if login else None
    ticket_kind = _THULIUM_TICKETS.get(event.action)
    if ticket_kind is not None and fields.get("ticket_id") is not None:
        message_id = fields.get("message_id")
        return TicketEvent(
            vendor="thulium",
            kind=ticket_kind,
            ticket_id=str(fields["ticket_id"]),
            comment_id=None if message_id is None else str(message_id),
            agent=agent,
            occurred_at=event.date,
            raw=event,
        )
    contact_kind = _THULIUM_CONTACTS.get(event.action)
    if contact_kind is not None and fields.get("customer_id") is not None:
        return ContactEvent(
            vendor="thulium",
            kind=contact_kind,
            contact_id=str(fields["customer_id"]),
            agent=agent,
            occurred_at=event.date,
            raw=event,
        )
    return None


def parse_event(
    vendor: str,
    body: bytes | str | Mapping[str, Any],
    headers: Mapping[str, str] | None = None,
    *,
    time_zone: str | tzinfo | None = None,
) -> TicketEvent | ContactEvent | None:
    """The unified event of an Omnidesk or Thulium webhook body (``None`` for an event
    about something else).

    ``headers`` are the request's; neither vendor signs its webhooks, so they are
    only checked to be a mapping (check Thulium's Basic auth with
    :func:`cxkit.thulium.webhooks.check_basic_auth`). ``time_zone`` is Thulium's
    account zone (default ``Europe/Warsaw``).
    """
    if headers is not None and not isinstance(headers, Mapping):
        raise TypeError("headers must be a mapping of header names to values")
    if vendor == "omnidesk":
        return _omnidesk(omnidesk_hooks.parse_event(body))
    if vendor == "thulium":
        return _thulium(thulium_hooks.parse_event(body, time_zone=time_zone))
    if vendor in ("omnicxm", "omi"):
        raise WebhookError(f"{vendor}: the unified layer reads no webhooks of this vendor")
    raise ValueError(f"unknown vendor {vendor!r}; webhooks are read for omnidesk and thulium")
