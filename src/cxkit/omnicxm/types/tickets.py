"""Tickets and their parts: categories, views, logs, comments, requesters, actions, files, SLA."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import AliasChoices, Field

from ..._core import CXModel, EpochSeconds
from .common import CustomFieldsModel, NamedRef, Stamp

__all__ = [
    "ActionResult",
    "ActionStyle",
    "Comment",
    "CommentFile",
    "NoteType",
    "Requester",
    "RequesterMatch",
    "RequesterModule",
    "SLAPauseResult",
    "Submitter",
    "Ticket",
    "TicketAccount",
    "TicketAction",
    "TicketBasicInfo",
    "TicketCategory",
    "TicketFile",
    "TicketLog",
    "TicketPerson",
    "TicketRequester",
    "TicketView",
]

NoteType = Literal["public", "private"]
"""Who sees a comment."""

RequesterModule = Literal["contacts", "leads", "users"]
"""The modules requesters are searched in and converted from."""


class TicketPerson(CXModel):
    """A user or group a ticket is assigned to or owned by (``type`` ``user``...)."""

    id: str | None = None
    name: str | None = None
    username: str | None = None
    type: str | None = None


class TicketRequester(CXModel):
    """The requester as a ticket shows it (phones and e-mails as lists)."""

    id: str | None = None
    name: str | None = None
    phone: list[str] | str | None = None
    email: list[str] | str | None = None


class TicketAccount(CXModel):
    """The related account as a ticket shows it."""

    id: str | None = None
    name: str | None = None
    phone: list[str] | str | None = None
    email: list[str] | str | None = None


class TicketBasicInfo(CXModel):
    """The ``basicinfo`` group of a ticket. ``id`` is the record id, ``ticket_id``
    the number shown to people; ``duedate`` is epoch seconds on the wire."""

    id: str
    ticket_id: str | None = None
    subject: str | None = None
    content: str | None = None
    status: str | None = None
    priority: str | None = None
    source: str | None = None
    sourcedisplay: str | None = None
    requester: TicketRequester | None = None
    relatedaccount: TicketAccount | None = None
    category: NamedRef | None = None
    parent_category: NamedRef | None = None
    assignee: TicketPerson | None = None
    owner: TicketPerson | None = None
    tags: list[Any] | None = None
    cc: list[Any] | None = None
    duedate: EpochSeconds = None
    attachment: list[Any] | None = None


class Ticket(CustomFieldsModel):
    """A ticket: ``basicinfo``, the account's custom groups (kept, see
    :attr:`custom_fields`), and who created and last changed it."""

    basicinfo: TicketBasicInfo | None = None
    created: Stamp | None = None
    last_modified: Stamp | None = None
    current_state: bool | None = Field(default=None, alias="currentState")

    @property
    def id(self) -> str | None:
        """The ticket's record id (``basicinfo.id``)."""
        return self.basicinfo.id if self.basicinfo is not None else None


class TicketCategory(CXModel):
    """A ticket category and its subcategories (``items``, two levels)."""

    id: str
    name: str | None = None
    created: Stamp | None = None
    last_modified: Stamp | None = None
    items: list[TicketCategory] | None = None


class TicketView(CXModel):
    """A saved ticket view; ``key`` goes to ``tickets.read(keyview=...)``."""

    key: str
    name: str | None = None
    type: str | None = None


class CommentFile(CXModel):
    """A file attached to a comment."""

    name_real: str | None = Field(default=None, alias="nameReal")
    name_cdn: str | None = Field(default=None, alias="nameCDN")
    name: str | None = None
    path: str | None = None
    extension: str | None = None
    filesize: int | None = None


class Submitter(CXModel):
    """The user who wrote a comment (``usersubmit_info``)."""

    username: str | None = None
    name: str | None = None
    owner: bool | None = None
    extension: str | None = None
    email: str | None = None
    phone: str | None = None
    status: bool | None = None
    last_modified: Stamp | None = None
    ticket_requester_id: str | None = None
    ticket_submitter_id: str | None = None


class Comment(CXModel):
    """A ticket comment (``type`` ``note``, ``notetype`` ``public``/``private``)."""

    id: str = Field(validation_alias=AliasChoices("id", "_id"))
    ticket_id: str | None = None
    content: str | None = None
    raw_content: str | None = None
    type: str | None = None
    notetype: str | None = None
    replycomments: int | None = None
    tagusers: list[Any] | None = None
    upload_data: list[CommentFile] | None = None
    ccs_updated: list[Any] | None = None
    timetext: str | None = None
    created: Stamp | None = None
    last_modified: Stamp | None = None
    usersubmit_info: Submitter | None = None


class TicketLog(CXModel):
    """One entry of a ticket's history (``type`` says what happened)."""

    id: str = Field(validation_alias=AliasChoices("_id", "id"), serialization_alias="_id")
    ticket_id: str | None = None
    comment_id: str | None = None
    type: str | None = None
    comment: Comment | None = None
    created: Stamp | None = None


class Requester(CXModel):
    """A ticket requester (``frommodule``/``idmodule``: the record it came from)."""

    id: str
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    frommodule: str | None = None
    idmodule: str | None = None
    type: str | None = None
    tickets: int | None = None
    namecustom: str | None = None
    created: Stamp | None = None
    last_modified: Stamp | None = None


class RequesterMatch(CXModel):
    """A contact, lead or user found by ``tickets.requesters.search``;
    ``ticket_requester_id`` is set when it already is a requester."""

    id: str
    module: str | None = None
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    ticket_requester_id: str | None = None


class ActionStyle(CXModel):
    """How an action shows (``extendConfig``): target status and colours."""

    status: str | None = None
    type_color: str | None = Field(default=None, alias="typeColor")
    background_color: str | None = Field(default=None, alias="backgroundColor")
    text_color: str | None = Field(default=None, alias="textColor")


class TicketAction(CXModel):
    """An action open in a ticket's workflow state; pass ``token`` and
    ``stepactiontoken`` to ``tickets.actions.do``."""

    token: str
    name: str | None = None
    stepactiontoken: str | None = None
    extend_config: ActionStyle | None = Field(default=None, alias="extendConfig")


class ActionResult(CXModel):
    """What doing an action wrote: the comment and its author."""

    comment: Comment | None = None
    usersubmit_info: Submitter | None = None


class TicketFile(CXModel):
    """A file of a ticket (the docs show no example; every field is optional)."""

    id: str | None = Field(default=None, validation_alias=AliasChoices("id", "_id"))
    name: str | None = None
    namefile: str | None = None
    path: str | None = None
    extension: str | None = None
    filesize: int | None = None
    created: Stamp | None = None


class SLAPauseResult(CXModel):
    """The answer of pausing a ticket's SLA (``msg`` is ``update_success``)."""

    msg: str | None = None
    last_modified: Stamp | None = None
