"""Random answers against every vendor's dialect: nothing but a ``CXError`` escapes.

A hypothesis-built response (any status from 100 to 599, random headers with odd
rate-limit values, random bytes, random or truncated JSON, the vendor's envelope
holding random values, charsets and content encodings that do not decode) is served
through ``httpx.MockTransport`` to a GET by id, the first page of a list and a POST
create of each vendor, sync and async, with ``max_retries=0``. The same responses go
straight to the dialect's ``decode``, ``error``, ``rate_limit`` and ``paging(op).parse``
(the client's safety net is not there to hide what a dialect lets out).
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import math
import sys
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxkit import CXError, RateLimitError, ResponseValidationError, _vendors
from cxkit._core import AsyncPage, AsyncPager, Dialect, RateLimit, SyncPage
from cxkit._core.errors import APIError, ClientClosedError
from cxkit._core.registry import Operation
from cxkit.omnicxm import AsyncOmniCXM, OmniCXM
from cxkit.omnicxm._dialect import OmniCXMDialect
from cxkit.omnidesk._dialect import OmnideskDialect
from cxkit.testing import FakeClock
from tests.profiles import examples

# -- random responses ---------------------------------------------------------------

ODD_STATUS = (100, 101, 103, 199, 200, 201, 202, 203, 204, 206, 207, 226, 299, 300, 301, 302)
ODD_STATUS += (303, 304, 307, 308, 399, 400, 401, 403, 404, 405, 406, 409, 418, 422, 429, 499)
ODD_STATUS += (500, 502, 503, 504, 599)
# The statuses vendors give a meaning to, drawn often; then odd ones, then any.
COMMON_STATUS = (200, 201, 202, 204, 207, 304, 400, 401, 403, 404, 429, 503)
# The statuses a dialect branches on (success, 201/202 envelopes, 304, quota 403, errors).
BRANCH_STATUS = (200, 201, 202, 304, 403, 500)
STATUS = st.one_of(
    st.sampled_from(COMMON_STATUS), st.sampled_from(ODD_STATUS), st.integers(100, 599)
)

RATE_HEADERS = (
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
    "x-ratelimit-used",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "RateLimit",
    "RateLimit-Policy",
    "Retry-After",
    "api_calls_left",
)
OTHER_HEADERS = (
    "Content-Type",
    "Content-Length",
    "Location",
    "X-Request-Id",
    "Request-Id",
    "X-Correlation-Id",
    "Set-Cookie",
    "Date",
    "Vary",
)
ODD_VALUES = (
    "inf",
    "-inf",
    "nan",
    "NaN",
    "1e400",
    "-1e400",
    "-5",
    "0",
    "-0",
    "1.5",
    "",
    " ",
    "garbage",
    "10, 20",
    "5;w=60",
    "limit=100, remaining=5, reset=30",
    "9" * 400,
    "99999999999999999999",
    "1_000",
    "\uff11\uff12",  # full-width digits: float() reads them
    "0x10",
    "Wed, 21 Oct 2015 07:28:00 GMT",
    "Mon, 01 Jan 0001 00:00:00 +2359",
    "Fri, 31 Dec 9999 23:59:59 -2359",
    "01 Jan 99999 00:00:00 GMT",
    "/next",
    "https://elsewhere.example/x",
    "application/json",
    "application/json; charset=utf-16",
    "application/json; charset=idna",
    "application/json; charset=rot13",
    "text/plain; charset=base64",
    "text/html; charset=no-such-codec",
)
CONTENT_TYPES = (
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=utf-16",
    "text/html; charset=latin-1",
    "text/plain; charset=no-such-codec",
    # Codec names that exist but are not text encodings, or refuse "replace".
    "text/plain; charset=rot13",
    "text/plain; charset=base64",
    "text/plain; charset=idna",
    "application/json; charset=punycode",
)
# Header bytes as a server may send them: printable ASCII and obs-text, no CR/LF/NUL.
HEADER_BYTES = st.binary(max_size=24).map(
    lambda b: bytes(c for c in b if c >= 0x20 and c != 0x7F) or b"x"
)


def _pair(names: tuple[str, ...], values: st.SearchStrategy[bytes]) -> st.SearchStrategy[Any]:
    return st.tuples(st.sampled_from([n.encode() for n in names]), values)


ODD_BYTES = st.sampled_from([v.encode() for v in ODD_VALUES]) | HEADER_BYTES
CONTENT_TYPE = _pair(("Content-Type",), st.sampled_from([c.encode() for c in CONTENT_TYPES]))
HEADER = st.one_of(
    _pair(RATE_HEADERS, ODD_BYTES),
    CONTENT_TYPE,
    _pair(OTHER_HEADERS, ODD_BYTES),
    st.tuples(st.from_regex(rb"[A-Za-z][A-Za-z0-9_-]{0,15}", fullmatch=True), HEADER_BYTES),
)
HEADERS = st.lists(HEADER, max_size=6)
ENCODING = st.sampled_from([b"gzip", b"deflate", b"br", b"zstd", b"identity", b"x-nope"])

BIG_INTS = (2**53, 2**63, -(2**63) - 1, 10**30, 10**400, -(10**400))
BIG_FLOATS = (1e308, -1e308, 5e-324, -0.0, float("inf"), float("-inf"), float("nan"))
NUMBER = (
    st.sampled_from(BIG_INTS + BIG_FLOATS)
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=True, allow_infinity=True)
)
TEXT = st.text(max_size=12) | st.sampled_from(ODD_VALUES)
SCALAR = st.none() | st.booleans() | NUMBER | TEXT
JSON = st.recursive(
    SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
ID = st.sampled_from([1, 0, -1, "1", "abc", "", None, True, 1.5, 10**400, [], {}]) | NUMBER
RECORD = st.fixed_dictionaries(
    {},
    optional={
        key: JSON | ID
        for key in ("id", "_id", "case_id", "user_id", "name", "subject", "status", "created_at")
    },
)
WILD = JSON | ID | RECORD
RECORDS = st.lists(RECORD | WILD, max_size=3)
COUNT = ID | st.sampled_from(["5", "1e3", "-1", "inf"])


def numbered(entity: str) -> st.SearchStrategy[dict[str, Any]]:
    """Omnidesk's numeric-key list: ``{"0": {"case": {...}}, "total_count": N}``."""
    return st.builds(
        lambda items, total: {
            **{str(i): ({entity: item} if i % 2 == 0 else item) for i, item in enumerate(items)},
            "total_count": total,
        },
        RECORDS,
        COUNT,
    )


