"""Item models."""

from __future__ import annotations

from ..._core import CXModel, EpochSeconds

__all__ = ["Item"]


class Item(CXModel):
    """An item."""

    id: int | None = None
    name: str | None = None
    created: EpochSeconds = None
    """When the item was created (the API sends epoch seconds)."""
