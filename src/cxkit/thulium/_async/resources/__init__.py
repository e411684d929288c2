"""Thulium resources (async source; the sync twin is generated)."""

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
