"""Staff roles (beyond the documented seed)."""

from __future__ import annotations

from ..._core import CXModel

__all__ = ["StaffRole"]


class StaffRole(CXModel):
    """A role staff members can have."""

    role_id: int
    role: str | None = None
    """The role's name."""
