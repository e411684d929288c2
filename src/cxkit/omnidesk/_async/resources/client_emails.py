"""The account's email addresses (mailboxes) (async source; the sync twin is generated)."""

from __future__ import annotations

import builtins

from ...._core import AsyncAPIResource, operation
from ...types.client_emails import ClientEmail

__all__ = ["AsyncClientEmails"]


class AsyncClientEmails(AsyncAPIResource):
    """The account's email addresses (mailboxes)."""

    @operation("GET", "/client_emails.json", entity="client_emails", listing=True)
    async def list(self) -> builtins.list[ClientEmail]:
        """List all email addresses of the account."""
        return await self._call(self.list, cast_to=builtins.list[ClientEmail])
