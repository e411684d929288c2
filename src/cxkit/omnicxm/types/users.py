"""Users, business units and PBX users."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..._core import CXModel

__all__ = ["Language", "PbxUser", "PbxUsers", "Sex", "User", "UserEntry", "UserProfile"]

Language = Literal["vietnamese", "english"]
"""The interface languages the docs name."""

Sex = Literal["male", "female"]
"""``sex`` as the docs spell it."""


class UserProfile(CXModel):
    """The fields both the login answer's user (``UserInfo``) and ``users.me`` (``User``) carry."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None
    sex: str | None = None
    avatar: str | None = None
    language: str | None = None
    timezone: str | None = None
    usertype: str | None = None
    extension: str | None = None


class User(UserProfile):
    """The user behind the login token (``users.me``)."""

    id: str
    username: str | None = None


class UserEntry(CXModel):
    """A user or a business unit (``type`` ``user`` or ``bu``).

    ``value`` (``user_<id>`` / ``bu_<id>``) is what assignee and cc fields take.
    """

    value: str
    type: str | None = None
    name: str | None = None
    username: str | None = None


class PbxUser(CXModel):
    """A user of a PBX customer (``users.list_pbx``)."""

    value: str
    type: str | None = None
    username: str | None = None
    name: str | None = None


class PbxUsers(CXModel):
    """The users of a PBX customer and its counts.

    ``users_owner`` is the API's ``usersOwer`` (sic).
    """

    version: str | None = None
    users_general: int | None = Field(default=None, alias="usersGeneral")
    users_owner: int | None = Field(default=None, alias="usersOwer")
    users: list[PbxUser] | None = None
