"""Hypothesis profiles: ``fast`` by default, ``long`` with ``CXKIT_HYPOTHESIS=long``.

The fast profile keeps the README's test command within a minute and a half on two
cores: every model and every operation is still exercised (the property tests are
parametrized per model and per vendor, and a deterministic test walks every
operation), with fewer random examples each and a fixed seed, so a run never
depends on luck. The long profile draws about four times what the suite drew before it
was sized, from a fresh seed each run, to look for new failures; CI runs it as a
separate step. A failure it finds is printed with a ``@reproduce_failure`` blob;
pin it as a plain test.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

__all__ = ["PROFILE", "examples"]

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "fast", derandomize=True, deadline=None, database=None, suppress_health_check=_SLOW_OK
)
settings.register_profile(
    "long",
    derandomize=False,
    print_blob=True,
    deadline=None,
    database=None,
    suppress_health_check=_SLOW_OK,
)

PROFILE = os.environ.get("CXKIT_HYPOTHESIS", "fast")
if PROFILE not in ("fast", "long"):
    raise RuntimeError(f"CXKIT_HYPOTHESIS={PROFILE!r}: use 'fast' or 'long'")
settings.load_profile(PROFILE)


def examples(fast: int, long: int) -> int:
    """The number of examples a property test draws under the current profile."""
    return long if PROFILE == "long" else fast
