"""The OmniCXM client (async source; the sync twin is generated)."""

from __future__ import annotations

from datetime import tzinfo
from functools import cached_property
from typing import TYPE_CHECKING, Any

import httpx

from ..._core import (
    APIError,
    AsyncAPIClient,
    AsyncClientOptions,
    AuthenticationError,
    BasicAuth,
    ConfigurationError,
    HeaderKeyAuth,
    Operation,
    named,
    setting,
)
from .._dialect import OmniCXMDialect
from . import resources
from ._auth import AsyncOmniCXMAuth

if TYPE_CHECKING:
    # Annotations only: typing_extensions is not a runtime dependency, and the raw
    # views and the login models are imported on first use.
    from typing_extensions import Unpack

    from ..types.auth import UserInfo
    from ._raw import AsyncOmniCXMWithRawResponse

__all__ = ["DEFAULT_BASE_URL", "AsyncOmniCXM", "AsyncOmniCXMOptions"]

DEFAULT_BASE_URL = "https://omni-api-uat.worldfone.cloud"
"""The host the docs' examples call."""

DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh"

_LOGIN = Operation("GET", "/login", name="auth.login", auth="login")


class AsyncOmniCXMOptions(AsyncClientOptions, total=False):
    """Every keyword argument :class:`AsyncOmniCXM` takes."""

    username: str | None
    password: str | None
    secret_key: str | None
    base_url: str | None
    time_zone: str | tzinfo


