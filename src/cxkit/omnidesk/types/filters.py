"""Case filters of the authenticated staff member."""

from __future__ import annotations

from pydantic import AliasChoices, Field

from ..._core import CXModel

__all__ = ["Filter"]


class Filter(CXModel):
    """A case filter; built-in filters have text IDs (``unassigned``), custom ones numbers."""

    filter_id: int | str
    filter_name: str | None = None
    is_selected: bool | None = Field(
        default=None,
        validation_alias=AliasChoices("isSelected", "is_selected"),
        serialization_alias="isSelected",
    )
    is_custom: bool | None = Field(
        default=None,
        validation_alias=AliasChoices("isCustom", "is_custom"),
        serialization_alias="isCustom",
    )
