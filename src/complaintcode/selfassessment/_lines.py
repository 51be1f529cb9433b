"""A published self-assessment as lines of cells (behind ``SelfAssessment.parse``).

A document is CSV, an HTML page with tables, or text whose lines are Markdown
pipe rows or tab-separated cells. Whatever its format, it becomes a list of
:class:`Line` values whose cells hold plain text: markup read and removed,
entities decoded, one line of the cell per block. ``_rows`` finds the provision
rows among them. The rules are described in ``docs/selfassessment.md``.
"""

from __future__ import annotations

import csv
import io
import re
import string
from typing import Literal

import attrs

from complaintcode._codec import check_text, csv_text
from complaintcode.errors import InvalidRecord
from complaintcode.selfassessment._cells import header_field
from complaintcode.selfassessment._markup import cell_text, html_blocks

__all__: list[str] = []

#: "text": a line of text, its cells split on tabs; "row": a complete table row
#: (Markdown, HTML); "csv": a CSV record, its values kept exactly.
Kind = Literal["text", "row", "csv"]


@attrs.frozen
class Line:
    """One line of a document: where it is, its cells as plain text, and its kind."""

    number: int
    cells: tuple[str, ...]
    kind: Kind


_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
_SEPARATOR_ROW = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*")
_TABLE_TAG = re.compile(r"<table\b", re.IGNORECASE)


def _split_pipes(line: str) -> tuple[str, ...]:
    """Split a Markdown table row on unescaped pipes, undoing backslash escapes."""
    cells: list[str] = []
    buf: list[str] = []
    text = line.strip()
    i = 0
    ended_on_pipe = False
    while i < len(text):
        char = text[i]
        ended_on_pipe = False
        if char == "\\" and i + 1 < len(text) and text[i + 1] in string.punctuation:
            buf.append(text[i + 1])
            i += 2
            continue
        if char == "|":
            cells.append("".join(buf))
            buf = []
            ended_on_pipe = True
        else:
            buf.append(char)
        i += 1
    if not ended_on_pipe:
        cells.append("".join(buf))
    if text.startswith("|"):
        cells = cells[1:]
    return tuple(cells)


def _csv_lines(text: str) -> list[Line] | None:
    """The records of a CSV text whose first line is a header naming the columns."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if "\t" in first or "," not in first:
        return None
    if not {"number", "comply"} <= {header_field(cell) for cell in next(csv.reader([first]))}:
        return None
    reader = csv.reader(io.StringIO(text))
    lines: list[Line] = []
    start = 1
    try:
        for record in reader:
            lines.append(Line(start, tuple(csv_text(cell) for cell in record), "csv"))
            start = reader.line_num + 1
    except csv.Error as err:
        raise InvalidRecord(f"cannot read the CSV: {err}", path=f"line {start}") from None
    return lines


def _check_characters(text: str) -> None:
    at = text.find("\x00")
    if at >= 0:
        raise InvalidRecord(
            "the text contains a NUL character; pass the text extracted from the document, "
            "not the bytes of a PDF or Word file",
            path=f"line {text.count(chr(10), 0, at) + 1}",
        )
    if not text.isascii():  # a lone surrogate, which no UTF-8 output could hold
        for number, line in enumerate(text.split("\n"), start=1):
            check_text(line, f"line {number}")


def to_lines(text: str) -> list[Line]:
    """The lines of a document as cells of plain text: CSV records, table rows, text lines.

    Raises:
        InvalidRecord: If the text holds a NUL character, its CSV cannot be read,
            or its HTML leaves a comment, script, style or template open.
    """
    text = text.removeprefix("\ufeff")
    _check_characters(text)
    records = _csv_lines(text)
    if records is not None:
        return records
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = html_blocks(text) if _TABLE_TAG.search(text) else None
    if blocks is not None:
        return [Line(number, cells, kind) for number, cells, kind in blocks]
    lines = []
    for number, line in enumerate(_BOOKMARK.sub("", text).split("\n"), start=1):
        if line.lstrip().startswith("|"):
            if not _SEPARATOR_ROW.fullmatch(line):
                cells = tuple(cell_text(cell, number) for cell in _split_pipes(line))
                lines.append(Line(number, cells, "row"))
        else:
            cells = tuple(cell_text(cell, number) for cell in line.split("\t"))
            lines.append(Line(number, cells, "text"))
    return lines
