"""What a complaint is about and who made it: the landlord's categories, and the tenure.

A complaint may carry categories from the landlord's own list, so that the
annual report and the reports to the Member Responsible for Complaints can
count complaints by what they are about (9.7 asks for the categories of
complaints). The list is the landlord's: any text is a category.
:data:`DEFAULT_CATEGORIES` is a starting list for a landlord without one.

A complaint may also carry the tenure of the home it concerns, so that the
Tenant Satisfaction Measures CH01 and CH02 can be reported for low-cost rental
and low-cost home ownership apart, as the Regulator of Social Housing asks.
"""

from __future__ import annotations

from typing import Any, Final

from complaintcode._codec import check_text, shown
from complaintcode.errors import InvalidRecord

__all__ = ["DEFAULT_CATEGORIES", "TENURES"]

#: A starting list of complaint categories, for a landlord without its own. The
#: first five are the ones most landlords' reports name; the rest follow the kinds
#: of complaint the Housing Ombudsman's published decisions are filed under
#: (property condition, estate management, charges, tenancy management, moving
#: home, health and safety, complaint handling). A landlord may use any other text.
DEFAULT_CATEGORIES: Final[tuple[str, ...]] = (
    "repairs",
    "damp and mould",
    "anti-social behaviour",
    "staff conduct",
    "communication",
    "complaint handling",
    "estate and communal areas",
    "rent and service charges",
    "tenancy management",
    "moving home",
    "health and safety",
    "reasonable adjustments",
)

#: The tenures the Tenant Satisfaction Measures are reported by: low-cost rental
#: accommodation and low-cost home ownership.
TENURES: Final[tuple[str, ...]] = ("low_cost_rental", "low_cost_home_ownership")


def categories(value: object) -> tuple[str, ...]:
    """Read categories: text, trimmed, none blank, each once (compared without case).

    A single string is one category; a list or a tuple is read in order, and a
    category repeated (in any case) is kept once, in its first spelling.

    Raises:
        InvalidRecord: For anything but text, or a blank category, naming its position.

    >>> categories([" repairs ", "Damp and mould", "Repairs"])
    ('repairs', 'Damp and mould')
    """
    if type(value) is tuple and len(value) < 2 and (not value or _as_is(value[0])):
        return value  # no category, or one already trimmed: the usual case, kept as it is
    items: Any = (value,) if isinstance(value, str) else value
    if not isinstance(items, (tuple, list)):
        raise InvalidRecord(
            f"expected the categories as a list of text, got {type(value).__name__}",
            path="categories",
        )
    kept: list[str] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise InvalidRecord(
                f"expected a category as text, got {type(item).__name__}",
                path=f"categories[{index}]",
            )
        check_text(item, f"categories[{index}]")
        text = item.strip()
        if not text:
            raise InvalidRecord("a category must not be blank", path=f"categories[{index}]")
        key = text.casefold()
        if key not in seen:
            seen.add(key)
            kept.append(text)
    return tuple(kept)


def _as_is(item: object) -> bool:
    """Whether a category is ASCII text, not blank, that trimming leaves as it is."""
    return type(item) is str and item.isascii() and item.strip() == item != ""


def tenure(value: object) -> str | None:
    """Check a tenure: ``None``, or one of :data:`TENURES` exactly.

    Raises:
        InvalidRecord: For anything else.

    >>> tenure("low_cost_home_ownership")
    'low_cost_home_ownership'
    """
    if value is None or (isinstance(value, str) and value in TENURES):
        return value
    known = " or ".join(repr(t) for t in TENURES)
    raise InvalidRecord(f"the tenure is {known}, not {shown(value)}", path="tenure")
