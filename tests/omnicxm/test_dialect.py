"""The OmniCXM dialect without a client: envelope, error mapping, forms, paging, re-login hook."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import httpx
import pytest

from cxkit import BadRequestError, ConfigurationError, RateLimitError
from cxkit._core.encoding import form_pairs
from cxkit._core.registry import Operation
from cxkit.omnicxm import NotCompletedError, OmniCXMDialect
from cxkit.omnicxm._dialect import (
    OmniCXMHints,
    OmniCXMPaging,
    envelope_flag,
    envelope_message,
    is_token_problem,
    page_count,
    status_for_envelope,
)

DIALECT = OmniCXMDialect(login=True, secret_key=False)
OP = Operation("GET", "/x", name="x")


def answer(status: int = 200, body: Any = None, **kwargs: Any) -> httpx.Response:
    request = httpx.Request("GET", "https://cxm.example.vn/x")
    if body is None:
        return httpx.Response(status, request=request, **kwargs)
    return httpx.Response(status, json=body, request=request, **kwargs)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Token is expired", True),
        ("token expired", True),
        ("Invalid token", True),
        ("X-API-KEY is invalid", True),
        ("Token không hợp lệ", True),
        ("Phiên đăng nhập đã hết hạn", True),
        ("Unauthorized", True),
        ("Please login", True),
        ("Password must be at least 8 characters", False),
        ("Ticket not found", False),
        ("Dữ liệu không hợp lệ", False),
        ("", False),
    ],
)
def test_token_problems(message: str, expected: bool) -> None:
    assert is_token_problem(message) is expected


@pytest.mark.parametrize(
    ("code", "message", "status"),
    [
        (None, "Token is expired", 401),
        (None, "API limited", 429),
        (None, "Permission denied", 403),
        (None, "Bạn không có quyền", 403),
        (None, "Ticket not found", 404),
        (None, "Không tìm thấy", 404),
        (None, "Data invalid", 400),
        (409, "whatever", 409),
        ("503", "whatever", 503),
        (7, "Data invalid", 400),
        (True, "Data invalid", 400),
    ],
)
def test_status_for_envelope(code: Any, message: str, status: int) -> None:
    assert status_for_envelope(code, message) == status


def test_flags_and_messages() -> None:
    assert envelope_flag({"status": True}) is True
    assert envelope_flag({"status": "false"}) is False
    assert envelope_flag({"stt": 0, "msg": "x"}) is False
    assert envelope_flag({"data": []}) is None
    assert envelope_flag({"status": {"nested": 1}}) is None
    assert envelope_message({"status": False, "msg": " oops "}) == "oops"
    assert envelope_message({"error": {"field": "required"}}) == "required"
    assert envelope_message({"errors": ["a", "b"]}) == "a; b"
    assert page_count({"totalpage": "4"}) == 4 and page_count({}) is None


def test_decode_unwraps_and_strips_the_flag() -> None:
    data = Operation("GET", "/x", unwrap="data")
    assert DIALECT.decode(data, answer(body={"status": True, "data": [1]})) == [1]
    assert DIALECT.decode(OP, answer(body={"stt": True, "msg": "ok"})) == {"msg": "ok"}
    raw = Operation("POST", "/x", hints=OmniCXMHints(raw_text=True))
    assert DIALECT.decode(raw, answer(content=b"curl --location x")) == "curl --location x"


def test_decode_failures() -> None:
    with pytest.raises(BadRequestError, match="nope"):
        DIALECT.decode(OP, answer(body={"status": False, "error": "nope"}))
    with pytest.raises(RateLimitError) as limited:
        DIALECT.decode(OP, answer(202, content=b"<html>API limited</html>"))
    assert limited.value.status_code == 429 and "API limited" in limited.value.message
    with pytest.raises(NotCompletedError):
        DIALECT.decode(OP, answer(201, body={"status": False, "error": "pending"}))
    login = Operation("GET", "/login", auth="login")
    with pytest.raises(Exception) as refused:
        DIALECT.decode(login, answer(body={"status": False, "error": "Wrong username"}))
    assert getattr(refused.value, "status_code", None) == 401


def test_error_for_http_statuses() -> None:
    error = DIALECT.error(answer(405, body={"status": False, "error": "Method not allowed"}))
    assert isinstance(error, BadRequestError) and error.status_code == 405
    assert error.message == "Method not allowed"


def test_needs_reauth() -> None:
    assert DIALECT.needs_reauth(answer(body={"status": False, "error": "Token is expired"}))
    assert DIALECT.needs_reauth(answer(body={"stt": False, "msg": "x", "code": 401}))
    assert not DIALECT.needs_reauth(answer(body={"status": False, "error": "Data invalid"}))
    assert not DIALECT.needs_reauth(answer(body={"status": True, "token": "expired"}))
    assert not DIALECT.needs_reauth(answer(401, body={"status": False, "error": "Token"}))
    assert not DIALECT.needs_reauth(answer(content=b"not json"))


def test_form_pairs() -> None:
    moment = datetime(2022, 10, 30, 19, 25, 24, tzinfo=timezone.utc)
    body = {
        "basicinfo": {"subject": "S", "ccs": ["a", "b"], "duedate": moment, "flag": True},
        "address": [{"city": "HN"}],
        "skip": None,
    }
    assert form_pairs(body) == [
        ("basicinfo[subject]", "S"),
        ("basicinfo[ccs][]", "a"),
        ("basicinfo[ccs][]", "b"),
        ("basicinfo[duedate]", "1667157924"),
        ("basicinfo[flag]", "true"),
        ("address[0][city]", "HN"),
    ]


def test_credentials_are_checked_per_operation() -> None:
    keyed = OmniCXMDialect(login=False, secret_key=True)
    token_op = Operation("GET", "/x", name="a.b", auth="token")
    key_op = Operation("GET", "/x", name="c.d", auth="secret_key")
    assert keyed.credential_for(OP) == "secret_key"
    assert DIALECT.credential_for(OP) == "token"
    with pytest.raises(ConfigurationError, match=r"a\.b needs a login"):
        keyed.credential_for(token_op)
    with pytest.raises(ConfigurationError, match=r"c\.d needs the account's secret key"):
        DIALECT.credential_for(key_op)


@pytest.mark.parametrize(
    ("data", "values", "next_values"),
    [
        ({"total": 5, "data": [1, 2]}, {"take": 2}, {"take": 2, "page": 2}),
        ({"total": 4, "data": [3, 4]}, {"take": 2, "page": 2}, None),
        ({"totalPages": 3, "data": [1]}, {"page": 2}, {"page": 3}),
        ({"totalPage": 3, "data": [1]}, {"page": 3}, None),
        ({"total": 3, "data": [1, 2]}, {}, {"take": 2, "page": 2}),
        ({"data": [1, 2]}, {"take": 2}, {"take": 2, "page": 2}),
        ({"data": [1]}, {"take": 2}, None),
        ({"data": [1, 2]}, {}, None),
        ({"total": 99, "totalpage": 50, "data": []}, {"take": 2}, None),
    ],
)
def test_paging(data: dict[str, Any], values: dict[str, Any], next_values: Any) -> None:
    assert OmniCXMPaging().parse(data, values).next_values == next_values


def test_paging_first_request_adds_nothing_and_checks_take() -> None:
    paging = OmniCXMPaging()
    assert paging.first({}) == {}
    assert paging.first({"take": 100, "q": "x"}) == {"take": 100, "q": "x"}
    with pytest.raises(ValueError, match="between 1 and 100"):
        paging.first({"take": 101})
    with pytest.raises(ValueError):
        paging.first({"page": 0})
