"""Tests for complaintcode.findings: a finding names its provision, item and severity."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest

from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding, findings_html
from complaintcode.provisions import provision


def test_code_and_str_with_an_item() -> None:
    """6.9(g): the code joins the provision number and its lettered item."""
    f = Finding(
        provision=provision("6.9"), item="g", message="the letter does not say how to escalate"
    )
    assert f.code == "6.9(g)"
    assert str(f) == "6.9(g): the letter does not say how to escalate"


@pytest.mark.parametrize("item", [None, ""])
def test_code_and_str_without_an_item(item: str | None) -> None:
    """6.13: without an item the code is the provision number alone."""
    f = Finding(provision=provision("6.13"), message="the same handler at both stages", item=item)
    assert f.code == "6.13"
    assert str(f) == "6.13: the same handler at both stages"


def test_defaults() -> None:
    f = Finding(provision=provision("6.13"), message="m")
    assert (f.item, f.severity, f.reference, f.on, f.due) == (None, "breach", None, None, None)


def test_to_dict_all_fields() -> None:
    """6.3: a missed response deadline, with every field set."""
    f = Finding(
        provision=provision("6.3"),
        message="the stage 1 response was sent late",
        severity="warning",
        reference="C-2024-0042",
        on=dt.date(2024, 5, 22),
        due=dt.date(2024, 5, 21),
    )
    data = f.to_dict()
    assert data == {
        "code": "6.3",
        "provision": "6.3",
        "edition": "2024",
        "item": None,
        "severity": "warning",
        "reference": "C-2024-0042",
        "on": "2024-05-22",
        "due": "2024-05-21",
        "message": "the stage 1 response was sent late",
    }
    assert json.loads(json.dumps(data)) == data


def test_to_dict_of_a_2022_provision_with_an_item() -> None:
    """5.8 (2022): the edition is the provision's own, as text."""
    data = Finding(provision=provision("5.8", 2022), item="c", message="no decision").to_dict()
    assert data == {
        "code": "5.8(c)",
        "provision": "5.8",
        "edition": "2022",
        "item": "c",
        "severity": "breach",
        "reference": None,
        "on": None,
        "due": None,
        "message": "no decision",
    }


@pytest.mark.parametrize("severity", ["breach", "warning"])
def test_severities(severity: str) -> None:
    assert Finding(provision=provision("6.13"), message="m", severity=severity).severity == severity  # type: ignore[arg-type]


@pytest.mark.parametrize("severity", ["fatal", "Breach", "WARNING", "", None, 1, ["breach"]])
def test_severity_validator(severity: object) -> None:
    """A severity is 'breach' or 'warning'; anything else is refused as an InvalidRecord."""
    with pytest.raises(InvalidRecord) as info:
        Finding(provision=provision("6.13"), message="m", severity=severity)  # type: ignore[arg-type]
    assert info.value.message == f"severity must be 'breach' or 'warning', not {severity!r}"


def test_frozen_and_equal_by_value() -> None:
    a = Finding(provision=provision("6.13"), message="m")
    assert a == Finding(provision=provision("6.13"), message="m")
    assert a != Finding(provision=provision("6.13"), message="m", severity="warning")
    assert hash(a) == hash(Finding(provision=provision("6.13"), message="m"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.message = "n"  # type: ignore[misc]


def test_keyword_only() -> None:
    with pytest.raises(TypeError):
        Finding(provision("6.13"), "m")  # type: ignore[call-arg]


def test_findings_html_has_a_row_per_finding() -> None:
    """6.2 and 5.9: each finding of an audit is a row; a warning says so."""
    findings = (
        Finding(
            provision=provision("6.2"), message="late", reference="C-1", on=dt.date(2024, 5, 14)
        ),
        Finding(provision=provision("6.6"), message="done <late>", severity="warning"),
    )
    assert findings_html(findings).splitlines()[3:5] == [
        (
            "<tr><td>6.2</td><td>breach</td><td>C-1</td><td>2024-05-14</td><td></td>"
            "<td>late</td></tr>"
        ),
        (
            "<tr><td>6.6</td><td>warning</td><td></td><td></td><td></td>"
            "<td>done &lt;late&gt;</td></tr>"
        ),
    ]
    assert findings[0]._repr_html_() == findings_html(findings[:1])
    assert findings_html(()) == '<p class="complaintcode-findings">No findings.</p>'
