"""Which writes may be replayed: every PUT and DELETE of every vendor was reviewed.

A PUT or DELETE is idempotent by default. Those whose second call differs from the
first (reorders, sends, toggles, counters) are declared ``idempotent=False`` on
their operation and listed here, so adding one is a conscious choice; POSTs that
only read or set a state are declared ``idempotent=True`` and listed too.
"""

from __future__ import annotations

import importlib

import pytest

NOT_REPLAYED = {
    "omnidesk": {
        "kb_articles.moveup",
        "kb_articles.movedown",
        "kb_categories.moveup",
        "kb_categories.movedown",
        "kb_sections.moveup",
        "kb_sections.movedown",
    },
    "omi": set(),
    "thulium": set(),
}

REPLAYED_POSTS = {
    "omnidesk": set(),
    "omi": {"contacts.list"},
    "thulium": {"outbounds.agents.set", "tags.create"},
}


@pytest.mark.parametrize("vendor", sorted(NOT_REPLAYED))
def test_non_idempotent_puts_and_deletes_are_the_reviewed_ones(vendor: str) -> None:
    operations = importlib.import_module(f"cxkit.{vendor}").OPERATIONS
    declared = {
        op.name
        for op in operations
        if op.method in ("PUT", "DELETE", "PATCH") and not op.is_idempotent
    }
    assert declared == NOT_REPLAYED[vendor]


@pytest.mark.parametrize("vendor", sorted(REPLAYED_POSTS))
def test_replayable_posts_are_the_reviewed_ones(vendor: str) -> None:
    operations = importlib.import_module(f"cxkit.{vendor}").OPERATIONS
    declared = {op.name for op in operations if op.method == "POST" and op.is_idempotent}
    assert declared == REPLAYED_POSTS[vendor]
