"""HTML read with the standard library's parser (behind the self-assessment reader).

Two readings, both described in ``docs/selfassessment.md``:

- :func:`html_blocks` reads an HTML document: each table row becomes a row of
  cells, and the text outside the tables becomes lines of text;
- :func:`cell_text` reads the markup inside one cell of a text table.

HTML5 lets a page leave out many closing tags (``</td>``, ``</tr>``, ``</p>``,
``</li>``, ``</tbody>``...): a cell ends where the next cell, row, row group or
the table begins or ends, a row where the next row, row group or the table
does, as the HTML5 parsing rules say. Comments, ``<script>``, ``<style>`` and
``<template>`` hide their content. Entities are decoded once.

A comment, ``<script>``, ``<style>`` or ``<template>`` that is never closed
would hide the rest of the page; rather than read a page with its end hidden,
the reader refuses it with :class:`~complaintcode.errors.InvalidRecord`.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Literal

from complaintcode.errors import InvalidRecord

__all__: list[str] = []

#: What a block of an HTML document is: a table row, or a line of text.
BlockKind = Literal["row", "text"]

#: A block of an HTML document: its line, its cells (one for text) and its kind.
Block = tuple[int, tuple[str, ...], BlockKind]

# Elements whose content is never shown as text.
_HIDDEN = frozenset({"script", "style", "template"})
# Elements that begin or end a line of text (and <br>, which breaks one).
_BREAKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "title",
        "tr",
        "ul",
    }
)
_CELLS = frozenset({"td", "th"})
# Elements of a table that end the open row (and its cell) where they begin or end.
_ROW_ENDS = frozenset({"tr", "thead", "tbody", "tfoot", "caption", "colgroup"})
_MAX_SPAN = 1000  # HTML5 clamps colspan to 1..1000


def _span(attrs: list[tuple[str, str | None]]) -> int:
    value = next((v for k, v in attrs if k == "colspan"), None)
    try:
        span = int(value or "1")
    except ValueError:
        return 1
    return min(max(span, 1), _MAX_SPAN)


class _Reader(HTMLParser):
    """Turns HTML into blocks (document) or into the text of one cell (fragment)."""

    def __init__(self, source: str, *, first_line: int, fragment: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.first_line = first_line
        self.fragment = fragment
        self.starts = [0] + [i + 1 for i, char in enumerate(source) if char == "\n"]
        self.blocks: list[Block] = []
        self.found_table = False
        self.hidden: list[tuple[str, int]] = []  # open hidden elements, with their lines
        self.tables = 0  # open tables outside any cell
        self.row: list[str] | None = None
        self.row_line = 0
        self.cell: list[list[str]] | None = [[]] if fragment else None  # lines of pieces
        self.cell_span = 1
        self.nested = 0  # tables open inside the current cell
        self.text: list[str] = []
        self.text_line: int | None = None

    # --- positions and errors ---------------------------------------------------------

    def line(self, extra: str = "") -> int:
        """The document line of the parser's position, moved past ``extra``'s line breaks."""
        return self.getpos()[0] + self.first_line - 1 + extra.count("\n")

    def unclosed(self, what: str, line: int) -> InvalidRecord:
        return InvalidRecord(
            f"the HTML {what} opened here is never closed, so it would hide the rest of the text",
            path=f"line {line}",
        )

    # --- the pieces of text -----------------------------------------------------------

    def breaks(self) -> None:
        """A line break: in a cell a new line of the cell; outside, the end of a text line."""
        if self.cell is not None:
            self.cell.append([])
        else:
            self.flush_text()

    def flush_text(self) -> None:
        text = " ".join("".join(self.text).split())
        if text and self.text_line is not None:
            self.blocks.append((self.text_line, (text,), "text"))
        self.text, self.text_line = [], None

    def open_row(self) -> None:
        self.close_row()
        self.row, self.row_line = [], self.line()

    def close_cell(self) -> None:
        if self.cell is None or self.row is None:
            return
        lines = (" ".join("".join(pieces).split()) for pieces in self.cell)
        self.row.append("\n".join(line for line in lines if line))
        self.row.extend([""] * (self.cell_span - 1))
        self.cell, self.nested = None, 0

    def close_row(self) -> None:
        self.close_cell()
        if self.row is not None:
            self.blocks.append((self.row_line, tuple(self.row), "row"))
        self.row = None

    # --- the parser's events ----------------------------------------------------------

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # HTML5 ignores the "/" of <br/> and of any other start tag.
        self.handle_starttag(tag, attrs)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden:
            if tag == "template" and self.hidden[-1][0] == "template":
                self.hidden.append((tag, self.line()))
            return
        if tag in _HIDDEN:
            self.hidden.append((tag, self.line()))
        elif self.cell is not None and (self.nested or self.fragment):
            self.start_in_inner_table(tag)
        elif self.cell is not None and tag == "table":
            self.nested += 1
            self.breaks()
        elif self.tables and (tag in _CELLS or tag in _ROW_ENDS):
            self.start_in_table(tag, attrs)
        elif tag == "table":
            self.flush_text()
            self.found_table = True
            self.tables += 1
        elif tag in _BREAKS:
            self.breaks()

    def start_in_inner_table(self, tag: str) -> None:
        """A start tag inside a table nested in a cell, or inside a fragment."""
        if tag == "table":
            self.nested += 1
        if tag in _CELLS:
            self.cell_pieces(" ")
        elif tag in _BREAKS or tag in _ROW_ENDS:
            self.breaks()

    def start_in_table(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A cell, a row or a row group of an open table (not nested in a cell)."""
        self.flush_text()
        if tag in _CELLS:
            self.close_cell()
            if self.row is None:
                self.open_row()  # a cell without <tr>: HTML5 opens the row itself
            self.cell, self.cell_span, self.nested = [[]], _span(attrs), 0
        elif tag == "tr":
            self.open_row()
        else:
            self.close_row()

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            if tag == self.hidden[-1][0]:
                self.hidden.pop()
            return
        if self.cell is not None and (self.nested or self.fragment):
            if tag == "table" and self.nested:
                self.nested -= 1
            if tag in _BREAKS or tag in _ROW_ENDS:
                self.breaks()
        elif self.tables and tag in _CELLS:
            self.close_cell()
        elif self.tables and (tag in _ROW_ENDS or tag == "table"):
            self.close_row()
            self.flush_text()
            if tag == "table":
                self.tables -= 1
        elif (self.cell is not None and tag in _BREAKS) or (self.row is None and tag in _BREAKS):
            self.breaks()

    def cell_pieces(self, data: str) -> None:
        if self.cell is not None:
            self.cell[-1].append(data)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        line, column = self.getpos()
        if self.source.startswith("<!--", self.starts[line - 1] + column):
            # An unclosed comment: the parser hands its text over as data.
            raise self.unclosed("comment", self.line())
        if self.cell is not None:
            self.cell_pieces(data)
            return
        if self.text_line is None and data.strip():
            self.text_line = self.line(data[: len(data) - len(data.lstrip())])
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        line, column = self.getpos()
        if self.starts[line - 1] + column + len("<!--") + len(data) >= len(self.source):
            raise self.unclosed("comment", self.line())  # it ran to the end of the text

    def parse_marked_section(self, i: int, report: int = 1) -> int:  # noqa: ARG002 - same signature as the parser's
        # "<![...]>": HTML5 reads it as a comment up to the next ">"; the standard
        # library's parser would instead fail on a keyword it does not know.
        end = self.rawdata.find(">", i + 3)
        return -1 if end < 0 else end + 1

    def finish(self) -> None:
        self.close()
        if self.hidden:
            tag, line = self.hidden[0]
            raise self.unclosed(f"<{tag}>", line)
        self.close_row()
        self.flush_text()


