"""Staff members (agents)."""

from __future__ import annotations

from ..._core import CXModel, RFC2822DateTime

__all__ = ["Staff"]


class Staff(CXModel):
    """A staff member."""

    staff_id: int
    staff_email: str | None = None
    staff_full_name: str | None = None
    staff_signature: str | None = None
    thumbnail: str | None = None
    active: bool | None = None
    """False when the staff member is disabled."""
    status: str | None = None
    """Presence: ``online``, ``away`` or ``offline``."""
    created_at: RFC2822DateTime = None
    updated_at: RFC2822DateTime = None
