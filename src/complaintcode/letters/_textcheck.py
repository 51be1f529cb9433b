"""The checks behind :func:`complaintcode.letters.check_text`: phrases and plain language.

A letter written outside the library is searched, case-insensitively, for
headings or phrases that show each required item; a phrase matches at the start
of a word, and a phrase ending in a digit does not match a longer number
("stage 1" does not match "stage 10"). The phrases, the sentence length limit
and the reading ease threshold are documented in docs/letters.md.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs

from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from complaintcode.letters import _checks
from complaintcode.provisions import provision
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from complaintcode.editions import Edition
    from complaintcode.provisions import Provision

#: A sentence longer than this many words draws a warning.
MAX_SENTENCE_WORDS: Final = 25
#: A Flesch reading ease score below this draws a warning.
MIN_READING_EASE: Final = 60.0

_COMMON: Final[dict[str, tuple[str, ...]]] = {
    "definition": (
        "what we understand your complaint to be",
        "we understand",
        "your complaint is about",
        "complaint definition",
        "you complained",
        "you told us",
        "you said",
    ),
    "decision": ("our decision", "we have decided", "we decided", "uphold", "upheld"),
    "reasons": ("why we decided", "because", "reason"),
    "remedy": (
        "putting things right",
        "put things right",
        "remedy",
        "remedies",
        "apolog",
        "compensation",
        "sorry",
    ),
    "outstanding": (
        "what happens next",
        "outstanding",
        "next steps",
        "no further action",
        "still to be done",
    ),
}

#: For each stage, each item's phrases, in the order of 6.9 and 6.19.
PHRASES: Final[dict[Stage, dict[str, tuple[str, ...]]]] = {
    Stage.ONE: {
        "stage": ("stage 1", "stage one"),
        **_COMMON,
        "escalation": ("stage 2", "stage two", "escalat"),
    },
    Stage.TWO: {
        "stage": ("stage 2", "stage two", "final response"),
        **_COMMON,
        "escalation": ("ombudsman",),
    },
}

_WHAT: Final = {
    "stage": "the complaint stage",
    "definition": "the complaint definition",
    "decision": "the decision on the complaint",
    "reasons": "the reasons for the decision",
    "remedy": "the remedy offered",
    "outstanding": "the outstanding actions",
}
_ESCALATION: Final = {
    Stage.ONE: "how to escalate the complaint to stage 2",
    Stage.TWO: "how to take the complaint to the Ombudsman",
}

_BULLET: Final = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+")
_HEADING: Final = re.compile(r"^\s*#+\s*")
_RULE: Final = re.compile(r"^\s*[-=_]{3,}\s*$")
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])[\"')\]\u201d\u2019]*\s+")
_WORD: Final = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_VOWELS: Final = re.compile(r"[aeiouy]+")


def _pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"\b" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?!\d)", re.IGNORECASE)


def check_text(stage: Stage, text: str, edition: Edition) -> tuple[Finding, ...]:
    """Warnings for the items not found, a further stage offered, and hard reading."""
    n = int(stage)
    found: list[Finding] = []
    for name, phrases in PHRASES[stage].items():
        if not _checks.item_listed(edition, n, name):
            continue
        if any(_pattern(p).search(text) for p in phrases):
            continue
        what = _ESCALATION[stage] if name == "escalation" else _WHAT[name]
        looked = ", ".join(f"'{p}'" for p in phrases)
        finding = _checks.item_finding(
            edition, n, name, f"could not find {what} (looked for: {looked})"
        )
        found.append(attrs.evolve(finding, severity="warning"))
    if stage is Stage.TWO:
        match = _checks.FURTHER_STAGE.search(text)
        if match:
            found.append(
                Finding(
                    provision=provision("5.3"),
                    severity="warning",
                    message="the letter seems to offer a further stage after the final "
                    f"response ('{match.group(0)}')",
                )
            )
    found += _plain_language(text, edition.cite(f"letter_stage_{n}"))
    return tuple(found)


def _plain_language(text: str, cited: Provision) -> list[Finding]:
    found: list[Finding] = []
    for sentence in sentences(text):
        words = _WORD.findall(sentence)
        if len(words) > MAX_SENTENCE_WORDS:
            excerpt = " ".join(words[:8])
            found.append(
                Finding(
                    provision=cited,
                    severity="warning",
                    message=f"a sentence has {len(words)} words, more than "
                    f"{MAX_SENTENCE_WORDS}: '{excerpt} ...'",
                )
            )
    if _WORD.search(text):
        score = reading_ease(text)
        if score < MIN_READING_EASE:
            found.append(
                Finding(
                    provision=cited,
                    severity="warning",
                    message=f"the reading ease score is {score:.1f}, below "
                    f"{MIN_READING_EASE:g}: use shorter sentences and shorter words",
                )
            )
    return found


def sentences(text: str) -> list[str]:
    """Split a letter into sentences.

    Blank lines, underlines, headings and bullets end a block; within a block,
    a sentence ends at ``.``, ``!`` or ``?`` followed by a space or the end.
    """
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for line in text.splitlines():
        if not line.strip() or _RULE.match(line):
            flush()
            continue
        if _BULLET.match(line) or _HEADING.match(line):
            flush()
            line = _HEADING.sub("", _BULLET.sub("", line))  # noqa: PLW2901 - the marker is dropped
        current.append(line.strip())
    flush()
    return [s.strip() for block in blocks for s in _SENTENCE_END.split(block) if _WORD.search(s)]


def syllables(word: str) -> int:
    """Count a word's syllables by rule: vowel groups, less a silent final e, at least one."""
    w = word.lower()
    if not w.isalpha():
        return 1
    count = len(_VOWELS.findall(w))
    if count > 1 and w.endswith("e") and not w.endswith(("le", "ee", "ye")):
        count -= 1
    return max(1, count)


def reading_ease(text: str) -> float:
    """The Flesch reading ease score of a text."""
    parts = sentences(text)
    words = [w for s in parts for w in _WORD.findall(s)]
    if not words:
        raise InvalidRecord("the text has no words to score", path="text")
    total = sum(syllables(w.replace("'", "").replace("\u2019", "")) for w in words)
    return 206.835 - 1.015 * (len(words) / len(parts)) - 84.6 * (total / len(words))
