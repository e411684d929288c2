"""Custom channels (async source; the sync twin is generated)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, operation
from ..._dialect import OmnideskHints
from ...types.custom_channels import CustomChannel

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncCustomChannels"]


class AsyncCustomChannels(AsyncAPIResource):
    """Custom channels."""

    @operation(
        "GET", "/custom_channels.json", listing=True, hints=OmnideskHints(entity="custom_channel")
    )
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[CustomChannel]:
        """List all custom channels."""
        return await self._call(self.list, cast_to=builtins.list[CustomChannel], options=options)
