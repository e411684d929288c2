"""Custom fields: field groups, fields, linked dropdowns and data sources."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import AliasChoices, Field

from ..._core import CXModel

__all__ = [
    "CustomField",
    "DataSource",
    "FieldGroup",
    "FieldLink",
    "FieldModule",
    "FieldPageShow",
    "FieldProperty",
    "LinkValue",
    "LinkedField",
]

FieldModule = Literal["accounts", "contacts", "leads", "tickets"]
"""The modules the custom-field endpoints document."""


class FieldPageShow(CXModel):
    """Where a field shows (``pageShow``): grid, add form, overview (``1``/``0``)."""

    showgrid: int | None = None
    viewadd: int | None = None
    overview: int | None = None


class FieldProperty(CXModel):
    """A field's constraints (``1``/``0``)."""

    required: int | None = None
    unique: int | None = None
    readonly: int | None = None


class CustomField(CXModel):
    """One field of a group; ``alias`` is its key in records."""

    id: str
    name: str | None = None
    alias: str | None = None
    type: str | None = None
    default: int | None = None
    page_show: FieldPageShow | None = Field(default=None, alias="pageShow")
    property: FieldProperty | None = None
    tooltip: str | None = None
    note: str | None = None
    show: int | None = None
    col: int | None = None
    coldetail: int | None = None
    poscol1: int | None = None
    positionadd: int | None = None
    positionoverview: int | None = None
    module: str | None = None


class FieldGroup(CXModel):
    """A group of fields (``basicinfo``, ``custom_group_field_1``...) and its fields."""

    id: str
    name: str | None = None
    alias: str | None = None
    show: int | None = None
    position: int | None = None
    positionoverview: int | None = None
    default: int | None = None
    module: str | None = None
    coladd: str | None = None
    coldetail: str | None = None
    field: list[CustomField] | None = None


class LinkedField(CXModel):
    """The main dropdown of a field link."""

    id: str | None = Field(
        default=None, validation_alias=AliasChoices("_id", "id"), serialization_alias="_id"
    )
    name: str | None = None
    alias: str | None = None
    arr_drop_down: list[Any] | None = Field(default=None, alias="arrDropDown")
    type: str | None = None


class LinkValue(CXModel):
    """Whether a value of the main dropdown shows the linked field (``show`` ``1``/``0``)."""

    value: str | None = None
    show: int | None = None


class FieldLink(CXModel):
    """A field link: ``typelink`` is ``droptotext`` or ``droptodrop``."""

    typelink: str | None = None
    fieldmain: LinkedField | None = None
    show_value: list[LinkValue] | None = Field(default=None, alias="showValue")


class DataSource(CXModel):
    """The values of a dropdown's data source."""

    arr_drop_down: list[Any] | None = Field(default=None, alias="arrDropDown")
