"""The vendor-agnostic client (async source; the sync twin is generated).

A call goes through four named stages, each in its own module: the request
builder (``builder.py``), the sender (``sender.py``: gate, throttle, deadline,
exchange, redirects, bounded body), the response reader (``reader.py``: rate
limit, errors, decode, raw sink) and the retrier (``retrier.py``), which runs
every attempt in one loop. This class holds the settings and the shared state
and wires the stages together; vendor differences come from the dialect.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import tzinfo
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar, overload

import httpx

from ..builder import RequestBuilder
from ..clock import Clock, SystemClock
from ..config import (
    DEFAULT_MAX_CONCURRENCY,
    TIME_ZONE,
    check_base_url,
    check_concurrency,
    default_tls,
    user_agent,
    zone_of,
)
from ..cookies import no_cookies
from ..decoding import ACCEPT_ENCODING
from ..dialect import Call, Dialect, RequestParts
from ..encoding import FileInput
from ..errors import APIError, ConfigurationError, CXError
from ..gate import AsyncGate
from ..observe import Observer
from ..options import check_request_options
from ..pager import AsyncPager
from ..paging import PageStrategy
from ..ratelimit import RateLimit
from ..reader import Decoded, Decoder, Decoders, parse, read_answer
from ..redaction import Redactor, secret_values
from ..registry import Operation, operation_of
from ..retry import RetryPolicy
from ..settings import (
    CLIENT_OPTIONS,
    DEFAULT_MAX_RESPONSE_BYTES,
    Settings,
    SettingsView,
    check_max_bytes,
    check_names,
    check_pool_options,
    check_sensitive_headers,
)
from . import pagination
from .pool import AsyncPool
from .retrier import retrying
from .sender import AsyncSender, AsyncShared
from .throttle import AsyncRateLookup, AsyncThrottle, first_throttle

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
    sensitive_headers: Iterable[str] | None
    log_bodies: bool


_USER_AGENT = user_agent()


class AsyncAPIClient(SettingsView):
    """Base of every async vendor client."""

    def __init__(
        self, *, dialect: Dialect, base_url: str, auth: httpx.Auth | None, **options: Any
    ) -> None:
        vendor = dialect.vendor
        check_names(options, [*CLIENT_OPTIONS, *_vendor_keywords(type(self))], owner=_owner(self))
        self._dialect = dialect
        self._allow_insecure = bool(options.get("allow_insecure", False))
        self.base_url = check_base_url(base_url, vendor=vendor, allow_insecure=self._allow_insecure)
        self._auth = auth
        self._settings = Settings.make(vendor, options)
        self.max_response_bytes = check_max_bytes(
            options.get("max_response_bytes", DEFAULT_MAX_RESPONSE_BYTES), vendor=vendor
        )
        self._clock: Clock = options.get("clock") or SystemClock()
        self._parse_context: dict[str, Any] | None = None
        http_client = options.get("http_client")
        self._transport = options.get("transport")
        check_pool_options(
            vendor, http_client, self._transport, httpx.AsyncClient, httpx.AsyncBaseTransport
        )
        self._headers: Mapping[str, str] = {
            "User-Agent": _USER_AGENT,
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,
            **self._settings.default_headers,
        }
        throttle = options.get("throttle")
        made_throttle = first_throttle(
            throttle,
            vendor=vendor,
            key=f"cxkit:{vendor}:{self.base_url}",
            clock=self._clock,
            storage=options.get("throttle_storage"),
            documented=self._documented_rate,
        )
        self._concurrency = check_concurrency(
            options.get("max_concurrency", DEFAULT_MAX_CONCURRENCY), vendor=vendor
        )
        sensitive = check_sensitive_headers(options.get("sensitive_headers"), vendor=vendor)
        self._wire(dialect, auth, http_client, made_throttle, throttle == "auto", sensitive)
        self._owner = True

    def _wire(
        self,
        dialect: Dialect,
        auth: httpx.Auth | None,
        http_client: httpx.AsyncClient | None,
        throttle: AsyncThrottle | None,
        auto: bool,
        sensitive: frozenset[str],
    ) -> None:
        """Make the shared state and the stages, once every setting is valid."""
        own_pool = http_client is None
        pool = AsyncPool(vendor=dialect.vendor, make=self._new_pool, given=http_client)
        shared = AsyncShared(pool, AsyncGate(self._concurrency), throttle, RateLimit())
        if auto and throttle is not None:
            lookup = self._auto_throttle_rate
            shared.throttle_lookup = AsyncRateLookup(
                shared, throttle, lookup, self._clock, dialect.vendor
            )
        self._shared = shared
        self._decoders = Decoders(dialect)
        self._builder = RequestBuilder(
            dialect,
            self.base_url,
            pool_headers=self._headers if own_pool else None,
            pool_timeout=self._settings.timeout if own_pool else None,
        )
        self._sender = AsyncSender(
            dialect=dialect,
            shared=shared,
            auth=auth,
            redactor=Redactor(self._secret_values, sensitive),
            max_response_bytes=self.max_response_bytes,
            allow_insecure=self._allow_insecure,
        )
        bind = getattr(auth, "bind", None)
        if callable(bind):
            bind(self._sender.send_login, self._clock)

    def _new_pool(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            follow_redirects=False,
            headers=self._headers,
            timeout=self._settings.timeout,
            transport=self._transport,
            verify=default_tls() if self._transport is None else True,
            # The APIs authenticate every request; a cookie a server sets is never
            # needed, and an odd one would break every later request.
            cookies=no_cookies(),
        )

    @property
    def _client(self) -> httpx.AsyncClient:
        return self._shared.pool.http

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
        return self._copy_with(options)

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
        options = check_request_options("request", {"max_retries": max_retries})
        data = await self._send(Call(op, params=params, body=json, files=files, options=options))
        return data if cast_to is None else self._parse(cast_to, data)

    async def aclose(self) -> None:
        """Close the connection pool, if this client made it (copies made by
        ``with_options`` and pools passed in by the caller are left open)."""
        if not self._owner:
            return
        await self._shared.pool.aclose()
        throttle = self._shared.throttle
        if throttle is not None:
            await throttle.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # -- throttle -----------------------------------------------------------

    async def _auto_throttle_rate(self) -> str | int:
        """The quota for ``throttle="auto"``; a vendor with a documented quota overrides this."""
        raise ConfigurationError(f"{self.vendor}: throttle='auto' is not supported")

    def _documented_rate(self) -> str | int | None:
        """The vendor's documented quota: ``throttle="auto"`` counts against it until the
        plan is looked up (``None``: the vendor has no ``auto``)."""
        return None

    def _set_time_zone(self, time_zone: str | tzinfo) -> None:
        """Read the vendor's local dates in ``time_zone`` (an IANA name or a tzinfo)."""
        self.time_zone = zone_of(time_zone, vendor=self.vendor)
        self._parse_context = {TIME_ZONE: self.time_zone}

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
        data = await self._send(call, self._decoders.get(op, cast_to))
        if type(data) is Decoded:
            return data.value
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
        return await pagination.fetch_page(self, call, strategy, values, item)

    def _parse(self, cast_to: Any, data: Any, *, list_of: bool = False) -> Any:
        target = list[cast_to] if list_of else cast_to
        return parse(
            target, data, strict=self.strict, vendor=self.vendor, context=self._parse_context
        )

    # -- the stages ---------------------------------------------------------

    async def _send(self, call: Call, decoder: Decoder | None = None) -> Any:
        """Build, then attempt (send and read) until success or a final failure; with a
        ``decoder``, an answer it decodes comes back as :class:`Decoded`."""
        shared = self._shared
        if shared.pool.check_usable():
            shared.gate = AsyncGate(self._concurrency)
            reset = getattr(self._auth, "reset_locks", None)
            if callable(reset):
                reset()
        settings = self._settings
        request, retries = self._builder.build(
            shared.pool.http,
            call,
            headers=self._headers,
            timeout=settings.timeout,
            max_retries=settings.max_retries,
        )
        op = call.op
        sender = self._sender

        single_pass = None
        if decoder is not None:
            context = self._parse_context

            def single_pass(content: bytes) -> Any:
                return decoder(content, context)

        def read(response: httpx.Response, elapsed: float) -> Any:
            return read_answer(
                self._dialect,
                op,
                response,
                elapsed,
                redactor=sender.redactor,
                on_rate_limit=shared.set_rate_limit,
                single_pass=single_pass,
            )

        try:
            return await sender.attempt(op, request, 1, settings, read)
        except CXError as failure:
            if not retries:
                raise
            first = failure

        # The retry machinery is built only once the first attempt has failed.
        async def attempt(number: int, wait: float) -> Any:
            return await sender.attempt(op, request, number, settings, read, wait)

        async def before_retry(failure: CXError, number: int, wait: float) -> None:
            await sender.before_retry(settings, op, request, failure, number, retries, wait)

        return await retrying(
            attempt,
            first,
            policy=RetryPolicy(max_retries=retries, max_retry_wait=settings.max_retry_wait),
            idempotent=op.is_idempotent,
            sleep=self._clock.asleep,
            before_retry=before_retry,
        )

    def _login_request(
        self, method: str, path: str, *, headers: Mapping[str, str] | None = None
    ) -> httpx.Request:
        """A login request built like any call (base URL, default headers, timeout), for
        the ``login=`` of a login-token auth."""
        return self._builder.request(
            self._client,
            RequestParts(method=method, path=path, headers=dict(headers or {})),
            headers=self._headers,
            timeout=self._settings.timeout,
        )

    def _secret_values(self) -> tuple[str, ...]:
        extra = self._sender.redactor.extra_headers if hasattr(self, "_sender") else frozenset()
        return secret_values(self._auth, self._settings.default_headers, extra)

    def _add_observer(self, observer: Observer) -> None:
        """Tell ``observer`` of every attempt of this client and its copies (tracing)."""
        self._shared.observers = [*self._shared.observers, observer]

    def _remove_observer(self, observer: Observer) -> None:
        """Stop telling ``observer``. The list is replaced, never changed in place: an
        attempt in flight pairs its observers with their tokens by position."""
        self._shared.observers = [o for o in self._shared.observers if o is not observer]

    def _observers(self) -> tuple[Observer, ...]:
        """The observers of this client and its copies."""
        return tuple(self._shared.observers)

    def _redacted(self, exc: APIError) -> APIError:
        """``exc`` with the client's secrets masked (for errors a vendor raises itself)."""
        self._sender.redactor.error(exc)
        return exc


def _owner(client: object) -> str:
    """The public name a user called, for messages: ``Omnidesk()``."""
    return f"{type(client).__name__}()"


def _vendor_keywords(cls: type) -> list[str]:
    """The keyword arguments a vendor client's own ``__init__`` names (credentials...)."""
    try:
        params = inspect.signature(cls).parameters
    except (TypeError, ValueError):
        return []
    return [
        name for name, p in params.items() if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]


class AsyncAPIResource:
    """Base of every resource class: calls go through its client's ``_call`` and ``_paginate``."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self._call = client._call
        self._paginate = client._paginate

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"
