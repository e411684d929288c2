"""The generated part of the documentation site: a mkdocs hook (``hooks:`` in mkdocs.yml).

At every build, from the code of this tree:

- ``operations/<vendor>.md``: one section per entry of ``cxkit.<vendor>.OPERATIONS``
  (method, path, the sync method's signature, what it returns, pagination,
  idempotency, and the seed's example from ``tests/fixtures/<vendor>/catalog.json``);
- ``reference/*.md``: mkdocstrings directives for every public name (the ``__all__``
  of ``cxkit``, each vendor package and its public modules, ``cxkit.testing``), and
  every resource class reached from a client;
- ``examples/*.md``: each script of ``examples/`` with its source.

Generated at build time rather than committed so that the pages cannot drift from
the code: there is nothing to regenerate and nothing to forget. ``mkdocs build
--strict`` then fails on any link, cross-reference or docstring that does not resolve.

In mkdocs.yml's nav, a section whose only entry is ``operations/index.md``,
``examples/index.md`` or ``reference/index.md`` is filled with the generated pages of
that folder; the written pages (docs/*.md) are named there one by one.
"""

from __future__ import annotations

import ast
import builtins
import dataclasses
import enum
import functools
import importlib
import inspect
import json
import pkgutil
import posixpath
import re
import sys
import typing
from collections.abc import Callable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The site documents this tree, as mkdocstrings (``paths: [src]``) reads it, whatever
# cxkit is installed. Imported now: mkdocs restores sys.path once a hook is loaded.
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "scripts")]
from docs_griffe import plain_roles  # noqa: E402  (beside this file)

import cxkit  # noqa: E402

if not Path(cxkit.__file__ or "").resolve().is_relative_to(ROOT / "src"):
    raise ImportError(f"the docs of {ROOT} would describe the cxkit of {cxkit.__file__}")


@dataclasses.dataclass(frozen=True)
class Vendor:
    """A vendor as the site presents it."""

    package: str  # cxkit.<package>
    title: str
    client: str  # the sync client's class name
    async_client: str
    var: str  # the variable the guide names its client
    guide: str  # the guide's page in docs/


VENDORS = (
    Vendor("omnidesk", "Omnidesk", "Omnidesk", "AsyncOmnidesk", "desk", "omnidesk.md"),
    Vendor("omi", "OMI / OMICall", "Omi", "AsyncOmi", "omi", "omi.md"),
    Vendor("thulium", "Thulium", "Thulium", "AsyncThulium", "th", "thulium.md"),
    Vendor("omnicxm", "OmniCXM (Worldfone)", "OmniCXM", "AsyncOmniCXM", "cxm", "omnicxm.md"),
)

PAGING_PARAMS = ("page", "limit", "offset", "skip", "take", "size", "per_page", "page_size")


# --- Reference: what is public, and where the site documents it --------------------


@dataclasses.dataclass
class RefPage:
    """One API reference page: a title, an introduction and sections of objects."""

    path: str
    title: str
    intro: str
    sections: list[tuple[str, str, list[str]]]  # (heading, text, dotted paths)


def _public(module: str) -> list[str]:
    mod = importlib.import_module(module)
    return [name for name in getattr(mod, "__all__", ()) if not name.startswith("_")]


def _is_error(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, cxkit.CXError)


def _kind(obj: Any) -> str:
    from pydantic import BaseModel

    if _is_error(obj):
        return "Errors"
    if isinstance(obj, type) and issubclass(obj, enum.Enum):
        return "Enumerations"
    if isinstance(obj, type) and issubclass(obj, BaseModel):
        return "Models"
    if isinstance(obj, type):
        return "Classes"
    if callable(obj) and not typing.get_origin(obj):
        return "Functions"
    return "Constants and type aliases"


