"""Every endpoint of the Omnidesk catalog has an operation, and no operation is undocumented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxkit._core import operation_of, resolve
from cxkit.omnidesk import OPERATIONS, AsyncOmnidesk, Omnidesk

CATALOG = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "omnidesk" / "catalog.json").read_text("utf-8")
)
ENDPOINTS = CATALOG["endpoints"]

# Catalog ids whose resource sits under cases in the SDK.
PREFIX = {
    "case_messages": "cases.messages",
    "case_notes": "cases.notes",
    "case_ideas": "cases.idea",
}

# Documented variants of a catalog endpoint (same method and path): the bulk forms
# /cases/[id],[id],[id].json of update, trash, spam and restore.
VARIANTS = {"cases.bulk_update", "cases.bulk_trash", "cases.bulk_spam", "cases.bulk_restore"}

# Endpoints the seed never mentions, served as an independent, maintained client
# uses them: name -> (method, path, idempotent).
BEYOND_SEED = {
    "cases.changelog.list": ("GET", "/cases/{case_id}/changelog.json", True),
    "cases.rate": ("PUT", "/cases/{case_id}/rate.json", True),
    "cases.messages.rate": ("PUT", "/cases/{case_id}/rate/{message_id}.json", True),
    "macros.list": ("GET", "/macros.json", True),
    "staff_roles.list": ("GET", "/staff_roles.json", True),
    "staff_statuses.list": ("GET", "/staff_statuses.json", True),
    "statistics.leaderboard": ("GET", "/stats_leaderboard.json", True),
    "statistics.satisfaction": ("GET", "/stats_satisfaction.json", True),
    "users.identify": ("POST", "/users/identification.json", False),
    "users.link": ("PUT", "/users/{user_id}/link.json", True),
    "users.unlink": ("PUT", "/users/{user_id}/unlink.json", True),
}


def name_of(catalog_id: str) -> str:
    group, action = catalog_id.split(".", 1)
    return f"{PREFIX.get(group, group)}.{action}"


def test_catalog_has_every_seed_endpoint() -> None:
    assert len(ENDPOINTS) == 93
    assert len({(e["method"], e["path"]) for e in ENDPOINTS}) == 93


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e["id"] for e in ENDPOINTS])
def test_endpoint_has_operation(endpoint: dict[str, object]) -> None:
    by_name = {op.name: op for op in OPERATIONS}
    op = by_name[name_of(str(endpoint["id"]))]
    assert (op.method, op.path) == (endpoint["method"], endpoint["path"])
    for client in (
        Omnidesk(domain="acme", email="a@b.ru", api_key="k"),
        AsyncOmnidesk(domain="acme", email="a@b.ru", api_key="k"),
    ):
        method = resolve(client, op.name)
        assert operation_of(method).name == op.name
        assert (operation_of(method).method, operation_of(method).path) == (op.method, op.path)


def test_no_undocumented_operations() -> None:
    documented = {(e["method"], e["path"]) for e in ENDPOINTS}
    names = {name_of(str(e["id"])) for e in ENDPOINTS}
    for op in OPERATIONS:
        if op.name in BEYOND_SEED:
            continue
        assert (op.method, op.path) in documented, op.name
        assert op.name in names or op.name in VARIANTS, op.name
    assert len(OPERATIONS) == len(ENDPOINTS) + len(VARIANTS) + len(BEYOND_SEED)
    assert len({op.name for op in OPERATIONS}) == len(OPERATIONS)


def test_every_operation_has_a_summary() -> None:
    for op in OPERATIONS:
        assert op.summary and op.summary[0].isupper(), op.name


@pytest.mark.parametrize("name", sorted(BEYOND_SEED))
def test_operation_beyond_the_seed(name: str) -> None:
    method, path, idempotent = BEYOND_SEED[name]
    by_name = {op.name: op for op in OPERATIONS}
    op = by_name[name]
    assert (op.method, op.path, op.is_idempotent) == (method, path, idempotent)
    assert "beyond the documented seed" in op.summary
    # Not a second operation for a documented endpoint.
    assert (method, path) not in {(e["method"], e["path"]) for e in ENDPOINTS}
    for client in (
        Omnidesk(domain="acme", email="a@b.ru", api_key="k"),
        AsyncOmnidesk(domain="acme", email="a@b.ru", api_key="k"),
    ):
        bound = operation_of(resolve(client, name))
        assert (bound.name, bound.method, bound.path) == (name, method, path)


def test_only_listed_operations_are_beyond_the_seed() -> None:
    marked = {op.name for op in OPERATIONS if "beyond the documented seed" in op.summary}
    assert marked == set(BEYOND_SEED)
