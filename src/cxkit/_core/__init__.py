"""Vendor-agnostic machinery: the only place that touches httpx.

Vendor packages build on the names exported here.
"""

from ._async.auth import AsyncLoginTokenAuth
from ._async.client import AsyncAPIClient, AsyncAPIResource, ClientOptions
from ._sync.auth import LoginTokenAuth
from ._sync.client import APIClient, APIResource
from .auth import BasicAuth, BearerAuth, HeaderKeyAuth
from .clock import Clock, SystemClock
from .config import setting
from .dialect import Call, Dialect, RequestParts
from .encoding import FileInput, bracket_fields, drop_none, to_file
from .models import (
    Created,
    CXInput,
    CXModel,
    Duration,
    EpochMillis,
    EpochSeconds,
    RFC2822DateTime,
    YearMonth,
    created,
    local_datetime,
    wire,
)
from .options import RequestOptions
from .pager import AsyncPage, AsyncPager, SyncPage
from .paging import OffsetPaging, PageData, PageNumberPaging, PageStrategy
from .ratelimit import RateLimit
from .registry import Operation, collect_operations, operation, operation_of, resolve
from .secrets import Secret
from .webhooks import WebhookError, WebhookParser, load_payload

__all__ = [
    "APIClient",
    "APIResource",
    "AsyncAPIClient",
    "AsyncAPIResource",
    "AsyncLoginTokenAuth",
    "AsyncPage",
    "AsyncPager",
    "BasicAuth",
    "BearerAuth",
    "CXInput",
    "CXModel",
    "Call",
    "ClientOptions",
    "Clock",
    "Created",
    "Dialect",
    "Duration",
    "EpochMillis",
    "EpochSeconds",
    "FileInput",
    "HeaderKeyAuth",
    "LoginTokenAuth",
    "OffsetPaging",
    "Operation",
    "PageData",
    "PageNumberPaging",
    "PageStrategy",
    "RFC2822DateTime",
    "RateLimit",
    "RequestOptions",
    "RequestParts",
    "Secret",
    "SyncPage",
    "SystemClock",
    "WebhookError",
    "WebhookParser",
    "YearMonth",
    "bracket_fields",
    "collect_operations",
    "created",
    "drop_none",
    "load_payload",
    "local_datetime",
    "operation",
    "operation_of",
    "resolve",
    "setting",
    "to_file",
    "wire",
]
