"""Generic pieces the declared resources of several fakes share, beyond ``_server``.

Kept apart from ``_server`` (owned with the rest of the shared fake machinery) until it
takes them: records nested in a parent record, looked up through the parent's resource.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._server import FakeRequest, FakeServer, Record, Resource

__all__ = ["children"]


def children(
    parent: Resource, attr: str, param: str = "id"
) -> Callable[[FakeServer, FakeRequest | None], list[Record]]:
    """A ``Resource.store`` for records kept per parent: ``getattr(fake, attr)`` maps the
    id of the parent record (found through ``parent`` from the path parameter ``param``,
    a 404 when there is none) to its list of records."""

    def store(fake: FakeServer, request: FakeRequest | None) -> list[Record]:
        assert request is not None, "nested records need the request naming their parent"
        found: Any = fake.find(parent, request.path_params[param], request)
        for part in parent.key.split("."):
            found = found[part]
        records: list[Record] = getattr(fake, attr).setdefault(found, [])
        return records

    return store
