"""Shapes shared by every Thulium resource: the base model, dates, addresses, batch results."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from pydantic import ConfigDict, Field, model_validator

from ..._core import (
    APIError,
    CXInput,
    CXModel,
    ErrorDetail,
    error_class_for_status,
    local_datetime,
)

__all__ = [
    "Address",
    "AddressInput",
    "BatchItem",
    "BatchResult",
    "ErrorDetail",
    "ThuliumDateTime",
    "ThuliumModel",
]

ACCOUNT_ZONE = ZoneInfo("Europe/Warsaw")
"""The default account time zone (a client's ``time_zone`` option overrides it)."""

DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
)
"""The date shapes Thulium sends: with seconds, with milliseconds (chats), to the
minute (campaign records) and date only (campaign and report dates)."""

if TYPE_CHECKING:
    ThuliumDateTime = datetime | None
else:
    ThuliumDateTime = local_datetime(ACCOUNT_ZONE, formats=DATE_FORMATS)
    """A Thulium local date (``2016-04-20 09:46:24`` and shorter forms) as an aware
    datetime in the account's zone."""


def _blank_to_none(data: Any, keep: frozenset[str]) -> Any:
    if isinstance(data, Mapping) and any(v == "" for v in data.values()):
        return {k: (None if v == "" and k not in keep else v) for k, v in data.items()}
    return data


@functools.cache
def _required_text(cls: type[CXModel]) -> frozenset[str]:
    """The wire names of ``cls``'s required ``str`` fields."""
    return frozenset(
        info.alias or name
        for name, info in cls.model_fields.items()
        if info.is_required() and info.annotation is str
    )


class ThuliumModel(CXModel):
    """Base of Thulium models: an empty string means "no value" (``None``), except in
    a required text field, where it is kept as sent (the docs' "Automat" agent has the
    login ``""``).

    Numbers sent where text is documented (an agent ``number``) are read as text.
    """

    model_config = ConfigDict(coerce_numbers_to_str=True)

    @model_validator(mode="before")
    @classmethod
    def _blanks(cls, data: Any) -> Any:
        return _blank_to_none(data, _required_text(cls))


class Address(ThuliumModel):
    """A postal address of a customer or company."""

    street: str | None = None
    building: str | None = None
    flat: str | None = None
    postcode: str | None = None
    city: str | None = None
    post_office: str | None = None
    borough: str | None = None
    county: str | None = None
    voivodship: str | None = None
    country: str | None = None


class AddressInput(CXInput):
    """An address to send (``address``, ``invoice_address``, ``mail_drop_address``)."""

    street: str | None = None
    building: str | None = None
    flat: str | None = None
    postcode: str | None = None
    city: str | None = None
    country: str | None = None


class BatchItem(ThuliumModel):
    """The outcome of one item of a batch call (HTTP 207 multi-status).

    ``index`` is the item's position in the request (batch create), ``id`` the id
    the answer keys it by (batch update and delete), ``object`` the other fields
    the item's answer carries (``{"customer_id": "13"}``).
    """

    http_status: int | None = None
    index: int | None = None
    id: str | None = None
    message: str | None = None
    object: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        """Whether this item succeeded (HTTP status below 400)."""
        return self.http_status is not None and self.http_status < 400

    @property
    def key(self) -> int | str | None:
        """The index or id that identifies the item."""
        return self.index if self.index is not None else self.id


def batch_items(data: Any, keyed_by: str) -> list[dict[str, Any]]:
    """A batch answer as a list of :class:`BatchItem` fields.

    Thulium answers an object keyed by item index (``"0"``, ``"1"``: batch create) or
    by id (batch update and delete), or a list of items that carry their own id.
    """
    if isinstance(data, Mapping):
        entries: list[tuple[Any, Any]] = list(data.items())
    elif isinstance(data, list):
        entries = [(None, value) for value in data]
    else:
        return []
    out: list[dict[str, Any]] = []
    for position, (key, value) in enumerate(entries):
        fields = dict(value) if isinstance(value, Mapping) else {"value": value}
        item: dict[str, Any] = {
            "http_status": fields.pop("http_status", None),
            "message": fields.pop("message", None),
        }
        if key is None:
            item["index"] = position
            if fields.get("id") is not None:
                item["id"] = str(fields["id"])
        elif keyed_by == "index" and str(key).isdigit():
            item["index"] = int(key)
        else:
            item["id"] = str(key)
        item["object"] = fields or None
        out.append(item)
    return out


class BatchResult(ThuliumModel):
    """What a batch call (HTTP 207 multi-status) did, item by item.

    Some items may fail while others succeed; nothing is raised for that. Look at
    :attr:`failed`, or call :meth:`raise_for_failures`.
    """

    items: list[BatchItem] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _items(cls, data: Any) -> Any:
        if isinstance(data, list):
            return {"items": data}
        return data

    @property
    def succeeded(self) -> list[BatchItem]:
        """The items that succeeded."""
        return [item for item in self.items if item.ok]

    @property
    def failed(self) -> list[BatchItem]:
        """The items that failed."""
        return [item for item in self.items if not item.ok]

    def raise_for_failures(self) -> None:
        """Raise the typed error of the first failed item, if any.

        The error carries every failure in ``error.errors``: one
        :class:`~cxkit.ErrorDetail` each, its ``code`` the item's HTTP status and its
        ``item`` the item's index or id (``self.failed`` has the items themselves).
        """
        failed = self.failed
        if not failed:
            return
        first = failed[0]
        status = first.http_status if first.http_status is not None else 500
        message = first.message or f"batch item {first.key} failed with HTTP {status}"
        if len(failed) > 1:
            message += f" (and {len(failed) - 1} more failed item(s))"
        error = error_class_for_status(status)(
            message,
            vendor="thulium",
            status_code=status,
            body=[item.to_dict() for item in failed],
        )
        _attach(error, failed)
        raise error


def _attach(error: APIError, failed: list[BatchItem]) -> None:
    error.errors = [
        ErrorDetail(item.message or f"HTTP {item.http_status}", item.http_status, item.key)
        for item in failed
    ]
