"""The fakes' shared pieces: declared field rules and answer shaping."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pytest

from cxkit.testing import Refused
from cxkit.testing import _listing as listing
from cxkit.testing import _rules as rules
from cxkit.testing._rules import Field, Wording, check, read, refuse

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
        "kind": Field("enum", allowed=("a", "b")),
        "when": Field("date"),
        "tags": Field("list", items="text"),
        "address": Field("object"),
    }
    body = {"age": "-3", "kind": "c", "when": "2024-1-1", "tags": ["x", ""], "address": 1, "z": 0}
    assert check(body, spec, DOTTED) == [
        "Name is required.",
        "Unknown field: z.",
        "age must be a number.",
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
    assert check({"name": "Ann"}, spec, DOTTED, partial=True) == []
    assert check({"surname": " "}, spec, DOTTED, partial=True) == ["Surname cannot be empty."]
    assert check({}, spec, DOTTED) == ["Surname is required."]


def test_refs_name_a_record_of_the_fake() -> None:
    fake = SimpleNamespace(companies={1: {}}, queues=[{"queue_id": 7}])
    spec = {
        "company_id": Field("int", ref="companies", missing="Company not found."),
        "queue_id": Field("int", ref="queues:queue_id"),
    }
    assert check({"company_id": "1", "queue_id": 7}, spec, DOTTED, fake=fake) == []
    assert check({"company_id": 2, "queue_id": "8"}, spec, DOTTED, fake=fake) == [
        "Company not found.",
        "queue_id 8 not found.",
    ]


def test_nested_objects_are_checked_with_the_same_wording() -> None:
    spec = {"parameters": Field("object", fields={"timeout": Field("int")})}
    assert check({"parameters": {"timeout": "x", "colour": 1}}, spec, DOTTED) == [
        "Unknown field: colour.",
        "timeout must be a number.",
    ]


def test_unknown_fields_may_be_allowed_and_messages_overridden() -> None:
    spec = {"mail": Field("email", message="Wrong format of e-mail address.")}
    assert check({"mail": "x", "other": 1}, spec, Wording(), unknown=False) == [
        "Wrong format of e-mail address."
    ]
    assert check({"other": 1}, spec, Wording()) == ["unknown field other"]


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
    def work(item: int) -> dict[str, int] | None:
        if item < 0:
            raise Refused(404, "Not", "found.")
        return {"id": item}

    assert listing.batch([1, -1], work, status=201) == {
        "0": {"http_status": 201, "id": 1},
        "1": {"http_status": 404, "message": "Not found."},
    }
    assert listing.members(["a"], ["a", "b", "b"], "add") == ["a", "b"]
    assert listing.members(["a", "b"], ["a"], "remove") == ["b"]
    assert listing.members(["a"], ["c", "c"], "set") == ["c"]
    assert listing.truthy("Yes") and not listing.truthy("0") and listing.truthy(1)
    assert listing.public({"a": [1], "_b": 2}) == {"a": [1]}
