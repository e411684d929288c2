"""Vendor-agnostic machinery: the only place that touches httpx.

This module is the facade vendor packages build on: a vendor imports what it needs
from ``cxkit._core`` and nothing deeper (``tests/core/test_architecture.py`` checks
it). docs/architecture.md describes the contract. Everything but the errors is
imported on first use (:mod:`cxkit._core.lazy`): importing a vendor package builds
no pydantic model and loads no client until a program uses one.
"""

from typing import TYPE_CHECKING

from .errors import *  # noqa: F403  (every error, as errors.__all__ lists them)
from .lazy import *  # noqa: F403  (the lazy-export helpers)

if TYPE_CHECKING:
    from ._async import client as _async_client
    from ._async.auth import AsyncLoginTokenAuth as AsyncLoginTokenAuth
    from ._async.client import AsyncAPIClient as AsyncAPIClient
    from ._async.client import AsyncAPIResource as AsyncAPIResource
    from ._sync.auth import LoginTokenAuth as LoginTokenAuth
    from ._sync.client import APIClient as APIClient
    from ._sync.client import APIResource as APIResource
    from ._sync.client import ClientOptions as ClientOptions
    from .auth import CREDENTIAL as CREDENTIAL
    from .auth import BasicAuth as BasicAuth
    from .auth import BearerAuth as BearerAuth
    from .auth import HeaderKeyAuth as HeaderKeyAuth
    from .checks import TimeInput as TimeInput
    from .checks import check_choice as check_choice
    from .checks import check_flag as check_flag
    from .checks import check_id as check_id
    from .checks import check_ids as check_ids
    from .checks import check_ids_or_one as check_ids_or_one
    from .checks import check_int as check_int
    from .checks import check_list as check_list
    from .checks import check_max_items as check_max_items
    from .checks import check_one_choice as check_one_choice
    from .checks import check_text as check_text
    from .checks import check_texts as check_texts
    from .checks import id_path as id_path
    from .checks import need_one as need_one
    from .checks import need_some as need_some
    from .checks import opt_id as opt_id
    from .checks import opt_ids as opt_ids
    from .checks import opt_texts as opt_texts
    from .checks import time_value as time_value
    from .clock import Clock as Clock
    from .clock import SystemClock as SystemClock
    from .config import TIME_ZONE as TIME_ZONE
    from .config import setting as setting
    from .config import zone_of as zone_of
    from .dialect import Call as Call
    from .dialect import Dialect as Dialect
    from .dialect import RequestParts as RequestParts
    from .encoding import FileInput as FileInput
    from .encoding import bracket_fields as bracket_fields
    from .encoding import drop_none as drop_none
    from .encoding import to_file as to_file
    from .hosts import account_base_url as account_base_url
    from .models import Created as Created
    from .models import CXInput as CXInput
    from .models import CXModel as CXModel
    from .models import Duration as Duration
    from .models import EpochMillis as EpochMillis
    from .models import EpochSeconds as EpochSeconds
    from .models import RFC2822DateTime as RFC2822DateTime
    from .models import YearMonth as YearMonth
    from .models import created as created
    from .models import local_datetime as local_datetime
    from .models import wire as wire
    from .numbers import as_int as as_int
    from .options import RequestOptions as RequestOptions
    from .pager import AsyncPage as AsyncPage
    from .pager import AsyncPager as AsyncPager
    from .pager import SyncPage as SyncPage
    from .paging import OffsetPaging as OffsetPaging
    from .paging import PageData as PageData
    from .paging import PageNumberPaging as PageNumberPaging
    from .paging import PageStrategy as PageStrategy
    from .paging import field_of as field_of
    from .paging import paging_of as paging_of
    from .ratelimit import RateLimit as RateLimit
    from .ratelimit import parse_retry_after as parse_retry_after
    from .raw import async_to_raw_response_wrapper as async_to_raw_response_wrapper
    from .raw import to_raw_response_wrapper as to_raw_response_wrapper
    from .registry import Hints as Hints
    from .registry import Operation as Operation
    from .registry import collect_operations as collect_operations
    from .registry import operation as operation
    from .registry import operation_of as operation_of
    from .registry import resolve as resolve
    from .secrets import Secret as Secret
    from .shapes import Answer as Answer
    from .shapes import json_object as json_object
    from .shapes import list_of as list_of
    from .shapes import model_or_value as model_or_value
    from .shapes import object_of as object_of
    from .shapes import one_of as one_of
    from .shapes import optional as optional
    from .shapes import page_object as page_object
    from .shapes import unwrapped as unwrapped
    from .webhooks import WebhookParser as WebhookParser
    from .webhooks import load_payload as load_payload

    AsyncClientOptions = _async_client.ClientOptions
else:
    # What the facade offers besides the errors and lazy helpers, by module; each is
    # imported on first use (cxkit._core.lazy).
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
            "Answer", "json_object", "list_of", "model_or_value", "object_of", "one_of",
            "optional", "page_object", "unwrapped",
        ),
        ".webhooks": ("WebhookParser", "load_payload"),
    }  # fmt: skip

    __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, modules=(".errors", ".lazy"))  # noqa: F405
