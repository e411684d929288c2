"""Ideas categories."""

from __future__ import annotations

from ..._core import CXModel, RFC2822DateTime

__all__ = ["IdeasCategory"]


class IdeasCategory(CXModel):
    """A category of ideas (customer suggestions)."""

    category_id: int
    category_title: str | None = None
    active: bool | None = None
    created_at: RFC2822DateTime = None
    updated_at: RFC2822DateTime = None
