"""A small framework for stateful in-memory fake vendor servers.

A fake is an object with route handlers; it is exposed to a client as an httpx
transport (sync and async), records every request, and can be told to misbehave
(scripted statuses, ``Retry-After``, latency, malformed JSON, HTML error pages,
connection errors) before it answers normally.
"""

from __future__ import annotations

import base64
import binascii
import email.utils
import functools
import json
import operator
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import Any, ClassVar, TypeVar
from urllib.parse import parse_qsl

import httpx

from .._core.numbers import as_int
from ._clock import FakeClock
from ._forms import FormValue, parse_form, unflatten

__all__ = [
    "FakeRequest",
    "FakeServer",
    "FakeTransport",
    "Fault",
    "Refused",
    "Resource",
    "basic_auth",
    "bearer",
    "dig",
    "int_id",
    "number",
    "record_time",
    "rest",
    "route",
    "timestamp",
]

H = TypeVar("H", bound=Callable[..., Any])
C = TypeVar("C")
_ROUTE = "__cx_fake_route__"


def route(method: str, path: str) -> Callable[[H], H]:
    """Mark a fake server method as the handler of ``method path``.

    ``path`` is a template relative to the fake's base path, e.g.
    ``/cases/{case_id}.json``; placeholders become ``request.path_params``.
    Marks stack: one handler may serve several routes.
    """

    def mark(func: H) -> H:
        setattr(func, _ROUTE, [*getattr(func, _ROUTE, ()), (method.upper(), path)])
        return func

    return mark


_METHODS = {"list": "GET", "get": "GET", "create": "POST", "update": "PUT", "delete": "DELETE"}


def rest(path: str, *ops: str, item: str = "/{id}", suffix: str = "") -> dict[str, str]:
    """The usual routes of a collection at ``path`` for :class:`Resource`: ``list``
    ``GET path``, ``create`` ``POST path``, and ``get``/``update``/``delete`` as
    ``GET``/``PUT``/``DELETE path + item``; ``suffix`` ends each (``".json"``).
    No ``ops``: all five."""
    one = ("get", "update", "delete")
    chosen = ops or tuple(_METHODS)
    return {op: f"{_METHODS[op]} {path}{item if op in one else ''}{suffix}" for op in chosen}


class Refused(Exception):
    """Raised inside a handler to answer with the vendor's error (one entry per message)."""

    def __init__(self, status: int, *messages: str) -> None:
        super().__init__("; ".join(messages))
        self.status = status
        self.messages = messages or ("Error.",)


_INTEGER = re.compile(r"\s*-?\d+\s*")


def number(
    value: Any, name: str, *, message: str = "{name} must be a number", least: int | None = None
) -> int:
    """A whole number the client sent (an int, or integer text), read as the SDK
    reads vendor numbers; :class:`Refused` (400, ``message``) when it is none, or
    is under ``least``."""
    integral = isinstance(value, int) or (isinstance(value, str) and _INTEGER.fullmatch(value))
    found = as_int(value) if integral else None
    if found is None:
        raise Refused(400, message.format(name=name))
    if least is not None and found < least:
        raise Refused(400, f"{name} must be >= {least}")
    return found


def timestamp(value: Any, name: str, tz: tzinfo = timezone.utc) -> float:
    """A time the client sent: a Unix timestamp, an RFC 2822 date or an ISO one (in
    ``tz`` when it names no zone); :class:`Refused` (400) otherwise."""
    text = str(value).strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    try:
        return email.utils.parsedate_to_datetime(text).timestamp()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise Refused(400, f"{name}: unrecognised time {value!r}") from None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)).timestamp()


def record_time(value: Any) -> float:
    """A record's RFC 2822 date as a timestamp (0 when it has none)."""
    try:
        return email.utils.parsedate_to_datetime(str(value)).timestamp()
    except (TypeError, ValueError, IndexError):
        return 0.0


def anchored(pattern: str, value: Any, anchor: str = "") -> bool:
    """A search as vendors do it, ignoring case: ``pattern`` anywhere in ``value``; with
    an ``anchor`` (``"^"``), ``^x^`` is the whole value, ``^x`` its start, ``x^`` its end."""
    text, needle = str(value or "").lower(), pattern.lower()
    if not anchor:
        return needle in text
    starts, ends = needle.startswith(anchor), needle.endswith(anchor) and len(needle) > 1
    core = needle.strip(anchor)
    if starts and ends:
        return text == core
    if starts or ends:
        return text.startswith(core) if starts else text.endswith(core)
    return core in text


