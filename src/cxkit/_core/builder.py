"""The request builder: from a resource's call to an ``httpx.Request`` (pure).

A stage of the core client. The dialect encodes the call (path, query, body in
the vendor's shape); the per-call options add their extras and may replace the
timeout and the retry count; the request gets the base URL and the headers the
pool does not already carry. Anything that cannot be sent is a ``ValueError``
here, before any byte leaves.
"""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from .auth import IDEMPOTENT
from .config import check_retries, make_timeout
from .dialect import Call, Dialect, RequestParts
from .encoding import form_data
from .options import add_extras, with_extra_body

__all__ = ["RequestBuilder"]


class RequestBuilder:
    """Builds requests for one client (and its ``with_options`` copies)."""

    def __init__(
        self,
        dialect: Dialect,
        base_url: str,
        *,
        pool_headers: Mapping[str, str] | None,
        pool_timeout: httpx.Timeout | None,
    ) -> None:
        self._dialect = dialect
        self.base_url = base_url
        self._pool_headers = pool_headers
        """The headers our own pool sends on every request; None for a caller's pool."""
        self._pool_timeout = pool_timeout

    def build(
        self,
        http: httpx.AsyncClient | httpx.Client,
        call: Call,
        *,
        headers: Mapping[str, str],
        timeout: httpx.Timeout,
        max_retries: int,
    ) -> tuple[httpx.Request, int]:
        """The request for ``call`` and the number of retries it may have."""
        options = call.options
        if options:
            call = with_extra_body(call)
            parts = self._dialect.encode(call)
            add_extras(parts, options)
            vendor = self._dialect.vendor
            if options.get("timeout") is not None:
                timeout = make_timeout(options.get("timeout"), vendor=vendor)
            if options.get("max_retries") is not None:
                max_retries = check_retries(options.get("max_retries"), vendor=vendor)
        else:
            parts = self._dialect.encode(call)
        if not call.op.is_idempotent:
            parts.extensions[IDEMPOTENT] = False
        return self.request(http, parts, headers=headers, timeout=timeout), max_retries

    def request(
        self,
        http: httpx.AsyncClient | httpx.Client,
        parts: RequestParts,
        *,
        headers: Mapping[str, str],
        timeout: httpx.Timeout,
    ) -> httpx.Request:
        """An ``httpx.Request`` from encoded parts; ``headers`` are the client's own."""
        sent: dict[str, str] | None
        if headers is self._pool_headers:
            sent = parts.headers or None  # the pool adds the rest
        else:
            sent = {**headers, **parts.headers}
        try:
            return http.build_request(
                parts.method,
                self.base_url + parts.path,
                params=parts.params or None,
                json=parts.json,
                data=form_data(parts.data),
                files=parts.files,
                headers=sent,
                timeout=(httpx.USE_CLIENT_DEFAULT if timeout is self._pool_timeout else timeout),
                extensions=parts.extensions or None,
            )
        except httpx.InvalidURL as exc:
            raise ValueError(f"{parts.method} {parts.path[:80]}: cannot be sent ({exc})") from None
