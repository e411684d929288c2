"""Login-token authentication as an httpx auth flow (async source; sync is generated)."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable

import anyio
import httpx

from ..secrets import Secret

__all__ = ["AsyncLoginTokenAuth"]

Flow = AsyncGenerator[httpx.Request, httpx.Response]


class AsyncLoginTokenAuth(httpx.Auth):
    """A token obtained by a login request, cached, and renewed once on 401.

    ``login`` builds the login request; ``read_token`` takes the token out of
    its response or raises the vendor's error. The token is sent in ``header``
    (after ``prefix``). However many requests find the token missing or expired
    at once, exactly one login is made; the others wait and reuse its token.
    """

    def __init__(
        self,
        *,
        login: Callable[[], httpx.Request],
        read_token: Callable[[httpx.Response], str],
        header: str = "Authorization",
        prefix: str = "",
    ) -> None:
        self._login = login
        self._read_token = read_token
        self._header = header
        self._prefix = prefix
        self._token: Secret | None = None
        self._generation = 0
        self._lock = anyio.Lock()
        self.logins = 0

    def __repr__(self) -> str:
        return f"{type(self).__name__}(header={self._header!r})"

    def secrets(self) -> tuple[str, ...]:
        """Values that must never be shown."""
        return (self._token.get(),) if self._token else ()

    def invalidate(self) -> None:
        """Forget the cached token; the next request logs in again."""
        self._token = None

    def reset_locks(self) -> None:
        """New locks, for a client that moved to another event loop."""
        self._lock = anyio.Lock()

    def _store(self, response: httpx.Response) -> None:
        self._token = Secret(self._read_token(response))
        self._generation += 1
        self.logins += 1

    def _apply(self, request: httpx.Request) -> int:
        assert self._token is not None
        request.headers[self._header] = self._prefix + self._token.get()
        return self._generation

    async def async_auth_flow(self, request: httpx.Request) -> Flow:
        """Log in if needed, send, and on 401 renew the token once and resend."""
        if self._token is None:
            async with self._lock:
                if self._token is None:
                    response = yield self._login()
                    await response.aread()
                    self._store(response)
        sent_with = self._apply(request)
        response = yield request
        if response.status_code != 401:
            return
        # Release this answer's connection before waiting for the login, so the login
        # never waits for pool slots held by the requests that wait for it.
        await response.aread()
        async with self._lock:
            if self._generation == sent_with:
                login_response = yield self._login()
                await login_response.aread()
                self._store(login_response)
        self._apply(request)
        yield request
