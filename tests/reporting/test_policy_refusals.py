"""The annual report's refusals on grounds the landlord's own policy sets (8.1, 2.2, 5.11)."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import pytest

from complaintcode.cli import EXIT_OK, main
from complaintcode.complaint import Complaint
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.exclusions import (
    ExclusionFacts,
    Ground,
    GroundKind,
    assess,
    decide,
    policy_ground,
)
from complaintcode.reporting import Counts, StageCounts, annual_report

if TYPE_CHECKING:
    from pathlib import Path

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The rent increase for 2024-25 is too high.",
    points=("the rent increase",),
    outcomes_sought=("a lower rent",),
    responsible_for=("setting the rent",),
)
APPEAL_TEXT = "a matter with a statutory right of appeal"
INJURY_TEXT = "a claim for personal injury"
APPEAL = policy_ground(APPEAL_TEXT, policy_reference="section 4.3")
INJURY = policy_ground(INJURY_TEXT, policy_reference="section 4.5")
REASONS = "The tribunal decides the rent you pay; you have appealed there already."


def refused(
    reference: str, received: D, *grounds: Ground | GroundKind, refusing: bool = False
) -> Complaint:
    """A complaint not accepted (or, with ``refusing``, its escalation refused) a day later."""
    c = Complaint.receive(reference, received=received, issue_occurred=received)
    if refusing:
        c = c.acknowledge(received, "A. Khan", DEFINITION).respond(received + dt.timedelta(1))
        c = c.request_escalation(received + dt.timedelta(2))
    on = c.events[-1].on + dt.timedelta(1)
    facts = ExclusionFacts(
        received=received,
        issue_occurred=received,
        claim_filed_at_court=received if "legal_proceedings" in grounds else None,
    )
    d = decide(
        assess(facts, on=on),
        grounds=grounds,
        reasons=REASONS,
        decided_by="J. Patel",
        refusing_escalation=refusing,
    )
    return c.refuse_escalation(on, d) if refusing else c.decline(on, d)


def complaints() -> list[Complaint]:
    return [
        refused("C-P1", D(2024, 5, 1), APPEAL),
        refused("C-P2", D(2024, 6, 3), "legal_proceedings", APPEAL),
        refused("C-P3", D(2024, 7, 1), APPEAL, INJURY),
        refused("C-P4", D(2024, 9, 2), INJURY, refusing=True),
    ]


def test_refusals_on_policy_grounds_are_counted_by_ground_and_by_reference() -> None:
    """8.1: the kinds of complaints refused; a policy ground (2.2) counts under "policy" once a
    decision and under each policy reference it rests on."""
    counts = annual_report(complaints(), homes=1_000, year=2024).counts
    s1, s2 = counts.stage_1, counts.stage_2
    assert (s1.not_accepted, s2.not_accepted) == (3, 1)
    assert s1.grounds == (("legal_proceedings", 1), ("policy", 3))
    assert s1.policy_grounds == (("section 4.3", APPEAL_TEXT, 3), ("section 4.5", INJURY_TEXT, 1))
    assert s2.grounds == (("policy", 1),)
    assert s2.policy_grounds == (("section 4.5", INJURY_TEXT, 1),)
    assert (s1.ground("policy"), s2.ground("policy"), s2.ground("time_limit")) == (3, 1, 0)


def test_the_report_lists_each_policy_ground_with_its_reference() -> None:
    """8.1: the summary of the kinds of complaints refused names each policy ground and where the
    policy sets it, citing 2.2; stage 2 refusals are escalations refused (5.11)."""
    text = annual_report(complaints(), homes=1_000, year=2024).to_markdown()
    section = text.split("## Complaints not accepted and escalations refused\n", 1)[1]
    rows = [line for line in section.split("\n## ", 1)[0].splitlines() if line.startswith("| ")]
    assert rows == [
        "| Ground | Provision | Not accepted at stage 1 | Escalation refused |",
        "| --- | --- | --- | --- |",
        "| Made outside the time limit | 2.3 | 0 | 0 |",
        "| Legal proceedings had started | 2.2 | 1 | 0 |",
        "| Already through the complaints process | 2.2 | 0 | 0 |",
        "| A ground set by the landlord's complaints policy | 2.2 | 3 | 1 |",
        "| Complaints policy (section 4.3): a matter with a statutory right of appeal | 2.2 | 3 | 0 |",
        "| Complaints policy (section 4.5): a claim for personal injury | 2.2 | 1 | 1 |",
        "| Complaints in all |  | 3 | 1 |",
    ]
    assert (
        "A ground set by the landlord's complaints policy is also listed with the policy's "
        "reference."
    ) in section


def test_the_html_report_escapes_the_policy_s_words() -> None:
    """8.1: the policy's wording is the landlord's text, escaped like any other in the HTML."""
    odd = policy_ground("a <b>tenancy</b> matter & more", policy_reference="s. 4 <i>")
    html = annual_report([refused("C-X", D(2024, 5, 1), odd)], homes=1_000, year=2024).to_html()
    assert (
        "Complaints policy (s. 4 &lt;i&gt;): a &lt;b&gt;tenancy&lt;/b&gt; matter &amp; more" in html
    )
    assert "<b>tenancy" not in html


def test_a_year_without_policy_refusals_shows_the_row_and_no_references() -> None:
    """8.1: the row for policy grounds is always there, at 0 when none was relied on."""
    text = annual_report([], homes=1_000, year=2024).to_markdown()
    assert "| A ground set by the landlord's complaints policy | 2.2 | 0 | 0 |" in text
    assert "| Complaints policy (" not in text


def test_a_2023_24_report_cites_1_8_for_policy_grounds() -> None:
    """1.8 (2022): a report for a year that began under the 2022 edition cites 1.8."""
    text = annual_report([], homes=1_000, year=2023).to_markdown()
    assert "| A ground set by the landlord's complaints policy | 1.8 | 0 | 0 |" in text


def test_the_report_s_json_counts_policy_grounds() -> None:
    """8.1: the JSON counts give "policy" among the grounds and each policy ground's count."""
    data = annual_report(complaints(), homes=1_000, year=2024).to_dict()
    assert json.loads(json.dumps(data)) == data
    stage_1 = data["counts"]["stage_1"]
    assert stage_1["grounds"] == {
        "time_limit": 0,
        "legal_proceedings": 1,
        "previously_considered": 0,
        "policy": 3,
    }
    assert stage_1["policy_grounds"] == [
        {"policy_reference": "section 4.3", "description": APPEAL_TEXT, "count": 3},
        {"policy_reference": "section 4.5", "description": INJURY_TEXT, "count": 1},
    ]
    assert data["counts"]["stage_2"]["policy_grounds"] == [
        {"policy_reference": "section 4.5", "description": INJURY_TEXT, "count": 1}
    ]


