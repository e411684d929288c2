"""Template models."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .items import Item
else:
    from ..._core import lazy_exports

    # Each name is imported from its module on first use (cxkit._core.lazy).
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            ".items": ("Item",),
        },
    )

__all__ = ["Item"]
