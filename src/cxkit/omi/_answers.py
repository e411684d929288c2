"""Reading OMI write answers, which the docs mostly leave unshown (pure)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from .._core import CXModel, NotFoundError

__all__ = ["one", "required"]

M = TypeVar("M", bound=CXModel)


def one(parse: Callable[[type[M], Any], M], model: type[M], data: Any) -> M | None:
    """``data`` parsed as ``model`` when it is an object; ``None`` otherwise (the docs
    show no answer for several writes, which may send ``null`` or ``true``). Asked for
    as ``model_or_value(model)``, a fitting answer arrives typed already."""
    if isinstance(data, model):
        return data
    if isinstance(data, Mapping):
        return parse(model, data)
    return None


def required(parse: Callable[[type[M], Any], M], model: type[M], data: Any, *, what: str) -> M:
    """``data`` parsed as ``model``; an empty answer to a lookup by id is a
    :class:`~cxkit.NotFoundError` (so the method's type needs no ``None``)."""
    if isinstance(data, model):  # decoded in one pass
        return data
    if isinstance(data, Mapping) and data:
        return parse(model, data)
    raise NotFoundError(f"{what} not found", vendor="omi", status_code=404, body=data)
