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

from .._core import Operation, collect_operations
from ._async import AsyncOmniCXM, AsyncOmniCXMOptions
from ._dialect import MAX_TAKE, NotCompletedError, OmniCXMDialect
from ._sync import OmniCXM, OmniCXMOptions
from .query import Condition, F, Filter, Sort
from .types import *  # noqa: F403
from .types import __all__ as _types_all

OPERATIONS: tuple[Operation, ...] = collect_operations(AsyncOmniCXM)
"""Every OmniCXM operation, named by its attribute path (``tickets.comments.create``)."""
collect_operations(OmniCXM)

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
