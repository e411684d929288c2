"""OmniCXM (South Telecom / Worldfone) wire shapes: envelope, errors, forms, paging, auth choice.

Every answer is a JSON envelope ``{"status": true, ...}``; a failure says
``{"status": false, "error": "..."}`` (some endpoints write ``"msg"``), and two
endpoints (``tickets/SLATicket``, ``omnichat/messages/search``) spell it
``{"stt": true|false, "msg": "..."}``. The payload sits next to the flag: in
``data`` for most endpoints, in named keys (``modules``, ``permission``,
``token``/``userinfo``, ``id``...) for others.

HTTP codes, as the docs' table gives them and as the SDK reads them:

* ``200`` and other 2xx: decided by the body's flag (``false`` raises even on 200);
* ``201`` "Request OK but API is not already success": a success only when the
  body says ``status``/``stt`` ``true``; with ``false`` or no flag it raises
  :class:`NotCompletedError` (the request reached the server, its outcome is not
  a success);
* ``202`` "Request OK but API limited": :class:`~cxkit.RateLimitError` whatever the
  body says (the core retries it for any method: the server refused the call);
* ``304``: :class:`~cxkit.APIError` (the SDK never sends conditional requests);
* ``400`` -> ``BadRequestError``, ``401`` -> ``AuthenticationError``, ``403`` ->
  ``PermissionDeniedError``, ``404`` -> ``NotFoundError``, ``405``/``406`` ->
  ``BadRequestError``, ``5xx`` -> ``InternalServerError``.

A failure envelope carries no code in the docs, so its class comes from the
message (see :func:`status_for_envelope`): a login-token problem is a 401 (and
makes a login client log in again once), ``permission`` a 403, ``not found`` a
404, ``limit`` a 429, anything else a 400.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import httpx

from .._core import (
    CREDENTIAL,
    Answer,
    APIError,
    BadRequestError,
    Call,
    ConfigurationError,
    Dialect,
    Hints,
    NotCompletedError,
    Operation,
    PageData,
    PageNumberPaging,
    PageStrategy,
    RateLimitError,
    RequestParts,
    as_int,
    operation,
    page_object,
    parse_retry_after,
    to_file,
)

__all__ = [
    "MAX_TAKE",
    "AuthKind",
    "NotCompletedError",
    "OmniCXMDialect",
    "OmniCXMHints",
    "OmniCXMPaging",
    "body_paged_read",
    "envelope_error",
    "envelope_flag",
    "envelope_message",
    "is_token_problem",
    "status_for_envelope",
]

VENDOR = "omnicxm"

F = TypeVar("F", bound=Callable[..., Any])

MAX_TAKE = 100
"""The largest ``take`` (page size) the docs allow."""

AuthKind = Literal["either", "token", "secret_key", "login", "logout"]
"""Which credential an operation needs (``@operation(..., auth=...)``).

``either``: the login token or the secret key (the docs' "TOKEN_LOGIN_API or
SECRET_KEY"; a client holding both sends the token); ``token``: the login token
only; ``secret_key``: the secret key only; ``login``: ``GET /login`` with HTTP
Basic; ``logout``: the current token, never renewed.
"""


# -- envelope reading -------------------------------------------------------------


_SUCCEEDED = (("status", Literal[True, 1, "1", "true", "ok", "success"]),)
"""The success flag as a one-pass decode requires it (any other answer: ``decode``)."""


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("true", "1", "ok", "success"):
            return True
        if text in ("false", "0", "", "fail", "failed", "error"):
            return False
    return None


def envelope_flag(data: Any) -> bool | None:
    """The envelope's success flag (``status``, else ``stt``), ``None`` when absent."""
    if not isinstance(data, Mapping):
        return None
    if "status" in data and not isinstance(data["status"], (Mapping, list)):
        return _flag(data["status"])
    if "stt" in data:
        return _flag(data["stt"])
    return None


_MESSAGE_KEYS = ("error", "msg", "message", "error_message", "errors", "detail")


def envelope_message(data: Any) -> str:
    """The vendor's message in an envelope (``error``, ``msg``, ``message``...)."""
    if isinstance(data, str):
        return data.strip()
    if not isinstance(data, Mapping):
        return ""
    for key in _MESSAGE_KEYS:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, Mapping):
            inner = envelope_message(value)
            if inner:
                return inner
            texts = [str(v) for v in value.values() if isinstance(v, (str, int))]
            if texts:
                return "; ".join(texts)
        if isinstance(value, list) and value:
            return "; ".join(envelope_message(v) or str(v) for v in value)
    return ""


