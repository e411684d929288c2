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

import base64
import binascii
import copy
import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any, TypeVar, cast
from zoneinfo import ZoneInfo

import httpx

from ..thulium import AsyncThulium, Thulium
from ._clock import FakeClock
from ._options import FakeClientOptions
from ._server import FakeRequest, FakeServer, route

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["FakeThulium", "ThuliumFakeOptions"]

Record = dict[str, Any]
Handler = Callable[["FakeThulium", FakeRequest], httpx.Response]
H = TypeVar("H", bound=Handler)

MAX_CRM_LIMIT = 1000
MAX_RECORDS_LIMIT = 100
DEFAULT_LIMIT = 100

_PHONE = re.compile(r"^\+?\d{3,15}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MINUTE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")
_OUTBOUND_ID = re.compile(r"^\d{5}$")
_CUSTOM = re.compile(r"^custom_fields\[([^\]]+)\](?:\[\d*\])?$")

_CUSTOMER_KEYS = (
    "customer_id",
    "name",
    "surname",
    "phone_number",
    "phone_numbers",
    "email",
    "emails",
    "company_id",
    "identifier",
    "type",
    "group",
    "company_flag",
    "birthdate",
    "gender",
    "homepage",
    "nip",
    "account_manager",
    "updated_at",
)
_COMPANY_KEYS = (
    "name",
    "company_id",
    "customer_id",
    "identifier",
    "phone_number",
    "phone_numbers",
    "email",
    "emails",
    "type",
    "group",
    "nip",
    "account_manager",
)
_CUSTOMER_FIELDS = frozenset(
    {
        "name",
        "surname",
        "email",
        "phone_number",
        "company_id",
        "type",
        "group",
        "identifier",
        "gender",
        "homepage",
        "birthdate",
        "nip",
        "note",
        "pesel",
        "job",
        "job_title",
        "account_manager",
        "custom_fields",
        "fill_read_only_custom_fields",
        "vip",
        "address",
        "invoice_address",
        "mail_drop_address",
    }
)
_COMPANY_FIELDS = frozenset(
    {
        "name",
        "nip",
        "email",
        "phone_number",
        "type",
        "group",
        "identifier",
        "note",
        "custom_fields",
        "fill_read_only_custom_fields",
        "account_manager",
        "vip",
        "address",
        "invoice_address",
        "mail_drop_address",
    }
)
_ADDRESS_KEYS = (
    "street",
    "building",
    "flat",
    "postcode",
    "city",
    "post_office",
    "borough",
    "county",
    "voivodship",
    "country",
)
_ADDRESSES = ("address", "invoice_address", "mail_drop_address")
_DIALERS = ("predictive", "progressive", "preview")

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


class _Refused(Exception):
    """Raised inside a handler to answer with an error (one entry per message)."""

    def __init__(self, status: int, *messages: str) -> None:
        super().__init__("; ".join(messages))
        self.status = status
        self.messages = messages or ("Error.",)


def _endpoint(method: str, path: str) -> Callable[[H], H]:
    """:func:`route`, plus turning a :class:`_Refused` into the error answer."""

    def mark(func: H) -> H:
        @functools.wraps(func)
        def handler(self: FakeThulium, request: FakeRequest) -> httpx.Response:
            try:
                return func(self, request)
            except _Refused as exc:
                return self.errors_response(exc.status, list(exc.messages))

        return cast(H, route(method, path)(handler))

    return mark


# -- small parsers -----------------------------------------------------------------


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def _as_int(value: Any, name: str) -> int:
    if isinstance(value, bool):
        raise _Refused(400, f"{name} must be a number.")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d+", value.strip()):
        return int(value)
    raise _Refused(400, f"{name} must be a number.")


def _texts(value: Any) -> list[str]:
    """One value or a list of them, as a list of non-empty strings."""
    if value is None or value == "":
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    return [str(v).strip() for v in items if str(v).strip()]


