"""Thulium-specific argument checks (pure, run before any request)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, tzinfo
from typing import Any

from pydantic import ValidationError

from .._core import CXInput, check_list, check_text

__all__ = [
    "DateInput",
    "check_login",
    "check_outbound_id",
    "check_texts_or_ids",
    "custom_field_filters",
    "date_span",
    "input_body",
    "required",
    "thulium_date",
    "zoned_text",
]

DateInput = str | date | datetime
"""A date argument: ``"2024-11-08"``, ``"2024-11-08 10:30"``, ``"2024-11-08 10:30:00"``,
a ``date`` or an aware ``datetime``."""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?$")
_OUTBOUND_ID = re.compile(r"^\d{1,5}$")


def check_login(name: str, value: Any) -> str:
    """An agent or user login (non-empty text)."""
    return check_text(name, value)


def check_outbound_id(name: str, value: Any) -> str:
    """A campaign id: the five-digit text the API uses (``"00001"``); ints are padded."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0 or value > 99999:
            raise ValueError(f"{name} must be a campaign id between 0 and 99999")
        return f"{value:05d}"
    if not isinstance(value, str) or not _OUTBOUND_ID.match(value.strip()):
        raise ValueError(f"{name} must be a campaign id such as '00001', got {value!r}")
    return value.strip()


def thulium_date(name: str, value: DateInput | None, zone: tzinfo) -> str | None:
    """A date for the API, in the account's ``zone``.

    Text must be ``YYYY-MM-DD``, ``YYYY-MM-DD HH:MM`` or ``YYYY-MM-DD HH:MM:SS`` and
    passes as it is; a ``date`` gives ``YYYY-MM-DD``; an aware ``datetime`` is moved
    to the account's zone and gives ``YYYY-MM-DD HH:MM:SS``.
    """
    shapes = "2024-11-08, 2024-11-08 10:30 or 2024-11-08 10:30:00"
    return zoned_text(name, value, zone, _DATE, "%Y-%m-%d %H:%M:%S", shapes, dates=True)


def date_span(
    prefix: str,
    start: Any,
    end: Any,
    zone: tzinfo,
    read: Callable[[str, Any, tzinfo], str | None] = thulium_date,
) -> dict[str, str | None]:
    """The filters ``{prefix}_from`` and ``{prefix}_to``, each read by ``read`` (``None``
    kept, for ``drop_none``)."""
    names = f"{prefix}_from", f"{prefix}_to"
    return {name: read(name, value, zone) for name, value in zip(names, (start, end), strict=True)}


def zoned_text(
    name: str,
    value: Any,
    zone: tzinfo,
    pattern: re.Pattern[str],
    stamp: str,
    shapes: str,
    *,
    dates: bool,
) -> str | None:
    """``value`` as the API's local-time text: text matching ``pattern`` (one of
    ``shapes``) passes as it is, an aware ``datetime`` is written with ``stamp`` in the
    account's ``zone`` and, when ``dates``, a ``date`` as ``YYYY-MM-DD``."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"{name}: pass an aware datetime (with a time zone)")
        return value.astimezone(zone).strftime(stamp)
    if dates and isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be text like {shapes}{', a date' if dates else ''} or a datetime"
        )
    if not pattern.match(value.strip()):
        raise ValueError(f"{name} must look like {shapes}; got {value!r}")
    return value.strip()


def check_texts_or_ids(name: str, values: Any) -> list[Any] | None:
    """An optional non-empty list of ids or logins (a single string is refused)."""
    return None if values is None else check_list(name, values, _text_or_id)


def _text_or_id(name: str, item: Any) -> Any:
    if isinstance(item, bool) or not isinstance(item, (str, int)):
        raise TypeError(f"{name} must be a string or an integer")
    if isinstance(item, str) and not item.strip():
        raise ValueError(f"{name} must not be empty")
    return item


def custom_field_filters(
    value: Mapping[str, str | Sequence[str]] | None,
) -> dict[str, str] | None:
    """Custom-field search as the API spells it.

    ``{"Kraj": ["POLSKA", "NORWEGIA"], "Miasto": "Kraków"}`` gives
    ``custom_fields[Kraj][0]=POLSKA&custom_fields[Kraj][1]=NORWEGIA&custom_fields[Miasto]=Kraków``.
    """
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError("custom_fields must map a field name to a value or a list of values")
    out: dict[str, str] = {}
    for field, wanted in value.items():
        if not isinstance(field, str) or not field.strip():
            raise ValueError("custom_fields names must be non-empty strings")
        if isinstance(wanted, str):
            out[f"custom_fields[{field}]"] = wanted
        elif isinstance(wanted, Sequence) and wanted:
            for i, item in enumerate(wanted):
                if not isinstance(item, str):
                    raise TypeError(f"custom_fields[{field}] values must be strings")
                out[f"custom_fields[{field}][{i}]"] = item
        else:
            raise TypeError(f"custom_fields[{field}] must be a string or a non-empty list")
    return out


def input_body(model: type[CXInput], what: str, **fields: Any) -> dict[str, Any]:
    """The wire body of ``model`` from keyword arguments (``None`` ones left out)."""
    values = {k: v for k, v in fields.items() if v is not None}
    try:
        return model.model_validate(values).to_body()
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        shown = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors[:3])
        raise ValueError(f"{what}: {shown}") from None


def required(name: str, value: Any) -> Any:
    """``value``, refusing ``None`` for a required argument."""
    if value is None:
        raise ValueError(f"{name} is required")
    return value
