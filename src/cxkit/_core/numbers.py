"""Reading numbers a vendor sent, which may be anything."""

from __future__ import annotations

import math
from typing import Any

__all__ = ["as_int"]

_BOUND = 2**53  # beyond any real count, quota or timestamp; larger values are not believed


def as_int(value: Any) -> int | None:
    """A count or number the vendor sent, as an int; ``None`` when it is not one
    (bools, ``inf``, ``1e400``, absurdly large values, text that is no number)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip()) if not value.strip().lstrip("-").isdigit() else int(value)
        except ValueError:
            return None
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) >= _BOUND:
            return None
        return int(value)
    if isinstance(value, int):
        return value if abs(value) < _BOUND else None
    return None
