"""Internal (ring) groups (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    check_int,
    check_text,
    check_texts,
    drop_none,
    model_or_value,
    operation,
)
from ..._answers import one
from ...types.call_center import GroupStrategy, InternalGroup

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

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
        self,
        *,
        keyword: str | None = None,
        page: int | None = None,
        size: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[InternalGroup]:
        """List internal groups; pages follow lazily."""
        params = drop_none(keyword=keyword, page=page, size=size)
        return self._paginate(self.list, item=InternalGroup, params=params, options=options)

    @operation("POST", "/api/call_center/internal_group/add")
    async def create(
        self,
        *,
        group_name: str,
        sip_members: Sequence[str],
        strategy: GroupStrategy = "enterprise",
        ring_timeout: int = 30,
        **options: Unpack[RequestOptions],
    ) -> InternalGroup:
        """Create a group of extensions; ``ring_timeout`` is how long each member rings (seconds).

        ``ring_timeout`` is sent as the documented ``timeout`` field (the name
        ``timeout`` is the per-call request timeout).

        ``strategy``: ``enterprise`` rings all at once, ``rollover`` in turn, ``random``.
        """
        body = _group_body(group_name, strategy, sip_members, ring_timeout)
        return await self._call(self.create, body=body, cast_to=InternalGroup, options=options)

    @operation("POST", "/api/call_center/internal_group/update/{id}")
    async def update(
        self,
        id: str,
        *,
        group_name: str,
        sip_members: Sequence[str],
        strategy: GroupStrategy = "enterprise",
        ring_timeout: int = 30,
        **options: Unpack[RequestOptions],
    ) -> InternalGroup:
        """Replace a group's name, members, strategy and ``ring_timeout`` (sent as ``timeout``)."""
        body = _group_body(group_name, strategy, sip_members, ring_timeout)
        return await self._call(
            self.update, path={"id": id}, body=body, cast_to=InternalGroup, options=options
        )

    async def _members(
        self, endpoint: Any, group_id: str, sip_users: Sequence[str], options: Any
    ) -> InternalGroup | None:
        body = {"group_id": group_id, "sip_users": check_texts("sip_users", sip_users)}
        data = await self._call(
            endpoint, body=body, cast_to=model_or_value(InternalGroup), options=options
        )
        return one(self._client._parse, InternalGroup, data)

    @operation("POST", "/api/call_center/internal_group/add-members")
    async def add_members(
        self, group_id: str, *, sip_users: Sequence[str], **options: Unpack[RequestOptions]
    ) -> InternalGroup | None:
        """Add extensions to a group."""
        return await self._members(self.add_members, group_id, sip_users, options)

    @operation("POST", "/api/call_center/internal_group/remove-members")
    async def remove_members(
        self, group_id: str, *, sip_users: Sequence[str], **options: Unpack[RequestOptions]
    ) -> InternalGroup | None:
        """Remove extensions from a group."""
        return await self._members(self.remove_members, group_id, sip_users, options)

    @operation("DELETE", "/api/call_center/internal_group/delete/{id}")
    async def delete(self, id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a group."""
        await self._call(self.delete, path={"id": id}, options=options)
