"""Thulium under the unified layer (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from ...thulium import AsyncThulium
from ...thulium.types import Ticket as ThuliumTicket
from .._map import thulium as m
from .._map._common import created_id, int_id
from .._query import TicketChanges, TicketQuery
from ..models import Agent, Comment, Contact, Ticket, TicketStatus
from ._base import AsyncBackend, NewTicket, first_match


class AsyncThuliumBackend(AsyncBackend):
    """Tickets and their messages, CRM customers and agents of Thulium."""

    vendor = "thulium"
    client: AsyncThulium
    _statuses: dict[int, str] | None = None

    async def statuses(self) -> dict[int, str]:
        """The account's ticket status names by id (read once, then kept)."""
        if self._statuses is None:
            found = await self.client.tickets.statuses.list()
            self._statuses = {s.status_id: s.name or "" for s in found if s.status_id is not None}
        return self._statuses

    async def _status_id(self, status: TicketStatus) -> int:
        given = self.defaults.status_values.get(status)
        if given is not None:
            return int_id(given, f"defaults.status_values[{status.value!r}]")
        ids = m.status_ids(status, await self.statuses())
        if not ids:
            raise self._needs(
                f"no Thulium ticket status reads as {status.value!r}; name one in "
                "Helpdesk(client, defaults={'status_values': {...}})"
            )
        return ids[0]

    def list_tickets(self, query: TicketQuery) -> AsyncIterator[Ticket]:
        return self._tickets(query)

    async def _tickets(self, query: TicketQuery) -> AsyncIterator[Ticket]:
        statuses = await self.statuses()
        ids = None if query.status is None else m.status_ids(query.status, statuses)
        pager = self.client.tickets.list(
            date_from=query.updated_since,
            create_date_from=query.created_since,
            status_id=ids or None,
            user_login=query.assignee_id,
        )
        async for raw in pager:
            ticket = m.ticket(raw, statuses)
            if not query.filtered or query.matches(ticket):
                yield ticket

    async def _get(self, ticket_id: int) -> ThuliumTicket:
        return await self.client.tickets.get(ticket_id, include_custom_fields=True)

    async def get_ticket(self, ticket_id: str) -> Ticket:
        raw = await self._get(int_id(ticket_id, "ticket id"))
        return m.ticket(raw, await self.statuses())

    async def _mailbox(self) -> tuple[str, int | None]:
        queue_id = (
            None
            if self.defaults.queue_id is None
            else int_id(self.defaults.queue_id, "defaults.queue_id")
        )
        if self.defaults.mailbox is not None:
            return self.defaults.mailbox, queue_id
        queues = await self.client.tickets.queues.list()
        queue = next((q for q in queues if queue_id is None or q.ticket_queue_id == queue_id), None)
        email = None if queue is None else (queue.model_extra or {}).get("email")
        if queue is None or not email:
            raise self._needs(
                "tickets.create: Thulium needs the receiving mailbox of a ticket queue; "
                "pass Helpdesk(client, defaults={'mailbox': ..., 'queue_id': ...})"
            )
        return str(email), queue.ticket_queue_id

    async def _customer_id(self, new: NewTicket) -> int | None:
        if new.requester_id is not None:
            return int_id(new.requester_id, "requester_id")
        found = await self.requester_contact(new)
        return None if found is None else int(found.id)

    async def create_ticket(self, new: NewTicket) -> Ticket:
        if new.requester_id is not None:
            int_id(new.requester_id, "requester_id")
        status_id = None if new.status is None else await self._status_id(new.status)
        mailbox, queue_id = await self._mailbox()
        customer_id = await self._customer_id(new)
        ref = await self.client.tickets.create(
            to=mailbox,
            subject=new.subject,
            body=new.description,
            body_type="PLAIN",
            from_=new.requester_email,
            customer_id=customer_id,
            ticket_queue_id=queue_id,
            user_login=new.assignee_id,
            tags=new.tags,
            status_id=status_id,
        )
        return await self.get_ticket(created_id(self.vendor, ref, "ticket_id"))

    async def update_ticket(self, ticket_id: str, changes: TicketChanges) -> Ticket:
        number = int_id(ticket_id, "ticket id")
        status_id = None if changes.status is None else await self._status_id(changes.status)
        await self.client.tickets.update(
            number, status_id=status_id, user_login=changes.assignee_id, tags=changes.tags
        )
        return await self.get_ticket(ticket_id)

    async def list_comments(self, ticket_id: str) -> AsyncIterator[Comment]:
        raw = await self._get(int_id(ticket_id, "ticket id"))
        for message in raw.messages or []:
            yield m.comment(message, raw)

    async def _agent_login(self, raw: ThuliumTicket) -> str:
        if self.defaults.agent_id is not None:
            return self.defaults.agent_id
        if raw.user_login:
            return raw.user_login
        for agent in await self.client.agents.list():
            if agent.login and agent.active is not False:
                return agent.login
        raise self._needs(
            "tickets.comments.create: a public Thulium reply is signed by an agent; "
            "pass Helpdesk(client, defaults={'agent_id': '<login>'})"
        )

    async def create_comment(self, ticket_id: str, body: str, public: bool) -> Comment:
        number = int_id(ticket_id, "ticket id")
        before = await self._get(number)
        known = {msg.message_id for msg in before.messages or []}
        if public:
            login = await self._agent_login(before)
            await self.client.tickets.agent_responses.create(
                number, body=body, user_login=login, body_type="PLAIN"
            )
            kind = "REPLY"
        else:
            await self.client.tickets.comments.create(
                number, comment=body, user_login=self.defaults.agent_id
            )
            kind = "COMMENT"
        # The answer carries no id: the new message is the one that was not there before.
        after = await self._get(number)
        added = [
            msg
            for msg in after.messages or []
            if msg.message_id not in known and (msg.type or "").upper() == kind
        ]
        if not added:
            raise self._unreadable(
                f"ticket {number}: the new {kind} message is not among its messages",
                after.to_dict(),
            )
        return m.comment(max(added, key=lambda msg: msg.message_id), after)

    async def list_contacts(self) -> AsyncIterator[Contact]:
        async for customer in self.client.customers.list():
            yield m.contact(customer)

    async def get_contact(self, contact_id: str) -> Contact:
        customer = await self.client.customers.get(int_id(contact_id, "contact id"))
        return m.contact(customer)

    async def find_contact(self, email: str | None, phone: str | None) -> Contact | None:
        params: dict[str, Any] = {"email": email} if email is not None else {"phone_number": phone}
        return await first_match(self.client.customers.list(**params), m.contact, email, phone)

    async def create_contact(
        self, name: str | None, email: str | None, phone: str | None
    ) -> Contact:
        first, surname = m.split_name(name)
        created = await self.client.customers.create(
            surname=surname or email or phone or "",
            name=first,
            email=email,
            phone_number=phone,
        )
        return await self.get_contact(created_id(self.vendor, created, "customer_id"))

    async def list_agents(self) -> AsyncIterator[Agent]:
        for agent in await self.client.agents.list():
            yield m.agent(agent)

    async def get_agent(self, agent_id: str) -> Agent:
        return m.agent(await self.client.agents.get(agent_id))
