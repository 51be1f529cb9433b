"""Deadlines for a column of complaints: the due dates of many at once.

:func:`acknowledgement_due_many` and :func:`response_due_many` give, for each
complaint of a column, the ``due`` date that :func:`~complaintcode.deadlines.acknowledgement_due`
and :func:`~complaintcode.deadlines.response_due` give for it alone, under the
same provisions (6.2, 6.3, 6.11 and 6.14; 4.1, 5.1 and 5.13 in the 2022 edition).
Each complaint is judged by the edition for its own day of receipt unless one
edition is given for all.

Columns are read by the calendar (a sequence of dates, a numpy ``datetime64``
array or a pandas Series) and the answers come back in the kind of ``received``.
A numpy array or a Series of ``datetime64`` days is counted with whole-array
operations, one edition at a time; a sequence is counted one complaint at a time
by the same rules as a single deadline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, overload

from complaintcode.calendar import DayColumn, WorkingCalendar, england_and_wales, read_days
from complaintcode.deadlines._counting import (
    acknowledgement_date,
    not_before,
    response_date,
    timescales,
)
from complaintcode.editions import EDITIONS_BY_YEAR, Edition, edition_for
from complaintcode.errors import InvalidRecord
from complaintcode.stages import Stage

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable

    import numpy.typing as npt
    import pandas as pd

    #: A column of days: a sequence of dates, a numpy array or a pandas Series.
    Days = Iterable[dt.date | None] | npt.NDArray[Any] | pd.Series[Any]
    #: Where a column's missing days are (numpy ``bool`` array).
    Mask = npt.NDArray[Any]

__all__ = ["acknowledgement_due_many", "response_due_many"]


class _Columns:
    """The checked inputs of a column of deadlines."""

    __slots__ = (
        "acknowledged",
        "calendar",
        "edition",
        "received",
        "received_days",
        "requested",
        "requested_days",
        "stage",
    )

    def __init__(
        self,
        stage: Stage | int | str,
        received: object,
        escalation_requested: object,
        edition: object,
        calendar: object,
        *,
        acknowledged: object = None,
        stage_2_message: str,
    ) -> None:
        self.stage = Stage.parse(stage)
        if edition is not None and not isinstance(edition, Edition):
            raise InvalidRecord(
                f"expected an Edition, got {type(edition).__name__}", path="edition"
            )
        if calendar is not None and not isinstance(calendar, WorkingCalendar):
            raise InvalidRecord(
                f"expected a WorkingCalendar, got {type(calendar).__name__}", path="calendar"
            )
        self.edition: Edition | None = edition
        self.calendar: WorkingCalendar = calendar or england_and_wales()
        self.received = read_days(received, "received")
        two = self.stage is Stage.TWO
        if two and escalation_requested is None:
            raise InvalidRecord(stage_2_message, path="escalation_requested")
        self.requested = self._other(escalation_requested, "escalation_requested", missing=not two)
        self.acknowledged = self._other(acknowledged, "acknowledged", missing=True)
        # For columns counted with numpy: the days as ``datetime64[D]`` arrays, read once.
        array = self.received.array is not None
        self.received_days: Any = self.received.array
        self.requested_days: Any = self.requested.as_array() if array and self.requested else None

    def _other(self, values: object, path: str, *, missing: bool) -> DayColumn | None:
        if values is None:
            return None
        column = read_days(values, path, missing=missing)
        if len(column) != len(self.received):
            raise InvalidRecord(
                f"expected a day for each of the {len(self.received)} received, not {len(column)}",
                path=path,
            )
        return column

    def dates(self, column: DayColumn | None) -> list[dt.date | None]:
        """A column as dates, one ``None`` per complaint where it was not given."""
        return [None] * len(self.received) if column is None else column.as_dates()

    def check_order(self, at: int, received: dt.date, requested: dt.date | None) -> dt.date:
        """Refuse an escalation before receipt (stage 2); the day the stage's count starts from."""
        if self.stage is Stage.TWO and requested is not None:
            not_before(requested, received, "escalation_requested", "received", f"[{at}]")
            return requested
        return received


