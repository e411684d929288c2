"""Companies (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    drop_none,
    need_some,
    operation,
    opt_id,
)
from ..._checks import check_search, comma_list, id_path
from ..._dialect import OmnideskHints
from ...types.companies import Company

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncCompanies"]


class AsyncCompanies(AsyncAPIResource):
    """Companies users belong to."""

    @operation("POST", "/companies.json", wrap="company")
    async def create(
        self,
        *,
        company_name: str,
        company_domains: str | Sequence[str] | None = None,
        company_default_group: int | None = None,
        company_address: str | None = None,
        company_note: str | None = None,
        company_users: str | Sequence[int] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Company:
        """Create a company.

        ``company_domains`` (users of these domains join automatically) and
        ``company_users`` (user ids) are sent comma-separated.
        """
        body = drop_none(
            company_name=company_name,
            company_domains=comma_list("company_domains", company_domains),
            company_default_group=opt_id("company_default_group", company_default_group),
            company_address=company_address,
            company_note=company_note,
            company_users=comma_list("company_users", company_users),
        )
        return await self._call(self.create, body=body, cast_to=Company, options=options)

    @operation("GET", "/companies.json", paged=True, hints=OmnideskHints(entity="company"))
    def list(
        self,
        *,
        page: int | None = None,
        limit: int | None = None,
        company_name: str | None = None,
        company_domains: str | None = None,
        company_address: str | None = None,
        company_note: str | None = None,
        amount_of_users: bool | None = None,
        amount_of_cases: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Company]:
        """List companies; iterating follows pages lazily (``limit`` 1..100, default 100).

        ``company_name``, ``company_domains``, ``company_address`` and
        ``company_note`` are substring searches (at least 3 characters); anchor them
        with ``^``: ``^text^`` matches exactly, ``^text`` the start, ``text^`` the end.
        ``amount_of_users`` / ``amount_of_cases`` add those counts.
        """
        params = drop_none(
            page=page,
            limit=limit,
            company_name=check_search("company_name", company_name, 3),
            company_domains=check_search("company_domains", company_domains, 3),
            company_address=check_search("company_address", company_address, 3),
            company_note=check_search("company_note", company_note, 3),
            amount_of_users=amount_of_users,
            amount_of_cases=amount_of_cases,
        )
        return self._paginate(self.list, item=Company, params=params, options=options)

    @operation("GET", "/companies/{company_id}.json", wrap="company")
    async def get(self, company_id: int, **options: Unpack[RequestOptions]) -> Company:
        """Get a company."""
        return await self._call(
            self.get, path=id_path(company_id=company_id), cast_to=Company, options=options
        )

    @operation("PUT", "/companies/{company_id}.json", wrap="company")
    async def update(
        self,
        company_id: int,
        *,
        company_name: str | None = None,
        add_company_domains: str | Sequence[str] | None = None,
        remove_company_domains: str | Sequence[str] | None = None,
        company_default_group: int | None = None,
        company_address: str | None = None,
        company_note: str | None = None,
        add_company_users: str | Sequence[int] | None = None,
        remove_company_users: str | Sequence[int] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Company:
        """Change a company; domains and user ids are added or removed (comma-separated)."""
        body = drop_none(
            company_name=company_name,
            add_company_domains=comma_list("add_company_domains", add_company_domains),
            remove_company_domains=comma_list("remove_company_domains", remove_company_domains),
            company_default_group=opt_id("company_default_group", company_default_group),
            company_address=company_address,
            company_note=company_note,
            add_company_users=comma_list("add_company_users", add_company_users),
            remove_company_users=comma_list("remove_company_users", remove_company_users),
        )
        need_some(body, "companies.update")
        return await self._call(
            self.update,
            path=id_path(company_id=company_id),
            body=body,
            cast_to=Company,
            options=options,
        )

    @operation("PUT", "/companies/{company_id}/disable.json", wrap="company")
    async def disable(self, company_id: int, **options: Unpack[RequestOptions]) -> Company:
        """Delete a company softly (moved to the deleted list; ``restore`` brings it back)."""
        return await self._call(
            self.disable, path=id_path(company_id=company_id), cast_to=Company, options=options
        )

    @operation("PUT", "/companies/{company_id}/block.json", wrap="company")
    async def block(self, company_id: int, **options: Unpack[RequestOptions]) -> Company:
        """Block a company."""
        return await self._call(
            self.block, path=id_path(company_id=company_id), cast_to=Company, options=options
        )

    @operation("PUT", "/companies/{company_id}/restore.json", wrap="company")
    async def restore(self, company_id: int, **options: Unpack[RequestOptions]) -> Company:
        """Unblock a company, or restore a deleted one."""
        return await self._call(
            self.restore, path=id_path(company_id=company_id), cast_to=Company, options=options
        )

    @operation("DELETE", "/companies/{company_id}.json")
    async def delete(self, company_id: int, **options: Unpack[RequestOptions]) -> None:
        """Delete a company for good (staff with full access only)."""
        await self._call(self.delete, path=id_path(company_id=company_id), options=options)
