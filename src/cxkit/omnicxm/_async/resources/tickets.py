"""Tickets and their parts (async source; the sync twin is generated)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    Created,
    FileInput,
    check_choice,
    check_text,
    drop_none,
    need_some,
    operation,
)
from ..._checks import (
    EpochInput,
    epoch,
    file_list,
    index_list,
    new_id,
    opt_epoch,
    opt_text,
    text_list,
)
from ..._checks import groups as check_groups
from ..._dialect import body_paged_read
from ...query import Direction, SortInput, Where, build_filter, build_sort
from ...types.tickets import (
    ActionResult,
    Comment,
    NoteType,
    Requester,
    RequesterMatch,
    RequesterModule,
    SLAPauseResult,
    Ticket,
    TicketAction,
    TicketCategory,
    TicketFile,
    TicketLog,
    TicketView,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = [
    "AsyncTicketActions",
    "AsyncTicketCategories",
    "AsyncTicketComments",
    "AsyncTicketFiles",
    "AsyncTicketLogs",
    "AsyncTicketRequesters",
    "AsyncTicketSLA",
    "AsyncTicketViews",
    "AsyncTickets",
]

FORM = "multipart/form-data"
SLAChoice = Literal["resumeafterrangetimeconfig"]
RequesterType = Literal["contacts", "leads"]


def _ticket_form(
    *,
    requester: str | None,
    account_related: str | None,
    subject: str | None,
    content: str | None,
    category: str | None,
    assignee: str | None,
    sourcedisplay: str | None,
    priority: str | None,
    ccs: Sequence[str] | None,
    duedate: EpochInput | None,
    tags: Sequence[str] | None,
    basicinfo: Mapping[str, Any] | None,
    custom: Mapping[str, Mapping[str, Any]] | None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    basic = drop_none(
        requester=opt_text("requester", requester),
        account_related=opt_text("account_related", account_related),
        subject=subject,
        content=content,
        category=opt_text("category", category),
        assignee=opt_text("assignee", assignee),
        sourcedisplay=sourcedisplay,
        priority=priority,
        ccs=text_list("ccs", ccs) if ccs is not None else None,
        duedate=opt_epoch("duedate", duedate),
        tags=text_list("tags", tags) if tags is not None else None,
        **(extra or {}),
    )
    if basicinfo is not None:
        if not isinstance(basicinfo, Mapping):
            raise TypeError("basicinfo must be a mapping of field names to values")
        clash = set(basicinfo) & set(basic)
        if clash:
            raise ValueError(f"basicinfo repeats {', '.join(sorted(clash))}: pass it once")
        basic.update(basicinfo)
    body: dict[str, Any] = {"basicinfo": basic} if basic else {}
    extra_groups = check_groups("groups", custom)
    if "basicinfo" in extra_groups:
        raise ValueError("pass basicinfo fields as keyword arguments or basicinfo=, not in groups")
    body.update(extra_groups)
    return body


class AsyncTicketCategories(AsyncAPIResource):
    """Ticket categories (two levels: categories and their ``items``)."""

    # The request line is "GET /services/tickets/category/<id_category>"; the vendor's
    # curl example calls it without an id, which lists every category: both are here.
    @operation("GET", "/services/tickets/category", unwrap="data")
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[TicketCategory]:
        """Every category, with its subcategories in ``items``."""
        return await self._call(self.list, cast_to=builtins.list[TicketCategory], options=options)

    @operation("GET", "/services/tickets/category/{id_category}", unwrap="data")
    async def get(self, id_category: str, **options: Unpack[RequestOptions]) -> TicketCategory:
        """One category by id (an answer holding a one-item list is read as that item)."""
        data: Any = await self._call(
            self.get, path={"id_category": id_category}, cast_to=Any, options=options
        )
        if isinstance(data, builtins.list) and len(data) == 1:
            data = data[0]
        result: TicketCategory = self._client._parse(TicketCategory, data)
        return result


class AsyncTicketViews(AsyncAPIResource):
    """Saved ticket views (filters defined on the web portal)."""

    @operation("GET", "/services/tickets/view", auth="token", unwrap="data")
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[TicketView]:
        """The views; a view's ``key`` goes to ``tickets.read(keyview=...)``."""
        return await self._call(self.list, cast_to=builtins.list[TicketView], options=options)


