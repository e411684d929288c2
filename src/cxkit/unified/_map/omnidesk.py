"""Omnidesk cases, users, staff and messages <-> the common models.

Tables traced to the seed (``001_66a3ee0b836e2e53.txt``): case ``status`` "open,
waiting, closed" and ``priority`` "low, normal, high, critical" (lines 63-64, 97-99,
240-241); a case moved to spam carries ``"spam": true`` (line 267).
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from ...omnidesk.types import Case, Message, Staff, User
from ..models import (
    Agent,
    AgentRef,
    Builder,
    Comment,
    Contact,
    ContactRef,
    Ticket,
    TicketPriority,
    TicketStatus,
)
from ._common import (
    Reader,
    RefCache,
    agent_ref,
    blank,
    contact_ref,
    invert,
    new_agent_ref,
    new_contact_ref,
    tag_texts,
    texts,
)

VENDOR = "omnidesk"

STATUS: dict[str, TicketStatus] = {
    "open": TicketStatus.OPEN,
    "waiting": TicketStatus.PENDING,
    "closed": TicketStatus.CLOSED,
}
"""Case ``status`` -> common status (seed line 63)."""

PRIORITY: dict[str, TicketPriority] = {
    "low": TicketPriority.LOW,
    "normal": TicketPriority.NORMAL,
    "high": TicketPriority.HIGH,
    "critical": TicketPriority.URGENT,
}
"""Case ``priority`` -> common priority (seed line 64)."""

STATUS_OUT = invert(STATUS)
PRIORITY_OUT = invert(PRIORITY)

SEED = "001_66a3ee0b836e2e53.txt"
TRACES: dict[str, dict[str, str]] = {
    "status": {
        "open": "line 63: status open, waiting, closed",
        "waiting": "line 63; example lines 73, 80",
        "closed": "line 63; example line 249",
    },
    "priority": {
        "low": "line 64: priority low, normal, high, critical",
        "normal": "line 64; example line 73",
        "high": "line 64; example line 112",
        "critical": "line 64; example line 249",
    },
}
"""Where each vendor value of each table is written in the seed (generated into the docs)."""


_STATUS = Reader(VENDOR, "status", STATUS, TicketStatus.OPEN)
_PRIORITY = Reader(VENDOR, "priority", PRIORITY, TicketPriority.NORMAL, optional=True)
_TICKET = Builder(Ticket, vendor=VENDOR)
_REQUESTERS: RefCache[int, ContactRef] = RefCache(lambda user_id: new_contact_ref(str(user_id)))
_ASSIGNEES: RefCache[int, AgentRef] = RefCache(lambda staff_id: new_agent_ref(str(staff_id)))
_CASE = itemgetter(
    "case_id", "case_number", "subject", "status", "priority", "user_id", "staff_id",
    "group_id", "labels", "channel", "created_at", "updated_at", "custom_fields", "spam",
)  # fmt: skip


def ticket(case: Case) -> Ticket:
    """A case as a :class:`Ticket` (``spam: true`` reads as ``spam`` whatever its status).

    ``custom_fields`` is the case's own dict (``raw.custom_fields``), not a copy.
    """
    (case_id, number, subject, status, priority, user_id, staff_id, group_id, labels,
     channel, created_at, updated_at, custom_fields, spam) = _CASE(case.__dict__)  # fmt: skip
    data = _TICKET.fresh()
    data["id"] = str(case_id)
    if number and not number.isspace():
        data["number"] = number
    if subject and not subject.isspace():
        data["subject"] = subject
    data["status"], data["status_raw"] = _STATUS[status]
    if spam:
        data["status"] = TicketStatus.SPAM
    data["priority"], data["priority_raw"] = _PRIORITY[priority]
    if user_id:
        data["requester"] = _REQUESTERS[user_id]
    if staff_id:
        data["assignee"] = _ASSIGNEES[staff_id]
    if group_id:
        data["team"] = str(group_id)
    data["tags"] = tag_texts(labels)
    if channel and not channel.isspace():
        data["channel"] = channel
    data["created_at"], data["updated_at"] = created_at, updated_at
    data["custom_fields"] = {} if custom_fields is None else custom_fields
    data["raw"] = case
    return _TICKET.build(data)


def status_out(status: TicketStatus) -> str | None:
    """The case ``status`` to send for a common status (``None``: spam, sent as an action)."""
    if status is TicketStatus.SPAM:
        return None
    try:
        return STATUS_OUT[status]
    except KeyError:
        raise ValueError(
            f"Omnidesk has no {status.value!r} case status; use one of: "
            f"{', '.join(s.value for s in STATUS_OUT)}, spam"
        ) from None


def priority_out(priority: TicketPriority) -> str:
    """The case ``priority`` to send for a common priority."""
    return PRIORITY_OUT[priority]


def _phones(user: User) -> list[str]:
    return texts([user.user_phone, user.user_whatsapp_phone])


def contact(user: User) -> Contact:
    """A user (customer) as a :class:`Contact`."""
    return Contact._mapped(
        {
            "id": str(user.user_id),
            "vendor": VENDOR,
            "name": blank(user.user_full_name),
            "emails": texts(user.user_email),
            "phones": _phones(user),
            "company": blank(user.company_name),
            "created_at": user.created_at,
            "updated_at": user.updated_at,
            "raw": user,
        }
    )


def agent(staff: Staff) -> Agent:
    """A staff member as an :class:`Agent`."""
    return Agent._mapped(
        {
            "id": str(staff.staff_id),
            "vendor": VENDOR,
            "name": blank(staff.staff_full_name),
            "email": blank(staff.staff_email),
            "active": staff.active,
            "raw": staff,
        }
    )


def comment(message: Message, case_id: int | str) -> Comment:
    """A message or note of a case as a :class:`Comment` (notes are not public)."""
    user_id, staff_id = message.user_id, message.staff_id
    author = (
        contact_ref(str(user_id)) if user_id else agent_ref(str(staff_id)) if staff_id else None
    )
    return Comment._mapped(
        {
            "id": str(message.message_id),
            "vendor": VENDOR,
            "ticket_id": str(case_id),
            "body": blank(message.content) or blank(message.content_html),
            "public": not message.note,
            "author": author,
            "created_at": message.created_at,
            "raw": message,
        }
    )


def labels(tags: Any) -> list[int]:
    """Unified ticket tags as Omnidesk label ids (labels are numbered; ``ValueError`` if not)."""
    out: list[int] = []
    for tag in tags:
        text = str(tag).strip()
        if not text.isdigit() or not text.isascii():
            raise ValueError(f"Omnidesk tags are label ids (numbers), got {tag!r}")
        out.append(int(text))
    return out
