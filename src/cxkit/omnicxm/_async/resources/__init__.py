"""OmniCXM resources (async source; the sync twin is generated)."""

from .auth import AsyncAuth
from .cdr import AsyncCDR
from .custom_fields import AsyncCustomFields
from .objects import AsyncObjects
from .omnichat import (
    AsyncOmnichat,
    AsyncOmnichatMessages,
    AsyncOmnichatPages,
    AsyncOmnichatRooms,
    AsyncQuickResponses,
)
from .permissions import AsyncPermissions
from .tags import AsyncTags
from .tickets import (
    AsyncTicketActions,
    AsyncTicketCategories,
    AsyncTicketComments,
    AsyncTicketFiles,
    AsyncTicketLogs,
    AsyncTicketRequesters,
    AsyncTickets,
    AsyncTicketSLA,
    AsyncTicketViews,
)
from .users import AsyncUsers

__all__ = [
    "AsyncAuth",
    "AsyncCDR",
    "AsyncCustomFields",
    "AsyncObjects",
    "AsyncOmnichat",
    "AsyncOmnichatMessages",
    "AsyncOmnichatPages",
    "AsyncOmnichatRooms",
    "AsyncPermissions",
    "AsyncQuickResponses",
    "AsyncTags",
    "AsyncTicketActions",
    "AsyncTicketCategories",
    "AsyncTicketComments",
    "AsyncTicketFiles",
    "AsyncTicketLogs",
    "AsyncTicketRequesters",
    "AsyncTicketSLA",
    "AsyncTicketViews",
    "AsyncTickets",
    "AsyncUsers",
]
