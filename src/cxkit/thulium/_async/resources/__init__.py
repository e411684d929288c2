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
from .todos import AsyncTodos
from .users import AsyncUsers

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
    "AsyncCustomerFeedRecords",
    "AsyncCustomerIdByOutboundStatus",
    "AsyncCustomerNotes",
    "AsyncCustomers",
    "AsyncCustomersBatch",
    "AsyncTodos",
    "AsyncUsers",
]
