"""Raw responses: the HTTP answer behind a call, next to its typed result."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Generic, ParamSpec, TypeVar

import httpx

__all__ = [
    "RAW_SINK",
    "RawExchange",
    "RawResponse",
    "async_to_raw_response_wrapper",
    "to_raw_response_wrapper",
]

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class RawExchange:
    """One answered attempt: the operation's name, the response and its duration."""

    operation: str
    response: httpx.Response
    elapsed: float


RAW_SINK: ContextVar[list[RawExchange] | None] = ContextVar("cxkit_raw_sink", default=None)
"""Where the client records answered attempts while a raw-response call runs."""


class RawResponse(Generic[R]):
    """The HTTP answer of a call and, through :meth:`parse`, its typed result."""

    def __init__(self, exchange: RawExchange, result: R) -> None:
        self.http_response = exchange.response
        self.operation = exchange.operation
        self.elapsed = exchange.elapsed
        """Seconds from sending to the last byte of the answer."""
        self._result = result

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The vendor's request id header, when it sends one."""
        for name in ("x-request-id", "request-id", "x-correlation-id"):
            if name in self.http_response.headers:
                return self.http_response.headers[name]
        return None

    def parse(self) -> R:
        """The typed result, as the plain method returns it."""
        return self._result

    def __repr__(self) -> str:
        return f"RawResponse({self.operation}, status_code={self.status_code})"


def _last(sink: list[RawExchange], name: str) -> RawExchange:
    if not sink:
        raise RuntimeError(f"{name}: no response was recorded")  # pragma: no cover
    return sink[-1]


def to_raw_response_wrapper(func: Callable[P, R]) -> Callable[P, RawResponse[R]]:
    """``func`` returning a :class:`RawResponse` (a list gives its first page's answer)."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        sink: list[RawExchange] = []
        token = RAW_SINK.set(sink)
        try:
            result = func(*args, **kwargs)
        finally:
            RAW_SINK.reset(token)
        return RawResponse(_last(sink, func.__name__), result)

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[RawResponse[R]]]:
    """The async twin of :func:`to_raw_response_wrapper`; a list is awaited to its first page."""

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        sink: list[RawExchange] = []
        token = RAW_SINK.set(sink)
        try:
            result: Any = await func(*args, **kwargs)
        finally:
            RAW_SINK.reset(token)
        return RawResponse(_last(sink, func.__name__), result)

    return wrapped
