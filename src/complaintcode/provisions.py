"""The provisions of the Complaint Handling Code, as data.

Every rule, guard, finding and error in complaintcode names the
:class:`Provision` it enforces. This module holds one :class:`Provision` per
provision of the 2024 Code that a landlord's self-assessment answers (1.2 to
9.8), and the provisions of the 2022 edition that its self-assessment form
quotes.

The summaries are our own one-line paraphrases, not the Code's text; read the
Code itself for the authoritative wording.

>>> from complaintcode.provisions import provision, provisions, section_title
>>> p = provision("6.13")
>>> p.number, p.section, p.must
('6.13', 6, True)
>>> len(provisions(2024)), provisions(2024)[0].number, provisions(2024)[-1].number
(72, '1.2', '9.8')
>>> provision("4.1", edition=2022).edition
2022
>>> section_title(6)
'Complaints stages'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from complaintcode._codec import shown
from complaintcode.errors import InvalidRecord

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "EDITIONS",
    "Provision",
    "provision",
    "provisions",
    "section_title",
]

#: The editions of the Code whose provisions this module knows.
EDITIONS: tuple[int, ...] = (2024, 2022)

_NUMBER = re.compile(r"[1-9][0-9]?\.[1-9][0-9]?")


class _HasYear(Protocol):
    @property
    def year(self) -> int: ...


def _sort_key(number: str) -> tuple[int, int]:
    section, _, item = number.partition(".")
    return int(section), int(item)


def _expect(
    what: str, ok: Callable[[Any], bool]
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not ok(value):
            raise InvalidRecord(f"expected {what}, got {shown(value)}", path=attribute.name)

    return check


_IS_NUMBER = _expect(
    "a provision number such as '6.13'",
    lambda v: isinstance(v, str) and _NUMBER.fullmatch(v) is not None,
)
_IS_INT = _expect("a whole number", lambda v: isinstance(v, int) and not isinstance(v, bool))
_IS_LINE = _expect(
    "one line of text", lambda v: isinstance(v, str) and bool(v.strip()) and "\n" not in v
)
_IS_BOOL = _expect("True or False", lambda v: isinstance(v, bool))


@attrs.frozen(kw_only=True)
class Provision:
    """One provision of the Complaint Handling Code.

    Attributes:
        number: The provision number as the Code prints it, such as ``"6.13"``.
        edition: The year of the edition it belongs to (2024 or 2022).
        section: The section number (the part before the dot).
        section_title: The title of that section in that edition.
        summary: A one-line paraphrase in our own words.
        must: ``True`` for a mandatory ("must") provision, ``False`` for
            best practice ("should").

    Raises:
        InvalidRecord: If a field has the wrong form, or ``section`` is not
            the part of ``number`` before the dot.

    >>> provision("6.13") == provision("6.13", edition=2024)
    True
    """

    number: str = attrs.field(validator=_IS_NUMBER)
    edition: int = attrs.field(validator=_IS_INT)
    section: int = attrs.field(validator=_IS_INT)
    section_title: str = attrs.field(validator=_IS_LINE)
    summary: str = attrs.field(validator=_IS_LINE)
    must: bool = attrs.field(validator=_IS_BOOL)
    #: The (section, item) pair that orders provisions as the Code does, such as ``(6, 13)``.
    sort_key: tuple[int, int] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        key = _sort_key(self.number)
        if self.section != key[0]:
            raise InvalidRecord(
                f"provision {self.number} belongs to section {key[0]}, not {self.section}",
                path="section",
            )
        object.__setattr__(self, "sort_key", key)

    def __str__(self) -> str:
        return f"{self.number} ({self.edition}): {self.summary}"


# --- the catalogue -----------------------------------------------------------
# Section titles and provisions per edition. Summaries are our own paraphrases.
#
# Each edition's provisions are a table in Code order, one provision per entry:
# the number, "must" (mandatory) or "should" (best practice only), and the
# summary; an indented line continues the summary above it. A table keeps the
# catalogue readable at a glance and each number greppable on its own line.

_SECTIONS: dict[int, dict[int, str]] = {
    2024: {
        1: "Definition of a complaint",
        2: "Exclusions",
        3: "Accessibility and awareness",
        4: "Complaint handling staff",
        5: "The complaint handling process",
        6: "Complaints stages",
        7: "Putting things right",
        8: "Self-assessment, reporting and compliance",
        9: "Scrutiny and oversight: continuous learning and improvement",
    },
    2022: {
        1: "Definition of a complaint",
        2: "Accessibility and awareness",
        3: "Complaint handling personnel",
        4: "Complaint handling principles",
        5: "Complaint stages",
        6: "Putting things right",
        7: "Continuous learning and improvement",
        8: "Self-assessment and compliance",
    },
}

# The 2024 Code: every provision a self-assessment answers. A provision that
# imposes a duty or a prohibition is "must" even where it does not use the word
# (5.2, 5.3, 5.5); 8.4 only says what the Ombudsman may ask, so it is "should".
_TABLE_2024 = """
1.2  must   A complaint is dissatisfaction, however voiced, with what a landlord, its staff or
            agents did or did not do.
