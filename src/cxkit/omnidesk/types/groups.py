"""Staff groups."""

from __future__ import annotations

from ..._core import CXModel, RFC2822DateTime

__all__ = ["Group"]


class Group(CXModel):
    """A group of staff members."""

    group_id: int
    group_title: str | None = None
    group_from_name: str | None = None
    """Sender name used in staff replies."""
    group_signature: str | None = None
    active: bool | None = None
    created_at: RFC2822DateTime = None
    updated_at: RFC2822DateTime = None
