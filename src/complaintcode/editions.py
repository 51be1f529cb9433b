"""Editions of the Code: their timescales and the provisions they cite, as data.

The 2024 Code is statutory and applies to complaints received on or after
1 April 2024; a complaint received before then is judged under the 2022 edition.
Everything that differs between editions (the working days allowed for each
step, the extension limits, the exclusion time limit, and which provision number
states each rule) is data held by an :class:`Edition`, so that another edition
or another scheme is a new value, not new code.

>>> import datetime as dt
>>> from complaintcode import CODE_2024, Stage, edition_for
>>> edition_for(dt.date(2024, 3, 31)).year, edition_for(dt.date(2024, 4, 1)).year
(2022, 2024)
>>> t = CODE_2024.timescales(Stage.ONE)
>>> t.acknowledge, t.respond, t.extension_limit
(5, 10, 10)
>>> CODE_2024.cite("different_handler").number
'6.13'
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

from complaintcode._codec import shown
from complaintcode.errors import InvalidRecord
from complaintcode.provisions import Provision, provision
from complaintcode.stages import Stage

__all__ = [
    "CITATION_KEYS",
    "CODE_2022",
    "CODE_2024",
    "EDITIONS_BY_YEAR",
    "Edition",
    "StageTimescales",
    "edition_by_year",
    "edition_for",
]

#: What a stage's response deadline is counted from.
RespondFrom = Literal["acknowledged", "escalation_requested"]


@attrs.frozen(kw_only=True)
class StageTimescales:
    """The working days an edition allows at one stage.

    Attributes:
        stage: The stage these timescales govern.
        acknowledge: Working days to acknowledge, define and log, counted from
            receipt (stage 1) or from the escalation request (stage 2); ``None``
            where the edition sets no acknowledgement timescale.
        respond: Working days to respond.
        respond_from: What the response deadline is counted from: the
            acknowledgement (``"acknowledged"``) or the escalation request
            (``"escalation_requested"``).
        extension_limit: The longest extension, in working days, allowed
            without a good reason.
    """

    stage: Stage
    acknowledge: int | None
    respond: int
    respond_from: RespondFrom
    extension_limit: int


#: The rules whose provision numbers differ between editions. ``Edition.cite``
#: takes one of these keys.
CITATION_KEYS: tuple[str, ...] = (
    "acknowledge_stage_1",
    "respond_stage_1",
    "extend_stage_1",
    "extension_notice_stage_1",
    "letter_stage_1",
    "acknowledge_stage_2",
    "respond_stage_2",
    "extend_stage_2",
    "extension_notice_stage_2",
    "letter_stage_2",
    "escalation_no_reason",
    "different_handler",
    "answer_points_stage_1",
    "answer_points_stage_2",
    "outstanding_actions_stage_1",
    "outstanding_actions_stage_2",
    "additional_issues",
    "keep_informed",
    "definition_stage_1",
    "definition_stage_2",
    "responsibility",
    "full_record",
    "accept",
    "exclusion_grounds",
    "exclusion_time_limit",
    "decline_notice",
    "no_blanket_exclusion",
    "refuse_escalation",
    "escalate_after_stage_1",
    "no_third_stage",
    "remedy",
    "remedy_any_stage",
    "remedy_by_when",
    "reasonable_adjustments",
    "restrictions",
    "restriction_proportionate",
    "service_request_complaint",
    "complaint_on_request",
    "choice_to_complain",
)


@attrs.frozen(kw_only=True)
class Edition:
    """An edition of the Complaint Handling Code, as data.

    Attributes:
        year: The edition's year (2024 or 2022).
        title: Its name, for messages and reports.
        applies_from: The first day of receipt it governs; ``None`` for the
            oldest edition modelled, which governs everything before the next.
        stage_one: The stage 1 timescales.
        stage_two: The stage 2 timescales.
        exclusion_months: The time limit for accepting a complaint, in
            calendar months from the issue or the resident becoming aware.
        citations: For each key of :data:`CITATION_KEYS`, the number of the
            provision that states the rule in this edition. A key the edition
            has no provision for is absent: the rule was not in force under
            this edition, and nothing is reported against it (:meth:`in_force`).
        best_practice: The keys whose rule this edition states only as a
            "should", although the provision that holds it is a "must" (2022's
            5.1 requires the stage 1 response in 10 working days and says an
            extension *should* not exceed 10 more days). A rule in a "should"
            provision is best practice without being listed here.
        bare_days: The keys of the steps whose text says "days" where it does
            not say "working days" (the 2022 edition's stage 1 acknowledgement,
            4.1, and its extension limits, 5.1 and 5.13).
        days: How those bare "days" are read: ``"working"`` (the default, as
            landlords' policies of the time read them) or ``"calendar"``; see
            :meth:`reading_days_as`.
    """

    year: int
    title: str
    applies_from: dt.date | None
    stage_one: StageTimescales
    stage_two: StageTimescales
    exclusion_months: int
    citations: dict[str, str] = attrs.field(repr=False)
    best_practice: frozenset[str] = attrs.field(default=frozenset(), repr=False)
    bare_days: frozenset[str] = attrs.field(default=frozenset(), repr=False)
    days: Literal["working", "calendar"] = "working"
    _cited: dict[str, Provision] = attrs.field(init=False, factory=dict, repr=False, eq=False)

    def timescales(self, stage: Stage) -> StageTimescales:
        """The timescales of a stage.

        >>> CODE_2024.timescales(Stage.TWO).respond
        20
        """
        return self.stage_one if Stage.parse(stage) is Stage.ONE else self.stage_two

    def reading_days_as(self, days: Literal["working", "calendar"]) -> Edition:
        """This edition with its bare "days" read as working days or as calendar days.

        The 2022 edition gives the stage 1 acknowledgement as "five days" (4.1)
        and an extension as "a further 10 days" (5.1, 5.13), where its response
        timescales say "working days". The library reads them as working days by
        default; the calendar-day reading is this explicit option. Pass the
        edition it returns to :class:`~complaintcode.complaint.Complaint` (or to
        a deadline function) to judge a complaint by it.

        Raises:
            InvalidRecord: For a reading other than ``"working"`` or ``"calendar"``.

        >>> strict = CODE_2022.reading_days_as("calendar")
        >>> strict.days, strict.title
        ('calendar', 'Complaint Handling Code 2022 (days read as calendar days)')
        >>> strict.reading_days_as("working") == CODE_2022
        True
        """
        if days not in ("working", "calendar"):
            raise InvalidRecord(
                f"days are read as 'working' or 'calendar' days, not {shown(days)}", path="days"
            )
        base = self.title.removesuffix(_CALENDAR_SUFFIX)
        title = base + _CALENDAR_SUFFIX if days == "calendar" and self.bare_days else base
        return attrs.evolve(self, days=days, title=title)

    def counts_calendar_days(self, key: str) -> bool:
        """Whether a step's days are counted as calendar days under this reading.

        >>> CODE_2022.counts_calendar_days("acknowledge_stage_1")
        False
        >>> CODE_2022.reading_days_as("calendar").counts_calendar_days("acknowledge_stage_1")
        True
        """
        return self.days == "calendar" and key in self.bare_days

    def in_force(self, key: str) -> bool:
        """Whether this edition states a rule at all.

        A rule not in force under an edition is never reported against a
        complaint that edition governs.

        Raises:
            InvalidRecord: For a key that is not in :data:`CITATION_KEYS`.

        >>> CODE_2024.in_force("keep_informed"), CODE_2022.in_force("keep_informed")
        (True, False)
        """
        if key not in _KEYS:
            raise InvalidRecord(f"unknown rule {shown(key)}")
        return key in self.citations

    def cite(self, key: str) -> Provision:
        """The provision that states a rule in this edition.

        Args:
            key: One of :data:`CITATION_KEYS`, such as ``"different_handler"``.

        Returns:
            The edition's provision.

        Raises:
            InvalidRecord: For a key that is not in :data:`CITATION_KEYS`, or a
                rule this edition does not state (see :meth:`in_force`).

        >>> CODE_2022.cite("different_handler").number
        '5.12'
        >>> CODE_2022.cite("keep_informed")
        Traceback (most recent call last):
        ...
        complaintcode.errors.InvalidRecord: the Complaint Handling Code 2022 has no provision for the rule 'keep_informed'
        """
        cited = self._cited.get(key)
        if cited is not None:
            return cited
        number = self.citations.get(key)
        if number is None:
            if key in _KEYS:
                raise InvalidRecord(f"the {self.title} has no provision for the rule {shown(key)}")
            raise InvalidRecord(f"unknown rule {shown(key)}")
        cited = provision(number, self.year)
        self._cited[key] = cited
        return cited

    def severity(self, key: str) -> Literal["breach", "warning"]:
        """How a departure from a rule is reported under this edition.

        A "must" is a breach; a "should" (best practice) is a warning, never a
        breach, and a verb never refuses it.

        Raises:
            InvalidRecord: As :meth:`cite` does.

        >>> CODE_2024.severity("extend_stage_1"), CODE_2022.severity("extend_stage_1")
        ('breach', 'warning')
        """
        if key in self.best_practice or not self.cite(key).must:
            return "warning"
        return "breach"

    def __str__(self) -> str:
        return self.title


_KEYS = frozenset(CITATION_KEYS)

_CITATIONS_2024: dict[str, str] = {
    "acknowledge_stage_1": "6.2",
    "respond_stage_1": "6.3",
    "extend_stage_1": "6.4",
    "extension_notice_stage_1": "6.5",
    "letter_stage_1": "6.9",
    "acknowledge_stage_2": "6.11",
    "respond_stage_2": "6.14",
    "extend_stage_2": "6.15",
    "extension_notice_stage_2": "6.16",
    "letter_stage_2": "6.19",
    "escalation_no_reason": "6.12",
    "different_handler": "6.13",
    "answer_points_stage_1": "6.7",
    "answer_points_stage_2": "6.18",
    "outstanding_actions_stage_1": "6.6",
    "outstanding_actions_stage_2": "6.17",
    "additional_issues": "6.8",
    "keep_informed": "5.9",
    "definition_stage_1": "5.6",
    "definition_stage_2": "5.6",
    "responsibility": "5.7",
    "full_record": "5.12",
    "accept": "2.1",
    "exclusion_grounds": "2.2",
    "exclusion_time_limit": "2.3",
    "decline_notice": "2.4",
    "no_blanket_exclusion": "2.5",
    "refuse_escalation": "5.11",
    "no_third_stage": "5.3",
    "remedy": "7.1",
    "remedy_any_stage": "5.13",
    "remedy_by_when": "7.3",
    "reasonable_adjustments": "5.10",
    "restrictions": "5.14",
    "restriction_proportionate": "5.15",
    # Service requests: dissatisfaction with the response to one is a complaint
    # (1.5); a resident who wants to complain is given the choice (1.3).
    "service_request_complaint": "1.5",
    "complaint_on_request": "1.3",
    "choice_to_complain": "1.3",
}

# The 2022 edition states fewer rules. A key absent here was not in force for a
# complaint it governs (5.9's agreed intervals for updates, 5.7's aspects a
# landlord is and is not responsible for, 6.12's escalation without a reason,
# 2.5's ban on blanket exclusions), so nothing is reported against one. Its 5.5
# and 5.6 are written for every response, so they hold at stage 2 as well.
_CITATIONS_2022: dict[str, str] = {
    "acknowledge_stage_1": "4.1",
    "respond_stage_1": "5.1",
    "extend_stage_1": "5.1",
    "extension_notice_stage_1": "5.3",
    "letter_stage_1": "5.8",
    "acknowledge_stage_2": "5.10",
    "respond_stage_2": "5.13",
    "extend_stage_2": "5.13",
    "extension_notice_stage_2": "5.15",
    "letter_stage_2": "5.16",
    "different_handler": "5.12",
    "answer_points_stage_1": "5.6",
    "answer_points_stage_2": "5.6",
    "outstanding_actions_stage_1": "5.5",
    "outstanding_actions_stage_2": "5.5",
    "additional_issues": "5.7",
    "definition_stage_1": "4.2",
    "definition_stage_2": "5.10",
    "full_record": "4.15",
    "accept": "1.7",
    "exclusion_grounds": "1.8",
    "exclusion_time_limit": "1.8",
    "decline_notice": "1.9",
    "refuse_escalation": "4.14",
    "escalate_after_stage_1": "5.11",
    "remedy": "6.1",
    "remedy_by_when": "6.5",
    # 2022 asks for policies on adjustments (2.5) and on unacceptable behaviour
    # (4.18), not the records of 5.10 and 5.14; its 4.19 is 5.15's "should".
    "restriction_proportionate": "4.19",
    # 2022's 1.4 says a complaint *should* be raised on dissatisfaction with the
    # response to a service request; its 1.6 says the matter *must* be logged as a
    # complaint where the resident asks. Its 1.3 does not ask landlords to offer
    # the choice to complain.
    "service_request_complaint": "1.4",
    "complaint_on_request": "1.6",
}

# 2022's 5.1 and 5.13 require the response in time ("must") but say only that an
# extension "should" not exceed a further 10 days without good reason.
_BEST_PRACTICE_2022 = frozenset({"extend_stage_1", "extend_stage_2"})

# Where the 2022 text says "days", not "working days": the stage 1 acknowledgement
# (4.1: "within five days of receipt") and the extensions ("a further 10 days").
_BARE_DAYS_2022 = frozenset({"acknowledge_stage_1", "extend_stage_1", "extend_stage_2"})

_CALENDAR_SUFFIX = " (days read as calendar days)"

CODE_2024 = Edition(
    year=2024,
    title="Complaint Handling Code 2024",
    applies_from=dt.date(2024, 4, 1),
    stage_one=StageTimescales(
        stage=Stage.ONE, acknowledge=5, respond=10, respond_from="acknowledged", extension_limit=10
    ),
    stage_two=StageTimescales(
        stage=Stage.TWO, acknowledge=5, respond=20, respond_from="acknowledged", extension_limit=20
    ),
    exclusion_months=12,
    citations=_CITATIONS_2024,
)
"""The statutory 2024 edition, for complaints received from 1 April 2024."""

CODE_2022 = Edition(
    year=2022,
    title="Complaint Handling Code 2022",
    applies_from=None,
    stage_one=StageTimescales(
        stage=Stage.ONE, acknowledge=5, respond=10, respond_from="acknowledged", extension_limit=10
    ),
    stage_two=StageTimescales(
        stage=Stage.TWO,
        acknowledge=None,
        respond=20,
        respond_from="escalation_requested",
        extension_limit=10,
    ),
    exclusion_months=6,
    citations=_CITATIONS_2022,
    best_practice=_BEST_PRACTICE_2022,
    bare_days=_BARE_DAYS_2022,
)
"""The 2022 edition, for complaints received before 1 April 2024.

Its stage 1 acknowledgement period of five days is read as working days; its
stage 1 response is counted from logging, which the library takes to be the
acknowledgement; it sets no stage 2 acknowledgement timescale.
"""

#: The editions by year.
EDITIONS_BY_YEAR: dict[int, Edition] = {2024: CODE_2024, 2022: CODE_2022}

_APPLIES_2024 = dt.date(2024, 4, 1)


def edition_for(received: dt.date) -> Edition:
    """The edition that governs a complaint received on a date.

    Args:
        received: The date the complaint was received.

    Returns:
        :data:`CODE_2024` from 1 April 2024, :data:`CODE_2022` before.

    Raises:
        InvalidRecord: If ``received`` is not a date.

    >>> import datetime as dt
    >>> edition_for(dt.date(2025, 1, 6)) is CODE_2024
    True
    """
    if isinstance(received, dt.datetime):
        raise InvalidRecord("expected a date, got a datetime (pass its .date())", path="received")
    if not isinstance(received, dt.date):
        raise InvalidRecord(f"expected a date, got {type(received).__name__}", path="received")
    return CODE_2024 if received >= _APPLIES_2024 else CODE_2022


def edition_by_year(year: object) -> Edition:
    """The edition of a year, given as an int or a string such as ``"2022"``.

    Raises:
        InvalidRecord: For an edition the library does not know.

    >>> edition_by_year("2022") is CODE_2022
    True
    """
    key = year.strip() if isinstance(year, str) else year
    for edition in EDITIONS_BY_YEAR.values():
        if key in (edition.year, str(edition.year)):
            return edition
    known = ", ".join(str(y) for y in EDITIONS_BY_YEAR)
    raise InvalidRecord(f"unknown edition of the Code {shown(year)} (known: {known})")
