"""Omnichat: rooms, messages, pages and quick responses."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from ..._core import CXInput, CXModel, EpochSeconds, wire
from .common import LocalDateTime, Stamp

__all__ = [
    "ChatPage",
    "ChatPages",
    "Message",
    "MessageSearchResult",
    "QuickResponse",
    "Room",
    "RoomSession",
    "RoomState",
    "Sender",
    "SourceCounts",
    "StateCounts",
    "UnreadRoom",
]

RoomState = Literal["new", "received", "assigned", "spam", "solved"]
"""The room states the docs' counts show."""


class Sender(CXModel):
    """Who sent a message (``type`` ``people`` or ``page``)."""

    id: str | None = Field(default=None, alias="_id")
    type: str | None = None
    type_int: int | None = None
    name: str | None = None
    avatar: str | None = None


class Message(CXModel):
    """A chat message, or a day divider (``type`` ``divide``, its day in ``divide_date``).

    ``date_app`` and ``createdtime`` are epoch seconds; ``date_app_text``
    (``2025/07/08 17:13:32``) and the divider's ``08/07/2025`` are local display
    dates, read in the client's time zone.
    """

    id: str | None = Field(default=None, alias="_id")
    type: str | None = None
    text: str | None = None
    message: str | None = None
    message_app_id: str | None = None
    date_app: EpochSeconds = None
    createdtime: EpochSeconds = None
    date_app_text: LocalDateTime = None
    divide_date: LocalDateTime = None
    timedisplay: str | None = None
    source: str | None = None
    people_id: str | None = None
    page_id: str | None = None
    room_id: str | None = None
    session_id: str | None = None
    sender_info: Sender | None = None
    text_empty_because: str | None = Field(default=None, alias="textEmptyBecause")
    collection: str | None = Field(default=None, alias="_collection")
    me: bool | None = Field(default=None, alias="_me")
    noava: bool | None = Field(default=None, alias="_noava")

    @model_validator(mode="before")
    @classmethod
    def _divider_day(cls, data: Any) -> Any:
        # A divider row carries its day as text in ``message`` ("08/07/2025").
        if isinstance(data, Mapping) and data.get("type") == "divide" and "divide_date" not in data:
            return {**data, "divide_date": data.get("message")}
        return data


class RoomSession(CXModel):
    """A room's current session."""

    id: str | None = Field(default=None, alias="_id")
    collection_session: str | None = None
    starttime: EpochSeconds = None
    userid: str | None = None
    startfrom: str | None = None
    namecustom: str | None = None


class Room(CXModel):
    """A chat room (a conversation with one person on one page)."""

    id: str = Field(alias="_id")
    page_id: str | None = None
    people_id: str | None = None
    source: str | None = None
    state: str | None = None
    starttime: EpochSeconds = None
    total_message: int | None = Field(default=None, alias="totalMessage")
    total_session: int | None = Field(default=None, alias="totalSession")
    lastmessage: Message | None = None
    currentsession: RoomSession | None = None
    people_name: str | None = None
    people_name_non_utf8: str | None = None
    pagename: str | None = None
    pageavatar: str | None = None
    peopleavatar: str | None = None
    unread: int | None = Field(default=None, alias="_unread")
    tags: list[Any] | None = None


class SourceCounts(CXModel):
    """Rooms in a state per channel (other channels are kept as extra fields)."""

    total: int | None = None
    facebook: int | None = None
    messenger: int | None = None
    zalo: int | None = None
    partner_viber: int | None = None
    telegram: int | None = None
    line: int | None = None
    google_business_messages: int | None = None
    livechat: int | None = None


class StateCounts(CXModel):
    """Rooms per state."""

    total: int | None = None
    new: int | None = None
    received: int | None = None
    assigned: int | None = None
    spam: int | None = None
    solved: int | None = None


def _epoch(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("pass an aware datetime (with a time zone)")
        return int(value.timestamp())
    return value


if TYPE_CHECKING:
    Epoch = int | datetime | None
else:
    Epoch = Annotated[int | None, BeforeValidator(_epoch)]


class UnreadRoom(CXInput):
    """One room of ``omnichat.rooms.unread_counts``: what the caller last saw of it.

    Times are epoch seconds (aware datetimes are converted).
    """

    start_time: Epoch = wire("startTime")
    state: str | None = None
    lasttime: Epoch = None
    total_message: int | None = wire("totalMessage")


class MessageSearchResult(CXModel):
    """Where a room's messages up to a time are stored (monthly collections) and
    how many; ``take_next_page`` lists the pages to read next."""

    total: int | None = None
    total_messages: int | None = Field(default=None, alias="totalMessages")
    list_modules: dict[str, int] | None = Field(default=None, alias="listModules")
    list_modules_messages: dict[str, int] | None = Field(default=None, alias="listModulesMessages")
    take_next_page: list[int] | None = Field(default=None, alias="takeNextPage")


class ChatPage(CXModel):
    """A connected page (a Zalo OA, a Facebook page, a live-chat widget...)."""

    page_id: str
    name: str | None = None
    channel: str | None = None


class ChatPages(CXModel):
    """The channels in use and the connected pages."""

    listsourcepages: list[str] | None = None
    listpagenames: list[ChatPage] | None = None


class QuickResponse(CXModel):
    """A saved reply; ``shortcode`` inserts it in the agent's editor."""

    id: str = Field(alias="_id")
    title: str | None = None
    shortcode: str | None = None
    content: str | None = None
    share: list[str] | None = None
    status: bool | None = None
    attachments: list[Any] | None = None
    created: Stamp | None = None
    last_modified: Stamp | None = None
