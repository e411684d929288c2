"""The fakes' generic pieces beyond the server: nested record stores, filter trees, sort lists."""

from __future__ import annotations

from typing import Any

import pytest

from cxkit.testing import FakeServer, Refused, Resource
from cxkit.testing._crud_extra import children, dig, matches, sort_by


class Library(FakeServer):
    """Shelves keyed by a nested id, each with its own books."""

    base_url = "https://library.test"

    def __init__(self) -> None:
        super().__init__()
        self.shelves: dict[str, dict[str, Any]] = {"s1": {"meta": {"id": "s1"}}}
        self.books: dict[str, list[dict[str, Any]]] = {}


SHELVES = Resource("shelves", "meta.id", {"get": "GET /shelves/{id}"}, missing="no shelf {id}")
BOOKS = Resource(
    children(SHELVES, "books"),
    "title",
    {"list": "GET /shelves/{id}/books", "create": "POST /shelves/{id}/books"},
    new=lambda fake, body, request: {"title": str(body.get("title"))},
)
Library.resources = (SHELVES, BOOKS)


def test_children_live_under_their_parent_and_need_it() -> None:
    fake = Library()
    with fake.http_client() as http:
        made = http.post("https://library.test/shelves/s1/books", json={"title": "Dune"})
        listed = http.get("https://library.test/shelves/s1/books")
        orphan = http.post("https://library.test/shelves/nope/books", json={"title": "X"})
    assert made.json() == {"title": "Dune"}
    assert listed.json() == [{"title": "Dune"}]
    assert fake.books == {"s1": [{"title": "Dune"}]}  # by the parent's (dotted) id
    assert (orphan.status_code, orphan.json()) == (404, {"error": "no shelf nope"})
    assert "nope" not in fake.books


ROWS: list[dict[str, Any]] = [
    {"id": 1, "info": {"score": "9", "tags": ["vip", "new"], "name": "Ann"}},
    {"id": 2, "info": {"score": 10, "tags": [], "name": "bob"}},
    {"id": 3, "info": {"name": "Cy"}},
]


def ids(tree: Any) -> list[int]:
    return [r["id"] for r in ROWS if matches(r, tree)]


def leaf(field: str, op: str, value: Any) -> dict[str, Any]:
    return {"field": field, "operator": op, "value": value}


def test_filter_tree_operators_logic_and_numbers_in_text() -> None:
    assert ids(None) == ids({}) == [1, 2, 3]
    assert ids(leaf("info.score", "gt", 9)) == [2]  # "9" is the number 9; no score: never
    assert ids(leaf("info.score", "gte", "9")) == [1, 2]
    assert ids(leaf("info.score", "neq", 10)) == [1, 3]
    assert ids(leaf("info.tags", "eq", "vip")) == [1]  # any item of a list
    assert ids(leaf("info.name", "contains", "B")) == [2]  # case-insensitive
    assert ids(leaf("info.name", "in", ["Ann", "Cy"])) == [1, 3]
    either = {"logic": "or", "filters": [leaf("id", "eq", 1), leaf("id", "eq", 3)]}
    assert ids(either) == [1, 3]
    assert ids({"logic": "and", "filters": [either, leaf("info.name", "eq", "Cy")]}) == [3]
    assert dig(ROWS[0], "info.name") == "Ann" and dig(ROWS[2], "info.score.deep") is None


@pytest.mark.parametrize(
    ("tree", "message"),
    [
        (leaf("id", "regex", "."), "Unsupported filter operator: regex"),
        ({"logic": "xor", "filters": []}, "Unsupported filter logic: xor"),
        ({"operator": "eq", "value": 1}, "filter field is required"),
        ([leaf("id", "eq", 1)], "filter must be an object"),
    ],
)
def test_a_malformed_filter_tree_is_a_400(tree: Any, message: str) -> None:
    with pytest.raises(Refused) as info:
        matches(ROWS[0], tree)
    assert (info.value.status, info.value.messages) == (400, (message,))


def test_sort_lists_first_key_first_missing_values_last() -> None:
    rows: list[dict[str, Any]] = [
        {"a": 1, "b": "2"},
        {"a": 2, "b": "10"},
        {"a": 1, "b": "10"},
        {"b": "1"},
    ]
    by = sort_by(rows, [{"field": "a", "dir": "desc"}, {"field": "b"}])
    assert by == [{"a": 2, "b": "10"}, {"a": 1, "b": "2"}, {"a": 1, "b": "10"}, {"b": "1"}]
    assert sort_by(rows, {"field": "b", "dir": "desc"})[0] == {"a": 2, "b": "10"}
    assert sort_by(rows, None) == rows
    with pytest.raises(Refused):
        sort_by(rows, ["a"])
