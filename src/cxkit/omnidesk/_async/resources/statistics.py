"""Leaderboard statistics (async source; the sync twin is generated)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    check_choice,
    check_ids_or_one,
    drop_none,
    operation,
    opt_ids,
)
from ..._checks import check_flag, check_one_choice, check_text_or_texts, stats_time
from ..._dialect import OmnideskHints
from ...types.cases import CasePriority, CaseStatus
from ...types.leaderboard import Initiator, LeaderboardEntry
from ...types.ratings import Rating
from ...types.satisfaction import SatisfactionRating, SatisfactionSort
from ...types.statistics import GroupLeaderboardEntry, StaffLeaderboardEntry

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncStatistics"]


class AsyncStatistics(AsyncAPIResource):
    """Team leaderboards. Speeds are averages in seconds."""

    @operation("GET", "/stats_lb_staff.json", listing=True, hints=OmnideskHints(entity="staff"))
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
        return await self._call(
            self.staff_leaderboard,
            params=_period(from_time, to_time),
            cast_to=list[StaffLeaderboardEntry],
            options=options,
        )

    @operation("GET", "/stats_lb_groups.json", listing=True, hints=OmnideskHints(entity="group"))
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
        return await self._call(
            self.groups_leaderboard,
            params=_period(from_time, to_time),
            cast_to=list[GroupLeaderboardEntry],
            options=options,
        )

    @operation("GET", "/stats_leaderboard.json", listing=True, hints=OmnideskHints(entity="staff"))
    async def leaderboard(
        self,
        *,
        period: str,
        from_time: str | datetime | None = None,
        to_time: str | datetime | None = None,
        group_id: int | Sequence[int] | None = None,
        channel: str | Sequence[str] | None = None,
        status: CaseStatus | Sequence[CaseStatus] | None = None,
        priority: CasePriority | Sequence[CasePriority] | None = None,
        staff_id: int | Sequence[int] | None = None,
        assignee_role_id: int | Sequence[int] | None = None,
        participant_id: int | Sequence[int] | None = None,
        participant_role_id: int | Sequence[int] | None = None,
        labels: Sequence[int] | None = None,
        initiator: Initiator | None = None,
        user_id: int | Sequence[int] | None = None,
        company_id: int | Sequence[int] | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[LeaderboardEntry]:
        """Results of each staff member for a period (beyond the documented seed).

        ``period`` names the period (e.g. ``"today"``, ``"last_7_days"``,
        ``"this_month"``, or ``"custom"`` with ``from_time`` and ``to_time``).
        Times are date strings, or datetimes sent like the documented leaderboards'
        (``"01 Jan 2015 00:00:00 +0300"``). The other filters narrow the cases
        counted; id and value filters take one value or a list. ``initiator`` is
        ``user`` or ``agent``.
        """
        params = drop_none(
            period=period,
            from_time=None if from_time is None else stats_time("from_time", from_time),
            to_time=None if to_time is None else stats_time("to_time", to_time),
            group_id=check_ids_or_one("group_id", group_id),
            channel=check_text_or_texts("channel", channel),
            status=check_choice("status", status, CaseStatus),
            priority=check_choice("priority", priority, CasePriority),
            staff_id=check_ids_or_one("staff_id", staff_id),
            assignee_role_id=check_ids_or_one("assignee_role_id", assignee_role_id),
            participant_id=check_ids_or_one("participant_id", participant_id),
            participant_role_id=check_ids_or_one("participant_role_id", participant_role_id),
            labels=opt_ids("labels", labels),
            initiator=check_one_choice("initiator", initiator, Initiator),
            user_id=check_ids_or_one("user_id", user_id),
            company_id=check_ids_or_one("company_id", company_id),
            custom_fields=None if custom_fields is None else dict(custom_fields),
        )
        return await self._call(
            self.leaderboard,
            params=params,
            cast_to=builtins.list[LeaderboardEntry],
            options=options,
        )

    @operation("GET", "/stats_satisfaction.json", paged=True)
    def satisfaction(
        self,
        *,
        period: str,
        from_time: str | datetime | None = None,
        to_time: str | datetime | None = None,
        rating_id: int | Sequence[int] | None = None,
        rating: Rating | Sequence[Rating] | None = None,
        rating_comment: bool | None = None,
        rated_staff_id: int | Sequence[int] | None = None,
        rated_assignee_role_id: int | Sequence[int] | None = None,
        participant_id: int | Sequence[int] | None = None,
        participant_role_id: int | Sequence[int] | None = None,
        user_id: int | Sequence[int] | None = None,
        user_email: str | Sequence[str] | None = None,
        user_phone: str | Sequence[str] | None = None,
        initiator: Initiator | None = None,
        company_id: int | Sequence[int] | None = None,
        group_id: int | Sequence[int] | None = None,
        channel: str | Sequence[str] | None = None,
        status: CaseStatus | Sequence[CaseStatus] | None = None,
        priority: CasePriority | Sequence[CasePriority] | None = None,
        labels: Sequence[int] | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        page: int | None = None,
        limit: int | None = None,
        sort: SatisfactionSort | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[SatisfactionRating]:
        """List customer ratings for a period (beyond the documented seed).

        Iterating follows pages lazily (``limit`` 1..100, default 100); ``sort``
        is ``added_at_desc`` or ``added_at_asc``. ``period``, ``from_time`` and
        ``to_time`` work as in :meth:`leaderboard`; ``rating_comment=True`` keeps
        ratings with a comment. Id and value filters take one value or a list.
        """
        params = drop_none(
            period=period,
            from_time=None if from_time is None else stats_time("from_time", from_time),
            to_time=None if to_time is None else stats_time("to_time", to_time),
            rating_id=check_ids_or_one("rating_id", rating_id),
            rating=check_choice("rating", rating, Rating),
            rating_comment=check_flag("rating_comment", rating_comment),
            rated_staff_id=check_ids_or_one("rated_staff_id", rated_staff_id),
            rated_assignee_role_id=check_ids_or_one(
                "rated_assignee_role_id", rated_assignee_role_id
            ),
            participant_id=check_ids_or_one("participant_id", participant_id),
            participant_role_id=check_ids_or_one("participant_role_id", participant_role_id),
            user_id=check_ids_or_one("user_id", user_id),
            user_email=check_text_or_texts("user_email", user_email),
            user_phone=check_text_or_texts("user_phone", user_phone),
            initiator=check_one_choice("initiator", initiator, Initiator),
            company_id=check_ids_or_one("company_id", company_id),
            group_id=check_ids_or_one("group_id", group_id),
            channel=check_text_or_texts("channel", channel),
            status=check_choice("status", status, CaseStatus),
            priority=check_choice("priority", priority, CasePriority),
            labels=opt_ids("labels", labels),
            custom_fields=None if custom_fields is None else dict(custom_fields),
            page=page,
            limit=limit,
            sort=check_one_choice("sort", sort, SatisfactionSort),
        )
        return self._paginate(
            self.satisfaction, item=SatisfactionRating, params=params, options=options
        )


def _period(from_time: str | datetime, to_time: str | datetime) -> dict[str, str]:
    return {
        "from_time": stats_time("from_time", from_time),
        "to_time": stats_time("to_time", to_time),
    }
