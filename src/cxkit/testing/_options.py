"""The options a fake's ``client()`` takes: the client's own, minus what the fake supplies."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypedDict

import httpx

__all__ = ["FakeClientOptions"]


class FakeClientOptions(TypedDict, total=False):
    """Every client option except the pool (``http_client``/``transport``) and ``clock``,
    which the fake supplies; a misspelt option is a type error."""

    timeout: float | httpx.Timeout | None
    max_retries: int
    max_retry_wait: float
    default_headers: Mapping[str, str] | None
    allow_insecure: bool
    throttle: str | int | None
    throttle_storage: str | None
    strict: bool
    max_concurrency: int
    max_response_bytes: int
    on_request: Callable[[str, httpx.Request], Any] | None
    on_response: Callable[[str, httpx.Response, float], Any] | None
    on_retry: Callable[[str, int, BaseException, float], Any] | None
    sensitive_headers: Iterable[str] | None
    log_bodies: bool
