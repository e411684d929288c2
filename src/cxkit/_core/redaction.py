"""One redaction for everything a user can see of an exchange.

Requests and responses handed to hooks, errors raised to the caller, and log lines
all pass through a :class:`Redactor` first: credential headers masked by name, the
client's secret values masked wherever a server echoes them (headers, URL, body,
error message, code, request id, listed errors), whatever the body's format.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import httpx

from .errors import APIConnectionError, APIError, CXError, ErrorDetail, ResponseValidationError
from .secrets import is_sensitive_header, redact_echo, redact_text

__all__ = ["Redactor", "secret_values"]

_MASK = "***"
_KEEP_EXTENSIONS = ("timeout",)


class Redactor:
    """Masks the values ``secrets()`` returns and headers named like credentials."""

    def __init__(self, secrets: Any, extra_headers: frozenset[str] = frozenset()) -> None:
        self._secrets = secrets
        self.extra_headers = extra_headers

    def values(self) -> tuple[str, ...]:
        """The secret values to mask now (a login token changes over time)."""
        return tuple(v for v in self._secrets() if v and len(v) >= 4)

    def text(self, text: str) -> str:
        """``text`` with credential query parameters and secret values masked."""
        return redact_text(text, self.values())

    def mask_bytes(self, content: bytes) -> bytes:
        """``content`` with every secret value masked."""
        for secret in self.values():
            content = content.replace(secret.encode("utf-8", "replace"), _MASK.encode())
        return content

    def headers(self, headers: httpx.Headers) -> list[tuple[bytes, bytes]]:
        """Raw header pairs with credential headers masked and echoed secrets removed
        (bytes, so that any value a server sent survives the copy)."""
        out: list[tuple[bytes, bytes]] = []
        for name, value in headers.raw:
            text = name.decode("latin-1")
            if is_sensitive_header(text, self.extra_headers):
                out.append((name, _MASK.encode()))
            else:
                out.append((name, self.mask_bytes(value)))
        return out

    def request(self, request: httpx.Request) -> httpx.Request:
        """A copy of ``request`` safe to show."""
        try:
            content: bytes = request.content
        except httpx.RequestNotRead:
            content = b""
        return httpx.Request(
            request.method,
            self.text(str(request.url)),
            headers=self.headers(request.headers),
            content=self.mask_bytes(content) if content else None,
            extensions={k: v for k, v in request.extensions.items() if k in _KEEP_EXTENSIONS},
        )

    def response(self, response: httpx.Response) -> httpx.Response:
        """A copy of a read ``response`` safe to show (its request redacted too)."""
        try:
            request: httpx.Request | None = response.request
        except RuntimeError:
            request = None
        try:
            content = response.content
        except httpx.ResponseNotRead:
            content = b""
        # The body is kept as received (only secrets masked); the copy must not be
        # decoded a second time.
        headers = [
            (k, v)
            for k, v in self.headers(response.headers)
            if k.lower() not in (b"content-encoding", b"transfer-encoding")
        ]
        copy = httpx.Response(
            response.status_code,
            headers=headers,
            content=self.mask_bytes(content),
            request=self.request(request) if request is not None else None,
        )
        return copy

    def error(self, exc: CXError) -> CXError:
        """``exc`` with every field a user can see masked (in place; returned)."""
        secrets = self.values()
        if isinstance(exc, APIError):
            exc.message = redact_text(exc.message, secrets)
            if isinstance(exc.code, str):
                exc.code = redact_text(exc.code, secrets)
            if exc.request_id:
                exc.request_id = redact_text(exc.request_id, secrets)
            if exc.body is not None:
                exc.body = _masked_body(exc.body, secrets)
            exc.errors = [
                replace(
                    e,
                    message=redact_text(e.message, secrets),
                    code=redact_text(e.code, secrets) if isinstance(e.code, str) else e.code,
                )
                if isinstance(e, ErrorDetail)
                else e
                for e in exc.errors
            ]
            location = getattr(exc, "location", None)
            if isinstance(location, str):
                exc.location = redact_text(location, secrets)  # type: ignore[attr-defined]
            if exc.response is not None:
                exc.response = self.response(exc.response)
            exc.args = (exc._one_line(),)
        elif isinstance(exc, (APIConnectionError, ResponseValidationError)):
            exc.message = redact_text(exc.message, secrets)
            if isinstance(exc, ResponseValidationError) and exc.body is not None:
                exc.body = _masked_body(exc.body, secrets)
            if exc.request is not None:
                exc.request = self.request(exc.request)
            if exc.args and isinstance(exc.args[0], str):
                exc.args = (redact_text(exc.args[0], secrets), *exc.args[1:])
        elif exc.args and isinstance(exc.args[0], str):
            exc.args = (redact_text(exc.args[0], secrets), *exc.args[1:])
        return exc


def _masked_body(body: Any, secrets: tuple[str, ...]) -> Any:
    """A parsed body with secrets masked; ``None`` when it is too deep to walk."""
    try:
        return redact_echo(body, secrets)
    except RecursionError:
        return None


def secret_values(
    auth: Any, default_headers: Mapping[str, str], extra: frozenset[str]
) -> tuple[str, ...]:
    """What a client must never show: its auth's secrets, and the values of default
    headers named like credentials."""
    get = getattr(auth, "secrets", None)
    found = tuple(get()) if callable(get) else ()
    return found + tuple(v for k, v in default_headers.items() if is_sensitive_header(k, extra))
