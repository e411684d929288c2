"""Noticing that an async client moved to another event loop."""

from __future__ import annotations

import asyncio
import weakref
from typing import Any

__all__ = ["AsyncLoopGuard", "LoopGuard"]


class AsyncLoopGuard:
    """Remembers the event loop a client's pool belongs to."""

    def __init__(self) -> None:
        self._loop: weakref.ref[Any] | None = None

    def changed(self) -> bool:
        """True (once) when called from another loop than the last one seen."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not asyncio (e.g. trio): nothing to track
            return False
        known = self._loop() if self._loop is not None else None
        if known is loop:
            return False
        first = self._loop is None
        self._loop = weakref.ref(loop)
        return not first


class LoopGuard:
    """The sync twin: a sync client has no event loop."""

    def changed(self) -> bool:
        """Always False."""
        return False
