"""Provision rows found among a document's lines (behind ``SelfAssessment.parse``).

A row begins a line with a provision number: either followed by its cells on
the same line (a table row) or alone, with one cell per line after it. A number
alone on its line met inside another row (a landlord's own policy paragraph,
"7.1", left on a line of its own in that row's evidence) begins a row only if
the context says it is one: it is a number the Code has, it keeps the sections
in order, and a row's structure follows it. ``_rows`` reads the rows found. The
rules are described in ``docs/selfassessment.md``.
"""

from __future__ import annotations

import re

import attrs

from complaintcode.provisions import EDITIONS, provisions
from complaintcode.selfassessment._cells import (
    DEFAULT_COLUMNS,
    Field,
    header_field,
    read_comply_and_rest,
)
from complaintcode.selfassessment._lines import Kind, Line

__all__: list[str] = []

_NUMBER = re.compile(r"(\d{1,2})\.(\d{1,2})\.?")
_SECTION = re.compile(
    r"#*\s*section\s+(\d{1,2})(?![.\d])\s*([-\u2013\u2014:]?)\s*(.*)", re.IGNORECASE
)
_ENDS_LINE_ROW = re.compile(
    r"#|code\s+(section|provision|requirement)\b|comply\s*:|stage\s+\d+\s*$"
    r"|.*\b(mandatory|best practice)\s*\W?\s*(must|should)\W?\s*requirements",
    re.IGNORECASE,
)
# The Code states each requirement as a "must" (mandatory) or a "should" (best practice).
_REQUIREMENT = re.compile(r"\b(must|should)\b", re.IGNORECASE)
#: Every provision number of every edition of the Code.
KNOWN_NUMBERS = frozenset(p.number for year in EDITIONS for p in provisions(year))

#: Section titles by edition and section, normalised for comparison.
Titles = dict[int, dict[int, str]]


