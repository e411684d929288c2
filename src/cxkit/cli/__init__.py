"""The ``cxkit`` command line (``pip install 'cxkit[cli]'``).

``cxkit <vendor> <resource...> <verb> [ARGS] [--options]`` calls any operation of
the cxkit clients; ``cxkit ops <vendor>`` lists them; ``cxkit export`` pages a list
operation into a JSON Lines file, resumably. Commands are generated from each
vendor's ``OPERATIONS`` registry. See docs/cli.md.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from ._app import State, build_app
from ._errors import ExitCode
from ._vendors import VENDORS

__all__ = ["ExitCode", "State", "build_app", "main"]


def _wanted(args: Sequence[str]) -> list[str] | None:
    """The one vendor a command line names, so that only its package is imported."""
    for arg in args:
        if arg in VENDORS:
            return [arg]
        if arg in ("--help", "-h"):
            return None
    return None


def main(args: Sequence[str] | None = None, **extra: Any) -> None:
    """Run ``cxkit`` with ``args`` (default: the process's); exits with the command's code."""
    argv = list(sys.argv[1:] if args is None else args)
    app = build_app(_wanted(argv))
    command = __import__("typer").main.get_command(app)
    command.main(args=argv, prog_name="cxkit", **extra)