1.3  must   Residents need not say 'complaint'; offer the choice to complain; handle third-party
            complaints per policy.
1.4  must   The policy tells service requests apart from complaints; requests are recorded,
            monitored and reviewed.
1.5  must   Dissatisfaction with the response to a service request is a complaint; work on the
            request carries on.
1.6  must   Survey replies are not complaints, but residents asked for feedback must be told how to
            complain.
2.1  must   Accept each complaint unless a valid reason applies; evidence the reason and judge each
            case on its merits.
2.2  must   The policy sets fair exclusions: issue over 12 months old, court claim filed, matter
            already considered.
2.3  must   Accept complaints within 12 months of the issue or of learning of it; consider
            discretion beyond that.
2.4  must   Declining a complaint needs an explanation of why and of the right to take the decision
            to the Ombudsman.
2.5  must   No blanket exclusions: weigh each complaint's own circumstances before excluding it.
3.1  must   Offer several ways to complain and anticipate reasonable adjustments under the Equality
            Act 2010.
3.2  must   Residents may complain in any way to any member of staff, and all staff know how to pass
            it on.
3.3  must   Many complaints are not a bad sign; few may mean residents find it hard to complain.
3.4  must   Publish a clear, accessible policy online setting out the two stages, each step and the
            timescales.
3.5  must   The policy says how the landlord publicises it, the Ombudsman and the Code.
3.6  must   Residents may have a representative act for them and be represented or accompanied at
            meetings.
3.7  must   Tell residents of their right to go to the Ombudsman and how to engage with it about
            their complaint.
4.1  must   Assign a person or team, the complaints officer, to own complaint handling, Ombudsman
            liaison and reporting.
4.2  must   The complaints officer can reach staff at every level and has the authority to settle
            disputes promptly.
4.3  must   Treat complaint handling as a core service: train the relevant staff and resource it
            properly.
5.1  must   Keep one complaints policy for the Code; residents are not treated differently for
            complaining.
5.2  must   Settle issues early and locally, without adding named stages like a 'stage 0' or an
            informal stage.
5.3  must   Never run a complaints process of more than two stages.
5.4  must   A third party handling complaints works inside the landlord's two stages, never as a
            second process.
5.5  must   The landlord is answerable for third parties handling its complaints in line with the
            Code.
5.6  must   On logging at stage 1 and escalation to stage 2, write the complaint definition and
            clarify any gaps.
5.7  must   Each acknowledgement says which aspects the landlord is, and is not, responsible for.
5.8  must   Handlers are open-minded and independent, hear the resident, manage conflicts and weigh
            all evidence.
5.9  must   If a response will miss the Code's timescales, agree with the resident how often to
            update them.
