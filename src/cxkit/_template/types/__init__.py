"""Template models."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .items import Item
else:
    from ..._lazy import exports

    # Each name is imported from its module on first use (cxkit._lazy).
    __getattr__, __dir__ = exports(
        __name__,
        {
            ".items": ("Item",),
        },
    )

__all__ = ["Item"]
