"""Importing a vendor imports only what is used (issue 20: import within 1.3x of the
dependencies).

``import cxkit`` imports no vendor; ``import cxkit.<vendor>`` imports no client,
resource or model; a client imports a resource's module when the resource is first
read, and its operations carry their names from then on. What a fresh interpreter
loads is read from ``sys.modules`` (tests/core/_lazy_child.py), not timed. The lazy
packages still export every name they list, to Python, ``dir()`` and ``import *``,
and the names the type checker reads (``if TYPE_CHECKING:`` imports) are the
objects Python gets.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import cxkit
from cxkit import _vendors

CHILD = Path(__file__).with_name("_lazy_child.py")
VENDORS = {v.name: v for v in _vendors.vendors()}


def child(command: str, arg: Any = None) -> Any:
    env = dict(os.environ, PYTHONPATH=str(Path(cxkit.__file__).resolve().parents[1]))
    done = subprocess.run(
        [sys.executable, str(CHILD), command, json.dumps(arg)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@cache
def report(name: str) -> dict[str, Any]:
    vendor = VENDORS[name]
    spec = {
        "package": vendor.package,
        "client": vendor.client,
        "credentials": dict(vendor.credentials),
        "resource": vendor.probe.resource,
    }
    result: dict[str, Any] = child("vendor", spec)
    return result


def submodules(package: str, under: str) -> set[str]:
    """The modules of ``package.under`` (a folder of the source), by file."""
    folder = Path(importlib.import_module(package).__file__ or "").parent / under.replace(".", "/")
    return {f"{package}.{under}.{p.stem}" for p in folder.glob("*.py") if p.stem != "__init__"}


def test_importing_cxkit_imports_no_vendor() -> None:
    found = child("core")
    packages = tuple(v.package for v in VENDORS.values())
    assert [m for m in found["loaded"] if m.startswith(packages)] == []
    # Nor the layers built on the vendors.
    assert [m for m in found["loaded"] if m.startswith(("cxkit.testing", "cxkit.unified"))] == []
    assert "CXError" in found["dir"]


@pytest.mark.parametrize("name", VENDORS)
def test_importing_a_vendor_imports_no_client_resource_or_model(name: str) -> None:
    package = VENDORS[name].package
    # The package alone: its types are asked for a name the package does not know.
    assert report(name)["import"] == [package]


@pytest.mark.parametrize("name", VENDORS)
def test_the_sync_client_imports_no_async_code_and_no_resource(name: str) -> None:
    package = VENDORS[name].package
    for step in ("sync client", "sync client built"):
        found = report(name)[step]
        assert f"{package}._sync._client" in found
        assert [m for m in found if m.startswith(f"{package}._async")] == [], step
        assert [m for m in found if m.startswith(f"{package}._sync.resources.")] == [], step
        assert f"{package}._sync._raw" not in found


@pytest.mark.parametrize("name", VENDORS)
def test_reading_a_resource_imports_its_module_only(name: str) -> None:
    vendor = VENDORS[name]
    package = vendor.package
    found = report(name)["probe"]
    resources = [m for m in found if m.startswith(f"{package}._sync.resources.")]
    assert resources, "the probe's resource module is loaded"
    every = submodules(package, "_sync.resources")
    if len(every) > 1:
        assert set(resources) < every
    types = submodules(package, "types")
    if len(types) > 1:
        assert {m for m in found if m.startswith(f"{package}.types.")} < types
    assert [m for m in found if m.startswith(f"{package}._async")] == []


@pytest.mark.parametrize("name", VENDORS)
def test_operations_are_named_when_their_resource_is_first_read(name: str) -> None:
    result = report(name)
    probe = result["probe names"]
    assert probe, "the probe resource has operations"
    assert {path: path for path in probe} == probe
    # Every resource of both clients, read one by one, before OPERATIONS is read.
    assert result["OPERATIONS read early"] is False
    for side in ("sync names", "async names"):
        names = result[side]
        assert {path: path for path in names} == names, side
    assert sorted(result["async names"]) == result["OPERATIONS"]
    assert sorted(result["sync names"]) == result["OPERATIONS"]


@pytest.mark.parametrize("name", VENDORS)
def test_the_raw_view_imports_a_resource_when_it_is_read(name: str) -> None:
    result = report(name)
    package = VENDORS[name].package
    assert f"{package}._sync._raw" in result["raw view"]
    assert set(result["raw view"]) - set(result["probe"]) == {f"{package}._sync._raw"}
    assert result["raw probe"] == result["raw view"]  # the probe's module was loaded already


def test_a_model_is_imported_with_its_module_only() -> None:
    # Thulium's webhook events are the largest model module; a customer does not need it.
    found = child(
        "types", {"module": "cxkit.thulium", "name": "Customer", "scope": "cxkit.thulium"}
    )
    assert found["module"] == "cxkit.thulium.types.crm"
    assert "cxkit.thulium.types.crm" in found["loaded"]
    assert "cxkit.thulium.types.events" not in found["loaded"]
    assert [m for m in found["loaded"] if "._sync" in m or "._async" in m] == []
    found = child(
        "types",
        {"module": "cxkit.thulium.webhooks", "name": "parse_event", "scope": "cxkit.thulium"},
    )
    assert "cxkit.thulium.types.events" in found["loaded"]


# -- the lazy packages export what they list (in-process) --------------------------------


def lazy_packages() -> list[str]:
    out = []
    for vendor in VENDORS.values():
        out += [vendor.package, f"{vendor.package}.types"]
        out += [f"{vendor.package}.{side}.resources" for side in ("_async", "_sync")]
    return out


def checked_imports(module: ModuleType) -> dict[str, str]:
    """The names the module imports under ``if TYPE_CHECKING:`` (what mypy and the docs
    read) -> the module each comes from (``*`` imports expanded with its ``__all__``)."""
    path = Path(module.__file__ or "")
    out: dict[str, str] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not (isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"):
            continue
        for stmt in node.body:
            if not isinstance(stmt, ast.ImportFrom):
                continue
            source = importlib.util.resolve_name(
                "." * stmt.level + (stmt.module or ""), module.__name__
            )
            for alias in stmt.names:
                if alias.name == "*":
                    out.update(dict.fromkeys(importlib.import_module(source).__all__, source))
                else:
                    out[alias.asname or alias.name] = source
    return out


@pytest.mark.parametrize("package", lazy_packages())
def test_every_listed_name_resolves_and_is_what_the_type_checker_reads(package: str) -> None:
    module = importlib.import_module(package)
    checked = checked_imports(module)
    names = list(module.__all__)
    assert len(set(names)) == len(names)
    assert set(names) <= set(dir(module))
    for name in names:
        value = getattr(module, name)
        if name in checked:
            assert value is getattr(importlib.import_module(checked[name]), name), name
        else:
            assert name == "OPERATIONS", f"{package}.{name} is not imported for type checking"
    # A name imported for type checking but not exported would be missing at runtime.
    assert set(checked) - {"Operation"} <= set(names)
    with pytest.raises(AttributeError, match="no attribute 'NoSuchName'"):
        module.NoSuchName  # noqa: B018


@pytest.mark.parametrize("package", [p for p in lazy_packages() if p.endswith(".types")])
def test_star_import_binds_every_name(package: str) -> None:
    namespace: dict[str, Any] = {}
    exec(f"from {package} import *", namespace)
    module = importlib.import_module(package)
    assert {n: namespace[n] for n in module.__all__} == {
        n: getattr(module, n) for n in module.__all__
    }
