"""OMI resources (async source; the sync twin is generated)."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .call_center import *  # noqa: F403
    from .contacts import *  # noqa: F403
    from .greetings import *  # noqa: F403
    from .internal_groups import *  # noqa: F403
    from .key_interactions import *  # noqa: F403
else:
    from ...._core import lazy_modules

    # A name is imported on first use from the submodule whose __all__ lists it
    # (cxkit._core.lazy); the type checker reads the same names from the imports above.
    __getattr__, __dir__ = lazy_modules(__name__)
