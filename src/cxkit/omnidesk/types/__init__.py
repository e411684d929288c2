"""Typed models of Omnidesk resources."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .cases import (
        Attachment,
        Case,
        CaseBulkResult,
        CaseIdea,
        CasePriority,
        CaseSort,
        CaseStatus,
        IdeaStage,
        Message,
        MessageOrder,
    )
    from .changelog import ChangelogEntry
    from .client_emails import ClientEmail
    from .companies import Company
    from .custom_channels import CustomChannel
    from .custom_fields import CustomField
    from .filters import Filter
    from .groups import Group
    from .ideas import IdeasCategory
    from .identification import IdentificationCode
    from .knowledge_base import AccessType, KbArticle, KbCategory, KbSection, MultilingualText
    from .labels import Label
    from .languages import Language
    from .leaderboard import Initiator, LeaderboardEntry
    from .macros import Macro, MacroAction, MacroCatalog, MacroCategory
    from .ratings import RatedCase, RatedMessage, Rating
    from .satisfaction import SatisfactionRating, SatisfactionSort
    from .staff import Staff
    from .staff_roles import StaffRole
    from .staff_statuses import StaffStatus
    from .statistics import GroupLeaderboardEntry, StaffLeaderboardEntry
    from .users import User
else:
    from ..._core import lazy_exports

    # Each name is imported from its module on first use (cxkit._core.lazy).
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            ".cases": (
                "Attachment",
                "Case",
                "CaseBulkResult",
                "CaseIdea",
                "CasePriority",
                "CaseSort",
                "CaseStatus",
                "IdeaStage",
                "Message",
                "MessageOrder",
            ),
            ".changelog": ("ChangelogEntry",),
            ".client_emails": ("ClientEmail",),
            ".companies": ("Company",),
            ".custom_channels": ("CustomChannel",),
            ".custom_fields": ("CustomField",),
            ".filters": ("Filter",),
            ".groups": ("Group",),
            ".ideas": ("IdeasCategory",),
            ".identification": ("IdentificationCode",),
            ".knowledge_base": (
                "AccessType",
                "KbArticle",
                "KbCategory",
                "KbSection",
                "MultilingualText",
            ),
            ".labels": ("Label",),
            ".languages": ("Language",),
            ".leaderboard": (
                "Initiator",
                "LeaderboardEntry",
            ),
            ".macros": (
                "Macro",
                "MacroAction",
                "MacroCatalog",
                "MacroCategory",
            ),
            ".ratings": (
                "RatedCase",
                "RatedMessage",
                "Rating",
            ),
            ".satisfaction": (
                "SatisfactionRating",
                "SatisfactionSort",
            ),
            ".staff": ("Staff",),
            ".staff_roles": ("StaffRole",),
            ".staff_statuses": ("StaffStatus",),
            ".statistics": (
                "GroupLeaderboardEntry",
                "StaffLeaderboardEntry",
            ),
            ".users": ("User",),
        },
    )

__all__ = [
    "AccessType",
    "Attachment",
    "Case",
    "CaseBulkResult",
    "CaseIdea",
    "CasePriority",
    "CaseSort",
    "CaseStatus",
    "ChangelogEntry",
    "ClientEmail",
    "Company",
    "CustomChannel",
    "CustomField",
    "Filter",
    "Group",
    "GroupLeaderboardEntry",
    "IdeaStage",
    "IdeasCategory",
    "IdentificationCode",
    "Initiator",
    "KbArticle",
    "KbCategory",
    "KbSection",
    "Label",
    "Language",
    "LeaderboardEntry",
    "Macro",
    "MacroAction",
    "MacroCatalog",
    "MacroCategory",
    "Message",
    "MessageOrder",
    "MultilingualText",
    "RatedCase",
    "RatedMessage",
    "Rating",
    "SatisfactionRating",
    "SatisfactionSort",
    "Staff",
    "StaffLeaderboardEntry",
    "StaffRole",
    "StaffStatus",
    "User",
]
