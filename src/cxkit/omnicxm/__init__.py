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

if TYPE_CHECKING:
    from .._core import Operation
    from ._async import AsyncOmniCXM as AsyncOmniCXM
    from ._async import AsyncOmniCXMOptions as AsyncOmniCXMOptions
    from ._dialect import MAX_TAKE as MAX_TAKE
    from ._dialect import NotCompletedError as NotCompletedError
    from ._dialect import OmniCXMDialect as OmniCXMDialect
    from ._sync import OmniCXM as OmniCXM
    from ._sync import OmniCXMOptions as OmniCXMOptions
    from .query import Condition as Condition
    from .query import F as F
    from .query import Filter as Filter
    from .query import Sort as Sort
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
        {
            "._async": ("AsyncOmniCXMOptions",),
            "._sync": ("OmniCXMOptions",),
            "._dialect": ("MAX_TAKE", "NotCompletedError"),
            ".query": ("Condition", "F", "Filter", "Sort"),
        },
    )