_TOKEN_WORDS = r"(?:token|api[\s_-]?key|x-api-key|session|phiên(?:\s+đăng\s+nhập)?)"
_BAD_WORDS = (
    r"(?:expir\w*|invalid|not\s+valid|incorrect|wrong|missing|required|"
    r"not\s+(?:found|exist\w*)|does\s+not\s+exist|hết\s+hạn|không\s+hợp\s+lệ|không\s+tồn\s+tại)"
)
_TOKEN_PROBLEM = re.compile(
    rf"(?i){_TOKEN_WORDS}\b.*{_BAD_WORDS}|{_BAD_WORDS}.*\b{_TOKEN_WORDS}"
    r"|unauthori[sz]ed|not\s+logged\s+in|please\s+log\s*in|login\s+required|chưa\s+đăng\s+nhập"
)
_LIMITED = re.compile(r"(?i)api\s+limit|rate\s+limit|too\s+many\s+requests|quota")
_FORBIDDEN = re.compile(
    r"(?i)permission|forbidden|not\s+allowed|access\s+denied|không\s+có\s+quyền"
)
_NOT_FOUND = re.compile(
    r"(?i)not\s+found|not\s+exist|does\s+not\s+exist|no\s+such|không\s+tìm\s+thấy|không\s+tồn\s+tại"
)


_NOT_EXECUTED = re.compile(
    r"(?i)\s*(?:(?:invalid|expired|wrong|missing)\s+(?:login\s+)?(?:token|api[\s_-]?key)"
    r"|(?:login\s+)?(?:token|api[\s_-]?key)\s+(?:is\s+|has\s+)?"
    r"(?:invalid|expired|not\s+valid|missing|required)"
    r"|unauthori[sz]ed|unauthenticated|not\s+logged\s+in|please\s+log\s*in|login\s+required)"
    r"[.!]?\s*"
)
"""The whole message of an envelope that refused the request for its login token, so the
request was not executed. Only these (and an envelope ``code`` 401) let a write be sent
again after a new login; "Zalo access token of the page has expired" does not."""


_LEADS_WITH_SUCCESS = re.compile(rb"\s*\{\s*\"status\"\s*:\s*(?:true|1)\s*[,}]")
"""A body whose first key is a true ``status`` (as the docs' answers start): not a token
failure, seen without decoding the body twice (the reader decodes it once)."""


def is_token_problem(message: str) -> bool:
    """Whether a failure message says the login token (or key) is missing, invalid or expired."""
    return bool(message) and _TOKEN_PROBLEM.search(message) is not None


def status_for_envelope(code: Any, message: str, default: int = 400) -> int:
    """The HTTP-like status a failure envelope maps to.

    A numeric ``code`` between 400 and 599 wins; otherwise the message decides:
    a token problem 401, a spent quota 429, a permission refusal 403, a missing
    record 404, anything else ``default``.
    """
    number = as_int(code)
    if number is not None and 400 <= number <= 599:
        return number
    if is_token_problem(message):
        return 401
    if _LIMITED.search(message):
        return 429
    if _FORBIDDEN.search(message):
        return 403
    if _NOT_FOUND.search(message):
        return 404
    return default