def test_policy_ground_counts_add_up_by_reference() -> None:
    """8.1: counts are sums; adding two sets merges each policy ground's count by reference."""
    a = StageCounts(
        received=2,
        not_accepted=2,
        grounds={"policy": 2},
        policy_grounds=[("section 4.5", INJURY_TEXT, 1), ("section 4.3", APPEAL_TEXT, 1)],
    )
    b = StageCounts(
        received=1, not_accepted=1, grounds={"policy": 1}, policy_grounds=[("4.3", "x", 1)]
    )
    assert a.policy_grounds == (("section 4.3", APPEAL_TEXT, 1), ("section 4.5", INJURY_TEXT, 1))
    total = (Counts(stage_1=a) + Counts(stage_1=a) + Counts(stage_1=b)).stage_1
    assert total.ground("policy") == 5
    assert total.policy_grounds == (
        ("4.3", "x", 1),
        ("section 4.3", APPEAL_TEXT, 2),
        ("section 4.5", INJURY_TEXT, 2),
    )


@pytest.mark.parametrize(
    ("policy_grounds", "message"),
    [
        ("4.3", "policy_grounds: expected (policy reference, description, count) triples"),
        (
            [("4.3", "x")],
            "policy_grounds: expected (policy reference, description, count) triples",
        ),
        (
            [("4.3", None, 1)],
            (
                "policy_grounds: expected a policy reference and a description as text, got '4.3' "
                "and None"
            ),
        ),
        ([("4.3", "x", -1)], "policy_grounds: expected a whole number, got -1"),
        ([("4.3", "x", True)], "policy_grounds: expected a whole number, got True"),
        (
            [("4.3", "x", 2)],
            (
                "policy_grounds: the counts do not add up: expected each policy ground's count <= "
                'the count of the ground "policy"'
            ),
        ),
    ],
)
def test_policy_ground_counts_must_be_counts(policy_grounds: object, message: str) -> None:
    """8.1: each policy ground's count is a whole number no larger than the "policy" count."""
    with pytest.raises(InvalidRecord) as err:
        StageCounts(
            received=1, not_accepted=1, grounds={"policy": 1}, policy_grounds=policy_grounds
        )
    assert str(err.value) == message


def test_the_report_command_reads_a_file_holding_policy_refusals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """8.1: ``complaintcode report`` on stored policy refusals prints the same report, in
    Markdown and in JSON, and exits 0."""
    path = tmp_path / "complaints.jsonl"
    path.write_text("".join(c.to_json() + "\n" for c in complaints()), encoding="utf-8")
    report = annual_report(complaints(), homes=1_000, year=2024)
    args = ["report", str(path), "--homes", "1000", "--year", "2024"]
    assert main(args) == EXIT_OK
    out, err = capsys.readouterr()
    assert (out.splitlines(), err) == (report.to_markdown().splitlines(), "")
    assert main([*args, "--format", "json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out) == report.to_dict()
