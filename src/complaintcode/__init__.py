"""complaintcode: the Housing Ombudsman's Complaint Handling Code as types and rules.

Everything public is importable from the package itself:

>>> import complaintcode
>>> complaintcode.provision("6.13").number
'6.13'
"""

from __future__ import annotations

from complaintcode.definition import ComplaintDefinition
from complaintcode.editions import (
    CITATION_KEYS,
    CODE_2022,
    CODE_2024,
    EDITIONS_BY_YEAR,
    Edition,
    StageTimescales,
    edition_by_year,
    edition_for,
)
from complaintcode.errors import (
    ActionNotAllowed,
    ComplaintCodeError,
    IncompleteLetter,
    InvalidRecord,
    ProvisionViolation,
)
from complaintcode.findings import Finding
from complaintcode.provisions import Provision, provision, provisions, section_title
from complaintcode.stages import Stage

__all__ = [
    "CITATION_KEYS",
    "CODE_2022",
    "CODE_2024",
    "EDITIONS_BY_YEAR",
    "ActionNotAllowed",
    "ComplaintCodeError",
    "ComplaintDefinition",
    "Edition",
    "Finding",
    "IncompleteLetter",
    "InvalidRecord",
    "Provision",
    "ProvisionViolation",
    "Stage",
    "StageTimescales",
    "edition_by_year",
    "edition_for",
    "provision",
    "provisions",
    "section_title",
]
