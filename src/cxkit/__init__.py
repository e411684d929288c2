"""cxkit: typed sync and async clients for Omnidesk, Thulium, OmniCXM and OMI."""

from ._core.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    CXError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    UnprocessableEntityError,
)
from ._core.models import CXModel
from ._core.pager import AsyncPage, AsyncPager, SyncPage
from ._core.ratelimit import RateLimit
from ._core.registry import Operation
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
    "CXModel",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "Operation",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
    "ResponseValidationError",
    "SyncPage",
    "UnprocessableEntityError",
    "__version__",
]
