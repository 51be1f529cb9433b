"""The architecture of docs/architecture.md, held against every module's imports.

The layer order is written once, in the table between the ``layers`` markers of
``docs/architecture.md``. These tests read it, and every module's imports with
:mod:`ast` (run-time imports, imports inside functions and imports made only for
type checkers alike), and fail on an import that runs upwards or sideways, on a
part entered other than through its face, on a cycle of run-time imports, and on
a face that hides one of its rooms. The table of where each provision's rule
lives is made from the code here too; ``python tests/test_architecture.py
--write`` writes it into the page.
"""

from __future__ import annotations

import ast
import re
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from complaintcode.editions import CODE_2022, CODE_2024
from complaintcode.provisions import provision

if TYPE_CHECKING:
    from collections.abc import Mapping

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
PACKAGE = SRC / "complaintcode"
PAGE = REPO / "docs" / "architecture.md"
ROOT = "complaintcode"


class Import(NamedTuple):
    """One imported module, from one module, with the names taken from it."""

    source: str
    target: str
    line: int
    names: tuple[str, ...]
    type_checking: bool
    top_level: bool


@cache
def modules() -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its own name)."""
    found: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


@cache
def tree(module: str) -> ast.Module:
    """A module's syntax tree, read once for every test that looks at it."""
    path = modules()[module]
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def unit(module: str) -> str:
    """The unit a module belongs to: its part, its root module, or ``__init__`` for the face."""
    parts = module.split(".")
    return "__init__" if len(parts) == 1 else parts[1]


def is_part(name: str) -> bool:
    """Whether a unit is a part of the Code (a package), not a root module."""
    return (PACKAGE / name / "__init__.py").is_file()


@cache
def layers() -> dict[str, int]:
    """The layer of each unit, as the page's table states it."""
    text = PAGE.read_text(encoding="utf-8")
    block = re.search(r"<!-- layers:.*?-->\n(.*?)<!-- /layers -->", text, re.DOTALL)
    assert block is not None, "docs/architecture.md has no layers table"
    found: dict[str, int] = {}
    for row in block.group(1).splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[0].isdigit():
            continue
        for name in re.findall(r"`([^`]+)`", cells[1]):
            assert name not in found, f"{name} is in two layers"
            found[name] = int(cells[0])
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _package_of(module: str) -> str:
    return module if modules()[module].name == "__init__.py" else module.rpartition(".")[0]


def _resolve(module: str, node: ast.ImportFrom) -> str:
    """The absolute name of the module a ``from ... import`` reads from."""
    if not node.level:
        return node.module or ""
    base = _package_of(module).split(".")
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


class _Collector(ast.NodeVisitor):
    def __init__(self, module: str) -> None:
        self.module = module
        self.found: list[Import] = []
        self._type_checking = False
        self._depth = 0

    def _add(self, target: str, line: int, names: tuple[str, ...]) -> None:
        if target == ROOT or target.startswith(ROOT + "."):
            top = self._depth == 0
            self.found.append(Import(self.module, target, line, names, self._type_checking, top))

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            before, self._type_checking = self._type_checking, True
            for child in node.body:
                self.visit(child)
            self._type_checking = before
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def _nested(self, node: ast.AST) -> None:
        self._depth += 1
        self.generic_visit(node)
        self._depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _nested  # noqa: N815  # ast's names

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node.lineno, ())

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = _resolve(self.module, node)
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            if submodule in modules():  # ``from complaintcode.part import _room``
                self._add(submodule, node.lineno, ())
            else:
                self._add(base, node.lineno, (alias.name,))


@cache
def imports() -> tuple[Import, ...]:
    """Every import of a module of the package, in every module of the package."""
    found: list[Import] = []
    for module in modules():
        collector = _Collector(module)
        collector.visit(tree(module))
        found.extend(collector.found)
    return tuple(found)


