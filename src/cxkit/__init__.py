"""cxkit: typed sync and async clients for Omnidesk, Thulium, OmniCXM and OMI."""

from typing import TYPE_CHECKING

from ._core.errors import *  # noqa: F403  (every error, as errors.__all__ lists them)

if TYPE_CHECKING:
    from ._core.models import Created as Created
    from ._core.models import CXInput as CXInput
    from ._core.models import CXModel as CXModel
    from ._core.pager import AsyncPage as AsyncPage
    from ._core.pager import AsyncPager as AsyncPager
    from ._core.pager import SyncPage as SyncPage
    from ._core.ratelimit import RateLimit as RateLimit
    from ._core.registry import Operation as Operation
    from ._version import __version__ as __version__
else:
    from ._core.lazy import lazy_exports

    # Imported on first use (cxkit._core.lazy): the models, pages, rate limit and
    # operation types; the errors are imported above.
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            "._core.models": ("Created", "CXInput", "CXModel"),
            "._core.pager": ("AsyncPage", "AsyncPager", "SyncPage"),
            "._core.ratelimit": ("RateLimit",),
            "._core.registry": ("Operation",),
            "._version": ("__version__",),
        },
        modules=("._core.errors",),
    )
