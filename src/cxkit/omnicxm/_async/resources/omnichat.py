"""Omnichat: rooms, messages, pages, quick responses (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ...._core import AsyncAPIResource, AsyncPager, check_text, drop_none, operation
from ..._checks import EpochInput, epoch
from ..._dialect import body_paged_read
from ...types.omnichat import (
    ChatPages,
    Message,
    MessageSearchResult,
    QuickResponse,
    Room,
    RoomState,
    SourceCounts,
    StateCounts,
    UnreadRoom,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = [
    "AsyncOmnichat",
    "AsyncOmnichatMessages",
    "AsyncOmnichatPages",
    "AsyncOmnichatRooms",
    "AsyncQuickResponses",
]

# Every omnichat endpoint takes the login token only (the docs' header tables).
TOKEN = "token"

# The room, message and quick-response lists answer like the CRUD lists (``total``,
# ``totalPage``, ``data``), though their tables document no paging parameter: they
# are paged the CRUD way, ``take``/``page`` in their JSON body, sent only when given
# or when a next page is asked for (``body_paged_read``).


def _state(value: Any) -> str:
    # Only the states the counts show are documented; others pass, for newer states.
    return check_text("state", value)


class AsyncOmnichatRooms(AsyncAPIResource):
    """Chat rooms (conversations)."""

    # The table files ``state`` under "Query Parameters"; the curl example sends it in
    # a JSON body: following curl.
    @body_paged_read("/services/omnichat/rooms/getrooms", auth=TOKEN)
    def list(
        self,
        *,
        state: RoomState | str,
        take: int | None = None,
        page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Room]:
        """The rooms in ``state`` (``new``, ``received``, ``assigned``, ``spam``, ``solved``);
        pages follow lazily."""
        body = drop_none(state=_state(state), take=take, page=page)
        return self._paginate(self.list, item=Room, body=body, options=options)

    # The request line says GET with a "state" query parameter; the vendor's curl
    # example has --data and no --request, i.e. POST with a JSON body: following curl.
    @operation(
        "POST",
        "/services/omnichat/rooms/countsourceroomsbystate",
        auth=TOKEN,
        unwrap="data",
        idempotent=True,
    )
    async def count_by_source(
        self, *, state: RoomState | str, **options: Unpack[RequestOptions]
    ) -> SourceCounts:
        """How many rooms in ``state`` each channel has (``total``, ``zalo``, ``livechat``...)."""
        return await self._call(
            self.count_by_source,
            body={"state": _state(state)},
            cast_to=SourceCounts,
            options=options,
        )

    # The vendor's curl example sends GET with a JSON body {"state": ...} (the table
    # calls it a query parameter): following curl, a GET with a body.
    @operation("GET", "/services/omnichat/rooms/countstaterooms", auth=TOKEN, unwrap="data")
    async def count_by_state(
        self, *, state: RoomState | str, **options: Unpack[RequestOptions]
    ) -> StateCounts:
        """How many rooms are in each state (``state`` is sent as the vendor's example does)."""
        return await self._call(
            self.count_by_state, body={"state": _state(state)}, cast_to=StateCounts, options=options
        )

    # The request line says GET; the curl example has --data and no --request (POST
    # with a JSON body): following curl.
    @operation(
        "POST",
        "/services/omnichat/rooms/getunreadmessagelistroom",
        auth=TOKEN,
        unwrap="data",
        idempotent=True,
    )
    async def unread_counts(
        self,
        listunreadroom: Mapping[str, UnreadRoom | Mapping[str, Any]],
        **options: Unpack[RequestOptions],
    ) -> dict[str, int]:
        """Unread messages per room, for rooms given as ``{room_id: UnreadRoom(...)}``
        (what the caller last saw: ``start_time``, ``state``, ``lasttime``, ``total_message``)."""
        if not isinstance(listunreadroom, Mapping) or not listunreadroom:
            raise ValueError("listunreadroom must map room ids to UnreadRoom values")
        rooms = {
            check_text("room id", room_id): UnreadRoom.coerce(
                value, name=f"room {room_id}"
            ).to_body()
            for room_id, value in listunreadroom.items()
        }
        data: Any = await self._call(
            self.unread_counts, body={"listunreadroom": rooms}, cast_to=Any, options=options
        )
        if not isinstance(data, Mapping):
            return {}
        return {str(k): int(v) for k, v in data.items() if isinstance(v, int)}


class AsyncOmnichatMessages(AsyncAPIResource):
    """Messages of a room."""

    # The table files these under "Query Parameters"; the curl example sends a JSON
    # body (and an extra Authorization header the SDK does not need): following curl.
    @body_paged_read("/services/omnichat/messages/getmessages", auth=TOKEN)
    def list(
        self,
        *,
        room_id: str,
        page_id: str,
        source: str,
        take: int | None = None,
        page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Message]:
        """The messages of a room (with day dividers, ``type`` ``divide``); pages follow
        lazily."""
        body = {
            "room_id": room_id,
            "page_id": page_id,
            "source": source,
            **drop_none(take=take, page=page),
        }
        return self._paginate(self.list, item=Message, body=body, options=options)

    @operation("POST", "/services/omnichat/messages/search", auth=TOKEN, idempotent=True)
    async def search(
        self,
        *,
        room_id: str,
        page_id: str,
        source: str,
        lasttimemessage: EpochInput,
        **options: Unpack[RequestOptions],
    ) -> MessageSearchResult:
        """Where a room's messages up to ``lasttimemessage`` are stored, and how many."""
        body = {
            "room_id": room_id,
            "page_id": page_id,
            "source": source,
            "lasttimemessage": epoch("lasttimemessage", lasttimemessage),
        }
        return await self._call(
            self.search, body=body, cast_to=MessageSearchResult, options=options
        )


class AsyncOmnichatPages(AsyncAPIResource):
    """Connected pages."""

    # The request line says POST; every example (curl without --request or body, PHP,
    # jQuery) sends GET: following curl.
    @operation("GET", "/services/omnichat/pages", auth=TOKEN, unwrap="data")
    async def list(self, **options: Unpack[RequestOptions]) -> ChatPages:
        """The channels in use and the connected pages."""
        return await self._call(self.list, cast_to=ChatPages, options=options)


class AsyncQuickResponses(AsyncAPIResource):
    """Saved replies."""

    # The table calls textsearch a query parameter; the curl example sends a JSON body.
    @body_paged_read("/services/omnichat/general/readQuickResponses", auth=TOKEN)
    def list(
        self,
        *,
        textsearch: str | None = None,
        take: int | None = None,
        page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[QuickResponse]:
        """The quick responses, those matching ``textsearch`` when given; pages follow
        lazily."""
        body = drop_none(textsearch=textsearch, take=take, page=page)
        return self._paginate(self.list, item=QuickResponse, body=body, options=options)


class AsyncOmnichat(AsyncAPIResource):
    """Omnichat: chat rooms, messages, pages, quick responses."""

    @cached_property
    def rooms(self) -> AsyncOmnichatRooms:
        """Chat rooms."""
        return AsyncOmnichatRooms(self._client)

    @cached_property
    def messages(self) -> AsyncOmnichatMessages:
        """Messages."""
        return AsyncOmnichatMessages(self._client)

    @cached_property
    def pages(self) -> AsyncOmnichatPages:
        """Connected pages."""
        return AsyncOmnichatPages(self._client)

    @cached_property
    def quick_responses(self) -> AsyncQuickResponses:
        """Quick responses."""
        return AsyncQuickResponses(self._client)
