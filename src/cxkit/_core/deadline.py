"""Bounding one attempt as a whole, connect to last byte, in both directions.

An async attempt runs in a cancel scope. A sync attempt cannot be cancelled, and
httpx's timeouts restart at every byte, so a server that drips its status line,
floods ``102 Processing`` or reads an upload slowly could hold it for ever. The
sync pool's sockets are therefore wrapped (:func:`bound_pool`, with
:mod:`cxkit._core.sockets`): every connect,
read and write waits at most until the attempt's deadline, held in a context
variable for the attempt's duration.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextvars import ContextVar
from typing import Any

import anyio
import httpx

__all__ = [
    "async_bound_pool",
    "async_deadline",
    "async_lock_within",
    "attempt_budget",
    "bound_pool",
    "deadline",
    "lock_within",
    "remaining",
]

_DEADLINE: ContextVar[float | None] = ContextVar("cxkit_attempt_deadline", default=None)


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


class _DeadlineScope:
    """Holds the deadline in the context variable while the attempt runs (a class, not
    a ``contextmanager`` generator: it runs on every sync call)."""

    __slots__ = ("_seconds", "_token")

    def __init__(self, seconds: float | None) -> None:
        self._seconds = seconds

    def __enter__(self) -> None:
        seconds = self._seconds
        self._token = _DEADLINE.set(None if seconds is None else time.monotonic() + seconds)

    def __exit__(self, *exc: object) -> None:
        _DEADLINE.reset(self._token)


def async_deadline(seconds: float | None) -> Any:
    """A cancel scope that ends the attempt after ``seconds`` (raises ``TimeoutError``);
    everything inside it, the wait for another caller's login included, stops there.

    On asyncio (3.11+) it is ``asyncio.timeout``, a third of the cost of an anyio
    scope on every call; elsewhere anyio's ``fail_after``.
    """
    native = _native_timeout()
    if native is not None:
        return native(seconds)
    return _AsyncScope(anyio.fail_after(seconds))


class _AsyncScope:
    """An anyio cancel scope used with ``async with``, like ``asyncio.timeout``."""

    def __init__(self, scope: Any) -> None:
        self._scope = scope

    async def __aenter__(self) -> None:
        self._scope.__enter__()

    async def __aexit__(self, *exc: Any) -> bool | None:
        return self._scope.__exit__(*exc)  # type: ignore[no-any-return]


def _native_timeout() -> Any:
    global _NATIVE
    if _NATIVE is None:
        asyncio = sys.modules.get("asyncio")  # a running asyncio loop has imported it
        if getattr(asyncio, "timeout", None) is None:
            return None
        _NATIVE = (asyncio.timeout, asyncio.get_running_loop)  # type: ignore[union-attr]
    timeout, running_loop = _NATIVE
    try:
        running_loop()
    except RuntimeError:  # another event loop (trio)
        return None
    return timeout


_NATIVE: tuple[Any, Any] | None = None


def deadline(seconds: float | None) -> Any:
    """The sync attempt's deadline: every socket operation of a bounded pool stops there."""
    return _DeadlineScope(seconds)


def remaining() -> float | None:
    """Seconds left in the current attempt (``None`` outside one or unbounded)."""
    until = _DEADLINE.get()
    return None if until is None else until - time.monotonic()


@contextlib.asynccontextmanager
async def async_lock_within(lock: anyio.Lock) -> AsyncIterator[None]:
    """Hold ``lock``; the wait is bounded by the attempt's cancel scope."""
    async with lock:
        yield


@contextlib.contextmanager
def lock_within(lock: threading.Lock) -> Iterator[None]:
    """Hold ``lock``, waiting no longer than the attempt's deadline (then
    ``httpx.PoolTimeout``: nothing was sent)."""
    left = remaining()
    if not lock.acquire(timeout=-1 if left is None else max(left, 0.0)):
        raise httpx.PoolTimeout("waited for the login past the attempt's deadline")
    try:
        yield
    finally:
        lock.release()


def async_bound_pool(client: Any) -> bool:
    """Async attempts are bounded by their cancel scope: nothing to wrap."""
    return False


def bound_pool(client: Any) -> bool:
    """Wrap the sockets of a sync ``httpx.Client``'s own pool so that each attempt's
    deadline holds; False when the client's transport is not httpx's (a fake, a mock)."""
    if not isinstance(client, httpx.Client):
        return False
    from .sockets import BoundedBackend  # httpcore loads with the pool, not with cxkit

    transport = getattr(client, "_transport", None)
    pool: Any = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if backend is None or isinstance(backend, BoundedBackend):
        return backend is not None
    pool._network_backend = BoundedBackend(backend, remaining)
    return True
