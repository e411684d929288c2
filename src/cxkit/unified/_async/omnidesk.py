"""Omnidesk under the unified layer (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from ...omnidesk import AsyncOmnidesk
from ...omnidesk.types import Case
from .._map import omnidesk as m
from .._map._common import int_id
from .._query import TicketChanges, TicketQuery
from ..models import Agent, Comment, Contact, Ticket, TicketStatus
from ._base import AsyncBackend, NewTicket, first_match


class AsyncOmnideskBackend(AsyncBackend):
    """Cases, their messages and notes, users and staff of Omnidesk."""

    vendor = "omnidesk"
    client: AsyncOmnidesk

    def list_tickets(self, query: TicketQuery) -> AsyncIterator[Ticket]:
        status = None
        if query.status is not None and query.status in m.STATUS_OUT:
            status = m.STATUS_OUT[query.status]
        params: dict[str, Any] = {
            "from_updated_time": query.updated_since,
            "from_time": query.created_since,
            "status": status,
            "staff_id": None
            if query.assignee_id is None
            else int_id(query.assignee_id, "assignee_id"),
        }
        return self._tickets(query, params)

    async def _tickets(self, query: TicketQuery, params: dict[str, Any]) -> AsyncIterator[Ticket]:
        async for case in self.client.cases.list(**params):
            ticket = m.ticket(case)
            if not query.filtered or query.matches(ticket):
                yield ticket

    async def get_ticket(self, ticket_id: str) -> Ticket:
        return m.ticket(await self.client.cases.get(int_id(ticket_id, "ticket id")))

    async def create_ticket(self, new: NewTicket) -> Ticket:
        status = None if new.status is None else m.status_out(new.status)
        priority = None if new.priority is None else m.priority_out(new.priority)
        staff_id = None if new.assignee_id is None else int_id(new.assignee_id, "assignee_id")
        labels = None if new.tags is None else m.labels(new.tags)
        user_id = None if new.requester_id is None else int_id(new.requester_id, "requester_id")
        email, phone = new.requester_email, new.requester_phone
        if email is None and phone is None:
            if user_id is None:
                raise ValueError(
                    "tickets.create: Omnidesk needs requester_email, requester_phone "
                    "or requester_id"
                )
            user = await self.client.users.get(user_id)
            email, phone = user.user_email, user.user_phone
            if email is None and phone is None:
                raise self._needs(
                    f"tickets.create: user {user_id} has no e-mail or phone; "
                    "pass requester_email= or requester_phone="
                )
        case = await self.client.cases.create(
            subject=new.subject,
            content=new.description,
            user_email=email,
            user_phone=None if email is not None else phone,
            user_full_name=new.requester_name,
            status=status,  # type: ignore[arg-type]
            priority=priority,  # type: ignore[arg-type]
            staff_id=staff_id,
            labels=labels,
        )
        if new.status is TicketStatus.SPAM:
            case = await self.client.cases.spam(case.case_id)
        # The description is the case's first message, which the case record omits.
        return m.ticket(case).model_copy(update={"description": new.description})

    async def update_ticket(self, ticket_id: str, changes: TicketChanges) -> Ticket:
        case_id = int_id(ticket_id, "ticket id")
        status = None if changes.status is None else m.status_out(changes.status)
        body: dict[str, Any] = {
            "subject": changes.subject,
            "status": status,
            "priority": None if changes.priority is None else m.priority_out(changes.priority),
            "staff_id": None
            if changes.assignee_id is None
            else int_id(changes.assignee_id, "assignee_id"),
        }
        wanted = None if changes.tags is None else m.labels(changes.tags)
        if wanted is not None:
            current = (await self.client.cases.get(case_id)).labels or []
            add = [label for label in wanted if label not in current]
            delete = [label for label in current if label not in wanted]
            body["add_labels"] = add or None
            body["delete_labels"] = delete or None
        body = {key: value for key, value in body.items() if value is not None}
        case: Case | None = None
        if body:
            case = await self.client.cases.update(case_id, **body)
        if changes.status is TicketStatus.SPAM:
            case = await self.client.cases.spam(case_id)
        if case is None:
            case = await self.client.cases.get(case_id)
        return m.ticket(case)

    async def list_comments(self, ticket_id: str) -> AsyncIterator[Comment]:
        case_id = int_id(ticket_id, "ticket id")
        async for message in self.client.cases.messages.list(case_id):
            yield m.comment(message, case_id)

    async def create_comment(self, ticket_id: str, body: str, public: bool) -> Comment:
        case_id = int_id(ticket_id, "ticket id")
        if public:
            message = await self.client.cases.messages.create(case_id, content=body)
        else:
            message = await self.client.cases.notes.create(case_id, content=body)
        return m.comment(message, case_id)

    async def list_contacts(self) -> AsyncIterator[Contact]:
        async for user in self.client.users.list():
            yield m.contact(user)

    async def get_contact(self, contact_id: str) -> Contact:
        return m.contact(await self.client.users.get(int_id(contact_id, "contact id")))

    async def find_contact(self, email: str | None, phone: str | None) -> Contact | None:
        # The vendor's search is a substring match; anchored on both ends it is exact,
        # and first_match drops what an odd server still sends.
        params: dict[str, Any] = (
            {"user_email": f"^{email}^"} if email is not None else {"user_phone": f"^{phone}^"}
        )
        return await first_match(self.client.users.list(**params), m.contact, email, phone)

    async def create_contact(
        self, name: str | None, email: str | None, phone: str | None
    ) -> Contact:
        if email is None and phone is None:
            raise ValueError("contacts.create: Omnidesk needs an email or a phone")
        user = await self.client.users.create(
            user_email=email, user_phone=phone, user_full_name=name
        )
        return m.contact(user)

    async def list_agents(self) -> AsyncIterator[Agent]:
        async for staff in self.client.staff.list():
            yield m.agent(staff)

    async def get_agent(self, agent_id: str) -> Agent:
        return m.agent(await self.client.staff.get(int_id(agent_id, "agent id")))
