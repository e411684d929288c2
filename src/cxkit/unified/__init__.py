"""One language over the four vendors: tickets, contacts, agents, comments and calls.

```python
from cxkit.omnidesk import Omnidesk
from cxkit.unified import Helpdesk

desk = Helpdesk(Omnidesk(domain="acme", email="bot@acme.ru", api_key="..."))
for ticket in desk.tickets.list(status="open"):
    print(ticket.vendor, ticket.id, ticket.subject, ticket.status)
```

``AsyncHelpdesk`` is the same over an async client. Every common model keeps the
vendor's typed record in ``.raw``; :attr:`Helpdesk.capabilities` says what the
vendor supports, and an unsupported operation raises
:class:`~cxkit.UnsupportedOperationError` before anything is sent.
"""

from .._core.errors import UnsupportedOperationError
from ._async.helpdesk import (
    AsyncAgents,
    AsyncCalls,
    AsyncContacts,
    AsyncHelpdesk,
    AsyncTicketComments,
    AsyncTickets,
)
from ._query import Defaults
from ._sync.helpdesk import Agents, Calls, Contacts, Helpdesk, TicketComments, Tickets
from .capabilities import UNIFIED_OPERATIONS, Capabilities, capabilities_of
from .models import (
    Agent,
    AgentRef,
    Call,
    CallDirection,
    Comment,
    Contact,
    ContactRef,
    Ticket,
    TicketPriority,
    TicketStatus,
    Vendor,
)
from .webhooks import ContactEvent, EventKind, TicketEvent, parse_event

__all__ = [
    "UNIFIED_OPERATIONS",
    "Agent",
    "AgentRef",
    "Agents",
    "AsyncAgents",
    "AsyncCalls",
    "AsyncContacts",
    "AsyncHelpdesk",
    "AsyncTicketComments",
    "AsyncTickets",
    "Call",
    "CallDirection",
    "Calls",
    "Capabilities",
    "Comment",
    "Contact",
    "ContactEvent",
    "ContactRef",
    "Contacts",
    "Defaults",
    "EventKind",
    "Helpdesk",
    "Ticket",
    "TicketComments",
    "TicketEvent",
    "TicketPriority",
    "TicketStatus",
    "Tickets",
    "UnsupportedOperationError",
    "Vendor",
    "capabilities_of",
    "parse_event",
]
