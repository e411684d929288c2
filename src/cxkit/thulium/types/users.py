"""Users and their SIP accounts (inferred: the seed lists ``GET users/:login`` in its index only)."""

from __future__ import annotations

from typing import Any

from .common import ThuliumModel

__all__ = ["User"]


class User(ThuliumModel):
    """A Thulium user and the SIP accounts assigned to them.

    Inferred from the index line "returns information about a user (assigned SIP
    accounts)"; every field the API sends is kept, the ones below are typed.
    """

    login: str
    name: str | None = None
    surname: str | None = None
    email: str | None = None
    sip_accounts: list[dict[str, Any]] | None = None
