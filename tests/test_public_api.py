"""The public API: everything in ``complaintcode.__all__`` is importable, sorted and complete.

The package loads its parts when a name is first used (PEP 562): the tests below
also hold that the names type checkers see, the names ``__all__`` lists and the
names the package loads are the same, each the very object its public module
exports, and that importing the package loads none of the heavy dependencies.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import complaintcode

INIT = Path(complaintcode.__file__)


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


# --- the names loaded when first used -----------------------------------------------------


def _type_checking_imports() -> dict[str, list[str]]:
    """The names imported under ``if TYPE_CHECKING:`` in the package's ``__init__``, by module."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    )
    found: dict[str, list[str]] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom), ast.unparse(node)
        assert node.module is not None
        found.setdefault(node.module.removeprefix("complaintcode."), []).extend(
            alias.name for alias in node.names if alias.asname is None
        )
    return found


def test_type_checkers_see_the_names_the_package_loads() -> None:
    """The imports for type checkers, the table of where names live, and ``__all__`` agree."""
    seen = _type_checking_imports()
    loaded = {module: list(names) for module, names in complaintcode._FROM.items()}
    assert seen == loaded
    assert sorted(n for names in seen.values() for n in names) == sorted(complaintcode.__all__)


def test_each_name_is_the_object_its_public_module_exports() -> None:
    """``complaintcode.X`` is the very object of its module, and that module lists it."""
    for module, names in complaintcode._FROM.items():
        source = importlib.import_module(f"complaintcode.{module}")
        for name in names:
            assert name in source.__all__, f"{module}.{name}"
            assert getattr(complaintcode, name) is getattr(source, name), f"{module}.{name}"


def _run(code: str) -> str:
    return subprocess.run(  # noqa: S603  # our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout


HEAVY = ("statemachine", "workalendar", "asyncio", "pandas", "numpy", "sqlite3", "attrs")


def test_importing_the_package_loads_no_part_and_no_heavy_dependency() -> None:
    """``import complaintcode`` loads the package's face alone: none of its parts, neither
    python-statemachine nor workalendar, asyncio, pandas, numpy, sqlite3 or attrs."""
    out = _run(
        "import sys\n"
        "import complaintcode\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'complaintcode'))\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    assert out == "['complaintcode']\n[]\n"


def test_one_deadline_loads_neither_the_state_machine_nor_workalendar() -> None:
    """6.2: a program that asks for one deadline loads the deadlines and the calendar only."""
    out = _run(
        "import datetime as dt, sys\n"
        "import complaintcode\n"
        "print(complaintcode.acknowledgement_due(1, received=dt.date(2024, 5, 3)).due)\n"
        "print([m for m in ('statemachine', 'workalendar', 'asyncio', 'pandas', 'numpy',"
        " 'sqlite3') if m in sys.modules])\n"
        "print([m for m in ('complaintcode.complaint', 'complaintcode.reporting',"
        " 'complaintcode.records', 'complaintcode.store', 'complaintcode.cli',"
        " 'complaintcode.selfassessment') if m in sys.modules])\n"
    )
    assert out == "2024-05-13\n[]\n[]\n"


def test_every_name_in_all_loads_in_a_fresh_interpreter() -> None:
    """``from complaintcode import *`` binds every name of ``__all__``, each from its module."""
    out = _run(
        "import complaintcode\n"
        "from complaintcode import *\n"
        "missing = [n for n in complaintcode.__all__ if n not in globals()]\n"
        "print(missing, len(complaintcode.__all__))\n"
    )
    assert out == f"[] {len(complaintcode.__all__)}\n"


def test_a_name_shared_with_a_module_stays_the_name() -> None:
    """``complaintcode.provisions`` is the function, even after its module is imported first."""
    out = _run(
        "import sys\n"
        "import complaintcode.provisions\n"
        "import complaintcode\n"
        "from complaintcode.deadlines import response_due\n"
        "print(callable(complaintcode.provisions), complaintcode.provisions(2024)[0].number)\n"
        "print(complaintcode.provisions is sys.modules['complaintcode.provisions'].provisions)\n"
    )
    assert out == "True 1.2\nTrue\n"


def test_the_parts_are_attributes_of_the_package() -> None:
    """``complaintcode.calendar`` and the other public modules load when used as attributes."""
    out = _run(
        "import complaintcode\n"
        "print(complaintcode.calendar.england_and_wales().name)\n"
        "print(complaintcode.complaint.lifecycle.next_state('received', 'acknowledge'))\n"
    )
    assert out == "england-and-wales\nstage_1\n"
    public = {name.split(".")[1] for name in _public_modules()}
    assert public == complaintcode._MODULES


def test_dir_lists_every_public_name() -> None:
    """``dir(complaintcode)`` shows every public name, loaded yet or not, and the version."""
    names = dir(complaintcode)
    public = {*complaintcode.__all__, *complaintcode._MODULES, "__version__"}
    assert {name for name in names if not name.startswith("__")} == public - {"__version__"}
    assert "__version__" in names
    assert "__all__" in names
    assert names == sorted(names)
    fresh = _run(
        "import complaintcode\nprint(len(set(complaintcode.__all__) - set(dir(complaintcode))))\n"
    )
    assert fresh == "0\n"
