"""OmniCXM resources (async source; the sync twin is generated)."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .auth import *  # noqa: F403
    from .cdr import *  # noqa: F403
    from .custom_fields import *  # noqa: F403
    from .objects import *  # noqa: F403
    from .omnichat import *  # noqa: F403
    from .permissions import *  # noqa: F403
    from .tags import *  # noqa: F403
    from .tickets import *  # noqa: F403
    from .users import *  # noqa: F403
else:
    from ...._core import lazy_modules

    # A name is imported on first use from the submodule whose __all__ lists it
    # (cxkit._core.lazy); the type checker reads the same names from the imports above.
    __getattr__, __dir__ = lazy_modules(__name__)
