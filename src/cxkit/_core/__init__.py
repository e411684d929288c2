"""Vendor-agnostic machinery: the only place that touches httpx.

This module is the facade vendor packages build on: a vendor imports what it needs
from ``cxkit._core`` and nothing deeper (``tests/core/test_architecture.py`` checks
it). docs/architecture.md describes the contract. Everything but the errors is
imported on first use (:mod:`cxkit._core.lazy`): importing a vendor package builds
no pydantic model and loads no client until a program uses one.
"""

from typing import TYPE_CHECKING

from . import errors
from .errors import *  # noqa: F403  (every error; errors.__all__ names them)
from .lazy import lazy_exports, named, vendor_exports

if TYPE_CHECKING:
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
        check_list,
        check_max_items,
        check_one_choice,
        check_text,
        check_texts,
        id_path,
        need_one,
        need_some,
        opt_id,
        opt_ids,
        opt_texts,
        time_value,
    )
    from .clock import Clock, SystemClock
    from .config import TIME_ZONE, setting, zone_of
    from .dialect import Call, Dialect, RequestParts
    from .encoding import FileInput, bracket_fields, drop_none, to_file
    from .hosts import account_base_url
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
    from .numbers import as_int
    from .options import RequestOptions
    from .pager import AsyncPage, AsyncPager, SyncPage
    from .paging import (
        OffsetPaging,
        PageData,
        PageNumberPaging,
        PageStrategy,
        field_of,
        paging_of,
    )
    from .ratelimit import RateLimit, parse_retry_after
    from .raw import async_to_raw_response_wrapper, to_raw_response_wrapper
    from .registry import Hints, Operation, collect_operations, operation, operation_of, resolve
    from .secrets import Secret
    from .shapes import (
        Answer,
        json_object,
        list_of,
        model_or_value,
        object_of,
        one_of,
        optional,
        unwrapped,
    )
    from .webhooks import WebhookParser, load_payload

_EXPORTS: dict[str, tuple[str, ...]] = {
    "._async.auth": ("AsyncLoginTokenAuth",),
    "._async.client": ("AsyncAPIClient", "AsyncAPIResource", "ClientOptions as AsyncClientOptions"),
    "._sync.auth": ("LoginTokenAuth",),
    "._sync.client": ("APIClient", "APIResource", "ClientOptions"),
    ".auth": ("CREDENTIAL", "BasicAuth", "BearerAuth", "HeaderKeyAuth"),
    ".checks": (
        "TimeInput", "check_choice", "check_flag", "check_id", "check_ids", "check_ids_or_one",
        "check_int", "check_list", "check_max_items", "check_one_choice", "check_text",
        "check_texts", "id_path", "need_one", "need_some", "opt_id", "opt_ids",
        "opt_texts", "time_value",
    ),
    ".clock": ("Clock", "SystemClock"),
    ".config": ("TIME_ZONE", "setting", "zone_of"),
    ".dialect": ("Call", "Dialect", "RequestParts"),
    ".encoding": ("FileInput", "bracket_fields", "drop_none", "to_file"),
    ".hosts": ("account_base_url",),
    ".models": (
        "Created", "CXInput", "CXModel", "Duration", "EpochMillis", "EpochSeconds",
        "RFC2822DateTime", "YearMonth", "created", "local_datetime", "wire",
    ),
    ".numbers": ("as_int",),
    ".options": ("RequestOptions",),
    ".pager": ("AsyncPage", "AsyncPager", "SyncPage"),
    ".paging": (
        "OffsetPaging", "PageData", "PageNumberPaging", "PageStrategy", "field_of", "paging_of",
    ),
    ".ratelimit": ("RateLimit", "parse_retry_after"),
    ".raw": ("async_to_raw_response_wrapper", "to_raw_response_wrapper"),
    ".registry": ("Hints", "Operation", "collect_operations", "operation", "operation_of", "resolve"),
    ".secrets": ("Secret",),
    ".shapes": (
        "Answer",
        "json_object",
        "list_of",
        "model_or_value",
        "object_of",
        "one_of",
        "optional",
        "unwrapped",
    ),
    ".webhooks": ("WebhookParser", "load_payload"),
}  # fmt: skip

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "CREDENTIAL",
    "TIME_ZONE",
    "APIClient",
    "APIResource",
    "Answer",
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
    "check_list",
    "check_max_items",
    "check_one_choice",
    "check_text",
    "check_texts",
    "collect_operations",
    "created",
    "drop_none",
    "field_of",
    "id_path",
    "json_object",
    "lazy_exports",
    "list_of",
    "load_payload",
    "local_datetime",
    "model_or_value",
    "named",
    "need_one",
    "need_some",
    "object_of",
    "one_of",
    "operation",
    "operation_of",
    "opt_id",
    "opt_ids",
    "opt_texts",
    "optional",
    "paging_of",
    "parse_retry_after",
    "resolve",
    "setting",
    "time_value",
    "to_file",
    "to_raw_response_wrapper",
    "unwrapped",
    "vendor_exports",
    "wire",
    "zone_of",
]
__all__ += errors.__all__