def _where(imp: Import) -> str:
    kind = " (for type checkers)" if imp.type_checking else ""
    names = f" ({', '.join(imp.names)})" if imp.names else ""
    return f"{modules()[imp.source].relative_to(SRC)}:{imp.line}: {imp.target}{names}{kind}"


def test_every_module_has_a_layer_and_every_layer_names_real_units() -> None:
    """The page's table covers the package exactly: no module without a layer, no stale name."""
    units = {unit(m) for m in modules()}
    assert sorted(units - set(layers())) == []
    assert sorted(set(layers()) - units) == []


def test_the_parts_are_the_codes_parts() -> None:
    """The nine parts of the Code are packages with a face, and nothing else is."""
    parts = sorted(u for u in layers() if is_part(u))
    assert parts == [
        "calendar",
        "cli",
        "complaint",
        "deadlines",
        "exclusions",
        "letters",
        "records",
        "reporting",
        "selfassessment",
        "store",
    ]


def upward(found: tuple[Import, ...]) -> list[Import]:
    """The imports that read from a higher layer, or sideways from another unit of a layer.

    The root modules share the lowest layer and may use one another.
    """
    bottom = min(layers().values())
    return [
        imp
        for imp in found
        if unit(imp.source) != unit(imp.target)
        and not layers()[unit(imp.target)] < layers()[unit(imp.source)]
        and not layers()[unit(imp.source)] == layers()[unit(imp.target)] == bottom
    ]


def into_rooms(found: tuple[Import, ...]) -> list[Import]:
    """The imports that reach into another unit's private module or take a private name."""
    return [
        imp
        for imp in found
        if unit(imp.source) != unit(imp.target)
        and (
            any(segment.startswith("_") for segment in imp.target.split(".")[2:])
            or any(name.startswith("_") for name in imp.names)
        )
    ]


def test_imports_run_downwards_only() -> None:
    """An import reads from its own unit or a lower layer, also for type checkers."""
    assert [_where(imp) for imp in upward(imports())] == []


def test_a_part_is_entered_through_its_face() -> None:
    """From outside a part, only its face or public modules, and only names without ``_``."""
    assert [_where(imp) for imp in into_rooms(imports())] == []


def _synthetic(source: str, target: str, *names: str, type_checking: bool = False) -> Import:
    return Import(f"{ROOT}.{source}", f"{ROOT}.{target}", 1, names, type_checking, top_level=True)


def test_the_checks_refuse_what_the_page_forbids() -> None:
    """Each check fails on an import of the kind it forbids, and passes the allowed kinds."""
    up = _synthetic("letters._checks", "complaint", "Complaint", type_checking=True)
    sideways = _synthetic("letters", "exclusions", "ExclusionDecision")
    face = _synthetic("complaint._audit", "letters._checks")
    own = _synthetic("letters._checks", "letters", "Acknowledgement", type_checking=True)
    down = _synthetic("complaint", "deadlines", "Deadline")
    root = _synthetic("errors", "findings", "Finding", type_checking=True)
    private_name = _synthetic("complaint._audit", "deadlines", "_checked")
    assert upward((up, sideways, face, own, down, root)) == [up, sideways]
    assert into_rooms((face, own, down, root, private_name)) == [face, private_name]


def test_the_reader_sees_every_kind_of_import() -> None:
    """Imports for type checkers, inside functions, relative ones and rooms are all read."""
    source = (
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "from complaintcode.letters import _render, check_letter\n"
        "from . import _textcheck\n"
        "from ..findings import Finding\n"
        "if TYPE_CHECKING:\n"
        "    from complaintcode.complaint import Complaint\n"
        "def f() -> None:\n"
        "    import complaintcode.deadlines\n"
    )
    collector = _Collector(f"{ROOT}.letters._checks")
    collector.visit(ast.parse(source))
    assert [(i.target, i.names, i.type_checking, i.top_level) for i in collector.found] == [
        (f"{ROOT}.letters._render", (), False, True),
        (f"{ROOT}.letters", ("check_letter",), False, True),
        (f"{ROOT}.letters._textcheck", (), False, True),
        (f"{ROOT}.findings", ("Finding",), False, True),
        (f"{ROOT}.complaint", ("Complaint",), True, True),
        (f"{ROOT}.deadlines", (), False, False),
    ]


