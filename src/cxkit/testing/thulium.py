"""``FakeThulium``: an in-memory, stateful Thulium server for offline tests.

```python
from cxkit.testing.thulium import FakeThulium
from cxkit.thulium.webhooks import parse_event

fake = FakeThulium()
th = fake.client()                       # a Thulium wired to the fake (async_client() for AsyncThulium)
created = th.customers.create(surname="Kowalski", phone_number="523993855")
ticket = th.tickets.create(to="bok@acme.example", subject="Printer on fire", body="Help",
                           customer_id=created.customer_id)
events = [parse_event(e) for e in fake.events]  # CUSTOMER_CREATED, TICKET_CREATED
fake.inject(status=503)                  # faults are inherited from FakeServer
```

The wire format, what it models and what it answers 404 for are in the guide
(``docs/thulium.md``, "Testing with FakeThulium"). Its stores are public for
assertions: ``agents`` (by login), ``customers``, ``companies``, ``tickets`` (by
id), ``notes``, ``feed_records``, ``ticket_messages`` (by ticket id),
``outbounds`` and ``removed_outbounds`` (by campaign id), and ``events`` (the
webhook payloads :func:`cxkit.thulium.webhooks.parse_event` reads).
"""

from __future__ import annotations

import copy
import functools
import hashlib
from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import httpx

from ..thulium import AsyncThulium, Thulium
from ._clock import FakeClock
from ._listing import forget, members, multi_status, one, ordered, public, truthy, view, window
from ._options import FakeClientOptions
from ._rules import Field, Rules, Wording, apply, blank, checked, read, refuse
from ._server import FakeRequest, FakeServer, Record, Refused, Resource, basic_auth, rest, route

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["FakeThulium", "ThuliumFakeOptions"]

SAYS = Wording(
    unknown="Unknown field: {name}",
    invalid={
        "phone": "Phone number must be numeric",
        "email": "Wrong format of e-mail address",
        "datetime": "{name} must look like YYYY-MM-DD hh:mm",
    },
    end=".",
)
"""Thulium's wording of request problems (it reports every one, one entry each)."""

_any = functools.partial(Field.each, kind="any")


def _ref(kind: str, ref: str, missing: str, **options: Any) -> Field:
    return Field(kind, ref=ref, missing=f"{missing} not found.", **options)


# -- the request bodies, declared ----------------------------------------------------

_AGENT = {"email": "", "active": True, "outbound_mode": "manual", "_status": "OFF"}
_ADDRESSES = ("address", "invoice_address", "mail_drop_address")
_ADDRESS = _any(*("street", "building", "flat", "postcode", "city", "post_office", "borough"))
_ADDRESS.update(_any("county", "voivodship", "country"))
_CONTACT: Rules = {
    "phone_number": Field("phone", many=True, plural="phone_numbers"),
    "email": Field("email", many=True, plural="emails"),
    **_any("nip", "type", "group", "identifier", "note", "account_manager", "vip"),
    **_any("fill_read_only_custom_fields", store=False),
    "custom_fields": Field("object", merge=True),
    **dict.fromkeys(_ADDRESSES, Field("object", merge=True, fields=_ADDRESS)),
}
CUSTOMER_RULES: Rules = {
    "surname": Field("any", required=True, label="Surname"),
    **_CONTACT,
    **_any("name", "gender", "homepage", "birthdate", "pesel", "job", "job_title"),
    "company_id": _ref("int", "companies", "Company"),
}
COMPANY_RULES: Rules = {"name": Field("any", required=True, label="Company name"), **_CONTACT}
AGENT_RULES: Rules = {
    **_any("name", "surname", "login", "number", required=True),
    "password": Field("any", required=True, store=False),
    **_any("change_password", "callerid", "language", "roles", store=False),
    **_any("email", "active", "outbound_mode", keep=True),
}
_USER = _ref("text", "agents", "User", keep=True)
_BODY_TYPE = Field("enum", allowed=("HTML", "PLAIN"))
_TOKENS = Field("list", items="text", store=False)
TICKET_CHANGE_RULES: Rules = {
    "user_login": _USER,
    **_any("status_id", "substatus_id", store=False),
    "category_id": _ref("int", "ticket_categories:category_id", "Ticket category", keep=True),
    "tags": Field("list", items="text", keep=True),
    "ticket_queue_id": _ref("int", "ticket_queues:ticket_queue_id", "Ticket queue", store=False),
    "custom_fields": Field("object", merge=True),
}
TICKET_RULES: Rules = {
    **{name: Field(required=True) for name in ("to", "subject")},
    "body": Field(required=True, store=False),
    "from": Field(),
    **_any("comment", store=False),
    "cc": Field("list", keep=True),
    "body_type": _BODY_TYPE,
    "attachments": _TOKENS,
    "source": Field("enum", allowed=("email", "phone", "sms", "chat", "www"), keep=True),
    "direction": Field("enum", allowed=("in_behalf_of", "out"), keep=True),
    "customer_id": _ref("int", "customers", "Customer", keep=True),
    **TICKET_CHANGE_RULES,
}
_REQUIRED = Field(required=True)
_MAIL: Rules = {"body": _REQUIRED, "body_type": _BODY_TYPE, "date": Field("any")}
_REPLY = {
    **_MAIL,
    "user_login": _ref("text", "agents", "User", required=True),
    "attachments": _TOKENS,
}
_MESSAGES: Mapping[str, tuple[str, str, Rules]] = {
    "comment": ("COMMENT", "TICKET_COMMENT_CREATED", {"comment": _REQUIRED, "user_login": _USER}),
    "agent_response": ("REPLY", "TICKET_AGENT_REPLIED", _REPLY),
    "customer_response": ("MAIL", "TICKET_MESSAGE_RECEIVED", _MAIL),
}
"""Ticket messages by route: their type, the event they send, their body."""

