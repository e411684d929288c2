"""Template wire shapes: the ``ok``/``data`` envelope and ``items``/``total`` pages.

* Every answer is ``{"ok": true, "data": ...}``; ``{"ok": false, "code": 404,
  "error": "no such item"}`` is a failure even with HTTP 200, mapped by ``code``
  like an HTTP status (400 when it is none).
* Errors with an HTTP status carry the same body; the generic dialect reads its
  ``error`` and ``code``.
* Lists are ``{"items": [...], "total": N}`` pages asked for with ``page``/``limit``
  (1..100, default 100).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from .._core import Dialect, Operation, PageNumberPaging, PageStrategy, as_int, field_of

__all__ = ["MAX_LIMIT", "TemplateDialect"]

MAX_LIMIT = 100
"""The largest page the API serves."""


def _items(data: Any) -> list[Any]:
    items = data.get("items") if isinstance(data, Mapping) else None
    return list(items) if isinstance(items, list) else []


PAGING = PageNumberPaging(
    page_key="page",
    size_key="limit",
    default_size=MAX_LIMIT,
    max_size=MAX_LIMIT,
    items=_items,
    total=field_of("total"),
)


class TemplateDialect(Dialect):
    """How the Template API differs from the generic dialect: its envelope and pages."""

    vendor = "template"

    def decode(self, op: Operation | None, response: httpx.Response) -> Any:
        """The envelope's ``data``; ``"ok": false`` raises the error its ``code`` says."""
        data = self.read_json(response)
        if not isinstance(data, Mapping) or "ok" not in data:
            return data
        if data.get("ok") is not True:
            code = as_int(data.get("code"))
            status = code if code is not None and 400 <= code <= 599 else 400
            raise self.envelope_error(data, response, status=status)
        return self.unwrap(op, data.get("data"))

    def paging(self, op: Operation) -> PageStrategy:
        """``page``/``limit`` in the query over ``{"items", "total"}`` pages."""
        return PAGING
