"""How the library covers each provision of the Code: docs/coverage.md, made from the code.

A provision of either edition is covered in one of four ways:

- **enforced by a rule**: a module of the complaint record's rules (the
  complaint's verbs and audit, the lifecycle, the exclusions, the deadlines, the
  stages, the definition, the remedies) cites it;
- **checked in a letter or report**: only a module of the letters, the reports,
  the self-assessment, the record files or the command line cites it;
- **organisational**: a duty on the landlord's organisation that no record of a
  complaint can show;
- **not modelled**: a duty in the handling of a complaint that the library has
  no rule for.

The first two are read from the code by the citation scan of
``tests/test_architecture.py``; a key cited through ``Edition.cite`` counts for
the provision it has in each edition. The last two are a hand-written table,
``tests/coverage_reasons.toml``, with a reason for each provision. A covered
provision names a test that proves it: a test whose docstring quotes the
provision's number. ``python tests/test_provision_coverage.py --write`` writes
the page anew.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

import test_architecture as architecture
from complaintcode.editions import CODE_2022, CODE_2024, Edition
from complaintcode.provisions import provision, provisions

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"
PAGE = REPO / "docs" / "coverage.md"
REASONS = TESTS / "coverage_reasons.toml"
#: This file's docstrings describe the page, not a provision: it proves none.
THIS = Path(__file__).resolve()

EDITIONS: tuple[Edition, ...] = (CODE_2024, CODE_2022)
FLOOR_2024 = 45

Kind = Literal["rule", "check", "organisational", "not modelled"]
KINDS: tuple[Kind, ...] = ("rule", "check", "organisational", "not modelled")
LABELS: dict[Kind, str] = {
    "rule": "enforced by a rule",
    "check": "checked in a letter or report",
    "organisational": "organisational",
    "not modelled": "not modelled",
}
#: The kinds that the hand-written table gives, each with a reason.
REASONED: tuple[Kind, ...] = ("organisational", "not modelled")

#: The units (as docs/architecture.md's layers name them) whose citations are rules of the record.
RULE_UNITS = frozenset({"complaint", "deadlines", "definition", "exclusions", "remedies", "stages"})
#: The units whose citations check a letter, name a provision in a report, or guard the
#: complaints kept in files or a store.
CHECK_UNITS = frozenset({"cli", "letters", "records", "reporting", "selfassessment", "store"})
#: The units that hold neither: the vocabulary, the plumbing and the package's face.
OTHER_UNITS = frozenset(
    {
        "__init__",
        "__main__",
        "_codec",
        "_fast_readers",
        "_fields",
        "_html",
        "_version",
        "calendar",
        "editions",
        "errors",
        "findings",
        "provisions",
    }
)


class SuiteTest(NamedTuple):
    """A test function of the suite: its file, line, pytest id and docstring."""

    path: str
    line: int
    name: str
    docstring: str


class Row(NamedTuple):
    """How one provision of one edition is covered."""

    edition: int
    number: str
    kind: Kind
    files: tuple[str, ...]
    test: str
    reason: str


# --- reading the tests and the reasons ------------------------------------------------


def functions_in(path: str, module: ast.Module) -> list[SuiteTest]:
    """The test functions of a test module: ``test*`` at the top and in ``Test*`` classes."""
    found: list[SuiteTest] = []

    def add(node: ast.stmt, prefix: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
            "test"
        ):
            name = f"{path}::{prefix}{node.name}"
            found.append(SuiteTest(path, node.lineno, name, ast.get_docstring(node) or ""))

    for node in module.body:
        add(node, "")
        if isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            for member in node.body:
                add(member, f"{node.name}::")
    return found


def suite_tests() -> list[SuiteTest]:
    """Every test function under ``tests/`` but this file's, by path and line."""
    found: list[SuiteTest] = []
    for path in sorted(TESTS.rglob("test_*.py")):
        if path.resolve() == THIS:
            continue
        module = ast.parse(path.read_text(encoding="utf-8"), str(path))
        found.extend(functions_in(path.relative_to(REPO).as_posix(), module))
    return sorted(found, key=lambda t: (t.path, t.line))


