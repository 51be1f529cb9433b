"""Reading a published self-assessment back from text (behind ``SelfAssessment.parse``).

The document's lines of cells (from ``_cells``) are grouped into
provision rows: a row begins a line with a provision number, either followed by
its cells on the same line (a table row) or alone with one cell per line after
it. Each row's comply answer, evidence and commentary are read, the edition is
detected, and whatever could not be read is reported instead of guessed. The
rules are described in ``docs/selfassessment.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import attrs

from complaintcode.errors import InvalidRecord
from complaintcode.provisions import EDITIONS, provisions
from complaintcode.selfassessment._cells import (
    DEFAULT_COLUMNS,
    Comply,
    Field,
    Kind,
    Unreadable,
    clean,
    exact_comply,
    header_field,
    quote,
    read_comply_and_rest,
    read_date,
    to_lines,
)

if TYPE_CHECKING:
    from complaintcode.selfassessment._cells import Line

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
_EDITION_NAMED = re.compile(r"\b(\d{4}) edition\b", re.IGNORECASE)
_METADATA = re.compile(
    r"[-*•\s]*(?:self[- ]assessment\s+)?(completed on|completed by|"
    r"(?:reviewed and\s+)?approved by|(?:reviewed and\s+)?approved on)\s*:\s*(.*)",
    re.IGNORECASE,
)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower().replace("&", " and ")).split())


def _section_titles() -> dict[int, dict[int, str]]:
    return {
        year: {p.section: _norm(p.section_title) for p in provisions(year)} for year in EDITIONS
    }


def _heading(text: str, titles: dict[int, dict[int, str]]) -> tuple[int, str] | None:
    """(section, normalised title) of a section heading: "Section 2: ..." or a known title."""
    m = _SECTION.fullmatch(text)
    if not m:
        return None
    section, title = int(m[1]), _norm(m[3])
    known = any(
        (t := by_section.get(section)) and title.startswith(t) for by_section in titles.values()
    )
    return (section, title) if known or m[2] else None


def _number(cell: str) -> str | None:
    m = _NUMBER.fullmatch(cell.strip())
    return f"{int(m[1])}.{int(m[2])}" if m else None


# --- rows -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Row:
    """One provision row as read: its answer, or ``comply=None`` where there is none."""

    number: str
    line: int
    comply: Comply | None
    evidence: str = ""
    commentary: str = ""
    explanation: str = ""
    comply_by: dt.date | None = None


@attrs.define
class _OpenRow:
    number: str
    line: int
    table: bool  # cells of one table row; otherwise one cell per line
    kind: Kind
    offset: int
    columns: dict[int, Field | None]
    cells: dict[Field, list[str]] = attrs.Factory(dict)
    texts: list[str] = attrs.Factory(list)
    stray: list[str] = attrs.Factory(list)

    def add_cells(self, cells: list[str]) -> None:
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


_LABEL = re.compile(r"(explanation|comply by)\s*:\s*(.*)", re.IGNORECASE)


def _comply_cell(parts: list[str]) -> tuple[Comply | None, list[str], str | None]:
    """The answer in a comply cell, any notes after it, and what could not be read."""
    comply: Comply | None = None
    notes: list[str] = []
    for part in parts:
        read = read_comply_and_rest(part)
        if read is None and comply is None:
            return None, [], f"cannot read the comply answer {quote(part)}"
        if read is None:
            notes.append(part)
        elif comply is not None and read[0] != comply:
            return None, [], f"conflicting comply answers {comply!r} and {read[0]!r}"
        else:
            comply = read[0]
            notes += [read[1]] if read[1] else []
    return comply, notes, None


def _commentary_cell(row: _OpenRow) -> tuple[list[str], list[str], str]:
    """The commentary lines, the explanation lines and the comply-by text of a row.

    In a published table (not CSV) the commentary cell's lines labelled
    ``Explanation:`` and ``Comply by:`` are the explanation and the date. A
    "Commentary / explanation" cell is read as a commentary cell here.
    """
    explanation = [row.text("explanation")] if row.text("explanation") else []
    comply_by = row.text("comply_by").strip()
    cell = "\n".join(t for t in (row.text("commentary"), row.text("remarks")) if t)
    if row.kind == "csv":
        return ([cell] if cell else []), explanation, comply_by
    commentary: list[str] = []
    for part in cell.split("\n"):
        label = _LABEL.fullmatch(part)
        if label and label[1].lower() == "explanation":
            explanation.append(label[2])
        elif label:
            comply_by = label[2]
        elif part:
            commentary.append(part)
    return commentary, explanation, comply_by


def _read_cells(row: _OpenRow, found: list[Unreadable]) -> Row:
    """A table row: its cells by column, continuation lines already merged."""

    def problem(reason: str) -> None:
        found.append(Unreadable(line=row.line, number=row.number, reason=reason))

    for text in row.stray:
        problem(f"a cell outside the table's columns was not read: {quote(text)}")
    commentary, explanation, comply_by_text = _commentary_cell(row)
    evidence = row.text("evidence")
    parts = [p for p in row.text("comply").split("\n") if p.strip()]
    comply, notes, unread = _comply_cell(parts)
    if unread:
        problem(unread)
    elif comply is None and (evidence or commentary or explanation or comply_by_text):
        problem("no comply answer")
    comply_by = read_date(comply_by_text) if comply_by_text else None
    if comply_by_text and comply_by is None:
        problem(f"cannot read the comply-by date {quote(comply_by_text)}")
    if comply is None:
        return Row(number=row.number, line=row.line, comply=None)
    if comply in ("no", "partial") and not explanation and row.text("remarks"):
        # 8.1: a "Commentary / explanation" column explains a provision not met.
        explanation, commentary = commentary, []
    return Row(
        number=row.number,
        line=row.line,
        comply=comply,
        evidence=evidence,
        commentary="\n".join(notes + commentary),
        explanation="\n".join(explanation),
        comply_by=comply_by,
    )


def _read_texts(row: _OpenRow, found: list[Unreadable]) -> Row:
    """A row laid out one cell per line: the requirement, the answer, then evidence."""
    for at, text in enumerate(row.texts):  # noqa: B007 - `at` is used after the loop
        if read := read_comply_and_rest(text):
            break
    else:
        if row.texts:
            found.append(Unreadable(line=row.line, number=row.number, reason="no comply answer"))
        return Row(number=row.number, line=row.line, comply=None)
    comply, rest = read
    evidence = [rest] if rest else []
    for text in row.texts[at + 1 :]:
        again = exact_comply(text)
        if again is None:
            evidence.append(text)
        elif again != comply:
            reason = f"conflicting comply answers {comply!r} and {again!r}"
            found.append(Unreadable(line=row.line, number=row.number, reason=reason))
            return Row(number=row.number, line=row.line, comply=None)
    return Row(number=row.number, line=row.line, comply=comply, evidence="\n".join(evidence))


def _scan(
    lines: list[Line], titles: dict[int, dict[int, str]]
) -> tuple[list[_OpenRow], list[tuple[int, str]]]:
    """Group lines into provision rows; return them and the lines outside any row."""
    columns = dict(DEFAULT_COLUMNS)
    rows: list[_OpenRow] = []
    loose: list[tuple[int, str]] = []
    current: _OpenRow | None = None
    for line in lines:
        cells = list(line.cells) if line.kind == "csv" else [clean(c) for c in line.cells]
        filled = [i for i, text in enumerate(cells) if text.strip()]
        if not filled:
            continue
        first = filled[0]
        number = _number(cells[first])
        if number is None and len(filled) >= 3:
            header = {i - first: header_field(cells[i]) for i in range(first, len(cells))}
            if header[0] == "number" and "comply" in header.values():
                columns, current = header, None
                continue
        if number is not None:
            # A table row has cells after the number: some text, or at least two (empty) cells.
            table = line.kind != "text" or len(filled) > 1 or len(cells) - first > 2
            current = _OpenRow(number, line.number, table, line.kind, first, columns)
            rows.append(current)
            if table:
                current.add_cells(cells)
            continue
        joined = "\n".join(cells[i].strip() for i in filled)
        if current is not None and current.table:
            if current.kind == "text" and line.kind == "text" and first > 0:
                current.add_cells(cells)
                continue
            current = None
        elif current is not None:
            head = joined.split("\n", 1)[0]
            if not (_ENDS_LINE_ROW.match(head) or _heading(head, titles)):
                current.texts.extend(joined.split("\n"))
                continue
            current = None
        loose.append((line.number, " ".join(joined.split("\n"))))
    return rows, loose


# --- the edition, the catalogue and the metadata ---------------------------------------------


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _detect(
    rows: list[Row], loose: list[tuple[int, str]], titles: dict[int, dict[int, str]]
) -> tuple[int, str]:
    """The edition a text answers, and why; see the detection rules in the docs."""
    named = sorted(
        (line, int(m[1]))
        for line, text in loose
        if (m := _EDITION_NAMED.search(text)) and int(m[1]) in EDITIONS
    )
    if named and len({year for _, year in named}) == 1:
        line, year = named[0]
        return year, f"line {line} names the {year} edition"
    numbers = {row.number for row in rows}
    if numbers:
        outside = {
            year: sorted(numbers - {p.number for p in provisions(year)}, key=_key)
            for year in EDITIONS
        }
        fewest = min(len(found) for found in outside.values())
        best = [year for year in EDITIONS if len(outside[year]) == fewest]
        if len(best) == 1:
            others = ", ".join(
                f"{len(outside[y])} not in the {y} edition (such as {outside[y][0]})"
                for y in EDITIONS
                if y != best[0]
            )
            return best[0], f"provision numbers: {fewest} not in the {best[0]} edition, {others}"
    matches = dict.fromkeys(EDITIONS, 0)
    for section, title in filter(None, (_heading(text, titles) for _, text in loose)):
        for year in EDITIONS:
            known = titles[year].get(section)
            matches[year] += bool(known and title.startswith(known))
    most = max(matches.values())
    best = [year for year in EDITIONS if matches[year] == most]
    if most and len(best) == 1:
        return best[0], f"section headings: {most} match the {best[0]} edition's titles"
    raise InvalidRecord(
        "cannot tell which edition of the Code the text answers (no edition named, and neither "
        "its provision numbers nor its section headings decide); pass edition=2024 or 2022"
    )


_METADATA_FIELDS = {
    "completed on": "completed_on",
    "completed by": "completed_by",
    "approved by": "approved_by",
    "approved on": "approved_on",
}


def _metadata(
    loose: list[tuple[int, str]], found: list[Unreadable]
) -> tuple[dict[str, dt.date], dict[str, str]]:
    """The dates and the names of the metadata lines (completed on, approved by...)."""
    dates: dict[str, dt.date] = {}
    names: dict[str, str] = {}
    for line, text in loose:
        m = _METADATA.fullmatch(text)
        if not m or not m[2].strip():
            continue
        label = " ".join(m[1].lower().split()).removeprefix("reviewed and ")
        field, value = _METADATA_FIELDS[label], m[2].strip()
        if field in dates or field in names:
            reason = f"{label} given again; only the first is read"
            found.append(Unreadable(line=line, number=None, reason=reason))
        elif not field.endswith("_on"):
            names[field] = value
        elif (date := read_date(value)) is not None:
            dates[field] = date
        else:
            reason = f"cannot read the {label} date {quote(value)}"
            found.append(Unreadable(line=line, number=None, reason=reason))
    return dates, names


@attrs.frozen(kw_only=True)
class Reading:
    """What the reader found in a text (turned into a ``SelfAssessment`` by the caller)."""

    edition: int
    edition_detected_by: str
    rows: tuple[Row, ...]
    unreadable: tuple[Unreadable, ...]
    missing: tuple[str, ...]
    completed_on: dt.date | None
    completed_by: str | None
    approved_by: str | None
    approved_on: dt.date | None


def read(text: str, edition: int | None) -> Reading:
    """Read a self-assessment text.

    Raises:
        InvalidRecord: If the text is not a str, the edition is unknown, or the
            edition was not given and the text does not decide it.
    """
    if not isinstance(text, str):
        raise InvalidRecord(f"a self-assessment text must be a str, not {type(text).__name__}")
    if edition is not None and (
        not isinstance(edition, int) or isinstance(edition, bool) or edition not in EDITIONS
    ):
        known = ", ".join(str(e) for e in EDITIONS)
        raise InvalidRecord(f"unknown edition of the Code {edition!r} (known: {known})")
    titles = _section_titles()
    found: list[Unreadable] = []
    open_rows, loose = _scan(to_lines(text), titles)
    rows = [(_read_cells if r.table else _read_texts)(r, found) for r in open_rows]
    year, why = (edition, "given") if edition is not None else _detect(rows, loose, titles)
    catalogue = {p.number for p in provisions(year)}
    first: dict[str, Row] = {}
    for row in rows:
        if row.number not in catalogue:
            reason = f"not a provision of the {year} edition"
        elif row.number not in first:
            first[row.number] = row
            continue
        elif None not in (row.comply, first[row.number].comply) and (
            row.comply != first[row.number].comply
        ):
            reason = f"given again (first on line {first[row.number].line}) with a different answer"
            reason += ", so neither row is read"
            first[row.number] = attrs.evolve(first[row.number], comply=None)
        else:
            reason = f"given again (first on line {first[row.number].line}); this row is not read"
        found.append(Unreadable(line=row.line, number=row.number, reason=reason))
    dates, names = _metadata(loose, found)
    return Reading(
        edition=year,
        edition_detected_by=why,
        rows=tuple(first.values()),
        unreadable=tuple(sorted(found, key=lambda u: u.line)),
        missing=tuple(p.number for p in provisions(year) if p.number not in first),
        completed_on=dates.get("completed_on"),
        completed_by=names.get("completed_by"),
        approved_by=names.get("approved_by"),
        approved_on=dates.get("approved_on"),
    )
