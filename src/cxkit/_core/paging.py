"""Page strategies: pure objects that read a page and say how to ask for the next."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from .numbers import as_int

if TYPE_CHECKING:
    from .registry import Operation

__all__ = [
    "OffsetPaging",
    "PageData",
    "PageNumberPaging",
    "PageStrategy",
    "field_of",
    "paging_of",
]

Extract = Callable[[Any], Any]


@dataclass(frozen=True)
class PageData:
    """One page as the vendor sent it: raw items, the total if known, and the
    paging values of the next page (``None`` on the last page)."""

    items: list[Any]
    total: int | None = None
    next_values: dict[str, Any] | None = None


def field_of(name: str) -> Extract:
    """An extractor reading ``name`` from an object answer (``None`` otherwise)."""

    def get(data: Any) -> Any:
        return data.get(name) if isinstance(data, Mapping) else None

    return get


def _items(data: Any) -> list[Any]:
    return list(data) if isinstance(data, list) else []


@dataclass(frozen=True)
class PageNumberPaging:
    """``page`` + page-size paging (Omnidesk ``page``/``limit``, OMI ``page``/``size``,
    OmniCXM ``page``/``take``).

    The next page exists when the vendor says so (``has_next``), else when fewer
    than ``total`` (or ``total_pages``) were seen, else when the page was full.
    """

    page_key: str = "page"
    size_key: str = "limit"
    first_page: int = 1
    default_size: int | None = None
    max_size: int | None = None
    items: Extract = _items
    total: Extract | None = None
    total_pages: Extract | None = None
    has_next: Extract | None = None
    location: Literal["query", "body"] = "query"
    send_first: bool = True
    """Add the first page number (and default size) to the first request; False sends
    only what the caller chose, for vendors whose examples send none."""

    def first(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Paging values for the first request, keeping what the caller chose."""
        out = dict(values)
        if not self.send_first:
            self.check(out)
            return out
        out.setdefault(self.page_key, self.first_page)
        if self.default_size is not None:
            out.setdefault(self.size_key, self.default_size)
        self.check(out)
        return out

    def check(self, values: Mapping[str, Any]) -> None:
        """Reject page numbers and sizes the vendor cannot take."""
        page = values.get(self.page_key)
        if page is not None and (not isinstance(page, int) or page < self.first_page):
            raise ValueError(f"{self.page_key} must be an integer >= {self.first_page}")
        size = values.get(self.size_key)
        if size is not None:
            if not isinstance(size, int) or isinstance(size, bool) or size < 1:
                raise ValueError(f"{self.size_key} must be a positive integer")
            if self.max_size is not None and size > self.max_size:
                raise ValueError(f"{self.size_key} must be between 1 and {self.max_size}")

    def parse(self, data: Any, values: Mapping[str, Any]) -> PageData:
        """Read one page; ``values`` are the paging values that asked for it."""
        items = list(self.items(data) or [])
        total = as_int(self.total(data)) if self.total else None
        page = as_int(values.get(self.page_key)) or self.first_page
        size = as_int(values.get(self.size_key)) or self.default_size
        more: bool
        flag = self.has_next(data) if self.has_next else None
        pages = as_int(self.total_pages(data)) if self.total_pages else None
        if isinstance(flag, bool):
            more = flag
        elif pages is not None:
            more = page - self.first_page + 1 < pages
        elif total is not None and size:
            more = (page - self.first_page + 1) * size < total
        else:
            more = bool(items) and size is not None and len(items) >= size
        more = more and bool(items)
        next_values = {**values, self.page_key: page + 1} if more else None
        return PageData(items=items, total=total, next_values=next_values)


@dataclass(frozen=True)
class OffsetPaging:
    """``limit`` + ``offset`` paging (Thulium). ``total`` reads a count when sent."""

    offset_key: str = "offset"
    limit_key: str = "limit"
    default_limit: int | None = None
    max_limit: int | None = None
    items: Extract = _items
    total: Extract | None = None
    location: Literal["query", "body"] = "query"
    send_first: bool = True
    """Add ``offset=0`` (and the default limit) to the first request; False sends only
    what the caller chose, for vendors whose examples send none."""
    server_limit: int | None = None
    """The page size the server uses when no ``limit`` is sent (decides a full page)."""

    def first(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Paging values for the first request, keeping what the caller chose."""
        out = dict(values)
        if not self.send_first:
            self.check(out)
            return out
        out.setdefault(self.offset_key, 0)
        if self.default_limit is not None:
            out.setdefault(self.limit_key, self.default_limit)
        self.check(out)
        return out

    def check(self, values: Mapping[str, Any]) -> None:
        """Reject offsets and limits the vendor cannot take."""
        offset = values.get(self.offset_key)
        if offset is not None and (not isinstance(offset, int) or offset < 0):
            raise ValueError(f"{self.offset_key} must be an integer >= 0")
        limit = values.get(self.limit_key)
        if limit is not None:
            if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
                raise ValueError(f"{self.limit_key} must be a positive integer")
            if self.max_limit is not None and limit > self.max_limit:
                raise ValueError(f"{self.limit_key} must be between 1 and {self.max_limit}")

    def parse(self, data: Any, values: Mapping[str, Any]) -> PageData:
        """Read one page; ``values`` are the paging values that asked for it."""
        items = list(self.items(data) or [])
        total = as_int(self.total(data)) if self.total else None
        offset = as_int(values.get(self.offset_key)) or 0
        limit = as_int(values.get(self.limit_key)) or self.default_limit or self.server_limit
        seen = offset + len(items)
        if total is not None:
            more = seen < total
        else:
            more = limit is not None and len(items) >= limit
        more = more and bool(items)
        next_values = {**values, self.offset_key: seen} if more else None
        return PageData(items=items, total=total, next_values=next_values)


PageStrategy = PageNumberPaging | OffsetPaging


def paging_of(client: Any, op: Operation) -> PageStrategy:
    """How ``client`` pages ``op``: its vendor dialect's strategy (a CLI resuming an
    export needs the wire keys before it fetches)."""
    strategy: PageStrategy = client._dialect.paging(op)
    return strategy
