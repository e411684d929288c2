"""The per-vendor dialect: the only place where a vendor's wire shapes live.

The core client calls a dialect to encode a request, decode a response (unwrapping
the vendor's envelope or raising its error), map a failed response to an error,
read rate-limit headers and choose a page strategy. A vendor subclasses
:class:`Dialect`; docs/architecture.md gives the contract in full.
"""

from __future__ import annotations

import abc
import json
import re
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import httpx

from .auth import CREDENTIAL
from .encoding import bracket_fields, form_pairs, query_value, to_file
from .errors import (
    APIError,
    ErrorDetail,
    RateLimitError,
    ResponseValidationError,
    error_class_for_status,
)
from .options import Call, RequestParts
from .paging import PageStrategy
from .ratelimit import RateLimit, collect_rate_headers, parse_retry_after, rate_limit_from
from .registry import Operation
from .shapes import Answer

__all__ = ["FORM_TYPES", "Call", "Dialect", "RequestParts"]

FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
"""Operation content types whose body is sent as form fields."""


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


class Dialect(abc.ABC):
    """What the core asks of a vendor, with the generic behaviour a vendor inherits.

    The core client calls :attr:`vendor`, :meth:`encode`, :meth:`decode`,
    :meth:`error`, :meth:`rate_limit` and :meth:`paging`, nothing else.

    * A vendor **must** set :attr:`vendor` and implement :meth:`decode` (its
      success envelope: unwrap it, or raise the failure it reports) and
      :meth:`paging` (its page shape).
    * It **may** override :meth:`encode` / :meth:`encode_files` (body wrappers,
      odd file naming), :meth:`error` / :meth:`error_details` / :meth:`error_class`
      (its error bodies and status mapping) and :meth:`read_rate_limit` with
      :attr:`rate_limit_headers` (its quota headers).
    * :meth:`read_json`, :meth:`unwrap`, :meth:`error_list`, :meth:`make_error`
      and :meth:`envelope_error` are helpers for those overrides, not hooks.

    A dialect holds no connection state; one instance serves every call of a client.
    """

    vendor: ClassVar[str]
    """The vendor's short name (``"omnidesk"``), as errors and logs show it. Required."""

    rate_limit_headers: ClassVar[tuple[str, ...]] = ()
    """Vendor header names (lower case) that :meth:`read_rate_limit` also needs."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        vendor = getattr(cls, "vendor", None)
        if not isinstance(vendor, str) or not vendor:
            raise TypeError(f"{cls.__name__} must set vendor to the vendor's short name")

    # -- requests: may override ---------------------------------------------

    def encode(self, call: Call) -> RequestParts:
        """Turn a call into request parts: path, PHP-style query, and a JSON, multipart
        or form body (a form when the operation's content type says so), the body
        wrapped in the operation's ``wrap`` key. May be overridden."""
        op = call.op
        parts = RequestParts(method=op.method, path=op.format_path(call.path_params))
        parts.params = _encode_query(call.params or {})
        if op.auth is not None:
            parts.extensions[CREDENTIAL] = op.auth
        body = call.body
        if op.wrap and body is not None:
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

    def encode_files(self, call: Call) -> list[tuple[str, tuple[str, Any, str]]]:
        """Multipart file parts; a list under one name gives ``name[0]``, ``name[1]``...
        May be overridden (a vendor that repeats ``name[]`` instead)."""
        out: list[tuple[str, tuple[str, Any, str]]] = []
        for name, value in (call.files or {}).items():
            if isinstance(value, list):
                out.extend(
                    (f"{name}[{i}]", to_file(v, field=f"{name}[{i}]")) for i, v in enumerate(value)
                )
            else:
                out.append((name, to_file(value, field=name)))
        return out

    # -- responses: must implement -------------------------------------------

    @abc.abstractmethod
    def decode(self, op: Operation | None, response: httpx.Response) -> Any:
        """The useful data of a successful (2xx) response, envelope removed, or raise
        the :class:`~cxkit.APIError` a failure envelope reports. ``op`` is ``None``
        for ``client.request(...)`` calls. Must be implemented; anything but a
        ``CXError`` it raises is reported as unreadable.

        The default body (``super().decode(op, response)``) reads JSON and
        :meth:`unwrap` s it."""
        return self.unwrap(op, self.read_json(response))

    def envelope(self, op: Operation) -> Answer | None:
        """Where every HTTP 200 answer of ``op`` holds its object, for decoding it in one
        pass (:class:`~cxkit._core.Answer`: the keys down to it, the success flags
        beside it); ``None`` (the default) when answers need :meth:`decode`. An answer
        that does not fit still goes through :meth:`decode`, so a vendor describes
        only what :meth:`decode` would read the same way. It depends on ``op`` alone:
        the decoders are kept per dialect class. May be overridden."""
        return None

    def page_envelope(self, op: Operation) -> Callable[[Any], Any] | None:
        """For a ``paged=True`` operation, the type of a page's data given the item type,
        for decoding pages in one pass: the data found where :meth:`envelope` says (the
        whole body when it says ``None``), whose validated value must read, through the
        page strategy, as :meth:`decode`'s data does, with items already typed
        (``list[item]`` for a bare array). ``None`` (the default) where pages need
        :meth:`decode`. A page it refuses takes the tolerant path. Like
        :meth:`envelope`, it depends on ``op`` alone. May be overridden."""
        return None

    # -- helpers for subclasses ----------------------------------------------

    def unwrap(self, op: Operation | None, data: Any) -> Any:
        """The object an answer holds under the operation's ``unwrap`` key (else its
        ``wrap`` key); the answer itself when it holds no object there."""
        key = None if op is None else op.unwrap or op.wrap
        if key and isinstance(data, Mapping) and isinstance(data.get(key), Mapping):
            return data[key]
        return data

    def read_json(self, response: httpx.Response) -> Any:
        """The JSON body, ``None`` when empty; a body that is not JSON is a
        :class:`~cxkit.ResponseValidationError`."""
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
            snippet = _text_snippet(response)
            raise ResponseValidationError(
                f"response is not valid JSON (HTTP {response.status_code}): {snippet}",
                vendor=self.vendor,
                body=snippet,
            ) from None

    # -- errors: may override ------------------------------------------------

    def error(self, response: httpx.Response) -> APIError:
        """The typed error for a failed HTTP response (4xx, 5xx): code and message from
        :meth:`error_details`, class from :meth:`make_error`. May be overridden (a
        vendor that reports a spent quota as 403)."""
        body: Any
        try:
            body = json.loads(response.content) if response.content.strip() else None
        except (ValueError, RecursionError):
            body = None
        code, message = self.error_details(body)
        if not message:
            message = _text_snippet(response) if body is None else ""
        if not message:
            message = response.reason_phrase or f"HTTP {response.status_code}"
        error = self.make_error(
            response.status_code,
            message,
            code=code,
            body=body,
            response=response,
            request_id=_request_id(response, body),
        )
        error.errors = self.error_list(body)
        return error

    def error_list(self, body: Any) -> list[ErrorDetail]:
        """Every error an answer lists under ``errors`` (objects or texts), in order
        (a helper for :meth:`error_details`)."""
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
        request_id = _request_id(response, data)
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
        """The vendor's error code and message from an error body (parsed JSON, or
        ``None``). May be overridden: the usual place for a vendor's error format."""
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

    def error_class(self, status_code: int) -> type[APIError]:
        """The error class a status maps to. May be overridden (a vendor whose 405 is a
        bad request)."""
        return error_class_for_status(status_code)

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
        """The error of :meth:`error_class` for ``status_code``, built (a helper; a
        ``Retry-After`` the response sends is kept on it)."""
        cls = self.error_class(status_code)
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

    # -- rate limits: may override ---------------------------------------------

    def rate_limit(self, headers: httpx.Headers) -> RateLimit | None:
        """A rate-limit snapshot from response headers, if the vendor sent any
        (``Retry-After``, ``X-RateLimit-*``, ``RateLimit-*`` and
        :attr:`rate_limit_headers`, read by :meth:`read_rate_limit`)."""
        return self.read_rate_limit(collect_rate_headers(headers, self.rate_limit_headers))

    def read_rate_limit(self, found: Mapping[str, str]) -> RateLimit | None:
        """The snapshot from the collected headers (lower-case names). May be
        overridden: a vendor adds its own headers here."""
        return rate_limit_from(found)

    # -- paging: must implement -------------------------------------------------

    @abc.abstractmethod
    def paging(self, op: Operation) -> PageStrategy:
        """The page strategy of a ``paged=True`` operation (a
        :class:`~cxkit._core.PageNumberPaging` or :class:`~cxkit._core.OffsetPaging`
        configured for the vendor's page shape). Must be implemented."""


def _encode_query(params: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """PHP-style query: ``status[]=a&status[]=b``, ``custom_fields[cf_25][]=x``."""
    out: list[tuple[str, Any]] = []
    for key, value in params.items():
        _query_pairs(str(key), value, out)
    return out


def _text_snippet(response: httpx.Response, limit: int = 200) -> str:
    """A short one-line text of a body (HTML tags removed)."""
    text = _TAG.sub(" ", response.content.decode("utf-8", "replace"))
    text = " ".join(text.split())
    return text[:limit] + ("..." if len(text) > limit else "")


def _request_id(response: httpx.Response, body: Any) -> str | None:
    """The vendor's request id, when it sends one (a header, or ``request_id`` in the body)."""
    for header in ("x-request-id", "request-id", "x-correlation-id"):
        if header in response.headers:
            return response.headers[header]
    if isinstance(body, Mapping) and isinstance(body.get("request_id"), str):
        return str(body["request_id"])
    return None
