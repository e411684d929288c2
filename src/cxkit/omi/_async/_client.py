"""The OMI client (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from ..._core import (
    AsyncAPIClient,
    AsyncClientOptions,
    BearerAuth,
    ConfigurationError,
    named,
    setting,
)
from .._dialect import OmiDialect
from . import resources

if TYPE_CHECKING:
    # Annotations only: typing_extensions is not a runtime dependency, and the raw
    # views are imported on first use.
    from typing_extensions import Unpack

    from ._raw import AsyncOmiWithRawResponse

__all__ = ["AsyncOmi"]


def _host_root(base_url: str) -> str:
    """The host root: operation paths carry the documented ``/api/...`` prefix, so a
    base URL that already ends in ``/api`` loses it."""
    if not isinstance(base_url, str):
        raise ConfigurationError("omi: base_url must be a URL string")
    url = base_url.strip().rstrip("/")
    try:
        path = httpx.URL(url).path
    except (httpx.InvalidURL, TypeError, ValueError):
        return url  # the core check reports it
    if path.rstrip("/").endswith("/api"):
        url = url[: -len("/api")]
    return url


def _token(token: str | Callable[[], str]) -> str | Callable[[], str]:
    if callable(token):
        return token
    if not isinstance(token, str) or not token.strip():
        raise ConfigurationError("omi: token must be a non-empty string or a callable")
    token = token.strip()
    # The docs write the header as: Bearer "Access token"; accept a pasted header value.
    if token.lower().startswith("bearer "):
        token = token[len("bearer ") :].strip().strip('"')
    return token


class AsyncOmi(AsyncAPIClient):
    """Async OMI (OMICall / OmiCRM) client.

    ``base_url`` is the host root of your OMI API (the ``[URL]`` of the docs'
    ``[URL]/api/...``; a trailing ``/api`` is dropped), else ``OMI_BASE_URL``.
    ``token`` is an access token from the OMI web console, sent as
    ``Authorization: Bearer <token>`` (else ``OMI_TOKEN``); it may be a callable
    returning the current token, asked on every request, for tokens that rotate.
    """

    def __init__(
        self,
        base_url: str | None = None,
        token: str | Callable[[], str] | None = None,
        **options: Unpack[AsyncClientOptions],
    ) -> None:
        url = setting(base_url, "OMI_BASE_URL", vendor="omi", name="base_url")
        secret = setting(token, "OMI_TOKEN", vendor="omi", name="token")
        super().__init__(
            dialect=OmiDialect(),
            base_url=_host_root(url),
            auth=BearerAuth(_token(secret)),
            **options,
        )

    @property
    def with_raw_response(self) -> AsyncOmiWithRawResponse:
        """The same operations, returning the HTTP answer (status, headers, ``request_id``,
        ``elapsed``) with ``.parse()`` for the typed result."""
        from ._raw import AsyncOmiWithRawResponse

        return AsyncOmiWithRawResponse(self)

    @cached_property
    def contacts(self) -> resources.AsyncContacts:
        """Contacts (customers)."""
        return named(resources.AsyncContacts, "contacts")(self)

    @cached_property
    def contact_layout(self) -> resources.AsyncContactLayout:
        """The contact layout (dynamic attributes)."""
        return named(resources.AsyncContactLayout, "contact_layout")(self)

    @cached_property
    def internal_phones(self) -> resources.AsyncInternalPhones:
        """Internal phones (extensions / SIP accounts)."""
        return named(resources.AsyncInternalPhones, "internal_phones")(self)

    @cached_property
    def hotlines(self) -> resources.AsyncHotlines:
        """Hotlines (public numbers)."""
        return named(resources.AsyncHotlines, "hotlines")(self)

    @cached_property
    def extensions(self) -> resources.AsyncExtensions:
        """Users' call-center accounts."""
        return named(resources.AsyncExtensions, "extensions")(self)

    @cached_property
    def internal_groups(self) -> resources.AsyncInternalGroups:
        """Internal (ring) groups."""
        return named(resources.AsyncInternalGroups, "internal_groups")(self)

    @cached_property
    def key_interactions(self) -> resources.AsyncKeyInteractions:
        """IVR key-press scripts."""
        return named(resources.AsyncKeyInteractions, "key_interactions")(self)

    @cached_property
    def greetings(self) -> resources.AsyncGreetings:
        """Recording (greeting) files."""
        return named(resources.AsyncGreetings, "greetings")(self)
