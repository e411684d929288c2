"""Check a built sdist and wheel: ``python3 scripts/check_dist.py dist/``.

The wheel holds the package and nothing else: every module of ``src/cxkit`` (as
committed), ``py.typed``, and the dist-info; no tests, benchmarks, caches or byte
code. The sdist holds what is needed to build, test and read the project, and no
local junk (caches, hypothesis databases, virtualenvs, byte code). Both are named
with the version of ``src/cxkit/_version.py``, the one place it is written, and
CHANGELOG.md has an entry for it under an ``Unreleased`` heading.

Exit status 0 when everything holds, 1 with one line per problem otherwise.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent

SDIST_NEEDS = ("pyproject.toml", "README.md", "CHANGELOG.md", "src/cxkit/py.typed", "PKG-INFO")
SDIST_DIRS = ("src/cxkit", "tests", "docs", "examples", "scripts")
JUNK = re.compile(
    r"(^|/)(__pycache__|\.hypothesis|\.mypy_cache|\.ruff_cache|\.pytest_cache|\.venv|venv"
    r"|build|dist|site|\.git)(/|$)|\.py[cod]$|\.egg-info(/|$)"
)


def version(root: Path = ROOT) -> str:
    """The version written in ``src/cxkit/_version.py``."""
    text = (root / "src" / "cxkit" / "_version.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if not found:
        raise SystemExit("src/cxkit/_version.py has no __version__ line")
    return found[1]


def changelog_problems(text: str, release: str) -> list[str]:
    """What is wrong with CHANGELOG.md for ``release`` (empty when it is right)."""
    headings = [(m.start(), m[1]) for m in re.finditer(r"^## (.+)$", text, re.MULTILINE)]
    titles = [title for _, title in headings]
    problems = []
    if not titles or titles[0].strip() != "Unreleased":
        problems.append("CHANGELOG.md: the first heading must be '## Unreleased'")
    entry = re.compile(rf"{re.escape(release)} \(\d{{4}}-\d\d-\d\d\)")
    found = [i for i, title in enumerate(titles) if entry.fullmatch(title.strip())]
    if not found:
        problems.append(f"CHANGELOG.md: no '## {release} (YYYY-MM-DD)' entry")
    elif found[0] != 1:
        problems.append(f"CHANGELOG.md: '{release}' must be the entry right after Unreleased")
    else:
        start = headings[found[0]][0]
        end = headings[found[0] + 1][0] if found[0] + 1 < len(headings) else len(text)
        body = text[start:end].split("\n", 1)[1]
        if not re.search(r"^- ", body, re.MULTILINE):
            problems.append(f"CHANGELOG.md: the {release} entry lists no change")
    return problems


def committed_modules(root: Path = ROOT) -> set[str]:
    """The package's files as git has them (``cxkit/...``)."""
    listed = subprocess.run(
        ["git", "ls-files", "src/cxkit"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    return {str(PurePosixPath(name).relative_to("src")) for name in listed}


def wheel_problems(names: list[str], release: str, modules: set[str]) -> list[str]:
    """What is wrong with a wheel holding ``names``."""
    info = f"cxkit-{release}.dist-info/"
    problems = [
        f"wheel: unexpected {name}" for name in names if not name.startswith(("cxkit/", info))
    ]
    problems += [f"wheel: junk {name}" for name in names if JUNK.search(name)]
    package = {name for name in names if name.startswith("cxkit/")}
    problems += [f"wheel: missing {name}" for name in sorted(modules - package)]
    problems += [f"wheel: not committed {name}" for name in sorted(package - modules)]
    if "cxkit/py.typed" not in package:
        problems.append("wheel: missing cxkit/py.typed (type checkers would ignore the package)")
    if f"{info}METADATA" not in names:
        problems.append("wheel: no METADATA")
    return problems


def sdist_problems(names: list[str], release: str) -> list[str]:
    """What is wrong with an sdist holding ``names``."""
    top = f"cxkit-{release}/"
    problems = [f"sdist: outside {top}: {name}" for name in names if not name.startswith(top)]
    inner = [name[len(top) :] for name in names if name.startswith(top)]
    problems += [f"sdist: junk {name}" for name in inner if JUNK.search(name)]
    problems += [f"sdist: missing {need}" for need in SDIST_NEEDS if need not in inner]
    for folder in SDIST_DIRS:
        if not any(name.startswith(folder + "/") for name in inner):
            problems.append(f"sdist: missing {folder}/")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("dist", type=Path, help="the folder python -m build wrote to")
    args = parser.parse_args(argv)
    release = version()
    problems = changelog_problems((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), release)
    wheels = sorted(args.dist.glob("*.whl"))
    sdists = sorted(args.dist.glob("*.tar.gz"))
    if [w.name for w in wheels] != [f"cxkit-{release}-py3-none-any.whl"]:
        problems.append(f"expected one wheel cxkit-{release}-py3-none-any.whl: {wheels}")
    if [s.name for s in sdists] != [f"cxkit-{release}.tar.gz"]:
        problems.append(f"expected one sdist cxkit-{release}.tar.gz: {sdists}")
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            problems += wheel_problems(archive.namelist(), release, committed_modules())
    for sdist in sdists:
        with tarfile.open(sdist) as archive:
            problems += sdist_problems(archive.getnames(), release)
    for problem in problems:
        print(problem)
    print(f"check_dist: {'FAILED' if problems else 'OK'} ({release})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
