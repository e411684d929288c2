"""The Omnidesk client (async source; the sync twin is generated)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..._core import (
    AsyncAPIClient,
    AsyncClientOptions,
    BasicAuth,
    ConfigurationError,
    account_base_url,
    named,
    setting,
)
from .._dialect import OmnideskDialect
from . import resources

if TYPE_CHECKING:
    # Annotations only: typing_extensions is not a runtime dependency, and the raw
    # views are imported on first use.
    from typing_extensions import Unpack

    from ._raw import AsyncOmnideskWithRawResponse

__all__ = ["AsyncOmnidesk"]

_SUFFIX = ".omnidesk.ru"

REQUESTS_PER_ACTIVE_STAFF = 500
"""Hourly quota per active staff member."""
MIN_REQUESTS_PER_HOUR = 1000
"""The hourly quota of an account is never below this."""


class AsyncOmnidesk(AsyncAPIClient):
    """Async Omnidesk client.

    ``domain`` is the account name (``acme`` for ``https://acme.omnidesk.ru``), or
    pass a full ``base_url`` instead (``https://acme.omnidesk.ru/api``). ``email``
    is a staff member's address (the API acts with that member's rights; use one
    with full access) and ``api_key`` a key from Settings -> API. Each falls back
    to ``OMNIDESK_DOMAIN`` / ``OMNIDESK_BASE_URL``, ``OMNIDESK_EMAIL`` and
    ``OMNIDESK_API_KEY``.

    The quota is 500 requests an hour per active staff member, at least 1000;
    ``rate_limit.remaining`` follows the ``api_calls_left`` header. With
    ``throttle="auto"`` the client counts the active (enabled) staff members
    once, on its first request, and throttles itself to
    ``max(1000, 500 * active)`` requests an hour; ``throttle="7500/hour"`` (or
    an int per hour) sets the rate directly.
    """

    def __init__(
        self,
        domain: str | None = None,
        email: str | None = None,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        **options: Unpack[AsyncClientOptions],
    ) -> None:
        url = account_base_url(
            domain,
            base_url,
            env="OMNIDESK_DOMAIN",
            base_url_env="OMNIDESK_BASE_URL",
            vendor="omnidesk",
            name="domain",
            what="account name",
            suffix=_SUFFIX,
        )
        email = setting(email, "OMNIDESK_EMAIL", vendor="omnidesk", name="email")
        api_key = setting(api_key, "OMNIDESK_API_KEY", vendor="omnidesk", name="api_key")
        if not isinstance(email, str) or "@" not in email:
            raise ConfigurationError("omnidesk: email must be a staff member's email address")
        if not isinstance(api_key, str):
            raise ConfigurationError("omnidesk: api_key must be a string")
        super().__init__(
            dialect=OmnideskDialect(),
            base_url=url,
            auth=BasicAuth(email.strip(), api_key.strip()),
            **options,
        )

    def _documented_rate(self) -> str | int:
        """The documented floor, used until the staff count is read."""
        return MIN_REQUESTS_PER_HOUR

    async def _auto_throttle_rate(self) -> str | int:
        """``max(1000, 500 * active staff)`` requests an hour, counted from the staff list."""
        active = 0
        async for member in self.staff.list(limit=100):
            if member.active is True:
                active += 1
        return max(MIN_REQUESTS_PER_HOUR, REQUESTS_PER_ACTIVE_STAFF * active)

    @property
    def with_raw_response(self) -> AsyncOmnideskWithRawResponse:
        """The same operations, returning the HTTP answer (status, headers, ``request_id``,
        ``elapsed``) with ``.parse()`` for the typed result."""
        from ._raw import AsyncOmnideskWithRawResponse

        return AsyncOmnideskWithRawResponse(self)

    @cached_property
    def cases(self) -> resources.AsyncCases:
        """Cases, with their messages, notes and idea data."""
        return named(resources.AsyncCases, "cases")(self)

    @cached_property
    def filters(self) -> resources.AsyncFilters:
        """Case filters of the authenticated staff member."""
        return named(resources.AsyncFilters, "filters")(self)

    @cached_property
    def labels(self) -> resources.AsyncLabels:
        """Case labels."""
        return named(resources.AsyncLabels, "labels")(self)

    @cached_property
    def users(self) -> resources.AsyncUsers:
        """Users (customers)."""
        return named(resources.AsyncUsers, "users")(self)

    @cached_property
    def companies(self) -> resources.AsyncCompanies:
        """Companies."""
        return named(resources.AsyncCompanies, "companies")(self)

    @cached_property
    def groups(self) -> resources.AsyncGroups:
        """Staff groups."""
        return named(resources.AsyncGroups, "groups")(self)

    @cached_property
    def staff(self) -> resources.AsyncStaffMembers:
        """Staff members."""
        return named(resources.AsyncStaffMembers, "staff")(self)

    @cached_property
    def custom_fields(self) -> resources.AsyncCustomFields:
        """Custom data fields."""
        return named(resources.AsyncCustomFields, "custom_fields")(self)

    @cached_property
    def custom_channels(self) -> resources.AsyncCustomChannels:
        """Custom channels."""
        return named(resources.AsyncCustomChannels, "custom_channels")(self)

    @cached_property
    def languages(self) -> resources.AsyncLanguages:
        """Customer languages."""
        return named(resources.AsyncLanguages, "languages")(self)

    @cached_property
    def kb_categories(self) -> resources.AsyncKbCategories:
        """Knowledge base categories."""
        return named(resources.AsyncKbCategories, "kb_categories")(self)

    @cached_property
    def kb_sections(self) -> resources.AsyncKbSections:
        """Knowledge base sections."""
        return named(resources.AsyncKbSections, "kb_sections")(self)

    @cached_property
    def kb_articles(self) -> resources.AsyncKbArticles:
        """Knowledge base articles."""
        return named(resources.AsyncKbArticles, "kb_articles")(self)

    @cached_property
    def statistics(self) -> resources.AsyncStatistics:
        """Leaderboard statistics."""
        return named(resources.AsyncStatistics, "statistics")(self)

    @cached_property
    def ideas_categories(self) -> resources.AsyncIdeasCategories:
        """Ideas categories."""
        return named(resources.AsyncIdeasCategories, "ideas_categories")(self)

    @cached_property
    def client_emails(self) -> resources.AsyncClientEmails:
        """The account's email addresses."""
        return named(resources.AsyncClientEmails, "client_emails")(self)

    @cached_property
    def macros(self) -> resources.AsyncMacros:
        """Macros, common and personal (beyond the documented seed)."""
        return named(resources.AsyncMacros, "macros")(self)

    @cached_property
    def staff_roles(self) -> resources.AsyncStaffRoles:
        """Staff roles (beyond the documented seed)."""
        return named(resources.AsyncStaffRoles, "staff_roles")(self)

    @cached_property
    def staff_statuses(self) -> resources.AsyncStaffStatuses:
        """Staff statuses (beyond the documented seed)."""
        return named(resources.AsyncStaffStatuses, "staff_statuses")(self)
