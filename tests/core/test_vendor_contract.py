"""The vendor contract in code: the dialect's must/may, typed operation options."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from cxkit._core import (
    CREDENTIAL,
    Call,
    Dialect,
    Hints,
    Operation,
    PageNumberPaging,
    PageStrategy,
    operation,
)


class Plain(Dialect):
    vendor = "plain"

    def decode(self, op: Operation | None, response: httpx.Response) -> Any:
        return super().decode(op, response)

    def paging(self, op: Operation) -> PageStrategy:
        return PageNumberPaging()


@dataclass(frozen=True)
class PlainHints(Hints):
    key: str = "items"


def test_a_dialect_must_name_its_vendor() -> None:
    with pytest.raises(TypeError, match="must set vendor"):

        class Nameless(Dialect):
            def decode(self, op: Operation | None, response: httpx.Response) -> Any:
                return None

            def paging(self, op: Operation) -> PageStrategy:
                return PageNumberPaging()


def test_a_dialect_must_implement_decode_and_paging() -> None:
    class Half(Dialect):
        vendor = "half"

        def decode(self, op: Operation | None, response: httpx.Response) -> Any:
            return None

    with pytest.raises(TypeError, match="paging"):
        Half()  # type: ignore[abstract]
    assert Plain().vendor == "plain"


def test_operation_options_are_typed_fields() -> None:
    with pytest.raises(TypeError):
        operation("GET", "/x", unwarp="data")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="Hints"):
        operation("GET", "/x", hints={"key": "orders"})  # type: ignore[arg-type]

    @operation("POST", "/orders", wrap="order", auth="token", hints=PlainHints(key="orders"))
    def create(name: str) -> None:
        """Create an order."""

    op: Operation = create.__cx_operation__  # type: ignore[attr-defined]
    assert (op.wrap, op.auth, op.summary) == ("order", "token", "Create an order.")
    assert op.hints_as(PlainHints).key == "orders"
    assert Operation("GET", "/y").hints_as(PlainHints) == PlainHints()  # defaults
    parts = Plain().encode(Call(op, body={"name": "n"}))
    assert parts.json == {"order": {"name": "n"}}
    assert parts.extensions[CREDENTIAL] == "token"


def test_unwrap_takes_the_object_under_unwrap_else_wrap() -> None:
    dialect = Plain()
    wrapped = Operation("GET", "/c", wrap="case")
    other = Operation("GET", "/c", wrap="case", unwrap="data")
    assert dialect.unwrap(wrapped, {"case": {"id": 1}}) == {"id": 1}
    assert dialect.unwrap(other, {"data": {"id": 2}, "case": {}}) == {"id": 2}
    assert dialect.unwrap(wrapped, {"case": "text"}) == {"case": "text"}  # not an object
    assert dialect.unwrap(None, {"case": {"id": 1}}) == {"case": {"id": 1}}


def test_required_text_is_checked_once_by_the_decorator() -> None:
    @operation("GET", "/x")
    def find(name: str, *, code: str, note: str | None = None) -> str:
        """Find."""
        return name + code

    with pytest.raises(TypeError, match="name is required"):
        find(None, code="c")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="code must not be empty"):
        find("n", code="  ")
    assert find("n", code="c") == "nc"