def envelope(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=fields)


ENVELOPES: dict[str, st.SearchStrategy[Any]] = {
    "omnidesk": st.one_of(
        envelope(case=RECORD | WILD, user=RECORD | WILD, api_calls_left=COUNT),
        numbered("case"),
        envelope(error=WILD, description=WILD, message=WILD, code=WILD),
    ),
    "omi": envelope(
        status_code=st.sampled_from([9999, "9999", 404, "500", -1, None, 9999.0]) | WILD,
        instance_id=WILD,
        key_enabled=WILD,
        message=WILD,
        payload=WILD
        | RECORD
        | envelope(
            items=RECORDS | WILD,
            page_number=COUNT,
            page_size=COUNT,
            total_items=COUNT,
            total_pages=COUNT,
            has_next=WILD,
            file=RECORD | WILD,
        ),
    ),
    "thulium": st.one_of(
        RECORDS,
        envelope(count=COUNT, result=RECORDS | WILD),
        envelope(request_id=WILD, errors=st.lists(envelope(message=WILD, code=WILD)) | WILD),
        st.dictionaries(st.sampled_from(["0", "1", "7", "x"]), envelope(http_status=WILD)),
    ),
    "omnicxm": st.one_of(
        envelope(
            status=st.sampled_from([True, False, "true", 1, None]) | WILD,
            data=RECORDS | RECORD | WILD,
            total=COUNT,
            totalPages=COUNT,
            totalpage=COUNT,
            error=WILD,
            msg=WILD,
            code=WILD,
            id=WILD,
        ),
        envelope(stt=WILD, msg=WILD, data=WILD),
    ),
}


DEEP = st.integers(600, 995).map(lambda n: "[" * n + "1" + "]" * n)
# Deep values where each vendor reads its messages, codes and entries ("@").
DEEP_SHAPES = (
    '{"errors": [{"message": @, "code": 1}]}',
    '{"errors": [@]}',
    '{"error": @}',
    '{"error": [@], "description": @}',
    '{"message": @, "status": false}',
    '{"status": false, "error": @}',
    '{"status_code": 1, "payload": @}',
    '{"status_code": 9999, "payload": {"items": @}}',
    '{"0": {"case": @}, "total_count": 1}',
    '{"count": 1, "result": [@]}',
    '{"status": true, "data": [@], "total": 1}',
    "@",
)
DEEP_BODIES = st.builds(
    lambda shape, deep: shape.replace("@", deep).encode(), st.sampled_from(DEEP_SHAPES), DEEP
)


