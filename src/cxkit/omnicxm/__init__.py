"""OmniCXM (South Telecom / Worldfone omnichannel CRM): ``OmniCXM`` and ``AsyncOmniCXM`` clients.

```python
from datetime import datetime, timedelta, timezone
from cxkit.omnicxm import OmniCXM, F

cxm = OmniCXM(username="admin.C0001", password="...")   # or secret_key=..., or OMNICXM_* env vars
since = datetime.now(timezone.utc) - timedelta(days=7)
for ticket in cxm.tickets.read(where=F("last_modified.time") >= since,
                               sort=("created.time", "desc"), take=100):
    print(ticket.basicinfo.ticket_id, ticket.basicinfo.subject, ticket.created.time)
```
"""

from typing import TYPE_CHECKING

from .types import __all__ as _types_all

if TYPE_CHECKING:
    from .._core import Operation
    from ._async import AsyncOmniCXM, AsyncOmniCXMOptions
    from ._dialect import MAX_TAKE, NotCompletedError, OmniCXMDialect
    from ._sync import OmniCXM, OmniCXMOptions
    from .query import Condition, F, Filter, Sort
    from .types import *  # noqa: F403

    OPERATIONS: tuple[Operation, ...]
    """Every OmniCXM operation, named by its attribute path (``tickets.comments.create``)."""
else:
    from .._core import vendor_exports

    # Imported on first use (cxkit._core.lazy): the clients, the dialect, the query builder,
    # the models, OPERATIONS.
    __getattr__, __dir__ = vendor_exports(
        __name__,
        "OmniCXM",
        _types_all,
        {
            "._async": ("AsyncOmniCXMOptions",),
            "._sync": ("OmniCXMOptions",),
            "._dialect": ("MAX_TAKE", "NotCompletedError"),
            ".query": ("Condition", "F", "Filter", "Sort"),
        },
    )

__all__ = [
    "MAX_TAKE",
    "OPERATIONS",
    "AsyncOmniCXM",
    "AsyncOmniCXMOptions",
    "Condition",
    "F",
    "Filter",
    "NotCompletedError",
    "OmniCXM",
    "OmniCXMDialect",
    "OmniCXMOptions",
    "Sort",
    *_types_all,
]
