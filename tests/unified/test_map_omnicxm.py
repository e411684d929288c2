"""OmniCXM mappings on every seed example of the ticket, comment, CRM object, user and
call record endpoints."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from cxkit._core.models import parse_model
from cxkit.omnicxm.types import CDRRecord, Comment, CRMObject, Ticket, UserEntry
from cxkit.unified import AgentRef, CallDirection, ContactRef, TicketPriority, TicketStatus
from cxkit.unified._map import omnicxm as m

from .seed import assert_lossless, examples, under


def _data(*endpoints: str) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    for name, example in examples("omnicxm", *endpoints):
        data = example["data"]
        out.extend((name, item) for item in (data if isinstance(data, list) else [data]))
    return out


TICKETS = _data("tickets.list", "tickets.get", "tickets.read")
COMMENTS = _data("tickets.comments.list", "tickets.comments.create") + [
    (name, rec)
    for name, ex in examples("omnicxm", "tickets.logs.list")
    for rec in under(ex, "comment")
]
OBJECTS = _data("objects.list", "objects.get", "objects.read")
USERS = _data("users.get_user_permission")
CALLS = _data("cdr.list")


def parse(model: Any, record: dict[str, Any]) -> Any:
    return parse_model(model, record, strict=False, vendor="omnicxm")


@pytest.mark.parametrize(("endpoint", "record"), TICKETS)
def test_ticket(endpoint: str, record: dict[str, Any]) -> None:
    raw = parse(Ticket, record)
    ticket = m.ticket(raw)
    info = record["basicinfo"]
    assert ticket.id == info["id"] and ticket.number == info["ticket_id"]
    assert (ticket.status, ticket.status_raw) == (TicketStatus.OPEN, "New")
    assert (ticket.priority, ticket.priority_raw) == (TicketPriority.NORMAL, "normal")
    assert ticket.requester == ContactRef(
        id=info["requester"]["id"],
        name=info["requester"]["name"],
        email=info["requester"]["email"][0],
        phone=info["requester"]["phone"][0],
    )
    assert ticket.assignee == AgentRef(id=info["assignee"]["id"], name=info["assignee"]["name"])
    assert ticket.subject == info["subject"] and ticket.description == info["content"]
    assert ticket.created_at is not None
    assert int(ticket.created_at.timestamp()) == record["created"]["time"]
    assert ticket.updated_at is not None
    assert int(ticket.updated_at.timestamp()) == record["last_modified"]["time"]
    groups = {k: v for k, v in record.items() if k.startswith("custom_group")}
    assert ticket.custom_fields == groups
    assert_lossless(raw, record, ticket)


@pytest.mark.parametrize(("endpoint", "record"), COMMENTS)
def test_comment(endpoint: str, record: dict[str, Any]) -> None:
    raw = parse(Comment, record)
    comment = m.comment(raw)
    assert comment.id == record.get("id", record.get("_id"))
    assert comment.ticket_id == record["ticket_id"]
    assert comment.public is (record["notetype"] == "public")
    text = record.get("raw_content") or record["content"]
    assert comment.body == text.strip()
    assert comment.author is not None and comment.author.id == record["created"]["byid"]
    assert_lossless(raw, record, comment)


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize(("endpoint", "record"), OBJECTS)
def test_crm_object_as_contact(endpoint: str, record: dict[str, Any]) -> None:
    raw = parse(CRMObject, record)
    contact = m.contact(raw)
    assert contact.id == record["_id"]
    for key in ("email", "main_email"):
        for value in _listed(record.get(key)):
            if value:
                assert value in contact.emails
    for key in ("phone", "mobi_phone"):
        for value in _listed(record.get(key)):
            if value:
                assert value in contact.phones
    if record.get("first_name"):
        assert contact.name is not None and contact.name.startswith(record["first_name"])
    assert contact.company == (record.get("companyname") or None)
    assert_lossless(raw, record, contact)


@pytest.mark.parametrize(("endpoint", "record"), USERS)
def test_user_entry(endpoint: str, record: dict[str, Any]) -> None:
    raw = parse(UserEntry, record)
    assert m.is_user(raw) is (record["type"] == "user")
    agent = m.agent(raw)
    assert agent.id == record["value"].removeprefix("user_")
    assert_lossless(raw, record, agent)


@pytest.mark.parametrize(("endpoint", "record"), CALLS)
def test_call(endpoint: str, record: dict[str, Any]) -> None:
    raw = parse(CDRRecord, record)
    call = m.call(raw)
    assert call.id == record["_id"]
    assert (call.direction, call.direction_raw) == (CallDirection.OUTBOUND, "outbound")
    assert call.answered is True
    assert (call.from_number, call.to_number) == (record["src"], record["dst"])
    assert call.duration_s == record["duration"]
    assert call.started_at is not None
    assert int(call.started_at.timestamp()) == record["calldate"]
    assert_lossless(raw, record, call)


def test_odd_values_are_kept(caplog: pytest.LogCaptureFixture) -> None:
    record = {**TICKETS[0][1]}
    record["basicinfo"] = {**record["basicinfo"], "status": "Chờ xử lý", "priority": "P0"}
    with caplog.at_level(logging.WARNING, logger="cxkit.unified"):
        ticket = m.ticket(parse(Ticket, record))
    assert (ticket.status, ticket.status_raw) == (TicketStatus.OPEN, "Chờ xử lý")
    assert (ticket.priority, ticket.priority_raw) == (TicketPriority.NORMAL, "P0")
    assert any("Chờ xử lý" in r.getMessage() for r in caplog.records)
    call = m.call(parse(CDRRecord, {**CALLS[0][1], "in_out": "transfer", "disposition": "BUSY"}))
    assert (call.direction, call.direction_raw, call.answered) == (
        CallDirection.INBOUND,
        "transfer",
        False,
    )


def test_write_values_read_back() -> None:
    for status, word in m.STATUS_OUT.items():
        assert m.STATUS[word.lower()] is status
    for priority, word in m.PRIORITY_OUT.items():
        assert m.PRIORITY[word] is priority
