"""Omnidesk mappings on every seed example of the case, message, user and staff endpoints."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from cxkit._core.models import parse_model
from cxkit.omnidesk.types import Case, Message, Staff, User
from cxkit.unified import AgentRef, ContactRef, TicketPriority, TicketStatus
from cxkit.unified._map import omnidesk as m

from .seed import assert_lossless, records

CASES = records(
    "omnidesk",
    "case",
    "cases.create",
    "cases.list",
    "cases.get",
    "cases.update",
    "cases.trash",
    "cases.spam",
    "cases.restore",
    "case_ideas.update",
    "case_ideas.set_official_response",
)
MESSAGES = records(
    "omnidesk",
    "message",
    "case_messages.list",
    "case_messages.create",
    "case_messages.update",
    "case_notes.create",
    "case_notes.update",
)
USERS = records(
    "omnidesk",
    "user",
    "users.create",
    "users.list",
    "users.get",
    "users.update",
    "users.disable",
    "users.block",
    "users.restore",
)
STAFF = records(
    "omnidesk",
    "staff",
    "staff.create",
    "staff.list",
    "staff.get",
    "staff.update",
    "staff.disable",
    "staff.enable",
)


def parse(model: Any, record: dict[str, Any]) -> Any:
    return parse_model(model, record, strict=False, vendor="omnidesk")


@pytest.mark.parametrize(("endpoint", "record"), CASES)
def test_case(endpoint: str, record: dict[str, Any]) -> None:
    case = parse(Case, record)
    ticket = m.ticket(case)
    assert ticket.id == str(record["case_id"])
    assert ticket.vendor == "omnidesk"
    assert ticket.status_raw == record["status"]
    assert ticket.priority_raw == record["priority"]
    expected = TicketStatus.SPAM if record["spam"] else m.STATUS[record["status"]]
    assert ticket.status is expected
    assert ticket.priority is m.PRIORITY[record["priority"]]
    assert ticket.requester == ContactRef(id=str(record["user_id"]))
    assert ticket.assignee == AgentRef(id=str(record["staff_id"]))
    assert ticket.tags == [str(label) for label in record.get("labels", [])]
    assert ticket.custom_fields == record.get("custom_fields", {})
    assert ticket.created_at is not None and ticket.created_at.utcoffset() is not None
    assert ticket.raw is case
    assert_lossless(case, record, ticket)
    json.dumps(ticket.to_dict(mode="json"))


def test_seed_values_cover_every_table_line() -> None:
    statuses = {r["status"] for _, r in CASES}
    priorities = {r["priority"] for _, r in CASES}
    assert statuses == set(m.STATUS)
    assert priorities == set(m.PRIORITY)
    assert any(r["spam"] for _, r in CASES)


@pytest.mark.parametrize(("endpoint", "record"), MESSAGES)
def test_message(endpoint: str, record: dict[str, Any]) -> None:
    message = parse(Message, record)
    comment = m.comment(message, 2000)
    assert comment.id == str(record["message_id"])
    assert comment.ticket_id == "2000"
    assert comment.public is (not record["note"])
    assert comment.body == (record["content"] or record["content_html"])
    if record["user_id"]:
        assert comment.author == ContactRef(id=str(record["user_id"]))
    else:
        assert comment.author == AgentRef(id=str(record["staff_id"]))
    assert_lossless(message, record, comment)


@pytest.mark.parametrize(("endpoint", "record"), USERS)
def test_user(endpoint: str, record: dict[str, Any]) -> None:
    user = parse(User, record)
    contact = m.contact(user)
    assert contact.id == str(record["user_id"])
    assert contact.name == record["user_full_name"]
    assert contact.company == record["company_name"]
    for key in ("user_email",):
        if record.get(key):
            assert record[key] in contact.emails
    for key in ("user_phone", "user_whatsapp_phone"):
        if record.get(key):
            assert record[key] in contact.phones
    assert_lossless(user, record, contact)


@pytest.mark.parametrize(("endpoint", "record"), STAFF)
def test_staff(endpoint: str, record: dict[str, Any]) -> None:
    staff = parse(Staff, record)
    agent = m.agent(staff)
    assert agent.id == str(record["staff_id"])
    assert agent.email == record["staff_email"]
    assert agent.name == record["staff_full_name"]
    assert agent.active is record["active"]
    assert_lossless(staff, record, agent)


def test_unknown_status_is_kept_logged_once_and_never_raises(
    caplog: pytest.LogCaptureFixture,
) -> None:
    record = {"case_id": 7, "status": "custom_escalated", "priority": "blocker", "spam": False}
    with caplog.at_level(logging.WARNING, logger="cxkit.unified"):
        first = m.ticket(parse(Case, record))
        second = m.ticket(parse(Case, record))
    assert first.status is TicketStatus.OPEN and first.status_raw == "custom_escalated"
    assert first.priority is TicketPriority.NORMAL and first.priority_raw == "blocker"
    assert second.status_raw == "custom_escalated"
    warned = [r for r in caplog.records if "custom_escalated" in r.getMessage()]
    assert len(warned) == 1


def test_writes_go_back_to_the_seed_values() -> None:
    for vendor_value, common in m.STATUS.items():
        assert m.status_out(common) == vendor_value
    for vendor_value, prio in m.PRIORITY.items():
        assert m.priority_out(prio) == vendor_value
    assert m.status_out(TicketStatus.SPAM) is None
    with pytest.raises(ValueError, match="on_hold"):
        m.status_out(TicketStatus.ON_HOLD)
    assert m.labels(["101", "102"]) == [101, 102]
    with pytest.raises(ValueError, match="label ids"):
        m.labels(["vip"])
