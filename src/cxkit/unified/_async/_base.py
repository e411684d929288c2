"""A vendor under the unified layer (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Callable
from datetime import datetime
from typing import Any

from ..._core.errors import (
    ConfigurationError,
    NotFoundError,
    ResponseValidationError,
    UnsupportedOperationError,
)
from .._query import Defaults, TicketChanges, TicketQuery, contact_matches
from ..capabilities import Capabilities, capabilities_of
from ..models import Agent, Call, Comment, Contact, Ticket, TicketPriority, TicketStatus


async def first_match(
    found: AsyncIterable[Any],
    mapping: Callable[[Any], Contact],
    email: str | None,
    phone: str | None,
) -> Contact | None:
    """The first of a vendor's search results, mapped, that has the e-mail or the phone
    looked for (vendor searches match more loosely)."""
    async for raw in found:
        contact = mapping(raw)
        if contact_matches(contact, email, phone):
            return contact
    return None


class NewTicket:
    """The checked fields of ``tickets.create``."""

    __slots__ = (
        "assignee_id",
        "description",
        "priority",
        "requester_email",
        "requester_id",
        "requester_name",
        "requester_phone",
        "status",
        "subject",
        "tags",
    )

    def __init__(
        self,
        *,
        subject: str,
        description: str,
        requester_email: str | None,
        requester_phone: str | None,
        requester_name: str | None,
        requester_id: str | None,
        priority: TicketPriority | None,
        status: TicketStatus | None,
        assignee_id: str | None,
        tags: list[str] | None,
    ) -> None:
        self.subject = subject
        self.description = description
        self.requester_email = requester_email
        self.requester_phone = requester_phone
        self.requester_name = requester_name
        self.requester_id = requester_id
        self.priority = priority
        self.status = status
        self.assignee_id = assignee_id
        self.tags = tags


class AsyncBackend:
    """One vendor under the unified layer: vendor resource calls plus pure mappings.

    Every operation refuses by default; a vendor backend overrides those its
    capabilities name.
    """

    vendor: str = ""

    def __init__(self, client: Any, defaults: Defaults) -> None:
        self.client = client
        self.defaults = defaults
        self.capabilities: Capabilities = capabilities_of(self.vendor)

    def _no(self, operation: str) -> UnsupportedOperationError:
        return UnsupportedOperationError(
            f"{self.vendor} does not support {operation} (see capabilities); nothing was sent"
        )

    def _not_found(self, what: str, key: str) -> NotFoundError:
        # Raised where the unified layer looks a record up in a whole list itself.
        return NotFoundError(f"{what} {key!r} not found", vendor=self.vendor, status_code=404)

    def _needs(self, message: str) -> ConfigurationError:
        # What the account does not supply and a default must (a ValueError as well).
        return ConfigurationError(f"{self.vendor}: {message}")

    def _unreadable(self, message: str, body: Any = None) -> ResponseValidationError:
        # The vendor's answers do not show what the operation must return.
        return ResponseValidationError(message, vendor=self.vendor, body=body)

    async def requester_contact(self, new: NewTicket) -> Contact | None:
        """The contact a new ticket names by e-mail or phone: found, else created
        (``None`` when it names neither)."""
        if new.requester_email is None and new.requester_phone is None:
            return None
        found = await self.find_contact(new.requester_email, new.requester_phone)
        if found is None:
            found = await self.create_contact(
                new.requester_name, new.requester_email, new.requester_phone
            )
        return found

    def list_tickets(self, query: TicketQuery) -> AsyncIterator[Ticket]:
        raise self._no("tickets.list")

    async def get_ticket(self, ticket_id: str) -> Ticket:
        raise self._no("tickets.get")

    async def create_ticket(self, new: NewTicket) -> Ticket:
        raise self._no("tickets.create")

    async def update_ticket(self, ticket_id: str, changes: TicketChanges) -> Ticket:
        raise self._no("tickets.update")

    def list_comments(self, ticket_id: str) -> AsyncIterator[Comment]:
        raise self._no("tickets.comments.list")

    async def create_comment(self, ticket_id: str, body: str, public: bool) -> Comment:
        raise self._no("tickets.comments.create")

    def list_contacts(self) -> AsyncIterator[Contact]:
        raise self._no("contacts.list")

    async def get_contact(self, contact_id: str) -> Contact:
        raise self._no("contacts.get")

    async def find_contact(self, email: str | None, phone: str | None) -> Contact | None:
        raise self._no("contacts.find")

    async def create_contact(
        self, name: str | None, email: str | None, phone: str | None
    ) -> Contact:
        raise self._no("contacts.create")

    def list_agents(self) -> AsyncIterator[Agent]:
        raise self._no("agents.list")

    async def get_agent(self, agent_id: str) -> Agent:
        raise self._no("agents.get")

    def list_calls(self, since: datetime | None, until: datetime | None) -> AsyncIterator[Call]:
        raise self._no("calls.list")
