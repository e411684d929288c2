"""Agents, their statuses and groups, and the agents' work report."""

from __future__ import annotations

from typing import Literal

from ..._core import Duration
from .common import ThuliumDateTime, ThuliumModel

__all__ = [
    "Agent",
    "AgentGroup",
    "AgentStatus",
    "AgentStatusName",
    "Aggregation",
    "LastQueueCall",
    "OutboundMode",
    "WorkReportAgent",
    "WorkReportChats",
    "WorkReportInbound",
    "WorkReportOutbound",
    "WorkReportPause",
    "WorkReportRow",
    "WorkReportTickets",
]

AgentStatusName = Literal[
    "OFF", "FREE", "PAUSED", "INBOUND_CALL", "OUTBOUND_CALL", "OUTBOUND_PREVIEW", "CALL", "RINGING"
]
"""The statuses an agent can be in."""

OutboundMode = Literal["manual", "auto", "automatic"]
"""Outbound call mode: the create call documents ``manual|auto``, answers show
``automatic``; all three are accepted."""

Aggregation = Literal["hour_of_day", "minute", "hour", "day", "week", "month", "year"]
"""How report rows are grouped (the API's default is ``month``)."""


class Agent(ThuliumModel):
    """An agent (a contact-center user)."""

    agent_id: int
    login: str
    """The agent's key in every agent call (``agents.status.get(agent.login)``)."""
    name: str | None = None
    surname: str | None = None
    email: str | None = None
    active: bool | None = None
    number: str | None = None
    outbound_mode: str | None = None
    group_id: int | None = None


class LastQueueCall(ThuliumModel):
    """An agent's last queue call of the last 24 hours."""

    connection_id: str | None = None
    phone_number: str | None = None
    start_date: ThuliumDateTime = None
    answered_date: ThuliumDateTime = None
    end_date: ThuliumDateTime = None
    customer_id: int | None = None
    customer_identifier: str | None = None


class AgentStatus(ThuliumModel):
    """An agent's current status (see :data:`AgentStatusName`); ``pause_id`` when paused."""

    login: str
    status: str | None = None
    pause_id: int | None = None
    last_change: ThuliumDateTime = None


class AgentGroup(ThuliumModel):
    """A group of agents."""

    group_id: int
    name: str | None = None


class WorkReportAgent(ThuliumModel):
    """The agent a work report row is about."""

    login: str
    name: str | None = None
    surname: str | None = None


class WorkReportInbound(ThuliumModel):
    """Inbound calls of a work report row."""

    count: int | None = None
    answered_count: int | None = None
    not_answered_count: int | None = None
    transferred_count: int | None = None
    sum: Duration = None
    average: Duration = None
    wait_sum: Duration = None
    wait_average: Duration = None
    calls_per_hour: float | None = None


class WorkReportChats(ThuliumModel):
    """Chats of a work report row."""

    closed: int | None = None
    responded: int | None = None


class WorkReportTickets(ThuliumModel):
    """Tickets of a work report row."""

    closed: int | None = None
    responded: int | None = None
    total_responded: int | None = None


class WorkReportOutbound(ThuliumModel):
    """Outbound calls above or below the ``outbound_threshold``."""

    count: int | None = None
    sum: Duration = None
    average: Duration = None


class WorkReportPause(ThuliumModel):
    """Time spent in one pause (``id`` is a pause id, ``"all"`` or ``"free"``)."""

    id: str
    count: int | None = None
    sum: Duration = None
    average: Duration = None


class WorkReportRow(ThuliumModel):
    """One row of the agents' work report: one agent in one period.

    ``period`` is kept as sent: ``"2019-12"`` by month, a day or hour otherwise.
    """

    agent: WorkReportAgent | None = None
    period: str | None = None
    inbound: WorkReportInbound | None = None
    chat: WorkReportChats | None = None
    ticket: WorkReportTickets | None = None
    outbound_above_threshold: WorkReportOutbound | None = None
    outbound_below_threshold: WorkReportOutbound | None = None
    login_date: ThuliumDateTime = None
    logout_date: ThuliumDateTime = None
    pauses: list[WorkReportPause] | None = None