def _has_fields(obj: Any) -> bool:
    """Whether ``obj``'s attributes are its API: a model, dataclass, TypedDict or enum."""
    from pydantic import BaseModel

    if not isinstance(obj, type):
        return False
    return (
        issubclass(obj, (BaseModel, enum.Enum))
        or dataclasses.is_dataclass(obj)
        or typing.is_typeddict(obj)
        or (issubclass(obj, tuple) and hasattr(obj, "_fields"))
    )


KIND_ORDER = (
    "Clients",
    "Classes",
    "Models",
    "Enumerations",
    "Functions",
    "Errors",
    "Constants and type aliases",
)


def resource_classes(client_cls: type) -> Iterator[tuple[str, type]]:
    """Every resource class under a client, with its attribute path (``cases.messages``)."""

    def walk(cls: type, prefix: str) -> Iterator[tuple[str, type]]:
        for attr in sorted(dir(cls)):
            value = getattr(cls, attr, None)
            if attr.startswith("_") or attr == "with_raw_response":
                continue
            if isinstance(value, cached_property):
                target = typing.get_type_hints(value.func).get("return")
                if isinstance(target, type):
                    yield f"{prefix}{attr}", target
                    yield from walk(target, f"{prefix}{attr}.")

    yield from walk(client_cls, "")


