"""Thulium tickets, their messages, customers and agents <-> the common models.

Thulium's ticket statuses are the account's own list (``GET ticket_statuses``,
seed ``004_91dfdb3300e71a01.txt`` line 126): a ticket carries a ``status_id``,
so the common status is read from the status's *name*, matched against
:data:`STATUS_NAMES` (English and Polish words). A name outside it reads as
``closed`` when the ticket has a ``closed_at`` and as ``open`` otherwise. Thulium
tickets have no priority. Message ``type`` (``MAIL`` from the customer, ``REPLY``
to the customer, ``COMMENT`` internal) decides whether a comment is public; the
ticket webhooks (seed lines 481-535) name the same ticket and message ids.
"""

from __future__ import annotations

from collections.abc import Mapping

from ...thulium.types import Agent as ThuliumAgent
from ...thulium.types import Customer, TicketMessage
from ...thulium.types import Ticket as ThuliumTicket
from ..models import Agent, Comment, Contact, ContactRef, Ticket, TicketStatus, note_unknown
from ._common import agent_ref, blank, contact_ref, text_id, texts

VENDOR = "thulium"

_POLISH = {"nowe", "nowy", "otwarte", "otwarty", "oczekuje", "w trakcie", "w realizacji",
           "wstrzymane"}  # fmt: skip

STATUS_NAMES: dict[str, TicketStatus] = {
    "new": TicketStatus.OPEN,
    "nowe": TicketStatus.OPEN,
    "nowy": TicketStatus.OPEN,
    "open": TicketStatus.OPEN,
    "otwarte": TicketStatus.OPEN,
    "otwarty": TicketStatus.OPEN,
    "pending": TicketStatus.PENDING,
    "waiting": TicketStatus.PENDING,
    "oczekujące": TicketStatus.PENDING,
    "oczekuje": TicketStatus.PENDING,
    "in progress": TicketStatus.IN_PROGRESS,
    "w trakcie": TicketStatus.IN_PROGRESS,
    "w realizacji": TicketStatus.IN_PROGRESS,
    "on hold": TicketStatus.ON_HOLD,
    "wstrzymane": TicketStatus.ON_HOLD,
    "closed": TicketStatus.CLOSED,
    "zamknięte": TicketStatus.CLOSED,
    "zamknięty": TicketStatus.CLOSED,
    "resolved": TicketStatus.CLOSED,
    "rozwiązane": TicketStatus.CLOSED,
    "spam": TicketStatus.SPAM,
}
"""Ticket status *name* (without case) -> common status."""

PUBLIC_TYPES: dict[str, bool] = {"MAIL": True, "REPLY": True, "COMMENT": False}
"""Ticket message ``type`` -> whether the customer sees it."""

SEED = "004_91dfdb3300e71a01.txt"
_ACCOUNT = "{} word; not in the seed, which has only the status list endpoint (line 126)"
TRACES: dict[str, dict[str, str]] = {
    "status": {
        name: _ACCOUNT.format(
            "Polish" if any(c in name for c in "ąęóśżźćńł") or name in _POLISH else "English"
        )
        for name in STATUS_NAMES
    },
    "message type": {
        "MAIL": "the customer's message: TICKET_MESSAGE_RECEIVED, line 514",
        "REPLY": "the agent's reply: TICKET_AGENT_REPLIED, line 483",
        "COMMENT": "an internal comment: TICKET_COMMENT_CREATED, line 498",
    },
}
"""Where each vendor value of each table comes from (generated into the docs)."""


def status_name(ticket: ThuliumTicket, statuses: Mapping[int, str]) -> str | None:
    """The name of the ticket's status: from the account's list, else the first part of
    ``full_status_name`` (``"Open / Waiting for the customer"``)."""
    name = statuses.get(ticket.status_id) if ticket.status_id is not None else None
    if name is not None:
        return name
    if ticket.full_status_name:
        return ticket.full_status_name.split(" / ")[0]
    return None


def read_status(
    ticket: ThuliumTicket, statuses: Mapping[int, str], name: str | None = None
) -> TicketStatus:
    """The common status of a ticket (see :data:`STATUS_NAMES`); ``name``, when given, is
    its :func:`status_name`."""
    if name is None:
        name = status_name(ticket, statuses)
    nearest = TicketStatus.CLOSED if ticket.closed_at is not None else TicketStatus.OPEN
    if name is None:
        return nearest
    found = STATUS_NAMES.get(name) or STATUS_NAMES.get(name.strip().lower())
    if found is None:
        note_unknown(VENDOR, "status", name, nearest.value)
        return nearest
    return found


