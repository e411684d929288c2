"""Outbound campaigns, their agents, statuses, statistics and records (async source; the sync twin is generated).

Campaign ids are the five-character texts the API uses (``"00001"``); an int is
padded (``1`` -> ``"00001"``).
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    Created,
    check_choice,
    check_list,
    check_texts,
    created,
    drop_none,
    need_some,
    operation,
    opt_id,
)
from ..._checks import check_outbound_id, date_span, required
from ..._dialect import ThuliumHints
from ..._values import (
    RECORD_PAGES,
    check_flag,
    check_phone,
    day_value,
    opt_int,
    opt_text,
    record_changes,
    status_filters,
    sub_model,
)
from ...types.common import BatchResult
from ...types.outbounds import (
    Dialer,
    Outbound,
    OutboundAgent,
    OutboundParameters,
    OutboundRecord,
    OutboundStatus,
    OutboundStatusUpdate,
    PhoneNumberOutbound,
    RecordSystemStatus,
)
from ...types.outbounds import (
    OutboundStats as OutboundStatsModel,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = [
    "AsyncOutboundAgents",
    "AsyncOutboundRecords",
    "AsyncOutboundRecordsByIdentifier",
    "AsyncOutboundStats",
    "AsyncOutboundStatuses",
    "AsyncOutbounds",
    "AsyncOutboundsBatch",
]

MAX_RECORDS_LIMIT = 100
"""The largest ``limit`` of a campaign's record list."""


def _oid(value: Any, name: str = "id") -> str:
    return check_outbound_id(name, required(name, value))


def _record_path(id: Any, phone_number: Any) -> dict[str, str]:
    return {"id": _oid(id), "phone_number": check_phone("phone_number", phone_number)}


def _settings(
    client: Any,
    *,
    name: str | None,
    dialer: Dialer | None,
    active: bool | None,
    start_date: str | date | None,
    end_date: str | date | None,
    order: int | None,
    parity: int | None,
    parameters: OutboundParameters | Mapping[str, Any] | None,
    group_id: int | None,
) -> dict[str, Any]:
    zone = client.time_zone
    return drop_none(
        name=opt_text("name", name),
        dialer=check_choice("dialer", dialer, Dialer),
        active=active,
        start_date=day_value("start_date", start_date, zone),
        end_date=day_value("end_date", end_date, zone),
        order=opt_int("order", order, low=1, high=99999),
        parity=opt_int("parity", parity, low=1, high=100),
        parameters=sub_model(OutboundParameters, parameters, "parameters"),
        group_id=opt_id("group_id", group_id),
    )


