"""OMI contacts, internal phones and call records <-> the common models.

OMI documents contacts and call-center settings, no tickets. Its one call record
example (seed ``002_acfa5e92f34eb488.txt``, the answer of ``contacts/list``) has
``direction`` ``"outbound"`` and ``disposition`` ``"answered"``; :func:`call`
maps that shape, though OMI documents no endpoint that lists calls.
"""

from __future__ import annotations

from ...omi.types import Contact as OmiContact
from ...omi.types import ContactSearchResult, InternalPhone
from ..models import Agent, Call, Contact
from ._common import CALL_DIRECTION, agent_ref, blank, direction_reader, texts, traced

VENDOR = "omi"

DIRECTION = CALL_DIRECTION
"""Call ``direction`` (without case) -> common direction."""

ANSWERED = "answered"
"""The call ``disposition`` of an answered call."""

SEED = "002_acfa5e92f34eb488.txt"
TRACES: dict[str, dict[str, str]] = {
    "direction": traced(DIRECTION, {"outbound": 'line 41: "direction": "outbound"'}),
}
"""Where each vendor value of each table comes from (generated into the docs)."""


_DIRECTION = direction_reader(VENDOR, "direction")


def contact(raw: OmiContact) -> Contact:
    """A contact as a :class:`Contact`.

    A ``contacts.list`` item may be a call record that carries its contact under
    ``user`` without an id (as the docs' example does): its name is read from
    there and its id is empty text.
    """
    name = blank(raw.full_name)
    if name is None and isinstance(raw, ContactSearchResult) and raw.user:
        name = blank(raw.user[0].full_name)
    return Contact._mapped(
        {
            "id": raw.id or "",
            "vendor": VENDOR,
            "name": name,
            "emails": texts([e.data for e in raw.emails or []]),
            "phones": texts([p.data for p in raw.phones or []]),
            "company": None,
            "created_at": raw.created_date,
            "updated_at": raw.last_updated_date,
            "raw": raw,
        }
    )


def agent(raw: InternalPhone) -> Agent:
    """An internal phone (an agent's extension) as an :class:`Agent`; its id is the
    extension (``sip_user``), which is unique where ``agent_id`` may repeat."""
    return Agent._mapped(
        {
            "id": raw.sip_user or raw.agent_id or "",
            "vendor": VENDOR,
            "name": blank(raw.full_name),
            "email": blank(raw.email),
            "active": None,
            "raw": raw,
        }
    )


def call(raw: ContactSearchResult) -> Call:
    """A call record (the shape of the docs' ``contacts.list`` example) as a :class:`Call`."""
    direction, direction_raw = _DIRECTION[raw.direction]
    actor = raw.create_by
    agent = None
    if raw.sip_user or (actor is not None and actor.id):
        agent = agent_ref(
            blank(raw.sip_user) or (None if actor is None else actor.id),
            None if actor is None else blank(actor.name),
        )
    return Call._mapped(
        {
            "id": raw.transaction_id or raw.id or "",
            "vendor": VENDOR,
            "direction": direction,
            "direction_raw": direction_raw,
            "from_number": blank(raw.source_number),
            "to_number": blank(raw.destination_number),
            "started_at": raw.time_start_call,
            "answered": (raw.disposition or "").lower() == ANSWERED,
            "duration_s": raw.duration,
            "agent": agent,
            "recording_url": blank(raw.recording_file_url),
            "raw": raw,
        }
    )
