"""The complaint definition: the landlord's understanding of a complaint.

At the start of each stage (on acceptance at stage 1, on escalation at stage 2)
the landlord writes down what it takes the complaint to be and what the
resident wants as a result, and asks the resident where either is unclear (5.6). It also says which
aspects it is, and is not, responsible for (5.7). Every point of the definition
must later be answered with a decision and reasons (6.7, 6.18).

>>> from complaintcode import ComplaintDefinition
>>> d = ComplaintDefinition(
...     understanding="The kitchen tap has leaked since March and two repair visits were missed.",
...     points=("the leaking tap", "the missed appointments"),
...     outcomes_sought=("repair the tap", "compensation for the missed visits"),
...     responsible_for=("repairs to the tap",),
... )
>>> d.problems()
()
>>> [str(f) for f in ComplaintDefinition(understanding="", points=()).problems()]
['5.6: the complaint definition does not set out our understanding of the complaint', '5.6: the complaint definition lists no point of complaint', '5.6: the complaint definition states no outcome sought and asks no clarification']
"""

from __future__ import annotations

from typing import Any

import attrs

from complaintcode._codec import check_text, shown
from complaintcode._fast_readers import implied_by, read_as_record
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from complaintcode.provisions import provision

__all__ = ["ComplaintDefinition"]


def _texts(value: object) -> tuple[str, ...]:
    """Convert a string or an iterable of strings to a tuple of strings."""
    if isinstance(value, str):
        check_text(value, "")
        return (value,)
    if isinstance(value, (list, tuple)):
        out = tuple(value)
        for item in out:  # the usual case, texts of ASCII, checked without a call each
            if item.__class__ is not str or not item.isascii():
                break
        else:
            return out
        for i, item in enumerate(out):
            if not isinstance(item, str):
                raise InvalidRecord(f"expected text, got {type(item).__name__}", path=f"[{i}]")
            check_text(item, f"[{i}]")
        return out
    raise InvalidRecord(f"expected a list of texts, got {type(value).__name__}")


def _texts_at(value: object, name: str) -> tuple[str, ...]:
    """:func:`_texts` for the field ``name``, refusing at the field's path."""
    try:
        return _texts(value)
    except InvalidRecord as err:
        raise InvalidRecord(err.message, path=f"{name}{err.path or ''}") from None


# One converter a field, each naming its field (attrs passes a converter the value alone).
def _points(value: object) -> tuple[str, ...]:
    return _texts_at(value, "points")


def _outcomes_sought(value: object) -> tuple[str, ...]:
    return _texts_at(value, "outcomes_sought")


def _responsible_for(value: object) -> tuple[str, ...]:
    return _texts_at(value, "responsible_for")


def _not_responsible_for(value: object) -> tuple[str, ...]:
    return _texts_at(value, "not_responsible_for")


def _clarification_sought(value: object) -> tuple[str, ...]:
    return _texts_at(value, "clarification_sought")


def _text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidRecord(f"expected text, got {type(value).__name__}", path=attribute.name)
    check_text(value, attribute.name)


# Reading a stored definition checks each text as these do, and gives the lists as tuples.
for _check in (
    _points,
    _outcomes_sought,
    _responsible_for,
    _not_responsible_for,
    _clarification_sought,
):
    implied_by(_check, lambda kind: kind == tuple[str, ...])
implied_by(_text, lambda kind: kind is str)


