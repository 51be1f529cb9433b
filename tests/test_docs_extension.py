"""The docs build's extension (docs/_ext/doctest_fences.py): docstring examples shown as code.

Every example in a docstring runs as a doctest; the extension fences each run of
``>>>`` lines so that the rendered reference shows it as code. The extension is a
plug-in of the docs build and needs ``griffe`` (the ``docs`` dependency group):
without it these tests skip.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from types import ModuleType

EXTENSION = Path(__file__).resolve().parents[1] / "docs" / "_ext" / "doctest_fences.py"


def _extension() -> ModuleType:
    pytest.importorskip("griffe", reason="the docs extension needs griffe (the docs group)")
    spec = importlib.util.spec_from_file_location("doctest_fences", EXTENSION)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_run_of_doctest_lines_is_fenced() -> None:
    """A ``>>>`` line and its output, up to a blank line, become a ``pycon`` block."""
    fence = _extension().fence
    text = "Summary.\n\n    >>> 1 + 1\n    2\n\n    More text."
    assert fence(text) == (
        "Summary.\n\n    ```pycon\n    >>> 1 + 1\n    2\n    ```\n\n    More text."
    )


def test_a_run_at_the_end_is_closed() -> None:
    """A docstring that ends inside an example still gets its closing fence."""
    fence = _extension().fence
    assert fence(">>> x = 1") == "```pycon\n>>> x = 1\n```"


def test_text_without_examples_is_unchanged() -> None:
    """Prose alone passes through untouched."""
    fence = _extension().fence
    assert fence("Just words.\nMore words.") == "Just words.\nMore words."
