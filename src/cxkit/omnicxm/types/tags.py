"""Tags."""

from __future__ import annotations

from pydantic import AliasChoices, Field

from ..._core import CXModel
from .common import Stamp

__all__ = ["Tag"]


class Tag(CXModel):
    """A tag (the docs show only empty lists; every field is optional)."""

    id: str | None = Field(default=None, validation_alias=AliasChoices("id", "_id"))
    name: str | None = None
    module: str | None = None
    color: str | None = None
    created: Stamp | None = None
    last_modified: Stamp | None = None