class AsyncTicketLogs(AsyncAPIResource):
    """A ticket's history."""

    @operation("GET", "/services/tickets/log/{id_ticket}", paged=True)
    def list(
        self,
        id_ticket: str,
        *,
        take: int | None = None,
        page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[TicketLog]:
        """The log of a ticket, newest first as the API sends it; pages follow lazily."""
        return self._paginate(
            self.list,
            item=TicketLog,
            path={"id_ticket": id_ticket},
            params=drop_none(take=take, page=page),
            options=options,
        )


class AsyncTicketRequesters(AsyncAPIResource):
    """Ticket requesters: the people tickets are for."""

    @operation("GET", "/services/tickets/requester/getlist", unwrap="data")
    async def list(
        self,
        *,
        value: str | None = None,
        idrequester: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[Requester]:
        """Requesters who asked before; ``value`` matches name, phone or e-mail,
        ``idrequester`` one requester."""
        params = drop_none(value=value, idrequester=opt_text("idrequester", idrequester))
        return await self._call(
            self.list, params=params, cast_to=builtins.list[Requester], options=options
        )

    @operation("GET", "/services/tickets/requester/search", paged=True)
    def search(
        self,
        *,
        modules: Sequence[RequesterModule] | None = None,
        name: str | None = None,
        phone: str | None = None,
        email: str | None = None,
        take: int | None = None,
        page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[RequesterMatch]:
        """Contacts, leads and users whose name, phone or e-mail contain the text given;
        pages follow lazily. Turn a match into a requester with :meth:`convert`."""
        if modules is not None:
            if isinstance(modules, str):
                raise TypeError("modules must be a list such as ['contacts', 'leads']")
            check_choice("modules", list(modules), RequesterModule)
        params = drop_none(
            modules=list(modules) if modules is not None else None,
            name=name,
            phone=phone,
            email=email,
            take=take,
            page=page,
        )
        return self._paginate(self.search, item=RequesterMatch, params=params, options=options)

    @operation("POST", "/services/tickets/requester/convert", unwrap="data")
    async def convert(
        self, *, module: RequesterModule, id: str, **options: Unpack[RequestOptions]
    ) -> Requester:
        """The requester for a contact, lead or user (made if needed); use its ``id`` on tickets."""
        body = {
            "module": check_choice("module", module, RequesterModule),
            "id": id,
        }
        return await self._call(self.convert, body=body, cast_to=Requester, options=options)

    @operation("POST", "/services/tickets/requester/addbymodule", unwrap="data")
    async def create(
        self, *, name: str, type: RequesterType, **options: Unpack[RequestOptions]
    ) -> Requester:
        """Add a requester by name, as a new ``contacts`` or ``leads`` record."""
        body = {"name": name, "type": check_choice("type", type, RequesterType)}
        return await self._call(self.create, body=body, cast_to=Requester, options=options)


class AsyncTicketActions(AsyncAPIResource):
    """Workflow (BPM) actions of a ticket."""

    @operation("GET", "/services/tickets/action/{id_ticket}", unwrap="data")
    async def list(
        self, id_ticket: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[TicketAction]:
        """The actions open in the ticket's current workflow state."""
        return await self._call(
            self.list,
            path={"id_ticket": id_ticket},
            cast_to=builtins.list[TicketAction],
            options=options,
        )

    # The request line is "POST /services/tickets/action/<id_ticket>"; the vendor's
    # curl (and PHP, axios) examples post to .../action/doing/<id_ticket> as multipart
    # form data: following curl.
    @operation(
        "POST",
        "/services/tickets/action/doing/{id_ticket}",
        auth="token",
        content_type=FORM,
        unwrap="data",
    )
    async def do(
        self,
        id_ticket: str,
        *,
        token: str,
        stepactiontoken: str,
        comment_content: str | None = None,
        comment_type: NoteType | None = None,
        assignee: str | None = None,
        files: FileInput | builtins.list[FileInput] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ActionResult:
        """Do a workflow action (``token`` and ``stepactiontoken`` from :meth:`list`),
        with an optional comment, files and new ``assignee`` (a ``user_``/``bu_`` value)."""
        body = drop_none(
            token=token,
            stepactiontoken=stepactiontoken,
            comment_content=comment_content,
            comment_type=check_choice("comment_type", comment_type, NoteType),
            assignee=opt_text("assignee", assignee),
        )
        return await self._call(
            self.do,
            path={"id_ticket": id_ticket},
            body=body,
            files={"files[]": file_list("files", files)} if files is not None else None,
            cast_to=ActionResult,
            options=options,
        )


class AsyncTicketComments(AsyncAPIResource):
    """Comments (notes) of a ticket."""

    @operation("GET", "/services/tickets/comment/{id_ticket}", paged=True)
    def list(
        self,
        id_ticket: str,
        *,
        take: int | None = None,
        page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Comment]:
        """The comments of a ticket, ``take`` (at most 100) per page; pages follow lazily."""
        return self._paginate(
            self.list,
            item=Comment,
            path={"id_ticket": id_ticket},
            params=drop_none(take=take, page=page),
            options=options,
        )

    # The curl example sets "Content-Type: application/json" yet sends --form fields
    # and a file: multipart form data is what it sends.
    @operation(
        "POST",
        "/services/tickets/comment/{id_ticket}",
        auth="token",
        content_type=FORM,
        unwrap="data",
    )
    async def create(
        self,
        id_ticket: str,
        *,
        content: str,
        notetype: NoteType | None = None,
        parentcomment: str | None = None,
        files: FileInput | builtins.list[FileInput] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Comment:
        """Comment on a ticket (``notetype`` ``public`` or ``private``; ``parentcomment``
        to reply to a comment), with optional files."""
        body = drop_none(
            content=content,
            notetype=check_choice("notetype", notetype, NoteType),
            parentcomment=opt_text("parentcomment", parentcomment),
        )
        return await self._call(
            self.create,
            path={"id_ticket": id_ticket},
            body=body,
            files={"files[]": file_list("files", files)} if files is not None else None,
            cast_to=Comment,
            options=options,
        )

    # The table names the file field "files"; the curl example sends "files[]": following
    # curl. Not idempotent: a replay would add the files again and shift file indexes.
    @operation(
        "PUT",
        "/services/tickets/comment/{id_ticket}",
        auth="token",
        content_type=FORM,
        unwrap="data",
        idempotent=False,
    )
    async def update(
        self,
        id_ticket: str,
        *,
        idcomment: str,
        content: str | None = None,
        notetype: NoteType | None = None,
        deletefileindex: str | Sequence[int] | None = None,
        files: FileInput | builtins.list[FileInput] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Comment:
        """Edit comment ``idcomment`` of a ticket: new content or note type, files to add,
        and files to remove by index (``"0,1"`` or ``[0, 1]``)."""
        comment_id = idcomment
        body = drop_none(
            content=content,
            notetype=check_choice("notetype", notetype, NoteType),
            idcomment=comment_id,
            deletefileindex=(
                index_list("deletefileindex", deletefileindex)
                if deletefileindex is not None
                else None
            ),
        )
        if len(body) == 1 and files is None:
            raise ValueError("tickets.comments.update: nothing to change")
        data: Any = await self._call(
            self.update,
            path={"id_ticket": id_ticket},
            body=body,
            files={"files[]": file_list("files", files)} if files is not None else None,
            cast_to=Any,
            options=options,
        )
        # The answer leaves the comment's id out; it is the one that was edited.
        record = (
            {**data, "id": data.get("id") or comment_id}
            if isinstance(data, Mapping)
            else {"id": comment_id}
        )
        result: Comment = self._client._parse(Comment, record)
        return result

    @operation("DELETE", "/services/tickets/comment/{id_ticket}/{id_comment}", auth="token")
    async def delete(
        self, id_ticket: str, id_comment: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete a comment of a ticket."""
        await self._call(
            self.delete,
            path={
                "id_ticket": id_ticket,
                "id_comment": id_comment,
            },
            options=options,
        )


class AsyncTicketFiles(AsyncAPIResource):
    """Files attached to a ticket."""

    @body_paged_read("/services/tickets/files/read/{id_ticket}")
    def list(
        self,
        id_ticket: str,
        *,
        sort: Direction | None = None,
        namefile: str | None = None,
        startdate: EpochInput | None = None,
        enddate: EpochInput | None = None,
        take: int | None = None,
        page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[TicketFile]:
        """The files of a ticket, filtered by name and creation time, sorted ``asc`` or
        ``desc``; pages follow lazily. A read-only POST, retried like a GET."""
        body = drop_none(
            take=take,
            page=page,
            sort=check_choice("sort", sort, Direction),
            namefile=namefile,
            startdate=opt_epoch("startdate", startdate),
            enddate=opt_epoch("enddate", enddate),
        )
        return self._paginate(
            self.list, item=TicketFile, path={"id_ticket": id_ticket}, body=body, options=options
        )

    # The table says application/json; the curl example sends files[] as multipart.
    @operation("POST", "/services/tickets/files/{id_ticket}", auth="token", content_type=FORM)
    async def create(
        self,
        id_ticket: str,
        files: FileInput | builtins.list[FileInput],
        **options: Unpack[RequestOptions],
    ) -> None:
        """Attach files to a ticket (multipart ``files[]``; each file is read once)."""
        await self._call(
            self.create,
            path={"id_ticket": id_ticket},
            files={"files[]": file_list("files", files)},
            options=options,
        )

    # The table types file_id as an array; the example sends one id string. Both are
    # accepted and sent as given.
    @operation("DELETE", "/services/tickets/files/{id_ticket}", auth="token")
    async def delete(
        self,
        id_ticket: str,
        file_id: str | Sequence[str],
        **options: Unpack[RequestOptions],
    ) -> None:
        """Remove a file (or a list of files) from a ticket."""
        value: str | builtins.list[str] = (
            check_text("file_id", file_id)
            if isinstance(file_id, str)
            else text_list("file_id", file_id)
        )
        if isinstance(value, builtins.list) and not value:
            raise ValueError("file_id must not be empty")
        await self._call(
            self.delete, path={"id_ticket": id_ticket}, body={"file_id": value}, options=options
        )


class AsyncTicketSLA(AsyncAPIResource):
    """A ticket's SLA clock."""

    # The docs' table says application/json; the vendor's curl example sends
    # application/x-www-form-urlencoded (PHP and axios send JSON): following curl.
    @operation(
        "POST",
        "/services/tickets/SLATicket/",
        auth="token",
        content_type="application/x-www-form-urlencoded",
    )
    async def pause(
        self,
        *,
        ticket_id: str,
        idticket: str,
        timepending: EpochInput,
        comment: str,
        choosetype: SLAChoice = "resumeafterrangetimeconfig",
        **options: Unpack[RequestOptions],
    ) -> SLAPauseResult:
        """Pause a ticket's SLA until ``timepending`` (the clock resumes then).

        ``ticket_id`` is the record id (``basicinfo.id``), ``idticket`` the ticket
        number (``basicinfo.ticket_id``); ``choosetype`` has one documented value,
        ``resumeafterrangetimeconfig``, sent by default.
        """
        body = {
            "choosetype": check_choice("choosetype", choosetype, SLAChoice),
            "timepending": epoch("timepending", timepending),
            "comment": comment,
            "ticket_id": ticket_id,
            "idticket": idticket,
        }
        return await self._call(self.pause, body=body, cast_to=SLAPauseResult, options=options)


class AsyncTickets(AsyncAPIResource):
    """Tickets."""

    @cached_property
    def categories(self) -> AsyncTicketCategories:
        """Ticket categories."""
        return AsyncTicketCategories(self._client)

    @cached_property
    def views(self) -> AsyncTicketViews:
        """Saved ticket views."""
        return AsyncTicketViews(self._client)

    @cached_property
    def logs(self) -> AsyncTicketLogs:
        """Ticket history."""
        return AsyncTicketLogs(self._client)

    @cached_property
    def requesters(self) -> AsyncTicketRequesters:
        """Ticket requesters."""
        return AsyncTicketRequesters(self._client)

    @cached_property
    def actions(self) -> AsyncTicketActions:
        """Workflow actions."""
        return AsyncTicketActions(self._client)

    @cached_property
    def comments(self) -> AsyncTicketComments:
        """Ticket comments."""
        return AsyncTicketComments(self._client)

    @cached_property
    def files(self) -> AsyncTicketFiles:
        """Ticket files."""
        return AsyncTicketFiles(self._client)

    @cached_property
    def sla(self) -> AsyncTicketSLA:
        """The SLA clock."""
        return AsyncTicketSLA(self._client)

    @operation("GET", "/services/tickets/ticket", paged=True)
    def list(
        self,
        *,
        take: int | None = None,
        page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Ticket]:
        """All tickets, ``take`` (at most 100) per page; pages follow lazily."""
        return self._paginate(
            self.list, item=Ticket, params=drop_none(take=take, page=page), options=options
        )

    @operation("GET", "/services/tickets/ticket/{id_ticket}", unwrap="data")
    async def get(self, id_ticket: str, **options: Unpack[RequestOptions]) -> Ticket:
        """A ticket by its record id (``basicinfo.id``)."""
        return await self._call(
            self.get, path={"id_ticket": id_ticket}, cast_to=Ticket, options=options
        )

    @body_paged_read("/services/tickets/ticket/read", auth="token")
    def read(
        self,
        *,
        where: Where | Mapping[str, Any] | None = None,
        sort: SortInput | None = None,
        keyview: str | None = None,
        take: int | None = None,
        page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Ticket]:
        """Tickets matching ``where``, in ``sort`` order, optionally within a saved view
        (``keyview`` from ``tickets.views.list``); pages follow lazily.

        ``where=F("last_modified.time") >= since``, ``sort=("created.time", "desc")``
        (see :mod:`cxkit.omnicxm.query`). A read-only POST, retried like a GET.
        """
        body = drop_none(
            take=take,
            page=page,
            sort=build_sort(sort),
            filter=build_filter(where, self._client.time_zone),
            keyview=opt_text("keyview", keyview),
        )
        return self._paginate(self.read, item=Ticket, body=body, options=options)

    # The table says application/json; the curl example sends multipart form fields
    # group[field] (its URL also lacks a "/" before "services"): following curl.
    @operation("POST", "/services/tickets/ticket", content_type=FORM)
    async def create(
        self,
        *,
        subject: str | None = None,
        content: str | None = None,
        requester: str | None = None,
        account_related: str | None = None,
        category: str | None = None,
        assignee: str | None = None,
        sourcedisplay: str | None = None,
        priority: str | None = None,
        ccs: Sequence[str] | None = None,
        duedate: EpochInput | None = None,
        tags: Sequence[str] | None = None,
        files: FileInput | builtins.list[FileInput] | None = None,
        basicinfo: Mapping[str, Any] | None = None,
        groups: Mapping[str, Mapping[str, Any]] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Created[str]:
        """Create a ticket; returns its record id (``.id``).

        The keyword arguments are ``basicinfo`` fields: ``requester`` (a requester id,
        see ``tickets.requesters``), ``account_related``, ``category``, ``assignee`` and
        ``ccs`` (``user_``/``bu_`` values from ``users.list``), ``duedate`` (aware datetime
        or epoch seconds), ``tags``, ``files``. Other ``basicinfo`` fields go in
        ``basicinfo=``, other groups in ``groups={"custom_group_field_1": {...}}``.
        """
        body = _ticket_form(
            requester=requester,
            account_related=account_related,
            subject=subject,
            content=content,
            category=category,
            assignee=assignee,
            sourcedisplay=sourcedisplay,
            priority=priority,
            ccs=ccs,
            duedate=duedate,
            tags=tags,
            basicinfo=basicinfo,
            custom=groups,
        )
        if not body and files is None:
            raise ValueError("tickets.create: pass at least one field")
        data: Any = await self._call(
            self.create,
            body=body,
            files={"basicinfo[files][]": file_list("files", files)} if files is not None else None,
            cast_to=Any,
            options=options,
        )
        return Created[str](id=new_id(data, "id", "tickets.create"))

    # Multipart like create (the table says application/json). Not idempotent: a replay
    # would attach the files again and delete by already shifted indexes.
    @operation(
        "PUT",
        "/services/tickets/ticket/{id_ticket}",
        content_type=FORM,
        idempotent=False,
    )
    async def update(
        self,
        id_ticket: str,
        *,
        subject: str | None = None,
        content: str | None = None,
        requester: str | None = None,
        account_related: str | None = None,
        category: str | None = None,
        assignee: str | None = None,
        sourcedisplay: str | None = None,
        priority: str | None = None,
        ccs: Sequence[str] | None = None,
        duedate: EpochInput | None = None,
        tags: Sequence[str] | None = None,
        deletefileindex: str | Sequence[int] | None = None,
        files: FileInput | builtins.list[FileInput] | None = None,
        basicinfo: Mapping[str, Any] | None = None,
        groups: Mapping[str, Mapping[str, Any]] | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Change a ticket's fields (only those given are sent): the same fields as
        :meth:`create`, plus ``deletefileindex`` (attachment indexes to remove, ``"0, 1"``
        or ``[0, 1]``)."""
        body = _ticket_form(
            requester=requester,
            account_related=account_related,
            subject=subject,
            content=content,
            category=category,
            assignee=assignee,
            sourcedisplay=sourcedisplay,
            priority=priority,
            ccs=ccs,
            duedate=duedate,
            tags=tags,
            basicinfo=basicinfo,
            custom=groups,
            extra=drop_none(
                deletefileindex=(
                    index_list("deletefileindex", deletefileindex)
                    if deletefileindex is not None
                    else None
                )
            ),
        )
        if not body and files is None:
            need_some(body, "tickets.update")
        await self._call(
            self.update,
            path={"id_ticket": id_ticket},
            body=body,
            files={"basicinfo[files][]": file_list("files", files)} if files is not None else None,
            options=options,
        )
