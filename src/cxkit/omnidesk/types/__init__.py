"""Typed models of Omnidesk resources."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .cases import *  # noqa: F403
    from .changelog import *  # noqa: F403
    from .client_emails import *  # noqa: F403
    from .companies import *  # noqa: F403
    from .custom_channels import *  # noqa: F403
    from .custom_fields import *  # noqa: F403
    from .filters import *  # noqa: F403
    from .groups import *  # noqa: F403
    from .ideas import *  # noqa: F403
    from .identification import *  # noqa: F403
    from .knowledge_base import *  # noqa: F403
    from .labels import *  # noqa: F403
    from .languages import *  # noqa: F403
    from .leaderboard import *  # noqa: F403
    from .macros import *  # noqa: F403
    from .ratings import *  # noqa: F403
    from .satisfaction import *  # noqa: F403
    from .staff import *  # noqa: F403
    from .staff_roles import *  # noqa: F403
    from .staff_statuses import *  # noqa: F403
    from .statistics import *  # noqa: F403
    from .users import *  # noqa: F403
else:
    from ..._core import lazy_modules

    # A name is imported on first use from the submodule whose __all__ lists it
    # (cxkit._core.lazy); the type checker reads the same names from the imports above.
    __getattr__, __dir__ = lazy_modules(__name__, skip=(".webhooks",))