def _credential(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigurationError(f"omnicxm: {name} must be a non-empty string")
    return value


class AsyncOmniCXM(AsyncAPIClient):
    """Async OmniCXM (South Telecom / Worldfone omnichannel CRM) client.

    Two ways in, both sent as ``X-API-KEY``:

    * ``username=`` and ``password=``: the client calls ``GET /login`` (HTTP Basic) on
      its first request, keeps the token, and logs in again, once, when a request
      finds it expired (HTTP 401, or a ``{"status": false}`` answer about the token);
      however many requests find it expired at once, one login is made;
    * ``secret_key=``: the account's secret key, no login.

    Both may be given: calls the docs allow with either credential use the login
    token, ``users.list_pbx`` the secret key. A call whose credential is missing
    fails before sending (``ConfigurationError``). When no credential is passed,
    ``OMNICXM_USERNAME``/``OMNICXM_PASSWORD`` and ``OMNICXM_SECRET_KEY`` are read.
    ``base_url`` defaults to ``OMNICXM_BASE_URL``, else the docs' host.
    ``time_zone`` (default ``Asia/Ho_Chi_Minh``) is the zone of the display dates
    (``2023-09-01 03:21:11``) in answers.
    """

    _SHARED_STATE = (*AsyncAPIClient._SHARED_STATE, "_userinfo")

    def __init__(
        self,
        *,
        username: str | None = None,
        password: str | None = None,
        secret_key: str | None = None,
        base_url: str | None = None,
        time_zone: str | tzinfo = DEFAULT_TIME_ZONE,
        **options: Unpack[AsyncClientOptions],
    ) -> None:
        if username is None and password is None and secret_key is None:
            username = setting(
                None, "OMNICXM_USERNAME", vendor="omnicxm", name="username", required=False
            )
            password = setting(
                None, "OMNICXM_PASSWORD", vendor="omnicxm", name="password", required=False
            )
            secret_key = setting(
                None, "OMNICXM_SECRET_KEY", vendor="omnicxm", name="secret_key", required=False
            )
        user = _credential("username", username)
        secret = _credential("password", password)
        key = _credential("secret_key", secret_key)
        if (user is None) != (secret is None):
            raise ConfigurationError("omnicxm: pass both username= and password= to log in")
        if user is None and key is None:
            raise ConfigurationError(
                "omnicxm: missing credentials; pass username= and password= (or set "
                "OMNICXM_USERNAME and OMNICXM_PASSWORD), or secret_key= (OMNICXM_SECRET_KEY)"
            )
        url = setting(
            base_url, "OMNICXM_BASE_URL", vendor="omnicxm", name="base_url", required=False
        )
        dialect = OmniCXMDialect(login=user is not None, secret_key=key is not None)
        self._userinfo: UserInfo | None = None
        auth: httpx.Auth
        if user is not None and secret is not None:
            auth = AsyncOmniCXMAuth(
                login=self._login,
                read_token=self._read_token,
                basic=BasicAuth(user, secret),
                needs_reauth=dialect.needs_reauth,
                not_executed=dialect.not_executed,
                max_bytes=lambda: self.max_response_bytes,
                secret_key=key,
            )
        else:
            assert key is not None
            auth = HeaderKeyAuth("X-API-KEY", key)
        super().__init__(dialect=dialect, base_url=url or DEFAULT_BASE_URL, auth=auth, **options)
        self._set_time_zone(time_zone)

    # -- login ------------------------------------------------------------------

    def _login(self) -> httpx.Request:
        auth = self._auth
        assert isinstance(auth, AsyncOmniCXMAuth)
        return self._login_request("GET", "/login", headers={"Authorization": auth._basic.header()})

    def _read_token(self, response: httpx.Response) -> str:
        """The token of a login answer (and keep its ``userinfo``), or raise its error."""
        try:
            if response.status_code >= 400:
                raise self._dialect.error(response)
            data = self._dialect.decode(_LOGIN, response)
        except APIError as exc:
            raise self._redacted(exc) from None
        from ..types.auth import LoginResult

        result = self._parse(LoginResult, data)
        token = result.token.get_secret_value() if result.token is not None else ""
        if not token:
            raise AuthenticationError(
                "login answered without a token", vendor="omnicxm", status_code=401, body=None
            )
        self._userinfo = result.userinfo
        return token

    @property
    def userinfo(self) -> UserInfo | None:
        """The user of the last login (``None`` before the first login, or with a secret key)."""
        return self._userinfo

    async def logout(self) -> None:
        """Destroy the login token (``GET /logout``) and forget it; the next call logs in again."""
        await self.auth.logout()

    # -- resources ----------------------------------------------------------------

    @property
    def with_raw_response(self) -> AsyncOmniCXMWithRawResponse:
        """The same operations, returning the HTTP answer (status, headers, ``request_id``,
        ``elapsed``) with ``.parse()`` for the typed result."""
        from ._raw import AsyncOmniCXMWithRawResponse

        return AsyncOmniCXMWithRawResponse(self)

    @cached_property
    def auth(self) -> resources.AsyncAuth:
        """Login and logout."""
        return named(resources.AsyncAuth, "auth")(self)

    @cached_property
    def permissions(self) -> resources.AsyncPermissions:
        """Module and special permissions."""
        return named(resources.AsyncPermissions, "permissions")(self)

    @cached_property
    def users(self) -> resources.AsyncUsers:
        """Users, business units, PBX users."""
        return named(resources.AsyncUsers, "users")(self)

    @cached_property
    def custom_fields(self) -> resources.AsyncCustomFields:
        """Custom fields of the CRM and ticket modules."""
        return named(resources.AsyncCustomFields, "custom_fields")(self)

    @cached_property
    def objects(self) -> resources.AsyncObjects:
        """CRM records: accounts, contacts, leads and other modules."""
        return named(resources.AsyncObjects, "objects")(self)

    @cached_property
    def tickets(self) -> resources.AsyncTickets:
        """Tickets and their categories, views, logs, requesters, actions, comments, files, SLA."""
        return named(resources.AsyncTickets, "tickets")(self)

    @cached_property
    def tags(self) -> resources.AsyncTags:
        """Tags."""
        return named(resources.AsyncTags, "tags")(self)

    @cached_property
    def omnichat(self) -> resources.AsyncOmnichat:
        """Chat rooms, messages, pages, quick responses."""
        return named(resources.AsyncOmnichat, "omnichat")(self)

    @cached_property
    def cdr(self) -> resources.AsyncCDR:
        """Call detail records."""
        return named(resources.AsyncCDR, "cdr")(self)
