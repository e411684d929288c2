"""Thulium models."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .agents import *  # noqa: F403
    from .chats import *  # noqa: F403
    from .common import *  # noqa: F403
    from .crm import *  # noqa: F403
    from .misc import *  # noqa: F403
    from .outbounds import *  # noqa: F403
    from .tickets import *  # noqa: F403
    from .todos import *  # noqa: F403
    from .users import *  # noqa: F403
    from .webhooks_config import *  # noqa: F403
else:
    from ..._core import lazy_modules

    # A name is imported on first use from the submodule whose __all__ lists it
    # (cxkit._core.lazy); the type checker reads the same names from the imports above.
    __getattr__, __dir__ = lazy_modules(__name__, skip=(".events",))
