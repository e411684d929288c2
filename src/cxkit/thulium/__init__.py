"""Thulium (Polish contact center): ``Thulium`` and ``AsyncThulium`` clients.

```python
from cxkit.thulium import Thulium

th = Thulium(system="acme", username="api", password="...")  # or THULIUM_* env vars
for customer in th.customers.list(email="jan.kowalski@foo.bar", include_custom_fields=True):
    print(customer.customer_id, customer.surname, customer.custom_fields)
th.agents.pause("jkowalski", pause_id=1)
result = th.batch.customers.create([{"surname": "Kowalski"}, {"surname": "Nowak"}])
result.raise_for_failures()
```
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._core import Operation
    from ._async import AsyncThulium as AsyncThulium
    from ._dialect import ThuliumDialect as ThuliumDialect
    from ._sync import Thulium as Thulium
    from .types import *  # noqa: F403

    OPERATIONS: tuple[Operation, ...]
    """Every Thulium operation, named by its attribute path (``customers.notes.create``)."""
else:
    from .._core import vendor_exports

    # Imported on first use (cxkit._core.lazy): the clients, the dialect, the models, OPERATIONS.
    __getattr__, __dir__ = vendor_exports(__name__, "Thulium")
