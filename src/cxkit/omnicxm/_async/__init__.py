"""The OmniCXM client (async source; the sync twin is generated)."""

from ._client import AsyncOmniCXM, AsyncOmniCXMOptions

__all__ = ["AsyncOmniCXM", "AsyncOmniCXMOptions"]
