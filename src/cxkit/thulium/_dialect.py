"""Thulium wire shapes: errors with a request id, 201/204/207 answers, offset paging.

* Errors are ``{"request_id": "53678450401cf", "errors": [{"message", "code"}, ...]}``;
  the typed error carries ``request_id``, the first error's ``code`` and message,
  and every error in ``error.errors`` (:class:`~cxkit.ErrorDetail`).
* ``201`` answers carry the created ids (or nothing), ``204`` nothing (``None``).
* ``207`` multi-status answers of the batch endpoints are read item by item into a
  :class:`~cxkit.thulium.BatchResult` (operations marked ``batch="index"`` or
  ``batch="id"``: what the answer's keys are).
* Lists take ``limit``/``offset``: a bare JSON array (the last page is a short one),
  or ``{"count": N, "result": [...]}`` (chats, CRM campaign records; operations
  marked ``counted=True``), where ``count`` is the total.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import httpx

from .._core import (
    Answer,
    Dialect,
    Hints,
    OffsetPaging,
    Operation,
    PageStrategy,
    field_of,
    list_of,
    page_object,
)

__all__ = ["DEFAULT_LIMIT", "ThuliumDialect", "ThuliumHints", "thulium_paging"]

DEFAULT_LIMIT = 100
"""The page size the API uses when no ``limit`` is sent."""


def thulium_paging(**fields: Any) -> OffsetPaging:
    """``limit``/``offset`` that sends only what the caller chose on the first request
    (the seed's examples carry no ``offset``, often no ``limit``); a page is full at the
    caller's ``limit``, else at the server's default of 100."""
    return OffsetPaging(send_first=False, server_limit=DEFAULT_LIMIT, **fields)


def _array(data: Any) -> list[Any]:
    return list(data) if isinstance(data, list) else []


def _result(data: Any) -> list[Any]:
    if isinstance(data, Mapping):
        result = data.get("result")
        return list(result) if isinstance(result, list) else []
    return list(data) if isinstance(data, list) else []


@dataclass(frozen=True)
class ThuliumHints(Hints):
    """Thulium's own operation hints (``@operation(..., hints=ThuliumHints(...))``)."""

    max_limit: int | None = None
    """The largest ``limit`` the endpoint takes (checked before sending)."""
    counted: bool = False
    """List answers are ``{"count": N, "result": [...]}``."""
    batch: Literal["index", "id"] | None = None
    """A multi-status answer keyed by item index or by id."""


class ThuliumDialect(Dialect):
    """How Thulium differs from the generic dialect (see :class:`ThuliumHints`)."""

    vendor = "thulium"

    def decode(self, op: Operation | None, response: httpx.Response) -> Any:
        """The JSON answer (``None`` when empty, as for 204); batch answers item by item."""
        data = self.read_json(response)
        batch = None if op is None else op.hints_as(ThuliumHints).batch
        if batch and data is not None:
            from .types.common import batch_items  # models load with a batch answer

            return {"items": batch_items(data, batch)}
        return data

    def envelope(self, op: Operation) -> Answer | None:
        """Answers are the bare JSON object (batch answers are read item by item)."""
        return None if op.hints_as(ThuliumHints).batch else Answer()

    def page_envelope(self, op: Operation) -> Callable[[Any], Any] | None:
        """A bare array of items, or ``{"count", "result": [items]}`` for counted lists."""
        if op.hints_as(ThuliumHints).counted:
            return lambda item: page_object(item, "result", required=("count",))
        return list_of

    def error_details(self, body: Any) -> tuple[str | int | None, str]:
        """The first error's code and message (all of them are kept in ``errors``)."""
        errors = self.error_list(body)
        if errors:
            return errors[0].code, errors[0].message
        return super().error_details(body)

    def paging(self, op: Operation) -> PageStrategy:
        """``limit``/``offset`` in the query, capped at the endpoint's documented maximum."""
        hints = op.hints_as(ThuliumHints)
        counted = hints.counted
        return thulium_paging(
            max_limit=hints.max_limit,
            items=_result if counted else _array,
            total=field_of("count") if counted else None,
        )
