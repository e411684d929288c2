"""User flows through the Thulium clients against FakeThulium: CRM, tickets, batches,
campaigns, agents, the webhook events they cause, and what the fake does not model."""

from __future__ import annotations

import json

import pytest

from cxkit import AuthenticationError, BadRequestError, NotFoundError
from cxkit.testing.thulium import FakeThulium
from cxkit.thulium import AsyncThulium, Ticket
from cxkit.thulium.webhooks import (
    AgentLoggedInEvent,
    AgentStatusChangedEvent,
    CustomerCreatedEvent,
    CustomerNoteSavedEvent,
    OutboundRecordSavedEvent,
    TicketAgentRepliedEvent,
    TicketClosedEvent,
    TicketCommentCreatedEvent,
    TicketCreatedEvent,
    TicketMessageReceivedEvent,
    TicketQueueChangedEvent,
    TicketStatusChangedEvent,
    UnknownEvent,
    parse_event,
)


def client(fake: FakeThulium) -> AsyncThulium:
    return fake.async_client(max_retries=0)


async def test_customer_ticket_comment_and_paging() -> None:
    fake = FakeThulium()
    async with client(fake) as th:
        created = await th.customers.create(
            name="Jan", surname="Kowalski", email="jan.kowalski@foo.bar", phone_number="523993855"
        )
        customer = await th.customers.get(created.id)
        assert (customer.surname, customer.email, customer.phone_numbers) == (
            "Kowalski",
            "jan.kowalski@foo.bar",
            ["523993855"],
        )

        opened = await th.tickets.create(
            to="bok@acme.example",
            subject="Drukarka nie działa",
            body="Proszę o pomoc",
            customer_id=created.id,
            user_login="jkowalski",
        )
        await th.tickets.comments.create(opened.id, comment="Sprawdzam", user_login="jkowalski")
        ticket = await th.tickets.get(opened.id)
        assert isinstance(ticket, Ticket)
        assert ticket.ticket_id == opened.id
        assert (ticket.subject, ticket.customer_id, ticket.from_) == (
            "Drukarka nie działa",
            created.id,
            "jan.kowalski@foo.bar",
        )
        assert ticket.created_at is not None and ticket.created_at.tzinfo is not None
        assert ticket.messages is not None
        assert [(m.type, m.body, m.comment) for m in ticket.messages] == [
            ("MAIL", "Proszę o pomoc", None),
            ("COMMENT", None, "Sprawdzam"),
        ]

        for n in range(4):
            fake.clock.advance(60)
            await th.tickets.create(to="bok@acme.example", subject=f"Sprawa {n}", body="...")
        before = len(fake.calls)
        page = await th.tickets.list(limit=2)
        assert page.total == 5 and len(page.items) == 2
        seen = [t.ticket_id async for t in page]
        assert len(fake.calls) - before == 3  # three pages of two
        assert seen == sorted(fake.tickets, reverse=True)  # last changed first
        mine = [t.ticket_id async for t in th.tickets.list(customer_id=created.id)]
        assert mine == [opened.id]


async def test_ticket_life_sends_the_ticket_events() -> None:
    fake = FakeThulium()
    async with client(fake) as th:
        opened = await th.tickets.create(to="bok@acme.example", subject="S", body="B")
        await th.tickets.customer_responses.create(opened.id, body="Any news?")
        await th.tickets.agent_responses.create(opened.id, body="Soon", user_login="jkowalski")
        await th.tickets.update(opened.id, status_id=2, substatus_id=1, user_login="jkowalski")
        await th.tickets.update(opened.id, ticket_queue_id=2)
        await th.tickets.update(opened.id, status_id=3)
        await th.tickets.update(opened.id, status_id=2)
        await th.tickets.update(opened.id, status_id=3)
        ticket = await th.tickets.get(opened.id)
    events = [parse_event(e, strict=True) for e in fake.events]
    assert [type(e) for e in events] == [
        TicketCreatedEvent,
        TicketMessageReceivedEvent,
        TicketAgentRepliedEvent,
        TicketStatusChangedEvent,
        TicketQueueChangedEvent,
        TicketStatusChangedEvent,
        TicketClosedEvent,  # the first close only
        TicketStatusChangedEvent,
        TicketStatusChangedEvent,
    ]
    assert all(getattr(e, "ticket_id", None) == opened.id for e in events)
    created, received, replied, status = events[:4]
    assert isinstance(created, TicketCreatedEvent) and created.direction == "in_behalf_of"
    assert isinstance(received, TicketMessageReceivedEvent) and received.ticket_queue_id == 1
    assert isinstance(status, TicketStatusChangedEvent)
    assert (status.status_id, status.substatus_id, status.agent_login) == (2, 1, "jkowalski")
    assert ticket.messages is not None
    assert isinstance(replied, TicketAgentRepliedEvent)
    assert replied.message_id == ticket.messages[2].message_id
    assert ticket.ticket_queue_id == 2 and ticket.status_id == 3
    assert ticket.closed_at is not None and ticket.first_agent_responded_at is not None


