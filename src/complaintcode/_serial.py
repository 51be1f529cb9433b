"""Reading and writing the JSON form of records: one place for every field kind."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from complaintcode.errors import InvalidRecord, ProvisionViolation

if TYPE_CHECKING:
    from collections.abc import Callable

    import attrs


def dump_value(value: object) -> Any:
    """Convert a field's value to JSON-ready data."""
    if isinstance(value, enum.Enum):
        out = int(value) if isinstance(value, enum.IntEnum) else value.value
    elif value is None or isinstance(value, (str, bool, int, float)):
        out = value
    elif isinstance(value, (dt.date, dt.datetime)):
        out = value.isoformat()
    elif isinstance(value, Decimal):
        out = str(value)
    elif isinstance(value, (tuple, list)):
        out = [dump_value(v) for v in value]
    elif callable(getattr(value, "to_dict", None)):
        out = value.to_dict()  # type: ignore[attr-defined]  # checked on the line above
    else:
        raise InvalidRecord(f"cannot write a {type(value).__name__} as JSON")
    return out


def _date(value: object, path: str) -> dt.date:
    if not isinstance(value, str):
        raise InvalidRecord(f"expected an ISO date string, got {type(value).__name__}", path=path)
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidRecord(f"not an ISO date (YYYY-MM-DD): {value!r}", path=path) from None
    if len(value) != 10:
        raise InvalidRecord(f"not an ISO date (YYYY-MM-DD): {value!r}", path=path)
    return parsed


def _datetime(value: object, path: str) -> dt.datetime:
    if not isinstance(value, str):
        raise InvalidRecord(
            f"expected an ISO date-time string, got {type(value).__name__}", path=path
        )
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidRecord(f"not an ISO date-time: {value!r}", path=path) from None
    if parsed.tzinfo is None:
        raise InvalidRecord(f"a time of receipt needs a UTC offset: {value!r}", path=path)
    return parsed


def _text(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidRecord(f"expected text, got {type(value).__name__}", path=path)
    return value


def _int(value: object, path: str) -> int:
    if type(value) is not int:
        raise InvalidRecord(f"expected a whole number, got {value!r}", path=path)
    return value


def _bool(value: object, path: str) -> bool:
    if type(value) is not bool:
        raise InvalidRecord(f"expected true or false, got {value!r}", path=path)
    return value


def _stage(value: object, path: str) -> Any:
    from complaintcode.stages import Stage  # noqa: PLC0415  # avoids an import cycle

    if type(value) is not int:
        raise InvalidRecord(f"expected the stage as 1 or 2, got {value!r}", path=path)
    try:
        return Stage.parse(value)
    except InvalidRecord as err:
        raise InvalidRecord(err.message, path=path) from None
    except ProvisionViolation as err:
        raise InvalidRecord(str(err), path=path) from None


def _definition(value: object, path: str) -> Any:
    from complaintcode.definition import ComplaintDefinition  # noqa: PLC0415  # import cycle

    return ComplaintDefinition.from_dict(value, path=path)


def _letter(value: object, path: str) -> Any:
    if value is None:
        return None
    from complaintcode.letters import letter_from_dict  # noqa: PLC0415  # import cycle

    return letter_from_dict(value, path=path)


def _decision(value: object, path: str) -> Any:
    from complaintcode.exclusions import ExclusionDecision  # noqa: PLC0415  # import cycle

    return ExclusionDecision.from_dict(value, path=path)


def _optional(load: Callable[[object, str], Any]) -> Callable[[object, str], Any]:
    def read(value: object, path: str) -> Any:
        return None if value is None else load(value, path)

    return read


_LOADERS: dict[str, Callable[[object, str], Any]] = {
    "date": _date,
    "optional_date": _optional(_date),
    "optional_datetime": _optional(_datetime),
    "text": _text,
    "optional_text": _optional(_text),
    "int": _int,
    "bool": _bool,
    "stage": _stage,
    "definition": _definition,
    "letter": _letter,
    "decision": _decision,
}


def load_field(kind: str, value: object, path: str) -> Any:
    """Read one field's JSON value by its kind, raising InvalidRecord with its path."""
    return _LOADERS[kind](value, path)


_TYPES: dict[str, tuple[type, str]] = {
    "date": (dt.date, "a date"),
    "datetime": (dt.datetime, "an aware datetime"),
    "text": (str, "text"),
    "int": (int, "a whole number"),
    "bool": (bool, "true or false"),
}


def field_validator(kind: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """A type validator for a field of a JSON kind, for values built in Python."""
    optional = kind.startswith("optional_")
    base = kind.removeprefix("optional_")
    expected = _TYPES.get(base)

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if expected is None or (optional and value is None):
            return
        ok = isinstance(value, expected[0])
        if base == "date":
            ok = ok and not isinstance(value, dt.datetime)
        elif base == "int":
            ok = ok and not isinstance(value, bool)
        elif base == "datetime":
            ok = ok and getattr(value, "tzinfo", None) is not None
        if not ok:
            raise InvalidRecord(
                f"expected {expected[1]}, got {type(value).__name__}", path=attribute.name
            )

    return validate
