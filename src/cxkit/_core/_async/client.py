"""The vendor-agnostic client (async source; the sync twin is generated).

Everything between a resource method and the wire lives here: request
building, auth, throttle, retries, rate-limit tracking, error mapping, logging
and model parsing. Vendor differences come from the dialect.
"""

from __future__ import annotations

import copy
import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import tzinfo
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar, overload

import httpx
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt

from ..clock import Clock, SystemClock
from ..config import (
    DEFAULT_MAX_CONCURRENCY,
    DEFAULT_MAX_RETRIES,
    check_base_url,
    check_concurrency,
    check_retries,
    make_timeout,
    user_agent,
    zone_of,
)
from ..dialect import Call, Dialect, RequestParts
from ..encoding import FileInput
from ..errors import APIConnectionError, APIError, APITimeoutError, ConfigurationError, CXError
from ..gate import AsyncGate
from ..models import TIME_ZONE, parse_model
from ..options import add_extras, check_request_options, with_extra_body
from ..pager import AsyncPager
from ..paging import PageStrategy
from ..ratelimit import RateLimit
from ..registry import Operation, operation_of
from ..retry import RetryPolicy
from ..secrets import redact_headers, redact_text, redact_value
from . import pagination
from .throttle import AsyncThrottle

if TYPE_CHECKING:
    # Annotations only: typing_extensions is not a runtime dependency.
    from typing_extensions import Self, Unpack

__all__ = ["AsyncAPIClient", "AsyncAPIResource", "ClientOptions"]

log = logging.getLogger("cxkit")

T = TypeVar("T")


class ClientOptions(TypedDict, total=False):
    """Options every vendor client takes as keyword arguments."""

    timeout: float | httpx.Timeout | None
    max_retries: int
    max_retry_wait: float
    default_headers: Mapping[str, str] | None
    http_client: httpx.AsyncClient | None
    allow_insecure: bool
    throttle: str | int | None
    throttle_storage: str | None
    strict: bool
    clock: Clock | None
    max_concurrency: int


_USER_AGENT = user_agent()
_COPYABLE = frozenset({"timeout", "max_retries", "max_retry_wait", "default_headers", "strict"})


@dataclass
class _Shared:
    """State every copy made by ``with_options`` shares."""

    rate_limit: RateLimit
    owns_http_client: bool
    throttle: AsyncThrottle | None
    throttle_pending: bool
    gate: AsyncGate


