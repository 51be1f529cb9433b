# ruff: noqa: INP001  # a pytest conftest, collected by path, not a package
"""Collecting docs/ as tests: the examples on every page, and the docs build's own extension.

The extension in ``_ext/`` is a plug-in of the docs build and imports ``griffe``,
which only the ``docs`` dependency group installs. Without it the module is not
collected, so that ``pip install --group test`` alone runs the whole suite;
``tests/test_docs_extension.py`` tests the extension, and skips saying why.
Likewise ``notebook.md``, a session on pandas data frames, is skipped without
pandas, saying why.
"""

from __future__ import annotations

import importlib.util

import pytest

collect_ignore = [] if importlib.util.find_spec("griffe") else ["_ext/doctest_fences.py"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip docs/notebook.md without pandas: its session works on data frames."""
    if importlib.util.find_spec("pandas") is not None:
        return
    reason = "docs/notebook.md works on data frames: install pandas (complaintcode[pandas])"
    for item in items:
        if item.path.name == "notebook.md" and item.path.parent.name == "docs":
            item.add_marker(pytest.mark.skip(reason=reason))
