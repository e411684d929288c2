"""docs/unified.md's tables are the code's: capabilities, filters, fields and every
mapping table, each line with its seed trace."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from cxkit.unified._map import omi, omnicxm, omnidesk, thulium

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_unified_docs", ROOT / "scripts" / "gen_unified_docs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_unified_docs", module)
    spec.loader.exec_module(module)
    return module


def test_the_guide_tables_are_generated_from_the_code() -> None:
    text = (ROOT / "docs" / "unified.md").read_text("utf-8")
    assert _script().render(text) == text, "run python3 scripts/gen_unified_docs.py"


def test_a_drifted_table_is_caught() -> None:
    script = _script()
    text = (ROOT / "docs" / "unified.md").read_text("utf-8")
    drifted = text.replace(
        "| `calls.list` | no | no | yes | no |", "| `calls.list` | yes | yes | yes | yes |"
    )
    assert drifted != text
    assert script.render(drifted) == text
    with pytest.raises(SystemExit, match="missing generated sections"):
        script.render(text.replace("<!-- generated: omi -->", "<!-- omi -->"))


@pytest.mark.parametrize(
    ("module", "tables"),
    [
        (omnidesk, {"status": omnidesk.STATUS, "priority": omnidesk.PRIORITY}),
        (thulium, {"status": thulium.STATUS_NAMES, "message type": thulium.PUBLIC_TYPES}),
        (
            omnicxm,
            {"status": omnicxm.STATUS, "priority": omnicxm.PRIORITY, "in_out": omnicxm.DIRECTION},
        ),
        (omi, {"direction": omi.DIRECTION}),
    ],
)
def test_every_table_line_is_traced(
    module: ModuleType, tables: dict[str, dict[str, object]]
) -> None:
    assert set(module.TRACES) == set(tables)
    for name, table in tables.items():
        assert set(module.TRACES[name]) == set(table), name
        assert all(trace.strip() for trace in module.TRACES[name].values())
