"""The Tenant Satisfaction Measures CH01 and CH02 by tenure (behind ``reporting``).

The Regulator of Social Housing asks for CH01 and CH02 for low-cost rental
accommodation and for low-cost home ownership apart, each relative to its own
homes, as well as for the two together. A complaint counts under the tenure
recorded on it (:attr:`~complaintcode.complaint.Complaint.tenure`) by the same
rules as the measures for all complaints; a complaint with no tenure recorded
counts in the measures for all complaints only, and the report says how many
there were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from complaintcode.complaint import TENURES
from complaintcode.errors import InvalidRecord
from complaintcode.reporting._counts import Counts, TenureCounts, check_tenure
from complaintcode.reporting._measures import CH01, CH02, ReportOptions, ch01, ch02, check_homes

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__: list[str] = []

#: Each tenure in plain words, for the rendered report.
TENURE_LABELS: dict[str, str] = {
    "low_cost_rental": "Low-cost rental",
    "low_cost_home_ownership": "Low-cost home ownership",
}


def homes_by_tenure(value: object) -> tuple[tuple[str, int], ...]:
    """Homes per tenure, as (tenure, homes) pairs in the order of ``TENURES``.

    Takes a mapping or pairs; each tenure once, each number of homes above 0.

    Raises:
        InvalidRecord: For an unknown tenure, a tenure given twice, or homes not above 0.
    """
    pairs: Any = tuple(value.items()) if isinstance(value, dict) else value
    if isinstance(pairs, (str, bytes)) or not isinstance(pairs, (tuple, list)):
        raise InvalidRecord(
            "expected the homes of each tenure as a mapping such as {'low_cost_rental': 4000}",
            path="homes_by_tenure",
        )
    found: dict[str, int] = {}
    for index, pair in enumerate(pairs):
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise InvalidRecord("expected a (tenure, homes) pair", path=f"homes_by_tenure[{index}]")
        tenure = check_tenure(pair[0], path=f"homes_by_tenure[{index}]")
        if tenure in found:
            raise InvalidRecord(
                f"the tenure {tenure!r} is given twice", path=f"homes_by_tenure[{index}]"
            )
        try:
            found[tenure] = check_homes(pair[1])
        except InvalidRecord as err:
            raise InvalidRecord(err.message, path=f"homes_by_tenure.{tenure}") from None
    return tuple((t, found[t]) for t in TENURES if t in found)


@attrs.frozen(kw_only=True)
class TenureMeasures:
    """CH01 and CH02 for the complaints of one tenure, or of all of them together.

    Attributes:
        tenure: The tenure, or ``None`` for all complaints together.
        homes: The homes of the tenure (all homes together), or ``None`` if not given.
        ch01: CH01 relative to those homes, or ``None`` without them.
        ch02: CH02 for the tenure's responses.
    """

    tenure: str | None
    homes: int | None
    ch01: CH01 | None
    ch02: CH02

    @property
    def label(self) -> str:
        """The tenure in plain words, or ``"All tenures together"``."""
        return "All tenures together" if self.tenure is None else TENURE_LABELS[self.tenure]


def measures_by_tenure(
    counts: Counts, homes: int, tenure_homes: Mapping[str, int], options: ReportOptions
) -> tuple[TenureMeasures, ...]:
    """CH01 and CH02 for each tenure, then for all complaints together."""
    by_tenure = {t.tenure: t for t in counts.tenures}
    out = []
    for tenure in TENURES:
        counted = by_tenure.get(tenure, TenureCounts(tenure=tenure)).counts
        given = tenure_homes.get(tenure)
        out.append(
            TenureMeasures(
                tenure=tenure,
                homes=given,
                ch01=None if given is None else ch01(counted, homes=given, options=options),
                ch02=ch02(counted),
            )
        )
    together = TenureMeasures(
        tenure=None, homes=homes, ch01=ch01(counts, homes=homes, options=options), ch02=ch02(counts)
    )
    return (*out, together)
