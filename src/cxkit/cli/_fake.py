"""The built-in fakes behind ``--fake``, seeded with a little data to look at.

Each vendor's seed goes through the vendor's own client (so the records are shaped
as the fake serves them) and is the same on every run: the fakes run on a
:class:`~cxkit.testing.FakeClock`, so ids and dates repeat.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..testing import FakeClock, FakeServer
from ._vendors import vendor

__all__ = ["SEEDS", "seeded_fake"]

START = 1_793_520_000  # 2026-11-01 06:00 UTC: "now" for every fake
NAMES = ["Ann Lee", "Bo Chen", "Carla Diaz", "Dmitri Orlov", "Eva Novak", "Farid Aziz"]
SUBJECTS = ["Printer on fire", "Password reset", "Invoice missing", "Refund request", "Login fails"]


def _seed_omnidesk(fake: FakeServer, client: Any) -> None:
    clock = fake.clock
    assert isinstance(clock, FakeClock)
    for n in range(12):
        clock.advance(3600)
        name = NAMES[n % len(NAMES)]
        client.cases.create(
            subject=f"{SUBJECTS[n % len(SUBJECTS)]} #{n + 1}",
            user_email=f"{name.split()[0].lower()}@example.com",
            user_full_name=name,
            content="Seeded by cxkit --fake.",
            status=("open", "waiting", "closed")[n % 3],
            priority=("low", "normal", "high", "critical")[n % 4],
        )
    client.labels.create(label_title="vip")
    client.groups.create(group_title="Support", group_from_name="Acme support")
    client.companies.create(company_name="Acme Ltd", company_domains="acme.example")


def _seed_thulium(fake: FakeServer, client: Any) -> None:
    company = client.companies.create(name="Acme Ltd", email="office@acme.example")
    for n, name in enumerate(NAMES):
        first, last = name.split()
        client.customers.create(
            name=first,
            surname=last,
            email=f"{first.lower()}@example.com",
            company_id=company.id if n % 2 else None,
        )
        client.tickets.create(
            to=f"{first.lower()}@example.com",
            subject=SUBJECTS[n % len(SUBJECTS)],
            body="Seeded by cxkit --fake.",
        )


def _seed_omnicxm(fake: FakeServer, client: Any) -> None:
    for n, name in enumerate(NAMES):
        client.tickets.create(
            subject=SUBJECTS[n % len(SUBJECTS)],
            content=f"From {name}. Seeded by cxkit --fake.",
            priority=("low", "medium", "high")[n % 3],
        )
    add_cdr: Callable[..., Any] = fake.add_cdr  # type: ignore[attr-defined]
    for n in range(8):
        add_cdr(src=f"10{n}", dst=f"09120000{n:02d}", calldate=START - 600 * (8 - n))


def _seed_omi(fake: FakeServer, client: Any) -> None:
    for n, name in enumerate(NAMES):
        client.contacts.create(full_name=name, phones=[f"09120000{n:02d}"])
    client.internal_groups.create(group_name="Support", sip_members=["100", "101"])


SEEDS: dict[str, Callable[[FakeServer, Any], None]] = {
    "omnidesk": _seed_omnidesk,
    "thulium": _seed_thulium,
    "omnicxm": _seed_omnicxm,
    "omi": _seed_omi,
}
"""How each vendor's fake is filled for ``--fake``."""


def seeded_fake(name: str) -> FakeServer:
    """A fresh fake of vendor ``name`` on a fake clock, holding the seed records."""
    fake = vendor(name).fake_class(clock=FakeClock(start=START))
    client = fake.client()  # type: ignore[attr-defined]
    try:
        SEEDS[name](fake, client)
    finally:
        client.close()
    return fake
