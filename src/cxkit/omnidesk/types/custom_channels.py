"""Custom channels."""

from __future__ import annotations

from ..._core import CXModel

__all__ = ["CustomChannel"]


class CustomChannel(CXModel):
    """A custom channel."""

    channel_id: int
    channel_api_key: str | None = None
    """Channel ID used in the API (``cch1``)."""
    title: str | None = None
    channel_type: str | None = None
    """``async`` or ``sync`` (chat)."""
    icon: str | None = None
    webhook_url: str | None = None
    active: bool | None = None
