"""Plain data for attrs records, driven by their type annotations: one codec for all.

``to_plain`` turns a record into JSON-ready data; ``from_plain`` reads it back,
checking every value against the field's annotation and naming the path of the
first bad one. Supported annotations: ``str``, ``int``, ``bool``, ``Decimal``
(written as a string), ``datetime.date`` (ISO), an aware ``datetime.datetime``
(ISO with its offset), enums (by value, or through the enum's own ``parse``),
attrs classes (nested objects; a class with its own ``to_dict``/``from_dict``
is written and read by them, or by its ``_from_stored`` where it has one: data
read here is stored history, which a class may accept even where it would
refuse a new value), ``tuple[X, ...]`` (arrays), ``X | None``, and a
union of record classes that each name themselves with a ``json_tag`` class
attribute (written first under ``"type"``, and read back by it).

The guarantees every reader keeps (``docs/errors.md``) are checked here, where
loading happens, so that a faster reader keeps them by calling the same checks:

- :func:`loads` parses JSON text, refusing a key given twice in one object, a
  lone surrogate, ``NaN`` and ``Infinity``, and nesting deeper than the parser
  can go, each as :class:`~complaintcode.errors.InvalidRecord` with its path;
- stored values are read strictly: a stored enum (a stage, an outcome) is its
  exact stored value (:func:`stored_enum`), so that the reader accepts what the
  JSON Schema in ``data/`` accepts and nothing else;
- a date is a day from :data:`MIN_RECORD_DATE` to :data:`MAX_RECORD_DATE`
  (:func:`check_record_date`), and a text holds no lone surrogate
  (:func:`check_text`), whether read from JSON or given in Python; a count of
  working days is at most :data:`MAX_WORKING_DAYS`;
- a message shows a value through :func:`shown`, which is short and safe for
  any value (nested 100,000 deep, or an integer of 5,000 digits);
- CSV is written by :func:`write_csv`, which neutralises a cell a spreadsheet
  would run as a formula (:func:`csv_cell`) and quotes every line break.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import re
import reprlib
import types
import typing
from decimal import Decimal, InvalidOperation
from typing import Any, Final, TypeVar

import attrs

from complaintcode.errors import ComplaintCodeError, InvalidRecord

_T = TypeVar("_T")

#: The key under which a tagged record writes its ``json_tag``.
TAG = "type"

#: The first day a record may hold.
MIN_RECORD_DATE: Final = dt.date(1900, 1, 1)
#: The last day a record may hold: a year before the calendars' last day
#: (2200-12-31), so that every deadline counted from a recorded day falls
#: inside the calendars' range.
MAX_RECORD_DATE: Final = dt.date(2199, 12, 31)
#: The most working days a count in a record may hold, for the same reason: the
#: extensions of one stage together, the length an extension notice gives, the
#: interval agreed for updates (5.9).
MAX_WORKING_DAYS: Final = 200

_RANGE: Final = f"the supported range is {MIN_RECORD_DATE} to {MAX_RECORD_DATE}"
MIN_ORDINAL: Final = MIN_RECORD_DATE.toordinal()
MAX_ORDINAL: Final = MAX_RECORD_DATE.toordinal()


# --- showing a value in a message ------------------------------------------------

_SHOWN = reprlib.Repr()
_SHOWN.maxlevel = 6
_SHOWN.maxstring = 80
_SHOWN.maxother = 80
_SHOWN.maxlong = 40
#: Integers longer than this many bits are described, not converted: the
#: interpreter refuses to turn an integer of more than 4,300 digits into text.
_LONGEST_INT_BITS: Final = 4_000


def shown(value: object) -> str:
    """A value as a message shows it: its ``repr``, cut short, for any value at all.

    A list nested 100,000 deep, a string of a million characters or an
    integer of 5,000 digits each gives a short text, never an error.

    >>> shown("stage 1"), shown(10**5000), shown([[[[[[[[1]]]]]]]])
    ("'stage 1'", 'a number of 5001 digits', '[[[[[[[...]]]]]]]')
    """
    if isinstance(value, int) and value.bit_length() > _LONGEST_INT_BITS:
        return f"a number of {_digits(abs(value))} digits"
    try:
        return _SHOWN.repr(value)
    except Exception:  # noqa: BLE001  # a value whose repr fails is still named
        return f"a {type(value).__name__}"


def _digits(value: int) -> int:
    """The number of decimal digits of a positive integer too long to convert to text."""
    digits = int((value.bit_length() - 1) * 0.30102999566398114)  # log10(2): at most one short
    while 10**digits <= value:
        digits += 1
    return digits


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def key_path(path: str, key: object) -> str:
    """The path of an object's key: ``path.key``, or ``path['odd key']`` for any other key.

    >>> key_path("events[0]", "on"), key_path("events[0]", "a b"), key_path("", 1)
    ('events[0].on', "events[0]['a b']", '[1]')
    """
    if isinstance(key, str) and _NAME.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{shown(key)}]"


def check_keys(data: dict[Any, Any], path: str) -> None:
    """Refuse an object with a key that is not text (as no JSON object has), naming the key.

    Raises:
        InvalidRecord: ``a field's name must be text``, at the key's path.
    """
    for key in data:
        if not isinstance(key, str):
            raise InvalidRecord(
                f"a field's name must be text, not {type(key).__name__}", path=key_path(path, key)
            )


def unknown_field(data: dict[Any, Any], names: typing.Container[str], path: str) -> InvalidRecord:
    """The error for an object with a field not in ``names``: a key not text, else the first unknown.

    Call it once an object is known to hold a field it should not, so that the
    common case costs nothing.
    """
    check_keys(data, path)
    unknown = sorted(k for k in data if k not in names)
    return InvalidRecord("unknown field", path=key_path(path, unknown[0]))


# --- JSON text -------------------------------------------------------------------


class _Twice(dict[str, Any]):
    """An object in which a key was given twice (read only to find where)."""

    twice: str = ""


class _NotJson(Exception):
    """A constant JSON does not have (``NaN``, ``Infinity``)."""


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _NotJson("twice")
    return out


def _marked(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) == len(pairs):
        return out
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            twice = _Twice(out)
            twice.twice = key
            return twice
        seen.add(key)
    return out  # pragma: no cover  # a shorter dict always has a repeated key


def _constant(name: str) -> Any:
    raise _NotJson(name)


SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


#: One decoder for every text: ``json.loads`` with these arguments makes a new one each call.
_STRICT = json.JSONDecoder(object_pairs_hook=_unique, parse_constant=_constant)


def _json_text(text: object) -> str:
    """The text ``json.loads`` would decode: bytes decoded as it decodes them, a BOM refused.

    Bytes are decoded in the encoding JSON's first bytes show, surrogates passed
    through (to be refused with their path), as ``json.loads`` does.
    """
    if isinstance(text, str):
        if text.startswith("\ufeff"):
            msg = "Unexpected UTF-8 BOM (decode using utf-8-sig)"
            raise json.JSONDecodeError(msg, text, 0)
        return text
    if isinstance(text, (bytes, bytearray)):
        return bytes(text).decode(json.detect_encoding(text), "surrogatepass")
    msg = f"the JSON object must be str, bytes or bytearray, not {text.__class__.__name__}"
    raise TypeError(msg)


def loads(text: str | bytes, *, what: str = "a record") -> Any:
    r"""Parse JSON text as a record is read: strictly, with the path of what is wrong.

    Args:
        text: The JSON text, or UTF-8 bytes of it.
        what: What the text should hold, for the message about nesting
            (``"a complaint"``).

    Returns:
        The JSON value.

    Raises:
        InvalidRecord: For text that is not JSON, holds ``NaN`` or
            ``Infinity``, is nested deeper than the parser goes, gives a key twice
            in one object or holds a lone surrogate (the last two with the path).

    >>> loads('{"a": 1, "b": {"c": 2, "c": 3}}')
    Traceback (most recent call last):
    ...
    complaintcode.errors.InvalidRecord: b.c: the key is given twice in one object
    >>> loads('["\ud800"]')
    Traceback (most recent call last):
    ...
    complaintcode.errors.InvalidRecord: [0]: the text holds a lone surrogate ('\ud800'), which cannot be written as UTF-8
    """
    try:
        text = _json_text(text)
        value = _STRICT.decode(text)
    except _NotJson as err:
        if str(err) != "twice":
            raise InvalidRecord(f"not JSON: {err} is not a JSON value") from None
        marked = json.loads(text, object_pairs_hook=_marked)
        found = _first(marked, lambda v: isinstance(v, _Twice))
        twice = found[1].twice if found is not None else ""
        raise InvalidRecord(
            "the key is given twice in one object",
            path=key_path(found[0] if found is not None else "", twice),
        ) from None
    except json.JSONDecodeError as err:
        where = (
            f"column {err.colno}" if err.lineno == 1 else f"line {err.lineno}, column {err.colno}"
        )
        raise InvalidRecord(f"not JSON: {err.msg} at {where}") from None
    except RecursionError:
        raise InvalidRecord(f"not JSON that {what} could be: nested too deeply") from None
    except (ValueError, TypeError) as err:  # a number too long to convert; not text at all
        raise InvalidRecord(f"not JSON: {err}") from None
    if _may_hold_surrogates(text):
        found = _first(value, _holds_surrogate)
        if found is not None:
            path, bad = found
            raise InvalidRecord(_surrogate_message(SURROGATE.findall(bad)[0]), path=path)
    return value


def _may_hold_surrogates(text: str) -> bool:
    if not text.isascii() and SURROGATE.search(text):
        return True
    return "\\u" in text and _ESCAPED_SURROGATE.search(text) is not None


def _holds_surrogate(value: object) -> bool:
    return isinstance(value, str) and SURROGATE.search(value) is not None


def _first(value: object, test: typing.Callable[[object], bool]) -> tuple[str, Any] | None:
    """The path of the first value or key in document order for which ``test`` holds, and it.

    Iterative, so that a value nested as deep as JSON allows is walked.
    """
    stack: list[tuple[str, object]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if test(item):
            return path, item
        if isinstance(item, dict):
            for key in item:
                if test(key):
                    return key_path(path, key), key
            stack.extend((key_path(path, k), v) for k, v in reversed(list(item.items())))
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(item))))
    return None


def _surrogate_message(char: str) -> str:
    return f"the text holds a lone surrogate ({shown(char)}), which cannot be written as UTF-8"


def check_text(value: str, path: str) -> None:
    """Refuse a text that holds a lone surrogate, which no UTF-8 file or stream can hold.

    Raises:
        InvalidRecord: Naming the surrogate, at ``path``.
    """
    if not value.isascii():
        found = SURROGATE.search(value)
        if found is not None:
            raise InvalidRecord(_surrogate_message(found[0]), path=path)


def check_record_date(value: dt.date, path: str) -> None:
    """Refuse a day outside :data:`MIN_RECORD_DATE` to :data:`MAX_RECORD_DATE`.

    Raises:
        InvalidRecord: Saying the day and the supported range, at ``path``.
    """
    if not MIN_ORDINAL <= value.toordinal() <= MAX_ORDINAL:
        raise InvalidRecord(
            f"{value.isoformat()} is outside the dates a record may hold: {_RANGE}", path=path
        )


# --- CSV -------------------------------------------------------------------------

#: What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: a quote before a formula's first character.

    A text beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return gets a single quote before it, as the OWASP guidance on CSV
    injection advises; any other value is written as it is.

    >>> csv_cell("=HYPERLINK(1)"), csv_cell("RH-1"), csv_cell(-1)
    ("'=HYPERLINK(1)", 'RH-1', -1)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(rows: typing.Iterable[typing.Iterable[object]]) -> str:
    r"""Rows as CSV text, as every CSV the library writes: lines end in a line feed.

    Each cell goes through :func:`csv_cell`; ``None`` is an empty cell. A cell
    holding a line break of either kind (a line feed or a lone carriage
    return) is quoted, so that any CSV reader reads it back whole.

    >>> write_csv([("reference", "note"), ("=1+1", "two\rlines")])
    'reference,note\n\'=1+1,"two\rlines"\n'
    """
    buffer = io.StringIO()
    # With "\r\n" as the terminator the writer quotes a cell holding either
    # character; each row's terminator is then written as a line feed.
    writer = csv.writer(buffer, lineterminator="\r\n")
    out: list[str] = []
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
        out.append(buffer.getvalue()[:-2] + "\n")
        buffer.seek(0)
        buffer.truncate()
    return "".join(out)


def csv_text(cell: str) -> str:
    """The text of a CSV cell as :func:`csv_cell` wrote it: the neutralising quote taken off.

    >>> csv_text("'=HYPERLINK(1)"), csv_text("'quoted'")
    ('=HYPERLINK(1)', "'quoted'")
    """
    if cell.startswith("'") and cell[1:].startswith(_FORMULA_STARTS):
        return cell[1:]
    return cell


def to_plain(value: object) -> Any:
    """JSON-ready data for a record, a tuple, a date, an enum, a Decimal or a plain value."""
    if isinstance(value, enum.Enum):
        out = value.value
    elif value is None or isinstance(value, (str, bool, int, float)):
        out = value
    elif isinstance(value, (dt.date, dt.datetime)):
        out = value.isoformat()
    elif isinstance(value, Decimal):
        out = str(value)
    elif isinstance(value, (tuple, list)):
        out = [to_plain(v) for v in value]
    elif callable(getattr(value, "to_dict", None)):
        out = value.to_dict()  # type: ignore[attr-defined]  # checked on this line
    elif attrs.has(type(value)):
        out = record_to_plain(value)
    else:
        raise InvalidRecord(f"cannot write a {type(value).__name__} as JSON")
    return out


def record_to_plain(value: object) -> dict[str, Any]:
    """A record's fields as JSON-ready data, led by its ``json_tag`` if it has one."""
    tag = getattr(type(value), "json_tag", None)
    out: dict[str, Any] = {TAG: tag} if tag is not None else {}
    for field in init_fields(type(value)):
        out[field.name] = to_plain(getattr(value, field.name))
    return out