def basic_auth(request: httpx.Request) -> tuple[str, str] | None:
    """The user and password of an HTTP Basic ``Authorization`` header; ``None``
    when there is none or it is malformed."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    try:
        decoded = base64.b64decode(token.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if scheme.lower() == "basic" and sep else None


def bearer(request: httpx.Request) -> str | None:
    """The token of a ``Bearer`` ``Authorization`` header; ``None`` when there is none."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token if scheme.lower() == "bearer" else None


def int_id(raw: Any) -> int:
    """An integer id from a path or a body; ``ValueError`` for anything else (bools,
    floats and decimal text included)."""
    if isinstance(raw, bool) or not isinstance(raw, (int, str)):
        raise ValueError(f"not an id: {raw!r}")
    return int(raw)


Record = dict[str, Any]
Store = dict[Any, Record] | list[Record]


@dataclass(frozen=True)
class Resource:
    """A record store of a fake and its generic handlers, declared once.

    ``store`` names the fake's attribute holding the records (a dict by id, or a
    list), or is a function of the fake and the request giving it (records
    nested in another); ``key`` is the record field with the id, read from the
    path parameter ``param`` as ``id_type`` (anything else is a 404 saying
    ``missing``). ``routes`` maps ``list``/``get``/``create``/``update``/
    ``delete``, and ``batch_create``/``batch_update``/``batch_delete`` (each
    item on its own: see :meth:`FakeServer.batch`), to ``"METHOD /path"``
    (:func:`rest` writes the usual ones). ``wrapper`` (the entity name on the
    wire), ``filters`` (query name -> the kind of filter: see
    :meth:`FakeServer.filter`) and ``wire`` (paging style, answer keys and the
    like) are read by the vendor's ``read_body``, ``filter`` and ``answer``.

    The optional functions take the fake first and the request last:
    ``select(fake, items, request)`` sorts (and may refuse) a listing,
    ``new(fake, body, request)`` builds a record (with its id) from the body
    ``read_body`` gives, ``change(fake, record, body, request)`` applies an
    update body (else the body is merged in), ``removed(fake, record,
    request)`` cascades a delete, or refuses it, before the record goes.

    ``actions`` maps the ``{action}`` of an ``act`` route (``PUT /x/{id}/{action}``)
    to the fields it sets (``{"trash": {"deleted": True}}``), after ``acted(fake,
    record, action, request)``; with ``bulk``, the path may name several ids
    (``/x/1,2,3``): each found one is changed and the answer gets the list.
    ``scope``: the fields a record must hold to be found as this resource (a
    store of replies and notes: a note is no reply), else a 404. ``owns``: the
    fake's stores keyed by a record's id whose entry goes with it.
    """

    store: str | Callable[..., Store]
    key: str
    routes: Mapping[str, str]
    label: str = "record"
    missing: str = "{label} {id} not found"
    id_type: Callable[[str], Any] = str
    param: str = "id"
    wrapper: str | None = None
    filters: Mapping[str, str] = field(default_factory=dict)
    wire: Mapping[str, Any] = field(default_factory=dict)
    select: Callable[..., list[Record]] | None = None
    new: Callable[..., Record] | None = None
    change: Callable[..., Any] | None = None
    removed: Callable[..., Any] | None = None
    actions: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    acted: Callable[..., Any] | None = None
    bulk: bool = False
    scope: Mapping[str, Any] = field(default_factory=dict)
    owns: tuple[str, ...] = ()


