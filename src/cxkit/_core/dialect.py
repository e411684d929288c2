"""The per-vendor dialect: the only place where a vendor's wire shapes live.

Core calls a dialect to encode a request, decode a response (unwrapping the
vendor's envelope or raising its error), read rate-limit headers and choose a
page strategy. Subclasses override what their vendor does differently.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from .auth import CREDENTIAL
from .encoding import FileInput, bracket_fields, form_pairs, query_value, to_file
from .errors import (
    APIError,
    ErrorDetail,
    RateLimitError,
    ResponseValidationError,
    error_class_for_status,
)
from .options import RequestOptions
from .paging import PageNumberPaging, PageStrategy
from .ratelimit import RateLimit, collect_rate_headers, parse_retry_after, rate_limit_from
from .registry import Operation

__all__ = ["FORM_TYPES", "Call", "Dialect", "RequestParts"]

FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
"""Operation content types whose body is sent as form fields."""


@dataclass(slots=True)
class Call:
    """What a resource method asks for: an operation and its arguments."""

    op: Operation
    path_params: Mapping[str, Any] | None = None
    params: Mapping[str, Any] | None = None
    body: Any = None
    files: Mapping[str, FileInput | list[FileInput]] | None = None
    options: RequestOptions | None = None


@dataclass(slots=True)
class RequestParts:
    """An HTTP request ready for httpx, before auth."""

    method: str
    path: str
    params: list[tuple[str, Any]] = field(default_factory=list)
    json: Any = None
    data: list[tuple[str, Any]] | None = None
    files: list[tuple[str, tuple[str, Any, str]]] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    extensions: dict[str, Any] = field(default_factory=dict)
    """httpx request extensions (e.g. the credential an operation needs)."""


_TAG = re.compile(r"<[^>]+>")


def _query_pairs(name: str, value: Any, out: list[tuple[str, Any]]) -> None:
    if value is None:
        return
    if isinstance(value, Mapping):
        for sub, item in value.items():
            _query_pairs(f"{name}[{sub}]", item, out)
    elif isinstance(value, (list, tuple, set, frozenset)):
        out.extend((f"{name}[]", query_value(v)) for v in value)
    else:
        out.append((name, query_value(value)))


class Dialect:
    """Generic behaviour; a vendor overrides what differs."""

    vendor: str = "vendor"

    # -- requests -----------------------------------------------------------

    def encode(self, call: Call) -> RequestParts:
        """Turn a call into request parts: path, query, and a JSON, multipart or form body
        (a form when the operation's content type says so)."""
        op = call.op
        parts = RequestParts(method=op.method, path=op.format_path(call.path_params))
        parts.params = self.encode_query(call.params or {})
        credential = op.options.get("auth")
        if credential is not None:
            parts.extensions[CREDENTIAL] = credential
        body = call.body
        if op.wrap and body is not None and op.options.get("wrap_request", True):
            body = {op.wrap: body}
        if op.content_type in FORM_TYPES:
            self._encode_form(call, body, parts)
        elif call.files:
            parts.data = bracket_fields(body) if isinstance(body, Mapping) else []
            parts.files = self.encode_files(call)
        elif body is not None:
            parts.json = body
        return parts

    def _encode_form(self, call: Call, body: Any, parts: RequestParts) -> None:
        """A ``multipart/form-data`` or urlencoded body of PHP-style fields, repeated names
        kept (``tags[]=a&tags[]=b``); multipart even when no file is attached."""
        op = call.op
        if body is not None and not isinstance(body, Mapping):
            raise TypeError(f"{op.name or op.path}: a form body must be a mapping")
        pairs = form_pairs(body or {})
        if op.content_type == "multipart/form-data":
            # Plain fields as parts without a filename, so that a form with no file is
            # still multipart.
            fields: list[tuple[str, Any]] = [(name, (None, value)) for name, value in pairs]
            parts.files = [*fields, *self.encode_files(call)] or None
        else:
            parts.data = list(pairs) or None

    def encode_query(self, params: Mapping[str, Any]) -> list[tuple[str, Any]]:
        """PHP-style query: ``status[]=a&status[]=b``, ``custom_fields[cf_25][]=x``."""
        out: list[tuple[str, Any]] = []
        for key, value in params.items():
            _query_pairs(str(key), value, out)
        return out

    def encode_files(self, call: Call) -> list[tuple[str, tuple[str, Any, str]]]:
        """Multipart file parts; a list under one name gives ``name[0]``, ``name[1]``..."""
        out: list[tuple[str, tuple[str, Any, str]]] = []
        for name, value in (call.files or {}).items():
            if isinstance(value, list):
                out.extend(
                    (f"{name}[{i}]", to_file(v, field=f"{name}[{i}]")) for i, v in enumerate(value)
                )
            else:
                out.append((name, to_file(value, field=name)))
        return out

    # -- responses ----------------------------------------------------------

    def decode(self, op: Operation | None, response: httpx.Response) -> Any:
        """The useful data of a successful response (envelope removed), or raise."""
        data = self.read_json(response)
        if op is not None and op.wrap and isinstance(data, Mapping) and op.wrap in data:
            return data[op.wrap]
        return data

    def read_json(self, response: httpx.Response) -> Any:
        """The JSON body, ``None`` when empty; a body that is not JSON is an error."""
        content = response.content
        if not content.strip():
            return None
        try:
            return json.loads(content)
        except RecursionError:
            raise ResponseValidationError(
                f"response is nested too deeply to read (HTTP {response.status_code})",
                vendor=self.vendor,
            ) from None
        except ValueError:
            snippet = self.text_snippet(response)
            raise ResponseValidationError(
                f"response is not valid JSON (HTTP {response.status_code}): {snippet}",
                vendor=self.vendor,
                body=snippet,
            ) from None

    def text_snippet(self, response: httpx.Response, limit: int = 200) -> str:
        """A short one-line text of a body (HTML tags removed)."""
        text = _TAG.sub(" ", response.content.decode("utf-8", "replace"))
        text = " ".join(text.split())
        return text[:limit] + ("..." if len(text) > limit else "")

    def error(self, response: httpx.Response) -> APIError:
        """The typed error for a failed HTTP response."""
        body: Any
        try:
            body = json.loads(response.content) if response.content.strip() else None
        except (ValueError, RecursionError):
            body = None
        code, message = self.error_details(body)
        if not message:
            message = self.text_snippet(response) if body is None else ""
        if not message:
            message = response.reason_phrase or f"HTTP {response.status_code}"
        error = self.make_error(
            response.status_code,
            message,
            code=code,
            body=body,
            response=response,
            request_id=self.request_id(response, body),
        )
        error.errors = self.error_list(body)
        return error

    def error_list(self, body: Any) -> list[ErrorDetail]:
        """Every error an answer lists under ``errors`` (objects or texts), in order."""
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
                        code
                        if isinstance(code, (int, str)) and not isinstance(code, bool)
                        else None,
                    )
                )
            elif entry is not None:
                out.append(ErrorDetail(str(entry)))
        return out

    def envelope_error(
        self,
        data: Mapping[str, Any],
        response: httpx.Response,
        *,
        status: int,
        code: str | int | None = None,
        message: str = "",
        cls: type[APIError] | None = None,
        **extra: Any,
    ) -> APIError:
        """The typed error for an envelope that reports failure inside an HTTP answer
        (OMI ``status_code``, OmniCXM ``status``/``stt``): the vendor picks ``status``
        (what the failure maps to), the message and code default to what
        :meth:`error_details` reads; ``cls`` and ``extra`` choose another error class."""
        if not message or code is None:
            found_code, found_message = self.error_details(data)
            message = message or found_message
            code = code if code is not None else found_code
        message = message or f"HTTP {response.status_code}"
        request_id = self.request_id(response, data)
        if cls is None:
            error = self.make_error(
                status,
                message,
                code=code,
                body=dict(data),
                response=response,
                request_id=request_id,
            )
        else:
            error = cls(
                message,
                vendor=self.vendor,
                status_code=status,
                code=code,
                request_id=request_id,
                body=dict(data),
                response=response,
                **extra,
            )
        error.errors = self.error_list(data)
        return error

    def error_details(self, body: Any) -> tuple[str | int | None, str]:
        """The vendor's error code and message from an error body."""
        if isinstance(body, Mapping):
            for key in ("message", "error", "msg", "error_message", "detail"):
                value = body.get(key)
                if isinstance(value, str) and value:
                    code = body.get("code") or body.get("error_code")
                    return code if isinstance(code, (str, int)) else None, value
                if isinstance(value, Mapping):
                    return self.error_details(value)
            errors = body.get("errors")
            if isinstance(errors, list) and errors:
                first = errors[0]
                if isinstance(first, Mapping):
                    code = first.get("code")
                    msgs = "; ".join(
                        str(e.get("message", e)) for e in errors if isinstance(e, Mapping)
                    )
                    return code if isinstance(code, (str, int)) else None, msgs
                return None, "; ".join(str(e) for e in errors)
        if isinstance(body, str):
            return None, body
        return None, ""

    def request_id(self, response: httpx.Response, body: Any) -> str | None:
        """The vendor's request id, when it sends one."""
        for header in ("x-request-id", "request-id", "x-correlation-id"):
            if header in response.headers:
                return response.headers[header]
        if isinstance(body, Mapping) and isinstance(body.get("request_id"), str):
            return str(body["request_id"])
        return None

    def make_error(
        self,
        status_code: int,
        message: str,
        *,
        code: str | int | None = None,
        body: Any = None,
        response: httpx.Response | None = None,
        request_id: str | None = None,
    ) -> APIError:
        """Build the error class that fits ``status_code``."""
        cls = error_class_for_status(status_code)
        kwargs: dict[str, Any] = dict(
            vendor=self.vendor,
            status_code=status_code,
            code=code,
            request_id=request_id,
            body=body,
            response=response,
        )
        retry_after = (
            parse_retry_after(response.headers.get("retry-after")) if response is not None else None
        )
        if cls is RateLimitError:
            return RateLimitError(message, retry_after=retry_after, **kwargs)
        error = cls(message, **kwargs)
        if status_code == 503:
            # A 503 with Retry-After is waited out like a 429; on other statuses the
            # header is not an instruction the docs promise to follow.
            error.retry_after = retry_after
        return error

    rate_limit_headers: tuple[str, ...] = ()
    """Vendor header names (lower case) that :meth:`read_rate_limit` also needs."""

    def rate_limit(self, headers: httpx.Headers) -> RateLimit | None:
        """A rate-limit snapshot from response headers, if the vendor sent any."""
        return self.read_rate_limit(collect_rate_headers(headers, self.rate_limit_headers))

    def read_rate_limit(self, found: Mapping[str, str]) -> RateLimit | None:
        """The snapshot from the collected headers; vendors add theirs here."""
        return rate_limit_from(found)

    # -- paging -------------------------------------------------------------

    def paging(self, op: Operation) -> PageStrategy:
        """The page strategy of a list operation."""
        return PageNumberPaging()
