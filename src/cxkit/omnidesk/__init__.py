"""Omnidesk (omnidesk.ru helpdesk): ``Omnidesk`` and ``AsyncOmnidesk`` clients.

```python
from cxkit.omnidesk import Omnidesk

desk = Omnidesk(domain="acme", email="bot@acme.ru", api_key="...")  # or OMNIDESK_* env vars
case = desk.cases.create(subject="Printer on fire", user_email="ann@x.io", content="Help")
for case in desk.cases.list(status="open"):
    print(case.case_id, case.created_at)
```
"""

from .._core import Operation, collect_operations
from ._async import AsyncOmnidesk
from ._dialect import OmnideskDialect
from ._sync import Omnidesk
from .types import *  # noqa: F403
from .types import __all__ as _types_all

OPERATIONS: tuple[Operation, ...] = collect_operations(AsyncOmnidesk)
"""Every Omnidesk operation, named by its attribute path (``cases.messages.create``)."""
collect_operations(Omnidesk)

__all__ = ["OPERATIONS", "AsyncOmnidesk", "Omnidesk", "OmnideskDialect", *_types_all]