@dataclass
class FakeRequest:
    """What a handler receives: the httpx request, parsed."""

    raw: httpx.Request
    path_params: dict[str, str]
    query: dict[str, list[str]]

    @property
    def method(self) -> str:
        """The HTTP method."""
        return self.raw.method

    def args(self) -> dict[str, str]:
        """The query, first value of each parameter."""
        return {name: values[0] for name, values in self.query.items() if values}

    def arg(self, name: str, default: str | None = None) -> str | None:
        """The first value of query parameter ``name``."""
        values = self.query.get(name)
        return values[0] if values else default

    def int_arg(self, name: str, default: int) -> int:
        """Query parameter ``name`` as an int (``default`` when absent or bad)."""
        number = as_int(self.arg(name))
        return default if number is None else number

    def choice(self, name: str, *allowed: str) -> str:
        """Query parameter ``name``, one of ``allowed`` (the first when absent);
        :class:`Refused` (400) otherwise."""
        value = self.arg(name, allowed[0])
        if value not in allowed:
            raise Refused(400, f"{name} must be {', '.join(allowed[:-1])} or {allowed[-1]}")
        return str(value)

    def positive(self, name: str, default: int, top: int | None = None) -> int:
        """Query parameter ``name`` as a whole number from 1 (to ``top``); ``default``
        when absent or empty, :class:`Refused` (400) when bad."""
        raw = self.arg(name)
        if raw is None or raw == "":
            return default
        if not re.fullmatch(r"\d+", raw) or not 1 <= int(raw) <= (top or int(raw)):
            raise Refused(
                400, f"{name} must be {f'from 1 to {top}' if top else 'a positive integer'}"
            )
        return int(raw)

    def json(self) -> Any:
        """The JSON body (``None`` when empty)."""
        content = self.raw.content
        return json.loads(content) if content.strip() else None

    def form(self) -> dict[str, Any]:
        """Multipart or urlencoded form fields and files, by field name (the last of
        repeats); files are ``(filename, bytes)``."""
        return dict(parse_form(self.raw))

    def data(self) -> dict[str, Any]:
        """The body as an object: a form's fields (bracket names nested, see
        :func:`unflatten`), else the JSON object (see :meth:`json_object`)."""
        if self.raw.headers.get("content-type", "").startswith(
            ("multipart/form-data", "application/x-www-form-urlencoded")
        ):
            return unflatten(self.form_pairs())
        return self.json_object()

    def form_pairs(self) -> list[tuple[str, FormValue]]:
        """The form fields in order, repeats kept (see :func:`parse_form`)."""
        return parse_form(self.raw)

    def json_object(
        self,
        invalid: str = "the body is not valid JSON",
        not_object: str = "the body must be a JSON object",
    ) -> dict[str, Any]:
        """The JSON object body (``{}`` when empty); :class:`Refused` (400, with the
        vendor's ``invalid`` or ``not_object`` message) otherwise."""
        try:
            body = self.json()
        except ValueError:
            raise Refused(400, invalid) from None
        if body is None:
            return {}
        if not isinstance(body, dict):
            raise Refused(400, not_object)
        return body


@dataclass
class Fault:
    """One injected misbehaviour, used ``times`` times for matching requests.

    Exactly one of the behaviours applies, checked in this order: ``error``
    (``"connect"``, ``"timeout"``, ``"read"``), ``latency`` (seconds; a latency
    at or over the request's read timeout raises a timeout, a shorter one
    advances the fake clock and then answers normally), ``body``/``status``
    (an arbitrary answer), ``malformed`` (the real answer's JSON, cut short).
    """

    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | str | Any = None
    content_type: str = "application/json"
    error: str | None = None
    latency: float = 0.0
    malformed: bool = False
    times: int = 1
    method: str | None = None
    path: str | None = None

    def matches(self, request: httpx.Request) -> bool:
        """Whether this fault applies to ``request``."""
        if self.method and request.method != self.method.upper():
            return False
        return not (self.path and self.path not in request.url.path)


