"""Omi under the unified layer (async source; the sync twin is generated)."""

from __future__ import annotations

from ._base import AsyncBackend


class AsyncOmiBackend(AsyncBackend):
    """Omi under the unified layer."""

    vendor = "omi"
