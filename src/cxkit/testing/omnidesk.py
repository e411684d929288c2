"""An in-memory, stateful fake of the Omnidesk API, for offline tests and demos.

```python
from cxkit.testing.omnidesk import FakeOmnidesk

fake = FakeOmnidesk()
desk = fake.client()                       # an Omnidesk wired to the fake, no network
case = desk.cases.create(subject="Printer on fire", user_email="ann@x.io", content="Help")
desk.cases.messages.create(case.case_id, content="On it", attachments=[("log.txt", b"...")])
assert fake.files[1].content == b"..."
```

The fake speaks the documented wire format: bodies and answers wrapped in the
entity name (``{"case": {...}}``), multipart forms with bracket names
(``case[attachments][0]``), list answers as numeric-key objects with
``total_count``, dates as ``"Mon, 05 May 2014 00:15:17 +0300"``, HTTP Basic auth
(staff email + API key) and an ``api_calls_left`` header on every answer.
"""

from __future__ import annotations

import base64
import binascii
import copy
import email.utils
import functools
import json
import mimetypes
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx

from ..omnidesk import AsyncOmnidesk, Omnidesk
from ._clock import FakeClock
from ._options import FakeClientOptions

if TYPE_CHECKING:
    from typing_extensions import Unpack
from ._server import FakeRequest, FakeServer, route

__all__ = ["FakeOmnidesk", "StoredFile"]

Record = dict[str, Any]
Handler = Callable[["FakeOmnidesk", FakeRequest], httpx.Response]
H = TypeVar("H", bound=Handler)

MOSCOW = timezone(timedelta(hours=3))
"""The fake writes dates in Moscow time, like the documentation's examples."""

CASE_STATUSES = ("open", "waiting", "closed")
CASE_PRIORITIES = ("low", "normal", "high", "critical")
MAX_LIMIT = 100
HOUR = 3600.0

_IDENTITIES = (
    ("user_email", "email"),
    ("user_phone", "phone"),
    ("user_whatsapp_phone", "whatsapp"),
    ("user_telegram_data", "telegram"),
    ("user_custom_id", "custom"),
)
_BRACKETS = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")