def envelope_error(
    dialect: Dialect,
    data: Mapping[str, Any],
    response: httpx.Response,
    *,
    status: int | None = None,
    cls: type[APIError] | None = None,
    fallback: str = "",
    default_status: int = 400,
    **extra: Any,
) -> APIError:
    """The typed error for a failure envelope (the core's :meth:`Dialect.envelope_error`
    with OmniCXM's reading of code, message and status).

    ``status`` overrides the status the message maps to; ``cls`` the error class
    (``extra`` goes to its constructor, e.g. ``retry_after``).
    """
    raw_code = data.get("code", data.get("error_code"))
    code = raw_code if isinstance(raw_code, (str, int)) and not isinstance(raw_code, bool) else None
    message = envelope_message(data) or fallback or f"HTTP {response.status_code}"
    return dialect.envelope_error(
        data,
        response,
        status=status if status is not None else status_for_envelope(code, message, default_status),
        code=code,
        message=message,
        cls=cls,
        **extra,
    )


# -- paging --------------------------------------------------------------------------


def _items(data: Any) -> list[Any]:
    if isinstance(data, Mapping):
        items = data.get("data")
        return list(items) if isinstance(items, list) else []
    return list(data) if isinstance(data, list) else []


_PAGE_COUNT_KEYS = ("totalPages", "totalPage", "totalpage", "total_pages")


def page_count(data: Any) -> int | None:
    """The page count in any of its spellings (``totalPages``, ``totalPage``, ``totalpage``)."""
    if not isinstance(data, Mapping):
        return None
    for key in _PAGE_COUNT_KEYS:
        if key in data:
            return as_int(data[key])
    return None


def total_count(data: Any) -> int | None:
    """The ``total`` of a paged answer."""
    if not isinstance(data, Mapping) or "total" not in data:
        return None
    return as_int(data["total"])


@dataclass(frozen=True)
class OmniCXMPaging(PageNumberPaging):
    """``take``/``page`` paging, in the query or the body as each endpoint documents.

    The first request carries exactly what the caller passed (no ``page=1`` is
    added: the docs' examples send none). The next page exists while
    ``page * take < total`` when both are known, else while ``page <`` the page
    count (``totalPages``/``totalPage``/``totalpage``), else while pages come back
    full; an empty page always ends the listing. When ``take`` was not given but
    ``total`` was sent, later pages ask for ``take`` = the size of the first page,
    so that the arithmetic holds.
    """

    page_key: str = "page"
    size_key: str = "take"
    max_size: int | None = MAX_TAKE
    send_first: bool = False

    def parse(self, data: Any, values: Mapping[str, Any]) -> PageData:
        """Read one page; ``values`` are the paging values that asked for it."""
        items = _items(data)
        total = total_count(data)
        pages = page_count(data)
        page = as_int(values.get(self.page_key)) or self.first_page
        size = as_int(values.get(self.size_key))
        carry: dict[str, Any] = {}
        if not items:
            more = False
        elif size and total is not None:
            more = (page - self.first_page + 1) * size < total
        elif pages is not None:
            more = page - self.first_page + 1 < pages
        elif total is not None:
            more = (page - self.first_page + 1) * len(items) < total
            carry = {self.size_key: len(items)}
        else:
            more = size is not None and len(items) >= size
        next_values = {**values, **carry, self.page_key: page + 1} if more else None
        return PageData(items=items, total=total, next_values=next_values)


def _succeeded_fields(data: Any) -> Any:
    """A successful envelope without its flag (what ``decode`` returns for it); any
    other answer is refused, so ``decode`` reads it."""
    if not isinstance(data, dict) or envelope_flag(data) is not True:
        raise ValueError("not a successful envelope")
    return _without_flags(data)


def _without_flags(data: Mapping[str, Any]) -> dict[str, Any]:
    """An envelope without its success flags (what ``decode`` returns for it)."""
    return {key: value for key, value in data.items() if key not in ("status", "stt")}


def _page(item: Any) -> Any:
    """A page's type (the envelope without its flag): ``data`` typed, the counts kept."""
    return page_object(item, "data", kept=("total", *_PAGE_COUNT_KEYS))


_QUERY_PAGING = OmniCXMPaging(location="query")
_BODY_PAGING = OmniCXMPaging(location="body")


