"""``FakeOmniCXM``: an in-memory, stateful OmniCXM server for offline tests.

```python
from cxkit.testing.omnicxm import FakeOmniCXM

fake = FakeOmniCXM()
cxm = fake.client()                          # an OmniCXM that logs in to the fake
ticket_id = cxm.tickets.create(subject="Printer on fire", content="Help")
cxm.tickets.comments.create(ticket_id, content="On it", notetype="public")
fake.expire_tokens()                          # the next call logs in again, once
assert cxm.tickets.get(ticket_id).basicinfo.subject == "Printer on fire"
assert fake.logins == 2
```

What it models, and how, is told in the guide (``docs/omnicxm.md``).
"""

from __future__ import annotations

import copy
import math
import re
import uuid
from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import httpx

from ..omnicxm import AsyncOmniCXM, OmniCXM
from ..omnicxm.types.common import VIETNAM
from ._clock import FakeClock
from ._crud_extra import children, matches, sort_by
from ._forms import FormValue, unflatten
from ._listing import window
from ._options import FakeClientOptions
from ._server import FakeRequest, FakeServer, Record, Refused, Resource, basic_auth, number, route

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["FakeOmniCXM"]

# The routes the docs open to a login token only, not to the secret key.
_TOKEN_ONLY = re.compile(
    r"GET /(logout|users/getinformation|services/tickets/view)$"
    r"|POST /services/tickets/(ticket/read|requester/convert)$"
    r"|(POST|PUT|DELETE) /services/tickets/comment/"
    r"|(GET|POST) /relationship/objects/|GET /crm/objects/"
)
_RENAMED = {"ccs": "cc", "account_related": "relatedaccount"}  # form name -> ticket field
# How a ticket keeps some basicinfo[name] values (others as sent, or looked up).
_BASIC: dict[str, Callable[[Any], Any]] = {
    "duedate": lambda value: int(value) if str(value).isdigit() else value,
    "ccs": list,
    "account_related": lambda value: {"id": value},
}
# The system ticket views, each as the filter it applies.
_VIEWS: dict[Any, Record] = {
    "system_mineticket": {},
    "system_ticketstatusnew": {"field": "basicinfo.status", "operator": "eq", "value": "New"},
}
Pairs = list[tuple[str, FormValue]]
_NEW_TICKET: Record = {"status": "New", "priority": "normal", "source": "api"}
_NEW_TICKET.update(sourcedisplay="api", tags=[], cc=[], duedate="", attachment=[])
_NEW_COMMENT: Record = {"type": "note", "notetype": "public", "replycomments": 0, "tagusers": []}
_NEW_COMMENT.update(upload_data=[], timetext="justnow", ccs_updated=[])
_NEW_CALL = {"disposition": "ANSWERED", "duration": 0, "billsec": 0, "in_out": "outbound"}
_UNIT = {"type": "bu", "name": "Support", "value": "bu_support"}  # the one business unit
_USER = {"name": "Fake Admin", "phone": "1900545463", "email": "admin@example.vn", "sex": "male"}
_USER.update(avatar="", language="vietnamese", timezone="Asia/Ho_Chi_Minh", usertype="owner")


class _ClientOptions(FakeClientOptions, total=False):
    username: str | None
    password: str | None
    secret_key: str | None
    time_zone: str | tzinfo


def _positive(value: Any, name: str, default: int) -> int:
    return default if value is None or value == "" else number(value, name, least=1)


def _first_text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return "" if value is None else str(value)


def _texts(pairs: Pairs) -> dict[str, str]:
    return {k: v for k, v in pairs if isinstance(v, str)}