TOO_DEEP = b"[" * 100_000 + b"]" * 100_000  # deeper than the recursion limit


def _dumps(value: Any) -> bytes:
    return json.dumps(value, allow_nan=True).encode()


EDGE_BODIES = (
    b"",
    b"   ",
    b"null",
    b"[]",
    b"{}",
    b'"text"',
    b"1e400",
    b"NaN",
    b"-",
    b"\xef\xbb\xbf{}",  # BOM
    b"{" + b'"a":' * 3 + b"1",
    b"1" * 5000,  # beyond int() digit limit
    b"<html><body>Bad Gateway</body></html>",
    '{"status": false, "error": "tok\u00e9n expired"}'.encode("utf-16"),
)


def _bodies(vendor: str) -> st.SearchStrategy[bytes]:
    # A vendor without envelope shapes here still gets every generic answer.
    shaped = ENVELOPES.get(vendor, JSON) | JSON
    text = shaped.map(_dumps)
    return st.one_of(
        st.sampled_from(EDGE_BODIES),
        st.just(TOO_DEEP),
        DEEP_BODIES,
        st.binary(max_size=64),
        text,
        text,
        st.tuples(text, st.integers(0, 200)).map(lambda t: t[0][: t[1]]),  # truncated
        shaped.map(lambda v: json.dumps(v).encode("utf-16")),
    )


class Answer:
    """One random answer; a fresh ``httpx.Response`` is built from it each time."""

    def __init__(
        self,
        status: int,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
        encoding: bytes | None,
        login_ok: bool,
    ) -> None:
        self.status = status
        self.headers = headers
        self.body = body
        self.encoding = encoding
        self.login_ok = login_ok  # a login client's GET /login gets a token (else this)

    def __repr__(self) -> str:
        # Failing examples are printed: a deep body would fill the screen.
        body = self.body if len(self.body) <= 300 else self.body[:150] + b"..." + self.body[-60:]
        return (
            f"Answer(status={self.status}, headers={self.headers!r}, body={body!r} "
            f"({len(self.body)} bytes), encoding={self.encoding!r}, login_ok={self.login_ok})"
        )

    def response(
        self, request: httpx.Request, *, encoded: bool = True, status: int | None = None
    ) -> httpx.Response:
        headers = list(self.headers)
        if encoded and self.encoding is not None:
            headers.append((b"Content-Encoding", self.encoding))
        return httpx.Response(
            status or self.status, headers=headers, content=self.body, request=request
        )


@st.composite
def answers(draw: st.DrawFn, vendor: str) -> Answer:
    return Answer(
        status=draw(STATUS),
        headers=draw(HEADERS) + draw(st.lists(CONTENT_TYPE, min_size=0, max_size=1)),
        body=draw(BODIES[vendor]),
        encoding=draw(st.none() | st.none() | ENCODING),
        login_ok=draw(st.booleans()),
    )


# -- the vendors ------------------------------------------------------------------------


BODIES = {vendor.name: _bodies(vendor.name) for vendor in _vendors.vendors()}


@dataclass
class Vendor:
    name: str
    sync: Callable[..., Any]
    async_: Callable[..., Any]
    dialect: Callable[[], Dialect]
    operations: tuple[Operation, ...]
    resource: str
    get_id: Any
    create: dict[str, Any]

    def calls(self, client: Any) -> list[tuple[str, Callable[[], Any]]]:
        """A GET by id, the first page of a list and a POST create, without retries."""
        resource = getattr(client, self.resource)
        return [
            ("get", lambda: resource.get(self.get_id, max_retries=0)),
            ("list", lambda: resource.list(max_retries=0)),
            ("create", lambda: resource.create(**self.create, max_retries=0)),
        ]

    @property
    def op_names(self) -> tuple[str, ...]:
        return tuple(f"{self.resource}.{verb}" for verb in ("get", "list", "create"))


