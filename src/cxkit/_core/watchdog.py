"""Ending a sync read at its deadline: one daemon thread shuts down late sockets.

An async attempt is bounded by a cancel scope. A sync read blocks in ``recv`` with
httpx's per-read timeout, which restarts at every byte; so while a sync client reads
a body, the socket is registered here and shut down at the attempt's deadline, which
wakes the blocked read at once. One thread serves every client.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

__all__ = ["async_body_guard", "body_guard"]


class _Watchdog:
    def __init__(self) -> None:
        self._heap: list[tuple[float, int, socket.socket]] = []
        self._cancelled: set[int] = set()
        self._ids = itertools.count()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    def arm(self, deadline: float, sock: socket.socket) -> int:
        with self._cond:
            ident = next(self._ids)
            earliest = self._heap[0][0] if self._heap else None
            heapq.heappush(self._heap, (deadline, ident, sock))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="cxkit-watchdog", daemon=True
                )
                self._thread.start()
            # The thread sleeps until the earliest deadline: wake it only when this one
            # comes first (with one timeout for every call, it almost never does).
            if earliest is None or deadline < earliest:
                self._cond.notify()
            return ident

    def disarm(self, ident: int) -> None:
        with self._cond:
            self._cancelled.add(ident)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._heap:
                    self._cond.wait()
                deadline, ident, sock = self._heap[0]
                wait = deadline - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                heapq.heappop(self._heap)
                if ident in self._cancelled:
                    self._cancelled.discard(ident)
                    continue
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


_WATCHDOG = _Watchdog()


@contextlib.contextmanager
def body_guard(response: Any, started: float, budget: float | None) -> Iterator[None]:
    """Shut the response's socket down if reading its body outlasts the attempt."""
    sock = None
    if budget is not None:
        stream = response.extensions.get("network_stream")
        get = getattr(stream, "get_extra_info", None)
        sock = get("socket") if callable(get) else None
    if not isinstance(sock, socket.socket):
        yield
        return
    remaining = budget - (time.perf_counter() - started) if budget is not None else 0.0
    ident = _WATCHDOG.arm(time.monotonic() + max(remaining, 0.0), sock)
    try:
        yield
    finally:
        _WATCHDOG.disarm(ident)


def async_body_guard(response: Any, started: float, budget: float | None) -> Any:
    """Async reads are bounded by the attempt's cancel scope: nothing to do."""
    return contextlib.nullcontext()
