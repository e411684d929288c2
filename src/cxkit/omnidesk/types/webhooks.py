"""Webhook events: ``{"type": "<event>", "object": {...}}`` (beyond the documented seed)."""

from __future__ import annotations

from typing import Any

from ..._core import CXModel
from .cases import Case, Message
from .users import User

__all__ = [
    "CaseEvent",
    "MessageEvent",
    "OmnideskEvent",
    "UnknownEvent",
    "UserEvent",
    "WebhookEvent",
    "WebhookMessage",
]


class WebhookMessage(Message):
    """A message as webhooks send it: with its case and the user's custom id."""

    message_id: int
    case_id: int | None = None
    custom_user_id: str | None = None
    """The user's id in a custom channel (``user_custom_id`` elsewhere)."""


class WebhookEvent(CXModel):
    """Base of every event: ``type`` is the event name as sent (``message_new``)."""

    type: str


class MessageEvent(WebhookEvent):
    """A message event (``message_new``...): ``object`` is the message."""

    object: WebhookMessage


class CaseEvent(WebhookEvent):
    """A case event (``case_...``): ``object`` is the case, shaped like ``cases.get``."""

    object: Case


class UserEvent(WebhookEvent):
    """A user event (``user_...``): ``object`` is the user, shaped like ``users.get``."""

    object: User


class UnknownEvent(WebhookEvent):
    """Any other event: ``object`` is kept as sent."""

    object: dict[str, Any]


OmnideskEvent = MessageEvent | CaseEvent | UserEvent | UnknownEvent
"""What :func:`cxkit.omnidesk.webhooks.parse_event` returns."""
