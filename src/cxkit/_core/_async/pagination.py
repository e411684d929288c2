"""Pages of a list operation (async source; the sync twin is generated)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping
from typing import Any, Generic, Protocol, TypeVar

from ..dialect import Call
from ..errors import NoNextPageError
from ..paging import PageData, PageStrategy
from ..reader import Decoded, Decoder, Decoders

__all__ = ["MAX_PAGES", "AsyncPage", "AsyncPageSource", "fetch_page"]

log = logging.getLogger("cxkit")

MAX_PAGES = 100_000
"""A hard cap on pages one iteration reads, whatever the server says."""

T = TypeVar("T")


class AsyncPageSource(Protocol):
    """What a page needs of its client: parse items, fetch the next page."""

    def _parse(self, cast_to: Any, data: Any, *, list_of: bool = False) -> Any: ...

    _decoders: Decoders

    async def _send(self, call: Call, decoder: Decoder | None = None) -> Any: ...

    async def _fetch_page(
        self, call: Call, strategy: PageStrategy, values: Mapping[str, Any], item: type[T]
    ) -> AsyncPage[T]: ...


class AsyncPage(Generic[T]):
    """One page of results, and the way to the next.

    Iterating yields every item of this page and of the pages after it, fetched
    lazily, one page in memory at a time.
    """

    def __init__(
        self,
        *,
        client: AsyncPageSource,
        call: Call,
        strategy: PageStrategy,
        values: Mapping[str, Any],
        data: PageData,
        item: type[T],
    ) -> None:
        self._client = client
        self._call = call
        self._strategy = strategy
        self._values = dict(values)
        self._data = data
        self._item = item
        self.items: list[T] = client._parse(item, data.items, list_of=True)

    def __repr__(self) -> str:
        name = self._call.op.name or self._call.op.path
        return f"{type(self).__name__}({name}, items={len(self.items)}, total={self.total})"

    @property
    def total(self) -> int | None:
        """How many items match in all, when the vendor says."""
        return self._data.total

    @property
    def next_page_params(self) -> dict[str, Any] | None:
        """The values that select the next page (page number or offset, and size), as
        the vendor reads them; None after the last page. A program that stops can
        resume from them."""
        values = self._data.next_values
        return None if values is None else dict(values)

    def has_next_page(self) -> bool:
        """Whether another page follows this one."""
        return self._data.next_values is not None

    async def get_next_page(self) -> AsyncPage[T]:
        """Fetch the page after this one."""
        if self._data.next_values is None:
            raise NoNextPageError(f"{self._name()}: this is the last page; check has_next_page()")
        return await self._client._fetch_page(
            self._call, self._strategy, self._data.next_values, self._item
        )

    def __len__(self) -> int:
        """How many items this page holds."""
        return len(self.items)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """This page and each page after it.

        Paging stops at an empty page (logged when the vendor said more would
        follow), at a page already seen in this listing (a server that ignores the
        page number, or alternates between pages), and after ``MAX_PAGES`` pages.
        """
        page: AsyncPage[T] = self
        seen = {_signature(page._data.items)}
        items = len(page._data.items)
        count = 1
        while True:
            yield page
            if not page.has_next_page() or not page._data.items:
                return
            if count >= MAX_PAGES:
                log.warning("%s: stopped after %d pages", self._name(), MAX_PAGES)
                return
            following = await page.get_next_page()
            if not following._data.items:
                total = following.total if following.total is not None else page.total
                if total is not None and items < total:
                    log.info(
                        "%s: an empty page before the end (%d of %d items); stopped paging",
                        self._name(),
                        items,
                        total,
                    )
            else:
                signature = _signature(following._data.items)
                if signature in seen:
                    log.warning(
                        "%s: the server sent a page already seen; stopped paging", self._name()
                    )
                    return
                seen.add(signature)
                items += len(following._data.items)
            page = following
            count += 1

    def _name(self) -> str:
        return self._call.op.name or self._call.op.path

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


def _signature(items: list[Any]) -> int:
    """A fingerprint of a page's items, to notice a page sent twice: its size and its
    first and last items (the whole page's ``repr`` would cost half its validation)."""
    try:
        return hash((len(items), repr(items[0]), repr(items[-1])))
    except Exception:  # an unprintable item: never equal to another page
        return id(items)


async def fetch_page(
    source: AsyncPageSource,
    call: Call,
    strategy: PageStrategy,
    values: Mapping[str, Any],
    item: type[T],
) -> AsyncPage[T]:
    """The page ``values`` (page number, offset...) select, in the query or the body."""
    if strategy.location == "query":
        page_call = Call(
            call.op, call.path_params, params=values, body=call.body, options=call.options
        )
    else:
        page_call = Call(
            call.op, call.path_params, params=call.params, body=values, options=call.options
        )
    data = await source._send(page_call, source._decoders.page(call.op, item))
    if type(data) is Decoded:
        data = data.value  # the page's JSON with its items already typed
    return AsyncPage(
        client=source,
        call=call,
        strategy=strategy,
        values=values,
        data=strategy.parse(data, values),
        item=item,
    )
