"""The docs tell how to install cxkit where it is not published: from a wheel or the
repository, never a bare ``pip install cxkit`` (CI runs the README's install command
against the wheel it builds)."""

from __future__ import annotations

import fnmatch
import re
import shlex

import cxkit

from ._harness import ROOT

# "pip install cxkit", "pip install 'cxkit[redis]'", "pip install -U cxkit==0.1": by name
# ("cxkit @ git+..." names where to find it).
BY_NAME = re.compile(
    r"pip3? install(?:\s+-\S+)*\s+['\"]?cxkit(?:\[[^\]]*\])?(?:[=<>~!]=?\S*)?['\"]?(?=[\s`.,;)]|$)(?!\s+@)"
)
GUIDES = ("docs/omnidesk.md", "docs/omi.md", "docs/thulium.md", "docs/omnicxm.md")


def texts() -> dict[str, str]:
    paths = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    paths += [*sorted((ROOT / "examples").glob("*.py")), ROOT / "benchmarks" / "README.md"]
    return {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in paths}


def install_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- install-command -->\n```bash\n(.+)\n```", readme)
    assert found, "README.md has no <!-- install-command --> block"
    return found[1]


def test_no_doc_installs_cxkit_by_name() -> None:
    found = {doc: BY_NAME.findall(text) for doc, text in texts().items()}
    assert {doc: hits for doc, hits in found.items() if hits} == {}


def test_the_readme_installs_the_wheel_python_m_build_writes() -> None:
    words = shlex.split(install_command())
    assert words[:4] == ["python3", "-m", "pip", "install"], words
    (target,) = words[4:]
    assert target.startswith("dist/")
    assert fnmatch.fnmatch(f"dist/cxkit-{cxkit.__version__}-py3-none-any.whl", target)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python3 -m pip install ." in readme and "git+" in readme  # the repository itself


def test_every_guide_says_how_to_install() -> None:
    for guide in GUIDES:
        text = (ROOT / guide).read_text(encoding="utf-8")
        assert "README.md#install" in text, f"{guide} does not point to the README's Install"
