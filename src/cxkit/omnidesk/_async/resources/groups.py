"""Staff groups (async source; the sync twin is generated)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, AsyncPager, drop_none, need_some, operation
from ..._checks import id_path, replacement
from ..._dialect import OmnideskHints
from ...types.groups import Group

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncGroups"]


class AsyncGroups(AsyncAPIResource):
    """Groups of staff members."""

    @operation("POST", "/groups.json", wrap="group")
    async def create(
        self,
        *,
        group_title: str,
        group_from_name: str | None = None,
        group_signature: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Group:
        """Create a group (``group_from_name`` and ``group_signature`` are used in replies)."""
        body = drop_none(
            group_title=group_title,
            group_from_name=group_from_name,
            group_signature=group_signature,
        )
        return await self._call(self.create, body=body, cast_to=Group, options=options)

    @operation("GET", "/groups.json", paged=True, hints=OmnideskHints(entity="group"))
    def list(
        self,
        *,
        page: int | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Group]:
        """List groups; iterating follows pages lazily (``limit`` 1..100)."""
        return self._paginate(
            self.list, item=Group, params=drop_none(page=page, limit=limit), options=options
        )

    @operation("GET", "/groups/{group_id}.json", wrap="group")
    async def get(self, group_id: int, **options: Unpack[RequestOptions]) -> Group:
        """Get a group."""
        return await self._call(
            self.get, path=id_path(group_id=group_id), cast_to=Group, options=options
        )

    @operation("PUT", "/groups/{group_id}.json", wrap="group")
    async def update(
        self,
        group_id: int,
        *,
        group_title: str | None = None,
        group_from_name: str | None = None,
        group_signature: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Group:
        """Change a group."""
        body = drop_none(
            group_title=group_title,
            group_from_name=group_from_name,
            group_signature=group_signature,
        )
        need_some(body, "groups.update")
        return await self._call(
            self.update, path=id_path(group_id=group_id), body=body, cast_to=Group, options=options
        )

    @operation("PUT", "/groups/{group_id}/disable.json", wrap="group")
    async def disable(
        self,
        group_id: int,
        *,
        replace_group_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Group:
        """Disable a group; ``replace_group_id`` takes its place where it is used.

        The replacement runs in the background and may take a while.
        """
        return await self._call(
            self.disable,
            path=id_path(group_id=group_id),
            body=replacement("replace_group_id", replace_group_id),
            cast_to=Group,
            options=options,
        )

    @operation("PUT", "/groups/{group_id}/enable.json", wrap="group")
    async def enable(self, group_id: int, **options: Unpack[RequestOptions]) -> Group:
        """Enable a group."""
        return await self._call(
            self.enable, path=id_path(group_id=group_id), cast_to=Group, options=options
        )

    @operation("DELETE", "/groups/{group_id}.json", wrap="group")
    async def delete(
        self,
        group_id: int,
        *,
        replace_group_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete a group; ``replace_group_id`` takes its place where it is used."""
        await self._call(
            self.delete,
            path=id_path(group_id=group_id),
            body=replacement("replace_group_id", replace_group_id),
            options=options,
        )
