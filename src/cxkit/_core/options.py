"""A call and the per-call options every endpoint method takes (``**options``).

:class:`Call` (what a resource method asks for) and :class:`RequestParts` (what a
dialect encodes it into) live here, beside the options they carry, so that the
dialect and the core client both build on this module and neither on the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from .config import header_problem
from .encoding import FileInput
from .registry import REQUEST_OPTIONS, Operation, RequestOptions

__all__ = [
    "REQUEST_OPTIONS",
    "Call",
    "RequestOptions",
    "RequestParts",
    "add_extras",
    "check_request_options",
    "with_extra_body",
]


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


def check_request_options(name: str, options: Mapping[str, Any] | None) -> RequestOptions | None:
    """The options of a call, refusing unknown keys (a misspelt argument lands here)."""
    if not options:
        return None
    unknown = set(options) - REQUEST_OPTIONS
    if unknown:
        raise TypeError(
            f"{name}() got unexpected keyword argument(s): {', '.join(sorted(unknown))}"
        )
    for key in ("extra_headers", "extra_query", "extra_body"):
        value = options.get(key)
        if value is not None and not isinstance(value, Mapping):
            raise TypeError(f"{name}: {key} must be a mapping")
    headers = options.get("extra_headers")
    if headers:
        for header, value in headers.items():
            if not isinstance(header, str) or not isinstance(value, str):
                raise TypeError(f"{name}: extra_headers must map str to str")
        bad = header_problem(headers)
        if bad:
            raise ValueError(f"{name}: extra_headers: {bad}")
    out: RequestOptions = {}
    out.update(options)  # type: ignore[typeddict-item]
    return out


def with_extra_body(call: Call) -> Call:
    """The call with ``extra_body`` merged into its body (before the vendor wraps it)."""
    extra = (call.options or {}).get("extra_body")
    if not extra:
        return call
    body = call.body
    if body is None:
        merged: Any = dict(extra)
    elif isinstance(body, Mapping):
        merged = {**body, **extra}
    else:
        raise TypeError(f"{call.op.name or call.op.path}: extra_body needs an object body")
    return replace(call, body=merged)


def add_extras(parts: RequestParts, options: RequestOptions) -> None:
    """Add ``extra_query`` (replacing same-named parameters) and ``extra_headers``."""
    query = options.get("extra_query")
    if query:
        names = {str(k) for k in query}
        parts.params = [
            (k, v) for k, v in parts.params if k not in names and k.split("[", 1)[0] not in names
        ]
        for key, value in query.items():
            if value is None:
                continue
            if isinstance(value, (list, tuple)):
                parts.params.extend((str(key), v) for v in value)
            else:
                parts.params.append((str(key), value))
    headers = options.get("extra_headers")
    if headers:
        parts.headers = {**parts.headers, **headers}
