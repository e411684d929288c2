"""Staff members (async source; the sync twin is generated)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, AsyncPager, drop_none, need_some, operation
from ..._checks import id_path, replacement
from ..._dialect import OmnideskHints
from ...types.staff import Staff

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncStaffMembers"]


class AsyncStaffMembers(AsyncAPIResource):
    """Staff members (agents)."""

    @operation("POST", "/staff.json", wrap="staff")
    async def create(
        self,
        *,
        staff_email: str,
        staff_full_name: str | None = None,
        staff_signature: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Staff:
        """Add a staff member."""
        body = drop_none(
            staff_email=staff_email,
            staff_full_name=staff_full_name,
            staff_signature=staff_signature,
        )
        return await self._call(self.create, body=body, cast_to=Staff, options=options)

    @operation("GET", "/staff.json", paged=True, hints=OmnideskHints(entity="staff"))
    def list(
        self,
        *,
        page: int | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Staff]:
        """List staff members; iterating follows pages lazily (``limit`` 1..100)."""
        return self._paginate(
            self.list, item=Staff, params=drop_none(page=page, limit=limit), options=options
        )

    @operation("GET", "/staff/{staff_id}.json", wrap="staff")
    async def get(self, staff_id: int, **options: Unpack[RequestOptions]) -> Staff:
        """Get a staff member."""
        return await self._call(
            self.get, path=id_path(staff_id=staff_id), cast_to=Staff, options=options
        )

    @operation("PUT", "/staff/{staff_id}.json", wrap="staff")
    async def update(
        self,
        staff_id: int,
        *,
        staff_email: str | None = None,
        staff_full_name: str | None = None,
        staff_signature: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Staff:
        """Change a staff member."""
        body = drop_none(
            staff_email=staff_email,
            staff_full_name=staff_full_name,
            staff_signature=staff_signature,
        )
        need_some(body, "staff.update")
        return await self._call(
            self.update, path=id_path(staff_id=staff_id), body=body, cast_to=Staff, options=options
        )

    @operation("PUT", "/staff/{staff_id}/disable.json", wrap="staff")
    async def disable(
        self,
        staff_id: int,
        *,
        replace_staff_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Staff:
        """Disable a staff member; ``replace_staff_id`` takes over rules, shared templates
        and open and waiting cases (in the background, may take a while)."""
        return await self._call(
            self.disable,
            path=id_path(staff_id=staff_id),
            body=replacement("replace_staff_id", replace_staff_id),
            cast_to=Staff,
            options=options,
        )

    @operation("PUT", "/staff/{staff_id}/enable.json", wrap="staff")
    async def enable(self, staff_id: int, **options: Unpack[RequestOptions]) -> Staff:
        """Enable a staff member."""
        return await self._call(
            self.enable, path=id_path(staff_id=staff_id), cast_to=Staff, options=options
        )

    @operation("DELETE", "/staff/{staff_id}.json", wrap="staff")
    async def delete(
        self,
        staff_id: int,
        *,
        replace_staff_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete a staff member; ``replace_staff_id`` takes over rules, shared templates
        and all their cases (in the background, may take a while)."""
        await self._call(
            self.delete,
            path=id_path(staff_id=staff_id),
            body=replacement("replace_staff_id", replace_staff_id),
            options=options,
        )