5.10 must   Make reasonable adjustments; record them and any disclosed disability; keep adjustments
            under review.
5.11 must   Refuse escalation only for valid reasons, stated clearly and founded on section 2.
5.12 must   Keep a full record: the complaint, date received, all correspondence, documents and each
            stage's outcome.
5.13 must   A complaint can be put right at any stage; a remedy never depends on escalating.
5.14 must   Have a policy on unacceptable behaviour; evidence the reasons for restrictions and
            review them.
5.15 must   Restrictions for unacceptable behaviour are proportionate and have regard to the
            Equality Act 2010.
6.1  must   Triage complaints: answer early where possible, investigate where needed, weighing
            complexity and risk.
6.2  must   Acknowledge, define and log a stage 1 complaint within 5 working days of receiving it.
6.3  must   Send the full stage 1 response within 10 working days of the acknowledgement.
6.4  must   Decide on any stage 1 extension and tell the resident; beyond 10 working days needs an
            explained good reason.
6.5  must   A notice of a stage 1 extension gives the Ombudsman's contact details.
6.6  must   Respond at stage 1 once the answer is known; track outstanding actions and keep the
            resident updated.
6.7  must   The stage 1 response answers every point of the definition with reasons, citing policy,
            law or good practice.
6.8  must   Fold related new issues into an unissued stage 1 response; otherwise log them as a new
            complaint.
6.9  must   Stage 1 letter: stage, definition, decision, reasons, remedy, outstanding actions, how
            to escalate.
6.10 must   Any part left unresolved at stage 1 goes to stage 2, the landlord's final response.
6.11 must   Acknowledge, define and log a stage 2 request within 5 working days of receiving it.
6.12 must   Residents need not say why they escalate; the landlord makes efforts to learn why they
            are unhappy.
6.13 must   The stage 2 handler is not the person who handled the complaint at stage 1.
6.14 must   Send the final stage 2 response within 20 working days of the stage 2 acknowledgement.
6.15 must   Decide on any stage 2 extension and tell the resident; beyond 20 working days needs an
            explained good reason.
6.16 must   A notice of a stage 2 extension gives the Ombudsman's contact details.
6.17 must   Respond at stage 2 once the answer is known; track outstanding actions and keep the
            resident updated.
6.18 must   The stage 2 response answers every point of the definition with reasons, citing policy,
            law or good practice.
6.19 must   Stage 2 letter: stage, definition, decision, reasons, remedy, outstanding actions, how
            to go to the Ombudsman.
6.20 must   Stage 2 is final and involves every member of staff needed to give that response.
7.1  must   Where something went wrong, admit it and say what has been or will be done to put it
            right.
7.2  must   A remedy reflects the impact of the fault on the resident.
7.3  must   A remedy offer says what will happen and by when, agreed where fitting, and is seen
            through.
7.4  must   Choose remedies with regard to the Ombudsman's guidance on remedies.
8.1  must   Produce a yearly complaints performance and service improvement report, including the
            self-assessment.
8.2  must   Put the annual report to the governing body and publish it online with the body's
            response.
8.3  must   Self-assess again after a significant restructure, merger or change in procedures.
8.4  should The Ombudsman may ask for the self-assessment to be revisited after an investigation.
8.5  must   If exceptional events stop compliance, tell the Ombudsman and residents, publish it and
            give a return date.
9.1  must   Look past the single complaint for service improvements its lessons suggest.
9.2  must   Use complaints as intelligence to find problems and improve how services are delivered.
9.3  must   Share the wider lessons and improvements from complaints with residents' panels, staff
            and committees.
9.4  must   A senior lead is accountable for complaints and reviews themes for systemic issues,
            risks and policy gaps.
9.5  must   A member of the governing body is appointed Member Responsible for Complaints (MRC).
9.6  must   The MRC keeps the governing body informed on complaint handling, with access to
            information and staff.
