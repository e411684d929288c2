"""OmniCXM tickets, comments, CRM contacts, users and call records <-> the common models.

Traced to the seed (``000_88c97f36b16b4c83.txt``): a ticket's ``basicinfo.status``
is ``"New"`` in every example (lines 2355, 2502, 2722), the saved views name the
new and ended states (``system_ticketstatusnew``/``system_ticketstatusend``, lines
2222-2227); ``basicinfo.priority`` is ``"normal"`` (line 2329) or ``"high"`` (line
2910); a comment's ``notetype`` is ``public`` or ``private``; a call record's
``in_out`` is ``"outbound"`` (line 5370) and ``disposition`` ``"ANSWERED"`` (line
5365). The other lines of each table are the same vocabulary's remaining words
(a status is the account's workflow state, so any word outside reads as ``open``
and is kept in ``status_raw``).
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from ..._core.errors import ResponseValidationError
from ...omnicxm.types import CDRRecord, CRMObject, TicketRequester, UserEntry
from ...omnicxm.types import Comment as CXMComment
from ...omnicxm.types import Ticket as CXMTicket
from ..models import (
    Agent,
    AgentRef,
    Builder,
    Call,
    Comment,
    Contact,
    ContactRef,
    Ticket,
    TicketPriority,
    TicketStatus,
)
from ._common import (
    CALL_DIRECTION,
    Reader,
    RefCache,
    agent_ref,
    blank,
    direction_reader,
    new_agent_ref,
    new_contact_ref,
    texts,
    traced,
)

VENDOR = "omnicxm"

STATUS: dict[str, TicketStatus] = {
    "new": TicketStatus.OPEN,
    "open": TicketStatus.OPEN,
    "pending": TicketStatus.PENDING,
    "processing": TicketStatus.IN_PROGRESS,
    "in progress": TicketStatus.IN_PROGRESS,
    "on hold": TicketStatus.ON_HOLD,
    "end": TicketStatus.CLOSED,
    "closed": TicketStatus.CLOSED,
    "spam": TicketStatus.SPAM,
}
"""``basicinfo.status`` (without case) -> common status."""

STATUS_OUT: dict[TicketStatus, str] = {
    TicketStatus.OPEN: "New",
    TicketStatus.PENDING: "Pending",
    TicketStatus.IN_PROGRESS: "Processing",
    TicketStatus.ON_HOLD: "On hold",
    TicketStatus.CLOSED: "Closed",
    TicketStatus.SPAM: "Spam",
}
"""Common status -> the ``basicinfo.status`` written (override per account with
``Defaults.status_values``: the seed shows only ``New``)."""

PRIORITY: dict[str, TicketPriority] = {
    "low": TicketPriority.LOW,
    "normal": TicketPriority.NORMAL,
    "medium": TicketPriority.NORMAL,
    "high": TicketPriority.HIGH,
    "urgent": TicketPriority.URGENT,
}
"""``basicinfo.priority`` (without case) -> common priority."""

PRIORITY_OUT: dict[TicketPriority, str] = {
    TicketPriority.LOW: "low",
    TicketPriority.NORMAL: "normal",
    TicketPriority.HIGH: "high",
    TicketPriority.URGENT: "urgent",
}

DIRECTION = CALL_DIRECTION
"""Call record ``in_out`` (without case) -> common direction."""

ANSWERED = "ANSWERED"
"""The call record ``disposition`` of an answered call."""

SEED = "000_88c97f36b16b4c83.txt"
TRACES: dict[str, dict[str, str]] = {
    "status": traced(
        STATUS,
        {
            "new": 'lines 2355, 2502, 2722: "status": "New"',
            "end": "line 2227: the view system_ticketstatusend",
        },
    ),
    "priority": traced(
        PRIORITY,
        {
            "normal": 'line 2329: "priority": "normal"',
            "high": "line 2910: basicinfo[priority]=high",
        },
    ),
    "in_out": traced(DIRECTION, {"outbound": 'line 5370: "in_out": "outbound"'}),
}
"""Where each vendor value of each table comes from (generated into the docs)."""


def _first(value: Any) -> str | None:
    """The first non-empty text of a vendor list or tuple (or of one value)."""
    if type(value) is not list and type(value) is not tuple:
        return blank(value)
    for item in value:
        text = blank(item)
        if text is not None:
            return text
    return None


_STATUS = Reader(VENDOR, "status", STATUS, TicketStatus.OPEN)
_PRIORITY = Reader(VENDOR, "priority", PRIORITY, TicketPriority.NORMAL, optional=True)
_DIRECTION = direction_reader(VENDOR, "in_out")


RequesterKey = tuple[Any, Any, Any, Any]
"""A requester's ``id``, ``name``, ``email`` and ``phone`` as sent (lists as tuples)."""

_REQUESTER_FIELDS = itemgetter("id", "name", "email", "phone")


def _new_requester(key: RequesterKey) -> ContactRef | None:
    id, name, email, phone = key
    if not (id or name):
        return None
    return new_contact_ref(blank(id), blank(name), _first(email), _first(phone))


_REQUESTERS: RefCache[RequesterKey, ContactRef | None] = RefCache(_new_requester)
"""Requesters by their fields as sent: a hit reads nothing else."""


def _requester(person: TicketRequester) -> ContactRef | None:
    id, name, email, phone = _REQUESTER_FIELDS(person.__dict__)
    return _REQUESTERS[
        (
            id,
            name,
            tuple(email) if type(email) is list else email,
            tuple(phone) if type(phone) is list else phone,
        )
    ]


