"""The Thulium client (async source; the sync twin is generated)."""

from __future__ import annotations

import re
from datetime import tzinfo
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
from .._dialect import ThuliumDialect
from . import resources

if TYPE_CHECKING:
    # Annotations only: typing_extensions is not a runtime dependency, and the raw
    # views are imported on first use.
    from typing_extensions import Unpack

    from ._raw import AsyncThuliumWithRawResponse

__all__ = ["AsyncThulium"]

_SUFFIX = ".thulium.com"
_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")


class AsyncThulium(AsyncAPIClient):
    """Async Thulium client.

    ``system`` is the system name (``acme`` for ``https://acme.thulium.com``), or
    pass a full ``base_url`` (``https://acme.thulium.com/api``). ``username`` and
    ``password`` are an API user's (Panel: Administration -> Users -> API users),
    sent with HTTP Basic auth. Each falls back to ``THULIUM_SYSTEM`` /
    ``THULIUM_BASE_URL``, ``THULIUM_USERNAME`` and ``THULIUM_PASSWORD``.

    ``language`` (``"pl"``, ``"en"``...) is sent as ``Accept-Language``: the API
    writes its error messages in it (English by default). ``time_zone`` is the
    account's zone (default ``Europe/Warsaw``): Thulium sends local dates without
    an offset, and they are read as aware datetimes in this zone.
    """

    def __init__(
        self,
        system: str | None = None,
        username: str | None = None,
        password: str | None = None,
        *,
        base_url: str | None = None,
        language: str | None = None,
        time_zone: str | tzinfo = "Europe/Warsaw",
        **options: Unpack[AsyncClientOptions],
    ) -> None:
        url = account_base_url(
            system,
            base_url,
            env="THULIUM_SYSTEM",
            base_url_env="THULIUM_BASE_URL",
            vendor="thulium",
            name="system",
            what="system name",
            suffix=_SUFFIX,
        )
        username = setting(username, "THULIUM_USERNAME", vendor="thulium", name="username")
        password = setting(password, "THULIUM_PASSWORD", vendor="thulium", name="password")
        if not isinstance(username, str) or not isinstance(password, str):
            raise ConfigurationError("thulium: username and password must be strings")
        if language is not None:
            if not isinstance(language, str) or not _LANGUAGE.match(language.strip()):
                raise ConfigurationError(
                    f"thulium: language must be a language tag such as 'pl' or 'en', got {language!r}"
                )
            options["default_headers"] = {
                "Accept-Language": language.strip(),
                **(options.get("default_headers") or {}),
            }
        super().__init__(
            dialect=ThuliumDialect(),
            base_url=url,
            auth=BasicAuth(username.strip(), password),
            **options,
        )
        self._set_time_zone(time_zone)

    @property
    def with_raw_response(self) -> AsyncThuliumWithRawResponse:
        """The same operations, returning the HTTP answer (status, headers, ``request_id``,
        ``elapsed``) with ``.parse()`` for the typed result."""
        from ._raw import AsyncThuliumWithRawResponse

        return AsyncThuliumWithRawResponse(self)

    @cached_property
    def agents(self) -> resources.AsyncAgents:
        """Agents and actions on their phones and statuses."""
        return named(resources.AsyncAgents, "agents")(self)

    @cached_property
    def agents_groups(self) -> resources.AsyncAgentGroups:
        """Groups of agents."""
        return named(resources.AsyncAgentGroups, "agents_groups")(self)

    @cached_property
    def agents_statuses(self) -> resources.AsyncAgentStatuses:
        """Every agent's status at once."""
        return named(resources.AsyncAgentStatuses, "agents_statuses")(self)

    @cached_property
    def agents_work_report(self) -> resources.AsyncAgentWorkReport:
        """The agents' work report."""
        return named(resources.AsyncAgentWorkReport, "agents_work_report")(self)

    @cached_property
    def chats(self) -> resources.AsyncChats:
        """Chats, chat queues and the chat report."""
        return named(resources.AsyncChats, "chats")(self)

    @cached_property
    def chat_conversations(self) -> resources.AsyncChatConversations:
        """Chat conversations: start, send messages, stop, delete."""
        return named(resources.AsyncChatConversations, "chat_conversations")(self)

    @cached_property
    def customers(self) -> resources.AsyncCustomers:
        """CRM customers, their notes and contact history."""
        return named(resources.AsyncCustomers, "customers")(self)

    @cached_property
    def companies(self) -> resources.AsyncCompanies:
        """CRM companies."""
        return named(resources.AsyncCompanies, "companies")(self)

    @cached_property
    def customer_id_by_outbound_status(self) -> resources.AsyncCustomerIdByOutboundStatus:
        """Customer ids by the status of their campaign records."""
        return named(resources.AsyncCustomerIdByOutboundStatus, "customer_id_by_outbound_status")(
            self
        )

    @cached_property
    def batch(self) -> resources.AsyncBatch:
        """Batch calls (``batch.customers``, ``batch.outbounds``): results item by item."""
        return named(resources.AsyncBatch, "batch")(self)

    @cached_property
    def users(self) -> resources.AsyncUsers:
        """Thulium users."""
        return named(resources.AsyncUsers, "users")(self)

    @cached_property
    def todos(self) -> resources.AsyncTodos:
        """Tasks assigned to users."""
        return named(resources.AsyncTodos, "todos")(self)

    @cached_property
    def tickets(self) -> resources.AsyncTickets:
        """Tickets, their messages, comments and attachments, categories, queues, statuses."""
        return named(resources.AsyncTickets, "tickets")(self)

    @cached_property
    def outbounds(self) -> resources.AsyncOutbounds:
        """Campaigns, their agents, statuses, statistics and records."""
        return named(resources.AsyncOutbounds, "outbounds")(self)

    @cached_property
    def crm_outbounds(self) -> resources.AsyncCrmOutbounds:
        """Records of CRM-fed campaigns."""
        return named(resources.AsyncCrmOutbounds, "crm_outbounds")(self)

    @cached_property
    def webhooks(self) -> resources.AsyncWebhooks:
        """Webhook items (where Thulium sends its events)."""
        return named(resources.AsyncWebhooks, "webhooks")(self)

    @cached_property
    def temporary_files(self) -> resources.AsyncTemporaryFiles:
        """Files kept on the server for a while (ticket attachments)."""
        return named(resources.AsyncTemporaryFiles, "temporary_files")(self)

    @cached_property
    def customer_field_groups(self) -> resources.AsyncCustomerFieldGroups:
        """Groups of customer custom fields."""
        return named(resources.AsyncCustomerFieldGroups, "customer_field_groups")(self)

    @cached_property
    def topics(self) -> resources.AsyncTopics:
        """Conversation topics."""
        return named(resources.AsyncTopics, "topics")(self)

    @cached_property
    def tags(self) -> resources.AsyncTags:
        """Tags."""
        return named(resources.AsyncTags, "tags")(self)

    @cached_property
    def sms_messages(self) -> resources.AsyncSmsMessages:
        """SMS messages."""
        return named(resources.AsyncSmsMessages, "sms_messages")(self)
