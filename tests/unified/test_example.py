"""examples/unified_sync.py: the same code copies the open tickets of the Omnidesk,
Thulium and OmniCXM fakes into JSON Lines."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from cxkit.testing.omnicxm import FakeOmniCXM
from cxkit.testing.omnidesk import FakeOmnidesk
from cxkit.testing.thulium import FakeThulium
from cxkit.unified import Helpdesk

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "unified_sync.py"


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("unified_sync", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("unified_sync", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("make", [FakeOmnidesk, FakeThulium, FakeOmniCXM])
def test_open_tickets_copied(make: Any) -> None:
    example = _example()
    fake = make()
    desk = Helpdesk(fake.client())
    example.seed(desk)
    out = io.StringIO()
    count = example.copy_open_tickets(desk, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(lines) == 2
    assert sorted(line["subject"] for line in lines) == ["Printer 1 on fire", "Printer 3 on fire"]
    for line in lines:
        assert line["vendor"] == desk.vendor and line["status"] == "open"
        # The listing's record is the vendor's (a Thulium list omits messages).
        fresh = desk.tickets.get(line["id"]).raw.to_dict(mode="json")
        assert {key: fresh[key] for key in line["raw"]} == line["raw"]
    closed = [t for t in desk.tickets.list() if t.status.value == "closed"]
    assert [t.subject for t in closed] == ["Printer 2 on fire"]
