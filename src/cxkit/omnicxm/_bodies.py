"""Reading an answer's body inside the auth flow, within the client's size limit.

The core streams answers and bounds their size; the login flow must look at a
2xx body (is the token reported expired?) and read a 401 body (to release its
connection before waiting for a login), so it reads with the same bound.
:class:`AsyncBodyReader` is the async twin the generated sync code calls as
:class:`BodyReader`.
"""

from __future__ import annotations

import httpx

from .._core.errors import ResponseTooLargeError

__all__ = ["AsyncBodyReader", "BodyReader"]

VENDOR = "omnicxm"


def _too_large(response: httpx.Response, limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"response body is larger than max_response_bytes ({limit})",
        vendor=VENDOR,
        request=response.request,
    )


def _declared_too_large(response: httpx.Response, limit: int) -> bool:
    declared = response.headers.get("content-length", "")
    return declared.isdigit() and int(declared) > limit


# core-candidate: a bounded body read for auth flows (the core's AsyncLoginTokenAuth reads
# login and 401 answers with an unbounded aread()).
class AsyncBodyReader:
    """Read an async answer's body, at most ``limit`` bytes."""

    @staticmethod
    async def read(response: httpx.Response, limit: int) -> None:
        """Read the body into the response; raise ``ResponseTooLargeError`` past ``limit``."""
        if hasattr(response, "_content"):
            return
        if _declared_too_large(response, limit):
            raise _too_large(response, limit)
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise _too_large(response, limit)
            chunks.append(chunk)
        # The stream is consumed: keep the body where httpx (and the core) read it.
        response._content = b"".join(chunks)


class BodyReader:
    """Read a sync answer's body, at most ``limit`` bytes."""

    @staticmethod
    def read(response: httpx.Response, limit: int) -> None:
        """Read the body into the response; raise ``ResponseTooLargeError`` past ``limit``."""
        if hasattr(response, "_content"):
            return
        if _declared_too_large(response, limit):
            raise _too_large(response, limit)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise _too_large(response, limit)
            chunks.append(chunk)
        response._content = b"".join(chunks)