class Site:
    """The public names, the pages documenting them, and each object's documented path."""

    def __init__(self) -> None:
        self.paths: dict[int, str] = {}  # id(obj) -> the dotted path documented
        self.pages: list[RefPage] = []
        self.resource_attr: dict[str, str] = {}  # resource class path -> desk.cases...
        self.with_fields: set[str] = set()  # paths of models, dataclasses, enums...
        self._build()

    def _claim(self, obj: Any, path: str) -> bool:
        """Whether ``obj`` is to be documented at ``path``: an object re-exported by
        several modules is documented once, where the site meets it first."""
        if _has_fields(obj):
            self.with_fields.add(path)
        if obj is None or isinstance(obj, (str, bytes, int, float)):
            return True  # a plain value: identity says nothing
        if id(obj) in self.paths:
            self.with_fields.discard(path)
            return False
        self.paths[id(obj)] = path
        return True

    def _grouped(self, module: str, names: list[str]) -> list[tuple[str, str, list[str]]]:
        mod = importlib.import_module(module)
        groups: dict[str, list[str]] = {}
        for name in names:
            obj = getattr(mod, name)
            if self._claim(obj, f"{module}.{name}"):
                groups.setdefault(_kind(obj), []).append(f"{module}.{name}")
        return [(kind, "", groups[kind]) for kind in KIND_ORDER if kind in groups]

    def _build(self) -> None:
        core = _public("cxkit")
        cx = importlib.import_module("cxkit")
        errors = [n for n in core if _is_error(getattr(cx, n))]
        paging = [n for n in core if n in ("SyncPage", "AsyncPager", "AsyncPage")]
        rest = [n for n in core if n not in errors and n not in paging and n != "__version__"]
        sections = [
            ("Paging", "What list operations return.", self._claim_all("cxkit", paging)),
            ("Models and values", "", self._claim_all("cxkit", rest)),
            (
                "Per-call options",
                "Every operation method takes these keyword arguments "
                "(`**options: Unpack[RequestOptions]`).",
                self._claim_all("cxkit._core", ["RequestOptions"]),
            ),
        ]
        self.pages.append(
            RefPage(
                "reference/core.md",
                "Core",
                "The vendor-neutral names importable from `cxkit`.",
                sections,
            )
        )
        # Errors get a page of their own, ordered as the hierarchy reads.
        errors.sort(key=lambda n: [c.__name__ for c in reversed(getattr(cx, n).__mro__)])
        self.pages.append(
            RefPage(
                "reference/errors.md",
                "Errors",
                "Every failure the SDK raises is a `cxkit.CXError`; see "
                "[Errors in the core guide](../core.md#errors).",
                [("Hierarchy", "", self._claim_all("cxkit", errors))],
            )
        )
        for vendor in VENDORS:
            self.pages.append(self._vendor_page(vendor))
        for module in extra_modules():
            self.pages.append(self._module_page(module))
        testing = [
            ("cxkit.testing", "", self._claim_all("cxkit.testing", _public("cxkit.testing")))
        ]
        for module in sorted(_submodules("cxkit.testing")):
            testing.append((module, _module_doc(module), self._claim_all(module, _public(module))))
        self.pages.append(
            RefPage(
                "reference/testing.md",
                "Testing",
                "In-memory fake vendors and a clock that never sleeps "
                "(see [Testing with fakes](../core.md#testing-with-fakes)).",
                [s for s in testing if s[2]],
            )
        )

    def _module_page(self, module: str) -> RefPage:
        sections = self._grouped(module, _public(module))
        if hasattr(importlib.import_module(module), "__path__"):
            for sub in sorted(_submodules(module)):
                claimed = self._claim_all(sub, _public(sub))
                if claimed:
                    sections.append((f"`{sub}`", _module_doc(sub), claimed))
        return RefPage(
            f"reference/{module.removeprefix('cxkit.')}.md",
            f"`{module}`",
            _module_doc(module),
            sections,
        )

    def _claim_all(self, module: str, names: list[str]) -> list[str]:
        mod = importlib.import_module(module)
        return [f"{module}.{n}" for n in names if self._claim(getattr(mod, n), f"{module}.{n}")]

    def _vendor_page(self, vendor: Vendor) -> RefPage:
        module = f"cxkit.{vendor.package}"
        mod = importlib.import_module(module)
        names = _public(module)
        clients = [n for n in (vendor.client, vendor.async_client) if n in names]
        sections: list[tuple[str, str, list[str]]] = [
            (
                "Clients",
                f"`{vendor.async_client}` has the same resources and methods; each one is "
                "`async` (await it) and list methods return an `AsyncPager`.",
                self._claim_all(module, clients),
            )
        ]
        resources: list[str] = []
        for attr, cls in resource_classes(getattr(mod, vendor.client)):
            path = f"{cls.__module__}.{cls.__qualname__}"
            if self._claim(cls, path):
                resources.append(path)
                self.resource_attr[path] = f"{vendor.var}.{attr}"
        sections.append(
            (
                "Resources",
                f"Reached as attributes of the client (`{vendor.var}.cases...`); one method "
                f"per operation (see [{vendor.title} operations](../operations/"
                f"{vendor.package}.md)).",
                resources,
            )
        )
        others = [n for n in names if n not in clients]
        sections += self._grouped(module, others)
        for sub in sorted(_submodules(module)):
            subnames = _public(sub)
            claimed = self._claim_all(sub, subnames)
            if claimed:
                sections.append((f"`{sub}`", _module_doc(sub), claimed))
        return RefPage(
            f"reference/{vendor.package}.md",
            vendor.title,
            f"`{module}`: {_module_doc(module)} Guide: [{vendor.title}](../{vendor.guide}).",
            sections,
        )

    def link(self, obj: Any) -> str | None:
        """The cross-reference id under which ``obj`` is documented, if it is."""
        return self.paths.get(id(obj))


NOT_REFERENCE = {"demo", "testing"}  # testing has its own page; demo is a script


def extra_modules() -> list[str]:
    """The public top-level modules of ``cxkit`` besides the vendors and testing
    (``cxkit.unified``, ``cxkit.otel``...): each with an ``__all__`` gets a page."""
    skip = NOT_REFERENCE | {v.package for v in VENDORS}
    out = []
    for info in pkgutil.iter_modules(cxkit.__path__):
        if info.name.startswith("_") or info.name in skip:
            continue
        folder = Path(getattr(info.module_finder, "path", "")) / info.name
        source = folder / "__init__.py" if info.ispkg else folder.with_suffix(".py")
        tree = ast.parse(source.read_text("utf-8"))
        if any(
            isinstance(node, (ast.Assign, ast.AnnAssign))
            and "__all__" in {getattr(t, "id", None) for t in _targets(node)}
            for node in tree.body
        ):
            out.append(f"cxkit.{info.name}")
    return sorted(out)


