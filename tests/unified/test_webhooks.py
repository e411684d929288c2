"""Omnidesk and Thulium webhooks as unified events: every documented Thulium ticket and
customer action, Omnidesk's case, message and user events, and the events FakeThulium
sends while the scenario runs."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cxkit import WebhookError
from cxkit.testing.thulium import FakeThulium
from cxkit.thulium.webhooks import TicketClosedEvent
from cxkit.unified import (
    AgentRef,
    ContactEvent,
    Helpdesk,
    TicketEvent,
    TicketStatus,
    parse_event,
)

from .seed import catalog, examples, under

THULIUM_HOOKS = {w["action"]: w for w in catalog("thulium")["webhooks"]}

TICKET_KINDS = {
    "TICKET_CREATED": "created",
    "TICKET_AGENT_REPLIED": "commented",
    "TICKET_COMMENT_CREATED": "commented",
    "TICKET_MESSAGE_RECEIVED": "commented",
    "TICKET_CLOSED": "closed",
    "TICKET_STATUS_CHANGED": "updated",
    "TICKET_QUEUE_CHANGED": "updated",
}
CONTACT_KINDS = {
    "CUSTOMER_CREATED": "created",
    "CUSTOMER_NOTE_SAVED": "updated",
    "CUSTOMER_FILE_ATTACHED": "updated",
}


def _documented(action: str) -> dict[str, Any]:
    return {f["name"]: f["example"] for f in THULIUM_HOOKS[action]["fields"]}


def test_every_documented_ticket_and_customer_action_is_read() -> None:
    documented = {a for a in THULIUM_HOOKS if a.startswith(("TICKET_", "CUSTOMER_"))}
    assert documented == set(TICKET_KINDS) | set(CONTACT_KINDS)


@pytest.mark.parametrize("action", sorted(TICKET_KINDS))
def test_thulium_ticket_actions(action: str) -> None:
    payload = _documented(action)
    event = parse_event("thulium", json.dumps(payload).encode(), {"content-type": "x"})
    assert isinstance(event, TicketEvent)
    assert (event.vendor, event.kind, event.ticket_id) == ("thulium", TICKET_KINDS[action], "12")
    assert event.ticket is None
    if "message_id" in payload:
        assert event.comment_id == str(payload["message_id"])
    if "agent_login" in payload:
        assert event.agent == AgentRef(id=payload["agent_login"])
    assert event.occurred_at is not None and event.occurred_at.utcoffset() is not None
    assert event.raw.to_dict()["action"] == action
    dumped = event.to_dict(mode="json")
    for key in payload:
        assert key in dumped["raw"]


@pytest.mark.parametrize("action", sorted(CONTACT_KINDS))
def test_thulium_customer_actions(action: str) -> None:
    event = parse_event("thulium", _documented(action))
    assert isinstance(event, ContactEvent)
    assert (event.kind, event.contact_id) == (CONTACT_KINDS[action], "154")


def test_thulium_call_events_are_not_ticket_events() -> None:
    assert parse_event("thulium", _documented("AGENT_CONNECTED")) is None
    assert parse_event("thulium", {"action": "SOMETHING_NEW", "ticket_id": 1}) is None


def test_thulium_form_bodies() -> None:
    event = parse_event(
        "thulium", b"action=TICKET_CLOSED&ticket_id=12&date=2016-04-20+09%3A46%3A24"
    )
    assert isinstance(event, TicketEvent) and event.kind == "closed"
    assert isinstance(event.raw, TicketClosedEvent)


CASE = next(rec for _, ex in examples("omnidesk", "cases.get") for rec in under(ex, "case"))
USER = next(rec for _, ex in examples("omnidesk", "users.get") for rec in under(ex, "user"))


@pytest.mark.parametrize(
    ("name", "kind"),
    [("case_new", "created"), ("case_closed", "closed"), ("case_status_changed", "updated")],
)
def test_omnidesk_case_events_carry_the_ticket(name: str, kind: str) -> None:
    event = parse_event("omnidesk", {"type": name, "object": CASE})
    assert isinstance(event, TicketEvent)
    assert (event.kind, event.ticket_id) == (kind, str(CASE["case_id"]))
    assert event.ticket is not None and event.ticket.status is TicketStatus.PENDING
    assert event.ticket.raw is event.raw.object  # type: ignore[attr-defined]


def test_omnidesk_message_event_is_a_comment() -> None:
    body = {
        "type": "message_new",
        "object": {"message_id": 42, "case_id": 2000, "staff_id": 7, "user_id": 0,
                   "content": "Help is coming!", "note": 0},
    }  # fmt: skip
    event = parse_event("omnidesk", body)
    assert isinstance(event, TicketEvent)
    assert (event.kind, event.ticket_id, event.comment_id) == ("commented", "2000", "42")
    assert event.comment is not None and event.comment.public is True
    assert event.comment.body == "Help is coming!"


def test_omnidesk_user_event_is_a_contact_event() -> None:
    event = parse_event("omnidesk", {"type": "user_new", "object": USER})
    assert isinstance(event, ContactEvent) and event.kind == "created"
    assert event.contact is not None and event.contact.emails == [USER["user_email"]]
    assert parse_event("omnidesk", {"type": "chat_started", "object": {}}) is None


def test_bad_input() -> None:
    with pytest.raises(WebhookError):
        parse_event("thulium", b"not json")
    with pytest.raises(WebhookError):
        parse_event("omnidesk", {"object": {}})
    with pytest.raises(WebhookError, match="no webhooks"):
        parse_event("omi", {})
    with pytest.raises(ValueError, match="unknown vendor"):
        parse_event("zendesk", {})
    with pytest.raises(TypeError):
        parse_event("thulium", {"action": "TICKET_CLOSED"}, headers=["x"])  # type: ignore[arg-type]


def test_fake_thulium_events_of_the_scenario() -> None:
    fake = FakeThulium()
    desk = Helpdesk(fake.client())
    ticket = desk.tickets.create(subject="Printer", description="Help", requester_email="a@x.io")
    desk.tickets.comments.create(ticket.id, body="On it", public=True)
    desk.tickets.comments.create(ticket.id, body="Note", public=False)
    desk.tickets.update(ticket.id, status="closed")
    events = [parse_event("thulium", e) for e in fake.events]
    kinds = [(type(e).__name__, e.kind) for e in events if e is not None]
    assert kinds == [
        ("ContactEvent", "created"),
        ("TicketEvent", "created"),
        ("TicketEvent", "commented"),
        ("TicketEvent", "commented"),
        ("TicketEvent", "updated"),
        ("TicketEvent", "closed"),
    ]
    assert {e.ticket_id for e in events if isinstance(e, TicketEvent)} == {ticket.id}
