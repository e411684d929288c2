"""Tickets, their messages and attachments, and ticket categories, queues and statuses.

The seed lists every ticket endpoint in its index only (the file is cut short);
these models follow the ticket webhooks' fields and the API's conventions. Fields
that are not sent stay ``None``; anything else the API sends is kept.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..._core import Duration
from .common import ThuliumDateTime, ThuliumModel

__all__ = [
    "BodyType",
    "Ticket",
    "TicketAttachment",
    "TicketCategory",
    "TicketDirectionInput",
    "TicketMessage",
    "TicketMessageType",
    "TicketQueue",
    "TicketSource",
    "TicketStatus",
    "TicketSubstatus",
    "TicketTodayStats",
]

TicketSource = Literal["email", "phone", "sms", "chat", "www"]
"""Where a ticket came from (``email`` by default)."""

TicketDirectionInput = Literal["in_behalf_of", "out"]
"""How a ticket is added: on the customer's behalf, or as an e-mail to the customer."""

BodyType = Literal["HTML", "PLAIN"]
"""Format of a message body."""

TicketMessageType = Literal["MAIL", "REPLY", "COMMENT"]
"""``MAIL`` from the customer, ``REPLY`` to the customer, ``COMMENT`` internal."""


class TicketAttachment(ThuliumModel):
    """A file attached to a ticket message (``token`` identifies it for deletion)."""

    token: str | None = None
    filename: str | None = None
    size: int | None = None


class TicketMessage(ThuliumModel):
    """A message of a ticket (``type``: :data:`TicketMessageType`)."""

    message_id: int
    user_login: str | None = None
    type: str | None = None
    body: str | None = None
    comment: str | None = None
    system_comment: str | None = None
    """A change the system recorded (status, queue...)."""
    created_at: ThuliumDateTime = None
    attachments: list[TicketAttachment] | None = None


class Ticket(ThuliumModel):
    """A ticket (an e-mail style case).

    ``from_`` is the author's address (``from`` on the wire); ``close_time`` and
    ``first_agent_response_time`` are durations (``HH:MM:SS``).
    """

    ticket_id: int
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    subject: str | None = None
    ticket_queue_id: int | None = None
    ticket_queue_name: str | None = None
    status_id: int | None = None
    substatus_id: int | None = None
    full_status_name: str | None = None
    category_id: int | None = None
    customer_id: int | None = None
    user_login: str | None = None
    """The assigned user."""
    source: str | None = None
    direction: str | None = None
    tags: list[str] | None = None
    cc: list[str] | None = None
    created_at: ThuliumDateTime = None
    updated_at: ThuliumDateTime = None
    closed_at: ThuliumDateTime = None
    close_time: Duration = None
    first_agent_responded_at: ThuliumDateTime = None
    first_agent_response_time: Duration = None
    messages: list[TicketMessage] | None = None
    custom_fields: dict[str, Any] | None = None
    """Custom field values by field name (with ``include_custom_fields``)."""


class TicketCategory(ThuliumModel):
    """A ticket category (inferred shape: all fields optional)."""

    category_id: int | None = None
    name: str | None = None


class TicketQueue(ThuliumModel):
    """A ticket queue (inferred shape: all fields optional)."""

    ticket_queue_id: int | None = None
    name: str | None = None


class TicketSubstatus(ThuliumModel):
    """A substatus of a ticket status (inferred shape: all fields optional)."""

    substatus_id: int | None = None
    name: str | None = None


class TicketStatus(ThuliumModel):
    """A ticket status and its substatuses (inferred shape: all fields optional)."""

    status_id: int | None = None
    name: str | None = None
    substatuses: list[TicketSubstatus] | None = None


class TicketTodayStats(ThuliumModel):
    """Ticket statistics of the current day.

    The seed documents no fields for this answer; every value the API sends is kept
    as it is (``stats.model_extra``, or ``stats.to_dict()``).
    """
