"""Companies."""

from __future__ import annotations

from ..._core import CXModel, RFC2822DateTime

__all__ = ["Company"]


class Company(CXModel):
    """A company users belong to."""

    company_id: int
    company_name: str | None = None
    company_domains: str | None = None
    """Comma-separated domains whose users join the company automatically."""
    company_default_group: int | str | None = None
    """ID of the default group."""
    company_address: str | None = None
    company_note: str | None = None
    active: bool | None = None
    """False when blocked."""
    deleted: bool | None = None
    created_at: RFC2822DateTime = None
    updated_at: RFC2822DateTime = None
    amount_of_users: int | None = None
    """Number of users (when asked for with ``amount_of_users=True``)."""
    amount_of_cases: int | None = None
    """Number of cases (when asked for with ``amount_of_cases=True``)."""
