"""OMI models."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .call_center import (
        Extension,
        Greeting,
        GroupMember,
        GroupStrategy,
        InternalGroup,
        InternalPhone,
        KeyInteraction,
        KeyScript,
        PbxAccount,
        Voice,
    )
    from .common import Actor, WriteResult
    from .contacts import (
        Contact,
        ContactCallUser,
        ContactEmail,
        ContactFilter,
        ContactInput,
        ContactLayoutField,
        ContactNote,
        ContactPhone,
        ContactSearchResult,
        ContactTag,
        CustomInfo,
        DynamicAttribute,
        DynamicAttributeValue,
        Gender,
        contact_filter,
    )
else:
    from ..._core import lazy_exports

    # Each name is imported from its module on first use (cxkit._core.lazy).
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            ".call_center": (
                "Extension",
                "Greeting",
                "GroupMember",
                "GroupStrategy",
                "InternalGroup",
                "InternalPhone",
                "KeyInteraction",
                "KeyScript",
                "PbxAccount",
                "Voice",
            ),
            ".common": (
                "Actor",
                "WriteResult",
            ),
            ".contacts": (
                "Contact",
                "ContactCallUser",
                "ContactEmail",
                "ContactFilter",
                "ContactInput",
                "ContactLayoutField",
                "ContactNote",
                "ContactPhone",
                "ContactSearchResult",
                "ContactTag",
                "CustomInfo",
                "DynamicAttribute",
                "DynamicAttributeValue",
                "Gender",
                "contact_filter",
            ),
        },
    )

__all__ = [
    "Actor",
    "Contact",
    "ContactCallUser",
    "ContactEmail",
    "ContactFilter",
    "ContactInput",
    "ContactLayoutField",
    "ContactNote",
    "ContactPhone",
    "ContactSearchResult",
    "ContactTag",
    "CustomInfo",
    "DynamicAttribute",
    "DynamicAttributeValue",
    "Extension",
    "Gender",
    "Greeting",
    "GroupMember",
    "GroupStrategy",
    "InternalGroup",
    "InternalPhone",
    "KeyInteraction",
    "KeyScript",
    "PbxAccount",
    "Voice",
    "WriteResult",
    "contact_filter",
]