_DIALERS = ("predictive", "progressive", "preview")
_PARAMETERS = _any("caller_id", "preview_timeout", "predictive_max_calls", "predictive_min_calls")
_OUTBOUND_ID = Field("pattern", pattern=r"^\d{5}$", message="Outbound id must be five digits.")
_CAMPAIGN: Rules = {
    "name": Field("any", required=True),
    "dialer": Field("enum", allowed=_DIALERS),
    "active": Field("bool"),
    **dict.fromkeys(("start_date", "end_date"), Field("date")),
    **dict.fromkeys(("order", "parity", "group_id"), Field("int", keep=True)),
    "parameters": Field("object", merge=True, fields=_PARAMETERS),
}
_NEW_CAMPAIGN: Rules = {
    "id": _OUTBOUND_ID,
    **_CAMPAIGN,
    "dialer": Field("enum", required=True, allowed=_DIALERS),
    "crm": Field("bool", required=True),
}
_CLONE_RULES: Rules = {
    "new_id": _OUTBOUND_ID,
    **{k: _CAMPAIGN[k] for k in ("name", "start_date", "end_date", "parameters")},
}
_CRM_RECORD: Rules = {
    **_any("status_id", store=False),
    **_any("dictionary_status_id"),
    "agent_login": _ref("text", "agents", "Agent", store=False),
    "next_call_date": Field("datetime", pattern=r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"),
    "order": Field("int", keep=True),
}
_RECORD: Rules = {
    **_CRM_RECORD,
    "phone_number": Field("phone", required=True),
    "identifier": Field("any"),
    "record_fields": Field("object", merge=True),
}
_FEED: Rules = {
    "type": Field("enum", required=True, allowed=("ZOWIE",), message="type must be ZOWIE"),
    "payload": Field("text", required=True),
}
_PAUSE: Rules = {"pause_id": Field("int", required=True)}
_MOVES = {
    "login": (("OFF",), "FREE", "AGENT_LOGGED_IN"),
    "logout": (("FREE", "PAUSED"), "OFF", "AGENT_LOGGED_OUT"),
    "pause": (("FREE", "PAUSED"), "PAUSED", "AGENT_STATUS_CHANGED"),
    "free": (("PAUSED",), "FREE", "AGENT_STATUS_CHANGED"),
}
"""An agent's moves: the statuses each applies in, the status it gives, its event."""

_SPANS = {"close_time": "closed_at", "first_agent_response_time": "first_agent_responded_at"}
# Answer fields, in the order the documented answers list them.
_CUSTOMER_KEYS = (
    *("customer_id", "name", "surname", "phone_number", "phone_numbers", "email", "emails"),
    *("company_id", "identifier", "type", "group", "company_flag", "birthdate", "gender"),
    *("homepage", "nip", "account_manager", "updated_at"),
)
_COMPANY_KEYS = (
    *("name", "company_id", "customer_id", "identifier", "phone_number", "phone_numbers"),
    *("email", "emails", "type", "group", "nip", "account_manager"),
)
_RECORD_KEYS = (
    *("record_id", "phone_number", "system_status", "status", "status_id", "call_date"),
    *("create_date", "next_call_date", "agent_name", "agent_login"),
)

_STATUSES = {
    **{"TO_CALL": ("New", None), "IN_PROGRESS": ("In progress", None)},
    **{"CALL": ("Contact needed", 2), "NO_CALL": ("Not interested", None)},
    **{"MY_RECORD": ("My record", None), "CALL_NO_SOONER_THAN": ("Call later", None)},
    "ABANDONED_AFTER_N_TRIES": ("Abandoned", None),
}
"""The statuses each new campaign gets: name and dictionary status by system status."""


class ThuliumFakeOptions(FakeClientOptions, total=False):
    """Options of :meth:`FakeThulium.client`: the client's but the pool and ``clock``;
    ``username`` and ``password`` default to the fake's API user."""

    username: str
    password: str
    language: str | None
    time_zone: str | tzinfo


class FakeThulium(FakeServer):
    """A stateful fake of the Thulium REST API (CRM, tickets, campaigns, agents)."""

    vendor = "thulium"
    base_url = "https://acme.thulium.com/api"

    def __init__(
        self,
        *,
        username: str = "api_user",
        password: str = "api_pass",
        time_zone: str = "Europe/Warsaw",
        clock: FakeClock | None = None,
    ) -> None:
        super().__init__(clock=clock)
        self.username, self.password, self.zone = username, password, ZoneInfo(time_zone)
        self.agents: dict[str, Record] = {}
        self.customers: dict[int, Record] = {}
        self.companies: dict[int, Record] = {}
        self.notes: list[Record] = []
        self.feed_records: list[Record] = []
        self.tickets: dict[int, Record] = {}
        self.ticket_messages: dict[int, list[Record]] = {}
        self.outbounds: dict[str, Record] = {}
        self.removed_outbounds: dict[str, Record] = {}
        self.ticket_queues: list[Record] = [
            {"ticket_queue_id": i, "name": name, "email": f"{name.lower()}@acme.example"}
            for i, name in enumerate(("BOK", "Reklamacje"), start=1)
        ]
        waiting = {2: [{"substatus_id": 1, "name": "Waiting for the customer"}]}
        self.ticket_statuses: list[Record] = [
            {"status_id": i, "name": name, "substatuses": waiting.get(i, [])}
            for i, name in enumerate(("New", "Open", "Closed"), start=1)
        ]
        self.ticket_categories: list[Record] = [
            {"category_id": i, "name": name} for i, name in enumerate(("Question", "Complaint"), 1)
        ]
        self.closed_status_id = 3
        self.events: list[Record] = []
        self._requests = 0
        seed = {"name": "Jan", "surname": "Kowalski", "email": "jan.kowalski@example.org"}
        self._new_agent(login="jkowalski", number="559933", **seed)

    def _credentials(self) -> dict[str, Any]:
        return {"username": self.username, "password": self.password, "time_zone": self.zone}

    def client(self, **options: Unpack[ThuliumFakeOptions]) -> Thulium:
        """A :class:`~cxkit.thulium.Thulium` client served by this fake (options override)."""
        return self.connect(Thulium, options, **self._credentials())

    def async_client(self, **options: Unpack[ThuliumFakeOptions]) -> AsyncThulium:
        """An :class:`~cxkit.thulium.AsyncThulium` client served by this fake (options override)."""
        return self.connect(AsyncThulium, options, **self._credentials())

    # -- the dialect: auth, errors, dates, answers ------------------------------

    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        """HTTP Basic with the fake's API user; anything else is 401."""
        if basic_auth(request) != (self.username, self.password):
            return self.refused(Refused(401, "Authorization failed: wrong user or password."))
        return None

    def error_response(self, status: int, message: str) -> httpx.Response:
        """Unknown routes and methods: the status with the Thulium error body."""
        return self.refused(Refused(status, message))

    def refused(self, exc: Refused) -> httpx.Response:
        """The documented error body: every problem found, one entry each."""
        self._requests += 1
        digest = hashlib.sha1(f"{self._requests}:{self.clock.now()}".encode()).hexdigest()
        errors = [{"message": m, "code": exc.status} for m in exc.messages]
        return self.json({"request_id": digest[:13], "errors": errors}, status=exc.status)

    def now(self, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
        """The fake clock's time as Thulium writes it (account's zone)."""
        return datetime.fromtimestamp(self.clock.now(), tz=self.zone).strftime(fmt)

    def emit(self, action: str, **fields: Any) -> Record:
        """Record a webhook event (fields in the documented order, ``date`` now)."""
        event = {"action": action, **fields, "date": self.now()}
        self.events.append(event)
        return event

    def read_body(self, res: Resource, op: str, request: FakeRequest) -> Any:
        """The JSON object body (for a batch, its list under the ``wrapper`` name)."""
        body = _body(request)
        return body.get(res.wrapper or "") if op.startswith("batch_") else body

    def _read(self, source: FakeRequest | Record, rules: Rules, **options: Any) -> Record:
        """The values of a body (``source``'s) by ``rules``; every problem refused at once."""
        body = _body(source) if isinstance(source, FakeRequest) else source
        return checked(body, rules, SAYS, fake=self, **options)

    def filter(self, res: Resource, request: FakeRequest, items: list[Record]) -> list[Record]:
        """The declared filters, then ``order`` (``a,-b``) where ``res`` sorts."""
        items, sortable = super().filter(res, request, items), res.wire.get("sortable", ())
        order = request.arg("order") if sortable else None
        return ordered(items, order, sortable, refusal="Cannot sort by {name}.")

    def answer(self, res: Resource, op: str, request: FakeRequest, result: Any) -> httpx.Response:
        """Listings as bare arrays, or ``{"count", "result"}``, paged with ``limit`` and
        ``offset``; ``201`` with the new ids (as text); ``204`` for a change or a delete;
        ``207`` with a result per item for a batch."""
        shown = res.wire.get("view", lambda fake, record, request, op: public(record))
        if op == "create":
            return httpx.Response(201, json=_ids(res, result))
        if op in ("update", "delete"):
            return httpx.Response(204)
        if op.startswith("batch_"):
            made = op == "batch_create"
            ids = (lambda r: _ids(res, r)) if made else (lambda r: {})
            return self.json(multi_status(result, 201 if made else 204, ids), status=207)
        if op == "get":
            return self.json(shown(self, result, request, op))
        total, top = len(result), res.wire.get("limit")
        if top:
            says = f"limit must be between 1 and {top}"
            limit = Field("int", minimum=1, maximum=top, message=says)
            rules = {"limit": limit, "offset": Field("int", minimum=0)}
            paging = self._read(request.args(), rules, unknown=False)
            result = window(result, paging.get("offset") or 0, paging.get("limit") or 100)
        views = [shown(self, r, request, op) for r in result]
        return self.json({"count": total, "result": views} if res.wire.get("counted") else views)

    # -- agents -------------------------------------------------------------

    def _new_agent(self, **fields: Any) -> Record:
        agent: Record = {"agent_id": self.new_id("agent"), **_AGENT, "_last_change": self.now()}
        apply(agent, fields, AGENT_RULES, unset="")
        agent.update(number=str(agent["number"]), group_id="")
        self.agents[agent["login"]] = agent
        return agent

    def _create_agent(self, body: Record, request: FakeRequest) -> Record:
        values, problems = read(body, AGENT_RULES, SAYS)
        duplicate = body.get("login") in self.agents
        refuse(problems + ["Agent with this login already exists."] * duplicate)
        return self._new_agent(**values)

    @route("GET", "/agents/{login}/status")
    @route("GET", "/agents_statuses")
    def agent_statuses(self, request: FakeRequest) -> httpx.Response:
        """An agent's status, or the logged-in agents' (all with ``include_logged_off``)."""
        everyone = truthy(request.arg("include_logged_off", ""))
        login = request.path_params.get("login")
        agents = [self.find(AGENTS, login)] if login else self.agents.values()
        keys = ("login", "status", "pause_id", "last_change")
        found = [{k: a.get(k, a.get(f"_{k}")) for k in keys} for a in agents]
        shown = [a for a in found if everyone or a["status"] != "OFF"]
        return self.json(found[0] if login else shown)

    @route("POST", "/agents/{login}/login")
    @route("POST", "/agents/{login}/logout")
    @route("POST", "/agents/{login}/pause")
    @route("POST", "/agents/{login}/free")
    def agent_action(self, request: FakeRequest) -> httpx.Response:
        """Log an agent in or out, pause a logged-in one or free a paused one (see ``_MOVES``)."""
        agent = self.find(AGENTS, request.path_params["login"])
        when, status, event = _MOVES[_tail(request)]
        fields: Record = {}
        if event == "AGENT_STATUS_CHANGED":
            if agent["_status"] == "OFF":
                raise Refused(400, "Agent is not logged in.")
            fields = {"pause_id": None, "previous_pause_id": agent.get("_pause_id")}
        if status == "PAUSED":
            fields.update(self._read(request, _PAUSE, unknown=False))
        if agent["_status"] in when:
            agent.update(_status=status, _pause_id=fields.get("pause_id"), _last_change=self.now())
            self.emit(event, agent_login=agent["login"], **fields)
        return httpx.Response(201)

    # -- customers and companies ----------------------------------------------

    def _contact(self, record: Record, body: Record, company: bool, partial: bool = True) -> Record:
        """``record`` with a customer's or company's create or update body applied
        (all or nothing: every problem found is refused at once)."""
        rules, key = (COMPANY_RULES, "company_id") if company else (CUSTOMER_RULES, "customer_id")
        values, problems = read(body, rules, SAYS, partial=partial, fake=self)
        others = (self.companies if company else self.customers).values()
        nip = body.get("nip")
        if nip and any(r.get("nip") == nip and r[key] != record.get(key) for r in others):
            problems.append("Duplicated NIP.")
        refuse(problems)
        apply(record, values, rules, unset="")
        if partial and company and record["customer_id"] in self.customers:
            self.customers[record["customer_id"]]["name"] = record["name"]
        record.update({} if company else {"updated_at": self.now()})
        return record

    def _create_customer(self, body: Record, request: FakeRequest) -> Record:
        record: Record = {"customer_id": 0, "company_flag": False}
        self._contact(record, body, False, partial=False)
        record["customer_id"] = self.new_id("customer")
        company = record.get("company_id") or None
        self.emit("CUSTOMER_CREATED", customer_id=record["customer_id"], company_id=company)
        return record

    def _create_company(self, body: Record, request: FakeRequest) -> Record:
        """A company, and the customer card that stands for it (``company_flag``)."""
        record = self._contact({"company_id": 0}, body, True, partial=False)
        ids = {"customer_id": self.new_id("customer"), "company_id": self.new_id("company")}
        card = {"name": record["name"], "surname": "", "company_flag": True}
        self.customers[ids["customer_id"]] = {**card, **ids, "updated_at": self.now()}
        return record | ids

    def _contact_view(self, record: Record, request: FakeRequest, keys: tuple[str, ...]) -> Record:
        out = view(record, keys)
        out.update({key: [] for key in ("phone_numbers", "emails") if out.get(key) == ""})
        for key in (*_ADDRESSES, "custom_fields"):
            empty = {} if key == "custom_fields" else dict.fromkeys(_ADDRESS)
            if truthy(request.arg(f"include_{key}", "")):
                out[key] = copy.deepcopy(record.get(key) or empty)
        return out

    @route("POST", "/customers/{id}/notes")
    @route("POST", "/customers/{id}/feed_records")
    def create_customer_entry(self, request: FakeRequest) -> httpx.Response:
        """Add a note (``CUSTOMER_NOTE_SAVED``) or a contact-history entry to a customer."""
        customer = self.find(CUSTOMERS, request.path_params["id"])["customer_id"]
        if _tail(request) == "feed_records":
            entry = self._read(request, _FEED)
            self.feed_records.append({"customer_id": customer, **entry})
            return httpx.Response(201)
        note = self._read(request, {"message": _REQUIRED, "user_login": _USER})
        login, text = note.get("user_login"), note["message"]
        note = {"customer_id": customer, **note, "user_login": login, "date": self.now()}
        self.notes.append(note)
        self.emit("CUSTOMER_NOTE_SAVED", agent_login=login, customer_id=customer, content=text)
        return httpx.Response(201)

    def _drop_customer(self, record: Record, request: FakeRequest) -> None:
        gone = record["customer_id"]
        for outbound in self.outbounds.values():
            outbound["_records"] = [r for r in outbound["_records"] if r.get("customer_id") != gone]

    def _drop_company(self, record: Record, request: FakeRequest) -> None:
        """Its card goes; its customers stay, without a company."""
        self.customers.pop(record["customer_id"], None)
        forget(self.customers.values(), "company_id", record["company_id"], blank="")

    # -- tickets --------------------------------------------------------------

    def _ticket_fields(self, ticket: Record, values: Mapping[str, Any], rules: Rules) -> list[str]:
        """Apply checked fields (the queue and the status too); the status problems."""
        apply(ticket, values, rules, unset="")
        queue = one(self.ticket_queues, "ticket_queue_id", values.get("ticket_queue_id"))
        if queue:
            ticket.update(ticket_queue_id=queue["ticket_queue_id"], ticket_queue_name=queue["name"])
        if "status_id" not in values and "substatus_id" not in values:
            return []
        status_id, sub_id = values.get("status_id", ticket["status_id"]), values.get("substatus_id")
        status = one(self.ticket_statuses, "status_id", status_id)
        if status is None:
            return [f"Ticket status {status_id} does not exist."]
        sub = one(status["substatuses"], "substatus_id", sub_id)
        if sub is None and not blank(sub_id):
            return [f"Substatus {sub_id} does not belong to status {status_id}."]
        ticket["full_status_name"] = status["name"] + (f" / {sub['name']}" if sub else "")
        ticket.update(status_id=status["status_id"], substatus_id=sub and sub["substatus_id"])
        return []

    def _add_message(self, ticket: Record, kind: str, **fields: Any) -> Record:
        message: Record = {"message_id": self.new_id("ticket_message"), "user_login": None}
        message |= {"type": kind, "body": None, "comment": None, "system_comment": None}
        message |= {"created_at": self.now(), "attachments": [], **fields}
        self.ticket_messages.setdefault(ticket["ticket_id"], []).append(message)
        ticket["updated_at"] = self.now()
        return message

    def _ticket_view(self, ticket: Record, request: FakeRequest, op: str) -> Record:
        out = {k: copy.deepcopy(v) for k, v in ticket.items() if k != "custom_fields"}
        for key, stamp in _SPANS.items():
            if ticket.get(stamp):
                seconds = int((_time(ticket[stamp]) - _time(ticket["created_at"])).total_seconds())
                out[key] = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        if op == "get":
            out["messages"] = copy.deepcopy(self.ticket_messages.get(ticket["ticket_id"], []))
            if truthy(request.arg("include_custom_fields", "")):
                out["custom_fields"] = copy.deepcopy(ticket.get("custom_fields") or {})
        return out

    def _create_ticket(self, body: Record, request: FakeRequest) -> Record:
        """A ticket with its first message (``TICKET_CREATED``)."""
        values, problems = read(body, TICKET_RULES, SAYS, fake=self)
        queue = one(self.ticket_queues, "email", body.get("to")) or self.ticket_queues[0]
        first = self.ticket_statuses[0]
        ticket: Record = {
            "ticket_id": 0,
            **dict.fromkeys(("from", "to", "subject"), ""),
            **{"ticket_queue_id": queue["ticket_queue_id"], "ticket_queue_name": queue["name"]},
            **{"status_id": first["status_id"], "substatus_id": None},
            "full_status_name": first["name"],
            **dict.fromkeys(("category_id", "customer_id", "user_login")),
            **{"source": "email", "direction": "in_behalf_of", "tags": [], "cc": []},
            **{"created_at": self.now(), "updated_at": self.now()},
            **dict.fromkeys(("closed_at", "first_agent_responded_at")),
        }
        refuse(problems + self._ticket_fields(ticket, values, TICKET_RULES))
        if not ticket["from"] and ticket["customer_id"]:
            ticket["from"] = self.customers[ticket["customer_id"]].get("email") or ""
        ticket["ticket_id"] = self.new_id("ticket")
        out, login = ticket["direction"] == "out", ticket["user_login"]
        files = _attachments(values.get("attachments"))
        first = {"user_login": login if out else None, "body": body["body"], "attachments": files}
        self._add_message(ticket, "REPLY" if out else "MAIL", **first, comment=body.get("comment"))
        created = {"ticket_id": ticket["ticket_id"], "agent_login": login}
        self.emit("TICKET_CREATED", **created, direction=ticket["direction"])
        return ticket

    def _select_tickets(self, items: list[Record], request: FakeRequest) -> list[Record]:
        """Last changed first; by the customer's company and by message too."""
        company, message = request.arg("company_id"), request.arg("message_id")
        if company is not None:
            owners = {i: str(c.get("company_id") or "") for i, c in self.customers.items()}
            items = [t for t in items if owners.get(t.get("customer_id") or 0, "") == company]
        if message is not None:
            messages = self.ticket_messages.items()
            with_it = {i for i, ms in messages for m in ms if str(m["message_id"]) == message}
            items = [t for t in items if t["ticket_id"] in with_it]
        return sorted(items, key=lambda t: (t["updated_at"], t["ticket_id"]), reverse=True)

    def _update_ticket(self, ticket: Record, body: Record, request: FakeRequest) -> None:
        """``TICKET_STATUS_CHANGED``, ``TICKET_CLOSED``, ``TICKET_QUEUE_CHANGED``."""
        values, problems = read(body, TICKET_CHANGE_RULES, SAYS, partial=True, fake=self)
        work = copy.deepcopy(ticket)
        refuse(problems + self._ticket_fields(work, values, TICKET_CHANGE_RULES))
        status = view(work, ("status_id", "substatus_id"), unset=None)
        changed = status != view(ticket, status, unset=None)
        queue, moved = work["ticket_queue_id"], work["ticket_queue_id"] != ticket["ticket_queue_id"]
        ticket.update(work, updated_at=self.now())
        tid, who = ticket["ticket_id"], ticket.get("user_login")
        if changed:
            self.emit("TICKET_STATUS_CHANGED", ticket_id=tid, agent_login=who, **status)
            if ticket["status_id"] == self.closed_status_id and not ticket["closed_at"]:
                ticket["closed_at"] = self.now()
                self.emit("TICKET_CLOSED", ticket_id=tid, agent_login=who)
        if moved:
            self.emit("TICKET_QUEUE_CHANGED", ticket_id=tid, ticket_queue_id=queue, agent_login=who)

    @route("POST", "/tickets/{id}/comment")
    @route("POST", "/tickets/{id}/agent_response")
    @route("POST", "/tickets/{id}/customer_response")
    def create_ticket_message(self, request: FakeRequest) -> httpx.Response:
        """Add a comment, an agent's message or the customer's reply (see ``_MESSAGES``)."""
        kind, event, rules = _MESSAGES[_tail(request)]
        ticket = self.find(TICKETS, request.path_params["id"])
        values = self._read(request, rules)
        text, login = "comment" if kind == "COMMENT" else "body", values.get("user_login")
        fields = {text: values[text], "attachments": _attachments(values.get("attachments"))}
        fields |= {"user_login": login} if kind != "MAIL" else {}
        fields |= {"created_at": f"{values['date']}:00"} if values.get("date") else {}
        message = self._add_message(ticket, kind, **fields)
        if kind == "REPLY" and not ticket["first_agent_responded_at"]:
            ticket["first_agent_responded_at"] = message["created_at"]
        ids = {"ticket_id": ticket["ticket_id"], "message_id": message["message_id"]}
        who = view(ticket, ("ticket_queue_id",)) if kind == "MAIL" else {"agent_login": login}
        self.emit(event, **ids, **who)
        return httpx.Response(201)

    @route("DELETE", "/tickets/{id}/attachments/{token}")
    def delete_ticket_attachment(self, request: FakeRequest) -> httpx.Response:
        """Remove an attachment from the ticket's messages."""
        ticket, token = self.find(TICKETS, request.path_params["id"]), request.path_params["token"]
        for message in self.ticket_messages.get(ticket["ticket_id"], []):
            kept = [a for a in message["attachments"] if a["token"] != token]
            if len(kept) != len(message["attachments"]):
                message["attachments"] = kept
                return httpx.Response(204)
        raise Refused(404, "Attachment not found.")

    # -- outbound campaigns ----------------------------------------------------

    def _outbound(self, request: FakeRequest | None, crm: bool | None = None) -> Record:
        assert request is not None
        record = self.find(OUTBOUNDS, request.path_params["id"])
        if crm is not None and record["crm"] != crm:
            wrong = "is not a CRM outbound." if crm else "is a CRM outbound: use crm_outbounds."
            raise Refused(400, f"Outbound {wrong}")
        return record

    def _new_outbound(self, body: Record, rules: Rules, fields: Record, key: str) -> Record:
        """A campaign from ``fields`` and the checked ``body`` (a five-digit ``key``
        is its id, else a new one)."""
        values, problems = read(body, rules, SAYS)
        wanted, taken = values.pop(key, None), {**self.outbounds, **self.removed_outbounds}
        apply(fields, values, rules, unset="")
        if not blank(wanted) and wanted in taken:
            problems.append("Outbound with this id already exists.")
        refuse(problems)
        while blank(wanted) or wanted in taken:  # a new five-digit id
            wanted = f"{self.new_id('outbound_code'):05d}"
        record = {
            **{"id": wanted, "outbound_id": self.new_id("outbound"), "name": "", "crm": False},
            **{"order": 100, "parity": 50, "active": True, "dialer": "preview", "start_date": ""},
            **{"end_date": "", "group_id": "", "parameters": {}},
            **fields,
            **{"_agents": [], "_records": []},
            "_statuses": [
                {"system_status": s, "status_id": str(i), "dictionary_status_id": d, "name": n}
                for i, (s, (n, d)) in enumerate(_STATUSES.items(), start=1)
            ],
        }
        self.outbounds[record["id"]] = record
        return record

    def _remove(self, outbound_id: str) -> Record:
        """Queue a campaign for removal: it is gone from every answer at once."""
        if outbound_id in self.outbounds:
            self.removed_outbounds[outbound_id] = self.outbounds.pop(outbound_id)
            return {"http_status": 200, "id": outbound_id, "status": "REMOVAL_QUEUED"}
        gone = outbound_id in self.removed_outbounds
        code, status = (400, "ALREADY_QUEUED") if gone else (404, "NOT_EXIST")
        return {"http_status": code, "id": outbound_id, "status": status}

    @route("DELETE", "/outbounds/{id}")
    @route("DELETE", "/batch/outbounds")
    def delete_outbounds(self, request: FakeRequest) -> httpx.Response:
        """Queue a campaign for removal, or many (``id[]``: ``207`` with per-id results)."""
        if "id" in request.path_params:
            self._remove(self._outbound(request)["id"])
            return httpx.Response(204)
        if not request.query.get("id[]"):
            raise Refused(400, "id[] is required.")
        return self.json([self._remove(i) for i in request.query["id[]"]], status=207)

    @route("POST", "/outbounds/{id}/clone")
    def clone_outbound(self, request: FakeRequest) -> httpx.Response:
        """Copy a campaign (settings, agents and statuses; no records)."""
        source = self._outbound(request)
        fields = {k: v for k, v in public(source).items() if k not in ("id", "outbound_id")}
        clone = self._new_outbound(_body(request), _CLONE_RULES, fields, "new_id")
        clone.update(_agents=list(source["_agents"]), _statuses=copy.deepcopy(source["_statuses"]))
        return httpx.Response(201, json={"id": clone["id"]})

    @route("GET", "/outbounds/{id}/agents")
    @route("POST", "/outbounds/{id}/add_agents")
    @route("POST", "/outbounds/{id}/remove_agents")
    @route("POST", "/outbounds/{id}/set_agents")
    def outbound_agents(self, request: FakeRequest) -> httpx.Response:
        """A campaign's agents; add some, remove some, or set them."""
        record = self._outbound(request)
        if request.method == "GET":
            agents = [self.agents[x] for x in record["_agents"] if x in self.agents]
            keys = ("login", "number", "active", "active_in_outbound", "agent_id")
            return self.json(
                [view(a | {"active_in_outbound": bool(a["active"])}, keys) for a in agents]
            )
        logins = _body(request).get("logins")
        if not isinstance(logins, list) or not logins:
            raise Refused(400, "logins must be a non-empty list.")
        refuse(f"Agent {login} not found." for login in logins if login not in self.agents)
        how = _tail(request).split("_")[0]
        record["_agents"] = members(record["_agents"], [str(x) for x in logins], how)
        return httpx.Response(201)

    @route("GET", "/outbounds/{id}/statuses")
    @route("GET", "/outbounds/{id}/stats")
    @route("GET", "/outbounds/stats")
    def outbound_stats(self, request: FakeRequest) -> httpx.Response:
        """A campaign's record statuses or progress; every active one's (or ``id``'s)."""
        if _tail(request) == "statuses":
            return self.json(copy.deepcopy(self._outbound(request)["_statuses"]))
        if "id" in request.path_params:
            return self.json(_stats(self._outbound(request)))
        wanted = request.arg("id")
        live = [o for o in self.outbounds.values() if o["active"] and wanted in (None, o["id"])]
        return self.json([_stats(o) for o in live])

    # -- campaign records ---------------------------------------------------------

    def _record_fields(
        self, outbound: Record, values: Record, record: Record, rules: Rules
    ) -> Record:
        """``record`` with checked fields applied; the status rules refuse what breaks them."""
        phone, status_id, login = map(values.get, ("phone_number", "status_id", "agent_login"))
        taken = any(
            r["phone_number"] == phone != record.get("phone_number") for r in outbound["_records"]
        )
        problems = ["The phone number is already in this outbound."] if phone and taken else []
        status = one(outbound["_statuses"], "status_id", status_id)
        if status is None and not blank(status_id):
            problems.append(f"Status {status_id} does not exist in this outbound.")
        elif status is not None:
            _set_status(record, status)
        apply(record, values, rules, unset="")
        if "agent_login" in values:
            agent = self.agents.get(login or "")
            record.update(
                agent_login=login or "",
                agent_name=f"{agent['name']} {agent['surname']}" if agent else "",
            )
        system = record.get("system_status")
        if system == "MY_RECORD" and not record.get("agent_login"):
            problems.append("agent_login is required for status MY_RECORD.")
        if system in ("MY_RECORD", "CALL_NO_SOONER_THAN") and not record.get("next_call_date"):
            problems.append(f"next_call_date is required for status {system}.")
        refuse(problems)
        return record

    def _create_record(self, body: Record, request: FakeRequest, *, crm: bool = False) -> Record:
        """A number in a regular campaign, or a CRM customer in a CRM one."""
        outbound = self._outbound(request, crm=crm)
        customer_id = _ref("int", "customers", "Customer", required=True, store=False)
        rules = {"customer_id": customer_id, **_CRM_RECORD} if crm else _RECORD
        values = self._read(body, rules)
        made = self.now("%Y-%m-%d %H:%M")
        record = {"record_id": self.new_id("record"), "phone_number": "", "create_date": made}
        _set_status(record, outbound["_statuses"][0])
        if crm:
            customer = self.customers[values["customer_id"]]
            if any(r.get("customer_id") == customer["customer_id"] for r in outbound["_records"]):
                raise Refused(400, "The customer is already in this outbound.")
            record.update(
                customer_id=customer["customer_id"], phone_number=customer.get("phone_number") or ""
            )
        return self._record_fields(outbound, values, record, rules)

    def _save_record(self, record: Record, body: Record, request: FakeRequest) -> None:
        """Apply an update; a saved record sends ``OUTBOUND_RECORD_SAVED``."""
        outbound, key = self._outbound(request), next(iter(request.path_params.keys() - {"id"}))
        crm = key == "customer_id"
        rules = _CRM_RECORD if crm else {k: v for k, v in _RECORD.items() if k != key}
        previous, values = record["status_id"], self._read(body, rules, partial=True)
        record.update(self._record_fields(outbound, values, copy.deepcopy(record), rules))
        agent, call = record.get("agent_login") or None, record.get("next_call_date")
        saved = view(outbound, ("id", "name")) | view(record, ("record_id", "phone_number"))
        saved |= {"agent_login": agent, **view(record, ("system_status", "status_id"), unset=None)}
        saved |= {"connection_id": None, "next_call_date": f"{call}:00" if call else None}
        saved |= {"assigned_agent_login": agent, "previous_status_id": previous}
        self.emit("OUTBOUND_RECORD_SAVED", **saved)

    def _record_view(self, record: Record, request: FakeRequest, op: str) -> Record:
        crm = "customer_id" in record
        out = view(record, (*_RECORD_KEYS, "customer_id" if crm else "identifier"))
        out |= {} if crm else {"record_fields": copy.deepcopy(record.get("record_fields") or {})}
        out |= view(record, ("last_note", "order"))
        customer = self.customers.get(record.get("customer_id") or 0)
        if op == "list" and customer is not None and truthy(request.arg("include_customer", "")):
            out["customer"] = self._contact_view(customer, request, _CUSTOMER_KEYS)
        return out

    def _select_records(self, items: list[Record], request: FakeRequest) -> list[Record]:
        """Bounds on the record's dates must be dates."""
        for name in ("create_date", "call_date"):
            date = Field("date", label=name, message="{name} filters must be YYYY-MM-DD dates.")
            self._read(request.args(), {f"{name}_from": date, f"{name}_to": date}, unknown=False)
        return items

    @route("GET", "/customer_id_by_outbound_status")
    def customer_ids_by_status(self, request: FakeRequest) -> httpx.Response:
        """Ids of the customers whose records in the campaigns have the statuses."""
        outbounds = request.query.get("outbound_id[]") or []
        statuses = request.query.get("status_id[]") or []
        if not outbounds or not statuses:
            raise Refused(400, "outbound_id[] and status_id[] are required.")
        records = [r for i, o in self.outbounds.items() if i in outbounds for r in o["_records"]]
        found = {r.get("customer_id") for r in records if str(r["status_id"]) in statuses}
        return self.json({"customer_id": sorted(found - {None})})


def _ids(res: Resource, record: Record) -> Record:
    """A new record's ids (its key by default) as text (an agent's login as given)."""
    names = res.wire.get("created", (res.key,))
    pairs = names.items() if isinstance(names, Mapping) else zip(names, names, strict=True)
    return {k: record[f] if k == "agent_login" else str(record[f]) for k, f in pairs}


def _set_status(record: Record, status: Record) -> None:
    record.update(view(status, ("system_status", "dictionary_status_id"), unset=None))
    record.update(status_id=int(status["status_id"]), status=status["name"])


def _body(request: FakeRequest) -> Record:
    return request.json_object(
        "Request body is not valid JSON.", "Request body must be a JSON object."
    )


def _tail(request: FakeRequest) -> str:
    return request.raw.url.path.rsplit("/", 1)[-1]


def _time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")


def _attachments(tokens: Any) -> list[Record]:
    return [{"token": t, "filename": t, "size": 0} for t in tokens or []]


def _stats(record: Record) -> Record:
    records = record["_records"]
    done = sum(1 for r in records if r["system_status"] in ("NO_CALL", "ABANDONED_AFTER_N_TRIES"))
    percent = round(100 * done / len(records), 2) if records else 0
    return {"id": record["id"], "records_count": len(records), "completion_percent": percent}


# -- the declared resources --------------------------------------------------------


_resource = functools.partial(Resource, missing="{label} not found.")
"""A Thulium collection: a missing item is a 404 "<label> not found."."""


def _records(path: str, key: str, *ops: str, crm: bool = False, **options: Any) -> Resource:
    """A campaign's records, by ``key``: numbers, or a CRM one's customers."""
    return _resource(
        lambda fake, request: fake._outbound(request, crm=crm)["_records"],
        key,
        rest(path, *ops, item=f"/{{{key}}}"),
        "Record",
        param=key,
        filters={
            **{"status_id": "in", "system_status": "in", "custom_fields": "keys"},
            **{"create_date": "range:create_date", "call_date": "range:call_date"},
        },
        select=FakeThulium._select_records,
        new=lambda fake, body, request: fake._create_record(body, request, crm=crm),
        change=FakeThulium._save_record,
        wire={**_PAGED, "sortable": ("next_call_date",), "view": FakeThulium._record_view}
        | {"created": ("record_id",)},
        **options,
    )


def _contacts(company: bool) -> dict[str, Any]:
    """What customers and companies share: filters, checks, answers."""
    keys = _COMPANY_KEYS if company else _CUSTOMER_KEYS
    sortable: tuple[str, ...] = ("name", "nip", "company_id", "identifier")
    sortable += () if company else ("surname", "customer_id")
    return {
        "id_type": int,
        "filters": {
            **dict.fromkeys(("identifier", "nip", "type", "group"), "exact"),
            "custom_fields": "keys",
            **{"email": "has:emails", "phone_number": "has:phone_numbers"},
            **({} if company else {"company_id": "exact", "company_flag": "flag"}),
        },
        "change": lambda fake, record, body, request: fake._contact(record, body, company),
        "wire": {
            "limit": 1000,
            "sortable": sortable,
            "view": lambda fake, r, request, op: fake._contact_view(r, request, keys),
            "created": ("company_id", "customer_id") if company else ("customer_id",),
        },
    }


_PAGED = {"limit": 100, "counted": True}
_BATCH = {
    f"batch_{op}": f"{method} /batch/customers"
    for op, method in (("create", "POST"), ("update", "PUT"), ("delete", "DELETE"))
}
AGENTS = _resource(
    "agents",
    "login",
    rest("/agents", "list", "get", "create", item="/{login}"),
    "Agent",
    param="login",
    new=FakeThulium._create_agent,
    wire={"created": {"agent_id": "agent_id", "agent_login": "login"}},
)
CUSTOMERS = _resource(
    "customers",
    "customer_id",
    {**rest("/customers"), **_BATCH},
    "Customer",
    wrapper="customers",
    new=FakeThulium._create_customer,
    removed=FakeThulium._drop_customer,
    **_contacts(company=False),
)
COMPANIES = _resource(
    "companies",
    "company_id",
    rest("/companies"),
    "Company",
    new=FakeThulium._create_company,
    removed=FakeThulium._drop_company,
    **_contacts(company=True),
)
TICKETS = _resource(
    "tickets",
    "ticket_id",
    rest("/tickets"),
    "Ticket",
    id_type=int,
    filters={
        **dict.fromkeys(("customer_id", "user_login", "source", "ticket_queue_id"), "exact"),
        **{"category_id": "exact", "status_id": "in", "custom_fields": "keys"},
        **{"date": "range:updated_at", "create_date": "range:created_at"},
    },
    select=FakeThulium._select_tickets,
    new=FakeThulium._create_ticket,
    change=FakeThulium._update_ticket,
    owns=("ticket_messages",),
    wire={**_PAGED, "view": FakeThulium._ticket_view},
)
OUTBOUNDS = _resource(
    "outbounds",
    "id",
    rest("/outbounds", "list", "create", "update"),
    "Outbound",
    new=lambda fake, body, request: fake._new_outbound(body, _NEW_CAMPAIGN, {}, "id"),
    change=lambda fake, record, body, request: apply(
        record, fake._read(body, _CAMPAIGN, partial=True), _CAMPAIGN, unset=""
    ),
    wire={
        "view": lambda fake, o, request, op: view(o, ("id", "name", "crm", "order", "parity")),
        "created": ("id", "outbound_id"),
    },
)
FakeThulium.resources = (
    AGENTS,
    CUSTOMERS,
    COMPANIES,
    TICKETS,
    OUTBOUNDS,
    _records("/outbounds/{id}/records", "phone_number"),
    _records("/outbounds/{id}/records_by_identifier", "identifier", "get", "update", "delete"),
    _records("/crm_outbounds/{id}/records", "customer_id", crm=True, id_type=int),
    *(
        Resource(store, "", {"list": f"GET /{store}"})
        for store in ("ticket_queues", "ticket_statuses", "ticket_categories")
    ),
)
