"""Users (customers)."""

from __future__ import annotations

from typing import Any

from pydantic import SecretStr

from ..._core import CXModel, RFC2822DateTime

__all__ = ["User"]


class User(CXModel):
    """A user (customer) of the account."""

    user_id: int
    user_full_name: str | None = None
    company_name: str | None = None
    company_position: str | None = None
    thumbnail: str | None = None
    confirmed: bool | None = None
    active: bool | None = None
    """False when blocked."""
    deleted: bool | None = None
    created_at: RFC2822DateTime = None
    updated_at: RFC2822DateTime = None
    password: SecretStr | None = None
    """Password generated for a new user (only in the create answer)."""
    type: str | None = None
    """Kind of identity: ``email``, ``facebook``, ``twitter``..."""
    user_email: str | None = None
    user_phone: str | None = None
    user_whatsapp_phone: str | None = None
    user_telegram_data: str | None = None
    user_custom_id: str | None = None
    user_custom_channel: str | None = None
    facebook_id: int | str | None = None
    user_note: str | None = None
    language_id: int | None = None
    custom_fields: dict[str, Any] | None = None
    """Custom field values keyed by field id (``cf_20``)."""
    linked_users: list[int] | None = None
    amount_of_cases: int | None = None
    """Number of the user's cases (when asked for with ``amount_of_cases=True``)."""
