"""Chats: conversations with their messages and files, chat queues and the chat report."""

from __future__ import annotations

from typing import Literal

from ..._core import Duration
from .common import ThuliumDateTime, ThuliumModel

__all__ = [
    "Chat",
    "ChatClientData",
    "ChatConversation",
    "ChatFile",
    "ChatMessage",
    "ChatQueue",
    "ChatRates",
    "ChatRating",
    "ChatReportRow",
    "ChatStatus",
    "ChatTimes",
    "Participant",
    "SentBy",
]

ChatStatus = Literal["CREATED", "IN_PROGRESS", "CLOSED"]
"""``CREATED`` (started by the client), ``IN_PROGRESS`` (an agent replied), ``CLOSED``."""

SentBy = Literal["USER", "CLIENT", "AUTO"]
"""Who wrote a message: ``USER`` (an agent), ``CLIENT``, ``AUTO`` (the system)."""

Participant = Literal["user", "customer", "both"]
"""Whose messages to delete from a conversation."""


class ChatMessage(ThuliumModel):
    """A message of a chat (``sent_by`` is one of :data:`SentBy`)."""

    date: ThuliumDateTime = None
    message: str | None = None
    sent_by: str | None = None
    user_name: str | None = None
    user_login: str | None = None


class ChatFile(ThuliumModel):
    """A file sent in a chat."""

    date: ThuliumDateTime = None
    token: str | None = None
    sent_by: str | None = None
    user_name: str | None = None
    user_login: str | None = None


class ChatClientData(ThuliumModel):
    """What the chat widget knows of the client's browser."""

    browser: str | None = None
    ip: str | None = None
    last_visited_url: str | None = None
    os: str | None = None
    referrer: str | None = None
    resolution: str | None = None


class Chat(ThuliumModel):
    """A chat conversation (``status`` is one of :data:`ChatStatus`).

    ``messages``, ``files`` and ``client_data`` are sent only when asked for.
    """

    conversation_id: str
    chat_queue_id: int | None = None
    client_email: str | None = None
    client_name: str | None = None
    customer_id: int | None = None
    created_at: ThuliumDateTime = None
    closed_at: ThuliumDateTime = None
    status: str | None = None
    user_login: str | None = None
    rating: int | None = None
    messages: list[ChatMessage] | None = None
    files: list[ChatFile] | None = None
    client_data: ChatClientData | None = None


class ChatQueue(ThuliumModel):
    """A chat queue."""

    chat_queue_id: int
    name: str | None = None
    display_name: str | None = None


class ChatConversation(ThuliumModel):
    """A conversation started with ``chat_conversations.start``."""

    conversation_id: str


class ChatTimes(ThuliumModel):
    """Minimum, maximum, total and average of a chat time."""

    min: Duration = None
    max: Duration = None
    sum: Duration = None
    avg: Duration = None


class ChatRates(ThuliumModel):
    """How many chats were rated sad, neutral and happy."""

    sad: int | None = None
    neutral: int | None = None
    happy: int | None = None


class ChatRating(ThuliumModel):
    """Ratings of a chat report row."""

    rate: ChatRates | None = None
    satisfaction_percent: float | None = None
    rated_percent: float | None = None


class ChatReportRow(ThuliumModel):
    """One row of the chat summary report: one period (and user, unless summed).

    ``series`` is kept as sent: ``"2021-12"`` by month, a day or hour otherwise.
    """

    series: str | None = None
    user_name: str | None = None
    incoming: int | None = None
    incoming_to_agent: int | None = None
    incoming_including_empty: int | None = None
    abandoned: int | None = None
    answered: int | None = None
    incoming_to_bot: int | None = None
    transferred_by_bot: int | None = None
    finished_by_bot: int | None = None
    service_level_percent: float | None = None
    chat_time: ChatTimes | None = None
    wait_time: ChatTimes | None = None
    sla_percent: float | None = None
    rating: ChatRating | None = None
