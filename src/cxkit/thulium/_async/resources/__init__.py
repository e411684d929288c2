"""Thulium resources (async source; the sync twin is generated)."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .agents import AsyncAgentGroups, AsyncAgents, AsyncAgentStatuses, AsyncAgentWorkReport
    from .batch import AsyncBatch
    from .chats import (
        AsyncChatContent,
        AsyncChatConversations,
        AsyncChatMessages,
        AsyncChatQueues,
        AsyncChatReports,
        AsyncChats,
        AsyncChatSummaryReport,
    )
    from .crm import (
        AsyncCompanies,
        AsyncCustomerFeedRecords,
        AsyncCustomerIdByOutboundStatus,
        AsyncCustomerNotes,
        AsyncCustomers,
        AsyncCustomersBatch,
    )
    from .crm_outbounds import AsyncCrmOutboundRecords, AsyncCrmOutbounds
    from .files import AsyncTemporaryFiles
    from .misc import AsyncCustomerFieldGroups, AsyncSmsMessages, AsyncTags, AsyncTopics
    from .outbounds import (
        AsyncOutboundAgents,
        AsyncOutboundRecords,
        AsyncOutboundRecordsByIdentifier,
        AsyncOutbounds,
        AsyncOutboundsBatch,
        AsyncOutboundStats,
        AsyncOutboundStatuses,
    )
    from .tickets import (
        AsyncTicketAgentResponses,
        AsyncTicketAttachments,
        AsyncTicketCategories,
        AsyncTicketComments,
        AsyncTicketCustomerResponses,
        AsyncTicketQueues,
        AsyncTickets,
        AsyncTicketStatuses,
        AsyncTicketTodayStats,
    )
    from .todos import AsyncTodos
    from .users import AsyncUsers
    from .webhooks import AsyncWebhooks
else:
    from ...._core import lazy_exports

    # Each name is imported from its module on first use (cxkit._core.lazy).
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            ".agents": (
                "AsyncAgentGroups",
                "AsyncAgents",
                "AsyncAgentStatuses",
                "AsyncAgentWorkReport",
            ),
            ".batch": ("AsyncBatch",),
            ".chats": (
                "AsyncChatContent",
                "AsyncChatConversations",
                "AsyncChatMessages",
                "AsyncChatQueues",
                "AsyncChatReports",
                "AsyncChats",
                "AsyncChatSummaryReport",
            ),
            ".crm": (
                "AsyncCompanies",
                "AsyncCustomerFeedRecords",
                "AsyncCustomerIdByOutboundStatus",
                "AsyncCustomerNotes",
                "AsyncCustomers",
                "AsyncCustomersBatch",
            ),
            ".crm_outbounds": (
                "AsyncCrmOutboundRecords",
                "AsyncCrmOutbounds",
            ),
            ".files": ("AsyncTemporaryFiles",),
            ".misc": (
                "AsyncCustomerFieldGroups",
                "AsyncSmsMessages",
                "AsyncTags",
                "AsyncTopics",
            ),
            ".outbounds": (
                "AsyncOutboundAgents",
                "AsyncOutboundRecords",
                "AsyncOutboundRecordsByIdentifier",
                "AsyncOutbounds",
                "AsyncOutboundsBatch",
                "AsyncOutboundStats",
                "AsyncOutboundStatuses",
            ),
            ".tickets": (
                "AsyncTicketAgentResponses",
                "AsyncTicketAttachments",
                "AsyncTicketCategories",
                "AsyncTicketComments",
                "AsyncTicketCustomerResponses",
                "AsyncTicketQueues",
                "AsyncTickets",
                "AsyncTicketStatuses",
                "AsyncTicketTodayStats",
            ),
            ".todos": ("AsyncTodos",),
            ".users": ("AsyncUsers",),
            ".webhooks": ("AsyncWebhooks",),
        },
    )

__all__ = [
    "AsyncAgentGroups",
    "AsyncAgentStatuses",
    "AsyncAgentWorkReport",
    "AsyncAgents",
    "AsyncBatch",
    "AsyncChatContent",
    "AsyncChatConversations",
    "AsyncChatMessages",
    "AsyncChatQueues",
    "AsyncChatReports",
    "AsyncChatSummaryReport",
    "AsyncChats",
    "AsyncCompanies",
    "AsyncCrmOutboundRecords",
    "AsyncCrmOutbounds",
    "AsyncCustomerFeedRecords",
    "AsyncCustomerFieldGroups",
    "AsyncCustomerIdByOutboundStatus",
    "AsyncCustomerNotes",
    "AsyncCustomers",
    "AsyncCustomersBatch",
    "AsyncOutboundAgents",
    "AsyncOutboundRecords",
    "AsyncOutboundRecordsByIdentifier",
    "AsyncOutboundStats",
    "AsyncOutboundStatuses",
    "AsyncOutbounds",
    "AsyncOutboundsBatch",
    "AsyncSmsMessages",
    "AsyncTags",
    "AsyncTemporaryFiles",
    "AsyncTicketAgentResponses",
    "AsyncTicketAttachments",
    "AsyncTicketCategories",
    "AsyncTicketComments",
    "AsyncTicketCustomerResponses",
    "AsyncTicketQueues",
    "AsyncTicketStatuses",
    "AsyncTicketTodayStats",
    "AsyncTickets",
    "AsyncTodos",
    "AsyncTopics",
    "AsyncUsers",
    "AsyncWebhooks",
]
