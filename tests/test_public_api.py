"""The public API: everything in ``complaintcode.__all__`` is importable, sorted and complete."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import complaintcode


def _isort_key(name: str) -> tuple[int, str]:
    """Constants first, then classes, then functions: the order ruff's RUF022 keeps."""
    if name.isupper():
        return (0, name)
    return (1 if name[0].isupper() else 2, name)


def test_all_is_sorted() -> None:
    """``__all__`` is sorted (constants, classes, functions), so that additions are easy to review."""
    assert list(complaintcode.__all__) == sorted(complaintcode.__all__, key=_isort_key)


def test_all_has_no_duplicates() -> None:
    assert len(set(complaintcode.__all__)) == len(complaintcode.__all__)


def test_every_name_in_all_is_importable() -> None:
    for name in complaintcode.__all__:
        assert getattr(complaintcode, name) is not None, name


def _public_modules() -> list[str]:
    return [
        info.name
        for info in pkgutil.iter_modules(complaintcode.__path__, "complaintcode.")
        if not info.name.rsplit(".", 1)[1].startswith("_")
        # The command line's interface is the command itself (docs/cli.md), not Python names.
        and info.name != "complaintcode.cli"
    ]


def test_every_public_name_of_every_public_module_is_re_exported() -> None:
    """Each public module's ``__all__`` is re-exported from the package, so no name is forgotten."""
    missing = [
        f"{module_name}.{name}"
        for module_name in _public_modules()
        for name in getattr(importlib.import_module(module_name), "__all__", ())
        if name not in complaintcode.__all__
    ]
    assert missing == []


def test_every_public_module_declares_all() -> None:
    undeclared = [
        name
        for name in _public_modules()
        if name != "complaintcode.__main__"
        and not hasattr(importlib.import_module(name), "__all__")
    ]
    assert undeclared == []


def test_public_callables_have_docstrings() -> None:
    """Every public class and function documents itself."""
    undocumented = [
        name
        for name in complaintcode.__all__
        if (inspect.isclass(obj := getattr(complaintcode, name)) or inspect.isfunction(obj))
        and not inspect.getdoc(obj)
    ]
    assert undocumented == []
