"""Every catalog endpoint has an operation with the same method and path.

Where the docs contradict themselves, the operation follows the vendor's curl
example (a comment above it says so); those cases are listed here, so that none
slips in unnoticed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxkit._core import operation_of, resolve
from cxkit.omnicxm import OPERATIONS, AsyncOmniCXM, OmniCXM
from cxkit.omnicxm._dialect import OmniCXMHints

CATALOG = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "omnicxm" / "catalog.json").read_text("utf-8")
)
ENDPOINTS = CATALOG["endpoints"]

# catalog id -> (method, path) the SDK sends, after the vendor's curl example.
FOLLOWS_CURL = {
    "users.list_pbx_users": ("GET", "/users/getuserpbx"),
    "fields.get_link": ("POST", "/settings/customfields/field/link"),
    "tickets.actions.do": ("POST", "/services/tickets/action/doing/{id_ticket}"),
    "omnichat.rooms.count_by_source": ("POST", "/services/omnichat/rooms/countsourceroomsbystate"),
    "omnichat.rooms.unread_counts": ("POST", "/services/omnichat/rooms/getunreadmessagelistroom"),
    "omnichat.pages.list": ("GET", "/services/omnichat/pages"),
}


def test_catalog_shape() -> None:
    assert CATALOG["vendor"] == "omnicxm"
    assert CATALOG["seed_files"] == ["000_88c97f36b16b4c83.txt"]
    assert len(ENDPOINTS) == 55
    assert len({(e["method"], e["path"]) for e in ENDPOINTS}) == 55


def _line(method: str, path: str) -> str:
    return f"{method} {path}"


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e["id"] for e in ENDPOINTS])
def test_endpoint_has_operation(endpoint: dict[str, str]) -> None:
    documented = _line(endpoint["method"], endpoint["path"])
    direct = [op for op in OPERATIONS if _line(op.method, op.path) == documented]
    if endpoint["id"] in FOLLOWS_CURL:
        assert direct == [], endpoint["id"]
        (op,) = [op for op in OPERATIONS if (op.method, op.path) == FOLLOWS_CURL[endpoint["id"]]]
    else:
        (op,) = direct
    for client in (
        OmniCXM(secret_key="k", base_url="https://cxm.example.vn"),
        AsyncOmniCXM(secret_key="k", base_url="https://cxm.example.vn"),
    ):
        method = resolve(client, op.name)
        assert operation_of(method).name == op.name
        assert (operation_of(method).method, operation_of(method).path) == (op.method, op.path)


def test_every_operation_is_documented() -> None:
    documented = {_line(e["method"], e["path"]) for e in ENDPOINTS}
    documented |= {_line(*sent) for sent in FOLLOWS_CURL.values()}
    extra = [op.name for op in OPERATIONS if _line(op.method, op.path) not in documented]
    # The curl example of "Get category" lists every category (no id in the path).
    assert extra == ["tickets.categories.list"]
    assert len(OPERATIONS) == 56


def test_operation_hints() -> None:
    by_name = {op.name: op for op in OPERATIONS}
    paged = {op.name for op in OPERATIONS if op.paged}
    assert paged == {
        "cdr.list",
        "objects.list",
        "objects.read",
        "omnichat.messages.list",
        "omnichat.quick_responses.list",
        "omnichat.rooms.list",
        "tags.list",
        "tags.read",
        "tickets.comments.list",
        "tickets.files.list",
        "tickets.list",
        "tickets.logs.list",
        "tickets.read",
        "tickets.requesters.search",
    }
    in_body = {op.name for op in OPERATIONS if op.hints_as(OmniCXMHints).page_in == "body"}
    assert in_body == {
        "objects.read",
        "omnichat.messages.list",
        "omnichat.quick_responses.list",
        "omnichat.rooms.list",
        "tags.read",
        "tickets.files.list",
        "tickets.read",
    }
    # Read-only POSTs are retried like GETs; writes are not.
    for name in ("tickets.read", "objects.read", "cdr.list", "permissions.check"):
        assert by_name[name].is_idempotent, name
    for name in ("tickets.create", "tickets.update", "tickets.comments.update", "objects.create"):
        assert not by_name[name].is_idempotent, name
    assert by_name["users.pbx.list"].auth == "secret_key"
    token_only = {op.name for op in OPERATIONS if op.auth == "token"}
    assert {"users.me", "tickets.read", "omnichat.pages.list", "objects.list"} <= token_only
    assert all(op.summary for op in OPERATIONS)