_HINTS: dict[Any, dict[str, Any]] = {}
_FIELDS: dict[Any, tuple[attrs.Attribute[Any], ...]] = {}


def field_hints(cls: Any) -> dict[str, Any]:
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = typing.get_type_hints(cls)
    return found


def init_fields(cls: Any) -> tuple[attrs.Attribute[Any], ...]:
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = tuple(f for f in attrs.fields(cls) if f.init)
    return found


#: How to read a record class: its init fields' names, and each field's
#: name, whether it is required, and the reader of its annotation.
_Plan = tuple[frozenset[str], tuple[tuple[str, bool, "Reader"], ...]]
_PLANS: dict[Any, _Plan] = {}


def read_plan(cls: Any) -> _Plan:
    found = _PLANS.get(cls)
    if found is None:
        hints = field_hints(cls)
        fields = init_fields(cls)
        found = _PLANS[cls] = (
            frozenset(f.name for f in fields),
            tuple(
                (f.name, f.default is attrs.NOTHING, compiled_reader(hints[f.name])) for f in fields
            ),
        )
    return found


def from_plain(
    cls: type[_T], data: object, path: str, *, ignore: frozenset[str] = frozenset()
) -> _T:
    """Read a record of ``cls`` from plain data, refusing unknown and missing fields.

    Keys in ``ignore`` (a tag already read by the caller) are passed over.
    """
    if not isinstance(data, dict):
        raise InvalidRecord(f"expected an object, got {type(data).__name__}", path=path)
    names, fields = read_plan(cls)
    known = names | ignore if ignore else names
    if not known.issuperset(data):
        raise unknown_field(data, known, path)
    kwargs: dict[str, Any] = {}
    for name, required, reader in fields:
        if name in data:
            kwargs[name] = reader(data[name], f"{path}.{name}")
        elif required:
            raise InvalidRecord("missing required field", path=f"{path}.{name}")
    try:
        return cls(**kwargs)
    except InvalidRecord as err:
        raise InvalidRecord(err.message, path=f"{path}.{err.path}" if err.path else path) from None
    except ComplaintCodeError as err:
        raise InvalidRecord(str(err), path=path) from None


