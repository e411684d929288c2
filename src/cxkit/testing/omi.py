"""``FakeOmi``: an in-memory, stateful OMI (OMICall / OmiCRM) server for offline tests.

```python
from cxkit.testing.omi import FakeOmi

fake = FakeOmi()
omi = fake.client()                      # an Omi wired to the fake (async_client() for AsyncOmi)
omi.contacts.create(full_name="Ann", phones=["0912345678"])
assert fake.contacts[0]["fullName"] == "Ann"
fake.inject(status=503)                  # faults are inherited from FakeServer
```

What it models, and how, is told in the guide (``docs/omi.md``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx

from ..omi import AsyncOmi, Omi
from ._clock import FakeClock
from ._listing import members, window
from ._options import FakeClientOptions
from ._rules import Field, Wording, checked
from ._server import FakeRequest, FakeServer, Record, Refused, Resource, bearer, route

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["FakeOmi"]

SAYS = Wording(required="{name} là bắt buộc", unknown="", invalid={"enum": "{name} không hợp lệ"})
"""OMI's wording of request problems."""
GROUP_RULES = {
    "group_name": Field(required=True),
    "strategy": Field("enum", required=True, allowed=("enterprise", "rollover", "random")),
    "sip_members": Field("list", required=True),
}
_BY = {"id": "fake-agent", "name": "Fake API"}
_ENVELOPE = {"status_code": 9999, "instance_id": "fake", "instance_version": "1.2.164"}
_ENVELOPE.update(payload=None, key_enabled=False)
_GROUPS = "/api/call_center/internal_group"
_PHONE = {"domain": "omiteam", "outbound_proxy": "wss://wssvn.omicrm.com", "sip_user": "101"}
_AGENT = {"full_name": "Nguyễn Văn An", "agent_id": "6391f5be232ce4664531d001"}
_LINE = {"email": "an@omi.example", "public_number": "842836222789"}
_DATES = {"last_updated_date": 1_700_000_000_000, "created_date": 1_690_000_000_000}


class _Options(FakeClientOptions, total=False):
    token: str | Callable[[], str] | None


def _phones(contact: Record) -> set[str]:
    phones = [p for p in contact.get("phones") or [] if isinstance(p, dict)]
    return {str(p["data"]) for p in phones if p.get("data")}


def _matches(contact: Record, keyword: str, filters: list[Record]) -> bool:
    """Whether ``contact``'s name, phones or emails hold ``keyword`` and it passes ``filters``."""
    entries = [e for k in ("phones", "emails") for e in contact.get(k) or [] if isinstance(e, dict)]
    words = [contact.get("fullName")] + [e.get("data") for e in entries]
    for flt in filters:
        code, values = flt.get("field_code"), flt.get("value") or []
        have = contact.get("user_owner_email" if code == "contact_owner" else str(code))
        have = "unassigned" if code == "contact_owner" and have is None else have
        if not any(v in (have if isinstance(have, list) else [have]) for v in values):
            return False
    return keyword.lower() in " ".join(str(w or "") for w in words).lower()


