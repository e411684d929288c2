"""Permission checks."""

from __future__ import annotations

from ..._core import CXModel

__all__ = ["PermissionCheck"]


class PermissionCheck(CXModel):
    """The answer of a module permission check: ``response`` is the verdict."""

    module: str | None = None
    permission: str | None = None
    response: bool | None = None

    @property
    def allowed(self) -> bool:
        """Whether the permission is granted."""
        return self.response is True
