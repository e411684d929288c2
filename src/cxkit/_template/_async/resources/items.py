"""Items (async source; the sync twin is generated)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, AsyncPager, drop_none, id_path, operation
from ...types.items import Item

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncItems"]


class AsyncItems(AsyncAPIResource):
    """Items."""

    @operation("GET", "/items", paged=True)
    def list(
        self,
        *,
        page: int | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Item]:
        """List items; iterating follows pages lazily (``limit`` 1..100)."""
        return self._paginate(
            self.list, item=Item, params=drop_none(page=page, limit=limit), options=options
        )

    @operation("GET", "/items/{item_id}")
    async def get(self, item_id: int, **options: Unpack[RequestOptions]) -> Item:
        """Get an item."""
        return await self._call(
            self.get, path=id_path(item_id=item_id), cast_to=Item, options=options
        )

    @operation("POST", "/items")
    async def create(self, *, name: str, **options: Unpack[RequestOptions]) -> Item:
        """Create an item."""
        return await self._call(self.create, body={"name": name}, cast_to=Item, options=options)

    @operation("PUT", "/items/{item_id}")
    async def update(self, item_id: int, *, name: str, **options: Unpack[RequestOptions]) -> Item:
        """Rename an item."""
        return await self._call(
            self.update,
            path=id_path(item_id=item_id),
            body={"name": name},
            cast_to=Item,
            options=options,
        )

    @operation("DELETE", "/items/{item_id}")
    async def delete(self, item_id: int, **options: Unpack[RequestOptions]) -> None:
        """Delete an item."""
        await self._call(self.delete, path=id_path(item_id=item_id), options=options)

    # A PUT whose second call differs from the first: declared non-idempotent, so a
    # failed attempt is never replayed.
    @operation("PUT", "/items/{item_id}/moveup", idempotent=False)
    async def moveup(self, item_id: int, **options: Unpack[RequestOptions]) -> None:
        """Move an item one place up."""
        await self._call(self.moveup, path=id_path(item_id=item_id), options=options)
