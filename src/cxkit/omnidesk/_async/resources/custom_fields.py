"""Custom data fields of cases and users (async source; the sync twin is generated)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, operation
from ..._dialect import OmnideskHints
from ...types.custom_fields import CustomField

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncCustomFields"]


class AsyncCustomFields(AsyncAPIResource):
    """Custom data fields of cases and users."""

    @operation(
        "GET", "/custom_fields.json", listing=True, hints=OmnideskHints(entity="custom_field")
    )
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[CustomField]:
        """List all custom fields (``field_level`` says whether a field is a case's or a user's)."""
        return await self._call(self.list, cast_to=builtins.list[CustomField], options=options)
