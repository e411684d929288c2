"""The template vendor reaches every cross-vendor check through the registry alone.

``tests/conftest.py`` registers ``cxkit._vendors.TEMPLATE`` and nothing else names
the template to those checks: raw-response views, vocabulary, public types,
idempotency review, tolerant parsing, dialect fuzzing and the docs harness each
pick it up from the registry. The template itself works end to end on its fake.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from cxkit import NotFoundError, _vendors
from cxkit._template import AsyncTemplate, Item, Template
from cxkit.testing._template import FakeTemplate
from tests.core import (
    test_idempotency,
    test_public_types,
    test_tolerance_property,
    test_vocabulary,
)
from tests.docs import _harness, test_guides
from tests.faults import test_dialect_fuzz

ROOT = Path(__file__).resolve().parents[2]
CROSS_VENDOR = (
    test_idempotency,
    test_public_types,
    test_tolerance_property,
    test_vocabulary,
    test_dialect_fuzz,
    _harness,
)


def _gen_raw() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_raw", ROOT / "scripts" / "gen_raw.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_template_is_registered_by_the_test_setup_only() -> None:
    assert _vendors.TEMPLATE in _vendors.vendors()
    assert _vendors.TEMPLATE not in _vendors.VENDORS[:4]  # not shipped as a vendor
    for module in CROSS_VENDOR:
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        assert "template" not in source.lower(), f"{module.__name__} names the template"


def test_every_cross_vendor_check_covers_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "template" in {name for name, _ in test_vocabulary.vendors()}
    assert "template" in test_idempotency.NAMES
    assert "template" in test_public_types.NAMES
    assert test_tolerance_property.MODELS.get(Item) == "template"
    assert "template" in test_dialect_fuzz.VENDORS
    assert "template" in test_dialect_fuzz.BODIES
    # The docs checks run every guide the registry names, the template's included.
    assert _vendors.TEMPLATE.guide in test_guides.FAKES
    assert test_guides.FAKES[_vendors.TEMPLATE.guide] == FakeTemplate.__name__


def test_gen_raw_writes_its_raw_views() -> None:
    gen_raw = _gen_raw()
    target = gen_raw.target_of(_vendors.TEMPLATE)
    assert target == ROOT / "src" / "cxkit" / "_template" / "_async" / "_raw.py"
    assert gen_raw.render(_vendors.TEMPLATE) == target.read_text(encoding="utf-8")


def test_the_template_works_on_its_fake() -> None:
    fake = FakeTemplate(count=3)
    with fake.client() as client:
        assert [item.id for item in client.items.list(limit=2)] == [1, 2, 3]
        created = client.items.create(name="four")
        assert created.id == 4 and created.created is not None
        client.items.moveup(4)
        assert list(fake.items) == [1, 2, 4, 3]
        raw = client.with_raw_response.items.get(4)
        assert raw.status_code == 200 and raw.parse() == created
        client.items.delete(4)
        with pytest.raises(NotFoundError) as info:
            client.items.get(4)  # HTTP 200 with "ok": false
    assert info.value.vendor == "template" and info.value.status_code == 404
    assert sys.modules["cxkit._template"].OPERATIONS[0].name.startswith("items.")


async def test_the_async_template_works_on_its_fake() -> None:
    fake = FakeTemplate(count=120)
    async with fake.async_client() as client:
        assert isinstance(client, AsyncTemplate)
        ids = [item.id async for item in client.items.list()]
        assert ids == list(range(1, 121))  # two pages of at most 100
        assert (await client.items.update(5, name="five")).name == "five"
    assert not isinstance(client, Template)
