"""Copy the open tickets of whichever vendor is configured into a JSON Lines file, with
one piece of code for Omnidesk, Thulium and OmniCXM (``cxkit.unified``).

    python examples/unified_sync.py [--out open_tickets.jsonl]

With OMNIDESK_API_KEY, THULIUM_PASSWORD or OMNICXM_PASSWORD set (and the vendor's
other variables), it reads that account. Without, it runs offline: each vendor's
fake gets a few tickets, and each vendor's open tickets go to their own file in a
temporary folder (removed at the end).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path
from typing import Any, TextIO

from cxkit.omnicxm import OmniCXM
from cxkit.omnidesk import Omnidesk
from cxkit.testing.omnicxm import FakeOmniCXM
from cxkit.testing.omnidesk import FakeOmnidesk
from cxkit.testing.thulium import FakeThulium
from cxkit.thulium import Thulium
from cxkit.unified import Helpdesk


def copy_open_tickets(desk: Helpdesk, out: TextIO) -> int:
    """Write each open ticket as one JSON line (the vendor's record under ``raw``)."""
    count = 0
    for ticket in desk.tickets.list(status="open"):
        out.write(json.dumps(ticket.to_dict(mode="json"), ensure_ascii=False) + "\n")
        count += 1
    return count


def configured() -> Helpdesk | None:
    """A Helpdesk over the account the environment names, if any."""
    if os.environ.get("OMNIDESK_API_KEY"):
        return Helpdesk(Omnidesk())
    if os.environ.get("THULIUM_PASSWORD"):
        return Helpdesk(Thulium())
    if os.environ.get("OMNICXM_PASSWORD"):
        return Helpdesk(OmniCXM())
    return None


def seed(desk: Helpdesk) -> None:
    """Three tickets, one of them closed: what the offline run copies."""
    for n, email in enumerate(("ann@x.io", "bob@x.io", "cyd@x.io")):
        ticket = desk.tickets.create(
            subject=f"Printer {n + 1} on fire", description="Help", requester_email=email
        )
        if n == 1:
            desk.tickets.update(ticket.id, status="closed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("open_tickets.jsonl"))
    args = parser.parse_args()
    desk = configured()
    if desk is not None:
        with args.out.open("w", encoding="utf-8") as out:
            count = copy_open_tickets(desk, out)
        print(f"{desk.vendor}: {count} open tickets -> {args.out}")
        return
    fakes: list[Any] = [FakeOmnidesk(), FakeThulium(), FakeOmniCXM()]
    with tempfile.TemporaryDirectory(prefix="cxkit-unified-") as folder:
        for fake in fakes:
            desk = Helpdesk(fake.client())
            seed(desk)
            path = Path(folder) / f"open_tickets_{desk.vendor}.jsonl"
            with path.open("w", encoding="utf-8") as out:
                count = copy_open_tickets(desk, out)
            lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
            subjects = sorted(line["subject"] for line in lines)
            print(f"{desk.vendor}: {count} open tickets -> {path.name}: {subjects}")


if __name__ == "__main__":
    main()