9.7  must   The MRC and governing body receive regular figures, trend reviews, Ombudsman outcomes
            and the annual report.
9.8  must   Relevant staff and third parties share a complaints objective: cooperate, own
            shortfalls, meet standards.
"""

# The 2022 Code, as its self-assessment form quotes it: "must" for the
# mandatory requirements and "should" for the best-practice ones, following the
# form's own split (so 5.18, filed as best practice, is "should"). The form
# does not quote 1.1, 6.4 or 7.1.
_TABLE_2022 = """
1.2  must   A complaint is dissatisfaction, however voiced, with what a landlord, its staff or
            agents did or did not do.
1.3  must   Residents need not say 'complaint'; complaints made through a third party still follow
            the policy.
1.4  should Landlords should tell a service request (a problem to fix) apart from a complaint about
            the service.
1.5  should Survey feedback need not be a complaint, but the respondent should learn how to complain
            if they wish.
1.6  must   Log the matter as a complaint if it needs further enquiries or the resident asks for
            that.
1.7  must   Take on every complaint unless a valid reason justifies declining it.
1.8  must   The policy sets out when a matter will not be considered; those exclusions should be
            fair and reasonable.
1.9  must   Declining a complaint needs a detailed explanation of why and of the right to go to the
            Ombudsman.
2.1  must   Offer more than one channel for complaining, such as in person, phone, letter, email or
            online.
2.2  should Landlords on social media should expect complaints there; policies say how they are
            handled and kept private.
2.3  must   Publish a clear, accessible policy giving the number of stages, what happens at each and
            the timescales.
2.4  must   A landlord's website explains how to complain, and the policy and process are easy to
            find on it.
2.5  must   Comply with the Equality Act 2010: say how adjustment requests are met and train
            handlers for them.
2.6  must   Publicise the policy, the Code and the Ombudsman scheme in print, online and in routine
            letters.
2.7  must   Give the Ombudsman's contact details in regular correspondence with residents.
2.8  must   Tell residents early, not only at the end, that they may go to the Ombudsman during
            their complaint.
3.1  must   Assign a person or team, the complaints officer, to own complaint handling and report to
            the governing body.
3.2  must   The appointed complaint handler has suitable complaint handling skills and no conflict
            of interest.
3.3  should Handlers should be fair, sensitive and trained, reach all staff levels and have
            authority to resolve.
4.1  must   Resolving informally needs consent; no extra stages; acknowledge and log at stage 1
            within 5 days.
4.2  must   The acknowledgement sets out the complaint and the outcomes sought; agree the definition
            with the resident.
4.3  should Manage expectations from the start, saying plainly where a desired outcome is
            unrealistic.
4.4  should Resolve at the first opportunity, having weighed the evidence needed, the outcome wanted
            and urgent work.
4.5  should Residents should be able to have a representative and be accompanied at meetings where
            reasonable.
4.6  must   Investigate complaints impartially.
4.7  must   Handlers judge on the merits, independently and openly, manage conflicts, weigh
            evidence, keep confidence.
4.8  should Where legal duties are central, set out the landlord's view of what each party is
            obliged to do.
4.9  should Letters to the resident should not usually name individual staff or contractors.
4.10 should Keep residents regularly informed of how the investigation is going.
4.11 must   Keep to any reasonable arrangement agreed with the resident on how and how often to
            communicate.
4.12 must   The resident and any staff member complained about can state their case and answer
            adverse findings.
4.13 must   The policy gives the time limits within which a resident may ask to escalate.
4.14 must   Do not unreasonably refuse escalation; grounds to decline are in the policy and match
            the exclusions.
4.15 must   Keep a full record: the complaint, date received, any review, all correspondence,
            reports, stage outcomes.
4.16 should Ask residents for feedback on complaint handling to support a positive learning culture.
4.17 should Recognise the effect on staff of being complained about, and support and involve them in
            the process.
4.18 must   Have policies for handling unacceptable behaviour by residents or their representatives
            in a complaint.
