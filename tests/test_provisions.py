"""Tests for complaintcode.provisions: the catalogue of the Code's provisions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import pytest

from complaintcode.errors import InvalidRecord
from complaintcode.provisions import EDITIONS, Provision, provision, provisions, section_title

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
DOCS = REPO / "docs" / "provisions.md"

#: Every provision a 2024 self-assessment answers, in Code order.
NUMBERS_2024 = [
    *("1.2", "1.3", "1.4", "1.5", "1.6"),
    *("2.1", "2.2", "2.3", "2.4", "2.5"),
    *("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"),
    *("4.1", "4.2", "4.3"),
    *[f"5.{i}" for i in range(1, 16)],
    *[f"6.{i}" for i in range(1, 21)],
    *("7.1", "7.2", "7.3", "7.4"),
    *("8.1", "8.2", "8.3", "8.4", "8.5"),
    *("9.1", "9.2", "9.3", "9.4", "9.5", "9.6", "9.7", "9.8"),
]

#: The 2022 provisions the 2022 self-assessment form quotes, in Code order.
NUMBERS_2022 = [
    *("1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9"),
    *[f"2.{i}" for i in range(1, 9)],
    *("3.1", "3.2", "3.3"),
    *[f"4.{i}" for i in range(1, 20)],
    *[f"5.{i}" for i in range(1, 21)],
    *("6.1", "6.2", "6.3", "6.5", "6.6", "6.7"),
    *("7.2", "7.3", "7.4", "7.5", "7.6"),
    *("8.1", "8.2", "8.3"),
]

#: The 2022 best-practice ("should") provisions; every other one is mandatory.
SHOULD_2022 = {
    *("1.4", "1.5", "2.2", "3.3"),
    *("4.3", "4.4", "4.5", "4.8", "4.9", "4.10", "4.16", "4.17", "4.19"),
    *("5.2", "5.3", "5.4", "5.7", "5.14", "5.15", "5.18", "5.19"),
    *("6.3", "6.7", "7.3", "7.4", "7.5", "7.6"),
}

TITLES_2024 = {
    1: "Definition of a complaint",
    2: "Exclusions",
    3: "Accessibility and awareness",
    4: "Complaint handling staff",
    5: "The complaint handling process",
    6: "Complaints stages",
    7: "Putting things right",
    8: "Self-assessment, reporting and compliance",
    9: "Scrutiny and oversight: continuous learning and improvement",
}

TITLES_2022 = {
    1: "Definition of a complaint",
    2: "Accessibility and awareness",
    3: "Complaint handling personnel",
    4: "Complaint handling principles",
    5: "Complaint stages",
    6: "Putting things right",
    7: "Continuous learning and improvement",
    8: "Self-assessment and compliance",
}

_SEED_NUMBER = re.compile(r"^\s*([1-9]\.[0-9]{1,2})\.?\s", re.MULTILINE)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_RUN = 12


@attrs.frozen
class _Edition:
    year: Any


def _seed_texts(prefix: str) -> dict[str, str]:
    if not SEEDS.is_dir():
        pytest.skip(f"the seeds are not available at {SEEDS}")
    found = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob(f"{prefix}_*.txt"))}
    if not found:
        pytest.skip(f"no {prefix}_*.txt seed in {SEEDS}")
    return found


def _words(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text).lower()
    return _WORD.findall(text.replace("\u2019", "'").replace("\u2018", "'"))


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + _RUN]) for i in range(len(words) - _RUN + 1)}


def render_table(edition: int) -> str:
    """The Markdown table of an edition's provisions, grouped by section."""
    lines: list[str] = []
    for section in sorted({p.section for p in provisions(edition)}):
        lines += [
            f"### {section}. {section_title(section, edition)}",
            "",
            "| Provision | Nature | Summary |",
            "| --- | --- | --- |",
        ]
        lines += [
            f"| {p.number} | {'must' if p.must else 'should'} | {p.summary} |"
            for p in provisions(edition)
            if p.section == section
        ]
        lines.append("")
    return "\n".join(lines)


