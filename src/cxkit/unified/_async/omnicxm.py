"""OmniCXM under the unified layer (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any, Literal

from ...omnicxm import AsyncOmniCXM
from ...omnicxm.query import F
from ...omnicxm.types import TicketCategory, UserEntry
from .._map import omnicxm as m
from .._map._common import created_id, str_id
from .._map.thulium import split_name
from .._query import TicketChanges, TicketQuery
from ..models import Agent, Call, Comment, Contact, Ticket, TicketStatus
from ._base import AsyncBackend, NewTicket, first_match

CONTACTS: Literal["contacts"] = "contacts"


async def _every(found: Any) -> list[Any]:
    """The items of a whole-list answer, whether a list or a page type (whose pages
    are then all read)."""
    if isinstance(found, list):
        return found
    return [item async for item in found]


class AsyncOmniCXMBackend(AsyncBackend):
    """Tickets and their comments, CRM contacts, users and call records of OmniCXM."""

    vendor = "omnicxm"
    client: AsyncOmniCXM

    def _status(self, status: TicketStatus) -> str:
        return self.defaults.status_values.get(status) or m.STATUS_OUT[status]

    def list_tickets(self, query: TicketQuery) -> AsyncIterator[Ticket]:
        where: Any = None
        for condition in (
            None if query.updated_since is None else F("last_modified.time") >= query.updated_since,
            None if query.created_since is None else F("created.time") >= query.created_since,
            None if query.assignee_id is None else F("basicinfo.assignee.id") == query.assignee_id,
        ):
            if condition is not None:
                where = condition if where is None else where & condition
        return self._tickets(query, where)

    async def _tickets(self, query: TicketQuery, where: Any) -> AsyncIterator[Ticket]:
        if where is None:
            pager = self.client.tickets.list()
        else:
            pager = self.client.tickets.read(where=where, sort=("last_modified.time", "desc"))
        async for raw in pager:
            ticket = m.ticket(raw)
            if not query.filtered or query.matches(ticket):
                yield ticket

    async def get_ticket(self, ticket_id: str) -> Ticket:
        return m.ticket(await self.client.tickets.get(str_id(ticket_id, "ticket id")))

    async def _category(self) -> str | None:
        if self.defaults.category_id is not None:
            return self.defaults.category_id
        categories: list[TicketCategory] = await _every(await self.client.tickets.categories.list())
        return categories[0].id if categories else None

    async def _requester(self, new: NewTicket) -> str | None:
        contact_id = new.requester_id
        if contact_id is None:
            found = await self.requester_contact(new)
            if found is None:
                return None
            contact_id = found.id
        requester = await self.client.tickets.requesters.convert(module=CONTACTS, id=contact_id)
        return requester.id

    async def create_ticket(self, new: NewTicket) -> Ticket:
        status = None if new.status is None else self._status(new.status)
        priority = None if new.priority is None else m.PRIORITY_OUT[new.priority]
        category = await self._category()
        requester = await self._requester(new)
        created = await self.client.tickets.create(
            subject=new.subject,
            content=new.description,
            requester=requester,
            category=category,
            assignee=None if new.assignee_id is None else f"user_{new.assignee_id}",
            priority=priority,
            tags=new.tags,
            basicinfo=None if status is None else {"status": status},
        )
        return await self.get_ticket(created_id(self.vendor, created, "id"))

    async def update_ticket(self, ticket_id: str, changes: TicketChanges) -> Ticket:
        number = str_id(ticket_id, "ticket id")
        status = None if changes.status is None else self._status(changes.status)
        await self.client.tickets.update(
            number,
            subject=changes.subject,
            content=changes.description,
            priority=None if changes.priority is None else m.PRIORITY_OUT[changes.priority],
            assignee=None if changes.assignee_id is None else f"user_{changes.assignee_id}",
            tags=changes.tags,
            basicinfo=None if status is None else {"status": status},
        )
        return await self.get_ticket(number)

    async def list_comments(self, ticket_id: str) -> AsyncIterator[Comment]:
        number = str_id(ticket_id, "ticket id")
        async for raw in self.client.tickets.comments.list(number):
            yield m.comment(raw, number)

    async def create_comment(self, ticket_id: str, body: str, public: bool) -> Comment:
        number = str_id(ticket_id, "ticket id")
        raw = await self.client.tickets.comments.create(
            number, content=body, notetype="public" if public else "private"
        )
        return m.comment(raw, number)

    async def list_contacts(self) -> AsyncIterator[Contact]:
        async for raw in self.client.objects.list(CONTACTS):
            yield m.contact(raw)

    async def get_contact(self, contact_id: str) -> Contact:
        return m.contact(await self.client.objects.get(str_id(contact_id, "contact id")))

    async def find_contact(self, email: str | None, phone: str | None) -> Contact | None:
        where = F("email") == email if email is not None else F("phone") == phone
        found = self.client.objects.read(CONTACTS, where=where)
        return await first_match(found, m.contact, email, phone)

    async def create_contact(
        self, name: str | None, email: str | None, phone: str | None
    ) -> Contact:
        first, last = split_name(name)
        basic: dict[str, Any] = {
            key: value
            for key, value in (
                ("first_name", first or last or email or phone),
                ("last_name", last if first else None),
                ("email", email),
                ("phone", phone),
            )
            if value is not None
        }
        created = await self.client.objects.create(CONTACTS, basicinfo=basic)
        return await self.get_contact(created_id(self.vendor, created, "id", "data"))

    async def _users(self) -> list[UserEntry]:
        return await _every(await self.client.users.list())

    async def list_agents(self) -> AsyncIterator[Agent]:
        for entry in await self._users():
            if m.is_user(entry):
                yield m.agent(entry)

    async def get_agent(self, agent_id: str) -> Agent:
        wanted = str_id(agent_id, "agent id")
        for entry in await self._users():
            if m.is_user(entry) and m.agent(entry).id == wanted:
                return m.agent(entry)
        raise self._not_found("agent", wanted)

    def list_calls(self, since: datetime | None, until: datetime | None) -> AsyncIterator[Call]:
        return self._calls(since, until)

    async def _calls(self, since: datetime | None, until: datetime | None) -> AsyncIterator[Call]:
        async for raw in self.client.cdr.list(startdate=since, enddate=until):
            yield m.call(raw)