4.19 should Restrictions for unacceptable behaviour should suit the resident's needs and respect the
            Equality Act 2010.
5.1  must   Answer at stage 1 within 10 working days of logging; an explained extension should add
            at most 10 days.
5.2  should A stage 1 extension beyond 20 working days should be agreed by both the landlord and the
            resident.
5.3  should If no stage 1 extension is agreed, share the Ombudsman's details so the resident can
            dispute the plan.
5.4  should For a recurring problem, consider older reports as background where that helps resolve
            it.
5.5  must   Respond once the answer is known, not when actions finish; track outstanding actions
            with regular updates.
5.6  must   Answer every point of the complaint with clear reasons, citing policy, law or good
            practice as relevant.
5.7  should Fold relevant new issues into an unissued stage 1 response; otherwise log them as a new
            complaint.
5.8  must   Stage 1 letter: stage, decision, reasons, remedy, outstanding actions, how to escalate
            to stage 2.
5.9  must   Unresolved complaints go to stage 2 unless an exclusion applies; refusals give reasons
            and the Ombudsman route.
5.10 must   On an escalation request, set out the outstanding issues and outcomes sought; agree the
            definition.
5.11 must   Escalate to stage 2 only once stage 1 is complete and only when the resident asks.
5.12 must   The stage 2 handler must be someone other than whoever dealt with stage 1.
5.13 must   Answer at stage 2 within 20 working days of escalation; an explained extension should
            add at most 10 days.
5.14 should A stage 2 extension beyond 10 working days should be agreed by both the landlord and the
            resident.
5.15 should If no stage 2 extension is agreed, share the Ombudsman's details so the resident can
            dispute the plan.
5.16 must   Stage 2 letter: stage, definition, decision, reasons, remedy, actions, then the way to
            stage 3 or Ombudsman.
5.17 must   Two stages are ideal; a third must be justified in the self-assessment; more than three
            is never acceptable.
5.18 should A third stage only at the resident's request, answered within 20 working days; explain
            any delay with a date.
5.19 should If no stage 3 extension is agreed, share the Ombudsman's details so the resident can
            dispute the plan.
5.20 must   Stage 3 letter: stage, definition, decision, reasons, remedy, outstanding actions, how
            to go to the Ombudsman.
6.1  must   Where something went wrong, admit it and say what has been or will be done to put it
            right.
6.2  must   A remedy reflects the failure and the detriment; promise nothing undeliverable or unfair
            to others.
6.3  should Look beyond the single complaint for process or system fixes that would help all
            residents.
6.5  must   A remedy offer says what will happen and by when, agreed where fitting, and is seen
            through.
6.6  must   Compensation weighs statutory payments, quantifiable losses, time and trouble, and
            distress caused.
6.7  should Where a legal right to redress exists, still offer a resolution where possible, worded
            on legal advice.
7.2  must   Report wider learning from complaints in the annual report and more often to residents,
            staff and panels.
7.3  should A governing body member should lead on complaints and see that the body gets regular
            insight on them.
7.4  should The governing body should get regular complaint figures, trend reviews, Ombudsman
            reports, self-assessment.
7.5  should Senior managers should assess themes and trends for systemic issues and risks and use
            them in training.
7.6  should Give all staff a standard complaints objective: cooperate, own shortfalls, follow CIH
            professional standards.
8.1  must   Carry out a self-assessment against the Code every year.
8.2  must   Self-assess again after a significant restructure or change in procedures.
8.3  must   After each self-assessment, report it to the governing body, publish it and put it in
            the annual report.
