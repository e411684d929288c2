"""What each vendor can do through :mod:`cxkit.unified`, as data."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from .models import Vendor

__all__ = ["UNIFIED_OPERATIONS", "Capabilities", "FilterPlace", "capabilities_of"]

UNIFIED_OPERATIONS: tuple[str, ...] = (
    "tickets.list",
    "tickets.get",
    "tickets.create",
    "tickets.update",
    "tickets.comments.list",
    "tickets.comments.create",
    "contacts.list",
    "contacts.get",
    "contacts.find",
    "contacts.create",
    "agents.list",
    "agents.get",
    "calls.list",
)
"""Every unified operation, by its attribute path on a :class:`~cxkit.unified.Helpdesk`."""

FilterPlace = Literal["vendor", "client"]
"""Where a ``tickets.list`` filter is applied: sent to the vendor, or while paging."""

TICKET_FILTERS = ("updated_since", "created_since", "status", "assignee_id")
TICKET_FIELDS = ("subject", "description", "status", "priority", "assignee_id", "tags")


class Capabilities(BaseModel):
    """Which unified operations a vendor supports, where ticket filters run, and which
    ticket fields it can write. An unsupported operation raises
    :class:`~cxkit.UnsupportedOperationError` before anything is sent."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    vendor: Vendor
    operations: dict[str, bool]
    """Every name of :data:`UNIFIED_OPERATIONS` -> whether this vendor supports it."""
    ticket_filters: dict[str, FilterPlace]
    """``tickets.list`` filter -> ``"vendor"`` or ``"client"`` (empty without tickets)."""
    ticket_fields: tuple[str, ...]
    """Ticket fields ``tickets.update`` can change (``tickets.create`` always takes the
    subject and description; its ``priority`` needs ``"priority"`` here)."""

    def supports(self, operation: str) -> bool:
        """Whether ``operation`` (``"tickets.list"``...) is supported; unknown names raise."""
        try:
            return self.operations[operation]
        except KeyError:
            raise ValueError(
                f"unknown unified operation {operation!r}; one of: {', '.join(UNIFIED_OPERATIONS)}"
            ) from None

    @property
    def supported(self) -> tuple[str, ...]:
        """The supported operations, in :data:`UNIFIED_OPERATIONS` order."""
        return tuple(name for name in UNIFIED_OPERATIONS if self.operations[name])


def _caps(
    vendor: Vendor,
    missing: tuple[str, ...],
    filters: dict[str, FilterPlace],
    fields: tuple[str, ...],
) -> Capabilities:
    return Capabilities(
        vendor=vendor,
        operations={name: name not in missing for name in UNIFIED_OPERATIONS},
        ticket_filters=filters,
        ticket_fields=fields,
    )


_TICKETS = tuple(name for name in UNIFIED_OPERATIONS if name.startswith("tickets."))

_BY_VENDOR: dict[str, Capabilities] = {
    "omnidesk": _caps(
        "omnidesk",
        ("calls.list",),
        {
            "updated_since": "vendor",
            "created_since": "vendor",
            "status": "vendor",
            "assignee_id": "vendor",
        },
        ("subject", "status", "priority", "assignee_id", "tags"),
    ),
    "thulium": _caps(
        "thulium",
        ("calls.list",),
        {
            "updated_since": "vendor",
            "created_since": "vendor",
            "status": "vendor",
            "assignee_id": "vendor",
        },
        ("status", "assignee_id", "tags"),
    ),
    "omnicxm": _caps(
        "omnicxm",
        (),
        {
            "updated_since": "vendor",
            "created_since": "vendor",
            "status": "client",
            "assignee_id": "vendor",
        },
        TICKET_FIELDS,
    ),
    "omi": _caps("omi", (*_TICKETS, "calls.list"), {}, ()),
}


def capabilities_of(vendor: str) -> Capabilities:
    """The capabilities of ``vendor`` (``"omnidesk"``, ``"thulium"``, ``"omnicxm"``, ``"omi"``)."""
    try:
        return _BY_VENDOR[vendor]
    except KeyError:
        raise ValueError(f"unknown vendor {vendor!r}; one of: {', '.join(_BY_VENDOR)}") from None
