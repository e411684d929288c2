"""Typed models of Omnidesk resources."""

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
from .client_emails import ClientEmail
from .companies import Company
from .custom_channels import CustomChannel
from .custom_fields import CustomField
from .filters import Filter
from .groups import Group
from .ideas import IdeasCategory
from .knowledge_base import AccessType, KbArticle, KbCategory, KbSection, MultilingualText
from .labels import Label
from .languages import Language
from .staff import Staff
from .statistics import GroupLeaderboardEntry, StaffLeaderboardEntry
from .users import User

__all__ = [
    "AccessType",
    "Attachment",
    "Case",
    "CaseBulkResult",
    "CaseIdea",
    "CasePriority",
    "CaseSort",
    "CaseStatus",
    "ClientEmail",
    "Company",
    "CustomChannel",
    "CustomField",
    "Filter",
    "Group",
    "GroupLeaderboardEntry",
    "IdeaStage",
    "IdeasCategory",
    "KbArticle",
    "KbCategory",
    "KbSection",
    "Label",
    "Language",
    "Message",
    "MessageOrder",
    "MultilingualText",
    "Staff",
    "StaffLeaderboardEntry",
    "User",
]