def _token(number: str) -> str:
    """A provision number as a whole token: ``6.1`` is not in ``6.13``, ``16.1`` or ``6.1.2``."""
    return rf"(?<![\w.]){re.escape(number)}(?!\w|\.\d)"


def _says(text: str, year: int) -> bool:
    return re.search(rf"(?<!\d){year}(?!\d)", text) is not None


def proves(test: SuiteTest, edition: int, number: str) -> bool:
    """Whether a test's docstring quotes a provision of an edition.

    The docstring names the number as a whole token. For a 2022 provision it also
    says ``2022``; for a 2024 provision, neither it nor the test's name speaks of
    2022 without 2024.
    """
    if re.search(_token(number), test.docstring) is None:
        return False
    if edition == 2022:
        return _says(test.docstring, 2022)
    return not _says(_spoken(test), 2022) or _says(_spoken(test), 2024)


def _spoken(test: SuiteTest) -> str:
    return f"{test.name}\n{test.docstring}"


def _marked(text: str, year: int, number: str) -> bool:
    """Whether the number is written with its edition: ``5.12 (2022)`` or ``2022's 5.12``."""
    token = _token(number)
    return re.search(rf"{year}(?:'s)? {token}|{token} \({year}\b", text) is not None


def proving_test(tests: Iterable[SuiteTest], edition: int, number: str) -> str:
    """The test that proves a provision, or ``""``.

    Of the tests that quote it, those that write a 2022 number with its edition
    (``5.12 (2022)``) come first, then those that speak of its edition only (in
    the docstring or the name), then those whose docstring begins with the
    number, then by path and line. (A 2024 number is written with its year
    mostly where a test compares the editions, so that mark is not sought.)
    """
    other = 2024 if edition == 2022 else 2022
    ranked = sorted(
        (
            edition == 2022 and not _marked(t.docstring, edition, number),
            _says(_spoken(t), other),
            re.match(r"\s*" + _token(number), t.docstring) is None,
            t.path,
            t.line,
            t.name,
        )
        for t in tests
        if proves(t, edition, number)
    )
    return ranked[0][5] if ranked else ""


def read_reasons(text: str) -> dict[tuple[int, str], tuple[Kind, str]]:
    """The hand-written table: for (edition, number), the kind and its reason.

    The TOML has a table per edition and kind (``[2024.organisational]``) mapping
    a number to its reason.
    """
    data = tomllib.loads(text)
    kinds_by_name = {k.replace(" ", "_"): k for k in REASONED}
    found: dict[tuple[int, str], tuple[Kind, str]] = {}
    for year, kinds in data.items():
        for kind_name, reasons in kinds.items():
            assert kind_name in kinds_by_name, f"[{year}.{kind_name}]: not one of {kinds_by_name}"
            kind = kinds_by_name[kind_name]
            for number, reason in reasons.items():
                assert (int(year), number) not in found, f"{number} ({year}) has two reasons"
                found[int(year), number] = (kind, " ".join(reason.split()))
    return found


# --- the coverage ---------------------------------------------------------------------


def catalogue() -> dict[int, tuple[str, ...]]:
    """The numbers of each edition's provisions, in Code order."""
    return {e.year: tuple(p.number for p in provisions(e.year)) for e in EDITIONS}


def _guessed_file(module: str) -> str:
    """The file of a module that is not in the package (a synthetic one): its dotted path."""
    return "/".join(module.split(".")[1:]) + ".py"


def file_of(module: str) -> str:
    """A module's file relative to the package, as the page names it."""
    if module in architecture.modules():
        return architecture.source_file(module)
    return _guessed_file(module)


