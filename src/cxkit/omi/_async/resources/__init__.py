"""OMI resources (async source; the sync twin is generated)."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .call_center import AsyncExtensions, AsyncHotlines, AsyncInternalPhones
    from .contacts import AsyncContactLayout, AsyncContacts
    from .greetings import AsyncGreetings
    from .internal_groups import AsyncInternalGroups
    from .key_interactions import AsyncKeyInteractions
else:
    from ...._core import lazy_exports

    # Each name is imported from its module on first use (cxkit._core.lazy).
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            ".call_center": (
                "AsyncExtensions",
                "AsyncHotlines",
                "AsyncInternalPhones",
            ),
            ".contacts": (
                "AsyncContactLayout",
                "AsyncContacts",
            ),
            ".greetings": ("AsyncGreetings",),
            ".internal_groups": ("AsyncInternalGroups",),
            ".key_interactions": ("AsyncKeyInteractions",),
        },
    )

__all__ = [
    "AsyncContactLayout",
    "AsyncContacts",
    "AsyncExtensions",
    "AsyncGreetings",
    "AsyncHotlines",
    "AsyncInternalGroups",
    "AsyncInternalPhones",
    "AsyncKeyInteractions",
]
