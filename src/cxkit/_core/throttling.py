"""The client-side throttle's pure parts: rates, store URIs and the in-memory window.

The in-memory window reads time from the client's :class:`~cxkit._core.clock.Clock`
(so a fake clock drives it in tests); the Redis window reads the Redis server's
clock, the one time every worker of a fleet agrees on.
"""

from __future__ import annotations

import math
import re
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any

from .errors import ConfigurationError

__all__ = [
    "REDIS_RELEASE_SCRIPT",
    "REDIS_WINDOW_SCRIPT",
    "MovingWindow",
    "Rate",
    "parse_rate",
    "redis_client",
    "store_kind",
]

_UNITS = {
    "s": 1.0,
    "sec": 1.0,
    "second": 1.0,
    "m": 60.0,
    "min": 60.0,
    "minute": 60.0,
    "h": 3600.0,
    "hour": 3600.0,
    "d": 86400.0,
    "day": 86400.0,
}
_RATE = re.compile(r"^\s*(\d+)\s*(?:/|per)\s*(\d+(?:\.\d+)?)?\s*([a-z]+?)s?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Rate:
    """``limit`` requests per ``window`` seconds."""

    limit: int
    window: float

    def __str__(self) -> str:
        return f"{self.limit}/{self.window:g}s"


def parse_rate(rate: Any) -> Rate:
    """``"500/hour"``, ``"10 per minute"``, ``"5/30 seconds"`` or an int per hour."""
    if isinstance(rate, bool):
        raise ConfigurationError("throttle must be a rate like '500/hour' or an int per hour")
    if isinstance(rate, int):
        if rate < 1:
            raise ConfigurationError(f"throttle must allow at least 1 request; got {rate}")
        return Rate(rate, 3600.0)
    if not isinstance(rate, str):
        raise ConfigurationError("throttle must be a rate like '500/hour' or an int per hour")
    m = _RATE.match(rate)
    unit = _UNITS.get(m.group(3).lower()) if m else None
    if m is None or unit is None:
        raise ConfigurationError(f"throttle: cannot read rate {rate!r}; use e.g. '500/hour'")
    limit = int(m.group(1))
    window = float(m.group(2) or 1) * unit
    if limit < 1 or not math.isfinite(window) or window <= 0:
        raise ConfigurationError(f"throttle: rate {rate!r} must allow at least 1 request")
    return Rate(limit, window)


def store_kind(uri: Any) -> str:
    """``"memory"`` or ``"redis"`` for a ``throttle_storage`` value; anything else is refused."""
    if uri is None or uri == "memory://":
        return "memory"
    if not isinstance(uri, str):
        raise ConfigurationError("throttle_storage must be 'memory://' or a redis:// URL")
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme in ("redis", "rediss", "unix"):
        return "redis"
    raise ConfigurationError(
        f"throttle_storage: unsupported store {uri.split('://', 1)[0]!r}; "
        "use 'memory://' (one process) or 'redis://host:6379/0' (a fleet)"
    )


def redis_client(uri: str, *, asynchronous: bool) -> Any:
    """A redis-py client for ``uri`` (async or sync), with short socket timeouts."""
    module: Any
    try:
        if asynchronous:
            import redis.asyncio

            module = redis.asyncio
        else:
            import redis

            module = redis
    except ImportError:
        raise ConfigurationError(
            "throttle_storage=redis://... needs the redis package: pip install 'cxkit[redis]'"
        ) from None
    try:
        return module.Redis.from_url(uri, socket_timeout=5.0, socket_connect_timeout=5.0)
    except ValueError as exc:
        raise ConfigurationError(f"throttle_storage: {exc}") from None


class MovingWindow:
    """At most ``rate.limit`` requests in any ``rate.window`` seconds.

    A request holds its slot from the moment it is granted until its answer is back,
    and then counts at that later time: the vendor saw it somewhere in between, so
    the window never lets more through than the vendor's own count allows.
    """

    def __init__(self, rate: Rate) -> None:
        self.rate = rate
        self._done: deque[float] = deque()
        self._in_flight = 0
        self._lock = threading.Lock()

    def hit(self, now: float) -> float:
        """Take a slot at ``now`` and return 0, or return the seconds until one frees."""
        with self._lock:
            done = self._done
            horizon = now - self.rate.window
            while done and done[0] <= horizon:
                done.popleft()
            if len(done) + self._in_flight < self.rate.limit:
                self._in_flight += 1
                return 0.0
            if done:
                return max(done[0] - horizon, 0.001)
            return min(self.rate.window, _POLL)  # every slot is in flight

    def release(self, now: float) -> None:
        """The answer of a granted request is back: it counts from ``now``."""
        with self._lock:
            self._in_flight = max(0, self._in_flight - 1)
            self._done.append(now)

    def remaining(self, now: float) -> int:
        """Slots left in the window ending at ``now``."""
        with self._lock:
            horizon = now - self.rate.window
            counted = sum(1 for t in self._done if t > horizon) + self._in_flight
            return self.rate.limit - counted


_POLL = 0.05
"""How often a caller looks again when every slot is held by a request in flight."""


REDIS_WINDOW_SCRIPT = """
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) < limit then
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('PEXPIRE', key, math.ceil(window / 1000) + 1000)
  return 0
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return math.max(tonumber(oldest[2]) + window - now, 1000)
"""
"""A moving window in a sorted set, timed by the Redis server: returns 0 when the hit
is recorded, else the microseconds until one is free."""

REDIS_RELEASE_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
return 0
"""
"""Re-stamp a granted hit with the time its answer came back (Redis server time), so
it counts from then: the vendor saw the request somewhere in between."""
