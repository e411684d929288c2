"""Macros: canned sets of actions, common and personal (beyond the documented seed)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from ..._core import CXModel

__all__ = ["Macro", "MacroAction", "MacroCatalog", "MacroCategory"]


def _entries(value: Any) -> Any:
    """A list sent as a list or as an object with numeric keys (``{"0": {...}}``)."""
    if isinstance(value, Mapping):
        keys = [k for k in value if str(k).isdigit()]
        return [value[k] for k in sorted(keys, key=int)]
    return value


def _keyed_macros(value: Any) -> Any:
    """Macros keyed by their id (``{"196529": {...}}``) as a list carrying ``macro_id``."""
    if isinstance(value, Mapping):
        out = []
        for key, macro in value.items():
            if isinstance(macro, Mapping) and "macro_id" not in macro and str(key).isdigit():
                macro = {"macro_id": int(key), **macro}
            out.append(macro)
        return out
    return value


class MacroAction(CXModel):
    """One action of a macro (``action_type``: ``add_note``, ``status``, ``email_to_user``...)."""

    macro_action_id: int
    action_type: str | None = None
    action_display_name: str | None = None
    action_destination: str | int | dict[str, str] | None = None
    """The action's target: a value (a group or status id) or texts by language id."""
    content: str | None = None
    subject: str | None = None
    position: int | None = None


class Macro(CXModel):
    """A macro."""

    macro_id: int
    """The macro's id (the key the API files it under)."""
    title: str | None = None
    position: int | None = None
    group_name: str | None = None
    actions: list[MacroAction] | None = None


class MacroCategory(CXModel):
    """A category of macros (id 0: macros without a category)."""

    macros_category_id: int
    title: str | None = None
    sort: int | None = None
    macros: Annotated[list[Macro] | None, BeforeValidator(_keyed_macros)] = Field(
        default=None, alias="data"
    )
    """The category's macros (``data`` on the wire)."""


class MacroCatalog(CXModel):
    """The macros the API user can apply: ``common`` (shared) and ``personal``."""

    common: Annotated[list[MacroCategory] | None, BeforeValidator(_entries)] = None
    personal: Annotated[list[MacroCategory] | None, BeforeValidator(_entries)] = None