_TICKET = Builder(Ticket, vendor=VENDOR)
_PERSON_FIELDS = itemgetter("id", "name", "type")
_ASSIGNEES: RefCache[tuple[str, str | None], AgentRef] = RefCache(
    lambda key: new_agent_ref(key[0], blank(key[1]))
)
_TICKET_FIELDS = itemgetter("basicinfo", "created", "last_modified")
_INFO_FIELDS = itemgetter(
    "id", "ticket_id", "subject", "content", "status", "priority", "requester", "assignee",
    "tags", "sourcedisplay", "source",
)  # fmt: skip


def ticket(raw: CXMTicket) -> Ticket:
    """A ticket as a :class:`Ticket` (``basicinfo`` plus the account's custom groups).

    ``custom_fields`` is the ticket's own dict of custom groups (its pydantic extra),
    not a copy. A ticket without ``basicinfo`` (so without an id) is a
    :class:`cxkit.ResponseValidationError`.
    """
    info, created, modified = _TICKET_FIELDS(raw.__dict__)
    if info is None:
        raise ResponseValidationError(
            "a ticket without basicinfo has no id", vendor=VENDOR, body=raw.to_dict()
        )
    (id, number, subject, content, status, priority, requester, person, tags, sourcedisplay,
     source) = _INFO_FIELDS(info.__dict__)  # fmt: skip
    data = _TICKET.fresh()
    data["id"] = id
    if number and not number.isspace():
        data["number"] = number
    if subject and not subject.isspace():
        data["subject"] = subject
    if content and not content.isspace():
        data["description"] = content
    data["status"], data["status_raw"] = _STATUS[status]
    data["priority"], data["priority_raw"] = _PRIORITY[priority]
    if requester is not None:
        data["requester"] = _requester(requester)
    if person is not None:
        person_id, name, kind = _PERSON_FIELDS(person.__dict__)
        if person_id and (not kind or kind == "user"):
            data["assignee"] = _ASSIGNEES[(person_id, name)]
        elif person_id:
            data["team"] = person_id
    data["tags"] = texts(tags) if tags else []
    if sourcedisplay and not sourcedisplay.isspace():
        data["channel"] = sourcedisplay
    elif source and not source.isspace():
        data["channel"] = source
    if created is not None:
        data["created_at"] = created.time
    if modified is not None:
        data["updated_at"] = modified.time
    extra = raw.__pydantic_extra__
    data["custom_fields"] = {} if extra is None else extra
    data["raw"] = raw
    return _TICKET.build(data)


def comment(raw: CXMComment, ticket_id: str | None = None) -> Comment:
    """A ticket comment as a :class:`Comment` (``notetype`` ``private`` is internal)."""
    who = raw.usersubmit_info
    author_id = None if raw.created is None else raw.created.byid
    author = None
    if author_id or who is not None:
        author = agent_ref(
            blank(author_id),
            None if who is None else blank(who.name),
            None if who is None else blank(who.email),
        )
    return Comment._mapped(
        {
            "id": raw.id,
            "vendor": VENDOR,
            "ticket_id": raw.ticket_id or ticket_id or "",
            "body": (blank(raw.raw_content) or blank(raw.content) or "").strip() or None,
            "public": (raw.notetype or "public").lower() != "private",
            "author": author,
            "created_at": None if raw.created is None else raw.created.time,
            "raw": raw,
        }
    )


def contact(raw: CRMObject) -> Contact:
    """A CRM ``contacts`` record as a :class:`Contact`."""
    extra = raw.model_extra or {}
    first = extra.get("first_name") or extra.get("firstname")
    name = " ".join(str(p).strip() for p in (first, extra.get("last_name")) if p and str(p).strip())
    return Contact._mapped(
        {
            "id": raw.id,
            "vendor": VENDOR,
            "name": name or None,
            "emails": texts([*texts(extra.get("email")), *texts(extra.get("main_email"))]),
            "phones": texts([*texts(extra.get("phone")), *texts(extra.get("mobi_phone"))]),
            "company": blank(extra.get("companyname")),
            "created_at": None if raw.created is None else raw.created.time,
            "updated_at": None if raw.last_modified is None else raw.last_modified.time,
            "raw": raw,
        }
    )


def is_user(entry: UserEntry) -> bool:
    """Whether an entry of ``users.list`` is a user (not a business unit)."""
    return (entry.type or "user") == "user" or entry.value.startswith("user_")


def agent(entry: UserEntry) -> Agent:
    """A user as an :class:`Agent`; its id is the one tickets name (``value`` without
    ``user_``)."""
    return Agent._mapped(
        {
            "id": entry.value.removeprefix("user_"),
            "vendor": VENDOR,
            "name": blank(entry.name) or blank(entry.username),
            "email": None,
            "active": None,
            "raw": entry,
        }
    )


def call(raw: CDRRecord) -> Call:
    """A call detail record as a :class:`Call`."""
    direction, direction_raw = _DIRECTION[raw.in_out]
    return Call._mapped(
        {
            "id": raw.id,
            "vendor": VENDOR,
            "direction": direction,
            "direction_raw": direction_raw,
            "from_number": blank(raw.src),
            "to_number": blank(raw.dst),
            "started_at": raw.calldate or raw.calldatetime,
            "answered": (raw.disposition or "").upper() == ANSWERED,
            "duration_s": raw.duration,
            "agent": None,
            "recording_url": None,
            "raw": raw,
        }
    )
