"""Test-session setup shared by every test directory.

The template vendor (``cxkit._template``) is added to the vendor registry here, and
only here: every cross-vendor check reads the registry, so each one runs over the
template too (``tests/core/test_template_vendor.py`` checks that they do). That is
the proof that a new vendor needs one registry entry and nothing else.
"""

from __future__ import annotations

from cxkit import _vendors

_vendors.register(_vendors.TEMPLATE)
