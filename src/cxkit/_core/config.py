"""Client settings: defaults, environment fallbacks and checks (pure)."""

from __future__ import annotations

import functools
import math
import os
import platform
import ssl
from collections.abc import Mapping
from datetime import tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx

from .._version import __version__
from .errors import ConfigurationError

__all__ = [
    "DEFAULT_MAX_CONCURRENCY",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "TIME_ZONE",
    "check_base_url",
    "check_concurrency",
    "check_headers",
    "check_hooks",
    "check_positive_int",
    "check_retries",
    "check_wait",
    "default_tls",
    "header_problem",
    "make_timeout",
    "setting",
    "user_agent",
    "zone_of",
]

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_CONCURRENCY = 20
"""Requests in flight per client (and its copies). httpx's pool slows down sharply
when thousands of requests wait on it, so callers wait on this gate instead."""

TIME_ZONE = "time_zone"
"""Validation-context key a client sets to its account's zone (see
:func:`cxkit._core.models.local_datetime`)."""


@functools.lru_cache(maxsize=1)
def default_tls() -> ssl.SSLContext:
    """The TLS context every client's own pool shares: building one loads the CA bundle
    (tens of milliseconds), so a service that makes many clients pays it once. Read at
    first use (``SSL_CERT_FILE``/``SSL_CERT_DIR`` as httpx reads them)."""
    return httpx.create_ssl_context()


def user_agent() -> str:
    """``cxkit/<version> httpx/<version> python/<version>``."""
    return f"cxkit/{__version__} httpx/{httpx.__version__} python/{platform.python_version()}"


def setting(value: Any, env: str, *, vendor: str, name: str, required: bool = True) -> Any:
    """``value``, else the environment variable ``env``; a clear error if neither."""
    if value is None or (isinstance(value, str) and not value.strip()):
        value = os.environ.get(env) or None
    if value is None and required:
        raise ConfigurationError(f"{vendor}: missing {name}; pass {name}=... or set {env}")
    return value


def check_base_url(url: str, *, vendor: str, allow_insecure: bool) -> str:
    """A valid absolute base URL without a trailing slash; ``http://`` only if allowed."""
    if not isinstance(url, str) or not url.strip():
        raise ConfigurationError(f"{vendor}: base_url must be a non-empty URL")
    if any(c in url.strip() for c in ' <>{}|\\^`"') or any(ord(c) < 32 for c in url):
        raise ConfigurationError(
            f"{vendor}: base_url {url!r} holds a space or a placeholder character; "
            "give the real https:// address"
        )
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise ConfigurationError(f"{vendor}: invalid base_url {url!r}: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigurationError(
            f"{vendor}: base_url must be an absolute http(s) URL with a host, got {url!r}"
        )
    if parsed.scheme == "http" and not allow_insecure:
        raise ConfigurationError(
            f"{vendor}: refusing plain http:// base_url {url!r}; "
            "use https:// or pass allow_insecure=True"
        )
    if parsed.userinfo:
        raise ConfigurationError(
            f"{vendor}: base_url must not carry credentials (user:password@); "
            "pass them as the client's credential arguments"
        )
    if parsed.query or parsed.fragment:
        raise ConfigurationError(f"{vendor}: base_url must not have a query or fragment")
    return str(parsed).rstrip("/")


def make_timeout(timeout: float | httpx.Timeout | None, *, vendor: str) -> httpx.Timeout:
    """An httpx timeout; a number is the total with a 10 s connect cap."""
    if timeout is None:
        return DEFAULT_TIMEOUT
    if isinstance(timeout, httpx.Timeout):
        for part in ("connect", "read", "write", "pool"):
            value = getattr(timeout, part)
            if value is not None and not (math.isfinite(value) and value > 0):
                raise ConfigurationError(
                    f"{vendor}: timeout {part} must be a finite positive number of seconds"
                )
        return timeout
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, (int, float))
        or not math.isfinite(timeout)
        or timeout <= 0
    ):
        raise ConfigurationError(f"{vendor}: timeout must be a finite positive number of seconds")
    return httpx.Timeout(float(timeout), connect=min(10.0, float(timeout)))


def check_retries(max_retries: Any, *, vendor: str) -> int:
    """``max_retries`` as a non-negative int."""
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ConfigurationError(f"{vendor}: max_retries must be an integer >= 0")
    return max_retries


def check_concurrency(value: Any, *, vendor: str) -> int:
    """``max_concurrency`` as a positive int."""
    return check_positive_int(value, vendor=vendor, name="max_concurrency")


def zone_of(value: Any, *, vendor: str) -> tzinfo:
    """A time zone from an IANA name (``"Europe/Warsaw"``) or a ``tzinfo``."""
    if isinstance(value, tzinfo):
        return value
    if not isinstance(value, str) or not value.strip():
        raise ConfigurationError(f"{vendor}: time_zone must be an IANA zone name or a tzinfo")
    try:
        return ZoneInfo(value.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigurationError(f"{vendor}: unknown time_zone {value!r}") from None


def check_wait(value: Any, *, vendor: str) -> float:
    """``max_retry_wait`` as a finite number of seconds >= 0."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigurationError(f"{vendor}: max_retry_wait must be a number of seconds")
    number = float(value)
    if not math.isfinite(number) or number < 0:
        raise ConfigurationError(f"{vendor}: max_retry_wait must be a finite number >= 0")
    return number


def check_positive_int(value: Any, *, vendor: str, name: str) -> int:
    """A setting that must be an int >= 1."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(f"{vendor}: {name} must be an integer >= 1")
    return value


def check_headers(value: Any, *, vendor: str) -> dict[str, str]:
    """``default_headers`` as a dict of str to str."""
    if value is None:
        return {}
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ConfigurationError(f"{vendor}: default_headers must map str to str")
    bad = header_problem(value)
    if bad:
        raise ConfigurationError(f"{vendor}: default_headers: {bad}")
    return dict(value)


_TOKEN_CHARS = frozenset(
    "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
)


def header_problem(headers: Mapping[str, str]) -> str | None:
    """Why these headers cannot be sent (a bad name, CR/LF/NUL in a value), or None."""
    for name, value in headers.items():
        if not name or not set(name) <= _TOKEN_CHARS:
            return f"{name!r} is not a valid header name"
        if any(c in value for c in "\r\n\x00"):
            return f"the value of {name!r} holds a line break or NUL"
    return None


def check_hooks(vendor: str, on_request: Any, on_response: Any, on_retry: Any) -> dict[str, Any]:
    """The hooks that are set, each checked to be callable."""
    out: dict[str, Any] = {}
    for name, hook in zip(
        ("on_request", "on_response", "on_retry"), (on_request, on_response, on_retry), strict=True
    ):
        if hook is None:
            continue
        if not callable(hook):
            raise ConfigurationError(f"{vendor}: {name} must be callable")
        out[name] = hook
    return out
