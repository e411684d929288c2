"""The Template client (async source; the sync twin is generated)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..._core import AsyncAPIClient, AsyncClientOptions, BearerAuth, named, setting
from .._dialect import TemplateDialect
from . import resources

if TYPE_CHECKING:
    # Annotations only: typing_extensions is not a runtime dependency, and the raw
    # views are imported on first use.
    from typing_extensions import Unpack

    from ._raw import AsyncTemplateWithRawResponse

__all__ = ["AsyncTemplate"]

DEFAULT_BASE_URL = "https://api.template.invalid/v1"


class AsyncTemplate(AsyncAPIClient):
    """Async Template client.

    ``api_key`` (else ``TEMPLATE_API_KEY``) is sent as ``Authorization: Bearer``;
    ``base_url`` (else ``TEMPLATE_BASE_URL``) defaults to the public API.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        **options: Unpack[AsyncClientOptions],
    ) -> None:
        key = setting(api_key, "TEMPLATE_API_KEY", vendor="template", name="api_key")
        url = setting(
            base_url, "TEMPLATE_BASE_URL", vendor="template", name="base_url", required=False
        )
        super().__init__(
            dialect=TemplateDialect(),
            base_url=url or DEFAULT_BASE_URL,
            auth=BearerAuth(key),
            **options,
        )

    @property
    def with_raw_response(self) -> AsyncTemplateWithRawResponse:
        """The same operations, returning the HTTP answer with ``.parse()`` for the result."""
        from ._raw import AsyncTemplateWithRawResponse

        return AsyncTemplateWithRawResponse(self)

    @cached_property
    def items(self) -> resources.AsyncItems:
        """Items."""
        return named(resources.AsyncItems, "items")(self)
