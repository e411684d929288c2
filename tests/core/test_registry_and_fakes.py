"""Operations registry, error mapping, and the fake-server framework itself."""

from __future__ import annotations

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
from cxkit.testing import FakeClock, FakeRequest, FakeServer, route
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
