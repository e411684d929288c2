"""Omnidesk resources (async source; the sync twin is generated)."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .case_changelog import *  # noqa: F403
    from .cases import *  # noqa: F403
    from .client_emails import *  # noqa: F403
    from .companies import *  # noqa: F403
    from .custom_channels import *  # noqa: F403
    from .custom_fields import *  # noqa: F403
    from .filters import *  # noqa: F403
    from .groups import *  # noqa: F403
    from .ideas_categories import *  # noqa: F403
    from .knowledge_base import *  # noqa: F403
    from .labels import *  # noqa: F403
    from .languages import *  # noqa: F403
    from .macros import *  # noqa: F403
    from .staff import *  # noqa: F403
    from .staff_roles import *  # noqa: F403
    from .staff_statuses import *  # noqa: F403
    from .statistics import *  # noqa: F403
    from .users import *  # noqa: F403
else:
    from ...._core import lazy_modules

    # A name is imported on first use from the submodule whose __all__ lists it
    # (cxkit._core.lazy); the type checker reads the same names from the imports above.
    __getattr__, __dir__ = lazy_modules(__name__)
