"""The account's email addresses (mailboxes)."""

from __future__ import annotations

from ..._core import CXModel

__all__ = ["ClientEmail"]


class ClientEmail(CXModel):
    """An email address of the account."""

    email_id: int
    email: str | None = None
    active: bool | None = None