def _first_bad(bad: Mask, message: str, path: str, days: Any, earlier: Any) -> None:  # noqa: ANN401  # numpy's values
    """Refuse the first complaint whose dates run backwards, as one deadline would."""
    import numpy as np  # noqa: PLC0415  # numpy is optional: its column was given

    if bad.any():
        at = int(np.flatnonzero(bad)[0])
        raise InvalidRecord(
            f"{days[at]} is before {message} ({earlier[at]}): dates must not run backwards",
            path=f"{path}[{at}]",
        )


def _acknowledgement_rule(edition: Edition, stage: Stage) -> tuple[object, ...]:
    """What counting an acknowledgement takes from an edition: its days, and how they count."""
    key = f"acknowledge_stage_{int(stage)}"
    return (timescales(edition, stage).acknowledge, edition.counts_calendar_days(key))


def _response_rule(edition: Edition, stage: Stage) -> tuple[object, ...]:
    """What counting a response takes from an edition."""
    rules = timescales(edition, stage)
    return (*_acknowledgement_rule(edition, stage), rules.respond, rules.respond_from)


def _groups(
    received: Any,  # noqa: ANN401  # numpy's values
    edition: Edition | None,
    rule: Callable[[Edition, Stage], tuple[object, ...]],
    stage: Stage,
) -> list[tuple[Edition, Any]]:
    """The editions that govern the complaints, each with the complaints it governs.

    Each complaint's edition is the one for its day of receipt (as
    :func:`~complaintcode.editions.edition_for` gives it), unless one is given for
    all. Editions that count a deadline alike are counted together: ``None`` stands
    for every complaint.
    """
    import numpy as np  # noqa: PLC0415  # numpy is optional: its column was given

    if edition is not None:
        return [(edition, None)]
    dated = sorted(
        (e for e in EDITIONS_BY_YEAR.values() if e.applies_from is not None),
        key=lambda e: e.applies_from or 0,
    )
    which = np.zeros(len(received), dtype=np.int8)
    for e in dated:
        which += received >= np.datetime64(e.applies_from, "D")
    oldest = [e for e in EDITIONS_BY_YEAR.values() if e.applies_from is None]
    alike: dict[tuple[object, ...], tuple[Edition, Any]] = {}
    for i, e in enumerate([*oldest, *dated]):
        mask = which == i
        if mask.any():
            first, before = alike.get(rule(e, stage), (e, None))
            alike[rule(e, stage)] = (first, mask if before is None else before | mask)
    if len(alike) == 1:
        return [(edition, None) for edition, _ in alike.values()]
    return list(alike.values())


def _part(values: Any, mask: Any) -> Any:  # noqa: ANN401  # numpy's values
    """The values of the complaints a mask picks (all of them for ``None``)."""
    return values if mask is None or values is None else values[mask]


def _vector_acknowledgement(columns: _Columns, edition: Edition, mask: Mask | None) -> Any:  # noqa: ANN401  # numpy's values
    """The acknowledgement due dates of one edition's complaints (``NaT`` for no timescale)."""
    import numpy as np  # noqa: PLC0415  # numpy is optional: its column was given

    stage = columns.stage
    days = timescales(edition, stage).acknowledge
    start = _part(columns.received_days, mask)
    if days is None:
        return np.full(len(start), np.datetime64("NaT"), dtype="datetime64[D]")
    if stage is Stage.TWO and columns.requested is not None:
        start = _part(columns.requested_days, mask)
    if edition.counts_calendar_days(f"acknowledge_stage_{int(stage)}"):
        return start + np.timedelta64(days, "D")
    return columns.calendar.add_working_days_many(start, days)


def _vector_response(columns: _Columns, edition: Edition, mask: Mask | None) -> Any:  # noqa: ANN401  # numpy's values
    """The response due dates of one edition's complaints."""
    import numpy as np  # noqa: PLC0415  # numpy is optional: its column was given

    stage = columns.stage
    requested = _part(columns.requested_days, mask)
    first = requested if stage is Stage.TWO and requested is not None else None
    start = _vector_acknowledgement(columns, edition, mask)
    unset = np.isnat(start)
    if unset.any():  # no acknowledgement timescale: the stage's first day
        start = np.where(
            unset, _part(columns.received_days, mask) if first is None else first, start
        )
    if columns.acknowledged is not None:
        acknowledged = _part(columns.acknowledged.as_array(), mask)
        start = np.where(np.isnat(acknowledged), start, acknowledged)
    if timescales(edition, stage).respond_from == "escalation_requested" and requested is not None:
        start = np.where(np.isnat(requested), start, requested)
    return columns.calendar.add_working_days_many(start, timescales(edition, stage).respond)


