"""Ideas categories (async source; the sync twin is generated)."""

from __future__ import annotations

from ...._core import AsyncAPIResource, AsyncPager, drop_none, operation
from ...._core.checks import check_id
from ...types.ideas import IdeasCategory

__all__ = ["AsyncIdeasCategories"]


class AsyncIdeasCategories(AsyncAPIResource):
    """Categories of ideas (customer suggestions)."""

    @operation("POST", "/ideas_category.json", wrap="ideas_category")
    async def create(self, *, category_title: str) -> IdeasCategory:
        """Create an ideas category."""
        return await self._call(
            self.create, body={"category_title": category_title}, cast_to=IdeasCategory
        )

    @operation("GET", "/ideas_category.json", paged=True, entity="ideas_category")
    def list(
        self, *, page: int | None = None, limit: int | None = None
    ) -> AsyncPager[IdeasCategory]:
        """List ideas categories; iterating follows pages lazily (``limit`` 1..100)."""
        return self._paginate(
            self.list, item=IdeasCategory, params=drop_none(page=page, limit=limit)
        )

    @operation("GET", "/ideas_category/{category_id}.json", wrap="ideas_category")
    async def get(self, category_id: int) -> IdeasCategory:
        """Get an ideas category."""
        return await self._call(
            self.get,
            path={"category_id": check_id("category_id", category_id)},
            cast_to=IdeasCategory,
        )

    @operation("PUT", "/ideas_category/{category_id}.json", wrap="ideas_category")
    async def update(self, category_id: int, *, category_title: str) -> IdeasCategory:
        """Rename an ideas category."""
        return await self._call(
            self.update,
            path={"category_id": check_id("category_id", category_id)},
            body={"category_title": category_title},
            cast_to=IdeasCategory,
        )

    @operation("PUT", "/ideas_category/{category_id}/disable.json", wrap="ideas_category")
    async def disable(self, category_id: int) -> IdeasCategory:
        """Disable an ideas category."""
        return await self._call(
            self.disable,
            path={"category_id": check_id("category_id", category_id)},
            cast_to=IdeasCategory,
        )

    @operation("PUT", "/ideas_category/{category_id}/enable.json", wrap="ideas_category")
    async def enable(self, category_id: int) -> IdeasCategory:
        """Enable an ideas category."""
        return await self._call(
            self.enable,
            path={"category_id": check_id("category_id", category_id)},
            cast_to=IdeasCategory,
        )

    @operation("DELETE", "/ideas_category/{category_id}.json")
    async def delete(self, category_id: int) -> None:
        """Delete an ideas category."""
        await self._call(self.delete, path={"category_id": check_id("category_id", category_id)})
