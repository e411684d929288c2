"""Omnidesk wire shapes: wrapped bodies, numeric-key lists, ``api_calls_left``.

* Request bodies are wrapped in the entity name (``{"case": {...}}``); with files
  they become ``multipart/form-data`` with bracket names (``case[subject]``,
  ``case[attachments][0]``).
* Single answers are wrapped the same way and are unwrapped here.
* Lists are objects with numeric keys, each entry wrapped in the entity name,
  plus ``total_count``: ``{"0": {"case": {...}}, "1": ..., "total_count": 17}``.
* ``api_calls_left`` in every answer is the remaining hourly quota.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import httpx

from .._core import (
    Answer,
    APIError,
    Call,
    Dialect,
    Hints,
    Operation,
    PageNumberPaging,
    PageStrategy,
    RateLimit,
    RequestParts,
    ResponseValidationError,
    as_int,
    object_of,
    one_of,
    unwrapped,
)

__all__ = ["OmnideskDialect", "OmnideskHints", "list_items", "list_total"]

MAX_LIMIT = 100
"""The largest page the API serves (and its default page size)."""

_NUMERIC = re.compile(r"^\d+$")
# The quota answer: "limit exceeded" / "превышен лимит" style texts, not any text that
# happens to say "limit" (a label limit, a page limit...).
_QUOTA_TEXT = re.compile(
    r"(?:(?:api|request|запрос)\w*\s+)?(?:limit|лимит)\w*\s+(?:is\s+|has\s+been\s+)?"
    r"(?:exceed|reach|превыш|исчерпан)"
    r"|(?:exceed|превыш)\w*\s+(?:the\s+)?(?:api\s+|request\s+)?(?:limit|лимит)"
    r"|too\s+many\s+requests",
    re.IGNORECASE,
)


def _unwrap(entry: Any, entity: str | None) -> Any:
    """``{"case": {...}}`` -> ``{...}``; an entry that is not wrapped is kept."""
    if isinstance(entry, Mapping):
        if entity is not None and entity in entry and isinstance(entry[entity], Mapping):
            return entry[entity]
        # Some examples wrap entries of one list under varying keys
        # (stats_lb_groups: "group" then "staff"): one key holding an object is a wrapper.
        if len(entry) == 1:
            (only,) = entry.values()
            if isinstance(only, Mapping):
                return only
    return entry


def list_items(data: Any, entity: str | None = None) -> list[Any]:
    """The entries of a list answer, in numeric key order, unwrapped from ``entity``."""
    if isinstance(data, list):
        return [_unwrap(entry, entity) for entry in data]
    if not isinstance(data, Mapping):
        return []
    if entity is not None and isinstance(data.get(entity), list):
        return [_unwrap(entry, entity) for entry in data[entity]]
    keys = sorted((k for k in data if isinstance(k, str) and _NUMERIC.match(k)), key=int)
    if keys:
        return [_unwrap(data[k], entity) for k in keys]
    # No numeric keys: entries keyed by their entity name (the leaderboards'
    # {"group": {...}, "staff": {...}}), or an empty list ({"total_count": 0}).
    return [
        value for key, value in data.items() if isinstance(value, Mapping) and key != "total_count"
    ]


def list_total(data: Any) -> int | None:
    """``total_count`` of a list answer, when sent."""
    if isinstance(data, Mapping):
        return as_int(data.get("total_count"))
    return None


class _Pairs(dict[str, Any]):
    """A decoded JSON object that remembers repeated keys (``pairs``)."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.pairs = pairs


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class OmnideskHints(Hints):
    """Omnidesk's own operation hints (``@operation(..., hints=OmnideskHints(...))``).

    The core options read here: ``listing=True`` (an unpaged list answer, decoded
    into a list of entries) and ``unwrap="case"`` (answers wrapped in another key
    than requests).
    """

    entity: str | None = None
    """The key list entries are wrapped in (``{"0": {"case": {...}}}``)."""
    multipart_wrap: str | None = None
    """The wrapper used instead of ``wrap`` when files are sent."""
    bulk: bool = False
    """The path id may be several ids joined by commas."""


