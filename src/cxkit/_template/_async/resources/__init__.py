"""Template resources (async source; the sync twin is generated)."""

from .items import AsyncItems

__all__ = ["AsyncItems"]
