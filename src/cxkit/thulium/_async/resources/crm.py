"""CRM customers (with notes and contact history), companies and batch customers (async source; the sync twin is generated)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    Created,
    check_choice,
    check_ids,
    check_list,
    created,
    drop_none,
    id_path,
    need_some,
    operation,
    opt_id,
)
from ..._checks import (
    check_outbound_id,
    check_texts_or_ids,
    custom_field_filters,
    input_body,
    required,
)
from ..._dialect import ThuliumHints
from ...types.common import AddressInput, BatchResult
from ...types.crm import (
    Company,
    CompanyInput,
    Customer,
    CustomerIdList,
    CustomerInput,
    CustomerUpdate,
    FeedRecordType,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = [
    "AsyncCompanies",
    "AsyncCustomerFeedRecords",
    "AsyncCustomerIdByOutboundStatus",
    "AsyncCustomerNotes",
    "AsyncCustomers",
    "AsyncCustomersBatch",
]

AddressArg = AddressInput | Mapping[str, Any]
CustomFilter = Mapping[str, str | Sequence[str]]

_CUSTOMER_ORDER = ("surname", "name", "nip", "company_id", "customer_id", "identifier")
# The docs list name, nip, company_id and identifier for companies, and their own
# example sorts by -customer_id: that is accepted too.
_COMPANY_ORDER = ("name", "nip", "company_id", "customer_id", "identifier")


def _order(value: str | Sequence[str] | None, allowed: tuple[str, ...]) -> str | None:
    """Sort fields as ``name,-customer_id``; a ``-`` prefix sorts descending."""
    if value is None:
        return None
    fields = value.split(",") if isinstance(value, str) else list(value)
    if not fields:
        raise ValueError("order must name at least one field")
    for field in fields:
        if not isinstance(field, str) or field.strip().lstrip("-") not in allowed:
            raise ValueError(f"order fields must be among {', '.join(allowed)}; got {field!r}")
    return ",".join(f.strip() for f in fields)


def _includes(
    custom_fields: bool | None,
    address: bool | None,
    invoice_address: bool | None,
    mail_drop_address: bool | None,
) -> dict[str, Any]:
    return drop_none(
        include_custom_fields=custom_fields,
        include_address=address,
        include_invoice_address=invoice_address,
        include_mail_drop_address=mail_drop_address,
    )


def _items(model: type[CustomerInput], values: Any, name: str) -> list[dict[str, Any]]:
    of = f"{model.__name__} or dicts"
    return check_list(name, values, lambda at, v: model.coerce(v, name=at).to_body(), of=of)


class AsyncCustomerNotes(AsyncAPIResource):
    """Notes on a customer."""

    @operation("POST", "/customers/{id}/notes")
    async def create(
        self,
        id: int,
        *,
        message: str,
        user_login: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Add a note to customer ``id``, written as agent ``user_login`` if given."""
        await self._call(
            self.create,
            path=id_path(id=id),
            body=drop_none(message=message, user_login=user_login),
            options=options,
        )


class AsyncCustomerFeedRecords(AsyncAPIResource):
    """Entries of a customer's contact history."""

    @operation("POST", "/customers/{id}/feed_records")
    async def create(
        self,
        id: int,
        *,
        type: FeedRecordType,
        payload: str | Sequence[Any] | Mapping[str, Any],
        **options: Unpack[RequestOptions],
    ) -> None:
        """Add an entry to customer ``id``'s contact history.

        ``payload`` is the entry's data as JSON text, as the docs send it; a list
        or dict is encoded to compact JSON text for you.
        """
        if payload is None or (isinstance(payload, str) and not payload.strip()):
            raise ValueError("payload must not be empty")
        text = payload if isinstance(payload, str) else _json_text(payload)
        await self._call(
            self.create,
            path=id_path(id=id),
            body={
                "type": check_choice("type", required("type", type), FeedRecordType),
                "payload": text,
            },
            options=options,
        )


def _json_text(value: Any) -> str:
    items = list(value) if isinstance(value, Sequence) else dict(value)
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


