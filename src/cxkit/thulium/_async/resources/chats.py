"""Chats, chat queues, the chat report and chat conversations (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    check_choice,
    check_id,
    drop_none,
    operation,
    opt_id,
)
from ..._checks import DateInput, check_texts_or_ids, date_span, required, thulium_date
from ..._dialect import ThuliumHints
from ...types.agents import Aggregation
from ...types.chats import (
    Chat,
    ChatConversation,
    ChatQueue,
    ChatReportRow,
    ChatStatus,
    Participant,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = [
    "AsyncChatContent",
    "AsyncChatConversations",
    "AsyncChatMessages",
    "AsyncChatQueues",
    "AsyncChatReports",
    "AsyncChatSummaryReport",
    "AsyncChats",
]


class AsyncChatQueues(AsyncAPIResource):
    """Chat queues."""

    @operation("GET", "/chats/queues")
    async def list(self, **options: Unpack[RequestOptions]) -> list[ChatQueue]:
        """List the chat queues."""
        return await self._call(self.list, cast_to=list[ChatQueue], options=options)


class AsyncChatSummaryReport(AsyncAPIResource):
    """The chat summary report."""

    @operation("GET", "/chats/reports/summary", paged=True, hints=ThuliumHints(max_limit=100))
    def list(
        self,
        *,
        date_from: DateInput,
        date_to: DateInput,
        user_logins: Sequence[str] | None = None,
        sum_users: bool | None = None,
        aggregate_by: Aggregation | None = None,
        chat_queue_ids: Sequence[int] | None = None,
        response_threshold: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[ChatReportRow]:
        """Report chats between two dates, one row per period (and user unless ``sum_users``).

        ``response_threshold`` is the first-response threshold in seconds (default
        20); ``aggregate_by`` defaults to ``month``; ``limit`` is at most 100.
        """
        zone = self._client.time_zone
        params = drop_none(
            limit=limit,
            offset=offset,
            user_logins=check_texts_or_ids("user_logins", user_logins),
            date_from=thulium_date("date_from", required("date_from", date_from), zone),
            date_to=thulium_date("date_to", required("date_to", date_to), zone),
            sum_users=sum_users,
            aggregate_by=check_choice("aggregate_by", aggregate_by, Aggregation),
            chat_queue_ids=check_texts_or_ids("chat_queue_ids", chat_queue_ids),
            response_threshold=response_threshold,
        )
        return self._paginate(self.list, item=ChatReportRow, params=params, options=options)


class AsyncChatReports(AsyncAPIResource):
    """Chat reports."""

    @cached_property
    def summary(self) -> AsyncChatSummaryReport:
        """The chat summary report."""
        return AsyncChatSummaryReport(self._client)


class AsyncChats(AsyncAPIResource):
    """Chats (conversations as records), their queues and reports."""

    @operation("GET", "/chats", paged=True, hints=ThuliumHints(max_limit=100, counted=True))
    def list(
        self,
        *,
        date_from: DateInput | None = None,
        date_to: DateInput | None = None,
        status: ChatStatus | None = None,
        chat_queue_id: int | None = None,
        include_messages: bool | None = None,
        include_files: bool | None = None,
        include_client_data: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Chat]:
        """List chats started between ``date_from`` and ``date_to``; pages follow lazily.

        ``include_*`` add each chat's messages, files and browser data. The page's
        ``total`` is the number of matching chats; ``limit`` is at most 100.
        """
        params = drop_none(
            limit=limit,
            offset=offset,
            **date_span("date", date_from, date_to, self._client.time_zone),
            status=check_choice("status", status, ChatStatus),
            chat_queue_id=opt_id("chat_queue_id", chat_queue_id),
            include_messages=include_messages,
            include_files=include_files,
            include_client_data=include_client_data,
        )
        return self._paginate(self.list, item=Chat, params=params, options=options)

    @cached_property
    def queues(self) -> AsyncChatQueues:
        """Chat queues."""
        return AsyncChatQueues(self._client)

    @cached_property
    def reports(self) -> AsyncChatReports:
        """Chat reports."""
        return AsyncChatReports(self._client)


class AsyncChatMessages(AsyncAPIResource):
    """Messages sent into a conversation."""

    @operation("POST", "/chat_conversations/{id}/message")
    async def create(
        self, id: str, *, text: str | None = None, **options: Unpack[RequestOptions]
    ) -> None:
        """Send a message into conversation ``id`` (the id ``start`` returned)."""
        await self._call(self.create, path={"id": id}, body=drop_none(text=text), options=options)


class AsyncChatContent(AsyncAPIResource):
    """The message content of conversations."""

    @operation("DELETE", "/chat_conversations/content/{id}/{participant}")
    async def delete(
        self, id: str, participant: Participant, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete the messages of one participant (``user``, ``customer``) or ``both``."""
        await self._call(
            self.delete,
            path={
                "id": id,
                "participant": check_choice(
                    "participant", required("participant", participant), Participant
                ),
            },
            options=options,
        )


class AsyncChatConversations(AsyncAPIResource):
    """Chat conversations: start, message, stop, delete."""

    @operation("POST", "/chat_conversations/start")
    async def start(
        self,
        *,
        chat_queue_id: int,
        client_name: str | None = None,
        client_surname: str | None = None,
        client_email: str | None = None,
        client_id: str | None = None,
        customer_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> ChatConversation:
        """Start a conversation in chat queue ``chat_queue_id``.

        The CRM customer is matched by ``customer_id``, then ``client_id`` (your
        own id), then the e-mail address. The parameters go in the query string,
        as the docs' example sends them.
        """
        params = drop_none(
            chat_queue_id=check_id("chat_queue_id", required("chat_queue_id", chat_queue_id)),
            client_name=client_name,
            client_surname=client_surname,
            client_email=client_email,
            client_id=client_id,
            customer_id=opt_id("customer_id", customer_id),
        )
        return await self._call(
            self.start, params=params, cast_to=ChatConversation, options=options
        )

    @operation("POST", "/chat_conversations/{id}/stop")
    async def stop(self, id: str, **options: Unpack[RequestOptions]) -> None:
        """End conversation ``id``."""
        await self._call(self.stop, path={"id": id}, options=options)

    @operation("DELETE", "/chat_conversations/{id}")
    async def delete(self, id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete conversation ``id`` and everything that depends on it."""
        await self._call(self.delete, path={"id": id}, options=options)

    @cached_property
    def messages(self) -> AsyncChatMessages:
        """Messages sent into a conversation."""
        return AsyncChatMessages(self._client)

    @cached_property
    def content(self) -> AsyncChatContent:
        """The message content of conversations."""
        return AsyncChatContent(self._client)
