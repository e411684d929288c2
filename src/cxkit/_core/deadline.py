"""Bounding one attempt as a whole, connect to last byte, in both directions.

An async attempt runs in a cancel scope. A sync attempt cannot be cancelled, and
httpx's timeouts restart at every byte, so a server that drips its status line,
floods ``102 Processing`` or reads an upload slowly could hold it for ever. The
sync pool's sockets are therefore wrapped (:func:`bound_pool`): every connect,
read and write waits at most until the attempt's deadline, held in a context
variable for the attempt's duration.
"""

from __future__ import annotations

import contextlib
import ssl
import threading
import time
import typing
from collections.abc import AsyncIterator, Iterable, Iterator
from contextvars import ContextVar
from typing import Any

import anyio
import httpcore
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


@contextlib.contextmanager
def _deadline_scope(seconds: float | None) -> Iterator[None]:
    token = _DEADLINE.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def async_deadline(seconds: float | None) -> Any:
    """A cancel scope that ends the attempt after ``seconds`` (raises ``TimeoutError``);
    everything inside it, the wait for another caller's login included, stops there."""
    return anyio.fail_after(seconds)


def deadline(seconds: float | None) -> Any:
    """The sync attempt's deadline: every socket operation of a bounded pool stops there."""
    return _deadline_scope(seconds)


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


def _bounded(timeout: float | None, error: type[Exception]) -> float | None:
    left = remaining()
    if left is None:
        return timeout
    if left <= 0:
        raise error("the attempt's deadline passed")
    return left if timeout is None else min(timeout, left)


class _BoundedStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(
            ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout)
        )
        return _BoundedStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _BoundedBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host,
            port,
            _bounded(timeout, httpcore.ConnectTimeout),
            local_address,
            socket_options,
        )
        return _BoundedStream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_unix_socket(
            path, _bounded(timeout, httpcore.ConnectTimeout), socket_options
        )
        return _BoundedStream(stream)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def async_bound_pool(client: Any) -> bool:
    """Async attempts are bounded by their cancel scope: nothing to wrap."""
    return False


def bound_pool(client: Any) -> bool:
    """Wrap the sockets of a sync ``httpx.Client``'s own pool so that each attempt's
    deadline holds; False when the client's transport is not httpx's (a fake, a mock)."""
    if not isinstance(client, httpx.Client):
        return False
    transport = getattr(client, "_transport", None)
    pool: Any = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if backend is None or isinstance(backend, _BoundedBackend):
        return backend is not None
    pool._network_backend = _BoundedBackend(backend)
    return True
