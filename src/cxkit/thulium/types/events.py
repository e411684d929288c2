"""Webhook events: one model per documented ``action``.

Thulium POSTs one flat object per event to the receiver configured in the Panel
(Administracja -> Webhooki); its ``action`` names the event. Every model keeps
fields the docs do not list (``event.model_extra``), e.g. the ``custom_data`` a
call started with ``agents.call(custom_data=...)`` carries along.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union, get_args

from pydantic import BeforeValidator

from ..._core import Duration
from .common import ThuliumDateTime, ThuliumModel

__all__ = [
    "EVENT_TYPES",
    "AbandonedEvent",
    "AgentCompletedEvent",
    "AgentConnectedEvent",
    "AgentLoggedInEvent",
    "AgentLoggedOutEvent",
    "AgentNotAnsweredEvent",
    "AgentPhoneConnectedEvent",
    "AgentRingingEvent",
    "AgentStatusChangedEvent",
    "CallEndReason",
    "ChatAgentAssignedEvent",
    "ChatConversationClosedEvent",
    "ChatConversationCreatedEvent",
    "CustomerCreatedEvent",
    "CustomerFileAttachedEvent",
    "CustomerNoteSavedEvent",
    "EnterIvrEvent",
    "EnterQueueEvent",
    "ExitQueueEvent",
    "OutboundAgentFailedEvent",
    "OutboundBlacklistEvent",
    "OutboundBusyEvent",
    "OutboundCallEvent",
    "OutboundCompletedEvent",
    "OutboundConnectingEvent",
    "OutboundConnectionProblemEvent",
    "OutboundCustomerConnectedEvent",
    "OutboundDropEvent",
    "OutboundFailureEvent",
    "OutboundFaxEvent",
    "OutboundNoAnswerEvent",
    "OutboundRecordSavedEvent",
    "OutboundVoiceMailEvent",
    "OutboundWrongNumberEvent",
    "PredictiveAgentAnswerEvent",
    "PreviewRecordEvent",
    "QueueTransferredToAgentEvent",
    "RecordSystemStatus",
    "RecordingReadyEvent",
    "ThuliumEvent",
    "ThuliumEventBase",
    "TicketAgentRepliedEvent",
    "TicketClosedEvent",
    "TicketCommentCreatedEvent",
    "TicketCreatedEvent",
    "TicketDirection",
    "TicketMessageReceivedEvent",
    "TicketQueueChangedEvent",
    "TicketStatusChangedEvent",
    "TransferType",
    "UnknownEvent",
]

_NULLS = ("", "null", "NULL")


def _number(value: Any) -> Any:
    # The docs write a missing id as NULL; form-encoded bodies send it empty.
    if isinstance(value, str) and value.strip() in _NULLS:
        return None
    return value


Id = Annotated[int | None, BeforeValidator(_number)]
"""A numeric id; ``NULL`` or empty reads as ``None``."""

Seconds = Annotated[Duration, BeforeValidator(_number)]
"""A number of seconds as a ``timedelta``."""

CallEndReason = Literal["agent", "caller"]
"""Who ended a call: ``agent`` (the user) or ``caller`` (the customer)."""

TransferType = Literal["attended", "blind"]
"""How a call was transferred."""

TicketDirection = Literal["in", "out", "in_behalf_of"]
"""How a ticket was added."""

RecordSystemStatus = Literal[
    "TO_CALL",
    "IN_PROGRESS",
    "CALL",
    "MY_RECORD",
    "NO_CALL",
    "ABANDONED_AFTER_N_TRIES",
    "CALL_NO_SOONER_THAN",
    "CALL_PROGRESSIVE",
]
"""System status of a campaign record."""


class ThuliumEventBase(ThuliumModel):
    """Fields every Thulium webhook event has.

    Dates are read in the account's zone (``Europe/Warsaw`` unless
    ``parse_event(..., time_zone=...)`` says otherwise); numbers sent where the
    docs show text (phone numbers, call ids) are read as text.
    """

    action: str
    """The event name (``TICKET_CREATED``...)."""
    date: ThuliumDateTime = None
    """When the action happened."""


# -- chats -------------------------------------------------------------------------


class _ChatEvent(ThuliumEventBase):
    conversation_id: str | None = None
    """Unique conversation id (a UUID)."""
    chat_queue_id: Id = None
    """Chat queue id."""


class ChatAgentAssignedEvent(_ChatEvent):
    """``CHAT_AGENT_ASSIGNED``: an agent was assigned to a chat conversation."""

    action: Literal["CHAT_AGENT_ASSIGNED"]
    agent_login: str | None = None


class ChatConversationClosedEvent(_ChatEvent):
    """``CHAT_CONVERSATION_CLOSED``: a chat conversation ended."""

    action: Literal["CHAT_CONVERSATION_CLOSED"]


class ChatConversationCreatedEvent(_ChatEvent):
    """``CHAT_CONVERSATION_CREATED``: a new chat conversation started."""

    action: Literal["CHAT_CONVERSATION_CREATED"]
    client_name: str | None = None
    client_email: str | None = None


# -- CRM ---------------------------------------------------------------------------


class CustomerCreatedEvent(ThuliumEventBase):
    """``CUSTOMER_CREATED``: a customer was created in CRM."""

    action: Literal["CUSTOMER_CREATED"]
    customer_id: Id = None
    company_id: Id = None


class CustomerFileAttachedEvent(ThuliumEventBase):
    """``CUSTOMER_FILE_ATTACHED``: a file was attached to a customer."""

    action: Literal["CUSTOMER_FILE_ATTACHED"]
    agent_login: str | None = None
    file_id: Id = None
    customer_id: Id = None
    company_id: Id = None


class CustomerNoteSavedEvent(ThuliumEventBase):
    """``CUSTOMER_NOTE_SAVED``: a note was saved for a customer."""

    action: Literal["CUSTOMER_NOTE_SAVED"]
    agent_login: str | None = None
    customer_id: Id = None
    content: str | None = None


# -- calls and queues ----------------------------------------------------------------


class _CallEvent(ThuliumEventBase):
    connection_id: str | None = None
    """Unique call (connection) id, e.g. ``1416225570.341``."""


class AbandonedEvent(_CallEvent):
    """``ABANDONED``: the caller hung up while waiting in a queue."""

    action: Literal["ABANDONED"]
    queue_id: Id = None
    source_number: str | None = None
    """The caller's number."""
    hold_time: Seconds = None
    """How long the caller waited before hanging up."""