class FakeOmniCXM(FakeServer):
    """A stateful fake of the OmniCXM API (login, tickets, CRM objects, CDR).

    State is public for assertions: ``tickets`` (record id -> wire record),
    ``comments`` and ``logs`` (ticket id -> list), ``objects`` (module -> id ->
    record), ``cdr`` (list), ``files`` (uploaded ``(field, filename, bytes)``),
    ``requesters`` (by id), ``logins``/``logouts`` counters and the valid
    ``tokens`` (token -> clock time issued).
    """

    vendor = "omnicxm"
    base_url = "https://omni-api.fake.invalid"
    envelope: ClassVar[Mapping[str, Any]] = {"status": True}
    failure: ClassVar[Mapping[str, Any]] = {"status": False}  # bad input: HTTP 200

    def __init__(
        self,
        *,
        username: str = "admin.C0001",
        password: str = "test-password",
        secret_key: str = "test-secret-key",
        customer_code: str = "C0001",
        token_ttl: float | None = None,
        expired_answer: Literal["401", "envelope"] = "401",
        quota: int | None = None,
        quota_window: float = 60.0,
        default_take: int = 10,
        clock: FakeClock | None = None,
    ) -> None:
        super().__init__(clock=clock)
        self.username, self.password, self.secret_key = username, password, secret_key
        self.customer_code, self.token_ttl = customer_code, token_ttl
        self.expired_answer, self.default_take = expired_answer, default_take
        self.quota, self.quota_window, self.calls_left = quota, quota_window, quota
        self.window_start = self.clock.now()
        self.tokens: dict[str, float] = {}
        self.expired: set[str] = set()
        self.logins = self.logouts = 0
        self.tickets: dict[str, Record] = {}
        self.comments: dict[str, list[Record]] = {}
        self.logs: dict[str, list[Record]] = {}
        self.objects: dict[str, dict[str, Record]] = {}
        self.cdr: list[Record] = []
        self.requesters: dict[str, Record] = {}
        self.files: list[tuple[str, str, bytes]] = []
        self._counter = 0x6360C1ABBDBAD519870B0000
        self.user: Record = {"id": self._new_id(), "username": username, **_USER}
        self.modules = ["tickets", "omnichat", "reportcdr"]
        top, sub = {"id": self._new_id(), "name": "Support"}, self._new_id()
        self.categories: list[Record] = [{**top, "items": [{"id": sub, "name": "Hardware"}]}]
        self.views = [{"key": key, "name": "", "type": "system"} for key in _VIEWS]

    # -- wiring and controls ------------------------------------------------------

    def _options(self, given: dict[str, Any]) -> dict[str, Any]:
        credentials = {k: given.pop(k, None) for k in ("username", "password", "secret_key")}
        if all(v is None for v in credentials.values()):
            credentials = {"username": self.username, "password": self.password}
        return {**self.wiring(), "time_zone": "Asia/Ho_Chi_Minh", **credentials, **given}

    def client(self, **options: Unpack[_ClientOptions]) -> OmniCXM:
        """An :class:`~cxkit.omnicxm.OmniCXM` served by this fake, logging in with the
        fake's username and password unless credentials are given."""
        return OmniCXM(**self._options(dict(options)))

    def async_client(self, **options: Unpack[_ClientOptions]) -> AsyncOmniCXM:
        """An :class:`~cxkit.omnicxm.AsyncOmniCXM` served by this fake (credentials as
        :meth:`client`)."""
        return AsyncOmniCXM(**self._options(dict(options)))

    def expire_tokens(self) -> None:
        """Make every token issued so far expired (the next call must log in again)."""
        self.expired.update(self.tokens)
        self.tokens.clear()

    def reset_quota(self) -> None:
        """Refill the quota now."""
        self.calls_left, self.window_start = self.quota, self.clock.now()

    def add_cdr(self, *, src: str, dst: str, calldate: int, **fields: Any) -> Record:
        """Add a call record (``calldate`` in epoch seconds); returns it."""
        local = datetime.fromtimestamp(calldate, VIETNAM)
        record: Record = {"_id": self._new_id(), "src": src, "dst": dst, **_NEW_CALL}
        record["uniqueid"] = f"{calldate}.{len(self.cdr) + 1}"
        record.update(calldate=calldate, calldatetime=local.strftime("%Y-%m-%d %H:%M:%S"))
        record.update({"_collection": f"{self.customer_code}_cdr_st_{local:%Y%m}"}, **fields)
        self.cdr.append(record)
        return record

    # -- the dialect: envelope, auth, quota, paging ---------------------------------

    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        """Spend the quota, then check Basic credentials (login) or ``X-API-KEY`` (a
        login token, or the secret key where the docs allow it)."""
        if self.quota is not None and not self.spend_call(self.quota, self.quota_window):
            return self.error_response(202, "API limited")
        if request.url.path == "/login":
            good = basic_auth(request) == (self.username, self.password)
            return None if good else self.error_response(401, "Wrong username or password")
        key = request.headers.get("x-api-key", "")
        issued, now = self.tokens.get(key), self.clock.now()
        if issued is not None and self.token_ttl is not None and now - issued >= self.token_ttl:
            self.tokens.pop(key, None)
            self.expired.add(key)
        if key in self.tokens:
            return None
        if key and key == self.secret_key:
            if _TOKEN_ONLY.match(f"{request.method} {request.url.path}"):
                return self.error_response(401, "This API needs a login token (TOKEN_LOGIN_API)")
            return None
        if key in self.expired:
            status = 200 if self.expired_answer == "envelope" else 401
            return self.error_response(status, "Token is expired")
        return self.error_response(401, "Unauthorized: invalid token")

    def read_body(self, res: Resource, op: str, request: FakeRequest) -> Any:
        """CRM objects are created from JSON; the rest are multipart (or urlencoded)
        ``group[field]`` forms, read as pairs."""
        kind = request.raw.headers.get("content-type", "")
        if res is OBJECTS and op == "create":
            return request.json_object()
        if res is TICKETS and not kind.startswith(("multipart/", "application/x-www")):
            raise Refused(400, "expected a multipart/form-data body")
        return request.form_pairs()

    def crud(self, res: Resource, op: str, request: FakeRequest) -> httpx.Response:
        """The generic handlers; ``read`` is a listing read by its body, and ``idcomment``
        in the form names the comment to edit."""
        if res is COMMENTS and op == "update":
            request.path_params["comment_id"] = str(_texts(request.form_pairs()).get("idcomment"))
        return super().crud(res, "list" if op == "read" else op, request)

    def answer(self, res: Resource, op: str, request: FakeRequest, result: Any) -> httpx.Response:
        """A listing as a page (with links to its neighbours unless ``wire["links"]`` is
        false; whole under the key ``wire["all"]``), a record under ``data``, other answers as
        ``res.wire`` says."""
        if op == "list" and res.wire.get("all"):
            return self.ok(**{res.wire["all"]: copy.deepcopy(result)})
        if op != "list":
            payload = {"data": result} if op == "get" else res.wire.get(op, lambda r: {})(result)
            return self.ok(**copy.deepcopy(payload))
        page_in = {**request.args(), **request.json_object()}  # a read pages by its body
        size = _positive(page_in.get("take"), "take", self.default_take)
        if size > 100:
            raise Refused(400, "take must be at most 100")
        page = _positive(page_in.get("page"), "page", 1)
        pages = math.ceil(len(result) / size)
        payload = {"take": size, "page": page, res.wire.get("count", "totalPages"): pages}
        payload["total"] = len(result)
        url = request.raw.url.copy_remove_param("page").copy_remove_param("take")
        links = {"prevPage": page - 1, "nextPage": page + 1} if res.wire.get("links", True) else {}
        for key, to in links.items():
            if to > 0 and (to < page or to <= pages):  # any page before; a next one that exists
                payload[key] = str(url.copy_merge_params({"take": size, "page": to}))
        payload.update(res.wire.get("extra", lambda *_: {})(self, request))
        return self.ok(**payload, data=copy.deepcopy(window(result, (page - 1) * size, size)))

    def _new_id(self) -> str:
        self._counter += 1
        return f"{self._counter:024x}"

    def _stamp(self, **more: Any) -> Record:
        user, now = self.user, int(self.clock.now())
        by = {"id": user["id"], "byid": user["id"], "username": self.username}
        return {**by, "name": user["name"], "time": now, **more}

    def _log(self, ticket_id: str, kind: str, **fields: Any) -> None:
        entry = {"_id": self._new_id(), "ticket_id": ticket_id, "type": kind}
        self.logs.setdefault(ticket_id, []).insert(0, {**entry, "created": self._stamp(), **fields})

    def _attach(self, have: list[Record], delete: Any, pairs: Pairs) -> list[Record]:
        """``have`` less the files at the comma-separated indexes ``delete``
        (``deletefileindex``), and the files uploaded in ``pairs``."""
        gone = {int(i) for i in str(delete or "").replace(" ", "").split(",") if i.isdigit()}
        out = [item for i, item in enumerate(have) if i not in gone]
        for name, (filename, content) in [(n, v) for n, v in pairs if isinstance(v, tuple)]:
            self.files.append((name, filename, content))
            kind = filename.rsplit(".", 1)[-1] if "." in filename else ""
            info = {"name": filename, "extension": kind, "filesize": len(content)}
            out.append({**info, "path": f"https://cdn.fake.invalid/{self._new_id()}/{filename}"})
        return out

    def _read(self, items: list[Record], request: FakeRequest, views: bool = True) -> list[Record]:
        """``items`` newest first (of equal times, the later first); a read's body narrows
        them to a ticket view (``keyview``) and by its ``filter``, in its ``sort``."""
        body = request.json_object()
        keyview = body.get("keyview") if views else None
        if keyview is not None and keyview not in {v["key"] for v in self.views}:
            raise Refused(404, "View not found")
        tree = {"filters": [_VIEWS.get(keyview, {}), body.get("filter")]}
        newest = sorted(reversed(items), key=lambda t: -int(t["created"]["time"]))
        return sort_by([r for r in newest if matches(r, tree)], body.get("sort"))

    def _categories(self, request: FakeRequest | None = None) -> list[Record]:
        return [i for c in self.categories for i in [c, *c.get("items", [])]]

    # -- login, user, modules -------------------------------------------------------

    @route("GET", "/login")
    def _login(self, request: FakeRequest) -> httpx.Response:
        self.logins += 1
        token = f"{uuid.UUID(int=self._counter + self.logins).hex}-{uuid.UUID(int=self.logins)}"
        self.tokens[token] = self.clock.now()
        info = {k: v for k, v in self.user.items() if k not in ("id", "username")}
        user = {"customer_code": self.customer_code, **info, "extension": "8001"}
        return self.ok(token=token, userinfo=user)

    @route("GET", "/logout")
    def _logout(self, request: FakeRequest) -> httpx.Response:
        self.tokens.pop(request.raw.headers["x-api-key"], None)
        self.logouts += 1
        return self.ok()

    @route("GET", "/users/getinformation")
    def _me(self, request: FakeRequest) -> httpx.Response:
        return self.ok(data=dict(self.user))

    @route("GET", "/users/getuserpermission")
    def _assignees(self, request: FakeRequest) -> httpx.Response:
        me = {"type": "user", "username": self.username, "name": self.user["name"]}
        return self.ok(data=[dict(_UNIT), {**me, "value": f"user_{self.user['id']}"}])

    # -- tickets, comments, requesters -----------------------------------------------

    def _new_ticket(self, pairs: Pairs, request: FakeRequest) -> Record:
        basic = unflatten(pairs).get("basicinfo") or {}
        if not isinstance(basic, dict) or not basic.get("subject"):
            raise Refused(200, "basicinfo[subject] is required")
        ticket_id = self._new_id()
        code = f"{self.new_id('ticket', 180963648)}{ticket_id[-8:]}"
        owner = {"id": self.user["id"], "name": self.user["name"], "type": "user"}
        info = {"id": ticket_id, "ticket_id": code, **copy.deepcopy(_NEW_TICKET), "owner": owner}
        ticket: Record = {"basicinfo": info, "created": self._stamp(), "currentState": False}
        self._change_ticket(ticket, pairs, request)
        self.comments[ticket_id] = []
        return ticket

    def _change_ticket(self, ticket: Record, pairs: Pairs, request: FakeRequest) -> None:
        form = unflatten(pairs)
        for group, fields in form.items():
            if not isinstance(fields, dict):
                raise Refused(400, f"{group} must be fields {group}[name]")
        basic = form.pop("basicinfo", {}) or {}
        files, delete = basic.pop("files", []) or [], basic.pop("deletefileindex", None)
        info = ticket["basicinfo"]
        for key, value in basic.items():
            info[_RENAMED.get(key, key)] = self._basic_value(key, value)
        uploads = [("basicinfo[files][]", f) for f in files]
        info["attachment"] = self._attach(info.get("attachment", []), delete, uploads)
        for group, fields in form.items():
            ticket.setdefault(group, {}).update(fields)
        ticket["last_modified"] = self._stamp()
        self._log(info["id"], "updateticket" if info["id"] in self.tickets else "createticket")

    def _basic_value(self, key: str, value: Any) -> Any:
        """A ``basicinfo[key]`` form value as the ticket record keeps it."""
        if key in _BASIC:
            return _BASIC[key](value)
        if key == "requester":
            known = self.requesters.get(str(value)) or {"name": value}
            lists = {k: [known[k]] if known.get(k) else [] for k in ("phone", "email")}
            return {"id": value, "name": known["name"], **lists}
        if key == "category":
            found = next((c for c in self._categories() if c["id"] == value), {})
            return {"id": value, "name": found.get("name")}
        if key == "assignee":
            kind, _, ident = str(value).partition("_")
            return {"id": ident or value, "type": kind if ident else "user"}
        return value

    def _new_comment(self, pairs: Pairs, request: FakeRequest) -> Record:
        fields, ticket_id = _texts(pairs), request.path_params["id"]
        if not fields.get("content"):
            raise Refused(200, "content is required")
        if fields.get("notetype", "public") not in ("public", "private"):
            raise Refused(200, "notetype must be public or private")
        comment = {"id": self._new_id(), "ticket_id": ticket_id, **copy.deepcopy(_NEW_COMMENT)}
        comment["created"] = self._stamp(owner=True)
        me = {"username": self.username, "name": self.user["name"], "owner": True}
        contact = {"extension": "8001", "email": self.user["email"], "phone": ""}
        comment["usersubmit_info"] = {**me, **contact}
        if fields.get("parentcomment"):
            comment["parentcomment"] = fields["parentcomment"]
        self._change_comment(comment, pairs, request)
        self._log(ticket_id, "addcomment", comment_id=comment["id"])
        return comment

    def _change_comment(self, comment: Record, pairs: Pairs, request: FakeRequest) -> None:
        fields = _texts(pairs)
        if text := fields.get("content"):
            comment.update(content=f"<p>{text}</p>\n", raw_content=f"{text}\n")
        comment["notetype"] = fields.get("notetype") or comment["notetype"]
        delete = fields.get("deletefileindex")
        comment["upload_data"] = self._attach(comment["upload_data"], delete, pairs)
        comment["last_modified"] = self._stamp(owner=True)

    @route("POST", "/services/tickets/requester/convert")
    def _requester(self, request: FakeRequest) -> httpx.Response:
        # Made on first use; the CRM record keeps its id.
        body = request.json_object()
        module, record_id = body.get("module"), body.get("id")
        record = self.objects.get(str(module), {}).get(str(record_id)) if module else None
        if record is None:
            raise Refused(404, "Object not found")
        ident = record.get("ticket_requester_id") or self._new_id()
        record["ticket_requester_id"] = ident
        name = " ".join(str(record.get(k) or "") for k in ("first_name", "last_name")).strip()
        contact = {k: _first_text(record.get(k)) for k in ("phone", "email")}
        made = {"name": name, **contact, "frommodule": module, "idmodule": record_id, "id": ident}
        self.requesters[ident] = made
        return self.ok(data=dict(made))

    # -- CRM objects and CDR -------------------------------------------------------------

    def _new_object(self, body: Record, request: FakeRequest) -> Record:
        if not body:
            raise Refused(200, "Empty data")
        record: Record = {"_id": self._new_id(), **(body.pop("basicinfo", {}) or {}), **body}
        self._touch(record, "created", "last_modified")
        collection = f"{self.customer_code}_{request.path_params['module']}"
        record.update(_collection=collection, created_username=self.username)
        return record

    @route("GET", "/crm/objects/{id}")
    def _object(self, request: FakeRequest) -> httpx.Response:
        wanted = request.path_params["id"]
        for module, records in self.objects.items():
            if wanted in records:
                return self.ok(module=module, data=copy.deepcopy(records[wanted]))
        raise Refused(404, "Object not found")

    def _change_object(self, record: Record, pairs: Pairs, request: FakeRequest) -> None:
        form = unflatten(pairs)
        record.update(form.pop("basicinfo", {}) or {})
        for group, fields in form.items():
            if isinstance(fields, dict) and isinstance(record.get(group), dict):
                record[group].update(fields)
            else:
                record[group] = fields
        self._touch(record, "last_modified")

    def _touch(self, record: Record, *keys: str) -> None:
        stamp = {"byid": self.user["id"], "time": int(self.clock.now()), "options": []}
        record.update({key: dict(stamp) for key in keys})

    def _bounds(self, request: FakeRequest) -> dict[str, int]:
        return {k: _positive(v, k, 1) for k in ("startdate", "enddate") if (v := request.arg(k))}

    def _calls(self, calls: list[Record], request: FakeRequest) -> list[Record]:
        bounds = self._bounds(request)
        start, end = bounds.get("startdate", 0), bounds.get("enddate", math.inf)
        if end - start > 31 * 86400 and len(bounds) == 2:
            raise Refused(200, "The time range must be within 1 month")
        found = [c for c in calls if start <= c["calldate"] <= end]
        return sorted(found, key=lambda c: -int(c["calldate"]))


