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

It speaks the documented wire format: HTTP Basic auth, bare JSON arrays paged
with ``limit``/``offset``, ``{"count", "result"}`` for campaign records and tickets,
``201`` with the created ids, ``204`` with no body, ``207`` multi-status for the
batch endpoints (per-item ``http_status``), local dates ``2016-04-20 09:46:24``
in the account's zone, and the real error body ``{"request_id": "...",
"errors": [{"message": "...", "code": ...}]}`` (every validation problem of a
request as one entry; the code is the HTTP status, as the docs list no codes).

What it keeps (public for assertions): ``agents`` (login -> record, with
status), ``customers`` and ``companies`` (id -> record), ``notes``,
``feed_records``, ``tickets`` (id -> record) and ``ticket_messages`` (ticket id
-> comments and responses), ``outbounds`` (campaign id -> record, agents and
records), and ``events``: the webhook payloads its state changes cause, as
dicts :func:`cxkit.thulium.webhooks.parse_event` accepts.

Anything it does not model (chats, SMS, todos, tags, topics, files, webhook
items, calls and phone actions...) answers 404 with the error body.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import httpx

from ..thulium import AsyncThulium, Thulium
from ._clock import FakeClock
from ._options import FakeClientOptions
from ._server import FakeRequest, FakeServer, Record, Refused, Resource, basic_auth, int_id, route
from ._server import number as _number

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["FakeThulium", "ThuliumFakeOptions"]

_PHONE = re.compile(r"^\+?\d{3,15}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MINUTE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")
_EMAIL = re.compile(r"^[^@]*@")
_OUTBOUND_ID = re.compile(r"^\d{5}$")
_CUSTOM = re.compile(r"^custom_fields\[([^\]]+)\](?:\[\d*\])?$")

# Field names, in the order the documented answers list them.
_CUSTOMER_KEYS = (
    "customer_id", "name", "surname", "phone_number", "phone_numbers", "email", "emails",
    "company_id", "identifier", "type", "group", "company_flag", "birthdate", "gender",
    "homepage", "nip", "account_manager", "updated_at",
)  # fmt: skip
_COMPANY_KEYS = (
    "name", "company_id", "customer_id", "identifier", "phone_number", "phone_numbers",
    "email", "emails", "type", "group", "nip", "account_manager",
)  # fmt: skip
_ADDRESSES = ("address", "invoice_address", "mail_drop_address")
_COMMON_FIELDS = frozenset((
    "name", "nip", "email", "phone_number", "type", "group", "identifier", "note", "custom_fields",
    "fill_read_only_custom_fields", "account_manager", "vip", *_ADDRESSES,
))  # fmt: skip
_CUSTOMER_FIELDS = _COMMON_FIELDS.union(
    ["surname", "company_id", "gender", "homepage", "birthdate", "pesel", "job", "job_title"]
)
_COMPANY_FIELDS = _COMMON_FIELDS
_ADDRESS_KEYS = (
    "street", "building", "flat", "postcode", "city", "post_office", "borough", "county",
    "voivodship", "country",
)  # fmt: skip
_DIALERS = ("predictive", "progressive", "preview")
_AGENT_FIELDS = (
    "name", "surname", "login", "password", "number", "email", "change_password", "callerid",
    "language", "active", "outbound_mode", "roles",
)  # fmt: skip
_TICKET_CHANGES = (
    "user_login", "status_id", "substatus_id", "category_id", "tags", "ticket_queue_id",
    "custom_fields",
)  # fmt: skip
_PARAMETERS = (
    "caller_id", "preview_timeout", "predictive_max_calls", "predictive_min_calls",
)  # fmt: skip
_TICKET_FIELDS = (
    "to", "from", "subject", "body", "body_type", "comment", "cc", "attachments", "source",
    "direction", "user_login", "customer_id", "tags", "status_id", "substatus_id",
    "category_id", "ticket_queue_id", "custom_fields",
)  # fmt: skip
_OUTBOUND_FIELDS = (
    "id", "name", "dialer", "crm", "active", "start_date", "end_date", "order", "parity",
    "parameters", "group_id",
)  # fmt: skip
_RECORD_KEYS = (
    "record_id", "phone_number", "system_status", "status", "status_id", "call_date",
    "create_date", "next_call_date", "agent_name", "agent_login",
)  # fmt: skip
_CRM_RECORD_FIELDS = (
    "status_id", "dictionary_status_id", "agent_login", "next_call_date", "order",
)  # fmt: skip
_RECORD_FIELDS = (*_CRM_RECORD_FIELDS, "phone_number", "identifier", "record_fields")

DEFAULT_OUTBOUND_STATUSES: tuple[Record, ...] = (
    {"system_status": "TO_CALL", "status_id": "1", "dictionary_status_id": None, "name": "New"},
    {"system_status": "IN_PROGRESS", "status_id": "2", "dictionary_status_id": None, "name": "In progress"},
    {"system_status": "CALL", "status_id": "3", "dictionary_status_id": 2, "name": "Contact needed"},
    {"system_status": "NO_CALL", "status_id": "4", "dictionary_status_id": None, "name": "Not interested"},
    {"system_status": "MY_RECORD", "status_id": "5", "dictionary_status_id": None, "name": "My record"},
    {"system_status": "CALL_NO_SOONER_THAN", "status_id": "6", "dictionary_status_id": None, "name": "Call later"},
    {"system_status": "ABANDONED_AFTER_N_TRIES", "status_id": "7", "dictionary_status_id": None, "name": "Abandoned"},
)  # fmt: skip
"""The statuses each new campaign gets (``status_id`` is text, as in the docs)."""

_DONE = frozenset({"NO_CALL", "ABANDONED_AFTER_N_TRIES"})


class ThuliumFakeOptions(FakeClientOptions, total=False):
    """Options of the clients :class:`FakeThulium` hands out: every client option
    except the pool and ``clock`` (the fake's); ``username`` and ``password`` default
    to the fake's API user."""

    username: str
    password: str
    language: str | None
    time_zone: str | tzinfo


# -- small parsers -----------------------------------------------------------------


def _as_int(value: Any, name: str) -> int:
    found = _number(value, name, message="{name} must be a number.")
    if found < 0 and isinstance(value, str):  # text is digits only; an int is taken as sent
        raise Refused(400, f"{name} must be a number.")
    return found


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def _texts(value: Any) -> list[str]:
    """One value or a list of them, as a list of non-empty strings."""
    if value is None or value == "":
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    return [str(v).strip() for v in items if str(v).strip()]


def _blank(value: Any) -> Any:
    """Unset values are written as ``""``, as the documented answers show."""
    return "" if value is None else value


def _unknown(body: Mapping[str, Any], allowed: Iterable[str]) -> list[str]:
    known = set(allowed)
    return [f"Unknown field: {key}." for key in body if key not in known]


def _required(body: Mapping[str, Any], *names: str) -> list[str]:
    return [f"{name} is required." for name in names if not str(body.get(name) or "").strip()]


def _check(problems: list[str]) -> None:
    if problems:
        raise Refused(400, *dict.fromkeys(problems))


def _public(record: Record) -> Record:
    return {k: copy.deepcopy(v) for k, v in record.items() if not k.startswith("_")}


