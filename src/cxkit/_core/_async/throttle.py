"""Client-side throttle (async source; the sync twin is generated)."""

from __future__ import annotations

import logging
import uuid
from typing import Any, Protocol

from ..clock import Clock
from ..errors import ConfigurationError, CXError, ThrottleStoreError
from ..throttling import (
    REDIS_RELEASE_SCRIPT,
    REDIS_WINDOW_SCRIPT,
    MovingWindow,
    parse_rate,
    redis_client,
    store_kind,
)

__all__ = ["RETRY_LOOKUP", "AsyncRateLookup", "AsyncThrottle", "first_throttle"]

RETRY_LOOKUP = 300
"""Seconds before a failed ``throttle="auto"`` lookup is tried again."""

log = logging.getLogger("cxkit")


class AsyncThrottle:
    """Waits before a request that would exceed ``rate`` (e.g. ``"500/hour"``).

    In memory (one process) the window runs on the client's clock; with
    ``storage="redis://..."`` a fleet of workers shares one window in Redis, timed
    by the Redis server. A store that fails raises :class:`ThrottleStoreError`
    and the request is not sent (the throttle fails closed).
    """

    def __init__(
        self, rate: str | int, *, key: str, clock: Clock, storage: str | None = None
    ) -> None:
        self.rate = parse_rate(rate)
        self.key = key
        self._clock = clock
        self._memory: MovingWindow | None = None
        self._redis: Any = None
        if store_kind(storage) == "memory":
            self._memory = MovingWindow(self.rate)
        else:
            self._redis = redis_client(str(storage), asynchronous=True)
            self._script = self._redis.register_script(REDIS_WINDOW_SCRIPT)
            self._release = self._redis.register_script(REDIS_RELEASE_SCRIPT)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(rate={str(self.rate)!r}, key={self.key!r})"

    def set_rate(self, rate: str | int) -> None:
        """Change the quota; what already went out still counts in the window."""
        self.rate = parse_rate(rate)
        if self._memory is not None:
            self._memory.rate = self.rate

    async def _hit(self, member: str) -> float:
        if self._memory is not None:
            return self._memory.hit(self._clock.now())
        window_us = int(self.rate.window * 1_000_000)
        try:
            wait_us = await self._script(keys=[self.key], args=[self.rate.limit, window_us, member])
        except Exception as exc:  # redis-py raises RedisError, OSError and friends
            raise ThrottleStoreError(
                f"throttle store failed ({type(exc).__name__}); the request was not sent"
            ) from exc
        return int(wait_us) / 1_000_000

    async def acquire(self) -> str:
        """Take one request from the quota, waiting as long as needed.

        Returns the slot's token: pass it to :meth:`release` when the answer is back.
        """
        member = uuid.uuid4().hex
        while True:
            delay = await self._hit(member)
            if delay <= 0:
                return member
            log.debug("throttle %s: quota spent, waiting %.3f s", self.key, delay)
            await self._clock.asleep(delay)

    async def release(self, token: str) -> None:
        """The granted request's answer is back (or it failed): it counts from now."""
        if self._memory is not None:
            self._memory.release(self._clock.now())
            return
        try:
            await self._release(keys=[self.key], args=[token])
        except Exception:  # the grant stands at its first stamp: still within the quota
            log.warning("throttle %s: could not re-stamp a request", self.key)

    async def aclose(self) -> None:
        """Close the store's connections."""
        if self._redis is not None:
            await self._redis.aclose()


class AsyncQuotaSource(Protocol):
    """Reads the plan's quota (a vendor client's ``_auto_throttle_rate``)."""

    async def __call__(self) -> str | int: ...


class AsyncRateLookup:
    """``throttle="auto"``: the plan's quota, looked up by the first call.

    Until it is known (and while a failed lookup waits ``RETRY_LOOKUP`` seconds to be
    tried again) the documented quota holds; the window keeps every call already
    sent when the rate changes. ``shared.throttle_lookup`` holds this object while a
    lookup is due; the sender clears it before calling, so one lookup runs at a time.
    """

    def __init__(
        self,
        shared: Any,
        throttle: AsyncThrottle,
        lookup: AsyncQuotaSource,
        clock: Clock,
        vendor: str,
    ) -> None:
        self._shared = shared
        self._throttle = throttle
        self._lookup = lookup
        self._clock = clock
        self._vendor = vendor
        self._retry_at = 0.0

    async def __call__(self) -> None:
        """Look the quota up (or re-arm, if a failed lookup is not due yet)."""
        if self._clock.now() < self._retry_at:
            self._shared.throttle_lookup = self
            return
        try:
            rate = await self._lookup()
        except CXError as exc:
            log.warning(
                "%s: throttle='auto' could not read the quota (%s); the documented quota "
                "holds, retrying in %d s",
                self._vendor,
                exc,
                RETRY_LOOKUP,
            )
            self._retry_at = self._clock.now() + RETRY_LOOKUP
            self._shared.throttle_lookup = self
            return
        self._throttle.set_rate(rate)


def first_throttle(
    throttle: Any,
    *,
    vendor: str,
    key: str,
    clock: Clock,
    storage: str | None,
    documented: Any,
) -> AsyncThrottle | None:
    """The client's throttle for its ``throttle=`` option (``None``: no throttle).

    ``"auto"`` starts at the vendor's documented quota (``documented()``; refused when
    the vendor has none): every call counts from the first, until the plan is read.
    """
    try:
        store_kind(storage)
        if throttle is None:
            return None
        if throttle == "auto":
            throttle = documented()
            if throttle is None:
                raise ConfigurationError(
                    "throttle='auto' is not supported; pass a rate like '500/hour'"
                )
        return AsyncThrottle(throttle, key=key, clock=clock, storage=storage)
    except ConfigurationError as exc:
        raise ConfigurationError(f"{vendor}: {exc}") from None
