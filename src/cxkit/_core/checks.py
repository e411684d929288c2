"""Argument checks run before any request: ids, choices, required fields, times."""

from __future__ import annotations

import email.utils
import re
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = [
    "TimeInput",
    "check_choice",
    "check_id",
    "check_ids",
    "check_ids_or_one",
    "check_int",
    "check_list",
    "check_max_items",
    "check_text",
    "check_texts",
    "id_path",
    "need_one",
    "need_some",
    "opt_id",
    "opt_ids",
    "opt_texts",
    "time_value",
]

TimeInput = str | int | datetime
"""A time as vendors take it: a date string, a Unix timestamp or a datetime."""


def check_id(name: str, value: Any, *, allow_zero: bool = False) -> int:
    """A positive integer id (``allow_zero`` for filters where 0 means "none")."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an integer id, got {type(value).__name__}")
    if value < 0 or (value == 0 and not allow_zero):
        raise ValueError(f"{name} must be a positive integer, got {value}")
    return value


def id_path(**ids: Any) -> dict[str, int]:
    """Path parameters that are all positive integer ids, each checked under its own name."""
    return {name: check_id(name, value) for name, value in ids.items()}


def opt_id(name: str, value: Any, *, allow_zero: bool = False) -> int | None:
    """:func:`check_id` for an optional argument (``None`` passes)."""
    return None if value is None else check_id(name, value, allow_zero=allow_zero)


def check_list(
    name: str, values: Any, item: Callable[[str, Any], T], *, empty: bool = False, of: str = ""
) -> list[T]:
    """A list (a single string or mapping is refused; empty only with ``empty``), each
    item checked by ``item`` under the name ``name[i]``; ``of`` names the items in the error."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        kind = f"a list of {of}" if of else "a list"
        raise TypeError(f"{name} must be {kind}, not {type(values).__name__}")
    if not values and not empty:
        raise ValueError(f"{name} must not be empty")
    return [item(f"{name}[{i}]", v) for i, v in enumerate(values)]


def check_ids(name: str, values: Any, *, allow_zero: bool = False) -> list[int]:
    """A non-empty sequence of ids."""
    return check_list(name, values, lambda at, v: check_id(at, v, allow_zero=allow_zero))


def opt_ids(name: str, values: Any, *, allow_zero: bool = False) -> list[int] | None:
    """:func:`check_ids` for an optional argument (``None`` passes)."""
    return None if values is None else check_ids(name, values, allow_zero=allow_zero)


def check_ids_or_one(name: str, value: Any, *, allow_zero: bool = False) -> int | list[int] | None:
    """One id or a sequence of ids (list filters take either)."""
    if value is None:
        return None
    if isinstance(value, int):
        return check_id(name, value, allow_zero=allow_zero)
    return check_ids(name, value, allow_zero=allow_zero)


def check_choice(name: str, value: Any, choices: Any) -> Any:
    """``value`` (or each value of a sequence) must be one of the ``Literal`` ``choices``."""
    if value is None:
        return None
    allowed = typing.get_args(choices)
    values = [value] if isinstance(value, str) else value
    if isinstance(values, Sequence) and values:
        for item in values:
            if item not in allowed:
                raise ValueError(
                    f"{name} must be one of {', '.join(map(str, allowed))}; got {item!r}"
                )
        return value if isinstance(value, str) else list(values)
    raise ValueError(f"{name} must be one of {', '.join(map(str, allowed))}; got {value!r}")


def check_max_items(name: str, value: Sequence[str] | None, limit: int) -> list[str] | None:
    """A sequence of strings with at most ``limit`` items."""
    if value is None:
        return None
    if isinstance(value, str):
        raise TypeError(f"{name} must be a sequence of strings, not one string")
    if len(value) > limit:
        raise ValueError(f"{name} takes at most {limit} items; got {len(value)}")
    return list(value)


def need_one(what: str, **values: Any) -> None:
    """At least one of ``values`` must be given."""
    if all(v is None for v in values.values()):
        raise ValueError(f"{what}: pass at least one of {', '.join(values)}")


def need_some(body: Mapping[str, Any], what: str) -> None:
    """An update must change something."""
    if not body:
        raise ValueError(f"{what}: nothing to send; pass at least one field")


def time_value(name: str, value: TimeInput | None) -> str | int | None:
    """A time for the API: strings pass as they are, datetimes become Unix timestamps."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"{name}: pass an aware datetime (with a time zone)")
        return int(value.timestamp())
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"{name} must be a string, a Unix timestamp or a datetime")
    if isinstance(value, str):
        if not value.strip():
            raise ValueError(f"{name} must not be empty")
        if not is_time_text(value):
            raise ValueError(
                f"{name}: cannot read {value!r} as a time; pass a datetime, a Unix "
                "timestamp, 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM[:SS]', ISO 8601 or an RFC 2822 date"
            )
    return value


_TIME_TEXT = re.compile(
    r"^\s*(?:\d{9,11}|\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?)?|\d{2}\.\d{2}\.\d{4}(?: \d{2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}"
    r"(?: \d{2}:\d{2}(?::\d{2})?)?)\s*$",
    re.IGNORECASE,
)


def is_time_text(text: str) -> bool:
    """Whether ``text`` is a time a vendor reads: a Unix timestamp, an ISO 8601 date or
    date-time, ``DD.MM.YYYY``, ``02 Jan 2024`` or an RFC 2822 date
    (``Mon, 05 May 2014 00:15:17 +0300``); relative words (``yesterday``) are refused."""
    if _TIME_TEXT.match(text):
        return True
    try:
        email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return False
    return True


def check_text(name: str, value: Any) -> str:
    """A required, non-empty string argument."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string")
    return value


def check_texts(name: str, values: Any) -> list[str]:
    """A required, non-empty list of non-empty strings (a single string is refused)."""
    if isinstance(values, (str, bytes)):  # a ValueError, as this check has always raised here
        raise ValueError(f"{name} must be a non-empty list of strings, not one string")
    return check_list(name, values, check_text)


def opt_texts(name: str, values: Any) -> list[str] | None:
    """:func:`check_texts` for an optional argument (``None`` passes)."""
    return None if values is None else check_texts(name, values)


def check_int(name: str, value: Any, *, low: int | None = None, high: int | None = None) -> int:
    """An int argument within ``[low, high]``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an integer")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{name} must be between {low} and {high}")
    return value


def check_flag(name: str, value: Any) -> bool | None:
    """An optional bool argument; ``None`` passes, anything but a bool is refused."""
    if value is None or isinstance(value, bool):
        return value
    raise TypeError(f"{name} must be True or False, got {type(value).__name__}")


def check_one_choice(name: str, value: Any, choices: Any) -> str | None:
    """One value of the ``Literal`` ``choices`` (``None`` passes; a list is refused)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} must be one string, got {type(value).__name__}")
    checked: str = check_choice(name, value, choices)
    return checked
