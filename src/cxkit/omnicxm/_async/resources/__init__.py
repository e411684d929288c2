"""OmniCXM resources (async source; the sync twin is generated)."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
else:
    from ...._core import lazy_exports

    # Each name is imported from its module on first use (cxkit._core.lazy).
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            ".auth": ("AsyncAuth",),
            ".cdr": ("AsyncCDR",),
            ".custom_fields": (
                "AsyncCustomFields",
                "AsyncDataSources",
                "AsyncFieldLinks",
            ),
            ".objects": ("AsyncObjects",),
            ".omnichat": (
                "AsyncOmnichat",
                "AsyncOmnichatMessages",
                "AsyncOmnichatPages",
                "AsyncOmnichatRooms",
                "AsyncQuickResponses",
            ),
            ".permissions": (
                "AsyncPermissionModules",
                "AsyncPermissions",
            ),
            ".tags": ("AsyncTags",),
            ".tickets": (
                "AsyncTicketActions",
                "AsyncTicketCategories",
                "AsyncTicketComments",
                "AsyncTicketFiles",
                "AsyncTicketLogs",
                "AsyncTicketRequesters",
                "AsyncTickets",
                "AsyncTicketSLA",
                "AsyncTicketViews",
            ),
            ".users": (
                "AsyncUserPbx",
                "AsyncUsers",
            ),
        },
    )

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
