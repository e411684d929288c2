"""Omnidesk-specific argument checks (pure, run before any request)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from .._core import check_flag, check_id, check_one_choice, drop_none, id_path, need_one

__all__ = [
    "check_flag",
    "check_one_choice",
    "check_search",
    "check_text_or_texts",
    "comma_list",
    "id_path",
    "multilingual",
    "replacement",
    "stats_time",
    "user_fields",
]


def check_search(name: str, value: Any, min_length: int) -> Any:
    """A search string (or sequence of them) of at least ``min_length`` characters.

    The ``^`` anchors of the exact-match syntax do not count toward the length.
    """
    if value is None:
        return None
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, Sequence) or not values:
        raise TypeError(f"{name} must be a string or a sequence of strings")
    for item in values:
        if not isinstance(item, str):
            raise TypeError(f"{name} must be a string, got {type(item).__name__}")
        if len(item.replace("^", "").strip()) < min_length:
            raise ValueError(f"{name} must have at least {min_length} characters; got {item!r}")
    return value if isinstance(value, str) else list(values)


def replacement(name: str, value: int | None) -> dict[str, int] | None:
    """The body naming what takes over from a record being disabled or deleted (none
    when ``value`` is not given)."""
    return None if value is None else {name: check_id(name, value)}


def stats_time(name: str, value: str | datetime) -> str:
    """A statistics period bound; only strings are documented (``01 Jan 2015 00:00:00 +0300``)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.strftime("%d %b %Y %H:%M:%S %z")
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"{name} must be a date string or a datetime")
    return value


def comma_list(name: str, value: str | Sequence[Any] | None) -> str | None:
    """A comma-separated string from a string or a sequence."""
    if value is None or isinstance(value, str):
        return value
    if not isinstance(value, Sequence):
        raise TypeError(f"{name} must be a string or a sequence")
    return ",".join(str(check_id(f"{name}[]", v) if isinstance(v, int) else v) for v in value)


def multilingual(name: str, value: str | Mapping[int | str, str] | None) -> Any:
    """A text, or language ID -> text (keys sent as strings)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        if not value:
            raise ValueError(f"{name} must not be empty")
        return {str(k): v for k, v in value.items()}
    raise TypeError(f"{name} must be a string or a mapping of language ID to text")


def check_text_or_texts(name: str, value: Any) -> str | list[str] | None:
    """A filter taking one non-empty string or a non-empty sequence of them."""
    if value is None:
        return None
    if isinstance(value, str):
        if not value.strip():
            raise ValueError(f"{name} must not be empty")
        return value
    if isinstance(value, bytes) or not isinstance(value, Sequence):
        raise TypeError(f"{name} must be a string or a sequence of strings")
    if not value:
        raise ValueError(f"{name} must not be empty")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise ValueError(f"{name} items must be non-empty strings; got {item!r}")
    return list(value)


_USER_KEYS = (
    "user_email",
    "user_phone",
    "user_whatsapp_phone",
    "user_telegram_data",
    "user_custom_id",
)


def user_fields(what: str, **fields: Any) -> dict[str, Any]:
    """The fields that make or find a user, unset ones left out: one of the identifying
    ones is required, and ``user_custom_channel`` only goes with ``user_custom_id``."""
    need_one(what, **{key: fields.get(key) for key in _USER_KEYS})
    if fields.get("user_custom_channel") is not None and fields.get("user_custom_id") is None:
        raise ValueError(f"{what}: user_custom_channel goes with user_custom_id")
    return drop_none(**fields)
