"""The staff leaderboard of ``stats_leaderboard`` (beyond the documented seed)."""

from __future__ import annotations

from typing import Literal

from ..._core import CXModel

__all__ = ["Initiator", "LeaderboardEntry"]

Initiator = Literal["user", "agent"]
"""Who started the cases counted: the customer or a staff member."""


class LeaderboardEntry(CXModel):
    """One staff member's results for a period.

    Times are averages as the API sends them (numbers); shares such as
    ``first_response_sla_violated`` are kept as sent (``"0.9%"``, ``"-"``).
    """

    staff_id: int | None = None
    staff_name: str | None = None
    new_cases_in_total: int | None = None
    new_user_cases: int | None = None
    reopened_cases: int | None = None
    cases_being_handled: int | None = None
    cases_with_a_response: int | None = None
    first_response_time: int | float | None = None
    first_response_sla_violated: str | int | float | None = None
    response_time: int | float | None = None
    response_sla_violated: str | int | float | None = None
    response_writing_time: int | float | None = None
    total_number_of_responses: int | None = None
    total_number_of_notes: int | None = None
    number_of_responses_for_resolution: int | float | None = None
    closed_cases: int | None = None
    resolution_time: int | float | None = None
    resolution_sla_violated: str | int | float | None = None
    ratings_of_responses: str | int | float | None = None