# -- the dialect ------------------------------------------------------------------------


@dataclass(frozen=True)
class OmniCXMHints(Hints):
    """OmniCXM's own operation hints (``@operation(..., hints=OmniCXMHints(...))``)."""

    page_in: Literal["query", "body"] = "query"
    """Where ``take``/``page`` travel."""
    raw_text: bool = False
    """The answer may be plain text (returned as ``str``)."""


def body_paged_read(path: str, *, auth: str | None = None) -> Callable[[F], F]:
    """``@operation`` for a POST that only reads (so it is retried like a GET) and is
    paged by ``take``/``page`` in its JSON body."""
    return operation(
        "POST", path, auth=auth, paged=True, idempotent=True, hints=OmniCXMHints(page_in="body")
    )


class OmniCXMDialect(Dialect):
    """How OmniCXM differs from the generic dialect (see :class:`OmniCXMHints`).

    The core options read here:

    * ``auth``: an :data:`AuthKind` (default ``either``); an operation whose
      credential the client lacks fails before sending, with ``ConfigurationError``;
    * ``unwrap="data"``: return that key of the envelope (default: the whole
      envelope, flag removed);
    * ``content_type``: ``multipart/form-data`` or ``application/x-www-form-urlencoded``
      bodies are sent as PHP-style form fields (the core's form encoding).
    """

    vendor = VENDOR

    def __init__(self, *, login: bool = False, secret_key: bool = False) -> None:
        self.login = login
        self.secret_key = secret_key

    # -- requests -------------------------------------------------------------

    def credential_for(self, op: Operation) -> str:
        """The credential ``op`` will be sent with; raises if the client lacks it."""
        kind = op.auth or "either"
        name = op.name or f"{op.method} {op.path}"
        if kind in ("token", "login", "logout") and not self.login:
            raise ConfigurationError(
                f"omnicxm: {name} needs a login (username= and password=); "
                "the docs do not accept the secret key for it"
            )
        if kind == "secret_key" and not self.secret_key:
            raise ConfigurationError(
                f"omnicxm: {name} needs the account's secret key (secret_key=); "
                "the docs do not accept a login token for it"
            )
        if kind == "either":
            return "token" if self.login else "secret_key"
        return str(kind)

    def encode(self, call: Call) -> RequestParts:
        """JSON, multipart or urlencoded by the operation's content type; marks the credential."""
        op = call.op
        credential = self.credential_for(op)
        parts = super().encode(call)
        if self.login:
            parts.extensions[CREDENTIAL] = credential
        else:
            parts.extensions.pop(CREDENTIAL, None)
        return parts

    def encode_files(self, call: Call) -> list[tuple[str, tuple[str, Any, str]]]:
        """Multipart file parts; a list repeats its name (``files[]``), as the docs send it."""
        out: list[tuple[str, tuple[str, Any, str]]] = []
        for name, value in (call.files or {}).items():
            items = value if isinstance(value, list) else [value]
            out.extend((name, to_file(item, field=name)) for item in items)
        return out

    # -- responses ------------------------------------------------------------

    def decode(self, op: Operation | None, response: httpx.Response) -> Any:
        """The envelope's payload, or raise the error its flag or HTTP code says."""
        status = response.status_code
        hints = op.hints_as(OmniCXMHints) if op is not None else OmniCXMHints()
        if hints.raw_text:
            data = self._json_or_text(response)
        else:
            data = self.read_json(response) if status != 202 else self._json_or_text(response)
        if status == 202:
            body = data if isinstance(data, Mapping) else {"error": str(data or "")}
            raise envelope_error(
                self,
                body,
                response,
                status=429,
                cls=RateLimitError,
                fallback="API limited (HTTP 202)",
                retry_after=parse_retry_after(response.headers.get("retry-after")),
            )
        if status == 304:
            raise self.make_error(304, "Not Modified (HTTP 304)", response=response)
        flag = envelope_flag(data)
        if isinstance(data, Mapping):
            if flag is False:
                if status == 201:
                    raise envelope_error(
                        self, data, response, status=201, cls=NotCompletedError,
                        fallback="request accepted but not completed (HTTP 201)",
                    )  # fmt: skip
                # A refused login is an authentication failure whatever its wording.
                default = 401 if op is not None and op.auth == "login" else 400
                raise envelope_error(
                    self,
                    data,
                    response,
                    fallback="the API answered status false",
                    default_status=default,
                )
            if status == 201 and flag is None:
                raise envelope_error(
                    self, data, response, status=201, cls=NotCompletedError,
                    fallback="request accepted but not completed (HTTP 201, no status in the answer)",
                )  # fmt: skip
        elif status == 201:
            raise NotCompletedError(
                "request accepted but not completed (HTTP 201)",
                vendor=self.vendor,
                status_code=201,
                body=data,
                response=response,
            )
        return self._payload(op, data)

    def envelope(self, op: Operation) -> Answer | None:
        """``{"status": true, <key>: ...}`` for an operation that names its key; else the
        envelope's other fields, as :meth:`decode` keeps them."""
        if op.hints_as(OmniCXMHints).raw_text:
            return None
        if not op.unwrap:
            return Answer(adapt=_succeeded_fields)
        return Answer((op.unwrap,), _SUCCEEDED)

    def page_envelope(self, op: Operation) -> Callable[[Any], Any] | None:
        """``{"data": [items], "total": ...}``: the envelope without its flag, as
        :meth:`decode` keeps it for a page (the strategy reads ``data`` and the counts)."""
        if op.hints_as(OmniCXMHints).raw_text:
            return None
        return _page

    def _payload(self, op: Operation | None, data: Any) -> Any:
        if not isinstance(data, Mapping):
            return data
        key = op.unwrap if op is not None else None
        if key:
            return data.get(key)
        return _without_flags(data)

    def _json_or_text(self, response: httpx.Response) -> Any:
        content = response.content
        if not content.strip():
            return None
        try:
            return json.loads(content)
        except (ValueError, RecursionError):
            pass
        try:
            return content.decode(response.encoding or "utf-8", "replace")
        except (LookupError, UnicodeError):  # a charset that is not a text encoding
            return content.decode("utf-8", "replace")

    def error_class(self, status_code: int) -> type[APIError]:
        """The error class for ``status_code``; 405 and 406 are bad requests here."""
        if status_code in (405, 406):
            return BadRequestError
        return super().error_class(status_code)

    # -- auth -------------------------------------------------------------------

    def needs_reauth(self, response: httpx.Response) -> bool:
        """Whether a 2xx answer reports the login token expired or invalid (a 200
        envelope ``{"status": false, "error": "... token ..."}``)."""
        if not 200 <= response.status_code < 300:
            return False
        if _LEADS_WITH_SUCCESS.match(response.content):
            return False  # the common answer, told without parsing it a second time
        try:
            data = json.loads(response.content) if response.content.strip() else None
        except (ValueError, RecursionError):
            return False
        if envelope_flag(data) is not False or not isinstance(data, Mapping):
            return False
        code = as_int(data.get("code", data.get("error_code")))
        return code == 401 or is_token_problem(envelope_message(data))

    def not_executed(self, response: httpx.Response) -> bool:
        """Whether a 2xx token failure proves the request was refused before acting: an
        envelope ``code`` 401, or a message that is only about the login token."""
        try:
            data = json.loads(response.content) if response.content.strip() else None
        except (ValueError, RecursionError):
            return False
        if not isinstance(data, Mapping) or envelope_flag(data) is not False:
            return False
        if as_int(data.get("code", data.get("error_code"))) == 401:
            return True
        return _NOT_EXECUTED.fullmatch(envelope_message(data)) is not None

    # -- paging -----------------------------------------------------------------

    def paging(self, op: Operation) -> PageStrategy:
        """``take``/``page`` in the query, or in the body for ``page_in="body"`` operations."""
        return _BODY_PAGING if op.hints_as(OmniCXMHints).page_in == "body" else _QUERY_PAGING
