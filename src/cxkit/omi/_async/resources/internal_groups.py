"""Internal (ring) groups (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...._core import AsyncAPIResource, AsyncPager, drop_none, operation
from ...._core.checks import check_int, check_text, check_texts
from ..._answers import one
from ...types.call_center import GroupStrategy, InternalGroup

__all__ = ["AsyncInternalGroups"]

STRATEGIES = ("enterprise", "rollover", "random")


def _group_body(
    group_name: str, strategy: GroupStrategy, sip_members: Sequence[str], timeout: int
) -> dict[str, Any]:
    if strategy not in STRATEGIES:
        raise ValueError(f"strategy must be one of {', '.join(STRATEGIES)}")
    return {
        "group_name": check_text("group_name", group_name),
        "strategy": strategy,
        "sip_members": check_texts("sip_members", sip_members),
        "timeout": check_int("timeout", timeout, low=1),
    }


class AsyncInternalGroups(AsyncAPIResource):
    """Internal (ring) groups of extensions."""

    @operation("GET", "/api/call_center/internal_group/list", paged=True)
    def list(
        self, *, keyword: str | None = None, page: int | None = None, size: int | None = None
    ) -> AsyncPager[InternalGroup]:
        """List internal groups; pages follow lazily."""
        params = drop_none(keyword=keyword, page=page, size=size)
        return self._paginate(self.list, item=InternalGroup, params=params)

    @operation("POST", "/api/call_center/internal_group/add")
    async def create(
        self,
        *,
        group_name: str,
        sip_members: Sequence[str],
        strategy: GroupStrategy = "enterprise",
        timeout: int = 30,
    ) -> InternalGroup:
        """Create a group of extensions; ``timeout`` is how long each member rings (seconds).

        ``strategy``: ``enterprise`` rings all at once, ``rollover`` in turn, ``random``.
        """
        body = _group_body(group_name, strategy, sip_members, timeout)
        result: InternalGroup = await self._call(self.create, body=body, cast_to=InternalGroup)
        return result

    @operation("POST", "/api/call_center/internal_group/update/{id}")
    async def update(
        self,
        id: str,
        *,
        group_name: str,
        sip_members: Sequence[str],
        strategy: GroupStrategy = "enterprise",
        timeout: int = 30,
    ) -> InternalGroup:
        """Replace a group's name, members, strategy and timeout (all are required)."""
        body = _group_body(group_name, strategy, sip_members, timeout)
        result: InternalGroup = await self._call(
            self.update, path={"id": check_text("id", id)}, body=body, cast_to=InternalGroup
        )
        return result

    @operation("POST", "/api/call_center/internal_group/add-members")
    async def add_members(self, group_id: str, *, sip_users: Sequence[str]) -> InternalGroup | None:
        """Add extensions to a group."""
        body = {
            "group_id": check_text("group_id", group_id),
            "sip_users": check_texts("sip_users", sip_users),
        }
        data = await self._call(self.add_members, body=body, cast_to=Any)
        return one(self._client._parse, InternalGroup, data)

    @operation("POST", "/api/call_center/internal_group/remove-members")
    async def remove_members(
        self, group_id: str, *, sip_users: Sequence[str]
    ) -> InternalGroup | None:
        """Remove extensions from a group."""
        body = {
            "group_id": check_text("group_id", group_id),
            "sip_users": check_texts("sip_users", sip_users),
        }
        data = await self._call(self.remove_members, body=body, cast_to=Any)
        return one(self._client._parse, InternalGroup, data)

    @operation("DELETE", "/api/call_center/internal_group/delete/{id}")
    async def delete(self, id: str) -> None:
        """Delete a group."""
        await self._call(self.delete, path={"id": check_text("id", id)})
