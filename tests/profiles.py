"""Hypothesis profiles, chosen by the HYPOTHESIS_PROFILE environment variable.

``dev`` (the default) tries at most ``DEV_EXAMPLES`` examples of each property, for a quick local
run. ``ci`` (what ``.ci/run`` sets) runs every property at the count its ``@settings`` declares,
and 100 where it declares none, the same examples on every run. A property keeps its full
count in its own decorator, so the figures the README quotes ("150 random seasons a run") are
read where the test is.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

PROFILE_VARIABLE = "HYPOTHESIS_PROFILE"
DEV = "dev"
CI = "ci"
DEV_EXAMPLES = 10

# CI draws the same examples on every run (derandomize): a red build then means the change
# under test broke something, never that a new random season turned up an old gap. Local runs
# keep drawing new seasons, which is how such gaps are found.
settings.register_profile(CI, database=None, print_blob=True, derandomize=True)
settings.register_profile(DEV, max_examples=DEV_EXAMPLES)


def profile_name() -> str:
    name = os.environ.get(PROFILE_VARIABLE, DEV)
    if name not in (DEV, CI):
        raise pytest.UsageError(f"{PROFILE_VARIABLE}={name!r}: expected {DEV!r} or {CI!r}")
    return name


def load_profile() -> None:
    settings.load_profile(profile_name())


def use_profile_on(item: pytest.Item) -> None:
    """Caps a property's declared example count at ``DEV_EXAMPLES`` under the dev profile.

    A count written in ``@settings(max_examples=...)`` outranks any profile, so the dev profile
    alone would leave the slow properties at their full count.
    """
    if profile_name() != DEV:
        return
    test = getattr(getattr(item, "obj", None), "__func__", getattr(item, "obj", None))
    if not getattr(test, "is_hypothesis_test", False):
        return
    # Hypothesis reads this attribute each time the test runs; @settings has no public way to be
    # applied twice.
    declared: settings = test._hypothesis_internal_use_settings  # type: ignore[union-attr]
    if declared.max_examples > DEV_EXAMPLES:
        test._hypothesis_internal_use_settings = settings(declared, max_examples=DEV_EXAMPLES)  # type: ignore[union-attr]