def _requester(ticket: ThuliumTicket) -> ContactRef | None:
    # An outgoing ticket is written to the customer; any other is written by them.
    email = ticket.to if ticket.direction == "out" else ticket.from_
    customer_id = ticket.customer_id
    if customer_id is None and not email:
        return None
    return contact_ref(None if customer_id is None else str(customer_id), email=blank(email))


def _description(messages: list[TicketMessage] | None) -> str | None:
    """The body of the customer's first message (else of the first message)."""
    if not messages:
        return None
    first = next((msg for msg in messages if msg.type == "MAIL"), messages[0])
    return blank(first.body)


def ticket(raw: ThuliumTicket, statuses: Mapping[int, str] | None = None) -> Ticket:
    """A ticket as a :class:`Ticket`; ``statuses`` maps the account's status ids to names."""
    name = status_name(raw, statuses or {})
    queue_id, user_login = raw.ticket_queue_id, raw.user_login
    return Ticket._mapped(
        {
            "id": str(raw.ticket_id),
            "vendor": VENDOR,
            "number": None,
            "subject": blank(raw.subject),
            "description": _description(raw.messages),
            "status": read_status(raw, statuses or {}, name),
            "status_raw": raw.full_status_name or name or text_id(raw.status_id),
            "priority": None,
            "priority_raw": None,
            "requester": _requester(raw),
            "assignee": agent_ref(user_login) if user_login else None,
            "team": None if queue_id is None else str(queue_id),
            "tags": texts(raw.tags),
            "channel": blank(raw.source),
            "created_at": raw.created_at,
            "updated_at": raw.updated_at,
            "closed_at": raw.closed_at,
            "custom_fields": dict(raw.custom_fields or {}),
            "raw": raw,
        }
    )


def status_ids(status: TicketStatus, statuses: Mapping[int, str]) -> list[int]:
    """The account's status ids whose name reads as ``status``."""
    return [
        status_id
        for status_id, name in statuses.items()
        if STATUS_NAMES.get(name.strip().lower()) is status
    ]


def comment(message: TicketMessage, ticket: ThuliumTicket) -> Comment:
    """A ticket message as a :class:`Comment` (``COMMENT`` messages are internal)."""
    kind = (message.type or "").upper()
    public = PUBLIC_TYPES.get(kind)
    if public is None:
        note_unknown(VENDOR, "message type", message.type, "COMMENT (internal)")
        public = False
    login = message.user_login
    author = _requester(ticket) if kind == "MAIL" else agent_ref(login) if login else None
    return Comment._mapped(
        {
            "id": str(message.message_id),
            "vendor": VENDOR,
            "ticket_id": str(ticket.ticket_id),
            "body": blank(message.body) or blank(message.comment) or blank(message.system_comment),
            "public": public,
            "author": author,
            "created_at": message.created_at,
            "raw": message,
        }
    )


def _full_name(*parts: str | None) -> str | None:
    return " ".join(p.strip() for p in parts if p and p.strip()) or None


def contact(customer: Customer) -> Contact:
    """A CRM customer as a :class:`Contact`."""
    return Contact._mapped(
        {
            "id": str(customer.customer_id),
            "vendor": VENDOR,
            "name": _full_name(customer.name, customer.surname),
            "emails": texts([customer.email, *(customer.emails or [])]),
            "phones": texts([customer.phone_number, *(customer.phone_numbers or [])]),
            "company": None,
            "created_at": None,
            "updated_at": customer.updated_at,
            "raw": customer,
        }
    )


def agent(raw: ThuliumAgent) -> Agent:
    """An agent as an :class:`Agent`; its id is the login, which the API addresses it by."""
    return Agent._mapped(
        {
            "id": raw.login or str(raw.agent_id),
            "vendor": VENDOR,
            "name": _full_name(raw.name, raw.surname),
            "email": blank(raw.email),
            "active": raw.active,
            "raw": raw,
        }
    )


def split_name(name: str | None) -> tuple[str | None, str | None]:
    """A full name as Thulium's (``name``, ``surname``): the last word is the surname."""
    if not name or not name.strip():
        return None, None
    first, _, last = name.strip().rpartition(" ")
    return (first or None), last
