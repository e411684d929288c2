"""Module and special permissions (async source; the sync twin is generated)."""

from __future__ import annotations

import builtins
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ...._core import APIError, AsyncAPIResource, operation
from ...types.permissions import PermissionCheck

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncPermissionModules", "AsyncPermissions"]


class AsyncPermissionModules(AsyncAPIResource):
    """The modules open to the account."""

    @operation("GET", "/permission/module", unwrap="modules")
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[str]:
        """The keys of the modules open to the account (``tickets``, ``omnichat``...)."""
        return await self._call(self.list, cast_to=builtins.list[str], options=options)


class AsyncPermissions(AsyncAPIResource):
    """What the logged-in user (or the secret key's account) may do."""

    @cached_property
    def modules(self) -> AsyncPermissionModules:
        """The modules open to the account."""
        return AsyncPermissionModules(self._client)

    @operation("GET", "/permission/module/permission/{module}", unwrap="permission")
    async def list(self, module: str, **options: Unpack[RequestOptions]) -> builtins.list[str]:
        """The permissions the user has on ``module`` (``view``, ``create``, ``update``...)."""
        return await self._call(
            self.list, path={"module": module}, cast_to=builtins.list[str], options=options
        )

    @operation("POST", "/permission/module/permission", idempotent=True)
    async def check(
        self, *, module: str, permission: str, **options: Unpack[RequestOptions]
    ) -> PermissionCheck:
        """Whether the user has ``permission`` on ``module``: see ``result.allowed``.

        A read-only POST, so it is retried like a GET.
        """
        body = {
            "module": module,
            "permission": permission,
        }
        return await self._call(self.check, body=body, cast_to=PermissionCheck, options=options)

    @operation("GET", "/permission/special/{action}")
    async def check_special(self, action: str, **options: Unpack[RequestOptions]) -> bool:
        """Whether the user has the special permission ``action`` (``sendsms``,
        ``sendemail``, ``click2call``...).

        ``True`` when the answer says ``status: true``, ``False`` when an HTTP 200
        answer says ``status: false``; HTTP errors still raise.
        """
        try:
            await self._call(
                self.check_special, path={"action": action}, cast_to=Any, options=options
            )
        except APIError as exc:
            if exc.http_status == 200 and exc.status_code not in (401, 429):
                return False
            raise
        return True