def _targets(node: ast.Assign | ast.AnnAssign) -> list[ast.expr]:
    return list(node.targets) if isinstance(node, ast.Assign) else [node.target]


def _submodules(package: str) -> list[str]:
    """Public modules of a vendor package (``webhooks``, ``query``), not its subpackages."""
    mod = importlib.import_module(package)
    folder = Path(mod.__file__ or "").parent
    out = []
    for file in folder.glob("*.py"):
        if not file.name.startswith("_"):
            out.append(f"{package}.{file.stem}")
    return out


def _module_doc(module: str) -> str:
    doc = inspect.getdoc(importlib.import_module(module)) or ""
    return doc.split("\n\n")[0].replace("\n", " ").strip()


def reference_page(site: Site, page: RefPage) -> str:
    """The Markdown of one reference page."""
    out = [f"# {page.title}", "", page.intro, ""]
    for heading, text, paths in page.sections:
        if not paths:
            continue
        out += [f"## {heading}", ""]
        if text:
            out += [text, ""]
        for path in paths:
            options = []
            attr = site.resource_attr.get(path)
            if attr:
                options += [f'heading: "{attr}"', "show_bases: false"]
            if path in site.with_fields:
                # A model's fields and an enum's members are its API, docstring or not.
                options.append("show_if_no_docstring: true")
            out.append(f"::: {path}")
            if options:
                out += ["    options:", *(f"      {option}" for option in options)]
            out.append("")
    return "\n".join(out)


def reference_index(site: Site) -> str:
    """The reference's home: a list of its pages."""
    out = [
        "# API reference",
        "",
        "Generated from the docstrings of the code. Every public class, model, function "
        "and error of the package is here, and every resource class reached from a client.",
        "",
    ]
    for page in site.pages:
        count = sum(len(p) for _, _, p in page.sections)
        out.append(f"- [{page.title}]({page.path.removeprefix('reference/')}): {count} names")
    out.append("")
    return "\n".join(out)


# --- Operations --------------------------------------------------------------------


def _method_of(client_cls: type, name: str) -> Callable[..., Any]:
    target: Any = client_cls
    *resources, last = name.split(".")
    for part in resources:
        prop = getattr(target, part)
        target = typing.get_type_hints(prop.func)["return"]
    return typing.cast(Callable[..., Any], getattr(target, last))


def _annotation(value: Any) -> str:
    if value is inspect.Parameter.empty:
        return ""
    text = value if isinstance(value, str) else inspect.formatannotation(value)
    # ``builtins.list`` in the source only dodges a method named ``list``.
    return text.replace("builtins.", "")


def signature_text(call: str, func: Callable[..., Any]) -> str:
    """``desk.cases.create(...) -> Case`` as the source declares it, one parameter a line."""
    sig = inspect.signature(func)
    params: list[str] = []
    star_done = False
    for param in list(sig.parameters.values())[1:]:  # without self
        if param.kind is param.KEYWORD_ONLY and not star_done:
            params.append("*")
            star_done = True
        if param.kind is param.VAR_POSITIONAL:
            star_done = True
        prefix = {param.VAR_POSITIONAL: "*", param.VAR_KEYWORD: "**"}.get(param.kind, "")
        text = prefix + param.name
        ann = _annotation(param.annotation)
        if ann:
            text += f": {ann}"
        if param.default is not param.empty:
            text += f" = {param.default!r}" if ann else f"={param.default!r}"
        params.append(text)
    ret = _annotation(sig.return_annotation)
    tail = f" -> {ret}" if ret else ""
    one_line = f"{call}({', '.join(params)}){tail}"
    if len(one_line) <= 88:
        return one_line
    return f"{call}(\n" + "".join(f"    {p},\n" for p in params) + f"){tail}"


_IDENT = re.compile(r"[A-Za-z_][\w.]*")