def _from_registry(entry: _vendors.Vendor) -> Vendor:
    sync, async_ = entry.client_classes()
    credentials = dict(entry.credentials)

    def dialect() -> Dialect:
        with sync(**credentials) as client:
            made: Dialect = client._dialect
        return made

    return Vendor(
        entry.name,
        lambda **kw: sync(**credentials, **kw),
        lambda **kw: async_(**credentials, **kw),
        dialect,
        entry.module().OPERATIONS,
        resource=entry.probe.resource,
        get_id=entry.probe.get_id,
        create=dict(entry.probe.create),
    )


VENDORS = {entry.name: _from_registry(entry) for entry in _vendors.vendors()}
# OmniCXM sends another credential (and so takes other branches) with a login.
VENDORS["omnicxm-login"] = replace(
    VENDORS["omnicxm"],
    sync=lambda **kw: OmniCXM(username="admin.C0001", password="p", **kw),
    async_=lambda **kw: AsyncOmniCXM(username="admin.C0001", password="p", **kw),
    dialect=lambda: OmniCXMDialect(login=True),
)
LOGIN_OK = {"status": True, "token": "tok", "userinfo": {"username": "admin.C0001"}}
NAMES = list(VENDORS)
MAX_REDIRECTS = 5  # what the core follows for a GET


@pytest.fixture(autouse=True)
def _quiet() -> Iterator[None]:
    # Odd answers are logged (unreadable headers, kept values); thousands need no log.
    logger = logging.getLogger("cxkit")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)


class Served:
    """A MockTransport handler serving whatever answer the example drew."""

    def __init__(self) -> None:
        self.answer: Answer | None = None
        self.requests = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        assert self.answer is not None
        if request.url.path.endswith("/login") and self.answer.login_ok:
            return httpx.Response(200, json=LOGIN_OK, request=request)
        self.requests += 1
        return self.answer.response(request)


# Seeds, deadlines and health checks come from the profile (tests/profiles.py).
SETTINGS = settings(max_examples=examples(fast=30, long=480))


def _only_cx_errors(call: Callable[..., Any], *args: Any) -> Any:
    """The call's result, ``None`` when it raised a ``CXError`` (anything else escapes)."""
    try:
        return call(*args)
    except CXError:
        return None


def declared_return(resource: Any, verb: str) -> Any:
    """The return annotation of ``resource.<verb>``, evaluated in its module (its
    parameter annotations name typing-only imports, so ``get_type_hints`` cannot)."""
    method = getattr(type(resource), verb)
    text = inspect.signature(method).return_annotation
    if not isinstance(text, str):
        return text
    return eval(text, vars(sys.modules[method.__module__]))


def fits(value: Any, ann: Any) -> bool:
    """Whether a call's result is of its declared return type."""
    origin = typing.get_origin(ann)
    if origin in (typing.Union, types.UnionType):
        return any(fits(value, option) for option in typing.get_args(ann))
    if ann is None or ann is type(None):
        return value is None
    if origin in (SyncPage, AsyncPager):
        (item,) = typing.get_args(ann)
        page_type = SyncPage if origin is SyncPage else AsyncPage
        return (
            isinstance(value, page_type)
            and all(isinstance(i, item) for i in value.items)
            and (value.total is None or type(value.total) is int)
        )
    return isinstance(value, origin or ann)


# -- through the client -------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_client_lets_only_cx_errors_out(name: str) -> None:
    vendor = VENDORS[name]

    @SETTINGS
    @given(answer=answers(vendor.name))
    def run(answer: Answer) -> None:
        # A client per example: whatever an answer leaves behind shows in that example.
        served = Served()
        served.answer = answer
        with vendor.sync(
            transport=httpx.MockTransport(served), clock=FakeClock(), max_retries=0
        ) as client:
            resource = getattr(client, vendor.resource)

            def once(call: Callable[[], Any]) -> Any:
                served.requests = 0
                try:
                    return call()
                except ClientClosedError as exc:
                    raise AssertionError(
                        f"an answer made an open client report closed: {exc}"
                    ) from exc
                except CXError:
                    return None
                finally:
                    # max_retries=0: one request, plus the safe redirects a GET may follow.
                    assert served.requests <= 1 + MAX_REDIRECTS

            for verb, call in vendor.calls(client):
                result = once(call)
                if result is None:
                    continue
                returns = declared_return(resource, verb)
                assert fits(result, returns), f"{verb} returned {result!r}"
                if verb == "list" and result.has_next_page():
                    following = once(result.get_next_page)
                    assert following is None or fits(following, returns)

    run()