class _AgentCallEvent(_CallEvent):
    queue_id: Id = None
    agent_login: str | None = None
    source_number: str | None = None
    """The caller's number."""
    destination_number: str | None = None
    """The agent's number."""


class AgentCompletedEvent(_AgentCallEvent):
    """``AGENT_COMPLETED``: a queue call an agent answered has ended."""

    action: Literal["AGENT_COMPLETED"]
    customer_id: Id = None
    duration: Seconds = None
    """Whole call time."""
    billsec: Seconds = None
    """Billable call time."""
    filename: str | None = None
    """The call recording file."""
    reason: CallEndReason | None = None
    """Who ended the call."""


class AgentConnectedEvent(_AgentCallEvent):
    """``AGENT_CONNECTED``: an agent answered a queue call."""

    action: Literal["AGENT_CONNECTED"]
    customer_id: Id = None


class AgentNotAnsweredEvent(_AgentCallEvent):
    """``AGENT_NOT_ANSWERED``: an agent did not answer a queue call."""

    action: Literal["AGENT_NOT_ANSWERED"]


class AgentRingingEvent(_AgentCallEvent):
    """``AGENT_RINGING``: an agent's phone is ringing."""

    action: Literal["AGENT_RINGING"]


class EnterQueueEvent(_CallEvent):
    """``ENTER_QUEUE``: a call entered a queue."""

    action: Literal["ENTER_QUEUE"]
    queue_id: Id = None
    source_number: str | None = None
    """The caller's number."""
    source_name: str | None = None
    """The caller's name."""