def _vector_checks(columns: _Columns) -> None:
    """Refuse dates that run backwards, for a numpy column, as each deadline would."""
    import numpy as np  # noqa: PLC0415  # numpy is optional: its column was given

    received = columns.received_days
    first = received
    if columns.stage is Stage.TWO and columns.requested is not None:
        requested = columns.requested_days
        bad = requested < received
        _first_bad(bad, "the day of receipt", "escalation_requested", requested, received)
        first = requested
    if columns.acknowledged is not None:
        acknowledged = columns.acknowledged.as_array()
        earlier = "the escalation request" if columns.stage is Stage.TWO else "the day of receipt"
        bad = (acknowledged < first) & ~np.isnat(acknowledged)
        _first_bad(bad, earlier, "acknowledged", acknowledged, first)


def _vector(
    columns: _Columns,
    due: Callable[[_Columns, Edition, Any], Any],
    rule: Callable[[Edition, Stage], tuple[object, ...]],
) -> Any:  # noqa: ANN401  # the kind given
    """Every complaint's due date by whole-array operations, one edition's rules at a time."""
    import numpy as np  # noqa: PLC0415  # numpy is optional: its column was given

    _vector_checks(columns)
    received = columns.received_days
    groups = _groups(received, columns.edition, rule, columns.stage)
    if len(groups) == 1:
        return columns.received.wrap(due(columns, groups[0][0], None))
    answers = np.full(len(received), np.datetime64("NaT"), dtype="datetime64[D]")
    for edition, mask in groups:
        answers[mask] = due(columns, edition, mask)
    return columns.received.wrap(answers)


@overload
def acknowledgement_due_many(
    stage: Stage | int | str,
    *,
    received: pd.Series[Any],
    escalation_requested: Days | None = None,
    edition: Edition | None = None,
    calendar: WorkingCalendar | None = None,
) -> pd.Series[Any]: ...
@overload
def acknowledgement_due_many(
    stage: Stage | int | str,
    *,
    received: npt.NDArray[Any],
    escalation_requested: Days | None = None,
    edition: Edition | None = None,
    calendar: WorkingCalendar | None = None,
) -> npt.NDArray[Any]: ...
@overload
def acknowledgement_due_many(
    stage: Stage | int | str,
    *,
    received: Iterable[dt.date],
    escalation_requested: Days | None = None,
    edition: Edition | None = None,
    calendar: WorkingCalendar | None = None,
) -> list[dt.date | None]: ...
def acknowledgement_due_many(
    stage: Stage | int | str,
    *,
    received: Days,
    escalation_requested: Days | None = None,
    edition: Edition | None = None,
    calendar: WorkingCalendar | None = None,
) -> Any:
    """When each complaint of a column must be acknowledged at a stage (6.2, 6.11).

    For every complaint, the ``due`` date :func:`~complaintcode.deadlines.acknowledgement_due`
    gives for it alone; ``None`` (``NaT`` in an array) where its edition sets no
    timescale (stage 2 under the 2022 edition).

    Args:
        stage: The stage, the same for every complaint.
        received: The days the complaints were received: a sequence of dates, a
            numpy ``datetime64`` array or a pandas Series (each decides its
            complaint's edition).
        escalation_requested: For stage 2, the days the residents asked to
            escalate, one per complaint.
        edition: One edition for every complaint; by default each complaint's own.
        calendar: The working-day calendar; England and Wales by default.

    Returns:
        The due dates, in the kind of ``received`` (a list, an array of its
        ``dtype``, or a Series on its index).

    Raises:
        InvalidRecord: As :func:`~complaintcode.deadlines.acknowledgement_due` would
            for any one complaint, naming its position (``received[3]: ...``), or
            for columns of different lengths.

    >>> import datetime as dt
    >>> acknowledgement_due_many(1, received=[dt.date(2024, 5, 3), dt.date(2024, 3, 28)])
    [datetime.date(2024, 5, 13), datetime.date(2024, 4, 8)]
    """
    columns = _Columns(
        stage,
        received,
        escalation_requested,
        edition,
        calendar,
        stage_2_message="the stage 2 acknowledgement is counted from the escalation request",
    )
    if columns.received.array is not None:
        return _vector(columns, _vector_acknowledgement, _acknowledgement_rule)
    answers: list[dt.date | None] = []
    for at, (day, requested) in enumerate(
        zip(columns.dates(columns.received), columns.dates(columns.requested), strict=True)
    ):
        assert day is not None  # noqa: S101  # received is never missing
        columns.check_order(at, day, requested)
        answers.append(
            acknowledgement_date(
                columns.stage,
                day,
                requested,
                edition=columns.edition or edition_for(day),
                calendar=columns.calendar,
            )
        )
    return columns.received.wrap(answers)


