"""Shared test configuration: Hypothesis settings profiles.

The ``ci`` profile is derandomised and has no deadline, so that CI runs are
repeatable and never fail on a slow machine; it is loaded when ``CI`` is set.
The ``fuzz`` profile (``HYPOTHESIS_PROFILE=fuzz``) runs the fuzz campaign of
``tests/test_fuzz_*.py`` at 10,000 inputs a test (see ``CONTRIBUTING.md``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=100,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.register_profile("thorough", deadline=None, max_examples=2000)
# The fuzz campaign: each fuzz test (tests/test_fuzz_*.py) draws 10,000 inputs, over 100,000 in
# all, each within the one-second deadline those tests set; the other tests run 10,000 too.
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
# Mutation testing (docs/testing.md): mutmut runs the tests many times in one process, with
# MUTANT_UNDER_TEST set; the examples are fixed, so that a mutant is killed by a test and not by
# luck, and the check against a test run from several executors is off.
settings.register_profile(
    "mutation",
    derandomize=True,
    deadline=None,
    max_examples=20,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
)
_DEFAULT = "ci" if os.environ.get("CI") else "dev"
if "MUTANT_UNDER_TEST" in os.environ:
    _DEFAULT = "mutation"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", _DEFAULT))
