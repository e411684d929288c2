"""Case filters (async source; the sync twin is generated)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, operation
from ..._dialect import OmnideskHints
from ...types.filters import Filter

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncFilters"]


class AsyncFilters(AsyncAPIResource):
    """Case filters of the staff member whose email authenticates the client."""

    @operation("GET", "/filters.json", listing=True, hints=OmnideskHints(entity="filter"))
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[Filter]:
        """List the staff member's filters (built-in and custom)."""
        return await self._call(self.list, cast_to=builtins.list[Filter], options=options)
