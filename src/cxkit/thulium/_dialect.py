"""Thulium wire shapes: errors with a request id, 201/204/207 answers, offset paging.

* Errors are ``{"request_id": "53678450401cf", "errors": [{"message", "code"}, ...]}``;
  the typed error carries ``request_id``, the first error's ``code`` and message,
  and every error in ``error.errors`` (:class:`~cxkit.thulium.types.common.ErrorDetail`).
* ``201`` answers carry the created ids (or nothing), ``204`` nothing (``None``).
* ``207`` multi-status answers of the batch endpoints are read item by item into a
  :class:`~cxkit.thulium.BatchResult` (operations marked ``batch="index"`` or
  ``batch="id"``: what the answer's keys are).
* Lists take ``limit``/``offset``: a bare JSON array (the last page is a short one),
  or ``{"count": N, "result": [...]}`` (chats, CRM campaign records; operations
  marked ``counted=True``), where ``count`` is the total.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from .._core import Dialect, OffsetPaging, PageData
from .._core.errors import APIError
from .._core.paging import PageStrategy, field_of
from .._core.registry import Operation
from .types.common import ErrorDetail, batch_items

__all__ = ["DEFAULT_LIMIT", "ThuliumDialect", "ThuliumPaging", "error_list"]

DEFAULT_LIMIT = 100
"""The page size the API uses when no ``limit`` is sent."""


def error_list(body: Any) -> list[ErrorDetail]:
    """Every error of an error answer, in order."""
    if not isinstance(body, Mapping):
        return []
    errors = body.get("errors")
    if isinstance(errors, Mapping):
        errors = [errors]
    if not isinstance(errors, list):
        return []
    out: list[ErrorDetail] = []
    for entry in errors:
        if isinstance(entry, Mapping):
            message = entry.get("message")
            code = entry.get("code")
            out.append(
                ErrorDetail(
                    " ".join(str(message).split()) if message is not None else "",
                    code if isinstance(code, (int, str)) and not isinstance(code, bool) else None,
                )
            )
        elif entry is not None:
            out.append(ErrorDetail(str(entry)))
    return out


# core-candidate: OffsetPaging that adds nothing to the first request and knows the
# server's default page size (a vendor whose examples send no offset needs it).
@dataclass(frozen=True)
class ThuliumPaging(OffsetPaging):
    """``limit``/``offset`` that sends only what the caller chose on the first request.

    The seed's example requests carry no ``offset`` (and often no ``limit``), so the
    first page asks for nothing more; a page is full at the caller's ``limit``, else
    at the server's default of 100.
    """

    server_limit: int = DEFAULT_LIMIT

    def first(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Paging values for the first request: the caller's, checked, nothing added."""
        out = dict(values)
        self.check(out)
        return out

    def parse(self, data: Any, values: Mapping[str, Any]) -> PageData:
        """Read one page; without a ``limit`` the server's default decides a full page."""
        if values.get(self.limit_key) is None:
            page = super().parse(data, {**values, self.limit_key: self.server_limit})
            if page.next_values is not None:
                page = PageData(
                    items=page.items,
                    total=page.total,
                    next_values={k: v for k, v in page.next_values.items() if k != self.limit_key},
                )
            return page
        return super().parse(data, values)


def _array(data: Any) -> list[Any]:
    return list(data) if isinstance(data, list) else []


def _result(data: Any) -> list[Any]:
    if isinstance(data, Mapping):
        result = data.get("result")
        return list(result) if isinstance(result, list) else []
    return list(data) if isinstance(data, list) else []


class ThuliumDialect(Dialect):
    """How Thulium differs from the generic dialect.

    Operation hints read here (``@operation(..., **options)``):

    * ``max_limit=100``: the largest ``limit`` the endpoint takes (checked before sending);
    * ``counted=True``: list answers are ``{"count": N, "result": [...]}``;
    * ``batch="index"`` / ``batch="id"``: a multi-status answer keyed by item index / id.
    """

    vendor = "thulium"

    def decode(self, op: Operation | None, response: httpx.Response) -> Any:
        """The JSON answer (``None`` when empty, as for 204); batch answers item by item."""
        data = self.read_json(response)
        if op is not None and op.options.get("batch") and data is not None:
            return {"items": batch_items(data, str(op.options["batch"]))}
        return data

    def error(self, response: httpx.Response) -> APIError:
        """The typed error, with every error of the answer in ``error.errors``."""
        err = super().error(response)
        # core-candidate: a typed ``errors`` list on APIError for vendors that send several.
        err.errors = error_list(err.body)  # type: ignore[attr-defined]
        return err

    def error_details(self, body: Any) -> tuple[str | int | None, str]:
        """The first error's code and message (all of them are kept in ``errors``)."""
        errors = error_list(body)
        if errors:
            return errors[0].code, errors[0].message
        return super().error_details(body)

    def paging(self, op: Operation) -> PageStrategy:
        """``limit``/``offset`` in the query, capped at the endpoint's documented maximum."""
        counted = bool(op.options.get("counted"))
        return ThuliumPaging(
            max_limit=op.options.get("max_limit"),
            items=_result if counted else _array,
            total=field_of("count") if counted else None,
        )