def linked_type(site: Site, text: str, scope: dict[str, Any]) -> str:
    """An annotation as Markdown, each documented name a cross-reference."""

    def resolve(token: str) -> Any:
        head, *rest = token.split(".")
        obj = scope.get(head, getattr(builtins, head, None))
        for part in rest:
            obj = getattr(obj, part, None)
        return obj

    out: list[str] = []
    pos = 0
    for match in _IDENT.finditer(text):
        out.append(_escape(text[pos : match.start()]))
        token = match.group()
        target = site.link(resolve(token))
        out.append(f"[`{token}`][{target}]" if target else f"`{token}`")
        pos = match.end()
    out.append(_escape(text[pos:]))
    return "".join(out)


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")


def seed_examples(vendor: str, operations: tuple[Any, ...]) -> dict[str, dict[str, Any]]:
    """The catalog endpoint behind each operation that has one, by operation name.

    An endpoint belongs to the operation with its method and path; where several
    share them (Omnidesk's bulk variants), to the one named like the endpoint. An
    endpoint that no operation sends as documented (where the vendor's docs contradict
    themselves and the SDK follows their example) belongs to the one operation left
    with its path, or else with its name.
    """
    catalog = json.loads((ROOT / "tests" / "fixtures" / vendor / "catalog.json").read_text("utf-8"))
    found: dict[str, dict[str, Any]] = {}
    unmatched: list[dict[str, Any]] = []
    for endpoint in catalog["endpoints"]:
        route = (endpoint["method"], endpoint["path"])
        matches = [op for op in operations if (op.method, op.path) == route]
        if len(matches) > 1:
            action = endpoint["id"].rsplit(".", 1)[-1]
            matches = [op for op in matches if op.name.rsplit(".", 1)[-1] == action]
        if len(matches) == 1:
            found[matches[0].name] = endpoint
        elif not matches:
            unmatched.append(endpoint)
    for endpoint in unmatched:
        free = [op for op in operations if op.name not in found]
        matches = [op for op in free if op.path == endpoint["path"]]
        if len(matches) != 1:
            matches = [op for op in free if op.name == endpoint["id"]]
        if len(matches) == 1:
            found[matches[0].name] = endpoint
    return found


def _json_block(value: Any) -> list[str]:
    return ["```json", *json.dumps(value, indent=2, ensure_ascii=False).splitlines(), "```"]


def _example(endpoint: dict[str, Any]) -> list[str]:
    request = endpoint.get("example_request") or {}
    parts: list[tuple[str, list[str]]] = []
    if request.get("query"):
        parts.append(("Query", _json_block(request["query"])))
    if request.get("body") is not None:
        parts.append(("Request body", _json_block(request["body"])))
    if endpoint.get("example_response") is not None:
        parts.append(("Response", _json_block(endpoint["example_response"])))
    elif endpoint.get("example_response_raw"):
        raw = str(endpoint["example_response_raw"]).replace("```", "` ` `")
        parts.append(("Response (as the docs print it)", ["```text", *raw.splitlines(), "```"]))
    if not parts:
        return []
    out = ['??? example "The vendor\'s example"', ""]
    for title, block in parts:
        out += [f"    {title}:", ""] + [f"    {line}" if line else "" for line in block] + [""]
    return out


def _idempotency(op: Any) -> str:
    default = op.method not in ("POST", "PATCH")
    if op.is_idempotent:
        why = " (declared: it only reads)" if op.idempotent and not default else ""
        return (
            f"yes{why}: retried after connection errors, timeouts, 408, 429, 500, 502, "
            "503 and 504, up to `max_retries` times"
        )
    why = " (declared: a second call differs from the first)" if default else ""
    return (
        f"no{why}: never replayed once it may have reached the server; retried only when "
        "it provably did not (a connect error) or the server refused it (429)"
    )


def _paging(op: Any, params: list[str], vendor: Vendor) -> str:
    if not op.paged:
        return "no"
    knobs = ", ".join(f"`{p}`" for p in params if p in PAGING_PARAMS)
    return (
        "yes: the sync method returns the first `SyncPage`, and iterating it follows "
        f"every page lazily; `{vendor.async_client}` returns an `AsyncPager` "
        "(`async for`, or `await` for the first page)"
        + (f"; page parameters: {knobs}" if knobs else "")
    )


