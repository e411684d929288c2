"""Customer languages."""

from __future__ import annotations

from ..._core import CXModel

__all__ = ["Language"]


class Language(CXModel):
    """A language of the account's customers."""

    language_id: int
    code: str | None = None
    title: str | None = None
    active: bool | None = None