async def test_batch_answers_207_with_mixed_results() -> None:
    fake = FakeThulium()
    async with client(fake) as th:
        result = await th.batch.customers.create(
            [{"surname": "Kowalski"}, {"phone_number": "333444555"}, {"surname": "Nowak"}]
        )
        assert [(i.index, i.http_status) for i in result.items] == [(0, 201), (1, 400), (2, 201)]
        assert result.failed[0].message == "Surname is required."
        ids = [int(i.object["customer_id"]) for i in result.succeeded if i.object]
        assert sorted(fake.customers) == ids
        with pytest.raises(BadRequestError, match="Surname is required"):
            result.raise_for_failures()

        updated = await th.batch.customers.update(
            [{"customer_id": ids[0], "surname": "Wiśniewski"}, {"customer_id": 999, "name": "X"}]
        )
        assert {(i.id, i.http_status) for i in updated.items} == {(str(ids[0]), 204), ("999", 404)}
        assert updated.failed[0].message == "Customer not found."
        assert fake.customers[ids[0]]["surname"] == "Wiśniewski"

        deleted = await th.batch.customers.delete([ids[1], 999])
        assert {(i.id, i.http_status) for i in deleted.items} == {(str(ids[1]), 204), ("999", 404)}
        assert sorted(fake.customers) == [ids[0]]

        first = await th.outbounds.create(name="A", dialer="preview", crm=False)
        removed = await th.batch.outbounds.delete([first.id, "99999"])
        assert [(i.id, i.http_status) for i in removed.items] == [(first.id, 200), ("99999", 404)]
        again = await th.batch.outbounds.delete([first.id])
        assert again.items[0].http_status == 400
        assert again.items[0].object == {"id": first.id, "status": "ALREADY_QUEUED"}
        assert await th.outbounds.list() == []


async def test_crm_campaign_records_and_agents() -> None:
    fake = FakeThulium()
    async with client(fake) as th:
        customer = await th.customers.create(surname="Kowalski", phone_number="523993855")
        campaign = await th.outbounds.create(name="Windykacja", dialer="preview", crm=True)
        assert len(campaign.id) == 5
        await th.outbounds.agents.add(campaign.id, ["jkowalski"])
        agents = await th.outbounds.agents.list(campaign.id)
        assert [a.login for a in agents] == ["jkowalski"]

        record = await th.crm_outbounds.records.create(
            campaign.id, customer_id=customer.id, status_id=3
        )
        page = await th.crm_outbounds.records.list(campaign.id, status_id=[3])
        assert page.total == 1
        assert [(r.record_id, r.phone_number, r.system_status) for r in page.items] == [
            (record.id, "523993855", "CALL")
        ]
        await th.crm_outbounds.records.update(
            campaign.id,
            customer.id,
            status_id=5,
            agent_login="jkowalski",
            next_call_date="2024-05-24 12:24",
        )
        saved = await th.crm_outbounds.records.get(campaign.id, customer.id)
        assert saved.system_status == "MY_RECORD" and saved.agent_login == "jkowalski"
        other = await th.customers.create(surname="Nowak", phone_number="111222333")
        with pytest.raises(BadRequestError, match="next_call_date is required"):
            await th.crm_outbounds.records.create(campaign.id, customer_id=other.id, status_id=6)
    (event,) = [parse_event(e, strict=True) for e in fake.events if e["action"].startswith("OUT")]
    assert isinstance(event, OutboundRecordSavedEvent)
    assert (event.id, event.record_id, event.system_status) == (
        campaign.id,
        record.id,
        "MY_RECORD",
    )
    assert (event.previous_status_id, event.status_id) == (3, 5)
    assert event.next_call_date is not None and event.next_call_date.hour == 12


