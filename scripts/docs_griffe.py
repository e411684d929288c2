"""griffe extensions for the API reference: Sphinx roles in docstrings read as code,
and the names a lazy package serves on first use count as its runtime names.

Some docstrings say ``:class:`ContactInput``` (the reST habit); Markdown would show
the role's name as text. The role is dropped and its target kept as code, its last
part only when written ``~a.b.C``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(
    r":(?:py:)?(?:class|func|meth|attr|mod|obj|exc|data|const):`(?P<tilde>~?)(?P<target>[^`]+)`"
)

_SERVES = re.compile(r"\b(?:lazy_exports|lazy_modules|vendor_exports)\(")


def plain_roles(text: str) -> str:
    """``text`` with each Sphinx role turned into a code span."""

    def sub(match: re.Match[str]) -> str:
        target = match.group("target")
        if match.group("tilde"):
            target = target.rsplit(".", 1)[-1]
        return f"``{target}``"

    return _ROLE.sub(sub, text)


class SphinxRoles(griffe.Extension):
    """Rewrite the roles of every docstring griffe reads."""

    def on_instance(self, *, node: Any, obj: griffe.Object, agent: Any, **kwargs: Any) -> None:
        """Rewrite the docstring of one object, as griffe loads it."""
        if obj.docstring is not None:
            obj.docstring.value = plain_roles(obj.docstring.value)


class LazyExports(griffe.Extension):
    """Names a package serves on first use (``cxkit._core.lazy``) exist at runtime.

    Such a package imports its names under ``if TYPE_CHECKING:`` and returns them
    from its module ``__getattr__``; griffe takes type-guarded names for absent at
    runtime, so ``from .types import *`` there would export nothing. In a package
    that calls ``lazy_exports(...)``, ``lazy_modules(...)`` or ``vendor_exports(...)``
    they are marked as runtime names.
    """

    @staticmethod
    def _serves_lazily(agent: Any) -> bool:
        return bool(getattr(agent, "type_guarded", False)) and bool(
            _SERVES.search(str(getattr(agent, "code", "")))
        )

    def on_alias_instance(self, *, alias: griffe.Alias, agent: Any, **kwargs: Any) -> None:
        """Mark a type-guarded import of a lazy package as a runtime name."""
        if self._serves_lazily(agent):
            alias.runtime = True

    def on_attribute_instance(self, *, attr: griffe.Attribute, agent: Any, **kwargs: Any) -> None:
        """Mark a type-guarded attribute (``OPERATIONS``) of a lazy package as a runtime name."""
        if self._serves_lazily(agent):
            attr.runtime = True

    def on_module_members(self, *, mod: griffe.Module, **kwargs: Any) -> None:
        """Mark what a module lists in ``__all__`` as runtime names: a name defined one
        way for the type checker and another at runtime (``if TYPE_CHECKING: ...
        else: ...``) is still exported, so ``from .module import *`` offers it."""
        for name in mod.exports or ():
            member = mod.members.get(str(name))
            if member is not None and not member.is_alias:
                member.runtime = True
