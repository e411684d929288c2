"""A cap on requests in flight: a semaphore with a free fast path.

httpx's connection pool slows down sharply when thousands of requests wait on
it; waiting here instead keeps 1,000 concurrent calls fast and error-free.
"""

from __future__ import annotations

import queue

import anyio

__all__ = ["AsyncGate", "Gate"]


class AsyncGate:
    """At most ``size`` async requests in flight; uncontended entry does not yield."""

    def __init__(self, size: int) -> None:
        self._semaphore = anyio.Semaphore(size)

    async def __aenter__(self) -> None:
        try:
            self._semaphore.acquire_nowait()
        except anyio.WouldBlock:
            await self._semaphore.acquire()

    async def __aexit__(self, *exc: object) -> None:
        self._semaphore.release()


class Gate:
    """At most ``size`` sync requests in flight (across threads).

    The tokens live in a ``queue.SimpleQueue``, whose get and put are C calls:
    far cheaper on every request than ``threading.Semaphore``.
    """

    def __init__(self, size: int) -> None:
        self._tokens: queue.SimpleQueue[None] = queue.SimpleQueue()
        for _ in range(size):
            self._tokens.put(None)

    def __enter__(self) -> None:
        self._tokens.get()

    def __exit__(self, *exc: object) -> None:
        self._tokens.put(None)
