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

if TYPE_CHECKING:
    from typing_extensions import Unpack
from ._server import FakeRequest, FakeServer, route

__all__ = ["FakeOmi"]

SUCCESS = 9999


class FakeOmi(FakeServer):
    """A stateful fake of the OMI API (contacts, internal groups, greetings)."""

    vendor = "omi"
    base_url = "https://omi.fake.invalid"

    def __init__(self, *, token: str = "test-token", clock: FakeClock | None = None) -> None:
        super().__init__(clock=clock)
        self.token = token
        self.tokens: set[str] = {token}
        self.contacts: list[dict[str, Any]] = []
        self.notes: list[dict[str, Any]] = []
        self.groups: list[dict[str, Any]] = []
        self.greetings: list[dict[str, Any]] = []
        self.internal_phones: list[dict[str, Any]] = [
            {"domain": "omiteam", "outbound_proxy": "wss://wssvn.omicrm.com", "sip_user": "101",
             "password": "sip-secret-101", "full_name": "Nguyễn Văn An",
             "agent_id": "6391f5be232ce4664531d001", "email": "an@omi.example",
             "public_number": "842836222789", "last_updated_date": 1_700_000_000_000,
             "created_date": 1_690_000_000_000},
        ]  # fmt: skip
        self.tenant_id = "6209c98461c1cb163ded25f7"
        self._next_id = 0x6391F5BE232CE4664531E000

    # -- wiring -------------------------------------------------------------

    def client(
        self, *, token: str | Callable[[], str] | None = None, **options: Unpack[FakeClientOptions]
    ) -> Omi:
        """An :class:`~cxkit.omi.Omi` client served by this fake (``token``: the fake's)."""
        return Omi(
            base_url=self.base_url,
            token=self.token if token is None else token,
            transport=self.transport(),
            clock=self.clock,
            **options,
        )

    def async_client(
        self, *, token: str | Callable[[], str] | None = None, **options: Unpack[FakeClientOptions]
    ) -> AsyncOmi:
        """An :class:`~cxkit.omi.AsyncOmi` client served by this fake (``token``: the fake's)."""
        return AsyncOmi(
            base_url=self.base_url,
            token=self.token if token is None else token,
            transport=self.transport(),
            clock=self.clock,
            **options,
        )

    # -- envelope -----------------------------------------------------------

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
        return self.json(
            {"status_code": code, "instance_id": "fake", "payload": None, "message": message},
            status=http_status,
        )

    def error_response(self, status: int, message: str) -> httpx.Response:
        """Unknown routes and methods: the HTTP status with a failure envelope."""
        return self.fail(status, message, http_status=status)

    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        """Refuse a missing or wrong Bearer token."""
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or token not in self.tokens:
            return self.fail(401, "Unauthorized: invalid access token", http_status=401)
        return None

    # -- helpers ------------------------------------------------------------

    def _id(self) -> str:
        self._next_id += 1
        return f"{self._next_id:024x}"

    def _now_ms(self) -> int:
        return int(self.clock.now() * 1000)

    def _page(
        self, request: FakeRequest, items: list[dict[str, Any]], default: int
    ) -> httpx.Response:
        page = max(1, request.int_arg("page", 1))
        size = max(1, request.int_arg("size", default))
        total = len(items)
        pages = max(1, math.ceil(total / size))
        chunk = items[(page - 1) * size : page * size]
        return self.ok(
            {
                "items": chunk,
                "page_number": page,
                "page_size": size,
                "total_items": total,
                "total_pages": pages,
                "has_next": page < pages,
                "next_page": page + 1 if page < pages else 1,  # as the docs show it
                "has_previous": page > 1,
                "previous_page": max(1, page - 1),
                "extension": None,
            }
        )

    @staticmethod
    def _find(records: list[dict[str, Any]], key: str, value: Any) -> dict[str, Any] | None:
        return next((r for r in records if value is not None and r.get(key) == value), None)

    @staticmethod
    def _body(request: FakeRequest) -> Any:
        try:
            return request.json()
        except ValueError:
            return None

    # -- contacts -----------------------------------------------------------

    def _new_contact(self, data: dict[str, Any]) -> dict[str, Any]:
        now = self._now_ms()
        contact = {
            **data,
            "_id": self._id(),
            "tenant_id": self.tenant_id,
            "created_date": now,
            "last_updated_date": now,
            "create_by": {"id": "fake-agent", "name": "Fake API"},
        }
        self.contacts.append(contact)
        return contact

    @staticmethod
    def _contact_text(contact: dict[str, Any]) -> str:
        parts = [str(contact.get("fullName") or "")]
        for key in ("phones", "emails"):
            parts.extend(
                str(e.get("data", "")) for e in contact.get(key) or [] if isinstance(e, dict)
            )
        return " ".join(parts).lower()

    @staticmethod
    def _matches(contact: dict[str, Any], flt: dict[str, Any]) -> bool:
        code, values = flt.get("field_code"), flt.get("value") or []
        if code == "contact_owner":
            owner = contact.get("user_owner_email")
            return owner in values or (owner is None and "unassigned" in values)
        field = contact.get(str(code))
        have = field if isinstance(field, list) else [field]
        return any(v in have for v in values)

    @route("POST", "/api/contacts/list")
    def contacts_list(self, request: FakeRequest) -> httpx.Response:
        """Search by keyword (name, phone, e-mail) and filters, paged."""
        body = self._body(request) or {}
        keyword = str(body.get("keyword") or "").lower()
        found = [
            c
            for c in self.contacts
            if keyword in self._contact_text(c)
            and all(self._matches(c, f) for f in body.get("filters") or [])
        ]
        return self._page(request, found, 50)

    @staticmethod
    def _phones(contact: dict[str, Any]) -> set[str]:
        return {
            str(p.get("data"))
            for p in contact.get("phones") or []
            if isinstance(p, dict) and p.get("data")
        }

    def _duplicate(self, data: dict[str, Any]) -> dict[str, Any] | None:
        """An existing contact with the same ``refId`` or a shared phone number."""
        ref, phones = data.get("refId"), self._phones(data)
        for contact in self.contacts:
            if ref is not None and contact.get("refId") == ref:
                return contact
            if phones & self._phones(contact):
                return contact
        return None

    @route("POST", "/api/contacts/add")
    def contacts_add(self, request: FakeRequest) -> httpx.Response:
        """Create a contact; the same ``refId`` or phone as an existing one is a 409,
        so a find-or-create race can be tested."""
        body = self._body(request)
        if not isinstance(body, dict) or not body:
            return self.fail(400, "Dữ liệu khách hàng không hợp lệ")
        if self._duplicate(body) is not None:
            return self.fail(409, "Khách hàng đã tồn tại")
        return self.ok(self._new_contact(body))

    @route("POST", "/api/contacts/add-more")
    def contacts_add_more(self, request: FakeRequest) -> httpx.Response:
        """Create many contacts (the real API queues them; the fake adds them at once)."""
        body = self._body(request)
        if not isinstance(body, list) or not all(isinstance(c, dict) for c in body):
            return self.fail(400, "Request body phải là một mảng khách hàng")
        for data in body:
            if self._duplicate(data) is None:  # queued server-side: duplicates are dropped
                self._new_contact(data)
        return self.ok(True)

    @route("POST", "/api/contacts/update")
    def contacts_update(self, request: FakeRequest) -> httpx.Response:
        """Update a contact found by ``refId``."""
        body = self._body(request) or {}
        contact = self._find(self.contacts, "refId", body.get("refId"))
        if contact is None:
            return self.fail(404, "Không tìm thấy khách hàng")
        contact.update(body)
        contact["last_updated_date"] = self._now_ms()
        return self.ok(contact)

    @route("DELETE", "/api/contacts/delete/{id}")
    def contacts_delete(self, request: FakeRequest) -> httpx.Response:
        """Delete a contact by id."""
        contact = self._find(self.contacts, "_id", request.path_params["id"])
        if contact is None:
            return self.fail(404, "Không tìm thấy khách hàng")
        self.contacts.remove(contact)
        return self.ok(True)

    def _by_phone(self, phone: str | None) -> dict[str, Any] | None:
        for contact in self.contacts:
            if any(
                isinstance(p, dict) and p.get("data") == phone for p in contact.get("phones") or []
            ):
                return contact
        return None

    @route("POST", "/api/contacts/add-note")
    def contacts_add_note(self, request: FakeRequest) -> httpx.Response:
        """Add note interactions to contacts found by phone."""
        body = self._body(request)
        if not isinstance(body, list) or not body:
            return self.fail(400, "Request body phải là một mảng ghi chú")
        for note in body:
            if not isinstance(note, dict) or not note.get("phone") or not note.get("content"):
                return self.fail(400, "phone và content là bắt buộc")
            if self._by_phone(note["phone"]) is None:
                return self.fail(404, f"Không tìm thấy khách hàng {note['phone']}")
        for note in body:
            self.notes.append({**note, "created_date": self._now_ms()})
        return self.ok(True)

    @route("GET", "/api/contacts/get")
    def contacts_get(self, request: FakeRequest) -> httpx.Response:
        """Find a contact by phone, ref_id or ref_code."""
        contact = (
            self._by_phone(request.arg("phone"))
            or self._find(self.contacts, "refId", request.arg("ref_id"))
            or self._find(self.contacts, "refCode", request.arg("ref_code"))
        )
        if contact is None:
            return self.fail(404, "Không tìm thấy khách hàng")
        return self.ok(contact)

    @route("GET", "/api/contacts/details/{id}")
    def contacts_details(self, request: FakeRequest) -> httpx.Response:
        """A contact by id."""
        contact = self._find(self.contacts, "_id", request.path_params["id"])
        if contact is None:
            return self.fail(404, "Không tìm thấy khách hàng")
        return self.ok(contact)

    # -- internal phones -----------------------------------------------------

    @route("GET", "/api/call_center/internal_phone/list")
    def internal_phones_list(self, request: FakeRequest) -> httpx.Response:
        """Internal phones (agents' extensions), filtered by ``keyword`` (extension), paged."""
        keyword = request.arg("keyword") or ""
        found = [p for p in self.internal_phones if keyword in str(p.get("sip_user") or "")]
        return self._page(request, found, 10)

    # -- internal groups ----------------------------------------------------

    def _group_fields(self, body: Any) -> dict[str, Any] | httpx.Response:
        if not isinstance(body, dict) or not body.get("group_name"):
            return self.fail(400, "group_name là bắt buộc")
        if body.get("strategy") not in ("enterprise", "rollover", "random"):
            return self.fail(400, "strategy không hợp lệ")
        members = body.get("sip_members")
        if not isinstance(members, list) or not members:
            return self.fail(400, "sip_members là bắt buộc")
        return {
            "group_name": body["group_name"],
            "group_name_unsigned": body["group_name"],
            "strategy": body["strategy"],
            "timeout": body.get("timeout", 30),
            "sip_members": [str(m) for m in members],
        }

    @staticmethod
    def _members(group: dict[str, Any]) -> None:
        group["members"] = [
            {"agent_id": None, "contact_id": None, "order": i, "view": None,
             "timeout": group.get("timeout"), "sip_user": sip, "hold_music_id": None}
            for i, sip in enumerate(group["sip_members"])
        ]  # fmt: skip

    @route("GET", "/api/call_center/internal_group/list")
    def groups_list(self, request: FakeRequest) -> httpx.Response:
        """Internal groups, filtered by ``keyword``, paged (default size 10)."""
        keyword = (request.arg("keyword") or "").lower()
        found = [g for g in self.groups if keyword in g["group_name"].lower()]
        return self._page(request, found, 10)

    @route("POST", "/api/call_center/internal_group/add")
    def groups_add(self, request: FakeRequest) -> httpx.Response:
        """Create an internal group."""
        fields = self._group_fields(self._body(request))
        if isinstance(fields, httpx.Response):
            return fields
        if self._find(self.groups, "group_name", fields["group_name"]):
            return self.fail(409, "Tên nhóm đã tồn tại")
        now = self._now_ms()
        group = {
            "_id": self._id(),
            "tenant_id": self.tenant_id,
            **fields,
            "group_number": str(20000 + len(self.groups)),
            "created_date": now,
            "last_updated_date": now,
            "create_by": {"id": "fake-agent", "name": "Fake API"},
            "last_update_by": None,
            "is_deleted": False,
            "note": None,
        }
        self._members(group)
        self.groups.append(group)
        return self.ok(group)

    @route("POST", "/api/call_center/internal_group/update/{id}")
    def groups_update(self, request: FakeRequest) -> httpx.Response:
        """Replace an internal group's fields."""
        group = self._find(self.groups, "_id", request.path_params["id"])
        if group is None:
            return self.fail(404, "Không tìm thấy nhóm nội bộ")
        fields = self._group_fields(self._body(request))
        if isinstance(fields, httpx.Response):
            return fields
        group.update(fields)
        group["last_updated_date"] = self._now_ms()
        group["last_update_by"] = {"id": "fake-agent", "name": "Fake API"}
        self._members(group)
        return self.ok(group)

    def _member_change(
        self, request: FakeRequest, change: Callable[[list[str], list[str]], list[str]]
    ) -> httpx.Response:
        body = self._body(request) or {}
        group = self._find(self.groups, "_id", body.get("group_id"))
        if group is None:
            return self.fail(404, "Không tìm thấy nhóm nội bộ")
        users = body.get("sip_users")
        if not isinstance(users, list) or not users:
            return self.fail(400, "sip_users là bắt buộc")
        group["sip_members"] = change(group["sip_members"], [str(u) for u in users])
        group["last_updated_date"] = self._now_ms()
        self._members(group)
        return self.ok(group)

    @route("POST", "/api/call_center/internal_group/add-members")
    def groups_add_members(self, request: FakeRequest) -> httpx.Response:
        """Add extensions to a group."""
        return self._member_change(
            request, lambda have, new: have + [u for u in new if u not in have]
        )

    @route("POST", "/api/call_center/internal_group/remove-members")
    def groups_remove_members(self, request: FakeRequest) -> httpx.Response:
        """Remove extensions from a group."""
        return self._member_change(request, lambda have, gone: [u for u in have if u not in gone])

    @route("DELETE", "/api/call_center/internal_group/delete/{id}")
    def groups_delete(self, request: FakeRequest) -> httpx.Response:
        """Delete a group."""
        group = self._find(self.groups, "_id", request.path_params["id"])
        if group is None:
            return self.fail(404, "Không tìm thấy nhóm nội bộ")
        self.groups.remove(group)
        return self.ok(True)

    # -- greetings ----------------------------------------------------------

    def _new_greeting(self, name: str, formality: str, **fields: Any) -> dict[str, Any]:
        now = self._now_ms()
        greeting = {
            "_id": self._id(),
            "created_date": now,
            "last_updated_date": now,
            "create_by": None,
            "last_update_by": None,
            "tenant_id": self.tenant_id,
            "greeting_name": name,
            "greeting_name_unsigned": name,
            "formality": formality,
            "recording_file": f"{self._id()}.mp3",
            "is_deleted": False,
            "is_hidden_in_list": None,
            **fields,
        }
        self.greetings.append(greeting)
        return greeting

    @route("GET", "/api/call_center/greeting/list")
    def greetings_list(self, request: FakeRequest) -> httpx.Response:
        """Recording files, paged (default size 10)."""
        return self._page(request, self.greetings, 10)

    @route("POST", "/api/call_center/greeting/upload")
    def greetings_upload(self, request: FakeRequest) -> httpx.Response:
        """Store an uploaded mp3 (multipart ``file``)."""
        part = request.form().get("file")
        if not isinstance(part, tuple) or not str(part[0]).lower().endswith(".mp3"):
            return self.fail(400, "Chỉ hỗ trợ file mp3")
        name = request.arg("greeting_name") or str(part[0]).rsplit(".", 1)[0]
        greeting = self._new_greeting(name, "Tải lên", content=None, voice=None, speed=None)
        greeting["size"] = len(part[1])
        return self.ok({"file": greeting})

    @route("POST", "/api/call_center/greeting/upload-text-to-speech")
    def greetings_tts(self, request: FakeRequest) -> httpx.Response:
        """Make a text-to-speech recording."""
        body = self._body(request) or {}
        name, text = request.arg("greeting_name"), body.get("text")
        if not name or not isinstance(text, str) or not text or len(text) > 300:
            return self.fail(400, "greeting_name và text (<= 300 ký tự) là bắt buộc")
        greeting = self._new_greeting(
            name,
            "Robot đọc",
            content=text,
            voice=body.get("voice", "banmai"),
            speed=int(body.get("speed", 0)),
        )
        return self.ok({"file": greeting})

    @route("DELETE", "/api/call_center/greeting/delete/{id}")
    def greetings_delete(self, request: FakeRequest) -> httpx.Response:
        """Delete a recording file."""
        greeting = self._find(self.greetings, "_id", request.path_params["id"])
        if greeting is None:
            return self.fail(404, "Không tìm thấy file ghi âm")
        self.greetings.remove(greeting)
        return self.ok(True)
