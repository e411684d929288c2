"""Case filters (async source; the sync twin is generated)."""

from __future__ import annotations

import builtins

from ...._core import AsyncAPIResource, operation
from ...types.filters import Filter

__all__ = ["AsyncFilters"]


class AsyncFilters(AsyncAPIResource):
    """Case filters of the staff member whose email authenticates the client."""

    @operation("GET", "/filters.json", entity="filter", listing=True)
    async def list(self) -> builtins.list[Filter]:
        """List the staff member's filters (built-in and custom)."""
        return await self._call(self.list, cast_to=builtins.list[Filter])
