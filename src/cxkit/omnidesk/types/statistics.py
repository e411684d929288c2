"""Leaderboard statistics."""

from __future__ import annotations

from ..._core import CXModel

__all__ = ["GroupLeaderboardEntry", "StaffLeaderboardEntry"]


class _LeaderboardEntry(CXModel):
    """Fields shared by staff and group results."""

    cases_with_first_reply: int | None = None
    first_reply_speed: int | float | None = None
    """Average first reply speed, in seconds."""
    total_amount_of_replies: int | None = None
    closed_cases: int | None = None
    closing_speed: int | float | None = None
    """Average closing speed, in seconds."""
    average_rating: str | int | float | None = None
    """Average rating as the API sends it (e.g. ``"84%"``)."""


class StaffLeaderboardEntry(_LeaderboardEntry):
    """One staff member's results in the leaderboard."""

    staff_id: int | None = None
    staff_name: str | None = None


class GroupLeaderboardEntry(_LeaderboardEntry):
    """One group's results in the leaderboard."""

    group_id: int | None = None
    group_name: str | None = None
