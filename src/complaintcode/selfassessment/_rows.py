"""The answer each provision row gives (behind ``SelfAssessment.parse``).

``_scan`` finds the rows; this module reads each one: its comply answer, its
evidence and commentary, an explanation and a comply-by date, and whether it
carries the Code's requirement. What cannot be read is reported, never guessed.
The rules are described in ``docs/selfassessment.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import attrs

from complaintcode.selfassessment._cells import (
    Comply,
    Unreadable,
    exact_comply,
    quote,
    read_comply_and_rest,
    read_date,
)

if TYPE_CHECKING:
    from complaintcode.selfassessment._scan import OpenRow

__all__: list[str] = []


@attrs.frozen(kw_only=True)
class Row:
    """One provision row as read: its answer, or ``comply=None`` where there is none.

    ``requirement`` says whether the row carries the Code's requirement: a
    requirement cell with text (or a table without a requirement column), or,
    one cell per line, a line before the answer.
    """

    number: str
    line: int
    comply: Comply | None
    requirement: bool
    evidence: str = ""
    commentary: str = ""
    explanation: str = ""
    comply_by: dt.date | None = None


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


def _commentary_cell(row: OpenRow) -> tuple[list[str], list[str], str]:
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


def _read_cells(row: OpenRow, found: list[Unreadable]) -> Row:
    """A table row: its cells by column, continuation lines already merged."""

    def problem(reason: str) -> None:
        found.append(Unreadable(line=row.line, number=row.number, reason=reason))

    for text in row.stray:
        problem(f"a cell outside the table's columns was not read: {quote(text)}")
    requirement = bool(row.text("requirement").strip()) or (
        "requirement" not in row.columns.values()
    )
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
        return Row(number=row.number, line=row.line, comply=None, requirement=requirement)
    if comply in ("no", "partial") and not explanation and row.text("remarks"):
        # 8.1: a "Commentary / explanation" column explains a provision not met.
        explanation, commentary = commentary, []
    return Row(
        number=row.number,
        line=row.line,
        comply=comply,
        requirement=requirement,
        evidence=evidence,
        commentary="\n".join(notes + commentary),
        explanation="\n".join(explanation),
        comply_by=comply_by,
    )


def _read_texts(row: OpenRow, found: list[Unreadable]) -> Row:
    """A row laid out one cell per line: the requirement, the answer, then evidence."""
    for at, text in enumerate(row.texts):  # noqa: B007 - `at` is used after the loop
        if read := read_comply_and_rest(text):
            break
    else:
        if row.texts:
            found.append(Unreadable(line=row.line, number=row.number, reason="no comply answer"))
        return Row(number=row.number, line=row.line, comply=None, requirement=bool(row.texts))
    comply, rest = read
    evidence = [rest] if rest else []
    for text in row.texts[at + 1 :]:
        again = exact_comply(text)
        if again is None:
            evidence.append(text)
        elif again != comply:
            reason = f"conflicting comply answers {comply!r} and {again!r}"
            found.append(Unreadable(line=row.line, number=row.number, reason=reason))
            return Row(number=row.number, line=row.line, comply=None, requirement=at > 0)
    return Row(
        number=row.number,
        line=row.line,
        comply=comply,
        requirement=at > 0,
        evidence="\n".join(evidence),
    )


def read_row(row: OpenRow, found: list[Unreadable]) -> Row:
    """The answer a row gives; what cannot be read is added to ``found``."""
    return (_read_cells if row.table else _read_texts)(row, found)
