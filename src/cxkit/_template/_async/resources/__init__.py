"""Template resources (async source; the sync twin is generated)."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .items import AsyncItems
else:
    from ...._lazy import exports

    # Each name is imported from its module on first use (cxkit._lazy).
    __getattr__, __dir__ = exports(
        __name__,
        {
            ".items": ("AsyncItems",),
        },
    )

__all__ = ["AsyncItems"]
