"""Leaderboard statistics (async source; the sync twin is generated)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, operation
from ..._checks import stats_time
from ...types.statistics import GroupLeaderboardEntry, StaffLeaderboardEntry

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncStatistics"]


class AsyncStatistics(AsyncAPIResource):
    """Team leaderboards. Speeds are averages in seconds."""

    @operation("GET", "/stats_lb_staff.json", entity="staff", listing=True)
    async def staff_leaderboard(
        self,
        *,
        from_time: str | datetime,
        to_time: str | datetime,
        **options: Unpack[RequestOptions],
    ) -> list[StaffLeaderboardEntry]:
        """Best in the team, by staff member, for a period.

        Times are date strings such as ``"01 Jan 2015 00:00:00 +0300"`` (a
        datetime is formatted that way).
        """
        params = {
            "from_time": stats_time("from_time", from_time),
            "to_time": stats_time("to_time", to_time),
        }
        return await self._call(
            self.staff_leaderboard,
            params=params,
            cast_to=list[StaffLeaderboardEntry],
            options=options,
        )

    @operation("GET", "/stats_lb_groups.json", entity="group", listing=True)
    async def groups_leaderboard(
        self,
        *,
        from_time: str | datetime,
        to_time: str | datetime,
        **options: Unpack[RequestOptions],
    ) -> list[GroupLeaderboardEntry]:
        """Best in the team, by group, for a period.

        Times are date strings such as ``"01 Jan 2015 00:00:00 +0300"`` (a
        datetime is formatted that way).
        """
        params = {
            "from_time": stats_time("from_time", from_time),
            "to_time": stats_time("to_time", to_time),
        }
        return await self._call(
            self.groups_leaderboard,
            params=params,
            cast_to=list[GroupLeaderboardEntry],
            options=options,
        )