class OmnideskDialect(Dialect):
    """How Omnidesk differs from the generic dialect (see :class:`OmnideskHints`)."""

    vendor = "omnidesk"

    # -- requests -----------------------------------------------------------

    def encode(self, call: Call) -> RequestParts:
        """Wrap the body; with files, name the form fields and files under the wrapper."""
        op = call.op
        hints = op.hints_as(OmnideskHints)
        if call.files:
            wrap = hints.multipart_wrap or op.wrap
            if wrap and wrap != op.wrap:
                op = replace(op, wrap=wrap)
            if wrap:
                files = {
                    name if name.startswith(f"{wrap}[") else f"{wrap}[{name}]": value
                    for name, value in call.files.items()
                }
                call = replace(call, op=op, files=files)
                if call.body is None:
                    call = replace(call, body={})
        parts = super().encode(call)
        if hints.bulk:
            # Several ids are joined with bare commas: /cases/1,2,3/trash.json.
            parts.path = parts.path.replace("%2C", ",")
        return parts

    # -- responses ----------------------------------------------------------

    def decode(self, op: Operation | None, response: httpx.Response) -> Any:
        """Unwrap a single answer, or turn an unpaged list answer into its entries."""
        if op is None:
            return super().decode(op, response)
        if op.listing:
            return list_items(self._read_pairs(response), op.hints_as(OmnideskHints).entity)
        return super().decode(op, response)

    def envelope(self, op: Operation) -> Answer | None:
        """A single answer holds its object under the operation's key. Unpaged lists keep
        :meth:`decode`: their entries are every key of the body, and a body may repeat a
        key (the leaderboard examples do), which only a parse that sees each pair keeps."""
        if op.listing:
            return None
        key = op.unwrap or op.wrap
        return Answer((key,)) if key else Answer()

    def page_envelope(self, op: Operation) -> Callable[[Any], Any] | None:
        """Entries under numeric keys, each ``{entity: item}``, beside ``total_count``."""
        entity = op.hints_as(OmnideskHints).entity
        if entity is None:
            return None
        return lambda item: object_of(one_of(int, unwrapped(item, entity)))

    def _read_pairs(self, response: httpx.Response) -> Any:
        """JSON whose top-level object may repeat a key (the leaderboard examples do)."""
        data = self.read_json(response)
        if not isinstance(data, Mapping):
            return data
        try:
            decoded = json.loads(response.content, object_pairs_hook=_Pairs)
            pairs = decoded.pairs if isinstance(decoded, _Pairs) else list(decoded.items())
            if len(pairs) == len(decoded):
                return _plain(decoded)
            # Repeated keys: keep every entry, in order, as a list.
            return [_plain({k: v}) for k, v in pairs if k != "total_count"]
        except RecursionError:
            raise ResponseValidationError(
                f"response is nested too deeply to read (HTTP {response.status_code})",
                vendor=self.vendor,
            ) from None

    def error(self, response: httpx.Response) -> APIError:
        """The typed error; a 403 that says the quota is spent is a rate-limit error."""
        err = super().error(response)
        if response.status_code == 403 and self._is_quota(err, response):
            return self.make_error(
                429,
                err.message,
                code=err.code,
                body=err.body,
                response=response,
                request_id=err.request_id,
            )
        return err

    @staticmethod
    def _is_quota(err: APIError, response: httpx.Response) -> bool:
        """Whether a 403 is the vendor's quota answer: a text that says the request
        limit is exceeded (``api_calls_left: 0`` alone is not enough: a refused
        permission can arrive with the quota spent too)."""
        text = err.message
        if isinstance(err.body, (Mapping, str)):
            text += " " + json.dumps(err.body, ensure_ascii=False)
        return _QUOTA_TEXT.search(text) is not None

    def error_details(self, body: Any) -> tuple[str | int | None, str]:
        """Error code and message from ``{"error": ...}``, ``{"message": ...}`` or text.

        The API documents no error format; ``{"error": "code", "description": "..."}``
        style answers keep the short value as ``code``.
        """
        if isinstance(body, Mapping):
            error = body.get("error")
            text = next(
                (
                    body[key]
                    for key in ("message", "description", "error_description", "detail")
                    if isinstance(body.get(key), str) and body[key]
                ),
                None,
            )
            if isinstance(error, str) and error and text:
                return error, text
            if isinstance(error, str) and error:
                code = body.get("code") or body.get("error_code")
                return (code if isinstance(code, (str, int)) else None), error
            if isinstance(error, Mapping):
                return self.error_details(error)
            if isinstance(error, list) and error:
                return None, "; ".join(str(e) for e in error)
        return super().error_details(body)

    rate_limit_headers = ("api_calls_left",)

    def read_rate_limit(self, found: Mapping[str, str]) -> RateLimit | None:
        """``api_calls_left`` as ``remaining``, plus any generic rate-limit headers."""
        generic = super().read_rate_limit(found)
        raw = found.get("api_calls_left")
        if raw is None:
            return generic
        left = as_int(raw)
        if left is None:
            return generic
        if generic is None:
            return RateLimit(remaining=left)
        return RateLimit(
            limit=generic.limit,
            remaining=left,
            reset_at=generic.reset_at,
            retry_after=generic.retry_after,
        )

    # -- paging -------------------------------------------------------------

    def paging(self, op: Operation) -> PageStrategy:
        """``page``/``limit`` (1..100, default 100) over numeric-key list answers."""
        entity = op.hints_as(OmnideskHints).entity

        def items(data: Any) -> list[Any]:
            return list_items(data, entity)

        return PageNumberPaging(
            page_key="page",
            size_key="limit",
            default_size=MAX_LIMIT,
            max_size=MAX_LIMIT,
            items=items,
            total=list_total,
        )
