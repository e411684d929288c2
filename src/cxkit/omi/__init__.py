"""OMI (OMICall / OmiCRM): ``Omi`` and ``AsyncOmi`` clients.

```python
from cxkit.omi import Omi, ContactFilter

omi = Omi(base_url="https://your-omi-host", token="...")  # or OMI_BASE_URL / OMI_TOKEN
omi.contacts.create(full_name="Nguyen Van A", phones=["0912345678"])
for contact in omi.contacts.list(keyword="0912", filters=[ContactFilter.owner("unassigned")]):
    print(contact.full_name, contact.created_date)
```
"""

from .._core import Operation, collect_operations
from ._async import AsyncOmi
from ._dialect import OmiDialect
from ._sync import Omi
from .types import *  # noqa: F403
from .types import __all__ as _types_all

OPERATIONS: tuple[Operation, ...] = collect_operations(AsyncOmi)
"""Every OMI operation, named by its attribute path (``internal_groups.add_members``)."""
collect_operations(Omi)

__all__ = ["OPERATIONS", "AsyncOmi", "Omi", "OmiDialect", *_types_all]