@pytest.mark.parametrize("name", NAMES)
def test_async_client_lets_only_cx_errors_out(name: str) -> None:
    vendor = VENDORS[name]

    async def calls(answer: Answer) -> None:
        served = Served()
        served.answer = answer
        async with vendor.async_(
            transport=httpx.MockTransport(served), clock=FakeClock(), max_retries=0
        ) as client:
            resource = getattr(client, vendor.resource)
            for verb, call in vendor.calls(client):
                try:
                    result = call()
                    if inspect.isawaitable(result):
                        result = await result
                except ClientClosedError as exc:
                    raise AssertionError(
                        f"an answer made an open client report closed: {exc}"
                    ) from exc
                except CXError:
                    continue
                assert fits(result, declared_return(resource, verb)), f"{verb}: {result!r}"

    @settings(SETTINGS, max_examples=examples(fast=10, long=160))
    @given(answer=answers(vendor.name))
    def run(answer: Answer) -> None:
        asyncio.run(calls(answer))

    run()


# -- straight to the dialect ------------------------------------------------------------


def _operation(vendor: Vendor, name: str) -> Operation:
    return next(op for op in vendor.operations if op.name == name)


def _finite(value: Any) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


@pytest.mark.parametrize("name", NAMES)
def test_dialect_methods_raise_only_cx_errors(name: str) -> None:
    vendor = VENDORS[name]
    dialect = vendor.dialect()
    fixed = [_operation(vendor, n) for n in vendor.op_names]

    @settings(SETTINGS, max_examples=examples(fast=60, long=1200))
    @given(
        answer=answers(vendor.name),
        any_op=st.sampled_from(vendor.operations),
        fallback=JSON,
    )
    def run(answer: Answer, any_op: Operation, fallback: Any) -> None:
        # Each drawn answer is also tried under every status the vendors give a meaning
        # to: a body or header only breaks a dialect in the branch that reads it.
        for status in dict.fromkeys((answer.status, *BRANCH_STATUS)):
            for op in (*fixed, any_op, None):
                request = httpx.Request(op.method if op else "GET", "https://api.example.test/x")
                response = answer.response(request, encoded=False, status=status)
                response.read()
                check_dialect(dialect, op, response, fallback)

    run()


def check_dialect(
    dialect: Dialect, op: Operation | None, response: httpx.Response, other: Any
) -> None:
    """Each dialect method on one response: a result of its type, or a ``CXError``."""
    snapshot = _only_cx_errors(dialect.rate_limit, response.headers)
    if snapshot is not None:
        assert isinstance(snapshot, RateLimit)
        assert all(_finite(v) for v in snapshot)
        assert snapshot.retry_after is None or snapshot.retry_after >= 0

    if response.status_code >= 400:
        error = _only_cx_errors(dialect.error, response)
        assert error is None or isinstance(error, APIError)
        if error is not None:
            assert isinstance(error.message, str)
            assert isinstance(error.status_code, int)

    decoded = _only_cx_errors(dialect.decode, op, response)
    if op is not None:
        strategy = dialect.paging(op)
        values = strategy.first({})
        page = _only_cx_errors(strategy.parse, decoded if decoded is not None else other, values)
        if page is not None:
            assert isinstance(page.items, list)
            assert page.total is None or type(page.total) is int

    reauth = getattr(dialect, "needs_reauth", None)
    if callable(reauth):
        assert _only_cx_errors(reauth, response) in (True, False, None)


# Fixed answers every operation meets, whatever the random examples drew: each
# vendor's success shapes, failure envelopes in a 200, the statuses dialects branch
# on, odd rate-limit headers, unreadable and too deep bodies.
_MIXED = {
    "status": True,
    "status_code": 9999,
    "payload": {"items": [{"id": 1}], "total_items": 1, "has_next": True},
    "data": [{"id": 1}],
    "result": [{"id": 1}],
    "count": 1,
    "total": 1,
    "0": {"case": {"case_id": 1}},
    "total_count": 1,
}
FIXED_ANSWERS = (
    Answer(200, [], _dumps(_MIXED), None, True),
    Answer(200, [(b"X-RateLimit-Remaining", b"nan")], b"{}", None, True),
    Answer(200, [(b"Retry-After", b"1e400")], b"[]", None, True),
    Answer(200, [], b'{"status": false, "status_code": "-1", "error": [1]}', None, True),
    Answer(201, [], b'{"status": "maybe"}', None, True),
    Answer(202, [(b"Content-Type", b"text/plain; charset=rot13")], b"limited", None, True),
    Answer(304, [], b"", None, True),
    Answer(403, [(b"Content-Type", b"text/html")], b"<html>quota</html>", None, True),
    Answer(500, [], b'{"status": true, "data": [{"id": 1', None, True),
    Answer(404, [], b'{"errors": [' * 700 + b"]}" * 700, None, True),
)