class FakeServer:
    """Base of the vendor fakes: routing, request log, fault injection.

    Subclasses set ``vendor`` and ``base_url`` and define handlers with
    :func:`route`. ``clock`` (a :class:`FakeClock`) makes latency virtual.
    """

    vendor: str = "fake"
    base_url: str = "https://fake.invalid/api"
    resources: ClassVar[tuple[Resource, ...]] = ()
    first_ids: ClassVar[Mapping[str, int]] = {}
    """Each kind's first id (see :meth:`new_id`), where it is not 1."""

    def __init__(self, *, clock: FakeClock | None = None) -> None:
        # Real time unless frozen: "updated since yesterday" finds what was just made.
        self.clock = clock or FakeClock(time.time())
        self.calls: list[httpx.Request] = []
        self.call_times: list[float] = []
        self.faults: list[Fault] = []
        self.calls_left: int | None = None
        """Calls left in the current quota window (see :meth:`spend_call`); set it to
        test running out."""
        self.window_start = self.clock.now()
        self._routes = self._collect_routes()

    # -- routing ------------------------------------------------------------

    def _collect_routes(self) -> list[tuple[str, re.Pattern[str], Callable[..., httpx.Response]]]:
        routes = []
        for name in dir(type(self)):
            func = getattr(type(self), name, None)
            for method, template in getattr(func, _ROUTE, ()):
                routes.append((method, _pattern(template), getattr(self, name)))
        for res in self.resources:
            for op, spec in res.routes.items():
                method, _, template = spec.partition(" ")
                handler = functools.partial(self.crud, res, op)
                routes.append((method.upper(), _pattern(template), handler))
        # Literal paths win over templated ones (``/cases/trash`` before ``/cases/{id}``).
        routes.sort(key=lambda r: r[1].pattern.count("(?P<"))
        return routes

    def _base_path(self) -> str:
        return httpx.URL(self.base_url).path.rstrip("/")

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (faults first, then the route handler), :meth:`settle`
        called before and after it."""
        self.settle(None)
        try:
            return self._handle(request)
        finally:
            self.settle(request)

    def settle(self, request: httpx.Request | None) -> None:
        """Called before each request (``None``) and after it (the request): a hook
        to note changes made to the state directly between requests, and by them."""

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request)
        self.call_times.append(self.clock.now())
        fault = self._take_fault(request)
        if fault is not None:
            early = self._apply_fault(fault, request)
            if early is not None:
                return early
        response = self._dispatch(request)
        if fault is not None and fault.malformed:
            text = response.content[: max(1, len(response.content) // 2)]
            return httpx.Response(response.status_code, headers=response.headers, content=text)
        return response

    def _dispatch(self, request: httpx.Request) -> httpx.Response:
        return self.after(request, self._route(request))

    def _route(self, request: httpx.Request) -> httpx.Response:
        denied = self.authenticate(request)
        if denied is not None:
            return denied
        path = request.url.path
        base = self._base_path()
        if base and path.startswith(base):
            path = path[len(base) :] or "/"
        allowed = False
        for method, pattern, handler in self._routes:
            match = pattern.match(path)
            if not match:
                continue
            allowed = True
            if method != request.method:
                continue
            query: dict[str, list[str]] = {}
            for key, value in parse_qsl(request.url.query.decode(), keep_blank_values=True):
                query.setdefault(key, []).append(value)
            try:
                return handler(FakeRequest(request, match.groupdict(), query))
            except Refused as exc:
                return self.refused(exc)
        if allowed:
            return self.error_response(405, "Method not allowed")
        return self.error_response(404, f"No route for {request.method} {path}")

    # -- hooks a vendor fake overrides -----------------------------------------

    @classmethod
    def route_table(cls) -> list[tuple[str, str]]:
        """Every ``(method, path template)`` this fake serves: its hand-written
        routes and its declared resources' generic ones."""
        marked = [spec for name in dir(cls) for spec in getattr(getattr(cls, name), _ROUTE, ())]
        declared = [
            tuple(spec.split(" ", 1)) for res in cls.resources for spec in res.routes.values()
        ]
        return [(m.upper(), p) for m, p in [*marked, *declared]]

    refusal_status: ClassVar[int | None] = None
    """The HTTP status of every refusal, where the vendor answers them with one (the
    refusal's own status still in the body); ``None``: each its own."""

    def refused(self, exc: Refused) -> httpx.Response:
        """The answer to a :class:`Refused` raised in a handler."""
        response = self.error_response(exc.status, "; ".join(exc.messages))
        response.status_code = self.refusal_status or response.status_code
        return response

    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        """Return an error response to refuse ``request``; ``None`` lets it through."""
        return None

    def after(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        """Adjust every answer (routed, refused or unknown), e.g. add quota headers."""
        return response

    envelope: ClassVar[Mapping[str, Any]] = {}
    """The fields of the vendor's success envelope (see :meth:`ok`)."""
    failure: ClassVar[Mapping[str, Any]] = {}
    """The fields of the vendor's error body besides its ``error`` message."""

    def ok(self, **payload: Any) -> httpx.Response:
        """A success: the ``envelope`` with ``payload``."""
        return self.json({**self.envelope, **payload})

    def error_response(self, status: int, message: str) -> httpx.Response:
        """The vendor's error body for ``status``: its ``failure`` and ``error``."""
        return self.json({**self.failure, "error": message}, status=status)

    # -- declared resources ---------------------------------------------------

    def crud(self, res: Resource, op: str, request: FakeRequest) -> httpx.Response:
        """The generic ``op`` handler of ``res``."""
        if op.startswith("batch_"):
            return self.answer(res, op, request, self.batch(res, op[6:], request))
        if op == "list":
            items = self.filter(res, request, list(_records(self.store_of(res, request))))
            return self.answer(
                res, op, request, res.select(self, items, request) if res.select else items
            )
        if op == "create":
            self.store_of(res, request)  # a missing parent is a 404 before any body check
            return self.answer(
                res, op, request, self.create(res, self.read_body(res, op, request), request)
            )
        if op == "act" and request.path_params.get("action") not in res.actions:
            raise Refused(404, f"No route for PUT {request.raw.url.path}")
        records = self.named(res, request)
        body = self.read_body(res, op, request) if op == "update" and records else None
        for record in records:
            if op == "update":
                self.update(res, record, body, request)
            elif op == "delete":
                self.delete(res, record, request)
            elif op == "act":
                self.act(res, record, request)
        bulk = res.bulk and "," in request.path_params[res.param]
        return self.answer(res, op, request, records if bulk else records[0])

    def named(self, res: Resource, request: FakeRequest) -> list[Record]:
        """The record the path names (a 404 if none); with ``res.bulk``, those of the
        ids it lists (``1,2,3``) that exist."""
        raw = request.path_params[res.param]
        if not (res.bulk and "," in raw):
            return [self.find(res, raw, request)]
        found = []
        for part in raw.split(","):
            try:
                found.append(self.find(res, part, request))
            except Refused:
                continue
        return found

    def act(self, res: Resource, record: Record, request: FakeRequest) -> None:
        """Set the fields of the path's ``{action}`` on ``record`` (after ``res.acted``)."""
        action = request.path_params["action"]
        if res.acted:
            res.acted(self, record, action, request)
        record.update(res.actions[action])

    def batch(
        self, res: Resource, op: str, request: FakeRequest
    ) -> dict[str, Record | Refused | None]:
        """``op`` (``create``, ``update`` or ``delete``) on each item of a batch, under
        the key :meth:`batch_items` gives it: the record made or changed, ``None``
        for one deleted, or the :class:`Refused` that stopped it (the rest go on)."""
        done: dict[str, Record | Refused | None] = {}
        for key, item in self.batch_items(res, op, request):
            try:
                if isinstance(item, Refused):
                    raise item
                if op == "create":
                    done[key] = self.create(res, item, request)
                    continue
                record = self.find(res, key, request)
                if op == "update":
                    self.update(res, record, item, request)
                else:
                    self.delete(res, record, request)
                done[key] = record if op == "update" else None
            except Refused as exc:
                done[key] = exc
        return done

    def batch_items(self, res: Resource, op: str, request: FakeRequest) -> list[tuple[str, Any]]:
        """The items of a batch ``op`` by key (a :class:`Refused` stands for a bad one).
        By default: for a delete, the ids in the query's ``<key>[]``; else the
        body (:meth:`read_body`, a non-empty list of objects), keyed by index for
        a create, by each item's ``res.key`` (taken out) for an update."""
        if op == "delete":
            ids = request.query.get(f"{res.key}[]") or []
            if not ids:
                raise Refused(400, f"{res.key}[] is required")
            return [(i, None) for i in ids]
        items = self.read_body(res, f"batch_{op}", request)
        if not isinstance(items, list) or not items:
            raise Refused(400, "the body must be a non-empty list")
        return [_batch_item(res, op, i, item) for i, item in enumerate(items)]

    def create(self, res: Resource, body: Any, request: FakeRequest) -> Record:
        """Build a record of ``res`` from ``body`` and store it."""
        assert res.new is not None, f"{res.label} has no new()"
        return self.put(res, res.new(self, body, request), request)

    def put(self, res: Resource, record: Record, request: FakeRequest | None = None) -> Record:
        """Store ``record`` (a new one) with the records of ``res``; return it."""
        store = self.store_of(res, request)
        if isinstance(store, dict):
            store[dig(record, res.key)] = record
        else:
            store.append(record)
        return record

    def update(self, res: Resource, record: Record, body: Any, request: FakeRequest) -> None:
        """Apply an update ``body`` to ``record``."""
        res.change(self, record, body, request) if res.change else record.update(body)

    def delete(self, res: Resource, record: Record, request: FakeRequest) -> None:
        """Remove ``record`` (after its ``removed`` cascade), and what it ``owns``."""
        if res.removed:
            res.removed(self, record, request)
        for name in res.owns:
            getattr(self, name).pop(dig(record, res.key), None)
        store = self.store_of(res, request)
        if isinstance(store, dict):
            del store[dig(record, res.key)]
        else:
            store.remove(record)

    def store_of(self, res: Resource, request: FakeRequest | None) -> Store:
        """The records of ``res`` (for nested ones, those the request names)."""
        store: Store = (
            getattr(self, res.store) if isinstance(res.store, str) else res.store(self, request)
        )
        return store

    def find(self, res: Resource, raw_id: Any, request: FakeRequest | None = None) -> Record:
        """The record of ``res`` with id ``raw_id``; :class:`Refused` (404) if none."""
        try:
            ident = res.id_type(raw_id)
        except (TypeError, ValueError):
            ident = None
        store = self.store_of(res, request)
        record: Record | None
        if isinstance(store, dict):
            record = store.get(ident)
        else:
            record = next((r for r in store if ident is not None and r.get(res.key) == ident), None)
        if record is None or any(record.get(k) != v for k, v in res.scope.items()):
            raise Refused(404, res.missing.format(label=res.label, id=raw_id))
        return record

    search_anchor: ClassVar[str] = ""
    """The anchor of the vendor's search syntax (see :func:`anchored`)."""
    timezone: ClassVar[tzinfo] = timezone.utc
    """The zone of a time sent without one."""

    def filter(self, res: Resource, request: FakeRequest, items: list[Record]) -> list[Record]:
        """``items`` narrowed by the query filters ``res`` declares (see :meth:`narrow`)."""
        return self.narrow(res.filters, request, items)

    def narrow(
        self, spec: Mapping[str, str], request: FakeRequest, items: list[Record]
    ) -> list[Record]:
        """``items`` narrowed by the query filters of ``spec`` (name -> kind), each
        value of a record read by :meth:`value_of`. Kinds: ``exact`` (the field as
        text, ``None`` as ``""``), ``in`` (any of the values of ``name`` or
        ``name[]``), ``any`` (the same, each value also a comma-separated list),
        ``ids`` (the same as numbers; a list field holds one of them),
        ``choice:a,b`` (``any``, each value one of ``a``, ``b``), ``flag`` (true or
        false, as ``1``/``true``/``yes``/``on`` or not), ``search:<n>`` (each value
        of at least ``n`` characters found by :func:`anchored`), ``has:<field>``
        (the list ``field`` holds the value; an empty value: the list is empty),
        ``range:<field>`` (``name_from``/``name_to`` bound the start of ``field``,
        e.g. a date bounds a date-time; a record without one is left out),
        ``after:<field>``/``before:<field>`` (a :func:`timestamp` bounds the
        :func:`record_time` of ``field``), ``contains:<field>`` (``field`` holds the
        text, in any case), ``keys`` (``name[key]=value``: the object ``name`` has
        one of the values under ``key``, e.g. ``custom_fields[colour]=red``;
        ``keys:search``: or one they find)."""
        for name, kind in spec.items():
            kind, _, arg = kind.partition(":")
            values = request.query.get(name) or request.query.get(f"{name}[]")
            if kind in ("any", "ids", "choice"):
                raw = [*request.query.get(name, []), *request.query.get(f"{name}[]", [])]
                values = [v.strip() for value in raw for v in value.split(",") if v.strip()]
            if kind == "keys":
                items = self._by_keys(items, name, request.query, search=arg == "search")
            elif kind == "range":
                items = _in_range(
                    items, arg, request.arg(f"{name}_from"), request.arg(f"{name}_to")
                )
            elif kind in ("after", "before") and request.arg(name):
                bound = timestamp(request.arg(name), name, self.timezone)
                keep = operator.ge if kind == "after" else operator.le
                items = [r for r in items if keep(record_time(r.get(arg)), bound)]
            elif not values:
                continue
            elif kind in ("ids", "choice", "any", "in"):
                if kind == "ids":
                    values = [str(number(v, name)) for v in values]
                for v in values if kind == "choice" else ():
                    if v not in arg.split(","):
                        raise Refused(400, f"{name} must be one of {arg.replace(',', ', ')}")
                items = [r for r in items if _holds(self.value_of(r, name), values)]
            elif kind == "flag":
                flag = values[0].strip().lower() in ("1", "true", "yes", "on")
                items = [r for r in items if bool(self.value_of(r, name)) == flag]
            elif kind == "search":
                items = self._search(items, name, [v for v in values if v != ""], int(arg))
            elif kind == "contains":
                want = values[0].lower()
                items = [r for r in items if want in str(r.get(arg) or "").lower()]
            elif kind == "has":
                want = values[0]
                items = [
                    r for r in items if (want in (r.get(arg) or []) if want else not r.get(arg))
                ]
            else:
                items = [r for r in items if str(_blank(self.value_of(r, name))) == values[0]]
        return items

    def value_of(self, record: Record, name: str) -> Any:
        """The value a query filter ``name`` compares in ``record`` (by default its field)."""
        return record.get(name)

    def _search(
        self, items: list[Record], name: str, patterns: list[str], least: int
    ) -> list[Record]:
        anchor = self.search_anchor
        if any(len((p.replace(anchor, "") if anchor else p).strip()) < least for p in patterns):
            raise Refused(400, f"{name} must have at least {least} characters")
        for pattern in patterns:
            items = [r for r in items if anchored(pattern, self.value_of(r, name), anchor)]
        return items

    def _by_keys(
        self, items: list[Record], name: str, query: Mapping[str, list[str]], *, search: bool
    ) -> list[Record]:
        prefix, anchor = f"{name}[", self.search_anchor if search else None
        for param, values in query.items():
            if param.startswith(prefix) and "]" in param:
                key = param[len(prefix) :].split("]", 1)[0]
                items = [
                    r for r in items if _key_match((r.get(name) or {}).get(key), values, anchor)
                ]
        return items

    def read_body(self, res: Resource, op: str, request: FakeRequest) -> Any:
        """The body of a create or update ``op`` of ``res``: by default the JSON object
        (for a batch, whatever JSON it is)."""
        if not op.startswith("batch_"):
            return request.json_object()
        try:
            return request.json()
        except ValueError:
            raise Refused(400, "the body is not valid JSON") from None

    def answer(self, res: Resource, op: str, request: FakeRequest, result: Any) -> httpx.Response:
        """``result`` of ``op`` on the wire (a record, the listed records, or a batch's
        results by key, a refused item as ``{"error": ...}``)."""
        if op.startswith("batch_"):
            result = {
                key: {"error": "; ".join(r.messages)} if isinstance(r, Refused) else r
                for key, r in result.items()
            }
        return self.json(result)

    def spend_call(self, limit: int, window: float) -> bool:
        """Spend one of ``calls_left``, refilled to ``limit`` as each ``window`` seconds
        of fake-clock time begins (counted from ``window_start``); false when none
        is left."""
        now = self.clock.now()
        if now - self.window_start >= window:
            self.window_start += (now - self.window_start) // window * window
            self.calls_left = limit
        left = self.calls_left or 0
        if left <= 0:
            return False
        self.calls_left = left - 1
        return True

    def active(
        self, store: Mapping[Any, Record], value: Any, name: str, *, zero: bool = False
    ) -> int:
        """The id ``value`` (field ``name``) of an active record of ``store`` (its
        ``active`` not false); with ``zero``, also 0 for none. :class:`Refused` (400)
        otherwise."""
        ident = number(value, name)
        if zero and ident == 0:
            return 0
        if store.get(ident) is None or store[ident].get("active") is False:
            raise Refused(400, f"{name} {ident} does not exist or is not active")
        return ident

    def new_id(self, kind: str, start: int = 1) -> int:
        """The next id of ``kind`` (its ``first_ids`` entry, else ``start``, first)."""
        ids: dict[str, int] = self.__dict__.setdefault("_counters", {})
        ids[kind] = ids.get(kind, self.first_ids.get(kind, start) - 1) + 1
        return ids[kind]

    def wiring(self) -> dict[str, Any]:
        """The client options that point a client at this fake."""
        return {"base_url": self.base_url, "transport": self.transport(), "clock": self.clock}

    def connect(self, kind: Callable[..., C], options: Mapping[str, Any], **defaults: Any) -> C:
        """A client of ``kind`` served by this fake: ``options``, each of ``defaults``
        (the fake's credentials) where ``options`` gives it no value or ``None``."""
        given = {k: v for k, v in options.items() if v is not None or k not in defaults}
        return kind(**{**defaults, **given, **self.wiring()})

    # -- response helpers ---------------------------------------------------

    @staticmethod
    def json(
        data: Any, *, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> httpx.Response:
        """A JSON response."""
        return httpx.Response(status, json=data, headers=dict(headers or {}))

    # -- faults -------------------------------------------------------------

    def inject(self, **fault: Any) -> Fault:
        """Queue a :class:`Fault` (keyword arguments as its fields)."""
        item = Fault(**fault)
        self.faults.append(item)
        return item

    def inject_statuses(
        self, statuses: Iterable[int], *, headers: Mapping[str, str] | None = None, **match: Any
    ) -> None:
        """Queue one answer per status, in order (e.g. ``[503, 503]`` then normal)."""
        for status in statuses:
            self.inject(status=status, headers=dict(headers or {}), **match)

    def _take_fault(self, request: httpx.Request) -> Fault | None:
        for fault in self.faults:
            if fault.times > 0 and fault.matches(request):
                fault.times -= 1
                if fault.times == 0:
                    self.faults.remove(fault)
                return fault
        return None

    def _apply_fault(self, fault: Fault, request: httpx.Request) -> httpx.Response | None:
        if fault.error == "connect":
            raise httpx.ConnectError("fake: connection refused", request=request)
        if fault.error == "timeout":
            raise httpx.ReadTimeout("fake: read timed out", request=request)
        if fault.error == "read":
            raise httpx.ReadError("fake: connection reset", request=request)
        if fault.error is not None:
            raise ValueError(f"unknown fault error {fault.error!r}")
        if fault.latency:
            limit = (request.extensions.get("timeout") or {}).get("read")
            if limit is not None and fault.latency >= limit:
                self.clock.advance(limit)
                raise httpx.ReadTimeout("fake: read timed out", request=request)
            self.clock.advance(fault.latency)
        if fault.status is not None or fault.body is not None:
            body = fault.body
            if isinstance(body, str):
                body = body.encode()
            elif body is not None and not isinstance(body, bytes):
                body = json.dumps(body).encode()
            headers = {"content-type": fault.content_type, **fault.headers}
            return httpx.Response(fault.status or 200, headers=headers, content=body or b"")
        return None

    # -- wiring -------------------------------------------------------------

    def transport(self) -> FakeTransport:
        """This fake as an httpx transport (works for sync and async clients)."""
        return FakeTransport(self)

    def http_client(self) -> httpx.Client:
        """A sync httpx client served by this fake."""
        return httpx.Client(transport=self.transport())

    def async_http_client(self) -> httpx.AsyncClient:
        """An async httpx client served by this fake."""
        return httpx.AsyncClient(transport=self.transport())


def dig(record: Any, path: str) -> Any:
    """The value at the dotted ``path`` of nested mappings; ``None`` where one is missing."""
    for part in path.split("."):
        record = record.get(part) if isinstance(record, Mapping) else None
    return record


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template)) + "$")


