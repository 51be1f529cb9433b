"""The blocks a rendered report is made of, and how each is written as Markdown or HTML.

The annual report and the quarterly pack for the Member Responsible for
Complaints are both a title, a line under it, then sections: a heading and its
blocks (paragraphs, tables, lists, and an embedded document such as the
self-assessment). Both text formats are written from the one list of sections,
so they always carry the same content in the same order. Every text is escaped:
for HTML with :func:`html.escape`; for Markdown also with :func:`html.escape`,
with the characters Markdown reads as emphasis, code, links, headings or table
cells escaped with a backslash, and a line break written as ``<br>``.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import datetime as dt
    from decimal import Decimal

__all__: list[str] = []

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#])")

#: What a measure with nothing to measure is written as.
NO_RESPONSES = "no responses"


class Table(NamedTuple):
    """A table: its header row and its rows, every cell text."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class BulletList(NamedTuple):
    """A list of texts."""

    items: tuple[str, ...]


class Embedded(NamedTuple):
    """A document rendered on its own, placed inside the report with its headings moved down."""

    markdown: str
    html: str


Block = str | Table | BulletList | Embedded
Section = tuple[str, list[Block]]


def day(value: dt.date) -> str:
    """A date written out: ``1 April 2024``."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def percent(value: Decimal | None) -> str:
    """A percentage, or :data:`NO_RESPONSES` for ``None``."""
    return NO_RESPONSES if value is None else f"{value}%"


def pounds(value: Decimal) -> str:
    """An amount of money: ``£1,250.00``."""
    return f"£{value:,}"


def md(text: str) -> str:
    """A text escaped for Markdown, its line breaks as ``<br>``."""
    escaped = html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", text), quote=False)
    return "<br>".join(escaped.splitlines() or [""])


def html_text(text: str) -> str:
    """A text escaped for HTML, its line breaks as ``<br>``."""
    return "<br>".join(html.escape(line) for line in text.splitlines() or [""])


def demote(fragment: str) -> str:
    """An HTML fragment with its headings moved two levels down (h1 becomes h3)."""
    return re.sub(
        r"<(/?)h([1-6])>", lambda m: f"<{m[1]}h{min(int(m[2]) + 2, 6)}>", fragment.strip("\n")
    )


def markdown_block(block: Block) -> list[str]:
    """The Markdown lines of one block, without the blank line after it."""
    if isinstance(block, Table):
        return [
            "| " + " | ".join(md(c) for c in block.header) + " |",
            "|" + " --- |" * len(block.header),
            *("| " + " | ".join(md(c) for c in row) + " |" for row in block.rows),
        ]
    if isinstance(block, BulletList):
        return [f"- {md(item)}" for item in block.items]
    if isinstance(block, Embedded):
        return [re.sub(r"^(#+) ", r"##\1 ", block.markdown.strip("\n"), flags=re.MULTILINE)]
    return [md(block)]


def html_block(block: Block) -> list[str]:
    """The HTML lines of one block."""
    if isinstance(block, Table):
        head = "".join(f"<th>{html_text(c)}</th>" for c in block.header)
        return [
            "<table>",
            "<thead>",
            f"<tr>{head}</tr>",
            "</thead>",
            "<tbody>",
            *(
                "<tr>" + "".join(f"<td>{html_text(c)}</td>" for c in row) + "</tr>"
                for row in block.rows
            ),
            "</tbody>",
            "</table>",
        ]
    if isinstance(block, BulletList):
        return ["<ul>", *(f"<li>{html_text(item)}</li>" for item in block.items), "</ul>"]
    if isinstance(block, Embedded):
        return [demote(block.html)]
    return [f"<p>{html_text(block)}</p>"]


def to_markdown(title: str, line: str, sections: list[Section]) -> str:
    """A document as Markdown: the title, the line, then each section's heading and blocks."""
    out = [f"# {md(title)}", "", md(line), ""]
    for heading, blocks in sections:
        out += [f"## {md(heading)}", ""]
        for block in blocks:
            out += [*markdown_block(block), ""]
    return "\n".join(out)


def to_html(title: str, line: str, sections: list[Section]) -> str:
    """A document as an HTML fragment, every value escaped."""
    out = [f"<h1>{html_text(title)}</h1>", f"<p>{html_text(line)}</p>"]
    for heading, blocks in sections:
        out.append(f"<h2>{html_text(heading)}</h2>")
        for block in blocks:
            out += html_block(block)
    return "\n".join(out) + "\n"
