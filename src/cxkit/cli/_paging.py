"""Where a list operation is in its pages, as values its method takes back.

A page's position is what the method needs to fetch the next page again later,
in another process: the page number (or offset) and the page size, under the
method's own parameter names (``page``/``limit``, ``page``/``size``,
``page``/``take``, ``offset``/``limit``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from .._core import OffsetPaging, PageNumberPaging, PageStrategy

__all__ = ["PagingKeys", "next_cursor", "paging_keys"]

POSITION_NAMES = ("page", "offset")
SIZE_NAMES = ("limit", "size", "take")


@dataclass(frozen=True)
class PagingKeys:
    """The method parameters that place a page: ``position`` and ``size``."""

    position: str
    size: str | None


def paging_keys(param_names: Collection[str]) -> PagingKeys | None:
    """The paging parameters among a method's parameters (``None`` if it has none)."""
    position = next((n for n in POSITION_NAMES if n in param_names), None)
    if position is None:
        return None
    size = next((n for n in SIZE_NAMES if n in param_names), None)
    return PagingKeys(position, size)


def check_keys(keys: PagingKeys, strategy: PageStrategy, name: str) -> None:
    """Refuse to page an operation whose method parameters are not its wire keys."""
    if isinstance(strategy, PageNumberPaging):
        wire = (strategy.page_key, strategy.size_key)
    else:
        wire = (strategy.offset_key, strategy.limit_key)
    if (keys.position, keys.size) != wire:
        raise TypeError(f"{name}: cannot resume its pages (keys {wire} are not its parameters)")


def max_size(strategy: PageStrategy) -> int | None:
    """The largest page the vendor serves, when documented."""
    if isinstance(strategy, OffsetPaging):
        return strategy.max_limit
    return strategy.max_size


def next_cursor(page: Any, keys: PagingKeys) -> dict[str, Any] | None:
    """The method arguments that fetch the page after ``page`` (``None`` after the last)."""
    if not page.has_next_page():
        return None
    values = page.next_page_params or {}
    cursor = {keys.position: values.get(keys.position)}
    if keys.size is not None and values.get(keys.size) is not None:
        cursor[keys.size] = values[keys.size]
    return cursor
