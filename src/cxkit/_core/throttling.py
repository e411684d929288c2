"""Pure helpers for the client-side throttle."""

from __future__ import annotations

import limits

__all__ = ["parse_rate", "storage_options", "storage_uri"]


def parse_rate(rate: str | int) -> limits.RateLimitItem:
    """``"500/hour"`` (or a number of requests per hour) as a ``limits`` item."""
    text = f"{rate}/hour" if isinstance(rate, int) and not isinstance(rate, bool) else rate
    if not isinstance(text, str):
        raise TypeError("throttle must be a string like '500/hour' or an integer per hour")
    try:
        return limits.parse(text)
    except ValueError:
        raise ValueError(f"throttle: cannot read rate {text!r}; use e.g. '500/hour'") from None


def storage_uri(uri: str | None, *, asynchronous: bool) -> str:
    """The ``limits`` storage URI for ``uri`` (memory when ``None``)."""
    uri = uri or "memory://"
    if uri.startswith("async+"):
        uri = uri[len("async+") :]
    if "://" not in uri:
        raise ValueError(f"throttle_storage: not a storage URI: {uri!r}")
    if asynchronous:
        uri = "async+" + uri
    return uri


def storage_options(uri: str, *, asynchronous: bool) -> dict[str, str]:
    """Extra ``limits`` storage arguments: the async Redis store uses redis-py."""
    return {"implementation": "redispy"} if asynchronous and "redis" in uri.split("://")[0] else {}
