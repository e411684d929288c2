"""The template vendor: the smallest complete vendor package, to copy for a new one.

It speaks to an imaginary "Template" API whose answers are the envelope
``{"ok": true, "data": ...}`` (``{"ok": false, "code": 404, "error": "..."}`` on
failure, even with HTTP 200) and whose lists are ``{"items": [...], "total": N}``
pages asked for with ``page``/``limit``. docs/architecture.md has the checklist
that turns a copy of this folder into a real vendor; ``cxkit.testing._template``
is its fake and docs/template.md its guide.

```python
from cxkit._template import Template

client = Template(api_key="...")  # or TEMPLATE_API_KEY
item = client.items.create(name="first")
for each in client.items.list():
    print(each.id, each.name, each.created)
```
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._core import Operation
    from ._async import AsyncTemplate as AsyncTemplate
    from ._dialect import TemplateDialect as TemplateDialect
    from ._sync import Template as Template
    from .types import *  # noqa: F403

    OPERATIONS: tuple[Operation, ...]
    """Every operation, named by its attribute path (``items.moveup``)."""
else:
    from .._core import vendor_exports

    # Imported on first use (cxkit._core.lazy): the clients, the dialect, the models, OPERATIONS.
    __getattr__, __dir__ = vendor_exports(__name__, "Template")
