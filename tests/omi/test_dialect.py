"""The OMI envelope, its error mapping and paging, without a client."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cxkit._core.errors import BadRequestError, NotFoundError
from cxkit._core.registry import Operation
from cxkit.omi._dialect import OmiDialect, status_for_code

DIALECT = OmiDialect()


@pytest.mark.parametrize(
    ("code", "status"),
    [
        (400, 400),
        (404, 404),
        ("503", 503),
        (599, 599),
        (600, 400),
        (399, 400),
        (-1, 400),
        (0, 400),
        (1, 400),
        ("E42", 400),
        (None, 400),
        (True, 400),
    ],
)
def test_status_for_code(code: Any, status: int) -> None:
    assert status_for_code(code) == status


def test_decode_returns_payload_and_unwraps() -> None:
    op = Operation("POST", "/x", unwrap="file")
    response = httpx.Response(200, json={"status_code": 9999, "payload": {"file": {"_id": "1"}}})
    assert DIALECT.decode(op, response) == {"_id": "1"}
    assert DIALECT.decode(None, httpx.Response(200, json={"payload": [1]})) == [1]
    assert DIALECT.decode(None, httpx.Response(200, json=[1, 2])) == [1, 2]
    assert DIALECT.decode(None, httpx.Response(200, content=b"")) is None


def test_decode_raises_on_failure_code() -> None:
    response = httpx.Response(
        200, json={"status_code": 404, "message": "not found", "payload": None}
    )
    with pytest.raises(NotFoundError) as info:
        DIALECT.decode(None, response)
    assert info.value.code == 404 and info.value.message == "not found"
    with pytest.raises(BadRequestError):
        DIALECT.decode(None, httpx.Response(200, json={"status_code": None, "payload": 1}))


def test_paging_reads_the_payload() -> None:
    strategy = DIALECT.paging(Operation("GET", "/x", paged=True))
    values = strategy.first({"size": 2})
    assert values == {"page": 1, "size": 2}
    page = strategy.parse(
        {"items": [1, 2], "page_number": 1, "total_items": 5, "has_next": True, "next_page": 2},
        values,
    )
    assert page.items == [1, 2] and page.total == 5 and page.next_values == {"page": 2, "size": 2}
    last = strategy.parse(
        {"items": [5], "page_number": 3, "has_next": False, "next_page": 1}, {"page": 3}
    )
    assert last.next_values is None