def _batch_item(res: Resource, op: str, index: int, item: Any) -> tuple[str, Any]:
    if not isinstance(item, Mapping):
        return str(index), Refused(400, "each item must be an object")
    if op == "create":
        return str(index), item
    if item.get(res.key) in (None, ""):
        return str(index), Refused(400, f"{res.key} is required")
    return str(item[res.key]), {k: v for k, v in item.items() if k != res.key}


def _holds(have: Any, values: list[str]) -> bool:
    if isinstance(have, list):
        return any(str(h) in values for h in have)
    return str(have) in values


def _key_match(have: Any, values: list[str], anchor: str | None) -> bool:
    if anchor is None:
        return str(have) in values
    return any(anchored(v, have, anchor) or str(have) == v for v in values)


def _in_range(items: list[Record], key: str, low: str | None, high: str | None) -> list[Record]:
    def start(record: Record, bound: str) -> str:
        return str(record[key])[: len(bound)]

    if low:
        items = [r for r in items if r.get(key) and start(r, low) >= low]
    if high:
        items = [r for r in items if r.get(key) and start(r, high) <= high]
    return items


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _records(store: Store) -> Iterable[Record]:
    return store.values() if isinstance(store, dict) else store


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Routes httpx requests to a :class:`FakeServer`."""

    def __init__(self, server: FakeServer) -> None:
        self.server = server

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Serve a sync request."""
        request.read()
        return self.server.handle(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Serve an async request."""
        await request.aread()
        return self.server.handle(request)
