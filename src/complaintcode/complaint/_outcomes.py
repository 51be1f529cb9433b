"""The outcome of a response: upheld, partly upheld or not upheld (6.9(c), 6.19(c)).

A response may record its outcome (``Responded.outcome``), for a landlord that
keeps the decision but not the letter; a recorded letter gives one through its
point decisions. :func:`outcome_of` gives the one that counts: the outcome
recorded, or else the letter's. Both are facts of the record (5.12), so a
recorded outcome that is not the decision its letter gives is kept as it was
recorded, counted as recorded, and :func:`findings` reports the difference as a
warning on the letter's decision: one of the two is wrong, and a person should
look at which.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from complaintcode.findings import Finding
from complaintcode.letters import Stage1Response, Stage2Response

if TYPE_CHECKING:
    from complaintcode.complaint.events import Responded
    from complaintcode.editions import Edition
    from complaintcode.letters import Outcome

__all__: list[str] = []


def letter_outcome(response: Responded) -> Outcome | None:
    """The outcome the response's recorded letter gives through its point decisions."""
    letter = response.letter
    if isinstance(letter, (Stage1Response, Stage2Response)):
        return letter.outcome
    return None


def outcome_of(response: Responded | None) -> Outcome | None:
    """The outcome of a response: the one recorded with it, or else its letter's; or ``None``."""
    if response is None:
        return None
    return response.outcome or letter_outcome(response)


def findings(edition: Edition, response: Responded) -> list[Finding]:
    """A warning where the outcome recorded is not the decision the response's letter gives.

    Cites the response letter's provision (6.9 or 6.19, item c, "the decision";
    the 2022 edition's 5.8 or 5.16, whose items are not lettered the same way).
    """
    recorded, given = response.outcome, letter_outcome(response)
    if recorded is None or given is None or recorded is given:
        return []
    stage = int(response.stage)
    cited = edition.cite(f"letter_stage_{stage}")
    return [
        Finding(
            provision=cited,
            item="c" if cited.edition == 2024 else None,
            message=f"the outcome recorded with the stage {stage} response is "
            f"{recorded.value!r}, but the decisions in its letter make it {given.value!r}",
            severity="warning",
            on=response.on,
        )
    ]
