"""Naming a fault of the network in words a user can act on (pure)."""

from __future__ import annotations

import socket
import ssl

__all__ = ["describe_connection_error"]


def describe_connection_error(exc: BaseException, host: str) -> str:
    """``cannot reach <host>: <cause>``, the cause read from the exception chain (DNS,
    refused, TLS, reset...)."""
    cause = _cause(exc)
    return f"cannot reach {host or 'the server'}: {cause}"


def _cause(exc: BaseException) -> str:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, socket.gaierror):
            return "DNS lookup failed (no such host?)"
        if isinstance(current, ConnectionRefusedError):
            return "connection refused (nothing listens on that port?)"
        if isinstance(current, ssl.SSLError):
            return f"TLS failed ({current.reason or current})"
        if isinstance(current, ConnectionResetError):
            return "the connection was reset"
        current = current.__cause__ or current.__context__
    text = str(exc).lower()
    for words, meaning in (
        (
            (
                "name or service not known",
                "nodename nor servname",
                "getaddrinfo",
                "name resolution",
            ),
            "DNS lookup failed (no such host?)",
        ),
        (("connection refused",), "connection refused (nothing listens on that port?)"),
        (("ssl", "certificate", "tls"), f"TLS failed ({exc})"),
        (("reset by peer",), "the connection was reset"),
    ):
        if any(w in text for w in words):
            return meaning
    detail = str(exc)
    return f"{type(exc).__name__}" + (f" ({detail[:200]})" if detail else "")