class FakeOmi(FakeServer):
    """A stateful fake of the OMI API (contacts, internal groups, greetings)."""

    vendor = "omi"
    base_url = "https://omi.fake.invalid"
    refusal_status = 200
    envelope = _ENVELOPE

    _phones = staticmethod(_phones)

    def __init__(self, *, token: str = "test-token", clock: FakeClock | None = None) -> None:
        super().__init__(clock=clock)
        self.token = token
        self.tokens: set[str] = {token}
        self.contacts: list[Record] = []
        self.notes: list[Record] = []
        self.groups: list[Record] = []
        self.greetings: list[Record] = []
        secret = {"password": "sip-secret-101"}
        self.internal_phones = [{**_PHONE, **secret, **_AGENT, **_LINE, **_DATES}]
        self.tenant_id = "6209c98461c1cb163ded25f7"
        self._next_id = 0x6391F5BE232CE4664531E000

    def client(self, **options: Unpack[_Options]) -> Omi:
        """An :class:`~cxkit.omi.Omi` client served by this fake (``token``: the fake's)."""
        return self.connect(Omi, options, token=self.token)

    def async_client(self, **options: Unpack[_Options]) -> AsyncOmi:
        """An :class:`~cxkit.omi.AsyncOmi` client served by this fake (``token``: the fake's)."""
        return self.connect(AsyncOmi, options, token=self.token)

    # -- the dialect: envelope, errors, paging --------------------------------

    def error_response(self, status: int, message: str) -> httpx.Response:
        """A failure envelope (refusals with HTTP 200, as OMI answers)."""
        body = {"status_code": status, "instance_id": "fake", "payload": None, "message": message}
        return self.json(body, status=status)

    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        """Refuse a missing or wrong Bearer token."""
        if bearer(request) not in self.tokens:
            return self.error_response(401, "Unauthorized: invalid access token")
        return None

    def read_body(self, res: Resource, op: str, request: FakeRequest) -> Any:
        """The JSON body, whatever it is (``None`` when it is not JSON)."""
        try:
            return request.json()
        except ValueError:
            return None

    def answer(self, res: Resource, op: str, request: FakeRequest, result: Any) -> httpx.Response:
        """Records in the envelope; a listing as a page (``page``/``size`` in the query)."""
        if op != "list":
            # The real API queues a batch and answers at once; duplicates are dropped.
            return self.ok(payload=True if op in ("delete", "batch_create") else result)
        page = max(1, request.int_arg("page", 1))
        size = max(1, request.int_arg("size", res.wire.get("size", 10)))
        pages = max(1, math.ceil(len(result) / size))
        items, more = window(result, (page - 1) * size, size), page < pages
        sizes = {"page_number": page, "page_size": size, "total_items": len(result)}
        after = {"has_next": more, "next_page": page + 1 if more else 1, "has_previous": page > 1}
        before = {"previous_page": max(1, page - 1), "extension": None}
        return self.ok(payload={"items": items, **sizes, "total_pages": pages, **after, **before})

    def _stamped(self, **fields: Any) -> Record:
        self._next_id += 1
        now = int(self.clock.now() * 1000)
        stamps = {"tenant_id": self.tenant_id, "created_date": now, "last_updated_date": now}
        return {"_id": f"{self._next_id:024x}", **stamps, **fields}

    # -- contacts -------------------------------------------------------------

    def _new_contact(self, body: Any, request: FakeRequest | None = None) -> Record:
        # The same refId or phone as another contact is a 409, to test find-or-create races.
        if not isinstance(body, dict) or not body:
            raise Refused(400, "Dữ liệu khách hàng không hợp lệ")
        ref, phones = body.get("refId"), _phones(body)
        clash = [c for c in self.contacts if phones & _phones(c)]
        if clash or (ref is not None and any(c.get("refId") == ref for c in self.contacts)):
            raise Refused(409, "Khách hàng đã tồn tại")
        return {**body, **self._stamped(create_by=_BY)}

    def _find_by(self, key: str, value: Any) -> Record:
        for contact in self.contacts if value is not None else []:
            if value in (_phones(contact) if key == "phone" else [contact.get(key)]):
                return contact
        raise Refused(404, "Không tìm thấy khách hàng")

    @route("POST", "/api/contacts/update")
    def _update_contact(self, request: FakeRequest) -> httpx.Response:
        body = self.read_body(CONTACTS, "update", request) or {}
        contact = self._find_by("refId", body.get("refId"))
        contact.update(body, last_updated_date=int(self.clock.now() * 1000))
        return self.ok(payload=contact)

    @route("POST", "/api/contacts/add-note")
    def _add_notes(self, request: FakeRequest) -> httpx.Response:
        notes = self.read_body(CONTACTS, "update", request)
        if not isinstance(notes, list) or not notes:
            raise Refused(400, "Request body phải là một mảng ghi chú")
        if not all(isinstance(n, dict) and n.get("phone") and n.get("content") for n in notes):
            raise Refused(400, "phone và content là bắt buộc")
        for note in notes:
            self._find_by("phone", note["phone"])
        self.notes += [{**n, "created_date": int(self.clock.now() * 1000)} for n in notes]
        return self.ok(payload=True)

    @route("GET", "/api/contacts/get")
    def _find_contact(self, request: FakeRequest) -> httpx.Response:
        for key, arg in (("phone", "phone"), ("refId", "ref_id"), ("refCode", "ref_code")):
            if request.arg(arg) is not None:
                return self.ok(payload=self._find_by(key, request.arg(arg)))
        return self.ok(payload=self._find_by("", None))

    # -- internal groups and greetings ------------------------------------------

    def _group(self, group: Record, body: Any) -> Record:
        """``group`` with the fields of a create or update ``body``, and its members."""
        values = checked(body if isinstance(body, dict) else {}, GROUP_RULES, SAYS, first=True)
        name, timeout = values["group_name"], body.get("timeout", group.get("timeout", 30))
        group.update(group_name=name, group_name_unsigned=name, timeout=timeout)
        group["strategy"] = values["strategy"]
        return self._members(group, [str(m) for m in values["sip_members"]])

    def _members(self, group: Record, sips: list[str]) -> Record:
        group.update(sip_members=sips, last_updated_date=int(self.clock.now() * 1000))
        unset = dict.fromkeys(("agent_id", "contact_id", "view", "hold_music_id"))
        timeout = group.get("timeout")
        group["members"] = [
            {**unset, "order": i, "timeout": timeout, "sip_user": sip} for i, sip in enumerate(sips)
        ]
        return group

    def _new_group(self, body: Any, request: FakeRequest) -> Record:
        fields = {"create_by": _BY, "last_update_by": None, "is_deleted": False, "note": None}
        group = self._stamped(group_number=str(20000 + len(self.groups)), **fields)
        self._group(group, body)
        if any(g["group_name"] == group["group_name"] for g in self.groups):
            raise Refused(409, "Tên nhóm đã tồn tại")
        return group

    @route("POST", f"{_GROUPS}/add-members")
    @route("POST", f"{_GROUPS}/remove-members")
    def _group_members(self, request: FakeRequest) -> httpx.Response:
        body = self.read_body(GROUPS, "update", request) or {}
        group = self.find(GROUPS, body.get("group_id"))
        values = checked(body, {"sip_users": Field("list", required=True)}, SAYS)
        how = "add" if request.raw.url.path.endswith("add-members") else "remove"
        sips = members(group["sip_members"], map(str, values["sip_users"]), how)
        return self.ok(payload=self._members(group, sips))

    def _add_greeting(self, name: str, formality: str, **fields: Any) -> httpx.Response:
        file = {"recording_file": f"{self._stamped()['_id']}.mp3", "is_deleted": False}
        unset = dict.fromkeys(("create_by", "last_update_by", "is_hidden_in_list"))
        names = {"greeting_name": name, "greeting_name_unsigned": name, "formality": formality}
        self.greetings.append(self._stamped(**unset, **names, **file, **fields))
        return self.ok(payload={"file": self.greetings[-1]})

    @route("POST", "/api/call_center/greeting/upload")
    def _upload_greeting(self, request: FakeRequest) -> httpx.Response:
        part = request.form().get("file")
        if not isinstance(part, tuple) or not str(part[0]).lower().endswith(".mp3"):
            raise Refused(400, "Chỉ hỗ trợ file mp3")
        name = request.arg("greeting_name") or str(part[0]).rsplit(".", 1)[0]
        unset = dict.fromkeys(("content", "voice", "speed"))
        return self._add_greeting(name, "Tải lên", **unset, size=len(part[1]))

    @route("POST", "/api/call_center/greeting/upload-text-to-speech")
    def _speak_greeting(self, request: FakeRequest) -> httpx.Response:
        body = self.read_body(GREETINGS, "create", request) or {}
        name, text = request.arg("greeting_name"), body.get("text")
        if not name or not isinstance(text, str) or not text or len(text) > 300:
            raise Refused(400, "greeting_name và text (<= 300 ký tự) là bắt buộc")
        voice, speed = body.get("voice", "banmai"), int(body.get("speed", 0))
        return self._add_greeting(name, "Robot đọc", content=text, voice=voice, speed=speed)


