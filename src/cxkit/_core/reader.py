"""The response reader: from a read HTTP answer to the unwrapped data, or a typed error.

One stage of the core client (pure: no I/O). It records the rate-limit headers,
turns an error status, a redirect it was not allowed to follow, or an envelope
that reports failure into the right :class:`~cxkit.APIError`, and asks the dialect
for the useful data. Nothing a server sends leaves here as anything but a
:class:`~cxkit.CXError`, and every error leaves redacted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ClassVar

import httpx

from .dialect import Dialect
from .errors import CXError, RedirectError, ResponseValidationError
from .ratelimit import RateLimit
from .raw import RAW_SINK, RawExchange
from .redaction import Redactor
from .registry import Operation
from .shapes import Answer

__all__ = ["Decoded", "Decoder", "Decoders", "op_name", "parse", "read_answer", "redirect_error"]

Decoder = Callable[[bytes, "dict[str, Any] | None"], Any]
"""Decodes an answer's bytes to its type in one pass (see ``models.single_pass``)."""

log = logging.getLogger("cxkit")


def op_name(op: Operation) -> str:
    """The operation's dotted name (``METHOD path`` for an unnamed one)."""
    return op.name or f"{op.method} {op.path}"


class Decoded:
    """An answer already decoded to its type in one pass (see :func:`read_answer`)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class Decoders:
    """The one-pass decoders of a dialect's operations, each built on first use.

    A dialect describes answers by its class and the operation alone, so the
    decoders are kept once per process, not per client: a service that makes a
    client per request builds each decoder once (the page shapes are new types each
    time they are built, which a per-client cache would keep piling up)."""

    _found: ClassVar[dict[tuple[type, Operation, Any], Decoder | None]] = {}

    def __init__(self, dialect: Dialect) -> None:
        self._dialect = dialect

    def get(self, op: Operation, cast_to: Any) -> Decoder | None:
        """The decoder of ``op``'s answers into ``cast_to``; None where the dialect
        decodes them itself (or nothing is to be typed)."""
        if cast_to is None or cast_to is Any or cast_to is object:
            return None
        return self._built(op, cast_to, lambda: self._answer(cast_to, self._dialect.envelope(op)))

    def page(self, op: Operation, item: Any) -> Decoder | None:
        """The decoder of ``op``'s page answers with items of type ``item``; None where
        the dialect decodes them itself."""
        dialect = self._dialect

        def build() -> Decoder | None:
            made = dialect.page_envelope(op)
            if made is None:
                return None
            # The page's data sits where the operation's other answers hold theirs.
            return self._answer(made(item), dialect.envelope(op) or Answer())

        return self._built(op, ("page", item), build)

    def _built(
        self, op: Operation, what: Any, build: Callable[[], Decoder | None]
    ) -> Decoder | None:
        key = (type(self._dialect), op, what)
        try:
            return self._found[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable type: decoded the tolerant way
            return None
        found = self._found[key] = build()
        return found

    @staticmethod
    def _answer(target: Any, answer: Answer | None) -> Decoder | None:
        if answer is None:
            return None
        from .models import single_pass  # pydantic loads with the first answer

        return single_pass(target, answer)


def parse(
    target: Any, data: Any, *, strict: bool, vendor: str, context: dict[str, Any] | None
) -> Any:
    """``data`` validated into ``target`` the tolerant way (``models.parse_model``)."""
    if target is Any or target is object:
        return data
    from .models import parse_model  # pydantic loads with the first answer, not the import

    return parse_model(target, data, strict=strict, vendor=vendor, context=context)


def read_answer(
    dialect: Dialect,
    op: Operation,
    response: httpx.Response,
    elapsed: float,
    *,
    redactor: Redactor,
    on_rate_limit: Callable[[RateLimit], None],
    single_pass: Callable[[bytes], Any] | None = None,
) -> Any:
    """The data of a successful answer, or raise its redacted ``CXError``.

    With ``single_pass`` (the operation's one-call decoder) the answer is first
    decoded straight to its type and returned as :class:`Decoded`; an answer it
    refuses takes the dialect's path, whose data the caller parses tolerantly.
    """
    vendor = dialect.vendor
    try:
        snapshot = dialect.rate_limit(response.headers)
        if snapshot is not None:
            on_rate_limit(snapshot)
        status = response.status_code
        if status >= 400:
            raise dialect.error(response)
        if 300 <= status < 400:
            raise redirect_error(vendor, response, "the client does not follow it")
        data = None
        if single_pass is not None and status == 200:
            data = _single_pass(single_pass, response.content)
        if data is None:
            data = dialect.decode(op, response)
    except CXError as exc:
        raise redactor.error(exc) from None
    except RecursionError:
        raise redactor.error(
            ResponseValidationError(
                "response is nested too deeply to read", vendor=vendor, request=response.request
            )
        ) from None
    except Exception as exc:
        # A dialect must turn every odd answer into a CXError; this is the net under
        # it, so nothing a server sends escapes as anything else.
        log.warning("%s: unreadable response (%s)", vendor, type(exc).__name__)
        raise redactor.error(
            ResponseValidationError(
                f"unreadable response ({type(exc).__name__})",
                vendor=vendor,
                request=response.request,
            )
        ) from None
    sink = RAW_SINK.get()
    if sink is not None:
        sink.append(RawExchange(op_name(op), redactor.response(response), elapsed))
    return data


def _single_pass(decode: Callable[[bytes], Any], content: bytes) -> Decoded | None:
    try:
        return Decoded(decode(content))
    except Exception:  # anything it refuses (ValidationError, a validator error) falls back
        return None


def redirect_error(vendor: str, response: httpx.Response, why: str) -> RedirectError:
    """The error for a redirect the client does not follow (redacted by the caller)."""
    location = response.headers.get("location")
    return RedirectError(
        f"HTTP {response.status_code} redirect to {location or '(no location)'}: {why}",
        vendor=vendor,
        status_code=response.status_code,
        location=location or None,
        response=response,
    )
