"""Sockets bounded by the sync attempt's deadline (see :mod:`cxkit._core.deadline`).

A wrapper around httpcore's network backend: every connect, read and write waits at
most the seconds ``remaining()`` gives (the attempt's deadline). Imported when a sync
pool is bound, so that importing cxkit does not import httpcore.
"""

from __future__ import annotations

import ssl
import typing
from collections.abc import Callable, Iterable
from typing import Any

import httpcore

__all__ = ["BoundedBackend"]

Remaining = Callable[[], "float | None"]


def _bounded(remaining: Remaining, timeout: float | None, error: type[Exception]) -> float | None:
    left = remaining()
    if left is None:
        return timeout
    if left <= 0:
        raise error("the attempt's deadline passed")
    return left if timeout is None else min(timeout, left)


class BoundedStream(httpcore.NetworkStream):
    """A stream whose reads and writes end at the deadline."""

    def __init__(self, inner: httpcore.NetworkStream, remaining: Remaining) -> None:
        self._inner = inner
        self._remaining = remaining

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(self._remaining, timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(self._remaining, timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(self._remaining, timeout, httpcore.ConnectTimeout)
        inner = self._inner.start_tls(ssl_context, server_hostname, bounded)
        return BoundedStream(inner, self._remaining)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class BoundedBackend(httpcore.NetworkBackend):
    """A network backend whose connections and streams end at the deadline."""

    def __init__(self, inner: httpcore.NetworkBackend, remaining: Remaining) -> None:
        self._inner = inner
        self._remaining = remaining

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(self._remaining, timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, bounded, local_address, socket_options)
        return BoundedStream(stream, self._remaining)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(self._remaining, timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_unix_socket(path, bounded, socket_options)
        return BoundedStream(stream, self._remaining)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)
