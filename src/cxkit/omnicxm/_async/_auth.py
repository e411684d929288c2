"""OmniCXM credentials as one httpx auth flow (async source; the sync twin is generated).

A login client holds a login token (from ``GET /login`` with HTTP Basic) and,
optionally, the account's secret key; each request is marked by the dialect
with the credential its operation needs (see ``CREDENTIAL_HEADER``).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable

import httpx

from ..._core import BasicAuth
from ..._core._async.auth import AsyncLoginTokenAuth
from ..._core.errors import CXError
from ..._core.secrets import Secret
from .._bodies import AsyncBodyReader
from .._dialect import CREDENTIAL_HEADER

__all__ = ["AsyncOmniCXMAuth"]

Flow = AsyncGenerator[httpx.Request, httpx.Response]

HEADER = "X-API-KEY"


# core-candidate: the core's login-token flow with a needs_reauth(response) hook (expiry
# reported in a 200 envelope) and a per-request credential choice.
class AsyncOmniCXMAuth(AsyncLoginTokenAuth):
    """Login token in ``X-API-KEY``, renewed once when a request finds it expired.

    Expired means an HTTP 401, or a 2xx answer for which ``needs_reauth`` says so
    (a ``{"status": false}`` envelope about the token). However many requests
    find the token missing or expired at once, exactly one login is made.
    Requests marked ``secret_key`` carry the secret key instead; ``login`` ones
    carry the Basic credentials and store the token they get; ``logout`` ones
    carry the current token and are never renewed.
    """

    def __init__(
        self,
        *,
        login: Callable[[], httpx.Request],
        read_token: Callable[[httpx.Response], str],
        basic: BasicAuth,
        needs_reauth: Callable[[httpx.Response], bool],
        max_bytes: Callable[[], int],
        secret_key: str | None = None,
    ) -> None:
        super().__init__(login=login, read_token=read_token, header=HEADER)
        self._basic = basic
        self._needs_reauth = needs_reauth
        self._max_bytes = max_bytes
        self._secret_key = Secret(secret_key) if secret_key else None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(username={self.username!r}, header={HEADER!r})"

    @property
    def username(self) -> str:
        """The login name (not a secret)."""
        return self._basic._username

    @property
    def has_token(self) -> bool:
        """Whether a login token is held now."""
        return self._token is not None

    def secrets(self) -> tuple[str, ...]:
        """Values that must never be shown: token, password, Basic value, secret key."""
        out = [*super().secrets(), *self._basic.secrets()]
        if self._secret_key is not None:
            out.append(self._secret_key.get())
        return tuple(out)

    async def async_auth_flow(self, request: httpx.Request) -> Flow:
        """Send with the credential the request is marked for; renew the token once."""
        kind = request.headers.pop(CREDENTIAL_HEADER, "token")
        if kind == "secret_key" and self._secret_key is not None:
            request.headers[HEADER] = self._secret_key.get()
            yield request
            return
        if kind == "login":
            request.headers["Authorization"] = self._basic.header()
            response = yield request
            await AsyncBodyReader.read(response, self._max_bytes())
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
            async with self._lock:
                if self._token is None:
                    login_response = yield self._login()
                    await AsyncBodyReader.read(login_response, self._max_bytes())
                    self._store(login_response)
        sent_with = self._apply(request)
        response = yield request
        if response.status_code != 401 and not 200 <= response.status_code < 300:
            return
        # Read before waiting for the login: a 2xx to see whether it reports the token
        # expired, a 401 to release its connection (the login must not wait for pool
        # slots held by the requests that wait for it).
        await AsyncBodyReader.read(response, self._max_bytes())
        if response.status_code != 401 and not self._needs_reauth(response):
            return
        async with self._lock:
            if self._generation == sent_with:
                login_response = yield self._login()
                await AsyncBodyReader.read(login_response, self._max_bytes())
                self._store(login_response)
        self._apply(request)
        yield request
