"""Thulium resources (async source; the sync twin is generated)."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .agents import *  # noqa: F403
    from .batch import *  # noqa: F403
    from .chats import *  # noqa: F403
    from .crm import *  # noqa: F403
    from .crm_outbounds import *  # noqa: F403
    from .files import *  # noqa: F403
    from .misc import *  # noqa: F403
    from .outbounds import *  # noqa: F403
    from .tickets import *  # noqa: F403
    from .todos import *  # noqa: F403
    from .users import *  # noqa: F403
    from .webhooks import *  # noqa: F403
else:
    from ...._core import lazy_modules

    # A name is imported on first use from the submodule whose __all__ lists it
    # (cxkit._core.lazy); the type checker reads the same names from the imports above.
    __getattr__, __dir__ = lazy_modules(__name__)
