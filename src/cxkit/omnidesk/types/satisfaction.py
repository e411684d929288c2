"""Customer ratings listed by ``stats_satisfaction`` (beyond the documented seed)."""

from __future__ import annotations

from typing import Literal

from ..._core import CXModel, RFC2822DateTime

__all__ = ["SatisfactionRating", "SatisfactionSort"]

SatisfactionSort = Literal["added_at_desc", "added_at_asc"]
"""Order of the ratings: newest or oldest first."""


class SatisfactionRating(CXModel):
    """A customer's rating of a case."""

    rating_id: int
    rating: str | int | None = None
    """The rating as the API sends it in this list (e.g. ``"3"``)."""
    rating_comment: str | None = None
    rated_staff_id: int | None = None
    """The staff member the rating is for (0: none)."""
    case_id: int | None = None
    case_number: str | None = None
    user_id: int | None = None
    staff_id: int | None = None
    group_id: int | None = None
    created_at: RFC2822DateTime = None
    updated_at: RFC2822DateTime = None
