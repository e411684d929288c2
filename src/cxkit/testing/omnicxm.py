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

What it models, in the real envelope (``{"status": true, ...}`` /
``{"status": false, "error": "..."}``) and codes:

* ``GET /login`` (HTTP Basic: ``username``/``password``) and ``GET /logout``;
  tokens valid until :meth:`FakeOmniCXM.expire_tokens`, a logout, or
  ``token_ttl`` seconds of ``clock`` time. An expired token gets HTTP 401
  ``{"status": false, "error": "Token is expired"}``, or the same envelope with
  HTTP 200 when ``expired_answer="envelope"``. The ``secret_key`` is accepted
  wherever the docs allow it;
* ``users/getinformation``, ``permission/module``;
* tickets: categories, views, list (``take``/``page``), get, read (``filter``
  with ``and``/``or`` and the operators ``eq neq gt gte lt lte in contains``,
  ``sort``, ``take``/``page``), create and update (multipart ``group[field]``
  forms, ``basicinfo[files][]``), comments (list, create, update, delete),
  requesters made from CRM records (``requester/convert``) and the log;
* ``users/getuserpermission``: the logged-in user and one business unit;
* CRM objects of any module: list, read (filter and sort), get, create (JSON
  groups) and update (multipart);
* ``POST /call/CDR``: records added with :meth:`FakeOmniCXM.add_cdr`, filtered by
  ``startdate``/``enddate``, paged (``totalpage``).

