"""Webhook items: which events Thulium posts to which URL (the configuration, not the events).

The seed lists these endpoints in its index only; the shapes follow the webhook
section (its ``action`` names) and the API's conventions.
"""

from __future__ import annotations

from typing import Literal

from pydantic import SecretStr

from .common import ThuliumModel

__all__ = ["Webhook", "WebhookAction"]

WebhookAction = Literal[
    "CHAT_AGENT_ASSIGNED",
    "CHAT_CONVERSATION_CLOSED",
    "CHAT_CONVERSATION_CREATED",
    "CUSTOMER_CREATED",
    "CUSTOMER_FILE_ATTACHED",
    "CUSTOMER_NOTE_SAVED",
    "ABANDONED",
    "AGENT_COMPLETED",
    "AGENT_CONNECTED",
    "AGENT_NOT_ANSWERED",
    "AGENT_RINGING",
    "ENTER_QUEUE",
    "EXIT_QUEUE",
    "ENTER_IVR",
    "QUEUE_TRANSFERRED_TO_AGENT",
    "OUTBOUND_CONNECTING",
    "OUTBOUND_CUSTOMER_CONNECTED",
    "OUTBOUND_COMPLETED",
    "OUTBOUND_DROP",
    "OUTBOUND_BUSY",
    "OUTBOUND_FAX",
    "OUTBOUND_NO_ANSWER",
    "OUTBOUND_WRONG_NUMBER",
    "OUTBOUND_VOICE_MAIL",
    "OUTBOUND_FAILURE",
    "OUTBOUND_CONNECTION_PROBLEM",
    "OUTBOUND_BLACKLIST",
    "OUTBOUND_AGENT_FAILED",
    "PREDICTIVE_AGENT_ANSWER",
    "OUTBOUND_RECORD_SAVED",
    "PREVIEW_RECORD",
    "AGENT_LOGGED_IN",
    "AGENT_LOGGED_OUT",
    "AGENT_PHONE_CONNECTED",
    "AGENT_STATUS_CHANGED",
    "RECORDING_READY",
    "TICKET_AGENT_REPLIED",
    "TICKET_CLOSED",
    "TICKET_COMMENT_CREATED",
    "TICKET_CREATED",
    "TICKET_MESSAGE_RECEIVED",
    "TICKET_QUEUE_CHANGED",
    "TICKET_STATUS_CHANGED",
]
"""The event ``action`` names the docs describe (see :mod:`cxkit.thulium.webhooks`)."""


class Webhook(ThuliumModel):
    """A webhook item: the ``actions`` posted to ``subscription_url``.

    ``http_auth_user`` / ``http_auth_password`` are the Basic Auth credentials sent
    with each call (the password is a ``SecretStr``: ``.get_secret_value()``).
    """

    id: int
    actions: list[str] | None = None
    subscription_url: str | None = None
    http_auth_user: str | None = None
    http_auth_password: SecretStr | None = None
