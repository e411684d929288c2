"""Reading an answer's body within a size and time bound (async source; sync is generated).

The client streams every answer; the body is read here, in chunks, so a runaway
body ends in :class:`ResponseTooLargeError` and a dripping server cannot outlast
the attempt's deadline. Auth flows read login and 401 answers with the same bound.
"""

from __future__ import annotations

import time

import httpx

from ..errors import ResponseTooLargeError
from ..watchdog import async_body_guard

__all__ = ["read_body"]


async def read_body(
    response: httpx.Response,
    *,
    limit: int,
    vendor: str,
    started: float | None = None,
    budget: float | None = None,
) -> None:
    """Read the body into ``response`` (``response.content`` works afterwards).

    Past ``limit`` bytes: :class:`ResponseTooLargeError`. Past ``budget`` seconds
    since ``started`` (``time.perf_counter``): ``httpx.ReadTimeout``.
    """
    if hasattr(response, "_content"):
        return
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(response, limit, vendor)
    chunks: list[bytes] = []
    size = 0
    begun = time.perf_counter() if started is None else started
    try:
        with async_body_guard(response, begun, budget):
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > limit:
                    raise _too_large(response, limit, vendor)
                if budget is not None and time.perf_counter() - begun > budget:
                    raise httpx.ReadTimeout("attempt deadline passed", request=response.request)
                chunks.append(chunk)
    except httpx.TransportError as exc:
        if budget is not None and time.perf_counter() - begun >= budget:
            # The watchdog cut a read that outlasted the attempt.
            raise httpx.ReadTimeout("attempt deadline passed", request=response.request) from exc
        raise
    # httpx keeps a read body here; the stream is consumed, so set it directly.
    response._content = b"".join(chunks)


def _too_large(response: httpx.Response, limit: int, vendor: str) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"response body is larger than max_response_bytes ({limit})",
        vendor=vendor,
        request=response.request,
    )
