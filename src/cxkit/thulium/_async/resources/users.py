"""Users (async source; the sync twin is generated)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, operation
from ..._checks import check_login
from ...types.users import User

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncUsers"]


class AsyncUsers(AsyncAPIResource):
    """Thulium users."""

    @operation("GET", "/users/{login}")
    async def get(self, login: str, **options: Unpack[RequestOptions]) -> User:
        """Get user ``login`` with the SIP accounts assigned to them.

        Inferred: the seed lists this endpoint in its index only; the answer is
        read as one user object.
        """
        return await self._call(
            self.get, path={"login": check_login("login", login)}, cast_to=User, options=options
        )
