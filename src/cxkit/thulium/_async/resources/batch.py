"""Batch endpoints, grouped as ``batch.<resource>`` like their paths (async source; the sync twin is generated)."""

from __future__ import annotations

from functools import cached_property

from ...._core import AsyncAPIResource
from .crm import AsyncCustomersBatch
from .outbounds import AsyncOutboundsBatch

__all__ = ["AsyncBatch"]


class AsyncBatch(AsyncAPIResource):
    """Many records in one call (``/batch/...``); each item succeeds or fails on its own."""

    @cached_property
    def customers(self) -> AsyncCustomersBatch:
        """Create, change or delete many customers."""
        return AsyncCustomersBatch(self._client)

    @cached_property
    def outbounds(self) -> AsyncOutboundsBatch:
        """Delete many campaigns."""
        return AsyncOutboundsBatch(self._client)
