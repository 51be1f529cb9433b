"""The values in the cells of a published self-assessment: answers, dates, column names.

``_lines`` turns a document into lines of cells; this module reads what a cell
holds: comply answers in the spellings landlords use, dates, and the names of
the columns in a header row. ``_rows`` finds the provision rows among the
lines. The rules are described in ``docs/selfassessment.md``; the public names
are re-exported from :mod:`complaintcode.selfassessment`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

import attrs

__all__: list[str] = []

#: A comply answer: complies, does not comply, partly complies, does not apply.
Comply = Literal["yes", "no", "partial", "n/a"]

#: The comply answers, in the order exports and counts use.
COMPLY_VALUES: tuple[Comply, ...] = ("yes", "no", "partial", "n/a")

# Spellings landlords use, lower case with single spaces; matched case-insensitively,
# ignoring trailing ".", "*" or "!" and spaces around "/".
_SPELLINGS: dict[str, Comply] = {
    **dict.fromkeys(
        ("yes", "y", "complies", "compliant", "fully compliant", "fully complies"),
        "yes",
    ),
    **dict.fromkeys(
        ("no", "n", "not compliant", "non-compliant", "non compliant", "does not comply"),
        "no",
    ),
    **dict.fromkeys(
        ("partial", "partially", "partly", "in part", "partially compliant", "partially complies"),
        "partial",
    ),
    **dict.fromkeys(("n/a", "na", "n.a", "not applicable"), "n/a"),
}
_ALTERNATIVES = "|".join(
    re.escape(s).replace("/", r"\s*/\s*").replace(r"\ ", r"\s+")
    for s in sorted(_SPELLINGS, key=len, reverse=True)
)
_EXACT = re.compile(rf"({_ALTERNATIVES})[\s.*!]*", re.IGNORECASE)
# A note may follow an answer of two letters or more ("N.B." is not a "no") after a
# hyphen, an en or em dash, punctuation or a bracket.
_NOTE_MARKS = "-\u2013\u2014:;,."
_WORDS = "|".join(a for a in _ALTERNATIVES.split("|") if len(a) > 1)
_PREFIXED = re.compile(rf"({_WORDS})\s*([{_NOTE_MARKS}(])(.*)", re.IGNORECASE | re.DOTALL)


def _spelling(matched: str) -> Comply:
    key = re.sub(r"\s*/\s*", "/", " ".join(matched.lower().split()))
    return _SPELLINGS[key]


def read_comply_and_rest(text: str) -> tuple[Comply, str] | None:
    """The comply answer a text begins with, and the rest of the text, or ``None``."""
    stripped = text.strip()
    exact = _EXACT.fullmatch(stripped)
    if exact:
        return _spelling(exact.group(1)), ""
    prefixed = _PREFIXED.fullmatch(stripped)
    if prefixed:
        rest = prefixed.group(3).lstrip(" " + _NOTE_MARKS).strip()
        if prefixed.group(2) == "(":
            rest = "(" + prefixed.group(3).strip()
        return _spelling(prefixed.group(1)), rest
    return None


def exact_comply(text: str) -> Comply | None:
    """The comply answer a text is, with nothing after it, or ``None``."""
    exact = _EXACT.fullmatch(text.strip())
    return _spelling(exact.group(1)) if exact else None


# --- dates -----------------------------------------------------------------------

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {
    name: number
    for number, full in enumerate(_MONTH_NAMES.split(), start=1)
    for name in (full, full[:3], "sept" if full == "september" else full)
}


def read_date(text: str) -> dt.date | None:
    """A date written as ``2024-04-03``, ``3/4/2024`` (day first) or ``3rd April 2024``."""
    t = " ".join(text.split())
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", t):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        m = re.fullmatch(r"(\d{1,2})\s*(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})", t)
        if m and m[2].lower() in _MONTHS:
            return dt.date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    except ValueError:
        return None
    return None


# --- what could not be read --------------------------------------------------------


@attrs.frozen(kw_only=True)
class Unreadable:
    """A part of a self-assessment text that could not be read.

    Attributes:
        line: The line of the text it is on (1 for the first line).
        number: The provision number of the row, where it is in a row.
        reason: What could not be read, in plain words.

    >>> str(Unreadable(line=137, number="9.6", reason="no comply answer"))
    'line 137: 9.6: no comply answer'
    """

    line: int
    number: str | None
    reason: str

    def __str__(self) -> str:
        if self.number:
            return f"line {self.line}: {self.number}: {self.reason}"
        return f"line {self.line}: {self.reason}"


def quote(text: str, limit: int = 60) -> str:
    """A text on one line, shortened to ``limit`` characters, in quotes for a message."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 3] + "...")


# --- headers, headings and metadata ---------------------------------------------------------

#: The columns of a self-assessment table. ``remarks`` is a column named for both
#: commentary and explanation ("Commentary / explanation"), as in the published template.
Field = Literal[
    "number",
    "requirement",
    "comply",
    "evidence",
    "commentary",
    "explanation",
    "remarks",
    "comply_by",
]
_EXACT_HEADERS: dict[str, Field | None] = {
    "provision": "number",
    "section": None,
    "requirement": "requirement",
    "comply": "comply",
    "evidence": "evidence",
    "commentary": "commentary",
    "explanation": "explanation",
    "comply by": "comply_by",
}
DEFAULT_COLUMNS: dict[int, Field | None] = {
    0: "number",
    1: "requirement",
    2: "comply",
    3: "evidence",
    4: "commentary",
}


def header_field(cell: str) -> Field | None:  # noqa: PLR0911 - one return per column kind
    text = " ".join(cell.lower().replace("_", " ").split())
    if text in _EXACT_HEADERS:
        return _EXACT_HEADERS[text]
    if "comply by" in text:
        return "comply_by"
    if "comply" in text:
        return "comply"
    if "evidence" in text:
        return "evidence"
    if "commentary" in text and "explanation" in text:
        return "remarks"
    if "commentary" in text or "explanation" in text:
        return "commentary"
    if "requirement" in text:
        return "requirement"
    if "provision" in text or "section" in text:
        return "number"
    return None
