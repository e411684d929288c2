"""Importing cxkit costs only what a program uses: no vendor, no pydantic model, no
httpcore until a client or a model is first touched."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import cxkit
import cxkit._core as core
from cxkit._vendors import Vendor, vendors


def _loaded(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_import_cxkit_loads_no_model_and_no_httpcore() -> None:
    # No vendor either: test_lazy_imports.py checks that.
    loaded = _loaded("import cxkit")
    assert "pydantic.main" not in loaded
    assert "httpcore" not in loaded
    assert "cxkit._core.models" not in loaded


def test_the_core_client_loads_without_pydantic_or_httpcore() -> None:
    loaded = _loaded("from cxkit._core import APIClient")
    assert "cxkit._core._sync.client" in loaded
    assert "pydantic.main" not in loaded
    assert "httpcore" not in loaded


def test_a_lazy_name_resolves_on_first_use_and_is_then_kept() -> None:
    loaded = _loaded("import cxkit\ncxkit.Created")
    assert "cxkit._core.models" in loaded
    assert cxkit.Created is cxkit.Created
    assert "Created" in vars(cxkit)


@pytest.mark.parametrize("package", [cxkit, core], ids=["cxkit", "cxkit._core"])
def test_every_public_name_resolves_and_dir_lists_it(package: object) -> None:
    names = package.__all__  # type: ignore[attr-defined]
    for name in names:
        assert getattr(package, name) is not None, name
    assert set(names) <= set(dir(package))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        cxkit.Nope  # noqa: B018


@pytest.mark.parametrize("vendor", vendors(), ids=lambda v: v.name)
def test_a_vendor_client_loads_no_pydantic_model_and_no_httpcore(vendor: Vendor) -> None:
    loaded = _loaded(f"from {vendor.package} import {vendor.client}")
    assert "pydantic.main" not in loaded
    assert "httpcore" not in loaded
