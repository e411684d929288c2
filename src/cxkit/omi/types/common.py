"""Shapes shared by several OMI resources."""

from __future__ import annotations

from typing import Any

from ..._core import CXModel

__all__ = [
    "Actor",
    "WriteResult",
]


class Actor(CXModel):
    """Who created or last changed a record (``create_by``, ``last_update_by``...)."""

    id: str | None = None
    name: str | None = None
    contact_id: str | None = None
    avatar: str | None = None
    gender: str | None = None
    uuid: str | None = None
    type: str | None = None


class WriteResult(CXModel):
    """The answer of a write whose answer the docs do not show.

    The call succeeded (a failure raises); ``payload`` is what OMI sent back, as sent.
    """

    payload: Any = None
