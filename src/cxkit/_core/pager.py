"""What list operations return: a lazy :class:`AsyncPager` (async) or a :class:`SyncPage`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from typing import Any, Generic, TypeVar

from ._async.pagination import AsyncPage
from ._sync.pagination import SyncPage

__all__ = ["AsyncPage", "AsyncPager", "SyncPage"]

T = TypeVar("T")


class AsyncPager(Generic[T]):
    """Await it for the first :class:`AsyncPage`; ``async for`` over it for every item.

    Nothing is sent until it is awaited or iterated.
    """

    def __init__(self, fetch: Callable[..., Awaitable[AsyncPage[T]]], *args: Any) -> None:
        self._fetch = fetch
        self._args = args

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]:
        return self._fetch(*self._args).__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        page = await self
        async for item in page:
            yield item