class ExitQueueEvent(_CallEvent):
    """``EXIT_QUEUE``: a call left a queue."""

    action: Literal["EXIT_QUEUE"]
    queue_id: Id = None


class EnterIvrEvent(_CallEvent):
    """``ENTER_IVR``: a call started in an IVR."""

    action: Literal["ENTER_IVR"]
    source_number: str | None = None
    """The caller's number."""
    destination_number: str | None = None
    """The number called."""


class QueueTransferredToAgentEvent(_CallEvent):
    """``QUEUE_TRANSFERRED_TO_AGENT``: a call was transferred from a queue to an agent."""

    action: Literal["QUEUE_TRANSFERRED_TO_AGENT"]
    type: TransferType | None = None
    queue_id: Id = None
    agent_login: str | None = None
    destination_number: str | None = None
    """The agent's number."""


# -- outbound campaigns --------------------------------------------------------------


class _CampaignEvent(ThuliumEventBase):
    id: str | None = None
    """Five-character campaign id (``00001``)."""
    name: str | None = None
    """Campaign name."""
    record_id: Id = None
    phone_number: str | None = None
    """The number called."""
    agent_login: str | None = None


class OutboundCallEvent(_CampaignEvent):
    """Fields of every campaign call event (``OUTBOUND_*``, ``PREDICTIVE_AGENT_ANSWER``)."""

    connection_id: str | None = None
    customer_id: Id = None
    duration: Seconds = None
    """Whole call time."""
    billsec: Seconds = None
    """Billable call time."""
    filename: str | None = None
    """The call recording file."""
    caller_id: str | None = None
    """The number presented to the customer."""


class OutboundConnectingEvent(OutboundCallEvent):
    """``OUTBOUND_CONNECTING``: a campaign call started connecting."""

    action: Literal["OUTBOUND_CONNECTING"]
    attempt: Id = None
    """Which attempt at this record this call is."""


class OutboundCustomerConnectedEvent(OutboundCallEvent):
    """``OUTBOUND_CUSTOMER_CONNECTED``: the customer answered a campaign call."""

    action: Literal["OUTBOUND_CUSTOMER_CONNECTED"]


class OutboundCompletedEvent(OutboundCallEvent):
    """``OUTBOUND_COMPLETED``: an answered campaign call ended."""

    action: Literal["OUTBOUND_COMPLETED"]


class OutboundDropEvent(OutboundCallEvent):
    """``OUTBOUND_DROP``: a campaign record was dropped."""

    action: Literal["OUTBOUND_DROP"]


class OutboundBusyEvent(OutboundCallEvent):
    """``OUTBOUND_BUSY``: the customer's phone was busy."""

    action: Literal["OUTBOUND_BUSY"]


class OutboundFaxEvent(OutboundCallEvent):
    """``OUTBOUND_FAX``: a fax answered a campaign call."""

    action: Literal["OUTBOUND_FAX"]


class OutboundNoAnswerEvent(OutboundCallEvent):
    """``OUTBOUND_NO_ANSWER``: the customer did not answer."""

    action: Literal["OUTBOUND_NO_ANSWER"]


class OutboundWrongNumberEvent(OutboundCallEvent):
    """``OUTBOUND_WRONG_NUMBER``: the number is not valid."""

    action: Literal["OUTBOUND_WRONG_NUMBER"]


class OutboundVoiceMailEvent(OutboundCallEvent):
    """``OUTBOUND_VOICE_MAIL``: an answering machine picked up."""

    action: Literal["OUTBOUND_VOICE_MAIL"]