class _Refused(Exception):
    """Raised inside a handler to answer with an error."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _endpoint(method: str, path: str) -> Callable[[H], H]:
    """:func:`route`, plus turning a :class:`_Refused` into the error answer."""

    def mark(func: H) -> H:
        @functools.wraps(func)
        def handler(self: FakeOmnidesk, request: FakeRequest) -> httpx.Response:
            try:
                return func(self, request)
            except _Refused as exc:
                return self.error_response(exc.status, exc.message)

        return cast(H, route(method, path)(handler))

    return mark


@dataclass
class StoredFile:
    """A file the fake received as an attachment."""

    file_id: int
    file_name: str
    content: bytes
    mime_type: str
    case_id: int
    message_id: int


# -- small parsers -------------------------------------------------------------


def _as_int(value: Any, name: str) -> int:
    if isinstance(value, bool):
        raise _Refused(400, f"{name} must be a number")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    raise _Refused(400, f"{name} must be a number")


def _as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _comma(value: Any) -> list[str]:
    """A comma-separated string (or a list) as a list of trimmed items."""
    items = value.split(",") if isinstance(value, str) else [str(v) for v in _as_list(value)]
    return [item.strip() for item in items if item.strip()]


def _listify(value: Any) -> Any:
    """Dicts whose keys are all indexes (``[0]``, ``[1]``...) become lists."""
    if isinstance(value, dict):
        value = {k: _listify(v) for k, v in value.items()}
        if value and all(re.fullmatch(r"\d*", k) for k in value):
            return [value[k] for k in sorted(value, key=lambda k: int(k or 0))]
    return value


def _unflatten(form: Mapping[str, Any]) -> Record:
    """``case[custom_fields][cf_44]=3`` -> ``{"case": {"custom_fields": {"cf_44": "3"}}}``."""
    out: Record = {}
    for key, value in form.items():
        match = _BRACKETS.match(key)
        if not match:
            out[key] = value
            continue
        names = [match.group(1), *re.findall(r"\[([^\[\]]*)\]", match.group(2))]
        node = out
        for i, name in enumerate(names[:-1]):
            child = node.get(name)
            if not isinstance(child, dict):
                child = node[name] = {}
            if names[i + 1] == "":
                names[i + 1] = str(len(child))
            node = child
        node[names[-1]] = value
    result = _listify(out)
    return result if isinstance(result, dict) else {}


def _search(pattern: str, value: Any) -> bool:
    """Omnidesk search: substring by default; ``^x^`` exact, ``^x`` prefix, ``x^`` suffix."""
    text = str(value or "").lower()
    needle = pattern.lower()
    starts = needle.startswith("^")
    ends = needle.endswith("^") and len(needle) > 1
    core = needle.strip("^")
    if starts and ends:
        return text == core
    if starts:
        return text.startswith(core)
    if ends:
        return text.endswith(core)
    return core in text


def _timestamp(value: str, name: str) -> float:
    """A time filter: a Unix timestamp or a date string."""
    text = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    try:
        return email.utils.parsedate_to_datetime(text).timestamp()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise _Refused(400, f"{name}: unrecognised time {value!r}") from None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=MOSCOW)).timestamp()


def _record_time(record: Mapping[str, Any], key: str) -> float:
    try:
        return email.utils.parsedate_to_datetime(str(record.get(key))).timestamp()
    except (TypeError, ValueError, IndexError):
        return 0.0


# -- the fake --------------------------------------------------------------------


class FakeOmnidesk(FakeServer):
    """A stateful in-memory Omnidesk: cases, case messages and notes (with
    attachments), users, companies, labels, groups and staff.

    ``email`` and ``api_key`` are the credentials the fake accepts (HTTP Basic;
    anything else gets 401). ``staff_count`` active staff members exist from the
    start, the first one with ``email`` (the API user, author of staff replies).
    The hourly quota is ``calls_per_hour``, by default ``max(1000, 500 *
    staff_count)`` as documented; every authenticated request spends one call
    (the docs exempt unspecified "light" requests; the fake counts all), and the
    quota refills an hour (of ``clock`` time) after the window opened.

    Every answer carries ``api_calls_left``. When the quota is spent the fake
    answers HTTP 429 ``{"error": "..."}``: the docs only say "an error message is
    returned", so the real status, body and headers are undocumented and may
    differ. Other errors are undocumented too; the fake answers ``{"error":
    "..."}`` with 400 (missing or invalid field), 401 (credentials) and 404
    (unknown id or route).

    Behaviour the docs leave open, chosen here: ids are assigned incrementally
    per entity; lists are ordered oldest first unless ``sort`` says otherwise;
    the case list leaves out trashed and spam cases; a new case's content is its
    first message; replies do not change a case's status; disabling or deleting
    a group or staff member replaces it in cases at once (the real API does it
    later, in the background).

    State is public for assertions: ``cases``, ``messages`` (case id -> list),
    ``users``, ``companies``, ``labels``, ``groups``, ``staff`` (id -> wire
    record) and ``files`` (file id -> :class:`StoredFile`).

    Beyond the documented seed, the fake also serves case and message ratings
    (``ratings``, listed by ``stats_satisfaction``), each case's ``changelog``
    (every change of a case's assignee, status, subject, group, priority, custom
    fields or labels appends an entry), ``macros`` (:meth:`add_macro`),
    ``staff_roles`` (:meth:`add_staff_role`), ``staff_statuses`` (built-in
    Online, Offline and No chats; :meth:`add_staff_status`), user
    ``identification_codes`` and linked users.
    """

    vendor = "omnidesk"
    base_url = "https://acme.omnidesk.ru/api"

    def __init__(
        self,
        *,
        email: str = "bot@acme.ru",
        api_key: str = "test-api-key",
        staff_count: int = 1,
        calls_per_hour: int | None = None,
        clock: FakeClock | None = None,
    ) -> None:
        super().__init__(clock=clock)
        if isinstance(staff_count, bool) or not isinstance(staff_count, int) or staff_count < 1:
            raise ValueError("staff_count must be an integer >= 1 (the API user is staff)")
        self.email = email
        self.api_key = api_key
        self.calls_per_hour = (
            calls_per_hour if calls_per_hour is not None else max(1000, 500 * staff_count)
        )
        self.calls_left = self.calls_per_hour
        """Calls left in the current hour; set it to test running out."""
        self._window_start = self.clock.now()
        self.cases: dict[int, Record] = {}
        self.messages: dict[int, list[Record]] = {}
        self.users: dict[int, Record] = {}
        self.companies: dict[int, Record] = {}
        self.company_users: dict[int, list[int]] = {}
        self.labels: dict[int, Record] = {}
        self.groups: dict[int, Record] = {}
        self.staff: dict[int, Record] = {}
        self.files: dict[int, StoredFile] = {}
        self._next_id = {
            "case": 2000,
            "message": 5000,
            "user": 100,
            "company": 300,
            "label": 400,
            "group": 500,
            "staff": 20,
            "file": 0,
        }
        for n in range(staff_count):
            record = self._new_staff(
                email if n == 0 else f"agent{n}@acme.ru",
                "API user" if n == 0 else f"Agent {n}",
                "",
            )
            record["active"] = True
            record["status"] = "online"
        self._init_beyond_seed()

    # -- wiring -------------------------------------------------------------

    def client(
        self,
        *,
        email: str | None = None,
        api_key: str | None = None,
        **options: Unpack[FakeClientOptions],
    ) -> Omnidesk:
        """An :class:`Omnidesk` client served by this fake (credentials: the fake's)."""
        return Omnidesk(
            email=email or self.email,
            api_key=api_key or self.api_key,
            base_url=self.base_url,
            transport=self.transport(),
            clock=self.clock,
            **options,
        )

    def async_client(
        self,
        *,
        email: str | None = None,
        api_key: str | None = None,
        **options: Unpack[FakeClientOptions],
    ) -> AsyncOmnidesk:
        """An :class:`AsyncOmnidesk` client served by this fake (credentials: the fake's)."""
        return AsyncOmnidesk(
            email=email or self.email,
            api_key=api_key or self.api_key,
            base_url=self.base_url,
            transport=self.transport(),
            clock=self.clock,
            **options,
        )

    # -- hooks --------------------------------------------------------------

    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        """Check Basic credentials, then spend one call of the hourly quota."""
        if not self._credentials_ok(request.headers.get("authorization", "")):
            return self.error_response(401, "Authentication failed: wrong email or API key")
        now = self.clock.now()
        if now - self._window_start >= HOUR:
            hours = (now - self._window_start) // HOUR
            self._window_start += hours * HOUR
            self.calls_left = self.calls_per_hour
        if self.calls_left <= 0:
            return self.error_response(
                429,
                f"API calls limit exceeded: {self.calls_per_hour} requests per hour",
            )
        self.calls_left -= 1
        return None

    def _credentials_ok(self, header: str) -> bool:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            decoded = base64.b64decode(token.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        email, sep, key = decoded.partition(":")
        return bool(sep) and email.lower() == self.email.lower() and key == self.api_key

    def after(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        """Add ``api_calls_left`` to every answer."""
        response.headers["api_calls_left"] = str(self.calls_left)
        return response

    def error_response(self, status: int, message: str) -> httpx.Response:
        """``{"error": message}`` (``after`` adds ``api_calls_left``)."""
        return self.json({"error": message}, status=status)

    def reset_quota(self) -> None:
        """Refill the hourly quota now."""
        self.calls_left = self.calls_per_hour
        self._window_start = self.clock.now()

    # -- helpers ------------------------------------------------------------

    def now(self) -> str:
        """The fake clock's time in the Omnidesk date format."""
        return self._date(self.clock.now())

    @staticmethod
    def _date(stamp: float) -> str:
        return email.utils.format_datetime(datetime.fromtimestamp(int(stamp), MOSCOW))

    def _time_field(self, value: Any, name: str) -> str:
        """A back-dating ``created_at`` (date string or timestamp) as an Omnidesk date."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return self._date(float(value))
        if isinstance(value, str) and value.strip():
            return self._date(_timestamp(value, name))
        raise _Refused(400, f"{name} must be a date string or a Unix timestamp")

    def _new_id(self, kind: str) -> int:
        self._next_id[kind] += 1
        return self._next_id[kind]

    def _body(
        self, request: FakeRequest, *wrappers: str, required: bool = True
    ) -> tuple[Record, list[tuple[str, bytes]]]:
        """The unwrapped body and any attached files (``attachments``)."""
        ctype = request.raw.headers.get("content-type", "")
        data: Any
        if ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            data = _unflatten(request.form())
        else:
            try:
                data = request.json()
            except ValueError:
                raise _Refused(400, "the body is not valid JSON") from None
        inner: Record | None = None
        if isinstance(data, dict):
            for wrapper in wrappers:
                if isinstance(data.get(wrapper), dict):
                    inner = data[wrapper]
                    break
        if inner is None:
            if required:
                raise _Refused(400, f'the body must be an object wrapped in "{wrappers[0]}"')
            inner = {}
        files: list[tuple[str, bytes]] = []
        for item in _as_list(inner.pop("attachments", None)):
            if isinstance(item, tuple) and len(item) == 2:
                files.append((str(item[0]), bytes(item[1])))
            else:
                raise _Refused(400, "attachments must be files sent as multipart/form-data")
        return inner, files

    def _get(self, table: dict[int, Record], raw_id: str, what: str) -> Record:
        try:
            key = int(raw_id)
        except ValueError:
            raise _Refused(404, f"{what} {raw_id} not found") from None
        record = table.get(key)
        if record is None:
            raise _Refused(404, f"{what} {raw_id} not found")
        return record

    def _page(self, request: FakeRequest, entity: str, items: list[Record]) -> httpx.Response:
        """One page of ``items`` in the documented list shape."""
        page = self._paging_arg(request, "page", 1, None)
        limit = self._paging_arg(request, "limit", MAX_LIMIT, MAX_LIMIT)
        chunk = items[(page - 1) * limit : page * limit]
        body: Record = {str(i): {entity: copy.deepcopy(item)} for i, item in enumerate(chunk)}
        body["total_count"] = len(items)
        return self.json(body)

    @staticmethod
    def _paging_arg(request: FakeRequest, name: str, default: int, top: int | None) -> int:
        raw = request.arg(name)
        if raw is None or raw == "":
            return default
        if not re.fullmatch(r"\d+", raw) or int(raw) < 1 or (top is not None and int(raw) > top):
            bounds = f"from 1 to {top}" if top else "a positive integer"
            raise _Refused(400, f"{name} must be {bounds}")
        return int(raw)

    @staticmethod
    def _values(request: FakeRequest, name: str) -> list[str]:
        """A filter given as ``name=x`` or ``name[]=x&name[]=y``."""
        return [*request.query.get(name, []), *request.query.get(f"{name}[]", [])]

    def _int_values(self, request: FakeRequest, name: str) -> list[int]:
        return [_as_int(v, name) for value in self._values(request, name) for v in _comma(value)]

    def _search_arg(self, request: FakeRequest, name: str, min_length: int) -> list[str]:
        values = [v for v in self._values(request, name) if v != ""]
        for value in values:
            if len(value.replace("^", "").strip()) < min_length:
                raise _Refused(400, f"{name} must have at least {min_length} characters")
        return values

    def _time_filters(self, request: FakeRequest, items: list[Record]) -> list[Record]:
        for name, key, newer in (
            ("from_time", "created_at", True),
            ("to_time", "created_at", False),
            ("from_updated_time", "updated_at", True),
            ("to_updated_time", "updated_at", False),
        ):
            raw = request.arg(name)
            if raw:
                bound = _timestamp(raw, name)
                items = [
                    r
                    for r in items
                    if (_record_time(r, key) >= bound if newer else _record_time(r, key) <= bound)
                ]
        return items

    @staticmethod
    def _custom_field_filter(request: FakeRequest, items: Iterable[Record]) -> list[Record]:
        wanted: dict[str, list[str]] = {}
        for key, values in request.query.items():
            match = re.fullmatch(r"custom_fields\[([^\]]+)\](\[\])?", key)
            if match:
                wanted.setdefault(match.group(1), []).extend(values)
        out = []
        for record in items:
            fields = record.get("custom_fields") or {}
            if all(
                any(_search(v, fields.get(field)) or str(fields.get(field)) == v for v in values)
                for field, values in wanted.items()
            ):
                out.append(record)
        return out

    def _check_choice(self, value: Any, name: str, choices: tuple[str, ...]) -> str:
        if value not in choices:
            raise _Refused(400, f"{name} must be one of {', '.join(choices)}")
        return str(value)

    def _active(self, table: dict[int, Record], value: Any, name: str, *, zero: bool) -> int:
        ident = _as_int(value, name)
        if zero and ident == 0:
            return 0
        record = table.get(ident)
        if record is None or record.get("active") is False:
            raise _Refused(400, f"{name} {ident} does not exist or is not active")
        return ident

    def _api_staff_id(self) -> int:
        for staff_id, record in self.staff.items():
            if str(record.get("staff_email", "")).lower() == self.email.lower():
                return staff_id
        return 0

    def _touch(self, record: Record) -> Record:
        record["updated_at"] = self.now()
        return record

    # -- cases --------------------------------------------------------------

    @_endpoint("POST", "/cases.json")
    def create_case(self, request: FakeRequest) -> httpx.Response:
        """Create a case (JSON, or multipart with ``case[attachments][N]``)."""
        body, files = self._body(request, "case")
        subject = body.get("subject")
        if not subject:
            raise _Refused(400, "subject is required")
        if not (body.get("content") or body.get("content_html")):
            raise _Refused(400, "content or content_html is required")
        user_id = self._case_user(body)
        now = self.now()
        created = (
            self._time_field(body["created_at"], "created_at") if "created_at" in body else now
        )
        staff_id = self._active(self.staff, body.get("staff_id", 0), "staff_id", zero=True)
        group_id = self._active(self.groups, body.get("group_id", 0), "group_id", zero=True)
        if "initiator_id" in body:
            self._active(self.staff, body["initiator_id"], "initiator_id", zero=False)
        status = self._check_choice(body.get("status", "open"), "status", CASE_STATUSES)
        priority = self._check_choice(body.get("priority", "normal"), "priority", CASE_PRIORITIES)
        cc = _comma(body.get("cc_emails"))
        bcc = _comma(body.get("bcc_emails"))
        if len(cc) > 30 or len(bcc) > 30:
            raise _Refused(400, "cc_emails and bcc_emails take at most 30 addresses")
        user = self.users[user_id]
        case_id = self._new_id("case")
        case: Record = {
            "case_id": case_id,
            "case_number": f"{100 + case_id % 900}-{240000 + case_id}",
            "subject": str(subject),
            "user_id": user_id,
            "staff_id": staff_id,
            "group_id": group_id,
            "status": status,
            "priority": priority,
            "channel": body.get("channel") or "web",
            "recipient": user.get("user_email") or user.get("user_phone") or "",
            "cc_emails": ",".join(cc),
            "bcc_emails": ",".join(bcc),
            "deleted": False,
            "spam": False,
            "created_at": created,
            "updated_at": created,
            "language_id": _as_int(body.get("language_id", 1), "language_id"),
            "custom_fields": dict(body.get("custom_fields") or {}),
            "labels": [_as_int(v, "labels") for v in _as_list(body.get("labels"))],
        }
        self.cases[case_id] = case
        self.messages[case_id] = []
        first: Record = {
            "user_id": user_id,
            "staff_id": 0,
            "content": str(body.get("content") or ""),
            "content_html": str(body.get("content_html") or ""),
            "created_at": created,
        }
        self._add_message(case_id, first, files, note=False)
        return self.json({"case": copy.deepcopy(case)})

    def _case_user(self, body: Record) -> int:
        """Find the case's user by an identity field, or create one."""
        given = [(key, kind) for key, kind in _IDENTITIES if body.get(key)]
        if not given:
            raise _Refused(
                400,
                "one of user_email, user_phone, user_whatsapp_phone, user_telegram_data "
                "or user_custom_id is required",
            )
        for key, _ in given:
            wanted = str(body[key]).lower()
            for user_id, user in self.users.items():
                if str(user.get(key, "")).lower() == wanted:
                    return user_id
        fields = {key: body[key] for key, _ in given}
        if "user_full_name" in body:
            fields["user_full_name"] = body["user_full_name"]
        if "user_company_name" in body:
            fields["company_name"] = body["user_company_name"]
        if "language_id" in body:
            fields["language_id"] = body["language_id"]
        return int(self._new_user(fields)["user_id"])

    @_endpoint("GET", "/cases.json")
    def list_cases(self, request: FakeRequest) -> httpx.Response:
        """List cases (trash and spam left out) with the documented filters."""
        items = [c for c in self.cases.values() if not c["deleted"] and not c["spam"]]
        for name, choices in (("status", CASE_STATUSES), ("priority", CASE_PRIORITIES)):
            values = [v for value in self._values(request, name) for v in _comma(value)]
            for value in values:
                self._check_choice(value, name, choices)
            if values:
                items = [c for c in items if c[name] in values]
        for name in ("user_id", "staff_id", "group_id"):
            ids = self._int_values(request, name)
            if ids:
                items = [c for c in items if c[name] in ids]
        channels = [v for value in self._values(request, "channel") for v in _comma(value)]
        if channels:
            items = [c for c in items if c["channel"] in channels]
        labels = self._int_values(request, "labels")
        if labels:
            items = [c for c in items if set(labels) & set(c["labels"])]
        for name in ("user_email", "user_phone"):
            patterns = self._search_arg(request, name, 4)
            if patterns:
                items = [
                    c
                    for c in items
                    if any(_search(p, self.users.get(c["user_id"], {}).get(name)) for p in patterns)
                ]
        for pattern in self._search_arg(request, "subject", 4):
            items = [c for c in items if _search(pattern, c["subject"])]
        items = self._custom_field_filter(request, items)
        items = self._time_filters(request, items)
        return self._page(request, "case", self._sorted_cases(items, request.arg("sort")))

    def _sorted_cases(self, items: list[Record], sort: str | None) -> list[Record]:
        items = sorted(items, key=lambda c: int(c["case_id"]))
        if not sort:
            return items
        field, _, direction = sort.rpartition("_")
        keys: dict[str, Callable[[Record], Any]] = {
            "created_at": lambda c: _record_time(c, "created_at"),
            "updated_at": lambda c: _record_time(c, "updated_at"),
            "response": lambda c: _record_time(c, "updated_at"),
            "priority": lambda c: CASE_PRIORITIES.index(c["priority"]),
            "status": lambda c: CASE_STATUSES.index(c["status"]),
        }
        if field not in keys or direction not in ("asc", "desc"):
            raise _Refused(400, f"unknown sort {sort!r}")
        key = keys[field]
        return sorted(items, key=lambda c: (key(c), c["case_id"]), reverse=direction == "desc")

    @_endpoint("GET", "/cases/{case_id}.json")
    def get_case(self, request: FakeRequest) -> httpx.Response:
        """Get a case."""
        case = self._get(self.cases, request.path_params["case_id"], "case")
        return self.json({"case": copy.deepcopy(case)})

    def _case_ids(self, request: FakeRequest) -> tuple[list[Record], bool]:
        """The cases of ``/cases/{id}`` or of a bulk ``/cases/{id},{id}``."""
        raw = request.path_params["case_id"]
        if "," not in raw:
            return [self._get(self.cases, raw, "case")], False
        found = []
        for part in raw.split(","):
            if part.strip().isdigit() and int(part) in self.cases:
                found.append(self.cases[int(part)])
        return found, True

    def _case_answer(self, cases: list[Record], bulk: bool) -> httpx.Response:
        if bulk:
            return self.json({"case_success_id": [c["case_id"] for c in cases]})
        return self.json({"case": copy.deepcopy(cases[0])})

    @_endpoint("PUT", "/cases/{case_id}.json")
    def update_case(self, request: FakeRequest) -> httpx.Response:
        """Change one case, or several (``/cases/1,2,3.json``)."""
        cases, bulk = self._case_ids(request)
        body, _ = self._body(request, "case")
        changes: Record = {}
        if "subject" in body:
            changes["subject"] = str(body["subject"])
        if "status" in body:
            changes["status"] = self._check_choice(body["status"], "status", CASE_STATUSES)
        if "priority" in body:
            changes["priority"] = self._check_choice(body["priority"], "priority", CASE_PRIORITIES)
        if "group_id" in body:
            changes["group_id"] = self._active(
                self.groups, body["group_id"], "group_id", zero=False
            )
        if "staff_id" in body:
            changes["staff_id"] = self._active(self.staff, body["staff_id"], "staff_id", zero=True)
        if "language_id" in body:
            changes["language_id"] = _as_int(body["language_id"], "language_id")
        for key in ("add_cc_emails", "add_bcc_emails"):
            if len(_comma(body.get(key))) > 30:
                raise _Refused(400, f"{key} takes at most 30 addresses")
        known = {
            "subject",
            "status",
            "priority",
            "group_id",
            "staff_id",
            "language_id",
            "custom_fields",
            "add_labels",
            "delete_labels",
            "add_cc_emails",
            "add_bcc_emails",
            "remove_cc_emails",
            "remove_bcc_emails",
        }
        if not known & set(body):
            raise _Refused(400, "nothing to update")
        add = [_as_int(v, "add_labels") for v in _as_list(body.get("add_labels"))]
        drop = {_as_int(v, "delete_labels") for v in _as_list(body.get("delete_labels"))}
        for case in cases:
            case.update(changes)
            if body.get("custom_fields"):
                case["custom_fields"] = {**case["custom_fields"], **dict(body["custom_fields"])}
            labels = [x for x in case["labels"] if x not in drop]
            case["labels"] = labels + [x for x in add if x not in labels]
            for kind in ("cc", "bcc"):
                current = _comma(case[f"{kind}_emails"])
                gone = set(_comma(body.get(f"remove_{kind}_emails")))
                current = [e for e in current if e not in gone]
                current += [e for e in _comma(body.get(f"add_{kind}_emails")) if e not in current]
                case[f"{kind}_emails"] = ",".join(current)
            self._touch(case)
        return self._case_answer(cases, bulk)

    def _flag_cases(self, request: FakeRequest, **flags: bool) -> httpx.Response:
        cases, bulk = self._case_ids(request)
        for case in cases:
            case.update(flags)
            self._touch(case)
        return self._case_answer(cases, bulk)

    @_endpoint("PUT", "/cases/{case_id}/trash.json")
    def trash_case(self, request: FakeRequest) -> httpx.Response:
        """Move cases to the trash (``deleted: true``)."""
        return self._flag_cases(request, deleted=True)

    @_endpoint("PUT", "/cases/{case_id}/spam.json")
    def spam_case(self, request: FakeRequest) -> httpx.Response:
        """Move cases to spam (``spam: true``)."""
        return self._flag_cases(request, spam=True)

    @_endpoint("PUT", "/cases/{case_id}/restore.json")
    def restore_case(self, request: FakeRequest) -> httpx.Response:
        """Restore cases from the trash or spam."""
        return self._flag_cases(request, deleted=False, spam=False)

    @_endpoint("DELETE", "/cases/{case_id}.json")
    def delete_case(self, request: FakeRequest) -> httpx.Response:
        """Delete a case for good, with its messages and files."""
        case = self._get(self.cases, request.path_params["case_id"], "case")
        case_id = int(case["case_id"])
        del self.cases[case_id]
        self.messages.pop(case_id, None)
        for file_id in [f.file_id for f in self.files.values() if f.case_id == case_id]:
            del self.files[file_id]
        return httpx.Response(200)

    # -- case messages and notes -----------------------------------------

    def _add_message(
        self, case_id: int, fields: Record, files: list[tuple[str, bytes]], *, note: bool
    ) -> Record:
        message_id = self._new_id("message")
        attachments = []
        for name, content in files:
            file_id = self._new_id("file")
            mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
            self.files[file_id] = StoredFile(file_id, name, content, mime, case_id, message_id)
            host = httpx.URL(self.base_url).host
            attachments.append(
                {
                    "file_id": file_id,
                    "file_name": name,
                    "file_size": len(content),
                    "mime_type": mime,
                    "url": f"https://{host}/files/{file_id}",
                }
            )
        message: Record = {
            "message_id": message_id,
            "user_id": 0,
            "staff_id": 0,
            "content": "",
            "content_html": "",
            **fields,
            "attachments": attachments,
            "note": note,
            "sent_via_rule": False,
        }
        message.setdefault("created_at", self.now())
        self.messages.setdefault(case_id, []).append(message)
        return message

    def _message_fields(self, body: Record, *, note: bool) -> Record:
        if not (body.get("content") or body.get("content_html")):
            raise _Refused(400, "content or content_html is required")
        fields: Record = {
            "content": str(body.get("content") or ""),
            "content_html": str(body.get("content_html") or ""),
        }
        if "created_at" in body:
            fields["created_at"] = self._time_field(body["created_at"], "created_at")
        if note:
            fields["staff_id"] = self._api_staff_id()
            for key, table in (("note_staff_id", self.staff), ("note_group_id", self.groups)):
                if key in body:
                    fields[key] = self._active(table, body[key], key, zero=False)
        elif "user_id" in body:
            user_id = _as_int(body["user_id"], "user_id")
            if user_id not in self.users:
                raise _Refused(400, f"user_id {user_id} does not exist")
            fields["user_id"] = user_id
        elif "staff_id" in body:
            fields["staff_id"] = self._active(self.staff, body["staff_id"], "staff_id", zero=False)
        else:
            fields["staff_id"] = self._api_staff_id()
        return fields

    def _message(self, request: FakeRequest, *, note: bool) -> tuple[Record, Record]:
        case = self._get(self.cases, request.path_params["case_id"], "case")
        raw = request.path_params["message_id"]
        for message in self.messages.get(int(case["case_id"]), []):
            if str(message["message_id"]) == raw and message["note"] is note:
                return case, message
        raise _Refused(404, f"{'note' if note else 'message'} {raw} not found")

    @_endpoint("GET", "/cases/{case_id}/messages.json")
    def list_messages(self, request: FakeRequest) -> httpx.Response:
        """A case's messages and notes (``order`` asc by default; last 100 without paging)."""
        case = self._get(self.cases, request.path_params["case_id"], "case")
        items = list(self.messages.get(int(case["case_id"]), []))
        order = request.arg("order", "asc")
        if order not in ("asc", "desc"):
            raise _Refused(400, "order must be asc or desc")
        paged = request.arg("page") is not None or request.arg("limit") is not None
        if not paged:
            items = items[-MAX_LIMIT:]
        if order == "desc":
            items.reverse()
        if not paged:
            body: Record = {str(i): {"message": copy.deepcopy(m)} for i, m in enumerate(items)}
            body["total_count"] = len(self.messages.get(int(case["case_id"]), []))
            return self.json(body)
        return self._page(request, "message", items)

    @_endpoint("POST", "/cases/{case_id}/messages.json")
    def create_message(self, request: FakeRequest) -> httpx.Response:
        """Reply to a case (JSON, or multipart with ``message[attachments][N]``)."""
        case = self._get(self.cases, request.path_params["case_id"], "case")
        body, files = self._body(request, "message")
        message = self._add_message(
            int(case["case_id"]), self._message_fields(body, note=False), files, note=False
        )
        self._touch(case)
        return self.json({"message": copy.deepcopy(message)})

    @_endpoint("PUT", "/cases/{case_id}/messages/{message_id}.json")
    def update_message(self, request: FakeRequest) -> httpx.Response:
        """Edit a reply's text."""
        return self._edit(request, note=False)

    @_endpoint("DELETE", "/cases/{case_id}/messages/{message_id}.json")
    def delete_message(self, request: FakeRequest) -> httpx.Response:
        """Delete a reply."""
        return self._remove_message(request, note=False)

    @_endpoint("POST", "/cases/{case_id}/note.json")
    def create_note(self, request: FakeRequest) -> httpx.Response:
        """Add a note (``message`` wrapper, or ``note[...]`` fields with files)."""
        case = self._get(self.cases, request.path_params["case_id"], "case")
        body, files = self._body(request, "message", "note")
        message = self._add_message(
            int(case["case_id"]), self._message_fields(body, note=True), files, note=True
        )
        self._touch(case)
        return self.json({"message": copy.deepcopy(message)})

    @_endpoint("PUT", "/cases/{case_id}/note/{message_id}.json")
    def update_note(self, request: FakeRequest) -> httpx.Response:
        """Edit a note's text."""
        return self._edit(request, note=True)

    @_endpoint("DELETE", "/cases/{case_id}/note/{message_id}.json")
    def delete_note(self, request: FakeRequest) -> httpx.Response:
        """Delete a note."""
        return self._remove_message(request, note=True)

    def _edit(self, request: FakeRequest, *, note: bool) -> httpx.Response:
        case, message = self._message(request, note=note)
        body, _ = self._body(request, "message")
        if not body.get("content"):
            raise _Refused(400, "content is required")
        message["content"] = str(body["content"])
        self._touch(case)
        return self.json({"message": copy.deepcopy(message)})

    def _remove_message(self, request: FakeRequest, *, note: bool) -> httpx.Response:
        case, message = self._message(request, note=note)
        self.messages[int(case["case_id"])].remove(message)
        for file_id in [
            f.file_id for f in self.files.values() if f.message_id == message["message_id"]
        ]:
            del self.files[file_id]
        self._touch(case)
        return httpx.Response(200)

    # -- labels ---------------------------------------------------------------

    @_endpoint("POST", "/labels.json")
    def create_label(self, request: FakeRequest) -> httpx.Response:
        """Create a label (``label`` wrapper; ``labels`` as in the docs' curl example)."""
        body, _ = self._body(request, "label", "labels")
        if not body.get("label_title"):
            raise _Refused(400, "label_title is required")
        label_id = self._new_id("label")
        self.labels[label_id] = {"label_id": label_id, "label_title": str(body["label_title"])}
        return self.json({"label": dict(self.labels[label_id])})

    @_endpoint("GET", "/labels.json")
    def list_labels(self, request: FakeRequest) -> httpx.Response:
        """List labels."""
        return self._page(request, "label", list(self.labels.values()))

    @_endpoint("PUT", "/labels/{label_id}.json")
    def update_label(self, request: FakeRequest) -> httpx.Response:
        """Rename a label."""
        label = self._get(self.labels, request.path_params["label_id"], "label")
        body, _ = self._body(request, "label", "labels")
        if not body.get("label_title"):
            raise _Refused(400, "label_title is required")
        label["label_title"] = str(body["label_title"])
        return self.json({"label": dict(label)})

    @_endpoint("DELETE", "/labels/{label_id}.json")
    def delete_label(self, request: FakeRequest) -> httpx.Response:
        """Delete a label (and take it off cases)."""
        label = self._get(self.labels, request.path_params["label_id"], "label")
        del self.labels[int(label["label_id"])]
        for case in self.cases.values():
            if label["label_id"] in case["labels"]:
                case["labels"].remove(label["label_id"])
        return httpx.Response(200)

    # -- users ------------------------------------------------------------------

    def _new_user(self, fields: Record) -> Record:
        kind = next((k for key, k in _IDENTITIES if fields.get(key)), "email")
        user_id = self._new_id("user")
        now = self.now()
        user: Record = {
            "user_id": user_id,
            "user_full_name": "",
            "company_name": "",
            "company_position": "",
            "thumbnail": "",
            "confirmed": False,
            "active": True,
            "deleted": False,
            "created_at": now,
            "updated_at": now,
            "type": kind,
            "language_id": 1,
            "custom_fields": {},
            "linked_users": [],
        }
        for key, value in fields.items():
            user[key] = _as_int(value, key) if key == "language_id" else value
        self.users[user_id] = user
        return user

    @_endpoint("POST", "/users.json")
    def create_user(self, request: FakeRequest) -> httpx.Response:
        """Create a user; the answer alone carries a generated ``password``."""
        body, _ = self._body(request, "user")
        given = [key for key, _ in _IDENTITIES if body.get(key)]
        if not given:
            raise _Refused(
                400,
                "one of user_email, user_phone, user_whatsapp_phone, user_telegram_data "
                "or user_custom_id is required",
            )
        if body.get("user_custom_channel") and not body.get("user_custom_id"):
            raise _Refused(400, "user_custom_channel goes with user_custom_id")
        for key in given:
            wanted = str(body[key]).lower()
            if any(str(u.get(key, "")).lower() == wanted for u in self.users.values()):
                raise _Refused(400, f"a user with this {key} already exists")
        allowed = {key for key, _ in _IDENTITIES} | {
            "user_custom_channel",
            "user_full_name",
            "company_name",
            "company_position",
            "user_note",
            "language_id",
            "custom_fields",
        }
        user = self._new_user({k: v for k, v in body.items() if k in allowed})
        answer = copy.deepcopy(user)
        answer["password"] = f"pw{user['user_id']:04d}"
        return self.json({"user": answer})

    @_endpoint("GET", "/users.json")
    def list_users(self, request: FakeRequest) -> httpx.Response:
        """List users (``user_email``/``user_phone`` searches, ``language_id``...)."""
        items = list(self.users.values())
        for name in ("user_email", "user_phone"):
            for pattern in self._search_arg(request, name, 3):
                items = [u for u in items if _search(pattern, u.get(name))]
        languages = self._int_values(request, "language_id")
        if languages:
            items = [u for u in items if u.get("language_id") in languages]
        items = self._custom_field_filter(request, items)
        items = self._time_filters(request, items)
        if _as_bool(request.arg("amount_of_cases", "false")):
            items = [
                {
                    **u,
                    "amount_of_cases": sum(
                        1 for c in self.cases.values() if c["user_id"] == u["user_id"]
                    ),
                }
                for u in items
            ]
        return self._page(request, "user", items)

    @_endpoint("GET", "/users/{user_id}.json")
    def get_user(self, request: FakeRequest) -> httpx.Response:
        """Get a user."""
        return self.json({"user": copy.deepcopy(self._user(request))})

    def _user(self, request: FakeRequest) -> Record:
        return self._get(self.users, request.path_params["user_id"], "user")

    @_endpoint("PUT", "/users/{user_id}.json")
    def update_user(self, request: FakeRequest) -> httpx.Response:
        """Change a user."""
        user = self._user(request)
        body, _ = self._body(request, "user")
        allowed = (
            "user_email",
            "user_full_name",
            "company_name",
            "company_position",
            "user_note",
            "language_id",
        )
        changes = {k: body[k] for k in allowed if k in body}
        if not changes and "custom_fields" not in body:
            raise _Refused(400, "nothing to update")
        if "user_email" in changes and user.get("confirmed"):
            raise _Refused(400, "user_email can change only while it is not confirmed")
        if "language_id" in changes:
            changes["language_id"] = _as_int(changes["language_id"], "language_id")
        user.update(changes)
        if body.get("custom_fields"):
            user["custom_fields"] = {**user["custom_fields"], **dict(body["custom_fields"])}
        return self.json({"user": copy.deepcopy(self._touch(user))})

    def _flag(self, record: Record, entity: str, **flags: bool) -> httpx.Response:
        record.update(flags)
        return self.json({entity: copy.deepcopy(self._touch(record))})

    @_endpoint("PUT", "/users/{user_id}/disable.json")
    def disable_user(self, request: FakeRequest) -> httpx.Response:
        """Soft-delete a user (``deleted: true``)."""
        return self._flag(self._user(request), "user", deleted=True)

    @_endpoint("PUT", "/users/{user_id}/block.json")
    def block_user(self, request: FakeRequest) -> httpx.Response:
        """Block a user (``active: false``)."""
        return self._flag(self._user(request), "user", active=False)

    @_endpoint("PUT", "/users/{user_id}/restore.json")
    def restore_user(self, request: FakeRequest) -> httpx.Response:
        """Unblock or undelete a user."""
        return self._flag(self._user(request), "user", active=True, deleted=False)

    @_endpoint("DELETE", "/users/{user_id}.json")
    def delete_user(self, request: FakeRequest) -> httpx.Response:
        """Delete a user for good."""
        user = self._user(request)
        del self.users[int(user["user_id"])]
        for members in self.company_users.values():
            if user["user_id"] in members:
                members.remove(user["user_id"])
        return httpx.Response(200)

    # -- companies -------------------------------------------------------------

    def _company_user_ids(self, body: Record, key: str) -> list[int]:
        # The docs spell these names with a Cyrillic "с" (сompany_users); take both.
        raw = body.get(key, body.get(key.replace("company", "\u0441ompany")))
        ids = [_as_int(v, key) for v in _comma(raw)]
        for user_id in ids:
            if user_id not in self.users:
                raise _Refused(400, f"{key}: user {user_id} does not exist")
        return ids

    @_endpoint("POST", "/companies.json")
    def create_company(self, request: FakeRequest) -> httpx.Response:
        """Create a company."""
        body, _ = self._body(request, "company")
        if not body.get("company_name"):
            raise _Refused(400, "company_name is required")
        members = self._company_user_ids(body, "company_users")
        company_id = self._new_id("company")
        now = self.now()
        company: Record = {
            "company_id": company_id,
            "company_name": str(body["company_name"]),
            "company_domains": ",".join(_comma(body.get("company_domains"))),
            "company_default_group": self._default_group(body),
            "company_address": str(body.get("company_address", "")),
            "company_note": str(body.get("company_note", "")),
            "active": True,
            "deleted": False,
            "created_at": now,
            "updated_at": now,
        }
        self.companies[company_id] = company
        self.company_users[company_id] = members
        return self.json({"company": copy.deepcopy(company)})

    def _default_group(self, body: Record) -> int:
        if not body.get("company_default_group"):
            return 0
        return self._active(
            self.groups, body["company_default_group"], "company_default_group", zero=True
        )

    @_endpoint("GET", "/companies.json")
    def list_companies(self, request: FakeRequest) -> httpx.Response:
        """List companies (searches by name, domains, address, note)."""
        items = list(self.companies.values())
        for name in ("company_name", "company_domains", "company_address", "company_note"):
            for pattern in self._search_arg(request, name, 3):
                items = [c for c in items if _search(pattern, c.get(name))]
        with_users = _as_bool(request.arg("amount_of_users", "false"))
        with_cases = _as_bool(request.arg("amount_of_cases", "false"))
        out = []
        for company in items:
            members = self.company_users.get(int(company["company_id"]), [])
            extra: Record = {}
            if with_users:
                extra["amount_of_users"] = len(members)
            if with_cases:
                extra["amount_of_cases"] = sum(
                    1 for c in self.cases.values() if c["user_id"] in members
                )
            out.append({**company, **extra})
        return self._page(request, "company", out)

    def _company(self, request: FakeRequest) -> Record:
        return self._get(self.companies, request.path_params["company_id"], "company")

    @_endpoint("GET", "/companies/{company_id}.json")
    def get_company(self, request: FakeRequest) -> httpx.Response:
        """Get a company."""
        return self.json({"company": copy.deepcopy(self._company(request))})

    @_endpoint("PUT", "/companies/{company_id}.json")
    def update_company(self, request: FakeRequest) -> httpx.Response:
        """Change a company; domains and users are added or removed."""
        company = self._company(request)
        body, _ = self._body(request, "company")
        changed = False
        for key in ("company_name", "company_address", "company_note"):
            if key in body:
                company[key] = str(body[key])
                changed = True
        if "company_default_group" in body:
            company["company_default_group"] = self._default_group(body)
            changed = True
        domains = _comma(company["company_domains"])
        gone = set(_comma(body.get("remove_company_domains")))
        domains = [d for d in domains if d not in gone]
        domains += [d for d in _comma(body.get("add_company_domains")) if d not in domains]
        changed = changed or bool(gone) or "add_company_domains" in body
        company["company_domains"] = ",".join(domains)
        members = self.company_users.setdefault(int(company["company_id"]), [])
        for user_id in self._company_user_ids(body, "remove_company_users"):
            changed = True
            if user_id in members:
                members.remove(user_id)
        for user_id in self._company_user_ids(body, "add_company_users"):
            changed = True
            if user_id not in members:
                members.append(user_id)
        if not changed:
            raise _Refused(400, "nothing to update")
        return self.json({"company": copy.deepcopy(self._touch(company))})

    @_endpoint("PUT", "/companies/{company_id}/disable.json")
    def disable_company(self, request: FakeRequest) -> httpx.Response:
        """Soft-delete a company (``deleted: true``)."""
        return self._flag(self._company(request), "company", deleted=True)

    @_endpoint("PUT", "/companies/{company_id}/block.json")
    def block_company(self, request: FakeRequest) -> httpx.Response:
        """Block a company (``active: false``)."""
        return self._flag(self._company(request), "company", active=False)

    @_endpoint("PUT", "/companies/{company_id}/restore.json")
    def restore_company(self, request: FakeRequest) -> httpx.Response:
        """Unblock or undelete a company."""
        return self._flag(self._company(request), "company", active=True, deleted=False)

    @_endpoint("DELETE", "/companies/{company_id}.json")
    def delete_company(self, request: FakeRequest) -> httpx.Response:
        """Delete a company for good."""
        company = self._company(request)
        del self.companies[int(company["company_id"])]
        self.company_users.pop(int(company["company_id"]), None)
        return httpx.Response(200)

    # -- groups ---------------------------------------------------------------

    @_endpoint("POST", "/groups.json")
    def create_group(self, request: FakeRequest) -> httpx.Response:
        """Create a group."""
        body, _ = self._body(request, "group")
        if not body.get("group_title"):
            raise _Refused(400, "group_title is required")
        group_id = self._new_id("group")
        now = self.now()
        self.groups[group_id] = {
            "group_id": group_id,
            "group_title": str(body["group_title"]),
            "group_from_name": str(body.get("group_from_name", "")),
            "group_signature": str(body.get("group_signature", "")),
            "active": True,
            "created_at": now,
            "updated_at": now,
        }
        return self.json({"group": copy.deepcopy(self.groups[group_id])})

    @_endpoint("GET", "/groups.json")
    def list_groups(self, request: FakeRequest) -> httpx.Response:
        """List groups."""
        return self._page(request, "group", list(self.groups.values()))

    def _group(self, request: FakeRequest) -> Record:
        return self._get(self.groups, request.path_params["group_id"], "group")

    @_endpoint("GET", "/groups/{group_id}.json")
    def get_group(self, request: FakeRequest) -> httpx.Response:
        """Get a group."""
        return self.json({"group": copy.deepcopy(self._group(request))})

    @_endpoint("PUT", "/groups/{group_id}.json")
    def update_group(self, request: FakeRequest) -> httpx.Response:
        """Change a group."""
        group = self._group(request)
        body, _ = self._body(request, "group")
        keys = [k for k in ("group_title", "group_from_name", "group_signature") if k in body]
        if not keys:
            raise _Refused(400, "nothing to update")
        if "group_title" in keys and not body["group_title"]:
            raise _Refused(400, "group_title must not be empty")
        group.update({k: str(body[k]) for k in keys})
        return self.json({"group": copy.deepcopy(self._touch(group))})

    def _replace_group(self, request: FakeRequest, group: Record) -> None:
        """Move cases off ``group`` (``replace_group_id`` needed when it is in use)."""
        body, _ = self._body(request, "group", required=False)
        group_id = group["group_id"]
        used = [c for c in self.cases.values() if c["group_id"] == group_id]
        if "replace_group_id" not in body:
            if used:
                raise _Refused(400, "the group is used by cases; pass replace_group_id")
            return
        replacement = self._active(
            self.groups, body["replace_group_id"], "replace_group_id", zero=False
        )
        if replacement == group_id:
            raise _Refused(400, "replace_group_id must be another group")
        for case in used:
            case["group_id"] = replacement

    @_endpoint("PUT", "/groups/{group_id}/disable.json")
    def disable_group(self, request: FakeRequest) -> httpx.Response:
        """Disable a group (``active: false``), replacing it in cases."""
        group = self._group(request)
        self._replace_group(request, group)
        return self._flag(group, "group", active=False)

    @_endpoint("PUT", "/groups/{group_id}/enable.json")
    def enable_group(self, request: FakeRequest) -> httpx.Response:
        """Enable a group."""
        return self._flag(self._group(request), "group", active=True)

    @_endpoint("DELETE", "/groups/{group_id}.json")
    def delete_group(self, request: FakeRequest) -> httpx.Response:
        """Delete a group, replacing it in cases."""
        group = self._group(request)
        self._replace_group(request, group)
        del self.groups[int(group["group_id"])]
        return httpx.Response(200)

    # -- staff ------------------------------------------------------------------

    def _new_staff(self, staff_email: str, full_name: str, signature: str) -> Record:
        staff_id = self._new_id("staff")
        now = self.now()
        record: Record = {
            "staff_id": staff_id,
            "staff_email": staff_email,
            "staff_full_name": full_name,
            "staff_signature": signature,
            "thumbnail": "",
            # A new staff member is inactive until they accept the invitation
            # (the create example answers "active": false).
            "active": False,
            "status": "offline",
            "created_at": now,
            "updated_at": now,
        }
        self.staff[staff_id] = record
        return record

    @_endpoint("POST", "/staff.json")
    def create_staff(self, request: FakeRequest) -> httpx.Response:
        """Add a staff member."""
        body, _ = self._body(request, "staff")
        staff_email = str(body.get("staff_email") or "")
        if "@" not in staff_email:
            raise _Refused(400, "a valid staff_email is required")
        if any(s["staff_email"].lower() == staff_email.lower() for s in self.staff.values()):
            raise _Refused(400, "a staff member with this staff_email already exists")
        record = self._new_staff(
            staff_email, str(body.get("staff_full_name", "")), str(body.get("staff_signature", ""))
        )
        return self.json({"staff": copy.deepcopy(record)})

    @_endpoint("GET", "/staff.json")
    def list_staff(self, request: FakeRequest) -> httpx.Response:
        """List staff members."""
        return self._page(request, "staff", list(self.staff.values()))

    def _staff(self, request: FakeRequest) -> Record:
        return self._get(self.staff, request.path_params["staff_id"], "staff member")

    @_endpoint("GET", "/staff/{staff_id}.json")
    def get_staff(self, request: FakeRequest) -> httpx.Response:
        """Get a staff member."""
        return self.json({"staff": copy.deepcopy(self._staff(request))})

    @_endpoint("PUT", "/staff/{staff_id}.json")
    def update_staff(self, request: FakeRequest) -> httpx.Response:
        """Change a staff member."""
        record = self._staff(request)
        body, _ = self._body(request, "staff")
        keys = [k for k in ("staff_email", "staff_full_name", "staff_signature") if k in body]
        if not keys:
            raise _Refused(400, "nothing to update")
        if "staff_email" in keys and "@" not in str(body["staff_email"]):
            raise _Refused(400, "staff_email must be a valid email address")
        record.update({k: str(body[k]) for k in keys})
        return self.json({"staff": copy.deepcopy(self._touch(record))})

    def _replace_staff(self, request: FakeRequest, record: Record, statuses: Iterable[str]) -> None:
        body, _ = self._body(request, "staff", required=False)
        replacement = 0
        if "replace_staff_id" in body:
            replacement = self._active(
                self.staff, body["replace_staff_id"], "replace_staff_id", zero=False
            )
            if replacement == record["staff_id"]:
                raise _Refused(400, "replace_staff_id must be another staff member")
        wanted = set(statuses)
        for case in self.cases.values():
            if case["staff_id"] == record["staff_id"] and case["status"] in wanted:
                case["staff_id"] = replacement

    @_endpoint("PUT", "/staff/{staff_id}/disable.json")
    def disable_staff(self, request: FakeRequest) -> httpx.Response:
        """Disable a staff member; open and waiting cases go to ``replace_staff_id``."""
        record = self._staff(request)
        self._replace_staff(request, record, ("open", "waiting"))
        return self._flag(record, "staff", active=False)

    @_endpoint("PUT", "/staff/{staff_id}/enable.json")
    def enable_staff(self, request: FakeRequest) -> httpx.Response:
        """Enable a staff member."""
        return self._flag(self._staff(request), "staff", active=True)

    @_endpoint("DELETE", "/staff/{staff_id}.json")
    def delete_staff(self, request: FakeRequest) -> httpx.Response:
        """Delete a staff member; all their cases go to ``replace_staff_id``."""
        record = self._staff(request)
        self._replace_staff(request, record, CASE_STATUSES)
        del self.staff[int(record["staff_id"])]
        return httpx.Response(200)

    # -- beyond the documented seed -------------------------------------------
    # Endpoints the official documentation leaves out: ratings, the case
    # changelog, macros, staff roles and statuses, satisfaction statistics,
    # user identification codes and linked users.

    def _init_beyond_seed(self) -> None:
        self.changelog: dict[int, list[Record]] = {}
        """Case id -> changelog entries (appended when a case changes)."""
        self._case_seen: dict[int, Record] = {}
        self.ratings: dict[int, Record] = {}
        """Rating id -> a case's rating, as ``statistics.satisfaction`` lists it."""
        self.staff_roles: dict[int, Record] = {}
        self.staff_statuses: dict[int, Record] = {}
        self.macros: dict[str, list[Record]] = {"common": [], "personal": []}
        """``common`` / ``personal`` -> macro categories (see :meth:`add_macro`)."""
        self.identification_codes: dict[str, Record] = {}
        """Code -> the user fields it was issued for."""
        self._next_id.update(
            rating=0, role=0, status=100, macro=196500, macro_category=10, macro_action=866600
        )
        for status_id, name in ((1, "Online"), (2, "Offline"), (3, "No chats")):
            self.staff_statuses[status_id] = {
                "status_id": status_id,
                "status": name,
                "active": True,
            }

    def add_staff_role(self, role: str) -> Record:
        """Add a staff role (the fake starts with none)."""
        role_id = self._new_id("role")
        self.staff_roles[role_id] = {"role_id": role_id, "role": role}
        return self.staff_roles[role_id]

    def add_staff_status(self, status: str, *, active: bool = True) -> Record:
        """Add a custom staff status (``Online``, ``Offline`` and ``No chats`` exist)."""
        status_id = self._new_id("status")
        self.staff_statuses[status_id] = {
            "status_id": status_id,
            "status": status,
            "active": active,
        }
        return self.staff_statuses[status_id]

    def add_macro(
        self,
        title: str,
        actions: Iterable[Mapping[str, Any]] = (),
        *,
        category: str | None = None,
        personal: bool = False,
        group_name: str = "",
    ) -> Record:
        """Add a macro (``personal``: the API user's own) and return it.

        ``actions`` are mappings such as ``{"action_type": "status",
        "action_destination": "3"}``; ids and positions are filled in. Without a
        ``category`` the macro goes to the category with id 0, as uncategorised
        macros do.
        """
        categories = self.macros["personal" if personal else "common"]
        wanted = category if category is not None else "No category"
        found = next((c for c in categories if c["title"] == wanted), None)
        if found is None:
            category_id = 0 if category is None else self._new_id("macro_category")
            found = {
                "title": wanted,
                "sort": 99999 if category is None else len(categories),
                "macros_category_id": category_id,
                "data": {},
            }
            categories.append(found)
        macro_id = self._new_id("macro")
        steps = []
        for position, action in enumerate(actions, start=1):
            steps.append(
                {
                    "macro_action_id": self._new_id("macro_action"),
                    "action_type": "",
                    "action_display_name": "",
                    "action_destination": "",
                    "content": "",
                    "subject": "",
                    **dict(action),
                    "position": position,
                }
            )
        macro: Record = {
            "title": title,
            "position": len(found["data"]),
            "group_name": group_name,
            "actions": steps,
        }
        found["data"][str(macro_id)] = macro
        return {"macro_id": macro_id, **macro}

    # -- the case changelog ------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer a request, logging the case changes it makes in ``changelog``.

        Changes made on the fake's state directly, between requests, are logged
        too, done by ``system``; changes made through the API are done by the API
        user (``staff_<id>``).
        """
        self._log_case_changes("system")
        try:
            return super().handle(request)
        finally:
            self._log_case_changes(f"staff_{self._api_staff_id()}")

    def _log_case_changes(self, done_by: str) -> None:
        for case_id in [c for c in self._case_seen if c not in self.cases]:
            del self._case_seen[case_id]
            self.changelog.pop(case_id, None)
        for case_id, case in self.cases.items():
            state = {event: _changelog_value(case.get(key)) for key, event in _TRACKED}
            before = self._case_seen.get(case_id)
            self._case_seen[case_id] = state
            if before is None:
                continue
            for event, value in state.items():
                if before[event] != value:
                    entry = {
                        "created_at": self.now(),
                        "event": event,
                        "done_by": done_by,
                        "old_value": before[event],
                        "value": value,
                    }
                    self.changelog.setdefault(case_id, []).append(entry)

    @_endpoint("GET", "/cases/{case_id}/changelog.json")
    def case_changelog(self, request: FakeRequest) -> httpx.Response:
        """A case's changes, oldest first; ``staff=false``... leave a kind out.

        Chat activation and completion are listed only with
        ``show_chat_activation`` / ``show_chat_completion`` (the fake has no chats,
        so they never occur).
        """
        case = self._get(self.cases, request.path_params["case_id"], "case")
        hidden = {
            event
            for flag, event in _CHANGELOG_FLAGS
            if request.arg(flag) is not None and not _as_bool(request.arg(flag))
        }
        entries = [
            copy.deepcopy(e)
            for e in self.changelog.get(int(case["case_id"]), [])
            if e["event"] not in hidden
        ]
        return self.json({"changelog": entries})

    # -- ratings --------------------------------------------------------------

    def _rate_body(self, request: FakeRequest) -> Record:
        body, _ = self._body(request, "rate")
        self._check_choice(body.get("rating"), "rating", RATINGS)
        if not isinstance(body.get("rating_comment", ""), str):
            raise _Refused(400, "rating_comment must be a string")
        return body

    @_endpoint("PUT", "/cases/{case_id}/rate.json")
    def rate_case(self, request: FakeRequest) -> httpx.Response:
        """Rate a case; rating again replaces the rating (same rating id)."""
        case = self._get(self.cases, request.path_params["case_id"], "case")
        body = self._rate_body(request)
        rated_staff = 0
        if "rated_staff_id" in body:
            rated_staff = _as_int(body["rated_staff_id"], "rated_staff_id")
            if rated_staff != 0 and rated_staff not in self.staff:
                raise _Refused(400, f"rated_staff_id {rated_staff} does not exist")
        fields = {
            "rating": str(body["rating"]),
            "rating_comment": str(body.get("rating_comment", "")),
            "rated_staff_id": rated_staff,
        }
        case.update(fields)
        self._touch(case)
        now = self.now()
        record = next((r for r in self.ratings.values() if r["case_id"] == case["case_id"]), None)
        if record is None:
            rating_id = self._new_id("rating")
            record = self.ratings[rating_id] = {"rating_id": rating_id, "created_at": now}
        record.update(
            fields,
            case_id=case["case_id"],
            case_number=case["case_number"],
            user_id=case["user_id"],
            staff_id=case["staff_id"],
            group_id=case["group_id"],
            updated_at=now,
        )
        return self.json({"case": copy.deepcopy(case)})

    @_endpoint("PUT", "/cases/{case_id}/rate/{message_id}.json")
    def rate_message(self, request: FakeRequest) -> httpx.Response:
        """Rate a message (not a note) of a case; rating again replaces the rating."""
        case = self._get(self.cases, request.path_params["case_id"], "case")
        raw = request.path_params["message_id"]
        message = next(
            (
                m
                for m in self.messages.get(int(case["case_id"]), [])
                if str(m["message_id"]) == raw and m["note"] is False
            ),
            None,
        )
        if message is None:
            raise _Refused(404, f"message {raw} not found")
        body = self._rate_body(request)
        message.update(
            rating=str(body["rating"]),
            rating_comment=str(body.get("rating_comment", "")),
            rated_staff_id=message["staff_id"],
        )
        self._touch(case)
        return self.json({"message": copy.deepcopy(message)})

    @_endpoint("GET", "/stats_satisfaction.json")
    def stats_satisfaction(self, request: FakeRequest) -> httpx.Response:
        """Case ratings, newest first unless ``sort=added_at_asc``.

        ``period`` is required; only ``custom`` narrows the time (by
        ``from_time``/``to_time`` on the rating's date), other periods list every
        rating. Message ratings are not listed.
        """
        if not request.arg("period"):
            raise _Refused(400, "period is required")
        items = list(self.ratings.values())
        if request.arg("period") == "custom":
            items = self._time_filters(request, items)
        for name in ("rating_id", "rated_staff_id", "user_id", "group_id"):
            ids = self._int_values(request, name)
            if ids:
                items = [r for r in items if r[name] in ids]
        ratings = [v for value in self._values(request, "rating") for v in _comma(value)]
        for value in ratings:
            self._check_choice(value, "rating", RATINGS)
        if ratings:
            items = [r for r in items if r["rating"] in ratings]
        for name, choices in (("status", CASE_STATUSES), ("priority", CASE_PRIORITIES)):
            values = [v for value in self._values(request, name) for v in _comma(value)]
            for value in values:
                self._check_choice(value, name, choices)
            if values:
                items = [r for r in items if self.cases.get(r["case_id"], {}).get(name) in values]
        if request.arg("rating_comment") is not None:
            wanted = _as_bool(request.arg("rating_comment"))
            items = [r for r in items if bool(r["rating_comment"]) is wanted]
        sort = request.arg("sort", "added_at_desc")
        if sort not in ("added_at_desc", "added_at_asc"):
            raise _Refused(400, "sort must be added_at_desc or added_at_asc")
        items.sort(key=lambda r: r["rating_id"], reverse=sort == "added_at_desc")
        page = self._paging_arg(request, "page", 1, None)
        limit = self._paging_arg(request, "limit", MAX_LIMIT, MAX_LIMIT)
        chunk = items[(page - 1) * limit : page * limit]
        body: Record = {str(i): copy.deepcopy(r) for i, r in enumerate(chunk)}
        body["total_count"] = len(items)
        return self.json(body)

    # -- macros, staff roles and statuses ------------------------------------

    @_endpoint("GET", "/macros.json")
    def list_macros(self, request: FakeRequest) -> httpx.Response:
        """Common and personal macros by category (an empty group is ``[]``)."""
        body: Record = {
            scope: {str(i): copy.deepcopy(c) for i, c in enumerate(categories)} or []
            for scope, categories in self.macros.items()
        }
        return self.json(body)

    @_endpoint("GET", "/staff_roles.json")
    def list_staff_roles(self, request: FakeRequest) -> httpx.Response:
        """Staff roles, each wrapped in ``staff_roles``, with ``count``."""
        return self._wrapped_list("staff_roles", list(self.staff_roles.values()))

    @_endpoint("GET", "/staff_statuses.json")
    def list_staff_statuses(self, request: FakeRequest) -> httpx.Response:
        """Staff statuses, each wrapped in ``staff_statuses``, with ``count``."""
        return self._wrapped_list("staff_statuses", list(self.staff_statuses.values()))

    def _wrapped_list(self, entity: str, items: list[Record]) -> httpx.Response:
        body: Record = {str(i): {entity: copy.deepcopy(item)} for i, item in enumerate(items)}
        body["count"] = len(items)
        return self.json(body)

    # -- user identification and linking -----------------------------------

    @_endpoint("POST", "/users/identification.json")
    def identify_user(self, request: FakeRequest) -> httpx.Response:
        """A new one-time code for the user described (each call gives another)."""
        body, _ = self._body(request, "user")
        if not any(body.get(key) for key, _ in _IDENTITIES):
            raise _Refused(
                400,
                "one of user_email, user_phone, user_whatsapp_phone, user_telegram_data "
                "or user_custom_id is required",
            )
        code = f"o_{0x37BD49 + len(self.identification_codes):06X}_id"
        self.identification_codes[code] = dict(body)
        return self.json({"code": code})

    def _flat_body(self, request: FakeRequest) -> Record:
        try:
            data = request.json()
        except ValueError:
            raise _Refused(400, "the body is not valid JSON") from None
        if not isinstance(data, dict):
            raise _Refused(400, "the body must be a JSON object")
        return data

    @_endpoint("PUT", "/users/{user_id}/link.json")
    def link_user(self, request: FakeRequest) -> httpx.Response:
        """Link the user named by ``user_email``, ``user_phone`` or ``user_id`` (both ways)."""
        user = self._user(request)
        body = self._flat_body(request)
        given = [key for key in ("user_email", "user_phone", "user_id") if key in body]
        if len(given) != 1:
            raise _Refused(400, "pass exactly one of user_email, user_phone, user_id")
        key = given[0]
        if key == "user_id":
            other = self.users.get(_as_int(body["user_id"], "user_id"))
        else:
            wanted = str(body[key]).lower()
            other = next(
                (u for u in self.users.values() if str(u.get(key, "")).lower() == wanted), None
            )
        if other is None:
            raise _Refused(404, f"user with {key} {body[key]} not found")
        if other["user_id"] == user["user_id"]:
            raise _Refused(400, "a user cannot be linked to itself")
        for a, b in ((user, other), (other, user)):
            if b["user_id"] not in a["linked_users"]:
                a["linked_users"].append(b["user_id"])
        self._touch(other)
        return self.json({"user": copy.deepcopy(self._touch(user))})

    @_endpoint("PUT", "/users/{user_id}/unlink.json")
    def unlink_user(self, request: FakeRequest) -> httpx.Response:
        """Unlink the user ``user_id`` (both ways; unlinking again changes nothing)."""
        user = self._user(request)
        body = self._flat_body(request)
        if "user_id" not in body:
            raise _Refused(400, "user_id is required")
        other = self.users.get(_as_int(body["user_id"], "user_id"))
        if other is None:
            raise _Refused(404, f"user {body['user_id']} not found")
        for a, b in ((user, other), (other, user)):
            if b["user_id"] in a["linked_users"]:
                a["linked_users"].remove(b["user_id"])
        return self.json({"user": copy.deepcopy(self._touch(user))})


RATINGS = ("high", "middle", "low")

_TRACKED = (
    ("staff_id", "staff"),
    ("status", "status"),
    ("subject", "subject"),
    ("group_id", "group"),
    ("priority", "priority"),
    ("custom_fields", "custom_fields"),
    ("labels", "labels"),
)
"""Case field -> the changelog event its change logs."""

_CHANGELOG_FLAGS = (
    ("staff", "staff"),
    ("status", "status"),
    ("subject", "subject"),
    ("group", "group"),
    ("priority", "priority"),
    ("custom_fields", "custom_fields"),
    ("labels", "labels"),
    ("rules", "rules"),
    ("fixed_chat_staff", "fixed_chat_staff"),
)
"""Changelog query flag -> the event kind ``false`` leaves out."""


def _changelog_value(value: Any) -> str:
    """A case field as a changelog value: a string, like the API's (``"0"``, ``"330"``)."""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else str(value)
