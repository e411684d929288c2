"""Contacts (customers) of OmiCRM: records, inputs, search filters, notes, layout fields."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

from pydantic import AliasChoices, Field, field_validator

from ..._core import CXInput, CXModel, EpochMillis, EpochSeconds, wire
from .common import Actor

__all__ = [
    "Contact",
    "ContactCallUser",
    "ContactEmail",
    "ContactFilter",
    "ContactInput",
    "ContactLayoutField",
    "ContactNote",
    "ContactPhone",
    "ContactSearchResult",
    "ContactTag",
    "CustomInfo",
    "DynamicAttribute",
    "DynamicAttributeValue",
    "Gender",
    "contact_filter",
]

Gender = Literal["male", "female", "other"]
"""``other``, ``male`` or ``female``, as the API spells them."""

_BIRTHDAY = re.compile(r"^\d{2}/\d{2}/\d{4}$")


class ContactEmail(CXModel):
    """An e-mail address of a contact."""

    data: str | None = None
    type: str | None = Field(default=None, description="home, personal or office")
    value_type: str | None = Field(
        default=None,
        validation_alias=AliasChoices("valueType", "value_type"),
        serialization_alias="valueType",
        description="Label shown in OMI: Nhà (home), Cá nhân (personal), Công ty (office)",
    )


class ContactPhone(CXModel):
    """A phone number of a contact."""

    data: str | None = None
    type: str | None = Field(default=None, description="home, personal or office")
    value_type: str | None = Field(
        default=None,
        validation_alias=AliasChoices("valueType", "value_type"),
        serialization_alias="valueType",
        description="Label shown in OMI: Nhà (home), Cá nhân (personal), Công ty (office)",
    )


class CustomInfo(CXModel):
    """A custom field value (``more_infomation`` item): name and display value."""

    value_type: str | None = None
    display_value: str | None = None


class DynamicAttributeValue(CXModel):
    """One value of a dynamic attribute."""

    display_value: str | None = None


class DynamicAttribute(CXModel):
    """A dynamic attribute value (``field_code`` from :class:`ContactLayoutField`)."""

    field_code: str | None = None
    field_type: str | None = None
    dynamic_attribute_value: list[DynamicAttributeValue] | None = None


class ContactTag(CXModel):
    """A tag as an object (``{"name": ...}``)."""

    name: str | None = None


class Contact(CXModel):
    """A contact (customer).

    The docs show no contact answer; fields are those of the create/update
    requests, read under both the request names (``fullName``, ``refId``) and
    snake_case, plus the usual OMI record fields.
    """

    id: str = Field(validation_alias=AliasChoices("_id", "id"))
    tenant_id: str | None = None
    full_name: str | None = Field(
        default=None, validation_alias=AliasChoices("full_name", "fullName")
    )
    ref_id: str | None = Field(default=None, validation_alias=AliasChoices("ref_id", "refId"))
    ref_code: str | None = Field(default=None, validation_alias=AliasChoices("ref_code", "refCode"))
    job_title: str | None = None
    note: str | None = None
    birthday: str | None = Field(default=None, description="dd/MM/yyyy")
    gender: str | None = None
    passport: str | None = None
    address: str | None = None
    user_owner_email: str | None = None
    emails: list[ContactEmail] | None = None
    phones: list[ContactPhone] | None = None
    tags: list[Any] | None = None
    more_information: list[CustomInfo] | None = Field(
        default=None, validation_alias=AliasChoices("more_infomation", "more_information")
    )
    dynamic_attributes: list[DynamicAttribute] | None = None
    created_date: EpochMillis = None
    last_updated_date: EpochMillis = None
    create_by: Actor | None = Field(
        default=None, validation_alias=AliasChoices("create_by", "created_by")
    )
    last_update_by: Actor | None = Field(
        default=None, validation_alias=AliasChoices("last_update_by", "last_updated_by")
    )


class ContactCallUser(CXModel):
    """The contact summary nested in a search result (``user`` items)."""

    full_name: str | None = None
    full_name_unsigned: str | None = None
    note: str | None = None
    tag: list[ContactTag] | None = None


class ContactSearchResult(Contact):
    """An item of ``contacts.list``.

    The docs' only example of this answer is a call record (``transaction_id``,
    ``direction``, ``disposition``... with the contact under ``user``), so the
    item is read tolerantly as a contact that may carry call fields.
    ``time_start_call``/``time_end_call``/``time_start_to_answer`` are epoch
    seconds in that example (the ``*_date`` fields are milliseconds). That
    example has no contact ``_id``, so here ``id`` may be ``None``.
    """

    id: str | None = Field(default=None, validation_alias=AliasChoices("_id", "id"))  # type: ignore[assignment]
    transaction_id: str | None = None
    direction: str | None = None
    source_number: str | None = None
    destination_number: str | None = None
    phone_number: str | None = None
    sip_number: str | None = None
    sip_user: str | None = None
    hotline: str | None = None
    disposition: str | None = None
    duration: int | None = None
    bill_sec: int | None = None
    answer_sec: int | None = None
    record_seconds: int | None = None
    recording_file: str | None = None
    recording_file_url: str | None = None
    provider: str | None = None
    is_auto_call: bool | None = None
    call_out_price: float | None = None
    hangup_cause: str | None = None
    endby_name: str | None = None
    time_start_call: EpochSeconds = None
    time_end_call: EpochSeconds = None
    time_start_to_answer: EpochSeconds = None
    user: list[ContactCallUser] | None = None
    tag: list[Any] | None = None


class ContactFilter(CXModel):
    """One ``filters`` entry of ``contacts.list``: a field code and the values to match.

    ``ContactFilter.owner("unassigned", "ann@acme.vn")`` filters on the person in
    charge (``contact_owner``); ``"unassigned"`` matches contacts nobody owns.
    """

    field_code: str
    value: list[str]

    @field_validator("field_code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("field_code must not be empty")
        return value

    @classmethod
    def of(cls, field_code: str, *values: str) -> ContactFilter:
        """A filter on ``field_code`` matching any of ``values``."""
        return cls(field_code=field_code, value=list(values))

    @classmethod
    def owner(cls, *values: str) -> ContactFilter:
        """Filter on the person in charge: staff e-mails, or ``"unassigned"``."""
        return cls.of("contact_owner", *values)


def contact_filter(field_code: str, *values: str) -> ContactFilter:
    """Build a :class:`ContactFilter` (``contact_filter("contact_owner", "unassigned")``)."""
    return ContactFilter.of(field_code, *values)


class ContactInput(CXInput):
    """A contact to create or update: Python names in the constructor, the API's on the wire.

    ``birthday`` takes a :class:`datetime.date` or a ``dd/MM/yyyy`` string. A mapping
    passed instead may use either spelling; unknown keys are refused.
    """

    full_name: str | None = wire("fullName")
    ref_id: str | None = wire("refId")
    ref_code: str | None = wire("refCode")
    job_title: str | None = None
    note: str | None = None
    birthday: str | None = None
    gender: Gender | None = None
    passport: str | None = None
    address: str | None = None
    user_owner_email: str | None = None
    emails: list[ContactEmail] | None = None
    phones: list[ContactPhone] | None = None
    tags: list[str] | None = None
    more_information: list[CustomInfo] | None = wire("more_infomation")
    dynamic_attributes: list[DynamicAttribute] | None = None

    @field_validator("birthday", mode="before")
    @classmethod
    def _birthday(cls, value: Any) -> Any:
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, str) and not _BIRTHDAY.match(value.strip()):
            raise ValueError("birthday must be a date or a 'dd/MM/yyyy' string")
        return value

    @field_validator("emails", "phones", mode="before")
    @classmethod
    def _entries(cls, value: Any) -> Any:
        # A bare string is the common case: {"data": value}.
        if isinstance(value, (list, tuple)):
            return [{"data": v} if isinstance(v, str) else v for v in value]
        return value


class ContactNote(CXInput):
    """A note interaction for ``contacts.add_note``: ``phone`` and ``content`` are required."""

    phone: str
    content: str
    note_by: str | None = Field(default=None, description="E-mail of the staff member")

    @field_validator("phone", "content")
    @classmethod
    def _required(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value


class ContactLayoutField(CXModel):
    """A dynamic attribute (custom contact field) of the contact layout.

    The docs show no example; ``field_code`` and ``field_type`` are the names
    ``contacts.update`` uses in ``dynamic_attributes``.
    """

    id: str | None = Field(default=None, validation_alias=AliasChoices("_id", "id"))
    field_code: str | None = None
    field_type: str | None = None
    field_name: str | None = Field(
        default=None, validation_alias=AliasChoices("field_name", "name", "display_name")
    )
    is_required: bool | None = None
    options: list[Any] | None = None


def as_contact_input(value: ContactInput | Mapping[str, Any]) -> ContactInput:
    """A :class:`ContactInput` from itself or a mapping (API or snake_case names; unknown
    keys refused, so a misspelt field fails before sending)."""
    return ContactInput.coerce(value, name="contact")