def tagged(options: tuple[type, ...], value: object, path: str) -> Any:
    """Read one of several record classes, chosen by the ``"type"`` its data names."""
    if not isinstance(value, dict):
        raise InvalidRecord(f"expected an object, got {type(value).__name__}", path=path)
    by_tag = {getattr(o, "json_tag", None): o for o in options}
    tag = value.get(TAG)
    cls = by_tag.get(tag) if isinstance(tag, str) else None
    if cls is None:
        known = ", ".join(str(t) for t in by_tag)
        raise InvalidRecord(f"unknown type {shown(tag)} (known: {known})", path=f"{path}.{TAG}")
    return from_plain(cls, value, path, ignore=frozenset({TAG}))


def _scalar(kind: type, value: object, path: str) -> Any:
    if kind is str:
        return _text(value, path)
    if kind is bool:
        if type(value) is not bool:
            raise InvalidRecord(f"expected true or false, got {shown(value)}", path=path)
        return value
    if kind is int:
        if type(value) is not int:
            raise InvalidRecord(f"expected a whole number, got {shown(value)}", path=path)
        return value
    if kind is Decimal:
        if not isinstance(value, str):
            raise InvalidRecord(f"expected an amount as a string, got {shown(value)}", path=path)
        try:
            return Decimal(value)
        except InvalidOperation:
            raise InvalidRecord(f"not an amount: {shown(value)}", path=path) from None
    raise InvalidRecord(f"cannot read a {kind!r}", path=path)