@overload
def response_due_many(
    stage: Stage | int | str,
    *,
    received: pd.Series[Any],
    acknowledged: Days | None = None,
    escalation_requested: Days | None = None,
    edition: Edition | None = None,
    calendar: WorkingCalendar | None = None,
) -> pd.Series[Any]: ...
@overload
def response_due_many(
    stage: Stage | int | str,
    *,
    received: npt.NDArray[Any],
    acknowledged: Days | None = None,
    escalation_requested: Days | None = None,
    edition: Edition | None = None,
    calendar: WorkingCalendar | None = None,
) -> npt.NDArray[Any]: ...
@overload
def response_due_many(
    stage: Stage | int | str,
    *,
    received: Iterable[dt.date],
    acknowledged: Days | None = None,
    escalation_requested: Days | None = None,
    edition: Edition | None = None,
    calendar: WorkingCalendar | None = None,
) -> list[dt.date]: ...
def response_due_many(
    stage: Stage | int | str,
    *,
    received: Days,
    acknowledged: Days | None = None,
    escalation_requested: Days | None = None,
    edition: Edition | None = None,
    calendar: WorkingCalendar | None = None,
) -> Any:
    """When the response of each complaint of a column is due at a stage (6.3, 6.14).

    For every complaint, the ``due`` date :func:`~complaintcode.deadlines.response_due`
    gives for it alone: counted from its acknowledgement where one is given, and
    otherwise projected from the acknowledgement's own due date.

    Args:
        stage: The stage, the same for every complaint.
        received: The days the complaints were received: a sequence of dates, a
            numpy ``datetime64`` array or a pandas Series (each decides its
            complaint's edition).
        acknowledged: The days the stage was acknowledged, one per complaint;
            ``None`` (``NaT``) for a complaint not acknowledged yet.
        escalation_requested: For stage 2, the days the residents asked to
            escalate, one per complaint.
        edition: One edition for every complaint; by default each complaint's own.
        calendar: The working-day calendar; England and Wales by default.

    Returns:
        The due dates, in the kind of ``received`` (a list, an array of its
        ``dtype``, or a Series on its index).

    Raises:
        InvalidRecord: As :func:`~complaintcode.deadlines.response_due` would for
            any one complaint, naming its position (``acknowledged[3]: ...``), or
            for columns of different lengths.

    >>> import datetime as dt
    >>> response_due_many(
    ...     1,
    ...     received=[dt.date(2024, 5, 3), dt.date(2024, 5, 3)],
    ...     acknowledged=[dt.date(2024, 5, 7), None],
    ... )
    [datetime.date(2024, 5, 21), datetime.date(2024, 5, 28)]
    """
    columns = _Columns(
        stage,
        received,
        escalation_requested,
        edition,
        calendar,
        acknowledged=acknowledged,
        stage_2_message=(
            "a stage 2 response is counted from the escalation request or its acknowledgement"
        ),
    )
    if columns.received.array is not None:
        return _vector(columns, _vector_response, _response_rule)
    answers: list[dt.date] = []
    two = columns.stage is Stage.TWO
    for at, (day, requested, acked) in enumerate(
        zip(
            columns.dates(columns.received),
            columns.dates(columns.requested),
            columns.dates(columns.acknowledged),
            strict=True,
        )
    ):
        assert day is not None  # noqa: S101  # received is never missing
        first = columns.check_order(at, day, requested)
        if acked is not None:
            earlier = "escalation_requested" if two else "received"
            not_before(acked, first, "acknowledged", earlier, f"[{at}]")
        answers.append(
            response_date(
                columns.stage,
                day,
                acked,
                requested,
                edition=columns.edition or edition_for(day),
                calendar=columns.calendar,
            )
        )
    return columns.received.wrap(answers)