# --- the 2024 catalogue -------------------------------------------------------


def test_2024_has_every_self_assessed_provision_in_code_order() -> None:
    """1.2 to 9.8: the 72 provisions of the 2024 self-assessment, in Code order."""
    assert len(NUMBERS_2024) == 72
    assert [p.number for p in provisions(2024)] == NUMBERS_2024
    assert [p.number for p in provisions()] == NUMBERS_2024


@pytest.mark.parametrize("number", NUMBERS_2024)
def test_2024_number_resolves(number: str) -> None:
    """Each 2024 provision is found by its number, in the 2024 edition, in its section."""
    p = provision(number)
    assert p.number == number
    assert p.edition == 2024
    assert p.section == int(number.split(".", maxsplit=1)[0])
    assert p.section_title == TITLES_2024[p.section]
    assert provision(number, edition=2024) is p


def test_2024_section_titles() -> None:
    """The nine section titles of the 2024 Code."""
    assert {s: section_title(s) for s in range(1, 10)} == TITLES_2024
    assert section_title(6) == "Complaints stages"


def test_2024_only_8_4_is_best_practice() -> None:
    """8.4 (the Ombudsman may ask for a review) is the only 2024 provision without a duty."""
    assert [p.number for p in provisions(2024) if not p.must] == ["8.4"]


@pytest.mark.parametrize(
    ("number", "must"),
    [
        ("1.6", True),  # "should" about surveys, "must" about feedback: mixed, so must
        ("5.2", True),  # no extra named stages: a prohibition without the word
        ("5.3", True),  # never more than two stages
        ("6.13", True),
        ("8.4", False),
    ],
)
def test_2024_must_flags(number: str, must: bool) -> None:
    """Spot checks of the must/should nature of 2024 provisions (1.6, 5.2, 5.3, 6.13, 8.4)."""
    assert provision(number).must is must


def test_2024_key_summaries_state_the_timescales() -> None:
    """6.2, 6.3, 6.11 and 6.14 name their working-day limits and what they run from."""
    assert provision("6.2").summary == (
        "Acknowledge, define and log a stage 1 complaint within 5 working days of receiving it."
    )
    assert provision("6.3").summary == (
        "Send the full stage 1 response within 10 working days of the acknowledgement."
    )
    assert provision("6.11").summary == (
        "Acknowledge, define and log a stage 2 request within 5 working days of receiving it."
    )
    assert provision("6.14").summary == (
        "Send the final stage 2 response within 20 working days of the stage 2 acknowledgement."
    )
    assert provision("6.13").summary == (
        "The stage 2 handler is not the person who handled the complaint at stage 1."
    )


# --- the 2022 catalogue -------------------------------------------------------


def test_2022_has_every_quoted_provision_in_code_order() -> None:
    """The 2022 provisions quoted by its self-assessment form, in Code order."""
    assert [p.number for p in provisions(2022)] == NUMBERS_2022
    assert all(p.edition == 2022 for p in provisions(2022))


def test_2022_must_follows_the_form() -> None:
    """2022: best-practice provisions are "should", mandatory ones "must" (5.18 is should)."""
    assert {p.number for p in provisions(2022) if not p.must} == SHOULD_2022
    assert provision("4.1", edition=2022).must is True
    assert provision("5.18", edition=2022).must is False


def test_2022_section_titles() -> None:
    """The eight section titles of the 2022 Code."""
    assert {s: section_title(s, edition=2022) for s in range(1, 9)} == TITLES_2022
    assert provision("5.13", edition=2022).section_title == "Complaint stages"


def test_2022_and_2024_are_distinct() -> None:
    """The same number means different provisions in different editions (6.2 vs 6.2)."""
    assert provision("6.2", edition=2022) != provision("6.2", edition=2024)
    assert provision("6.2", edition=2022).section_title == "Putting things right"


