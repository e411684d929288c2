"""One vocabulary across vendors: list, get, create, update, delete, find.

A vendor's own verb is allowed only for an action that is none of these, and only
when it is listed here: adding one is a conscious choice.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest

import cxkit

CRUD = {"list", "get", "create", "update", "delete", "find"}

# Actions that are none of the CRUD verbs, per vendor (operation's last name).
VENDOR_VERBS: dict[str, set[str]] = {
    "thulium": {
        # agent phone and status actions
        *("answer", "call", "call_preview", "free", "hangup", "hold", "unhold", "login"),
        *("logout", "mute", "unmute", "pause", "stop_recording", "transfer"),
        # chat conversations, campaigns and their records
        *("start", "stop", "copy_notes", "add", "remove", "set", "clone", "update_status"),
    },
    "omnidesk": {
        "trash",
        "spam",
        "restore",
        "block",
        "disable",
        "enable",
        "moveup",
        "movedown",
        "bulk_update",
        "bulk_trash",
        "bulk_spam",
        "bulk_restore",
        "set_official_response",
        "delete_official_response",
        "staff_leaderboard",
        "groups_leaderboard",
        "rate",
        "identify",
        "link",
        "unlink",
        "leaderboard",
        "satisfaction",
    },
    "omi": {
        "add_members",
        "remove_members",
        "add_note",
        "create_many",
        "upload",
        "text_to_speech",
        "assign_extension",
        "update_status",
    },
    "omnicxm": {
        "login",
        "logout",
        "me",
        "check",
        "check_special",
        "update_password",
        "update_avatar",
        "get_api_sample",
        "read",
        "search",
        "convert",
        "do",
        "pause",
        "unlink",
        "count_by_source",
        "count_by_state",
        "unread_counts",
    },
}


NOT_VENDORS = frozenset({"testing", "unified", "cli"})
"""Packages of cxkit that are no vendor (the unified layer and the command line)."""


def vendors() -> list[tuple[str, Any]]:
    found = []
    for info in pkgutil.iter_modules(cxkit.__path__):
        if info.name.startswith("_") or not info.ispkg or info.name in NOT_VENDORS:
            continue
        module = importlib.import_module(f"cxkit.{info.name}")
        if hasattr(module, "OPERATIONS"):
            found.append((info.name, module.OPERATIONS))
    return found


def test_every_vendor_is_checked() -> None:
    names = {name for name, _ in vendors()}
    assert {"omnidesk", "omi", "omnicxm"} <= names
    assert names <= set(VENDOR_VERBS), f"list the vendor verbs of {names - set(VENDOR_VERBS)}"


@pytest.mark.parametrize(("vendor", "operations"), vendors(), ids=[v for v, _ in vendors()])
def test_operations_use_the_vocabulary(vendor: str, operations: Any) -> None:
    allowed = CRUD | VENDOR_VERBS[vendor]
    odd = sorted(op.name for op in operations if op.name.rsplit(".", 1)[-1] not in allowed)
    assert odd == [], f"{vendor}: use list/get/create/update/delete/find, or list a vendor verb"
    unused = VENDOR_VERBS[vendor] - {op.name.rsplit(".", 1)[-1] for op in operations}
    assert unused == set(), f"{vendor}: vendor verbs no longer used: {unused}"
