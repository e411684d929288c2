"""Login-token authentication as an httpx auth flow (async source; sync is generated)."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Callable, Mapping

import anyio
import httpx

from ..auth import CREDENTIAL, IDEMPOTENT, RENEWED
from ..clock import Clock, SystemClock
from ..deadline import async_lock_within
from ..errors import CXError, ResponseValidationError
from ..secrets import Secret, is_sensitive_header
from .body import read_body

__all__ = ["CREDENTIAL", "AsyncLoginTokenAuth"]

Flow = AsyncGenerator[httpx.Request, httpx.Response]
LoginAnswer = Awaitable[httpx.Response]
SendLogin = Callable[[httpx.Request], LoginAnswer]

_BACKOFF_FIRST = 0.5
_BACKOFF_MAX = 8.0

DEFAULT_MAX_BYTES = 64 * 1024 * 1024


class AsyncLoginTokenAuth(httpx.Auth):
    """A token obtained by a login request, cached, and renewed once when it expires.

    ``login`` builds the login request; ``read_token`` takes the token out of its
    response or raises the vendor's error. The token is sent in ``header`` (after
    ``prefix``). It counts as expired on an HTTP 401, or when ``needs_reauth`` says a
    2xx answer reports it (an envelope ``{"status": false, "error": "token expired"}``).
    However many requests find the token missing or expired at once, exactly one
    login is made; the others wait and reuse its token. Answers the flow reads are
    bounded by ``max_bytes``. ``login_credentials`` marks a request that is itself a
    login; ``alternatives`` map credential names to functions that sign a request
    another way (see :data:`CREDENTIAL`).
    """

    def __init__(
        self,
        *,
        login: Callable[[], httpx.Request],
        read_token: Callable[[httpx.Response], str],
        header: str = "Authorization",
        prefix: str = "",
        needs_reauth: Callable[[httpx.Response], bool] | None = None,
        not_executed: Callable[[httpx.Response], bool] | None = None,
        max_bytes: int | Callable[[], int] = DEFAULT_MAX_BYTES,
        vendor: str = "vendor",
        login_credentials: Callable[[httpx.Request], None] | None = None,
        alternatives: Mapping[str, Callable[[httpx.Request], None]] | None = None,
    ) -> None:
        self._login = login
        self._read_token = read_token
        self._header = header
        self._prefix = prefix
        self._needs_reauth = needs_reauth
        self._not_executed = not_executed
        self._max_bytes = max_bytes
        self._vendor = vendor
        self._login_credentials = login_credentials
        self._alternatives = dict(alternatives or {})
        self._token: Secret | None = None
        self._generation = 0
        self._lock = anyio.Lock()
        self._send_login: SendLogin | None = None
        self._clock: Clock = SystemClock()
        self._attempts = 0
        self._failure: CXError | None = None
        self._failed_until = 0.0
        self._backoff = _BACKOFF_FIRST
        self.logins = 0

    def __repr__(self) -> str:
        return f"{type(self).__name__}(header={self._header!r})"

    @property
    def has_token(self) -> bool:
        """Whether a login token is held now."""
        return self._token is not None

    def secrets(self) -> tuple[str, ...]:
        """Values that must never be shown."""
        return (self._token.get(),) if self._token else ()

    def invalidate(self) -> None:
        """Forget the cached token; the next request logs in again."""
        self._token = None

    def bind(self, send_login: SendLogin, clock: Clock) -> None:
        """Send logins through the client (``send_login``) and time back-offs on ``clock``."""
        self._send_login = send_login
        self._clock = clock

    def reset_locks(self) -> None:
        """New locks, for a client that moved to another event loop."""
        self._lock = anyio.Lock()

    def _login_request(self, trigger: httpx.Request) -> httpx.Request:
        """The login request, sent like the call that needed it: with its timeout and
        its non-credential headers (User-Agent, Accept...)."""
        login = self._login()
        if "timeout" not in login.extensions and "timeout" in trigger.extensions:
            login.extensions["timeout"] = trigger.extensions["timeout"]
        for name, value in trigger.headers.items():
            lowered = name.lower()
            if lowered in ("host", "content-length", "content-type", "authorization"):
                continue
            if lowered == self._header.lower() or is_sensitive_header(lowered):
                continue
            login.headers.setdefault(name, value)
        return login

    def _store(self, response: httpx.Response) -> None:
        self._token = Secret(self._read_token(response))
        self._generation += 1
        self.logins += 1

    def _apply(self, request: httpx.Request) -> int:
        assert self._token is not None
        request.headers[self._header] = self._prefix + self._token.get()
        return self._generation

    async def _read(self, response: httpx.Response) -> None:
        limit = self._max_bytes() if callable(self._max_bytes) else self._max_bytes
        await read_body(response, limit=limit, vendor=self._vendor)

    async def async_auth_flow(self, request: httpx.Request) -> Flow:
        """Send with the credential the request needs; renew the token once if expired."""
        kind = request.extensions.get(CREDENTIAL, "token")
        if kind in self._alternatives:
            self._alternatives[kind](request)
            yield request
            return
        if kind == "login":
            if self._login_credentials is not None:
                self._login_credentials(request)
            response = yield request
            await self._read(response)
            if 200 <= response.status_code < 300:
                async with self._lock:
                    try:
                        self._store(response)
                    except CXError:
                        pass  # the dialect raises the same failure when it decodes the answer
            return
        if kind == "logout":
            if self._token is not None:
                self._apply(request)
            yield request
            return
        if self._token is None:
            await self._renew(request, self._generation)
        sent_with = self._apply(request)
        response = yield request
        expired = response.status_code == 401
        if request.extensions.get(RENEWED):
            return  # already sent again after a login: this answer stands
        if not expired and not (self._needs_reauth and 200 <= response.status_code < 300):
            return
        # Read before waiting for the login: a 2xx to see whether it reports the token
        # expired, a 401 to release its connection (the login must never wait for
        # pool slots held by the requests that wait for it).
        await self._read(response)
        if not expired and not (self._needs_reauth is not None and self._needs_reauth(response)):
            return
        if (
            not expired
            and not request.extensions.get(IDEMPOTENT, True)
            and not (self._not_executed is not None and self._not_executed(response))
        ):
            # A 2xx answer about the token to a write may still mean the write was done:
            # never send it again. The next call logs in afresh.
            self.invalidate()
            return
        await self._renew(request, sent_with)
        if self._send_login is None:
            self._apply(request)
            yield request
            return
        # The client sends the request again itself (logged and hooked like any request);
        # this flow applies the new token when it does.
        response.extensions[RENEWED] = True

    async def _renew(self, trigger: httpx.Request, stale: int) -> None:
        """Have a token newer than generation ``stale``: wait for the login in flight and
        share its outcome, or make the one login (within the caller's deadline)."""
        seen = self._attempts
        async with async_lock_within(self._lock):
            if self._token is not None and self._generation != stale:
                return  # renewed while this caller waited
            failure = self._failure
            if failure is not None and (
                self._attempts != seen or self._clock.now() < self._failed_until
            ):
                raise _copy(failure)
            self._attempts += 1
            try:
                response = await self._login_now(trigger)
                await self._read(response)
                try:
                    self._store(response)
                except CXError:
                    raise
                except Exception as exc:
                    raise ResponseValidationError(
                        f"the login answer could not be read ({type(exc).__name__})",
                        vendor=self._vendor,
                    ) from None
            except CXError as exc:
                self._failure = exc
                self._failed_until = self._clock.now() + self._backoff
                self._backoff = min(self._backoff * 2, _BACKOFF_MAX)
                raise
            self._failure = None
            self._backoff = _BACKOFF_FIRST

    async def _login_now(self, trigger: httpx.Request) -> httpx.Response:
        request = self._login_request(trigger)
        if self._send_login is None:
            raise RuntimeError("the login-token auth is not bound to a client")
        return await self._send_login(request)


def _copy(error: CXError) -> CXError:
    """The same error for another caller (its own traceback, the same fields)."""
    twin = type(error).__new__(type(error))
    twin.__dict__.update(error.__dict__)
    twin.args = error.args
    return twin