def test_errors_imports_nothing_of_the_package_at_run_time() -> None:
    """``errors`` is at the bottom: every module can raise its errors."""
    at_run_time = [
        _where(imp) for imp in imports() if imp.source == f"{ROOT}.errors" and not imp.type_checking
    ]
    assert at_run_time == []


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph, or none: a depth-first search that keeps its path."""
    done: set[str] = set()
    for start in sorted(graph):
        path: list[str] = []
        on_path: set[str] = set()
        stack: list[tuple[str, list[str]]] = [(start, sorted(graph.get(start, ())))]
        if start in done:
            continue
        path.append(start)
        on_path.add(start)
        while stack:
            node, rest = stack[-1]
            if not rest:
                stack.pop()
                path.pop()
                on_path.discard(node)
                done.add(node)
                continue
            nxt = rest.pop(0)
            if nxt in on_path:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in done:
                path.append(nxt)
                on_path.add(nxt)
                stack.append((nxt, sorted(graph.get(nxt, ()))))
    return []


def test_no_cycle_of_imports_at_run_time() -> None:
    """The module-level run-time imports form no cycle: every module reads from the top down."""
    graph: dict[str, set[str]] = {}
    for imp in imports():
        if imp.top_level and not imp.type_checking and imp.target != imp.source:
            graph.setdefault(imp.source, set()).add(imp.target)
    assert _cycle(graph) == []


def test_no_cycle_between_units_even_for_type_checkers() -> None:
    """Counting every import, units form no cycle; ``errors`` names two root types for checkers.

    ``ProvisionViolation.provision`` is a ``Provision`` and ``IncompleteLetter.findings``
    holds ``Finding`` values; ``errors`` imports both names for type checkers only.
    """
    graph: dict[str, set[str]] = {}
    named_by_errors: set[str] = set()
    for imp in imports():
        source, target = unit(imp.source), unit(imp.target)
        if source == target:
            continue
        if source == "errors" and imp.type_checking:
            named_by_errors.add(f"{target}.{','.join(imp.names)}")
            continue
        graph.setdefault(source, set()).add(target)
    assert _cycle(graph) == []
    assert sorted(named_by_errors) == ["findings.Finding", "provisions.Provision"]


def test_the_cycle_finder_finds_a_cycle() -> None:
    """The check above can fail: a face and a room that import each other are a cycle."""
    graph = {"p": {"p._room", "q"}, "p._room": {"p"}, "q": set()}
    assert _cycle(graph) == ["p", "p._room", "p"]
    assert _cycle({"p": {"q"}, "q": set()}) == []


def _bound_names(tree: ast.Module) -> dict[str, list[ast.stmt]]:
    bound: dict[str, list[ast.stmt]] = {}
    for node in tree.body:
        names: list[str] = []
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [(a.asname or a.name).split(".")[0] for a in node.names]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [node.name]
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
        for name in names:
            bound.setdefault(name, []).append(node)
    return bound


def test_a_face_does_not_hide_its_rooms() -> None:
    """A name in a part's face spelled like one of its rooms is that room, never another thing.

    Python sets a package's attribute to a submodule when the submodule is
    imported, so a face that bound ``_fields`` to the root module while having a
    room ``_fields.py`` would find the room in its place.
    """
    wrong = []
    for module, path in modules().items():
        if path.name != "__init__.py" or module == ROOT:
            continue
        rooms = {m.rpartition(".")[2] for m in modules() if m.rpartition(".")[0] == module}
        for name, nodes in _bound_names(tree(module)).items():
            for node in nodes if name in rooms else ():
                ok = (
                    isinstance(node, ast.ImportFrom)
                    and _resolve(module, node) == module
                    and any(a.name == name and a.asname in (None, name) for a in node.names)
                )
                if not ok:
                    wrong.append(f"{path.relative_to(SRC)}:{node.lineno}: {name}")
    assert wrong == []


# --- where each provision's rule lives -----------------------------------------------


_Assigned = dict[str, list[ast.expr]]


def _keys(node: ast.expr, assigned: _Assigned | None = None) -> list[str]:
    """The citation keys written in a citing call's key argument (both stages of an f-string).

    A name gives the keys written in its assignments in the same function
    (``key = f"respond_stage_{n}"``); a parameter or a loop variable gives none
    here: the keys it holds are written where the citing helper is called, or in
    data the table does not read.
    """
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _keys(node.body, assigned) + _keys(node.orelse, assigned)
    if isinstance(node, ast.Name):
        return [key for value in (assigned or {}).get(node.id, ()) for key in _keys(value)]
    if isinstance(node, ast.JoinedStr):
        text = "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)
        if text.endswith("_stage_{}"):
            return [text.replace("{}", "1"), text.replace("{}", "2")]
    raise AssertionError(f"a citation the table cannot read: {ast.unparse(node)}")


def _is_text(node: ast.expr) -> bool:
    """Whether an expression is written text: a string, an f-string, or a choice of them."""
    if isinstance(node, ast.IfExp):
        return _is_text(node.body) and _is_text(node.orelse)
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _assigned_text(scope: ast.AST) -> _Assigned:
    """The names a function (or a module) assigns written text to, with each text."""
    pairs: list[tuple[ast.expr, ast.expr]] = []
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            pairs.append((node.targets[0], node.value))
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            pairs.append((node.target, node.value))
    found: _Assigned = {}
    while pairs:
        target, value = pairs.pop(0)
        if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple):
            pairs.extend(zip(target.elts, value.elts, strict=False))
        elif isinstance(target, ast.Name) and _is_text(value):
            found.setdefault(target.id, []).append(value)
    return found


def _callee(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _handed(node: ast.expr, params: set[str]) -> str:
    """The parameter a call's argument is, as it came (or in one branch of a choice), or ``""``."""
    if isinstance(node, ast.IfExp):
        return _handed(node.body, params) or _handed(node.orelse, params)
    return node.id if isinstance(node, ast.Name) and node.id in params else ""