def operations_page(site: Site, vendor: Vendor) -> str:
    """The page of every operation of one vendor, from its ``OPERATIONS``."""
    module = importlib.import_module(f"cxkit.{vendor.package}")
    operations = tuple(sorted(module.OPERATIONS, key=lambda op: op.name))
    client_cls = getattr(module, vendor.client)
    seeds = seed_examples(vendor.package, operations)
    client_ref = site.link(client_cls)
    out = [
        f"# {vendor.title} operations",
        "",
        f"Every endpoint of `cxkit.{vendor.package}.OPERATIONS` ({len(operations)} "
        f"operations), generated from the code. Signatures are the sync client's "
        f"([`{vendor.client}`][{client_ref}]); on `{vendor.async_client}` each method "
        "is the same, `async`. Every method also takes the per-call options "
        "([`RequestOptions`][cxkit._core.RequestOptions]). "
        f"Guide: [{vendor.title}](../{vendor.guide}).",
        "",
        "| operation | HTTP | returns | paged | idempotent |",
        "|---|---|---|---|---|",
    ]
    sections: list[str] = []
    for op in operations:
        func = _method_of(client_cls, op.name)
        sig = inspect.signature(func)
        returns = _returns(site, client_cls, op.name)
        anchor = op.name
        out.append(
            f"| [`{op.name}`](#{anchor}) | `{op.method} {_escape(op.path)}` | {returns} "
            f"| {'yes' if op.paged else ''} | {'yes' if op.is_idempotent else 'no'} |"
        )
        owner = _method_owner(client_cls, op.name)
        sections += [
            f"## `{op.name}` {{ #{anchor} }}",
            "",
            _doc(func) or op.summary,
            "",
            f"`{op.method} {op.path}`",
            "",
            "```python",
            signature_text(f"{vendor.var}.{op.name}", func),
            "```",
            "",
            f"- **Returns:** {returns}",
            f"- **Paged:** {_paging(op, list(sig.parameters), vendor)}",
            f"- **Idempotent:** {_idempotency(op)}",
        ]
        if op.wrap:
            sections.append(f'- **Body:** wrapped in `{{"{op.wrap}": ...}}`')
        if op.content_type:
            sections.append(f"- **Content type:** `{op.content_type}`")
        seed = seeds.get(op.name)
        if seed and (seed["method"], seed["path"]) != (op.method, op.path):
            sections.append(
                f"- **Documented as:** `{seed['method']} {seed['path']}` (the docs contradict "
                "themselves; the SDK sends what the vendor's example does)"
            )
        ref = site.link(owner)
        if ref:
            method = op.name.rsplit(".", 1)[-1]
            shown = f"{ref.rsplit('.', 1)[-1]}.{method}"
            sections.append(f"- **Reference:** [`{shown}`][{ref}.{method}]")
        sections.append("")
        sections += _example(seed) if seed else ["*No example in the vendor's docs.*", ""]
    return "\n".join([*out, "", *sections])


def _doc(func: Callable[..., Any]) -> str:
    """The method's whole docstring, Sphinx roles read as code."""
    return plain_roles(inspect.getdoc(func) or "")


def _method_owner(client_cls: type, name: str) -> type:
    target: Any = client_cls
    for part in name.split(".")[:-1]:
        target = typing.get_type_hints(getattr(target, part).func)["return"]
    return typing.cast(type, target)


