"""The Template client (async source; the sync twin is generated)."""

from ._client import AsyncTemplate

__all__ = ["AsyncTemplate"]
