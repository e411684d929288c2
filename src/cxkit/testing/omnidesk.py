"""An in-memory, stateful fake of the Omnidesk API, for offline tests and demos.

```python
from cxkit.testing.omnidesk import FakeOmnidesk

fake = FakeOmnidesk()
desk = fake.client()                       # an Omnidesk wired to the fake, no network
case = desk.cases.create(subject="Printer on fire", user_email="ann@x.io", content="Help")
desk.cases.messages.create(case.case_id, content="On it", attachments=[("log.txt", b"...")])
assert fake.files[1].content == b"..."
```

It speaks the documented wire format (entity wrappers, bracket-named forms, numbered
list answers, RFC 2822 dates in Moscow time; see "Testing" in ``docs/omnidesk.md``).
"""

from __future__ import annotations

import copy
import dataclasses
import email.utils
import functools
import json
import mimetypes
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, ClassVar

import httpx

from ..omnidesk import AsyncOmnidesk, Omnidesk
from ._clock import FakeClock
from ._crud_extra import children
from ._listing import as_list, changes, comma, counted, forget, members, one, truthy
from ._options import FakeClientOptions
from ._rules import Field, Wording, strict
from ._server import (
    FakeRequest,
    FakeServer,
    Record,
    Refused,
    Resource,
    basic_auth,
    int_id,
    number,
    record_time,
    rest,
    route,
    timestamp,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["FakeOmnidesk", "StoredFile"]

MOSCOW = timezone(timedelta(hours=3))
"""The fake writes dates in Moscow time, like the documentation's examples."""

CASE_STATUSES = ("open", "waiting", "closed")
CASE_PRIORITIES = ("low", "normal", "high", "critical")
RATINGS = ("high", "middle", "low")
MAX_LIMIT = 100
HOUR = 3600.0
_WORDING = Wording(
    empty="{name} must not be empty", invalid={"enum": "{name} must be one of {allowed}"}
)

_IDENTITIES = (
    "user_email", "user_phone", "user_whatsapp_phone", "user_telegram_data", "user_custom_id",
)  # fmt: skip
_KINDS = dict(zip(_IDENTITIES, ("email", "phone", "whatsapp", "telegram", "custom"), strict=True))
_NO_IDENTITY = f"one of {', '.join(_IDENTITIES[:-1])} or {_IDENTITIES[-1]} is required"
_TRACKED = (
    ("staff_id", "staff"), ("status", "status"), ("subject", "subject"), ("group_id", "group"),
    ("priority", "priority"), ("custom_fields", "custom_fields"), ("labels", "labels"),
)  # fmt: skip
"""Case field -> the changelog event its change logs."""
_CHANGELOG_KINDS = (*dict(_TRACKED).values(), "rules", "fixed_chat_staff")
"""The event kinds a changelog query flag (``staff=false``) leaves out."""
_NEW_USER = {
    **dict.fromkeys(("user_full_name", "company_name", "company_position", "thumbnail"), ""),
    **{"confirmed": False, "active": True, "deleted": False},
}
_NO_ACTION = dict.fromkeys(
    ("action_type", "action_display_name", "action_destination", "content", "subject"), ""
)
_REQUIRED, _INT = Field(required=True), Field("int")


_FIELDS: dict[str, dict[str, Field]] = {
    "case": {
        "subject": _REQUIRED,
        "status": Field("enum", allowed=CASE_STATUSES),
        "priority": Field("enum", allowed=CASE_PRIORITIES),
        "language_id": _INT,
    },
    "label": {"label_title": _REQUIRED},
    "group": {"group_title": _REQUIRED, **Field.each("group_from_name", "group_signature")},
    "staff": {
        "staff_email": Field("email", required=True, message="a valid {name} is required"),
        **Field.each("staff_full_name", "staff_signature"),
    },
    "user": {
        **Field.each("user_email", "user_full_name", "company_name", "company_position"),
        "user_note": Field(),
        "language_id": _INT,
    },
    "company": Field.each("company_name", "company_address", "company_note"),
}
"""The plain fields an entity's create and update bodies share, as the fake checks them."""
_CASE_CHANGES = frozenset((
    "subject", "status", "priority", "group_id", "staff_id", "language_id", "custom_fields",
    "add_labels", "delete_labels", "add_cc_emails", "add_bcc_emails", "remove_cc_emails",
    "remove_bcc_emails",
))  # fmt: skip


class _Options(FakeClientOptions, total=False):
    email: str | None
    api_key: str | None


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


def _ids(value: Any, name: str) -> list[int]:
    return [number(v, name) for v in as_list(value)]


def _edit(have: list[Any], add: list[Any], remove: Iterable[Any]) -> list[Any]:
    """A list field after an update's ``add_*`` and ``remove_*`` (or ``delete_*``)."""
    return members(members(have, remove, "remove"), add, "add")


def _changelog_value(value: Any) -> str:
    """A case field as a changelog value: a string, like the API's (``"0"``, ``"330"``)."""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else str(value)


def _checked(body: Record, entity: str, *, partial: bool = False) -> Record:
    return strict(body, _FIELDS[entity], _WORDING, partial=partial)


def _filled(body: Record, entity: str) -> Record:
    """Every ``_FIELDS`` of ``entity``: the body's, checked, or empty."""
    return {**dict.fromkeys(_FIELDS[entity], ""), **_checked(body, entity)}


# -- the fake --------------------------------------------------------------------
class FakeOmnidesk(FakeServer):
    """A stateful in-memory Omnidesk, documented and beyond (``docs/omnidesk.md`` tells
    what it models). HTTP Basic ``email`` / ``api_key`` only; the first of
    ``staff_count`` staff members is the API user; each request spends one of
    ``calls_per_hour`` (default ``max(1000, 500 * staff_count)``), refilled each hour
    of ``clock`` time. State is public for assertions, by id (``messages`` and
    ``changelog`` by case id; ``files`` holds :class:`StoredFile`)."""

    vendor = "omnidesk"
    base_url = "https://acme.omnidesk.ru/api"
    search_anchor = "^"
    timezone = MOSCOW
    first_ids: ClassVar[Mapping[str, int]] = {
        "case": 2001, "message": 5001, "user": 101, "company": 301, "label": 401, "group": 501,
        "staff": 21, "file": 1, "rating": 1, "role": 1, "status": 101, "macro": 196501,
        "macro_category": 11, "macro_action": 866601,
    }  # fmt: skip

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
        self.email, self.api_key = email, api_key
        hourly = max(1000, 500 * staff_count) if calls_per_hour is None else calls_per_hour
        self.calls_per_hour = self.calls_left = hourly
        self.cases: dict[int, Record] = {}
        self.messages: dict[int, list[Record]] = {}
        self.users: dict[int, Record] = {}
        self.companies: dict[int, Record] = {}
        self.company_users: dict[int, list[int]] = {}
        self.labels: dict[int, Record] = {}
        self.groups: dict[int, Record] = {}
        self.staff: dict[int, Record] = {}
        self.files: dict[int, StoredFile] = {}
        self.changelog: dict[int, list[Record]] = {}
        self._case_seen: dict[int, Record] = {}
        self.ratings: dict[int, Record] = {}
        self.staff_roles: dict[int, Record] = {}
        self.staff_statuses: dict[int, Record] = {}
        self.macros: dict[str, list[Record]] = {"common": [], "personal": []}
        self.identification_codes: dict[str, Record] = {}
        for n in range(staff_count):
            name, address = ("API user", email) if n == 0 else (f"Agent {n}", f"agent{n}@acme.ru")
            fields = {"staff_email": address, "staff_full_name": name}
            self._add_staff(fields, active=True, status="online")
        for n, status in enumerate(("Online", "Offline", "No chats"), start=1):
            self.staff_statuses[n] = {"status_id": n, "status": status, "active": True}

    # -- wiring and seeding ---------------------------------------------------

    def client(self, **options: Unpack[_Options]) -> Omnidesk:
        """An :class:`Omnidesk` client served by this fake (credentials: the fake's)."""
        return self.connect(Omnidesk, options, email=self.email, api_key=self.api_key)

    def async_client(self, **options: Unpack[_Options]) -> AsyncOmnidesk:
        """An :class:`AsyncOmnidesk` client served by this fake (credentials: the fake's)."""
        return self.connect(AsyncOmnidesk, options, email=self.email, api_key=self.api_key)

    def reset_quota(self) -> None:
        """Refill the hourly quota now."""
        self.calls_left, self.window_start = self.calls_per_hour, self.clock.now()

    def add_staff_role(self, role: str) -> Record:
        """Add a staff role (the fake starts with none)."""
        return self.put(ROLES, {"role_id": self.new_id("role"), "role": role})

    def add_staff_status(self, status: str, *, active: bool = True) -> Record:
        """Add a custom staff status (``Online``, ``Offline`` and ``No chats`` exist)."""
        fields = {"status": status, "active": active}
        return self.put(STATUSES, {"status_id": self.new_id("status"), **fields})

    def add_macro(
        self,
        title: str,
        actions: Iterable[Mapping[str, Any]] = (),
        *,
        category: str | None = None,
        personal: bool = False,
        group_name: str = "",
    ) -> Record:
        """Add a macro (``personal``: the API user's own) and return it; ``actions``
        are mappings such as ``{"action_type": "status", "action_destination": "3"}``.
        Without a ``category`` it goes to category 0, as uncategorised macros do."""
        categories = self.macros["personal" if personal else "common"]
        wanted = "No category" if category is None else category
        found = one(categories, "title", wanted)
        if found is None:
            sort = 99999 if category is None else len(categories)
            ident = 0 if category is None else self.new_id("macro_category")
            found = {"title": wanted, "sort": sort, "macros_category_id": ident, "data": {}}
            categories.append(found)
        macro_id = self.new_id("macro")
        steps = [
            {"macro_action_id": self.new_id("macro_action"), **_NO_ACTION, **action, "position": n}
            for n, action in enumerate(actions, start=1)
        ]
        macro = {"title": title, "position": len(found["data"]), "group_name": group_name}
        found["data"][str(macro_id)] = {**macro, "actions": steps}
        return {"macro_id": macro_id, **macro, "actions": steps}

    # -- the dialect: auth, quota, wrappers, lists, dates ------------------------------

    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        """Check Basic credentials, then spend one call of the hourly quota."""
        user, key = basic_auth(request) or ("", None)
        if user.lower() != self.email.lower() or key != self.api_key:
            return self.error_response(401, "Authentication failed: wrong email or API key")
        if self.spend_call(self.calls_per_hour, HOUR):
            return None
        limit = f"{self.calls_per_hour} requests per hour"
        return self.error_response(429, f"API calls limit exceeded: {limit}")

    def after(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        """Add ``api_calls_left`` to every answer."""
        response.headers["api_calls_left"] = str(self.calls_left)
        return response

    def now(self, stamp: float | None = None) -> str:
        """The fake clock's time (or ``stamp``) in the Omnidesk date format."""
        stamp = self.clock.now() if stamp is None else stamp
        return email.utils.format_datetime(datetime.fromtimestamp(int(stamp), MOSCOW))

    def _time_field(self, value: Any, name: str) -> str:
        """A back-dating ``created_at`` (date string or timestamp) as an Omnidesk date."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return self.now(float(value))
        if isinstance(value, str) and value.strip():
            return self.now(timestamp(value, name, MOSCOW))
        raise Refused(400, f"{name} must be a date string or a Unix timestamp")

    def _body(self, request: FakeRequest, *wrappers: str, required: bool = True) -> Record:
        """The body unwrapped from its entity name; ``attachments`` as ``(name, bytes)``."""
        data = request.data()
        inner = next((data[w] for w in wrappers if isinstance(data.get(w), dict)), None)
        if inner is None and required:
            raise Refused(400, f'the body must be an object wrapped in "{wrappers[0]}"')
        inner = inner or {}
        files = as_list(inner.pop("attachments", None))
        if not all(isinstance(f, tuple) and len(f) == 2 for f in files):
            raise Refused(400, "attachments must be files sent as multipart/form-data")
        return {**inner, "attachments": [(str(n), bytes(c)) for n, c in files]} if files else inner

    def read_body(self, res: Resource, op: str, request: FakeRequest) -> Any:
        """The body wrapped in the entity name (or in the names ``res.wire["body"]``
        lists: labels take ``labels`` too, as the docs' curl, and notes ``note``)."""
        assert res.wrapper is not None
        return self._body(request, *res.wire.get("body", (res.wrapper,)))

    def _change_fields(self, record: Record, body: Record, request: FakeRequest, kind: str) -> None:
        """An update of an entity without its own change: its checked ``_FIELDS`` (at least one)."""
        changes = _checked(body, kind, partial=True)
        if not changes:
            raise Refused(400, "nothing to update")
        record.update(changes)
        if "updated_at" in record:  # labels carry no dates
            self._touch(record)

    def answer(self, res: Resource, op: str, request: FakeRequest, result: Any) -> httpx.Response:
        """``{"case": {...}}``; lists as ``{"0": {"case": ...}, "total_count": N}``, a
        page at a time; an empty 200 for a delete; the ids found for bulk case
        changes; a new user's answer alone carries a ``password``."""
        if op == "delete":
            return httpx.Response(200)
        if op != "list" and isinstance(result, list):  # /cases/1,2,3...
            return self.json({"case_success_id": [r["case_id"] for r in result]})
        if op == "list":
            total, key = len(result), "count" if "count" in res.wire else "total_count"
            if res is MESSAGES and not {"page", "limit"} & set(request.query):
                # Unpaged: the last 100 messages (in the order asked) and the count of all.
                result = (
                    result[:MAX_LIMIT] if request.arg("order") == "desc" else result[-MAX_LIMIT:]
                )
            if key == "total_count":
                page = request.positive("page", 1)
                size = request.positive("limit", MAX_LIMIT, MAX_LIMIT)
                result = result[(page - 1) * size : page * size]
            body = {str(i): {res.wrapper: r} if res.wrapper else r for i, r in enumerate(result)}
            return self.json(copy.deepcopy({**body, key: total}))
        if res is USERS and op == "create":
            result = {**result, "password": f"pw{result['user_id']:04d}"}
        return self.json({res.wrapper: copy.deepcopy(result)})

    def value_of(self, record: Record, name: str) -> Any:
        """A case's or rating's user fields and status are its user's and case's."""
        if name not in record and "user_id" in record and name.startswith("user_"):
            return self.users.get(record["user_id"], {}).get(name)
        if name not in record and "case_id" in record:
            return self.cases.get(record["case_id"], {}).get(name)
        return record.get(name)

    def _api_staff_id(self) -> int:
        me = one(self.staff.values(), "staff_email", self.email, fold=True)
        return int(me["staff_id"]) if me else 0

    def _touch(self, record: Record) -> Record:
        record["updated_at"] = self.now()
        return record

    def _stamped(self, kind: str, **fields: Any) -> Record:
        now = self.now()
        return {f"{kind}_id": self.new_id(kind), **fields, "created_at": now, "updated_at": now}

    # -- cases ----------------------------------------------------------------------

    def _select_case(self, items: list[Record], request: FakeRequest) -> list[Record]:
        """Trash and spam left out; ``sort``."""
        kept = (c for c in items if not c["deleted"] and not c["spam"])
        items = sorted(kept, key=lambda c: c["case_id"])
        sort = request.arg("sort")
        if not sort:
            return items
        field, _, direction = sort.rpartition("_")
        if field not in _CASE_SORTS or direction not in ("asc", "desc"):
            raise Refused(400, f"unknown sort {sort!r}")
        by = _CASE_SORTS[field]
        return sorted(items, key=lambda c: (by(c), c["case_id"]), reverse=direction == "desc")

    def _new_case(self, body: Record, request: FakeRequest) -> Record:
        """A case (JSON, or multipart with ``case[attachments][N]``); its content is its
        first message, from the user."""
        values = _checked(body, "case")
        if not (body.get("content") or body.get("content_html")):
            raise Refused(400, "content or content_html is required")
        user_id = self._case_user(body)
        created = self.now()
        if "created_at" in body:
            created = self._time_field(body["created_at"], "created_at")
        if "initiator_id" in body:
            self.active(self.staff, body["initiator_id"], "initiator_id", zero=False)
        cc, bcc = comma(body.get("cc_emails")), comma(body.get("bcc_emails"))
        if len(cc) > 30 or len(bcc) > 30:
            raise Refused(400, "cc_emails and bcc_emails take at most 30 addresses")
        staff_id = self.active(self.staff, body.get("staff_id", 0), "staff_id", zero=True)
        group_id = self.active(self.groups, body.get("group_id", 0), "group_id", zero=True)
        user, case_id = self.users[user_id], self.new_id("case")
        case: Record = {
            "case_id": case_id,
            "case_number": f"{100 + case_id % 900}-{240000 + case_id}",
            "subject": values["subject"],
            **{"user_id": user_id, "staff_id": staff_id, "group_id": group_id},
            "status": values.get("status", "open"),
            "priority": values.get("priority", "normal"),
            "channel": body.get("channel") or "web",
            "recipient": user.get("user_email") or user.get("user_phone") or "",
            **{"cc_emails": ",".join(cc), "bcc_emails": ",".join(bcc)},
            **{"deleted": False, "spam": False, "created_at": created, "updated_at": created},
            "language_id": values.get("language_id", 1),
            "custom_fields": dict(body.get("custom_fields") or {}),
            "labels": _ids(body.get("labels"), "labels"),
        }
        first = {"user_id": user_id, "created_at": created}
        first.update({k: str(body[k]) for k in ("content", "content_html") if k in body})
        self.messages[case_id] = [self._message(case_id, first, body, note=False)]
        return case

    def _case_user(self, body: Record) -> int:
        """Find the case's user by an identity field, or create one."""
        given = _identities(body)
        for key in given:
            if found := one(self.users.values(), key, body[key], fold=True):
                return int(found["user_id"])
        fields = {k: body[k] for k in (*given, "user_full_name", "language_id") if k in body}
        if "user_company_name" in body:
            fields["company_name"] = body["user_company_name"]
        return int(self._add_user(fields)["user_id"])

    def _drop_case(self, case: Record, request: FakeRequest) -> None:
        self._drop_files("case_id", case["case_id"])

    def _change_case(self, case: Record, body: Record, request: FakeRequest) -> None:
        if not _CASE_CHANGES & set(body):
            raise Refused(400, "nothing to update")
        changes = _checked(body, "case", partial=True)
        if "group_id" in body:
            changes["group_id"] = self.active(self.groups, body["group_id"], "group_id", zero=False)
        if "staff_id" in body:
            changes["staff_id"] = self.active(self.staff, body["staff_id"], "staff_id", zero=True)
        for key in ("add_cc_emails", "add_bcc_emails"):
            if len(comma(body.get(key))) > 30:
                raise Refused(400, f"{key} takes at most 30 addresses")
        added, gone = (_ids(body.get(k), k) for k in ("add_labels", "delete_labels"))
        case.update(changes, labels=_edit(case["labels"], added, gone))
        case["custom_fields"] = {**case["custom_fields"], **(body.get("custom_fields") or {})}
        for key in ("cc_emails", "bcc_emails"):
            more, fewer = comma(body.get(f"add_{key}")), comma(body.get(f"remove_{key}"))
            case[key] = ",".join(_edit(comma(case[key]), more, fewer))
        self._touch(case)

    def _act(self, record: Record, action: str, request: FakeRequest) -> None:
        if action == "disable" and ("group_title" in record or "staff_email" in record):
            self._leave(record, request, disable=True)
        if action in ("link", "unlink"):
            self._link(record, action == "link", request)
        self._touch(record)

    # -- case messages and notes ---------------------------------------------------

    def _message(self, case_id: int, fields: Record, body: Record, *, note: bool) -> Record:
        message_id, attachments = self.new_id("message"), []
        for name, content in body.get("attachments", []):
            file_id = self.new_id("file")
            mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
            self.files[file_id] = StoredFile(file_id, name, content, mime, case_id, message_id)
            url = f"https://{httpx.URL(self.base_url).host}/files/{file_id}"
            info = {"file_id": file_id, "file_name": name, "file_size": len(content)}
            attachments.append({**info, "mime_type": mime, "url": url})
        message: Record = {
            "message_id": message_id,
            **{"user_id": 0, "staff_id": 0, "content": "", "content_html": ""},
            **fields,
            **{"attachments": attachments, "note": note, "sent_via_rule": False},
        }
        message.setdefault("created_at", self.now())
        return message

    def _new_message(self, body: Record, request: FakeRequest, *, note: bool = False) -> Record:
        """A reply (JSON, or multipart with ``message[attachments][N]``) or a note
        (``message`` wrapper, or ``note[...]`` fields with files)."""
        case = self.find(CASES, request.path_params["id"])
        if not (body.get("content") or body.get("content_html")):
            raise Refused(400, "content or content_html is required")
        fields: Record = {k: str(body.get(k) or "") for k in ("content", "content_html")}
        if "created_at" in body:
            fields["created_at"] = self._time_field(body["created_at"], "created_at")
        if note:
            fields["staff_id"] = self._api_staff_id()
            for key, table in (("note_staff_id", self.staff), ("note_group_id", self.groups)):
                if key in body:
                    fields[key] = self.active(table, body[key], key, zero=False)
        elif "user_id" in body:
            fields["user_id"] = number(body["user_id"], "user_id")
            if fields["user_id"] not in self.users:
                raise Refused(400, f"user_id {fields['user_id']} does not exist")
        elif "staff_id" in body:
            fields["staff_id"] = self.active(self.staff, body["staff_id"], "staff_id", zero=False)
        else:
            fields["staff_id"] = self._api_staff_id()
        self._touch(case)
        return self._message(case["case_id"], fields, body, note=note)

    def _select_message(self, items: list[Record], request: FakeRequest) -> list[Record]:
        return items[::-1] if request.choice("order", "asc", "desc") == "desc" else items

    def _change_message(self, message: Record, body: Record, request: FakeRequest) -> None:
        if not body.get("content"):
            raise Refused(400, "content is required")
        message["content"] = str(body["content"])
        self._touch(self.find(CASES, request.path_params["id"]))

    def _drop_message(self, message: Record, request: FakeRequest) -> None:
        self._drop_files("message_id", message["message_id"])
        self._touch(self.find(CASES, request.path_params["id"]))

    def _drop_files(self, key: str, value: int) -> None:
        for file_id in [f.file_id for f in self.files.values() if getattr(f, key) == value]:
            del self.files[file_id]

    # -- labels, users, companies, groups, staff --------------------------------------

    def _drop_label(self, label: Record, request: FakeRequest) -> None:
        forget(self.cases.values(), "labels", label["label_id"])

    def _new_label(self, body: Record, request: FakeRequest) -> Record:
        title = _checked(body, "label")  # refused before an id is spent
        return {"label_id": self.new_id("label"), **title}

    def _add_user(self, fields: Record) -> Record:
        kind = _KINDS[_identities(fields, "user_email")[0]]
        user = self._stamped("user", **_NEW_USER)
        user.update(type=kind, language_id=1, custom_fields={}, linked_users=[])
        user.update({k: number(v, k) if k == "language_id" else v for k, v in fields.items()})
        return self.put(USERS, user)

    def _new_user(self, body: Record, request: FakeRequest) -> Record:
        given = _identities(body)
        if body.get("user_custom_channel") and not body.get("user_custom_id"):
            raise Refused(400, "user_custom_channel goes with user_custom_id")
        for key in given:
            if one(self.users.values(), key, body[key], fold=True):
                raise Refused(400, f"a user with this {key} already exists")
        allowed = {*_IDENTITIES, *_FIELDS["user"], "user_custom_channel", "custom_fields"}
        return self._add_user({k: v for k, v in body.items() if k in allowed})

    def _select_user(self, items: list[Record], request: FakeRequest) -> list[Record]:
        return counted(items, request.arg, amount_of_cases=lambda u: self._cases_of([u["user_id"]]))

    def _cases_of(self, user_ids: list[int]) -> int:
        return sum(1 for c in self.cases.values() if c["user_id"] in user_ids)

    def _change_user(self, user: Record, body: Record, request: FakeRequest) -> None:
        changes = _checked(body, "user", partial=True)
        if not changes and "custom_fields" not in body:
            raise Refused(400, "nothing to update")
        if "user_email" in changes and user.get("confirmed"):
            raise Refused(400, "user_email can change only while it is not confirmed")
        user.update(changes)
        user["custom_fields"] = {**user["custom_fields"], **(body.get("custom_fields") or {})}
        self._touch(user)

    def _drop_user(self, user: Record, request: FakeRequest) -> None:
        for company_users in self.company_users.values():
            if user["user_id"] in company_users:
                company_users.remove(user["user_id"])

    def _company_user_ids(self, body: Record, key: str) -> list[int]:
        # The docs spell these names with a Cyrillic "с" (сompany_users); take both.
        given = comma(body.get(key, body.get(key.replace("company", "\u0441ompany"))))
        ids = [number(v, key) for v in given]
        for user_id in ids:
            if user_id not in self.users:
                raise Refused(400, f"{key}: user {user_id} does not exist")
        return ids

    def _default_group(self, body: Record) -> int:
        group = body.get("company_default_group")
        return self.active(self.groups, group, "company_default_group", zero=True) if group else 0

    def _new_company(self, body: Record, request: FakeRequest) -> Record:
        if not body.get("company_name"):
            raise Refused(400, "company_name is required")
        company_users = self._company_user_ids(body, "company_users")
        texts = _filled(body, "company")
        company = self._stamped(
            "company",
            company_name=texts.pop("company_name"),
            company_domains=",".join(comma(body.get("company_domains"))),
            company_default_group=self._default_group(body),
            **texts,
            active=True,
            deleted=False,
        )
        self.company_users[company["company_id"]] = company_users
        return company

    def _select_company(self, items: list[Record], request: FakeRequest) -> list[Record]:
        users = self.company_users
        return counted(
            items,
            request.arg,
            amount_of_users=lambda c: len(users.get(c["company_id"], [])),
            amount_of_cases=lambda c: self._cases_of(users.get(c["company_id"], [])),
        )

    def _change_company(self, company: Record, body: Record, request: FakeRequest) -> None:
        changes = _checked(body, "company", partial=True)
        if "company_default_group" in body:
            changes["company_default_group"] = self._default_group(body)
        more, fewer = (comma(body.get(f"{k}_company_domains")) for k in ("add", "remove"))
        removed = self._company_user_ids(body, "remove_company_users")
        added = self._company_user_ids(body, "add_company_users")
        edits = {"add_company_domains", "remove_company_domains"} & set(body)
        if not (changes or edits or removed or added):
            raise Refused(400, "nothing to update")
        company_users = self.company_users.setdefault(company["company_id"], [])
        company_users[:] = _edit(company_users, added, removed)
        domains = ",".join(_edit(comma(company["company_domains"]), more, fewer))
        self._touch(company).update(changes, company_domains=domains)

    def _new_group(self, body: Record, request: FakeRequest) -> Record:
        return self._stamped("group", **_filled(body, "group"), active=True)

    def _add_staff(
        self, fields: Record, *, active: bool = False, status: str = "offline"
    ) -> Record:
        # A new staff member is inactive until they accept the invitation
        # (the create example answers "active": false).
        fields = {**dict.fromkeys(_FIELDS["staff"], ""), **fields}
        record = self._stamped("staff", **fields, thumbnail="", active=active, status=status)
        return self.put(STAFF, record)

    def _new_staff(self, body: Record, request: FakeRequest) -> Record:
        fields = _checked(body, "staff")
        if one(self.staff.values(), "staff_email", fields["staff_email"], fold=True):
            raise Refused(400, "a staff member with this staff_email already exists")
        return self._add_staff(fields)

    def _leave(self, record: Record, request: FakeRequest, *, disable: bool = False) -> None:
        """Move the cases of a group or staff member (disabled staff: only its open and
        waiting ones) to the body's ``replace_<kind>_id``, or to nobody (not a group
        in use). The real API does it later; the fake at once."""
        res = GROUPS if "group_title" in record else STAFF
        key, name = f"{res.wrapper}_id", f"replace_{res.wrapper}_id"
        statuses = ("open", "waiting") if disable and res is STAFF else CASE_STATUSES
        body = self._body(request, res.wrapper or "", required=False)
        used = [c for c in self.cases.values() if c[key] == record[key] and c["status"] in statuses]
        replacement = 0
        if name in body:
            replacement = self.active(getattr(self, str(res.store)), body[name], name, zero=False)
            if replacement == record[key]:
                raise Refused(400, f"{name} must be another {res.label}")
        elif used and res is GROUPS:
            raise Refused(400, "the group is used by cases; pass replace_group_id")
        for case in used:
            case[key] = replacement

    # -- beyond the documented seed: ratings, the case changelog, macros, user
    # identification codes and linked users (see the guide) -----------------------

    def settle(self, request: httpx.Request | None) -> None:
        """Log case changes in ``changelog``: those made through the API as done by the
        API user (``staff_<id>``), those made on the state directly as by ``system``."""
        done_by = "system" if request is None else f"staff_{self._api_staff_id()}"
        for case_id in [c for c in self.changelog if c not in self.cases]:
            del self.changelog[case_id]
        for case_id, event, old, value in changes(
            self._case_seen, self.cases, dict(_TRACKED), _changelog_value
        ):
            entry = {"created_at": self.now(), "event": event, "done_by": done_by, "old_value": old}
            self.changelog.setdefault(case_id, []).append({**entry, "value": value})

    @route("GET", "/cases/{id}/changelog.json")
    def case_changelog(self, request: FakeRequest) -> httpx.Response:
        """A case's changes, oldest first; ``staff=false``... leave a kind out (chat
        activation and completion never occur: the fake has no chats)."""
        case = self.find(CASES, request.path_params["id"])
        hidden = {kind for kind in _CHANGELOG_KINDS if not truthy(request.arg(kind, "1"))}
        entries = [e for e in self.changelog.get(case["case_id"], []) if e["event"] not in hidden]
        return self.json({"changelog": copy.deepcopy(entries)})

    def _rating(self, request: FakeRequest) -> Record:
        body = self._body(request, "rate")
        if body.get("rating") not in RATINGS:
            raise Refused(400, f"rating must be one of {', '.join(RATINGS)}")
        if not isinstance(body.get("rating_comment", ""), str):
            raise Refused(400, "rating_comment must be a string")
        return {
            "rating": str(body["rating"]),
            "rating_comment": str(body.get("rating_comment", "")),
            "rated_staff_id": body.get("rated_staff_id", 0),
        }

    @route("PUT", "/cases/{id}/rate.json")
    def rate_case(self, request: FakeRequest) -> httpx.Response:
        """Rate a case; rating again replaces the rating (same rating id)."""
        case = self.find(CASES, request.path_params["id"])
        fields = self._rating(request)
        fields["rated_staff_id"] = number(fields["rated_staff_id"], "rated_staff_id")
        if fields["rated_staff_id"] not in (0, *self.staff):
            raise Refused(400, f"rated_staff_id {fields['rated_staff_id']} does not exist")
        self._touch(case).update(fields)
        record = one(self.ratings.values(), "case_id", case["case_id"])
        if record is None:
            rating_id = self.new_id("rating")
            record = self.ratings[rating_id] = {"rating_id": rating_id, "created_at": self.now()}
        keys = ("case_id", "case_number", "user_id", "staff_id", "group_id")
        record.update(fields, **{k: case[k] for k in keys}, updated_at=self.now())
        return self.json({"case": copy.deepcopy(case)})

    @route("PUT", "/cases/{id}/rate/{message_id}.json")
    def rate_message(self, request: FakeRequest) -> httpx.Response:
        """Rate a message (not a note) of a case; rating again replaces the rating."""
        message = self.find(MESSAGES, request.path_params["message_id"], request)
        message.update(self._rating(request), rated_staff_id=message["staff_id"])
        self._touch(self.find(CASES, request.path_params["id"]))
        return self.json({"message": copy.deepcopy(message)})

    def _select_ratings(self, items: list[Record], request: FakeRequest) -> list[Record]:
        """Case ratings (not message ones), newest first unless ``sort=added_at_asc``;
        ``period`` is required, and only ``custom`` narrows the time (by
        ``from_time``/``to_time`` on the rating's date)."""
        if not request.arg("period"):
            raise Refused(400, "period is required")
        if request.arg("period") == "custom":
            items = self.narrow(_TIMES, request, items)
        newest = request.choice("sort", "added_at_desc", "added_at_asc") == "added_at_desc"
        return sorted(items, key=lambda r: r["rating_id"], reverse=newest)

    @route("GET", "/macros.json")
    def list_macros(self, request: FakeRequest) -> httpx.Response:
        """Common and personal macros by category (an empty group is ``[]``)."""
        return self.json(
            {
                scope: {str(i): copy.deepcopy(c) for i, c in enumerate(categories)} or []
                for scope, categories in self.macros.items()
            }
        )

    @route("POST", "/users/identification.json")
    def identify_user(self, request: FakeRequest) -> httpx.Response:
        """A new one-time code for the user described (each call gives another)."""
        body = self._body(request, "user")
        _identities(body)
        code = f"o_{0x37BD49 + len(self.identification_codes):06X}_id"
        self.identification_codes[code] = dict(body)
        return self.json({"code": code})

    def _link(self, user: Record, link: bool, request: FakeRequest) -> None:
        """Link the user named by ``user_email``, ``user_phone`` or ``user_id`` (both
        ways); or unlink the user ``user_id`` (unlinking again changes nothing)."""
        body = request.json_object()
        given = [key for key in ("user_email", "user_phone", "user_id") if key in body]
        if link and len(given) != 1:
            raise Refused(400, "pass exactly one of user_email, user_phone, user_id")
        if not link and "user_id" not in body:
            raise Refused(400, "user_id is required")
        key = given[0] if link else "user_id"
        if key == "user_id":
            other = self.users.get(number(body["user_id"], "user_id"))
        else:
            other = one(self.users.values(), key, body[key], fold=True)
        if other is None:
            raise Refused(404, f"{f'user with {key}' if link else 'user'} {body[key]} not found")
        if other["user_id"] == user["user_id"] and link:
            raise Refused(400, "a user cannot be linked to itself")
        how = "add" if link else "remove"
        for a, b in ((user, other), (other, user)):
            a["linked_users"] = members(a["linked_users"], [b["user_id"]], how)
        if link:
            self._touch(other)


def _identities(body: Record, default: str = "") -> list[str]:
    """The identity fields ``body`` gives (``[default]`` if none); 400 if none and no default."""
    given = [key for key in _IDENTITIES if body.get(key)] or ([default] if default else [])
    if not given:
        raise Refused(400, _NO_IDENTITY)
    return given


_CASE_SORTS: dict[str, Callable[[Record], Any]] = {
    "created_at": lambda c: record_time(c["created_at"]),
    "updated_at": lambda c: record_time(c["updated_at"]),
    "response": lambda c: record_time(c["updated_at"]),
    "priority": lambda c: CASE_PRIORITIES.index(c["priority"]),
    "status": lambda c: CASE_STATUSES.index(c["status"]),
}
_CHOICE = {"status": f"choice:{','.join(CASE_STATUSES)}"}
_CHOICE["priority"] = f"choice:{','.join(CASE_PRIORITIES)}"
_TIMES = {
    "from_time": "after:created_at",
    "to_time": "before:created_at",
    "from_updated_time": "after:updated_at",
    "to_updated_time": "before:updated_at",
}
_RESTORE = {"deleted": False, "spam": False}
_EDITS = ("create", "update", "delete")
_ACTIVE = {"disable": {"deleted": True}, "block": {"active": False}}
_ACTIVE["restore"] = {"active": True, "deleted": False}


def _entity(
    store: Any, kind: str, *ops: str, path: str = "", item: str = "/{id}", **declared: Any
) -> Resource:
    """An Omnidesk entity: records by ``<kind>_id`` wrapped in ``kind``, the routes of
    ``ops`` (all five by default) and of ``actions``, and the fake's
    ``_select_<kind>``, ``_new_<kind>``, ``_change_<kind>``, ``_drop_<kind>`` hooks."""
    verbs = {"select": "select", "new": "new", "change": "change", "removed": "drop"}
    hooks = {hook: getattr(FakeOmnidesk, f"_{verb}_{kind}", None) for hook, verb in verbs.items()}
    hooks["change"] = hooks["change"] or functools.partial(FakeOmnidesk._change_fields, kind=kind)
    routes = rest(path or f"/{store}", *ops, item=item, suffix=".json")
    if "removed" in declared:  # groups and staff are enabled and disabled
        declared["actions"] = {"disable": {"active": False}, "enable": {"active": True}}
    if "actions" in declared:
        routes["act"] = f"PUT /{store}/{{id}}/{{action}}.json"
    declared = {"label": kind, "id_type": int_id, "wrapper": kind, **hooks, **declared}
    return Resource(store, f"{kind}_id", routes, acted=FakeOmnidesk._act, **declared)


CASES = _entity(
    "cases",
    "case",
    filters={
        **_CHOICE,
        **dict.fromkeys(("user_id", "staff_id", "group_id", "labels"), "ids"),
        "channel": "any",
        **dict.fromkeys(("user_email", "user_phone", "subject"), "search:4"),
        **_TIMES,
        "custom_fields": "keys:search",
    },
    bulk=True,
    owns=("messages",),
    actions={"trash": {"deleted": True}, "spam": {"spam": True}, "restore": _RESTORE},
)
LABELS = _entity("labels", "label", "list", *_EDITS, wire={"body": ("label", "labels")})
USERS = _entity(
    "users",
    "user",
    filters={
        **dict.fromkeys(("user_email", "user_phone"), "search:3"),
        "language_id": "ids",
        **_TIMES,
        "custom_fields": "keys:search",
    },
    actions={**_ACTIVE, "link": {}, "unlink": {}},
)
COMPANIES = _entity(
    "companies",
    "company",
    filters=dict.fromkeys(
        ("company_name", "company_domains", "company_address", "company_note"), "search:3"
    ),
    actions=_ACTIVE,
    owns=("company_users",),
)
GROUPS = _entity("groups", "group", removed=FakeOmnidesk._leave)
STAFF = _entity("staff", "staff", label="staff member", removed=FakeOmnidesk._leave)
MESSAGES = _entity(
    children(CASES, "messages"),
    "message",
    "list",
    *_EDITS,
    path="/cases/{id}/messages",
    item="/{message_id}",
    param="message_id",
    scope={"note": False},
)
NOTES = dataclasses.replace(
    MESSAGES,
    label="note",
    scope={"note": True},
    wire={"body": ("message", "note")},
    new=functools.partial(FakeOmnidesk._new_message, note=True),
    routes=rest("/cases/{id}/note", *_EDITS, item="/{message_id}", suffix=".json"),
)
_RATINGS = Resource(
    "ratings",
    "rating_id",
    {"list": "GET /stats_satisfaction.json"},
    filters={
        **dict.fromkeys(("rating_id", "rated_staff_id", "user_id", "group_id"), "ids"),
        **{"rating": f"choice:{','.join(RATINGS)}", **_CHOICE, "rating_comment": "flag"},
    },
    select=FakeOmnidesk._select_ratings,
)
ROLES, STATUSES = (
    Resource(name, key, {"list": f"GET /{name}.json"}, wrapper=name, wire={"count": True})
    for name, key in (("staff_roles", "role_id"), ("staff_statuses", "status_id"))
)
_ALL = (CASES, LABELS, USERS, COMPANIES, GROUPS, STAFF, MESSAGES, NOTES, _RATINGS, ROLES, STATUSES)
FakeOmnidesk.resources = _ALL
