"""Customer custom-field groups, conversation topics, tags and SMS (async source; the sync twin is generated).

Inferred: the seed lists these endpoints in its index only; parameters follow the
index lines and the conventions of the detailed sections.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ...._core import AsyncAPIResource, check_texts, operation
from ..._values import check_phone
from ...types.common import ThuliumModel
from ...types.misc import CustomerFieldGroup, SmsMessageSent, Topic

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncCustomerFieldGroups", "AsyncSmsMessages", "AsyncTags", "AsyncTopics"]

M = TypeVar("M", bound=ThuliumModel)


def _answer(client: Any, model: type[M], data: Any) -> M:
    """``model`` from an answer that may be empty (a 201 with no body gives an empty model)."""
    parsed: M = client._parse(model, data if isinstance(data, Mapping) else {})
    return parsed


class AsyncCustomerFieldGroups(AsyncAPIResource):
    """Groups of customer custom fields."""

    @operation("GET", "/customer_field_groups")
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[CustomerFieldGroup]:
        """List the groups of customer custom fields (one answer, not paged).

        Inferred (index-only in the seed).
        """
        return await self._call(
            self.list, cast_to=builtins.list[CustomerFieldGroup], options=options
        )


class AsyncTopics(AsyncAPIResource):
    """Conversation topics."""

    @operation("GET", "/topics")
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[Topic]:
        """List the active conversation topics (one answer, not paged). Inferred (index-only in the seed)."""
        return await self._call(self.list, cast_to=builtins.list[Topic], options=options)


class AsyncTags(AsyncAPIResource):
    """Tags."""

    # Adding tags that exist is a no-op on the server (duplicates are skipped).
    @operation("POST", "/tags", idempotent=True)
    async def create(self, tags: Sequence[str], **options: Unpack[RequestOptions]) -> None:
        """Add tags; the ones that exist already are skipped. Inferred (index-only in the seed).

        The answer carries no record, only a success flag, so nothing is returned.
        """
        await self._call(self.create, body={"tags": check_texts("tags", tags)}, options=options)


class AsyncSmsMessages(AsyncAPIResource):
    """SMS messages."""

    @operation("POST", "/sms_messages")
    async def create(
        self, *, phone_number: str, message: str, **options: Unpack[RequestOptions]
    ) -> SmsMessageSent:
        """Send an SMS with text ``message`` to ``phone_number``.

        Inferred: the seed lists this endpoint in its index only and documents no
        field; ``phone_number`` is the API's name for a phone number everywhere
        else, ``message`` its name for a text (CRM notes). Send other fields with
        ``extra_body``.
        """
        body = {
            "phone_number": check_phone("phone_number", phone_number),
            "message": message,
        }
        data = await self._call(self.create, body=body, cast_to=object, options=options)
        return _answer(self._client, SmsMessageSent, data)
