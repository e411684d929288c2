"""OMI (OMICall / OmiCRM): ``Omi`` and ``AsyncOmi`` clients.

```python
from cxkit.omi import Omi, ContactFilter

omi = Omi(base_url="https://your-omi-host", token="...")  # or OMI_BASE_URL / OMI_TOKEN
omi.contacts.create(full_name="Nguyen Van A", phones=["0912345678"])
for contact in omi.contacts.list(keyword="0912", filters=[ContactFilter.owner("unassigned")]):
    print(contact.full_name, contact.created_date)
```
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._core import Operation
    from ._async import AsyncOmi as AsyncOmi
    from ._dialect import OmiDialect as OmiDialect
    from ._sync import Omi as Omi
    from .types import *  # noqa: F403

    OPERATIONS: tuple[Operation, ...]
    """Every OMI operation, named by its attribute path (``internal_groups.add_members``)."""
else:
    from .._core import vendor_exports

    # Imported on first use (cxkit._core.lazy): the clients, the dialect, the models, OPERATIONS.
    __getattr__, __dir__ = vendor_exports(__name__, "Omi")
