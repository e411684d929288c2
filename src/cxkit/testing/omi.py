"""``FakeOmi``: an in-memory, stateful OMI (OMICall / OmiCRM) server for offline tests.

```python
from cxkit.testing.omi import FakeOmi

fake = FakeOmi()
omi = fake.client()                      # an Omi wired to the fake (async_client() for AsyncOmi)
omi.contacts.create(full_name="Ann", phones=["0912345678"])
assert fake.contacts[0]["fullName"] == "Ann"
fake.inject(status=503)                  # faults are inherited from FakeServer
```

It keeps contacts (add, add many, update, delete, get, details, notes, search with
paging and filters), internal phones (list), internal groups (list, add, update,
members, delete) and greetings (list, mp3 upload, text-to-speech, delete), answers
in the real envelope, checks the Bearer token (HTTP 401 with an envelope ``status_code``
401), and reports missing records in the envelope (``status_code`` 404 with
HTTP 200) and bad requests as ``status_code`` 400, as the SDK maps them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx

from ..omi import AsyncOmi, Omi
from ._clock import FakeClock
from ._options import FakeClientOptions
from ._server import FakeRequest, FakeServer, Record, Refused, Resource, route

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["FakeOmi"]

SUCCESS = 9999
_BY = {"id": "fake-agent", "name": "Fake API"}
_GROUPS = "/api/call_center/internal_group"


def _phones(contact: Record) -> set[str]:
    return {
        str(p["data"]) for p in contact.get("phones") or [] if isinstance(p, dict) and p.get("data")
    }


def _text(contact: Record) -> str:
    parts = [str(contact.get("fullName") or "")]
    for key in ("phones", "emails"):
        parts += [str(e.get("data", "")) for e in contact.get(key) or [] if isinstance(e, dict)]
    return " ".join(parts).lower()


def _matches(contact: Record, flt: Record) -> bool:
    code, values = flt.get("field_code"), flt.get("value") or []
    if code == "contact_owner":
        owner = contact.get("user_owner_email")
        return owner in values or (owner is None and "unassigned" in values)
    field = contact.get(str(code))
    return any(v in (field if isinstance(field, list) else [field]) for v in values)


class FakeOmi(FakeServer):
    """A stateful fake of the OMI API (contacts, internal groups, greetings)."""

    vendor = "omi"
    base_url = "https://omi.fake.invalid"

    _phones = staticmethod(_phones)

    def __init__(self, *, token: str = "test-token", clock: FakeClock | None = None) -> None:
        super().__init__(clock=clock)
        self.token = token
        self.tokens: set[str] = {token}
        self.contacts: list[Record] = []
        self.notes: list[Record] = []
        self.groups: list[Record] = []
        self.greetings: list[Record] = []
        self.internal_phones: list[Record] = [
            {"domain": "omiteam", "outbound_proxy": "wss://wssvn.omicrm.com", "sip_user": "101",
             "password": "sip-secret-101", "full_name": "Nguyễn Văn An",
             "agent_id": "6391f5be232ce4664531d001", "email": "an@omi.example",
             "public_number": "842836222789", "last_updated_date": 1_700_000_000_000,
             "created_date": 1_690_000_000_000},
        ]  # fmt: skip
        self.tenant_id = "6209c98461c1cb163ded25f7"
        self._next_id = 0x6391F5BE232CE4664531E000

    def client(
        self, *, token: str | Callable[[], str] | None = None, **options: Unpack[FakeClientOptions]
    ) -> Omi:
        """An :class:`~cxkit.omi.Omi` client served by this fake (``token``: the fake's)."""
        return Omi(token=self.token if token is None else token, **self.wiring(), **options)

    def async_client(
        self, *, token: str | Callable[[], str] | None = None, **options: Unpack[FakeClientOptions]
    ) -> AsyncOmi:
        """An :class:`~cxkit.omi.AsyncOmi` client served by this fake (``token``: the fake's)."""
        return AsyncOmi(token=self.token if token is None else token, **self.wiring(), **options)

    # -- the dialect: envelope, errors, paging --------------------------------

    def ok(self, payload: Any) -> httpx.Response:
        """A success envelope around ``payload``."""
        return self.json(
            {
                "status_code": SUCCESS,
                "instance_id": "fake",
                "instance_version": "1.2.164",
                "payload": payload,
                "key_enabled": False,
            }
        )

    def fail(self, code: int, message: str, *, http_status: int = 200) -> httpx.Response:
        """A failure envelope (HTTP 200 by default, as OMI answers)."""
        body = {"status_code": code, "instance_id": "fake", "payload": None, "message": message}
        return self.json(body, status=http_status)

    def error_response(self, status: int, message: str) -> httpx.Response:
        """Unknown routes and methods: the HTTP status with a failure envelope."""
        return self.fail(status, message, http_status=status)

    def refused(self, exc: Refused) -> httpx.Response:
        """Refusals are reported in the envelope, with HTTP 200."""
        return self.fail(exc.status, "; ".join(exc.messages))

    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        """Refuse a missing or wrong Bearer token."""
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or token not in self.tokens:
            return self.fail(401, "Unauthorized: invalid access token", http_status=401)
        return None

    def read_body(self, res: Resource, op: str, request: FakeRequest) -> Any:
        """The JSON body, whatever it is (``None`` when it is not JSON)."""
        return self._json(request)

    @staticmethod
    def _json(request: FakeRequest) -> Any:
        try:
            return request.json()
        except ValueError:
            return None

    def answer(self, res: Resource, op: str, request: FakeRequest, result: Any) -> httpx.Response:
        """Records in the envelope; a listing as a page (``page``/``size`` in the query)."""
        if op == "delete":
            return self.ok(True)
        if op != "list":
            return self.ok(result)
        return self._page(request, result, 50 if res.store == "contacts" else 10)

    def _page(self, request: FakeRequest, result: list[Record], default: int) -> httpx.Response:
        page = max(1, request.int_arg("page", 1))
        size = max(1, request.int_arg("size", default))
        pages = max(1, math.ceil(len(result) / size))
        return self.ok(
            {
                "items": result[(page - 1) * size : page * size],
                "page_number": page,
                "page_size": size,
                "total_items": len(result),
                "total_pages": pages,
                "has_next": page < pages,
                "next_page": page + 1 if page < pages else 1,
                "has_previous": page > 1,
                "previous_page": max(1, page - 1),
                "extension": None,
            }
        )

    @route("GET", "/api/call_center/internal_phone/list")
    def internal_phones_list(self, request: FakeRequest) -> httpx.Response:
        """Internal phones (agents' extensions), filtered by ``keyword`` (extension), paged."""
        keyword = request.arg("keyword") or ""
        found = [p for p in self.internal_phones if keyword in str(p.get("sip_user") or "")]
        return self._page(request, found, 10)

    def _id(self) -> str:
        self._next_id += 1
        return f"{self._next_id:024x}"

    def _stamped(self, **fields: Any) -> Record:
        now = int(self.clock.now() * 1000)
        return {
            "_id": self._id(),
            "tenant_id": self.tenant_id,
            "created_date": now,
            "last_updated_date": now,
            **fields,
        }

    # -- contacts -------------------------------------------------------------

    def _search(self, items: list[Record], request: FakeRequest) -> list[Record]:
        body = self._json(request) or {}
        keyword = str(body.get("keyword") or "").lower()
        return [
            c
            for c in items
            if keyword in _text(c) and all(_matches(c, f) for f in body.get("filters") or [])
        ]

    def _duplicate(self, data: Record) -> Record | None:
        """An existing contact with the same ``refId`` or a shared phone number."""
        ref, phones = data.get("refId"), _phones(data)
        return next(
            (
                c
                for c in self.contacts
                if (ref is not None and c.get("refId") == ref) or phones & _phones(c)
            ),
            None,
        )

    def _new_contact(self, body: Any, request: FakeRequest | None = None) -> Record:
        """A contact; the same ``refId`` or phone as an existing one is a 409,
        so a find-or-create race can be tested."""
        if not isinstance(body, dict) or not body:
            raise Refused(400, "Dữ liệu khách hàng không hợp lệ")
        if self._duplicate(body) is not None:
            raise Refused(409, "Khách hàng đã tồn tại")
        return {**body, **self._stamped(create_by=_BY)}

    @route("POST", "/api/contacts/add-more")
    def contacts_add_more(self, request: FakeRequest) -> httpx.Response:
        """Create many contacts (the real API queues them; the fake adds them at once)."""
        body = self._json(request)
        if not isinstance(body, list) or not all(isinstance(c, dict) for c in body):
            return self.fail(400, "Request body phải là một mảng khách hàng")
        for data in body:
            if self._duplicate(data) is None:  # queued server-side: duplicates are dropped
                self.contacts.append(self._new_contact(data))
        return self.ok(True)

    @route("POST", "/api/contacts/update")
    def contacts_update(self, request: FakeRequest) -> httpx.Response:
        """Update a contact found by ``refId``."""
        body = self._json(request) or {}
        contact = self._find_by("refId", body.get("refId"))
        contact.update(body, last_updated_date=int(self.clock.now() * 1000))
        return self.ok(contact)

    def _lookup(self, key: str, value: Any) -> Record | None:
        for contact in self.contacts:
            if value is not None and (
                value in _phones(contact) if key == "phone" else contact.get(key) == value
            ):
                return contact
        return None

    def _find_by(self, key: str, value: Any) -> Record:
        found = self._lookup(key, value)
        if found is None:
            raise Refused(404, "Không tìm thấy khách hàng")
        return found

    @route("POST", "/api/contacts/add-note")
    def contacts_add_note(self, request: FakeRequest) -> httpx.Response:
        """Add note interactions to contacts found by phone."""
        body = self._json(request)
        if not isinstance(body, list) or not body:
            return self.fail(400, "Request body phải là một mảng ghi chú")
        for note in body:
            if not isinstance(note, dict) or not note.get("phone") or not note.get("content"):
                return self.fail(400, "phone và content là bắt buộc")
            self._find_by("phone", note["phone"])
        self.notes += [{**n, "created_date": int(self.clock.now() * 1000)} for n in body]
        return self.ok(True)

    @route("GET", "/api/contacts/get")
    def contacts_get(self, request: FakeRequest) -> httpx.Response:
        """Find a contact by phone, ref_id or ref_code."""
        keys = (("phone", "phone"), ("refId", "ref_id"), ("refCode", "ref_code"))
        found = (self._lookup(key, request.arg(arg)) for key, arg in keys)
        return self.ok(next((c for c in found if c is not None), None) or self._find_by("", None))

    # -- internal groups --------------------------------------------------------

    def _group_fields(self, body: Any) -> Record:
        if not isinstance(body, dict) or not body.get("group_name"):
            raise Refused(400, "group_name là bắt buộc")
        if body.get("strategy") not in ("enterprise", "rollover", "random"):
            raise Refused(400, "strategy không hợp lệ")
        members = body.get("sip_members")
        if not isinstance(members, list) or not members:
            raise Refused(400, "sip_members là bắt buộc")
        return {
            "group_name": body["group_name"],
            "group_name_unsigned": body["group_name"],
            "strategy": body["strategy"],
            "timeout": body.get("timeout", 30),
            "sip_members": [str(m) for m in members],
        }

    def _set_members(self, group: Record, members: list[str]) -> Record:
        group["sip_members"], group["last_updated_date"] = members, int(self.clock.now() * 1000)
        group["members"] = [
            {
                "agent_id": None,
                "contact_id": None,
                "order": i,
                "view": None,
                "timeout": group.get("timeout"),
                "sip_user": sip,
                "hold_music_id": None,
            }
            for i, sip in enumerate(members)
        ]
        return group

    def _new_group(self, body: Any, request: FakeRequest) -> Record:
        fields = self._group_fields(body)
        if any(g["group_name"] == fields["group_name"] for g in self.groups):
            raise Refused(409, "Tên nhóm đã tồn tại")
        group = self._stamped(
            **fields,
            group_number=str(20000 + len(self.groups)),
            create_by=_BY,
            last_update_by=None,
            is_deleted=False,
            note=None,
        )
        return self._set_members(group, group["sip_members"])

    def _change_group(self, group: Record, body: Any, request: FakeRequest) -> None:
        group.update(self._group_fields(body), last_update_by=_BY)
        self._set_members(group, group["sip_members"])

    def _member_change(
        self, request: FakeRequest, change: Callable[[list[str], list[str]], list[str]]
    ) -> httpx.Response:
        body = self._json(request) or {}
        group = self.find(GROUPS, body.get("group_id"))
        users = body.get("sip_users")
        if not isinstance(users, list) or not users:
            raise Refused(400, "sip_users là bắt buộc")
        return self.ok(
            self._set_members(group, change(group["sip_members"], [str(u) for u in users]))
        )

    @route("POST", f"{_GROUPS}/add-members")
    def groups_add_members(self, request: FakeRequest) -> httpx.Response:
        """Add extensions to a group."""
        return self._member_change(
            request, lambda have, new: have + [u for u in new if u not in have]
        )

    @route("POST", f"{_GROUPS}/remove-members")
    def groups_remove_members(self, request: FakeRequest) -> httpx.Response:
        """Remove extensions from a group."""
        return self._member_change(request, lambda have, gone: [u for u in have if u not in gone])

    # -- greetings ----------------------------------------------------------------

    def _add_greeting(self, name: str, formality: str, **fields: Any) -> Record:
        greeting = self._stamped(
            create_by=None,
            last_update_by=None,
            greeting_name=name,
            greeting_name_unsigned=name,
            formality=formality,
            recording_file=f"{self._id()}.mp3",
            is_deleted=False,
            is_hidden_in_list=None,
            **fields,
        )
        self.greetings.append(greeting)
        return greeting

    @route("POST", "/api/call_center/greeting/upload")
    def greetings_upload(self, request: FakeRequest) -> httpx.Response:
        """Store an uploaded mp3 (multipart ``file``)."""
        part = request.form().get("file")
        if not isinstance(part, tuple) or not str(part[0]).lower().endswith(".mp3"):
            raise Refused(400, "Chỉ hỗ trợ file mp3")
        name = request.arg("greeting_name") or str(part[0]).rsplit(".", 1)[0]
        greeting = self._add_greeting(name, "Tải lên", content=None, voice=None, speed=None)
        greeting["size"] = len(part[1])
        return self.ok({"file": greeting})

    @route("POST", "/api/call_center/greeting/upload-text-to-speech")
    def greetings_tts(self, request: FakeRequest) -> httpx.Response:
        """Make a text-to-speech recording."""
        body = self._json(request) or {}
        name, text = request.arg("greeting_name"), body.get("text")
        if not name or not isinstance(text, str) or not text or len(text) > 300:
            raise Refused(400, "greeting_name và text (<= 300 ký tự) là bắt buộc")
        greeting = self._add_greeting(
            name,
            "Robot đọc",
            content=text,
            voice=body.get("voice", "banmai"),
            speed=int(body.get("speed", 0)),
        )
        return self.ok({"file": greeting})


CONTACTS = Resource(
    "contacts",
    "_id",
    label="khách hàng",
    missing="Không tìm thấy {label}",
    select=FakeOmi._search,
    new=FakeOmi._new_contact,
    routes={
        "list": "POST /api/contacts/list",
        "create": "POST /api/contacts/add",
        "get": "GET /api/contacts/details/{id}",
        "delete": "DELETE /api/contacts/delete/{id}",
    },
)
GROUPS = Resource(
    "groups",
    "_id",
    label="nhóm nội bộ",
    missing="Không tìm thấy {label}",
    select=lambda fake, items, request: [
        g for g in items if (request.arg("keyword") or "").lower() in g["group_name"].lower()
    ],
    new=FakeOmi._new_group,
    change=FakeOmi._change_group,
    routes={
        "list": f"GET {_GROUPS}/list",
        "create": f"POST {_GROUPS}/add",
        "update": f"POST {_GROUPS}/update/{{id}}",
        "delete": f"DELETE {_GROUPS}/delete/{{id}}",
    },
)
GREETINGS = Resource(
    "greetings",
    "_id",
    label="file ghi âm",
    missing="Không tìm thấy {label}",
    routes={
        "list": "GET /api/call_center/greeting/list",
        "delete": "DELETE /api/call_center/greeting/delete/{id}",
    },
)
FakeOmi.resources = (CONTACTS, GROUPS, GREETINGS)
