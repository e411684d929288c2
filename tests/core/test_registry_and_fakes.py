"""Operations registry, error mapping, and the fake-server framework itself."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from cxkit import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from cxkit._core import collect_operations, operation_of, resolve
from cxkit._core.errors import error_class_for_status
from cxkit.testing import (
    FakeClock,
    FakeRequest,
    FakeServer,
    Refused,
    Resource,
    parse_form,
    route,
    unflatten,
)
from tests.core._async.demo import AsyncDemo, DemoDialect
from tests.core._sync.demo import Demo


def test_operations_are_named_by_attribute_path() -> None:
    ops = collect_operations(AsyncDemo)
    assert {op.name: (op.method, op.path) for op in ops} == {
        "items.create": ("POST", "/items"),
        "items.get": ("GET", "/items/{item_id}"),
        "items.list": ("GET", "/items"),
        "items.search": ("POST", "/items/search"),
        "items.moveup": ("PUT", "/items/{item_id}/moveup"),
        "items.update": ("PUT", "/items/{item_id}"),
        "items.upload": ("POST", "/items/{item_id}/files"),
    }
    assert collect_operations(Demo) == ops
    assert next(op for op in ops if op.name == "items.get").summary == "Get an item."


def test_resolve_gives_the_bound_method() -> None:
    client = AsyncDemo()
    method = resolve(client, "items.get")
    assert method == client.items.get
    assert operation_of(method).path == "/items/{item_id}"
    with pytest.raises(AttributeError):
        resolve(client, "items.nope")


def test_idempotency_defaults() -> None:
    ops = {op.name: op for op in collect_operations(AsyncDemo)}
    assert ops["items.get"].is_idempotent
    assert not ops["items.create"].is_idempotent
    assert ops["items.search"].is_idempotent


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (418, APIError),
    ],
)
def test_status_mapping(status: int, cls: type[APIError]) -> None:
    assert error_class_for_status(status) is cls
    response = httpx.Response(
        status,
        json={"errors": [{"code": "E1", "message": "bad\nthing"}]},
        headers={"x-request-id": "req-9"},
        request=httpx.Request("GET", "https://x"),
    )
    err = DemoDialect().error(response)
    assert type(err) is cls
    assert (err.status_code, err.code, err.message, err.request_id) == (
        status,
        "E1",
        "bad thing",
        "req-9",
    )
    assert "\n" not in str(err)


class Echo(FakeServer):
    base_url = "https://echo.test/v1"

    @route("GET", "/things/{thing_id}")
    def thing(self, request: FakeRequest) -> httpx.Response:
        return self.json({"id": request.path_params["thing_id"], "q": request.arg("q")})

    @route("GET", "/things/special")
    def special(self, request: FakeRequest) -> httpx.Response:
        return self.json({"special": True})

    @route("POST", "/upload")
    def upload(self, request: FakeRequest) -> httpx.Response:
        form = request.form()
        filename, content = form["doc[file]"]
        return self.json({"name": form["doc[name]"], "file": [filename, content.decode()]})


def test_fake_routes_literal_before_template_and_405_404() -> None:
    with Echo().http_client() as http:
        assert http.get("https://echo.test/v1/things/special").json() == {"special": True}
        assert http.get("https://echo.test/v1/things/7?q=x").json() == {"id": "7", "q": "x"}
        assert http.post("https://echo.test/v1/things/7").status_code == 405
        assert http.get("https://echo.test/v1/nothing").status_code == 404


def test_fake_parses_multipart() -> None:
    with Echo().http_client() as http:
        r = http.post(
            "https://echo.test/v1/upload",
            data={"doc[name]": "a"},
            files={"doc[file]": ("a.txt", b"hi", "text/plain")},
        )
    assert r.json() == {"name": "a", "file": ["a.txt", "hi"]}


def test_fake_fault_matching_and_counts() -> None:
    fake = Echo(clock=FakeClock())
    fake.inject(status=503, times=2, path="/special")
    fake.inject(error="connect", method="POST")
    with fake.http_client() as http:
        assert http.get("https://echo.test/v1/things/1").status_code == 200
        assert http.get("https://echo.test/v1/things/special").status_code == 503
        assert http.get("https://echo.test/v1/things/special").status_code == 503
        assert http.get("https://echo.test/v1/things/special").status_code == 200
        with pytest.raises(httpx.ConnectError):
            http.post("https://echo.test/v1/upload")
    assert fake.faults == []
    assert len(fake.calls) == 5


class Stamped(Echo):
    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        if request.headers.get("x-key") != "ok":
            return self.error_response(401, "no key")
        return None

    def after(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        response.headers["x-quota"] = "7"
        return response


def test_after_hook_sees_every_answer() -> None:
    with Stamped().http_client() as http:
        refused = http.get("https://echo.test/v1/things/1")
        missing = http.get("https://echo.test/v1/nothing", headers={"x-key": "ok"})
        routed = http.get("https://echo.test/v1/things/1", headers={"x-key": "ok"})
    assert (refused.status_code, missing.status_code, routed.status_code) == (401, 404, 200)
    assert {r.headers["x-quota"] for r in (refused, missing, routed)} == {"7"}


def test_parse_form_keeps_order_and_repeats_and_unflatten_nests() -> None:
    request = httpx.Request(
        "POST",
        "https://x.test",
        data={"a[b][]": ["1", "2"], "c": "3"},
        files={"f[0]": ("x.txt", b"hi")},
    )
    request.read()
    pairs = parse_form(request)
    assert pairs == [("a[b][]", "1"), ("a[b][]", "2"), ("c", "3"), ("f[0]", ("x.txt", b"hi"))]
    assert unflatten(pairs) == {"a": {"b": ["1", "2"]}, "c": "3", "f": [("x.txt", b"hi")]}
    urlencoded = httpx.Request("POST", "https://x.test", data={"k": ["v", "w"]})
    assert parse_form(urlencoded) == [("k", "v"), ("k", "w")]
    assert parse_form(httpx.Request("POST", "https://x.test", json={"k": 1})) == []


def test_a_fake_starts_at_the_current_time_unless_given_a_clock() -> None:
    before = time.time()
    assert before <= Echo().clock.now() <= time.time()
    frozen = FakeClock(start=1_700_000_000)
    assert Echo(clock=frozen).clock is frozen and frozen.now() == 1_700_000_000


class Shelf(FakeServer):
    """A fake built only from declared resources: shelves, and books nested in them."""

    base_url = "https://shelf.test"

    def __init__(self) -> None:
        super().__init__(clock=FakeClock())
        self.shelves: dict[int, dict[str, Any]] = {}

    def new_shelf(self, body: dict[str, Any], request: FakeRequest) -> dict[str, Any]:
        if not body.get("name"):
            raise Refused(422, "name is required", "really")
        return {"id": self.new_id("shelf"), "name": body["name"], "books": []}

    def keep_full_shelves(self, shelf: dict[str, Any], request: FakeRequest) -> None:
        if shelf["books"]:
            raise Refused(409, "the shelf has books")


SHELVES = Resource(
    "shelves",
    "id",
    {
        "list": "GET /shelves",
        "get": "GET /shelves/{id}",
        "create": "POST /shelves",
        "update": "PATCH /shelves/{id}",
        "delete": "DELETE /shelves/{id}",
    },
    "shelf",
    id_type=int,
    filters={"name": "exact"},
    new=Shelf.new_shelf,
    removed=Shelf.keep_full_shelves,
)
BOOKS = Resource(
    lambda fake, request: fake.find(SHELVES, request.path_params["id"])["books"],
    "title",
    {"list": "GET /shelves/{id}/books", "create": "POST /shelves/{id}/books"},
    new=lambda fake, body, request: {"title": str(body.get("title"))},
)
Shelf.resources = (SHELVES, BOOKS)


def test_declared_resources_get_generic_handlers() -> None:
    fake = Shelf()
    assert set(Shelf.route_table()) >= {("GET", "/shelves/{id}"), ("POST", "/shelves/{id}/books")}
    with fake.http_client() as http:
        url = "https://shelf.test/shelves"
        assert http.post(url, json={"name": "A"}).json() == {"id": 1, "name": "A", "books": []}
        http.post(url, json={"name": "B"})
        refused = http.post(url, json={})
        assert (refused.status_code, refused.json()) == (422, {"error": "name is required; really"})
        assert [s["id"] for s in http.get(url, params={"name": "B"}).json()] == [2]
        assert http.patch(f"{url}/2", json={"name": "C"}).json()["name"] == "C"
        assert http.get(f"{url}/x").status_code == 404
        assert http.get(f"{url}/9").json() == {"error": "shelf 9 not found"}
        assert http.post(f"{url}/1/books", json={"title": "Dune"}).json() == {"title": "Dune"}
        assert http.get(f"{url}/1/books").json() == [{"title": "Dune"}]
        assert http.get(f"{url}/7/books").status_code == 404
        assert http.delete(f"{url}/1").status_code == 409  # refused before it goes
        assert http.delete(f"{url}/2").status_code == 200
    assert list(fake.shelves) == [1] and fake.shelves[1]["books"] == [{"title": "Dune"}]
