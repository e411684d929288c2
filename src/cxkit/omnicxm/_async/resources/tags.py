"""Tags (async source; the sync twin is generated)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, AsyncPager, check_text, drop_none, operation
from ..._checks import EpochInput, opt_epoch
from ..._dialect import body_paged_read
from ...query import Direction, Sort, build_sort
from ...types.tags import Tag

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncTags"]


class AsyncTags(AsyncAPIResource):
    """Tags of tickets and CRM records."""

    @operation("GET", "/settings/generalconfig/tags", paged=True)
    def list(
        self,
        *,
        module: str | None = None,
        take: int | None = None,
        page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Tag]:
        """The tags, of one ``module`` (its alias) or all; pages follow lazily when ``take``
        is given."""
        params = drop_none(
            module=check_text("module", module) if module is not None else None,
            take=take,
            page=page,
        )
        return self._paginate(self.list, item=Tag, params=params, options=options)

    # The curl example has no body; its PHP and axios twins send the one used here.
    @body_paged_read("/settings/generalconfig/tags/read")
    def read(
        self,
        *,
        sort: Sort | tuple[str, Direction] | str | None = None,
        startdate: EpochInput | None = None,
        enddate: EpochInput | None = None,
        searchtext: str | None = None,
        take: int | None = None,
        page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Tag]:
        """Tags whose text contains ``searchtext``, created between ``startdate`` and
        ``enddate``, in ``sort`` order (one field: here the API takes a single
        ``{"field", "dir"}`` object); pages follow lazily. A read-only POST."""
        if isinstance(sort, list):
            raise TypeError("tags.read sorts on one field: pass one Sort or ('field', 'dir')")
        wire_sort = build_sort(sort)
        body = drop_none(
            take=take,
            page=page,
            sort=wire_sort[0] if wire_sort else None,
            startdate=opt_epoch("startdate", startdate),
            enddate=opt_epoch("enddate", enddate),
            searchtext=searchtext,
        )
        return self._paginate(self.read, item=Tag, body=body, options=options)
