"""The login answer."""

from __future__ import annotations

from pydantic import SecretStr

from ..._core import CXModel

__all__ = ["LoginResult", "UserInfo"]


class UserInfo(CXModel):
    """The logged-in user, as ``GET /login`` describes it (``client.userinfo``)."""

    customer_code: str | None = None
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    sex: str | None = None
    avatar: str | None = None
    language: str | None = None
    timezone: str | None = None
    extension: str | None = None
    usertype: str | None = None


class LoginResult(CXModel):
    """The answer of ``GET /login``: the token (masked in ``repr``) and the user."""

    token: SecretStr | None = None
    userinfo: UserInfo | None = None
