"""Users (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    TimeInput,
    check_id,
    drop_none,
    need_some,
    operation,
    opt_id,
    time_value,
)
from ..._checks import check_search, id_path, user_fields
from ..._dialect import OmnideskHints
from ...types.identification import IdentificationCode
from ...types.users import User

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncUsers"]


class AsyncUsers(AsyncAPIResource):
    """Users (customers)."""

    @operation("POST", "/users.json", wrap="user")
    async def create(
        self,
        *,
        user_email: str | None = None,
        user_phone: str | None = None,
        user_whatsapp_phone: str | None = None,
        user_telegram_data: str | None = None,
        user_custom_id: str | None = None,
        user_custom_channel: str | None = None,
        user_full_name: str | None = None,
        company_name: str | None = None,
        company_position: str | None = None,
        user_note: str | None = None,
        language_id: int | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> User:
        """Create a user.

        One of ``user_email``, ``user_phone``, ``user_whatsapp_phone``,
        ``user_telegram_data`` (username or phone) or ``user_custom_id`` (with its
        ``user_custom_channel``, e.g. ``cch101``) identifies the user.
        """
        body = user_fields(
            "users.create",
            user_email=user_email,
            user_phone=user_phone,
            user_whatsapp_phone=user_whatsapp_phone,
            user_telegram_data=user_telegram_data,
            user_custom_id=user_custom_id,
            user_custom_channel=user_custom_channel,
            user_full_name=user_full_name,
            company_name=company_name,
            company_position=company_position,
            user_note=user_note,
            language_id=opt_id("language_id", language_id),
            custom_fields=None if custom_fields is None else dict(custom_fields),
        )
        return await self._call(self.create, body=body, cast_to=User, options=options)

    @operation("GET", "/users.json", paged=True, hints=OmnideskHints(entity="user"))
    def list(
        self,
        *,
        page: int | None = None,
        limit: int | None = None,
        user_email: str | None = None,
        user_phone: str | None = None,
        language_id: int | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        amount_of_cases: bool | None = None,
        from_time: TimeInput | None = None,
        to_time: TimeInput | None = None,
        from_updated_time: TimeInput | None = None,
        to_updated_time: TimeInput | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[User]:
        """List users; iterating follows pages lazily (``limit`` 1..100, default 100).

        ``user_email`` and ``user_phone`` are substring searches (at least 3
        characters); anchor them with ``^``: ``^text^`` matches exactly, ``^text``
        the start, ``text^`` the end. ``amount_of_cases=True`` adds each user's
        number of cases. Times take a date string, a Unix timestamp or an aware datetime.
        """
        params = drop_none(
            page=page,
            limit=limit,
            user_email=check_search("user_email", user_email, 3),
            user_phone=check_search("user_phone", user_phone, 3),
            language_id=opt_id("language_id", language_id),
            custom_fields=None if custom_fields is None else dict(custom_fields),
            amount_of_cases=amount_of_cases,
            from_time=time_value("from_time", from_time),
            to_time=time_value("to_time", to_time),
            from_updated_time=time_value("from_updated_time", from_updated_time),
            to_updated_time=time_value("to_updated_time", to_updated_time),
        )
        return self._paginate(self.list, item=User, params=params, options=options)

    @operation("GET", "/users/{user_id}.json", wrap="user")
    async def get(self, user_id: int, **options: Unpack[RequestOptions]) -> User:
        """Get a user."""
        return await self._call(
            self.get, path=id_path(user_id=user_id), cast_to=User, options=options
        )

    @operation("PUT", "/users/{user_id}.json", wrap="user")
    async def update(
        self,
        user_id: int,
        *,
        user_email: str | None = None,
        user_full_name: str | None = None,
        company_name: str | None = None,
        company_position: str | None = None,
        user_note: str | None = None,
        language_id: int | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> User:
        """Change a user (``user_email`` only while it is not confirmed)."""
        body = drop_none(
            user_email=user_email,
            user_full_name=user_full_name,
            company_name=company_name,
            company_position=company_position,
            user_note=user_note,
            language_id=opt_id("language_id", language_id),
            custom_fields=None if custom_fields is None else dict(custom_fields),
        )
        need_some(body, "users.update")
        return await self._call(
            self.update, path=id_path(user_id=user_id), body=body, cast_to=User, options=options
        )

    @operation("PUT", "/users/{user_id}/disable.json", wrap="user")
    async def disable(self, user_id: int, **options: Unpack[RequestOptions]) -> User:
        """Delete a user softly (moved to the deleted list; ``restore`` brings it back)."""
        return await self._call(
            self.disable, path=id_path(user_id=user_id), cast_to=User, options=options
        )

    @operation("PUT", "/users/{user_id}/block.json", wrap="user")
    async def block(self, user_id: int, **options: Unpack[RequestOptions]) -> User:
        """Block a user."""
        return await self._call(
            self.block, path=id_path(user_id=user_id), cast_to=User, options=options
        )

    @operation("PUT", "/users/{user_id}/restore.json", wrap="user")
    async def restore(self, user_id: int, **options: Unpack[RequestOptions]) -> User:
        """Unblock a user, or restore a deleted one."""
        return await self._call(
            self.restore, path=id_path(user_id=user_id), cast_to=User, options=options
        )

    @operation("DELETE", "/users/{user_id}.json")
    async def delete(self, user_id: int, **options: Unpack[RequestOptions]) -> None:
        """Delete a user for good (staff with full access only)."""
        await self._call(self.delete, path=id_path(user_id=user_id), options=options)

    @operation("POST", "/users/identification.json", wrap="user", idempotent=False)
    async def identify(
        self,
        *,
        user_email: str | None = None,
        user_phone: str | None = None,
        user_whatsapp_phone: str | None = None,
        user_telegram_data: str | None = None,
        user_custom_id: str | None = None,
        user_custom_channel: str | None = None,
        user_full_name: str | None = None,
        company_name: str | None = None,
        company_position: str | None = None,
        user_note: str | None = None,
        language_id: int | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> IdentificationCode:
        """Get a one-time identification code for a user (beyond the documented seed).

        Takes the fields of ``users.create``; one of ``user_email``, ``user_phone``,
        ``user_whatsapp_phone``, ``user_telegram_data`` or ``user_custom_id`` (with
        its ``user_custom_channel``) identifies the user. Each call gives a new
        code, so the request is never retried after it may have reached Omnidesk.
        """
        body = user_fields(
            "users.identify",
            user_email=user_email,
            user_phone=user_phone,
            user_whatsapp_phone=user_whatsapp_phone,
            user_telegram_data=user_telegram_data,
            user_custom_id=user_custom_id,
            user_custom_channel=user_custom_channel,
            user_full_name=user_full_name,
            company_name=company_name,
            company_position=company_position,
            user_note=user_note,
            language_id=opt_id("language_id", language_id),
            custom_fields=None if custom_fields is None else dict(custom_fields),
        )
        return await self._call(
            self.identify, body=body, cast_to=IdentificationCode, options=options
        )

    @operation("PUT", "/users/{user_id}/link.json", unwrap="user")
    async def link(
        self,
        user_id: int,
        *,
        user_email: str | None = None,
        user_phone: str | None = None,
        other_user_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> User:
        """Link another user's profile to this user (beyond the documented seed).

        Name the other user by exactly one of ``user_email``, ``user_phone`` or
        ``other_user_id`` (sent as ``user_id``; renamed because the path takes
        ``user_id``). Returns this user, with ``linked_users``.
        """
        given = drop_none(
            user_email=user_email,
            user_phone=user_phone,
            user_id=opt_id("other_user_id", other_user_id),
        )
        if len(given) != 1:
            raise ValueError(
                "users.link: pass exactly one of user_email, user_phone, other_user_id"
            )
        return await self._call(
            self.link, path=id_path(user_id=user_id), body=given, cast_to=User, options=options
        )

    @operation("PUT", "/users/{user_id}/unlink.json", unwrap="user")
    async def unlink(
        self, user_id: int, *, other_user_id: int, **options: Unpack[RequestOptions]
    ) -> User:
        """Unlink another user's profile from this user (beyond the documented seed).

        ``other_user_id`` is sent as ``user_id`` (renamed because the path takes
        ``user_id``). Returns this user, with ``linked_users``.
        """
        return await self._call(
            self.unlink,
            path=id_path(user_id=user_id),
            body={"user_id": check_id("other_user_id", other_user_id)},
            cast_to=User,
            options=options,
        )
