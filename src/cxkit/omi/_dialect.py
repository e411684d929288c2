"""OMI (OMICall / OmiCRM) wire shapes: the ``status_code``/``payload`` envelope and paged payloads.

Every answer is an envelope::

    {"status_code": 9999, "instance_id": "stg", "instance_version": "1.2.163",
     "payload": ..., "key_enabled": false}

``9999`` is the only success code the docs show. Some answers carry
``instance_name`` instead of ``instance_version``, or no ``key_enabled``; only
``status_code`` and ``payload`` are read. Any other ``status_code`` is a failure,
even with HTTP 200. The docs list no failure codes, so the SDK maps them like
this (see docs/omi.md):

* a code between 400 and 599 is read as the HTTP status it looks like
  (``404`` -> :class:`~cxkit.NotFoundError`, ``401`` -> ``AuthenticationError``...);
* any other code (``-1``, ``1001``, ``"ERR"``...) -> :class:`~cxkit.BadRequestError`.

The vendor code is kept as ``error.code`` and its message as ``error.message``.

Lists are paged payloads ``{"items", "page_number", "page_size", "total_items",
"total_pages", "has_next", "next_page", ...}`` asked for with ``page``/``size``
query parameters; ``has_next`` decides whether another page follows
(``next_page`` is ``1`` on the last page in the docs, so it is ignored).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import httpx

from .._core import (
    Answer,
    APIError,
    Dialect,
    Operation,
    PageData,
    PageNumberPaging,
    PageStrategy,
    as_int,
    field_of,
    page_object,
)

__all__ = ["MAX_PAGE_SIZE", "SUCCESS", "OmiDialect", "OmiPaging", "status_for_code"]

SUCCESS = 9999
_SUCCEEDED = (("status_code", Literal[9999, "9999"]),)
"""The envelope's success code, as a one-pass decode requires it (else ``decode`` reads)."""
"""The envelope ``status_code`` of a successful call."""

_MESSAGE_KEYS = ("message", "msg", "error_message", "error", "description", "detail")


def status_for_code(code: Any) -> int:
    """The HTTP-like status an envelope failure code maps to (400 when it looks like none)."""
    number = as_int(code)
    if number is not None and 400 <= number <= 599:
        return number
    return 400


def _items(data: Any) -> list[Any]:
    if isinstance(data, Mapping):
        items = data.get("items")
        return list(items) if isinstance(items, list) else []
    return list(data) if isinstance(data, list) else []


@dataclass(frozen=True)
class OmiPaging(PageNumberPaging):
    """``page``/``size`` paging that trusts ``has_next`` and stops when the server
    answers another page than the one asked for (a server that ignores ``page``
    would otherwise be read forever)."""

    def parse(self, data: Any, values: Mapping[str, Any]) -> PageData:
        """Read one page; no next page when ``page_number`` is not the page asked for."""
        page = super().parse(data, values)
        served = as_int(data.get("page_number")) if isinstance(data, Mapping) else None
        asked = as_int(values.get(self.page_key)) or self.first_page
        if page.next_values is not None and served is not None and served != asked:
            return PageData(items=page.items, total=page.total, next_values=None)
        return page


_PAGE_KEYS = ("page_number", "total_items", "total_pages", "has_next")
"""What ``PAGING`` reads in a paged payload besides ``items``."""

MAX_PAGE_SIZE = 200
"""The largest ``size`` the SDK sends. The docs give only the default (50), no maximum;
a far larger page would be slow to build and to parse, so the SDK refuses more."""

PAGING = OmiPaging(
    page_key="page",
    size_key="size",
    max_size=MAX_PAGE_SIZE,
    items=_items,
    total=field_of("total_items"),
    total_pages=field_of("total_pages"),
    has_next=field_of("has_next"),
)


def _listing(payload: Any) -> Any:
    """A list answer as a list: a plain array, a paged payload's ``items``, or the one
    list an object holds."""
    if isinstance(payload, list) or payload is None:
        return payload or []
    if isinstance(payload, Mapping):
        if isinstance(payload.get("items"), list):
            return payload["items"]
        lists = [v for v in payload.values() if isinstance(v, list)]
        if len(lists) == 1:
            return lists[0]
    return payload


def _page(item: Any) -> Any:
    """A paged payload's type: ``items`` typed, the keys ``PAGING`` reads kept."""
    return page_object(item, "items", kept=_PAGE_KEYS)


class OmiDialect(Dialect):
    """How OMI differs from the generic dialect.

    The core options read here: ``unwrap="file"`` (the payload wraps the object in
    that key, ``{"file": {...}}``) and ``listing=True`` (an unpaged list answer: a
    plain array, or the one list in an object).
    """

    vendor = "omi"

    def decode(self, op: Operation | None, response: httpx.Response) -> Any:
        """The envelope's ``payload``; a ``status_code`` other than 9999 raises."""
        data = self.read_json(response)
        if not isinstance(data, Mapping) or not ("status_code" in data or "payload" in data):
            return data
        if "status_code" in data and as_int(data.get("status_code")) != SUCCESS:
            raise self.envelope_failure(data, response)
        payload = data.get("payload")
        if op is None:
            return payload
        payload = self.unwrap(op, payload)
        if op.listing:
            payload = _listing(payload)
        return payload

    def envelope(self, op: Operation) -> Answer | None:
        """``{"status_code": 9999, "payload": ...}``, the object under the operation's key
        in the payload; a list answer rebuilt as :meth:`decode` does."""
        key = op.unwrap or op.wrap
        path = ("payload", key) if key else ("payload",)
        return Answer(path, _SUCCEEDED, adapt=_listing if op.listing else None)

    def page_envelope(self, op: Operation) -> Callable[[Any], Any] | None:
        """A paged payload: ``items`` and what the page strategy reads beside them."""
        return _page

    def envelope_failure(self, data: Mapping[str, Any], response: httpx.Response) -> APIError:
        """The typed error for an envelope whose ``status_code`` is not 9999."""
        code, message = self.error_details(data)
        raw = data.get("status_code")
        if code is None and isinstance(raw, (str, int)) and not isinstance(raw, bool):
            code = raw
        return self.envelope_error(
            data,
            response,
            status=status_for_code(code),
            code=code,
            message=message or f"OMI status_code {raw!r}",
        )

    def error_details(self, body: Any) -> tuple[str | int | None, str]:
        """The envelope's ``status_code`` (unless 9999) and its message, if it has one.

        OMI documents no error body; ``message``/``msg``/``error``... at the top
        level or inside ``payload``, or a text ``payload``, are read as the message.
        """
        if not isinstance(body, Mapping):
            return super().error_details(body)
        raw = body.get("status_code")
        code: str | int | None = None
        if isinstance(raw, (str, int)) and not isinstance(raw, bool) and as_int(raw) != SUCCESS:
            code = as_int(raw) if as_int(raw) is not None else raw
        message = ""
        payload = body.get("payload")
        for source in (body, payload):
            if not isinstance(source, Mapping):
                continue
            for key in _MESSAGE_KEYS:
                value = source.get(key)
                if isinstance(value, str) and value.strip():
                    message = value.strip()
                    break
                if isinstance(value, Mapping):
                    message = self.error_details(value)[1]
                    if message:
                        break
            if message:
                break
        if not message and isinstance(payload, str) and payload.strip():
            message = payload.strip()
        if not message and isinstance(body.get("errors"), list):
            message = super().error_details({"errors": body["errors"]})[1]
        return code, message

    def paging(self, op: Operation) -> PageStrategy:
        """``page``/``size`` in the query; ``has_next`` says whether more follow."""
        return PAGING
