"""Static credentials as httpx auth flows: HTTP Basic, a header key, Bearer."""

from __future__ import annotations

import abc
import base64
from collections.abc import Callable, Generator

import httpx

from .secrets import Secret

__all__ = [
    "CREDENTIAL",
    "IDEMPOTENT",
    "RENEWED",
    "BasicAuth",
    "BearerAuth",
    "HeaderAuth",
    "HeaderKeyAuth",
]

CREDENTIAL = "cxkit.credential"
"""The request extension naming the credential a request needs (a dialect sets it from
the operation's ``auth=`` hint): ``"token"`` (the default), ``"login"`` (the request
is itself a login), ``"logout"`` (send the token, never renew it), or the name of an
alternative credential (e.g. a secret key)."""


IDEMPOTENT = "cxkit.idempotent"
"""The request extension saying whether sending the request twice is safe (set by the
request builder from the operation); an auth flow never re-sends a write whose answer
may mean it was executed."""


RENEWED = "cxkit.renewed"
"""The response extension a login-token flow sets on an answer that found the token
expired after it logged in again: the client sends the request once more."""


class HeaderAuth(httpx.Auth, abc.ABC):
    """A credential that is one header set on every request, with no exchange: the
    client's own pool applies it without running an httpx auth flow."""

    @abc.abstractmethod
    def apply(self, request: httpx.Request) -> None:
        """Set the credential header on ``request``."""

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the header and send."""
        self.apply(request)
        yield request


class BasicAuth(HeaderAuth):
    """HTTP Basic ``user:password``; neither shows in ``repr``."""

    def __init__(self, username: str, password: str) -> None:
        self._username = username
        self._password = Secret(password)
        raw = f"{username}:{password}".encode()
        self._header = Secret("Basic " + base64.b64encode(raw).decode("ascii"))

    def __repr__(self) -> str:
        return f"BasicAuth(username={self._username!r}, password='***')"

    def header(self) -> str:
        """The ``Authorization`` header value."""
        return self._header.get()

    def secrets(self) -> tuple[str, ...]:
        """Values that must never be shown."""
        return (self._password.get(), self.header().split(" ", 1)[1])

    def apply(self, request: httpx.Request) -> None:
        """Set ``Authorization``."""
        request.headers["Authorization"] = self.header()


class HeaderKeyAuth(HeaderAuth):
    """A fixed secret key sent in a header (e.g. ``X-API-KEY``)."""

    def __init__(self, header: str, key: str) -> None:
        self._header = header
        self._key = Secret(key)

    def __repr__(self) -> str:
        return f"HeaderKeyAuth(header={self._header!r})"

    def secrets(self) -> tuple[str, ...]:
        """Values that must never be shown."""
        return (self._key.get(),)

    def apply(self, request: httpx.Request) -> None:
        """Set the key's header."""
        request.headers[self._header] = self._key.get()


class BearerAuth(HeaderAuth):
    """``Authorization: Bearer <token>``; the token may come from a callable that
    is asked on every request, for services that rotate tokens."""

    def __init__(self, token: str | Callable[[], str]) -> None:
        self._token: Secret | Callable[[], str] = token if callable(token) else Secret(token)
        self._last = ""

    def __repr__(self) -> str:
        return "BearerAuth(token='***')"

    def _current(self) -> str:
        token = self._token() if callable(self._token) else self._token.get()
        if not isinstance(token, str) or not token:
            raise ValueError("the token provider returned no token")
        self._last = token
        return token

    def secrets(self) -> tuple[str, ...]:
        """Values that must never be shown."""
        if isinstance(self._token, Secret):
            return (self._token.get(),)
        return (self._last,) if self._last else ()

    def apply(self, request: httpx.Request) -> None:
        """Set ``Authorization: Bearer``."""
        request.headers["Authorization"] = "Bearer " + self._current()
