"""Omnidesk cases, users, staff and messages <-> the common models.

Tables traced to the seed (``001_66a3ee0b836e2e53.txt``): case ``status`` "open,
waiting, closed" and ``priority`` "low, normal, high, critical" (lines 63-64, 97-99,
240-241); a case moved to spam carries ``"spam": true`` (line 267).
"""

from __future__ import annotations

from typing import Any

from ...omnidesk.types import Case, Message, Staff, User
from ..models import Agent, Comment, Contact, Ticket, TicketPriority, TicketStatus
from ._common import Reader, agent_ref, blank, contact_ref, invert, texts

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


def _tags(labels: list[int] | None) -> list[str]:
    """Label ids as tags (text, in order, once each)."""
    return list(dict.fromkeys(map(str, labels))) if labels else []


_STATUS = Reader(VENDOR, "status", STATUS, TicketStatus.OPEN)
_PRIORITY = Reader(VENDOR, "priority", PRIORITY, TicketPriority.NORMAL, optional=True)


def ticket(case: Case) -> Ticket:
    """A case as a :class:`Ticket` (``spam: true`` reads as ``spam`` whatever its status)."""
    status, status_raw = _STATUS[case.status]
    priority, priority_raw = _PRIORITY[case.priority]
    user_id, staff_id, group_id = case.user_id, case.staff_id, case.group_id
    return Ticket._mapped(
        {
            "id": str(case.case_id),
            "vendor": VENDOR,
            "number": blank(case.case_number),
            "subject": blank(case.subject),
            "description": None,
            "status": TicketStatus.SPAM if case.spam else status,
            "status_raw": status_raw,
            "priority": priority,
            "priority_raw": priority_raw,
            "requester": contact_ref(str(user_id)) if user_id else None,
            "assignee": agent_ref(str(staff_id)) if staff_id else None,
            "team": str(group_id) if group_id else None,
            "tags": _tags(case.labels),
            "channel": blank(case.channel),
            "created_at": case.created_at,
            "updated_at": case.updated_at,
            "closed_at": None,
            "custom_fields": dict(case.custom_fields or {}),
            "raw": case,
        }
    )


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