async def test_agent_status_changes() -> None:
    fake = FakeThulium()
    async with client(fake) as th:
        assert await th.agents_statuses.list() == []
        with pytest.raises(BadRequestError, match="not logged in"):
            await th.agents.pause("jkowalski", pause_id=1)
        await th.agents.login("jkowalski")
        await th.agents.pause("jkowalski", pause_id=2)
        status = await th.agents.status.get("jkowalski")
        assert (status.status, status.pause_id) == ("PAUSED", 2)
        await th.agents.free("jkowalski")
        assert [(s.login, s.status) for s in await th.agents_statuses.list()] == [
            ("jkowalski", "FREE")
        ]
        await th.agents.logout("jkowalski")
        everyone = await th.agents_statuses.list(include_logged_off=True)
        assert [(s.login, s.status) for s in everyone] == [("jkowalski", "OFF")]
        with pytest.raises(NotFoundError, match="Agent not found"):
            await th.agents.status.get("nobody")
    events = [parse_event(e) for e in fake.events]
    assert isinstance(events[0], AgentLoggedInEvent)
    changes = [e for e in events if isinstance(e, AgentStatusChangedEvent)]
    assert [(e.pause_id, e.previous_pause_id) for e in changes] == [(2, None), (None, 2)]


async def test_events_are_recorded_and_parse() -> None:
    fake = FakeThulium()
    async with client(fake) as th:
        created = await th.customers.create(surname="Kowalski")
        await th.customers.notes.create(created.id, message="Oddzwonić", user_login="jkowalski")
        opened = await th.tickets.create(to="bok@acme.example", subject="S", body="B")
        await th.tickets.comments.create(opened.id, comment="C")
    assert [e["action"] for e in fake.events] == [
        "CUSTOMER_CREATED",
        "CUSTOMER_NOTE_SAVED",
        "TICKET_CREATED",
        "TICKET_COMMENT_CREATED",
    ]
    for payload in fake.events:
        event = parse_event(json.dumps(payload).encode(), strict=True)
        assert not isinstance(event, UnknownEvent)
        assert event.date is not None and event.date.tzinfo is not None
    customer, note, ticket, comment = (parse_event(e) for e in fake.events)
    assert isinstance(customer, CustomerCreatedEvent)
    assert customer.customer_id == created.id
    assert isinstance(note, CustomerNoteSavedEvent) and note.content == "Oddzwonić"
    assert isinstance(ticket, TicketCreatedEvent) and ticket.ticket_id == opened.id
    assert isinstance(comment, TicketCommentCreatedEvent) and comment.agent_login is None


async def test_unmodelled_routes_and_errors() -> None:
    fake = FakeThulium()
    async with client(fake) as th:
        with pytest.raises(NotFoundError) as info:
            await th.agents.hangup("jkowalski")
        assert info.value.status_code == 404
        assert info.value.request_id and len(info.value.request_id) == 13
        assert "No route" in str(info.value)
        with pytest.raises(NotFoundError):
            await th.chats.queues.list()
        with pytest.raises(NotFoundError, match="Customer not found"):
            await th.customers.get(12345)

        with pytest.raises(BadRequestError) as bad:
            await th.customers.create(surname="Kowalski", company_id=404, nip="123")
        assert bad.value.errors[0].message == "Company not found."  # type: ignore[attr-defined]
        await th.companies.create(name="Thulium", nip="6783144527")
        with pytest.raises(BadRequestError) as dup:
            await th.companies.create(name="Copy", nip="6783144527", email="not-an-address")
        messages = [e.message for e in dup.value.errors]  # type: ignore[attr-defined]
        assert messages == ["Wrong format of e-mail address.", "Duplicated NIP."]

    async with fake.async_client(password="wrong", max_retries=0) as intruder:
        with pytest.raises(AuthenticationError):
            await intruder.agents.list()
