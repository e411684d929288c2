"""Session-wide test setup: the hypothesis profile, which cxkit is under test, and one
shared TLS context."""

from __future__ import annotations

import os
import ssl
from pathlib import Path
from typing import Any

import pytest

import cxkit

from . import profiles

SOURCE = Path(__file__).resolve().parents[1] / "src"


def _share_the_default_tls_context() -> None:
    # Each client's pool loads the CA bundle into a new SSLContext: ~40 ms of CPU, most
    # of what a test costs, thousands of times. No test speaks TLS, so the default
    # context (verify=True, no client cert) is made once; any other setting is passed
    # through. If httpx moves the function, tests are only slower.
    try:
        from httpx._transports import default
    except ImportError:  # pragma: no cover
        return
    make = getattr(default, "create_ssl_context", None)
    if make is None:  # pragma: no cover
        return
    shared: dict[bool, ssl.SSLContext] = {}

    def create_ssl_context(verify: Any = True, cert: Any = None, trust_env: bool = True) -> Any:
        if verify is not True or cert is not None:
            return make(verify, cert, trust_env)
        if trust_env not in shared:
            shared[trust_env] = make(verify, cert, trust_env)
        return shared[trust_env]

    setattr(default, "create_ssl_context", create_ssl_context)  # noqa: B010


_share_the_default_tls_context()


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