@read_as_record
@attrs.frozen(kw_only=True)
class ComplaintDefinition:
    """The landlord's understanding of a complaint (5.6, 5.7).

    Attributes:
        understanding: Our understanding of the complaint, in a sentence or two.
        points: The points of complaint, each of which a response must answer
            with a decision and reasons (6.7, 6.18).
        outcomes_sought: The outcomes the resident is seeking (5.6).
        responsible_for: The aspects the landlord is responsible for (5.7).
        not_responsible_for: The aspects it is not responsible for, and why (5.7).
        clarification_sought: Questions asked of the resident where the complaint
            was unclear (5.6).
    """

    understanding: str = attrs.field(validator=_text)
    points: tuple[str, ...] = attrs.field(converter=_points)
    outcomes_sought: tuple[str, ...] = attrs.field(default=(), converter=_outcomes_sought)
    responsible_for: tuple[str, ...] = attrs.field(default=(), converter=_responsible_for)
    not_responsible_for: tuple[str, ...] = attrs.field(default=(), converter=_not_responsible_for)
    clarification_sought: tuple[str, ...] = attrs.field(default=(), converter=_clarification_sought)

    def problems(self) -> tuple[Finding, ...]:
        """What the definition lacks under 5.6 and 5.7, as findings.

        Returns:
            One :class:`~complaintcode.findings.Finding` per gap; empty when the
            definition is complete.

        >>> ComplaintDefinition(
        ...     understanding="Damp in the bedroom.",
        ...     points=("damp",),
        ...     clarification_sought=("Which room?",),
        ... ).problems()
        ()
        """
        strip = str.strip
        if (
            strip(self.understanding)
            and any(map(strip, self.points))
            and (
                any(map(strip, self.outcomes_sought)) or any(map(strip, self.clarification_sought))
            )
        ):
            return ()  # complete: the common case, answered without building anything
        p56 = provision("5.6")
        found: list[Finding] = []
        if not self.understanding.strip():
            found.append(
                Finding(
                    provision=p56,
                    message="the complaint definition does not set out our understanding "
                    "of the complaint",
                )
            )
        if not any(p.strip() for p in self.points):
            found.append(
                Finding(
                    provision=p56, message="the complaint definition lists no point of complaint"
                )
            )
        if not any(o.strip() for o in self.outcomes_sought) and not any(
            c.strip() for c in self.clarification_sought
        ):
            found.append(
                Finding(
                    provision=p56,
                    message="the complaint definition states no outcome sought and asks "
                    "no clarification",
                )
            )
        return tuple(found)

    def to_dict(self) -> dict[str, Any]:
        """The definition as plain JSON-ready data.

        >>> ComplaintDefinition(understanding="u", points=("p",)).to_dict()["points"]
        ['p']
        """
        return {
            "understanding": self.understanding,
            "points": list(self.points),
            "outcomes_sought": list(self.outcomes_sought),
            "responsible_for": list(self.responsible_for),
            "not_responsible_for": list(self.not_responsible_for),
            "clarification_sought": list(self.clarification_sought),
        }

    @classmethod
    def from_dict(cls, data: object, *, path: str = "definition") -> ComplaintDefinition:
        """Rebuild a definition from :meth:`to_dict` output.

        Raises:
            InvalidRecord: With the path of the bad field.

        >>> d = ComplaintDefinition(understanding="u", points=("p",))
        >>> ComplaintDefinition.from_dict(d.to_dict()) == d
        True
        """
        if not isinstance(data, dict):
            raise InvalidRecord(f"expected an object, got {type(data).__name__}", path=path)
        known = _FIELD_NAMES
        if not known.issuperset(data):
            unknown = sorted((k for k in data if k not in known), key=repr)
            raise InvalidRecord(f"unknown field {shown(unknown[0])}", path=path)
        for required in ("understanding", "points"):
            if required not in data:
                raise InvalidRecord("missing required field", path=f"{path}.{required}")
        kwargs: dict[str, Any] = {}
        for name, value in data.items():
            if name == "understanding":
                if not isinstance(value, str):
                    raise InvalidRecord(
                        f"expected text, got {type(value).__name__}", path=f"{path}.{name}"
                    )
                kwargs[name] = value
            elif not isinstance(value, list):  # stored as an array, even of one text
                raise InvalidRecord(
                    f"expected a list of texts, got {type(value).__name__}", path=f"{path}.{name}"
                )
            else:
                try:
                    kwargs[name] = _texts(value)
                except InvalidRecord as err:
                    raise InvalidRecord(
                        err.message, path=f"{path}.{name}{err.path or ''}"
                    ) from None
        try:
            return cls(**kwargs)
        except InvalidRecord as err:
            raise InvalidRecord(
                err.message, path=f"{path}.{err.path}" if err.path else path
            ) from None


#: The fields :meth:`ComplaintDefinition.from_dict` accepts.
_FIELD_NAMES = frozenset(f.name for f in attrs.fields(ComplaintDefinition))
