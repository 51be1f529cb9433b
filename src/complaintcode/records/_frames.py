"""Complaints and findings as pandas data frames (behind :mod:`complaintcode.records`).

pandas is optional (``pip install 'complaintcode[pandas]'``) and imported only
when a frame is asked for, so ``import complaintcode`` never loads it. The
frames have the columns of :func:`~complaintcode.records.to_records`, typed:
dates as ``datetime64[ns]`` (pandas has no type for a day alone: each is at
midnight), stages and extensions as nullable integers (``Int64``), text as
``string``, and the edition, the provision, the status and the severity as
categoricals whose categories do not depend on the data, so that two frames
join on them without casting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, get_args

from complaintcode.complaint import Complaint
from complaintcode.complaint.lifecycle import StateId
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from complaintcode.provisions import EDITIONS, provisions
from complaintcode.records._rows import (
    COMPLAINT_COLUMNS,
    FINDING_COLUMNS,
    complaint_row,
    items_of,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pandas as pd

__all__ = ["findings_dataframe", "to_dataframe"]

_INSTALL = "pip install 'complaintcode[pandas]'"
#: The type of a date column: pandas has none for a day alone, so each day is at midnight.
_DATES = "datetime64[ns]"


def _pandas() -> Any:  # noqa: ANN401  # the module, typed by its stubs where it is used
    try:
        import pandas as pd  # noqa: PLC0415  # optional: loaded only when a frame is asked for
    except ImportError as err:
        raise ImportError(f"data frames need pandas: {_INSTALL}") from err
    return pd


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _categories(pandas: Any) -> dict[str, Any]:  # noqa: ANN401  # pandas, as _pandas gives it
    """The categorical types shared by both frames, the same whatever the data."""
    numbers = sorted({p.number for year in EDITIONS for p in provisions(year)}, key=_number_key)
    return {
        "edition": pandas.CategoricalDtype(sorted(EDITIONS), ordered=True),
        "provision": pandas.CategoricalDtype(numbers, ordered=True),
        "status": pandas.CategoricalDtype(list(get_args(StateId))),
        "severity": pandas.CategoricalDtype(["breach", "warning"]),
    }


def _complaint_types(pandas: Any) -> dict[str, Any]:  # noqa: ANN401  # pandas, as _pandas gives it
    categories = _categories(pandas)
    types: dict[str, Any] = {}
    for column in COMPLAINT_COLUMNS:
        if column in ("edition", "status"):
            types[column] = categories[column]
        elif column == "is_open":
            types[column] = "bool"
        elif column == "stage" or column.endswith("_extended_by"):
            types[column] = "Int64"
        elif column.endswith(("_handler", "_ended")) or column == "reference":
            types[column] = "string"
        else:
            types[column] = _DATES
    return types


def _finding_types(pandas: Any) -> dict[str, Any]:  # noqa: ANN401  # pandas, as _pandas gives it
    categories = _categories(pandas)
    special = {"provision", "edition", "severity"}
    return {
        column: categories[column]
        if column in special
        else _DATES
        if column in ("on", "due")
        else "string"
        for column in FINDING_COLUMNS
    }


def _frame(pandas: Any, rows: list[dict[str, Any]], types: dict[str, Any]) -> pd.DataFrame:  # noqa: ANN401
    """A frame of the rows, a column per type, each column cast to its type."""
    columns: dict[str, Any] = {}
    for name, dtype in types.items():
        values = pandas.Series([row[name] for row in rows], dtype=object)
        if dtype == _DATES:
            values = pandas.to_datetime(values)
        columns[name] = values.astype(dtype)
    frame: pd.DataFrame = pandas.DataFrame(columns, columns=list(types))
    return frame


def to_dataframe(complaints: Iterable[Complaint] | Complaint) -> pd.DataFrame:
    """Complaints as a pandas data frame: a row each, the columns of :func:`to_records`.

    Dates are ``datetime64[ns]`` (midnight of the day); ``stage`` and the
    stages' ``extended_by`` are nullable integers (``Int64``); ``edition``
    (2022, 2024) and ``status`` (the lifecycle's states) are categoricals;
    ``reference``, the handlers and how a stage ended are ``string``;
    ``is_open`` is ``bool``. A value that is ``None`` in the row is missing
    (``<NA>`` or ``NaT``) in the frame.

    Args:
        complaints: The complaints, or one complaint.

    Returns:
        The data frame, in the order given.

    Raises:
        ImportError: If pandas is not installed.
        InvalidRecord: For anything that is not a complaint, with its path.
    """
    pandas = _pandas()
    kind, items = items_of(complaints)
    if kind is Finding:
        raise InvalidRecord(
            "expected complaints, got findings: findings_dataframe takes findings", path="items"
        )
    rows = [complaint_row(c) for c in items if isinstance(c, Complaint)]
    return _frame(pandas, rows, _complaint_types(pandas))


def findings_dataframe(findings: Iterable[Finding] | Finding) -> pd.DataFrame:
    """Findings as a pandas data frame: a row each, the columns of :meth:`Finding.to_dict`.

    ``on`` and ``due`` are ``datetime64[ns]`` and ``edition`` the same
    categorical of years as in :func:`to_dataframe`, so findings join the
    complaints' frame on ``reference`` (and ``edition``) without casting;
    ``provision`` is a categorical of every provision number of both editions,
    ordered as the Code orders them (6.2 before 6.10); ``severity`` a
    categorical of ``breach`` and ``warning``; the rest ``string``.

    Args:
        findings: The findings, or one finding.

    Returns:
        The data frame, in the order given.

    Raises:
        ImportError: If pandas is not installed.
        InvalidRecord: For anything that is not a finding, with its path.
    """
    pandas = _pandas()
    kind, items = items_of(findings)
    if kind is Complaint:
        raise InvalidRecord(
            "expected findings, got complaints: to_dataframe takes complaints", path="items"
        )
    rows = [_finding_row(f) for f in items if isinstance(f, Finding)]
    return _frame(pandas, rows, _finding_types(pandas))


def _finding_row(finding: Finding) -> dict[str, Any]:
    """The finding's row, its dates and edition as values rather than text."""
    return {
        **finding.to_dict(),
        "edition": finding.provision.edition,
        "on": finding.on,
        "due": finding.due,
    }
