"""A with_options copy shares exactly the state its client declares, and the seams the
CLI and OpenTelemetry use are the client's and the page's own."""

from __future__ import annotations

from typing import Any

import pytest

from cxkit._core import APIResource, AsyncAPIResource, operation_of, paging_of
from cxkit._vendors import TEMPLATE, Vendor, vendors

VENDORS = [*vendors(), TEMPLATE]


def _state(client: Any) -> set[str]:
    """A client's instance state, without the resources it made on first use."""
    return {
        name
        for name, value in vars(client).items()
        if not isinstance(value, (APIResource, AsyncAPIResource))
    }


@pytest.mark.parametrize("vendor", VENDORS, ids=lambda v: v.name)
@pytest.mark.parametrize("kind", ["client", "async_client"])
def test_a_copy_has_every_piece_of_state_its_client_has(vendor: Vendor, kind: str) -> None:
    client = getattr(vendor.fake_class()(), kind)()
    probe = getattr(client, vendor.probe.resource)  # a resource made before the copy
    copy = client.with_options(max_retries=0)
    undeclared = _state(client) - set(type(client)._SHARED_STATE) - {"_settings", "_owner"}
    assert undeclared == set(), f"{type(client).__name__} must declare {undeclared}"
    assert _state(copy) == _state(client)
    assert copy._shared is client._shared and copy._settings is not client._settings
    # Resources are made per client: the copy's call with its own settings.
    assert getattr(copy, vendor.probe.resource) is not probe


def test_observers_are_added_and_removed_through_the_client_for_its_whole_family() -> None:
    client = TEMPLATE.fake_class()().client()
    copy = client.with_options(max_retries=0)
    observer: Any = object()
    before = client._shared.observers
    client._add_observer(observer)
    assert copy._observers() == (observer,)
    assert before == []  # replaced, not changed in place (in-flight attempts keep theirs)
    copy._remove_observer(observer)
    assert client._observers() == ()


def test_a_page_says_how_to_fetch_the_next_one() -> None:
    fake = TEMPLATE.fake_class()()
    client = fake.client()
    for n in range(3):
        client.items.create(name=f"item {n}")
    op = operation_of(client.items.list)
    strategy = paging_of(client, op)
    page = client.items.list(**{strategy.size_key: 2})  # type: ignore[union-attr]
    assert page.next_page_params is not None
    assert page.next_page_params[strategy.page_key] == 2  # type: ignore[union-attr]
    last = page.get_next_page()
    assert last.next_page_params is None
