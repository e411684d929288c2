"""The sender: one attempt from a built request to a read answer (async source; sync is
generated).

A stage of the core client. Under the concurrency gate and a throttle slot, within
the attempt's deadline (connect to last byte, both directions), it sends the
request, follows safe redirects without credentials crossing hosts, and reads the
body within the size bound. It logs one line per attempt, calls the hooks with
redacted copies, and turns every fault of the network into a ``CXError``. Logins
leave through :meth:`AsyncSender.send_login` and are seen the same way.
"""

from __future__ import annotations

import inspect
import json
import logging
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx

from ..auth import RENEWED, HeaderAuth
from ..deadline import async_deadline, attempt_budget
from ..dialect import Dialect
from ..errors import (
    APIConnectionError,
    APITimeoutError,
    ClientClosedError,
    CXError,
    ResponseValidationError,
)
from ..gate import AsyncGate
from ..network import describe_connection_error
from ..observe import Observer, notify_end, notify_start
from ..ratelimit import RateLimit
from ..reader import op_name, redirect_error
from ..redaction import Redactor
from ..registry import Operation
from ..secrets import is_sensitive_header, redact_value
from ..settings import Settings
from .body import read_body
from .pool import AsyncPool
from .throttle import AsyncThrottle

__all__ = ["AsyncSender", "AsyncShared"]

T = TypeVar("T")

log = logging.getLogger("cxkit")

MAX_REDIRECTS = 5
LOGIN = Operation("GET", "/login", name="auth.login")

_CURRENT: ContextVar[Settings | None] = ContextVar("cxkit_attempt_settings", default=None)


@dataclass
class AsyncShared:
    """State a client shares with its ``with_options`` copies."""

    pool: AsyncPool
    gate: AsyncGate
    throttle: AsyncThrottle | None
    rate_limit: RateLimit
    observers: list[Observer] = field(default_factory=list)
    """Tracing and metrics (``cxkit.otel``), told of every attempt."""
    throttle_lookup: Callable[[], Any] | None = None
    """Set while ``throttle="auto"`` still has to look up the plan."""

    def set_rate_limit(self, snapshot: RateLimit) -> None:
        """Record what the vendor last said about the quota."""
        self.rate_limit = snapshot


