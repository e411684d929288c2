"""The client's connection pool and its lifecycle (async source; sync is generated).

Made by the client (or given by the caller), renewed when the client moves to a
new event loop, and replaced when cancelled calls have wedged it: httpcore can
leave a connection reserved for a request that was cancelled while it waited for
one, and after enough cancellations every slot is held by nobody. The pool counts
the requests it lends connections to; after a cancellation it compares that count
with the connections httpcore holds busy, and past a few orphans it swaps in a
fresh pool, closing the old one once its last request is done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import httpx

from ..deadline import async_bound_pool
from ..errors import ClientClosedError
from ..loops import AsyncLoopGuard

__all__ = ["LEAK_LIMIT", "AsyncPool"]

log = logging.getLogger("cxkit")

LEAK_LIMIT = 8
"""Orphaned connections tolerated before the pool is replaced."""


class _Generation:
    __slots__ = ("http", "in_flight", "retired")

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.in_flight = 0
        self.retired = False


class AsyncPool:
    """Lends the current ``httpx.AsyncClient`` to one request at a time."""

    def __init__(
        self, *, vendor: str, make: Callable[[], httpx.AsyncClient], given: httpx.AsyncClient | None
    ) -> None:
        self._vendor = vendor
        self._make = make
        self.owned = given is None
        self._current = _Generation(self._bounded(given if given is not None else make()))
        self._loop = AsyncLoopGuard()
        self._suspect = False
        self.closed = False
        self.replaced = 0
        """How many times a wedged pool was replaced (for tests and benchmarks)."""

    @property
    def http(self) -> httpx.AsyncClient:
        """The pool requests use now."""
        return self._current.http

    def check_usable(self) -> bool:
        """Raise if closed; True when the client moved to another event loop (the pool,
        the gate and the auth locks must then be renewed)."""
        if self.closed or self._current.http.is_closed:
            raise ClientClosedError(f"{self._vendor}: the client is closed; create a new one")
        if not self._loop.changed():
            return False
        if not self.owned:
            raise ClientClosedError(
                f"{self._vendor}: this client's http_client belongs to another event "
                "loop; create a client per event loop"
            )
        # httpx's pool belongs to the loop that first used it; its connections died with it.
        self._current = _Generation(self._bounded(self._make()))
        return True

    async def lease(self) -> _Generation:
        """The generation a request runs on (give it back with :meth:`give_back`)."""
        if self._suspect:
            await self._check_wedged()
        current = self._current
        current.in_flight += 1
        return current

    async def give_back(self, generation: _Generation, *, cancelled: bool) -> None:
        """A request is done with its connection; ``cancelled`` when it was interrupted."""
        generation.in_flight -= 1
        if cancelled and self.owned:
            self._suspect = True
        if generation.retired and generation.in_flight == 0:
            await generation.http.aclose()

    async def _check_wedged(self) -> None:
        current = self._current
        orphans = _busy_connections(current.http) - current.in_flight
        if orphans <= 0:
            self._suspect = False
            return
        if orphans < LEAK_LIMIT:
            return
        log.warning(
            "%s: %d connections held by cancelled requests; replacing the pool",
            self._vendor,
            orphans,
        )
        current.retired = True
        self._current = _Generation(self._bounded(self._make()))
        self._suspect = False
        self.replaced += 1
        if current.in_flight == 0:
            await current.http.aclose()

    @staticmethod
    def _bounded(http: httpx.AsyncClient) -> httpx.AsyncClient:
        # Sync pools get sockets that stop at each attempt's deadline.
        async_bound_pool(http)
        return http

    async def aclose(self) -> None:
        """Close the pool (if the client made it)."""
        self.closed = True
        if not self.owned or self._loop.changed():
            return  # a caller's pool stays open; a dead loop's connections died with it
        await self._current.http.aclose()


def _busy_connections(http: Any) -> int:
    """Connections httpcore holds reserved or in use (0 when the pool is not httpcore's)."""
    pool = getattr(getattr(http, "_transport", None), "_pool", None)
    connections = getattr(pool, "connections", None)
    if not isinstance(connections, list):
        return 0
    busy = 0
    for connection in connections:
        try:
            if not connection.is_idle() and not connection.is_closed():
                busy += 1
        except Exception:  # an unknown connection type: count nothing
            continue
    return busy
