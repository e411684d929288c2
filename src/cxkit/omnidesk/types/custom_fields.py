"""Custom (additional) data fields."""

from __future__ import annotations

from ..._core import CXModel

__all__ = ["CustomField"]


class CustomField(CXModel):
    """A custom field of cases or users."""

    field_id: int
    title: str | None = None
    field_type: str | None = None
    """``text``, ``textarea``, ``checkbox``, ``select`` or ``date``."""
    field_level: str | None = None
    """What the field belongs to: ``case`` or ``user``."""
    active: bool | None = None
    field_data: str | dict[str, str] | None = None
    """Choices of a ``select`` field (key -> title); empty for other types."""
