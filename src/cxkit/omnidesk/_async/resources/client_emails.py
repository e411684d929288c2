"""The account's email addresses (mailboxes) (async source; the sync twin is generated)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, operation
from ..._dialect import OmnideskHints
from ...types.client_emails import ClientEmail

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncClientEmails"]


class AsyncClientEmails(AsyncAPIResource):
    """The account's email addresses (mailboxes)."""

    @operation(
        "GET", "/client_emails.json", listing=True, hints=OmnideskHints(entity="client_emails")
    )
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[ClientEmail]:
        """List all email addresses of the account."""
        return await self._call(self.list, cast_to=builtins.list[ClientEmail], options=options)
