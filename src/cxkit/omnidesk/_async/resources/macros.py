"""Macros (async source; the sync twin is generated).

Beyond the documented seed: the endpoint is not in the official documentation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, operation
from ...types.macros import MacroCatalog

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncMacros"]


class AsyncMacros(AsyncAPIResource):
    """Macros: canned sets of actions staff members apply to cases."""

    @operation("GET", "/macros.json")
    async def list(self, **options: Unpack[RequestOptions]) -> MacroCatalog:
        """List the macros, ``common`` and ``personal``, by category (beyond the documented seed).

        The personal macros are the API user's.
        """
        return await self._call(self.list, cast_to=MacroCatalog, options=options)