@pytest.mark.parametrize("name", NAMES)
def test_every_operation_meets_the_fixed_answers(name: str) -> None:
    # The random examples above sample a few operations each; this walks them all.
    vendor = VENDORS[name]
    dialect = vendor.dialect()
    for op in vendor.operations:
        for answer in FIXED_ANSWERS:
            request = httpx.Request(op.method, "https://api.example.test/x")
            response = answer.response(request, encoded=False)
            response.read()
            check_dialect(dialect, op, response, {"items": [1]})


# -- what the fuzzing found, pinned ----------------------------------------------------


@pytest.mark.parametrize("name", [v.name for v in _vendors.vendors()])
def test_a_cookie_the_server_sets_never_breaks_later_calls(name: str) -> None:
    # Core: the client's pool keeps cookies; one that is not ASCII made every later
    # request fail with UnicodeEncodeError (not a CXError), from building the request.
    vendor = VENDORS[name]
    served = Served()
    served.answer = Answer(200, [(b"Set-Cookie", b"session=caf\xe9")], b"{}", None, True)
    with vendor.sync(transport=httpx.MockTransport(served), clock=FakeClock()) as client:
        for _ in range(2):
            for verb, call in vendor.calls(client):
                try:
                    call()
                except CXError:
                    pass  # "{}" is not every operation's answer; only the kind matters
                assert served.requests, verb


def _answer(status: int, body: bytes, *headers: tuple[bytes, bytes]) -> httpx.Response:
    response = httpx.Response(
        status, headers=list(headers), content=body, request=httpx.Request("GET", "https://x/")
    )
    response.read()
    return response


@pytest.mark.parametrize("charset", [b"rot13", b"base64", b"idna"])
def test_omnicxm_202_is_a_rate_limit_error_whatever_its_charset(charset: bytes) -> None:
    # OmniCXM dialect: a 202 ("API limited") body that is not JSON is decoded with the
    # response charset; a codec that is not a text encoding raised LookupError/UnicodeError.
    dialect = OmniCXMDialect(secret_key=True)
    op = _operation(VENDORS["omnicxm"], "tickets.get")
    response = _answer(202, b"limited \xff", (b"Content-Type", b"text/plain; charset=" + charset))
    with pytest.raises(RateLimitError):
        dialect.decode(op, response)


def test_omnicxm_needs_reauth_reads_a_too_deep_answer_as_no() -> None:
    # OmniCXM dialect: json.loads' RecursionError escaped needs_reauth (ValueError only).
    dialect = OmniCXMDialect(login=True)
    assert dialect.needs_reauth(_answer(200, TOO_DEEP)) is False


def test_a_too_deep_answer_to_a_login_client_is_unreadable_not_a_closed_client() -> None:
    # Core + OmniCXM: the RecursionError from needs_reauth (inside httpx's auth flow)
    # was caught by the core as RuntimeError and reported as ClientClosedError.
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/login"):
            return httpx.Response(200, json=LOGIN_OK)
        return httpx.Response(200, content=TOO_DEEP)

    vendor = VENDORS["omnicxm-login"]
    client = vendor.sync(transport=httpx.MockTransport(answer), clock=FakeClock())
    with client, pytest.raises(ResponseValidationError):
        client.tickets.get("t1", max_retries=0)


def test_omnidesk_too_deep_listing_is_a_response_validation_error() -> None:
    # Omnidesk dialect: _read_pairs/_plain recurse in Python; a deep answer to a
    # listing operation let RecursionError out of decode.
    dialect = OmnideskDialect()
    op = _operation(VENDORS["omnidesk"], "custom_fields.list")
    deep = b'{"0": {"custom_field": ' + b"[" * 900 + b"]" * 900 + b"}}"
    with pytest.raises(ResponseValidationError):
        dialect.decode(op, _answer(200, deep))