class OutboundFailureEvent(OutboundCallEvent):
    """``OUTBOUND_FAILURE``: the call failed for an unidentified reason."""

    action: Literal["OUTBOUND_FAILURE"]


class OutboundConnectionProblemEvent(OutboundCallEvent):
    """``OUTBOUND_CONNECTION_PROBLEM``: the carrier had a connection problem."""

    action: Literal["OUTBOUND_CONNECTION_PROBLEM"]


class OutboundBlacklistEvent(OutboundCallEvent):
    """``OUTBOUND_BLACKLIST``: the number is on the blacklist."""

    action: Literal["OUTBOUND_BLACKLIST"]


class OutboundAgentFailedEvent(OutboundCallEvent):
    """``OUTBOUND_AGENT_FAILED``: the call could not be made for the agent.

    E.g. the agent's phone stopped working just before dialling;
    ``OUTBOUND_CONNECTING`` may then not have been sent.
    """

    action: Literal["OUTBOUND_AGENT_FAILED"]


class PredictiveAgentAnswerEvent(OutboundCallEvent):
    """``PREDICTIVE_AGENT_ANSWER``: an agent answered a predictive call."""

    action: Literal["PREDICTIVE_AGENT_ANSWER"]


class OutboundRecordSavedEvent(_CampaignEvent):
    """``OUTBOUND_RECORD_SAVED``: an agent saved a campaign record."""

    action: Literal["OUTBOUND_RECORD_SAVED"]
    system_status: RecordSystemStatus | None = None
    status_id: Id = None
    connection_id: str | None = None
    next_call_date: ThuliumDateTime = None
    """When the record is to be called next."""
    assigned_agent_login: str | None = None
    previous_status_id: Id = None
    """The status the record had before (``None`` for none)."""


class PreviewRecordEvent(_CampaignEvent):
    """``PREVIEW_RECORD``: a preview campaign record card was shown to an agent."""

    action: Literal["PREVIEW_RECORD"]
    customer_id: Id = None


# -- agents and recordings -------------------------------------------------------------


class AgentLoggedInEvent(ThuliumEventBase):
    """``AGENT_LOGGED_IN``: an agent logged in."""

    action: Literal["AGENT_LOGGED_IN"]
    agent_login: str | None = None


class AgentLoggedOutEvent(ThuliumEventBase):
    """``AGENT_LOGGED_OUT``: an agent logged out."""

    action: Literal["AGENT_LOGGED_OUT"]
    agent_login: str | None = None


class AgentPhoneConnectedEvent(ThuliumEventBase):
    """``AGENT_PHONE_CONNECTED``: an agent's phone connected to the system."""

    action: Literal["AGENT_PHONE_CONNECTED"]
    agent_login: str | None = None
    phone_number: str | None = None
    """The number the agent can be reached at."""


class AgentStatusChangedEvent(ThuliumEventBase):
    """``AGENT_STATUS_CHANGED``: an agent paused or became free.

    ``pause_id`` is ``None`` when the agent is now free, ``previous_pause_id``
    when the agent was free before.
    """

    action: Literal["AGENT_STATUS_CHANGED"]
    agent_login: str | None = None
    pause_id: Id = None
    previous_pause_id: Id = None


class RecordingReadyEvent(ThuliumEventBase):
    """``RECORDING_READY``: a call recording file is ready."""

    action: Literal["RECORDING_READY"]
    connection_id: str | None = None
    filename: str | None = None


# -- tickets ---------------------------------------------------------------------------


class _TicketEvent(ThuliumEventBase):
    ticket_id: Id = None


class TicketAgentRepliedEvent(_TicketEvent):
    """``TICKET_AGENT_REPLIED``: an agent replied in a ticket."""

    action: Literal["TICKET_AGENT_REPLIED"]
    message_id: Id = None
    agent_login: str | None = None


