"""The response reader: from a read HTTP answer to the unwrapped data, or a typed error.

One stage of the core client (pure: no I/O). It records the rate-limit headers,
turns an error status, a redirect it was not allowed to follow, or an envelope
that reports failure into the right :class:`~cxkit.APIError`, and asks the dialect
for the useful data. Nothing a server sends leaves here as anything but a
:class:`~cxkit.CXError`, and every error leaves redacted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import httpx

from .dialect import Dialect
from .errors import CXError, RedirectError, ResponseValidationError
from .ratelimit import RateLimit
from .raw import RAW_SINK, RawExchange
from .redaction import Redactor
from .registry import Operation

__all__ = ["op_name", "read_answer", "redirect_error"]

log = logging.getLogger("cxkit")


def op_name(op: Operation) -> str:
    """The operation's dotted name (``METHOD path`` for an unnamed one)."""
    return op.name or f"{op.method} {op.path}"


def read_answer(
    dialect: Dialect,
    op: Operation,
    response: httpx.Response,
    elapsed: float,
    *,
    redactor: Redactor,
    on_rate_limit: Callable[[RateLimit], None],
) -> Any:
    """The data of a successful answer, or raise its redacted ``CXError``."""
    vendor = dialect.vendor
    try:
        snapshot = dialect.rate_limit(response.headers)
        if snapshot is not None:
            on_rate_limit(snapshot)
        status = response.status_code
        if status >= 400:
            raise dialect.error(response)
        if 300 <= status < 400:
            raise redirect_error(vendor, response, "the client does not follow it")
        data = dialect.decode(op, response)
    except CXError as exc:
        raise redactor.error(exc) from None
    except RecursionError:
        raise redactor.error(
            ResponseValidationError(
                "response is nested too deeply to read", vendor=vendor, request=response.request
            )
        ) from None
    except Exception as exc:
        # A dialect must turn every odd answer into a CXError; this is the net under
        # it, so nothing a server sends escapes as anything else.
        log.warning("%s: unreadable response (%s)", vendor, type(exc).__name__)
        raise redactor.error(
            ResponseValidationError(
                f"unreadable response ({type(exc).__name__})",
                vendor=vendor,
                request=response.request,
            )
        ) from None
    sink = RAW_SINK.get()
    if sink is not None:
        sink.append(RawExchange(op_name(op), redactor.response(response), elapsed))
    return data


def redirect_error(vendor: str, response: httpx.Response, why: str) -> RedirectError:
    """The error for a redirect the client does not follow (redacted by the caller)."""
    location = response.headers.get("location")
    return RedirectError(
        f"HTTP {response.status_code} redirect to {location or '(no location)'}: {why}",
        vendor=vendor,
        status_code=response.status_code,
        location=location or None,
        response=response,
    )
