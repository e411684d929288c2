"""The declared-resource machinery the vendor fakes share: route conventions, several
routes per operation, records found by a query/form/body field, scopes, owned stores,
envelopes, and the small readers and checkers."""

from __future__ import annotations

from typing import Any, ClassVar

import httpx
import pytest

from cxkit.testing import FakeServer, Refused, Resource
from cxkit.testing._listing import forget
from cxkit.testing._rules import Field, Wording, checked, fields
from cxkit.testing._server import FakeRequest, number, rest

BASE = "https://notes.test"
VERBS = {"list": "GET /list", "get": "GET /details{item}", "create": "POST /add"}


class Notebook(FakeServer):
    """Notes and their replies in one store, tags owned by a note; refusals with HTTP 200."""

    base_url = BASE
    envelope: ClassVar[dict[str, Any]] = {"code": 0, "data": None}
    failure: ClassVar[dict[str, Any]] = {"code": -1}
    refusal_status = 200

    def __init__(self) -> None:
        super().__init__()
        self.notes: dict[int, dict[str, Any]] = {}
        self.tags: dict[int, list[str]] = {}

    def read_body(self, res: Resource, op: str, request: FakeRequest) -> Any:
        """A form's fields or a JSON object."""
        return request.data()

    def answer(self, res: Resource, op: str, request: FakeRequest, result: Any) -> httpx.Response:
        """Everything under ``data`` in the envelope."""
        return self.ok(data=result if op != "delete" else True)

    def value_of(self, record: dict[str, Any], name: str) -> Any:
        """A note's ``word`` is any word of its text."""
        return str(record.get("text", "")).split() if name == "word" else record.get(name)


def _new(fake: Notebook, body: Any, request: FakeRequest) -> dict[str, Any]:
    return {"id": fake.new_id("note"), "text": str(body.get("text")), "reply": False}


NOTES = Resource(
    "notes",
    "id",
    {**rest("/notes", "list", "get", "create", verbs=VERBS), "delete": "DELETE /notes/{id}"},
    id_type=int,
    scope={"reply": False},
    owns=("tags",),
    new=_new,
)
FOUND = Resource(
    "notes",
    "id",
    {"get": ("GET /find", "POST /find"), "update": "PUT /notes/by-form"},
    id_type=int,
    by={"query:word": "word", "form:id": "id", "body:text": "text"},
    missing="no such note",
    change=lambda fake, note, body, request: note.update(edited=True),
)
Notebook.resources = (NOTES, FOUND)


def test_rest_writes_a_vendors_own_route_convention() -> None:
    assert rest("/notes", "get", "create", verbs=VERBS) == {
        "get": "GET /notes/details/{id}",
        "create": "POST /notes/add",
    }
    assert rest("/x", suffix=".json")["update"] == "PUT /x/{id}.json"
    assert ("POST", "/find") in Notebook.route_table()  # each route of an operation


def test_envelope_failure_and_one_refusal_status() -> None:
    fake = Notebook()
    fake.notes[7] = {"id": 7, "text": "a reply", "reply": True}
    with fake.http_client() as http:
        made = http.post(f"{BASE}/notes/add", json={"text": "buy milk"})
        reply = http.get(f"{BASE}/notes/details/7")  # out of the resource's scope
        lost = http.get(f"{BASE}/nowhere")
    assert made.json() == {"code": 0, "data": {"id": 1, "text": "buy milk", "reply": False}}
    assert (reply.status_code, reply.json()) == (200, {"code": -1, "error": "record 7 not found"})
    assert lost.status_code == 404  # not a refusal: its own status
    assert lost.json() == {"code": -1, "error": "No route for GET /nowhere"}


def test_records_found_by_a_query_form_or_body_field_on_any_of_their_routes() -> None:
    fake = Notebook()
    fake.notes[1] = {"id": 1, "text": "buy milk", "reply": False}
    fake.notes[2] = {"id": 2, "text": "call Ann", "reply": False}
    with fake.http_client() as http:
        by_word = http.get(f"{BASE}/find", params={"word": "Ann"})
        by_body = http.post(f"{BASE}/find", json={"text": "buy milk"})
        nothing = http.post(f"{BASE}/find", json={"text": "nope"})
        unnamed = http.get(f"{BASE}/find")
        edited = http.put(f"{BASE}/notes/by-form", data={"id": "2"})
    assert by_word.json()["data"]["id"] == 2
    assert by_body.json()["data"]["id"] == 1
    assert nothing.json() == unnamed.json() == {"code": -1, "error": "no such note"}
    assert edited.json()["data"] == {"id": 2, "text": "call Ann", "reply": False, "edited": True}


def test_a_deleted_record_takes_what_it_owns_and_put_stores_a_made_record() -> None:
    fake = Notebook()
    fake.put(NOTES, {"id": 5, "text": "x", "reply": False})
    fake.tags.update({5: ["home"], 6: ["work"]})
    with fake.http_client() as http:
        assert http.delete(f"{BASE}/notes/5").json() == {"code": 0, "data": True}
    assert fake.notes == {} and fake.tags == {6: ["work"]}


def test_forget_takes_an_id_out_of_lists_and_fields() -> None:
    records: list[dict[str, Any]] = [{"tags": [1, 2, 1]}, {"tag": 1}, {"tag": 2}, {}]
    forget(records, "tags", 1)
    forget(records, "tag", 1, blank="")
    assert records == [{"tags": [2, 1]}, {"tag": ""}, {"tag": 2}, {}]


def test_number_least_active_inactive_and_connect() -> None:
    assert number("3", "take", least=1) == 3
    with pytest.raises(Refused, match="take must be >= 1"):
        number("0", "take", least=1)
    fake = Notebook()
    store = {1: {"active": False}}
    assert fake.active(store, "1", "owner", inactive=True) == 1
    with pytest.raises(Refused, match="owner 1 does not exist or is not active"):
        fake.active(store, 1, "owner")
    with pytest.raises(Refused, match=r"owner 2 does not exist$"):
        fake.active(store, 2, "owner", inactive=True)

    def made(**kwargs: Any) -> dict[str, Any]:
        return kwargs

    got = fake.connect(made, {"token": None, "timeout": 3}, token="fake's")
    assert got["token"] == "fake's" and got["timeout"] == 3 and got["base_url"] == BASE
    assert fake.connect(made, {"token": "mine"}, token="fake's")["token"] == "mine"


def test_checked_fields_and_a_wording_that_ignores_unknown_fields() -> None:
    quiet = Wording(unknown="")
    rules = {**fields("a", "b", required=True), "n": Field("int")}
    assert checked({"a": "x", "b": "y", "n": "4", "extra": 1}, rules, quiet)["n"] == 4
    with pytest.raises(Refused) as refused:
        checked({"extra": 1}, rules, Wording(), first=True)
    assert refused.value.messages == ("a is required",)
    with pytest.raises(Refused) as every:
        checked({"extra": 1}, rules, Wording())
    assert every.value.messages == ("a is required", "b is required", "unknown field extra")