def norm(text: str) -> str:
    """Lower case words and digits, single-spaced, "&" read as "and"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower().replace("&", " and ")).split())


def section_titles() -> Titles:
    """The normalised section titles of each edition."""
    return {year: {p.section: norm(p.section_title) for p in provisions(year)} for year in EDITIONS}


def heading(text: str, titles: Titles) -> tuple[int, str] | None:
    """(section, normalised title) of a section heading: "Section 2: ..." or a known title."""
    m = _SECTION.fullmatch(text)
    if not m:
        return None
    section, title = int(m[1]), norm(m[3])
    known = any(
        (t := by_section.get(section)) and title.startswith(t) for by_section in titles.values()
    )
    return (section, title) if known or m[2] else None


def number_in(cell: str) -> str | None:
    """The provision number a cell holds and nothing else (``6.13``, ``5.3.``), or ``None``."""
    m = _NUMBER.fullmatch(cell.strip())
    return f"{int(m[1])}.{int(m[2])}" if m else None


def _section(number: str) -> int:
    return int(number.partition(".")[0])


def _key(number: str) -> tuple[int, int]:
    section, _, item = number.partition(".")
    return int(section), int(item)


@attrs.define
class OpenRow:
    """A provision row as found: its cells by column (a table row) or its lines."""

    number: str
    line: int
    table: bool  # cells of one table row; otherwise one cell per line
    kind: Kind
    offset: int
    columns: dict[int, Field | None]
    cells: dict[Field, list[str]] = attrs.Factory(dict)
    texts: list[str] = attrs.Factory(list)
    stray: list[str] = attrs.Factory(list)

    def add_cells(self, cells: tuple[str, ...]) -> None:
        for index, text in enumerate(cells):
            column = index - self.offset
            if column <= 0 or not text.strip():
                continue
            if column not in self.columns:
                self.stray.append(text)
            elif (field := self.columns[column]) not in (None, "number"):
                self.cells.setdefault(field, []).append(text)

    def text(self, field: Field) -> str:
        return "\n".join(self.cells.get(field, []))


@attrs.frozen
class _Prepared:
    """A line with content: its cells, where they start, and what it may begin."""

    line: Line
    filled: tuple[int, ...]  # the indexes of the cells with text
    number: str | None  # the number alone in the first filled cell
    table: bool  # a number line with cells after the number; otherwise a bare number
    header: dict[int, Field | None] | None  # the columns a header line names

    @property
    def first(self) -> int:
        return self.filled[0]

    def joined(self) -> str:
        return "\n".join(self.line.cells[i].strip() for i in self.filled)


def _prepare(line: Line) -> _Prepared | None:
    cells = line.cells
    filled = tuple(i for i, text in enumerate(cells) if text.strip())
    if not filled:
        return None
    first = filled[0]
    number = number_in(cells[first])
    header = None
    if number is None and len(filled) >= 3:
        named = {i - first: header_field(cells[i]) for i in range(first, len(cells))}
        header = named if named[0] == "number" and "comply" in named.values() else None
    # A table row has cells after the number: some text, or at least two (empty) cells.
    table = line.kind != "text" or len(filled) > 1 or len(cells) - first > 2
    return _Prepared(line, filled, number, table, header)


def _ends_row(p: _Prepared, titles: Titles) -> bool:
    """Whether a line ends a row laid out one cell per line."""
    if p.header is not None or p.number is not None:
        return True
    head = p.joined().split("\n", 1)[0]
    return bool(_ENDS_LINE_ROW.match(head) or heading(head, titles))


def _has_answer(text: str) -> bool:
    return any(read_comply_and_rest(part) for part in text.split("\n"))


def _shape(
    lines: list[_Prepared], at: int, columns: dict[int, Field | None], titles: Titles
) -> tuple[bool, bool]:
    """Whether a number line is followed by an answer, and whether by a requirement.

    A table line: its comply cell holds an answer. A number alone on its line:
    an answer follows on the lines up to the row's end; the first line after it
    reads as a requirement of the Code when it says "must" or "should".
    """
    p = lines[at]
    if p.table:
        cells = p.line.cells
        where = [p.first + k for k, field in columns.items() if field == "comply"]
        return any(i < len(cells) and _has_answer(cells[i]) for i in where), False
    after: list[str] = []
    for q in lines[at + 1 :]:
        if _ends_row(q, titles):
            break
        after.extend(q.joined().split("\n"))
    answered = any(read_comply_and_rest(text) for text in after)
    return answered, bool(after and _REQUIREMENT.search(after[0]))


class _Context:
    """What the rest of the form says about each number: its shape, the next row, its answers."""

    def __init__(self, lines: list[_Prepared], titles: Titles) -> None:
        columns = dict(DEFAULT_COLUMNS)
        self.answered: dict[int, bool] = {}
        self.shaped: dict[int, bool] = {}
        for at, p in enumerate(lines):
            if p.header is not None:
                columns = p.header
            elif p.number is not None:
                answered, requirement = _shape(lines, at, columns, titles)
                self.answered[at], self.shaped[at] = answered, answered or requirement
        #: The numbers that some line of the form answers.
        self.answered_numbers = {lines[at].number for at, yes in self.answered.items() if yes}
        # The nearest later number that is the Code's and shaped as a row.
        self.next_row: dict[int, str | None] = {}
        following: str | None = None
        for at in sorted(self.shaped, reverse=True):
            self.next_row[at] = following
            number = lines[at].number
            if number in KNOWN_NUMBERS and self.shaped[at]:
                following = number

    def starts_row(self, lines: list[_Prepared], at: int, inside: OpenRow) -> bool:
        """Whether a number met inside another row begins a row of its own.

        It must be a number of the Code and keep the sections in order (not
        before the open row's section, not after the next row's). Without an
        answer after it, its provision must not be answered elsewhere in the
        form. Then either it has a row's shape (an answer, or a requirement,
        follows), or it falls strictly between the open row and the next row
        in Code order.
        """
        number = lines[at].number
        if number is None or number not in KNOWN_NUMBERS:
            return False
        after = self.next_row[at]
        if _section(number) < _section(inside.number) or (
            after is not None and _section(number) > _section(after)
        ):
            return False
        if not self.answered[at] and number in self.answered_numbers:
            return False
        between = after is not None and _key(inside.number) < _key(number) < _key(after)
        return self.shaped[at] or between


def _inside(current: OpenRow | None, p: _Prepared) -> bool:
    """Whether a number line sits inside the open row rather than plainly after it.

    A number alone on its line is inside any open row; a line of a tab-separated
    table whose first cell lies right of the row's number column continues it.
    """
    if current is None:
        return False
    if not p.table:
        return True
    return (
        current.table
        and current.kind == "text"
        and p.line.kind == "text"
        and p.first > current.offset
    )


def scan(lines: list[Line], titles: Titles) -> tuple[list[OpenRow], list[tuple[int, str]]]:
    """Group lines into provision rows; return them and the lines outside any row."""
    prepared = [p for p in map(_prepare, lines) if p is not None]
    context = _Context(prepared, titles)
    columns = dict(DEFAULT_COLUMNS)
    rows: list[OpenRow] = []
    loose: list[tuple[int, str]] = []
    current: OpenRow | None = None
    for at, p in enumerate(prepared):
        line = p.line
        if p.header is not None:
            columns, current = p.header, None
            continue
        if p.number is not None and not (
            current is not None
            and _inside(current, p)
            and not context.starts_row(prepared, at, current)
        ):
            current = OpenRow(p.number, line.number, p.table, line.kind, p.first, columns)
            rows.append(current)
            if p.table:
                current.add_cells(line.cells)
            continue
        # A line of text, or a number that the context reads as text of the open row.
        joined = p.joined()
        if current is not None and current.table:
            if current.kind == "text" and line.kind == "text" and p.first > 0:
                current.add_cells(line.cells)
                continue
            current = None
        elif current is not None:
            head = joined.split("\n", 1)[0]
            if p.number is not None or not (_ENDS_LINE_ROW.match(head) or heading(head, titles)):
                current.texts.extend(joined.split("\n"))
                continue
            current = None
        loose.append((line.number, " ".join(joined.split("\n"))))
    return rows, loose
