"""The Omnidesk dialect on its own: list shapes, query encoding, errors, rate limits."""

from __future__ import annotations

import httpx
import pytest

from cxkit._core import Call, Operation, RateLimit
from cxkit._core.errors import (
    BadRequestError,
    PermissionDeniedError,
    RateLimitError,
)
from cxkit.omnidesk import OmnideskDialect
from cxkit.omnidesk._dialect import list_items, list_total


def test_list_items_numeric_order_and_unwrapping() -> None:
    data = {
        "10": {"case": {"case_id": 10}},
        "2": {"case": {"case_id": 2}},
        "0": {"case": {"case_id": 0}},
        "total_count": "17",
    }
    assert [c["case_id"] for c in list_items(data, "case")] == [0, 2, 10]
    assert list_total(data) == 17


def test_list_items_unwrapped_entries_and_missing_total() -> None:
    data = {"0": {"case_id": 1, "subject": "x"}, "1": {"case_id": 2, "subject": "y"}}
    assert list_items(data, "case") == [data["0"], data["1"]]
    assert list_total(data) is None
    assert list_items([{"case": {"case_id": 3}}], "case") == [{"case_id": 3}]
    assert list_items({"total_count": 0}, "case") == []
    assert list_items(None, "case") == []


def test_query_encoding_php_arrays() -> None:
    query = {
        "status": ["open", "closed"],
        "custom_fields": {"cf_25": ["a", "b"], "cf_30": "x"},
        "show_merged_cases": True,
        "page": 2,
        "skip": None,
    }
    pairs = OmnideskDialect().encode(Call(Operation("GET", "/cases.json"), params=query)).params
    assert pairs == [
        ("status[]", "open"),
        ("status[]", "closed"),
        ("custom_fields[cf_25][]", "a"),
        ("custom_fields[cf_25][]", "b"),
        ("custom_fields[cf_30]", "x"),
        ("show_merged_cases", "true"),
        ("page", 2),
    ]


@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        ({"error": "Case not found"}, None, "Case not found"),
        ({"message": "Wrong data"}, None, "Wrong data"),
        (
            {"error": "wrong_data", "description": "subject is empty"},
            "wrong_data",
            "subject is empty",
        ),
        ({"error": {"message": "nested"}}, None, "nested"),
        ("plain text", None, "plain text"),
        (None, None, ""),
    ],
)
def test_error_details(body: object, code: object, message: str) -> None:
    assert OmnideskDialect().error_details(body) == (code, message)


def _response(status: int, **kwargs: object) -> httpx.Response:
    request = httpx.Request("GET", "https://acme.omnidesk.ru/api/cases.json")
    return httpx.Response(status, request=request, **kwargs)  # type: ignore[arg-type]


def test_error_plain_text_body() -> None:
    err = OmnideskDialect().error(_response(400, text="<h1>Bad things</h1>"))
    assert isinstance(err, BadRequestError)
    assert err.message == "Bad things"


@pytest.mark.parametrize(
    "body",
    [
        {"error": "API limit exceeded"},
        {"message": "Превышен лимит запросов"},
        "Too many requests",
        {"error": "You have exceeded the request limit"},
    ],
)
def test_403_quota_answer_is_rate_limit(body: object) -> None:
    kwargs = {"text": body} if isinstance(body, str) else {"json": body}
    err = OmnideskDialect().error(_response(403, **kwargs))
    assert isinstance(err, RateLimitError)
    assert err.status_code == 429 and err.http_status == 403


def test_403_with_no_calls_left_but_another_reason_stays_permission_denied() -> None:
    err = OmnideskDialect().error(
        _response(403, json={"error": "forbidden"}, headers={"api_calls_left": "0"})
    )
    assert type(err) is PermissionDeniedError


@pytest.mark.parametrize(
    "body",
    [
        {"error": "Label limit: at most 100 labels"},
        {"error": "limit must be between 1 and 100"},
        {"message": "Лимит меток достигнут в группе"},
        "rate limit",
    ],
)
def test_403_that_only_mentions_a_limit_stays_permission_denied(body: object) -> None:
    kwargs = {"text": body} if isinstance(body, str) else {"json": body}
    err = OmnideskDialect().error(_response(403, **kwargs))
    assert type(err) is PermissionDeniedError


def test_other_403_stays_permission_denied() -> None:
    err = OmnideskDialect().error(_response(403, json={"error": "access denied"}))
    assert type(err) is PermissionDeniedError


def test_rate_limit_header() -> None:
    dialect = OmnideskDialect()
    assert dialect.rate_limit(httpx.Headers({"api_calls_left": "42"})) == RateLimit(remaining=42)
    both = dialect.rate_limit(httpx.Headers({"api_calls_left": "7", "Retry-After": "30"}))
    assert both is not None and both.remaining == 7 and both.retry_after == 30.0
    assert dialect.rate_limit(httpx.Headers({"api_calls_left": "n/a"})) is None
    assert dialect.rate_limit(httpx.Headers({})) is None
