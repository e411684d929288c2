"""OmniCXM argument checks, run before any request."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from .._core import FileInput, ResponseValidationError, check_list, check_text, to_file

__all__ = [
    "EpochInput",
    "epoch",
    "file_list",
    "groups",
    "index_list",
    "new_id",
    "one_file",
    "opt_epoch",
    "opt_text",
    "text_list",
]

EpochInput = datetime | int | str
"""A time as OmniCXM takes it: an aware ``datetime``, or epoch seconds (int or digits)."""

MAX_RANGE_DAYS = 31


def epoch(name: str, value: Any) -> int:
    """Epoch seconds from an aware datetime, an int or a string of digits."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"{name}: pass an aware datetime (with a time zone)")
        return int(value.timestamp())
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a datetime or epoch seconds, not a bool")
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"{name} must be epoch seconds >= 0")
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise TypeError(f"{name} must be an aware datetime or epoch seconds, got {value!r}")


def opt_epoch(name: str, value: Any) -> int | None:
    """:func:`epoch` for an optional argument."""
    return None if value is None else epoch(name, value)


def opt_text(name: str, value: Any) -> str | None:
    """An optional non-empty string."""
    return None if value is None else check_text(name, value)


def text_list(name: str, value: Any) -> list[str]:
    """A list of strings (a single string is refused: wrap it in a list)."""
    return check_list(name, value, check_text, empty=True)


def index_list(name: str, value: Any) -> str:
    """File indexes to delete: ``"0, 1"`` as given, or a list of ints joined by commas."""
    if isinstance(value, str):
        return check_text(name, value)
    if isinstance(value, Sequence) and value:
        out = []
        for item in value:
            if isinstance(item, bool) or not isinstance(item, int) or item < 0:
                raise ValueError(f"{name} takes indexes (integers >= 0)")
            out.append(str(item))
        return ",".join(out)
    raise TypeError(f"{name} must be a string such as '0,1' or a list of indexes")


def one_file(name: str, value: FileInput) -> FileInput:
    """A file read now, once: a retry or a login replay sends the same bytes."""
    filename, content, ctype = to_file(value, field=name)
    if not isinstance(content, (bytes, bytearray)):
        raise TypeError(f"{name}: file content must be bytes")
    return filename, bytes(content), ctype


def file_list(name: str, value: FileInput | list[FileInput]) -> list[FileInput]:
    """One file or a list of files, each read now, once."""
    items = value if isinstance(value, list) else [value]
    if not items:
        raise ValueError(f"{name} must not be empty")
    return [one_file(name, item) for item in items]


def groups(name: str, value: Mapping[str, Any] | None) -> dict[str, Any]:
    """Custom field groups ``{"custom_group_field_1": {"textfield": "..."}}``."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must map group names to their fields")
    out: dict[str, Any] = {}
    for group, fields in value.items():
        check_text(f"{name} key", group)
        if not isinstance(fields, (Mapping, list)):
            raise TypeError(f"{name}[{group!r}] must be a mapping of fields (or a list)")
        out[group] = fields
    return out


def check_range(start: int | None, end: int | None, *, days: int = MAX_RANGE_DAYS) -> None:
    """``end`` not before ``start``, and at most ``days`` apart."""
    if start is None or end is None:
        return
    if end < start:
        raise ValueError("enddate must not be before startdate")
    if end - start > days * 86400:
        raise ValueError(f"startdate..enddate spans at most one month ({days} days)")


def jsonable(value: Any) -> Any:
    """A body value with aware datetimes turned into epoch seconds, at any depth."""
    if isinstance(value, datetime):
        return epoch("value", value)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def new_id(data: Any, key: str, what: str) -> str:
    """The id a create answer carries under ``key``; an answer without one is an error."""
    value = data.get(key) if isinstance(data, Mapping) else None
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value):
        return str(value)
    raise ResponseValidationError(
        f"{what}: the answer carries no {key!r} id", vendor="omnicxm", body=data
    )
