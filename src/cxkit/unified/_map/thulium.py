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
from operator import itemgetter

from ...thulium.types import Agent as ThuliumAgent
from ...thulium.types import Customer, TicketMessage
from ...thulium.types import Ticket as ThuliumTicket
from ..models import (
    Agent,
    AgentRef,
    Builder,
    Comment,
    Contact,
    ContactRef,
    Ticket,
    TicketStatus,
    note_unknown,
)
from ._common import (
    RefCache,
    agent_ref,
    blank,
    new_agent_ref,
    new_contact_ref,
    tag_texts,
    text_id,
    texts,
)

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


def _requester(
    customer_id: int | None, direction: str | None, to: str | None, from_: str | None
) -> ContactRef | None:
    # An outgoing ticket is written to the customer; any other is written by them.
    return _REQUESTERS[(customer_id, to if direction == "out" else from_)]


def _new_requester(key: tuple[int | None, str | None]) -> ContactRef | None:
    customer_id, email = key
    if customer_id is None and not email:
        return None
    return new_contact_ref(None if customer_id is None else str(customer_id), email=blank(email))


_REQUESTERS: RefCache[tuple[int | None, str | None], ContactRef | None] = RefCache(_new_requester)
_ASSIGNEES: RefCache[str, AgentRef] = RefCache(new_agent_ref)


def _description(messages: list[TicketMessage] | None) -> str | None:
    """The body of the customer's first message (else of the first message)."""
    if not messages:
        return None
    first = next((msg for msg in messages if msg.type == "MAIL"), messages[0])
    return blank(first.body)


StatusKey = tuple[int | None, str | None, str | None, bool]
"""(status id, its name in the account's list, ``full_status_name``, closed)."""


def _read_status(key: StatusKey) -> tuple[TicketStatus, str | None]:
    """The common status of a ticket (its name matched against :data:`STATUS_NAMES`; a
    name outside reads as ``closed`` when the ticket is closed, else ``open``) and its
    ``status_raw``. The name is the one in the account's list, else the first part of
    ``full_status_name`` (``"Open / Waiting for the customer"``)."""
    status_id, listed, full_name, closed = key
    name = listed if listed is not None else full_name.split(" / ")[0] if full_name else None
    nearest = TicketStatus.CLOSED if closed else TicketStatus.OPEN
    status = nearest
    if name is not None:
        found = STATUS_NAMES.get(name) or STATUS_NAMES.get(name.strip().lower())
        if found is None:
            note_unknown(VENDOR, "status", name, nearest.value)
        else:
            status = found
    return status, full_name or name or text_id(status_id)


_STATUSES: RefCache[StatusKey, tuple[TicketStatus, str | None]] = RefCache(_read_status)
"""A page repeats a handful of statuses: each is read (and an odd one logged) once."""

_TICKET = Builder(Ticket, vendor=VENDOR)
_FIELDS = itemgetter(
    "ticket_id", "subject", "status_id", "full_status_name", "closed_at", "customer_id",
    "from_", "to", "direction", "user_login", "ticket_queue_id", "tags", "source",
    "created_at", "updated_at", "messages", "custom_fields",
)  # fmt: skip


def ticket(raw: ThuliumTicket, statuses: Mapping[int, str] | None = None) -> Ticket:
    """A ticket as a :class:`Ticket`; ``statuses`` maps the account's status ids to names.

    ``custom_fields`` is the ticket's own dict (``raw.custom_fields``), not a copy.
    """
    (ticket_id, subject, status_id, full_name, closed_at, customer_id, from_, to, direction,
     login, queue_id, tags, source, created_at, updated_at, messages,
     custom_fields) = _FIELDS(raw.__dict__)  # fmt: skip
    data = _TICKET.fresh()
    data["id"] = str(ticket_id)
    if subject and not subject.isspace():
        data["subject"] = subject
    if messages:
        data["description"] = _description(messages)
    listed = statuses.get(status_id) if statuses and status_id is not None else None
    data["status"], data["status_raw"] = _STATUSES[
        (status_id, listed, full_name, closed_at is not None)
    ]
    data["requester"] = _requester(customer_id, direction, to, from_)
    if login:
        data["assignee"] = _ASSIGNEES[login]
    if queue_id is not None:
        data["team"] = str(queue_id)
    data["tags"] = tag_texts(tags)
    if source and not source.isspace():
        data["channel"] = source
    data["created_at"], data["updated_at"], data["closed_at"] = created_at, updated_at, closed_at
    data["custom_fields"] = {} if custom_fields is None else custom_fields
    data["raw"] = raw
    return _TICKET.build(data)


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
    author: ContactRef | AgentRef | None
    if kind == "MAIL":
        author = _requester(ticket.customer_id, ticket.direction, ticket.to, ticket.from_)
    else:
        author = agent_ref(login) if login else None
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
