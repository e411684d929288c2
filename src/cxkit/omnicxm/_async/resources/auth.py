"""Login and logout (async source; the sync twin is generated)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, AuthenticationError, operation
from ...types.auth import LoginResult
from .._auth import AsyncOmniCXMAuth

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncAuth"]


class AsyncAuth(AsyncAPIResource):
    """The login token: the client logs in by itself; these calls are for doing it on purpose."""

    @operation("GET", "/login", auth="login")
    async def login(self, **options: Unpack[RequestOptions]) -> LoginResult:
        """Log in now (HTTP Basic) and keep the new token for the next calls.

        The client logs in by itself on its first call and when the token expires;
        call this to check the credentials early. ``result.token`` is a ``SecretStr``.
        """
        return await self._call(self.login, cast_to=LoginResult, options=options)

    @operation("GET", "/logout", auth="logout")
    async def logout(self, **options: Unpack[RequestOptions]) -> None:
        """Destroy the login token on the server and forget it here.

        Sends nothing when no token is held. A 401 answer means the token was
        already dead, so it counts as logged out. The next call logs in again.
        """
        auth = self._client._auth
        if isinstance(auth, AsyncOmniCXMAuth) and not auth.has_token:
            return
        try:
            await self._call(self.logout, options=options)
        except AuthenticationError:
            pass
        finally:
            if isinstance(auth, AsyncOmniCXMAuth):
                auth.invalidate()
