"""Vendor-agnostic machinery: the only place that touches httpx.

This module is the facade vendor packages build on: a vendor imports what it needs
from ``cxkit._core`` and nothing deeper (``tests/core/test_architecture.py`` checks
it). docs/architecture.md describes the contract.
"""

from . import errors
from ._async.auth import AsyncLoginTokenAuth
from ._async.client import AsyncAPIClient, AsyncAPIResource
from ._async.client import ClientOptions as AsyncClientOptions
from ._sync.auth import LoginTokenAuth
from ._sync.client import APIClient, APIResource, ClientOptions
from .auth import CREDENTIAL, BasicAuth, BearerAuth, HeaderKeyAuth
from .checks import (
    TimeInput,
    check_choice,
    check_flag,
    check_id,
    check_ids,
    check_ids_or_one,
    check_int,
    check_max_items,
    check_one_choice,
    check_text,
    check_texts,
    need_one,
    need_some,
    opt_id,
    time_value,
)
from .clock import Clock, SystemClock
from .config import setting, zone_of
from .dialect import Call, Dialect, RequestParts
from .encoding import FileInput, bracket_fields, drop_none, to_file
from .errors import *  # noqa: F403  (every error; errors.__all__ names them)
from .hosts import account_base_url
from .models import (
    TIME_ZONE,
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
from .numbers import as_int
from .options import RequestOptions
from .pager import AsyncPage, AsyncPager, SyncPage
from .paging import OffsetPaging, PageData, PageNumberPaging, PageStrategy, field_of
from .ratelimit import RateLimit, parse_retry_after
from .raw import async_to_raw_response_wrapper, to_raw_response_wrapper
from .registry import Hints, Operation, collect_operations, operation, operation_of, resolve
from .secrets import Secret
from .webhooks import WebhookError, WebhookParser, load_payload

__all__ = [
    "CREDENTIAL",
    "TIME_ZONE",
    "APIClient",
    "APIResource",
    "AsyncAPIClient",
    "AsyncAPIResource",
    "AsyncClientOptions",
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
    "Hints",
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
    "TimeInput",
    "WebhookError",
    "WebhookParser",
    "YearMonth",
    "account_base_url",
    "as_int",
    "async_to_raw_response_wrapper",
    "bracket_fields",
    "check_choice",
    "check_flag",
    "check_id",
    "check_ids",
    "check_ids_or_one",
    "check_int",
    "check_max_items",
    "check_one_choice",
    "check_text",
    "check_texts",
    "collect_operations",
    "created",
    "drop_none",
    "field_of",
    "load_payload",
    "local_datetime",
    "need_one",
    "need_some",
    "operation",
    "operation_of",
    "opt_id",
    "parse_retry_after",
    "resolve",
    "setting",
    "time_value",
    "to_file",
    "to_raw_response_wrapper",
    "wire",
    "zone_of",
]
__all__ += errors.__all__
