"""OmniCXM resources (async source; the sync twin is generated)."""

from .auth import AsyncAuth
from .cdr import AsyncCDR
from .custom_fields import AsyncCustomFields, AsyncDataSources, AsyncFieldLinks
from .objects import AsyncObjects
from .omnichat import (
    AsyncOmnichat,
    AsyncOmnichatMessages,
    AsyncOmnichatPages,
    AsyncOmnichatRooms,
    AsyncQuickResponses,
)
from .permissions import AsyncPermissionModules, AsyncPermissions
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
from .users import AsyncUserPbx, AsyncUsers

__all__ = [
    "AsyncAuth",
    "AsyncCDR",
    "AsyncCustomFields",
    "AsyncDataSources",
    "AsyncFieldLinks",
    "AsyncObjects",
    "AsyncOmnichat",
    "AsyncOmnichatMessages",
    "AsyncOmnichatPages",
    "AsyncOmnichatRooms",
    "AsyncPermissionModules",
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
    "AsyncUserPbx",
    "AsyncUsers",
]
