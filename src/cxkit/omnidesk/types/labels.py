"""Case labels."""

from __future__ import annotations

from ..._core import CXModel

__all__ = ["Label"]


class Label(CXModel):
    """A case label."""

    label_id: int
    label_title: str | None = None
