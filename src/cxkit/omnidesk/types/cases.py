"""Cases, their messages and notes, and idea data."""

from __future__ import annotations

from typing import Any, Literal

from ..._core import CXModel, EpochSeconds, RFC2822DateTime

__all__ = [
    "Attachment",
    "Case",
    "CaseBulkResult",
    "CaseIdea",
    "CasePriority",
    "CaseSort",
    "CaseStatus",
    "IdeaStage",
    "Message",
    "MessageOrder",
]

CaseStatus = Literal["open", "waiting", "closed"]
"""Case status values the API documents."""

CasePriority = Literal["low", "normal", "high", "critical"]
"""Case priority values the API documents."""

CaseSort = Literal[
    "updated_at_desc",
    "updated_at_asc",
    "created_at_desc",
    "created_at_asc",
    "response_asc",
    "response_desc",
    "priority_desc",
    "priority_asc",
    "status_asc",
    "status_desc",
]
"""Sort orders of the case list."""

MessageOrder = Literal["asc", "desc"]
"""Order of a case's messages (``asc``: oldest first)."""

IdeaStage = Literal["waiting", "planned", "in_progress", "finished"]
"""Implementation stage of an idea."""


class CaseIdea(CXModel):
    """Idea data of a case in the ``idea`` channel."""

    content: str | None = None
    stage: str | None = None
    category: int | None = None
    """ID of the ideas category."""
    official_response: str | None = None
    official_response_tstamp: EpochSeconds = None
    """When the official response was given."""


class Case(CXModel):
    """A case (support ticket)."""

    case_id: int
    case_number: str | None = None
    subject: str | None = None
    user_id: int | None = None
    staff_id: int | None = None
    group_id: int | None = None
    status: str | None = None
    priority: str | None = None
    channel: str | None = None
    recipient: str | None = None
    cc_emails: str | None = None
    """Comma-separated CC addresses."""
    bcc_emails: str | None = None
    """Comma-separated BCC addresses."""
    deleted: bool | None = None
    spam: bool | None = None
    created_at: RFC2822DateTime = None
    updated_at: RFC2822DateTime = None
    language_id: int | None = None
    custom_fields: dict[str, Any] | None = None
    """Custom field values keyed by field id (``cf_25``)."""
    labels: list[int] | None = None
    closing_speed: int | str | None = None
    """Minutes it took to close the case (0: under a minute; ``"-"``: not closed)."""
    idea: CaseIdea | None = None


class CaseBulkResult(CXModel):
    """Answer of a bulk case operation: the IDs it succeeded for."""

    case_success_id: list[int] | None = None


class Attachment(CXModel):
    """A file attached to a message."""

    file_id: int | None = None
    file_name: str | None = None
    file_size: int | None = None
    """Size in bytes."""
    mime_type: str | None = None
    url: str | None = None


class Message(CXModel):
    """A message (reply) or a note of a case."""

    message_id: int
    user_id: int | None = None
    """Author when the message is from a user (0 otherwise)."""
    staff_id: int | None = None
    """Author when the message is from a staff member (0 otherwise)."""
    content: str | None = None
    content_html: str | None = None
    attachments: list[Attachment] | None = None
    note: bool | None = None
    """True for a private note."""
    sent_via_rule: bool | None = None
    created_at: RFC2822DateTime = None
