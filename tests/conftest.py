"""Session-wide test setup: the hypothesis profile, and which cxkit is under test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import cxkit

from . import profiles

SOURCE = Path(__file__).resolve().parents[1] / "src"


def pytest_report_header() -> list[str]:
    return [
        f"cxkit {cxkit.__version__} from {Path(cxkit.__file__).parent}, hypothesis profile {profiles.PROFILE}"
    ]


def pytest_sessionstart(session: pytest.Session) -> None:
    # CI runs the docs tests against the built wheel: make sure that is what they import.
    if os.environ.get("CXKIT_TEST_INSTALLED") == "1":
        where = Path(cxkit.__file__).resolve()
        if where.is_relative_to(SOURCE):
            raise pytest.UsageError(f"CXKIT_TEST_INSTALLED=1 but cxkit comes from {where}")


# The template vendor (``cxkit._template``) is added to the vendor registry here, and
# only here: every cross-vendor check reads the registry, so each one runs over the
# template too (``tests/core/test_template_vendor.py`` checks that they do).
from cxkit import _vendors  # noqa: E402

_vendors.register(_vendors.TEMPLATE)
