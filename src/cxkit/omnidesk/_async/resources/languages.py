"""Customer languages (async source; the sync twin is generated)."""

from __future__ import annotations

import builtins

from ...._core import AsyncAPIResource, operation
from ...types.languages import Language

__all__ = ["AsyncLanguages"]


class AsyncLanguages(AsyncAPIResource):
    """Customer languages."""

    @operation("GET", "/languages.json", entity="language", listing=True)
    async def list(self) -> builtins.list[Language]:
        """List all customer languages."""
        return await self._call(self.list, cast_to=builtins.list[Language])
