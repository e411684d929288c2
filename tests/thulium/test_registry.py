"""Every endpoint of the Thulium catalog has an operation; none is undocumented; one vocabulary."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

from cxkit._core import operation_of, resolve
from cxkit.thulium import OPERATIONS, AsyncThulium, Thulium

CATALOG = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "thulium" / "catalog.json").read_text("utf-8")
)
ENDPOINTS = CATALOG["endpoints"]
BY_ROUTE = {(op.method, op.path): op for op in OPERATIONS}

VOCABULARY = {"list", "get", "create", "update", "delete", "find"}
# The vendor's own verbs, for actions that are none of the above.
VENDOR_VERBS = {
    # agents: phone and status actions
    "answer",
    "call",
    "call_preview",
    "free",
    "hangup",
    "hold",
    "login",
    "logout",
    "mute",
    "pause",
    "stop_recording",
    "transfer",
    "unhold",
    "unmute",
    # chat conversations
    "start",
    "stop",
    # campaigns
    "add",
    "remove",
    "set",
    "clone",
    "copy_notes",
    "get_stats",
    "today_stats",
    "get_today_stats",
    "update_status",
}

# Paged list operations and the largest ``limit`` the docs allow for each.
MAX_LIMITS = {
    ("GET", "/agents_work_report"): 100,
    ("GET", "/chats"): 100,
    ("GET", "/chats/reports/summary"): 100,
    ("GET", "/crm_outbounds/{id}/records"): 100,
    ("GET", "/companies"): 1000,
    ("GET", "/customers"): 1000,
}


def test_catalog_has_every_seed_endpoint() -> None:
    assert CATALOG["seed_files"] == ["004_91dfdb3300e71a01.txt"]
    assert len(ENDPOINTS) == 99
    assert len({(e["method"], e["path"]) for e in ENDPOINTS}) == 99
    assert sum(1 for e in ENDPOINTS if not e["detailed"]) == 36


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e["id"] for e in ENDPOINTS])
def test_endpoint_has_operation(endpoint: dict[str, object]) -> None:
    op = BY_ROUTE.get((str(endpoint["method"]), str(endpoint["path"])))
    assert op is not None, f"no operation for {endpoint['method']} {endpoint['path']}"
    for client in (
        Thulium(system="acme", username="u", password="p"),
        AsyncThulium(system="acme", username="u", password="p"),
    ):
        method = resolve(client, op.name)
        assert operation_of(method).name == op.name
        assert (operation_of(method).method, operation_of(method).path) == (op.method, op.path)


def test_no_undocumented_operations() -> None:
    documented = {(e["method"], e["path"]) for e in ENDPOINTS}
    routes = [(op.method, op.path) for op in OPERATIONS]
    assert set(routes) == documented
    assert len(routes) == len(set(routes)) == 99
    assert len({op.name for op in OPERATIONS}) == len(OPERATIONS)


def test_one_vocabulary() -> None:
    for op in OPERATIONS:
        verb = op.name.rsplit(".", 1)[-1]
        assert verb in VOCABULARY or verb in VENDOR_VERBS, op.name


def test_every_operation_has_a_summary() -> None:
    for op in OPERATIONS:
        assert op.summary and op.summary[0].isupper() and op.summary.endswith("."), op.name


@pytest.mark.parametrize(
    "endpoint",
    [e for e in ENDPOINTS if not e["detailed"]],
    ids=[e["id"] for e in ENDPOINTS if not e["detailed"]],
)
def test_index_only_operations_say_they_are_inferred(endpoint: dict[str, object]) -> None:
    op = BY_ROUTE[(str(endpoint["method"]), str(endpoint["path"]))]
    doc = inspect.getdoc(resolve(AsyncThulium(system="acme", username="u", password="p"), op.name))
    assert doc is not None and "inferred" in doc.lower(), op.name


def test_paged_operations_and_their_limits() -> None:
    client = AsyncThulium(system="acme", username="u", password="p")
    for route, limit in MAX_LIMITS.items():
        op = BY_ROUTE[route]
        assert op.paged, op.name
        assert client._dialect.paging(op).max_limit == limit, op.name
    for op in OPERATIONS:
        if op.paged:
            assert op.method == "GET", op.name
            params = inspect.signature(resolve(client, op.name)).parameters
            assert {"limit", "offset"} <= set(params), op.name


def test_writes_are_not_retried_blindly() -> None:
    # Only writes that give the same outcome when repeated may be retried: adding
    # tags (duplicates are skipped) and setting a campaign's agent list.
    retried = {
        (op.method, op.path) for op in OPERATIONS if op.method == "POST" and op.is_idempotent
    }
    assert retried == {("POST", "/tags"), ("POST", "/outbounds/{id}/set_agents")}


def test_every_public_method_ends_with_request_options() -> None:
    client = AsyncThulium(system="acme", username="u", password="p")
    for op in OPERATIONS:
        params = list(inspect.signature(resolve(client, op.name)).parameters.values())
        assert params[-1].kind is inspect.Parameter.VAR_KEYWORD, op.name
        names = {p.name for p in params}
        assert not names & {"extra_headers", "extra_query", "extra_body", "timeout"}, op.name
