"""cxkit: typed sync and async clients for Omnidesk, Thulium, OmniCXM and OMI."""

from typing import TYPE_CHECKING

from ._core.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConfigurationError,
    ConflictError,
    CXError,
    ErrorDetail,
    GoneError,
    InternalServerError,
    NoNextPageError,
    NotCompletedError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RedirectError,
    ResponseTooLargeError,
    ResponseValidationError,
    ThrottleStoreError,
    UnprocessableEntityError,
    UnsupportedOperationError,
    WebhookError,
)
from ._core.lazy import lazy_exports
from ._version import __version__

if TYPE_CHECKING:
    from ._core.models import Created, CXInput, CXModel
    from ._core.pager import AsyncPage, AsyncPager, SyncPage
    from ._core.ratelimit import RateLimit
    from ._core.registry import Operation

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "._core.models": ("Created", "CXInput", "CXModel"),
        "._core.pager": ("AsyncPage", "AsyncPager", "SyncPage"),
        "._core.ratelimit": ("RateLimit",),
        "._core.registry": ("Operation",),
    },
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPage",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "CXError",
    "CXInput",
    "CXModel",
    "ClientClosedError",
    "ConfigurationError",
    "ConflictError",
    "Created",
    "ErrorDetail",
    "GoneError",
    "InternalServerError",
    "NoNextPageError",
    "NotCompletedError",
    "NotFoundError",
    "Operation",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
    "RedirectError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "SyncPage",
    "ThrottleStoreError",
    "UnprocessableEntityError",
    "UnsupportedOperationError",
    "WebhookError",
    "__version__",
]
