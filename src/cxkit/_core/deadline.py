"""Bounding one attempt as a whole, connect to last byte."""

from __future__ import annotations

import contextlib
from typing import Any

import anyio

__all__ = ["async_deadline", "attempt_budget", "deadline"]


def attempt_budget(timeout: Any) -> float | None:
    """Seconds one attempt may take in all: the ``read`` value of an ``httpx.Timeout``
    or of a request's timeout extension (the number the user gave), else the largest
    value set; ``None`` for no bound."""
    if isinstance(timeout, dict):
        found = {k: timeout.get(k) for k in ("read", "connect", "write", "pool")}
    else:
        found = {k: getattr(timeout, k, None) for k in ("read", "connect", "write", "pool")}
    if found["read"] is not None:
        return float(found["read"])
    values = [float(v) for v in found.values() if v]
    return max(values) if values else None


def async_deadline(seconds: float | None) -> Any:
    """A cancel scope that ends the attempt after ``seconds`` (raises ``TimeoutError``)."""
    return anyio.fail_after(seconds)


def deadline(seconds: float | None) -> Any:
    """Sync attempts have no cancel scope: while the body is read, the watchdog
    (``watchdog.py``) shuts the socket down at the deadline instead."""
    return contextlib.nullcontext()