def _resource(store: str, label: str, routes: dict[str, str], **options: Any) -> Resource:
    """An OMI collection of records by ``_id``: a missing one is a 404 "Không tìm thấy <label>"."""
    return Resource(store, "_id", routes, label, missing="Không tìm thấy {label}", **options)


def _search(fake: FakeOmi, items: list[Record], request: FakeRequest) -> list[Record]:
    body = fake.read_body(CONTACTS, "list", request) or {}
    keyword, filters = str(body.get("keyword") or ""), body.get("filters") or []
    return [c for c in items if _matches(c, keyword, filters)]


CONTACTS = _resource(
    "contacts",
    "khách hàng",
    {
        "list": "POST /api/contacts/list",
        "create": "POST /api/contacts/add",
        "batch_create": "POST /api/contacts/add-more",
        "get": "GET /api/contacts/details/{id}",
        "delete": "DELETE /api/contacts/delete/{id}",
    },
    select=_search,
    new=FakeOmi._new_contact,
    wire={"size": 50},
)
GROUPS = _resource(
    "groups",
    "nhóm nội bộ",
    {
        "list": f"GET {_GROUPS}/list",
        "create": f"POST {_GROUPS}/add",
        "update": f"POST {_GROUPS}/update/{{id}}",
        "delete": f"DELETE {_GROUPS}/delete/{{id}}",
    },
    filters={"keyword": "contains:group_name"},
    new=FakeOmi._new_group,
    change=lambda fake, group, body, request: fake._group(group, body).update(last_update_by=_BY),
)
_CALL_CENTER = "/api/call_center"
GREETINGS = _resource(
    "greetings",
    "file ghi âm",
    {
        "list": f"GET {_CALL_CENTER}/greeting/list",
        "delete": f"DELETE {_CALL_CENTER}/greeting/delete/{{id}}",
    },
)
PHONES = _resource(
    "internal_phones",
    "số nội bộ",
    {"list": f"GET {_CALL_CENTER}/internal_phone/list"},
    filters={"keyword": "contains:sip_user"},
)
FakeOmi.resources = (CONTACTS, GROUPS, GREETINGS, PHONES)