class AsyncSender:
    """Sends one attempt and reads its answer."""

    def __init__(
        self,
        *,
        dialect: Dialect,
        shared: AsyncShared,
        auth: httpx.Auth | None,
        redactor: Redactor,
        max_response_bytes: int,
        allow_insecure: bool,
    ) -> None:
        self.vendor = dialect.vendor
        self._dialect = dialect
        self.shared = shared
        self._auth = auth
        self.redactor = redactor
        self.max_response_bytes = max_response_bytes
        self._allow_insecure = allow_insecure

    async def attempt(
        self,
        op: Operation,
        request: httpx.Request,
        number: int,
        settings: Settings,
        read: Callable[[httpx.Response, float], T],
        wait: float = 0.0,
    ) -> T:
        """Send ``request`` once and ``read`` the answer (the reader stage); its result or a
        ``CXError``. ``wait`` is the pause before this attempt (for observers), which see
        the outcome once read, so an envelope that reports failure counts as one."""
        shared = self.shared
        if shared.throttle_lookup is not None:
            lookup, shared.throttle_lookup = shared.throttle_lookup, None
            await lookup()
        observers = shared.observers
        if not observers:
            response, elapsed = await self._attempt(op, request, number, settings)
            return read(response, elapsed)
        tokens = notify_start(
            observers, self.vendor, op_name(op), self.redactor.request(request), number, wait
        )
        try:
            response, elapsed = await self._attempt(op, request, number, settings)
        except BaseException as exc:
            notify_end(observers, tokens, None, exc)
            raise
        shown = self.redactor.response(response)
        try:
            result = read(response, elapsed)
        except BaseException as exc:
            notify_end(observers, tokens, shown, exc)
            raise
        notify_end(observers, tokens, shown, None)
        return result

    async def _attempt(
        self, op: Operation, request: httpx.Request, number: int, settings: Settings
    ) -> tuple[httpx.Response, float]:
        shared = self.shared
        started = time.perf_counter()
        budget = attempt_budget(request.extensions.get("timeout"))
        token = _CURRENT.set(settings)
        try:
            async with shared.gate:
                # The quota is spent when the request can really leave, not while it
                # queues at the gate; the slot is held until the answer is back.
                throttle = shared.throttle
                slot = await throttle.acquire() if throttle is not None else None
                try:
                    async with async_deadline(budget):
                        response = await self._exchange(
                            op, request, started, budget, settings, self._auth, number
                        )
                finally:
                    if throttle is not None and slot is not None:
                        await throttle.release(slot)
        except CXError as exc:
            self._log(settings, op, request, type(exc).__name__, started, number)
            raise self.redactor.error(exc) from exc.__cause__
        except BaseException as exc:
            error = self._fault(exc, request)
            if error is None:
                raise
            self._log(settings, op, request, type(exc).__name__, started, number)
            raise self.redactor.error(error) from exc
        finally:
            _CURRENT.reset(token)
        elapsed = time.perf_counter() - started
        self._log(settings, op, request, str(response.status_code), started, number, response)
        return response, elapsed

    async def before_retry(
        self,
        settings: Settings,
        op: Operation,
        request: httpx.Request,
        failure: CXError,
        number: int,
        retries: int,
        wait: float,
    ) -> None:
        """Log a retry and tell the ``on_retry`` hook (the failure is already redacted)."""
        log.info(
            "%s %s %s failed (%s); retry %d of %d in %.2f s",
            self.vendor,
            request.method,
            self.redactor.text(str(request.url)),
            failure,
            number,
            retries,
            wait,
        )
        await self._hook(settings.hooks, "on_retry", op_name(op), number, failure, wait)

    async def send_login(self, request: httpx.Request) -> httpx.Response:
        """Send a login the auth flow needs, inside the waiting caller's attempt: logged and
        hooked as ``auth.login``, bounded like the caller, no retry of its own."""
        settings = _CURRENT.get()
        started = time.perf_counter()
        observers = self.shared.observers
        tokens = (
            notify_start(observers, self.vendor, "auth.login", self.redactor.request(request), 1, 0)
            if observers
            else []
        )
        try:
            response = await self._exchange(LOGIN, request, started, None, settings, None)
        except CXError as exc:
            if observers:
                notify_end(observers, tokens, None, self.redactor.error(exc))
            raise
        except Exception as exc:
            error = self._fault(exc, request)
            if observers:
                # Observers see errors as redacted as the requests and responses.
                notify_end(observers, tokens, None, self.redactor.error(error) if error else exc)
            if error is None:
                raise
            raise error from exc
        except BaseException as exc:  # a cancellation ends the login's span too
            notify_end(observers, tokens, None, exc)
            raise
        if observers:
            notify_end(observers, tokens, self.redactor.response(response), None)
        if settings is not None:
            self._log(settings, LOGIN, request, str(response.status_code), started, 1, response)
        if response.status_code >= 400:
            # A refused login is the vendor's error, whatever the login reader expects.
            raise self.redactor.error(self._dialect.error(response))
        return response

    async def _exchange(
        self,
        op: Operation,
        request: httpx.Request,
        started: float,
        budget: float | None,
        settings: Settings | None,
        auth: httpx.Auth | None,
        number: int = 1,
    ) -> httpx.Response:
        """Send, follow safe redirects, and read the body within the size and time bounds."""
        pool = self.shared.pool
        generation = await pool.lease()
        hooks = settings.hooks if settings is not None else None
        name = op_name(op)
        cancelled = True
        try:
            if hooks:
                await self._hook(hooks, "on_request", name, self.redactor.request(request))
            current = request
            send_auth: Any = auth if auth is not None else httpx.USE_CLIENT_DEFAULT
            renewed = False
            redirects = 0
            while True:
                response = await self._transmit(generation.http, current, send_auth)
                try:
                    await read_body(
                        response,
                        limit=self.max_response_bytes,
                        vendor=self.vendor,
                        started=started,
                        budget=budget,
                    )
                finally:
                    await response.aclose()
                if response.extensions.get(RENEWED) and not renewed:
                    # The token was renewed after this answer refused it: send once more.
                    renewed = True
                    await self._resending(op, current, response, started, settings, number)
                    continue
                follow = self._redirect_target(current, response)
                if follow is None:
                    break
                redirects += 1
                if redirects > MAX_REDIRECTS:
                    raise redirect_error(
                        self.vendor, response, f"more than {MAX_REDIRECTS} redirects"
                    )
                current, same_origin = follow
                if not same_origin:
                    send_auth = None  # credentials never travel to another host
            cancelled = False
        finally:
            # A later attempt of the same call may log in and send again in its turn.
            request.extensions.pop(RENEWED, None)
            await pool.give_back(generation, cancelled=cancelled)
        if hooks:
            elapsed = time.perf_counter() - started
            await self._hook(hooks, "on_response", name, self.redactor.response(response), elapsed)
        return response

    async def _transmit(
        self, http: httpx.AsyncClient, request: httpx.Request, auth: Any
    ) -> httpx.Response:
        """Send one request through its auth flow; the body is left to stream.

        A pool the client made itself has no hooks, client auth, cookies or base URL,
        so the request goes straight to its transport: ``httpx.AsyncClient.send`` would
        only add work (auth and redirect machinery, a cookie jar that keeps nothing).
        A caller's pool gets the full ``send``, its hooks and settings included.
        """
        if not self.shared.pool.owned:
            return await http.send(request, auth=auth, stream=True)
        if auth is None or auth is httpx.USE_CLIENT_DEFAULT:
            return await _direct(http, request)
        if isinstance(auth, HeaderAuth):
            auth.apply(request)
            return await _direct(http, request)
        flow = auth.async_auth_flow(request)
        try:
            request = await flow.__anext__()
            while True:
                response = await _direct(http, request)
                try:
                    try:
                        request = await flow.asend(response)
                    except StopAsyncIteration:
                        return response
                    await response.aread()
                except BaseException:
                    await response.aclose()
                    raise
        finally:
            await flow.aclose()

    async def _resending(
        self,
        op: Operation,
        request: httpx.Request,
        refused: httpx.Response,
        started: float,
        settings: Settings | None,
        number: int,
    ) -> None:
        """Log and hook the refused answer and the request about to go again."""
        request.extensions[RENEWED] = True
        if settings is None:
            return
        self._log(settings, op, request, str(refused.status_code), started, number)
        if settings.hooks:
            name, elapsed = op_name(op), time.perf_counter() - started
            hooks = settings.hooks
            await self._hook(hooks, "on_response", name, self.redactor.response(refused), elapsed)
            await self._hook(hooks, "on_request", name, self.redactor.request(request))

    def _redirect_target(
        self, current: httpx.Request, response: httpx.Response
    ) -> tuple[httpx.Request, bool] | None:
        """The request a safe redirect leads to, and whether it stays on the same origin
        (credential headers are dropped when it does not); None to stop here."""
        if not (response.is_redirect and current.method in ("GET", "HEAD")):
            return None
        target = current.url.join(response.headers.get("location", ""))
        if target.scheme == "http" and current.url.scheme == "https" and not self._allow_insecure:
            return None  # reported as a redirect error by the reader
        same = (target.scheme, target.host, target.port) == (
            current.url.scheme,
            current.url.host,
            current.url.port,
        )
        headers = dict(current.headers)
        if not same:
            extra = self.redactor.extra_headers
            headers = {k: v for k, v in headers.items() if not is_sensitive_header(k, extra)}
        headers.pop("host", None)
        # A plain request: the pool would add its default headers back.
        follow = httpx.Request(
            current.method, target, headers=headers, extensions=current.extensions
        )
        return follow, same

    def _fault(self, exc: BaseException, request: httpx.Request) -> CXError | None:
        """The ``CXError`` for a fault of the network or the pool; None to re-raise as is."""
        vendor = self.vendor
        if isinstance(exc, (TimeoutError, httpx.TimeoutException)):
            timeout = APITimeoutError(vendor=vendor, request=request)
            timeout.__cause__ = exc
            return timeout
        if isinstance(exc, httpx.DecodingError):
            return ResponseValidationError(
                f"response body could not be decoded (Content-Encoding): {exc}",
                vendor=vendor,
                request=request,
            )
        if isinstance(exc, (httpx.TransportError, httpx.RequestError)):
            return APIConnectionError(
                f"{vendor}: {describe_connection_error(exc, request.url.host)}",
                vendor=vendor,
                request=request,
            )
        if isinstance(exc, RecursionError):
            return ResponseValidationError(
                "response is nested too deeply to read", vendor=vendor, request=request
            )
        if isinstance(exc, RuntimeError):
            # httpx says a closed pool or another loop's pool is used.
            return ClientClosedError(f"{vendor}: {exc}")
        return None

    async def _hook(self, hooks: Any, name: str, *args: Any) -> None:
        hook = hooks.get(name)
        if hook is None:
            return
        try:
            result = hook(*args)
            if inspect.isawaitable(result):
                await result
        except Exception:
            # Hooks observe; a failing hook never fails the call it observes.
            log.exception("%s: %s hook failed", self.vendor, name)

    def _log(
        self,
        settings: Settings,
        op: Operation,
        request: httpx.Request,
        outcome: str,
        started: float,
        number: int,
        response: httpx.Response | None = None,
    ) -> None:
        if not log.isEnabledFor(logging.DEBUG):
            return
        try:
            redactor = self.redactor
            log.debug(
                "%s %s %s -> %s in %.1f ms (%s, attempt %d)",
                self.vendor,
                request.method,
                redactor.text(str(request.url)),
                outcome,
                (time.perf_counter() - started) * 1000,
                op_name(op),
                number,
            )
            if settings.log_bodies and response is not None:
                log.debug(
                    "%s %s bodies: request %s; response %s",
                    self.vendor,
                    op_name(op),
                    request_body_text(redactor, request),
                    body_text(redactor, response.content),
                )
        except Exception:  # logging never fails a call
            pass


async def _direct(http: httpx.AsyncClient, request: httpx.Request) -> httpx.Response:
    """``request`` sent on the transport ``http`` would use for its URL (proxies and
    mounts included)."""
    response = await http._transport_for_url(request.url).handle_async_request(request)
    response.request = request
    return response


def request_body_text(redactor: Redactor, request: httpx.Request) -> str:
    """A request body for the log (a multipart upload by its size only)."""
    if request.headers.get("content-type", "").startswith("multipart/"):
        return f"<multipart, {request.headers.get('content-length', '?')} bytes>"
    try:
        content = request.content
    except httpx.RequestNotRead:
        return "<streamed body>"
    return body_text(redactor, content)


def body_text(redactor: Redactor, content: bytes, limit: int = 2000) -> str:
    """A body for the log: JSON with credential fields masked, else text with secrets
    masked; cut at ``limit`` characters."""
    if not content:
        return "-"
    try:
        text = json.dumps(redact_value(json.loads(content)), ensure_ascii=False)
    except (ValueError, RecursionError):
        text = content.decode("utf-8", "replace")
    text = redactor.text(text)
    return text[:limit] + ("..." if len(text) > limit else "")
