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
    setting,
)
from .._dialect import ThuliumDialect
from ._raw import AsyncThuliumWithRawResponse
from .resources import (
    AsyncAgentGroups,
    AsyncAgents,
    AsyncAgentStatuses,
    AsyncAgentWorkReport,
    AsyncBatch,
    AsyncChatConversations,
    AsyncChats,
    AsyncCompanies,
    AsyncCrmOutbounds,
    AsyncCustomerFieldGroups,
    AsyncCustomerIdByOutboundStatus,
    AsyncCustomers,
    AsyncOutbounds,
    AsyncSmsMessages,
    AsyncTags,
    AsyncTemporaryFiles,
    AsyncTickets,
    AsyncTodos,
    AsyncTopics,
    AsyncUsers,
    AsyncWebhooks,
)

if TYPE_CHECKING:
    # Annotations only: typing_extensions is not a runtime dependency.
    from typing_extensions import Unpack

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
        if base_url is not None and system is not None:
            raise ConfigurationError("thulium: pass system or base_url, not both")
        if base_url is None and system is None:
            base_url = setting(
                None, "THULIUM_BASE_URL", vendor="thulium", name="base_url", required=False
            )
        if base_url is None:
            system = setting(
                system, "THULIUM_SYSTEM", vendor="thulium", name="system", required=False
            )
        url = account_base_url(
            system, base_url, vendor="thulium", name="system", what="system name", suffix=_SUFFIX
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
        return AsyncThuliumWithRawResponse(self)

    @cached_property
    def agents(self) -> AsyncAgents:
        """Agents and actions on their phones and statuses."""
        return AsyncAgents(self)

    @cached_property
    def agents_groups(self) -> AsyncAgentGroups:
        """Groups of agents."""
        return AsyncAgentGroups(self)

    @cached_property
    def agents_statuses(self) -> AsyncAgentStatuses:
        """Every agent's status at once."""
        return AsyncAgentStatuses(self)

    @cached_property
    def agents_work_report(self) -> AsyncAgentWorkReport:
        """The agents' work report."""
        return AsyncAgentWorkReport(self)

    @cached_property
    def chats(self) -> AsyncChats:
        """Chats, chat queues and the chat report."""
        return AsyncChats(self)

    @cached_property
    def chat_conversations(self) -> AsyncChatConversations:
        """Chat conversations: start, send messages, stop, delete."""
        return AsyncChatConversations(self)

    @cached_property
    def customers(self) -> AsyncCustomers:
        """CRM customers, their notes and contact history."""
        return AsyncCustomers(self)

    @cached_property
    def companies(self) -> AsyncCompanies:
        """CRM companies."""
        return AsyncCompanies(self)

    @cached_property
    def customer_id_by_outbound_status(self) -> AsyncCustomerIdByOutboundStatus:
        """Customer ids by the status of their campaign records."""
        return AsyncCustomerIdByOutboundStatus(self)

    @cached_property
    def batch(self) -> AsyncBatch:
        """Batch calls (``batch.customers``, ``batch.outbounds``): results item by item."""
        return AsyncBatch(self)

    @cached_property
    def users(self) -> AsyncUsers:
        """Thulium users."""
        return AsyncUsers(self)

    @cached_property
    def todos(self) -> AsyncTodos:
        """Tasks assigned to users."""
        return AsyncTodos(self)

    @cached_property
    def tickets(self) -> AsyncTickets:
        """Tickets, their messages, comments and attachments, categories, queues, statuses."""
        return AsyncTickets(self)

    @cached_property
    def outbounds(self) -> AsyncOutbounds:
        """Campaigns, their agents, statuses, statistics and records."""
        return AsyncOutbounds(self)

    @cached_property
    def crm_outbounds(self) -> AsyncCrmOutbounds:
        """Records of CRM-fed campaigns."""
        return AsyncCrmOutbounds(self)

    @cached_property
    def webhooks(self) -> AsyncWebhooks:
        """Webhook items (where Thulium sends its events)."""
        return AsyncWebhooks(self)

    @cached_property
    def temporary_files(self) -> AsyncTemporaryFiles:
        """Files kept on the server for a while (ticket attachments)."""
        return AsyncTemporaryFiles(self)

    @cached_property
    def customer_field_groups(self) -> AsyncCustomerFieldGroups:
        """Groups of customer custom fields."""
        return AsyncCustomerFieldGroups(self)

    @cached_property
    def topics(self) -> AsyncTopics:
        """Conversation topics."""
        return AsyncTopics(self)

    @cached_property
    def tags(self) -> AsyncTags:
        """Tags."""
        return AsyncTags(self)

    @cached_property
    def sms_messages(self) -> AsyncSmsMessages:
        """SMS messages."""
        return AsyncSmsMessages(self)
