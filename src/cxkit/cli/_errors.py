"""Exit codes and messages, one per branch of the error hierarchy."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from .._core.errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    ConfigurationError,
    CXError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
)

__all__ = ["ExitCode", "describe"]


class ExitCode(enum.IntEnum):
    """What ``cxkit`` exits with (documented in docs/cli.md)."""

    OK = 0
    ERROR = 1
    """Any other error: a vendor's 400/409/422, a response that does not fit its model."""
    USAGE = 2
    """A bad command line or a value the method refuses before sending."""
    CONFIG = 3
    """Missing or invalid configuration: credentials, base URL, a checkpoint that does
    not match the command."""
    AUTH = 4
    """The vendor refused the credentials (401) or the permission (403)."""
    NOT_FOUND = 5
    RATE_LIMIT = 6
    CONNECTION = 7
    """No answer: DNS, refused or reset connection, timeout."""
    SERVER = 8
    """The vendor failed (5xx) after the client's retries."""
    INTERRUPTED = 130
    """Ctrl-C (128 + SIGINT, as shells report it)."""


def _code(exc: BaseException) -> ExitCode:
    if isinstance(exc, ConfigurationError):
        return ExitCode.CONFIG
    if isinstance(exc, (AuthenticationError, PermissionDeniedError)):
        return ExitCode.AUTH
    if isinstance(exc, NotFoundError):
        return ExitCode.NOT_FOUND
    if isinstance(exc, RateLimitError):
        return ExitCode.RATE_LIMIT
    if isinstance(exc, APIConnectionError):
        return ExitCode.CONNECTION
    if isinstance(exc, InternalServerError):
        return ExitCode.SERVER
    if isinstance(exc, CXError):
        return ExitCode.ERROR
    if isinstance(exc, (ValueError, TypeError, FileNotFoundError)):
        return ExitCode.USAGE  # refused before sending, or a file named that is not there
    return ExitCode.ERROR


def _hint(exc: BaseException, env: Sequence[str]) -> str:
    variables = " / ".join(env)
    if isinstance(exc, AuthenticationError):
        return (
            f"The vendor refused the credentials: check {variables} "
            "(or run with --fake to try the command against the built-in fake)."
        )
    if isinstance(exc, PermissionDeniedError):
        return (
            "The credentials are valid but not allowed to do this; use an account with more rights."
        )
    if isinstance(exc, ConfigurationError) and env:
        return f"Set {variables} (see `cxkit --help`), or run with --fake."
    if isinstance(exc, RateLimitError):
        wait = getattr(exc, "retry_after", None)
        after = f" in {wait:.0f} s" if isinstance(wait, (int, float)) else " later"
        return (
            f"The vendor's quota is spent: try again{after}, or pass --throttle to pace requests."
        )
    if isinstance(exc, APITimeoutError):
        return "The vendor did not answer in time; try again or pass a larger --timeout."
    if isinstance(exc, APIConnectionError):
        return "Could not reach the vendor; check the network and the base URL."
    if isinstance(exc, InternalServerError):
        return "The vendor failed after the client's retries; try again later (or raise --max-retries)."
    return ""


def describe(exc: BaseException, env: Sequence[str] = ()) -> tuple[ExitCode, str]:
    """The exit code for ``exc`` and the message to print (no credential in it: the
    errors themselves never carry one)."""
    code = _code(exc)
    kind = type(exc).__name__
    if isinstance(exc, APIError):
        status = f" {exc.status_code}" if exc.status_code else ""
        text = f"{exc.vendor or 'vendor'}{status} {kind}: {exc.message or exc}"
        if exc.request_id:
            text += f" (request id {exc.request_id})"
    elif isinstance(exc, CXError):
        text = f"{kind}: {exc}"
    else:
        text = str(exc) or kind
    hint = _hint(exc, env)
    return code, f"{text}\n{hint}" if hint else text
