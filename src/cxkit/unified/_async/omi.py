"""OMI under the unified layer (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from ...omi import AsyncOmi
from .._map import omi as m
from .._map._common import str_id
from ..models import Agent, Contact
from ._base import AsyncBackend, first_match


class AsyncOmiBackend(AsyncBackend):
    """Contacts and internal phones (agents) of OMI; OMI has no tickets."""

    vendor = "omi"
    client: AsyncOmi

    async def list_contacts(self) -> AsyncIterator[Contact]:
        async for raw in self.client.contacts.list():
            yield m.contact(raw)

    async def get_contact(self, contact_id: str) -> Contact:
        return m.contact(await self.client.contacts.get(str_id(contact_id, "contact id")))

    async def find_contact(self, email: str | None, phone: str | None) -> Contact | None:
        if phone is not None:
            found = await self.client.contacts.find(phone=phone)
            return None if found is None else m.contact(found)
        # OMI looks contacts up by phone only; an e-mail goes through the keyword search.
        return await first_match(self.client.contacts.list(keyword=email), m.contact, email, None)

    async def create_contact(
        self, name: str | None, email: str | None, phone: str | None
    ) -> Contact:
        created = await self.client.contacts.create(
            full_name=name,
            emails=None if email is None else [email],
            phones=None if phone is None else [phone],
        )
        if created is not None:
            return m.contact(created)
        # The answer carried no contact: read it back by what identifies it.
        found = await self.find_contact(email if phone is None else None, phone)
        if found is None:
            raise self._unreadable("contacts.create: OMI did not return the new contact")
        return found

    async def list_agents(self) -> AsyncIterator[Agent]:
        async for raw in self.client.internal_phones.list():
            yield m.agent(raw)

    async def get_agent(self, agent_id: str) -> Agent:
        wanted = str_id(agent_id, "agent id")
        async for raw in self.client.internal_phones.list(keyword=wanted):
            agent = m.agent(raw)
            if agent.id == wanted:
                return agent
        raise self._not_found("agent", wanted)
