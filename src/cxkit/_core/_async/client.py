"""The vendor-agnostic client (async source; the sync twin is generated).

Everything between a resource method and the wire lives here: request
building, auth, throttle, retries, rate-limit tracking, error mapping, logging
and model parsing. Vendor differences come from the dialect.
"""

from __future__ import annotations

import copy
import inspect
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
    check_headers,
    check_hooks,
    check_positive_int,
    check_retries,
    check_wait,
    make_timeout,
    user_agent,
    zone_of,
)
from ..cookies import no_cookies
from ..deadline import async_deadline, attempt_budget
from ..dialect import Call, Dialect, RequestParts
from ..encoding import FileInput, form_data
from ..errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    ClientClosedError,
    ConfigurationError,
    CXError,
    RedirectError,
    ResponseValidationError,
)
from ..gate import AsyncGate
from ..loops import AsyncLoopGuard
from ..models import TIME_ZONE, parse_model
from ..options import add_extras, check_request_options, with_extra_body
from ..pager import AsyncPager
from ..paging import PageStrategy
from ..ratelimit import RateLimit
from ..raw import RAW_SINK, RawExchange
from ..registry import Operation, operation_of
from ..retry import RetryPolicy
from ..secrets import is_sensitive, redact_echo, redact_headers, redact_text, redact_value
from ..throttling import store_kind
from . import pagination
from .body import read_body
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
    max_response_bytes: int
    transport: httpx.AsyncBaseTransport | None
    on_request: Callable[[str, httpx.Request], Any] | None
    on_response: Callable[[str, httpx.Response, float], Any] | None
    on_retry: Callable[[str, int, BaseException, float], Any] | None


_USER_AGENT = user_agent()
_COPYABLE = frozenset(
    {
        "timeout",
        "max_retries",
        "max_retry_wait",
        "default_headers",
        "strict",
        "on_request",
        "on_response",
        "on_retry",
    }
)
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
_MAX_REDIRECTS = 5
_AUTO_RETRY = 300