class TicketClosedEvent(_TicketEvent):
    """``TICKET_CLOSED``: a ticket was closed for the first time."""

    action: Literal["TICKET_CLOSED"]
    agent_login: str | None = None


class TicketCommentCreatedEvent(_TicketEvent):
    """``TICKET_COMMENT_CREATED``: a comment was added to a ticket."""

    action: Literal["TICKET_COMMENT_CREATED"]
    agent_login: str | None = None
    message_id: Id = None


class TicketCreatedEvent(_TicketEvent):
    """``TICKET_CREATED``: a ticket was created."""

    action: Literal["TICKET_CREATED"]
    agent_login: str | None = None
    direction: TicketDirection | None = None
    """How the ticket was added (``in``, ``out``, ``in_behalf_of``)."""


class TicketMessageReceivedEvent(_TicketEvent):
    """``TICKET_MESSAGE_RECEIVED``: a message from the customer arrived in a ticket."""

    action: Literal["TICKET_MESSAGE_RECEIVED"]
    message_id: Id = None
    ticket_queue_id: Id = None


class TicketQueueChangedEvent(_TicketEvent):
    """``TICKET_QUEUE_CHANGED``: a ticket moved to another queue."""

    action: Literal["TICKET_QUEUE_CHANGED"]
    ticket_queue_id: Id = None
    agent_login: str | None = None


class TicketStatusChangedEvent(_TicketEvent):
    """``TICKET_STATUS_CHANGED``: a ticket's status changed."""

    action: Literal["TICKET_STATUS_CHANGED"]
    agent_login: str | None = None
    status_id: Id = None
    substatus_id: Id = None


class UnknownEvent(ThuliumEventBase):
    """An event whose ``action`` this version does not know; every field is kept.

    Read them with ``event.model_extra`` or ``event.to_dict()``.
    """


ThuliumEvent = Union[  # noqa: UP007  (a runtime alias: X | Y of 44 classes reads worse)
    ChatAgentAssignedEvent,
    ChatConversationClosedEvent,
    ChatConversationCreatedEvent,
    CustomerCreatedEvent,
    CustomerFileAttachedEvent,
    CustomerNoteSavedEvent,
    AbandonedEvent,
    AgentCompletedEvent,
    AgentConnectedEvent,
    AgentNotAnsweredEvent,
    AgentRingingEvent,
    EnterQueueEvent,
    ExitQueueEvent,
    EnterIvrEvent,
    QueueTransferredToAgentEvent,
    OutboundConnectingEvent,
    OutboundCustomerConnectedEvent,
    OutboundCompletedEvent,
    OutboundDropEvent,
    OutboundBusyEvent,
    OutboundFaxEvent,
    OutboundNoAnswerEvent,
    OutboundWrongNumberEvent,
    OutboundVoiceMailEvent,
    OutboundFailureEvent,
    OutboundConnectionProblemEvent,
    OutboundBlacklistEvent,
    OutboundAgentFailedEvent,
    PredictiveAgentAnswerEvent,
    OutboundRecordSavedEvent,
    PreviewRecordEvent,
    AgentLoggedInEvent,
    AgentLoggedOutEvent,
    AgentPhoneConnectedEvent,
    AgentStatusChangedEvent,
    RecordingReadyEvent,
    TicketAgentRepliedEvent,
    TicketClosedEvent,
    TicketCommentCreatedEvent,
    TicketCreatedEvent,
    TicketMessageReceivedEvent,
    TicketQueueChangedEvent,
    TicketStatusChangedEvent,
    UnknownEvent,
]
"""Any event :func:`cxkit.thulium.webhooks.parse_event` returns."""


def _action_of(model: type[ThuliumEventBase]) -> str:
    return str(get_args(model.model_fields["action"].annotation)[0])


EVENT_TYPES: dict[str, type[ThuliumEvent]] = {
    _action_of(model): model for model in get_args(ThuliumEvent) if model is not UnknownEvent
}
"""The event model of each documented ``action``."""
