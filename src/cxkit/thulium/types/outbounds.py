"""Outbound campaigns, their agents, statuses and statistics, and campaign records."""

from __future__ import annotations

from typing import Any, Literal

from ..._core import CXInput
from .common import ThuliumDateTime, ThuliumModel
from .crm import Customer
from .events import RecordSystemStatus

__all__ = [
    "BatchOutboundStatus",
    "CrmOutboundRecord",
    "Dialer",
    "Outbound",
    "OutboundAgent",
    "OutboundParameters",
    "OutboundRecord",
    "OutboundStats",
    "OutboundStatus",
    "OutboundStatusUpdate",
    "PhoneNumberOutbound",
    "RecordSystemStatus",
]

Dialer = Literal["predictive", "progressive", "preview"]
"""The dialer of a campaign."""

BatchOutboundStatus = Literal["REMOVAL_QUEUED", "NOT_EXIST", "ALREADY_QUEUED"]
"""Per-campaign outcome of a batch delete (in each item's ``object["status"]``)."""


class OutboundParameters(CXInput):
    """Campaign parameters (``parameters`` of create, update and clone).

    ``caller_id`` is the number the campaign presents, ``preview_timeout`` the
    seconds an agent has to read a record (preview dialer), ``predictive_max_calls``
    and ``predictive_min_calls`` bound the over-dialing ratio (predictive dialer).
    """

    caller_id: str | None = None
    preview_timeout: int | None = None
    predictive_max_calls: int | float | None = None
    predictive_min_calls: int | float | None = None


class Outbound(ThuliumModel):
    """An outbound campaign (``id`` is its five-character id, e.g. ``"00002"``).

    The list answer documents ``id``, ``name``, ``crm``, ``order`` and ``parity``;
    the other fields are the campaign's settings as create and update take them.
    """

    id: str
    name: str | None = None
    crm: bool | None = None
    """True for a campaign fed from the CRM, false for one fed from CSV."""
    order: int | None = None
    parity: int | None = None
    active: bool | None = None
    dialer: str | None = None
    start_date: ThuliumDateTime = None
    end_date: ThuliumDateTime = None
    group_id: int | None = None
    parameters: dict[str, Any] | None = None


class OutboundAgent(ThuliumModel):
    """An agent assigned to a campaign."""

    login: str
    number: str | None = None
    active: bool | None = None
    """Whether the agent's account is active."""
    active_in_outbound: bool | None = None
    """Whether the agent is active in this campaign."""
    agent_id: int | None = None


class OutboundStats(ThuliumModel):
    """Record statistics of a campaign."""

    id: str
    records_count: int | None = None
    """Total number of records in the campaign."""
    completion_percent: float | None = None
    """How much of the campaign is done, in percent."""


class OutboundStatus(ThuliumModel):
    """A record status defined in a campaign (``system_status``: :data:`RecordSystemStatus`)."""

    status_id: int
    system_status: str | None = None
    dictionary_status_id: int | None = None
    name: str | None = None


class OutboundRecord(ThuliumModel):
    """A record of a regular (CSV-fed) campaign: one number to call.

    Dates are to the minute (``2016-10-19 14:02``) in the account's zone; an empty
    ``next_call_date``, ``agent_login`` or ``order`` reads as ``None``.
    """

    record_id: int
    phone_number: str | None = None
    identifier: str | None = None
    system_status: str | None = None
    status: str | None = None
    """The status name."""
    status_id: int | None = None
    dictionary_status_id: int | None = None
    call_date: ThuliumDateTime = None
    """Date of the last call."""
    create_date: ThuliumDateTime = None
    next_call_date: ThuliumDateTime = None
    agent_name: str | None = None
    agent_login: str | None = None
    last_note: str | None = None
    order: int | None = None
    record_fields: dict[str, Any] | None = None
    """Values of the campaign's own fields, by field name."""


class CrmOutboundRecord(OutboundRecord):
    """A record of a CRM-fed campaign: one CRM customer to call.

    ``customer`` comes with ``include_customer`` (its custom fields and addresses
    with the other ``include_*`` flags).
    """

    customer_id: int | None = None
    customer: Customer | None = None


class OutboundStatusUpdate(ThuliumModel):
    """The answer of ``outbounds.records.update_status``: the campaigns whose records changed."""

    outbound_id: list[str] | None = None


class PhoneNumberOutbound(ThuliumModel):
    """A campaign that holds a record with a given phone number.

    Inferred: the seed lists this answer only in its index; the fields are those of
    a campaign and of its record, all optional, and anything else is kept.
    """

    id: str | None = None
    name: str | None = None
    crm: bool | None = None
    record_id: int | None = None
    identifier: str | None = None
    system_status: str | None = None
    status_id: int | None = None
