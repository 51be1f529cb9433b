"""Reading a published self-assessment back from text (behind ``SelfAssessment.parse``).

``_lines`` turns the text into lines of cells, ``_scan`` groups them into
provision rows and ``_rows`` reads each row's answer. This module detects the
edition, reads the metadata, and settles a provision given twice: the row that
carries the Code's requirement and an answer is read, and the other occurrence
is reported. The rules are described in ``docs/selfassessment.md``.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from complaintcode._codec import shown
from complaintcode.errors import InvalidRecord
from complaintcode.provisions import EDITIONS, provisions
from complaintcode.selfassessment._cells import Unreadable, quote, read_date
from complaintcode.selfassessment._lines import to_lines
from complaintcode.selfassessment._rows import Row, read_row
from complaintcode.selfassessment._scan import Titles, heading, scan, section_titles

__all__: list[str] = []

_EDITION_NAMED = re.compile(r"\b(\d{4}) edition\b", re.IGNORECASE)
_METADATA = re.compile(
    r"[-*•\s]*(?:self[- ]assessment\s+)?(completed on|completed by|"
    r"(?:reviewed and\s+)?approved by|(?:reviewed and\s+)?approved on)\s*:\s*(.*)",
    re.IGNORECASE,
)


# --- the edition, the catalogue and the metadata ---------------------------------------------


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _detect(rows: list[Row], loose: list[tuple[int, str]], titles: Titles) -> tuple[int, str]:
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
    for section, title in filter(None, (heading(text, titles) for _, text in loose)):
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


# --- a provision given twice -------------------------------------------------------------


def _in_order(rows: list[Row]) -> list[int]:
    """For each row, how many of its two neighbours keep Code order around it (0 to 2)."""
    keys = [_key(row.number) for row in rows]
    return [
        (at == 0 or keys[at - 1] < key) + (at == len(keys) - 1 or key < keys[at + 1])
        for at, key in enumerate(keys)
    ]


def _strength(row: Row) -> int:
    """2 for a row with the Code's requirement and an answer, 1 for an answer alone, else 0."""
    return 0 if row.comply is None else 1 + row.requirement


def _settle(rows: list[Row], found: list[Unreadable]) -> dict[str, Row]:
    """The row read for each provision; every other occurrence is reported in ``found``.

    The strongest row wins (the Code's requirement and an answer, then an answer
    alone); among equals, the row whose neighbours keep Code order around it,
    then the first. If the strongest rows give different answers, none is read.
    """
    placed = _in_order(rows)
    by_number: dict[str, list[int]] = {}
    for at, row in enumerate(rows):
        by_number.setdefault(row.number, []).append(at)
    chosen: dict[str, Row] = {}
    for number, ats in by_number.items():
        first = rows[ats[0]]
        best = max(_strength(rows[at]) for at in ats)
        contenders = [at for at in ats if _strength(rows[at]) == best]
        answers = {rows[at].comply for at in contenders}
        if len(answers) > 1:
            chosen[number] = attrs.evolve(first, comply=None)
            many = "neither row" if len(ats) == 2 else f"none of its {len(ats)} rows"
            for at in ats[1:]:
                reason = f"given again (first on line {first.line})"
                if at in contenders and rows[at].comply != rows[contenders[0]].comply:
                    reason += f" with a different answer, so {many} is read"
                else:
                    reason += "; this row is not read"
                found.append(Unreadable(line=rows[at].line, number=number, reason=reason))
            continue
        won = max(contenders, key=lambda at: (placed[at], -at))
        chosen[number] = rows[won]
        found.extend(_loser(rows, placed, at, won) for at in ats if at != won)
    return chosen


def _loser(rows: list[Row], placed: list[int], at: int, won: int) -> Unreadable:
    """The report of an occurrence that is not read, saying why the other one is."""
    row, winner = rows[at], rows[won]
    why = ""
    if _strength(row) < _strength(winner):
        what = "the requirement and an answer" if _strength(winner) == 2 else "an answer"
        why = f"where the row has {what}"
    elif won > at and placed[won] > placed[at]:
        why = "where the row is in Code order"
    if won < at:
        reason = f"given again (first on line {winner.line}{', ' + why if why else ''})"
    else:
        reason = f"given again on line {winner.line}, {why}"
    return Unreadable(line=row.line, number=row.number, reason=reason + "; this row is not read")


# --- reading ---------------------------------------------------------------------------------


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


def _not_a_str(value: object) -> InvalidRecord:
    given = type(value).__name__
    hint = " (decode it first, with .decode('utf-8') say)" if isinstance(value, bytes) else ""
    return InvalidRecord(f"a self-assessment text must be a str, not {given}{hint}")


def read(text: str, edition: int | None) -> Reading:
    """Read a self-assessment text.

    Raises:
        InvalidRecord: If the text is not a str or cannot be read (a NUL
            character, bad CSV, an HTML comment or script never closed), the
            edition is unknown, or the edition was not given and the text does
            not decide it.
    """
    if not isinstance(text, str):
        raise _not_a_str(text)
    if edition is not None and (
        not isinstance(edition, int) or isinstance(edition, bool) or edition not in EDITIONS
    ):
        known = ", ".join(str(e) for e in EDITIONS)
        raise InvalidRecord(f"unknown edition of the Code {shown(edition)} (known: {known})")
    titles = section_titles()
    found: list[Unreadable] = []
    open_rows, loose = scan(to_lines(text), titles)
    rows = [read_row(r, found) for r in open_rows]
    year, why = (edition, "given") if edition is not None else _detect(rows, loose, titles)
    catalogue = {p.number for p in provisions(year)}
    for row in rows:
        if row.number not in catalogue:
            reason = f"not a provision of the {year} edition"
            found.append(Unreadable(line=row.line, number=row.number, reason=reason))
    chosen = _settle([row for row in rows if row.number in catalogue], found)
    dates, names = _metadata(loose, found)
    return Reading(
        edition=year,
        edition_detected_by=why,
        rows=tuple(chosen.values()),
        unreadable=tuple(sorted(found, key=lambda u: u.line)),
        missing=tuple(p.number for p in provisions(year) if p.number not in chosen),
        completed_on=dates.get("completed_on"),
        completed_by=names.get("completed_by"),
        approved_by=names.get("approved_by"),
        approved_on=dates.get("approved_on"),
    )
