"""Thulium mappings on every seed example of the customer and agent endpoints, and on
tickets shaped as the API sends them (the seed lists the ticket endpoints in its index
only, without examples)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from cxkit._core.models import parse_model
from cxkit.thulium.types import Agent as ThuliumAgent
from cxkit.thulium.types import Customer
from cxkit.thulium.types import Ticket as ThuliumTicket
from cxkit.unified import AgentRef, ContactRef, TicketStatus
from cxkit.unified._map import thulium as m

from .seed import assert_lossless, examples


def _items(data: Any) -> list[dict[str, Any]]:
    return data if isinstance(data, list) else [data]


CUSTOMERS = [
    (name, rec)
    for name, ex in examples("thulium", "customers.list", "customers.get")
    for rec in _items(ex)
]
AGENTS = [
    (name, rec)
    for name, ex in examples("thulium", "agents.list", "agents.get", "outbounds.agents.list")
    for rec in _items(ex)
]
STATUSES = {1: "New", 2: "Open", 3: "Closed", 4: "W trakcie", 5: "Wstrzymane", 6: "Oczekujące"}


def parse(model: Any, record: dict[str, Any]) -> Any:
    return parse_model(model, record, strict=False, vendor="thulium")


@pytest.mark.parametrize(("endpoint", "record"), CUSTOMERS)
def test_customer(endpoint: str, record: dict[str, Any]) -> None:
    customer = parse(Customer, record)
    contact = m.contact(customer)
    assert contact.id == str(record["customer_id"])
    assert contact.name == f"{record['name']} {record['surname']}"
    assert contact.phones == list(dict.fromkeys([record["phone_number"], *record["phone_numbers"]]))
    assert record["email"] in contact.emails
    for email in record.get("emails", []):
        assert email in contact.emails
    assert_lossless(customer, record, contact)


@pytest.mark.parametrize(("endpoint", "record"), AGENTS)
def test_agent(endpoint: str, record: dict[str, Any]) -> None:
    raw = parse(ThuliumAgent, record)
    agent = m.agent(raw)
    assert agent.id == (record["login"] or str(record["agent_id"]))
    if record.get("name"):
        assert agent.name == f"{record['name']} {record['surname']}"
    assert agent.email == (record.get("email") or None)
    assert agent.active is (record["active"] if isinstance(record["active"], bool) else None)
    assert_lossless(raw, record, agent)


TICKET = {
    "ticket_id": 12,
    "from": "ann@x.io",
    "to": "bok@acme.example",
    "subject": "Printer on fire",
    "ticket_queue_id": 4,
    "ticket_queue_name": "BOK",
    "status_id": 2,
    "substatus_id": 19,
    "full_status_name": "Open / Waiting for the customer",
    "category_id": None,
    "customer_id": 154,
    "user_login": "jkowalski",
    "source": "email",
    "direction": "in_behalf_of",
    "tags": ["vip"],
    "cc": [],
    "created_at": "2016-04-20 09:46:24",
    "updated_at": "2016-04-20 10:00:00",
    "closed_at": None,
    "messages": [
        {"message_id": 120, "type": "MAIL", "body": "Help", "created_at": "2016-04-20 09:46:24"},
        {"message_id": 121, "type": "REPLY", "user_login": "jkowalski", "body": "On it"},
        {"message_id": 122, "type": "COMMENT", "user_login": "jkowalski", "comment": "Fuser"},
    ],
    "custom_fields": {"Order": "A-1"},
}


def test_ticket() -> None:
    raw = parse(ThuliumTicket, TICKET)
    ticket = m.ticket(raw, STATUSES)
    assert ticket.id == "12" and ticket.vendor == "thulium"
    assert ticket.status is TicketStatus.OPEN
    assert ticket.status_raw == "Open / Waiting for the customer"
    assert ticket.priority is None
    assert ticket.requester == ContactRef(id="154", email="ann@x.io")
    assert ticket.assignee == AgentRef(id="jkowalski")
    assert ticket.description == "Help"
    assert (ticket.team, ticket.channel, ticket.tags) == ("4", "email", ["vip"])
    assert ticket.created_at is not None and ticket.created_at.utcoffset() is not None
    assert ticket.custom_fields == {"Order": "A-1"}
    assert_lossless(raw, TICKET, ticket)


@pytest.mark.parametrize(
    ("status_id", "expected"),
    [
        (1, TicketStatus.OPEN),
        (2, TicketStatus.OPEN),
        (3, TicketStatus.CLOSED),
        (4, TicketStatus.IN_PROGRESS),
        (5, TicketStatus.ON_HOLD),
        (6, TicketStatus.PENDING),
    ],
)
def test_status_by_the_accounts_status_names(status_id: int, expected: TicketStatus) -> None:
    raw = parse(ThuliumTicket, {**TICKET, "status_id": status_id, "full_status_name": None})
    assert m.ticket(raw, STATUSES).status is expected
    assert status_id in m.status_ids(expected, STATUSES)


def test_unknown_status_name_is_kept_and_reads_by_closed_at(
    caplog: pytest.LogCaptureFixture,
) -> None:
    statuses = {9: "Eskalacja"}
    open_one = parse(ThuliumTicket, {**TICKET, "status_id": 9, "full_status_name": "Eskalacja"})
    closed_one = parse(
        ThuliumTicket,
        {**TICKET, "status_id": 9, "full_status_name": "Eskalacja",
         "closed_at": "2016-04-21 10:00:00"},
    )  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="cxkit.unified"):
        assert m.ticket(open_one, statuses).status is TicketStatus.OPEN
        assert m.ticket(closed_one, statuses).status is TicketStatus.CLOSED
    assert m.ticket(open_one, statuses).status_raw == "Eskalacja"
    assert len([r for r in caplog.records if "Eskalacja" in r.getMessage()]) == 1


def test_outgoing_ticket_requester_is_the_recipient() -> None:
    raw = parse(ThuliumTicket, {**TICKET, "direction": "out", "from": "bok@acme.example",
                                "to": "ann@x.io"})  # fmt: skip
    assert m.ticket(raw, STATUSES).requester == ContactRef(id="154", email="ann@x.io")


def test_messages_as_comments() -> None:
    raw = parse(ThuliumTicket, TICKET)
    mail, reply, note = (m.comment(msg, raw) for msg in raw.messages or [])
    assert (mail.body, mail.public, mail.author) == (
        "Help",
        True,
        ContactRef(id="154", email="ann@x.io"),
    )
    assert (reply.body, reply.public, reply.author) == ("On it", True, AgentRef(id="jkowalski"))
    assert (note.body, note.public, note.author) == ("Fuser", False, AgentRef(id="jkowalski"))
    assert {c.ticket_id for c in (mail, reply, note)} == {"12"}
    messages: list[dict[str, Any]] = TICKET["messages"]  # type: ignore[assignment]
    for message, record in zip(raw.messages or [], messages, strict=True):
        assert_lossless(message, record, m.comment(message, raw))


def test_split_name() -> None:
    assert m.split_name("Ann Marie Smith") == ("Ann Marie", "Smith")
    assert m.split_name("Smith") == (None, "Smith")
    assert m.split_name(None) == (None, None)


def test_create_answers_give_the_new_id() -> None:
    from cxkit import ResponseValidationError
    from cxkit.unified._map._common import created_id

    answers = dict(examples("thulium", "customers.create", "agents.create"))
    assert created_id("thulium", answers["customers.create"], "customer_id") == "324"
    assert created_id("thulium", answers["agents.create"], "agent_id") == "11"
    answers = dict(examples("omnicxm", "tickets.create", "objects.create"))
    assert created_id("omnicxm", answers["tickets.create"], "id") == "62fa21088b11cb67fa14266a"
    assert (
        created_id("omnicxm", answers["objects.create"], "id", "data") == "640ae7d78eaa9514ed2ff6d2"
    )
    assert created_id("omnicxm", "62fa21088b11cb67fa14266a") == "62fa21088b11cb67fa14266a"
    with pytest.raises(ResponseValidationError, match="omnicxm: the create answer carries no id"):
        created_id("omnicxm", {"status": True}, "id")
