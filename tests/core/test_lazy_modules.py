"""A package that offers what its submodules' ``__all__`` list (``cxkit._core.lazy``):
each name is listed once, in its own module, and asking which module has it reads
sources, not modules."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cxkit import _vendors
from cxkit._core import lazy

FACADES = [
    f"{vendor.package}.{sub}"
    for vendor in (*_vendors.vendors(), _vendors.TEMPLATE)
    for sub in ("types", "_async.resources", "_sync.resources")
]


@pytest.mark.parametrize("package", FACADES)
def test_each_submodule_names_its_exports_in_a_literal_list(package: str) -> None:
    # The source is what the package reads to find a name without importing every
    # module: it must say what the module itself says.
    importlib.import_module(package)
    for module in lazy.submodules(package):
        name = package + module
        assert lazy._literal_all(name) == tuple(importlib.import_module(name).__all__), name


@pytest.mark.parametrize(
    ("source", "names"),
    [
        ('__all__ = ["A", "b_c"]\n', ("A", "b_c")),
        ("__all__: list[str] = [\n    'A',  # why A\n    'B',\n]\n", ("A", "B")),
        ('__all__ = ("A",)\n', ("A",)),
        ('__all__ = ["A"]\n__all__ += ["B"]\n', None),  # changed later: the module is asked
        ('__all__ = ["A", *OTHER]\n', None),
        ("__all__ = [NAME]\n", None),
        ('__all__ += ["A"]\n', None),
        ("__all__ = sorted(NAMES)\n", None),
        ("x = 1\n", None),
    ],
)
def test_a_literal_list_is_read_from_the_source(
    source: str, names: tuple[str, ...] | None, demo: str
) -> None:
    importlib.import_module(demo)
    path = Path(importlib.import_module(demo).__path__[0]) / "probe.py"
    path.write_text('"""Probe."""\n\n' + source, encoding="utf-8")
    assert lazy._literal_all(f"{demo}.probe") == names


PACKAGE = {
    "__init__.py": """
        from cxkit._core import lazy_modules

        __getattr__, __dir__ = lazy_modules(__name__, skip=(".skipped",))
    """,
    "alpha.py": """
        __all__ = ["Alpha", "alpha_value"]

        class Alpha: ...

        alpha_value = 1
    """,
    "beta.py": """
        __all__ = ["Beta"]
        __all__ += ["beta_extra"]  # not a literal list: the module is imported and asked

        class Beta: ...

        beta_extra = 2
    """,
    "gamma/__init__.py": """
        __all__ = ["Gamma"]

        class Gamma: ...
    """,
    "skipped.py": """
        __all__ = ["Skipped"]

        class Skipped: ...
    """,
    "_private.py": """
        __all__ = ["Private"]

        class Private: ...
    """,
}


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    root = tmp_path / "lazydemo"
    for name, text in PACKAGE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "lazydemo"
    for module in [m for m in sys.modules if m == "lazydemo" or m.startswith("lazydemo.")]:
        del sys.modules[module]
    for module in [m for m in lazy._declared if m.startswith("lazydemo.")]:
        del lazy._declared[module]


def loaded(package: str) -> set[str]:
    return {m.partition(".")[2] for m in sys.modules if m.startswith(package + ".")}


def test_all_is_every_submodules_list_in_order_read_from_sources(demo: str) -> None:
    package: Any = importlib.import_module(demo)
    assert package.__all__ == ["Alpha", "alpha_value", "Beta", "beta_extra", "Gamma"]
    # Only the module whose list is not a literal, and the subpackage, were imported.
    assert loaded(demo) == {"beta", "gamma"}
    assert set(package.__all__) <= set(dir(package))


def test_a_name_imports_only_its_module_and_is_kept(demo: str) -> None:
    package: Any = importlib.import_module(demo)
    alpha = package.Alpha
    assert alpha is importlib.import_module(f"{demo}.alpha").Alpha
    assert loaded(demo) == {"alpha"}
    assert vars(package)["Alpha"] is alpha


def test_skipped_private_and_unknown_names_are_attribute_errors(demo: str) -> None:
    package: Any = importlib.import_module(demo)
    for name in ("Skipped", "Private", "Nope", "__wrapped__"):
        with pytest.raises(AttributeError, match=f"no attribute '{name}'"):
            getattr(package, name)
    # Refusing a dunder reads no source; the others read every offered module's list.
    assert "skipped" not in loaded(demo) and "_private" not in loaded(demo)


def test_star_import_binds_every_name(demo: str) -> None:
    namespace: dict[str, Any] = {}
    exec(f"from {demo} import *", namespace)
    assert {n for n in namespace if not n.startswith("__")} == {
        "Alpha",
        "alpha_value",
        "Beta",
        "beta_extra",
        "Gamma",
    }


def test_a_vendor_lists_its_names_without_importing_a_model() -> None:
    # A fresh interpreter: the vendor's __all__ (and dir()) are read from sources.
    script = (
        "import json, sys, cxkit.thulium as t\n"
        "names = t.__all__\n"
        "assert set(names) <= set(dir(t))\n"
        "print(json.dumps([names, sorted(sys.modules)]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    names, modules = json.loads(out)
    assert {"Thulium", "AsyncThulium", "ThuliumDialect", "OPERATIONS", "Customer"} <= set(names)
    assert [m for m in modules if m.startswith("cxkit.thulium.types.")] == []
    assert "pydantic.main" not in modules


def test_facades_work_from_a_zipped_install(tmp_path: Path) -> None:
    """Submodules are found by the import system's finders, so a zipped (or otherwise
    not-on-disk) install offers every name too; only the source reading falls back."""
    import zipfile

    import cxkit

    root = Path(cxkit.__file__).parent
    archive = tmp_path / "cxkit.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for file in root.rglob("*.py"):
            zipped.write(file, Path("cxkit") / file.relative_to(root))
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import cxkit.thulium.types as t; from cxkit.omnidesk import Case;"
        "from cxkit.omi._async.resources import AsyncContacts;"
        "assert t.__file__.startswith(sys.argv[1]);"
        "print(len(t.__all__), t.Ticket.__name__, Case.__name__, AsyncContacts.__name__)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(archive)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    from cxkit.thulium import types

    assert done.stdout.split() == [str(len(types.__all__)), "Ticket", "Case", "AsyncContacts"]
