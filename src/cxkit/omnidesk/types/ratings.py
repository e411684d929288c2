"""Ratings of cases and messages (beyond the documented seed)."""

from __future__ import annotations

from typing import Literal

from .cases import Case, Message

__all__ = ["RatedCase", "RatedMessage", "Rating"]

Rating = Literal["high", "middle", "low"]
"""A customer's rating of a case or a message."""


class RatedCase(Case):
    """A case with its rating (the answer of ``cases.rate``)."""

    rating: str | int | None = None
    """The rating (``high``, ``middle``, ``low``)."""
    rating_comment: str | None = None
    rated_staff_id: int | None = None
    """The staff member the rating is for (0: none)."""


class RatedMessage(Message):
    """A message with its rating (the answer of ``cases.messages.rate``)."""

    rating: str | int | None = None
    """The rating (``high``, ``middle``, ``low``)."""
    rating_comment: str | None = None
    rated_staff_id: int | None = None
