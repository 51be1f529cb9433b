"""A complaint as HTML for notebooks: its stages and its events, every value escaped."""

from __future__ import annotations

import datetime as dt

from complaintcode.complaint import Complaint
from complaintcode.complaint._html import complaint_html
from complaintcode.definition import ComplaintDefinition
from complaintcode.exclusions import ExclusionFacts, assess, decide

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The boiler has failed three times this winter.",
    points=("the boiler",),
    outcomes_sought=("replace the boiler",),
)


def test_complaint_html_lists_stages_and_events_escaped() -> None:
    """The complaint's HTML has a row per stage reached and per event, every value escaped."""
    c = Complaint.receive("C-<1>", received=D(2024, 5, 3), summary="Leak & damp")
    c = c.acknowledge(D(2024, 5, 7), "A. <Khan>", DEFINITION).respond(D(2024, 5, 20))
    text = complaint_html(c)
    assert text.splitlines() == [
        '<div class="complaintcode-complaint">',
        (
            "<p><strong>C-&lt;1&gt;</strong>: received on 2024-05-03; status stage 1 answered; "
            "2024 edition</p>"
        ),
        '<table class="complaintcode-stages">',
        (
            "<thead><tr><th>stage</th><th>started</th><th>acknowledgement due</th>"
            "<th>acknowledged</th><th>response due</th><th>extended to</th><th>responded</th>"
            "<th>handler</th><th>ended</th></tr></thead>"
        ),
        "<tbody>",
        (
            "<tr><td>1</td><td>2024-05-03</td><td>2024-05-13</td><td>2024-05-07</td>"
            "<td>2024-05-21</td><td></td><td>2024-05-20</td><td>A. &lt;Khan&gt;</td><td></td></tr>"
        ),
        "</tbody>",
        "</table>",
        '<table class="complaintcode-events">',
        "<thead><tr><th>on</th><th>event</th><th>details</th></tr></thead>",
        "<tbody>",
        (
            "<tr><td>2024-05-03</td><td>received</td><td>reference: C-&lt;1&gt;; summary: Leak "
            "&amp; damp</td></tr>"
        ),
        (
            "<tr><td>2024-05-07</td><td>acknowledged</td><td>stage: 1; handler: A. &lt;Khan&gt;; "
            "definition: The boiler has failed three times this winter.</td></tr>"
        ),
        "<tr><td>2024-05-20</td><td>responded</td><td>stage: 1</td></tr>",
        "</tbody>",
        "</table>",
        "</div>",
    ]


def test_decision_events_show_the_grounds_and_reasons() -> None:
    """2.4: a declined complaint's event shows the ground relied on and the reasons."""
    facts = ExclusionFacts(
        received=D(2025, 6, 2), issue_occurred=D(2025, 1, 6), claim_filed_at_court=D(2025, 5, 1)
    )
    decision = decide(
        assess(facts),
        grounds=["legal_proceedings"],
        decided_by="A. Jones",
        reasons="Your claim is before the court.",
    )
    c = Complaint.receive("C-7", received=D(2025, 6, 2)).decline(D(2025, 6, 2), decision)
    assert complaint_html(c).splitlines()[-4] == (
        "<tr><td>2025-06-02</td><td>declined</td><td>decision: legal proceedings: Your claim "
        "is before the court.</td></tr>"
    )