With ``quota=N``, ``N`` requests per ``quota_window`` seconds are served, then
each answer is HTTP 202 ``{"status": false, "error": "API limited"}`` until the
window ends. Missing records are HTTP 404 with a failure envelope; invalid input
is HTTP 200 with ``"status": false`` (as the docs' password example shows).
Every other endpoint is not modelled and answers HTTP 404.
"""

from __future__ import annotations

import base64
import binascii
import copy
import math
import re
import uuid
from datetime import tzinfo
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import parse_qsl

import httpx

from ..omnicxm import AsyncOmniCXM, OmniCXM
from ._clock import FakeClock
from ._options import FakeClientOptions
from ._server import FakeRequest, FakeServer, route

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["FakeOmniCXM"]

Record = dict[str, Any]
_BRACKETS = re.compile(r"\[([^\[\]]*)\]")


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _form_pairs(request: FakeRequest) -> list[tuple[str, Any]]:
    """Form fields in order, repeats kept; files as ``(filename, bytes)``."""
    ctype = request.raw.headers.get("content-type", "")
    if ctype.startswith("application/x-www-form-urlencoded"):
        return parse_qsl(request.raw.content.decode(), keep_blank_values=True)
    match = re.search(r"boundary=([^;]+)", ctype)
    if not match:
        raise _Refused(400, "expected a multipart/form-data body")
    boundary = match.group(1).strip('"').encode()
    out: list[tuple[str, Any]] = []
    for part in request.raw.content.split(b"--" + boundary):
        part = part.strip(b"\r\n")
        if not part or part == b"--":
            continue
        head, _, content = part.partition(b"\r\n\r\n")
        disposition = head.decode("utf-8", "replace")
        name = re.search(r'name="([^"]*)"', disposition)
        if not name:
            continue
        filename = re.search(r'filename="([^"]*)"', disposition)
        if filename:
            out.append((name.group(1), (filename.group(1), content)))
        else:
            out.append((name.group(1), content.decode("utf-8", "replace")))
    return out


def _unflatten(pairs: list[tuple[str, Any]]) -> Record:
    """``basicinfo[ccs][]=a`` pairs -> ``{"basicinfo": {"ccs": ["a"]}}``."""
    out: Record = {}
    for key, value in pairs:
        head = key.split("[", 1)[0]
        names = [head, *_BRACKETS.findall(key[len(head) :])]
        node: Record = out
        for i, name in enumerate(names[:-1]):
            child = node.get(name)
            if names[i + 1] == "" and i + 2 == len(names):
                if not isinstance(child, list):
                    child = node[name] = []
                child.append(value)
                break
            if not isinstance(child, dict):
                child = node[name] = {}
            node = child
        else:
            node[names[-1]] = value
    return out


def _get(record: Any, path: str) -> Any:
    node = record
    for part in path.split("."):
        if isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    return node


def _number(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value.strip()):
        return float(value)
    return value


def _compare(have: Any, operator: str, want: Any) -> bool:
    if operator == "in":
        return isinstance(want, list) and any(_compare(have, "eq", w) for w in want)
    if operator == "contains":
        values = have if isinstance(have, list) else [have]
        return any(str(want).lower() in str(v).lower() for v in values if v is not None)
    if isinstance(have, list):
        return any(_compare(v, operator, want) for v in have)
    a, b = _number(have), _number(want)
    if operator == "eq":
        return bool(a == b)
    if operator == "neq":
        return bool(a != b)
    if a is None or b is None:
        return False
    try:
        if operator == "gt":
            return bool(a > b)
        if operator == "gte":
            return bool(a >= b)
        if operator == "lt":
            return bool(a < b)
        if operator == "lte":
            return bool(a <= b)
    except TypeError:
        return False
    raise _Refused(400, f"Unsupported filter operator: {operator}")


def _first_text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return "" if value is None else str(value)


def _matches(record: Record, flt: Any) -> bool:
    if flt is None or flt == {}:
        return True
    if not isinstance(flt, dict):
        raise _Refused(400, "filter must be an object")
    if "filters" in flt:
        logic = flt.get("logic", "and")
        if logic not in ("and", "or"):
            raise _Refused(400, f"Unsupported filter logic: {logic}")
        results = [_matches(record, f) for f in flt.get("filters") or []]
        return all(results) if logic == "and" else any(results)
    field = flt.get("field")
    if not isinstance(field, str):
        raise _Refused(400, "filter field is required")
    return _compare(_get(record, field), str(flt.get("operator", "eq")), flt.get("value"))


def _sorted(records: list[Record], sort: Any) -> list[Record]:
    if sort is None:
        return records
    items = sort if isinstance(sort, list) else [sort]
    out = list(records)
    for item in reversed(items):
        if not isinstance(item, dict) or not isinstance(item.get("field"), str):
            raise _Refused(400, "sort items are {field, dir}")
        field, desc = item["field"], item.get("dir", "asc") == "desc"
        present = [r for r in out if _get(r, field) is not None]
        missing = [r for r in out if _get(r, field) is None]
        present.sort(key=lambda r: _number(_get(r, field)), reverse=desc)
        out = present + missing
    return out


def _int(value: Any, name: str, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise _Refused(400, f"{name} must be a number") from None
    if number < 1:
        raise _Refused(400, f"{name} must be >= 1")
    return number


class FakeOmniCXM(FakeServer):
    """A stateful fake of the OmniCXM API (login, tickets, CRM objects, CDR).

    State is public for assertions: ``tickets`` (record id -> wire record),
    ``comments`` and ``logs`` (ticket id -> list), ``objects`` (module -> id ->
    record), ``cdr`` (list), ``files`` (uploaded ``(field, filename, bytes)``),
    ``logins``/``logouts`` counters and the valid ``tokens``.
    """

    vendor = "omnicxm"
    base_url = "https://omni-api.fake.invalid"

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
        self.username = username
        self.password = password
        self.secret_key = secret_key
        self.customer_code = customer_code
        self.token_ttl = token_ttl
        self.expired_answer = expired_answer
        self.quota = quota
        self.quota_window = quota_window
        self.calls_left = quota
        self._window_start = self.clock.now()
        self.default_take = default_take
        self.tokens: dict[str, float] = {}
        """Valid tokens and the clock time they were issued."""
        self.expired: set[str] = set()
        self.logins = 0
        self.logouts = 0
        self.tickets: dict[str, Record] = {}
        self.comments: dict[str, list[Record]] = {}
        self.logs: dict[str, list[Record]] = {}
        self.objects: dict[str, dict[str, Record]] = {}
        self.cdr: list[Record] = []
        self.requesters: dict[str, Record] = {}
        """Ticket requesters made by ``requester/convert``, by requester id."""
        self.files: list[tuple[str, str, bytes]] = []
        self._counter = 0x6360C1ABBDBAD519870B0000
        self._ticket_number = 180963647
        self.user: Record = {
            "id": self._new_id(),
            "username": username,
            "name": "Fake Admin",
            "phone": "1900545463",
            "email": "admin@example.vn",
            "sex": "male",
            "avatar": "",
            "language": "vietnamese",
            "timezone": "Asia/Ho_Chi_Minh",
            "usertype": "owner",
        }
        self.modules = ["tickets", "omnichat", "reportcdr"]
        self.categories: list[Record] = [
            {
                "id": self._new_id(),
                "name": "Support",
                "items": [{"id": self._new_id(), "name": "Hardware"}],
            }
        ]
        self.views: list[Record] = [
            {"key": "system_mineticket", "name": "", "type": "system"},
            {"key": "system_ticketstatusnew", "name": "", "type": "system"},
        ]

    # -- wiring -------------------------------------------------------------

    def _credentials(
        self, username: str | None, password: str | None, secret_key: str | None
    ) -> dict[str, Any]:
        if username is None and password is None and secret_key is None:
            return {"username": self.username, "password": self.password}
        return {"username": username, "password": password, "secret_key": secret_key}

    def client(
        self,
        *,
        username: str | None = None,
        password: str | None = None,
        secret_key: str | None = None,
        time_zone: str | tzinfo = "Asia/Ho_Chi_Minh",
        **options: Unpack[FakeClientOptions],
    ) -> OmniCXM:
        """An :class:`~cxkit.omnicxm.OmniCXM` served by this fake, logging in with the
        fake's username and password unless credentials are given."""
        return OmniCXM(
            base_url=self.base_url,
            transport=self.transport(),
            clock=self.clock,
            time_zone=time_zone,
            **self._credentials(username, password, secret_key),
            **options,
        )

    def async_client(
        self,
        *,
        username: str | None = None,
        password: str | None = None,
        secret_key: str | None = None,
        time_zone: str | tzinfo = "Asia/Ho_Chi_Minh",
        **options: Unpack[FakeClientOptions],
    ) -> AsyncOmniCXM:
        """An :class:`~cxkit.omnicxm.AsyncOmniCXM` served by this fake (credentials as
        :meth:`client`)."""
        return AsyncOmniCXM(
            base_url=self.base_url,
            transport=self.transport(),
            clock=self.clock,
            time_zone=time_zone,
            **self._credentials(username, password, secret_key),
            **options,
        )

    # -- controls -----------------------------------------------------------

    def expire_tokens(self) -> None:
        """Make every token issued so far expired (the next call must log in again)."""
        self.expired.update(self.tokens)
        self.tokens.clear()

    def reset_quota(self) -> None:
        """Refill the quota now."""
        self.calls_left = self.quota
        self._window_start = self.clock.now()

    def add_cdr(self, *, src: str, dst: str, calldate: int, **fields: Any) -> Record:
        """Add a call record (``calldate`` in epoch seconds); returns it."""
        from datetime import datetime

        from ..omnicxm.types.common import VIETNAM

        local = datetime.fromtimestamp(calldate, VIETNAM)
        record = {
            "_id": self._new_id(),
            "src": src,
            "dst": dst,
            "uniqueid": f"{calldate}.{len(self.cdr) + 1}",
            "calldate": calldate,
            "calldatetime": local.strftime("%Y-%m-%d %H:%M:%S"),
            "disposition": "ANSWERED",
            "duration": 0,
            "billsec": 0,
            "in_out": "outbound",
            "_collection": f"{self.customer_code}_cdr_st_{local:%Y%m}",
            **fields,
        }
        self.cdr.append(record)
        return record

    # -- envelope -----------------------------------------------------------

    def ok(self, **payload: Any) -> httpx.Response:
        """A success envelope."""
        return self.json({"status": True, **payload})

    def fail(self, message: str, *, http_status: int = 200) -> httpx.Response:
        """A failure envelope (HTTP 200 by default, as the docs show it)."""
        return self.json({"status": False, "error": message}, status=http_status)

    def error_response(self, status: int, message: str) -> httpx.Response:
        """Unknown routes and refusals: the HTTP status with a failure envelope."""
        return self.fail(message, http_status=status)

    # -- auth and quota -----------------------------------------------------------

    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        """Spend the quota, then check Basic credentials (login) or ``X-API-KEY``."""
        if self.quota is not None:
            now = self.clock.now()
            if now - self._window_start >= self.quota_window:
                self._window_start = now
                self.calls_left = self.quota
            if (self.calls_left or 0) <= 0:
                return self.json({"status": False, "error": "API limited"}, status=202)
            self.calls_left = (self.calls_left or 0) - 1
        path = request.url.path
        if path == "/login":
            if not self._basic_ok(request.headers.get("authorization", "")):
                return self.fail("Wrong username or password", http_status=401)
            return None
        key = request.headers.get("x-api-key", "")
        if key and key == self.secret_key:
            return None
        issued = self.tokens.get(key)
        if (
            issued is not None
            and self.token_ttl is not None
            and self.clock.now() - issued >= self.token_ttl
        ):
            self.tokens.pop(key, None)
            self.expired.add(key)
            issued = None
        if issued is not None:
            return None
        if key in self.expired:
            status = 200 if self.expired_answer == "envelope" else 401
            return self.fail("Token is expired", http_status=status)
        return self.fail("Unauthorized: invalid token", http_status=401)

    def _basic_ok(self, header: str) -> bool:
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        user, sep, password = decoded.partition(":")
        return bool(sep) and user == self.username and password == self.password

    def _need_token(self, request: FakeRequest) -> None:
        if request.raw.headers.get("x-api-key") not in self.tokens:
            raise _Refused(401, "This API needs a login token (TOKEN_LOGIN_API)")

    # -- helpers ------------------------------------------------------------------

    def _dispatch(self, request: httpx.Request) -> httpx.Response:
        try:
            return super()._dispatch(request)
        except _Refused as exc:
            return self.after(request, self.fail(exc.message, http_status=exc.status))

    def _new_id(self) -> str:
        self._counter += 1
        return f"{self._counter:024x}"

    def _now(self) -> int:
        return int(self.clock.now())

    def _stamp(self) -> Record:
        return {
            "id": self.user["id"],
            "byid": self.user["id"],
            "username": self.username,
            "name": self.user["name"],
            "time": self._now(),
        }

    @staticmethod
    def _json_body(request: FakeRequest) -> Record:
        try:
            body = request.json()
        except ValueError:
            raise _Refused(400, "the body is not valid JSON") from None
        if body is None:
            return {}
        if not isinstance(body, dict):
            raise _Refused(400, "the body must be a JSON object")
        return body

    def _page(
        self,
        request: FakeRequest,
        items: list[Record],
        *,
        take: Any,
        page: Any,
        count_key: str = "totalPages",
        links: bool = False,
        extra: Record | None = None,
    ) -> httpx.Response:
        size = _int(take, "take", self.default_take)
        if size > 100:
            raise _Refused(400, "take must be at most 100")
        number = _int(page, "page", 1)
        total = len(items)
        pages = math.ceil(total / size) if total else 0
        chunk = items[(number - 1) * size : number * size]
        payload: Record = {"take": size, "page": number, count_key: pages, "total": total}
        if links:
            url = request.raw.url.copy_remove_param("page").copy_remove_param("take")
            if number > 1:
                payload["prevPage"] = str(url.copy_merge_params({"take": size, "page": number - 1}))
            if number < pages:
                payload["nextPage"] = str(url.copy_merge_params({"take": size, "page": number + 1}))
        payload.update(extra or {})
        payload["data"] = copy.deepcopy(chunk)
        return self.ok(**payload)

    def _log(self, ticket_id: str, kind: str, **fields: Any) -> None:
        self.logs.setdefault(ticket_id, []).insert(
            0,
            {
                "_id": self._new_id(),
                "ticket_id": ticket_id,
                "type": kind,
                "created": {**self._stamp()},
                **fields,
            },
        )

    def _files(self, pairs: list[tuple[str, Any]]) -> list[Record]:
        out = []
        for name, value in pairs:
            if isinstance(value, tuple):
                filename, content = value
                self.files.append((name, filename, content))
                out.append(
                    {
                        "name": filename,
                        "extension": filename.rsplit(".", 1)[-1] if "." in filename else "",
                        "filesize": len(content),
                        "path": f"https://cdn.fake.invalid/{self._new_id()}/{filename}",
                    }
                )
        return out

    # -- login ----------------------------------------------------------------------

    @route("GET", "/login")
    def login(self, request: FakeRequest) -> httpx.Response:
        """Issue a token for the Basic credentials."""
        self.logins += 1
        token = f"{uuid.UUID(int=self._counter + self.logins).hex}-{uuid.UUID(int=self.logins)}"
        self.tokens[token] = self.clock.now()
        info = {k: v for k, v in self.user.items() if k not in ("id", "username")}
        return self.ok(
            token=token,
            userinfo={"customer_code": self.customer_code, **info, "extension": "8001"},
        )

    @route("GET", "/logout")
    def logout(self, request: FakeRequest) -> httpx.Response:
        """Destroy the token."""
        self._need_token(request)
        self.tokens.pop(request.raw.headers["x-api-key"], None)
        self.logouts += 1
        return self.ok()

    @route("GET", "/users/getinformation")
    def get_information(self, request: FakeRequest) -> httpx.Response:
        """The logged-in user."""
        self._need_token(request)
        return self.ok(data=dict(self.user))

    @route("GET", "/users/getuserpermission")
    def users_permission(self, request: FakeRequest) -> httpx.Response:
        """The users and business units assignee fields take (``user_<id>``/``bu_<id>``)."""
        user = {"type": "user", "username": self.username, "name": self.user["name"],
                "value": f"user_{self.user['id']}"}  # fmt: skip
        return self.ok(data=[{"type": "bu", "name": "Support", "value": "bu_support"}, user])

    @route("GET", "/permission/module")
    def modules_open(self, request: FakeRequest) -> httpx.Response:
        """The modules open to the account."""
        return self.ok(modules=list(self.modules))

    # -- tickets --------------------------------------------------------------------

    @route("GET", "/services/tickets/category")
    def categories_list(self, request: FakeRequest) -> httpx.Response:
        """Every category."""
        return self.ok(data=copy.deepcopy(self.categories))

    @route("GET", "/services/tickets/category/{id}")
    def categories_get(self, request: FakeRequest) -> httpx.Response:
        """One category (or subcategory)."""
        wanted = request.path_params["id"]
        for category in self.categories:
            for item in [category, *category.get("items", [])]:
                if item["id"] == wanted:
                    return self.ok(data=copy.deepcopy(item))
        raise _Refused(404, "Category not found")

    @route("GET", "/services/tickets/view")
    def views_list(self, request: FakeRequest) -> httpx.Response:
        """The saved views."""
        self._need_token(request)
        return self.ok(data=copy.deepcopy(self.views))

    def _ticket(self, ticket_id: str) -> Record:
        ticket = self.tickets.get(ticket_id)
        if ticket is None:
            raise _Refused(404, "Ticket not found")
        return ticket

    def _ordered_tickets(self) -> list[Record]:
        # Newest first; among equal times the later one first.
        return sorted(reversed(self.tickets.values()), key=lambda t: -int(t["created"]["time"]))

    @route("GET", "/services/tickets/ticket")
    def tickets_list(self, request: FakeRequest) -> httpx.Response:
        """Tickets, newest first, paged in the query."""
        return self._page(
            request,
            self._ordered_tickets(),
            take=request.arg("take"),
            page=request.arg("page"),
            links=True,
        )

    @route("GET", "/services/tickets/ticket/{id}")
    def tickets_get(self, request: FakeRequest) -> httpx.Response:
        """A ticket."""
        return self.ok(data=copy.deepcopy(self._ticket(request.path_params["id"])))

    @route("POST", "/services/tickets/ticket/read")
    def tickets_read(self, request: FakeRequest) -> httpx.Response:
        """Tickets filtered and sorted, paged in the body."""
        self._need_token(request)
        body = self._json_body(request)
        found = [t for t in self._ordered_tickets() if _matches(t, body.get("filter"))]
        keyview = body.get("keyview")
        if keyview == "system_ticketstatusnew":
            found = [t for t in found if t["basicinfo"].get("status") == "New"]
        elif keyview is not None and keyview not in {v["key"] for v in self.views}:
            raise _Refused(404, "View not found")
        return self._page(
            request, _sorted(found, body.get("sort")), take=body.get("take"), page=body.get("page")
        )

    def _apply_ticket_form(self, ticket: Record, form: Record) -> list[Record]:
        basic = form.pop("basicinfo", {}) or {}
        if not isinstance(basic, dict):
            raise _Refused(400, "basicinfo must be fields basicinfo[name]")
        files = basic.pop("files", []) or []
        delete = basic.pop("deletefileindex", None)
        info = ticket["basicinfo"]
        for key, value in basic.items():
            if key == "duedate":
                info["duedate"] = int(value) if str(value).isdigit() else value
            elif key == "ccs":
                info["cc"] = list(value)
            elif key == "requester":
                known = self.requesters.get(str(value))
                info["requester"] = {
                    "id": value,
                    "name": known["name"] if known else value,
                    "phone": [known["phone"]] if known and known["phone"] else [],
                    "email": [known["email"]] if known and known["email"] else [],
                }
            elif key == "account_related":
                info["relatedaccount"] = {"id": value}
            elif key == "category":
                info["category"] = {"id": value, "name": self._category_name(value)}
            elif key == "assignee":
                kind, _, ident = str(value).partition("_")
                info["assignee"] = {"id": ident or value, "type": kind if ident else "user"}
            else:
                info[key] = value
        if delete is not None:
            indexes = {int(i) for i in str(delete).replace(" ", "").split(",") if i.isdigit()}
            info["attachment"] = [
                a for i, a in enumerate(info.get("attachment", [])) if i not in indexes
            ]
        info.setdefault("attachment", []).extend(
            self._files([("basicinfo[files][]", f) for f in files])
        )
        for group, fields in form.items():
            if not isinstance(fields, dict):
                raise _Refused(400, f"{group} must be fields {group}[name]")
            ticket.setdefault(group, {}).update(fields)
        return files

    @route("POST", "/services/tickets/requester/convert")
    def requesters_convert(self, request: FakeRequest) -> httpx.Response:
        """The requester of a CRM record (made on first use; the record keeps its id)."""
        body = self._json_body(request)
        module, record_id = body.get("module"), body.get("id")
        record = self._module(str(module)).get(str(record_id)) if module else None
        if record is None:
            raise _Refused(404, "Object not found")
        requester_id = record.get("ticket_requester_id")
        if requester_id is None:
            requester_id = record["ticket_requester_id"] = self._new_id()
        name = " ".join(str(record.get(k) or "") for k in ("first_name", "last_name")).strip()
        requester = {
            "name": name,
            "phone": _first_text(record.get("phone")),
            "email": _first_text(record.get("email")),
            "frommodule": module,
            "idmodule": record_id,
            "id": requester_id,
        }
        self.requesters[requester_id] = requester
        return self.ok(data=dict(requester))

    def _category_name(self, category_id: str) -> str | None:
        for category in self.categories:
            for item in [category, *category.get("items", [])]:
                if item["id"] == category_id:
                    return str(item["name"])
        return None

    @route("POST", "/services/tickets/ticket")
    def tickets_create(self, request: FakeRequest) -> httpx.Response:
        """Create a ticket from a multipart ``group[field]`` form."""
        form = _unflatten(_form_pairs(request))
        basic = form.get("basicinfo") or {}
        if not isinstance(basic, dict) or not basic.get("subject"):
            return self.fail("basicinfo[subject] is required")
        ticket_id = self._new_id()
        self._ticket_number += 1
        ticket: Record = {
            "basicinfo": {
                "id": ticket_id,
                "ticket_id": f"{self._ticket_number}{ticket_id[-8:]}",
                "status": "New",
                "priority": "normal",
                "source": "api",
                "sourcedisplay": "api",
                "tags": [],
                "cc": [],
                "duedate": "",
                "attachment": [],
                "owner": {"id": self.user["id"], "name": self.user["name"], "type": "user"},
            },
            "created": self._stamp(),
            "last_modified": self._stamp(),
            "currentState": False,
        }
        self._apply_ticket_form(ticket, form)
        self.tickets[ticket_id] = ticket
        self.comments[ticket_id] = []
        self._log(ticket_id, "createticket")
        return self.ok(id=ticket_id)

    @route("PUT", "/services/tickets/ticket/{id}")
    def tickets_update(self, request: FakeRequest) -> httpx.Response:
        """Change a ticket from a multipart form."""
        ticket = self._ticket(request.path_params["id"])
        self._apply_ticket_form(ticket, _unflatten(_form_pairs(request)))
        ticket["last_modified"] = self._stamp()
        self._log(ticket["basicinfo"]["id"], "updateticket")
        return self.ok()

    @route("GET", "/services/tickets/log/{id}")
    def logs_list(self, request: FakeRequest) -> httpx.Response:
        """A ticket's log, newest first."""
        ticket = self._ticket(request.path_params["id"])
        return self._page(
            request,
            self.logs.get(ticket["basicinfo"]["id"], []),
            take=request.arg("take"),
            page=request.arg("page"),
            links=True,
        )

    # -- comments --------------------------------------------------------------------

    def _submitter(self) -> Record:
        return {
            "username": self.username,
            "name": self.user["name"],
            "owner": True,
            "extension": "8001",
            "email": self.user["email"],
            "phone": "",
        }

    @route("GET", "/services/tickets/comment/{id}")
    def comments_list(self, request: FakeRequest) -> httpx.Response:
        """A ticket's comments, newest first."""
        ticket = self._ticket(request.path_params["id"])
        comments = list(reversed(self.comments.get(ticket["basicinfo"]["id"], [])))
        return self._page(
            request, comments, take=request.arg("take"), page=request.arg("page"), links=True
        )

    @route("POST", "/services/tickets/comment/{id}")
    def comments_create(self, request: FakeRequest) -> httpx.Response:
        """Comment on a ticket (multipart ``content``, ``notetype``, ``files[]``)."""
        self._need_token(request)
        ticket = self._ticket(request.path_params["id"])
        pairs = _form_pairs(request)
        fields = {k: v for k, v in pairs if not isinstance(v, tuple)}
        if not fields.get("content"):
            return self.fail("content is required")
        notetype = fields.get("notetype", "public")
        if notetype not in ("public", "private"):
            return self.fail("notetype must be public or private")
        ticket_id = ticket["basicinfo"]["id"]
        comment = {
            "id": self._new_id(),
            "ticket_id": ticket_id,
            "content": f"<p>{fields['content']}</p>\n",
            "raw_content": f"{fields['content']}\n",
            "type": "note",
            "notetype": notetype,
            "replycomments": 0,
            "tagusers": [],
            "upload_data": self._files(pairs),
            "created": {**self._stamp(), "owner": True},
            "last_modified": {**self._stamp(), "owner": True},
            "timetext": "justnow",
            "ccs_updated": [],
            "usersubmit_info": self._submitter(),
        }
        if fields.get("parentcomment"):
            comment["parentcomment"] = fields["parentcomment"]
        self.comments.setdefault(ticket_id, []).append(comment)
        self._log(ticket_id, "addcomment", comment_id=comment["id"])
        return self.ok(data=copy.deepcopy(comment))

    def _comment(self, ticket_id: str, comment_id: str | None) -> Record:
        for comment in self.comments.get(ticket_id, []):
            if comment["id"] == comment_id:
                return comment
        raise _Refused(404, "Comment not found")

    @route("PUT", "/services/tickets/comment/{id}")
    def comments_update(self, request: FakeRequest) -> httpx.Response:
        """Edit the comment named by ``idcomment``."""
        self._need_token(request)
        ticket = self._ticket(request.path_params["id"])
        pairs = _form_pairs(request)
        fields = {k: v for k, v in pairs if not isinstance(v, tuple)}
        comment = self._comment(ticket["basicinfo"]["id"], fields.get("idcomment"))
        if fields.get("content"):
            comment["content"] = f"<p>{fields['content']}</p>\n"
            comment["raw_content"] = f"{fields['content']}\n"
        if fields.get("notetype"):
            comment["notetype"] = fields["notetype"]
        if fields.get("deletefileindex"):
            gone = {int(i) for i in fields["deletefileindex"].replace(" ", "").split(",") if i}
            comment["upload_data"] = [
                f for i, f in enumerate(comment["upload_data"]) if i not in gone
            ]
        comment["upload_data"].extend(self._files(pairs))
        comment["last_modified"] = {**self._stamp(), "owner": True}
        answer = {k: v for k, v in comment.items() if k not in ("id", "ticket_id", "created")}
        return self.ok(data=copy.deepcopy(answer))

    @route("DELETE", "/services/tickets/comment/{id}/{comment_id}")
    def comments_delete(self, request: FakeRequest) -> httpx.Response:
        """Delete a comment."""
        self._need_token(request)
        ticket = self._ticket(request.path_params["id"])
        ticket_id = ticket["basicinfo"]["id"]
        comment = self._comment(ticket_id, request.path_params["comment_id"])
        self.comments[ticket_id].remove(comment)
        self._log(ticket_id, "deletecommentnote", comment_id=comment["id"], comment=comment)
        return self.ok()

    # -- CRM objects -------------------------------------------------------------------

    def _module(self, module: str) -> dict[str, Record]:
        return self.objects.setdefault(module, {})

    def _ordered_objects(self, module: str) -> list[Record]:
        return sorted(
            reversed(self._module(module).values()), key=lambda r: -int(r["created"]["time"])
        )

    @route("GET", "/relationship/objects/{module}")
    def objects_list(self, request: FakeRequest) -> httpx.Response:
        """A module's records, newest first, paged in the query (``totalPage``)."""
        self._need_token(request)
        return self._page(
            request,
            self._ordered_objects(request.path_params["module"]),
            take=request.arg("take"),
            page=request.arg("page"),
            count_key="totalPage",
        )

    @route("POST", "/relationship/objects/read/{module}")
    def objects_read(self, request: FakeRequest) -> httpx.Response:
        """A module's records filtered and sorted, paged in the body."""
        self._need_token(request)
        body = self._json_body(request)
        records = self._ordered_objects(request.path_params["module"])
        found = [r for r in records if _matches(r, body.get("filter"))]
        return self._page(
            request,
            _sorted(found, body.get("sort")),
            take=body.get("take"),
            page=body.get("page"),
            count_key="totalPage",
        )

    @route("POST", "/relationship/objects/{module}")
    def objects_create(self, request: FakeRequest) -> httpx.Response:
        """Create a record from JSON field groups (``basicinfo`` fields go to the top)."""
        self._need_token(request)
        module = request.path_params["module"]
        body = self._json_body(request)
        if not body:
            return self.fail("Empty data", http_status=200)
        record_id = self._new_id()
        basic = body.pop("basicinfo", {}) or {}
        record: Record = {"_id": record_id, **basic, **body}
        stamp = {"byid": self.user["id"], "time": self._now(), "options": []}
        record.update(
            created=dict(stamp),
            last_modified=dict(stamp),
            _collection=f"{self.customer_code}_{module}",
            created_username=self.username,
        )
        self._module(module)[record_id] = record
        return self.ok(data=record_id)

    def _find_object(self, record_id: str) -> tuple[str, Record]:
        for module, records in self.objects.items():
            if record_id in records:
                return module, records[record_id]
        raise _Refused(404, "Object not found")

    @route("GET", "/crm/objects/{id}")
    def objects_get(self, request: FakeRequest) -> httpx.Response:
        """A record by id, with its module."""
        self._need_token(request)
        module, record = self._find_object(request.path_params["id"])
        return self.ok(module=module, data=copy.deepcopy(record))

    @route("PUT", "/relationship/Objects/{module}/{id}")
    def objects_update(self, request: FakeRequest) -> httpx.Response:
        """Change a record from a multipart ``group[field]`` form."""
        module = request.path_params["module"]
        record = self._module(module).get(request.path_params["id"])
        if record is None:
            raise _Refused(404, "Object not found")
        form = _unflatten(_form_pairs(request))
        record.update(form.pop("basicinfo", {}) or {})
        for group, fields in form.items():
            if isinstance(fields, dict) and isinstance(record.get(group), dict):
                record[group].update(fields)
            else:
                record[group] = fields
        record["last_modified"] = {"byid": self.user["id"], "time": self._now(), "options": []}
        return self.ok(message="update_success")

    # -- CDR ----------------------------------------------------------------------------

    @route("POST", "/call/CDR")
    def cdr_list(self, request: FakeRequest) -> httpx.Response:
        """Calls between ``startdate`` and ``enddate`` (query), newest first (``totalpage``)."""
        start = _int(request.arg("startdate"), "startdate", 1) if request.arg("startdate") else None
        end = _int(request.arg("enddate"), "enddate", 1) if request.arg("enddate") else None
        if start is not None and end is not None and end - start > 31 * 86400:
            return self.fail("The time range must be within 1 month")
        calls = [
            c
            for c in sorted(self.cdr, key=lambda c: -int(c["calldate"]))
            if (start is None or c["calldate"] >= start) and (end is None or c["calldate"] <= end)
        ]
        extra: Record = {}
        if start is not None:
            extra["startdate"] = start
        if end is not None:
            extra["enddate"] = end
        return self._page(
            request,
            calls,
            take=request.arg("take"),
            page=request.arg("page"),
            count_key="totalpage",
            links=True,
            extra=extra,
        )
