"""Reading an answer's body within a size and time bound (async source; sync is generated).

The client streams every answer; the body is read here, raw, and decoded as it
arrives (:mod:`..decoding`), so a runaway or compressed-bomb body ends in
:class:`ResponseTooLargeError` once ``limit`` decoded bytes are reached, and a
dripping server cannot outlast the attempt's deadline. Auth flows read login and
401 answers with the same bound.
"""

from __future__ import annotations

import time

import httpx

from ..decoding import BodyDecoder, DecodeError, TooLarge
from ..errors import ResponseTooLargeError

__all__ = ["read_body"]


async def read_body(
    response: httpx.Response,
    *,
    limit: int,
    vendor: str,
    started: float | None = None,
    budget: float | None = None,
) -> None:
    """Read and decode the body into ``response`` (``response.content`` works afterwards).

    Past ``limit`` bytes, raw or decoded: :class:`ResponseTooLargeError`. Past
    ``budget`` seconds since ``started`` (``time.perf_counter``): ``httpx.ReadTimeout``.
    A body its ``Content-Encoding`` does not describe: ``httpx.DecodingError``.
    """
    if hasattr(response, "_content"):
        return
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(response, limit, vendor)
    try:
        decoder = BodyDecoder(response.headers.get("content-encoding", ""), limit)
    except DecodeError as exc:
        await response.aclose()
        raise httpx.DecodingError(str(exc), request=response.request) from None
    chunks: list[bytes] = []
    size = 0
    begun = time.perf_counter() if started is None else started
    try:
        async for raw in response.aiter_raw():
            size += len(raw)
            if size > limit:
                raise TooLarge
            chunks.append(raw if decoder.identity else decoder.feed(raw))
            if budget is not None and time.perf_counter() - begun > budget:
                raise httpx.ReadTimeout("attempt deadline passed", request=response.request)
        if not decoder.identity:
            chunks.append(decoder.flush())
    except TooLarge:
        raise _too_large(response, limit, vendor) from None
    except DecodeError as exc:
        raise httpx.DecodingError(str(exc), request=response.request) from None
    # httpx keeps a read body here; the stream is consumed, so set it directly.
    response._content = b"".join(chunks)


def _too_large(response: httpx.Response, limit: int, vendor: str) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"response body is larger than max_response_bytes ({limit})",
        vendor=vendor,
        request=response.request,
    )
