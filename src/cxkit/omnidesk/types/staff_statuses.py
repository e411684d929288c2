"""Staff statuses (beyond the documented seed)."""

from __future__ import annotations

from ..._core import CXModel

__all__ = ["StaffStatus"]


class StaffStatus(CXModel):
    """A status staff members can set (built-in ones like online, or custom ones)."""

    status_id: int
    status: str | None = None
    """The status's name."""
    active: bool | None = None
