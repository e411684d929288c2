"""Client-side throttle on the ``limits`` library (async source; sync is generated)."""

from __future__ import annotations

import logging

import limits.aio.strategies
import limits.storage

from ..clock import Clock
from ..throttling import parse_rate, storage_options, storage_uri

__all__ = ["AsyncThrottle"]

log = logging.getLogger("cxkit")


class AsyncThrottle:
    """Waits before a request that would exceed ``rate`` (e.g. ``"500/hour"``).

    The quota is kept in memory by default, or in the store at ``storage``
    (``redis://host:6379/0``) so that a fleet of workers shares one quota;
    ``key`` names the quota in that store.
    """

    def __init__(
        self, rate: str | int, *, key: str, clock: Clock, storage: str | None = None
    ) -> None:
        self.rate = parse_rate(rate)
        self.key = key
        self._clock = clock
        uri = storage_uri(storage, asynchronous=True)
        self._storage = limits.storage.storage_from_string(
            uri, **storage_options(uri, asynchronous=True)
        )
        self._limiter = limits.aio.strategies.MovingWindowRateLimiter(self._storage)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(rate={str(self.rate)!r}, key={self.key!r})"

    async def acquire(self) -> float:
        """Take one request from the quota, waiting as long as needed; returns the wait."""
        waited = 0.0
        while not await self._limiter.hit(self.rate, self.key):
            stats = await self._limiter.get_window_stats(self.rate, self.key)
            delay = max(0.01, stats.reset_time - self._clock.now())
            log.debug("throttle %s: quota spent, waiting %.2f s", self.key, delay)
            await self._clock.asleep(delay)
            waited += delay
        return waited

    async def remaining(self) -> int:
        """Requests left in the current window."""
        stats = await self._limiter.get_window_stats(self.rate, self.key)
        return stats.remaining
