"""CRM-fed campaigns and their records (async source; the sync twin is generated).

A record of a CRM campaign is addressed by its CRM customer (``customer_id``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    Created,
    check_choice,
    check_id,
    created,
    drop_none,
    need_some,
    operation,
)
from ..._checks import check_outbound_id, date_span, required
from ..._values import RECORD_PAGES, check_flag, day_value, record_changes, status_filters
from ...types.outbounds import CrmOutboundRecord, RecordSystemStatus

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncCrmOutboundRecords", "AsyncCrmOutbounds", "CrmRecordOrder"]

CrmRecordOrder = Literal["next_call_date", "-next_call_date"]
"""Sort order of a CRM campaign's records (``-`` for descending)."""


def _path(id: Any, customer_id: Any = None) -> dict[str, Any]:
    path: dict[str, Any] = {"id": check_outbound_id("id", required("id", id))}
    if customer_id is not None:
        path["customer_id"] = check_id("customer_id", customer_id)
    return path


class AsyncCrmOutboundRecords(AsyncAPIResource):
    """Records of a CRM-fed campaign, addressed by CRM customer."""

    @operation("GET", "/crm_outbounds/{id}/records", paged=True, hints=RECORD_PAGES)
    def list(
        self,
        id: str,
        *,
        order: CrmRecordOrder | None = None,
        status_id: Sequence[int] | None = None,
        system_status: Sequence[RecordSystemStatus] | None = None,
        create_date_from: str | date | None = None,
        create_date_to: str | date | None = None,
        call_date_from: str | date | None = None,
        call_date_to: str | date | None = None,
        include_customer: bool | None = None,
        include_custom_fields: bool | None = None,
        include_address: bool | None = None,
        include_invoice_address: bool | None = None,
        include_mail_drop_address: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[CrmOutboundRecord]:
        """List the records of CRM campaign ``id`` in the order they were added; pages follow lazily.

        Filters: campaign ``status_id`` values, ``system_status`` values, creation and
        last-call days (``YYYY-MM-DD``); ``order`` sorts by ``next_call_date``
        (``-next_call_date``: descending). ``include_customer`` adds each record's
        customer, the other ``include_*`` its custom fields and addresses. The page's
        ``total`` counts the matching records; ``limit`` is at most 100.
        """
        zone = self._client.time_zone
        params = drop_none(
            limit=limit,
            offset=offset,
            order=check_choice("order", order, CrmRecordOrder),
            **status_filters(status_id, system_status),
            **date_span("create_date", create_date_from, create_date_to, zone, day_value),
            **date_span("call_date", call_date_from, call_date_to, zone, day_value),
            include_customer=check_flag("include_customer", include_customer),
            include_custom_fields=check_flag("include_custom_fields", include_custom_fields),
            include_address=check_flag("include_address", include_address),
            include_invoice_address=check_flag("include_invoice_address", include_invoice_address),
            include_mail_drop_address=check_flag(
                "include_mail_drop_address", include_mail_drop_address
            ),
        )
        return self._paginate(
            self.list, item=CrmOutboundRecord, path=_path(id), params=params, options=options
        )

    @operation("GET", "/crm_outbounds/{id}/records/{customer_id}")
    async def get(
        self, id: str, customer_id: int, **options: Unpack[RequestOptions]
    ) -> CrmOutboundRecord:
        """Get the record of CRM customer ``customer_id`` in campaign ``id``."""
        return await self._call(
            self.get, path=_path(id, customer_id), cast_to=CrmOutboundRecord, options=options
        )

    @operation("POST", "/crm_outbounds/{id}/records")
    async def create(
        self,
        id: str,
        *,
        customer_id: int,
        status_id: int | None = None,
        dictionary_status_id: int | None = None,
        agent_login: str | None = None,
        next_call_date: str | datetime | None = None,
        order: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Created[int]:
        """Add CRM customer ``customer_id`` to campaign ``id``.

        ``agent_login`` is required for the ``MY_RECORD`` system status,
        ``next_call_date`` (``YYYY-MM-DD hh:mm``, or an aware datetime) for
        ``MY_RECORD`` and ``CALL_NO_SOONER_THAN``.
        """
        zone = self._client.time_zone
        body = {
            "customer_id": check_id("customer_id", required("customer_id", customer_id)),
            **record_changes(
                zone, status_id, dictionary_status_id, agent_login, next_call_date, order
            ),
        }
        return await self._call(
            self.create,
            path=_path(id),
            body=body,
            cast_to=created(int, "record_id"),
            options=options,
        )

    @operation("PUT", "/crm_outbounds/{id}/records/{customer_id}")
    async def update(
        self,
        id: str,
        customer_id: int,
        *,
        status_id: int | None = None,
        dictionary_status_id: int | None = None,
        agent_login: str | None = None,
        next_call_date: str | datetime | None = None,
        order: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Change the record of CRM customer ``customer_id`` in campaign ``id``.

        Inferred: the seed lists this endpoint in its index only; it takes the
        fields of :meth:`create` (only those given are sent).
        """
        zone = self._client.time_zone
        body = record_changes(
            zone, status_id, dictionary_status_id, agent_login, next_call_date, order
        )
        need_some(body, "crm_outbounds.records.update")
        await self._call(self.update, path=_path(id, customer_id), body=body, options=options)

    @operation("DELETE", "/crm_outbounds/{id}/records/{customer_id}")
    async def delete(self, id: str, customer_id: int, **options: Unpack[RequestOptions]) -> None:
        """Remove CRM customer ``customer_id`` from campaign ``id`` (not while in a call)."""
        await self._call(self.delete, path=_path(id, customer_id), options=options)

    @operation("POST", "/crm_outbounds/{id}/records/{customer_id}/copy_notes")
    async def copy_notes(
        self, id: str, customer_id: int, **options: Unpack[RequestOptions]
    ) -> None:
        """Copy the campaign's notes of the record into the customer's CRM notes.

        Inferred: the seed lists this endpoint in its index only; no body is sent.
        """
        await self._call(self.copy_notes, path=_path(id, customer_id), options=options)


class AsyncCrmOutbounds(AsyncAPIResource):
    """Campaigns fed from the CRM (create and change the campaigns themselves with ``outbounds``)."""

    @cached_property
    def records(self) -> AsyncCrmOutboundRecords:
        """Records of a CRM-fed campaign, by CRM customer."""
        return AsyncCrmOutboundRecords(self._client)
