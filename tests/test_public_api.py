"""The public API: everything in ``complaintcode.__all__`` is importable, sorted and complete."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil

import pytest

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
    """Every module and package below ``complaintcode`` with no private segment in its name."""
    return [
        info.name
        for info in pkgutil.walk_packages(complaintcode.__path__, "complaintcode.")
        if not any(part.startswith("_") for part in info.name.split(".")[1:])
        # The command line's interface is the command itself (docs/cli.md), not Python names.
        and info.name != "complaintcode.cli"
    ]


def test_the_public_modules_are_the_parts_and_the_vocabulary() -> None:
    """The documented import paths: one per part of the Code, its two public modules, the root."""
    assert sorted(_public_modules()) == [
        "complaintcode.calendar",
        "complaintcode.complaint",
        "complaintcode.complaint.events",
        "complaintcode.complaint.lifecycle",
        "complaintcode.deadlines",
        "complaintcode.definition",
        "complaintcode.editions",
        "complaintcode.errors",
        "complaintcode.exclusions",
        "complaintcode.findings",
        "complaintcode.letters",
        "complaintcode.provisions",
        "complaintcode.records",
        "complaintcode.remedies",
        "complaintcode.reporting",
        "complaintcode.selfassessment",
        "complaintcode.stages",
        "complaintcode.store",
    ]


@pytest.mark.parametrize("moved", ["complaintcode.events", "complaintcode.lifecycle"])
def test_no_alias_is_left_where_a_module_moved_from(moved: str) -> None:
    """``events`` and ``lifecycle`` live in the complaint part; the old paths are gone, not aliased."""
    assert importlib.util.find_spec(moved) is None


def test_every_public_name_of_every_public_module_is_re_exported() -> None:
    """Each public module's ``__all__`` is re-exported from the package, so no name is forgotten."""
    missing = [
        f"{module_name}.{name}"
        for module_name in _public_modules()
        for name in getattr(importlib.import_module(module_name), "__all__", ())
        if name not in complaintcode.__all__
    ]
    assert missing == []


def test_every_exported_name_has_a_public_module() -> None:
    """The converse: each name of the package comes from a public module's ``__all__``.

    So that every public name has one documented import path besides the package
    itself, and its module's API page shows it.
    """
    exported = {
        name
        for module_name in _public_modules()
        for name in getattr(importlib.import_module(module_name), "__all__", ())
    }
    assert sorted(set(complaintcode.__all__) - exported) == []


def test_every_public_module_declares_all() -> None:
    undeclared = [
        name for name in _public_modules() if not hasattr(importlib.import_module(name), "__all__")
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


def test_policy_ground_is_one_function_under_both_paths() -> None:
    """2.2: the grounds a landlord's policy sets are made by one function, from either path."""
    exclusions = importlib.import_module("complaintcode.exclusions")
    assert complaintcode.policy_ground is exclusions.policy_ground
    assert "policy_ground" in exclusions.__all__


def test_the_version_is_the_installed_packages() -> None:
    """``complaintcode.__version__`` is the installed distribution's version, read when asked."""
    import importlib.metadata  # noqa: PLC0415  # only this test reads the metadata

    import complaintcode  # noqa: PLC0415

    assert complaintcode.__version__ == importlib.metadata.version("complaintcode")
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        complaintcode.nope  # noqa: B018  # the lookup is the test
