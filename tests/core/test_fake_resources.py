"""The declared-resource machinery the vendor fakes share: scopes, owned stores, envelopes
and one refusal status, client wiring, and the small readers and checkers."""

from __future__ import annotations

from typing import Any, ClassVar

import httpx
import pytest

from cxkit.testing import FakeServer, Refused, Resource
from cxkit.testing._listing import forget
from cxkit.testing._rules import Field, Wording, checked
from cxkit.testing._server import FakeRequest, number, rest

BASE = "https://notes.test"


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

    def answer(self, res: Resource, op: str, request: FakeRequest, result: Any) -> httpx.Response:
        """Everything under ``data`` in the envelope."""
        return self.ok(data=result if op != "delete" else True)


def _new(fake: Notebook, body: Any, request: FakeRequest) -> dict[str, Any]:
    return {"id": fake.new_id("note"), "text": str(body.get("text")), "reply": False}


NOTES = Resource(
    "notes",
    "id",
    rest("/notes", "list", "get", "create", "delete"),
    id_type=int,
    scope={"reply": False},
    owns=("tags",),
    new=_new,
)
Notebook.resources = (NOTES,)


def test_envelope_failure_and_one_refusal_status() -> None:
    fake = Notebook()
    fake.notes[7] = {"id": 7, "text": "a reply", "reply": True}
    with fake.http_client() as http:
        made = http.post(f"{BASE}/notes", json={"text": "buy milk"})
        reply = http.get(f"{BASE}/notes/7")  # out of the resource's scope
        lost = http.get(f"{BASE}/nowhere")
    assert made.json() == {"code": 0, "data": {"id": 1, "text": "buy milk", "reply": False}}
    assert (reply.status_code, reply.json()) == (200, {"code": -1, "error": "record 7 not found"})
    assert lost.status_code == 404  # not a refusal: its own status
    assert lost.json() == {"code": -1, "error": "No route for GET /nowhere"}


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


def test_number_least_and_connect() -> None:
    assert number("3", "take", least=1) == 3
    with pytest.raises(Refused, match="take must be >= 1"):
        number("0", "take", least=1)

    def made(**kwargs: Any) -> dict[str, Any]:
        return kwargs

    fake = Notebook()
    got = fake.connect(made, {"token": None, "timeout": 3}, token="fake's")
    assert got["token"] == "fake's" and got["timeout"] == 3 and got["base_url"] == BASE
    assert fake.connect(made, {"token": "mine"}, token="fake's")["token"] == "mine"


def test_checked_field_tables_and_a_wording_that_ignores_unknown_fields() -> None:
    quiet = Wording(unknown="")
    rules = {**Field.each("a", "b", required=True), "n": Field("int")}
    assert checked({"a": "x", "b": "y", "n": "4", "extra": 1}, rules, quiet)["n"] == 4
    with pytest.raises(Refused) as refused:
        checked({"extra": 1}, rules, Wording(), first=True)
    assert refused.value.messages == ("a is required",)
    with pytest.raises(Refused) as every:
        checked({"extra": 1}, rules, Wording())
    assert every.value.messages == ("a is required", "b is required", "unknown field extra")
