"""Cases, their messages, notes and idea data (async source; the sync twin is generated)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    FileInput,
    TimeInput,
    check_choice,
    check_id,
    check_ids,
    check_ids_or_one,
    check_max_items,
    drop_none,
    need_one,
    need_some,
    operation,
    opt_id,
    opt_ids,
    time_value,
)
from ..._checks import check_one_choice, check_search, id_path, user_fields
from ..._dialect import OmnideskHints
from ...types.cases import (
    Case,
    CaseBulkResult,
    CasePriority,
    CaseSort,
    CaseStatus,
    IdeaStage,
    Message,
    MessageOrder,
)
from ...types.ratings import RatedCase, RatedMessage, Rating
from .case_changelog import AsyncCaseChangelog

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncCaseIdeas", "AsyncCaseMessages", "AsyncCaseNotes", "AsyncCases"]

_MAX_CC = 30


def _files(attachments: Sequence[FileInput] | None) -> dict[str, Any] | None:
    if attachments is None:
        return None
    if isinstance(attachments, (str, bytes)) or not isinstance(attachments, Sequence):
        raise TypeError("attachments must be a sequence of files (paths, bytes or file objects)")
    return {"attachments": builtins.list(attachments)} if attachments else None


def _case_changes(
    *,
    subject: str | None,
    status: CaseStatus | None,
    priority: CasePriority | None,
    group_id: int | None,
    staff_id: int | None,
    language_id: int | None,
    custom_fields: Mapping[str, Any] | None,
    add_labels: Sequence[int] | None,
    delete_labels: Sequence[int] | None,
    add_cc_emails: Sequence[str] | None,
    add_bcc_emails: Sequence[str] | None,
    remove_cc_emails: Sequence[str] | None,
    remove_bcc_emails: Sequence[str] | None,
) -> dict[str, Any]:
    body = drop_none(
        add_cc_emails=check_max_items("add_cc_emails", add_cc_emails, _MAX_CC),
        add_bcc_emails=check_max_items("add_bcc_emails", add_bcc_emails, _MAX_CC),
        remove_cc_emails=check_max_items("remove_cc_emails", remove_cc_emails, 10_000),
        remove_bcc_emails=check_max_items("remove_bcc_emails", remove_bcc_emails, 10_000),
        subject=subject,
        group_id=opt_id("group_id", group_id),
        staff_id=opt_id("staff_id", staff_id),
        status=check_choice("status", status, CaseStatus),
        priority=check_choice("priority", priority, CasePriority),
        language_id=opt_id("language_id", language_id),
        custom_fields=None if custom_fields is None else dict(custom_fields),
        add_labels=opt_ids("add_labels", add_labels),
        delete_labels=opt_ids("delete_labels", delete_labels),
    )
    need_some(body, "cases.update")
    return body


class AsyncCaseMessages(AsyncAPIResource):
    """Messages (replies) of a case."""

    @operation(
        "GET", "/cases/{case_id}/messages.json", paged=True, hints=OmnideskHints(entity="message")
    )
    def list(
        self,
        case_id: int,
        *,
        page: int | None = None,
        limit: int | None = None,
        order: MessageOrder | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Message]:
        """List a case's messages (``order``: ``asc`` oldest first, the default, or ``desc``)."""
        return self._paginate(
            self.list,
            item=Message,
            path=id_path(case_id=case_id),
            params=drop_none(
                page=page, limit=limit, order=check_choice("order", order, MessageOrder)
            ),
            options=options,
        )

    @operation("POST", "/cases/{case_id}/messages.json", wrap="message")
    async def create(
        self,
        case_id: int,
        *,
        content: str | None = None,
        content_html: str | None = None,
        staff_id: int | None = None,
        user_id: int | None = None,
        created_at: TimeInput | None = None,
        do_not_send_email: bool | None = None,
        attachments: Sequence[FileInput] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Message:
        """Add a reply from a staff member (default: the API user) or from a user.

        ``user_id`` makes it a user's reply (``staff_id`` is then ignored);
        ``do_not_send_email`` (Email channel only) skips the email to the customer;
        ``created_at`` back-dates an imported message. ``attachments`` are sent as
        ``multipart/form-data`` (``message[attachments][0]``...).
        """
        need_one("cases.messages.create", content=content, content_html=content_html)
        body = drop_none(
            content=content,
            content_html=content_html,
            created_at=time_value("created_at", created_at),
            staff_id=opt_id("staff_id", staff_id),
            user_id=opt_id("user_id", user_id),
            do_not_send_email=do_not_send_email,
        )
        return await self._call(
            self.create,
            path=id_path(case_id=case_id),
            body=body,
            files=_files(attachments),
            cast_to=Message,
            options=options,
        )

    @operation("PUT", "/cases/{case_id}/messages/{message_id}.json", wrap="message")
    async def update(
        self, case_id: int, message_id: int, *, content: str, **options: Unpack[RequestOptions]
    ) -> Message:
        """Edit a message's text."""
        return await self._call(
            self.update,
            path=id_path(case_id=case_id, message_id=message_id),
            body={"content": content},
            cast_to=Message,
            options=options,
        )

    @operation("DELETE", "/cases/{case_id}/messages/{message_id}.json")
    async def delete(
        self, case_id: int, message_id: int, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete a message."""
        await self._call(
            self.delete, path=id_path(case_id=case_id, message_id=message_id), options=options
        )

    @operation("PUT", "/cases/{case_id}/rate/{message_id}.json", wrap="rate", unwrap="message")
    async def rate(
        self,
        case_id: int,
        message_id: int,
        *,
        rating: Rating,
        rating_comment: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RatedMessage:
        """Rate one message of a case for the customer (beyond the documented seed).

        ``rating`` is ``high``, ``middle`` or ``low``. Rating again replaces the
        rating, so a repeated call leaves the same state.
        """
        body = drop_none(
            rating=check_one_choice("rating", rating, Rating), rating_comment=rating_comment
        )
        return await self._call(
            self.rate,
            path=id_path(case_id=case_id, message_id=message_id),
            body=body,
            cast_to=RatedMessage,
            options=options,
        )


class AsyncCaseNotes(AsyncAPIResource):
    """Private notes of a case."""

    @operation(
        "POST",
        "/cases/{case_id}/note.json",
        wrap="message",
        hints=OmnideskHints(multipart_wrap="note"),
    )
    async def create(
        self,
        case_id: int,
        *,
        content: str | None = None,
        content_html: str | None = None,
        note_staff_id: int | None = None,
        note_group_id: int | None = None,
        created_at: TimeInput | None = None,
        attachments: Sequence[FileInput] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Message:
        """Add a note; mention a staff member with ``@s[staff_id]``, a group with ``@g[group_id]``.

        ``note_staff_id`` / ``note_group_id`` restrict who sees it (the group wins;
        neither: all staff). ``attachments`` are sent as ``multipart/form-data``
        (``note[attachments][0]``..., as documented for notes with files).
        """
        need_one("cases.notes.create", content=content, content_html=content_html)
        body = drop_none(
            content=content,
            content_html=content_html,
            created_at=time_value("created_at", created_at),
            note_staff_id=opt_id("note_staff_id", note_staff_id),
            note_group_id=opt_id("note_group_id", note_group_id),
        )
        return await self._call(
            self.create,
            path=id_path(case_id=case_id),
            body=body,
            files=_files(attachments),
            cast_to=Message,
            options=options,
        )

    @operation("PUT", "/cases/{case_id}/note/{message_id}.json", wrap="message")
    async def update(
        self, case_id: int, message_id: int, *, content: str, **options: Unpack[RequestOptions]
    ) -> Message:
        """Edit a note's text."""
        return await self._call(
            self.update,
            path=id_path(case_id=case_id, message_id=message_id),
            body={"content": content},
            cast_to=Message,
            options=options,
        )

    @operation("DELETE", "/cases/{case_id}/note/{message_id}.json")
    async def delete(
        self, case_id: int, message_id: int, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete a note."""
        await self._call(
            self.delete, path=id_path(case_id=case_id, message_id=message_id), options=options
        )


class AsyncCaseIdeas(AsyncAPIResource):
    """Idea data of a case in the ``idea`` channel, and its official response."""

    @operation("PUT", "/cases/{case_id}/idea.json", wrap="message", unwrap="case")
    async def update(
        self,
        case_id: int,
        *,
        content: str | None = None,
        category_id: int | None = None,
        stage: IdeaStage | None = None,
        **options: Unpack[RequestOptions],
    ) -> Case:
        """Edit an idea: its text, ideas category or implementation ``stage``."""
        body = drop_none(
            content=content,
            category_id=opt_id("category_id", category_id),
            stage=check_choice("stage", stage, IdeaStage),
        )
        need_some(body, "cases.idea.update")
        return await self._call(
            self.update, path=id_path(case_id=case_id), body=body, cast_to=Case, options=options
        )

    @operation("PUT", "/cases/{case_id}/idea_official_response.json", wrap="message", unwrap="case")
    async def set_official_response(
        self, case_id: int, *, content: str, **options: Unpack[RequestOptions]
    ) -> Case:
        """Add or edit the official response to an idea."""
        return await self._call(
            self.set_official_response,
            path=id_path(case_id=case_id),
            body={"content": content},
            cast_to=Case,
            options=options,
        )

    @operation("DELETE", "/cases/{case_id}/idea_official_response.json")
    async def delete_official_response(
        self, case_id: int, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete the official response to an idea."""
        await self._call(
            self.delete_official_response, path=id_path(case_id=case_id), options=options
        )


class AsyncCases(AsyncAPIResource):
    """Cases (support tickets)."""

    @cached_property
    def messages(self) -> AsyncCaseMessages:
        """Messages (replies) of a case."""
        return AsyncCaseMessages(self._client)

    @cached_property
    def notes(self) -> AsyncCaseNotes:
        """Private notes of a case."""
        return AsyncCaseNotes(self._client)

    @cached_property
    def idea(self) -> AsyncCaseIdeas:
        """Idea data of a case and its official response."""
        return AsyncCaseIdeas(self._client)

    @operation("POST", "/cases.json", wrap="case")
    async def create(
        self,
        *,
        subject: str,
        content: str | None = None,
        content_html: str | None = None,
        user_email: str | None = None,
        user_phone: str | None = None,
        user_whatsapp_phone: str | None = None,
        user_telegram_data: str | None = None,
        user_custom_id: str | None = None,
        user_full_name: str | None = None,
        user_company_name: str | None = None,
        initiator_id: int | None = None,
        staff_id: int | None = None,
        group_id: int | None = None,
        cc_emails: Sequence[str] | None = None,
        bcc_emails: Sequence[str] | None = None,
        created_at: TimeInput | None = None,
        status: CaseStatus | None = None,
        priority: CasePriority | None = None,
        language_id: int | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        labels: Sequence[int] | None = None,
        channel: str | None = None,
        case_email_id: int | None = None,
        attachments: Sequence[FileInput] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Case:
        """Create a case.

        The user is identified by one of ``user_email``, ``user_phone``,
        ``user_whatsapp_phone``, ``user_telegram_data`` (username or phone) or, for a
        custom ``channel`` (``cch101``), ``user_custom_id``. One of ``content`` and
        ``content_html`` (which wins) is required. ``initiator_id`` creates the case
        on behalf of a staff member (the user gets an email); ``case_email_id`` picks
        the mailbox to reply from (``-1``: send no email); ``created_at`` back-dates an
        imported case (incoming rules are then skipped). ``cc_emails`` and
        ``bcc_emails`` take at most 30 addresses each. ``custom_fields`` maps field ids
        (``cf_25``) to values. ``attachments`` are sent as ``multipart/form-data``
        (``case[attachments][0]``, ``case[custom_fields][cf_44]``...).
        """
        user = user_fields(
            "cases.create",
            user_email=user_email,
            user_phone=user_phone,
            user_whatsapp_phone=user_whatsapp_phone,
            user_telegram_data=user_telegram_data,
            user_custom_id=user_custom_id,
            user_full_name=user_full_name,
            user_company_name=user_company_name,
        )
        need_one("cases.create", content=content, content_html=content_html)
        if case_email_id is not None and case_email_id != -1:
            check_id("case_email_id", case_email_id)
        body = drop_none(
            **user,
            initiator_id=opt_id("initiator_id", initiator_id),
            staff_id=opt_id("staff_id", staff_id),
            cc_emails=check_max_items("cc_emails", cc_emails, _MAX_CC),
            bcc_emails=check_max_items("bcc_emails", bcc_emails, _MAX_CC),
            subject=subject,
            content=content,
            content_html=content_html,
            created_at=time_value("created_at", created_at),
            group_id=opt_id("group_id", group_id),
            status=check_choice("status", status, CaseStatus),
            priority=check_choice("priority", priority, CasePriority),
            language_id=opt_id("language_id", language_id),
            custom_fields=None if custom_fields is None else dict(custom_fields),
            labels=opt_ids("labels", labels),
            channel=channel,
            case_email_id=case_email_id,
        )
        return await self._call(
            self.create, body=body, files=_files(attachments), cast_to=Case, options=options
        )

    @operation("GET", "/cases.json", paged=True, hints=OmnideskHints(entity="case"))
    def list(
        self,
        *,
        page: int | None = None,
        limit: int | None = None,
        user_id: int | Sequence[int] | None = None,
        user_email: str | Sequence[str] | None = None,
        user_phone: str | Sequence[str] | None = None,
        subject: str | None = None,
        staff_id: int | Sequence[int] | None = None,
        group_id: int | Sequence[int] | None = None,
        channel: str | Sequence[str] | None = None,
        priority: CasePriority | Sequence[CasePriority] | None = None,
        status: CaseStatus | Sequence[CaseStatus] | None = None,
        filter: str | int | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        labels: Sequence[int] | None = None,
        show_merged_cases: bool | None = None,
        show_active_chats: bool | None = None,
        sort: CaseSort | None = None,
        from_time: TimeInput | None = None,
        to_time: TimeInput | None = None,
        from_updated_time: TimeInput | None = None,
        to_updated_time: TimeInput | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Case]:
        """List cases; iterating follows pages lazily (``limit`` 1..100, default 100).

        ``user_email``, ``user_phone`` and ``subject`` are substring searches (at
        least 4 characters); anchor them with ``^``: ``^text^`` matches exactly,
        ``^text`` matches the start, ``text^`` the end. ``staff_id=0`` lists cases
        without an assignee. ``custom_fields`` filters by case or user field id
        (``{"cf_25": "data"}`` or ``{"cf_25": ["a", "b"]}``). Times take a date
        string, a Unix timestamp or an aware datetime.
        """
        params = drop_none(
            page=page,
            limit=limit,
            user_id=check_ids_or_one("user_id", user_id),
            user_email=check_search("user_email", user_email, 4),
            user_phone=check_search("user_phone", user_phone, 4),
            subject=check_search("subject", subject, 4),
            staff_id=check_ids_or_one("staff_id", staff_id, allow_zero=True),
            group_id=check_ids_or_one("group_id", group_id),
            channel=channel if channel is None or isinstance(channel, str) else list(channel),
            priority=check_choice("priority", priority, CasePriority),
            filter=filter,
            status=check_choice("status", status, CaseStatus),
            custom_fields=None if custom_fields is None else dict(custom_fields),
            labels=opt_ids("labels", labels),
            show_merged_cases=show_merged_cases,
            show_active_chats=show_active_chats,
            sort=check_choice("sort", sort, CaseSort),
            from_time=time_value("from_time", from_time),
            to_time=time_value("to_time", to_time),
            from_updated_time=time_value("from_updated_time", from_updated_time),
            to_updated_time=time_value("to_updated_time", to_updated_time),
        )
        return self._paginate(self.list, item=Case, params=params, options=options)

    @operation("GET", "/cases/{case_id}.json", wrap="case")
    async def get(self, case_id: int, **options: Unpack[RequestOptions]) -> Case:
        """Get a case."""
        return await self._call(
            self.get, path=id_path(case_id=case_id), cast_to=Case, options=options
        )

    @operation("PUT", "/cases/{case_id}.json", wrap="case")
    async def update(
        self,
        case_id: int,
        *,
        subject: str | None = None,
        status: CaseStatus | None = None,
        priority: CasePriority | None = None,
        group_id: int | None = None,
        staff_id: int | None = None,
        language_id: int | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        add_labels: Sequence[int] | None = None,
        delete_labels: Sequence[int] | None = None,
        add_cc_emails: Sequence[str] | None = None,
        add_bcc_emails: Sequence[str] | None = None,
        remove_cc_emails: Sequence[str] | None = None,
        remove_bcc_emails: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Case:
        """Change a case (the group and staff member must exist and be active).

        ``add_cc_emails`` and ``add_bcc_emails`` take at most 30 addresses each.
        """
        body = _case_changes(
            subject=subject,
            status=status,
            priority=priority,
            group_id=group_id,
            staff_id=staff_id,
            language_id=language_id,
            custom_fields=custom_fields,
            add_labels=add_labels,
            delete_labels=delete_labels,
            add_cc_emails=add_cc_emails,
            add_bcc_emails=add_bcc_emails,
            remove_cc_emails=remove_cc_emails,
            remove_bcc_emails=remove_bcc_emails,
        )
        return await self._call(
            self.update, path=id_path(case_id=case_id), body=body, cast_to=Case, options=options
        )

    @operation("PUT", "/cases/{case_id}.json", wrap="case", hints=OmnideskHints(bulk=True))
    async def bulk_update(
        self,
        case_ids: Sequence[int],
        *,
        subject: str | None = None,
        status: CaseStatus | None = None,
        priority: CasePriority | None = None,
        group_id: int | None = None,
        staff_id: int | None = None,
        language_id: int | None = None,
        custom_fields: Mapping[str, Any] | None = None,
        add_labels: Sequence[int] | None = None,
        delete_labels: Sequence[int] | None = None,
        add_cc_emails: Sequence[str] | None = None,
        add_bcc_emails: Sequence[str] | None = None,
        remove_cc_emails: Sequence[str] | None = None,
        remove_bcc_emails: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> CaseBulkResult:
        """Change several cases at once (``/cases/1,2,3.json``); returns the ids changed."""
        body = _case_changes(
            subject=subject,
            status=status,
            priority=priority,
            group_id=group_id,
            staff_id=staff_id,
            language_id=language_id,
            custom_fields=custom_fields,
            add_labels=add_labels,
            delete_labels=delete_labels,
            add_cc_emails=add_cc_emails,
            add_bcc_emails=add_bcc_emails,
            remove_cc_emails=remove_cc_emails,
            remove_bcc_emails=remove_bcc_emails,
        )
        return await self._call(
            self.bulk_update,
            path={"case_id": _joined(case_ids)},
            body=body,
            cast_to=CaseBulkResult,
            options=options,
        )

    @operation("PUT", "/cases/{case_id}/trash.json", wrap="case")
    async def trash(self, case_id: int, **options: Unpack[RequestOptions]) -> Case:
        """Move a case to the trash."""
        return await self._call(
            self.trash, path=id_path(case_id=case_id), cast_to=Case, options=options
        )

    @operation("PUT", "/cases/{case_id}/trash.json", wrap="case", hints=OmnideskHints(bulk=True))
    async def bulk_trash(
        self, case_ids: Sequence[int], **options: Unpack[RequestOptions]
    ) -> CaseBulkResult:
        """Move several cases to the trash; returns the ids moved."""
        return await self._call(
            self.bulk_trash,
            path={"case_id": _joined(case_ids)},
            cast_to=CaseBulkResult,
            options=options,
        )

    @operation("PUT", "/cases/{case_id}/spam.json", wrap="case")
    async def spam(self, case_id: int, **options: Unpack[RequestOptions]) -> Case:
        """Move a case to the Spam filter."""
        return await self._call(
            self.spam, path=id_path(case_id=case_id), cast_to=Case, options=options
        )

    @operation("PUT", "/cases/{case_id}/spam.json", wrap="case", hints=OmnideskHints(bulk=True))
    async def bulk_spam(
        self, case_ids: Sequence[int], **options: Unpack[RequestOptions]
    ) -> CaseBulkResult:
        """Move several cases to the Spam filter; returns the ids moved."""
        return await self._call(
            self.bulk_spam,
            path={"case_id": _joined(case_ids)},
            cast_to=CaseBulkResult,
            options=options,
        )

    @operation("PUT", "/cases/{case_id}/restore.json", wrap="case")
    async def restore(self, case_id: int, **options: Unpack[RequestOptions]) -> Case:
        """Restore a case from the trash or spam."""
        return await self._call(
            self.restore, path=id_path(case_id=case_id), cast_to=Case, options=options
        )

    @operation("PUT", "/cases/{case_id}/restore.json", wrap="case", hints=OmnideskHints(bulk=True))
    async def bulk_restore(
        self, case_ids: Sequence[int], **options: Unpack[RequestOptions]
    ) -> CaseBulkResult:
        """Restore several cases from the trash or spam; returns the ids restored."""
        return await self._call(
            self.bulk_restore,
            path={"case_id": _joined(case_ids)},
            cast_to=CaseBulkResult,
            options=options,
        )

    @operation("DELETE", "/cases/{case_id}.json")
    async def delete(self, case_id: int, **options: Unpack[RequestOptions]) -> None:
        """Delete a case for good (staff with full access only)."""
        await self._call(self.delete, path=id_path(case_id=case_id), options=options)

    @cached_property
    def changelog(self) -> AsyncCaseChangelog:
        """The history of a case (beyond the documented seed)."""
        return AsyncCaseChangelog(self._client)

    @operation("PUT", "/cases/{case_id}/rate.json", wrap="rate", unwrap="case")
    async def rate(
        self,
        case_id: int,
        *,
        rating: Rating,
        rating_comment: str | None = None,
        rated_staff_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> RatedCase:
        """Rate a case for the customer (beyond the documented seed).

        ``rating`` is ``high``, ``middle`` or ``low``; ``rated_staff_id`` names the
        staff member the rating is for. Rating again replaces the rating, so a
        repeated call leaves the same state.
        """
        body = drop_none(
            rating=check_one_choice("rating", rating, Rating),
            rating_comment=rating_comment,
            rated_staff_id=opt_id("rated_staff_id", rated_staff_id),
        )
        return await self._call(
            self.rate, path=id_path(case_id=case_id), body=body, cast_to=RatedCase, options=options
        )


def _joined(case_ids: Sequence[int]) -> str:
    return ",".join(str(i) for i in check_ids("case_ids", case_ids))
