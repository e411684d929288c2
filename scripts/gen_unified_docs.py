"""Generate the tables of docs/unified.md from the code: ``python3 scripts/gen_unified_docs.py
[--check]``.

The capability, filter and field tables come from ``cxkit.unified.capabilities_of``;
the mapping tables from each ``cxkit.unified._map.<vendor>`` module's tables and
their seed traces. Each table sits between ``<!-- generated: NAME -->`` and
``<!-- end generated -->``; ``--check`` fails when the page differs from what the
code says (tests/unified/test_docs_tables.py runs it).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from enum import Enum
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cxkit.unified import UNIFIED_OPERATIONS, capabilities_of  # noqa: E402
from cxkit.unified._map import omi, omnicxm, omnidesk, thulium  # noqa: E402

DOC = ROOT / "docs" / "unified.md"
VENDORS = ("omnidesk", "thulium", "omnicxm", "omi")
SECTION = re.compile(
    r"(?P<head><!-- generated: (?P<name>[a-z0-9-]+) -->\n)(?P<body>.*?)(?P<tail><!-- end generated -->)",
    re.S,
)


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = [_row(*header), _row(*("---" for _ in header))]
    lines += [_row(*row) for row in rows]
    return "\n".join(lines) + "\n"


def capabilities() -> str:
    caps = {v: capabilities_of(v) for v in VENDORS}
    rows = [
        (f"`{op}`", *("yes" if caps[v].supports(op) else "no" for v in VENDORS))
        for op in UNIFIED_OPERATIONS
    ]
    return _table(("operation", *VENDORS), rows)


def filters() -> str:
    caps = {v: capabilities_of(v) for v in VENDORS if capabilities_of(v).ticket_filters}
    names = list(next(iter(caps.values())).ticket_filters)
    rows = [
        (f"`{name}`", *("vendor" if c.ticket_filters[name] == "vendor" else "while paging"
                         for c in caps.values()))
        for name in names
    ]  # fmt: skip
    return _table(("`tickets.list` filter", *caps), rows)


def fields() -> str:
    caps = {v: capabilities_of(v) for v in VENDORS if capabilities_of(v).supports("tickets.update")}
    names = ("subject", "description", "status", "priority", "assignee_id", "tags")
    rows = [
        (f"`{n}`", *("yes" if n in c.ticket_fields else "no" for c in caps.values())) for n in names
    ]
    return _table(("`tickets.update` field", *caps), rows)


def _common(value: Any) -> str:
    if isinstance(value, Enum):
        return f"`{value.value}`"
    if isinstance(value, bool):
        return "public" if value else "internal"
    return str(value)


def _mapping(module: Any, tables: Mapping[str, Mapping[str, Any]]) -> str:
    out: list[str] = []
    for name, table in tables.items():
        traces = module.TRACES[name]
        rows = [(f"`{value}`", _common(common), traces[value]) for value, common in table.items()]
        out.append(f"**{name}** (seed `{module.SEED}`)\n\n")
        out.append(_table((f"vendor {name}", "common", "where the seed says it"), rows))
        out.append("\n")
    return "".join(out).rstrip("\n") + "\n"


def _writes(pairs: Mapping[str, Mapping[Any, str]]) -> str:
    rows = [
        (name, _common(common), f"`{value}`")
        for name, table in pairs.items()
        for common, value in table.items()
    ]
    return _table(("field", "common", "written as"), rows)


GENERATORS: dict[str, Callable[[], str]] = {
    "capabilities": capabilities,
    "filters": filters,
    "fields": fields,
    "omnidesk": lambda: _mapping(
        omnidesk, {"status": omnidesk.STATUS, "priority": omnidesk.PRIORITY}
    ),
    "omnidesk-writes": lambda: _writes(
        {"status": omnidesk.STATUS_OUT, "priority": omnidesk.PRIORITY_OUT}
    ),
    "thulium": lambda: _mapping(
        thulium, {"status": thulium.STATUS_NAMES, "message type": thulium.PUBLIC_TYPES}
    ),
    "omnicxm": lambda: _mapping(
        omnicxm,
        {"status": omnicxm.STATUS, "priority": omnicxm.PRIORITY, "in_out": omnicxm.DIRECTION},
    ),
    "omnicxm-writes": lambda: _writes(
        {"status": omnicxm.STATUS_OUT, "priority": omnicxm.PRIORITY_OUT}
    ),
    "omi": lambda: _mapping(omi, {"direction": omi.DIRECTION}),
}


def render(text: str) -> str:
    """``text`` with every generated section filled from the code."""
    seen: set[str] = set()

    def fill(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in GENERATORS:
            raise SystemExit(f"docs/unified.md: unknown generated section {name!r}")
        seen.add(name)
        return match["head"] + "\n" + GENERATORS[name]() + "\n" + match["tail"]

    out = SECTION.sub(fill, text)
    missing = set(GENERATORS) - seen
    if missing:
        raise SystemExit(f"docs/unified.md: missing generated sections {sorted(missing)}")
    return out


def main() -> int:
    text = DOC.read_text("utf-8")
    new = render(text)
    if "--check" in sys.argv[1:]:
        if new != text:
            print("docs/unified.md: tables differ from the code; run scripts/gen_unified_docs.py")
            return 1
        return 0
    if new != text:
        DOC.write_text(new, "utf-8")
        print("wrote docs/unified.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