def operations_index(site: Site) -> str:
    """The operations' home: one line per vendor, then what every write returns."""
    out = [
        "# Operations",
        "",
        "Every endpoint method is an *operation*, named by its attribute path on the "
        "client (`cases.messages.create`), with the HTTP method and path exactly as the "
        "vendor documents them. `cxkit.<vendor>.OPERATIONS` lists them; these pages are "
        "generated from it.",
        "",
        "| vendor | operations |",
        "|---|---|",
    ]
    for vendor in VENDORS:
        count = len(importlib.import_module(f"cxkit.{vendor.package}").OPERATIONS)
        out.append(f"| [{vendor.title}]({vendor.package}.md) | {count} |")
    out += [
        "",
        "## What writes return",
        "",
        "Every operation that is not a `GET`, and what its method returns (the sync "
        "client's annotation; the async client returns the same, awaited). `None` means "
        "the vendor answers with no data worth a model.",
        "",
    ]
    for vendor in VENDORS:
        module = importlib.import_module(f"cxkit.{vendor.package}")
        client_cls = getattr(module, vendor.client)
        out += [f"### {vendor.title}", "", "| operation | HTTP | returns |", "|---|---|---|"]
        for op in sorted(module.OPERATIONS, key=lambda op: op.name):
            if op.method == "GET":
                continue
            out.append(
                f"| [`{op.name}`]({vendor.package}.md#{op.name}) | "
                f"`{op.method} {_escape(op.path)}` | {_returns(site, client_cls, op.name)} |"
            )
        out.append("")
    return "\n".join(out)


def _returns(site: Site, client_cls: type, name: str) -> str:
    func = _method_of(client_cls, name)
    ret = _annotation(inspect.signature(func).return_annotation) or "None"
    return linked_type(site, ret, getattr(inspect.unwrap(func), "__globals__", {}))


# --- Examples ----------------------------------------------------------------------


def example_files() -> list[Path]:
    """The scripts of examples/, in name order."""
    return sorted((ROOT / "examples").glob("*.py"))


def _docstring(path: Path) -> str:
    return ast.get_docstring(ast.parse(path.read_text("utf-8"))) or ""


def example_page(path: Path) -> str:
    """One example: what it does, how to run it, its source."""
    lead = _docstring(path).split("\n\n")[0].replace("\n", " ").strip()
    source = path.read_text("utf-8")
    return "\n".join(
        [
            f"# {path.name}",
            "",
            lead,
            "",
            f"Run it from a checkout: `python examples/{path.name}` (offline, against "
            "the built-in fakes, unless its docstring says otherwise).",
            "",
            f'```python title="examples/{path.name}"',
            source.rstrip("\n"),
            "```",
            "",
        ]
    )


def examples_index() -> str:
    """The examples' home: a line per script."""
    out = [
        "# Examples",
        "",
        "Runnable scripts, one task each. Every one runs offline against the in-memory "
        "fakes and is type-checked with `mypy --strict` in CI.",
        "",
    ]
    for path in example_files():
        lead = _docstring(path).split("\n\n")[0].replace("\n", " ").strip()
        out.append(f"- [`{path.name}`]({path.stem}.md): {lead}")
    out.append("")
    return "\n".join(out)


# --- All generated pages, and the hooks --------------------------------------------


def generated_pages() -> dict[str, str]:
    """Every generated page: path under docs/ -> Markdown."""
    site = Site()
    pages = {"reference/index.md": reference_index(site)}
    for page in site.pages:
        pages[page.path] = reference_page(site, page)
    pages["operations/index.md"] = operations_index(site)
    for vendor in VENDORS:
        pages[f"operations/{vendor.package}.md"] = operations_page(site, vendor)
    pages["examples/index.md"] = examples_index()
    for path in example_files():
        pages[f"examples/{path.stem}.md"] = example_page(path)
    return pages


@functools.lru_cache(maxsize=1)
def _pages() -> dict[str, str]:
    return generated_pages()


GENERATED_SECTIONS = ("operations/index.md", "examples/index.md", "reference/index.md")


