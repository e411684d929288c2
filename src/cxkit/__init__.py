"""cxkit: typed sync and async clients for Omnidesk, Thulium, OmniCXM and OMI."""

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
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RedirectError,
    ResponseTooLargeError,
    ResponseValidationError,
    ThrottleStoreError,
    UnprocessableEntityError,
    UnsupportedOperationError,
)
from ._core.models import Created, CXInput, CXModel
from ._core.pager import AsyncPage, AsyncPager, SyncPage
from ._core.ratelimit import RateLimit
from ._core.registry import Operation
from ._core.webhooks import WebhookError
from ._version import __version__

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
