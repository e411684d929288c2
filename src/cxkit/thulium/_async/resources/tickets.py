"""Tickets, their responses, comments and attachments, and ticket categories, queues,
statuses and daily statistics (async source; the sync twin is generated).

Inferred: the seed lists every ticket endpoint in its index only (the file is cut
short). Parameters follow the ticket webhooks' fields and the conventions of the
detailed sections (``limit``/``offset`` at most 100 with a ``count``, dates as
``YYYY-MM-DD[ hh:mm]``, ``custom_fields`` by field name, attachments as the tokens
``temporary_files.create`` returns).
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    Created,
    check_choice,
    check_id,
    check_text,
    created,
    drop_none,
    need_some,
    operation,
    opt_id,
    opt_ids,
    opt_texts,
)
from ..._checks import DateInput, custom_field_filters, date_span
from ..._dialect import ThuliumHints
from ..._values import check_flag, field_map, minute_value, opt_text
from ...types.tickets import (
    BodyType,
    Ticket,
    TicketCategory,
    TicketDirectionInput,
    TicketQueue,
    TicketSource,
    TicketStatus,
)
from ...types.tickets import (
    TicketTodayStats as TicketTodayStatsModel,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = [
    "AsyncTicketAgentResponses",
    "AsyncTicketAttachments",
    "AsyncTicketCategories",
    "AsyncTicketComments",
    "AsyncTicketCustomerResponses",
    "AsyncTicketQueues",
    "AsyncTicketStatuses",
    "AsyncTicketTodayStats",
    "AsyncTickets",
]


def _tid(value: Any) -> dict[str, int]:
    return {"id": check_id("id", value)}


class AsyncTicketCategories(AsyncAPIResource):
    """Ticket categories."""

    @operation("GET", "/ticket_categories")
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[TicketCategory]:
        """List the ticket categories (one answer, not paged). Inferred (index-only in the seed)."""
        return await self._call(self.list, cast_to=builtins.list[TicketCategory], options=options)


class AsyncTicketQueues(AsyncAPIResource):
    """Ticket queues."""

    @operation("GET", "/ticket_queues")
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[TicketQueue]:
        """List the ticket queues (one answer, not paged). Inferred (index-only in the seed)."""
        return await self._call(self.list, cast_to=builtins.list[TicketQueue], options=options)


class AsyncTicketStatuses(AsyncAPIResource):
    """Ticket statuses and their substatuses."""

    @operation("GET", "/ticket_statuses")
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[TicketStatus]:
        """List the ticket statuses (one answer, not paged). Inferred (index-only in the seed)."""
        return await self._call(self.list, cast_to=builtins.list[TicketStatus], options=options)


class AsyncTicketTodayStats(AsyncAPIResource):
    """Ticket statistics of the current day."""

    @operation("GET", "/tickets/today_stats")
    async def get(self, **options: Unpack[RequestOptions]) -> TicketTodayStatsModel:
        """Get today's ticket statistics. Inferred (index-only in the seed)."""
        return await self._call(self.get, cast_to=TicketTodayStatsModel, options=options)


