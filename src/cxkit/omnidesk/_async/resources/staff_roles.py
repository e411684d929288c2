"""Staff roles (async source; the sync twin is generated).

Beyond the documented seed: the endpoint is not in the official documentation.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, operation
from ..._dialect import OmnideskHints
from ...types.staff_roles import StaffRole

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncStaffRoles"]


class AsyncStaffRoles(AsyncAPIResource):
    """The account's staff roles."""

    @operation("GET", "/staff_roles.json", listing=True, hints=OmnideskHints(entity="staff_roles"))
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[StaffRole]:
        """List the staff roles (beyond the documented seed)."""
        return await self._call(self.list, cast_to=builtins.list[StaffRole], options=options)
