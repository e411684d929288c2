"""The login answer."""

from __future__ import annotations

from pydantic import SecretStr

from ..._core import CXModel
from .users import UserProfile

__all__ = ["LoginResult", "UserInfo"]


class UserInfo(UserProfile):
    """The logged-in user, as ``GET /login`` describes it (``client.userinfo``)."""

    customer_code: str | None = None


class LoginResult(CXModel):
    """The answer of ``GET /login``: the token (masked in ``repr``) and the user."""

    token: SecretStr | None = None
    userinfo: UserInfo | None = None
