"""OmniCXM under the unified layer (async source; the sync twin is generated)."""

from __future__ import annotations

from ._base import AsyncBackend


class AsyncOmniCXMBackend(AsyncBackend):
    """OmniCXM under the unified layer."""

    vendor = "omnicxm"
