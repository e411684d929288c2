"""Shapes and date types shared by several OmniCXM resources."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from ..._core import CXModel, EpochSeconds, local_datetime

if TYPE_CHECKING:
    from typing import TypeAlias

__all__ = ["DISPLAY_FORMATS", "VIETNAM", "CustomFieldsModel", "LocalDateTime", "NamedRef", "Stamp"]

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
"""The zone OmniCXM writes its display dates in (the client's ``time_zone`` default)."""

DISPLAY_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%d/%m/%Y")
"""The display date shapes the docs show: ``2023-09-01 03:21:11`` (CDR),
``2025/07/08 17:13:32`` (chat messages), ``08/07/2025`` (chat day dividers)."""

# local_datetime() builds the validator at run time; type checkers see the plain type.
if TYPE_CHECKING:
    LocalDateTime: TypeAlias = "datetime | None"
else:
    LocalDateTime = local_datetime(VIETNAM, formats=DISPLAY_FORMATS)
"""A display date string read in the client's ``time_zone`` (``Asia/Ho_Chi_Minh`` by default)."""


class Stamp(CXModel):
    """Who did something and when (``created``, ``last_modified``).

    Tickets write ``id``/``username``/``name``; CRM records, comments and requesters
    write ``byid``/``buid``; ``time`` is epoch seconds on the wire.
    """

    id: str | None = None
    byid: str | None = None
    buid: str | None = None
    username: str | None = None
    name: str | None = None
    time: EpochSeconds = None
    avatar: str | None = None
    owner: bool | None = None
    options: list[Any] | None = None


class NamedRef(CXModel):
    """A reference to another record: its id and name."""

    id: str | None = None
    name: str | None = None


class CustomFieldsModel(CXModel):
    """A record whose account-defined fields and groups are kept as sent.

    Unknown keys (custom groups such as ``custom_group_field_1``) are in
    :attr:`custom_fields`; :meth:`value` reads any field by dotted path.
    """

    @property
    def custom_fields(self) -> dict[str, Any]:
        """The fields this model does not declare (account-defined), as sent."""
        return dict(self.model_extra or {})

    def value(self, path: str, default: Any = None) -> Any:
        """A field by dotted path as sent (``"address.city"``, ``"custom_group_field_1.textfield"``)."""
        node: Any = self.to_dict()
        for part in path.split("."):
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                return default
        return node
