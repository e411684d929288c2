"""The Thulium client (async source; the sync twin is generated)."""

from ._client import AsyncThulium

__all__ = ["AsyncThulium"]
