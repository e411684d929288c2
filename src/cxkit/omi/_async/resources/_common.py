"""Small request/answer helpers shared by the OMI resources."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from ...._core import CXModel
from ...._core._async.client import AsyncAPIClient

M = TypeVar("M", bound=CXModel)


def one(client: AsyncAPIClient, model: type[M], data: Any) -> M | None:
    """``data`` parsed as ``model`` when it is an object; ``None`` otherwise (the docs
    show no answer for several writes, which may send ``null`` or ``true``)."""
    if isinstance(data, Mapping):
        result: M = client._parse(model, data)
        return result
    return None


def text(name: str, value: Any) -> str:
    """A required, non-empty string argument."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string")
    return value


def texts(name: str, values: Any) -> list[str]:
    """A required, non-empty list of non-empty strings (a single string is refused)."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or not values:
        raise ValueError(f"{name} must be a non-empty list of strings")
    return [text(f"{name} item", v) for v in values]


def integer(name: str, value: Any, *, low: int | None = None, high: int | None = None) -> int:
    """An int argument within ``[low, high]``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an integer")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{name} must be between {low} and {high}")
    return value
