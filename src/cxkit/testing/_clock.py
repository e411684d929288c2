"""A clock that never really sleeps."""

from __future__ import annotations

import anyio

__all__ = ["FakeClock"]


class FakeClock:
    """Virtual time: ``sleep`` moves the clock forward at once and is recorded.

    Pass it as ``clock=`` to a client (and to a fake server for latency) so that
    retries, throttling and slow responses are tested without waiting.
    """

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self._now = start
        self.sleeps: list[float] = []

    def now(self) -> float:
        """Virtual seconds since the epoch."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move time forward without recording a sleep."""
        self._now += max(0.0, seconds)

    def sleep(self, seconds: float) -> None:
        """Record the sleep and move time forward."""
        self.sleeps.append(seconds)
        self.advance(seconds)

    async def asleep(self, seconds: float) -> None:
        """Record the sleep, move time forward, and yield to the event loop once."""
        self.sleep(seconds)
        await anyio.lowlevel.checkpoint()

    def __repr__(self) -> str:
        return f"FakeClock(now={self._now}, sleeps={len(self.sleeps)})"
