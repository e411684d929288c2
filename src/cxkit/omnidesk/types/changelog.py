"""History of a case (beyond the documented seed)."""

from __future__ import annotations

from ..._core import CXModel, RFC2822DateTime

__all__ = ["ChangelogEntry"]


class ChangelogEntry(CXModel):
    """One change in a case's history.

    ``event`` names the kind of change (``status``, ``staff``, ``group``,
    ``rules``...), ``done_by`` who made it (``staff_330``, ``rule_1332``).
    """

    created_at: RFC2822DateTime = None
    event: str | None = None
    done_by: str | None = None
    old_value: str | int | None = None
    value: str | int | None = None
