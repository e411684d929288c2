"""Helpdesk and its parts (async source; the sync twin is generated)."""

from .helpdesk import (
    AsyncAgents,
    AsyncCalls,
    AsyncContacts,
    AsyncHelpdesk,
    AsyncTicketComments,
    AsyncTickets,
)

__all__ = [
    "AsyncAgents",
    "AsyncCalls",
    "AsyncContacts",
    "AsyncHelpdesk",
    "AsyncTicketComments",
    "AsyncTickets",
]