def _date(value: object, path: str) -> dt.date:
    if not isinstance(value, str) or len(value) != 10:
        raise InvalidRecord(f"not an ISO date (YYYY-MM-DD): {shown(value)}", path=path)
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidRecord(f"not an ISO date (YYYY-MM-DD): {shown(value)}", path=path) from None
    check_record_date(day, path)
    return day


#: A date-time with its offset, as the JSON Schema describes it.
_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"(Z|[+-][0-9]{2}:?[0-9]{2}(:?[0-9]{2})?)?"
)


def _datetime(value: object, path: str) -> dt.datetime:
    if not isinstance(value, str):
        raise InvalidRecord(f"expected an ISO date-time, got {type(value).__name__}", path=path)
    if not _DATE_TIME.fullmatch(value):
        raise InvalidRecord(f"not an ISO date-time: {shown(value)}", path=path)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidRecord(f"not an ISO date-time: {shown(value)}", path=path) from None
    if parsed.tzinfo is None:
        raise InvalidRecord(f"a time needs a UTC offset: {shown(value)}", path=path)
    return parsed


def stored_enum(kind: type[enum.Enum], value: object, path: str) -> Any:
    """Read a stored enum strictly: exactly one of its values, as :meth:`to_dict` writes it.

    A stored record is read as the JSON Schema in ``data/`` describes it, so
    a spelling the enum's own ``parse`` accepts from a person (``"stage 1"``,
    ``"one"``, ``"Upheld"``) is refused here, saying how it is stored. A value
    that ``parse`` refuses too is refused with ``parse``'s own message (for a
    stage 0 or a stage 3, the provision that forbids it: 5.2, 5.3).

    Raises:
        InvalidRecord: At ``path``.
    """
    try:
        member = kind._value2member_map_.get(value)
    except TypeError:  # an unhashable value (a list, an object) is no member
        member = None
    if member is not None and type(value) is type(member.value):
        return member
    values = [repr(m.value) for m in kind]
    parse = getattr(kind, "parse", None)
    if not callable(parse):
        known = ", ".join(values)
        raise InvalidRecord(f"expected one of {known}, got {shown(value)}", path=path)
    try:
        parse(value)
    except ComplaintCodeError as err:  # for a stage 0 or 3, the provision that forbids it
        message = err.message if isinstance(err, InvalidRecord) else str(err)
        raise InvalidRecord(message, path=path) from None
    noun = re.sub(r"(?<!^)(?=[A-Z])", " ", kind.__name__).lower()
    known = ", ".join(values[:-1]) + " or " + values[-1]
    raise InvalidRecord(f"a stored {noun} is {known}, not {shown(value)}", path=path)