class _KeyParameter(NamedTuple):
    """Where a citing function takes its key: its position (``None`` for keyword-only), its name."""

    position: int | None
    name: str


_CITE = _KeyParameter(0, "key")


class _Helpers:
    """``cite``, and every function that passes one of its parameters on as a citing call's key.

    A call by a bare name is a helper's when its module defines a helper of that
    name, or imports one from the module that defines it; a call of an attribute
    (``self._cite(key)``, ``edition.cite(key)``) when any module defines a helper
    of that name. Two modules' functions of the same name are not confused. The
    key may be any parameter of a helper, given by position or by name.
    """

    def __init__(self, trees: Mapping[str, ast.Module]) -> None:
        self.defined: dict[str, dict[str, set[_KeyParameter]]] = {module: {} for module in trees}
        self.imported: dict[str, dict[str, str]] = {
            module: {
                alias.asname or alias.name: f"{_resolve(module, node)}.{alias.name}"
                for node in ast.walk(module_tree)
                if isinstance(node, ast.ImportFrom) and (not node.level or module in modules())
                for alias in node.names
            }
            for module, module_tree in trees.items()
        }
        functions = [
            (module, f)
            for module, module_tree in sorted(trees.items())
            for f in ast.walk(module_tree)
            if isinstance(f, ast.FunctionDef)
        ]
        grown = True
        while grown:
            grown = False
            for module, f in functions:
                positional = [a.arg for a in f.args.args if a.arg not in ("self", "cls")]
                params = {*positional, *(a.arg for a in f.args.kwonlyargs)}
                for call in ast.walk(f):
                    for argument in self.key_arguments(module, call):
                        handed = _handed(argument, params)
                        if not handed:
                            continue
                        at = positional.index(handed) if handed in positional else None
                        known = self.defined[module].setdefault(f.name, set())
                        if _KeyParameter(at, handed) not in known:
                            known.add(_KeyParameter(at, handed))
                            grown = True

    def _parameters(self, module: str, node: ast.Call) -> set[_KeyParameter]:
        name = _callee(node)
        if name == "cite":
            return {_CITE}
        if isinstance(node.func, ast.Attribute):
            return next((d[name] for d in self.defined.values() if name in d), set())
        if name in self.defined[module]:
            return self.defined[module][name]
        source, _, original = self.imported[module].get(name, "").rpartition(".")
        return self.defined.get(source, {}).get(original, set())

    def key_arguments(self, module: str, node: ast.AST) -> list[ast.expr]:
        """The arguments a call in a module gives as citation keys, if it calls a citing function."""
        if not isinstance(node, ast.Call):
            return []
        found: list[ast.expr] = []
        for parameter in sorted(self._parameters(module, node), key=lambda p: p.name):
            given = [k.value for k in node.keywords if k.arg == parameter.name]
            at = parameter.position
            if given:
                found.append(given[0])
            elif (
                at is not None
                and at < len(node.args)
                and not isinstance(node.args[at], ast.Starred)
            ):
                found.append(node.args[at])
        return found


