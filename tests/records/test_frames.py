"""Complaints and findings as pandas data frames: the record (5.12) and its audit, typed.

The frames carry the columns of ``to_records`` with types an analyst can compute
with: dates as dates, the stage as a nullable integer, the edition and the
provision as categoricals that do not depend on the data. A finding's date and
edition have the complaint's types, so a 6.2 finding joins its complaint without
casting. pandas is optional: these tests skip without it, and ``import
complaintcode`` never loads it.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from complaintcode.complaint import Complaint
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from complaintcode.provisions import provision
from complaintcode.records import (
    COMPLAINT_COLUMNS,
    FINDING_COLUMNS,
    example_complaints,
    findings_dataframe,
    to_dataframe,
    to_records,
)

pd = pytest.importorskip("pandas", reason="the data frames need pandas (complaintcode[pandas])")

D = dt.date
AS_OF = D(2025, 4, 30)


def test_importing_the_package_never_loads_pandas() -> None:
    """The optional dependency is loaded only when a frame is asked for."""
    code = (
        "import sys, complaintcode, complaintcode.records, complaintcode.cli; "
        "print('pandas' in sys.modules)"
    )
    out = subprocess.run(  # noqa: S603  # our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout == "False\n"


def test_the_complaint_frame_has_the_rows_columns_typed() -> None:
    """5.12: a row per complaint, the columns of to_records, each with its type."""
    complaints = example_complaints()
    frame = to_dataframe(complaints)
    assert list(frame.columns) == list(COMPLAINT_COLUMNS)
    assert len(frame) == 300
    types = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert types["reference"] == "string"
    assert types["received"] == "datetime64[ns]"
    assert types["stage_2_responded"] == "datetime64[ns]"
    assert (types["stage"], types["stage_1_extended_by"]) == ("Int64", "Int64")
    assert (types["edition"], types["status"]) == ("category", "category")
    assert (types["is_open"], types["stage_1_handler"], types["stage_2_ended"]) == (
        "bool",
        "string",
        "string",
    )
    assert list(frame["edition"].cat.categories) == [2022, 2024]
    first = frame.iloc[0]
    assert (first["reference"], first["received"], first["stage"]) == (
        "RH-0001",
        pd.Timestamp("2024-04-01"),
        1,
    )
    assert first["stage_1_response_due"].date() == D(2024, 4, 22)
    assert pd.isna(first["stage_2_started"])
    assert pd.isna(first["stage_2_extended_by"])


def test_frame_values_equal_the_rows() -> None:
    """Every value of the frame is the value of to_records, typed (None as missing)."""
    complaints = example_complaints()[:40]
    frame = to_dataframe(complaints)
    for index, row in enumerate(to_records(complaints)):
        for column, value in row.items():
            cell = frame.iloc[index][column]
            if value is None:
                assert pd.isna(cell), (index, column)
            elif isinstance(value, dt.date):
                assert cell == pd.Timestamp(value), (index, column)
            else:
                assert cell == value, (index, column)


def test_the_findings_frame_joins_the_complaints_without_casting() -> None:
    """6.2: a late acknowledgement's finding joins its complaint on reference and edition."""
    complaints = example_complaints()
    findings = [f for c in complaints for f in c.audit(AS_OF)]
    found = findings_dataframe(findings)
    assert list(found.columns) == list(FINDING_COLUMNS)
    assert len(found) == 190
    frame = to_dataframe(complaints)
    assert found["edition"].dtype == frame["edition"].dtype
    assert found["on"].dtype == frame["received"].dtype
    assert found["reference"].dtype == frame["reference"].dtype
    joined = found.merge(frame, on=["reference", "edition"], validate="many_to_one")
    assert len(joined) == 190
    assert str(joined["edition"].dtype) == "category"
    late = joined[joined["code"] == "6.2"].iloc[0]
    assert (late["reference"], late["on"], late["due"], late["stage_1_acknowledged"]) == (
        "RH-0002",
        pd.Timestamp("2024-04-12"),
        pd.Timestamp("2024-04-09"),
        pd.Timestamp("2024-04-12"),
    )


def test_provisions_sort_in_code_order() -> None:
    """The provision categorical is ordered as the Code: 6.2 before 6.10 before 6.13."""
    frame = findings_dataframe(
        [
            _finding("6.13"),
            _finding("6.10"),
            _finding("6.2"),
        ]
    )
    assert frame["provision"].cat.ordered
    assert list(frame.sort_values("provision")["provision"]) == ["6.2", "6.10", "6.13"]
    assert frame["provision"].cat.categories[0] == "1.2"


def _finding(number: str) -> Finding:
    return Finding(provision=provision(number), message="found", reference="C-1", on=D(2024, 5, 3))


def test_a_2022_finding_keeps_its_edition() -> None:
    """4.1 and 5.1 (2022): a 2022 complaint's findings are of the 2022 edition in the frame too."""
    c = Complaint.receive("C-22", received=D(2024, 3, 1))
    frame = findings_dataframe(c.audit(D(2024, 6, 1)))
    assert list(frame["code"]) == ["4.1", "5.1"]
    assert frame["edition"].tolist() == [2022, 2022]


def test_empty_input_gives_empty_typed_frames() -> None:
    """No complaints and no findings: no rows, the same columns and types."""
    frame = to_dataframe([])
    assert (list(frame.columns), len(frame)) == (list(COMPLAINT_COLUMNS), 0)
    assert str(frame["received"].dtype) == "datetime64[ns]"
    found = findings_dataframe([])
    assert (list(found.columns), str(found["edition"].dtype)) == (list(FINDING_COLUMNS), "category")


def test_the_wrong_kind_of_item_is_refused() -> None:
    """Findings to to_dataframe, complaints to findings_dataframe, or anything else."""
    c = Complaint.receive("C-1", received=D(2024, 5, 3))
    findings = c.audit(D(2024, 6, 1))
    with pytest.raises(InvalidRecord) as info:
        to_dataframe(findings)  # type: ignore[arg-type]  # the wrong input is the point
    assert str(info.value) == (
        "items: expected complaints, got findings: findings_dataframe takes findings"
    )
    with pytest.raises(InvalidRecord) as info:
        findings_dataframe([c])  # type: ignore[list-item]  # the wrong input is the point
    assert (
        str(info.value) == "items: expected findings, got complaints: to_dataframe takes complaints"
    )
    with pytest.raises(InvalidRecord) as info:
        to_dataframe(["C-1"])  # type: ignore[list-item]  # the wrong input is the point
    assert str(info.value) == "items[0]: expected a Complaint or a Finding, got str"


def test_without_pandas_the_error_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A frame asked for without pandas raises ImportError naming the extra."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError) as info:
        to_dataframe([])
    assert str(info.value) == "data frames need pandas: pip install 'complaintcode[pandas]'"
