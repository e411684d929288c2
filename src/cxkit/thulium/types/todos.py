"""Tasks (todos) of users (inferred: the seed lists ``todos`` in its index only)."""

from __future__ import annotations

from .common import ThuliumDateTime, ThuliumModel

__all__ = ["Todo"]


class Todo(ThuliumModel):
    """A task assigned to a user.

    Inferred from the index ("returns information about a task"); every field the
    API sends is kept, the ones below are typed.
    """

    id: int
    title: str | None = None
    description: str | None = None
    user_login: str | None = None
    customer_id: int | None = None
    deadline: ThuliumDateTime = None
    created_at: ThuliumDateTime = None
