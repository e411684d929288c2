"""Every endpoint of both OMI seeds has an operation with the same method and path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxkit._core import operation_of, resolve
from cxkit.omi import OPERATIONS, AsyncOmi, Omi

CATALOG = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "omi" / "catalog.json").read_text("utf-8")
)
ENDPOINTS = CATALOG["endpoints"]


def test_catalog_covers_both_seeds() -> None:
    assert set(CATALOG["seed_files"]) == {"002_acfa5e92f34eb488.txt", "003_275465707039571e.txt"}
    assert {e["seed_file"] for e in ENDPOINTS} == set(CATALOG["seed_files"])
    assert len(ENDPOINTS) == 28
    assert len({(e["method"], e["path"]) for e in ENDPOINTS}) == 28


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e["id"] for e in ENDPOINTS])
def test_endpoint_has_operation(endpoint: dict[str, object]) -> None:
    matches = [
        op for op in OPERATIONS if (op.method, op.path) == (endpoint["method"], endpoint["path"])
    ]
    assert len(matches) == 1, endpoint["id"]
    (op,) = matches
    for client in (
        Omi(base_url="https://o.vn", token="t"),
        AsyncOmi(base_url="https://o.vn", token="t"),
    ):
        method = resolve(client, op.name)
        assert (operation_of(method).method, operation_of(method).path) == (op.method, op.path)
        assert operation_of(method).name == op.name


def test_no_undocumented_operations() -> None:
    documented = {(e["method"], e["path"]) for e in ENDPOINTS}
    assert {(op.method, op.path) for op in OPERATIONS} == documented
    assert len(OPERATIONS) == 28


def test_read_only_post_is_idempotent() -> None:
    by_name = {op.name: op for op in OPERATIONS}
    assert by_name["contacts.list"].is_idempotent
    assert not by_name["contacts.create"].is_idempotent
    paged = {op.name for op in OPERATIONS if op.paged}
    assert paged == {
        "contacts.list",
        "internal_phones.list",
        "internal_groups.list",
        "key_interactions.list",
        "greetings.list",
    }
