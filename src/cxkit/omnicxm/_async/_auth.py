"""OmniCXM credentials as one httpx auth flow (async source; the sync twin is generated).

A login client holds a login token (from ``GET /login`` with HTTP Basic) and,
optionally, the account's secret key; each request is marked by the dialect
with the credential its operation needs (the core's ``CREDENTIAL`` extension).
"""

from __future__ import annotations

from collections.abc import Callable

import httpx

from ..._core import AsyncLoginTokenAuth, BasicAuth, Secret

__all__ = ["AsyncOmniCXMAuth"]

HEADER = "X-API-KEY"


class AsyncOmniCXMAuth(AsyncLoginTokenAuth):
    """Login token in ``X-API-KEY``, renewed once when a request finds it expired.

    The core's login-token flow: expired means an HTTP 401, or a 2xx answer for which
    ``needs_reauth`` says so (a ``{"status": false}`` envelope about the token);
    exactly one login however many requests find the token missing or expired.
    Requests whose operation needs the secret key carry it instead; ``login`` ones
    carry the Basic credentials and store the token they get; ``logout`` ones carry
    the current token and are never renewed.
    """

    def __init__(
        self,
        *,
        login: Callable[[], httpx.Request],
        read_token: Callable[[httpx.Response], str],
        basic: BasicAuth,
        needs_reauth: Callable[[httpx.Response], bool],
        not_executed: Callable[[httpx.Response], bool],
        max_bytes: Callable[[], int],
        secret_key: str | None = None,
    ) -> None:
        self._basic = basic
        self._secret_key = Secret(secret_key) if secret_key else None
        alternatives = {"secret_key": self._sign_with_key} if self._secret_key else {}
        super().__init__(
            login=login,
            read_token=read_token,
            header=HEADER,
            needs_reauth=needs_reauth,
            not_executed=not_executed,
            max_bytes=max_bytes,
            vendor="omnicxm",
            login_credentials=self._sign_with_basic,
            alternatives=alternatives,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(username={self.username!r}, header={HEADER!r})"

    @property
    def username(self) -> str:
        """The login name (not a secret)."""
        return self._basic._username

    def secrets(self) -> tuple[str, ...]:
        """Values that must never be shown: token, password, Basic value, secret key."""
        out = [*super().secrets(), *self._basic.secrets()]
        if self._secret_key is not None:
            out.append(self._secret_key.get())
        return tuple(out)

    def _sign_with_key(self, request: httpx.Request) -> None:
        assert self._secret_key is not None
        request.headers[HEADER] = self._secret_key.get()

    def _sign_with_basic(self, request: httpx.Request) -> None:
        request.headers["Authorization"] = self._basic.header()
