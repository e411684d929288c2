"""Observers: what tracing and metrics see of each attempt (pure interface).

An observer is told when an attempt starts (with the redacted request, the attempt
number and the wait that came before it) and how it ended (the response, or the
``CXError`` it became). ``cxkit.otel`` is one; observers never fail a call.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

import httpx

__all__ = ["Observer", "notify_end", "notify_start"]

log = logging.getLogger("cxkit")


class Observer(Protocol):
    """Sees every attempt a client makes, logins included."""

    def start(
        self, vendor: str, operation: str, request: httpx.Request, attempt: int, wait: float
    ) -> Any:
        """An attempt begins; returns a token handed back to :meth:`end`."""
        ...

    def end(self, token: Any, response: httpx.Response | None, error: BaseException | None) -> None:
        """The attempt ended with ``response`` or ``error``."""
        ...


def notify_start(
    observers: list[Observer],
    vendor: str,
    operation: str,
    request: httpx.Request,
    attempt: int,
    wait: float,
) -> list[Any]:
    """Tell each observer an attempt starts; their tokens, in order."""
    tokens: list[Any] = []
    for observer in observers:
        try:
            tokens.append(observer.start(vendor, operation, request, attempt, wait))
        except Exception:
            log.exception("%s: observer failed", vendor)
            tokens.append(None)
    return tokens


def notify_end(
    observers: list[Observer],
    tokens: list[Any],
    response: httpx.Response | None,
    error: BaseException | None,
) -> None:
    """Tell each observer how the attempt ended."""
    for observer, token in zip(observers, tokens, strict=False):
        try:
            observer.end(token, response, error)
        except Exception:
            log.exception("observer failed")