def expand_nav(nav: Any, generated: list[str]) -> Any:
    """``nav`` with each section made of a generated index page alone (``- examples/index.md``)
    filled with every generated page of its folder, in the order they were made."""
    if isinstance(nav, list):
        if len(nav) == 1 and nav[0] in GENERATED_SECTIONS:
            folder = nav[0].removesuffix("index.md")
            return [nav[0], *(p for p in generated if p.startswith(folder) and p != nav[0])]
        return [expand_nav(item, generated) for item in nav]
    if isinstance(nav, dict):
        return {key: expand_nav(value, generated) for key, value in nav.items()}
    return nav


# Where README anchors live on the site (the README itself is not a page of it).
README_ANCHORS = {"configuration": "core.md#configuration", "install": "index.md#install"}
_INCLUDE = re.compile(r'^--8<-- "README\.md:(?P<section>[\w-]+)"[ \t]*$', re.MULTILINE)
_LINK = re.compile(r"\]\((?P<target>[^)\s#]*)(?:#(?P<anchor>[^)\s]*))?\)")


def readme_section(name: str) -> str:
    """The README's text between ``--8<-- [start:name]`` and ``[end:name]`` markers."""
    text = (ROOT / "README.md").read_text("utf-8")
    match = re.search(
        rf"^[^\n]*--8<-- \[start:{re.escape(name)}\][^\n]*\n(?P<body>.*?)"
        rf"^[^\n]*--8<-- \[end:{re.escape(name)}\]",
        text,
        re.MULTILINE | re.DOTALL,
    )
    if match is None:
        raise ValueError(
            f"README.md has no section {name!r} (--8<-- [start:{name}] ... [end:{name}])"
        )
    return match.group("body").strip("\n")


def site_target(source: Path, page: str, target: str, anchor: str | None) -> str | None:
    """Where a link written in ``source`` (a file of the repository) points on the site,
    relative to ``page`` (the docs-relative page it is shown on), or None to leave it.

    Guides and the README link to ``examples/*.py`` and ``README.md`` so that they
    work where they are read in the repository; on the site those become the
    example's page and the page holding the README's section.
    """
    if not target or ":" in target or target.startswith("/"):
        return None
    path = (source.parent / target).resolve()
    docs = ROOT / "docs"
    if path.parent == ROOT / "examples" and path.suffix == ".py":
        goal = f"examples/{path.stem}.md"
    elif path == ROOT / "README.md":
        goal = README_ANCHORS.get(anchor or "", "" if anchor else "index.md")
        if not goal:
            return None  # an unknown README anchor stays broken: the strict build says so
        goal, _, anchor = goal.partition("#")
    elif source.parent != docs and path.is_relative_to(docs):
        goal = path.relative_to(docs).as_posix()
    else:
        return None
    relative = posixpath.relpath(goal, posixpath.dirname(page) or ".")
    return relative + (f"#{anchor}" if anchor else "")


def _relink(markdown: str, source: Path, page: str) -> str:
    def sub(match: re.Match[str]) -> str:
        target = site_target(source, page, match.group("target"), match.group("anchor"))
        return match.group(0) if target is None else f"]({target})"

    return _LINK.sub(sub, markdown)


def page_markdown(markdown: str, page: str) -> str:
    """A page's Markdown as the site shows it: README sections included, repository
    links turned into site links."""
    markdown = _relink(markdown, ROOT / "docs" / page, page)

    def include(match: re.Match[str]) -> str:
        return _relink(readme_section(match.group("section")), ROOT / "README.md", page)

    return _INCLUDE.sub(include, markdown)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Include README sections and point repository links at site pages."""
    return page_markdown(markdown, page.file.src_uri)


def on_config(config: Any) -> Any:
    """Generate the pages from the current code, and name them in the nav."""
    # `mkdocs serve` reloads the config for every rebuild: README and examples are read
    # again; the imported code is not (restart it after changing an operation).
    _pages.cache_clear()
    if config.get("nav"):
        config["nav"] = expand_nav(config["nav"], list(_pages()))
    return config


def on_files(files: Any, config: Any) -> Any:
    """Add the generated pages to the build."""
    from mkdocs.structure.files import File

    for path, content in _pages().items():
        files.append(File.generated(config, path, content=content))
    return files