class AsyncTicketAgentResponses(AsyncAPIResource):
    """Messages an agent sends to the customer of a ticket."""

    @operation("POST", "/tickets/{id}/agent_response")
    async def create(
        self,
        id: int,
        *,
        body: str,
        user_login: str,
        body_type: BodyType | None = None,
        date: str | datetime | None = None,
        attachments: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Send a message from agent ``user_login`` to the customer of ticket ``id``.

        Inferred (index-only in the seed). ``body`` is text or HTML (``body_type``,
        default HTML); ``date`` (``YYYY-MM-DD hh:mm``) back-dates it; ``attachments``
        are ``temporary_files`` tokens.
        """
        payload = drop_none(
            body=body,
            body_type=check_choice("body_type", body_type, BodyType),
            user_login=user_login,
            date=minute_value("date", date, self._client.time_zone),
            attachments=opt_texts("attachments", attachments),
        )
        await self._call(self.create, path=_tid(id), body=payload, options=options)


class AsyncTicketCustomerResponses(AsyncAPIResource):
    """Messages from the customer added to a ticket."""

    @operation("POST", "/tickets/{id}/customer_response")
    async def create(
        self,
        id: int,
        *,
        body: str,
        body_type: BodyType | None = None,
        date: str | datetime | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Add a reply from the customer to ticket ``id``.

        Inferred (index-only in the seed). ``body`` is text or HTML (``body_type``,
        default HTML); ``date`` (``YYYY-MM-DD hh:mm``) back-dates it.
        """
        payload = drop_none(
            body=body,
            body_type=check_choice("body_type", body_type, BodyType),
            date=minute_value("date", date, self._client.time_zone),
        )
        await self._call(self.create, path=_tid(id), body=payload, options=options)


class AsyncTicketComments(AsyncAPIResource):
    """Internal comments on a ticket."""

    @operation("POST", "/tickets/{id}/comment")
    async def create(
        self,
        id: int,
        *,
        comment: str,
        user_login: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Add an internal comment to ticket ``id`` (by ``user_login`` when given).

        Inferred (index-only in the seed): ``comment`` is the field ticket messages
        of type ``COMMENT`` carry.
        """
        payload = drop_none(comment=comment, user_login=opt_text("user_login", user_login))
        await self._call(self.create, path=_tid(id), body=payload, options=options)


class AsyncTicketAttachments(AsyncAPIResource):
    """Files attached to ticket messages."""

    @operation("DELETE", "/tickets/{id}/attachments/{token}")
    async def delete(self, id: int, token: str, **options: Unpack[RequestOptions]) -> None:
        """Delete attachment ``token`` of ticket ``id``. Inferred (index-only in the seed)."""
        await self._call(self.delete, path={**_tid(id), "token": token}, options=options)


class AsyncTickets(AsyncAPIResource):
    """Tickets (e-mail style cases) and what belongs to them."""

    @operation("GET", "/tickets", paged=True, hints=ThuliumHints(max_limit=100, counted=True))
    def list(
        self,
        *,
        date_from: DateInput | None = None,
        date_to: DateInput | None = None,
        create_date_from: DateInput | None = None,
        create_date_to: DateInput | None = None,
        company_id: int | None = None,
        customer_id: int | None = None,
        user_login: str | None = None,
        source: TicketSource | None = None,
        ticket_queue_id: int | None = None,
        category_id: int | None = None,
        message_id: int | None = None,
        status_id: Sequence[int] | None = None,
        custom_fields: Mapping[str, str | Sequence[str]] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Ticket]:
        """List tickets, last changed first; pages follow lazily. Inferred (index-only in the seed).

        ``date_from``/``date_to`` bound the last change, ``create_date_*`` the
        creation; ``status_id`` takes one or more statuses; ``custom_fields`` maps a
        field name to a value or to alternative values. The page's ``total`` counts
        the matching tickets; ``limit`` is at most 100.
        """
        zone = self._client.time_zone
        params = drop_none(
            limit=limit,
            offset=offset,
            **date_span("date", date_from, date_to, zone),
            **date_span("create_date", create_date_from, create_date_to, zone),
            company_id=opt_id("company_id", company_id),
            customer_id=opt_id("customer_id", customer_id),
            user_login=opt_text("user_login", user_login),
            source=check_choice("source", source, TicketSource),
            ticket_queue_id=opt_id("ticket_queue_id", ticket_queue_id),
            category_id=opt_id("category_id", category_id),
            message_id=opt_id("message_id", message_id),
            status_id=opt_ids("status_id", status_id),
        )
        params.update(custom_field_filters(custom_fields) or {})
        return self._paginate(self.list, item=Ticket, params=params, options=options)

    @operation("GET", "/tickets/{id}")
    async def get(
        self,
        id: int,
        *,
        include_custom_fields: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> Ticket:
        """Get ticket ``id`` with its messages. Inferred (index-only in the seed)."""
        return await self._call(
            self.get,
            path=_tid(id),
            params=drop_none(
                include_custom_fields=check_flag("include_custom_fields", include_custom_fields)
            ),
            cast_to=Ticket,
            options=options,
        )

    @operation("POST", "/tickets")
    async def create(
        self,
        *,
        to: str,
        subject: str,
        body: str,
        from_: str | None = None,
        body_type: BodyType | None = None,
        comment: str | None = None,
        cc: Sequence[str] | None = None,
        attachments: Sequence[str] | None = None,
        source: TicketSource | None = None,
        direction: TicketDirectionInput | None = None,
        user_login: str | None = None,
        customer_id: int | None = None,
        tags: Sequence[str] | None = None,
        status_id: int | None = None,
        substatus_id: int | None = None,
        category_id: int | None = None,
        ticket_queue_id: int | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Created[int]:
        """Create a ticket. Inferred (index-only in the seed).

        ``to`` is the receiving mailbox's address (it picks the queue unless
        ``ticket_queue_id`` is given), ``from_`` the author's (sent as ``from``);
        ``attachments`` are ``temporary_files`` tokens; ``source`` defaults to
        ``email``; ``direction`` is ``in_behalf_of`` (default) or ``out``.
        """
        payload = drop_none(
            to=to,
            subject=subject,
            body=body,
            body_type=check_choice("body_type", body_type, BodyType),
            comment=comment,
            cc=opt_texts("cc", cc),
            attachments=opt_texts("attachments", attachments),
            source=check_choice("source", source, TicketSource),
            direction=check_choice("direction", direction, TicketDirectionInput),
            user_login=opt_text("user_login", user_login),
            customer_id=opt_id("customer_id", customer_id),
            tags=opt_texts("tags", tags),
            status_id=opt_id("status_id", status_id),
            substatus_id=opt_id("substatus_id", substatus_id),
            category_id=opt_id("category_id", category_id),
            ticket_queue_id=opt_id("ticket_queue_id", ticket_queue_id),
            custom_fields=field_map("custom_fields", custom_fields),
        )
        if from_ is not None:
            payload["from"] = check_text("from_", from_)
        return await self._call(
            self.create, body=payload, cast_to=created(int, "ticket_id"), options=options
        )

    @operation("PUT", "/tickets/{id}")
    async def update(
        self,
        id: int,
        *,
        user_login: str | None = None,
        status_id: int | None = None,
        substatus_id: int | None = None,
        category_id: int | None = None,
        tags: Sequence[str] | None = None,
        ticket_queue_id: int | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Change ticket ``id``; only the fields given are sent. Inferred (index-only in the seed)."""
        payload = drop_none(
            user_login=opt_text("user_login", user_login),
            status_id=opt_id("status_id", status_id),
            substatus_id=opt_id("substatus_id", substatus_id),
            category_id=opt_id("category_id", category_id),
            tags=opt_texts("tags", tags),
            ticket_queue_id=opt_id("ticket_queue_id", ticket_queue_id),
            custom_fields=field_map("custom_fields", custom_fields),
        )
        need_some(payload, "tickets.update")
        await self._call(self.update, path=_tid(id), body=payload, options=options)

    @operation("DELETE", "/tickets/{id}")
    async def delete(self, id: int, **options: Unpack[RequestOptions]) -> None:
        """Delete ticket ``id``. Inferred (index-only in the seed)."""
        await self._call(self.delete, path=_tid(id), options=options)

    @cached_property
    def categories(self) -> AsyncTicketCategories:
        """Ticket categories."""
        return AsyncTicketCategories(self._client)

    @cached_property
    def queues(self) -> AsyncTicketQueues:
        """Ticket queues."""
        return AsyncTicketQueues(self._client)

    @cached_property
    def statuses(self) -> AsyncTicketStatuses:
        """Ticket statuses and their substatuses."""
        return AsyncTicketStatuses(self._client)

    @cached_property
    def today_stats(self) -> AsyncTicketTodayStats:
        """Ticket statistics of the current day."""
        return AsyncTicketTodayStats(self._client)

    @cached_property
    def agent_responses(self) -> AsyncTicketAgentResponses:
        """Messages an agent sends to the customer of a ticket."""
        return AsyncTicketAgentResponses(self._client)

    @cached_property
    def customer_responses(self) -> AsyncTicketCustomerResponses:
        """Messages from the customer added to a ticket."""
        return AsyncTicketCustomerResponses(self._client)

    @cached_property
    def comments(self) -> AsyncTicketComments:
        """Internal comments on a ticket."""
        return AsyncTicketComments(self._client)

    @cached_property
    def attachments(self) -> AsyncTicketAttachments:
        """Files attached to ticket messages."""
        return AsyncTicketAttachments(self._client)
