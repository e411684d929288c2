"""CRM: customers and companies, what is sent to create or change them, and their ids."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from pydantic import Field, field_validator

from ..._core import CXInput
from .common import Address, AddressInput, ThuliumDateTime, ThuliumModel

__all__ = [
    "Company",
    "CompanyInput",
    "Customer",
    "CustomerIdList",
    "CustomerInput",
    "CustomerUpdate",
    "FeedRecordType",
]

FeedRecordType = Literal["ZOWIE"]
"""The contact-history entry types the API takes."""


class Customer(ThuliumModel):
    """A CRM customer.

    ``custom_fields`` maps each custom field's name to its value, as sent (only
    with ``include_custom_fields``); the addresses come only when asked for.
    """

    customer_id: int
    name: str | None = None
    surname: str | None = None
    phone_number: str | None = None
    phone_numbers: list[str] | None = None
    email: str | None = None
    emails: list[str] | None = None
    company_id: int | None = None
    identifier: str | None = None
    type: str | None = None
    group: str | None = None
    company_flag: bool | None = None
    birthdate: date | None = None
    gender: str | None = None
    homepage: str | None = None
    nip: str | None = None
    pesel: str | None = None
    job: str | None = None
    job_title: str | None = None
    note: str | None = None
    vip: bool | None = None
    account_manager: str | None = None
    updated_at: ThuliumDateTime = None
    address: Address | None = None
    invoice_address: Address | None = None
    mail_drop_address: Address | None = None
    custom_fields: dict[str, Any] | None = None


class Company(ThuliumModel):
    """A CRM company (a company is also a customer: ``customer_id``)."""

    company_id: int
    customer_id: int | None = None
    name: str | None = None
    identifier: str | None = None
    phone_number: str | None = None
    phone_numbers: list[str] | None = None
    email: str | None = None
    emails: list[str] | None = None
    type: str | None = None
    group: str | None = None
    nip: str | None = None
    note: str | None = None
    vip: bool | None = None
    account_manager: str | None = None
    address: Address | None = None
    invoice_address: Address | None = None
    mail_drop_address: Address | None = None
    custom_fields: dict[str, Any] | None = None


class CustomerIdList(ThuliumModel):
    """The answer of ``customer_id_by_outbound_status.list``."""

    customer_id: list[int] = Field(default_factory=list)


def _texts(value: Any) -> Any:
    if isinstance(value, Sequence) and not isinstance(value, str):
        return list(value)
    return value


class _Fields(CXInput):
    """Fields customers and companies share."""

    email: str | list[str] | None = None
    phone_number: str | list[str] | None = None
    type: str | None = None
    group: str | None = None
    identifier: str | None = None
    nip: str | None = None
    note: str | None = None
    account_manager: str | None = None
    custom_fields: dict[str, Any] | None = None
    fill_read_only_custom_fields: bool | None = None
    vip: bool | None = None
    address: AddressInput | None = None
    invoice_address: AddressInput | None = None
    mail_drop_address: AddressInput | None = None

    @field_validator("email", "phone_number", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        return _texts(value)

    def to_body(self) -> dict[str, Any]:
        """The wire body; ``None`` values inside ``custom_fields`` are kept (they clear a field)."""
        body = super().to_body()
        if self.custom_fields is not None:
            body["custom_fields"] = dict(self.custom_fields)
        return body


class CustomerInput(_Fields):
    """A customer to create (``surname`` is required by the single create call;
    a batch item is checked by the server, item by item).

    ``email`` and ``phone_number`` take one value or a list; ``custom_fields``
    maps custom field names to values (an empty value clears the field, an
    unknown name creates the field).
    """

    name: str | None = None
    surname: str | None = None
    company_id: int | None = None
    gender: str | None = None
    homepage: str | None = None
    birthdate: date | str | None = None
    pesel: str | None = None
    job: str | None = None
    job_title: str | None = None


class CustomerUpdate(CustomerInput):
    """A change to one customer in ``batch.customers.update``: its id and the fields to set."""

    customer_id: int | str = Field(...)

    @field_validator("customer_id")
    @classmethod
    def _id(cls, value: int | str) -> int | str:
        if isinstance(value, bool) or not str(value).strip().isdigit() or int(value) < 1:
            raise ValueError("customer_id must be a positive id")
        return value


class CompanyInput(_Fields):
    """A company to create or change (``name`` is required to create one)."""

    name: str | None = None
