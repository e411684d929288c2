"""Operations: one per documented endpoint, collected from the resource code."""

from __future__ import annotations

import difflib
import functools
import inspect
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, TypedDict, TypeVar
from urllib.parse import quote

import httpx

__all__ = [
    "REQUEST_OPTIONS",
    "Hints",
    "Operation",
    "RequestOptions",
    "collect_operations",
    "operation",
    "operation_of",
    "resolve",
]

F = TypeVar("F", bound=Callable[..., Any])

_ATTR = "__cx_operation__"

MAX_PATH_VALUE = 2048
"""The longest path parameter (after quoting) a request may carry."""


class RequestOptions(TypedDict, total=False):
    """Options for one call, on top of the client's.

    ``extra_headers`` are sent with the request, ``extra_query`` is added to the
    query string, ``extra_body`` is merged into the documented body (inside the
    vendor's wrapper), ``timeout`` and ``max_retries`` replace the client's for
    this call.
    """

    extra_headers: Mapping[str, str] | None
    extra_query: Mapping[str, Any] | None
    extra_body: Mapping[str, Any] | None
    timeout: float | httpx.Timeout | None
    max_retries: int | None


REQUEST_OPTIONS = frozenset(RequestOptions.__annotations__)


@dataclass(frozen=True)
class Hints:
    """Base of a vendor's own operation hints.

    A vendor that needs per-endpoint facts the core does not know (an Omnidesk list
    entry's wrapper, a Thulium batch answer's keys...) declares a frozen dataclass
    subclass with defaults, passes an instance as ``@operation(..., hints=...)`` and
    reads it in its dialect with :meth:`Operation.hints_as`.
    """


H = TypeVar("H", bound=Hints)


@dataclass(frozen=True)
class Operation:
    """One endpoint: its dotted name on the client, HTTP method and documented path.

    The options below are what ``@operation`` takes; each is read by the core (or by
    the generic :class:`~cxkit._core.Dialect`) unless it says otherwise.
    """

    method: str
    """The HTTP method, upper case."""
    path: str
    """The path template exactly as documented (``/cases/{case_id}.json``)."""
    name: str = ""
    """The dotted attribute path on the client (``cases.messages.create``), set when the
    client's operations are collected."""
    summary: str = ""
    """The first line of the method's docstring."""
    wrap: str | None = None
    """The key the request body is wrapped in (``{"case": {...}}``); answers wrapped in
    the same key are unwrapped unless ``unwrap`` names another."""
    unwrap: str | None = None
    """The key of the answer that holds the result (``{"data": [...]}`` -> ``data``)."""
    paged: bool = False
    """A list endpoint read page by page (the dialect's :meth:`~Dialect.paging`)."""
    listing: bool = False
    """An unpaged list endpoint: the dialect returns the answer's entries as a list."""
    idempotent: bool | None = None
    """Overrides the method's default (a POST that only reads: ``True``; a PUT whose
    second call differs from the first: ``False``)."""
    content_type: str | None = None
    """``multipart/form-data`` or ``application/x-www-form-urlencoded`` for a form body;
    ``None`` for JSON."""
    auth: str | None = None
    """Which of the client's credentials the request needs, passed to the auth in the
    request extension ``cxkit.credential`` (vendors with one credential leave it out)."""
    hints: Hints | None = None
    """The vendor's own hints (a :class:`Hints` subclass), read only by its dialect."""

    def hints_as(self, cls: type[H]) -> H:
        """The vendor hints as ``cls``; its defaults when the operation gave none."""
        return self.hints if isinstance(self.hints, cls) else cls()

    @property
    def is_idempotent(self) -> bool:
        """Whether sending the request twice is safe."""
        if self.idempotent is not None:
            return self.idempotent
        return self.method.upper() not in ("POST", "PATCH")

    def format_path(self, path_params: typing.Mapping[str, Any] | None) -> str:
        """The path with its ``{placeholders}`` filled, each value checked."""
        if "{" not in self.path:
            return self.path
        values: dict[str, str] = {}
        for key, value in (path_params or {}).items():
            if type(value) is int:  # the common case: a numeric id (bool is not int here)
                values[key] = str(value)
                continue
            if value is None or (isinstance(value, str) and not value.strip()):
                raise ValueError(f"{self.name or self.path}: {key} must not be empty")
            if isinstance(value, bool):
                raise TypeError(f"{self.name or self.path}: {key} must not be a bool")
            text = str(value) if isinstance(value, int) else quote(str(value), safe="")
            if text in (".", "..") or len(text) > MAX_PATH_VALUE:
                # httpx would drop or climb a dot segment (DELETE /contacts/.. is DELETE /),
                # and a huge value is no id.
                shown = text if len(text) <= 20 else text[:20] + "..."
                raise ValueError(f"{self.name or self.path}: {key}={shown!r} is not a valid id")
            values[key] = text
        try:
            return self.path.format_map(values)
        except KeyError as exc:
            raise ValueError(f"{self.name or self.path}: missing path parameter {exc}") from None


