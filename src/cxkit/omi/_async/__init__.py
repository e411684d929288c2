"""The OMI client (async source; the sync twin is generated)."""

from ._client import AsyncOmi

__all__ = ["AsyncOmi"]