class AsyncOutboundAgents(AsyncAPIResource):
    """The agents assigned to a campaign."""

    @operation("GET", "/outbounds/{id}/agents")
    async def list(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[OutboundAgent]:
        """List the agents of campaign ``id`` (one answer, not paged)."""
        return await self._call(
            self.list, path={"id": _oid(id)}, cast_to=builtins.list[OutboundAgent], options=options
        )

    @operation("POST", "/outbounds/{id}/add_agents")
    async def add(self, id: str, logins: Sequence[str], **options: Unpack[RequestOptions]) -> None:
        """Add agents (by login) to campaign ``id``."""
        await self._call(
            self.add,
            path={"id": _oid(id)},
            body={"logins": check_texts("logins", logins)},
            options=options,
        )

    @operation("POST", "/outbounds/{id}/remove_agents")
    async def remove(
        self, id: str, logins: Sequence[str], **options: Unpack[RequestOptions]
    ) -> None:
        """Remove agents (by login) from campaign ``id``."""
        await self._call(
            self.remove,
            path={"id": _oid(id)},
            body={"logins": check_texts("logins", logins)},
            options=options,
        )

    # Setting the same list twice leaves the same agents: safe to retry.
    @operation("POST", "/outbounds/{id}/set_agents", idempotent=True)
    async def set(self, id: str, logins: Sequence[str], **options: Unpack[RequestOptions]) -> None:
        """Make ``logins`` the only agents of campaign ``id`` (others are removed)."""
        await self._call(
            self.set,
            path={"id": _oid(id)},
            body={"logins": check_texts("logins", logins)},
            options=options,
        )


class AsyncOutboundStats(AsyncAPIResource):
    """Record statistics of campaigns."""

    @operation("GET", "/outbounds/{id}/stats")
    async def get(self, id: str, **options: Unpack[RequestOptions]) -> OutboundStatsModel:
        """Get the record statistics of campaign ``id``."""
        return await self._call(
            self.get, path={"id": _oid(id)}, cast_to=OutboundStatsModel, options=options
        )

    @operation("GET", "/outbounds/stats")
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[OutboundStatsModel]:
        """Get the record statistics of every active campaign (one answer, not paged).

        The docs list an ``id`` parameter here, but the path has no place for it and
        the example sends none; none is sent.
        """
        return await self._call(
            self.list, cast_to=builtins.list[OutboundStatsModel], options=options
        )


class AsyncOutboundStatuses(AsyncAPIResource):
    """The record statuses defined in a campaign."""

    @operation("GET", "/outbounds/{id}/statuses")
    async def list(
        self, id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[OutboundStatus]:
        """List the statuses of campaign ``id`` (``system_status``: :data:`RecordSystemStatus`)."""
        return await self._call(
            self.list, path={"id": _oid(id)}, cast_to=builtins.list[OutboundStatus], options=options
        )


class AsyncOutboundRecords(AsyncAPIResource):
    """Records of a regular (CSV-fed) campaign, addressed by phone number.

    Inferred: the seed lists these endpoints in its index only; parameters follow
    the CRM campaign records (the detailed sections) and the record's own fields.
    """

    @operation("GET", "/outbounds/{id}/records", paged=True, hints=RECORD_PAGES)
    def list(
        self,
        id: str,
        *,
        status_id: Sequence[int] | None = None,
        system_status: Sequence[RecordSystemStatus] | None = None,
        create_date_from: str | date | None = None,
        create_date_to: str | date | None = None,
        call_date_from: str | date | None = None,
        call_date_to: str | date | None = None,
        limit: int | None = None,
        offset: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[OutboundRecord]:
        """List the records of campaign ``id`` in the order they were added; pages follow lazily.

        Inferred (index-only in the seed). Filters: campaign ``status_id`` values,
        ``system_status`` values, creation and last-call days (``YYYY-MM-DD``). The
        page's ``total`` counts the matching records; ``limit`` is at most 100.
        """
        zone = self._client.time_zone
        params = drop_none(
            limit=limit,
            offset=offset,
            **status_filters(status_id, system_status),
            **date_span("create_date", create_date_from, create_date_to, zone, day_value),
            **date_span("call_date", call_date_from, call_date_to, zone, day_value),
        )
        return self._paginate(
            self.list, item=OutboundRecord, path={"id": _oid(id)}, params=params, options=options
        )

    @operation("GET", "/outbounds/{id}/records/{phone_number}")
    async def get(
        self, id: str, phone_number: str, **options: Unpack[RequestOptions]
    ) -> OutboundRecord:
        """Get the record of ``phone_number`` in campaign ``id``. Inferred (index-only in the seed)."""
        return await self._call(
            self.get, path=_record_path(id, phone_number), cast_to=OutboundRecord, options=options
        )

    @operation("POST", "/outbounds/{id}/records")
    async def create(
        self,
        id: str,
        *,
        phone_number: str,
        status_id: int | None = None,
        dictionary_status_id: int | None = None,
        identifier: str | None = None,
        agent_login: str | None = None,
        next_call_date: str | datetime | None = None,
        record_fields: Mapping[str, Any] | None = None,
        order: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Created[int]:
        """Add a record (a number to call) to campaign ``id``. Inferred (index-only in the seed).

        ``agent_login`` is required for the ``MY_RECORD`` system status,
        ``next_call_date`` (``YYYY-MM-DD hh:mm``) for ``MY_RECORD`` and
        ``CALL_NO_SOONER_THAN``; ``record_fields`` sets the campaign's own fields by
        name (regular campaigns only). A number already in the campaign is refused.
        """
        body = {
            "phone_number": check_phone("phone_number", phone_number),
            **record_changes(
                self._client.time_zone,
                status_id=status_id,
                dictionary_status_id=dictionary_status_id,
                agent_login=agent_login,
                next_call_date=next_call_date,
                order=order,
                identifier=identifier,
                record_fields=record_fields,
            ),
        }
        return await self._call(
            self.create,
            path={"id": _oid(id)},
            body=body,
            cast_to=created(int, "record_id"),
            options=options,
        )

    @operation("PUT", "/outbounds/{id}/records/{phone_number}")
    async def update(
        self,
        id: str,
        phone_number: str,
        *,
        status_id: int | None = None,
        dictionary_status_id: int | None = None,
        identifier: str | None = None,
        agent_login: str | None = None,
        next_call_date: str | datetime | None = None,
        record_fields: Mapping[str, Any] | None = None,
        order: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Change the record of ``phone_number`` in campaign ``id``. Inferred (index-only in the seed).

        Only the fields given are sent; the rules of :meth:`create` apply.
        """
        body = record_changes(
            self._client.time_zone,
            status_id=status_id,
            dictionary_status_id=dictionary_status_id,
            agent_login=agent_login,
            next_call_date=next_call_date,
            order=order,
            identifier=identifier,
            record_fields=record_fields,
        )
        need_some(body, "outbounds.records.update")
        await self._call(
            self.update, path=_record_path(id, phone_number), body=body, options=options
        )

    @operation("DELETE", "/outbounds/{id}/records/{phone_number}")
    async def delete(self, id: str, phone_number: str, **options: Unpack[RequestOptions]) -> None:
        """Remove the record of ``phone_number`` from campaign ``id``. Inferred (index-only in the seed)."""
        await self._call(self.delete, path=_record_path(id, phone_number), options=options)

    @operation("POST", "/outbound_status_by_phone_number")
    async def update_status(
        self, *, phone_number: str, status_id: int, **options: Unpack[RequestOptions]
    ) -> OutboundStatusUpdate:
        """Set the status of every record with ``phone_number`` (its main number), in every campaign.

        Inferred (index-only in the seed). ``status_id`` is the dictionary status to
        set; the answer lists the campaigns whose records changed.
        """
        body = {
            "phone_number": check_phone("phone_number", phone_number),
            "status_id": opt_id("status_id", required("status_id", status_id)),
        }
        return await self._call(
            self.update_status, body=body, cast_to=OutboundStatusUpdate, options=options
        )


class AsyncOutboundRecordsByIdentifier(AsyncAPIResource):
    """Records of a regular campaign, addressed by their own ``identifier``.

    Inferred: the seed lists these endpoints in its index only.
    """

    @operation("GET", "/outbounds/{id}/records_by_identifier/{identifier}")
    async def get(
        self, id: str, identifier: str, **options: Unpack[RequestOptions]
    ) -> OutboundRecord:
        """Get the record ``identifier`` of campaign ``id``. Inferred (index-only in the seed)."""
        return await self._call(
            self.get,
            path={"id": _oid(id), "identifier": identifier},
            cast_to=OutboundRecord,
            options=options,
        )

    @operation("PUT", "/outbounds/{id}/records_by_identifier/{identifier}")
    async def update(
        self,
        id: str,
        identifier: str,
        *,
        phone_number: str | None = None,
        status_id: int | None = None,
        dictionary_status_id: int | None = None,
        agent_login: str | None = None,
        next_call_date: str | datetime | None = None,
        record_fields: Mapping[str, Any] | None = None,
        order: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Change the record ``identifier`` of campaign ``id``. Inferred (index-only in the seed).

        Only the fields given are sent (see ``outbounds.records.create``).
        """
        body = {
            **drop_none(
                phone_number=None
                if phone_number is None
                else check_phone("phone_number", phone_number)
            ),
            **record_changes(
                self._client.time_zone,
                status_id=status_id,
                dictionary_status_id=dictionary_status_id,
                agent_login=agent_login,
                next_call_date=next_call_date,
                order=order,
                record_fields=record_fields,
            ),
        }
        need_some(body, "outbounds.records_by_identifier.update")
        await self._call(
            self.update, path={"id": _oid(id), "identifier": identifier}, body=body, options=options
        )

    @operation("DELETE", "/outbounds/{id}/records_by_identifier/{identifier}")
    async def delete(self, id: str, identifier: str, **options: Unpack[RequestOptions]) -> None:
        """Remove the record ``identifier`` from campaign ``id``. Inferred (index-only in the seed)."""
        await self._call(
            self.delete, path={"id": _oid(id), "identifier": identifier}, options=options
        )


class AsyncOutbounds(AsyncAPIResource):
    """Outbound campaigns: settings, agents, statuses, statistics and records."""

    @operation("GET", "/outbounds")
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[Outbound]:
        """List every campaign (one answer, not paged)."""
        return await self._call(self.list, cast_to=builtins.list[Outbound], options=options)

    @operation("POST", "/outbounds")
    async def create(
        self,
        *,
        name: str,
        dialer: Dialer,
        crm: bool,
        id: str | None = None,
        active: bool | None = None,
        start_date: str | date | None = None,
        end_date: str | date | None = None,
        order: int | None = None,
        parity: int | None = None,
        parameters: OutboundParameters | Mapping[str, Any] | None = None,
        group_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Created[str]:
        """Create a campaign.

        ``crm`` chooses how it is fed: from the CRM (true) or from CSV records;
        ``id`` is its five-character id (generated when left out); ``active``
        defaults to true, ``start_date`` to today (days as ``YYYY-MM-DD``);
        ``order`` is 1-99999 and ``parity`` 1-100 (both default to 50);
        ``parameters``: :class:`~cxkit.thulium.types.outbounds.OutboundParameters`.
        """
        if not isinstance(crm, bool):
            raise TypeError("crm must be a bool (true: fed from the CRM, false: from CSV)")
        settings = _settings(
            self._client,
            name=name,
            dialer=required("dialer", dialer),
            active=active,
            start_date=start_date,
            end_date=end_date,
            order=order,
            parity=parity,
            parameters=parameters,
            group_id=group_id,
        )
        body = {
            **drop_none(id=None if id is None else check_outbound_id("id", id)),
            **settings,
            "crm": crm,
        }
        return await self._call(self.create, body=body, cast_to=created(str, "id"), options=options)

    @operation("PUT", "/outbounds/{id}")
    async def update(
        self,
        id: str,
        *,
        name: str | None = None,
        dialer: Dialer | None = None,
        active: bool | None = None,
        start_date: str | date | None = None,
        end_date: str | date | None = None,
        order: int | None = None,
        parity: int | None = None,
        parameters: OutboundParameters | Mapping[str, Any] | None = None,
        group_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Change campaign ``id``; only the settings given are sent (see :meth:`create`)."""
        body = _settings(
            self._client,
            name=name,
            dialer=dialer,
            active=active,
            start_date=start_date,
            end_date=end_date,
            order=order,
            parity=parity,
            parameters=parameters,
            group_id=group_id,
        )
        need_some(body, "outbounds.update")
        await self._call(self.update, path={"id": _oid(id)}, body=body, options=options)

    @operation("DELETE", "/outbounds/{id}")
    async def delete(
        self, id: str, *, delete_recordings: bool | None = None, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete campaign ``id`` with all its records (queued: it may take hours).

        ``delete_recordings`` deletes the call recordings too (off by default).
        """
        await self._call(
            self.delete,
            path={"id": _oid(id)},
            params=drop_none(delete_recordings=check_flag("delete_recordings", delete_recordings)),
            options=options,
        )

    @operation("POST", "/outbounds/{id}/clone")
    async def clone(
        self,
        id: str,
        *,
        name: str,
        new_id: str | None = None,
        start_date: str | date | None = None,
        end_date: str | date | None = None,
        parameters: OutboundParameters | Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Created[str]:
        """Copy campaign ``id`` into a new campaign ``name``.

        ``new_id`` is the copy's five-character id (generated when left out);
        ``start_date`` defaults to today.
        """
        zone = self._client.time_zone
        body = drop_none(
            new_id=None if new_id is None else check_outbound_id("new_id", new_id),
            name=name,
            start_date=day_value("start_date", start_date, zone),
            end_date=day_value("end_date", end_date, zone),
            parameters=sub_model(OutboundParameters, parameters, "parameters"),
        )
        return await self._call(
            self.clone,
            path={"id": _oid(id)},
            body=body,
            cast_to=created(str, "id"),
            options=options,
        )

    @operation("GET", "/outbounds_by_phone_number/{phone_number}")
    async def find(
        self, phone_number: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[PhoneNumberOutbound]:
        """Find the campaigns that hold ``phone_number`` (empty when none).

        Inferred (index-only in the seed).
        """
        return await self._call(
            self.find,
            path={"phone_number": check_phone("phone_number", phone_number)},
            cast_to=builtins.list[PhoneNumberOutbound],
            options=options,
        )

    @cached_property
    def agents(self) -> AsyncOutboundAgents:
        """The agents assigned to a campaign."""
        return AsyncOutboundAgents(self._client)

    @cached_property
    def stats(self) -> AsyncOutboundStats:
        """Record statistics of campaigns."""
        return AsyncOutboundStats(self._client)

    @cached_property
    def statuses(self) -> AsyncOutboundStatuses:
        """The record statuses defined in a campaign."""
        return AsyncOutboundStatuses(self._client)

    @cached_property
    def records(self) -> AsyncOutboundRecords:
        """Records of a regular campaign, by phone number."""
        return AsyncOutboundRecords(self._client)

    @cached_property
    def records_by_identifier(self) -> AsyncOutboundRecordsByIdentifier:
        """Records of a regular campaign, by their own identifier."""
        return AsyncOutboundRecordsByIdentifier(self._client)


class AsyncOutboundsBatch(AsyncAPIResource):
    """Many campaigns in one call."""

    @operation("DELETE", "/batch/outbounds", hints=ThuliumHints(batch="id"))
    async def delete(
        self,
        id: Sequence[str],
        *,
        delete_recordings: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult:
        """Delete many campaigns with all their records (queued: it may take hours).

        Each item's ``object["status"]`` is ``REMOVAL_QUEUED``, ``NOT_EXIST`` or
        ``ALREADY_QUEUED`` (see :data:`~cxkit.thulium.types.outbounds.BatchOutboundStatus`);
        ``delete_recordings`` deletes the call recordings too.
        """
        params = {
            "id": check_list("id", id, check_outbound_id),
            **drop_none(delete_recordings=check_flag("delete_recordings", delete_recordings)),
        }
        return await self._call(self.delete, params=params, cast_to=BatchResult, options=options)