def cited_provisions(
    citations: Iterable[architecture.Citation],
    numbers: Mapping[int, Sequence[str]],
    where: Callable[[str], str] = file_of,
) -> tuple[dict[tuple[int, str], dict[str, str]], list[str]]:
    """For each cited (edition, number), its citing files with the unit each is in; and problems.

    A key counts for the provision it has in each edition that states it; a
    ``provision`` call for the edition it names.
    """
    found: dict[tuple[int, str], dict[str, str]] = {}
    problems: list[str] = []
    for c in citations:
        at = f"{where(c.module)}:{c.line}"
        unit = architecture.unit(c.module)
        if unit not in RULE_UNITS | CHECK_UNITS:
            problems.append(
                f"{at}: a citation in {unit!r}, which holds neither rules nor checks "
                "(classify the unit in tests/test_provision_coverage.py)"
            )
            continue
        if c.key:
            cited = [(e.year, e.citations[c.key]) for e in EDITIONS if c.key in e.citations]
            if not cited and f"{at}: {c.key!r} is a rule neither edition states" not in problems:
                problems.append(f"{at}: {c.key!r} is a rule neither edition states")
        else:
            cited = [(c.edition, c.number)]
        for year, number in cited:
            if number not in numbers.get(year, ()):
                problems.append(f"{at}: {number} is not a provision of the {year} catalogue")
                continue
            found.setdefault((year, number), {})[where(c.module)] = unit
    return found, problems


def coverage(
    citations: Iterable[architecture.Citation],
    tests: Sequence[SuiteTest],
    reasons: Mapping[tuple[int, str], tuple[Kind, str]],
    numbers: Mapping[int, Sequence[str]],
    where: Callable[[str], str] = file_of,
) -> tuple[list[Row], list[str]]:
    """A row per provision of each edition, in Code order; and what is wrong with them.

    A provision cited by a rule's module is enforced by a rule, else one cited only
    by a letter's or report's module is checked. Each such provision needs a test
    that quotes it, and no reason; every other provision needs a reason.
    """
    cited, problems = cited_provisions(citations, numbers, where)
    rows: list[Row] = []
    for year, in_order in numbers.items():
        for number in in_order:
            label = f"{number} ({year})"
            files = cited.get((year, number), {})
            reason = reasons.get((year, number))
            if files:
                kind: Kind = "rule" if set(files.values()) & RULE_UNITS else "check"
                test = proving_test(tests, year, number)
                if not test:
                    quote = f"{number} and 2022" if year == 2022 else number
                    problems.append(
                        f"{label} is {LABELS[kind]} but no test's docstring quotes {quote}"
                    )
                if reason is not None:
                    problems.append(
                        f"{label} is {LABELS[kind]}: its reason as {reason[0]} is stale"
                    )
                rows.append(Row(year, number, kind, tuple(sorted(files)), test, ""))
            elif reason is None:
                problems.append(f"{label} is neither enforced nor checked and has no reason")
                rows.append(Row(year, number, "organisational", (), "", ""))
            else:
                rows.append(Row(year, number, reason[0], (), "", reason[1]))
    problems.extend(
        f"{number} ({year}) has a reason but is not a provision of the {year} catalogue"
        for year, number in reasons
        if number not in numbers.get(year, ())
    )
    return rows, problems


@cache
def package_coverage() -> tuple[list[Row], list[str]]:
    """The coverage of the package as the code and the tests stand."""
    return coverage(
        architecture.citations(),
        suite_tests(),
        read_reasons(REASONS.read_text(encoding="utf-8")),
        catalogue(),
    )


# --- the page -------------------------------------------------------------------------

_INTRO = """\
# Coverage of the Code

This page says, for each provision of the 2024 Code and of the 2022 edition, how
complaintcode covers it.

- **Enforced by a rule**: a rule of the complaint record cites the provision. The rules are
  the verbs that record a complaint's steps and the audit of its history, the lifecycle, the
  exclusions, the deadlines, the stages, the complaint definition and the remedies.
- **Checked in a letter or report**: no rule cites it, but a check of a letter, the annual
  report, the self-assessment, the record files or the command line does.
- **Organisational**: a duty on the landlord's organisation that no record of a complaint can
  show. The table says why, in a line.
- **Not modelled**: a duty in the handling of a complaint that the library has no rule for;
  the table says what a rule would need, or why the library leaves it aside.

A rule written once for both editions, such as the stage 2 handler who must differ from the
stage 1 handler (2024's 6.13, 2022's 5.12), counts for its provision in each edition (see
[Editions and stages](editions.md)). "Cited in" names every module of `src/complaintcode/`
whose code cites the provision, the rule that decides and the letter or report that names it
(the [architecture](architecture.md) page shows the same citations by rule). "Proved by" names
a test whose docstring quotes the provision's number: for a 2022 provision the docstring also
says 2022, and for a 2024 provision neither the docstring nor the test's name speaks of 2022
alone. Of those, the page shows first, for a 2022 provision, a test that writes the number
with its edition ("5.12 (2022)"), then one that speaks of one edition only, then one whose
docstring begins with the number, and then the first by file and line.

"""

