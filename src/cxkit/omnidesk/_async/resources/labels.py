"""Case labels (async source; the sync twin is generated)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, AsyncPager, drop_none, operation
from ..._checks import id_path
from ..._dialect import OmnideskHints
from ...types.labels import Label

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncLabels"]


class AsyncLabels(AsyncAPIResource):
    """Case labels."""

    @operation("POST", "/labels.json", wrap="label")
    async def create(self, *, label_title: str, **options: Unpack[RequestOptions]) -> Label:
        """Create a label."""
        return await self._call(
            self.create, body={"label_title": label_title}, cast_to=Label, options=options
        )

    @operation("GET", "/labels.json", paged=True, hints=OmnideskHints(entity="label"))
    def list(
        self,
        *,
        page: int | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Label]:
        """List labels; iterating follows pages lazily (``limit`` 1..100)."""
        return self._paginate(
            self.list, item=Label, params=drop_none(page=page, limit=limit), options=options
        )

    @operation("PUT", "/labels/{label_id}.json", wrap="label")
    async def update(
        self, label_id: int, *, label_title: str, **options: Unpack[RequestOptions]
    ) -> Label:
        """Rename a label."""
        return await self._call(
            self.update,
            path=id_path(label_id=label_id),
            body={"label_title": label_title},
            cast_to=Label,
            options=options,
        )

    @operation("DELETE", "/labels/{label_id}.json")
    async def delete(self, label_id: int, **options: Unpack[RequestOptions]) -> None:
        """Delete a label."""
        await self._call(self.delete, path=id_path(label_id=label_id), options=options)