@dataclass
class _Shared:
    """State every copy made by ``with_options`` shares."""

    rate_limit: RateLimit
    owns_http_client: bool
    throttle: AsyncThrottle | None
    throttle_pending: bool
    throttle_retry_at: float
    gate: AsyncGate
    http: httpx.AsyncClient
    loop: AsyncLoopGuard
    closed: bool = False


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
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        transport: httpx.AsyncBaseTransport | None = None,
        on_request: Callable[[str, httpx.Request], Any] | None = None,
        on_response: Callable[[str, httpx.Response, float], Any] | None = None,
        on_retry: Callable[[str, int, BaseException, float], Any] | None = None,
    ) -> None:
        vendor = dialect.vendor
        self._dialect = dialect
        self.base_url = check_base_url(base_url, vendor=vendor, allow_insecure=allow_insecure)
        self._allow_insecure = bool(allow_insecure)
        self._auth = auth
        self.timeout = make_timeout(timeout, vendor=vendor)
        self.max_retries = check_retries(max_retries, vendor=vendor)
        self.max_retry_wait = check_wait(max_retry_wait, vendor=vendor)
        self.max_response_bytes = check_positive_int(
            max_response_bytes, vendor=vendor, name="max_response_bytes"
        )
        self.default_headers = check_headers(default_headers, vendor=vendor)
        self.strict = bool(strict)
        self._hooks = check_hooks(vendor, on_request, on_response, on_retry)
        self._clock: Clock = clock or SystemClock()
        self._parse_context: dict[str, Any] | None = None
        self._policy_cache: RetryPolicy | None = None
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise ConfigurationError(f"{vendor}: http_client must be an httpx.AsyncClient")
        if transport is not None and not isinstance(transport, httpx.AsyncBaseTransport):
            raise ConfigurationError(f"{vendor}: transport must be an httpx.AsyncBaseTransport")
        if transport is not None and http_client is not None:
            raise ConfigurationError(f"{vendor}: pass http_client or transport, not both")
        self._transport = transport
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
        try:
            store_kind(throttle_storage)
        except ConfigurationError as exc:
            raise ConfigurationError(f"{vendor}: {exc}") from None
        self._throttle_storage = throttle_storage
        concurrency = check_concurrency(max_concurrency, vendor=vendor)
        try:
            made_throttle = None if throttle in (None, "auto") else self._make_throttle(throttle)
        except ConfigurationError as exc:
            raise ConfigurationError(f"{vendor}: {exc}") from None
        # The pool is made last, once every setting is valid. Our own pool carries the
        # fixed headers and timeout, so requests need not merge them each time; a
        # caller's pool keeps its own and gets ours per request.
        self._shared = _Shared(
            rate_limit=RateLimit(),
            owns_http_client=http_client is None,
            throttle=made_throttle,
            throttle_pending=throttle == "auto",
            throttle_retry_at=0.0,
            gate=AsyncGate(concurrency),
            http=http_client or self._new_pool(),
            loop=AsyncLoopGuard(),
        )
        self._concurrency = concurrency
        self._owner = True
        self._merge_headers = http_client is not None
        self._pool_timeout = None if http_client is not None else self.timeout

    def _new_pool(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            follow_redirects=False,
            headers=self._base_headers,
            timeout=self.timeout,
            transport=self._transport,
            # The APIs authenticate every request; a cookie a server sets is never
            # needed, and an odd one would break every later request.
            cookies=no_cookies(),
        )

    @property
    def _client(self) -> httpx.AsyncClient:
        return self._shared.http

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
        new._owner = False
        if "timeout" in options:
            new.timeout = make_timeout(options["timeout"], vendor=self.vendor)
        if "max_retries" in options:
            new.max_retries = check_retries(options["max_retries"], vendor=self.vendor)
        if "max_retry_wait" in options:
            new.max_retry_wait = check_wait(options["max_retry_wait"], vendor=self.vendor)
        if "default_headers" in options:
            extra = check_headers(options["default_headers"], vendor=self.vendor)
            new.default_headers = {**self.default_headers, **extra}
            new._base_headers = {**self._base_headers, **new.default_headers}
            new._merge_headers = True
        if "strict" in options:
            new.strict = bool(options["strict"])
        hooks = {k: v for k, v in options.items() if k.startswith("on_")}
        if hooks:
            merged = {**self._hooks, **hooks}
            new._hooks = check_hooks(
                self.vendor,
                merged.get("on_request"),
                merged.get("on_response"),
                merged.get("on_retry"),
            )
        return new

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = ...,
        json: Any = ...,
        files: Mapping[str, FileInput | list[FileInput]] | None = ...,
        cast_to: type[T],
        max_retries: int | None = ...,
    ) -> T: ...

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = ...,
        json: Any = ...,
        files: Mapping[str, FileInput | list[FileInput]] | None = ...,
        cast_to: None = ...,
        max_retries: int | None = ...,
    ) -> object: ...

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
        """Call any endpoint, modelled or not, with the same auth, retries and errors.

        Returns ``cast_to`` (a model, or any type pydantic validates, e.g.
        ``list[Case]``) parsed from the unwrapped answer; without ``cast_to``, the
        unwrapped JSON as an ``object`` to narrow.
        """
        if not isinstance(method, str) or not method.strip():
            raise ValueError("method must be an HTTP method name")
        if not isinstance(path, str) or not path.startswith("/"):
            raise ValueError("path must start with '/'")
        op = Operation(method=method.upper(), path=path, name="request")
        data = await self._send(Call(op, params=params, body=json, files=files), max_retries)
        return data if cast_to is None else self._parse(cast_to, data)

    async def aclose(self) -> None:
        """Close the connection pool, if this client made it (copies made by
        ``with_options`` and pools passed in by the caller are left open)."""
        if not self._owner:
            return
        self._shared.closed = True
        if self._shared.owns_http_client:
            if self._shared.loop.changed():
                return  # the pool's connections died with the loop that opened them
            await self._client.aclose()
        throttle = self._shared.throttle
        if throttle is not None:
            await throttle.aclose()

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

    def _documented_rate(self) -> str | int | None:
        """The vendor's documented quota, used by ``throttle="auto"`` until it is looked up."""
        return None

    async def _resolve_auto_throttle(self) -> None:
        shared = self._shared
        if self._clock.now() >= shared.throttle_retry_at:
            # Looked up on first use; the lookup's own calls pass unthrottled. A failed
            # lookup is tried again later, meanwhile the documented quota holds.
            shared.throttle_pending = False
            try:
                rate = await self._auto_throttle_rate()
            except CXError as exc:
                shared.throttle_pending = True
                shared.throttle_retry_at = self._clock.now() + _AUTO_RETRY
                log.warning(
                    "%s: throttle='auto' could not read the quota (%s); retrying in %d s",
                    self.vendor,
                    exc,
                    _AUTO_RETRY,
                )
                documented = self._documented_rate()
                if shared.throttle is None and documented is not None:
                    shared.throttle = self._make_throttle(documented)
            else:
                shared.throttle = self._make_throttle(rate)

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

    def _login_request(
        self, method: str, path: str, *, headers: Mapping[str, str] | None = None
    ) -> httpx.Request:
        """A login request built like any call (base URL, default headers, timeout), for
        the ``login=`` of a login-token auth."""
        return self._build_request(
            RequestParts(method=method, path=path, headers=dict(headers or {}))
        )

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
            data=form_data(parts.data),
            files=parts.files,
            headers=headers,
            timeout=(httpx.USE_CLIENT_DEFAULT if timeout is self._pool_timeout else timeout),
            extensions=parts.extensions or None,
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
        self._check_usable()
        request = self._build_request(parts, timeout)
        retries = (
            self.max_retries
            if max_retries is None
            else check_retries(max_retries, vendor=self.vendor)
        )
        op = call.op
        # The first attempt runs outside tenacity so that the common case, a call
        # that succeeds, pays nothing for the retry machinery.
        try:
            return await self._attempt(op, request, 1)
        except CXError as exc:
            policy = self._retry_policy(retries)
            idempotent = op.is_idempotent
            if not (retries and policy.should_retry(exc, idempotent=idempotent)):
                raise
            first_failure: BaseException = exc
        wait = policy.wait(1, first_failure)
        await self._before_retry(op, request, first_failure, 1, retries, wait)
        await self._clock.asleep(wait)

        async def before_sleep(state: RetryCallState) -> None:
            await self._before_retry(
                op,
                request,
                _exception(state),
                state.attempt_number + 1,
                retries,
                state.next_action.sleep if state.next_action else 0.0,
            )

        retrying = AsyncRetrying(
            stop=stop_after_attempt(retries),
            retry=retry_if_exception(lambda e: policy.should_retry(e, idempotent=idempotent)),
            wait=lambda state: policy.wait(state.attempt_number + 1, _exception(state)),
            sleep=self._clock.asleep,
            before_sleep=before_sleep,
            reraise=True,
        )
        result: Any = None
        async for attempt in retrying:
            with attempt:
                number = attempt.retry_state.attempt_number + 1
                result = await self._attempt(op, request, number)
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

    def _check_usable(self) -> None:
        shared = self._shared
        if shared.closed or shared.http.is_closed:
            raise ClientClosedError(f"{self.vendor}: the client is closed; create a new one")
        if shared.loop.changed():
            # httpx's pool and our locks belong to the loop that first used them.
            if not shared.owns_http_client:
                raise ClientClosedError(
                    f"{self.vendor}: this client's http_client belongs to another event "
                    "loop; create a client per event loop"
                )
            shared.http = self._new_pool()
            shared.gate = AsyncGate(self._concurrency)
            reset = getattr(self._auth, "reset_locks", None)
            if callable(reset):
                reset()

    async def _attempt(self, op: Operation, request: httpx.Request, attempt: int) -> Any:
        shared = self._shared
        if shared.throttle_pending:
            await self._resolve_auto_throttle()
        started = time.perf_counter()
        debug = log.isEnabledFor(logging.DEBUG)
        budget = attempt_budget(request.extensions.get("timeout"))
        try:
            async with shared.gate:
                # The quota is spent when the request can really leave, not while it
                # queues at the gate, so queued calls never leave in a burst; the slot
                # is held until the answer is back.
                throttle = shared.throttle
                slot = await throttle.acquire() if throttle is not None else None
                try:
                    if self._hooks:
                        await self._call_hook(
                            "on_request", _op_name(op), _redacted_request(request)
                        )
                    with async_deadline(budget):
                        response = await self._exchange(op, request, started, budget)
                finally:
                    if throttle is not None and slot is not None:
                        await throttle.release(slot)
        except CXError:
            raise
        except (TimeoutError, httpx.TimeoutException) as exc:
            if debug:
                self._log_attempt(request, "timeout", started, attempt)
            raise APITimeoutError(vendor=self.vendor, request=request) from exc
        except httpx.DecodingError as exc:
            raise ResponseValidationError(
                "response body could not be decoded (Content-Encoding)",
                vendor=self.vendor,
                request=request,
            ) from exc
        except (httpx.TransportError, httpx.RequestError) as exc:
            if debug:
                self._log_attempt(request, type(exc).__name__, started, attempt)
            raise APIConnectionError(
                f"{self.vendor}: connection error ({type(exc).__name__})",
                vendor=self.vendor,
                request=request,
            ) from exc
        except RecursionError:
            raise ResponseValidationError(
                "response is nested too deeply to read", vendor=self.vendor, request=request
            ) from None
        except RuntimeError as exc:
            # httpx says a closed pool or another loop's pool is used.
            raise ClientClosedError(f"{self.vendor}: {exc}") from exc
        elapsed = time.perf_counter() - started
        if debug:
            self._log_attempt(request, str(response.status_code), started, attempt)
            self._log_exchange(request, response)
        if self._hooks:
            await self._call_hook(
                "on_response", _op_name(op), _redacted_response(response), elapsed
            )
        try:
            snapshot = self._dialect.rate_limit(response.headers)
            if snapshot is not None:
                shared.rate_limit = snapshot
            if response.status_code >= 400:
                raise self._redacted(self._dialect.error(response))
            if 300 <= response.status_code < 400:
                raise self._redirect_error(response, "the client does not follow it")
            data = self._dialect.decode(op, response)
        except APIError as exc:
            raise self._redacted(exc) from None
        except CXError:
            raise
        except RecursionError:
            raise ResponseValidationError(
                "response is nested too deeply to read", vendor=self.vendor, request=request
            ) from None
        except Exception as exc:
            # A dialect must turn every odd answer into a CXError; this is the net
            # under it, so nothing a server sends escapes as anything else.
            log.warning("%s: unreadable response (%s: %s)", self.vendor, type(exc).__name__, exc)
            raise ResponseValidationError(
                f"unreadable response ({type(exc).__name__})", vendor=self.vendor, request=request
            ) from None
        sink = RAW_SINK.get()
        if sink is not None:
            sink.append(RawExchange(_op_name(op), response, elapsed))
        return data

    async def _exchange(
        self, op: Operation, request: httpx.Request, started: float, budget: float | None
    ) -> httpx.Response:
        """Send, follow safe redirects, and read the body within the size and time bounds."""
        auth: Any = self._auth or httpx.USE_CLIENT_DEFAULT
        current = request
        for _ in range(_MAX_REDIRECTS + 1):
            response = await self._client.send(current, auth=auth, stream=True)
            try:
                if not (response.is_redirect and current.method in ("GET", "HEAD")):
                    await self._read_body(response, started, budget)
                    return response
                location = response.headers.get("location", "")
                target = current.url.join(location)
                if (
                    target.scheme == "http"
                    and current.url.scheme == "https"
                    and not self._allow_insecure
                ):
                    await self._read_body(response, started, budget)
                    return response  # reported as a redirect error by the caller
                same_origin = (target.scheme, target.host, target.port) == (
                    current.url.scheme,
                    current.url.host,
                    current.url.port,
                )
                headers = dict(current.headers)
                if not same_origin:
                    # Credentials never travel to another host.
                    auth = None
                    headers = {k: v for k, v in headers.items() if not is_sensitive(k)}
                headers.pop("host", None)
                current = self._client.build_request(
                    current.method, target, headers=headers, extensions=current.extensions
                )
            finally:
                await response.aclose()
        raise self._redirect_error(response, f"more than {_MAX_REDIRECTS} redirects")

    async def _read_body(
        self, response: httpx.Response, started: float, budget: float | None
    ) -> None:
        await read_body(
            response,
            limit=self.max_response_bytes,
            vendor=self.vendor,
            started=started,
            budget=budget,
        )

    def _redirect_error(self, response: httpx.Response, why: str) -> RedirectError:
        location = response.headers.get("location")
        shown = redact_text(location or "", self._secrets()) or None
        return RedirectError(
            f"HTTP {response.status_code} redirect to {shown or '(no location)'}: {why}",
            vendor=self.vendor,
            status_code=response.status_code,
            location=shown,
            response=response,
        )

    async def _call_hook(self, name: str, *args: Any) -> None:
        hook = self._hooks.get(name)
        if hook is None:
            return
        try:
            result = hook(*args)
            if inspect.isawaitable(result):
                await result
        except Exception:
            # Hooks observe; a failing hook never fails the call it observes.
            log.exception("%s: %s hook failed", self.vendor, name)

    async def _before_retry(
        self,
        op: Operation,
        request: httpx.Request,
        failure: BaseException | None,
        number: int,
        retries: int,
        wait: float,
    ) -> None:
        self._log_retry(request, failure, number, retries, wait)
        if self._hooks and failure is not None:
            await self._call_hook("on_retry", _op_name(op), number, failure, wait)

    def _log_attempt(
        self, request: httpx.Request, outcome: str, started: float, attempt: int
    ) -> None:
        try:
            log.debug(
                "%s %s %s -> %s in %.1f ms (attempt %d)",
                self.vendor,
                request.method,
                redact_text(str(request.url), self._secrets()),
                outcome,
                (time.perf_counter() - started) * 1000,
                attempt,
            )
        except Exception:  # logging never fails a call
            pass

    def _log_exchange(self, request: httpx.Request, response: httpx.Response) -> None:
        try:
            secrets = self._secrets()
            log.debug(
                "%s request headers %s body %s; response headers %s body %s",
                self.vendor,
                redact_headers(request.headers),
                redact_text(_request_body_text(request), secrets),
                redact_headers(response.headers),
                redact_text(_body_text(response.content), secrets),
            )
        except Exception:  # logging never fails a call
            pass

    def _redacted(self, exc: APIError) -> APIError:
        secrets = self._secrets()
        clean = redact_text(exc.message, secrets)
        if clean != exc.message:
            exc.message = clean
            exc.args = (exc._one_line(),)
        if secrets and exc.body is not None:
            exc.body = redact_echo(exc.body, secrets)
        return exc

    def _log_retry(
        self,
        request: httpx.Request,
        failure: BaseException | None,
        number: int,
        retries: int,
        wait: float,
    ) -> None:
        try:
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
        except Exception:  # logging never fails a call
            pass


def _op_name(op: Operation) -> str:
    """The operation's dotted name (``METHOD path`` for an unnamed one)."""
    return op.name or f"{op.method} {op.path}"


def _request_body_text(request: httpx.Request) -> str:
    try:
        content = request.content
    except httpx.RequestNotRead:
        return "<streamed body>"
    if request.headers.get("content-type", "").startswith("multipart/"):
        return f"<multipart, {len(content)} bytes>"
    return _body_text(content)


def _redacted_request(request: httpx.Request) -> httpx.Request:
    return httpx.Request(
        request.method,
        request.url,
        headers=redact_headers(request.headers),
        extensions={k: v for k, v in request.extensions.items() if k == "timeout"},
    )


def _redacted_response(response: httpx.Response) -> httpx.Response:
    return httpx.Response(
        response.status_code,
        headers=redact_headers(response.headers),
        content=response.content,
        request=_redacted_request(response.request),
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