"""

_NATURE: dict[str, bool] = {"must": True, "should": False}


def _parse(table: str) -> tuple[tuple[str, bool, str], ...]:
    rows: list[tuple[str, str, str]] = []
    for line in table.strip("\n").splitlines():
        if line.startswith(" "):
            number, nature, summary = rows[-1]
            rows[-1] = (number, nature, f"{summary} {line.strip()}")
        else:
            number, nature, summary = line.split(maxsplit=2)
            rows.append((number, nature, summary))
    return tuple((number, _NATURE[nature], summary) for number, nature, summary in rows)


# (number, must, summary) in Code order, per edition.
_ENTRIES: dict[int, tuple[tuple[str, bool, str], ...]] = {
    2024: _parse(_TABLE_2024),
    2022: _parse(_TABLE_2022),
}


def _build() -> tuple[dict[int, tuple[Provision, ...]], dict[tuple[int, str], Provision]]:
    ordered: dict[int, tuple[Provision, ...]] = {}
    index: dict[tuple[int, str], Provision] = {}
    for edition, entries in _ENTRIES.items():
        built = tuple(
            Provision(
                number=number,
                edition=edition,
                section=_sort_key(number)[0],
                section_title=_SECTIONS[edition][_sort_key(number)[0]],
                summary=summary,
                must=must,
            )
            for number, must, summary in entries
        )
        ordered[edition] = tuple(sorted(built, key=lambda p: p.sort_key))
        for p in built:
            index[(edition, p.number)] = p
    return ordered, index


_ORDERED, _INDEX = _build()


def _edition_year(edition: int | _HasYear) -> int:
    year = edition if isinstance(edition, int) else getattr(edition, "year", None)
    if not isinstance(year, int) or isinstance(year, bool) or year not in _ORDERED:
        known = ", ".join(str(e) for e in EDITIONS)
        raise InvalidRecord(f"unknown edition of the Code {shown(edition)} (known: {known})")
    return year


def provision(number: str, edition: int | _HasYear = 2024) -> Provision:
    """Look up a provision by its number.

    Args:
        number: The provision number, such as ``"6.13"``.
        edition: The edition's year, or an :class:`~complaintcode.editions.Edition`;
            the 2024 edition by default.

    Returns:
        The :class:`Provision`.

    Raises:
        InvalidRecord: If the edition or the number is unknown.

    >>> provision("6.13").summary != ""
    True
    >>> provision("6.99")
    Traceback (most recent call last):
    ...
    complaintcode.errors.InvalidRecord: unknown provision '6.99' in the 2024 edition of the Code
    """
    year = _edition_year(edition)
    found = _INDEX.get((year, number)) if isinstance(number, str) else None
    if found is None:
        raise InvalidRecord(f"unknown provision {shown(number)} in the {year} edition of the Code")
    return found


def provisions(edition: int | _HasYear = 2024) -> tuple[Provision, ...]:
    """Every provision this library knows of an edition, in Code order.

    For 2024 these are the 72 provisions a self-assessment answers, 1.2 to 9.8.

    Args:
        edition: The edition's year, or an object with a ``year``; 2024 by default.

    Returns:
        The provisions, ordered by section and then by number within it.

    Raises:
        InvalidRecord: If the edition is unknown.

    >>> [p.number for p in provisions()][:3]
    ['1.2', '1.3', '1.4']
    >>> [p.number for p in provisions(2022) if p.section == 8]
    ['8.1', '8.2', '8.3']
    """
    return _ORDERED[_edition_year(edition)]


def section_title(section: int, edition: int | _HasYear = 2024) -> str:
    """The title of a section of the Code.

    Args:
        section: The section number, such as ``6``.
        edition: The edition's year, or an object with a ``year``; 2024 by default.

    Returns:
        The section's title in that edition.

    Raises:
        InvalidRecord: If the edition or the section is unknown.

    >>> section_title(6)
    'Complaints stages'
    >>> section_title(5, edition=2022)
    'Complaint stages'
    """
    year = _edition_year(edition)
    titles: Mapping[int, str] = _SECTIONS[year]
    if not isinstance(section, int) or isinstance(section, bool) or section not in titles:
        raise InvalidRecord(f"unknown section {shown(section)} in the {year} edition of the Code")
    return titles[section]
