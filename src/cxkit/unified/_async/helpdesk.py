"""``AsyncHelpdesk`` over any vendor client (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import datetime
from functools import cached_property
from typing import Any

# From the defining modules: the client classes, whatever a test patches on the packages.
from ...omi._async._client import AsyncOmi
from ...omnicxm._async._client import AsyncOmniCXM
from ...omnidesk._async._client import AsyncOmnidesk
from ...thulium._async._client import AsyncThulium
from .._query import (
    Defaults,
    TicketChanges,
    TicketQuery,
    as_priority,
    as_status,
    aware,
    opt_text,
    tag_list,
)
from ..capabilities import Capabilities
from ..models import Agent, Call, Comment, Contact, Ticket, TicketPriority, TicketStatus, Vendor
from ._base import AsyncBackend, NewTicket
from .omi import AsyncOmiBackend
from .omnicxm import AsyncOmniCXMBackend
from .omnidesk import AsyncOmnideskBackend
from .thulium import AsyncThuliumBackend

_BACKENDS: tuple[tuple[type[Any], type[AsyncBackend]], ...] = (
    (AsyncOmnidesk, AsyncOmnideskBackend),
    (AsyncThulium, AsyncThuliumBackend),
    (AsyncOmniCXM, AsyncOmniCXMBackend),
    (AsyncOmi, AsyncOmiBackend),
)


def _text(value: str, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be text")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    return value


class _Part:
    def __init__(self, backend: AsyncBackend) -> None:
        self._backend = backend

    def _check(self, operation: str) -> None:
        if not self._backend.capabilities.supports(operation):
            raise self._backend._no(operation)


class AsyncTicketComments(_Part):
    """Comments of tickets: public replies and internal notes."""

    def list(self, ticket_id: str) -> AsyncIterator[Comment]:
        """The comments of a ticket, oldest first as the vendor sends them; pages follow lazily."""
        self._check("tickets.comments.list")
        return self._backend.list_comments(_text(str(ticket_id), "ticket_id"))

    async def create(self, ticket_id: str, *, body: str, public: bool = True) -> Comment:
        """Add a comment: a reply the customer sees (``public``) or an internal note."""
        self._check("tickets.comments.create")
        if not isinstance(public, bool):
            raise TypeError("public must be a bool")
        return await self._backend.create_comment(
            _text(str(ticket_id), "ticket_id"), _text(body, "body"), public
        )


class AsyncTickets(_Part):
    """Tickets (Omnidesk cases, Thulium and OmniCXM tickets)."""

    @cached_property
    def comments(self) -> AsyncTicketComments:
        """Comments of tickets."""
        return AsyncTicketComments(self._backend)

    def list(
        self,
        *,
        updated_since: datetime | None = None,
        created_since: datetime | None = None,
        status: TicketStatus | str | None = None,
        assignee_id: str | None = None,
    ) -> AsyncIterator[Ticket]:
        """Tickets matching every filter given; pages follow lazily.

        Each filter goes to the vendor where it can filter, else applies while paging
        (``capabilities.ticket_filters`` says which). Datetimes must be aware.
        """
        self._check("tickets.list")
        query = TicketQuery.build(
            updated_since=updated_since,
            created_since=created_since,
            status=status,
            assignee_id=assignee_id,
        )
        return self._backend.list_tickets(query)

    async def get(self, ticket_id: str) -> Ticket:
        """A ticket by id."""
        self._check("tickets.get")
        return await self._backend.get_ticket(_text(str(ticket_id), "ticket_id"))

    async def create(
        self,
        *,
        subject: str,
        description: str,
        requester_email: str | None = None,
        requester_phone: str | None = None,
        requester_name: str | None = None,
        requester_id: str | None = None,
        priority: TicketPriority | str | None = None,
        status: TicketStatus | str | None = None,
        assignee_id: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> Ticket:
        """Create a ticket for a requester named by e-mail, phone or contact id.

        Where the vendor needs more (a Thulium queue, an OmniCXM category and
        requester record), it is found or created as :class:`Defaults` describes.
        """
        self._check("tickets.create")
        new = NewTicket(
            subject=_text(subject, "subject"),
            description=_text(description, "description"),
            requester_email=opt_text(requester_email, "requester_email"),
            requester_phone=opt_text(requester_phone, "requester_phone"),
            requester_name=opt_text(requester_name, "requester_name"),
            requester_id=opt_text(requester_id, "requester_id"),
            priority=None if priority is None else as_priority(priority),
            status=None if status is None else as_status(status),
            assignee_id=opt_text(assignee_id, "assignee_id"),
            tags=tag_list(tags),
        )
        fields = self._backend.capabilities.ticket_fields
        for name in ("priority", "status", "assignee_id", "tags"):
            if getattr(new, name) is not None and name not in fields:
                raise ValueError(f"tickets.create: {self._backend.vendor} tickets have no {name}")
        return await self._backend.create_ticket(new)

    async def update(
        self,
        ticket_id: str,
        *,
        subject: str | None = None,
        description: str | None = None,
        status: TicketStatus | str | None = None,
        priority: TicketPriority | str | None = None,
        assignee_id: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> Ticket:
        """Change a ticket (only the fields given); returns it as it now is.

        ``tags`` replaces the ticket's tags. A field this vendor cannot change
        (``capabilities.ticket_fields``) is a ``ValueError`` before sending.
        """
        self._check("tickets.update")
        changes = TicketChanges(
            subject=None if subject is None else _text(subject, "subject"),
            description=None if description is None else _text(description, "description"),
            status=None if status is None else as_status(status),
            priority=None if priority is None else as_priority(priority),
            assignee_id=opt_text(assignee_id, "assignee_id"),
            tags=tag_list(tags),
        )
        given = changes.given()
        if not given:
            raise ValueError("tickets.update: pass at least one field to change")
        fields = self._backend.capabilities.ticket_fields
        refused = [name for name in given if name not in fields]
        if refused:
            raise ValueError(
                f"tickets.update: {self._backend.vendor} cannot change {', '.join(refused)} "
                f"(it can change: {', '.join(fields)})"
            )
        return await self._backend.update_ticket(_text(str(ticket_id), "ticket_id"), changes)


class AsyncContacts(_Part):
    """Contacts (customers, users, requesters)."""

    def list(self) -> AsyncIterator[Contact]:
        """Every contact; pages follow lazily."""
        self._check("contacts.list")
        return self._backend.list_contacts()

    async def get(self, contact_id: str) -> Contact:
        """A contact by id."""
        self._check("contacts.get")
        return await self._backend.get_contact(_text(str(contact_id), "contact_id"))

    async def find(self, *, email: str | None = None, phone: str | None = None) -> Contact | None:
        """The contact with this e-mail or phone (exactly one of them), ``None`` when absent."""
        self._check("contacts.find")
        email = opt_text(email, "email")
        phone = opt_text(phone, "phone")
        if (email is None) == (phone is None):
            raise ValueError("contacts.find: pass exactly one of email= and phone=")
        return await self._backend.find_contact(email, phone)

    async def create(
        self, *, name: str | None = None, email: str | None = None, phone: str | None = None
    ) -> Contact:
        """Create a contact (at least one of name, e-mail and phone)."""
        self._check("contacts.create")
        name, email, phone = (
            opt_text(name, "name"),
            opt_text(email, "email"),
            opt_text(phone, "phone"),
        )
        if name is None and email is None and phone is None:
            raise ValueError("contacts.create: pass name=, email= or phone=")
        return await self._backend.create_contact(name, email, phone)


class AsyncAgents(_Part):
    """Agents (staff members, users, internal phones)."""

    def list(self) -> AsyncIterator[Agent]:
        """Every agent; pages follow lazily."""
        self._check("agents.list")
        return self._backend.list_agents()

    async def get(self, agent_id: str) -> Agent:
        """An agent by id."""
        self._check("agents.get")
        return await self._backend.get_agent(_text(str(agent_id), "agent_id"))


class AsyncCalls(_Part):
    """Call records, where the vendor documents them."""

    def list(
        self, *, since: datetime | None = None, until: datetime | None = None
    ) -> AsyncIterator[Call]:
        """Calls between ``since`` and ``until`` (aware datetimes); pages follow lazily."""
        self._check("calls.list")
        since, until = aware(since, "since"), aware(until, "until")
        if since is not None and until is not None and until < since:
            raise ValueError("calls.list: until is before since")
        return self._backend.list_calls(since, until)


class AsyncHelpdesk:
    """One language over a vendor client (``AsyncOmnidesk``, ``AsyncThulium``,
    ``AsyncOmniCXM`` or ``AsyncOmi``).

    No HTTP of its own: every operation is the vendor's resource methods plus a
    pure mapping. ``capabilities`` says which operations this vendor supports.
    """

    def __init__(self, client: Any, *, defaults: Defaults | Mapping[str, Any] | None = None):
        for client_type, backend_type in _BACKENDS:
            if isinstance(client, client_type):
                self._backend = backend_type(client, Defaults.coerce(defaults))
                break
        else:
            names = ", ".join(t.__name__ for t, _ in _BACKENDS)
            raise TypeError(f"AsyncHelpdesk takes one of {names}, not {type(client).__name__}")
        self.client = client
        """The vendor client underneath (for anything the unified layer does not cover)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(vendor={self.vendor!r})"

    @property
    def vendor(self) -> Vendor:
        """The vendor of the client underneath."""
        return self.capabilities.vendor

    @property
    def capabilities(self) -> Capabilities:
        """What this vendor supports, as data."""
        return self._backend.capabilities

    @property
    def defaults(self) -> Defaults:
        """The values used where the vendor needs more than the common model has."""
        return self._backend.defaults

    @cached_property
    def tickets(self) -> AsyncTickets:
        """Tickets and their comments."""
        return AsyncTickets(self._backend)

    @cached_property
    def contacts(self) -> AsyncContacts:
        """Contacts."""
        return AsyncContacts(self._backend)

    @cached_property
    def agents(self) -> AsyncAgents:
        """Agents."""
        return AsyncAgents(self._backend)

    @cached_property
    def calls(self) -> AsyncCalls:
        """Call records."""
        return AsyncCalls(self._backend)
