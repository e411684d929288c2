"""Argument checks of the campaign, ticket and misc resources (pure, run before any request),
and the paging their record lists share.

Dates here have a fixed documented shape (``YYYY-MM-DD`` for campaign dates and
record filters, ``YYYY-MM-DD hh:mm`` for a record's next call); see
:func:`cxkit.thulium._checks.thulium_date` for the looser report and list filters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from typing import Any

from .._core import CXInput, check_choice, check_flag, check_id, check_int, check_text, opt_ids
from ._checks import zoned_text
from ._dialect import ThuliumHints
from .types.events import RecordSystemStatus

__all__ = [
    "RECORD_PAGES",
    "check_flag",
    "check_phone",
    "day_value",
    "field_map",
    "minute_value",
    "opt_int",
    "opt_text",
    "record_changes",
    "status_filters",
    "sub_model",
]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MINUTE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]*$")

RECORD_PAGES = ThuliumHints(max_limit=100, counted=True)
"""How a campaign's record list pages, for regular and CRM-fed campaigns alike: at
most 100 records a page, each page with the count of every matching record."""


def day_value(name: str, value: str | date | None, zone: tzinfo) -> str | None:
    """A ``YYYY-MM-DD`` day: text of that shape, a ``date``, or an aware ``datetime``
    (its day in the account's ``zone``)."""
    return zoned_text(name, value, zone, _DAY, "%Y-%m-%d", "2015-10-05 (YYYY-MM-DD)", dates=True)


def minute_value(name: str, value: str | datetime | None, zone: tzinfo) -> str | None:
    """A ``YYYY-MM-DD hh:mm`` time: text of that shape (seconds allowed), or an aware
    ``datetime`` written in the account's ``zone``."""
    shapes = "2018-05-24 12:24 (YYYY-MM-DD hh:mm)"
    return zoned_text(name, value, zone, _MINUTE, "%Y-%m-%d %H:%M", shapes, dates=False)


def check_phone(name: str, value: Any) -> str:
    """A phone number: digits, with an optional leading ``+`` and spaces, dashes or brackets."""
    text = check_text(name, value)
    if not _PHONE.match(text.strip()):
        raise ValueError(f"{name} must be a phone number such as 111222333; got {value!r}")
    return text.strip()


def opt_int(
    name: str, value: Any, *, low: int | None = None, high: int | None = None
) -> int | None:
    """An optional int within ``[low, high]``."""
    return None if value is None else check_int(name, value, low=low, high=high)


def opt_text(name: str, value: Any) -> str | None:
    """An optional non-empty string."""
    return None if value is None else check_text(name, value)


def field_map(name: str, value: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A mapping of field names (non-empty strings) to values, as a plain dict."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must map field names to values")
    for key in value:
        if not isinstance(key, str) or not key.strip():
            raise ValueError(f"{name}: field names must be non-empty strings")
    return dict(value)


def sub_model(model: type[CXInput], value: Any, name: str) -> dict[str, Any] | None:
    """An optional nested input (the model itself or a mapping) as its wire dict."""
    if value is None:
        return None
    return model.coerce(value, name=name).to_body()


def status_filters(status_id: Any, system_status: Any) -> dict[str, list[Any] | None]:
    """A record list's filters by campaign status ids and by system statuses
    (:data:`RecordSystemStatus`), both lists (``None`` kept, for ``drop_none``)."""
    if isinstance(system_status, str):
        raise TypeError("system_status must be a list of statuses, e.g. ['TO_CALL', 'CALL']")
    statuses = check_choice("system_status", system_status, RecordSystemStatus)
    return {
        "status_id": opt_ids("status_id", status_id),
        "system_status": None if statuses is None else list(statuses),
    }


def record_changes(
    zone: tzinfo,
    status_id: int | None,
    dictionary_status_id: int | None,
    agent_login: str | None,
    next_call_date: str | datetime | None,
    order: int | None,
    *,
    identifier: str | None = None,
    record_fields: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The fields a campaign record is created or changed with (``None`` ones left out);
    ``identifier`` and ``record_fields`` belong to regular campaigns only."""
    out: dict[str, Any] = {}
    if status_id is not None:
        out["status_id"] = check_id("status_id", status_id)
    if dictionary_status_id is not None:
        out["dictionary_status_id"] = check_id("dictionary_status_id", dictionary_status_id)
    if agent_login is not None:
        out["agent_login"] = check_text("agent_login", agent_login)
    if next_call_date is not None:
        out["next_call_date"] = minute_value("next_call_date", next_call_date, zone)
    if order is not None:
        out["order"] = check_int("order", order)
    if identifier is not None:
        out["identifier"] = check_text("identifier", identifier)
    if record_fields is not None:
        out["record_fields"] = field_map("record_fields", record_fields)
    return out
