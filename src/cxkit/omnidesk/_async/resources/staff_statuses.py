"""Staff statuses (async source; the sync twin is generated).

Beyond the documented seed: the endpoint is not in the official documentation.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, operation
from ..._dialect import OmnideskHints
from ...types.staff_statuses import StaffStatus

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncStaffStatuses"]


class AsyncStaffStatuses(AsyncAPIResource):
    """The account's staff statuses (online, offline and custom ones)."""

    @operation(
        "GET", "/staff_statuses.json", listing=True, hints=OmnideskHints(entity="staff_statuses")
    )
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[StaffStatus]:
        """List the staff statuses, built-in and custom (beyond the documented seed)."""
        return await self._call(self.list, cast_to=builtins.list[StaffStatus], options=options)