class AsyncCustomers(AsyncAPIResource):
    """CRM customers."""

    @operation("GET", "/customers", paged=True, hints=ThuliumHints(max_limit=1000))
    def list(
        self,
        *,
        identifier: str | None = None,
        email: str | None = None,
        phone_number: str | None = None,
        nip: str | None = None,
        company_id: int | None = None,
        company_flag: bool | None = None,
        type: str | None = None,
        group: str | None = None,
        custom_fields: CustomFilter | None = None,
        include_custom_fields: bool | None = None,
        include_address: bool | None = None,
        include_invoice_address: bool | None = None,
        include_mail_drop_address: bool | None = None,
        order: str | Sequence[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Customer]:
        """Search customers; pages follow lazily.

        An empty ``identifier`` (or ``phone_number``) finds customers without one.
        ``custom_fields`` searches custom field values: ``{"Kraj": ["POLSKA",
        "NORWEGIA"], "Miasto": "Kraków"}``. ``order`` sorts by surname, name, nip,
        company_id, customer_id or identifier (``-`` prefix: descending).
        ``limit`` is at most 1000.
        """
        params = drop_none(
            identifier=identifier,
            email=email,
            phone_number=phone_number,
            nip=nip,
            company_id=opt_id("company_id", company_id),
            company_flag=company_flag,
            type=type,
            group=group,
            **(custom_field_filters(custom_fields) or {}),
            **_includes(
                include_custom_fields,
                include_address,
                include_invoice_address,
                include_mail_drop_address,
            ),
            limit=limit,
            offset=offset,
            order=_order(order, _CUSTOMER_ORDER),
        )
        return self._paginate(self.list, item=Customer, params=params, options=options)

    @operation("GET", "/customers/{id}")
    async def get(
        self,
        id: int,
        *,
        include_custom_fields: bool | None = None,
        include_address: bool | None = None,
        include_invoice_address: bool | None = None,
        include_mail_drop_address: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> Customer:
        """Get customer ``id``; ``include_*`` add custom fields and addresses."""
        return await self._call(
            self.get,
            path=id_path(id=id),
            params=_includes(
                include_custom_fields,
                include_address,
                include_invoice_address,
                include_mail_drop_address,
            ),
            cast_to=Customer,
            options=options,
        )

    @operation("POST", "/customers")
    async def create(
        self,
        *,
        surname: str,
        name: str | None = None,
        email: str | Sequence[str] | None = None,
        phone_number: str | Sequence[str] | None = None,
        company_id: int | None = None,
        type: str | None = None,
        group: str | None = None,
        identifier: str | None = None,
        gender: str | None = None,
        homepage: str | None = None,
        birthdate: date | str | None = None,
        nip: str | None = None,
        note: str | None = None,
        pesel: str | None = None,
        job: str | None = None,
        job_title: str | None = None,
        account_manager: str | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        fill_read_only_custom_fields: bool | None = None,
        vip: bool | None = None,
        address: AddressArg | None = None,
        invoice_address: AddressArg | None = None,
        mail_drop_address: AddressArg | None = None,
        **options: Unpack[RequestOptions],
    ) -> Created[int]:
        """Add a customer to the CRM.

        ``email`` and ``phone_number`` take one value or a list. ``custom_fields``
        maps custom field names to values; ``fill_read_only_custom_fields`` fills
        read-only ones too. ``account_manager`` is the login of the customer's
        account manager.
        """
        body = input_body(
            CustomerInput,
            "customers.create",
            name=name,
            surname=surname,
            email=email,
            phone_number=phone_number,
            company_id=opt_id("company_id", company_id),
            type=type,
            group=group,
            identifier=identifier,
            gender=gender,
            homepage=homepage,
            birthdate=birthdate,
            nip=nip,
            note=note,
            pesel=pesel,
            job=job,
            job_title=job_title,
            account_manager=account_manager,
            custom_fields=custom_fields,
            fill_read_only_custom_fields=fill_read_only_custom_fields,
            vip=vip,
            address=address,
            invoice_address=invoice_address,
            mail_drop_address=mail_drop_address,
        )
        return await self._call(
            self.create, body=body, cast_to=created(int, "customer_id"), options=options
        )

    @operation("PUT", "/customers/{id}")
    async def update(
        self,
        id: int,
        *,
        name: str | None = None,
        surname: str | None = None,
        email: str | Sequence[str] | None = None,
        phone_number: str | Sequence[str] | None = None,
        company_id: int | None = None,
        type: str | None = None,
        group: str | None = None,
        identifier: str | None = None,
        gender: str | None = None,
        homepage: str | None = None,
        birthdate: date | str | None = None,
        nip: str | None = None,
        note: str | None = None,
        pesel: str | None = None,
        job: str | None = None,
        job_title: str | None = None,
        account_manager: str | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        fill_read_only_custom_fields: bool | None = None,
        vip: bool | None = None,
        address: AddressArg | None = None,
        invoice_address: AddressArg | None = None,
        mail_drop_address: AddressArg | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Change customer ``id``: only the fields given are sent."""
        body = input_body(
            CustomerInput,
            "customers.update",
            name=name,
            surname=surname,
            email=email,
            phone_number=phone_number,
            company_id=opt_id("company_id", company_id),
            type=type,
            group=group,
            identifier=identifier,
            gender=gender,
            homepage=homepage,
            birthdate=birthdate,
            nip=nip,
            note=note,
            pesel=pesel,
            job=job,
            job_title=job_title,
            account_manager=account_manager,
            custom_fields=custom_fields,
            fill_read_only_custom_fields=fill_read_only_custom_fields,
            vip=vip,
            address=address,
            invoice_address=invoice_address,
            mail_drop_address=mail_drop_address,
        )
        if not options.get("extra_body"):
            need_some(body, "customers.update")
        await self._call(self.update, path=id_path(id=id), body=body, options=options)

    @operation("DELETE", "/customers/{id}")
    async def delete(self, id: int, **options: Unpack[RequestOptions]) -> None:
        """Delete customer ``id`` and what depends on it (calls, chats and tickets stay)."""
        await self._call(self.delete, path=id_path(id=id), options=options)

    @cached_property
    def notes(self) -> AsyncCustomerNotes:
        """Notes on a customer."""
        return AsyncCustomerNotes(self._client)

    @cached_property
    def feed_records(self) -> AsyncCustomerFeedRecords:
        """Entries of a customer's contact history."""
        return AsyncCustomerFeedRecords(self._client)


class AsyncCustomerIdByOutboundStatus(AsyncAPIResource):
    """Customer ids by the status of their records in campaigns."""

    @operation("GET", "/customer_id_by_outbound_status")
    async def list(
        self,
        *,
        outbound_id: str | Sequence[str],
        status_id: int | Sequence[int],
        **options: Unpack[RequestOptions],
    ) -> list[int]:
        """The ids of customers whose record in campaign(s) ``outbound_id`` has status(es) ``status_id``."""
        outbounds = [outbound_id] if isinstance(outbound_id, (str, int)) else outbound_id
        statuses = [status_id] if isinstance(status_id, (str, int)) else status_id
        params = {
            "outbound_id": [
                check_outbound_id("outbound_id", v)
                for v in check_texts_or_ids("outbound_id", outbounds) or []
            ],
            "status_id": check_texts_or_ids("status_id", statuses),
        }
        result = await self._call(self.list, params=params, cast_to=CustomerIdList, options=options)
        return list(result.customer_id)


class AsyncCompanies(AsyncAPIResource):
    """CRM companies."""

    @operation("GET", "/companies", paged=True, hints=ThuliumHints(max_limit=1000))
    def list(
        self,
        *,
        identifier: str | None = None,
        email: str | None = None,
        phone_number: str | None = None,
        nip: str | None = None,
        type: str | None = None,
        group: str | None = None,
        custom_fields: CustomFilter | None = None,
        include_custom_fields: bool | None = None,
        include_address: bool | None = None,
        include_invoice_address: bool | None = None,
        include_mail_drop_address: bool | None = None,
        order: str | Sequence[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Company]:
        """Search companies; pages follow lazily.

        An empty ``identifier`` finds companies without one. ``custom_fields`` and
        ``order`` work as in ``customers.list`` (sort by name, nip, company_id,
        customer_id or identifier). ``limit`` is at most 1000.
        """
        params = drop_none(
            identifier=identifier,
            email=email,
            phone_number=phone_number,
            nip=nip,
            type=type,
            group=group,
            **(custom_field_filters(custom_fields) or {}),
            **_includes(
                include_custom_fields,
                include_address,
                include_invoice_address,
                include_mail_drop_address,
            ),
            limit=limit,
            offset=offset,
            order=_order(order, _COMPANY_ORDER),
        )
        return self._paginate(self.list, item=Company, params=params, options=options)

    @operation("GET", "/companies/{id}")
    async def get(
        self,
        id: int,
        *,
        include_custom_fields: bool | None = None,
        include_address: bool | None = None,
        include_invoice_address: bool | None = None,
        include_mail_drop_address: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> Company:
        """Get company ``id``; ``include_*`` add custom fields and addresses."""
        return await self._call(
            self.get,
            path=id_path(id=id),
            params=_includes(
                include_custom_fields,
                include_address,
                include_invoice_address,
                include_mail_drop_address,
            ),
            cast_to=Company,
            options=options,
        )

    @operation("POST", "/companies")
    async def create(
        self,
        *,
        name: str,
        nip: str | None = None,
        email: str | None = None,
        phone_number: str | Sequence[str] | None = None,
        type: str | None = None,
        group: str | None = None,
        identifier: str | None = None,
        note: str | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        fill_read_only_custom_fields: bool | None = None,
        account_manager: str | None = None,
        vip: bool | None = None,
        address: AddressArg | None = None,
        invoice_address: AddressArg | None = None,
        mail_drop_address: AddressArg | None = None,
        **options: Unpack[RequestOptions],
    ) -> Created[int]:
        """Add a company to the CRM (``nip``, when given, must be unique)."""
        body = input_body(
            CompanyInput,
            "companies.create",
            name=name,
            nip=nip,
            email=email,
            phone_number=phone_number,
            type=type,
            group=group,
            identifier=identifier,
            note=note,
            custom_fields=custom_fields,
            fill_read_only_custom_fields=fill_read_only_custom_fields,
            account_manager=account_manager,
            vip=vip,
            address=address,
            invoice_address=invoice_address,
            mail_drop_address=mail_drop_address,
        )
        return await self._call(
            self.create, body=body, cast_to=created(int, "company_id"), options=options
        )

    @operation("PUT", "/companies/{id}")
    async def update(
        self,
        id: int,
        *,
        name: str | None = None,
        nip: str | None = None,
        email: str | None = None,
        phone_number: str | Sequence[str] | None = None,
        type: str | None = None,
        group: str | None = None,
        identifier: str | None = None,
        note: str | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        fill_read_only_custom_fields: bool | None = None,
        account_manager: str | None = None,
        vip: bool | None = None,
        address: AddressArg | None = None,
        invoice_address: AddressArg | None = None,
        mail_drop_address: AddressArg | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Change company ``id``: only the fields given are sent."""
        body = input_body(
            CompanyInput,
            "companies.update",
            name=name,
            nip=nip,
            email=email,
            phone_number=phone_number,
            type=type,
            group=group,
            identifier=identifier,
            note=note,
            custom_fields=custom_fields,
            fill_read_only_custom_fields=fill_read_only_custom_fields,
            account_manager=account_manager,
            vip=vip,
            address=address,
            invoice_address=invoice_address,
            mail_drop_address=mail_drop_address,
        )
        if not options.get("extra_body"):
            need_some(body, "companies.update")
        await self._call(self.update, path=id_path(id=id), body=body, options=options)

    @operation("DELETE", "/companies/{id}")
    async def delete(self, id: int, **options: Unpack[RequestOptions]) -> None:
        """Delete company ``id`` and what depends on it (calls, chats and tickets stay)."""
        await self._call(self.delete, path=id_path(id=id), options=options)


class AsyncCustomersBatch(AsyncAPIResource):
    """Many customers in one call; each item succeeds or fails on its own (HTTP 207)."""

    @operation("POST", "/batch/customers", hints=ThuliumHints(batch="index"))
    async def create(
        self,
        customers: Sequence[CustomerInput | Mapping[str, Any]],
        **options: Unpack[RequestOptions],
    ) -> BatchResult:
        """Add many customers; the result's items are keyed by their position (``index``).

        Each customer is a :class:`CustomerInput` or a dict of its fields. The
        server checks each item (``surname`` is required), so one bad item fails
        alone.
        """
        body = {"customers": _items(CustomerInput, customers, "customers")}
        return await self._call(self.create, body=body, cast_to=BatchResult, options=options)

    @operation("PUT", "/batch/customers", hints=ThuliumHints(batch="id"))
    async def update(
        self,
        customers: Sequence[CustomerUpdate | Mapping[str, Any]],
        **options: Unpack[RequestOptions],
    ) -> BatchResult:
        """Change many customers; each item names its ``customer_id``. Items are keyed by id."""
        body = {"customers": _items(CustomerUpdate, customers, "customers")}
        return await self._call(self.update, body=body, cast_to=BatchResult, options=options)

    @operation("DELETE", "/batch/customers", hints=ThuliumHints(batch="id"))
    async def delete(
        self, customer_id: Sequence[int], **options: Unpack[RequestOptions]
    ) -> BatchResult:
        """Delete many customers (and what depends on them). Items are keyed by id."""
        params = {"customer_id": check_ids("customer_id", customer_id)}
        return await self._call(self.delete, params=params, cast_to=BatchResult, options=options)