def operation(
    method: str,
    path: str,
    *,
    wrap: str | None = None,
    unwrap: str | None = None,
    paged: bool = False,
    listing: bool = False,
    idempotent: bool | None = None,
    content_type: str | None = None,
    auth: str | None = None,
    hints: Hints | None = None,
) -> Callable[[F], F]:
    """Declare a resource method as the operation ``method path`` (the options are
    those of :class:`Operation`).

    The summary is the first line of the method's docstring; the name is given
    when the client's resource tree is collected.
    """
    if hints is not None and not isinstance(hints, Hints):
        raise TypeError(f"{method} {path}: hints must be a Hints dataclass")

    def decorate(func: F) -> F:
        func = _checking_arguments(func)
        doc = (func.__doc__ or "").strip().splitlines()
        op = Operation(
            method=method.upper(),
            path=path,
            summary=doc[0] if doc else "",
            wrap=wrap,
            unwrap=unwrap,
            paged=paged,
            listing=listing,
            idempotent=idempotent,
            content_type=content_type,
            auth=auth,
            hints=hints,
        )
        setattr(func, _ATTR, op)
        return func

    return decorate


def _required_text(func: Callable[..., Any]) -> list[tuple[str, int | None]]:
    """The parameters typed plain ``str`` with no default: (name, position or None)."""
    out: list[tuple[str, int | None]] = []
    for index, param in enumerate(inspect.signature(func).parameters.values()):
        if param.default is not param.empty or param.annotation not in ("str", str):
            continue
        if param.kind is param.POSITIONAL_OR_KEYWORD:
            out.append((param.name, index))
        elif param.kind is param.KEYWORD_ONLY:
            out.append((param.name, None))
    return out


def _keywords(func: Callable[..., Any]) -> frozenset[str]:
    """The keyword arguments ``func`` takes: its named parameters and, when it takes
    ``**options``, the per-call request options."""
    names: set[str] = set()
    for index, param in enumerate(inspect.signature(func).parameters.values()):
        if param.kind is param.VAR_KEYWORD:
            names |= REQUEST_OPTIONS
        elif param.kind in (param.POSITIONAL_OR_KEYWORD, param.KEYWORD_ONLY) and index:
            names.add(param.name)  # index 0 is ``self``
    return frozenset(names)


def _call_name(wrapper: Any, func: Callable[..., Any]) -> str:
    op = getattr(wrapper, _ATTR, None)
    return op.name if isinstance(op, Operation) and op.name else func.__name__


def _refuse_unknown(name: str, unknown: set[str], known: frozenset[str]) -> None:
    """Name each unknown keyword, with the closest known one when there is one."""
    parts = []
    for word in sorted(unknown):
        close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
        parts.append(f"{word!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    noun = "argument" if len(parts) == 1 else "arguments"
    raise TypeError(f"{name}() got an unexpected keyword {noun} {', '.join(parts)}")


def _check_text(name: str, required: list[tuple[str, int | None]], args: Any, kwargs: Any) -> None:
    for param, position in required:
        if param in kwargs:
            value = kwargs[param]
        elif position is not None and position < len(args):
            value = args[position]
        else:
            continue  # Python reports the missing argument itself
        if value is None:
            raise TypeError(f"{name}: {param} is required")
        if isinstance(value, str) and not value.strip():
            raise ValueError(f"{name}: {param} must not be empty")


def _checking_arguments(func: F) -> F:
    """``func``, checking its arguments before its body runs (so before any other check
    and before anything is sent): an unknown keyword (a misspelt one would otherwise
    land in ``**options``) is named with a suggestion, and each required ``str``
    parameter refuses ``None`` or an empty string. Other values are left to the
    method's own checks."""
    required = _required_text(func)
    known = _keywords(func)

    def check(wrapper: Any, args: Any, kwargs: Any) -> None:
        unknown = kwargs.keys() - known
        if unknown:
            _refuse_unknown(_call_name(wrapper, func), unknown, known)
        if required:
            _check_text(_call_name(wrapper, func), required, args, kwargs)

    if inspect.iscoroutinefunction(func):

        @functools.wraps(func)
        async def checked_async(*args: Any, **kwargs: Any) -> Any:
            check(checked_async, args, kwargs)
            return await func(*args, **kwargs)

        return typing.cast(F, checked_async)

    @functools.wraps(func)
    def checked(*args: Any, **kwargs: Any) -> Any:
        check(checked, args, kwargs)
        return func(*args, **kwargs)

    return typing.cast(F, checked)


def operation_of(method: Callable[..., Any]) -> Operation:
    """The operation declared on a (bound) resource method."""
    func = getattr(method, "__func__", method)
    op = getattr(func, _ATTR, None)
    if op is None:
        raise TypeError(f"{method!r} is not an operation")
    return typing.cast(Operation, op)


def _children(cls: type) -> Iterator[tuple[str, Any]]:
    for attr in sorted(dir(cls)):
        if attr.startswith("_"):
            continue
        value = getattr(cls, attr, None)
        if isinstance(value, cached_property):
            hints = typing.get_type_hints(value.func)
            yield attr, hints.get("return")
        elif callable(value) and hasattr(value, _ATTR):
            yield attr, value


def collect_operations(client_cls: type) -> tuple[Operation, ...]:
    """Walk a client class's resource tree and name every operation by its path.

    Resources are ``cached_property`` attributes whose return annotation is a
    resource class; operations are methods marked with :func:`operation`.
    """
    found: list[Operation] = []

    def walk(cls: type, prefix: str) -> None:
        for attr, value in _children(cls):
            if isinstance(value, type):
                walk(value, f"{prefix}{attr}.")
            elif callable(value):
                op = replace(operation_of(value), name=f"{prefix}{attr}")
                setattr(value, _ATTR, op)
                found.append(op)

    walk(client_cls, "")
    return tuple(found)


def resolve(client: Any, name: str) -> Callable[..., Any]:
    """The bound client method for a dotted operation name (``cases.messages.create``)."""
    target: Any = client
    for part in name.split("."):
        target = getattr(target, part)
    operation_of(target)
    return typing.cast(Callable[..., Any], target)
