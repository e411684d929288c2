"""Omnidesk resources (async source; the sync twin is generated)."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .case_changelog import AsyncCaseChangelog
    from .cases import AsyncCaseIdeas, AsyncCaseMessages, AsyncCaseNotes, AsyncCases
    from .client_emails import AsyncClientEmails
    from .companies import AsyncCompanies
    from .custom_channels import AsyncCustomChannels
    from .custom_fields import AsyncCustomFields
    from .filters import AsyncFilters
    from .groups import AsyncGroups
    from .ideas_categories import AsyncIdeasCategories
    from .knowledge_base import AsyncKbArticles, AsyncKbCategories, AsyncKbSections
    from .labels import AsyncLabels
    from .languages import AsyncLanguages
    from .macros import AsyncMacros
    from .staff import AsyncStaffMembers
    from .staff_roles import AsyncStaffRoles
    from .staff_statuses import AsyncStaffStatuses
    from .statistics import AsyncStatistics
    from .users import AsyncUsers
else:
    from ...._core import lazy_exports

    # Each name is imported from its module on first use (cxkit._core.lazy).
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            ".case_changelog": ("AsyncCaseChangelog",),
            ".cases": (
                "AsyncCaseIdeas",
                "AsyncCaseMessages",
                "AsyncCaseNotes",
                "AsyncCases",
            ),
            ".client_emails": ("AsyncClientEmails",),
            ".companies": ("AsyncCompanies",),
            ".custom_channels": ("AsyncCustomChannels",),
            ".custom_fields": ("AsyncCustomFields",),
            ".filters": ("AsyncFilters",),
            ".groups": ("AsyncGroups",),
            ".ideas_categories": ("AsyncIdeasCategories",),
            ".knowledge_base": (
                "AsyncKbArticles",
                "AsyncKbCategories",
                "AsyncKbSections",
            ),
            ".labels": ("AsyncLabels",),
            ".languages": ("AsyncLanguages",),
            ".macros": ("AsyncMacros",),
            ".staff": ("AsyncStaffMembers",),
            ".staff_roles": ("AsyncStaffRoles",),
            ".staff_statuses": ("AsyncStaffStatuses",),
            ".statistics": ("AsyncStatistics",),
            ".users": ("AsyncUsers",),
        },
    )

__all__ = [
    "AsyncCaseChangelog",
    "AsyncCaseIdeas",
    "AsyncCaseMessages",
    "AsyncCaseNotes",
    "AsyncCases",
    "AsyncClientEmails",
    "AsyncCompanies",
    "AsyncCustomChannels",
    "AsyncCustomFields",
    "AsyncFilters",
    "AsyncGroups",
    "AsyncIdeasCategories",
    "AsyncKbArticles",
    "AsyncKbCategories",
    "AsyncKbSections",
    "AsyncLabels",
    "AsyncLanguages",
    "AsyncMacros",
    "AsyncStaffMembers",
    "AsyncStaffRoles",
    "AsyncStaffStatuses",
    "AsyncStatistics",
    "AsyncUsers",
]
