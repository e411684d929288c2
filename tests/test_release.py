"""Release engineering: one version, a changelog entry for it, pinned ranges and tools,
and scripts/check_dist.py catching a wheel or sdist that would ship wrong."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import cxkit

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the dev extra installs tomli there
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _load_check_dist() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_dist", ROOT / "scripts" / "check_dist.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_dist", module)
    spec.loader.exec_module(module)
    return module


check_dist = _load_check_dist()
VERSION = check_dist.version()
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_version_is_written_once() -> None:
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "src/cxkit/_version.py"
    assert cxkit.__version__ == VERSION


def test_the_changelog_has_the_release_under_unreleased() -> None:
    assert check_dist.changelog_problems(CHANGELOG, VERSION) == []


def test_a_changelog_without_the_entry_or_unreleased_is_refused() -> None:
    without_unreleased = CHANGELOG.replace("## Unreleased\n", "", 1)
    assert check_dist.changelog_problems(without_unreleased, VERSION)
    other = re.sub(rf"^## {re.escape(VERSION)} ", "## 0.0.1 ", CHANGELOG, flags=re.MULTILINE)
    assert any("no '##" in p for p in check_dist.changelog_problems(other, VERSION))
    empty = f"# Changelog\n\n## Unreleased\n\n## {VERSION} (2026-01-01)\n\nNothing.\n"
    assert any("lists no change" in p for p in check_dist.changelog_problems(empty, VERSION))


def _wheel(*extra: str, drop: str = "") -> list[str]:
    names = [f"cxkit-{VERSION}.dist-info/METADATA", "cxkit/__init__.py", "cxkit/py.typed"]
    return [n for n in names if n != drop] + list(extra)


MODULES = {"cxkit/__init__.py", "cxkit/py.typed"}


def test_a_right_wheel_passes() -> None:
    assert check_dist.wheel_problems(_wheel(), VERSION, MODULES) == []


def test_a_wheel_without_py_typed_or_with_junk_is_refused() -> None:
    assert check_dist.wheel_problems(_wheel(drop="cxkit/py.typed"), VERSION, MODULES)
    for junk in ("tests/test_x.py", "benchmarks/quota.py", "cxkit/__pycache__/a.cpython-311.pyc"):
        assert check_dist.wheel_problems(_wheel(junk), VERSION, MODULES), junk
    assert check_dist.wheel_problems(_wheel("cxkit/stray.py"), VERSION, MODULES)


def test_an_sdist_with_local_junk_is_refused() -> None:
    top = f"cxkit-{VERSION}/"
    right = [top + n for n in (*check_dist.SDIST_NEEDS, "src/cxkit/__init__.py")]
    right += [top + f"{d}/x.py" for d in check_dist.SDIST_DIRS]
    assert check_dist.sdist_problems(right, VERSION) == []
    for junk in (".hypothesis/examples/ab", "tests/__pycache__/t.pyc", ".venv/bin/python"):
        assert check_dist.sdist_problems([*right, top + junk], VERSION), junk
    assert check_dist.sdist_problems(right[1:], VERSION)  # pyproject.toml missing


def _requirement(requirements: list[str], name: str) -> str:
    (found,) = [r for r in requirements if re.match(rf"{name}\b(?![-_])", r)]
    return found


def test_what_the_code_relies_on_privately_is_pinned_to_a_tested_range() -> None:
    dependencies = PYPROJECT["project"]["dependencies"]
    for name in ("pydantic", "httpx"):
        # .ci/run installs the lower bound exactly; the upper bound excludes the next minor.
        assert re.fullmatch(rf"{name}>=\d+\.\d+,<\d+\.\d+", _requirement(dependencies, name))


def test_dev_tools_are_pinned_exactly_and_tests_run_in_parallel() -> None:
    dev = PYPROJECT["project"]["optional-dependencies"]["dev"]
    for tool in ("ruff", "mypy"):
        assert re.fullmatch(rf"{tool}==[\d.]+", _requirement(dev, tool))
    assert _requirement(dev, "pytest-xdist")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = readme.split("<!-- test-command -->\n```bash\n", 1)[1].split("\n", 1)[0]
    assert re.search(r"pytest .*-n (auto|\d+)", command), command