#: A compiled reader: the value and its path in, the typed value out.
Reader = typing.Callable[[object, str], Any]
_READERS: dict[Any, Reader] = {}


def read(kind: Any, value: object, path: str) -> Any:
    """Read one value of an annotated kind."""
    return compiled_reader(kind)(value, path)


def compiled_reader(kind: Any) -> Reader:
    """The reader of an annotation, compiled on first use and kept."""
    found = _READERS.get(kind)
    if found is None:
        found = _READERS[kind] = _compile(kind)
    return found


def _optional(inner: Reader) -> Reader:
    def read_optional(value: object, path: str) -> Any:
        return None if value is None else inner(value, path)

    return read_optional


def _array(item: Reader) -> Reader:
    def read_array(value: object, path: str) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise InvalidRecord(f"expected an array, got {type(value).__name__}", path=path)
        return tuple(item(v, f"{path}[{i}]") for i, v in enumerate(value))

    return read_array


def _text(value: object, path: str) -> str:
    if isinstance(value, str):
        check_text(value, path)
        return value
    raise InvalidRecord(f"expected text, got {type(value).__name__}", path=path)


def _compile(kind: Any) -> Reader:  # noqa: PLR0911  # one return per kind
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = tuple(a for a in typing.get_args(kind) if a is not type(None))
        if len(options) > 1:
            return _optional(lambda value, path: tagged(options, value, path))
        return _optional(compiled_reader(options[0]))
    if origin is tuple:
        return _array(compiled_reader(typing.get_args(kind)[0]))
    if kind is dt.datetime:
        return _datetime
    if kind is dt.date:
        return _date
    if kind is str:
        return _text
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return lambda value, path: stored_enum(kind, value, path)
    load = (
        getattr(kind, "_from_stored", None) or getattr(kind, "from_dict", None)
        if isinstance(kind, type)
        else None
    )
    if callable(load):
        return lambda value, path: load(value, path=path)
    if isinstance(kind, type) and attrs.has(kind):
        return lambda value, path: from_plain(kind, value, path)
    return lambda value, path: _scalar(kind, value, path)
