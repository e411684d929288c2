"""The documentation site's generated pages, nav, links and offline configuration.

The full ``mkdocs build --strict`` (about 20 s of CPU) and the crawl of the built
site's links run in CI (.ci/run); these tests check, fast, what the build is fed:
a section for every operation with its signature, return type and the vendor's
example, a reference entry for every public name, a nav that names every page,
repository links turned into site links, and a link checker that finds what is
broken.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import json
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from ._harness import ROOT


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


docs_site = _load("docs_site")
check_site = _load("check_site")
docs_griffe = _load("docs_griffe")

VENDORS = {v.package: v for v in docs_site.VENDORS}


@cache
def pages() -> dict[str, str]:
    return dict(docs_site.generated_pages())


def section(vendor: str, name: str) -> str:
    """The Markdown of one operation's section on its vendor's page."""
    text = pages()[f"operations/{vendor}.md"]
    start = text.index(f"## `{name}` {{ #{name} }}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def operations(vendor: str) -> tuple[Any, ...]:
    return tuple(importlib.import_module(f"cxkit.{vendor}").OPERATIONS)


def catalog(vendor: str) -> list[dict[str, Any]]:
    path = ROOT / "tests" / "fixtures" / vendor / "catalog.json"
    return list(json.loads(path.read_text("utf-8"))["endpoints"])


def test_the_four_vendors_have_pages() -> None:
    assert set(VENDORS) == {"omnidesk", "omi", "thulium", "omnicxm"}
    for vendor in VENDORS:
        assert f"operations/{vendor}.md" in pages()
        assert f"reference/{vendor}.md" in pages()


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_every_operation_has_a_section(vendor: str) -> None:
    ops = operations(vendor)
    assert len(ops) >= 28
    page = pages()[f"operations/{vendor}.md"]
    assert page.count("\n## `") == len(ops)
    var = VENDORS[vendor].var
    for op in ops:
        text = section(vendor, op.name)
        assert f"`{op.method} {op.path}`" in text
        assert f"```python\n{var}.{op.name}(" in text
        # One summary-table row per operation, linking to its section.
        assert page.count(f"| [`{op.name}`](#{op.name}) |") == 1
        paged = re.search(r"- \*\*Paged:\*\* (yes|no)", text)
        assert paged is not None and (paged.group(1) == "yes") == op.paged, op.name
        idem = re.search(r"- \*\*Idempotent:\*\* (yes|no)", text)
        assert idem is not None and (idem.group(1) == "yes") == op.is_idempotent, op.name


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_the_signature_and_return_type_are_the_sync_methods(vendor: str) -> None:
    client = getattr(importlib.import_module(f"cxkit.{vendor}"), VENDORS[vendor].client)
    for op in operations(vendor):
        method = docs_site._method_of(client, op.name)
        sig = inspect.signature(method)
        text = section(vendor, op.name)
        block = text.split("```python\n", 1)[1].split("\n```", 1)[0]
        returns = str(sig.return_annotation).replace("builtins.", "")
        assert block.endswith(f") -> {returns}"), op.name
        for name in list(sig.parameters)[1:]:
            assert re.search(rf"\b{name}\b", block), (op.name, name)
        # The Returns line names every identifier of the annotation.
        line = re.search(r"- \*\*Returns:\*\* (.*)", text)
        assert line is not None
        for ident in re.findall(r"[A-Za-z_]\w*", returns):
            assert f"`{ident}`" in line.group(1), (op.name, ident)


def test_return_types_link_to_their_reference() -> None:
    site = docs_site.Site()
    linked = 0
    for vendor, info in VENDORS.items():
        client = getattr(importlib.import_module(f"cxkit.{vendor}"), info.client)
        for op in operations(vendor):
            func = docs_site._method_of(client, op.name)
            scope = inspect.unwrap(func).__globals__
            line = re.search(r"- \*\*Returns:\*\* (.*)", section(vendor, op.name))
            assert line is not None
            annotation = str(inspect.signature(func).return_annotation)
            for ident in re.findall(r"[A-Za-z_]\w*", annotation):
                target = site.link(scope.get(ident))
                if target is not None:
                    assert f"[`{ident}`][{target}]" in line.group(1), (op.name, ident)
                    linked += 1
    assert linked >= 200
    assert "- **Returns:** [`Case`][cxkit.omnidesk.Case]" in section("omnidesk", "cases.create")
    listing = section("omnidesk", "cases.list")
    assert "[`SyncPage`][cxkit.SyncPage]\\[[`Case`][cxkit.omnidesk.Case]\\]" in listing


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_every_catalog_example_is_shown(vendor: str) -> None:
    ops = operations(vendor)
    matched = docs_site.seed_examples(vendor, ops)
    endpoints = catalog(vendor)
    # Each catalog endpoint belongs to exactly one operation.
    assert len(matched) == len(endpoints)
    assert len({id(e) for e in matched.values()}) == len(endpoints)
    for name, endpoint in matched.items():
        op = next(op for op in ops if op.name == name)
        assert endpoint["path"] == op.path or endpoint["id"] == op.name, name
        text = section(vendor, name)
        response = endpoint.get("example_response")
        body = (endpoint.get("example_request") or {}).get("body")
        for value in (response, body):
            if value is not None:
                shown = json.dumps(value, indent=2, ensure_ascii=False).splitlines()
                assert "\n".join(f"    {line}" for line in shown) in text, name
    shown = sum("The vendor's example" in section(vendor, op.name) for op in ops)
    assert shown >= 14


def test_endpoints_sent_as_their_example_say_how_they_are_documented() -> None:
    # OmniCXM's docs give six endpoints a request line their own curl example
    # contradicts (tests/omnicxm/test_registry.py); the SDK follows the example.
    documented_as = {
        op.name: re.search(
            r"- \*\*Documented as:\*\* `([A-Z]+) (\S+)`", section("omnicxm", op.name)
        )
        for op in operations("omnicxm")
    }
    found = {name: m.groups() for name, m in documented_as.items() if m}
    assert found == {
        "users.pbx.list": ("POST", "/users/getuserpbx"),
        "custom_fields.links.get": ("GET", "/settings/customfields/field/link"),
        "tickets.actions.do": ("POST", "/services/tickets/action/{id_ticket}"),
        "omnichat.rooms.count_by_source": (
            "GET",
            "/services/omnichat/rooms/countsourceroomsbystate",
        ),
        "omnichat.rooms.unread_counts": (
            "GET",
            "/services/omnichat/rooms/getunreadmessagelistroom",
        ),
        "omnichat.pages.list": ("POST", "/services/omnichat/pages"),
    }
    for vendor in ("omnidesk", "omi", "thulium"):
        assert not any("Documented as" in section(vendor, op.name) for op in operations(vendor))


def test_bulk_variants_get_no_single_case_example() -> None:
    # cases.update and cases.bulk_update share PUT /cases/{case_id}.json; the
    # catalog's example is the single case's.
    assert "The vendor's example" in section("omnidesk", "cases.update")
    assert "No example in the vendor's docs" in section("omnidesk", "cases.bulk_update")


def _public_names() -> list[tuple[str, str]]:
    modules = ["cxkit", "cxkit.testing", "cxkit.testing.faults", *docs_site.extra_modules()]
    for vendor in VENDORS:
        modules += [f"cxkit.{vendor}", f"cxkit.testing.{vendor}"]
        modules += docs_site._submodules(f"cxkit.{vendor}")
        modules.append(f"cxkit.{vendor}.types")  # its submodules only split it in files
    modules += docs_site._submodules("cxkit.testing")
    return [
        (module, name)
        for module in modules
        for name in getattr(importlib.import_module(module), "__all__", ())
        if name != "__version__"
    ]


def test_every_public_name_is_in_the_reference() -> None:
    site = docs_site.Site()
    directives = {
        line.removeprefix("::: ")
        for page in site.pages
        for line in docs_site.reference_page(site, page).splitlines()
        if line.startswith("::: ")
    }
    names = _public_names()
    assert len(names) > 300
    for module, name in names:
        obj = getattr(importlib.import_module(module), name)
        documented = site.link(obj) or f"{module}.{name}"
        assert documented in directives, f"{module}.{name}"


def test_every_resource_class_is_in_the_reference() -> None:
    site = docs_site.Site()
    text = "\n".join(docs_site.reference_page(site, page) for page in site.pages)
    for vendor in VENDORS.values():
        client = getattr(importlib.import_module(f"cxkit.{vendor.package}"), vendor.client)
        found = list(docs_site.resource_classes(client))
        assert found
        for attr, cls in found:
            assert f"::: {cls.__module__}.{cls.__qualname__}\n" in text
            assert f'heading: "{vendor.var}.{attr}"' in text


def _nav_pages(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    return []


def mkdocs_config() -> dict[str, Any]:
    return dict(yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8")))


def test_the_nav_names_every_page_once() -> None:
    config = docs_site.on_config(mkdocs_config())
    nav = _nav_pages(config["nav"])
    assert len(nav) == len(set(nav))
    written = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    generated = set(pages())
    # A new guide in docs/ needs its line in mkdocs.yml's nav, and every nav entry exists.
    assert set(nav) == written | generated
    examples = [p for p in nav if p.startswith("examples/")]
    assert len(examples) == len(list((ROOT / "examples").glob("*.py"))) + 1
    assert [p for p in nav if p.startswith("operations/")] == [
        "operations/index.md",
        *(f"operations/{v}.md" for v in VENDORS),
    ]


def test_a_new_public_module_gets_a_reference_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cxkit

    (tmp_path / "sample_ext.py").write_text(
        '"""A sample extension module."""\n\n__all__ = ["Widget", "make"]\n\n\n'
        'class Widget:\n    """A widget."""\n\n\n'
        'def make() -> Widget:\n    """Make a widget."""\n    return Widget()\n',
        "utf-8",
    )
    (tmp_path / "no_all.py").write_text('"""Not public API."""\n', "utf-8")
    monkeypatch.setattr(cxkit, "__path__", [*cxkit.__path__, str(tmp_path)])
    monkeypatch.delitem(sys.modules, "cxkit.sample_ext", raising=False)
    try:
        assert "cxkit.sample_ext" in docs_site.extra_modules()
        assert "cxkit.no_all" not in docs_site.extra_modules()
        generated = docs_site.generated_pages()
        page = generated["reference/sample_ext.md"]
        assert "::: cxkit.sample_ext.Widget" in page and "::: cxkit.sample_ext.make" in page
        nav = docs_site.expand_nav([{"API reference": ["reference/index.md"]}], list(generated))
        assert "reference/sample_ext.md" in _nav_pages(nav)
    finally:
        sys.modules.pop("cxkit.sample_ext", None)


def test_the_site_builds_offline() -> None:
    config = mkdocs_config()
    assert config["theme"]["font"] is False  # no web fonts fetched
    assert config["strict"] is True
    plugins = {p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]}
    # Nothing that downloads at build time (material's social/privacy/optimize...).
    assert plugins == {"search", "autorefs", "mkdocstrings"}
    assert config["hooks"] == ["scripts/docs_site.py"]


def test_repository_links_become_site_links() -> None:
    text = (
        "See [the example](../examples/omnidesk_cases.py), [the table]"
        "(../README.md#configuration), [the README](../README.md), "
        "[a guide](omi.md#auth), [out](https://example.com/x.py) and "
        "[unknown](../README.md#no-such-section)."
    )
    out = docs_site.page_markdown(text, "omnidesk.md")
    assert "[the example](examples/omnidesk_cases.md)" in out
    assert "[the table](core.md#configuration)" in out
    assert "[the README](index.md)" in out
    install = docs_site.page_markdown("[Install](../README.md#install)", "thulium.md")
    assert install == "[Install](index.md#install)"
    assert "[a guide](omi.md#auth)" in out
    assert "[out](https://example.com/x.py)" in out
    # Left as written: the strict build then fails on it.
    assert "[unknown](../README.md#no-such-section)" in out
    nested = docs_site.page_markdown("[x](../../examples/omi_contacts.py)", "a/b.md")
    assert nested == "[x](../examples/omi_contacts.md)"


def test_every_readme_link_of_the_guides_has_its_place_on_the_site() -> None:
    # The README is not a page of the site: a guide's link to one of its sections must
    # be mapped to the site page holding that text (else the strict build fails in CI).
    anchors = {
        anchor
        for path in (ROOT / "docs").rglob("*.md")
        for anchor in re.findall(r"\]\(\.\./README\.md#([\w-]+)\)", path.read_text("utf-8"))
    }
    assert "configuration" in anchors
    for anchor in anchors:
        assert anchor in docs_site.README_ANCHORS, anchor
        page, _, fragment = docs_site.README_ANCHORS[anchor].partition("#")
        headings = re.findall(r"^#+ (.+)$", (ROOT / "docs" / page).read_text("utf-8"), re.M)
        slugs = {re.sub(r"[^\w\s-]", "", h).strip().lower().replace(" ", "-") for h in headings}
        assert fragment in slugs, (anchor, page, fragment)


def test_readme_sections_are_included_with_their_links_fixed() -> None:
    out = docs_site.page_markdown('Options:\n\n--8<-- "README.md:options"\n', "core.md")
    assert "--8<--" not in out
    assert "| `max_retries` | 2 |" in out
    assert "(docs/core.md#hooks)" not in out and "(core.md#hooks)" in out
    with pytest.raises(ValueError, match="no section 'nope'"):
        docs_site.page_markdown('--8<-- "README.md:nope"\n', "core.md")


def test_every_example_has_a_page_with_its_source() -> None:
    scripts = sorted((ROOT / "examples").glob("*.py"))
    assert len(scripts) >= 8
    for path in scripts:
        page = pages()[f"examples/{path.stem}.md"]
        assert path.read_text("utf-8").rstrip("\n") in page
        assert f"({path.stem}.md)" in pages()["examples/index.md"]


def test_sphinx_roles_read_as_code() -> None:
    text = "A :class:`ContactInput`, :attr:`WriteResult.payload` or :class:`~cxkit.NotFoundError`."
    assert docs_griffe.plain_roles(text) == (
        "A ``ContactInput``, ``WriteResult.payload`` or ``NotFoundError``."
    )


def _write(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><body>{body}</body></html>", "utf-8")


def test_the_link_checker_finds_broken_links(tmp_path: Path) -> None:
    _write(
        tmp_path / "index.html",
        '<a href="guide/">ok</a> <a href="guide/#intro">ok</a> <a href="#top" id="top">ok</a>'
        '<a href="https://example.com/nope">external</a> <img src="img/logo.png">'
        '<a href="missing/">broken</a> <a href="guide/#nope">no anchor</a>'
        '<a href="../outside.html">outside</a>'
        '<link rel="stylesheet" href="https://fonts.example.com/css">',
    )
    _write(tmp_path / "guide" / "index.html", '<h2 id="intro">Intro</h2><a href="../">up</a>')
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "logo.png").write_bytes(b"png")
    problems = check_site.check_links(tmp_path)
    assert problems == [
        "index.html: loads https://fonts.example.com/css from outside the site",
        "index.html: missing/ -> no such file",
        "index.html: guide/#nope -> no #nope on that page",
        "index.html: ../outside.html leaves the site",
    ]


def test_the_writes_table_names_every_write_and_its_return() -> None:
    index = pages()["operations/index.md"]
    for vendor in VENDORS:
        for op in operations(vendor):
            row = f"| [`{op.name}`]({vendor}.md#{op.name}) | `{op.method} "
            if op.method == "GET":
                continue
            (line,) = [line for line in index.splitlines() if line.startswith(row)]
            returns = re.search(r"- \*\*Returns:\*\* (.*)", section(vendor, op.name))
            assert returns is not None
            assert line.endswith(f"| {returns.group(1)} |"), op.name
    assert "[`Case`][cxkit.omnidesk.Case]" in index


def test_fields_of_models_are_shown_even_without_docstrings() -> None:
    page = pages()["reference/omnidesk.md"]
    assert "::: cxkit.omnidesk.Case\n    options:\n      show_if_no_docstring: true\n" in page
    core = pages()["reference/core.md"]
    for name in ("cxkit.RateLimit", "cxkit._core.RequestOptions", "cxkit.CXModel"):
        assert f"::: {name}\n    options:\n      show_if_no_docstring: true\n" in core
    # Other classes show what their docstrings document, not every attribute.
    errors = pages()["reference/errors.md"]
    assert "::: cxkit.APIError\n\n" in errors and "show_if_no_docstring" not in errors
    assert "show_if_no_docstring" not in pages()["reference/omnidesk.md"].split("## Models")[0]


def test_the_site_check_fails_on_a_missing_operation_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Operation pages holding every section but one: the check names the one missing.
    missing = operations("omi")[0].name
    for vendor in VENDORS:
        ids = "".join(
            f'<h2 id="{op.name}">x</h2>' for op in operations(vendor) if op.name != missing
        )
        _write(tmp_path / "operations" / vendor / "index.html", ids)
    _write(tmp_path / "index.html", '<a href="operations/omi/">ops</a>')
    assert check_site.check_operations(tmp_path) == [f"operations/omi: no section for {missing}"]
    assert check_site.check_links(tmp_path) == []