# --- every summary ----------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_summaries_are_single_short_lines(edition: int) -> None:
    """Every summary is one non-empty, trimmed sentence of at most 120 characters."""
    for p in provisions(edition):
        assert p.summary.strip() == p.summary, p.number
        assert p.summary, p.number
        assert "\n" not in p.summary, p.number
        assert "  " not in p.summary, p.number
        assert "|" not in p.summary, p.number
        assert len(p.summary) <= 120, p.number
        assert p.summary.endswith("."), p.number


@pytest.mark.parametrize("edition", EDITIONS)
def test_numbers_are_unique(edition: int) -> None:
    """No provision number appears twice in an edition."""
    numbers = [p.number for p in provisions(edition)]
    assert len(numbers) == len(set(numbers))


def test_str() -> None:
    """A provision prints as its number, edition and summary (6.13)."""
    assert str(provision("6.13")) == (
        "6.13 (2024): The stage 2 handler is not the person who handled the complaint at stage 1."
    )


def test_sort_key() -> None:
    """6.13 sorts after 6.2: numbers order by section, then by item as a number."""
    assert provision("6.13").sort_key == (6, 13)
    assert provision("6.2").sort_key < provision("6.13").sort_key


# --- lookups that fail ---------------------------------------------------------


def test_unknown_number() -> None:
    """An unknown number raises InvalidRecord naming the number and the edition."""
    with pytest.raises(InvalidRecord) as caught:
        provision("6.99")
    assert str(caught.value) == "unknown provision '6.99' in the 2024 edition of the Code"
    assert isinstance(caught.value, ValueError)


def test_number_known_only_in_the_other_edition() -> None:
    """6.20 exists in 2024 but not among the quoted 2022 provisions."""
    with pytest.raises(InvalidRecord) as caught:
        provision("6.20", edition=2022)
    assert str(caught.value) == "unknown provision '6.20' in the 2022 edition of the Code"


def test_number_of_the_wrong_type() -> None:
    """A number given as a float is unknown, not a TypeError."""
    with pytest.raises(InvalidRecord) as caught:
        provision(6.13)  # type: ignore[arg-type]
    assert str(caught.value) == "unknown provision 6.13 in the 2024 edition of the Code"


@pytest.mark.parametrize(
    ("edition", "shown"),
    [(2023, "2023"), (True, "True"), ("2024", "'2024'"), (None, "None")],
)
def test_unknown_edition(edition: object, shown: str) -> None:
    """An unknown edition raises InvalidRecord naming it and the known editions."""
    expected = f"unknown edition of the Code {shown} (known: 2024, 2022)"
    with pytest.raises(InvalidRecord) as caught:
        provision("6.13", edition=edition)  # type: ignore[arg-type]
    assert str(caught.value) == expected
    with pytest.raises(InvalidRecord) as caught:
        provisions(edition)  # type: ignore[arg-type]
    assert str(caught.value) == expected
    with pytest.raises(InvalidRecord) as caught:
        section_title(6, edition)  # type: ignore[arg-type]
    assert str(caught.value) == expected


def test_edition_object_with_a_year() -> None:
    """An edition may be given as any object with a year."""
    assert provision("4.1", edition=_Edition(2022)).edition == 2022
    assert provisions(_Edition(2024)) == provisions(2024)
    assert section_title(3, _Edition(2022)) == "Complaint handling personnel"


def test_edition_object_with_an_unknown_year() -> None:
    """An object whose year is not a known edition is refused like the year itself."""
    with pytest.raises(InvalidRecord) as caught:
        provision("6.13", edition=_Edition(2019))
    assert (
        str(caught.value) == "unknown edition of the Code _Edition(year=2019) (known: 2024, 2022)"
    )


@pytest.mark.parametrize(("section", "shown"), [(10, "10"), (0, "0"), ("6", "'6'"), (True, "True")])
def test_unknown_section(section: object, shown: str) -> None:
    """An unknown section raises InvalidRecord naming it and the edition."""
    with pytest.raises(InvalidRecord) as caught:
        section_title(section)  # type: ignore[arg-type]
    assert str(caught.value) == f"unknown section {shown} in the 2024 edition of the Code"


