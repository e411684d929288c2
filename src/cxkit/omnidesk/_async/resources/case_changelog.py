"""The history of a case (async source; the sync twin is generated).

Beyond the documented seed: the endpoint is not in the official documentation.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, drop_none, operation
from ..._checks import check_flag, id_path
from ..._dialect import OmnideskHints
from ...types.changelog import ChangelogEntry

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncCaseChangelog"]


class AsyncCaseChangelog(AsyncAPIResource):
    """The history of a case: who changed what, and when."""

    @operation(
        "GET",
        "/cases/{case_id}/changelog.json",
        listing=True,
        hints=OmnideskHints(entity="changelog"),
    )
    async def list(
        self,
        case_id: int,
        *,
        staff: bool | None = None,
        status: bool | None = None,
        show_chat_activation: bool | None = None,
        fixed_chat_staff: bool | None = None,
        show_chat_completion: bool | None = None,
        subject: bool | None = None,
        group: bool | None = None,
        priority: bool | None = None,
        custom_fields: bool | None = None,
        labels: bool | None = None,
        rules: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ChangelogEntry]:
        """List the changes made to a case (beyond the documented seed).

        The flags choose which kinds of change are listed (assignee ``staff``,
        ``status``, ``subject``, ``group``, ``priority``, ``custom_fields``,
        ``labels``, ``rules`` applied, chat activation and completion, and
        ``fixed_chat_staff``); each is sent as ``true``/``false`` only when given.
        """
        params = drop_none(
            staff=check_flag("staff", staff),
            status=check_flag("status", status),
            show_chat_activation=check_flag("show_chat_activation", show_chat_activation),
            fixed_chat_staff=check_flag("fixed_chat_staff", fixed_chat_staff),
            show_chat_completion=check_flag("show_chat_completion", show_chat_completion),
            subject=check_flag("subject", subject),
            group=check_flag("group", group),
            priority=check_flag("priority", priority),
            custom_fields=check_flag("custom_fields", custom_fields),
            labels=check_flag("labels", labels),
            rules=check_flag("rules", rules),
        )
        return await self._call(
            self.list,
            path=id_path(case_id=case_id),
            params=params,
            cast_to=builtins.list[ChangelogEntry],
            options=options,
        )
