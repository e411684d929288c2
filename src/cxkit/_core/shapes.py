"""Types of whole answers, for a dialect's one-pass decoding (``Dialect.envelope`` and
``Dialect.page_envelope``). Each builds its type when called, so importing a dialect
imports no pydantic."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

__all__ = [
    "Answer",
    "json_object",
    "list_of",
    "model_or_value",
    "object_of",
    "one_of",
    "optional",
    "page_object",
    "unwrapped",
]


@dataclass(frozen=True)
class Answer:
    """Where every successful (HTTP 200) answer of an operation holds its object, for
    decoding it in one pass (``Dialect.envelope``): the keys from the body down to
    the object (none: the body itself), and the other keys of the body with the types
    their values must have (a success flag). An answer that does not fit is decoded
    the dialect's way, so a type here may be stricter than the dialect, never looser.
    """

    path: tuple[str, ...] = ()
    fields: tuple[tuple[str, Any], ...] = ()
    adapt: Callable[[Any], Any] | None = None
    """Applied to the JSON value found at ``path`` before it is typed (inside the one
    pydantic-core call), for an object the dialect rebuilds (a list answer's items)."""


def json_object(**fields: Any) -> Any:
    """The type of a JSON object holding these keys with values of these types (other
    keys dropped); a missing key fails, so the answer takes the tolerant path, unless
    its type is :func:`optional`."""
    from typing_extensions import TypedDict  # pydantic needs it for TypedDict before 3.12

    return TypedDict("JSONObject", fields)  # type: ignore[operator]


def optional(value: Any) -> Any:
    """In :func:`json_object`, a key that may be missing (kept when present)."""
    from typing_extensions import NotRequired

    return NotRequired[value]


def page_object(
    item: Any, items: str, *, kept: Iterable[str] = (), required: Iterable[str] = ()
) -> Any:
    """The type of a page object: a list of ``item`` under ``items``, the keys ``kept``
    (counts, next-page values: any value, when present) and the keys ``required`` (any
    value; without one the answer takes the tolerant path)."""
    return json_object(
        **{items: list_of(item)},
        **{key: optional(Any) for key in kept},
        **{key: Any for key in required},
    )


@cache
def model_or_value(model: Any) -> Any:
    """``model`` when the value fits it, else the JSON value as it is: for answers the
    caller reads further (a write whose answer the docs do not show). One type per
    model (the decoders are kept by type)."""
    from typing import Annotated, Union

    from pydantic import Field

    return Annotated[Union[model, Any], Field(union_mode="left_to_right")]  # noqa: UP007


def unwrapped(item: Any, key: str) -> Any:
    """``item`` read from ``{key: {...}}`` (or from the object itself, unwrapped)."""
    from typing import Annotated

    from pydantic import BeforeValidator

    def unwrap(value: Any) -> Any:
        # Decoded JSON objects are dicts: a concrete isinstance, not the Mapping ABC's.
        if isinstance(value, dict):
            inner = value.get(key)
            if isinstance(inner, dict):
                return inner
        return value

    return Annotated[item, BeforeValidator(unwrap)]


def list_of(item: Any) -> Any:
    """The type of a JSON array of ``item``."""
    return list[item]


def object_of(value: Any) -> Any:
    """The type of a JSON object whose every value is a ``value``."""
    return dict[str, value]


def one_of(*types: Any) -> Any:
    """The type of a value that is one of ``types``."""
    from typing import Union

    return Union[types]  # noqa: UP007  (a tuple of types known at run time)
