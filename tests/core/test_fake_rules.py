"""The fakes' shared pieces: declared field rules and answer shaping."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any, ClassVar

import httpx
import pytest

from cxkit.testing import FakeClock, FakeRequest, FakeServer, Refused, Resource, route
from cxkit.testing import _listing as listing
from cxkit.testing import _rules as rules
from cxkit.testing._rules import Field, Wording, read, refuse
from cxkit.testing._server import rest

DOTTED = Wording(
    required="{name} is required.",
    empty="{name} cannot be empty.",
    unknown="Unknown field: {name}.",
    missing="{name} {value} not found.",
    invalid={"int": "{name} must be a number."},
)


@pytest.mark.parametrize("module", [rules, listing])
def test_docstring_examples_run(module: object) -> None:
    doc = module.__doc__ or ""
    code = re.search(r"```python\n(.*?)```", doc, re.S)
    assert code is not None
    exec(code.group(1), {})


def test_every_problem_at_once_required_unknown_then_values() -> None:
    spec = {
        "name": Field(required=True, label="Name"),
        "age": Field("int", minimum=0),
        "size": Field("int", minimum=1, maximum=10),
        "kind": Field("enum", allowed=("a", "b")),
        "when": Field("date"),
        "tags": Field("list", items="text"),
        "address": Field("object"),
    }
    body = {
        "age": "-3",
        "size": 11,
        "kind": "c",
        "when": "2024-1-1",
        "tags": ["x", ""],
        "address": 1,
        "z": 0,
    }
    assert read(body, spec, DOTTED)[1] == [
        "Name is required.",
        "Unknown field: z.",
        "age must be a number.",
        "size must be a number.",
        "kind must be one of: a, b",
        "when must be a YYYY-MM-DD date",
        "tags must be a list",
        "address must be an object",
    ]


def test_values_are_read_by_kind() -> None:
    spec = {
        "n": Field("int"),
        "flag": Field("bool"),
        "phones": Field("phone", many=True),
        "note": Field(),
    }
    values, problems = read(
        {"n": " 42 ", "flag": "off", "phones": "+48123", "note": ""}, spec, DOTTED
    )
    assert problems == []
    assert values == {"n": 42, "flag": False, "phones": ["+48123"], "note": ""}
    values, problems = read({"n": True, "flag": "maybe", "phones": ["1234", "12ab"]}, spec, DOTTED)
    assert problems == [
        "n must be a number.",
        "flag must be true or false",
        "phones must be a phone number",
    ]
    assert values == {}


def test_partial_updates_only_refuse_required_fields_sent_blank() -> None:
    spec = {"surname": Field(required=True, label="Surname"), "name": Field()}
    assert read({"name": "Ann"}, spec, DOTTED, partial=True)[1] == []
    assert read({"surname": " "}, spec, DOTTED, partial=True)[1] == ["Surname cannot be empty."]
    assert read({}, spec, DOTTED)[1] == ["Surname is required."]


def test_refs_name_a_record_of_the_fake() -> None:
    fake = SimpleNamespace(companies={1: {}}, queues=[{"queue_id": 7}])
    spec = {
        "company_id": Field("int", ref="companies", missing="Company not found."),
        "queue_id": Field("int", ref="queues:queue_id"),
    }
    assert read({"company_id": "1", "queue_id": 7}, spec, DOTTED, fake=fake)[1] == []
    assert read({"company_id": 2, "queue_id": "8"}, spec, DOTTED, fake=fake)[1] == [
        "Company not found.",
        "queue_id 8 not found.",
    ]


def test_nested_objects_are_checked_with_the_same_wording() -> None:
    spec = {"parameters": Field("object", fields={"timeout": Field("int")})}
    assert read({"parameters": {"timeout": "x", "colour": 1}}, spec, DOTTED)[1] == [
        "Unknown field: colour.",
        "timeout must be a number.",
    ]


def test_a_wording_may_end_every_message() -> None:
    spec = {"n": Field("int"), "m": Field("email", message="Bad address.")}
    dotted = Wording(end=".")
    assert read({"n": "x", "m": "y", "o": 1}, spec, dotted)[1] == [
        "unknown field o.",
        "n must be a number.",
        "Bad address.",
    ]


def test_unknown_fields_may_be_allowed_and_messages_overridden() -> None:
    spec = {"mail": Field("email", message="Wrong format of e-mail address.")}
    assert read({"mail": "x", "other": 1}, spec, Wording(), unknown=False)[1] == [
        "Wrong format of e-mail address."
    ]
    assert read({"other": 1}, spec, Wording())[1] == ["unknown field other"]


def test_refuse_raises_all_or_the_first_problem_once() -> None:
    refuse([])
    with pytest.raises(Refused) as caught:
        refuse(["a", "b", "a"])
    assert caught.value.status == 400 and caught.value.messages == ("a", "b")
    with pytest.raises(Refused) as caught:
        refuse(["a", "b"], status=422, first=True)
    assert caught.value.status == 422 and caught.value.messages == ("a",)


def test_ordering_numbers_text_and_blanks() -> None:
    rows: list[dict[str, Any]] = [{"n": 10, "s": "b"}, {"n": 9, "s": None}, {"n": 100, "s": "A"}]
    assert [r["n"] for r in listing.ordered(rows, "n", ("n", "s"))] == [9, 10, 100]
    assert [r["n"] for r in listing.ordered(rows, "s", ("n", "s"))] == [100, 10, 9]
    assert [r["n"] for r in listing.ordered(rows, "-s", ("n", "s"))] == [9, 10, 100]
    with pytest.raises(Refused, match=r"Cannot sort by x\."):
        listing.ordered(rows, "x", ("n",), refusal="Cannot sort by {name}.")


def test_batches_report_each_item() -> None:
    results = {"0": {"id": 1}, "x": Refused(404, "Not", "found."), "2": None}
    assert listing.multi_status(results, 201, lambda r: {"id": r["id"]} if r else {}) == {
        "0": {"http_status": 201, "id": 1},
        "x": {"http_status": 404, "message": "Not found."},
        "2": {"http_status": 201},
    }
    assert listing.members(["a"], ["a", "b", "b"], "add") == ["a", "b"]
    assert listing.members(["a", "b"], ["a"], "remove") == ["b"]
    assert listing.members(["a"], ["c", "c"], "set") == ["c"]
    assert listing.truthy("Yes") and not listing.truthy("0") and listing.truthy(1)
    assert listing.public({"a": [1], "_b": 2}) == {"a": [1]}


def test_apply_stores_values_as_the_rules_say() -> None:
    spec = {
        "phone": Field("phone", many=True, plural="phones"),
        "address": Field("object", merge=True, fields={"city": Field(), "street": Field()}),
        "order": Field("int", keep=True),
        "secret": Field(store=False),
        "note": Field(),
    }
    record: dict[str, Any] = {"order": 5, "address": {"city": "Kraków", "street": "Długa"}}
    values, problems = read(
        {"phone": ["+48123", "4567"], "address": {"street": ""}, "order": "", "secret": "x"},
        spec,
        DOTTED,
    )
    assert problems == []
    rules.apply(record, {**values, "note": None}, spec, unset="")
    assert record == {
        "order": 5,
        "address": {"city": "Kraków", "street": None},
        "phones": ["+48123", "4567"],
        "phone": "+48123",
        "note": "",
    }
    fresh: dict[str, Any] = {}
    rules.apply(fresh, {"address": {"city": "Gdańsk"}}, spec)
    assert fresh == {"address": {"city": "Gdańsk", "street": None}}


class Desk(FakeServer):
    """Tickets declared once: filters of every kind, batches, one handler for two routes."""

    base_url = "https://desk.test"

    def __init__(self) -> None:
        super().__init__(clock=FakeClock())
        self.tickets: dict[int, dict[str, Any]] = {}

    def new_ticket(self, body: dict[str, Any], request: FakeRequest) -> dict[str, Any]:
        if not body.get("title"):
            raise Refused(400, "title is required")
        return {"id": self.new_id("ticket"), "open": True, "tags": [], **body}

    @route("POST", "/tickets/{id}/close")
    @route("POST", "/tickets/{id}/reopen")
    def close(self, request: FakeRequest) -> httpx.Response:
        ticket = self.find(TICKETS, request.path_params["id"])
        ticket["open"] = request.raw.url.path.endswith("reopen")
        return self.json(ticket)


TICKETS = Resource(
    "tickets",
    "id",
    {
        **rest("/tickets"),
        **{
            f"batch_{op}": f"{m} /tickets/batch"
            for op, m in [("create", "POST"), ("update", "PUT")]
        },
        "batch_delete": "DELETE /tickets/batch",
    },
    "ticket",
    id_type=int,
    filters={
        "status": "in",
        "open": "flag",
        "tag": "has:tags",
        "made": "range:made",
        "q": "contains:title",
        "custom": "keys",
    },
    new=Desk.new_ticket,
)
Desk.resources = (TICKETS,)


def test_rest_routes_and_stacked_route_marks() -> None:
    assert rest("/a", "list", "get") == {"list": "GET /a", "get": "GET /a/{id}"}
    assert rest("/a", "delete", item="/{key}", suffix=".json") == {"delete": "DELETE /a/{key}.json"}
    assert set(rest("/a")) == {"list", "get", "create", "update", "delete"}
    table = set(Desk.route_table())
    assert {("POST", "/tickets/{id}/close"), ("POST", "/tickets/{id}/reopen")} <= table
    fake = Desk()
    with fake.http_client() as http:
        http.post("https://desk.test/tickets", json={"title": "A"})
        assert http.post("https://desk.test/tickets/1/close").json()["open"] is False
        assert http.post("https://desk.test/tickets/1/reopen").json()["open"] is True


def test_filters_by_kind() -> None:
    fake = Desk()
    rows = [
        {"title": "Printer on fire", "status": "new", "tags": ["hw"], "made": "2024-05-01 10:00"},
        {"title": "Login", "status": "open", "tags": [], "made": "2024-05-03 09:00"},
        {"title": "printer jam", "status": "done", "tags": ["hw", "x"], "custom": {"c": "red"}},
    ]
    with fake.http_client() as http:
        for row in rows:
            http.post("https://desk.test/tickets", json=row)
        fake.tickets[2]["open"] = False

        def ids(**query: Any) -> list[int]:
            return [t["id"] for t in http.get("https://desk.test/tickets", params=query).json()]

        assert ids(**{"status[]": ["new", "done"]}) == [1, 3]
        assert ids(open="0") == [2] and ids(open="yes") == [1, 3]
        assert ids(tag="hw") == [1, 3] and ids(tag="") == [2]
        assert ids(made_from="2024-05-02") == [2] and ids(made_to="2024-05-01") == [1]
        assert ids(q="PRINTER") == [1, 3]
        assert ids(**{"custom[c]": "red"}) == [3] and ids(**{"custom[c]": "blue"}) == []


def test_batches_run_each_item_and_report_each_result() -> None:
    fake = Desk()
    with fake.http_client() as http:
        url = "https://desk.test/tickets/batch"
        made = http.post(url, json=[{"title": "A"}, {}, "x", {"title": "B"}]).json()
        assert [made[k] if k in ("1", "2") else made[k]["id"] for k in "0123"] == [
            1,
            {"error": "title is required"},
            {"error": "each item must be an object"},
            2,
        ]
        changed = http.put(url, json=[{"title": "?"}, {"id": 2, "title": "B2"}, {"id": 9}]).json()
        assert changed["2"]["title"] == "B2"
        assert changed["9"] == {"error": "ticket 9 not found"}
        assert changed["0"] == {"error": "id is required"}
        assert http.put(url, json=[]).json() == {"error": "the body must be a non-empty list"}
        gone = http.request("DELETE", url, params={"id[]": ["1", "7"]}).json()
        assert gone == {"1": None, "7": {"error": "ticket 7 not found"}}
        assert http.request("DELETE", url).json() == {"error": "id[] is required"}
    assert list(fake.tickets) == [2]


class Board(FakeServer):
    """Cards with record actions, bulk ids, anchored search and time bounds."""

    base_url = "https://board.test"
    search_anchor = "^"
    first_ids: ClassVar[Mapping[str, int]] = {"card": 100}

    def __init__(self) -> None:
        super().__init__(clock=FakeClock(1_700_000_000))
        self.cards: dict[int, dict[str, Any]] = {}
        self.settled: list[str] = []
        self.archived: list[int] = []

    def new_card(self, body: dict[str, Any], request: FakeRequest) -> dict[str, Any]:
        return {"id": self.new_id("card"), "done": False, **body}

    def archiving(self, card: dict[str, Any], action: str, request: FakeRequest) -> None:
        self.archived.append(card["id"])

    def value_of(self, record: dict[str, Any], name: str) -> Any:
        return record["title"].upper() if name == "shout" else record.get(name)

    def settle(self, request: httpx.Request | None) -> None:
        self.settled.append("before" if request is None else request.url.path)

    @route("GET", "/echo")
    def echo(self, request: FakeRequest) -> httpx.Response:
        size = request.positive("size", 10, 50)
        return self.json({"order": request.choice("order", "asc", "desc"), "size": size})

    @route("POST", "/echo")
    def echo_body(self, request: FakeRequest) -> httpx.Response:
        return self.json(request.data())


CARDS = Resource(
    "cards",
    "id",
    {**rest("/cards"), "act": "PUT /cards/{id}/{action}"},
    "card",
    id_type=int,
    filters={
        "lane": "choice:todo,doing",
        "owner": "ids",
        "colour": "any",
        "title": "search:2",
        "shout": "exact",
        "since": "after:made",
        "until": "before:made",
        "extra": "keys:search",
    },
    new=Board.new_card,
    actions={"finish": {"done": True}, "reopen": {"done": False}},
    acted=Board.archiving,
    bulk=True,
)
Board.resources = (CARDS,)
CARD_ROWS = [
    {"title": "Fix printer", "lane": "todo", "owner": [1, 2], "colour": "red", "extra": {"k": "a"}},
    {
        "title": "Printer ink",
        "lane": "doing",
        "owner": 3,
        "made": "Tue, 14 Nov 2023 22:00:00 +0000",
    },
    {
        "title": "Call Ann",
        "lane": "todo",
        "owner": 2,
        "colour": "blue",
        "made": "Wed, 15 Nov 2023 09:00:00 +0000",
    },
]


def test_actions_bulk_ids_and_settle() -> None:
    fake = Board()
    with fake.http_client() as http:
        for row in CARD_ROWS:
            http.post("https://board.test/cards", json=row)
        assert list(fake.cards) == [100, 101, 102]
        assert http.put("https://board.test/cards/100/finish").json()["done"] is True
        bulk = http.put("https://board.test/cards/101,102,999/finish").json()
        assert [c["id"] for c in bulk] == [101, 102] and fake.archived == [100, 101, 102]
        assert http.put("https://board.test/cards/100,101/reopen").status_code == 200
        assert not fake.cards[100]["done"] and fake.cards[102]["done"]
        assert http.put("https://board.test/cards/100/burn").status_code == 404
        assert http.put("https://board.test/cards/9/finish").json() == {"error": "card 9 not found"}
    assert fake.settled[:2] == ["before", "/cards"] and len(fake.settled) == 2 * len(fake.calls)


def test_comma_lists_numbers_choices_anchored_search_and_time_bounds() -> None:
    fake = Board()
    with fake.http_client() as http:
        for row in CARD_ROWS:
            http.post("https://board.test/cards", json=row)

        def ids(**query: Any) -> Any:
            answer = http.get("https://board.test/cards", params=query)
            return [c["id"] for c in answer.json()] if answer.is_success else answer.json()

        assert ids(lane="todo,doing") == [100, 101, 102] and ids(lane="todo") == [100, 102]
        assert ids(lane="done") == {"error": "lane must be one of todo, doing"}
        assert ids(owner="2") == [100, 102] and ids(**{"owner[]": ["3", "1"]}) == [100, 101]
        assert ids(owner="x") == {"error": "owner must be a number"}
        assert ids(colour="red, blue") == [100, 102]
        assert ids(title="printer") == [100, 101] and ids(title="^printer") == [101]
        assert ids(title="printer^") == [100] and ids(title="^call ann^") == [102]
        assert ids(title="^p") == {"error": "title must have at least 2 characters"}
        assert ids(shout="CALL ANN") == [102]
        assert ids(since="1700000000") == [102] and ids(until="2023-11-15T00:00:00") == [100, 101]
        assert ids(since="soon") == {"error": "since: unrecognised time 'soon'"}
        assert ids(**{"extra[k]": "^a^"}) == [100] and ids(**{"extra[k]": "b"}) == []


def test_request_helpers_and_shared_readers() -> None:
    fake = Board()
    with fake.http_client() as http:
        assert http.get("https://board.test/echo").json() == {"order": "asc", "size": 10}
        assert http.get("https://board.test/echo?order=x").json() == {
            "error": "order must be asc or desc"
        }
        for bad in ("0", "51", "x"):
            answer = http.get(f"https://board.test/echo?size={bad}").json()
            assert answer == {"error": "size must be from 1 to 50"}
        form = http.post("https://board.test/echo", data={"card[title]": "A", "card[tags][]": "x"})
        assert form.json() == {"card": {"title": "A", "tags": ["x"]}}
        assert http.post("https://board.test/echo", json={"a": 1}).json() == {"a": 1}
    fake.cards[5] = {"id": 5, "active": True}
    fake.cards[6] = {"id": 6, "active": False}
    assert fake.active(fake.cards, "5", "card_id") == 5 and fake.active({}, 0, "x", zero=True) == 0
    with pytest.raises(Refused, match="card_id 6 does not exist or is not active"):
        fake.active(fake.cards, 6, "card_id")


def test_strict_reads_changes_and_counts() -> None:
    spec = {"n": Field("int"), "kind": Field("enum", allowed=("a", "b")), "note": Field()}
    assert rules.strict({"n": "7", "kind": "a", "note": 5, "x": 1}, spec, DOTTED) == {
        "n": 7,
        "kind": "a",
        "note": "5",
    }
    with pytest.raises(Refused) as refused:
        rules.strict({"n": "", "kind": "c"}, spec, DOTTED)
    assert refused.value.messages == ("kind must be one of: a, b", "n must be a number.")
    seen: dict[Any, dict[str, Any]] = {}
    records = {1: {"s": "open", "tags": [1]}}
    assert listing.changes(seen, records, {"s": "status"}) == []
    records[1]["s"] = "closed"
    records[2] = {"s": "new"}
    assert listing.changes(seen, records, {"s": "status"}) == [(1, "status", "open", "closed")]
    del records[1]
    assert listing.changes(seen, records, {"s": "status"}) == [] and list(seen) == [2]
    rows = [{"id": 1}, {"id": 2}]
    counted = listing.counted(rows, {"double": "true"}.get, double=lambda r: 2 * r["id"], no=len)
    assert counted == [{"id": 1, "double": 2}, {"id": 2, "double": 4}] and rows[0] == {"id": 1}
    assert listing.comma(" a, ,b ") == ["a", "b"] and listing.as_list({"0": "x"}) == ["x"]
    assert listing.one([{"e": "A@x"}], "e", "a@X", fold=True) == {"e": "A@x"}


def test_an_hourly_quota_refills_at_each_window() -> None:
    fake = Board()
    fake.calls_left = 2
    assert [fake.spend_call(2, 3600.0) for _ in range(3)] == [True, True, False]
    fake.clock.advance(3600 * 2 + 5)
    assert fake.spend_call(2, 3600.0) and fake.calls_left == 1
    assert fake.window_start == 1_700_000_000 + 7200  # windows keep their boundaries
