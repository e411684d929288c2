"""A griffe extension for the API reference: Sphinx roles in docstrings read as code.

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