def _custom_fields(value: Any, record: Record, problems: list[str]) -> None:
    if not isinstance(value, Mapping):
        problems.append("custom_fields must be an object.")
        return
    mine = record.setdefault("custom_fields", {})
    for name, item in value.items():
        mine[str(name)] = None if item in ("", None) else item


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
        self.username = username
        self.password = password
        self.zone = ZoneInfo(time_zone)
        self.agents: dict[str, Record] = {}
        self.customers: dict[int, Record] = {}
        self.companies: dict[int, Record] = {}
        self.notes: list[Record] = []
        self.feed_records: list[Record] = []
        self.tickets: dict[int, Record] = {}
        self.ticket_messages: dict[int, list[Record]] = {}
        self.outbounds: dict[str, Record] = {}
        self.ticket_queues: list[Record] = [
            {"ticket_queue_id": 1, "name": "BOK", "email": "bok@acme.example"},
            {"ticket_queue_id": 2, "name": "Reklamacje", "email": "reklamacje@acme.example"},
        ]
        self.ticket_statuses: list[Record] = [
            {"status_id": 1, "name": "New", "substatuses": []},
            {"status_id": 2, "name": "Open",
             "substatuses": [{"substatus_id": 1, "name": "Waiting for the customer"}]},
            {"status_id": 3, "name": "Closed", "substatuses": []},
        ]  # fmt: skip
        self.ticket_categories: list[Record] = [
            {"category_id": 1, "name": "Question"},
            {"category_id": 2, "name": "Complaint"},
        ]
        self.closed_status_id = 3
        self.events: list[Record] = []
        self._requests = 0
        self._new_agent(
            login="jkowalski",
            name="Jan",
            surname="Kowalski",
            number="559933",
            email="jan.kowalski@example.org",
        )

    # -- wiring -------------------------------------------------------------

    def _options(self, options: ThuliumFakeOptions) -> dict[str, Any]:
        given = {"username": self.username, "password": self.password, "time_zone": self.zone}
        return {**given, **options, **self.wiring()}

    def client(self, **options: Unpack[ThuliumFakeOptions]) -> Thulium:
        """A :class:`~cxkit.thulium.Thulium` client served by this fake (options override)."""
        return Thulium(**self._options(options))

    def async_client(self, **options: Unpack[ThuliumFakeOptions]) -> AsyncThulium:
        """An :class:`~cxkit.thulium.AsyncThulium` client served by this fake (options override)."""
        return AsyncThulium(**self._options(options))

    # -- the dialect: auth, errors, dates, answers ------------------------------

    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        """HTTP Basic with the fake's API user; anything else is 401."""
        if basic_auth(request) != (self.username, self.password):
            return self.errors_response(401, ["Authorization failed: wrong user or password."])
        return None

    def error_response(self, status: int, message: str) -> httpx.Response:
        """Unknown routes and methods: the status with the Thulium error body."""
        return self.errors_response(status, [message])

    def refused(self, exc: Refused) -> httpx.Response:
        """Every problem found, one error entry each."""
        return self.errors_response(exc.status, list(exc.messages))

    def errors_response(self, status: int, messages: list[str]) -> httpx.Response:
        """The documented error body, one entry per message."""
        self._requests += 1
        digest = hashlib.sha1(f"{self._requests}:{self.clock.now()}".encode()).hexdigest()
        errors = [{"message": m, "code": status} for m in messages]
        return self.json({"request_id": digest[:13], "errors": errors}, status=status)

    def now(self, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
        """The fake clock's time as Thulium writes it (account's zone)."""
        return datetime.fromtimestamp(self.clock.now(), tz=self.zone).strftime(fmt)

    def emit(self, action: str, **fields: Any) -> Record:
        """Record a webhook event (fields in the documented order, ``date`` now)."""
        event = {"action": action, **fields, "date": self.now()}
        self.events.append(event)
        return event

    @staticmethod
    def created(data: Any = None) -> httpx.Response:
        """``201``, with the created ids or no body."""
        return httpx.Response(201) if data is None else httpx.Response(201, json=data)

    @staticmethod
    def no_content() -> httpx.Response:
        """``204`` with no body."""
        return httpx.Response(204)

    def read_body(self, res: Resource, op: str, request: FakeRequest) -> Any:
        """The JSON object body."""
        return self._body(request)

    @staticmethod
    def _body(request: FakeRequest) -> Record:
        try:
            body = request.json()
        except ValueError:
            raise Refused(400, "Request body is not valid JSON.") from None
        if body is not None and not isinstance(body, dict):
            raise Refused(400, "Request body must be a JSON object.")
        return body or {}

    def find(self, res: Resource, raw_id: Any, request: FakeRequest | None = None) -> Record:
        """A record; a campaign queued for removal is gone."""
        record = super().find(res, raw_id, request)
        if record.get("_removal_queued"):
            raise Refused(404, res.missing.format(label=res.label, id=raw_id))
        return record

    def filter(self, res: Resource, request: FakeRequest, items: list[Record]) -> list[Record]:
        """Exact matches on the declared fields (``email``/``phone_number`` on any of a
        record's, ``[]`` names any of the values), custom fields, then ``order``."""
        for name, kind in res.filters.items():
            values = request.query.get(name) or request.query.get(f"{name}[]")
            if values is None:
                continue
            if kind == "any":
                plural = {"email": "emails", "phone_number": "phone_numbers"}[name]
                items = [
                    r
                    for r in items
                    if (values[0] in (r.get(plural) or []) if values[0] else not r.get(plural))
                ]
            elif kind == "flag":
                items = [r for r in items if bool(r.get(name)) == _truthy(values[0])]
            elif kind == "in":
                items = [r for r in items if str(r.get(name)) in values]
            elif kind == "exact":
                items = [r for r in items if str(r.get(name) or "") == values[0]]
        wanted: dict[str, list[str]] = {}
        for key, values in request.query.items():
            if match := _CUSTOM.match(key):
                wanted.setdefault(match.group(1), []).extend(values)
        for field, values in wanted.items():
            items = [r for r in items if str((r.get("custom_fields") or {}).get(field)) in values]
        if "sortable" not in res.wire:
            return items
        return self._ordered(items, request.arg("order"), res.wire["sortable"])

    @staticmethod
    def _ordered(items: list[Record], order: str | None, sortable: Iterable[str]) -> list[Record]:
        keys = [part.strip() for part in (order or "").split(",") if part.strip()]
        for key in keys:
            if key.lstrip("-") not in sortable:
                raise Refused(400, f"Cannot sort by {key.lstrip('-')}.")
        out = list(items)
        for key in reversed(keys):
            field = key.lstrip("-")

            def sort_key(record: Record, field: str = field) -> tuple[bool, str]:
                # Numbers sort as numbers (zero-padded), text case-insensitively.
                value = record.get(field)
                text = f"{value:020d}" if isinstance(value, int) else str(value or "").lower()
                return (value in (None, ""), text)

            out.sort(key=sort_key, reverse=key.startswith("-"))
        return out

    def answer(self, res: Resource, op: str, request: FakeRequest, result: Any) -> httpx.Response:
        """Listings as bare arrays, or ``{"count", "result"}``, paged with ``limit`` and
        ``offset``; ``201`` with the new ids; ``204`` for a change or a delete."""
        view = res.wire.get("view", lambda fake, record, request, op: copy.deepcopy(record))
        if op == "create":
            names = res.wire["created"]
            pairs = names.items() if isinstance(names, Mapping) else zip(names, names, strict=True)
            # Ids are sent as text; the agent's login as it was given.
            ids = {
                key: result[field] if key == "agent_login" else str(result[field])
                for key, field in pairs
            }
            return self.created(ids)
        if op in ("update", "delete"):
            return self.no_content()
        if op == "get":
            return self.json(view(self, result, request, op))
        total = len(result)
        if "limit" in res.wire:
            limit, offset = (
                _as_int(request.arg("limit", "100"), "limit"),
                _as_int(request.arg("offset", "0"), "offset"),
            )
            if limit < 1 or limit > res.wire["limit"]:
                raise Refused(400, f"limit must be between 1 and {res.wire['limit']}.")
            if offset < 0:
                raise Refused(400, "offset must be a number.")
            result = result[offset : offset + limit]
        views = [view(self, r, request, op) for r in result]
        return self.json({"count": total, "result": views} if res.wire.get("counted") else views)

    # -- agents -------------------------------------------------------------

    def _new_agent(self, **fields: Any) -> Record:
        agent = {
            "agent_id": self.new_id("agent"),
            "login": fields["login"],
            "name": fields["name"],
            "surname": fields["surname"],
            "email": fields.get("email") or "",
            "active": fields.get("active", True),
            "number": str(fields["number"]),
            "outbound_mode": fields.get("outbound_mode") or "manual",
            "group_id": fields.get("group_id") or "",
            "_status": "OFF",
            "_pause_id": None,
            "_last_change": self.now(),
        }
        self.agents[agent["login"]] = agent
        return agent

    def _create_agent(self, body: Record, request: FakeRequest) -> Record:
        problems = _unknown(body, _AGENT_FIELDS) + _required(
            body, "name", "surname", "login", "password", "number"
        )
        if body.get("login") in self.agents:
            problems.append("Agent with this login already exists.")
        _check(problems)
        return self._new_agent(**body)

    @staticmethod
    def _status_view(agent: Record) -> Record:
        return {
            "login": agent["login"],
            "status": agent["_status"],
            "pause_id": agent["_pause_id"],
            "last_change": agent["_last_change"],
        }

    @route("GET", "/agents/{login}/status")
    def agent_status(self, request: FakeRequest) -> httpx.Response:
        """An agent's status (``OFF``, ``FREE``, ``PAUSED``)."""
        return self.json(self._status_view(self.find(AGENTS, request.path_params["login"])))

    @route("GET", "/agents_statuses")
    def agents_statuses(self, request: FakeRequest) -> httpx.Response:
        """Statuses of logged-in agents (and logged-off ones with ``include_logged_off``)."""
        everyone = _truthy(request.arg("include_logged_off", ""))
        agents = [a for a in self.agents.values() if everyone or a["_status"] != "OFF"]
        return self.json([self._status_view(a) for a in agents])

    def _agent(self, request: FakeRequest, *, logged_in: bool = False) -> Record:
        agent = self.find(AGENTS, request.path_params["login"])
        if logged_in and agent["_status"] == "OFF":
            raise Refused(400, "Agent is not logged in.")
        return agent

    def _set_status(self, agent: Record, status: str, event: str, **fields: Any) -> None:
        agent.update(_status=status, _pause_id=fields.get("pause_id"), _last_change=self.now())
        self.emit(event, agent_login=agent["login"], **fields)

    @route("POST", "/agents/{login}/login")
    def agent_login(self, request: FakeRequest) -> httpx.Response:
        """Log an agent in (status ``FREE``; ``AGENT_LOGGED_IN``)."""
        agent = self._agent(request)
        if agent["_status"] == "OFF":
            self._set_status(agent, "FREE", "AGENT_LOGGED_IN")
        return self.created()

    @route("POST", "/agents/{login}/logout")
    def agent_logout(self, request: FakeRequest) -> httpx.Response:
        """Log an agent out (status ``OFF``; ``AGENT_LOGGED_OUT``)."""
        agent = self._agent(request)
        if agent["_status"] != "OFF":
            self._set_status(agent, "OFF", "AGENT_LOGGED_OUT")
        return self.created()

    @route("POST", "/agents/{login}/pause")
    def agent_pause(self, request: FakeRequest) -> httpx.Response:
        """Pause a logged-in agent (``AGENT_STATUS_CHANGED`` with the pause ids)."""
        agent = self._agent(request, logged_in=True)
        body = self._body(request)
        if body.get("pause_id") in (None, ""):
            raise Refused(400, "pause_id is required.")
        pause_id = _as_int(body["pause_id"], "pause_id")
        self._set_status(
            agent,
            "PAUSED",
            "AGENT_STATUS_CHANGED",
            pause_id=pause_id,
            previous_pause_id=agent["_pause_id"],
        )
        return self.created()

    @route("POST", "/agents/{login}/free")
    def agent_free(self, request: FakeRequest) -> httpx.Response:
        """Unpause a logged-in agent (``AGENT_STATUS_CHANGED``, ``pause_id`` null)."""
        agent = self._agent(request, logged_in=True)
        if agent["_status"] == "PAUSED":
            self._set_status(
                agent,
                "FREE",
                "AGENT_STATUS_CHANGED",
                pause_id=None,
                previous_pause_id=agent["_pause_id"],
            )
        return self.created()

    # -- customers and companies ----------------------------------------------

    def _apply(self, body: Mapping[str, Any], record: Record, *, company: bool) -> list[str]:
        """Copy a create/update body onto ``record``; the problems found, if any."""
        allowed = _COMPANY_FIELDS if company else _CUSTOMER_FIELDS
        problems = _unknown(body, allowed)
        for key, plural, pattern, message in (
            ("phone_number", "phone_numbers", _PHONE, "Phone number must be numeric."),
            ("email", "emails", _EMAIL, "Wrong format of e-mail address."),
        ):
            if key in body:
                values = _texts(body[key])
                if not all(pattern.match(v) for v in values):
                    problems.append(message)
                record[plural], record[key] = values, values[0] if values else ""
        plain = allowed - {
            "phone_number",
            "email",
            "custom_fields",
            "fill_read_only_custom_fields",
            *_ADDRESSES,
        }
        record.update({key: _blank(body[key]) for key in plain if key in body})
        if body.get("company_id") not in (None, ""):
            try:
                record["company_id"] = _as_int(body["company_id"], "company_id")
            except Refused as exc:
                problems.extend(exc.messages)
            else:
                if record["company_id"] not in self.companies:
                    problems.append("Company not found.")
        key, pool = ("company_id", self.companies) if company else ("customer_id", self.customers)
        if body.get("nip") and any(
            r.get("nip") == body["nip"] and r[key] != record.get(key) for r in pool.values()
        ):
            problems.append("Duplicated NIP.")
        if "custom_fields" in body:
            _custom_fields(body["custom_fields"], record, problems)
        for name in _ADDRESSES:
            if name in body and not isinstance(body[name], Mapping):
                problems.append(f"{name} must be an object.")
            elif name in body:
                address = record.setdefault(name, dict.fromkeys(_ADDRESS_KEYS))
                address.update({k: (v if v != "" else None) for k, v in body[name].items()})
        return problems

    def _create_customer(
        self, body: Mapping[str, Any], request: FakeRequest | None = None
    ) -> Record:
        record: Record = {"customer_id": 0, "company_flag": False}
        problems = self._apply(body, record, company=False)
        _check(["Surname is required."] * (not str(body.get("surname") or "").strip()) + problems)
        record.update(customer_id=self.new_id("customer"), updated_at=self.now())
        company = record.get("company_id") or None
        self.emit("CUSTOMER_CREATED", customer_id=record["customer_id"], company_id=company)
        return record

    def _update_customer(
        self, record: Record, body: Mapping[str, Any], request: FakeRequest | None = None
    ) -> None:
        work = copy.deepcopy(record)
        problems = self._apply(body, work, company=False)
        empty = "surname" in body and not str(body.get("surname") or "").strip()
        _check(["Surname cannot be empty."] * empty + problems)
        record.clear()
        record.update(work, updated_at=self.now())

    def _drop_customer(self, record: Record, request: FakeRequest | None = None) -> None:
        for outbound in self.outbounds.values():
            outbound["_records"] = [
                r for r in outbound["_records"] if r.get("customer_id") != record["customer_id"]
            ]

    def _view(self, record: Record, request: FakeRequest | None, keys: Iterable[str]) -> Record:
        out = {key: copy.deepcopy(_blank(record.get(key))) for key in keys}
        out.update({key: [] for key in ("phone_numbers", "emails") if out.get(key) == ""})
        if request is None:
            return out
        for key in _ADDRESSES:
            if _truthy(request.arg(f"include_{key}", "")):
                out[key] = copy.deepcopy(record.get(key) or dict.fromkeys(_ADDRESS_KEYS))
        if _truthy(request.arg("include_custom_fields", "")):
            out["custom_fields"] = copy.deepcopy(record.get("custom_fields") or {})
        return out

    @route("POST", "/customers/{id}/notes")
    def create_note(self, request: FakeRequest) -> httpx.Response:
        """Add a note to a customer (``CUSTOMER_NOTE_SAVED``)."""
        record, body = self.find(CUSTOMERS, request.path_params["id"]), self._body(request)
        login = body.get("user_login")
        missing = ["message is required."] * (not str(body.get("message") or "").strip())
        unknown_user = ["User not found."] * (login is not None and login not in self.agents)
        _check(missing + _unknown(body, ("message", "user_login")) + unknown_user)
        note = {
            "customer_id": record["customer_id"],
            "message": body["message"],
            "user_login": login,
        }
        self.notes.append({**note, "date": self.now()})
        self.emit(
            "CUSTOMER_NOTE_SAVED",
            agent_login=login,
            customer_id=record["customer_id"],
            content=body["message"],
        )
        return self.created()

    @route("POST", "/customers/{id}/feed_records")
    def create_feed_record(self, request: FakeRequest) -> httpx.Response:
        """Add an entry to a customer's contact history."""
        record, body = self.find(CUSTOMERS, request.path_params["id"]), self._body(request)
        problems = _unknown(body, ("type", "payload"))
        if body.get("type") != "ZOWIE":
            problems.append("type must be ZOWIE.")
        if not isinstance(body.get("payload"), str) or not body["payload"]:
            problems.append("payload is required.")
        _check(problems)
        self.feed_records.append({"customer_id": record["customer_id"], **body})
        return self.created()

    # -- batch customers (207) --------------------------------------------------

    def _batch(
        self,
        items: list[Any],
        key: Callable[[int, Any], str],
        work: Callable[[Any], Record | None],
        status: int,
    ) -> httpx.Response:
        """``207``: under each item's ``key``, ``status`` and what ``work`` gave, or
        the refusal (a bad item is keyed by its index)."""
        out: Record = {}
        for index, item in enumerate(items):
            name = str(index)
            try:
                name = key(index, item)
                out[name] = {"http_status": status, **(work(item) or {})}
            except Refused as exc:
                out[name] = {"http_status": exc.status, "message": " ".join(exc.messages)}
        return self.json(out, status=207)

    def _batch_list(self, request: FakeRequest) -> list[Any]:
        items = self._body(request).get("customers")
        if not isinstance(items, list) or not items:
            raise Refused(400, "customers must be a non-empty list.")
        return items

    @route("POST", "/batch/customers")
    def batch_create_customers(self, request: FakeRequest) -> httpx.Response:
        """Add many customers: ``207``, one result per index (``"0"``, ``"1"``...)."""

        def create(item: Any) -> Record:
            if not isinstance(item, Mapping):
                raise Refused(400, "A customer must be an object.")
            return {"customer_id": str(self.create(CUSTOMERS, item, request)["customer_id"])}

        return self._batch(self._batch_list(request), lambda i, item: str(i), create, 201)

    @route("PUT", "/batch/customers")
    def batch_update_customers(self, request: FakeRequest) -> httpx.Response:
        """Change many customers: ``207``, one result per ``customer_id``."""

        def key(index: int, item: Any) -> str:
            if not isinstance(item, Mapping) or item.get("customer_id") in (None, ""):
                raise Refused(400, "customer_id is required.")
            return str(item["customer_id"])

        def update(item: Record) -> None:
            fields = {k: v for k, v in item.items() if k != "customer_id"}
            self.update(CUSTOMERS, self.find(CUSTOMERS, item["customer_id"]), fields, request)

        return self._batch(self._batch_list(request), key, update, 204)

    @route("DELETE", "/batch/customers")
    def batch_delete_customers(self, request: FakeRequest) -> httpx.Response:
        """Delete many customers (``customer_id[]``): ``207``, one result per id."""
        ids = request.query.get("customer_id[]") or []
        if not ids:
            raise Refused(400, "customer_id[] is required.")
        drop = lambda raw: self.delete(CUSTOMERS, self.find(CUSTOMERS, raw), request)  # noqa: E731
        return self._batch(ids, lambda i, raw: str(raw), drop, 204)

    def _create_company(self, body: Mapping[str, Any], request: FakeRequest) -> Record:
        """A company, and the customer card that stands for it (``company_flag``)."""
        record: Record = {"company_id": 0}
        problems = self._apply(body, record, company=True)
        _check(["Company name is required."] * (not str(body.get("name") or "").strip()) + problems)
        record["company_id"] = self.new_id("company")
        card = {
            "customer_id": self.new_id("customer"),
            "name": record["name"],
            "surname": "",
            "company_flag": True,
            "company_id": record["company_id"],
            "updated_at": self.now(),
        }
        self.customers[card["customer_id"]] = card
        record["customer_id"] = card["customer_id"]
        return record

    def _update_company(
        self, record: Record, body: Mapping[str, Any], request: FakeRequest
    ) -> None:
        work = copy.deepcopy(record)
        problems = self._apply(body, work, company=True)
        empty = "name" in body and not str(body.get("name") or "").strip()
        _check(["Company name cannot be empty."] * empty + problems)
        record.clear()
        record.update(work)
        if record["customer_id"] in self.customers:
            self.customers[record["customer_id"]]["name"] = record["name"]

    def _drop_company(self, record: Record, request: FakeRequest) -> None:
        """Its card goes; its customers stay, without a company."""
        self.customers.pop(record["customer_id"], None)
        for customer in self.customers.values():
            if customer.get("company_id") == record["company_id"]:
                customer["company_id"] = ""

    # -- tickets --------------------------------------------------------------

    def _ticket_fields(self, body: Mapping[str, Any], ticket: Record) -> list[str]:
        """Apply the fields create and update share; the problems found."""
        problems: list[str] = []
        given = {k: v for k, v in body.items() if v not in (None, "")}
        if "user_login" in given:
            if given["user_login"] not in self.agents:
                problems.append("User not found.")
            ticket["user_login"] = given["user_login"]
        if "customer_id" in given:
            customer = self.customers.get(_as_int(given["customer_id"], "customer_id"))
            if customer is None:
                problems.append("Customer not found.")
            else:
                ticket["customer_id"] = customer["customer_id"]
        if "ticket_queue_id" in given:
            queue = next(
                (
                    q
                    for q in self.ticket_queues
                    if str(q["ticket_queue_id"]) == str(given["ticket_queue_id"])
                ),
                None,
            )
            if queue is None:
                problems.append("Ticket queue not found.")
            else:
                ticket.update(
                    ticket_queue_id=queue["ticket_queue_id"], ticket_queue_name=queue["name"]
                )
        if "category_id" in given:
            if not any(
                str(c["category_id"]) == str(given["category_id"]) for c in self.ticket_categories
            ):
                problems.append("Ticket category not found.")
            ticket["category_id"] = _as_int(given["category_id"], "category_id")
        if "status_id" in body or "substatus_id" in body:
            problems += self._ticket_status(
                ticket, body.get("status_id", ticket.get("status_id")), body.get("substatus_id")
            )
        if "tags" in body:
            if not isinstance(body["tags"], list) or not all(
                isinstance(t, str) for t in body["tags"]
            ):
                problems.append("tags must be a list of strings.")
            else:
                ticket["tags"] = list(body["tags"])
        if "custom_fields" in body:
            _custom_fields(body["custom_fields"], ticket, problems)
        return problems

    def _ticket_status(self, ticket: Record, status_id: Any, substatus_id: Any) -> list[str]:
        status = next(
            (s for s in self.ticket_statuses if str(s["status_id"]) == str(status_id)), None
        )
        if status is None:
            return [f"Ticket status {status_id} does not exist."]
        subs = [x for x in status["substatuses"] if str(x["substatus_id"]) == str(substatus_id)]
        if substatus_id not in (None, "") and not subs:
            return [f"Substatus {substatus_id} does not belong to status {status_id}."]
        sub = subs[0] if substatus_id not in (None, "") else None
        name = status["name"] + (f" / {sub['name']}" if sub else "")
        ticket.update(
            status_id=status["status_id"],
            substatus_id=sub and sub["substatus_id"],
            full_status_name=name,
        )
        return []

    def _add_message(self, ticket: Record, kind: str, **fields: Any) -> Record:
        message = {
            "message_id": self.new_id("ticket_message"),
            "user_login": None,
            "type": kind,
            "body": None,
            "comment": None,
            "system_comment": None,
            "created_at": self.now(),
            "attachments": [],
            **fields,
        }
        self.ticket_messages.setdefault(ticket["ticket_id"], []).append(message)
        ticket["updated_at"] = self.now()
        return message

    def _ticket_view(self, ticket: Record, request: FakeRequest, op: str) -> Record:
        out = {k: copy.deepcopy(v) for k, v in ticket.items() if k != "custom_fields"}
        for key, stamp in (
            ("close_time", "closed_at"),
            ("first_agent_response_time", "first_agent_responded_at"),
        ):
            if ticket.get(stamp):
                seconds = int(
                    (self._time(ticket[stamp]) - self._time(ticket["created_at"])).total_seconds()
                )
                out[key] = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        if op == "get":
            out["messages"] = copy.deepcopy(self.ticket_messages.get(ticket["ticket_id"], []))
            if _truthy(request.arg("include_custom_fields", "")):
                out["custom_fields"] = copy.deepcopy(ticket.get("custom_fields") or {})
        return out

    @staticmethod
    def _time(text: str) -> datetime:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")

    def _create_ticket(self, body: Mapping[str, Any], request: FakeRequest) -> Record:
        """A ticket with its first message (``TICKET_CREATED``)."""
        problems = _unknown(body, _TICKET_FIELDS) + _required(body, "to", "subject", "body")
        direction, source = body.get("direction") or "in_behalf_of", body.get("source") or "email"
        if direction not in ("in_behalf_of", "out"):
            problems.append("direction must be in_behalf_of or out.")
        if source not in ("email", "phone", "sms", "chat", "www"):
            problems.append("source must be one of: email, phone, sms, chat, www.")
        queue = next(
            (q for q in self.ticket_queues if q.get("email") == body.get("to")),
            self.ticket_queues[0],
        )
        first = self.ticket_statuses[0]
        ticket: Record = {
            "ticket_id": 0,
            "from": body.get("from") or "",
            "to": body.get("to") or "",
            "subject": body.get("subject") or "",
            "ticket_queue_id": queue["ticket_queue_id"],
            "ticket_queue_name": queue["name"],
            "status_id": first["status_id"],
            "substatus_id": None,
            "full_status_name": first["name"],
            "category_id": None,
            "customer_id": None,
            "user_login": None,
            "source": source,
            "direction": direction,
            "tags": [],
            "cc": list(body.get("cc") or []),
            "created_at": self.now(),
            "updated_at": self.now(),
            "closed_at": None,
            "first_agent_responded_at": None,
        }
        _check(problems + self._ticket_fields(body, ticket))
        if not ticket["from"] and ticket["customer_id"]:
            ticket["from"] = self.customers[ticket["customer_id"]].get("email") or ""
        ticket["ticket_id"] = self.new_id("ticket")
        out = direction == "out"
        self._add_message(
            ticket,
            "REPLY" if out else "MAIL",
            user_login=ticket["user_login"] if out else None,
            body=body["body"],
            comment=body.get("comment"),
            attachments=self._attachments(body),
        )
        self.emit(
            "TICKET_CREATED",
            ticket_id=ticket["ticket_id"],
            agent_login=ticket["user_login"],
            direction=direction,
        )
        return ticket

    @staticmethod
    def _attachments(body: Mapping[str, Any]) -> list[Record]:
        tokens = body.get("attachments") or []
        if not isinstance(tokens, list) or not all(isinstance(t, str) and t for t in tokens):
            raise Refused(400, "attachments must be a list of temporary file tokens.")
        return [{"token": t, "filename": t, "size": 0} for t in tokens]

    def _select_tickets(self, items: list[Record], request: FakeRequest) -> list[Record]:
        """Last changed first; by customer's company, message, and date ranges too."""
        company, message = request.arg("company_id"), request.arg("message_id")
        if company is not None:
            owners = {i: str(c.get("company_id") or "") for i, c in self.customers.items()}
            items = [t for t in items if owners.get(t.get("customer_id") or 0, "") == company]
        if message is not None:
            with_it = {
                i
                for i, ms in self.ticket_messages.items()
                for m in ms
                if str(m["message_id"]) == message
            }
            items = [t for t in items if t["ticket_id"] in with_it]
        for name, key in (("date", "updated_at"), ("create_date", "created_at")):
            low, high = request.arg(f"{name}_from"), request.arg(f"{name}_to")
            items = [
                t
                for t in items
                if (not low or t[key][: len(low)] >= low)
                and (not high or t[key][: len(high)] <= high)
            ]
        return sorted(items, key=lambda t: (t["updated_at"], t["ticket_id"]), reverse=True)

    def _update_ticket(self, ticket: Record, body: Mapping[str, Any], request: FakeRequest) -> None:
        """``TICKET_STATUS_CHANGED``, ``TICKET_CLOSED``, ``TICKET_QUEUE_CHANGED``."""
        work = copy.deepcopy(ticket)
        _check(_unknown(body, _TICKET_CHANGES) + self._ticket_fields(body, work))
        old_status, old_queue = (
            (ticket["status_id"], ticket["substatus_id"]),
            ticket["ticket_queue_id"],
        )
        ticket.update(work, updated_at=self.now())
        agent, ticket_id = body.get("user_login") or ticket.get("user_login"), ticket["ticket_id"]
        if (ticket["status_id"], ticket["substatus_id"]) != old_status:
            self.emit(
                "TICKET_STATUS_CHANGED",
                ticket_id=ticket_id,
                agent_login=agent,
                status_id=ticket["status_id"],
                substatus_id=ticket["substatus_id"],
            )
            if ticket["status_id"] == self.closed_status_id and not ticket["closed_at"]:
                ticket["closed_at"] = self.now()
                self.emit("TICKET_CLOSED", ticket_id=ticket_id, agent_login=agent)
        if ticket["ticket_queue_id"] != old_queue:
            self.emit(
                "TICKET_QUEUE_CHANGED",
                ticket_id=ticket_id,
                ticket_queue_id=ticket["ticket_queue_id"],
                agent_login=agent,
            )

    def _message(
        self, request: FakeRequest, kind: str, allowed: tuple[str, ...], text: str, event: str
    ) -> httpx.Response:
        """Add a ``kind`` message to a ticket from the body (``text`` required) and
        send ``event``."""
        ticket, body = self.find(TICKETS, request.path_params["id"]), self._body(request)
        problems = _required(body, text) + _unknown(body, allowed)
        if body.get("body_type") not in (None, "HTML", "PLAIN"):
            problems.append("body_type must be HTML or PLAIN.")
        login = body.get("user_login")
        if login not in (None, "") and login not in self.agents:
            problems.append("User not found.")
        if kind == "REPLY" and not problems and not login:
            problems.append("user_login is required.")
        _check(problems)
        fields = (
            {text: body[text], "user_login": login} if kind != "MAIL" else {"body": body["body"]}
        )
        if "attachments" in allowed:
            fields["attachments"] = self._attachments(body)
        if body.get("date"):
            fields["created_at"] = f"{body['date']}:00"
        message = self._add_message(ticket, kind, **fields)
        if kind == "REPLY" and not ticket["first_agent_responded_at"]:
            ticket["first_agent_responded_at"] = message["created_at"]
        ids = {"ticket_id": ticket["ticket_id"], "message_id": message["message_id"]}
        if kind == "MAIL":
            self.emit(event, **ids, ticket_queue_id=ticket["ticket_queue_id"])
        elif kind == "REPLY":
            self.emit(event, **ids, agent_login=login)
        else:
            self.emit(
                event,
                ticket_id=ticket["ticket_id"],
                agent_login=login,
                message_id=message["message_id"],
            )
        return self.created()

    @route("POST", "/tickets/{id}/comment")
    def create_ticket_comment(self, request: FakeRequest) -> httpx.Response:
        """Add an internal comment (``TICKET_COMMENT_CREATED``)."""
        return self._message(
            request, "COMMENT", ("comment", "user_login"), "comment", "TICKET_COMMENT_CREATED"
        )

    @route("POST", "/tickets/{id}/agent_response")
    def create_agent_response(self, request: FakeRequest) -> httpx.Response:
        """Send an agent's message to the customer (``TICKET_AGENT_REPLIED``)."""
        allowed = ("body", "body_type", "user_login", "date", "attachments")
        return self._message(request, "REPLY", allowed, "body", "TICKET_AGENT_REPLIED")

    @route("POST", "/tickets/{id}/customer_response")
    def create_customer_response(self, request: FakeRequest) -> httpx.Response:
        """Add the customer's reply (``TICKET_MESSAGE_RECEIVED``)."""
        return self._message(
            request, "MAIL", ("body", "body_type", "date"), "body", "TICKET_MESSAGE_RECEIVED"
        )

    @route("DELETE", "/tickets/{id}/attachments/{token}")
    def delete_ticket_attachment(self, request: FakeRequest) -> httpx.Response:
        """Remove an attachment from the ticket's messages."""
        ticket, token = self.find(TICKETS, request.path_params["id"]), request.path_params["token"]
        for message in self.ticket_messages.get(ticket["ticket_id"], []):
            kept = [a for a in message["attachments"] if a["token"] != token]
            if len(kept) != len(message["attachments"]):
                message["attachments"] = kept
                return self.no_content()
        raise Refused(404, "Attachment not found.")

    # -- outbound campaigns ----------------------------------------------------

    def _outbound(self, request: FakeRequest | None, crm: bool | None = None) -> Record:
        assert request is not None
        record = self.find(OUTBOUNDS, request.path_params["id"])
        if crm is not None and record["crm"] != crm:
            raise Refused(
                400,
                "Outbound is not a CRM outbound."
                if crm
                else "Outbound is a CRM outbound: use crm_outbounds.",
            )
        return record

    def _outbound_fields(
        self, body: Mapping[str, Any], record: Record, problems: list[str]
    ) -> None:
        if "name" in body:
            problems += _required(body, "name")
            record["name"] = body["name"]
        if "dialer" in body:
            if body["dialer"] not in _DIALERS:
                problems.append("dialer must be one of: predictive, progressive, preview.")
            record["dialer"] = body["dialer"]
        for key in ("start_date", "end_date"):
            if key in body:
                if body[key] not in (None, "") and not (
                    isinstance(body[key], str) and _DAY.match(body[key])
                ):
                    problems.append(f"{key} must be a YYYY-MM-DD date.")
                record[key] = _blank(body[key])
        for key in ("order", "parity", "group_id"):
            if body.get(key) not in (None, ""):
                try:
                    record[key] = _as_int(body[key], key)
                except Refused as exc:
                    problems.extend(exc.messages)
        if "active" in body:
            record["active"] = bool(body["active"])
        if "parameters" in body and not isinstance(body["parameters"], Mapping):
            problems.append("parameters must be an object.")
        elif "parameters" in body:
            problems.extend(
                f"Unknown parameter: {k}." for k in body["parameters"] if k not in _PARAMETERS
            )
            record.setdefault("parameters", {}).update(body["parameters"])

    def _new_outbound(self, outbound_id: Any, fields: Record, problems: list[str]) -> Record:
        if outbound_id in (None, ""):
            outbound_id = f"{self.new_id('outbound_code'):05d}"
            while outbound_id in self.outbounds:
                outbound_id = f"{self.new_id('outbound_code'):05d}"
        elif not _OUTBOUND_ID.match(str(outbound_id)):
            problems.append("Outbound id must be five digits.")
        elif str(outbound_id) in self.outbounds:
            problems.append("Outbound with this id already exists.")
        _check(problems)
        record = {
            "id": str(outbound_id),
            "outbound_id": self.new_id("outbound"),
            "name": "",
            "crm": False,
            "order": 100,
            "parity": 50,
            "active": True,
            "dialer": "preview",
            "start_date": "",
            "end_date": "",
            "group_id": "",
            "parameters": {},
            **fields,
            "_agents": [],
            "_statuses": [dict(s) for s in DEFAULT_OUTBOUND_STATUSES],
            "_records": [],
            "_removal_queued": False,
        }
        self.outbounds[record["id"]] = record
        return record

    def _create_outbound(self, body: Mapping[str, Any], request: FakeRequest) -> Record:
        problems = _unknown(body, _OUTBOUND_FIELDS)
        problems += [
            f"{name} is required."
            for name in ("name", "dialer", "crm")
            if body.get(name) in (None, "")
        ]
        fields: Record = {"crm": bool(body.get("crm"))}
        self._outbound_fields({k: v for k, v in body.items() if k != "id"}, fields, problems)
        return self._new_outbound(body.get("id"), fields, problems)

    def _update_outbound(
        self, record: Record, body: Mapping[str, Any], request: FakeRequest
    ) -> None:
        problems = _unknown(body, set(_OUTBOUND_FIELDS) - {"id", "crm"})
        work = _public(record)
        self._outbound_fields(body, work, problems)
        _check(problems)
        record.update(work)

    def _queue_removal(self, outbound_id: str) -> Record:
        record = self.outbounds.get(outbound_id)
        status = (
            "NOT_EXIST"
            if record is None
            else "ALREADY_QUEUED"
            if record["_removal_queued"]
            else "REMOVAL_QUEUED"
        )
        if record is not None:
            record["_removal_queued"] = True
        return {
            "http_status": {"NOT_EXIST": 404, "ALREADY_QUEUED": 400}.get(status, 200),
            "id": outbound_id,
            "status": status,
        }

    @route("DELETE", "/outbounds/{id}")
    def delete_outbound(self, request: FakeRequest) -> httpx.Response:
        """Queue a campaign for removal (it is gone from every answer at once)."""
        self._queue_removal(self._outbound(request)["id"])
        return self.no_content()

    @route("DELETE", "/batch/outbounds")
    def batch_delete_outbounds(self, request: FakeRequest) -> httpx.Response:
        """Queue many campaigns for removal (``id[]``): ``207``, a list of per-id results."""
        ids = request.query.get("id[]") or []
        if not ids:
            raise Refused(400, "id[] is required.")
        return self.json([self._queue_removal(i) for i in ids], status=207)

    @route("POST", "/outbounds/{id}/clone")
    def clone_outbound(self, request: FakeRequest) -> httpx.Response:
        """Copy a campaign (settings, agents and statuses; no records)."""
        source, body = self._outbound(request), self._body(request)
        problems = _unknown(
            body, ("new_id", "name", "start_date", "end_date", "parameters")
        ) + _required(body, "name")
        fields = {k: v for k, v in _public(source).items() if k not in ("id", "outbound_id")}
        self._outbound_fields({k: v for k, v in body.items() if k != "new_id"}, fields, problems)
        clone = self._new_outbound(body.get("new_id"), fields, problems)
        clone.update(_agents=list(source["_agents"]), _statuses=copy.deepcopy(source["_statuses"]))
        return self.created({"id": clone["id"]})

    @route("GET", "/outbounds/{id}/agents")
    def outbound_agents(self, request: FakeRequest) -> httpx.Response:
        """The campaign's agents."""
        logins = self._outbound(request)["_agents"]
        agents = [self.agents[login] for login in logins if login in self.agents]
        return self.json(
            [
                {
                    "login": a["login"],
                    "number": a["number"],
                    "active": a["active"],
                    "active_in_outbound": bool(a["active"]),
                    "agent_id": a["agent_id"],
                }
                for a in agents
            ]
        )

    def _set_agents(
        self, request: FakeRequest, change: Callable[[list[str], list[str]], list[str]]
    ) -> httpx.Response:
        record, logins = self._outbound(request), self._body(request).get("logins")
        if not isinstance(logins, list) or not logins:
            raise Refused(400, "logins must be a non-empty list.")
        _check([f"Agent {login} not found." for login in logins if login not in self.agents])
        record["_agents"] = change(record["_agents"], [str(login) for login in logins])
        return self.created()

    @route("POST", "/outbounds/{id}/add_agents")
    def add_outbound_agents(self, request: FakeRequest) -> httpx.Response:
        """Add agents to a campaign."""
        return self._set_agents(request, lambda have, new: have + [x for x in new if x not in have])

    @route("POST", "/outbounds/{id}/remove_agents")
    def remove_outbound_agents(self, request: FakeRequest) -> httpx.Response:
        """Remove agents from a campaign."""
        return self._set_agents(request, lambda have, gone: [x for x in have if x not in gone])

    @route("POST", "/outbounds/{id}/set_agents")
    def set_outbound_agents(self, request: FakeRequest) -> httpx.Response:
        """Make the given agents the campaign's only agents."""
        return self._set_agents(request, lambda have, new: list(dict.fromkeys(new)))

    @route("GET", "/outbounds/{id}/statuses")
    def outbound_statuses(self, request: FakeRequest) -> httpx.Response:
        """The campaign's record statuses."""
        return self.json(copy.deepcopy(self._outbound(request)["_statuses"]))

    @staticmethod
    def _stats(record: Record) -> Record:
        records = record["_records"]
        done = sum(1 for r in records if r["system_status"] in _DONE)
        percent = round(100 * done / len(records), 2) if records else 0
        return {"id": record["id"], "records_count": len(records), "completion_percent": percent}

    @route("GET", "/outbounds/{id}/stats")
    def outbound_stats(self, request: FakeRequest) -> httpx.Response:
        """How many records a campaign has and how much of it is done."""
        return self.json(self._stats(self._outbound(request)))

    @route("GET", "/outbounds/stats")
    def outbounds_stats(self, request: FakeRequest) -> httpx.Response:
        """The stats of every active campaign (or of ``id``)."""
        wanted = request.arg("id")
        live = [o for o in self.outbounds.values() if not o["_removal_queued"] and o["active"]]
        return self.json([self._stats(o) for o in live if wanted in (None, o["id"])])

    # -- campaign records ---------------------------------------------------------

    def _record_fields(self, outbound: Record, body: Mapping[str, Any], record: Record) -> None:
        """Apply a create/update body to ``record``, checking it (status rules included)."""
        problems: list[str] = []
        if body.get("status_id") not in (None, ""):
            status = next(
                (s for s in outbound["_statuses"] if s["status_id"] == str(body["status_id"])), None
            )
            if status is None:
                problems.append(f"Status {body['status_id']} does not exist in this outbound.")
            else:
                record.update(
                    status_id=int(status["status_id"]),
                    status=status["name"],
                    system_status=status["system_status"],
                    dictionary_status_id=status["dictionary_status_id"],
                )
        if "dictionary_status_id" in body:
            record["dictionary_status_id"] = body["dictionary_status_id"]
        if "agent_login" in body:
            login, agent = body["agent_login"], self.agents.get(body["agent_login"] or "")
            if login not in (None, "") and agent is None:
                problems.append("Agent not found.")
            record.update(
                agent_login=_blank(login),
                agent_name=f"{agent['name']} {agent['surname']}" if agent else "",
            )
        if "next_call_date" in body:
            value = body["next_call_date"]
            if value not in (None, "") and not (isinstance(value, str) and _MINUTE.match(value)):
                problems.append("next_call_date must look like YYYY-MM-DD hh:mm.")
            record["next_call_date"] = _blank(value)
        if body.get("order") not in (None, ""):
            try:
                record["order"] = _as_int(body["order"], "order")
            except Refused as exc:
                problems.extend(exc.messages)
        if "phone_number" in body:
            phone = str(body["phone_number"] or "")
            if not _PHONE.match(phone):
                problems.append("Phone number must be numeric.")
            elif phone != record.get("phone_number") and any(
                r["phone_number"] == phone for r in outbound["_records"]
            ):
                problems.append("The phone number is already in this outbound.")
            record["phone_number"] = phone
        if "identifier" in body:
            record["identifier"] = _blank(body["identifier"])
        if "record_fields" in body and not isinstance(body["record_fields"], Mapping):
            problems.append("record_fields must be an object.")
        elif "record_fields" in body:
            record.setdefault("record_fields", {}).update(body["record_fields"])
        system = record.get("system_status")
        if system == "MY_RECORD" and not record.get("agent_login"):
            problems.append("agent_login is required for status MY_RECORD.")
        if system in ("MY_RECORD", "CALL_NO_SOONER_THAN") and not record.get("next_call_date"):
            problems.append(f"next_call_date is required for status {system}.")
        if problems:
            raise Refused(400, *problems)

    def _create_record(
        self, body: Mapping[str, Any], request: FakeRequest, *, crm: bool = False
    ) -> Record:
        """A number in a regular campaign, or a CRM customer in a CRM one."""
        outbound = self._outbound(request, crm=crm)
        problems = _unknown(body, ("customer_id", *_CRM_RECORD_FIELDS) if crm else _RECORD_FIELDS)
        if body.get("customer_id") in (None, "") if crm else not body.get("phone_number"):
            problems.append(f"{'customer_id' if crm else 'phone_number'} is required.")
        _check(problems)
        first, fields = outbound["_statuses"][0], dict(body)
        record: Record = {
            "record_id": self.new_id("record"),
            "phone_number": "",
            "system_status": first["system_status"],
            "status": first["name"],
            "status_id": int(first["status_id"]),
            "dictionary_status_id": first["dictionary_status_id"],
            "create_date": self.now("%Y-%m-%d %H:%M"),
        }
        if crm:
            customer = self.customers.get(_as_int(fields.pop("customer_id"), "customer_id"))
            if customer is None:
                raise Refused(400, "Customer not found.")
            if any(r.get("customer_id") == customer["customer_id"] for r in outbound["_records"]):
                raise Refused(400, "The customer is already in this outbound.")
            record.update(
                customer_id=customer["customer_id"], phone_number=customer.get("phone_number") or ""
            )
        self._record_fields(outbound, fields, record)
        return record

    def _save_record(self, record: Record, body: Mapping[str, Any], request: FakeRequest) -> None:
        """Apply an update; a saved record sends ``OUTBOUND_RECORD_SAVED``."""
        outbound, key = self._outbound(request), next(iter(request.path_params.keys() - {"id"}))
        allowed = (
            _CRM_RECORD_FIELDS if key == "customer_id" else [f for f in _RECORD_FIELDS if f != key]
        )
        _check(_unknown(body, allowed))
        work = copy.deepcopy(record)
        self._record_fields(outbound, body, work)
        previous = record["status_id"]
        record.update(work)
        agent, call = record.get("agent_login") or None, record.get("next_call_date")
        self.emit(
            "OUTBOUND_RECORD_SAVED",
            id=outbound["id"],
            name=outbound["name"],
            record_id=record["record_id"],
            phone_number=record["phone_number"],
            agent_login=agent,
            system_status=record["system_status"],
            status_id=record["status_id"],
            connection_id=None,
            next_call_date=f"{call}:00" if call else None,
            assigned_agent_login=agent,
            previous_status_id=previous,
        )

    def _record_view(self, record: Record, request: FakeRequest, op: str) -> Record:
        out = {key: _blank(record.get(key)) for key in _RECORD_KEYS}
        if "customer_id" in record:
            out["customer_id"] = record["customer_id"]
        else:
            out.update(
                identifier=_blank(record.get("identifier")),
                record_fields=copy.deepcopy(record.get("record_fields") or {}),
            )
        out.update(last_note=_blank(record.get("last_note")), order=_blank(record.get("order")))
        customer = self.customers.get(record.get("customer_id") or 0)
        if op == "list" and customer is not None and _truthy(request.arg("include_customer", "")):
            out["customer"] = self._view(customer, request, _CUSTOMER_KEYS)
        return out

    def _select_records(self, items: list[Record], request: FakeRequest) -> list[Record]:
        for name in ("create_date", "call_date"):
            low, high = request.arg(f"{name}_from"), request.arg(f"{name}_to")
            if any(bound is not None and not _DAY.match(bound) for bound in (low, high)):
                raise Refused(400, f"{name} filters must be YYYY-MM-DD dates.")
            if low:
                items = [r for r in items if r.get(name) and str(r[name])[:10] >= low]
            if high:
                items = [r for r in items if r.get(name) and str(r[name])[:10] <= high]
        return items

    @route("GET", "/customer_id_by_outbound_status")
    def customer_ids_by_status(self, request: FakeRequest) -> httpx.Response:
        """Ids of the customers whose records in the campaigns have the statuses."""
        outbound_ids = request.query.get("outbound_id[]") or []
        status_ids = request.query.get("status_id[]") or []
        if not outbound_ids or not status_ids:
            raise Refused(400, "outbound_id[] and status_id[] are required.")
        live = [
            self.outbounds[i]
            for i in outbound_ids
            if i in self.outbounds and not self.outbounds[i]["_removal_queued"]
        ]
        found = {
            r["customer_id"]
            for o in live
            for r in o["_records"]
            if str(r["status_id"]) in status_ids and r.get("customer_id")
        }
        return self.json({"customer_id": sorted(found)})


def _rest(path: str, *ops: str, item: str = "/{id}") -> dict[str, str]:
    """The documented routes of a collection at ``path`` (items at ``path + item``)."""
    methods = {"list": "GET", "get": "GET", "create": "POST", "update": "PUT", "delete": "DELETE"}
    return {
        op: f"{methods[op]} {path}{item if op in ('get', 'update', 'delete') else ''}" for op in ops
    }


def _listing(store: str, path: str) -> Resource:
    """A fixed list the fake answers whole (queues, statuses, categories)."""
    return Resource(store, "", {"list": f"GET {path}"})


_CRUD = ("list", "get", "create", "update", "delete")
_EXACT = dict.fromkeys(("identifier", "nip", "type", "group"), "exact")
_CONTACT = {"email": "any", "phone_number": "any"}
AGENTS = Resource(
    "agents",
    "login",
    _rest("/agents", "list", "get", "create", item="/{login}"),
    "Agent",
    missing="{label} not found.",
    param="login",
    new=FakeThulium._create_agent,
    wire={
        "view": lambda fake, r, request, op: _public(r),
        "created": {"agent_id": "agent_id", "agent_login": "login"},
    },
)
CUSTOMERS = Resource(
    "customers",
    "customer_id",
    _rest("/customers", *_CRUD),
    "Customer",
    missing="{label} not found.",
    id_type=int_id,
    filters={**_EXACT, **_CONTACT, "company_id": "exact", "company_flag": "flag"},
    new=FakeThulium._create_customer,
    change=FakeThulium._update_customer,
    removed=FakeThulium._drop_customer,
    wire={
        "limit": 1000,
        "sortable": ("surname", "name", "nip", "company_id", "customer_id", "identifier"),
        "view": lambda fake, r, request, op: fake._view(r, request, _CUSTOMER_KEYS),
        "created": ("customer_id",),
    },
)
COMPANIES = Resource(
    "companies",
    "company_id",
    _rest("/companies", *_CRUD),
    "Company",
    missing="{label} not found.",
    id_type=int_id,
    filters={**_EXACT, **_CONTACT},
    new=FakeThulium._create_company,
    change=FakeThulium._update_company,
    removed=FakeThulium._drop_company,
    wire={
        "limit": 1000,
        "sortable": ("name", "nip", "company_id", "identifier"),
        "view": lambda fake, r, request, op: fake._view(r, request, _COMPANY_KEYS),
        "created": ("company_id", "customer_id"),
    },
)
TICKETS = Resource(
    "tickets",
    "ticket_id",
    _rest("/tickets", *_CRUD),
    "Ticket",
    missing="{label} not found.",
    id_type=int_id,
    filters={
        **dict.fromkeys(
            ("customer_id", "user_login", "source", "ticket_queue_id", "category_id"), "exact"
        ),
        "status_id": "in",
    },
    select=FakeThulium._select_tickets,
    new=FakeThulium._create_ticket,
    change=FakeThulium._update_ticket,
    removed=lambda fake, ticket, request: fake.ticket_messages.pop(ticket["ticket_id"], None),
    wire={
        "limit": 100,
        "counted": True,
        "view": FakeThulium._ticket_view,
        "created": ("ticket_id",),
    },
)
OUTBOUNDS = Resource(
    "outbounds",
    "id",
    _rest("/outbounds", "list", "create", "update"),
    "Outbound",
    missing="{label} not found.",
    select=lambda fake, items, request: [o for o in items if not o["_removal_queued"]],
    new=FakeThulium._create_outbound,
    change=FakeThulium._update_outbound,
    wire={
        "view": lambda fake, o, request, op: {
            k: o[k] for k in ("id", "name", "crm", "order", "parity")
        },
        "created": ("id", "outbound_id"),
    },
)
_RECORDS: Mapping[str, Any] = {
    "label": "Record",
    "missing": "{label} not found.",
    "filters": {"status_id": "in", "system_status": "in"},
    "select": FakeThulium._select_records,
    "change": FakeThulium._save_record,
    "wire": {
        "limit": 100,
        "counted": True,
        "sortable": ("next_call_date",),
        "view": FakeThulium._record_view,
        "created": ("record_id",),
    },
}
FakeThulium.resources = (
    AGENTS,
    CUSTOMERS,
    COMPANIES,
    TICKETS,
    OUTBOUNDS,
    Resource(
        lambda fake, request: fake._outbound(request, crm=False)["_records"],
        "phone_number",
        _rest("/outbounds/{id}/records", *_CRUD, item="/{phone_number}"),
        param="phone_number",
        new=FakeThulium._create_record,
        **_RECORDS,
    ),
    Resource(
        lambda fake, request: fake._outbound(request, crm=False)["_records"],
        "identifier",
        {
            op: spec.replace("records/", "records_by_identifier/")
            for op, spec in _rest(
                "/outbounds/{id}/records", "get", "update", "delete", item="/{identifier}"
            ).items()
        },
        param="identifier",
        **_RECORDS,
    ),
    Resource(
        lambda fake, request: fake._outbound(request, crm=True)["_records"],
        "customer_id",
        _rest("/crm_outbounds/{id}/records", *_CRUD, item="/{customer_id}"),
        id_type=int_id,
        param="customer_id",
        new=lambda fake, body, request: fake._create_record(body, request, crm=True),
        **_RECORDS,
    ),
    _listing("ticket_queues", "/ticket_queues"),
    _listing("ticket_statuses", "/ticket_statuses"),
    _listing("ticket_categories", "/ticket_categories"),
)
