"""The query builder's wire output: the seed's example bodies, every operator, sorting."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cxkit.omnicxm.query import (
    Condition,
    F,
    Filter,
    Sort,
    build_filter,
    build_sort,
    wire_value,
)

CATALOG = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "omnicxm" / "catalog.json").read_text("utf-8")
)
EXAMPLES = {e["id"]: e["example_request"]["body"] for e in CATALOG["endpoints"]}
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def test_tickets_read_example_filter_and_sort() -> None:
    example = EXAMPLES["tickets.read"]
    since = datetime(2022, 4, 1, tzinfo=VN)
    until = datetime(2022, 4, 30, 23, 59, 59, tzinfo=VN)
    where = (F("last_modified.time") >= since) & (F("last_modified.time") <= until)
    assert build_filter(where) == example["filter"]
    assert build_filter(F("last_modified.time").between(since, until)) == example["filter"]
    assert build_sort(("created.time", "desc")) == example["sort"]
    assert build_sort(F("created.time").desc()) == example["sort"]
    assert build_sort("-created.time") == example["sort"]
    assert build_sort([Sort("created.time", "desc")]) == example["sort"]


def test_objects_read_example_single_condition_is_wrapped() -> None:
    example = EXAMPLES["objects.read"]
    where = F("last_modified.time") >= 1688144400
    assert build_filter(where) == example["filter"]
    assert build_sort([("last_modified.time", "desc")]) == example["sort"]


def test_tags_read_example_sort_object() -> None:
    assert build_sort(("last_modified.time", "desc")) == [EXAMPLES["tags.read"]["sort"]]


@pytest.mark.parametrize(
    ("condition", "operator", "value"),
    [
        (F("a") == 1, "eq", 1),
        (F("a") != "x", "neq", "x"),
        (F("a") > 2, "gt", 2),
        (F("a") >= 2, "gte", 2),
        (F("a") < 3, "lt", 3),
        (F("a") <= 3, "lte", 3),
        (F("a").in_(["x", "y"]), "in", ["x", "y"]),
        (F("a").contains("nguyen"), "contains", "nguyen"),
        (F("a").op("startswith", "ng"), "startswith", "ng"),
        (Condition("a", "isnotnull"), "isnotnull", None),
    ],
)
def test_operators(condition: Condition, operator: str, value: object) -> None:
    assert condition.to_wire() == {"field": "a", "operator": operator, "value": value}


def test_nesting_and_flattening() -> None:
    a, b, c = F("a") == 1, F("b") == 2, F("c") == 3
    assert build_filter(a & b & c) == {
        "logic": "and",
        "filters": [a.to_wire(), b.to_wire(), c.to_wire()],
    }
    assert build_filter((a & b) | c) == {
        "logic": "or",
        "filters": [{"logic": "and", "filters": [a.to_wire(), b.to_wire()]}, c.to_wire()],
    }
    assert build_filter(a | (b | c)) == {
        "logic": "or",
        "filters": [a.to_wire(), b.to_wire(), c.to_wire()],
    }


def test_values_become_epoch_seconds() -> None:
    moment = datetime(2023, 7, 1, tzinfo=VN)
    assert wire_value(moment) == 1688144400
    assert wire_value([moment, 5]) == [1688144400, 5]
    assert wire_value(date(2023, 7, 1), VN) == 1688144400
    assert (F("t").in_([moment]).to_wire()["value"]) == [1688144400]
    with pytest.raises(ValueError, match="aware"):
        wire_value(datetime(2023, 7, 1))
    with pytest.raises(ValueError, match="time zone"):
        wire_value(date(2023, 7, 1))
    assert build_filter(F("t") >= date(2023, 7, 1), VN) == {
        "logic": "and",
        "filters": [{"field": "t", "operator": "gte", "value": 1688144400}],
    }
    assert wire_value(datetime(2023, 6, 30, 17, tzinfo=timezone.utc)) == 1688144400


def test_raw_mappings_pass_through() -> None:
    raw = {"logic": "or", "filters": [{"field": "x", "operator": "weird", "value": 1}]}
    assert build_filter(raw) == raw
    assert build_sort({"field": "x", "dir": "asc"}) == [{"field": "x", "dir": "asc"}]


def test_misuse_is_refused() -> None:
    with pytest.raises(TypeError, match="&"):
        bool(F("a") == 1)
    with pytest.raises(TypeError, match="&"):
        _ = (F("a") == 1) and (F("b") == 2)
    with pytest.raises(ValueError):
        F("")
    with pytest.raises(ValueError):
        Sort("a", "down")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Filter("xor", (F("a") == 1,))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Filter("and", ())
    with pytest.raises(TypeError):
        F("a").in_("abc")
    with pytest.raises(TypeError):
        build_filter("a = 1")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        build_sort(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        build_sort([])
    with pytest.raises(TypeError):
        _ = (F("a") == 1) & "b = 2"  # type: ignore[operator]
    assert build_filter(None) is None and build_sort(None) is None
    assert repr(F("a") >= 1) == "Condition('a' gte 1)"
