"""Omnidesk (omnidesk.ru helpdesk): ``Omnidesk`` and ``AsyncOmnidesk`` clients.

```python
from cxkit.omnidesk import Omnidesk

desk = Omnidesk(domain="acme", email="bot@acme.ru", api_key="...")  # or OMNIDESK_* env vars
case = desk.cases.create(subject="Printer on fire", user_email="ann@x.io", content="Help")
for case in desk.cases.list(status="open"):
    print(case.case_id, case.created_at)
```
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._core import Operation
    from ._async import AsyncOmnidesk as AsyncOmnidesk
    from ._dialect import OmnideskDialect as OmnideskDialect
    from ._sync import Omnidesk as Omnidesk
    from .types import *  # noqa: F403

    OPERATIONS: tuple[Operation, ...]
    """Every Omnidesk operation, named by its attribute path (``cases.messages.create``)."""
else:
    from .._core import vendor_exports

    # Imported on first use (cxkit._core.lazy): the clients, the dialect, the models, OPERATIONS.
    __getattr__, __dir__ = vendor_exports(__name__, "Omnidesk")
