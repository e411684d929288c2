"""Which writes may be replayed: every PUT and DELETE of every vendor was reviewed.

A PUT or DELETE is idempotent by default. Those whose second call differs from the
first (reorders, sends, toggles, counters) are declared ``idempotent=False`` on
their operation and listed in the vendor's registry entry (``not_replayed``), so
adding one is a conscious choice; POSTs that only read or set a state are declared
``idempotent=True`` and listed too (``replayed_posts``).
"""

from __future__ import annotations

import pytest

from cxkit import _vendors

NAMES = [v.name for v in _vendors.vendors()]


@pytest.mark.parametrize("vendor", NAMES)
def test_non_idempotent_puts_and_deletes_are_the_reviewed_ones(vendor: str) -> None:
    entry = _vendors.get(vendor)
    declared = {
        op.name
        for op in entry.module().OPERATIONS
        if op.method in ("PUT", "DELETE", "PATCH") and not op.is_idempotent
    }
    assert declared == entry.not_replayed


@pytest.mark.parametrize("vendor", NAMES)
def test_replayable_posts_are_the_reviewed_ones(vendor: str) -> None:
    entry = _vendors.get(vendor)
    operations = entry.module().OPERATIONS
    declared = {op.name for op in operations if op.method == "POST" and op.is_idempotent}
    assert declared == entry.replayed_posts
