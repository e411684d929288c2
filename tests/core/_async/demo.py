"""A tiny vendor used to test the core: dialect, resources and a fake server."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

import httpx

from cxkit._core import (
    AsyncAPIClient,
    AsyncAPIResource,
    AsyncLoginTokenAuth,
    AsyncPager,
    BasicAuth,
    CXModel,
    Dialect,
    EpochSeconds,
    FileInput,
    PageNumberPaging,
    collect_operations,
    drop_none,
    operation,
)
from cxkit._core.registry import Operation
from cxkit.testing import FakeClock, FakeRequest, FakeServer, route

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from cxkit._core import RequestOptions

SECRET = "s3cr3t-api-key-value"
TOKEN = "tok-abcdef-123456"


class DemoDialect(Dialect):
    """Envelope ``{"ok": bool, "data": ..., "error": str}``, failing with HTTP 200 too."""

    vendor = "demo"

    def decode(self, op: Operation | None, response: httpx.Response) -> Any:
        data = self.read_json(response)
        if isinstance(data, Mapping) and data.get("ok") is False:
            code = data.get("code", 400)
            raise self.make_error(
                int(code), str(data.get("error")), code=code, body=data, response=response
            )
        return data.get("data") if isinstance(data, Mapping) and "data" in data else data

    def paging(self, op: Operation) -> PageNumberPaging:
        return PageNumberPaging(
            size_key="limit",
            max_size=100,
            items=lambda d: d["items"],
            total=lambda d: d.get("total"),
        )


class Item(CXModel):
    id: int | None = None
    name: str | None = None
    created: EpochSeconds = None


class AsyncItems(AsyncAPIResource):
    """Items."""

    @operation("GET", "/items", paged=True)
    def list(
        self,
        *,
        page: int | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Item]:
        """List items."""
        return self._paginate(
            self.list, item=Item, params=drop_none(page=page, limit=limit), options=options
        )

    @operation("GET", "/items/{item_id}")
    async def get(self, item_id: int, **options: Unpack[RequestOptions]) -> Item:
        """Get an item."""
        return await self._call(self.get, path={"item_id": item_id}, cast_to=Item, options=options)

    @operation("POST", "/items")
    async def create(self, *, name: str, **options: Unpack[RequestOptions]) -> Item:
        """Create an item."""
        return await self._call(self.create, body={"name": name}, cast_to=Item, options=options)

    @operation("PUT", "/items/{item_id}/moveup", idempotent=False)
    async def moveup(self, item_id: int, **options: Unpack[RequestOptions]) -> None:
        """Move an item up (a PUT whose second call differs from the first)."""
        await self._call(self.moveup, path={"item_id": item_id}, options=options)

    @operation("PUT", "/items/{item_id}")
    async def update(self, item_id: int, *, name: str, **options: Unpack[RequestOptions]) -> Item:
        """Rename an item."""
        return await self._call(
            self.update,
            path={"item_id": item_id},
            body={"name": name},
            cast_to=Item,
            options=options,
        )

    @operation("POST", "/items/{item_id}/files")
    async def upload(
        self, item_id: int, *, file: FileInput, **options: Unpack[RequestOptions]
    ) -> None:
        """Attach a file (multipart)."""
        await self._call(
            self.upload, path={"item_id": item_id}, files={"file": file}, options=options
        )

    @operation("POST", "/items/search", idempotent=True)
    async def search(self, *, name: str, **options: Unpack[RequestOptions]) -> list[Item]:
        """Search items (a POST that only reads)."""
        return await self._call(
            self.search, body={"name": name}, cast_to=list[Item], options=options
        )


class AsyncDemo(AsyncAPIClient):
    """Client of the demo vendor."""

    def __init__(self, *, base_url: str = "https://demo.test/api", **options: Any) -> None:
        super().__init__(
            dialect=DemoDialect(), base_url=base_url, auth=self._make_auth(), **options
        )

    def _make_auth(self) -> httpx.Auth:
        return BasicAuth("bot", SECRET)

    @cached_property
    def items(self) -> AsyncItems:
        """Items."""
        return AsyncItems(self)


collect_operations(AsyncDemo)  # names the operations, as a vendor's OPERATIONS does


class AsyncTokenDemo(AsyncDemo):
    """The demo vendor with a login token instead of Basic auth."""

    def _make_auth(self) -> httpx.Auth:
        return AsyncLoginTokenAuth(
            login=lambda: httpx.Request("GET", self.base_url + "/login"),
            read_token=lambda r: str(r.json()["token"]),
            header="X-API-KEY",
        )


class FakeDemo(FakeServer):
    """Stateful fake of the demo vendor."""

    base_url = "https://demo.test/api"

    def __init__(self, *, count: int = 0, clock: FakeClock | None = None) -> None:
        super().__init__(clock=clock)
        self.items = {
            i: {"id": i, "name": f"item {i}", "created": 1700000000 + i}
            for i in range(1, count + 1)
        }
        self.logins = 0
        self.valid_token: str | None = None

    @route("GET", "/login")
    def login(self, request: FakeRequest) -> httpx.Response:
        self.logins += 1
        self.valid_token = f"{TOKEN}-{self.logins}"
        return self.json({"token": self.valid_token})

    @route("GET", "/items")
    def list_items(self, request: FakeRequest) -> httpx.Response:
        page = request.int_arg("page", 1)
        limit = request.int_arg("limit", 100)
        rows = list(self.items.values())
        chunk = rows[(page - 1) * limit : page * limit]
        return self.json({"ok": True, "data": {"items": chunk, "total": len(rows)}})

    @route("GET", "/items/{item_id}")
    def get_item(self, request: FakeRequest) -> httpx.Response:
        item = self.items.get(int(request.path_params["item_id"]))
        if item is None:
            return self.json({"ok": False, "code": 404, "error": "no such item"})
        return self.json({"ok": True, "data": item})

    @route("POST", "/items")
    def create_item(self, request: FakeRequest) -> httpx.Response:
        new_id = max(self.items, default=0) + 1
        self.items[new_id] = {"id": new_id, "name": request.json()["name"], "created": 1700000000}
        return self.json({"ok": True, "data": self.items[new_id]}, status=201)

    @route("POST", "/items/search")
    def search_items(self, request: FakeRequest) -> httpx.Response:
        name = request.json()["name"]
        return self.json(
            {"ok": True, "data": [i for i in self.items.values() if name in i["name"]]}
        )


class TokenFake(FakeDemo):
    """Requires the X-API-KEY from the latest login on every call but /login."""

    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        if request.url.path.endswith("/login"):
            return None
        if request.headers.get("X-API-KEY") != self.valid_token:
            return self.json({"ok": False, "error": "token expired"}, status=401)
        return None
