"""OMI resources (async source; the sync twin is generated)."""

from .call_center import AsyncExtensions, AsyncHotlines, AsyncInternalPhones
from .contacts import AsyncContactLayout, AsyncContacts
from .greetings import AsyncGreetings
from .internal_groups import AsyncInternalGroups
from .key_interactions import AsyncKeyInteractions

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