def _read(source: str, *, first_line: int, fragment: bool) -> _Reader:
    reader = _Reader(source, first_line=first_line, fragment=fragment)
    try:
        reader.feed(source)
        reader.finish()
    except AssertionError as err:  # the standard library's parser gives up on some markup
        raise InvalidRecord(f"cannot read the HTML: {err}", path=f"line {reader.line()}") from None
    return reader


def html_blocks(text: str) -> list[Block] | None:
    """The rows and text lines of an HTML document, or ``None`` if it has no table.

    Raises:
        InvalidRecord: If a comment, script, style or template is never closed.
    """
    reader = _read(text, first_line=1, fragment=False)
    return reader.blocks if reader.found_table else None


def cell_text(fragment: str, line: int = 1) -> str:
    """The text of a cell's markup: tags removed, entities decoded, one line per block.

    ``<br>``, ``<p>``, ``<li>``, ``<div>`` and the other block elements end a line;
    spaces are collapsed and empty lines dropped.

    Raises:
        InvalidRecord: If a comment, script, style or template is never closed.
    """
    if "<" not in fragment and "&" not in fragment:
        return " ".join(fragment.split())
    reader = _read(fragment, first_line=line, fragment=True)
    cell = reader.cell or []
    lines = (" ".join("".join(pieces).split()) for pieces in cell)
    return "\n".join(part for part in lines if part)