class AsyncAPIClient:
    """Base of every async vendor client."""

    def __init__(
        self,
        *,
        dialect: Dialect,
        base_url: str,
        auth: httpx.Auth | None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_wait: float = 60.0,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        allow_insecure: bool = False,
        throttle: str | int | None = None,
        throttle_storage: str | None = None,
        strict: bool = False,
        clock: Clock | None = None,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
    ) -> None:
        vendor = dialect.vendor
        self._dialect = dialect
        self.base_url = check_base_url(base_url, vendor=vendor, allow_insecure=allow_insecure)
        self._auth = auth
        self.timeout = make_timeout(timeout, vendor=vendor)
        self.max_retries = check_retries(max_retries, vendor=vendor)
        if isinstance(max_retry_wait, bool) or not isinstance(max_retry_wait, (int, float)):
            raise ConfigurationError(f"{vendor}: max_retry_wait must be a number of seconds")
        self.max_retry_wait = float(max_retry_wait)
        self.default_headers = dict(default_headers or {})
        self.strict = bool(strict)
        self._clock: Clock = clock or SystemClock()
        self._parse_context: dict[str, Any] | None = None
        self._policy_cache: RetryPolicy | None = None
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise ConfigurationError(f"{vendor}: http_client must be an httpx.AsyncClient")
        self._base_headers = {
            "User-Agent": _USER_AGENT,
            "Accept": "application/json",
            **self.default_headers,
        }
        if throttle == "auto" and (
            type(self)._auto_throttle_rate is AsyncAPIClient._auto_throttle_rate
        ):
            raise ConfigurationError(
                f"{vendor}: throttle='auto' is not supported; pass a rate such as '500/hour'"
            )
        self._throttle_storage = throttle_storage
        self._shared = _Shared(
            rate_limit=RateLimit(),
            owns_http_client=http_client is None,
            throttle=None if throttle in (None, "auto") else self._make_throttle(throttle),
            throttle_pending=throttle == "auto",
            gate=AsyncGate(check_concurrency(max_concurrency, vendor=vendor)),
        )
        # Made last, once every setting is valid. Our own pool carries the fixed headers and timeout, so requests need not
        # merge them each time; a caller's pool keeps its own and gets ours per request.
        self._client = http_client or httpx.AsyncClient(
            follow_redirects=True, headers=self._base_headers, timeout=self.timeout
        )
        self._merge_headers = http_client is not None
        self._pool_timeout = None if http_client is not None else self.timeout

    # -- public surface -----------------------------------------------------

    @property
    def vendor(self) -> str:
        """The vendor this client talks to."""
        return self._dialect.vendor

    @property
    def rate_limit(self) -> RateLimit:
        """What the vendor last said about the quota."""
        return self._shared.rate_limit

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    def with_options(self, **options: Unpack[ClientOptions]) -> Self:
        """A copy with other options that shares the connection pool, auth and quota."""
        unknown = set(options) - _COPYABLE
        if unknown:
            raise ConfigurationError(
                f"{self.vendor}: with_options cannot change {', '.join(sorted(unknown))}; "
                "create a new client instead"
            )
        new = copy.copy(self)
        new.__dict__ = {
            k: v for k, v in self.__dict__.items() if not isinstance(v, AsyncAPIResource)
        }
        if "timeout" in options:
            new.timeout = make_timeout(options["timeout"], vendor=self.vendor)
        if "max_retries" in options:
            new.max_retries = check_retries(options["max_retries"], vendor=self.vendor)
        if "max_retry_wait" in options:
            new.max_retry_wait = float(options["max_retry_wait"])
        if "default_headers" in options:
            new.default_headers = {**self.default_headers, **(options["default_headers"] or {})}
            new._base_headers = {**self._base_headers, **new.default_headers}
            new._merge_headers = True
        if "strict" in options:
            new.strict = bool(options["strict"])
        return new

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        files: Mapping[str, FileInput | list[FileInput]] | None = None,
        cast_to: Any = None,
        max_retries: int | None = None,
    ) -> Any:
        """Call any endpoint, modelled or not; returns the unwrapped data (or ``cast_to``)."""
        if not isinstance(method, str) or not method.strip():
            raise ValueError("method must be an HTTP method name")
        if not isinstance(path, str) or not path.startswith("/"):
            raise ValueError("path must start with '/'")
        op = Operation(method=method.upper(), path=path, name="request")
        data = await self._send(Call(op, params=params, body=json, files=files), max_retries)
        return data if cast_to is None else self._parse(cast_to, data)

    async def aclose(self) -> None:
        """Close the connection pool (unless it was passed in by the caller)."""
        if self._shared.owns_http_client:
            await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def _make_throttle(self, rate: str | int) -> AsyncThrottle:
        return AsyncThrottle(
            rate,
            key=f"cxkit:{self.vendor}:{self.base_url}",
            clock=self._clock,
            storage=self._throttle_storage,
        )

    def _set_time_zone(self, time_zone: str | tzinfo) -> None:
        """Read the vendor's local dates in ``time_zone`` (an IANA name or a tzinfo)."""
        self.time_zone = zone_of(time_zone, vendor=self.vendor)
        self._parse_context = {TIME_ZONE: self.time_zone}

    async def _auto_throttle_rate(self) -> str | int:
        """The quota for ``throttle="auto"``; a vendor with a documented quota overrides this."""
        raise ConfigurationError(f"{self.vendor}: throttle='auto' is not supported")

    async def _throttle_wait(self) -> None:
        shared = self._shared
        if shared.throttle_pending:
            # Resolved once, on first use; the resolving calls themselves pass unthrottled.
            shared.throttle_pending = False
            shared.throttle = self._make_throttle(await self._auto_throttle_rate())
        if shared.throttle is not None:
            await shared.throttle.acquire()

    # -- for resources ------------------------------------------------------

    @overload
    async def _call(
        self,
        endpoint: Callable[..., Any],
        *,
        path: Mapping[str, Any] | None = ...,
        params: Mapping[str, Any] | None = ...,
        body: Any = ...,
        files: Mapping[str, FileInput | list[FileInput]] | None = ...,
        cast_to: type[T],
        options: Mapping[str, Any] | None = ...,
    ) -> T: ...

    @overload
    async def _call(
        self,
        endpoint: Callable[..., Any],
        *,
        path: Mapping[str, Any] | None = ...,
        params: Mapping[str, Any] | None = ...,
        body: Any = ...,
        files: Mapping[str, FileInput | list[FileInput]] | None = ...,
        cast_to: None = ...,
        options: Mapping[str, Any] | None = ...,
    ) -> None: ...

    @overload
    async def _call(
        self,
        endpoint: Callable[..., Any],
        *,
        path: Mapping[str, Any] | None = ...,
        params: Mapping[str, Any] | None = ...,
        body: Any = ...,
        files: Mapping[str, FileInput | list[FileInput]] | None = ...,
        cast_to: object,
        options: Mapping[str, Any] | None = ...,
    ) -> Any: ...

    async def _call(
        self,
        endpoint: Callable[..., Any],
        *,
        path: Mapping[str, Any] | None = None,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
        files: Mapping[str, FileInput | list[FileInput]] | None = None,
        cast_to: Any = None,
        options: Mapping[str, Any] | None = None,
    ) -> Any:
        op = operation_of(endpoint)
        call = Call(
            op,
            path_params=path,
            params=params,
            body=body,
            files=files,
            options=check_request_options(op.name, options),
        )
        data = await self._send(call)
        return None if cast_to is None else self._parse(cast_to, data)

    def _paginate(
        self,
        endpoint: Callable[..., Any],
        *,
        item: type[T],
        path: Mapping[str, Any] | None = None,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
        options: Mapping[str, Any] | None = None,
    ) -> AsyncPager[T]:
        op = operation_of(endpoint)
        op.format_path(path)
        call = Call(
            op,
            path_params=path,
            params=params,
            body=body,
            options=check_request_options(op.name, options),
        )
        strategy = self._dialect.paging(op)
        source = params if strategy.location == "query" else body
        values = strategy.first(source or {})
        return AsyncPager(self._fetch_page, call, strategy, values, item)

    async def _fetch_page(
        self, call: Call, strategy: PageStrategy, values: Mapping[str, Any], item: type[T]
    ) -> pagination.AsyncPage[T]:
        if strategy.location == "query":
            page_call = Call(
                call.op, call.path_params, params=values, body=call.body, options=call.options
            )
        else:
            page_call = Call(
                call.op, call.path_params, params=call.params, body=values, options=call.options
            )
        data = await self._send(page_call)
        return pagination.AsyncPage(
            client=self,
            call=call,
            strategy=strategy,
            values=values,
            data=strategy.parse(data, values),
            item=item,
        )

    def _parse(self, cast_to: Any, data: Any, *, list_of: bool = False) -> Any:
        target = list[cast_to] if list_of else cast_to
        if target is Any or target is object:
            return data
        return parse_model(
            target, data, strict=self.strict, vendor=self.vendor, context=self._parse_context
        )

    # -- the wire -----------------------------------------------------------

    def _secrets(self) -> tuple[str, ...]:
        get = getattr(self._auth, "secrets", None)
        return tuple(get()) if callable(get) else ()

    def _build_request(
        self, parts: RequestParts, timeout: httpx.Timeout | None = None
    ) -> httpx.Request:
        timeout = timeout or self.timeout
        headers: dict[str, str] | None = None
        if self._merge_headers:
            headers = {**self._base_headers, **parts.headers}
        elif parts.headers:
            headers = parts.headers
        return self._client.build_request(
            parts.method,
            self.base_url + parts.path,
            params=parts.params or None,
            json=parts.json,
            data=dict(parts.data) if parts.data else None,
            files=parts.files,
            headers=headers,
            timeout=(httpx.USE_CLIENT_DEFAULT if timeout is self._pool_timeout else timeout),
        )

    async def _send(self, call: Call, max_retries: int | None = None) -> Any:
        timeout: httpx.Timeout | None = None
        options = call.options
        if options:
            call = with_extra_body(call)
            parts = self._dialect.encode(call)
            add_extras(parts, options)
            if options.get("timeout") is not None:
                timeout = make_timeout(options.get("timeout"), vendor=self.vendor)
            if options.get("max_retries") is not None:
                max_retries = options.get("max_retries")
        else:
            parts = self._dialect.encode(call)
        request = self._build_request(parts, timeout)
        retries = (
            self.max_retries
            if max_retries is None
            else check_retries(max_retries, vendor=self.vendor)
        )
        # The first attempt runs outside tenacity so that the common case, a call
        # that succeeds, pays nothing for the retry machinery.
        try:
            return await self._attempt(call.op, request, 1)
        except CXError as exc:
            policy = self._retry_policy(retries)
            idempotent = call.op.is_idempotent
            if not (retries and policy.should_retry(exc, idempotent=idempotent)):
                raise
            first_failure: BaseException = exc
        wait = policy.wait(1, first_failure)
        self._log_retry(request, first_failure, 1, retries, wait)
        await self._clock.asleep(wait)
        retrying = AsyncRetrying(
            stop=stop_after_attempt(retries),
            retry=retry_if_exception(lambda e: policy.should_retry(e, idempotent=idempotent)),
            wait=lambda state: policy.wait(state.attempt_number + 1, _exception(state)),
            sleep=self._clock.asleep,
            before_sleep=lambda state: self._log_retry(
                request,
                _exception(state),
                state.attempt_number + 1,
                retries,
                state.next_action.sleep if state.next_action else 0.0,
            ),
            reraise=True,
        )
        result: Any = None
        async for attempt in retrying:
            with attempt:
                number = attempt.retry_state.attempt_number + 1
                result = await self._attempt(call.op, request, number)
        return result

    def _retry_policy(self, retries: int) -> RetryPolicy:
        policy = self._policy_cache
        if (
            policy is None
            or policy.max_retries != retries
            or (policy.max_retry_wait != self.max_retry_wait)
        ):
            policy = RetryPolicy(max_retries=retries, max_retry_wait=self.max_retry_wait)
            self._policy_cache = policy
        return policy

    async def _attempt(self, op: Operation, request: httpx.Request, attempt: int) -> Any:
        if self._shared.throttle is not None or self._shared.throttle_pending:
            await self._throttle_wait()
        started = time.perf_counter()
        debug = log.isEnabledFor(logging.DEBUG)
        try:
            async with self._shared.gate:
                response = await self._client.send(
                    request, auth=self._auth or httpx.USE_CLIENT_DEFAULT
                )
        except httpx.TimeoutException as exc:
            if debug:
                self._log_attempt(request, "timeout", started, attempt)
            raise APITimeoutError(vendor=self.vendor, request=request) from exc
        except httpx.TransportError as exc:
            if debug:
                self._log_attempt(request, type(exc).__name__, started, attempt)
            raise APIConnectionError(
                f"{self.vendor}: connection error ({type(exc).__name__})",
                vendor=self.vendor,
                request=request,
            ) from exc
        if debug:
            self._log_attempt(request, str(response.status_code), started, attempt)
            self._log_exchange(request, response)
        snapshot = self._dialect.rate_limit(response.headers)
        if snapshot is not None:
            self._shared.rate_limit = snapshot
        if response.status_code >= 400:
            raise self._redacted(self._dialect.error(response))
        try:
            return self._dialect.decode(op, response)
        except APIError as exc:
            raise self._redacted(exc) from None

    def _log_attempt(
        self, request: httpx.Request, outcome: str, started: float, attempt: int
    ) -> None:
        log.debug(
            "%s %s %s -> %s in %.1f ms (attempt %d)",
            self.vendor,
            request.method,
            redact_text(str(request.url), self._secrets()),
            outcome,
            (time.perf_counter() - started) * 1000,
            attempt,
        )

    def _log_exchange(self, request: httpx.Request, response: httpx.Response) -> None:
        secrets = self._secrets()
        log.debug(
            "%s request headers %s body %s; response headers %s body %s",
            self.vendor,
            redact_headers(request.headers),
            redact_text(_body_text(request.content), secrets),
            redact_headers(response.headers),
            redact_text(_body_text(response.content), secrets),
        )

    def _redacted(self, exc: APIError) -> APIError:
        secrets = self._secrets()
        clean = redact_text(exc.message, secrets)
        if clean != exc.message:
            exc.message = clean
            exc.args = (exc._one_line(),)
        return exc

    def _log_retry(
        self,
        request: httpx.Request,
        failure: BaseException | None,
        number: int,
        retries: int,
        wait: float,
    ) -> None:
        log.info(
            "%s %s %s failed (%s); retry %d of %d in %.2f s",
            self.vendor,
            request.method,
            redact_text(str(request.url), self._secrets()),
            failure,
            number,
            retries,
            wait,
        )


def _body_text(content: bytes, limit: int = 2000) -> str:
    """A body for the debug log: JSON with credential fields masked, else a size."""
    if not content:
        return "-"
    try:
        text = json.dumps(redact_value(json.loads(content)), ensure_ascii=False)
    except ValueError:
        return f"<{len(content)} bytes>"
    return text[:limit] + ("..." if len(text) > limit else "")


def _exception(state: RetryCallState) -> BaseException | None:
    return state.outcome.exception() if state.outcome is not None else None


class AsyncAPIResource:
    """Base of every resource class: calls go through its client's ``_call`` and ``_paginate``."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self._call = client._call
        self._paginate = client._paginate

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"