def test_section_9_unknown_in_2022() -> None:
    """The 2022 Code has eight sections."""
    with pytest.raises(InvalidRecord) as caught:
        section_title(9, edition=2022)
    assert str(caught.value) == "unknown section 9 in the 2022 edition of the Code"


# --- the Provision record --------------------------------------------------------


def _make(**changes: Any) -> Provision:
    fields: dict[str, Any] = {
        "number": "6.13",
        "edition": 2024,
        "section": 6,
        "section_title": "Complaints stages",
        "summary": "A different handler at stage 2.",
        "must": True,
    }
    fields.update(changes)
    return Provision(**fields)


def test_provision_record_is_frozen() -> None:
    """A provision cannot be changed once made."""
    p = _make()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        p.summary = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"number": "6"}, "number: expected a provision number such as '6.13', got '6'"),
        ({"number": 6.13}, "number: expected a provision number such as '6.13', got 6.13"),
        ({"edition": "2024"}, "edition: expected a whole number, got '2024'"),
        ({"section": True}, "section: expected a whole number, got True"),
        ({"summary": ""}, "summary: expected one line of text, got ''"),
        ({"summary": "two\nlines"}, "summary: expected one line of text, got 'two\\nlines'"),
        ({"section_title": None}, "section_title: expected one line of text, got None"),
        ({"must": 1}, "must: expected True or False, got 1"),
        ({"section": 5}, "section: provision 6.13 belongs to section 6, not 5"),
    ],
)
def test_provision_record_validates(changes: dict[str, Any], message: str) -> None:
    """Malformed fields raise InvalidRecord naming the field."""
    with pytest.raises(InvalidRecord) as caught:
        _make(**changes)
    assert str(caught.value) == message


# --- against the seeds and the docs ---------------------------------------------


def test_2024_seeds_and_catalogue_agree() -> None:
    """Every number in each 2024 self-assessment is catalogued, and every 2024 entry is in each."""
    catalogue = {p.number for p in provisions(2024)}
    for name, text in {**_seed_texts("000"), **_seed_texts("003")}.items():
        assert set(_SEED_NUMBER.findall(text)) == catalogue, name


def test_2022_seed_and_catalogue_agree() -> None:
    """Every number in the 2022 form is catalogued; only 3.2, quoted unnumbered, is extra."""
    catalogue = {p.number for p in provisions(2022)}
    for name, text in _seed_texts("001").items():
        assert catalogue - set(_SEED_NUMBER.findall(text)) == {"3.2"}, name
        assert set(_SEED_NUMBER.findall(text)) <= catalogue, name


def test_no_summary_repeats_the_seeds() -> None:
    """No summary, nor the docs page, shares a run of 12 words with any seed."""
    seeds = _seed_texts("[0-9]*")
    quoted: set[tuple[str, ...]] = set()
    for text in seeds.values():
        quoted |= _runs(_words(text))
    for edition in EDITIONS:
        for p in provisions(edition):
            assert not _runs(_words(p.summary)) & quoted, (edition, p.number)
    assert not _runs(_words(DOCS.read_text(encoding="utf-8"))) & quoted


def test_run_check_detects_a_copied_sentence() -> None:
    """The 12-word run check flags text lifted from a seed (here, 6.13's own wording)."""
    copied = "the person considering the complaint at stage 2 must not be the same person"
    seed = "6.13 The person considering the complaint at stage 2 must not be the same person."
    assert _runs(_words(copied)) & _runs(_words(seed))


@pytest.mark.parametrize("edition", EDITIONS)
def test_docs_table_matches_the_catalogue(edition: int) -> None:
    """docs/provisions.md holds each edition's table exactly as the catalogue renders it."""
    text = DOCS.read_text(encoding="utf-8")
    start, end = f"<!-- table {edition} -->\n", f"<!-- end table {edition} -->"
    assert start in text
    assert end in text
    documented = text.split(start, 1)[1].split(end, 1)[0].strip("\n")
    assert documented == render_table(edition).strip("\n")
