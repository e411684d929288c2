"""The Omnidesk client (async source; the sync twin is generated)."""

from ._client import AsyncOmnidesk

__all__ = ["AsyncOmnidesk"]
