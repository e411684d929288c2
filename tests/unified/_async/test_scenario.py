"""The issue's scenario through AsyncHelpdesk against each vendor's fake: create a ticket
for a new contact, comment it, close it, list tickets updated since the start, find the
contact by e-mail, list agents (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import pytest

from cxkit import CXModel, UnsupportedOperationError
from cxkit.testing.omi import FakeOmi
from cxkit.testing.omnicxm import FakeOmniCXM
from cxkit.testing.omnidesk import FakeOmnidesk
from cxkit.testing.thulium import FakeThulium
from cxkit.unified import AsyncHelpdesk, Ticket, TicketStatus


@dataclass
class Rig:
    fake: Any
    stored_ticket: Callable[[Any, str], dict[str, Any]]
    stored_contact: Callable[[Any, str], dict[str, Any]]


def _omnidesk() -> Rig:
    return Rig(
        FakeOmnidesk(),
        lambda f, i: f.cases[int(i)],
        lambda f, i: f.users[int(i)],
    )


def _thulium() -> Rig:
    return Rig(
        FakeThulium(),
        lambda f, i: f.tickets[int(i)],
        lambda f, i: f.customers[int(i)],
    )


def _omnicxm() -> Rig:
    return Rig(
        FakeOmniCXM(),
        lambda f, i: f.tickets[i],
        lambda f, i: f.objects["contacts"][i],
    )


TICKET_RIGS = {"omnidesk": _omnidesk, "thulium": _thulium, "omnicxm": _omnicxm}


def _public(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if not k.startswith("_")}


def assert_visible(raw: CXModel, stored: dict[str, Any]) -> None:
    """Every field the fake holds for the record is in ``raw``."""
    dumped = raw.to_dict()
    for key in _public(stored):
        assert key in dumped or key in raw.unparsed, f"{key} not visible"


@pytest.mark.parametrize("vendor", sorted(TICKET_RIGS))
async def test_ticket_scenario(vendor: str) -> None:
    rig = TICKET_RIGS[vendor]()
    desk = AsyncHelpdesk(rig.fake.async_client())
    assert desk.vendor == vendor
    start = datetime.fromtimestamp(rig.fake.clock.now(), timezone.utc)
    assert await desk.contacts.find(email="ann@x.io") is None

    ticket = await desk.tickets.create(
        subject="Printer on fire",
        description="Help",
        requester_email="ann@x.io",
        requester_name="Ann Smith",
    )
    assert isinstance(ticket, Ticket)
    assert ticket.vendor == vendor and ticket.subject == "Printer on fire"
    assert ticket.status is TicketStatus.OPEN
    rig.fake.clock.advance(60)

    reply = await desk.tickets.comments.create(ticket.id, body="On it", public=True)
    note = await desk.tickets.comments.create(ticket.id, body="Check the fuser", public=False)
    assert (reply.body, reply.public, reply.ticket_id) == ("On it", True, ticket.id)
    assert (note.body, note.public) == ("Check the fuser", False)
    comments = [c async for c in desk.tickets.comments.list(ticket.id)]
    by_body = {c.body: c for c in comments}
    assert by_body["On it"].public is True and by_body["On it"].id == reply.id
    assert by_body["Check the fuser"].public is False and by_body["Check the fuser"].id == note.id

    closed = await desk.tickets.update(ticket.id, status="closed")
    assert closed.id == ticket.id and closed.status is TicketStatus.CLOSED
    assert (await desk.tickets.get(ticket.id)).status is TicketStatus.CLOSED

    since = [t async for t in desk.tickets.list(updated_since=start)]
    assert [t.id for t in since] == [ticket.id]
    assert since[0].status is TicketStatus.CLOSED
    assert_visible(since[0].raw, rig.stored_ticket(rig.fake, ticket.id))
    assert [t async for t in desk.tickets.list(status="open")] == []
    assert [t.id async for t in desk.tickets.list(status=TicketStatus.CLOSED)] == [ticket.id]
    later = datetime.fromtimestamp(rig.fake.clock.now() + 3600, timezone.utc)
    assert [t async for t in desk.tickets.list(updated_since=later)] == []

    contact = await desk.contacts.find(email="ann@x.io")
    assert contact is not None and "ann@x.io" in contact.emails
    assert (await desk.contacts.get(contact.id)).id == contact.id
    assert_visible(contact.raw, rig.stored_contact(rig.fake, contact.id))

    agents = [a async for a in desk.agents.list()]
    assert agents and all(a.vendor == vendor for a in agents)
    assert (await desk.agents.get(agents[0].id)).id == agents[0].id


async def test_omi_contacts_and_agents_but_no_tickets() -> None:
    fake = FakeOmi()
    desk = AsyncHelpdesk(fake.async_client())
    assert desk.vendor == "omi"
    assert await desk.contacts.find(email="ann@x.io") is None
    created = await desk.contacts.create(name="Ann Smith", email="ann@x.io", phone="0912345678")
    assert created.emails == ["ann@x.io"] and created.phones == ["0912345678"]
    found = await desk.contacts.find(email="ann@x.io")
    assert found is not None and found.id == created.id
    by_phone = await desk.contacts.find(phone="0912345678")
    assert by_phone is not None and by_phone.id == created.id
    assert (await desk.contacts.get(created.id)).name == "Ann Smith"
    assert [c.id async for c in desk.contacts.list()] == [created.id]
    agents = [a async for a in desk.agents.list()]
    assert agents and (await desk.agents.get(agents[0].id)).id == agents[0].id
    sent = len(fake.calls)
    with pytest.raises(UnsupportedOperationError):
        desk.tickets.list()
    with pytest.raises(UnsupportedOperationError):
        await desk.tickets.create(subject="x", description="y", requester_email="a@b.c")
    with pytest.raises(UnsupportedOperationError):
        desk.calls.list()
    assert len(fake.calls) == sent, "an unsupported operation sent nothing"