def _blank(value: Any) -> Any:
    """Unset values are written as ``""``, as the documented answers show."""
    return "" if value is None else value


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
        self._ids: dict[str, int] = {}
        self._requests = 0
        self._new_agent(
            login="jkowalski",
            name="Jan",
            surname="Kowalski",
            email="jan.kowalski@example.org",
            number="559933",
            password="",
        )

    # -- wiring -------------------------------------------------------------

    def _options(self, options: ThuliumFakeOptions) -> dict[str, Any]:
        return {
            "username": self.username,
            "password": self.password,
            "time_zone": self.zone,
            **options,
            "base_url": self.base_url,
            "clock": self.clock,
        }

    def client(self, **options: Unpack[ThuliumFakeOptions]) -> Thulium:
        """A :class:`~cxkit.thulium.Thulium` client served by this fake (options override)."""
        return Thulium(transport=self.transport(), **self._options(options))

    def async_client(self, **options: Unpack[ThuliumFakeOptions]) -> AsyncThulium:
        """An :class:`~cxkit.thulium.AsyncThulium` client served by this fake (options override)."""
        return AsyncThulium(transport=self.transport(), **self._options(options))

    # -- hooks --------------------------------------------------------------

    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        """HTTP Basic with the fake's API user; anything else is 401."""
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        try:
            decoded = base64.b64decode(token.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            decoded = ""
        if scheme.lower() != "basic" or decoded != f"{self.username}:{self.password}":
            return self.errors_response(401, ["Authorization failed: wrong user or password."])
        return None

    def error_response(self, status: int, message: str) -> httpx.Response:
        """Unknown routes and methods: the status with the Thulium error body."""
        return self.errors_response(status, [message])

    def errors_response(self, status: int, messages: list[str]) -> httpx.Response:
        """The documented error body, one entry per message."""
        self._requests += 1
        digest = hashlib.sha1(f"{self._requests}:{self.clock.now()}".encode()).hexdigest()
        return self.json(
            {
                "request_id": digest[:13],
                "errors": [{"message": m, "code": status} for m in messages],
            },
            status=status,
        )

    # -- helpers ------------------------------------------------------------

    def now(self, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
        """The fake clock's time as Thulium writes it (account's zone)."""
        return datetime.fromtimestamp(self.clock.now(), tz=self.zone).strftime(fmt)

    def _next_id(self, kind: str, start: int = 1) -> int:
        self._ids[kind] = self._ids.get(kind, start - 1) + 1
        return self._ids[kind]

    def emit(self, action: str, **fields: Any) -> Record:
        """Record a webhook event (fields in the documented order, ``date`` now)."""
        event = {"action": action, **fields, "date": self.now()}
        self.events.append(event)
        return event

    @staticmethod
    def created(data: Any = None) -> httpx.Response:
        """``201``, with the created ids or no body."""
        if data is None:
            return httpx.Response(201)
        return httpx.Response(201, json=data)

    @staticmethod
    def no_content() -> httpx.Response:
        """``204`` with no body."""
        return httpx.Response(204)

    @staticmethod
    def _body(request: FakeRequest) -> Record:
        try:
            body = request.json()
        except ValueError:
            raise _Refused(400, "Request body is not valid JSON.") from None
        if body is None:
            return {}
        if not isinstance(body, dict):
            raise _Refused(400, "Request body must be a JSON object.")
        return body

    @staticmethod
    def _unknown_fields(body: Mapping[str, Any], allowed: Iterable[str]) -> list[str]:
        known = set(allowed)
        return [f"Unknown field: {key}." for key in body if key not in known]

    def _paged(
        self, request: FakeRequest, items: list[Record], *, max_limit: int
    ) -> tuple[list[Record], int]:
        limit = _as_int(request.arg("limit", str(DEFAULT_LIMIT)), "limit")
        offset = _as_int(request.arg("offset", "0"), "offset")
        if limit < 1 or limit > max_limit:
            raise _Refused(400, f"limit must be between 1 and {max_limit}.")
        return items[offset : offset + limit], len(items)

    @staticmethod
    def _ordered(items: list[Record], order: str | None, sortable: Iterable[str]) -> list[Record]:
        if not order:
            return items
        allowed = set(sortable)
        keys = [part.strip() for part in order.split(",") if part.strip()]
        for key in keys:
            if key.lstrip("-") not in allowed:
                raise _Refused(400, f"Cannot sort by {key.lstrip('-')}.")
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

    # -- agents -------------------------------------------------------------

    def _new_agent(self, **fields: Any) -> Record:
        agent = {
            "agent_id": self._next_id("agent"),
            "login": fields["login"],
            "name": fields["name"],
            "surname": fields["surname"],
            "email": fields.get("email") or "",
            "active": fields.get("active", True),
            "number": fields["number"],
            "outbound_mode": fields.get("outbound_mode") or "manual",
            "group_id": fields.get("group_id") or "",
            "_status": "OFF",
            "_pause_id": None,
            "_last_change": self.now(),
        }
        self.agents[agent["login"]] = agent
        return agent

    def _agent(self, login: str) -> Record:
        agent = self.agents.get(login)
        if agent is None:
            raise _Refused(404, "Agent not found.")
        return agent

    @staticmethod
    def _public(record: Record) -> Record:
        return {k: copy.deepcopy(v) for k, v in record.items() if not k.startswith("_")}

    @staticmethod
    def _status_view(agent: Record) -> Record:
        return {
            "login": agent["login"],
            "status": agent["_status"],
            "pause_id": agent["_pause_id"],
            "last_change": agent["_last_change"],
        }

    @_endpoint("GET", "/agents")
    def list_agents(self, request: FakeRequest) -> httpx.Response:
        """Every agent (one answer, not paged)."""
        return self.json([self._public(a) for a in self.agents.values()])

    @_endpoint("GET", "/agents/{login}")
    def get_agent(self, request: FakeRequest) -> httpx.Response:
        """An agent by login."""
        return self.json(self._public(self._agent(request.path_params["login"])))

    @_endpoint("POST", "/agents")
    def create_agent(self, request: FakeRequest) -> httpx.Response:
        """Add an agent (``201 {"agent_id": "11", "agent_login": "..."}``)."""
        body = self._body(request)
        allowed = ("name", "surname", "login", "password", "number", "email", "change_password",
                   "callerid", "language", "active", "outbound_mode", "roles")  # fmt: skip
        problems = self._unknown_fields(body, allowed)
        for name in ("name", "surname", "login", "password", "number"):
            if not str(body.get(name) or "").strip():
                problems.append(f"{name} is required.")
        if body.get("login") in self.agents:
            problems.append("Agent with this login already exists.")
        if problems:
            raise _Refused(400, *problems)
        agent = self._new_agent(**{**body, "number": str(body["number"])})
        return self.created({"agent_id": str(agent["agent_id"]), "agent_login": agent["login"]})

    @_endpoint("GET", "/agents/{login}/status")
    def agent_status(self, request: FakeRequest) -> httpx.Response:
        """An agent's status (``OFF``, ``FREE``, ``PAUSED``)."""
        return self.json(self._status_view(self._agent(request.path_params["login"])))

    @_endpoint("GET", "/agents_statuses")
    def agents_statuses(self, request: FakeRequest) -> httpx.Response:
        """Statuses of logged-in agents (and logged-off ones with ``include_logged_off``)."""
        everyone = _truthy(request.arg("include_logged_off", ""))
        return self.json(
            [
                self._status_view(a)
                for a in self.agents.values()
                if everyone or a["_status"] != "OFF"
            ]
        )

    def _set_status(self, agent: Record, status: str, pause_id: int | None) -> None:
        agent["_status"] = status
        agent["_pause_id"] = pause_id
        agent["_last_change"] = self.now()

    @_endpoint("POST", "/agents/{login}/login")
    def agent_login(self, request: FakeRequest) -> httpx.Response:
        """Log an agent in (status ``FREE``; ``AGENT_LOGGED_IN``)."""
        agent = self._agent(request.path_params["login"])
        if agent["_status"] == "OFF":
            self._set_status(agent, "FREE", None)
            self.emit("AGENT_LOGGED_IN", agent_login=agent["login"])
        return self.created()

    @_endpoint("POST", "/agents/{login}/logout")
    def agent_logout(self, request: FakeRequest) -> httpx.Response:
        """Log an agent out (status ``OFF``; ``AGENT_LOGGED_OUT``)."""
        agent = self._agent(request.path_params["login"])
        if agent["_status"] != "OFF":
            self._set_status(agent, "OFF", None)
            self.emit("AGENT_LOGGED_OUT", agent_login=agent["login"])
        return self.created()

    def _logged_in(self, request: FakeRequest) -> Record:
        agent = self._agent(request.path_params["login"])
        if agent["_status"] == "OFF":
            raise _Refused(400, "Agent is not logged in.")
        return agent

    @_endpoint("POST", "/agents/{login}/pause")
    def agent_pause(self, request: FakeRequest) -> httpx.Response:
        """Pause a logged-in agent (``AGENT_STATUS_CHANGED`` with the pause ids)."""
        agent = self._logged_in(request)
        body = self._body(request)
        if body.get("pause_id") in (None, ""):
            raise _Refused(400, "pause_id is required.")
        pause_id = _as_int(body["pause_id"], "pause_id")
        previous = agent["_pause_id"]
        self._set_status(agent, "PAUSED", pause_id)
        self.emit(
            "AGENT_STATUS_CHANGED",
            agent_login=agent["login"],
            pause_id=pause_id,
            previous_pause_id=previous,
        )
        return self.created()

    @_endpoint("POST", "/agents/{login}/free")
    def agent_free(self, request: FakeRequest) -> httpx.Response:
        """Unpause a logged-in agent (``AGENT_STATUS_CHANGED``, ``pause_id`` null)."""
        agent = self._logged_in(request)
        previous = agent["_pause_id"]
        if agent["_status"] == "PAUSED":
            self._set_status(agent, "FREE", None)
            self.emit(
                "AGENT_STATUS_CHANGED",
                agent_login=agent["login"],
                pause_id=None,
                previous_pause_id=previous,
            )
        return self.created()

    # -- customers and companies ----------------------------------------------

    def _contacts(self, body: Mapping[str, Any], record: Record, problems: list[str]) -> None:
        if "phone_number" in body:
            phones = _texts(body["phone_number"])
            bad = [p for p in phones if not _PHONE.match(p)]
            if bad:
                problems.append("Phone number must be numeric.")
            record["phone_numbers"] = phones
            record["phone_number"] = phones[0] if phones else ""
        if "email" in body:
            emails = _texts(body["email"])
            if any("@" not in e for e in emails):
                problems.append("Wrong format of e-mail address.")
            record["emails"] = emails
            record["email"] = emails[0] if emails else ""

    def _apply(
        self, body: Mapping[str, Any], record: Record, allowed: frozenset[str], *, company: bool
    ) -> list[str]:
        """Copy a create/update body onto ``record``; the problems found, if any."""
        problems = self._unknown_fields(body, allowed)
        self._contacts(body, record, problems)
        for key in allowed - {"phone_number", "email", "custom_fields", *_ADDRESSES}:
            if key in body and key != "fill_read_only_custom_fields":
                value = body[key]
                record[key] = "" if value is None else value
        if "company_id" in body and body["company_id"] not in (None, ""):
            try:
                company_id = _as_int(body["company_id"], "company_id")
            except _Refused as exc:
                problems.extend(exc.messages)
            else:
                if company_id not in self.companies:
                    problems.append("Company not found.")
                record["company_id"] = company_id
        if body.get("nip"):
            pool = self.companies if company else self.customers
            key = "company_id" if company else "customer_id"
            if any(
                r.get("nip") == body["nip"] and r[key] != record.get(key) for r in pool.values()
            ):
                problems.append("Duplicated NIP.")
        if "custom_fields" in body:
            fields = body["custom_fields"]
            if not isinstance(fields, Mapping):
                problems.append("custom_fields must be an object.")
            else:
                mine = record.setdefault("custom_fields", {})
                for name, value in fields.items():
                    mine[str(name)] = None if value in ("", None) else value
        for key in _ADDRESSES:
            if key in body:
                value = body[key]
                if not isinstance(value, Mapping):
                    problems.append(f"{key} must be an object.")
                    continue
                address = record.setdefault(key, dict.fromkeys(_ADDRESS_KEYS))
                address.update({k: (v if v != "" else None) for k, v in value.items()})
        return problems

    def _create_customer(self, body: Mapping[str, Any]) -> Record:
        record: Record = {"customer_id": 0, "company_flag": False}
        problems = self._apply(body, record, _CUSTOMER_FIELDS, company=False)
        if not str(body.get("surname") or "").strip():
            problems.insert(0, "Surname is required.")
        if problems:
            raise _Refused(400, *problems)
        record["customer_id"] = self._next_id("customer")
        record["updated_at"] = self.now()
        self.customers[record["customer_id"]] = record
        self.emit(
            "CUSTOMER_CREATED",
            customer_id=record["customer_id"],
            company_id=record.get("company_id") or None,
        )
        return record

    def _update_customer(self, customer_id: int, body: Mapping[str, Any]) -> None:
        record = self._customer(customer_id)
        work = copy.deepcopy(record)
        problems = self._apply(body, work, _CUSTOMER_FIELDS, company=False)
        if "surname" in body and not str(body.get("surname") or "").strip():
            problems.insert(0, "Surname cannot be empty.")
        if problems:
            raise _Refused(400, *problems)
        work["updated_at"] = self.now()
        record.clear()
        record.update(work)

    def _delete_customer(self, customer_id: int) -> None:
        self._customer(customer_id)
        del self.customers[customer_id]
        for outbound in self.outbounds.values():
            outbound["_records"] = [
                r for r in outbound["_records"] if r.get("customer_id") != customer_id
            ]

    def _customer(self, customer_id: Any) -> Record:
        try:
            key = _as_int(customer_id, "customer_id")
        except _Refused:
            raise _Refused(404, "Customer not found.") from None
        record = self.customers.get(key)
        if record is None:
            raise _Refused(404, "Customer not found.")
        return record

    def _company(self, company_id: Any) -> Record:
        try:
            key = _as_int(company_id, "company_id")
        except _Refused:
            raise _Refused(404, "Company not found.") from None
        record = self.companies.get(key)
        if record is None:
            raise _Refused(404, "Company not found.")
        return record

    @staticmethod
    def _view(record: Record, keys: Iterable[str], request: FakeRequest | None) -> Record:
        out = {key: copy.deepcopy(_blank(record.get(key))) for key in keys}
        for key in ("phone_numbers", "emails"):
            if key in out and out[key] == "":
                out[key] = []
        if request is None:
            return out
        for key in _ADDRESSES:
            if _truthy(request.arg(f"include_{key}", "")):
                out[key] = copy.deepcopy(record.get(key) or dict.fromkeys(_ADDRESS_KEYS))
        if _truthy(request.arg("include_custom_fields", "")):
            out["custom_fields"] = copy.deepcopy(record.get("custom_fields") or {})
        return out

    @staticmethod
    def _custom_filters(request: FakeRequest) -> dict[str, list[str]]:
        wanted: dict[str, list[str]] = {}
        for key, values in request.query.items():
            match = _CUSTOM.match(key)
            if match:
                wanted.setdefault(match.group(1), []).extend(values)
        return wanted

    def _filtered(
        self, request: FakeRequest, records: Iterable[Record], names: Iterable[str]
    ) -> list[Record]:
        out = list(records)
        for name in names:
            if name not in request.query:
                continue
            value = request.arg(name) or ""
            if name in ("email", "phone_number"):
                plural = name.replace("phone_number", "phone_numbers").replace("email", "emails")
                out = [
                    r
                    for r in out
                    if (value in (r.get(plural) or []) if value else not r.get(plural))
                ]
            elif name == "company_flag":
                out = [r for r in out if bool(r.get("company_flag")) == _truthy(value)]
            elif name == "company_id":
                out = [r for r in out if str(r.get("company_id") or "") == value]
            else:
                out = [r for r in out if str(r.get(name) or "") == value]
        for field, values in self._custom_filters(request).items():
            out = [r for r in out if str((r.get("custom_fields") or {}).get(field)) in values]
        return out

    @_endpoint("GET", "/customers")
    def list_customers(self, request: FakeRequest) -> httpx.Response:
        """Customers matching the filters, ordered and paged (``limit`` up to 1000)."""
        found = self._filtered(
            request,
            self.customers.values(),
            ("identifier", "email", "phone_number", "nip", "company_id", "company_flag",
             "type", "group"),
        )  # fmt: skip
        found = self._ordered(
            found,
            request.arg("order"),
            ("surname", "name", "nip", "company_id", "customer_id", "identifier"),
        )
        page, _ = self._paged(request, found, max_limit=MAX_CRM_LIMIT)
        return self.json([self._view(r, _CUSTOMER_KEYS, request) for r in page])

    @_endpoint("GET", "/customers/{id}")
    def get_customer(self, request: FakeRequest) -> httpx.Response:
        """A customer by id."""
        record = self._customer(request.path_params["id"])
        return self.json(self._view(record, _CUSTOMER_KEYS, request))

    @_endpoint("POST", "/customers")
    def create_customer(self, request: FakeRequest) -> httpx.Response:
        """Add a customer (``surname`` required; ``CUSTOMER_CREATED``)."""
        record = self._create_customer(self._body(request))
        return self.created({"customer_id": str(record["customer_id"])})

    @_endpoint("PUT", "/customers/{id}")
    def update_customer(self, request: FakeRequest) -> httpx.Response:
        """Change the given fields of a customer (an empty value clears one)."""
        self._update_customer(self._customer(request.path_params["id"])["customer_id"],
                              self._body(request))  # fmt: skip
        return self.no_content()

    @_endpoint("DELETE", "/customers/{id}")
    def delete_customer(self, request: FakeRequest) -> httpx.Response:
        """Delete a customer and its campaign records."""
        self._delete_customer(self._customer(request.path_params["id"])["customer_id"])
        return self.no_content()

    @_endpoint("POST", "/customers/{id}/notes")
    def create_note(self, request: FakeRequest) -> httpx.Response:
        """Add a note to a customer (``CUSTOMER_NOTE_SAVED``)."""
        record = self._customer(request.path_params["id"])
        body = self._body(request)
        problems = self._unknown_fields(body, ("message", "user_login"))
        if not str(body.get("message") or "").strip():
            problems.insert(0, "message is required.")
        login = body.get("user_login")
        if login is not None and login not in self.agents:
            problems.append("User not found.")
        if problems:
            raise _Refused(400, *problems)
        note = {"customer_id": record["customer_id"], "message": body["message"],
                "user_login": login, "date": self.now()}  # fmt: skip
        self.notes.append(note)
        self.emit(
            "CUSTOMER_NOTE_SAVED",
            agent_login=login,
            customer_id=record["customer_id"],
            content=body["message"],
        )
        return self.created()

    @_endpoint("POST", "/customers/{id}/feed_records")
    def create_feed_record(self, request: FakeRequest) -> httpx.Response:
        """Add an entry to a customer's contact history."""
        record = self._customer(request.path_params["id"])
        body = self._body(request)
        problems = self._unknown_fields(body, ("type", "payload"))
        if body.get("type") != "ZOWIE":
            problems.append("type must be ZOWIE.")
        if not isinstance(body.get("payload"), str) or not body["payload"]:
            problems.append("payload is required.")
        if problems:
            raise _Refused(400, *problems)
        self.feed_records.append({"customer_id": record["customer_id"], **body})
        return self.created()

    # -- batch customers (207) --------------------------------------------------

    @staticmethod
    def _batch_list(body: Mapping[str, Any]) -> list[Any]:
        items = body.get("customers")
        if not isinstance(items, list) or not items:
            raise _Refused(400, "customers must be a non-empty list.")
        return items

    @staticmethod
    def _item_error(exc: _Refused) -> Record:
        return {"http_status": exc.status, "message": " ".join(exc.messages)}

    @_endpoint("POST", "/batch/customers")
    def batch_create_customers(self, request: FakeRequest) -> httpx.Response:
        """Add many customers: ``207``, one result per index (``"0"``, ``"1"``...)."""
        out: Record = {}
        for index, item in enumerate(self._batch_list(self._body(request))):
            try:
                if not isinstance(item, Mapping):
                    raise _Refused(400, "A customer must be an object.")
                record = self._create_customer(item)
            except _Refused as exc:
                out[str(index)] = self._item_error(exc)
            else:
                out[str(index)] = {"http_status": 201, "customer_id": str(record["customer_id"])}
        return self.json(out, status=207)

    @_endpoint("PUT", "/batch/customers")
    def batch_update_customers(self, request: FakeRequest) -> httpx.Response:
        """Change many customers: ``207``, one result per ``customer_id``."""
        out: Record = {}
        for index, item in enumerate(self._batch_list(self._body(request))):
            key = str(index)
            try:
                if not isinstance(item, Mapping) or item.get("customer_id") in (None, ""):
                    raise _Refused(400, "customer_id is required.")
                key = str(item["customer_id"])
                record = self._customer(item["customer_id"])
                fields = {k: v for k, v in item.items() if k != "customer_id"}
                self._update_customer(record["customer_id"], fields)
            except _Refused as exc:
                out[key] = self._item_error(exc)
            else:
                out[key] = {"http_status": 204}
        return self.json(out, status=207)

    @_endpoint("DELETE", "/batch/customers")
    def batch_delete_customers(self, request: FakeRequest) -> httpx.Response:
        """Delete many customers (``customer_id[]``): ``207``, one result per id."""
        ids = request.query.get("customer_id[]") or []
        if not ids:
            raise _Refused(400, "customer_id[] is required.")
        out: Record = {}
        for raw in ids:
            try:
                self._delete_customer(self._customer(raw)["customer_id"])
            except _Refused as exc:
                out[raw] = self._item_error(exc)
            else:
                out[raw] = {"http_status": 204}
        return self.json(out, status=207)

    # -- companies ------------------------------------------------------------

    @_endpoint("GET", "/companies")
    def list_companies(self, request: FakeRequest) -> httpx.Response:
        """Companies matching the filters, ordered and paged (``limit`` up to 1000)."""
        found = self._filtered(
            request,
            self.companies.values(),
            ("identifier", "email", "phone_number", "nip", "type", "group"),
        )
        found = self._ordered(
            found, request.arg("order"), ("name", "nip", "company_id", "identifier")
        )
        page, _ = self._paged(request, found, max_limit=MAX_CRM_LIMIT)
        return self.json([self._view(r, _COMPANY_KEYS, request) for r in page])

    @_endpoint("GET", "/companies/{id}")
    def get_company(self, request: FakeRequest) -> httpx.Response:
        """A company by id."""
        record = self._company(request.path_params["id"])
        return self.json(self._view(record, _COMPANY_KEYS, request))

    @_endpoint("POST", "/companies")
    def create_company(self, request: FakeRequest) -> httpx.Response:
        """Add a company (and the customer card that stands for it)."""
        body = self._body(request)
        record: Record = {"company_id": 0}
        problems = self._apply(body, record, _COMPANY_FIELDS, company=True)
        if not str(body.get("name") or "").strip():
            problems.insert(0, "Company name is required.")
        if problems:
            raise _Refused(400, *problems)
        record["company_id"] = self._next_id("company")
        # A company is a customer card too (company_flag), with its own customer_id.
        card = {
            "customer_id": self._next_id("customer"),
            "name": record["name"],
            "surname": "",
            "company_flag": True,
            "company_id": record["company_id"],
            "updated_at": self.now(),
        }
        self.customers[card["customer_id"]] = card
        record["customer_id"] = card["customer_id"]
        self.companies[record["company_id"]] = record
        return self.created(
            {"company_id": str(record["company_id"]), "customer_id": str(card["customer_id"])}
        )

    @_endpoint("PUT", "/companies/{id}")
    def update_company(self, request: FakeRequest) -> httpx.Response:
        """Change the given fields of a company."""
        record = self._company(request.path_params["id"])
        body = self._body(request)
        work = copy.deepcopy(record)
        problems = self._apply(body, work, _COMPANY_FIELDS, company=True)
        if "name" in body and not str(body.get("name") or "").strip():
            problems.insert(0, "Company name cannot be empty.")
        if problems:
            raise _Refused(400, *problems)
        record.clear()
        record.update(work)
        card = self.customers.get(record["customer_id"])
        if card is not None:
            card["name"] = record["name"]
        return self.no_content()

    @_endpoint("DELETE", "/companies/{id}")
    def delete_company(self, request: FakeRequest) -> httpx.Response:
        """Delete a company; its customers stay, without a company."""
        record = self._company(request.path_params["id"])
        del self.companies[record["company_id"]]
        self.customers.pop(record["customer_id"], None)
        for customer in self.customers.values():
            if customer.get("company_id") == record["company_id"]:
                customer["company_id"] = ""
        return self.no_content()

    # -- tickets --------------------------------------------------------------

    def _ticket(self, ticket_id: Any) -> Record:
        try:
            key = _as_int(ticket_id, "id")
        except _Refused:
            raise _Refused(404, "Ticket not found.") from None
        record = self.tickets.get(key)
        if record is None:
            raise _Refused(404, "Ticket not found.")
        return record

    def _ticket_status(self, status_id: Any, substatus_id: Any) -> tuple[Record, Record | None]:
        status = next(
            (s for s in self.ticket_statuses if str(s["status_id"]) == str(status_id)), None
        )
        if status is None:
            raise _Refused(400, f"Ticket status {status_id} does not exist.")
        if substatus_id in (None, ""):
            return status, None
        sub = next(
            (x for x in status["substatuses"] if str(x["substatus_id"]) == str(substatus_id)),
            None,
        )
        if sub is None:
            raise _Refused(400, f"Substatus {substatus_id} does not belong to status {status_id}.")
        return status, sub

    def _ticket_fields(self, body: Mapping[str, Any], ticket: Record) -> list[str]:
        """Apply the fields create and update share; the problems found."""
        problems: list[str] = []
        if "user_login" in body and body["user_login"] not in (None, ""):
            if body["user_login"] not in self.agents:
                problems.append("User not found.")
            ticket["user_login"] = body["user_login"]
        if "customer_id" in body and body["customer_id"] not in (None, ""):
            customer = self.customers.get(_as_int(body["customer_id"], "customer_id"))
            if customer is None:
                problems.append("Customer not found.")
            else:
                ticket["customer_id"] = customer["customer_id"]
        if "ticket_queue_id" in body and body["ticket_queue_id"] not in (None, ""):
            queue = next(
                (q for q in self.ticket_queues
                 if str(q["ticket_queue_id"]) == str(body["ticket_queue_id"])),
                None,
            )  # fmt: skip
            if queue is None:
                problems.append("Ticket queue not found.")
            else:
                ticket["ticket_queue_id"] = queue["ticket_queue_id"]
                ticket["ticket_queue_name"] = queue["name"]
        if "category_id" in body and body["category_id"] not in (None, ""):
            if not any(
                str(c["category_id"]) == str(body["category_id"]) for c in self.ticket_categories
            ):
                problems.append("Ticket category not found.")
            ticket["category_id"] = _as_int(body["category_id"], "category_id")
        if "status_id" in body or "substatus_id" in body:
            try:
                status, sub = self._ticket_status(
                    body.get("status_id", ticket.get("status_id")), body.get("substatus_id")
                )
            except _Refused as exc:
                problems.extend(exc.messages)
            else:
                ticket["status_id"] = status["status_id"]
                ticket["substatus_id"] = sub["substatus_id"] if sub else None
                name = status["name"] + (f" / {sub['name']}" if sub else "")
                ticket["full_status_name"] = name
        if "tags" in body:
            tags = body["tags"]
            if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
                problems.append("tags must be a list of strings.")
            else:
                ticket["tags"] = list(tags)
        if "custom_fields" in body:
            fields = body["custom_fields"]
            if not isinstance(fields, Mapping):
                problems.append("custom_fields must be an object.")
            else:
                mine = ticket.setdefault("custom_fields", {})
                for name, value in fields.items():
                    mine[str(name)] = None if value in ("", None) else value
        return problems

    def _add_message(self, ticket: Record, kind: str, **fields: Any) -> Record:
        message = {
            "message_id": self._next_id("ticket_message"),
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

    def _ticket_view(
        self, ticket: Record, request: FakeRequest | None, *, messages: bool
    ) -> Record:
        out = {k: copy.deepcopy(v) for k, v in ticket.items() if k != "custom_fields"}
        if ticket.get("closed_at"):
            out["close_time"] = self._duration(ticket["created_at"], ticket["closed_at"])
        if ticket.get("first_agent_responded_at"):
            out["first_agent_response_time"] = self._duration(
                ticket["created_at"], ticket["first_agent_responded_at"]
            )
        if messages:
            out["messages"] = copy.deepcopy(self.ticket_messages.get(ticket["ticket_id"], []))
        if request is not None and _truthy(request.arg("include_custom_fields", "")):
            out["custom_fields"] = copy.deepcopy(ticket.get("custom_fields") or {})
        return out

    def _duration(self, start: str, end: str) -> str:
        fmt = "%Y-%m-%d %H:%M:%S"
        seconds = int((datetime.strptime(end, fmt) - datetime.strptime(start, fmt)).total_seconds())
        return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"

    @_endpoint("GET", "/ticket_queues")
    def list_ticket_queues(self, request: FakeRequest) -> httpx.Response:
        """The ticket queues."""
        return self.json(copy.deepcopy(self.ticket_queues))

    @_endpoint("GET", "/ticket_statuses")
    def list_ticket_statuses(self, request: FakeRequest) -> httpx.Response:
        """The ticket statuses with their substatuses."""
        return self.json(copy.deepcopy(self.ticket_statuses))

    @_endpoint("GET", "/ticket_categories")
    def list_ticket_categories(self, request: FakeRequest) -> httpx.Response:
        """The ticket categories."""
        return self.json(copy.deepcopy(self.ticket_categories))

    @_endpoint("POST", "/tickets")
    def create_ticket(self, request: FakeRequest) -> httpx.Response:
        """Open a ticket with its first message (``TICKET_CREATED``)."""
        body = self._body(request)
        allowed = ("to", "from", "subject", "body", "body_type", "comment", "cc", "attachments",
                   "source", "direction", "user_login", "customer_id", "tags", "status_id",
                   "substatus_id", "category_id", "ticket_queue_id", "custom_fields")  # fmt: skip
        problems = self._unknown_fields(body, allowed)
        for name in ("to", "subject", "body"):
            if not str(body.get(name) or "").strip():
                problems.append(f"{name} is required.")
        direction = body.get("direction") or "in_behalf_of"
        if direction not in ("in_behalf_of", "out"):
            problems.append("direction must be in_behalf_of or out.")
        source = body.get("source") or "email"
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
        problems += self._ticket_fields(body, ticket)
        if problems:
            raise _Refused(400, *dict.fromkeys(problems))
        if not ticket["from"] and ticket["customer_id"]:
            ticket["from"] = self.customers[ticket["customer_id"]].get("email") or ""
        ticket["ticket_id"] = self._next_id("ticket")
        self.tickets[ticket["ticket_id"]] = ticket
        self._add_message(
            ticket,
            "REPLY" if direction == "out" else "MAIL",
            user_login=ticket["user_login"] if direction == "out" else None,
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
        return self.created({"ticket_id": str(ticket["ticket_id"])})

    @staticmethod
    def _attachments(body: Mapping[str, Any]) -> list[Record]:
        tokens = body.get("attachments") or []
        if not isinstance(tokens, list) or not all(isinstance(t, str) and t for t in tokens):
            raise _Refused(400, "attachments must be a list of temporary file tokens.")
        return [{"token": t, "filename": t, "size": 0} for t in tokens]

    @_endpoint("GET", "/tickets")
    def list_tickets(self, request: FakeRequest) -> httpx.Response:
        """Tickets, last changed first, filtered and paged: ``{"count", "result"}``."""
        found = list(self.tickets.values())
        for name in ("customer_id", "user_login", "source", "ticket_queue_id", "category_id"):
            value = request.arg(name)
            if value is not None:
                found = [t for t in found if str(t.get(name) or "") == value]
        company = request.arg("company_id")
        if company is not None:
            found = [
                t
                for t in found
                if str(self.customers.get(t.get("customer_id") or 0, {}).get("company_id") or "")
                == company
            ]
        statuses = request.query.get("status_id[]") or request.query.get("status_id")
        if statuses:
            found = [t for t in found if str(t["status_id"]) in statuses]
        message = request.arg("message_id")
        if message is not None:
            found = [
                t
                for t in found
                if any(str(m["message_id"]) == message
                       for m in self.ticket_messages.get(t["ticket_id"], []))
            ]  # fmt: skip
        for name, key in (("date", "updated_at"), ("create_date", "created_at")):
            low, high = request.arg(f"{name}_from"), request.arg(f"{name}_to")
            if low:
                found = [t for t in found if t[key][: len(low)] >= low]
            if high:
                found = [t for t in found if t[key][: len(high)] <= high]
        for field, values in self._custom_filters(request).items():
            found = [t for t in found if str((t.get("custom_fields") or {}).get(field)) in values]
        found.sort(key=lambda t: (t["updated_at"], t["ticket_id"]), reverse=True)
        page, total = self._paged(request, found, max_limit=MAX_RECORDS_LIMIT)
        return self.json(
            {"count": total, "result": [self._ticket_view(t, None, messages=False) for t in page]}
        )

    @_endpoint("GET", "/tickets/{id}")
    def get_ticket(self, request: FakeRequest) -> httpx.Response:
        """A ticket with its messages."""
        return self.json(
            self._ticket_view(self._ticket(request.path_params["id"]), request, messages=True)
        )

    @_endpoint("PUT", "/tickets/{id}")
    def update_ticket(self, request: FakeRequest) -> httpx.Response:
        """Change a ticket (``TICKET_STATUS_CHANGED``, ``TICKET_CLOSED``, ``TICKET_QUEUE_CHANGED``)."""
        ticket = self._ticket(request.path_params["id"])
        body = self._body(request)
        allowed = ("user_login", "status_id", "substatus_id", "category_id", "tags",
                   "ticket_queue_id", "custom_fields")  # fmt: skip
        work = copy.deepcopy(ticket)
        problems = self._unknown_fields(body, allowed) + self._ticket_fields(body, work)
        if problems:
            raise _Refused(400, *dict.fromkeys(problems))
        old_status = (ticket["status_id"], ticket["substatus_id"])
        old_queue = ticket["ticket_queue_id"]
        work["updated_at"] = self.now()
        ticket.update(work)
        agent = body.get("user_login") or ticket.get("user_login")
        if (ticket["status_id"], ticket["substatus_id"]) != old_status:
            self.emit(
                "TICKET_STATUS_CHANGED",
                ticket_id=ticket["ticket_id"],
                agent_login=agent,
                status_id=ticket["status_id"],
                substatus_id=ticket["substatus_id"],
            )
            closed = ticket["status_id"] == self.closed_status_id
            if closed and not ticket["closed_at"]:
                ticket["closed_at"] = self.now()
                self.emit("TICKET_CLOSED", ticket_id=ticket["ticket_id"], agent_login=agent)
        if ticket["ticket_queue_id"] != old_queue:
            self.emit(
                "TICKET_QUEUE_CHANGED",
                ticket_id=ticket["ticket_id"],
                ticket_queue_id=ticket["ticket_queue_id"],
                agent_login=agent,
            )
        return self.no_content()

    @_endpoint("DELETE", "/tickets/{id}")
    def delete_ticket(self, request: FakeRequest) -> httpx.Response:
        """Delete a ticket and its messages."""
        ticket = self._ticket(request.path_params["id"])
        del self.tickets[ticket["ticket_id"]]
        self.ticket_messages.pop(ticket["ticket_id"], None)
        return self.no_content()

    def _message_body(self, request: FakeRequest, allowed: tuple[str, ...], text: str) -> Record:
        body = self._body(request)
        problems = self._unknown_fields(body, allowed)
        if not str(body.get(text) or "").strip():
            problems.insert(0, f"{text} is required.")
        if body.get("body_type") not in (None, "HTML", "PLAIN"):
            problems.append("body_type must be HTML or PLAIN.")
        login = body.get("user_login")
        if login not in (None, "") and login not in self.agents:
            problems.append("User not found.")
        if problems:
            raise _Refused(400, *problems)
        return body

    @_endpoint("POST", "/tickets/{id}/comment")
    def create_ticket_comment(self, request: FakeRequest) -> httpx.Response:
        """Add an internal comment (``TICKET_COMMENT_CREATED``)."""
        ticket = self._ticket(request.path_params["id"])
        body = self._message_body(request, ("comment", "user_login"), "comment")
        message = self._add_message(
            ticket, "COMMENT", user_login=body.get("user_login"), comment=body["comment"]
        )
        self.emit(
            "TICKET_COMMENT_CREATED",
            ticket_id=ticket["ticket_id"],
            agent_login=body.get("user_login"),
            message_id=message["message_id"],
        )
        return self.created()

    @_endpoint("POST", "/tickets/{id}/agent_response")
    def create_agent_response(self, request: FakeRequest) -> httpx.Response:
        """Send an agent's message to the customer (``TICKET_AGENT_REPLIED``)."""
        ticket = self._ticket(request.path_params["id"])
        body = self._message_body(
            request, ("body", "body_type", "user_login", "date", "attachments"), "body"
        )
        if not body.get("user_login"):
            raise _Refused(400, "user_login is required.")
        message = self._add_message(
            ticket,
            "REPLY",
            user_login=body["user_login"],
            body=body["body"],
            attachments=self._attachments(body),
            **({"created_at": f"{body['date']}:00"} if body.get("date") else {}),
        )
        if not ticket["first_agent_responded_at"]:
            ticket["first_agent_responded_at"] = message["created_at"]
        self.emit(
            "TICKET_AGENT_REPLIED",
            ticket_id=ticket["ticket_id"],
            message_id=message["message_id"],
            agent_login=body["user_login"],
        )
        return self.created()

    @_endpoint("POST", "/tickets/{id}/customer_response")
    def create_customer_response(self, request: FakeRequest) -> httpx.Response:
        """Add the customer's reply (``TICKET_MESSAGE_RECEIVED``)."""
        ticket = self._ticket(request.path_params["id"])
        body = self._message_body(request, ("body", "body_type", "date"), "body")
        message = self._add_message(
            ticket,
            "MAIL",
            body=body["body"],
            **({"created_at": f"{body['date']}:00"} if body.get("date") else {}),
        )
        self.emit(
            "TICKET_MESSAGE_RECEIVED",
            ticket_id=ticket["ticket_id"],
            message_id=message["message_id"],
            ticket_queue_id=ticket["ticket_queue_id"],
        )
        return self.created()

    @_endpoint("DELETE", "/tickets/{id}/attachments/{token}")
    def delete_ticket_attachment(self, request: FakeRequest) -> httpx.Response:
        """Remove an attachment from the ticket's messages."""
        ticket = self._ticket(request.path_params["id"])
        token = request.path_params["token"]
        for message in self.ticket_messages.get(ticket["ticket_id"], []):
            kept = [a for a in message["attachments"] if a["token"] != token]
            if len(kept) != len(message["attachments"]):
                message["attachments"] = kept
                return self.no_content()
        raise _Refused(404, "Attachment not found.")

    # -- outbound campaigns ----------------------------------------------------

    def _outbound(self, outbound_id: str, *, crm: bool | None = None) -> Record:
        record = self.outbounds.get(outbound_id)
        if record is None or record["_removal_queued"]:
            raise _Refused(404, "Outbound not found.")
        if crm is True and not record["crm"]:
            raise _Refused(400, "Outbound is not a CRM outbound.")
        if crm is False and record["crm"]:
            raise _Refused(400, "Outbound is a CRM outbound: use crm_outbounds.")
        return record

    def _free_outbound_id(self) -> str:
        while True:
            candidate = f"{self._next_id('outbound_code'):05d}"
            if candidate not in self.outbounds:
                return candidate

    def _outbound_fields(
        self, body: Mapping[str, Any], record: Record, problems: list[str]
    ) -> None:
        if "name" in body:
            if not str(body["name"] or "").strip():
                problems.append("name is required.")
            record["name"] = body["name"]
        if "dialer" in body:
            if body["dialer"] not in _DIALERS:
                problems.append("dialer must be one of: predictive, progressive, preview.")
            record["dialer"] = body["dialer"]
        for key in ("start_date", "end_date"):
            if key in body:
                value = body[key]
                if value not in (None, "") and not (isinstance(value, str) and _DAY.match(value)):
                    problems.append(f"{key} must be a YYYY-MM-DD date.")
                record[key] = _blank(value)
        for key in ("order", "parity", "group_id"):
            if key in body and body[key] not in (None, ""):
                try:
                    record[key] = _as_int(body[key], key)
                except _Refused as exc:
                    problems.extend(exc.messages)
        if "active" in body:
            record["active"] = bool(body["active"])
        if "parameters" in body:
            params = body["parameters"]
            if not isinstance(params, Mapping):
                problems.append("parameters must be an object.")
            else:
                allowed = ("caller_id", "preview_timeout", "predictive_max_calls",
                           "predictive_min_calls")  # fmt: skip
                problems.extend(f"Unknown parameter: {k}." for k in params if k not in allowed)
                record.setdefault("parameters", {}).update(params)

    def _new_outbound(self, outbound_id: str, fields: Record) -> Record:
        record = {
            "id": outbound_id,
            "outbound_id": self._next_id("outbound"),
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
        self.outbounds[outbound_id] = record
        return record

    def _new_outbound_id(self, value: Any, problems: list[str]) -> str:
        if value in (None, ""):
            return self._free_outbound_id()
        text = str(value)
        if not _OUTBOUND_ID.match(text):
            problems.append("Outbound id must be five digits.")
        elif text in self.outbounds:
            problems.append("Outbound with this id already exists.")
        return text

    @_endpoint("GET", "/outbounds")
    def list_outbounds(self, request: FakeRequest) -> httpx.Response:
        """Every campaign not queued for removal (``id``, ``name``, ``crm``, ``order``, ``parity``)."""
        return self.json(
            [
                {k: o[k] for k in ("id", "name", "crm", "order", "parity")}
                for o in self.outbounds.values()
                if not o["_removal_queued"]
            ]
        )

    @_endpoint("POST", "/outbounds")
    def create_outbound(self, request: FakeRequest) -> httpx.Response:
        """Add a campaign (``201 {"id": "09098", "outbound_id": "21"}``)."""
        body = self._body(request)
        allowed = ("id", "name", "dialer", "crm", "active", "start_date", "end_date", "order",
                   "parity", "parameters", "group_id")  # fmt: skip
        problems = self._unknown_fields(body, allowed)
        for name in ("name", "dialer", "crm"):
            if body.get(name) in (None, ""):
                problems.append(f"{name} is required.")
        fields: Record = {"crm": bool(body.get("crm"))}
        self._outbound_fields({k: v for k, v in body.items() if k != "id"}, fields, problems)
        outbound_id = self._new_outbound_id(body.get("id"), problems)
        if problems:
            raise _Refused(400, *dict.fromkeys(problems))
        record = self._new_outbound(outbound_id, fields)
        return self.created({"id": record["id"], "outbound_id": str(record["outbound_id"])})

    @_endpoint("PUT", "/outbounds/{id}")
    def update_outbound(self, request: FakeRequest) -> httpx.Response:
        """Change the given fields of a campaign."""
        record = self._outbound(request.path_params["id"])
        body = self._body(request)
        allowed = ("name", "dialer", "active", "start_date", "end_date", "order", "parity",
                   "parameters", "group_id")  # fmt: skip
        problems = self._unknown_fields(body, allowed)
        work = copy.deepcopy({k: v for k, v in record.items() if not k.startswith("_")})
        self._outbound_fields(body, work, problems)
        if problems:
            raise _Refused(400, *problems)
        record.update(work)
        return self.no_content()

    def _queue_removal(self, outbound_id: str) -> Record:
        record = self.outbounds.get(outbound_id)
        if record is None:
            return {"http_status": 404, "id": outbound_id, "status": "NOT_EXIST"}
        if record["_removal_queued"]:
            return {"http_status": 400, "id": outbound_id, "status": "ALREADY_QUEUED"}
        record["_removal_queued"] = True
        return {"http_status": 200, "id": outbound_id, "status": "REMOVAL_QUEUED"}

    @_endpoint("DELETE", "/outbounds/{id}")
    def delete_outbound(self, request: FakeRequest) -> httpx.Response:
        """Queue a campaign for removal (it is gone from every answer at once)."""
        self._outbound(request.path_params["id"])
        self._queue_removal(request.path_params["id"])
        return self.no_content()

    @_endpoint("DELETE", "/batch/outbounds")
    def batch_delete_outbounds(self, request: FakeRequest) -> httpx.Response:
        """Queue many campaigns for removal (``id[]``): ``207``, a list of per-id results."""
        ids = request.query.get("id[]") or []
        if not ids:
            raise _Refused(400, "id[] is required.")
        return self.json([self._queue_removal(i) for i in ids], status=207)

    @_endpoint("POST", "/outbounds/{id}/clone")
    def clone_outbound(self, request: FakeRequest) -> httpx.Response:
        """Copy a campaign (settings, agents and statuses; no records)."""
        source = self._outbound(request.path_params["id"])
        body = self._body(request)
        allowed = ("new_id", "name", "start_date", "end_date", "parameters")
        problems = self._unknown_fields(body, allowed)
        if not str(body.get("name") or "").strip():
            problems.append("name is required.")
        fields = copy.deepcopy({k: v for k, v in source.items() if not k.startswith("_")})
        del fields["id"], fields["outbound_id"]
        self._outbound_fields({k: v for k, v in body.items() if k != "new_id"}, fields, problems)
        new_id = self._new_outbound_id(body.get("new_id"), problems)
        if problems:
            raise _Refused(400, *dict.fromkeys(problems))
        clone = self._new_outbound(new_id, fields)
        clone["_agents"] = list(source["_agents"])
        clone["_statuses"] = copy.deepcopy(source["_statuses"])
        return self.created({"id": clone["id"]})

    @_endpoint("GET", "/outbounds/{id}/agents")
    def outbound_agents(self, request: FakeRequest) -> httpx.Response:
        """The campaign's agents."""
        record = self._outbound(request.path_params["id"])
        return self.json(
            [
                {
                    "login": a["login"],
                    "number": a["number"],
                    "active": a["active"],
                    "active_in_outbound": bool(a["active"]),
                    "agent_id": a["agent_id"],
                }
                for a in (self.agents[login] for login in record["_agents"] if login in self.agents)
            ]
        )

    def _logins(self, request: FakeRequest) -> tuple[Record, list[str]]:
        record = self._outbound(request.path_params["id"])
        body = self._body(request)
        logins = body.get("logins")
        if not isinstance(logins, list) or not logins:
            raise _Refused(400, "logins must be a non-empty list.")
        unknown = [f"Agent {login} not found." for login in logins if login not in self.agents]
        if unknown:
            raise _Refused(400, *unknown)
        return record, [str(login) for login in logins]

    @_endpoint("POST", "/outbounds/{id}/add_agents")
    def add_outbound_agents(self, request: FakeRequest) -> httpx.Response:
        """Add agents to a campaign."""
        record, logins = self._logins(request)
        record["_agents"] += [login for login in logins if login not in record["_agents"]]
        return self.created()

    @_endpoint("POST", "/outbounds/{id}/remove_agents")
    def remove_outbound_agents(self, request: FakeRequest) -> httpx.Response:
        """Remove agents from a campaign."""
        record, logins = self._logins(request)
        record["_agents"] = [login for login in record["_agents"] if login not in logins]
        return self.created()

    @_endpoint("POST", "/outbounds/{id}/set_agents")
    def set_outbound_agents(self, request: FakeRequest) -> httpx.Response:
        """Make the given agents the campaign's only agents."""
        record, logins = self._logins(request)
        record["_agents"] = list(dict.fromkeys(logins))
        return self.created()

    @_endpoint("GET", "/outbounds/{id}/statuses")
    def outbound_statuses(self, request: FakeRequest) -> httpx.Response:
        """The campaign's record statuses."""
        return self.json(copy.deepcopy(self._outbound(request.path_params["id"])["_statuses"]))

    @staticmethod
    def _stats(record: Record) -> Record:
        records = record["_records"]
        done = sum(1 for r in records if r["system_status"] in _DONE)
        percent = round(100 * done / len(records), 2) if records else 0
        return {"id": record["id"], "records_count": len(records), "completion_percent": percent}

    @_endpoint("GET", "/outbounds/{id}/stats")
    def outbound_stats(self, request: FakeRequest) -> httpx.Response:
        """How many records a campaign has and how much of it is done."""
        return self.json(self._stats(self._outbound(request.path_params["id"])))

    @_endpoint("GET", "/outbounds/stats")
    def outbounds_stats(self, request: FakeRequest) -> httpx.Response:
        """The stats of every active campaign (or of ``id``)."""
        wanted = request.arg("id")
        return self.json(
            [
                self._stats(o)
                for o in self.outbounds.values()
                if not o["_removal_queued"] and o["active"] and wanted in (None, o["id"])
            ]
        )

    # -- campaign records ---------------------------------------------------------

    def _status(self, outbound: Record, status_id: Any) -> Record:
        status: Record
        for status in outbound["_statuses"]:
            if status["status_id"] == str(status_id):
                return status
        raise _Refused(400, f"Status {status_id} does not exist in this outbound.")

    def _record_fields(self, outbound: Record, body: Mapping[str, Any], record: Record) -> None:
        """Apply a create/update body to ``record``, checking it (status rules included)."""
        problems: list[str] = []
        if body.get("status_id") not in (None, ""):
            try:
                status = self._status(outbound, body["status_id"])
            except _Refused as exc:
                problems.extend(exc.messages)
            else:
                record["status_id"] = int(status["status_id"])
                record["status"] = status["name"]
                record["system_status"] = status["system_status"]
                record["dictionary_status_id"] = status["dictionary_status_id"]
        if "dictionary_status_id" in body:
            record["dictionary_status_id"] = body["dictionary_status_id"]
        if "agent_login" in body:
            login = body["agent_login"]
            agent = self.agents.get(login or "")
            if login not in (None, "") and agent is None:
                problems.append("Agent not found.")
            record["agent_login"] = _blank(login)
            record["agent_name"] = f"{agent['name']} {agent['surname']}" if agent else ""
        if "next_call_date" in body:
            value = body["next_call_date"]
            if value not in (None, "") and not (isinstance(value, str) and _MINUTE.match(value)):
                problems.append("next_call_date must look like YYYY-MM-DD hh:mm.")
            record["next_call_date"] = _blank(value)
        if "order" in body and body["order"] not in (None, ""):
            try:
                record["order"] = _as_int(body["order"], "order")
            except _Refused as exc:
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
        if "record_fields" in body:
            fields = body["record_fields"]
            if not isinstance(fields, Mapping):
                problems.append("record_fields must be an object.")
            else:
                record.setdefault("record_fields", {}).update(fields)
        system = record.get("system_status")
        if system == "MY_RECORD" and not record.get("agent_login"):
            problems.append("agent_login is required for status MY_RECORD.")
        if system in ("MY_RECORD", "CALL_NO_SOONER_THAN") and not record.get("next_call_date"):
            problems.append(f"next_call_date is required for status {system}.")
        if problems:
            raise _Refused(400, *problems)

    def _new_record(self, outbound: Record, body: Mapping[str, Any], **fields: Any) -> Record:
        first = outbound["_statuses"][0]
        record: Record = {
            "record_id": self._next_id("record"),
            "phone_number": "",
            "system_status": first["system_status"],
            "status": first["name"],
            "status_id": int(first["status_id"]),
            "dictionary_status_id": first["dictionary_status_id"],
            "create_date": self.now("%Y-%m-%d %H:%M"),
            **fields,
        }
        self._record_fields(outbound, body, record)
        outbound["_records"].append(record)
        return record

    def _save_record(self, outbound: Record, record: Record, body: Mapping[str, Any]) -> None:
        """Apply an update; a saved record sends ``OUTBOUND_RECORD_SAVED``."""
        work = copy.deepcopy(record)
        self._record_fields(outbound, body, work)
        previous = record["status_id"]
        record.update(work)
        self.emit(
            "OUTBOUND_RECORD_SAVED",
            id=outbound["id"],
            name=outbound["name"],
            record_id=record["record_id"],
            phone_number=record["phone_number"],
            agent_login=record.get("agent_login") or None,
            system_status=record["system_status"],
            status_id=record["status_id"],
            connection_id=None,
            next_call_date=f"{record['next_call_date']}:00"
            if record.get("next_call_date")
            else None,
            assigned_agent_login=record.get("agent_login") or None,
            previous_status_id=previous,
        )

    def _find_record(self, outbound: Record, key: str, value: str) -> Record:
        record: Record
        for record in outbound["_records"]:
            if str(record.get(key) or "") == value:
                return record
        raise _Refused(404, "Record not found.")

    _RECORD_KEYS = ("record_id", "phone_number", "system_status", "status", "status_id",
                    "call_date", "create_date", "next_call_date", "agent_name", "agent_login")  # fmt: skip

    def _record_view(self, record: Record, request: FakeRequest | None) -> Record:
        out = {key: _blank(record.get(key)) for key in self._RECORD_KEYS}
        if "customer_id" in record:
            out["customer_id"] = record["customer_id"]
        else:
            out["identifier"] = _blank(record.get("identifier"))
            out["record_fields"] = copy.deepcopy(record.get("record_fields") or {})
        out["last_note"] = _blank(record.get("last_note"))
        out["order"] = _blank(record.get("order"))
        if request is not None and _truthy(request.arg("include_customer", "")):
            customer = self.customers.get(record.get("customer_id") or 0)
            if customer is not None:
                out["customer"] = self._view(customer, _CUSTOMER_KEYS, request)
        return out

    def _list_records(self, request: FakeRequest, outbound: Record) -> httpx.Response:
        found = list(outbound["_records"])
        statuses = request.query.get("status_id[]")
        if statuses:
            found = [r for r in found if str(r["status_id"]) in statuses]
        systems = request.query.get("system_status[]")
        if systems:
            found = [r for r in found if r["system_status"] in systems]
        for name in ("create_date", "call_date"):
            low, high = request.arg(f"{name}_from"), request.arg(f"{name}_to")
            for bound in (low, high):
                if bound is not None and not _DAY.match(bound):
                    raise _Refused(400, f"{name} filters must be YYYY-MM-DD dates.")
            if low:
                found = [r for r in found if r.get(name) and str(r[name])[:10] >= low]
            if high:
                found = [r for r in found if r.get(name) and str(r[name])[:10] <= high]
        found = self._ordered(found, request.arg("order"), ("next_call_date",))
        page, total = self._paged(request, found, max_limit=MAX_RECORDS_LIMIT)
        return self.json({"count": total, "result": [self._record_view(r, request) for r in page]})

    _CRM_RECORD_FIELDS = ("status_id", "dictionary_status_id", "agent_login", "next_call_date",
                          "order")  # fmt: skip
    _RECORD_FIELDS = (*_CRM_RECORD_FIELDS, "phone_number", "identifier", "record_fields")

    @_endpoint("POST", "/crm_outbounds/{id}/records")
    def create_crm_record(self, request: FakeRequest) -> httpx.Response:
        """Add a CRM customer to a CRM campaign (``201 {"record_id": "231"}``)."""
        outbound = self._outbound(request.path_params["id"], crm=True)
        body = self._body(request)
        problems = self._unknown_fields(body, ("customer_id", *self._CRM_RECORD_FIELDS))
        if body.get("customer_id") in (None, ""):
            problems.append("customer_id is required.")
        if problems:
            raise _Refused(400, *problems)
        customer = self.customers.get(_as_int(body["customer_id"], "customer_id"))
        if customer is None:
            raise _Refused(400, "Customer not found.")
        if any(r.get("customer_id") == customer["customer_id"] for r in outbound["_records"]):
            raise _Refused(400, "The customer is already in this outbound.")
        fields = {k: v for k, v in body.items() if k != "customer_id"}
        record = self._new_record(
            outbound,
            fields,
            customer_id=customer["customer_id"],
            phone_number=customer.get("phone_number") or "",
        )
        return self.created({"record_id": str(record["record_id"])})

    @_endpoint("GET", "/crm_outbounds/{id}/records")
    def list_crm_records(self, request: FakeRequest) -> httpx.Response:
        """Records of a CRM campaign, filtered and paged: ``{"count", "result"}``."""
        return self._list_records(request, self._outbound(request.path_params["id"], crm=True))

    @_endpoint("GET", "/crm_outbounds/{id}/records/{customer_id}")
    def get_crm_record(self, request: FakeRequest) -> httpx.Response:
        """A CRM campaign's record of a customer."""
        outbound = self._outbound(request.path_params["id"], crm=True)
        record = self._find_record(outbound, "customer_id", request.path_params["customer_id"])
        return self.json(self._record_view(record, None))

    @_endpoint("PUT", "/crm_outbounds/{id}/records/{customer_id}")
    def update_crm_record(self, request: FakeRequest) -> httpx.Response:
        """Change a record's status, agent, next call date or order (``OUTBOUND_RECORD_SAVED``)."""
        outbound = self._outbound(request.path_params["id"], crm=True)
        record = self._find_record(outbound, "customer_id", request.path_params["customer_id"])
        body = self._body(request)
        problems = self._unknown_fields(body, self._CRM_RECORD_FIELDS)
        if problems:
            raise _Refused(400, *problems)
        self._save_record(outbound, record, body)
        return self.no_content()

    @_endpoint("DELETE", "/crm_outbounds/{id}/records/{customer_id}")
    def delete_crm_record(self, request: FakeRequest) -> httpx.Response:
        """Remove a customer's record from a CRM campaign."""
        outbound = self._outbound(request.path_params["id"], crm=True)
        record = self._find_record(outbound, "customer_id", request.path_params["customer_id"])
        outbound["_records"].remove(record)
        return self.no_content()

    @_endpoint("POST", "/outbounds/{id}/records")
    def create_record(self, request: FakeRequest) -> httpx.Response:
        """Add a number to a regular campaign (``201 {"record_id": "..."}``)."""
        outbound = self._outbound(request.path_params["id"], crm=False)
        body = self._body(request)
        problems = self._unknown_fields(body, self._RECORD_FIELDS)
        if not body.get("phone_number"):
            problems.append("phone_number is required.")
        if problems:
            raise _Refused(400, *problems)
        record = self._new_record(outbound, body)
        return self.created({"record_id": str(record["record_id"])})

    @_endpoint("GET", "/outbounds/{id}/records")
    def list_records(self, request: FakeRequest) -> httpx.Response:
        """Records of a regular campaign, filtered and paged: ``{"count", "result"}``."""
        return self._list_records(request, self._outbound(request.path_params["id"], crm=False))

    def _record_by(self, request: FakeRequest, key: str) -> tuple[Record, Record]:
        outbound = self._outbound(request.path_params["id"], crm=False)
        return outbound, self._find_record(outbound, key, request.path_params[key])

    @_endpoint("GET", "/outbounds/{id}/records/{phone_number}")
    def get_record(self, request: FakeRequest) -> httpx.Response:
        """A regular campaign's record of a phone number."""
        return self.json(self._record_view(self._record_by(request, "phone_number")[1], None))

    @_endpoint("GET", "/outbounds/{id}/records_by_identifier/{identifier}")
    def get_record_by_identifier(self, request: FakeRequest) -> httpx.Response:
        """A regular campaign's record by its identifier."""
        return self.json(self._record_view(self._record_by(request, "identifier")[1], None))

    def _update_record(self, request: FakeRequest, key: str) -> httpx.Response:
        outbound, record = self._record_by(request, key)
        body = self._body(request)
        allowed = [f for f in self._RECORD_FIELDS if f != key]
        problems = self._unknown_fields(body, allowed)
        if problems:
            raise _Refused(400, *problems)
        self._save_record(outbound, record, body)
        return self.no_content()

    @_endpoint("PUT", "/outbounds/{id}/records/{phone_number}")
    def update_record(self, request: FakeRequest) -> httpx.Response:
        """Change a regular campaign's record (``OUTBOUND_RECORD_SAVED``)."""
        return self._update_record(request, "phone_number")

    @_endpoint("PUT", "/outbounds/{id}/records_by_identifier/{identifier}")
    def update_record_by_identifier(self, request: FakeRequest) -> httpx.Response:
        """Change a regular campaign's record found by identifier (``OUTBOUND_RECORD_SAVED``)."""
        return self._update_record(request, "identifier")

    def _delete_record(self, request: FakeRequest, key: str) -> httpx.Response:
        outbound, record = self._record_by(request, key)
        outbound["_records"].remove(record)
        return self.no_content()

    @_endpoint("DELETE", "/outbounds/{id}/records/{phone_number}")
    def delete_record(self, request: FakeRequest) -> httpx.Response:
        """Remove a number from a regular campaign."""
        return self._delete_record(request, "phone_number")

    @_endpoint("DELETE", "/outbounds/{id}/records_by_identifier/{identifier}")
    def delete_record_by_identifier(self, request: FakeRequest) -> httpx.Response:
        """Remove a record found by identifier from a regular campaign."""
        return self._delete_record(request, "identifier")

    @_endpoint("GET", "/customer_id_by_outbound_status")
    def customer_ids_by_status(self, request: FakeRequest) -> httpx.Response:
        """Ids of the customers whose records in the campaigns have the statuses."""
        outbound_ids = request.query.get("outbound_id[]") or []
        status_ids = request.query.get("status_id[]") or []
        if not outbound_ids or not status_ids:
            raise _Refused(400, "outbound_id[] and status_id[] are required.")
        found: list[int] = []
        for outbound_id in outbound_ids:
            outbound = self.outbounds.get(outbound_id)
            if outbound is None or outbound["_removal_queued"]:
                continue
            for record in outbound["_records"]:
                if str(record["status_id"]) in status_ids and record.get("customer_id"):
                    found.append(record["customer_id"])
        return self.json({"customer_id": sorted(set(found))})
