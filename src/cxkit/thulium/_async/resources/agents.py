"""Agents, agent actions, statuses, groups and the work report (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    Created,
    check_choice,
    check_text,
    created,
    drop_none,
    need_one,
    operation,
    opt_id,
)
from ..._checks import (
    DateInput,
    check_login,
    check_outbound_id,
    check_texts_or_ids,
    required,
    thulium_date,
)
from ..._dialect import ThuliumHints
from ...types.agents import (
    Agent,
    AgentGroup,
    AgentStatus,
    Aggregation,
    LastQueueCall,
    OutboundMode,
    WorkReportRow,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = [
    "AsyncAgentCurrentStatus",
    "AsyncAgentGroups",
    "AsyncAgentLastQueueCall",
    "AsyncAgentStatuses",
    "AsyncAgentWorkReport",
    "AsyncAgents",
]

_Language = Literal["pl", "en"]


class AsyncAgents(AsyncAPIResource):
    """Agents, and actions on an agent's phone and status."""

    @operation("GET", "/agents")
    async def list(self, **options: Unpack[RequestOptions]) -> list[Agent]:
        """List the agents (one answer, not paged)."""
        return await self._call(self.list, cast_to=list[Agent], options=options)

    @operation("GET", "/agents/{login}")
    async def get(self, login: str, **options: Unpack[RequestOptions]) -> Agent:
        """Get an agent by login."""
        return await self._call(
            self.get, path={"login": check_login("login", login)}, cast_to=Agent, options=options
        )

    @cached_property
    def status(self) -> AsyncAgentCurrentStatus:
        """An agent's current status."""
        return AsyncAgentCurrentStatus(self._client)

    @cached_property
    def last_queue_call(self) -> AsyncAgentLastQueueCall:
        """An agent's last queue call."""
        return AsyncAgentLastQueueCall(self._client)

    @operation("POST", "/agents")
    async def create(
        self,
        *,
        name: str,
        surname: str,
        login: str,
        password: str,
        number: str,
        email: str | None = None,
        change_password: bool | None = None,
        callerid: str | None = None,
        language: _Language | None = None,
        active: bool | None = None,
        outbound_mode: OutboundMode | None = None,
        roles: Sequence[int] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Created[int]:
        """Add an agent.

        ``change_password`` (default true) forces a new password at first login;
        ``callerid`` defaults to ``J.Kowalski`` style; ``language`` is the panel's
        language (``pl`` or ``en``, default ``pl``); ``roles`` are role ids.
        """
        body = drop_none(
            name=name,
            surname=surname,
            login=check_login("login", login),
            email=email,
            password=password,
            number=number,
            change_password=change_password,
            callerid=callerid,
            language=check_choice("language", language, _Language),
            active=active,
            outbound_mode=check_choice("outbound_mode", outbound_mode, OutboundMode),
            roles=check_texts_or_ids("roles", roles),
        )
        return await self._call(
            self.create, body=body, cast_to=created(int, "agent_id"), options=options
        )

    async def _action(self, endpoint: Any, login: str, options: Mapping[str, Any]) -> None:
        await self._call(endpoint, path={"login": check_login("login", login)}, options=options)

    @operation("POST", "/agents/{login}/answer")
    async def answer(self, login: str, **options: Unpack[RequestOptions]) -> None:
        """Answer the agent's ringing phone (Thulium Softphone only)."""
        await self._action(self.answer, login, options)

    @operation("POST", "/agents/{login}/call")
    async def call(
        self,
        login: str,
        *,
        phone_number: str | None = None,
        outbound_id: str | None = None,
        customer_id: int | None = None,
        caller_id: str | None = None,
        custom_data: str | Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Call a number for the agent, reported in a (simplified) campaign.

        ``phone_number`` may be left out when ``customer_id`` is given (the
        customer's main number is called); with both, the number must belong to
        the customer. ``outbound_id`` picks the campaign (else the agent's
        assignment decides), ``caller_id`` the presented number, and
        ``custom_data`` (text or JSON) is passed on in webhooks.
        """
        need_one("agents.call", phone_number=phone_number, customer_id=customer_id)
        body = drop_none(
            phone_number=None if phone_number is None else check_text("phone_number", phone_number),
            outbound_id=None
            if outbound_id is None
            else check_outbound_id("outbound_id", outbound_id),
            customer_id=opt_id("customer_id", customer_id),
            caller_id=caller_id,
            custom_data=dict(custom_data) if isinstance(custom_data, Mapping) else custom_data,
        )
        await self._call(
            self.call, path={"login": check_login("login", login)}, body=body, options=options
        )

    @operation("POST", "/agents/{login}/call_preview")
    async def call_preview(self, login: str, **options: Unpack[RequestOptions]) -> None:
        """Dial the record shown to the agent in a preview campaign."""
        await self._action(self.call_preview, login, options)

    @operation("POST", "/agents/{login}/free")
    async def free(self, login: str, **options: Unpack[RequestOptions]) -> None:
        """End the agent's pause (set the agent free)."""
        await self._action(self.free, login, options)

    @operation("POST", "/agents/{login}/hangup")
    async def hangup(self, login: str, **options: Unpack[RequestOptions]) -> None:
        """Hang up the agent's calls."""
        await self._action(self.hangup, login, options)

    @operation("POST", "/agents/{login}/hold")
    async def hold(self, login: str, **options: Unpack[RequestOptions]) -> None:
        """Put the agent's call on hold (Thulium Softphone only)."""
        await self._action(self.hold, login, options)

    @operation("POST", "/agents/{login}/login")
    async def login(self, login: str, **options: Unpack[RequestOptions]) -> None:
        """Log the agent in."""
        await self._action(self.login, login, options)

    @operation("POST", "/agents/{login}/logout")
    async def logout(self, login: str, **options: Unpack[RequestOptions]) -> None:
        """Log the agent out."""
        await self._action(self.logout, login, options)

    @operation("POST", "/agents/{login}/mute")
    async def mute(self, login: str, **options: Unpack[RequestOptions]) -> None:
        """Mute the agent's phone (Thulium Softphone only)."""
        await self._action(self.mute, login, options)

    @operation("POST", "/agents/{login}/pause")
    async def pause(
        self, login: str, *, pause_id: int | str, **options: Unpack[RequestOptions]
    ) -> None:
        """Pause the agent with pause ``pause_id`` (sent as given: the docs send ``"1"``)."""
        if isinstance(pause_id, bool) or not isinstance(pause_id, (int, str)):
            raise TypeError("pause_id must be an integer (or its text)")
        if isinstance(pause_id, str) and not pause_id.strip().isdigit():
            raise ValueError(f"pause_id must be a pause id such as 1, got {pause_id!r}")
        await self._call(
            self.pause,
            path={"login": check_login("login", login)},
            body={"pause_id": pause_id},
            options=options,
        )

    @operation("POST", "/agents/{login}/stop_recording")
    async def stop_recording(self, login: str, **options: Unpack[RequestOptions]) -> None:
        """Stop recording the agent's current call."""
        await self._action(self.stop_recording, login, options)

    @operation("POST", "/agents/{login}/transfer")
    async def transfer(
        self, login: str, *, destination: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Transfer the agent's call to ``destination`` (Thulium Softphone only)."""
        await self._call(
            self.transfer,
            path={"login": check_login("login", login)},
            body={"destination": destination},
            options=options,
        )

    @operation("POST", "/agents/{login}/unhold")
    async def unhold(self, login: str, **options: Unpack[RequestOptions]) -> None:
        """Take the agent's call off hold (Thulium Softphone only)."""
        await self._action(self.unhold, login, options)

    @operation("POST", "/agents/{login}/unmute")
    async def unmute(self, login: str, **options: Unpack[RequestOptions]) -> None:
        """Unmute the agent's phone (Thulium Softphone only)."""
        await self._action(self.unmute, login, options)


class AsyncAgentCurrentStatus(AsyncAPIResource):
    """An agent's current status."""

    @operation("GET", "/agents/{login}/status")
    async def get(self, login: str, **options: Unpack[RequestOptions]) -> AgentStatus:
        """Get the agent's status (``OFF``, ``FREE``, ``PAUSED``, ``INBOUND_CALL``...)."""
        return await self._call(
            self.get,
            path={"login": check_login("login", login)},
            cast_to=AgentStatus,
            options=options,
        )


class AsyncAgentLastQueueCall(AsyncAPIResource):
    """An agent's last queue call."""

    @operation("GET", "/agents/{login}/last_queue_call")
    async def get(self, login: str, **options: Unpack[RequestOptions]) -> LastQueueCall:
        """Get the agent's last queue call (of the last 24 hours)."""
        return await self._call(
            self.get,
            path={"login": check_login("login", login)},
            cast_to=LastQueueCall,
            options=options,
        )


class AsyncAgentGroups(AsyncAPIResource):
    """Groups of agents."""

    @operation("GET", "/agents_groups")
    async def list(self, **options: Unpack[RequestOptions]) -> list[AgentGroup]:
        """List the agent groups."""
        return await self._call(self.list, cast_to=list[AgentGroup], options=options)


class AsyncAgentStatuses(AsyncAPIResource):
    """Every agent's status at once."""

    @operation("GET", "/agents_statuses")
    async def list(
        self, *, include_logged_off: bool | None = None, **options: Unpack[RequestOptions]
    ) -> list[AgentStatus]:
        """List the agents' statuses; ``include_logged_off`` adds agents who are logged off."""
        return await self._call(
            self.list,
            params=drop_none(include_logged_off=include_logged_off),
            cast_to=list[AgentStatus],
            options=options,
        )


class AsyncAgentWorkReport(AsyncAPIResource):
    """The agents' work report."""

    @operation("GET", "/agents_work_report", paged=True, hints=ThuliumHints(max_limit=100))
    def list(
        self,
        *,
        date_from: DateInput,
        date_to: DateInput,
        agent_logins: Sequence[str] | None = None,
        agent_group_ids: Sequence[int] | None = None,
        aggregate_by: Aggregation | None = None,
        queues_ids: Sequence[int] | None = None,
        outbound_threshold: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[WorkReportRow]:
        """Report the agents' work between two dates, one row per agent and period.

        Give ``agent_logins`` or ``agent_group_ids`` (at least one is required).
        ``outbound_threshold`` (seconds, default 0) splits outbound calls into
        short and long ones. ``limit`` is at most 100.
        """
        need_one(
            "agents_work_report.list", agent_logins=agent_logins, agent_group_ids=agent_group_ids
        )
        zone = self._client.time_zone
        params = drop_none(
            limit=limit,
            offset=offset,
            agent_logins=check_texts_or_ids("agent_logins", agent_logins),
            agent_group_ids=check_texts_or_ids("agent_group_ids", agent_group_ids),
            date_from=thulium_date("date_from", required("date_from", date_from), zone),
            date_to=thulium_date("date_to", required("date_to", date_to), zone),
            aggregate_by=check_choice("aggregate_by", aggregate_by, Aggregation),
            queues_ids=check_texts_or_ids("queues_ids", queues_ids),
            outbound_threshold=outbound_threshold,
        )
        return self._paginate(self.list, item=WorkReportRow, params=params, options=options)
