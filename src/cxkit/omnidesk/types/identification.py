"""A user's one-time identification code (beyond the documented seed)."""

from __future__ import annotations

from ..._core import CXModel

__all__ = ["IdentificationCode"]


class IdentificationCode(CXModel):
    """The answer of ``users.identify``: a one-time code for the user."""

    code: str
