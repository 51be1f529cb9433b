"""Writing a self-assessment as Markdown, HTML or CSV (behind ``SelfAssessment.to_*``).

Markdown and HTML use the layout landlords publish: a heading, the metadata,
then per section a heading and a table with the columns provision, requirement
(our one-line summary, never the Code's text), comply, evidence and commentary.
A ``"no"`` or ``"partial"`` answer's explanation and comply-by date go into the
commentary cell on lines of their own, labelled ``Explanation:`` and
``Comply by:``, so that the reader in ``_parse`` gets them back.
"""

from __future__ import annotations

import html
import itertools
import re
from typing import TYPE_CHECKING

from complaintcode._codec import write_csv
from complaintcode.provisions import section_title

if TYPE_CHECKING:
    from collections.abc import Iterator

    from complaintcode.selfassessment import SelfAssessment, SelfAssessmentEntry

__all__: list[str] = []

#: The header row of the CSV export.
CSV_HEADER = (
    "provision",
    "section",
    "requirement",
    "comply",
    "evidence",
    "commentary",
    "explanation",
    "comply_by",
)
_COLUMNS = ("Provision", "Requirement (summary)", "Comply", "Evidence", "Commentary")
_SHOWN = {"yes": "Yes", "no": "No", "partial": "Partial", "n/a": "N/A"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def _title(sa: SelfAssessment) -> str:
    return f"Complaint Handling Code self-assessment ({sa.edition} edition)"


def _metadata(sa: SelfAssessment) -> Iterator[str]:
    for label, value in (
        ("Completed on", sa.completed_on),
        ("Completed by", sa.completed_by),
        ("Approved by", sa.approved_by),
        ("Approved on", sa.approved_on),
    ):
        if value is not None:
            shown = value if isinstance(value, str) else value.isoformat()
            yield f"{label}: {' '.join(shown.split())}"


def _cells(entry: SelfAssessmentEntry) -> tuple[str, str, str, str, str]:
    """The five published cells of an entry; lines of a cell are separated by newlines."""
    p, given = entry.provision, entry.answer
    if given is None:
        return p.number, p.summary, "", "", ""
    commentary = [given.commentary] if given.commentary else []
    commentary += [f"Explanation: {line}" for line in given.explanation.split("\n") if line]
    if given.comply_by is not None:
        commentary.append(f"Comply by: {given.comply_by.isoformat()}")
    return p.number, p.summary, _SHOWN[given.comply], given.evidence, "\n".join(commentary)


def _sections(sa: SelfAssessment) -> Iterator[tuple[str, list[SelfAssessmentEntry]]]:
    for section, entries in itertools.groupby(sa.entries, key=lambda e: e.provision.section):
        yield f"Section {section}: {section_title(section, sa.edition)}", list(entries)


def _markdown_cell(text: str) -> str:
    escaped = html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", text), quote=False)
    return "<br>".join(escaped.split("\n"))


def to_markdown(sa: SelfAssessment) -> str:
    """The Markdown layout described in the docs."""
    out = [f"# {_title(sa)}", ""]
    meta = [f"- {html.escape(line, quote=False)}" for line in _metadata(sa)]
    out += [*meta, ""] if meta else []
    for heading, entries in _sections(sa):
        out += [f"## {heading}", "", "| " + " | ".join(_COLUMNS) + " |"]
        out.append("|" + " --- |" * len(_COLUMNS))
        out += ["| " + " | ".join(_markdown_cell(c) for c in _cells(e)) + " |" for e in entries]
        out.append("")
    return "\n".join(out)


def _html_cell(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def to_html(sa: SelfAssessment) -> str:
    """The HTML layout described in the docs (a fragment, every value escaped)."""
    out = [f"<h1>{html.escape(_title(sa))}</h1>"]
    meta = [f"<li>{html.escape(line)}</li>" for line in _metadata(sa)]
    out += ["<ul>", *meta, "</ul>"] if meta else []
    header = "".join(f"<th>{html.escape(c)}</th>" for c in _COLUMNS)
    for heading, entries in _sections(sa):
        out += [f"<h2>{html.escape(heading)}</h2>", "<table>"]
        out += ["<thead>", f"<tr>{header}</tr>", "</thead>", "<tbody>"]
        for entry in entries:
            row = "".join(f"<td>{_html_cell(c)}</td>" for c in _cells(entry))
            out.append(f"<tr>{row}</tr>")
        out += ["</tbody>", "</table>"]
    return "\n".join(out) + "\n"


def to_csv(sa: SelfAssessment) -> str:
    """One CSV row per provision, after the :data:`CSV_HEADER` row; lines end in a line feed.

    A cell a spreadsheet would run as a formula is written after a single quote
    (:func:`complaintcode._codec.write_csv`); the reader takes the quote off again.
    """
    rows: list[tuple[object, ...]] = [CSV_HEADER]
    for entry in sa.entries:
        p, given = entry.provision, entry.answer
        rows.append(
            (p.number, p.section, p.summary, "", "", "", "", "")
            if given is None
            else (
                p.number,
                p.section,
                p.summary,
                given.comply,
                given.evidence,
                given.commentary,
                given.explanation,
                given.comply_by.isoformat() if given.comply_by else "",
            )
        )
    return write_csv(rows)
