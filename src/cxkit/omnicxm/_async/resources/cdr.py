"""Call detail records (async source; the sync twin is generated)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, AsyncPager, drop_none, operation
from ..._checks import EpochInput, check_range, opt_epoch
from ...types.cdr import CDRRecord

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncCDR"]


class AsyncCDR(AsyncAPIResource):
    """Call detail records."""

    # A POST whose parameters are all in the query string and that only reads: retried
    # like a GET.
    @operation("POST", "/call/CDR", paged=True, idempotent=True)
    def list(
        self,
        *,
        startdate: EpochInput | None = None,
        enddate: EpochInput | None = None,
        take: int | None = None,
        page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[CDRRecord]:
        """Calls between ``startdate`` and ``enddate`` (aware datetimes or epoch seconds,
        at most one month apart), ``take`` (at most 100) per page; pages follow lazily."""
        start = opt_epoch("startdate", startdate)
        end = opt_epoch("enddate", enddate)
        check_range(start, end)
        params = drop_none(take=take, page=page, startdate=start, enddate=end)
        return self._paginate(self.list, item=CDRRecord, params=params, options=options)
