"""Tasks (todos) of users (async source; the sync twin is generated)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...._core import (
    AsyncAPIResource,
    Created,
    created,
    drop_none,
    id_path,
    operation,
    opt_id,
)
from ..._checks import DateInput, check_login, thulium_date
from ...types.todos import Todo

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncTodos"]


class AsyncTodos(AsyncAPIResource):
    """Tasks assigned to users."""

    @operation("GET", "/todos/{id}")
    async def get(self, id: int, **options: Unpack[RequestOptions]) -> Todo:
        """Get task ``id``.

        Inferred: the seed lists this endpoint in its index only.
        """
        return await self._call(self.get, path=id_path(id=id), cast_to=Todo, options=options)

    @operation("POST", "/todos")
    async def create(
        self,
        *,
        user_login: str,
        title: str,
        description: str | None = None,
        deadline: DateInput | None = None,
        customer_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Created[int] | None:
        """Add a task for user ``user_login``.

        Inferred: the seed lists this endpoint in its index only ("adds a task for
        a user"). The field names follow the rest of the API (``user_login`` as in
        customer notes, dates as ``YYYY-MM-DD HH:MM:SS`` in the account's zone);
        send anything else with ``extra_body``. Returns the new task's id when the
        answer carries one, ``None`` for an empty answer (the seed shows none).
        """
        body = drop_none(
            user_login=check_login("user_login", user_login),
            title=title,
            description=description,
            deadline=thulium_date("deadline", deadline, self._client.time_zone),
            customer_id=opt_id("customer_id", customer_id),
        )
        data: Any = await self._call(self.create, body=body, cast_to=object, options=options)
        if data is None:
            return None
        result: Created[int] = self._client._parse(created(int, "id"), data)
        return result
