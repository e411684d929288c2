"""Users: the logged-in user, users and business units, PBX users (async source; the sync twin is generated)."""

from __future__ import annotations

import builtins
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ...._core import (
    AsyncAPIResource,
    FileInput,
    check_choice,
    drop_none,
    need_some,
    operation,
)
from ..._checks import one_file
from ...types.users import Language, PbxUsers, Sex, User, UserEntry

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncUserPbx", "AsyncUsers"]


class AsyncUserPbx(AsyncAPIResource):
    """Users of PBX customers (with the account's secret key)."""

    # The request line says POST and files pbx_customer_code under "Request Body";
    # the vendor's curl example sends GET with it in the query string: following curl.
    @operation("GET", "/users/getuserpbx", auth="secret_key")
    async def list(self, pbx_customer_code: str, **options: Unpack[RequestOptions]) -> PbxUsers:
        """The users of a PBX customer (needs the account's secret key, not a login)."""
        params = {"pbx_customer_code": pbx_customer_code}
        return await self._call(self.list, params=params, cast_to=PbxUsers, options=options)


class AsyncUsers(AsyncAPIResource):
    """Users of the account."""

    @cached_property
    def pbx(self) -> AsyncUserPbx:
        """Users of PBX customers."""
        return AsyncUserPbx(self._client)

    @operation("GET", "/users/getinformation", auth="token", unwrap="data")
    async def me(self, **options: Unpack[RequestOptions]) -> User:
        """The user behind the login token."""
        return await self._call(self.me, cast_to=User, options=options)

    @operation("GET", "/users/getuserpermission", unwrap="data")
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[UserEntry]:
        """Every business unit and user of the account (``type`` ``bu`` or ``user``);
        their ``value`` is what assignee and cc fields take."""
        return await self._call(self.list, cast_to=builtins.list[UserEntry], options=options)

    # Not idempotent: a second call would fail, the old password being gone.
    @operation("PUT", "/users/updatepassword", auth="token", idempotent=False)
    async def update_password(
        self,
        *,
        oldpassword: str,
        newpassword: str,
        confirmpassword: str,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Change the logged-in user's password (the API checks its strength)."""
        body = {
            "oldpassword": oldpassword,
            "newpassword": newpassword,
            "confirmpassword": confirmpassword,
        }
        await self._call(self.update_password, body=body, options=options)

    @operation("PUT", "/users/updateinformation", auth="token")
    async def update(
        self,
        *,
        name: str | None = None,
        phone: str | None = None,
        email: str | None = None,
        language: Language | None = None,
        timezone: str | None = None,
        sex: Sex | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Update the logged-in user's profile; only the fields given are sent.

        ``timezone`` is an IANA name such as ``Asia/Bangkok``.
        """
        body = drop_none(
            name=name,
            phone=phone,
            email=email,
            language=check_choice("language", language, Language),
            timezone=timezone,
            sex=check_choice("sex", sex, Sex),
        )
        need_some(body, "users.update")
        await self._call(self.update, body=body, options=options)

    @operation("POST", "/users/updateavatar", auth="token", content_type="multipart/form-data")
    async def update_avatar(self, file: FileInput, **options: Unpack[RequestOptions]) -> str | None:
        """Upload a new avatar image (multipart ``file``); returns the avatar's URL."""
        data: Any = await self._call(
            self.update_avatar, files={"file": one_file("file", file)}, cast_to=Any, options=options
        )
        avatar = data.get("avatar") if isinstance(data, dict) else None
        return avatar if isinstance(avatar, str) else None
