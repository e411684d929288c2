"""Operations: one per documented endpoint, collected from the resource code."""

from __future__ import annotations

import difflib
import functools
import inspect
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, TypeVar
from urllib.parse import quote

from .options import REQUEST_OPTIONS

__all__ = ["Operation", "collect_operations", "operation", "operation_of", "resolve"]

F = TypeVar("F", bound=Callable[..., Any])

_ATTR = "__cx_operation__"

MAX_PATH_VALUE = 2048
"""The longest path parameter (after quoting) a request may carry."""


@dataclass(frozen=True)
class Operation:
    """One endpoint: its dotted name on the client, HTTP method and documented path.

    ``wrap`` names the key the vendor wraps bodies in (e.g. ``case``), ``paged``
    marks list endpoints, ``idempotent`` overrides the method's default (a POST
    that only reads), and ``options`` holds vendor dialect hints.
    """

    method: str
    path: str
    name: str = ""
    summary: str = ""
    wrap: str | None = None
    paged: bool = False
    idempotent: bool | None = None
    content_type: str | None = None
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

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
    paged: bool = False,
    idempotent: bool | None = None,
    content_type: str | None = None,
    **options: Any,
) -> Callable[[F], F]:
    """Declare a resource method as the operation ``method path``.

    The summary is the first line of the method's docstring; the name is given
    when the client's resource tree is collected.
    """

    def decorate(func: F) -> F:
        func = _checking_arguments(func)
        doc = (func.__doc__ or "").strip().splitlines()
        op = Operation(
            method=method.upper(),
            path=path,
            summary=doc[0] if doc else "",
            wrap=wrap,
            paged=paged,
            idempotent=idempotent,
            content_type=content_type,
            options=options,
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