_UNCHANGED = ("id", "ticket_id", "created")  # an edited comment is answered without them
_TICKETS = "/services/tickets/ticket"
_COMMENT = "/services/tickets/comment/{id}"
TICKETS = Resource(
    "tickets",
    "basicinfo.id",
    {
        "list": f"GET {_TICKETS}",
        "get": f"GET {_TICKETS}/{{id}}",
        "create": f"POST {_TICKETS}",
        "update": f"PUT {_TICKETS}/{{id}}",
        "read": f"POST {_TICKETS}/read",
    },
    missing="Ticket not found",
    select=FakeOmniCXM._read,
    new=FakeOmniCXM._new_ticket,
    change=FakeOmniCXM._change_ticket,
    wire={"create": lambda ticket: {"id": ticket["basicinfo"]["id"]}},
)
COMMENTS = Resource(
    children(TICKETS, "comments"),
    "id",
    {
        "list": f"GET {_COMMENT}",
        "create": f"POST {_COMMENT}",
        "update": f"PUT {_COMMENT}",
        "delete": f"DELETE {_COMMENT}/{{comment_id}}",
    },
    missing="Comment not found",
    param="comment_id",
    select=lambda fake, comments, request: comments[::-1],  # newest first
    new=FakeOmniCXM._new_comment,
    change=FakeOmniCXM._change_comment,
    removed=lambda fake, comment, request: fake._log(
        comment["ticket_id"], "deletecommentnote", comment_id=comment["id"], comment=comment
    ),
    wire={
        "create": lambda comment: {"data": comment},
        "update": lambda c: {"data": {k: v for k, v in c.items() if k not in _UNCHANGED}},
    },
)
OBJECTS = Resource(
    lambda fake, request: fake.objects.setdefault(request.path_params["module"], {}),
    "_id",
    {
        "list": "GET /relationship/objects/{module}",
        "create": "POST /relationship/objects/{module}",
        "update": "PUT /relationship/Objects/{module}/{id}",
        "read": "POST /relationship/objects/read/{module}",
    },
    missing="Object not found",
    select=lambda fake, objects, request: fake._read(objects, request, views=False),
    new=FakeOmniCXM._new_object,
    change=FakeOmniCXM._change_object,
    wire={
        "count": "totalPage",
        "links": False,
        "create": lambda record: {"data": record["_id"]},
        "update": lambda record: {"message": "update_success"},
    },
)
FakeOmniCXM.resources = (
    TICKETS,
    COMMENTS,
    OBJECTS,
    Resource(children(TICKETS, "logs"), "_id", {"list": "GET /services/tickets/log/{id}"}),
    Resource("categories", "id", {"list": "GET /services/tickets/category"}, wire={"all": "data"}),
    Resource(
        FakeOmniCXM._categories,
        "id",
        {"get": "GET /services/tickets/category/{id}"},
        missing="Category not found",
    ),
    Resource("modules", "id", {"list": "GET /permission/module"}, wire={"all": "modules"}),
    Resource("views", "key", {"list": "GET /services/tickets/view"}, wire={"all": "data"}),
    Resource(
        "cdr",
        "_id",
        {"list": "POST /call/CDR"},
        select=FakeOmniCXM._calls,
        wire={"count": "totalpage", "extra": FakeOmniCXM._bounds},
    ),
)
