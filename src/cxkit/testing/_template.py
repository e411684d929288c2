"""``FakeTemplate``: the in-memory fake of the template vendor (``cxkit._template``).

A new vendor's fake starts as a copy of this one: a :class:`FakeServer` with a
record store, a handler per route answering in the vendor's envelope, and
``client()`` / ``async_client()`` that wire a client to it.

```python
from cxkit.testing._template import FakeTemplate

fake = FakeTemplate(count=3)
client = fake.client()               # a Template served by the fake
assert [item.id for item in client.items.list()] == [1, 2, 3]
```
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

from .._template import AsyncTemplate, Template
from ._clock import FakeClock
from ._options import FakeClientOptions
from ._server import FakeRequest, FakeServer, route

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["FakeTemplate"]


class FakeTemplate(FakeServer):
    """A stateful fake of the Template API: items, in the ``ok``/``data`` envelope."""

    vendor = "template"
    base_url = "https://template.fake.invalid/v1"

    def __init__(
        self, *, count: int = 0, api_key: str = "test-key", clock: FakeClock | None = None
    ) -> None:
        super().__init__(clock=clock)
        self.api_key = api_key
        self.items: dict[int, dict[str, Any]] = {
            i: {"id": i, "name": f"item {i}", "created": 1_700_000_000 + i}
            for i in range(1, count + 1)
        }

    # -- wiring -------------------------------------------------------------

    def client(self, **options: Unpack[FakeClientOptions]) -> Template:
        """A :class:`~cxkit._template.Template` client served by this fake."""
        return Template(
            self.api_key,
            base_url=self.base_url,
            transport=self.transport(),
            clock=self.clock,
            **options,
        )

    def async_client(self, **options: Unpack[FakeClientOptions]) -> AsyncTemplate:
        """An :class:`~cxkit._template.AsyncTemplate` client served by this fake."""
        return AsyncTemplate(
            self.api_key,
            base_url=self.base_url,
            transport=self.transport(),
            clock=self.clock,
            **options,
        )

    # -- hooks --------------------------------------------------------------

    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        """Refuse a request without the fake's key."""
        if request.headers.get("authorization") != f"Bearer {self.api_key}":
            return self.error_response(401, "invalid api key")
        return None

    def error_response(self, status: int, message: str) -> httpx.Response:
        """The envelope of a failure, with its HTTP status."""
        return self.json({"ok": False, "code": status, "error": message}, status=status)

    def _found(self, request: FakeRequest) -> dict[str, Any] | None:
        return self.items.get(int(request.path_params["item_id"]))

    @staticmethod
    def _name(request: FakeRequest) -> str | None:
        body = request.json()
        name = body.get("name") if isinstance(body, dict) else None
        return name if isinstance(name, str) and name.strip() else None

    # -- routes -------------------------------------------------------------

    @route("GET", "/items")
    def list_items(self, request: FakeRequest) -> httpx.Response:
        """One page of items."""
        page = request.int_arg("page", 1)
        limit = request.int_arg("limit", 100)
        rows = list(self.items.values())
        chunk = rows[(page - 1) * limit : page * limit]
        return self.json({"ok": True, "data": {"items": chunk, "total": len(rows)}})

    @route("GET", "/items/{item_id}")
    def get_item(self, request: FakeRequest) -> httpx.Response:
        """One item; a missing one is an ``ok: false`` envelope with HTTP 200."""
        item = self._found(request)
        if item is None:
            return self.json({"ok": False, "code": 404, "error": "no such item"})
        return self.json({"ok": True, "data": item})

    @route("POST", "/items")
    def create_item(self, request: FakeRequest) -> httpx.Response:
        """A new item."""
        name = self._name(request)
        if name is None:
            return self.error_response(400, "name is required")
        new_id = max(self.items, default=0) + 1
        self.items[new_id] = {"id": new_id, "name": name, "created": int(self.clock.now())}
        return self.json({"ok": True, "data": self.items[new_id]}, status=201)

    @route("PUT", "/items/{item_id}")
    def update_item(self, request: FakeRequest) -> httpx.Response:
        """A renamed item."""
        item, name = self._found(request), self._name(request)
        if item is None:
            return self.error_response(404, "no such item")
        if name is None:
            return self.error_response(400, "name is required")
        item["name"] = name
        return self.json({"ok": True, "data": item})

    @route("DELETE", "/items/{item_id}")
    def delete_item(self, request: FakeRequest) -> httpx.Response:
        """An item removed."""
        if self.items.pop(int(request.path_params["item_id"]), None) is None:
            return self.error_response(404, "no such item")
        return self.json({"ok": True, "data": None})

    @route("PUT", "/items/{item_id}/moveup")
    def moveup_item(self, request: FakeRequest) -> httpx.Response:
        """An item moved one place up in the list order."""
        key = int(request.path_params["item_id"])
        order = list(self.items)
        if key not in self.items:
            return self.error_response(404, "no such item")
        at = order.index(key)
        if at:
            order[at - 1], order[at] = order[at], order[at - 1]
            self.items = {k: self.items[k] for k in order}
        return self.json({"ok": True, "data": None})
