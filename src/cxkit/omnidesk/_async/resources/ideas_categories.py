"""Ideas categories (async source; the sync twin is generated)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, AsyncPager, drop_none, operation
from ..._checks import id_path
from ..._dialect import OmnideskHints
from ...types.ideas import IdeasCategory

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncIdeasCategories"]


class AsyncIdeasCategories(AsyncAPIResource):
    """Categories of ideas (customer suggestions)."""

    @operation("POST", "/ideas_category.json", wrap="ideas_category")
    async def create(
        self, *, category_title: str, **options: Unpack[RequestOptions]
    ) -> IdeasCategory:
        """Create an ideas category."""
        return await self._call(
            self.create,
            body={"category_title": category_title},
            cast_to=IdeasCategory,
            options=options,
        )

    @operation(
        "GET", "/ideas_category.json", paged=True, hints=OmnideskHints(entity="ideas_category")
    )
    def list(
        self,
        *,
        page: int | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[IdeasCategory]:
        """List ideas categories; iterating follows pages lazily (``limit`` 1..100)."""
        return self._paginate(
            self.list, item=IdeasCategory, params=drop_none(page=page, limit=limit), options=options
        )

    @operation("GET", "/ideas_category/{category_id}.json", wrap="ideas_category")
    async def get(self, category_id: int, **options: Unpack[RequestOptions]) -> IdeasCategory:
        """Get an ideas category."""
        return await self._call(
            self.get, path=id_path(category_id=category_id), cast_to=IdeasCategory, options=options
        )

    @operation("PUT", "/ideas_category/{category_id}.json", wrap="ideas_category")
    async def update(
        self, category_id: int, *, category_title: str, **options: Unpack[RequestOptions]
    ) -> IdeasCategory:
        """Rename an ideas category."""
        return await self._call(
            self.update,
            path=id_path(category_id=category_id),
            body={"category_title": category_title},
            cast_to=IdeasCategory,
            options=options,
        )

    @operation("PUT", "/ideas_category/{category_id}/disable.json", wrap="ideas_category")
    async def disable(self, category_id: int, **options: Unpack[RequestOptions]) -> IdeasCategory:
        """Disable an ideas category."""
        return await self._call(
            self.disable,
            path=id_path(category_id=category_id),
            cast_to=IdeasCategory,
            options=options,
        )

    @operation("PUT", "/ideas_category/{category_id}/enable.json", wrap="ideas_category")
    async def enable(self, category_id: int, **options: Unpack[RequestOptions]) -> IdeasCategory:
        """Enable an ideas category."""
        return await self._call(
            self.enable,
            path=id_path(category_id=category_id),
            cast_to=IdeasCategory,
            options=options,
        )

    @operation("DELETE", "/ideas_category/{category_id}.json")
    async def delete(self, category_id: int, **options: Unpack[RequestOptions]) -> None:
        """Delete an ideas category."""
        await self._call(self.delete, path=id_path(category_id=category_id), options=options)
