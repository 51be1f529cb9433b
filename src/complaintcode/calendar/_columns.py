"""Columns of days: sequences of dates, numpy ``datetime64`` arrays and pandas Series.

:func:`read_days` checks a column as the calendar checks one date, and keeps
what the answer needs to come back in the column's own kind: a list for a
sequence, an array of the same ``dtype`` for a numpy array, a Series on the same
index and of the same ``dtype`` for a pandas Series. A numpy array of
``datetime64`` days (or a Series of them) is read as one array and answered
with whole-array operations; a sequence, or an array or Series of ``datetime.date``
objects, is read as a list and answered one day at a time.

numpy and pandas are optional: neither is imported here unless a column of
theirs is given, which cannot happen before they are imported.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING, Any, Final

from complaintcode.calendar._working_days import MAX_DATE, MIN_DATE, RANGE, ordinal
from complaintcode.errors import InvalidRecord

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy.typing as npt

    #: A numpy array of days (``datetime64[D]``) or of answers.
    Array = npt.NDArray[Any]

__all__ = ["EPOCH", "DayColumn", "read_days"]

#: The ordinal of numpy's day 0, 1 January 1970.
EPOCH: Final = dt.date(1970, 1, 1).toordinal()
_MIN_DAY: Final = MIN_DATE.toordinal() - EPOCH
_MAX_DAY: Final = MAX_DATE.toordinal() - EPOCH
_DATE = dt.date


class DayColumn:
    """A column of days as read: a list of dates, or a numpy ``datetime64[D]`` array.

    Exactly one of :attr:`dates` and :attr:`array` is set. A missing day (``None``
    in a list, ``NaT`` in an array) is there only where the reader allowed it.
    :attr:`bounds` holds the ordinals of the first and the last day present
    (``None`` if there is none).
    """

    __slots__ = ("_dated", "_dtype", "_index", "_kind", "array", "bounds", "dates")

    def __init__(
        self,
        *,
        bounds: tuple[int, int] | None,
        dates: list[dt.date | None] | None = None,
        array: Array | None = None,
        kind: str = "list",
        dtype: Any = None,  # noqa: ANN401  # numpy's or pandas' dtype, whichever was given
        index: Any = None,  # noqa: ANN401  # pandas' index, whatever its kind
    ) -> None:
        self.bounds = bounds
        self.dates = dates
        self.array = array
        self._kind = kind
        self._dtype = dtype
        self._dated = getattr(dtype, "kind", "") == "M"  # datetime64 of some unit
        self._index = index

    def __len__(self) -> int:
        return len(self.dates) if self.dates is not None else len(self.array)  # type: ignore[arg-type]  # one of the two is set

    def as_array(self) -> Array:
        """The days as a numpy ``datetime64[D]`` array (``NaT`` where missing)."""
        if self.array is not None:
            return self.array
        import numpy as np  # noqa: PLC0415  # numpy is optional: here it is asked for

        return np.array(self.dates, dtype="datetime64[D]")

    def as_dates(self) -> list[dt.date | None]:
        """The days as a list of dates (``None`` where missing)."""
        if self.dates is not None:
            return self.dates
        assert self.array is not None  # noqa: S101  # one of the two is set
        days: list[dt.date | None] = self.array.tolist()
        return days

    def wrap(self, answers: list[Any] | Array, *, days: bool = True) -> Any:  # noqa: ANN401  # the kind given
        """Answers for each day, in the column's own kind.

        A list for a sequence; for a numpy array, an array of its ``dtype`` (days),
        of ``int64`` (numbers), or of objects (answers computed one by one); for a
        Series, the same on the Series' index.

        Args:
            answers: A list, or a numpy array (``datetime64[D]`` days or numbers).
            days: Whether the answers are days (``False``: numbers).
        """
        if self._kind == "list":
            return answers if isinstance(answers, list) else answers.tolist()
        import numpy as np  # noqa: PLC0415  # numpy is optional: here it was given

        if isinstance(answers, list):
            empty_type = self._dtype if self._dated else object
            values = np.empty(len(answers), dtype=empty_type if days else np.int64)
            if answers:
                values = np.empty(len(answers), dtype=object)
                values[:] = answers
        elif days and self._dated:
            values = answers.astype(self._dtype, copy=False)
        else:
            values = answers
        if self._kind == "array":
            return values
        import pandas as pd  # noqa: PLC0415  # pandas is optional: here it was given

        return pd.Series(values, index=self._index)


def _bad_array(path: str, array: Array, bad: Array, what: str) -> InvalidRecord:
    import numpy as np  # noqa: PLC0415  # numpy is optional: here it was given

    at = int(np.flatnonzero(bad)[0])
    return InvalidRecord(f"{array[at]} {what}", path=f"{path}[{at}]")


def _read_array(
    path: str,
    array: Array,
    *,
    missing: bool,
    kind: str,
    index: Any,  # noqa: ANN401  # pandas' index, whatever its kind
) -> DayColumn:
    """A numpy array of ``datetime64`` days, or of ``datetime.date`` objects."""
    import numpy as np  # noqa: PLC0415  # numpy is optional: here it was given

    if array.dtype == object:
        dates, bounds = _read_sequence(path, array.tolist(), missing=missing)
        return DayColumn(bounds=bounds, dates=dates, kind=kind, dtype=array.dtype, index=index)
    if array.dtype.kind != "M":
        raise InvalidRecord(
            f"expected dates (datetime64 or datetime.date), not an array of {array.dtype}",
            path=path,
        )
    if array.ndim != 1:
        raise InvalidRecord(f"expected a column of dates, not {array.ndim} dimensions", path=path)
    days = array.astype("datetime64[D]", copy=False)
    if array.dtype != days.dtype:
        timed = (days != array) & ~np.isnat(array)
        if timed.any():
            raise _bad_array(path, array, timed, "has a time of day: expected a date")
    numbers = days.view(np.int64)
    absent = np.isnat(days)
    present = numbers
    if absent.any():
        if not missing:
            raise _bad_array(path, days, absent, "is missing: expected a date")
        present = numbers[~absent]
    bounds = None
    if len(present):
        first, last = int(present.min()), int(present.max())
        if first < _MIN_DAY or last > _MAX_DAY:
            outside = ((numbers < _MIN_DAY) | (numbers > _MAX_DAY)) & ~absent
            raise _bad_array(path, days, outside, f"is out of range: {RANGE}")
        bounds = (first + EPOCH, last + EPOCH)
    return DayColumn(bounds=bounds, array=days, kind=kind, dtype=array.dtype, index=index)


def _read_sequence(
    path: str, values: Sequence[object], *, missing: bool
) -> tuple[list[dt.date | None], tuple[int, int] | None]:
    """A sequence of dates, each checked as the calendar checks one; and its bounds."""
    days: list[Any] = values if isinstance(values, list) else list(values)
    kinds = {type(day) for day in days}
    expected = {_DATE, type(None)} if missing else {_DATE}
    if not kinds <= expected:
        for i, day in enumerate(days):
            if not (missing and day is None):
                ordinal(day, f"{path}[{i}]")
    present = [d for d in days if d is not None] if type(None) in kinds else days
    if not present:
        return days, None
    first, last = min(present), max(present)
    if not (MIN_DATE <= first and last <= MAX_DATE):  # noqa: SIM300  # the range reads in order
        for i, day in enumerate(days):
            if day is not None:
                ordinal(day, f"{path}[{i}]")
    return days, (first.toordinal(), last.toordinal())


def read_days(values: object, path: str, *, missing: bool = False) -> DayColumn:
    """A column of days, checked: every day a date in the supported range.

    Args:
        values: A sequence (or other iterable) of ``datetime.date``, a numpy
            array of ``datetime64`` (whole days) or of dates, or a pandas Series
            of either.
        path: The argument's name, for messages (``days[3]: ...``).
        missing: Whether a day may be missing (``None``, ``NaT``).

    Raises:
        InvalidRecord: For a value that is not a date, a date out of range, a
            time of day, or a missing day where none may be.
    """
    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(values, pandas.Series):
        if values.dtype.kind != "M" and values.dtype != object:
            raise InvalidRecord(
                f"expected dates (datetime64 or datetime.date), not a Series of {values.dtype}",
                path=path,
            )
        return _read_array(
            path, values.to_numpy(), missing=missing, kind="series", index=values.index
        )
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(values, numpy.ndarray):
        return _read_array(path, values, missing=missing, kind="array", index=None)
    if isinstance(values, (dt.date, str, bytes)) or not hasattr(values, "__iter__"):
        raise InvalidRecord(f"expected a column of dates, not {type(values).__name__}", path=path)
    dates, bounds = _read_sequence(path, values, missing=missing)  # type: ignore[arg-type]  # any iterable
    return DayColumn(bounds=bounds, dates=dates)
