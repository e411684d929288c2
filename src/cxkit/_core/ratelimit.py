"""Rate-limit snapshots read from response headers."""

from __future__ import annotations

import email.utils
import functools
import logging
import math
import time
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import NamedTuple

import httpx

from .numbers import as_int

log = logging.getLogger("cxkit")

__all__ = [
    "RateLimit",
    "collect_rate_headers",
    "parse_rate_limit_headers",
    "parse_retry_after",
    "rate_limit_from",
]


class RateLimit(NamedTuple):
    """What the vendor last said about the quota.

    ``remaining`` requests are left until ``reset_at``; ``limit`` is the size of
    the window. Any of them is ``None`` when the vendor did not say.
    """

    limit: int | None = None
    remaining: int | None = None
    reset_at: datetime | None = None
    retry_after: float | None = None


_LOGGED: set[str] = set()


def _unreadable(name: str, value: str) -> None:
    # Logged once per header name, so a vendor's odd header never floods the log.
    if name not in _LOGGED:
        _LOGGED.add(name)
        log.warning("ignoring unreadable rate-limit header %s: %r", name, value[:100])


def _int(value: str | None, name: str = "rate-limit header") -> int | None:
    if value is None:
        return None
    number = as_int(value.split(",")[0].split(";")[0].strip())
    if number is None:
        _unreadable(name, value)
    return number


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (seconds or an HTTP date)."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        if not math.isfinite(seconds) or seconds < 0:
            # A negative wait is no instruction: back off as if none were given.
            _unreadable("retry-after", text)
            return None
        return seconds
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        _unreadable("retry-after", text)
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    current = time.time() if now is None else now
    wait = when.timestamp() - current
    if wait < 0:
        _unreadable("retry-after", text)
        return None
    return wait


def _reset(value: str | None, now: float, name: str) -> datetime | None:
    seconds = _int(value, name)
    if seconds is None:
        return None
    # Epoch timestamps are large; small numbers are "seconds from now".
    stamp = seconds if seconds > 10**9 else now + seconds
    try:
        return datetime.fromtimestamp(stamp, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        _unreadable(name, str(value))
        return None


_PREFIXES = ("retry-after", "x-ratelimit-", "ratelimit-")


def collect_rate_headers(headers: Mapping[str, str], extra: tuple[str, ...] = ()) -> dict[str, str]:
    """The rate-limit headers (and the ``extra`` names) with lower-case names.

    Runs on every response: for httpx headers it reads the raw bytes, which is
    much cheaper than httpx's decoded views.
    """
    out: dict[str, str] = {}
    if isinstance(headers, httpx.Headers):
        raw_prefixes = _raw_prefixes(extra)
        for raw_key, raw_value in headers.raw:
            raw_name = raw_key.lower()
            if raw_name.startswith(raw_prefixes):
                out.setdefault(raw_name.decode("latin-1"), raw_value.decode("latin-1"))
        return out
    prefixes = _PREFIXES + extra
    for key, value in headers.items():
        lowered = key.lower()
        if lowered.startswith(prefixes):
            out.setdefault(lowered, value)
    return out


@functools.lru_cache(maxsize=32)
def _raw_prefixes(extra: tuple[str, ...]) -> tuple[bytes, ...]:
    return tuple(p.encode("latin-1") for p in _PREFIXES + extra)


def parse_rate_limit_headers(
    headers: Mapping[str, str], *, now: float | None = None
) -> RateLimit | None:
    """Read ``Retry-After``, ``X-RateLimit-*`` and IETF ``RateLimit-*`` headers."""
    return rate_limit_from(collect_rate_headers(headers), now=now)


def rate_limit_from(lower: Mapping[str, str], *, now: float | None = None) -> RateLimit | None:
    """A snapshot from headers gathered by :func:`collect_rate_headers`."""
    for name in lower:
        if name.startswith(_PREFIXES):
            break
    else:
        return None
    current = time.time() if now is None else now
    limit = remaining = None
    reset_at = None
    for prefix in ("x-ratelimit-", "ratelimit-"):
        if limit is None:
            limit = _int(lower.get(prefix + "limit"), prefix + "limit")
        if remaining is None:
            remaining = _int(lower.get(prefix + "remaining"), prefix + "remaining")
        reset_at = reset_at or _reset(lower.get(prefix + "reset"), current, prefix + "reset")
    retry_after = parse_retry_after(lower.get("retry-after"), now=current)
    if limit is None and remaining is None and reset_at is None and retry_after is None:
        return None
    return RateLimit(limit=limit, remaining=remaining, reset_at=reset_at, retry_after=retry_after)