class Citation(NamedTuple):
    """One citing call: a citation key, or a provision number and the edition it names."""

    module: str
    line: int
    key: str
    number: str
    edition: int


_EDITION_NAMES = {"CODE_2024": 2024, "CODE_2022": 2022}


def _edition(node: ast.Call) -> int:
    """The edition a ``provision`` call names: 2024 unless a year or an edition is written."""
    given = [k.value for k in node.keywords if k.arg == "edition"] + node.args[1:2]
    if not given:
        return 2024
    year = given[0]
    if isinstance(year, ast.Constant) and isinstance(year.value, int):
        return year.value
    name = year.attr if isinstance(year, ast.Attribute) else getattr(year, "id", "")
    if name in _EDITION_NAMES:
        return _EDITION_NAMES[name]
    raise AssertionError(f"a citation the table cannot read: {ast.unparse(node)}")


def scan(trees: Mapping[str, ast.Module]) -> list[Citation]:
    """Every citation in the given modules' syntax trees, by module name, in module and line order.

    A citation is a call of ``Edition.cite`` or of a helper that hands its
    parameter on to it, with the key written in the call (or in the text its
    function assigns to the name it passes), or a call of ``provision`` with the
    number written in it; docstrings are not code.
    """
    helpers = _Helpers(trees)
    found: list[Citation] = []
    for module, module_tree in trees.items():
        scopes: list[tuple[ast.AST, _Assigned]] = [(module_tree, {})]
        for scope, assigned in scopes:
            for node in _own_nodes(scope):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    scopes.append((node, _assigned_text(node)))
                    continue
                arguments = helpers.key_arguments(module, node)
                found.extend(
                    Citation(module, argument.lineno, key, "", 0)
                    for argument in arguments
                    for key in _keys(argument, assigned)
                )
                if not arguments and (
                    isinstance(node, ast.Call)
                    and _callee(node) == "provision"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    number = node.args[0].value
                    found.append(Citation(module, node.lineno, "", number, _edition(node)))
    return sorted(found)


def _own_nodes(scope: ast.AST) -> list[ast.AST]:
    """The nodes of a module or function, down to (and including) the functions defined in it."""
    found: list[ast.AST] = []
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        found.append(node)
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            todo.extend(ast.iter_child_nodes(node))
    return found


@cache
def citations() -> tuple[Citation, ...]:
    """Every citation in the package's code."""
    return tuple(scan({module: tree(module) for module in modules()}))


def source_file(module: str) -> str:
    """A module's file, relative to the package (``complaint/_audit.py``)."""
    return str(modules()[module].relative_to(PACKAGE))


def cited() -> dict[tuple[str, str], set[str]]:
    """For each (citation key or ``""``, 2024 number), the files whose code cites it.

    A rule the 2024 edition does not state has the number ``"—"``.
    """
    found: dict[tuple[str, str], set[str]] = {}
    for citation in citations():
        if citation.key:
            stated = CODE_2024.in_force(citation.key)  # raises for an unknown key
            number = CODE_2024.cite(citation.key).number if stated else "—"
            found.setdefault((citation.key, number), set()).add(source_file(citation.module))
        elif citation.edition == 2024:
            found.setdefault(("", citation.number), set()).add(source_file(citation.module))
    return found


def _order(number: str) -> tuple[int, ...]:
    return tuple(int(n) for n in number.split("."))


def rules_table() -> str:
    """The table of the page's last section, made from the code: a row per 2024 provision.

    A rule of the 2022 edition alone has a row of its own after them, by its 2022 number.
    """
    rows: dict[str, tuple[set[str], set[str], set[str]]] = {}
    for (key, number), files in cited().items():
        row = f"—{CODE_2022.citations[key]}" if number == "—" else number
        keys, old, where = rows.setdefault(row, (set(), set(), set()))
        if key:
            keys.add(f"`{key}`")
            old.add(CODE_2022.citations.get(key, "—"))
        where.update(files)
    lines = [
        "| 2024 | 2022 | cited as | what the provision asks | cited in |",
        "|---|---|---|---|---|",
    ]
    for row in sorted(rows, key=_order_or_dash):
        keys, old, where = rows[row]
        only_2022 = row.removeprefix("—") if row.startswith("—") else ""
        number = "—" if only_2022 else row
        cited_as = provision(only_2022, 2022) if only_2022 else provision(number)
        summary = cited_as.summary.replace("|", "/")
        lines.append(
            f"| {number} | {', '.join(sorted(old, key=_order_or_dash)) or '—'} "
            f"| {', '.join(sorted(keys)) or '`provision()`'} | {summary} "
            f"| {', '.join(f'`{f}`' for f in sorted(where))} |"
        )
    return "\n".join(lines) + "\n"


def _order_or_dash(number: str) -> tuple[int, ...]:
    """A 2024 number's order; ``"—"``, alone or before a 2022 number, after every 2024 number."""
    if number.startswith("—"):
        rest = number.removeprefix("—")
        return (999, *(_order(rest) if rest else ()))
    return _order(number)


_RULES = re.compile(r"(<!-- rules:.*?-->\n)(.*?)(<!-- /rules -->)", re.DOTALL)


def test_the_page_says_where_each_rule_lives() -> None:
    """The page's table of rules is the one the code makes (``--write`` makes it anew)."""
    block = _RULES.search(PAGE.read_text(encoding="utf-8"))
    assert block is not None, "docs/architecture.md has no rules table"
    assert block.group(2) == rules_table()


def test_the_scan_finds_rules_cited_by_key_and_by_number() -> None:
    """The scan reads ``cite("key")``, ``cite(f"key_stage_{n}")`` and ``provision("n")`` calls."""
    found = cited()
    assert "complaint/lifecycle.py" in found["different_handler", "6.13"]
    assert "deadlines/__init__.py" in found["respond_stage_2", "6.14"]
    assert "stages.py" in found["", "5.2"]
    assert "exclusions/_decision.py" in found["no_blanket_exclusion", "2.5"]


def main(argv: list[str]) -> int:
    """Write the rules table into docs/architecture.md with ``--write``; print it otherwise."""
    if argv != ["--write"]:
        sys.stdout.write(rules_table())
        return 0
    text = PAGE.read_text(encoding="utf-8")
    PAGE.write_text(_RULES.sub(lambda m: m.group(1) + rules_table() + m.group(3), text), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
