"""Call-center phones, hotlines and extensions (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    NotFoundError,
    drop_none,
    model_or_value,
    operation,
)
from ..._answers import one
from ...types.call_center import Extension, InternalPhone
from ...types.common import WriteResult

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncExtensions", "AsyncHotlines", "AsyncInternalPhones"]


class AsyncInternalPhones(AsyncAPIResource):
    """Internal phones (extensions / SIP accounts): Settings > Call center > Extensions."""

    @operation("GET", "/api/call_center/internal_phone/list", paged=True)
    def list(
        self,
        *,
        keyword: str | None = None,
        page: int | None = None,
        size: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[InternalPhone]:
        """List internal phones; pages follow lazily. ``keyword`` matches the extension."""
        params = drop_none(keyword=keyword, page=page, size=size)
        return self._paginate(self.list, item=InternalPhone, params=params, options=options)

    @operation("PUT", "/api/call_center/internal_phone/status")
    async def update_status(
        self, *, sip_user: str, enabled: bool, **options: Unpack[RequestOptions]
    ) -> InternalPhone | None:
        """Turn an extension on (``enabled=True``) or off."""
        if not isinstance(enabled, bool):
            raise TypeError("enabled must be True or False")
        params = {"sip_user": sip_user, "enabled": enabled}
        data = await self._call(
            self.update_status,
            params=params,
            cast_to=model_or_value(InternalPhone),
            options=options,
        )
        return one(self._client._parse, InternalPhone, data)


class AsyncHotlines(AsyncAPIResource):
    """Hotlines (public numbers) extensions may call out from."""

    @operation("GET", "/api/call_center/hotline/list", listing=True)
    async def list(self, *, extension: str, **options: Unpack[RequestOptions]) -> list[str]:
        """The active hotlines an extension may call out from (a plain list, not paged)."""
        params = {"extension": extension}
        return await self._call(self.list, params=params, cast_to=list[str], options=options)

    @operation("POST", "/api/call_center/hotline/extension/update")
    async def assign_extension(
        self,
        *,
        hotline: str,
        user_email: str,
        directions: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> WriteResult:
        """Reserve a hotline for a single extension (user).

        The docs give no request fields: ``hotline``, ``user_email`` and
        ``directions`` are the SDK's best reading; the per-call ``extra_body`` adds or
        overrides fields. The docs show no answer: it is kept in ``payload``.
        """
        body: dict[str, Any] = {
            "hotline": hotline,
            "user_email": user_email,
        }
        if directions is not None:
            if isinstance(directions, (str, bytes)):
                raise TypeError("directions must be a list of strings")
            body["directions"] = list(directions)
        data = await self._call(self.assign_extension, body=body, cast_to=Any, options=options)
        return WriteResult(payload=data)


class AsyncExtensions(AsyncAPIResource):
    """Call-center (PBX/SIP) accounts of users."""

    @operation("GET", "/api/call_center/extensions/detail")
    async def find(
        self, *, type: str, keyword: str, **options: Unpack[RequestOptions]
    ) -> Extension | None:
        """A user's extension and SIP account, looked up by ``type`` (e.g. ``user_email``).

        ``None`` when nothing matches (a "not found" answer is not raised).
        """
        params = {"type": type, "keyword": keyword}
        try:
            data = await self._call(
                self.find, params=params, cast_to=model_or_value(Extension), options=options
            )
        except NotFoundError:
            return None
        return one(self._client._parse, Extension, data)
