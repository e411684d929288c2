"""Customer languages (async source; the sync twin is generated)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, operation
from ..._dialect import OmnideskHints
from ...types.languages import Language

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncLanguages"]


class AsyncLanguages(AsyncAPIResource):
    """Customer languages."""

    @operation("GET", "/languages.json", listing=True, hints=OmnideskHints(entity="language"))
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[Language]:
        """List all customer languages."""
        return await self._call(self.list, cast_to=builtins.list[Language], options=options)
