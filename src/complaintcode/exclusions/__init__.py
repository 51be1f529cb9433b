"""Exclusions: when a landlord may decline a complaint or refuse to escalate it.

A landlord accepts every complaint unless a valid reason applies (2.1). The
Code names three grounds (2.2): the complaint is outside the time limit, which
runs for twelve calendar months from the later of the issue occurring and the
resident becoming aware of it (2.3); legal proceedings have started, meaning a
claim has been filed at court; or the same matter has already completed the
complaints process. The list is open, so a landlord's published policy may set
further fair grounds, made with :func:`policy_ground`. The 2022 edition (1.7
to 1.9) had the same grounds with a six-month limit. The rules here only
*find* grounds: a person then decides, with reasons written for the complaint
(2.5), and the resident is told why and that they can take the decision to the
Ombudsman (2.4, 5.11).

>>> import datetime as dt
>>> from complaintcode.exclusions import ExclusionFacts, assess, decide
>>> facts = ExclusionFacts(
...     received=dt.date(2025, 6, 2),
...     issue_occurred=dt.date(2024, 3, 4),
...     became_aware=dt.date(2024, 5, 31),
... )
>>> a = assess(facts)
>>> a.excludable, a.in_time, a.limit_ends
(True, False, datetime.date(2025, 5, 31))
>>> decision = decide(
...     a,
...     grounds=["time_limit"],
...     reasons="The repair was finished in 2024 and nothing new has happened since.",
...     discretion_considered="No good reason was given for the delay.",
...     decided_by="J. Patel",
... )
>>> decision.notice_content().provision.number
'2.4'
"""

from __future__ import annotations

from complaintcode.exclusions._decision import ExclusionDecision, NoticeContent, decide
from complaintcode.exclusions._facts import ExclusionFacts, PreviousComplaint, PreviousStatus
from complaintcode.exclusions._grounds import (
    ExclusionAssessment,
    Ground,
    GroundKind,
    assess,
    legal_proceedings_ground,
    months_after,
    previously_considered_ground,
    time_limit_ground,
)
from complaintcode.exclusions._policy import policy_ground

__all__ = [
    "Decision",
    "ExclusionAssessment",
    "ExclusionDecision",
    "ExclusionFacts",
    "Ground",
    "GroundKind",
    "NoticeContent",
    "PreviousComplaint",
    "PreviousStatus",
    "assess",
    "decide",
    "legal_proceedings_ground",
    "months_after",
    "policy_ground",
    "previously_considered_ground",
    "time_limit_ground",
]

#: The short name of :class:`ExclusionDecision`: a person's decision not to
#: accept a complaint or not to escalate it (2.1, 2.4, 2.5, 5.11).
Decision = ExclusionDecision
