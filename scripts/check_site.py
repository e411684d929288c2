"""Check a built documentation site: ``python3 scripts/check_site.py [site]``.

Run after ``mkdocs build --strict``. Every internal link of every HTML page
(``href`` and ``src``) must reach a file of the site, and its ``#fragment`` an
``id`` (or ``name``) on the target page; nothing a page loads (scripts, styles,
images, fonts) may come from outside the site, which must work offline; and every operation of every vendor's
``OPERATIONS`` must have its section on the vendor's operations page. mkdocs
checks the Markdown's links; this checks what was actually written, including the
links mkdocstrings, autorefs and the theme produce.

Exit status: 0 when all is well, 1 with one line per problem.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

VENDORS = ("omnidesk", "omi", "thulium", "omnicxm")


class _Page(HTMLParser):
    """The links and the anchors of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.assets: list[str] = []  # what a browser loads by itself: scripts, styles, images
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(str(values[key]))
        for key in ("href", "src"):
            value = values.get(key)
            if value and not (tag == "link" and values.get("rel") == "canonical"):
                self.links.append(value)
                if tag in ("script", "link", "img", "iframe", "source"):
                    self.assets.append(value)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def _target(site: Path, page: Path, url: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points to, None for an external one."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "javascript:", "data:")):
        return None
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    base = site if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve()
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def check_links(site: Path) -> list[str]:
    """One line per broken internal link, missing fragment or outside asset in the site."""
    site = site.resolve()
    pages = {path: parse(path) for path in sorted(site.rglob("*.html"))}
    problems: list[str] = []
    for path, page in pages.items():
        where = path.relative_to(site).as_posix()
        # The site works offline: nothing a page loads comes from elsewhere (web fonts...).
        for url in page.assets:
            if _target(site, path, url) is None:
                problems.append(f"{where}: loads {url} from outside the site")
        for url in page.links:
            found = _target(site, path, url)
            if found is None:
                continue
            target, fragment = found
            if not target.is_relative_to(site):
                problems.append(f"{where}: {url} leaves the site")
            elif not target.is_file():
                problems.append(f"{where}: {url} -> no such file")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if fragment not in ids:
                    problems.append(f"{where}: {url} -> no #{fragment} on that page")
    return problems


def check_operations(site: Path) -> list[str]:
    """One line per operation that has no section on its vendor's page."""
    problems: list[str] = []
    for vendor in VENDORS:
        page = site / "operations" / vendor / "index.html"
        if not page.is_file():
            problems.append(f"operations/{vendor}/index.html is missing")
            continue
        ids = parse(page).ids
        module = importlib.import_module(f"cxkit.{vendor}")
        for op in module.OPERATIONS:
            if op.name not in ids:
                problems.append(f"operations/{vendor}: no section for {op.name}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"{site} holds no built site (run mkdocs build --strict first)", file=sys.stderr)
        return 1
    problems = check_links(site) + check_operations(site)
    for line in problems:
        print(line)
    pages = [parse(path) for path in site.rglob("*.html")]
    links = sum(len(page.links) for page in pages)
    print(f"{len(pages)} pages, {links} links checked: {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
