"""AsyncHelpdesk's contract: capabilities, refusals before sending, id and input
checks, filters at the vendor or while paging, defaults, calls
(async source; the sync twin is generated)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from cxkit import (
    ConfigurationError,
    NotFoundError,
    ResponseValidationError,
    UnsupportedOperationError,
)
from cxkit.omnidesk import AsyncOmnidesk
from cxkit.testing.omi import FakeOmi
from cxkit.testing.omnicxm import FakeOmniCXM
from cxkit.testing.omnidesk import FakeOmnidesk
from cxkit.testing.thulium import FakeThulium
from cxkit.unified import (
    UNIFIED_OPERATIONS,
    AsyncHelpdesk,
    CallDirection,
    Defaults,
    TicketPriority,
    TicketStatus,
)


def test_capabilities_name_every_operation() -> None:
    for fake in (FakeOmnidesk(), FakeThulium(), FakeOmniCXM(), FakeOmi()):
        caps = AsyncHelpdesk(fake.async_client()).capabilities
        assert tuple(caps.operations) == UNIFIED_OPERATIONS
        assert set(caps.supported) <= set(UNIFIED_OPERATIONS)
    omi = AsyncHelpdesk(FakeOmi().async_client()).capabilities
    assert not omi.supports("tickets.list") and omi.supports("contacts.find")
    with pytest.raises(ValueError, match="unknown unified operation"):
        omi.supports("tickets.delete")


def test_a_client_of_another_kind_is_refused() -> None:
    with pytest.raises(TypeError, match="AsyncOmnidesk"):
        AsyncHelpdesk(object())


async def test_unsupported_operations_send_nothing() -> None:
    fake = FakeOmnidesk()
    desk = AsyncHelpdesk(fake.async_client())
    with pytest.raises(UnsupportedOperationError) as info:
        desk.calls.list()
    assert isinstance(info.value, NotImplementedError)
    omi = FakeOmi()
    odesk = AsyncHelpdesk(omi.async_client())
    for call in (
        lambda: odesk.tickets.list(status="open"),
        lambda: odesk.tickets.comments.list("1"),
    ):
        with pytest.raises(UnsupportedOperationError):
            call()
    with pytest.raises(UnsupportedOperationError):
        await odesk.tickets.get("1")
    with pytest.raises(UnsupportedOperationError):
        await odesk.tickets.update("1", status="closed")
    with pytest.raises(UnsupportedOperationError):
        await odesk.tickets.comments.create("1", body="x")
    assert fake.calls == [] and omi.calls == []


async def test_bad_input_fails_before_sending() -> None:
    fake = FakeOmnidesk()
    desk = AsyncHelpdesk(fake.async_client())
    with pytest.raises(ValueError, match="positive integer"):
        await desk.tickets.get("abc")
    with pytest.raises(ValueError, match="positive integer"):
        desk.tickets.list(assignee_id="x1")
    with pytest.raises(ValueError, match="aware"):
        desk.tickets.list(updated_since=datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="status must be one of"):
        desk.tickets.list(status="solved")
    with pytest.raises(ValueError, match="priority must be one of"):
        await desk.tickets.create(subject="s", description="d", requester_email="a@b.c",
                                  priority="p1")  # fmt: skip
    with pytest.raises(ValueError, match="on_hold"):
        await desk.tickets.update("1", status="on_hold")
    with pytest.raises(ValueError, match="cannot change description"):
        await desk.tickets.update("1", description="new")
    with pytest.raises(ValueError, match="at least one field"):
        await desk.tickets.update("1")
    with pytest.raises(ValueError, match="label ids"):
        await desk.tickets.update("1", tags=["vip"])
    with pytest.raises(ValueError, match="exactly one"):
        await desk.contacts.find(email="a@b.c", phone="123")
    with pytest.raises(TypeError, match="tags"):
        await desk.tickets.update("1", tags="vip")
    with pytest.raises(ValueError, match="requester"):
        await desk.tickets.create(subject="s", description="d")
    thulium = FakeThulium()
    tdesk = AsyncHelpdesk(thulium.async_client())
    with pytest.raises(ValueError, match="thulium tickets have no priority"):
        await tdesk.tickets.create(subject="s", description="d", priority="high")
    with pytest.raises(ValueError, match="cannot change subject"):
        await tdesk.tickets.update("1", subject="new")
    assert fake.calls == [] and thulium.calls == []


async def test_omnidesk_filters_go_to_the_vendor() -> None:
    fake = FakeOmnidesk()
    desk = AsyncHelpdesk(fake.async_client())
    first = await desk.tickets.create(
        subject="One", description="d", requester_email="a@x.io", priority="urgent"
    )
    await desk.tickets.create(subject="Two", description="d", requester_email="b@x.io")
    await desk.tickets.update(first.id, status="pending", assignee_id="21", tags=[])
    fake.calls.clear()
    found = [t async for t in desk.tickets.list(status="pending", assignee_id="21")]
    assert [t.id for t in found] == [first.id]
    assert found[0].priority is TicketPriority.URGENT and found[0].status_raw == "waiting"
    query = fake.calls[0].url.params
    assert query["status"] == "waiting" and query["staff_id"] == "21"
    since = datetime.fromtimestamp(fake.clock.now(), timezone.utc) - timedelta(seconds=1)
    fake.calls.clear()
    assert len([t async for t in desk.tickets.list(updated_since=since)]) == 2
    assert "from_updated_time" in fake.calls[0].url.params


async def test_omnidesk_spam_and_tags() -> None:
    fake = FakeOmnidesk()
    desk = AsyncHelpdesk(fake.async_client())
    ticket = await desk.tickets.create(subject="Buy", description="d", requester_email="s@x.io")
    spam = await desk.tickets.update(ticket.id, status="spam")
    assert spam.status is TicketStatus.SPAM and spam.raw.spam is True  # type: ignore[attr-defined]


async def test_thulium_defaults_and_status_values() -> None:
    fake = FakeThulium()
    desk = AsyncHelpdesk(
        fake.async_client(),
        defaults={"mailbox": "reklamacje@acme.example", "queue_id": "2", "agent_id": "jkowalski"},
    )
    assert desk.defaults == Defaults(
        mailbox="reklamacje@acme.example", queue_id="2", agent_id="jkowalski"
    )
    ticket = await desk.tickets.create(subject="s", description="d", requester_phone="523993855")
    assert ticket.team == "2"
    assert ticket.requester is not None and ticket.requester.id is not None
    assert fake.customers[int(ticket.requester.id)]["phone_number"] == "523993855"
    reply = await desk.tickets.comments.create(ticket.id, body="Hi", public=True)
    assert reply.author is not None and reply.author.id == "jkowalski"
    pending = AsyncHelpdesk(fake.async_client(), defaults={"status_values": {"pending": "2"}})
    updated = await pending.tickets.update(ticket.id, status="pending")
    assert updated.raw.status_id == 2  # type: ignore[attr-defined]
    with pytest.raises(ConfigurationError, match="no Thulium ticket status reads as 'on_hold'"):
        await desk.tickets.update(ticket.id, status="on_hold")
    with pytest.raises(ValueError, match="unknown"):
        AsyncHelpdesk(fake.async_client(), defaults={"queue": 1})


async def test_omnicxm_defaults_category_and_requester() -> None:
    fake = FakeOmniCXM()
    desk = AsyncHelpdesk(fake.async_client())
    contact = await desk.contacts.create(name="Ann Smith", email="ann@x.io")
    ticket = await desk.tickets.create(
        subject="s", description="d", requester_id=contact.id, priority="high", tags=["vip"]
    )
    stored = fake.tickets[ticket.id]["basicinfo"]
    assert stored["category"]["id"] == fake.categories[0]["id"]
    assert ticket.requester is not None and ticket.requester.email == "ann@x.io"
    assert (ticket.priority, ticket.tags) == (TicketPriority.HIGH, ["vip"])
    agents = [a async for a in desk.agents.list()]
    agent = agents[0]
    assigned = await desk.tickets.update(ticket.id, assignee_id=agent.id)
    assert assigned.assignee is not None and assigned.assignee.id == agent.id
    mine = [t.id async for t in desk.tickets.list(assignee_id=agent.id)]
    assert mine == [ticket.id]
    with pytest.raises(NotFoundError):
        await desk.agents.get("nobody")


async def test_omnicxm_calls() -> None:
    fake = FakeOmniCXM()
    start = int(fake.clock.now())
    fake.add_cdr(src="8001", dst="0909111222", calldate=start + 10, in_out="outbound",
                 disposition="ANSWERED", duration=42)  # fmt: skip
    fake.add_cdr(src="0909111222", dst="8001", calldate=start + 20, in_out="inbound",
                 disposition="NO ANSWER", duration=5)  # fmt: skip
    desk = AsyncHelpdesk(fake.async_client())
    since = datetime.fromtimestamp(start, timezone.utc)
    calls = [c async for c in desk.calls.list(since=since, until=since + timedelta(days=1))]
    assert [(c.direction, c.answered, c.duration_s) for c in calls] == [
        (CallDirection.INBOUND, False, 5),
        (CallDirection.OUTBOUND, True, 42),
    ]
    with pytest.raises(ValueError, match="before since"):
        desk.calls.list(since=since, until=since - timedelta(days=1))


async def test_with_options_copy_works_the_same() -> None:
    fake = FakeOmnidesk()
    client: AsyncOmnidesk = fake.async_client()
    desk = AsyncHelpdesk(client.with_options(max_retries=0))
    assert desk.vendor == "omnidesk"
    assert [a.id async for a in desk.agents.list()] == ["21"]


def _sent(fake: Any, method: str, path: str) -> int:
    """How many ``method`` requests to a path containing ``path`` reached ``fake``."""
    return sum(1 for r in fake.calls if r.method == method and path in r.url.path)


async def test_answers_without_what_an_operation_returns_are_cx_errors() -> None:
    # A create is never sent twice: its answer lacking the new id is an error to read.
    cxm = FakeOmniCXM()
    cxm.inject(method="POST", path="/services/tickets/ticket", body={"status": True})
    desk = AsyncHelpdesk(cxm.async_client())
    with pytest.raises(ResponseValidationError, match=r"omnicxm: .*carries no"):
        await desk.tickets.create(subject="s", description="d", requester_email="a@x.io")
    assert _sent(cxm, "POST", "/services/tickets/ticket") == 1
    # A Thulium reply's answer names no message: the ticket read back must show it.
    th = FakeThulium()
    desk = AsyncHelpdesk(
        th.async_client(),
        defaults={"mailbox": "reklamacje@acme.example", "queue_id": "2", "agent_id": "jkowalski"},
    )
    ticket = await desk.tickets.create(subject="s", description="d", requester_email="a@x.io")
    th.inject(method="POST", path="/agent_response", status=201)
    with pytest.raises(ResponseValidationError, match="REPLY message is not among its messages"):
        await desk.tickets.comments.create(ticket.id, body="Hi", public=True)
    assert _sent(th, "POST", "/agent_response") == 1
    # An OMI create whose answer carries no contact, and no contact found by its e-mail.
    omi = FakeOmi()
    omi.inject(method="POST", path="/api/contacts/add", body=omi.envelope)
    desk = AsyncHelpdesk(omi.async_client())
    with pytest.raises(ResponseValidationError, match="OMI did not return the new contact"):
        await desk.contacts.create(name="Ann", email="ann@x.io")
    assert _sent(omi, "POST", "/api/contacts/add") == 1


async def test_an_omnicxm_ticket_without_basicinfo_is_a_cx_error() -> None:
    fake = FakeOmniCXM()
    desk = AsyncHelpdesk(fake.async_client())
    ticket = await desk.tickets.create(subject="s", description="d", requester_email="a@x.io")
    del fake.tickets[ticket.id]["basicinfo"]
    with pytest.raises(ResponseValidationError, match="without basicinfo") as caught:
        [t async for t in desk.tickets.list()]
    assert isinstance(caught.value.body, dict)


async def test_a_requester_the_account_cannot_reach_is_a_configuration_error() -> None:
    fake = FakeOmnidesk()
    client: AsyncOmnidesk = fake.async_client()
    user = await client.users.create(user_email="ann@x.io")
    fake.users[user.user_id]["user_email"] = None
    desk = AsyncHelpdesk(client)
    with pytest.raises(ConfigurationError, match="has no e-mail or phone; pass requester_email"):
        await desk.tickets.create(subject="s", description="d", requester_id=str(user.user_id))
    assert fake.cases == {}


async def test_what_a_thulium_account_cannot_supply_is_a_configuration_error() -> None:
    fake = FakeThulium()
    desk = AsyncHelpdesk(fake.async_client())
    ticket = await desk.tickets.create(subject="s", description="d", requester_email="a@x.io")
    fake.agents.clear()  # no agent to sign a public reply, and none in the defaults
    with pytest.raises(ConfigurationError, match="signed by an agent"):
        await desk.tickets.comments.create(ticket.id, body="Hi", public=True)
    for queue in fake.ticket_queues:
        queue.pop("email")
    with pytest.raises(ConfigurationError, match="receiving mailbox"):
        await desk.tickets.create(subject="s", description="d", requester_email="a@x.io")
    assert len(fake.tickets) == 1