_REGENERATE = """\
The page is made from the code: `tests/test_provision_coverage.py` reads every citation in
the package, every test's docstring and the reasons in `tests/coverage_reasons.toml`, and
fails if this page differs from what it makes, if a covered provision has no test quoting it,
if a provision neither enforced nor checked has no reason, or if a reason is given for a
provision that the code covers. To make the page anew:

```console
$ python tests/test_provision_coverage.py --write
```

"""


def _cell(text: str) -> str:
    return text.replace("|", "/")


def _counts(rows: Sequence[Row], years: Sequence[int]) -> str:
    lines = [
        "| coverage | " + " | ".join(str(y) for y in years) + " |",
        "|---|" + "---:|" * len(years),
    ]
    for kind in KINDS:
        counts = [sum(1 for r in rows if r.edition == y and r.kind == kind) for y in years]
        lines.append(f"| {LABELS[kind]} | " + " | ".join(str(n) for n in counts) + " |")
    totals = [sum(1 for r in rows if r.edition == y) for y in years]
    lines.append("| **provisions** | " + " | ".join(f"**{n}**" for n in totals) + " |")
    return "\n".join(lines) + "\n"


def _table(rows: Sequence[Row], year: int) -> str:
    lines = [
        f"| {year} | what the provision asks | coverage | cited in | proved by, or why not |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        if row.edition != year:
            continue
        summary = _cell(provision(row.number, year).summary)
        files = ", ".join(f"`{f}`" for f in row.files) or "—"
        last = f"`{row.test}`" if row.test else (_cell(row.reason) or "—")
        lines.append(f"| {row.number} | {summary} | {LABELS[row.kind]} | {files} | {last} |")
    return "\n".join(lines) + "\n"


def page(rows: Sequence[Row]) -> str:
    """The page: what the kinds mean, the counts, how to make it anew, and a table per edition."""
    years = [e.year for e in EDITIONS]
    sections = [_INTRO, _counts(rows, years), "\n", _REGENERATE]
    for year in years:
        covered = sum(1 for r in rows if r.edition == year and r.kind in ("rule", "check"))
        total = sum(1 for r in rows if r.edition == year)
        sections.append(
            f"## The {year} edition\n\n"
            f"{covered} of its {total} provisions are enforced by a rule or checked in a "
            "letter or report.\n\n"
        )
        sections.append(_table(rows, year))
        sections.append("\n")
    return "".join(sections).rstrip("\n") + "\n"


# --- the page's tests -----------------------------------------------------------------


def test_the_page_is_the_one_the_code_makes() -> None:
    """docs/coverage.md is what the code, the tests and the reasons make (``--write``)."""
    rows, _ = package_coverage()
    assert PAGE.read_text(encoding="utf-8") == page(rows)


def test_every_provision_is_covered_tested_or_reasoned() -> None:
    """A covered provision has a test quoting it and no reason; every other one has a reason."""
    _, problems = package_coverage()
    assert problems == []


def test_at_least_45_provisions_of_2024_are_enforced_or_checked() -> None:
    """The library's coverage of the 2024 Code does not fall below its floor."""
    rows, _ = package_coverage()
    covered = [r.number for r in rows if r.edition == 2024 and r.kind in ("rule", "check")]
    assert len(covered) >= FLOOR_2024, f"{len(covered)} of 72 covered: {', '.join(covered)}"


def test_every_unit_is_classified_once() -> None:
    """Each unit of docs/architecture.md's layers is a rule's, a check's or neither, once."""
    assert RULE_UNITS.isdisjoint(CHECK_UNITS)
    assert (RULE_UNITS | CHECK_UNITS).isdisjoint(OTHER_UNITS)
    assert sorted(RULE_UNITS | CHECK_UNITS | OTHER_UNITS) == sorted(architecture.layers())


def test_the_page_is_in_the_site_navigation() -> None:
    """mkdocs.yml lists the page right after the architecture page."""
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - Architecture: architecture.md\n  - Coverage: coverage.md\n" in nav


# --- the generator's tests ------------------------------------------------------------

_SYNTHETIC_NUMBERS: dict[int, tuple[str, ...]] = {
    2024: ("5.3", "5.12", "6.9", "6.13", "6.19", "9.5"),
    2022: ("5.8", "5.12", "5.16", "8.1"),
}

_RULE_SOURCE = '''
def _handler_rule(key, edition):
    return edition.cite(key)

def audit(edition):
    """Cites provision("5.12") in a docstring, which is not code."""
    return _handler_rule("different_handler", edition)
'''

_LETTER_SOURCE = """
def check(edition, stage):
    provision("5.3")
    return edition.cite(f"letter_stage_{int(stage)}")
"""

_REPORT_SOURCE = """
def render(edition):
    return edition.cite("different_handler").number
"""

_TEST_SOURCE = '''
def test_handler_in_2022():
    """6.13: its name speaks of the older edition alone."""

def test_handler():
    """6.13: the stage 2 handler differs."""

def test_listing_2022():
    """5.12, 5.8 and 5.16: listed for the 2022 edition, earlier but unmarked."""

def test_handler_2022():
    """5.12 (2022): the same rule under the older edition."""

def test_letter_names():
    """The letters of 6.9 and 6.19 (2024), and of 5.8 and 5.16 (2022)."""

def test_letter_begins():
    """6.19: a later test that begins with the number wins."""

def test_no_third_stage_2022_only():
    """5.3 of the 2022 edition's complaints; 6.130 and 16.13 are other numbers."""

def helper():
    """5.3: not a test."""

def test_letter_stage_1():
    """The stage 1 letter of 6.9, of one edition only, wins over an earlier test of both."""

class TestStages:
    def test_two(self):
        """5.3: never more than two stages."""
'''


def _synthetic() -> tuple[list[Row], list[str]]:
    trees = {
        "complaintcode.complaint._rule": ast.parse(_RULE_SOURCE),
        "complaintcode.letters._check": ast.parse(_LETTER_SOURCE),
        "complaintcode.reporting._report": ast.parse(_REPORT_SOURCE),
    }
    tests = functions_in("tests/test_synthetic.py", ast.parse(_TEST_SOURCE))
    reasons: dict[tuple[int, str], tuple[Kind, str]] = {
        (2024, "9.5"): ("organisational", "a governance act, not a step of a complaint"),
        (2024, "6.13"): ("organisational", "stale: a rule cites it"),
        (2022, "8.1"): ("not modelled", "the library makes no yearly self-assessment"),
        (2022, "9.9"): ("organisational", "no such provision"),
    }
    return coverage(architecture.scan(trees), tests, reasons, _SYNTHETIC_NUMBERS, _guessed_file)


def test_the_generator_classifies_a_synthetic_package() -> None:
    """Rules, checks and reasons of made-up modules give exactly these rows."""
    rows, _ = _synthetic()
    rule, letter, report = "complaint/_rule.py", "letters/_check.py", "reporting/_report.py"
    synthetic = "tests/test_synthetic.py::"
    assert rows == [
        Row(2024, "5.3", "check", (letter,), f"{synthetic}TestStages::test_two", ""),
        Row(2024, "5.12", "organisational", (), "", ""),
        Row(2024, "6.9", "check", (letter,), f"{synthetic}test_letter_stage_1", ""),
        Row(2024, "6.13", "rule", (rule, report), f"{synthetic}test_handler", ""),
        Row(2024, "6.19", "check", (letter,), f"{synthetic}test_letter_begins", ""),
        Row(2024, "9.5", "organisational", (), "", "a governance act, not a step of a complaint"),
        Row(2022, "5.8", "check", (letter,), f"{synthetic}test_listing_2022", ""),
        Row(2022, "5.12", "rule", (rule, report), f"{synthetic}test_handler_2022", ""),
        Row(2022, "5.16", "check", (letter,), f"{synthetic}test_letter_names", ""),
        Row(2022, "8.1", "not modelled", (), "", "the library makes no yearly self-assessment"),
    ]


def test_the_staleness_checks_fire() -> None:
    """A missing reason, a stale reason and a reason for no provision are each reported."""
    _, problems = _synthetic()
    assert problems == [
        "5.12 (2024) is neither enforced nor checked and has no reason",
        "6.13 (2024) is enforced by a rule: its reason as organisational is stale",
        "9.9 (2022) has a reason but is not a provision of the 2022 catalogue",
    ]


def test_a_covered_provision_without_a_quoting_test_is_reported() -> None:
    """A rule whose provision no test quotes fails the page, naming the provision."""
    trees = {"complaintcode.complaint._rule": ast.parse(_RULE_SOURCE)}
    rows, problems = coverage(
        architecture.scan(trees), [], {}, {2024: ("6.13",), 2022: ("5.12",)}, _guessed_file
    )
    assert rows == [
        Row(2024, "6.13", "rule", ("complaint/_rule.py",), "", ""),
        Row(2022, "5.12", "rule", ("complaint/_rule.py",), "", ""),
    ]
    assert problems == [
        "6.13 (2024) is enforced by a rule but no test's docstring quotes 6.13",
        "5.12 (2022) is enforced by a rule but no test's docstring quotes 5.12 and 2022",
    ]


def test_citations_outside_rules_and_checks_and_unknown_ones_are_reported() -> None:
    """A citation in a unit with no rules, of a key no edition states, or of no provision."""
    trees = {
        "complaintcode.findings": ast.parse('edition.cite("different_handler")'),
        "complaintcode.letters._check": ast.parse(
            'edition.cite("no_such_rule")\nprovision("9.9")\nprovision("5.12", 2022)'
        ),
    }
    rows, problems = coverage(
        architecture.scan(trees), [], {}, {2024: (), 2022: ("5.12",)}, _guessed_file
    )
    assert rows == [Row(2022, "5.12", "check", ("letters/_check.py",), "", "")]
    assert problems == [
        (
            "findings.py:1: a citation in 'findings', which holds neither rules nor checks "
            "(classify the unit in tests/test_provision_coverage.py)"
        ),
        "letters/_check.py:1: 'no_such_rule' is a rule neither edition states",
        "letters/_check.py:2: 9.9 is not a provision of the 2024 catalogue",
        "5.12 (2022) is checked in a letter or report but no test's docstring quotes 5.12 and 2022",
    ]


def test_a_provision_call_names_its_edition() -> None:
    """The scan reads the edition written in a ``provision`` call, by year or by name."""
    source = (
        'provision("5.3")\nprovision("5.12", 2022)\nprovision("5.8", edition=CODE_2022)\n'
        'provision("6.13", editions.CODE_2024)'
    )
    found = architecture.scan({"complaintcode.letters._check": ast.parse(source)})
    assert [(c.line, c.number, c.edition) for c in found] == [
        (1, "5.3", 2024),
        (2, "5.12", 2022),
        (3, "5.8", 2022),
        (4, "6.13", 2024),
    ]


def test_the_scan_does_not_confuse_functions_of_the_same_name() -> None:
    """A helper that hands its key on is one module's; another module's namesake is not."""
    trees = {
        "complaintcode.complaint._rule": ast.parse(
            "def _timeliness(key, edition):\n    return edition.cite(key)\n"
            'def audit(edition):\n    return _timeliness("respond_stage_1", edition)\n'
        ),
        "complaintcode.reporting._report": ast.parse(
            "def _timeliness(counts):\n    return counts\n"
            "def measures(counts):\n    return _timeliness(counts.stage_1)\n"
        ),
        "complaintcode.letters._check": ast.parse(
            "from complaintcode.complaint._rule import _timeliness as timely\n"
            'def check(edition):\n    return timely("respond_stage_2", edition)\n'
        ),
    }
    found = architecture.scan(trees)
    assert [(c.module, c.line, c.key) for c in found] == [
        ("complaintcode.complaint._rule", 4, "respond_stage_1"),
        ("complaintcode.letters._check", 3, "respond_stage_2"),
    ]


_HANDING_ON = """
def _timeliness(edition, key, stage, *, rule=None):
    edition.cite(rule)
    return edition.cite(key)

def audit(edition, stage):
    _timeliness(edition, f"acknowledge_stage_{int(stage)}", stage)
    _timeliness(edition, stage=stage, key="keep_informed")
    _timeliness(edition, "accept", stage, rule="decline_notice")
    extend, notice = f"extend_stage_{stage}", "extension_notice_stage_1"
    edition.cite(extend)
    edition.cite(notice)
    for key in ("remedy",):
        edition.cite(key)
"""


def test_the_scan_reads_a_key_at_any_position_by_name_or_through_a_local_name() -> None:
    """A helper's key is read in any position or by keyword; a local name gives the text it holds.

    A loop variable gives nothing: its keys are data, which the scan does not read.
    """
    found = architecture.scan({"complaintcode.complaint._rule": ast.parse(_HANDING_ON)})
    assert [(c.line, c.key) for c in found] == [
        (7, "acknowledge_stage_1"),
        (7, "acknowledge_stage_2"),
        (8, "keep_informed"),
        (9, "accept"),
        (9, "decline_notice"),
        (11, "extend_stage_1"),
        (11, "extend_stage_2"),
        (12, "extension_notice_stage_1"),
    ]


def test_a_number_is_quoted_only_as_a_whole_token() -> None:
    """A number inside a longer number, a version or a name is not a quotation of it."""
    assert [re.search(_token("6.1"), text) is not None for text in ("6.1: x", "(6.1)", "6.1.")] == [
        True,
        True,
        True,
    ]
    misses = ("6.13", "16.1", "6.1.2", "v6.1", "x_6.1", "6.10")
    assert [re.search(_token("6.1"), text) is not None for text in misses] == [False] * 6


def test_the_page_lists_the_counts_and_each_row() -> None:
    """The page made from two rows counts them and renders each, with its test or reason."""
    rows = [
        Row(2024, "6.13", "rule", ("complaint/_audit.py",), "tests/t.py::test_a", ""),
        Row(2024, "9.5", "organisational", (), "", "a governance act"),
        Row(2022, "8.1", "not modelled", (), "", "yearly | not per complaint"),
    ]
    text = page(rows)
    assert "| enforced by a rule | 1 | 0 |\n" in text
    assert "| organisational | 1 | 0 |\n| not modelled | 0 | 1 |\n" in text
    assert "| **provisions** | **2** | **1** |\n" in text
    assert "1 of its 2 provisions are enforced by a rule or checked" in text
    assert (
        f"| 6.13 | {provision('6.13').summary} | enforced by a rule | `complaint/_audit.py` "
        "| `tests/t.py::test_a` |\n"
    ) in text
    assert f"| 9.5 | {provision('9.5').summary} | organisational | — | a governance act |\n" in text
    assert "| not modelled | — | yearly / not per complaint |\n" in text


def test_the_reasons_file_is_read_by_edition_and_kind() -> None:
    """Each ``[year.kind]`` table gives its kind to its numbers; reasons are made one line."""
    text = (
        '[2024.organisational]\n"9.5" = """a governance act,\n   not a step"""\n'
        '[2022.not_modelled]\n"5.18" = "two stages"\n'
    )
    assert read_reasons(text) == {
        (2024, "9.5"): ("organisational", "a governance act, not a step"),
        (2022, "5.18"): ("not modelled", "two stages"),
    }


def main(argv: list[str]) -> int:
    """Write docs/coverage.md with ``--write``, print it otherwise; report problems, exit 1."""
    rows, problems = package_coverage()
    if argv == ["--write"]:
        PAGE.write_text(page(rows), encoding="utf-8")
    else:
        sys.stdout.write(page(rows))
    for problem in problems:
        sys.stderr.write(f"{problem}\n")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
