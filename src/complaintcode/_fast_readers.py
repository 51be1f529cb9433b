"""The fast readers: a reader of its own for each stored record class.

Reading stored records is most of what reading a year of complaints costs, so
each record class gets a reader of its own, generated from its annotations the
first time it is read and kept: straight-line code with every check of the
generic reader (:func:`complaintcode._codec.from_plain`), but no path built and
no message written. A value it cannot read, for any reason, sends the whole
record back to the generic reader, which finds the first fault and says where it
is, exactly as it always has: so the fast reader decides only what is accepted
quickly, never what an error says. It accepts a value only where the generic
reader accepts the same value, giving the same record; anything else (a subclass
of ``str``, a value the generic reader would read after a conversion) it leaves
to the generic reader.

Where the record's class allows it (see :func:`_builds_directly`), the reader
then builds the record as attrs' ``__init__`` would, without calling it: so a
validator or converter that checks only what the reader has checked (a text, a
date, a stage, a list) is not run twice. Such a check is marked where it is
defined (:func:`implied_by`), for the annotations whose reader makes it; every
other validator, and ``__attrs_post_init__``, runs as ``__init__`` runs it.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any, TypeVar

import attrs

from complaintcode._codec import (
    MAX_ORDINAL,
    MIN_ORDINAL,
    SURROGATE,
    TAG,
    Reader,
    compiled_reader,
    field_hints,
    from_plain,
    init_fields,
    read_plan,
)

_T = TypeVar("_T")


#: The validators and converters whose every check a fast reader makes already,
#: each with the test of the annotations for which it does (see :func:`implied_by`).
_IMPLIED: dict[Any, typing.Callable[[Any], bool]] = {}


def implied_by(check: _T, test: typing.Callable[[Any], bool]) -> _T:
    """Mark a validator or converter of a record's field as implied by reading it.

    A record read by its fast reader (below) is built without its ``__init__``
    where its class allows it; a field's validator or converter is then run
    unless ``test(annotation)`` holds for the field's annotation, which says
    that the fast reader of that annotation accepts only values the check
    accepts (for a converter: values it gives back unchanged, or equal).

    Returns:
        ``check`` itself, so that the mark can sit where the check is defined.
    """
    _IMPLIED[check] = test
    return check


def implied(check: object, kind: Any) -> bool:
    """Whether reading a value of the annotation ``kind`` makes ``check`` redundant."""
    test = _IMPLIED.get(check)
    return test is not None and test(kind)


def is_array(kind: Any) -> bool:
    """Whether an annotation is ``tuple[X, ...]``, which the fast reader gives as a tuple."""
    return typing.get_origin(kind) is tuple


def read_exactly(kind: Any) -> bool:
    """Whether the fast reader of an annotation gives an instance of exactly that class.

    So for text, whole numbers, booleans, enums, and record classes read
    field by field (not through their own ``from_dict``).
    """
    if kind in (str, int, bool):
        return True
    if not isinstance(kind, type):
        return False
    if issubclass(kind, enum.Enum):
        return True
    return attrs.has(kind) and (kind in _AS_RECORDS or not _loader(kind))


#: Record classes with a ``from_dict`` of their own that the fast reader reads
#: field by field all the same, each with any test of the data it asks first
#: (see :func:`read_as_record`).
_AS_RECORDS: dict[type, typing.Callable[[dict[str, Any]], bool] | None] = {}


def read_as_record(
    cls: type[_T], accepts: typing.Callable[[dict[str, Any]], bool] | None = None
) -> type[_T]:
    """Let the fast reader read ``cls`` field by field, though it has a ``from_dict``.

    For a class whose ``from_dict`` accepts every value that the fast reader of
    its annotations accepts (where ``accepts``, if given, holds of the data),
    and gives the same record: its ``from_dict`` is then kept for the values
    the fast reader leaves, and for their messages.

    Returns:
        ``cls`` itself, so that this can decorate the class.
    """
    _AS_RECORDS[cls] = accepts
    return cls


def _loader(kind: type) -> typing.Callable[..., Any] | None:
    load = getattr(kind, "_from_stored", None) or getattr(kind, "from_dict", None)
    return load if callable(load) else None


class _Slow(Exception):  # a signal, not an error
    """A value the fast reader leaves to the generic reader."""


_FastReader = typing.Callable[[Any], Any]
_FAST: dict[Any, _FastReader] = {}
_FAST_RECORDS: dict[tuple[Any, frozenset[str]], _FastReader] = {}


def fast_record_reader(
    cls: type[_T], ignore: frozenset[str] = frozenset()
) -> typing.Callable[[Any], _T]:
    """The fast reader of a record class (see above), generated at first use and kept.

    It raises any exception for data it does not accept; the caller then reads
    the data with :func:`from_plain`, which raises the error with its path.
    """
    key = (cls, ignore)
    found = _FAST_RECORDS.get(key)
    if found is None:
        found = _FAST_RECORDS[key] = _generate_record(cls, ignore)
    return found


def read_record(
    cls: type[_T], data: object, path: str, *, ignore: frozenset[str] = frozenset()
) -> _T:
    """Read a record as :func:`from_plain` does, by its fast reader where it can."""
    try:
        return fast_record_reader(cls, ignore)(data)
    except Exception:  # noqa: BLE001  # any fault: the generic reader names it
        return from_plain(cls, data, path, ignore=ignore)


def _fast(kind: Any) -> _FastReader:
    """The fast reader of one annotation, without a path."""
    found = _FAST.get(kind)
    if found is None:
        found = _FAST[kind] = _generate_value(kind)
    return found


def _generate_value(kind: Any) -> _FastReader:
    namespace: dict[str, Any] = {}
    lines = _value_code(kind, "v", namespace, "    ")
    source = "def read(v):\n" + "\n".join(lines) + "\n    return v\n"
    return _exec(source, namespace)


def _exec(source: str, namespace: dict[str, Any]) -> _FastReader:
    namespace.update(_Slow=_Slow, _str=str, _int=int, _bool=bool, _list=list, _dict=dict)
    namespace.update(_tuple=tuple, _len=len, _fromiso=dt.date.fromisoformat)
    namespace.update(_SUR=SURROGATE.search, _LO=MIN_ORDINAL, _HI=MAX_ORDINAL)
    code = compile(source, f"<complaintcode reader {len(_FAST) + len(_FAST_RECORDS)}>", "exec")
    exec(code, namespace)  # noqa: S102  # generated above from the record classes' annotations
    reader: _FastReader = namespace["read"]
    return reader


def _value_code(kind: Any, var: str, ns: dict[str, Any], pad: str) -> list[str]:  # noqa: PLR0911
    """Lines that check ``var`` as a value of ``kind`` and leave it read in ``var``."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = tuple(a for a in typing.get_args(kind) if a is not type(None))
        if len(options) == 1:
            return [f"{pad}if {var} is not None:", *_value_code(options[0], var, ns, pad + "    ")]
        name = f"_U{len(ns)}"
        ns[name] = _tagged_fast(options)
        return [f"{pad}if {var} is not None:", f"{pad}    {var} = {name}({var})"]
    if kind is str:
        return [
            f"{pad}if {var}.__class__ is not _str or (not {var}.isascii() and _SUR({var})):",
            f"{pad}    raise _Slow",
        ]
    if kind is int or kind is bool:
        return [f"{pad}if {var}.__class__ is not _{kind.__name__}:", f"{pad}    raise _Slow"]
    if kind is dt.date:
        return [
            f"{pad}if {var}.__class__ is not _str or _len({var}) != 10:",
            f"{pad}    raise _Slow",
            f"{pad}{var} = _fromiso({var})",
            f"{pad}if not _LO <= {var}.toordinal() <= _HI:",
            f"{pad}    raise _Slow",
        ]
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        name = f"_E{len(ns)}"
        ns[name] = kind._value2member_map_
        return [
            f"{pad}m = {name}.get({var})",
            f"{pad}if m is None or {var}.__class__ is not m._value_.__class__:",
            f"{pad}    raise _Slow",
            f"{pad}{var} = m",
        ]
    name = f"_R{len(ns)}"
    if origin is tuple and typing.get_args(kind)[0] is str:  # texts: checked in line
        return [
            f"{pad}if {var}.__class__ is not _list:",
            f"{pad}    raise _Slow",
            f"{pad}for x in {var}:",
            f"{pad}    if x.__class__ is not _str or (not x.isascii() and _SUR(x)):",
            f"{pad}        raise _Slow",
            f"{pad}{var} = _tuple({var})",
        ]
    if origin is tuple:
        ns[name] = _fast(typing.get_args(kind)[0])
        return [
            f"{pad}if {var}.__class__ is not _list:",
            f"{pad}    raise _Slow",
            f"{pad}{var} = _tuple([{name}(x) for x in {var}])",
        ]
    load = _loader(kind) if isinstance(kind, type) and kind not in _AS_RECORDS else None
    if load is not None:
        ns[name] = lambda value: load(value, path="")
    elif isinstance(kind, type) and attrs.has(kind):
        ns[name] = fast_record_reader(kind)
    else:  # another scalar (a Decimal, a date-time): the generic reader, its errors sent back
        ns[name] = _generic(compiled_reader(kind))
    return [f"{pad}{var} = {name}({var})"]


def _generic(reader: Reader) -> _FastReader:
    def read_generic(value: object) -> Any:
        return reader(value, "")

    return read_generic


def _tagged_fast(options: tuple[type, ...]) -> _FastReader:
    by_tag = {getattr(o, "json_tag", None): o for o in options}
    tag_only = frozenset({TAG})

    def read_tagged(value: Any) -> Any:
        if value.__class__ is not dict:
            raise _Slow
        tag = value.get(TAG)
        if tag.__class__ is not str:
            raise _Slow
        return fast_record_reader(by_tag[tag], tag_only)(value)

    return read_tagged


def _generate_record(cls: Any, ignore: frozenset[str]) -> _FastReader:
    """The fast reader of a record class: built field by field where its __init__ allows.

    The record is then made as attrs' ``__init__`` makes it (each value
    converted, every field set, then the validators run in order, then any
    ``__attrs_post_init__``), except that a converter or validator whose every
    check the reader has made already is not run again (:func:`implied_by`).
    """
    if not _builds_directly(cls):
        return _by_init(cls, ignore)
    names, _ = read_plan(cls)
    hints = field_hints(cls)
    ns: dict[str, Any] = {"_cls": cls, "_known": names | ignore, "_new": object.__new__}
    ns["_set"] = object.__setattr__
    body = [
        "def read(data):",
        "    if data.__class__ is not _dict or not _known.issuperset(data):",
        "        raise _Slow",
    ]
    if _AS_RECORDS.get(cls) is not None:
        ns["_accepts"] = _AS_RECORDS[cls]
        body += ["    if not _accepts(data):", "        raise _Slow"]
    checks: list[str] = []
    fields = init_fields(cls)
    for index, field in enumerate(fields):
        body.extend(_field_code(index, field, hints[field.name], ns, checks))
    body.append("    new = _new(_cls)")
    body.extend(f"    _set(new, {f.name!r}, f{i})" for i, f in enumerate(fields))
    body.extend(checks)
    if hasattr(cls, "__attrs_post_init__"):
        body.append("    new.__attrs_post_init__()")
    body.append("    return new")
    return _exec("\n".join(body) + "\n", ns)


def _field_code(
    index: int, field: attrs.Attribute[Any], kind: Any, ns: dict[str, Any], checks: list[str]
) -> list[str]:
    """Lines that leave field ``index`` read and converted in ``f{index}``.

    The lines of its validator, to run once every field is set, go to ``checks``.
    """
    var, name, optional = f"f{index}", field.name, field.default is not attrs.NOTHING
    converter, validator = field.converter, field.validator
    pad = "        " if optional else "    "
    lines = [f"    if {name!r} in data:"] if optional else []
    lines.append(f"{pad}{var} = data[{name!r}]")
    lines.extend(_value_code(kind, var, ns, pad))
    if converter is not None:
        ns[f"_C{index}"] = converter
        if not implied(converter, kind):
            lines.append(f"{pad}{var} = _C{index}({var})")
    if optional:  # not given: its default, converted, as __init__ takes it
        lines.append("    else:")
        default: Any = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            ns[f"_D{index}"] = default.factory
            lines.append(f"        {var} = _D{index}()")
        else:
            ns[f"_D{index}"] = default
            lines.append(f"        {var} = _D{index}")
        if converter is not None:
            lines.append(f"        {var} = _C{index}({var})")
    if validator is not None:
        ns[f"_V{index}"], ns[f"_A{index}"] = validator, field
        if not implied(validator, kind):
            checks.append(f"    _V{index}(new, _A{index}, {var})")
        elif optional:  # implied for a value read, not for the default
            checks.append(f"    if {name!r} not in data:")
            checks.append(f"        _V{index}(new, _A{index}, {var})")
    return lines


def _by_init(cls: Any, ignore: frozenset[str]) -> _FastReader:
    """The fast reader that builds the record by calling the class, given any fields."""
    names, fields = read_plan(cls)
    hints = field_hints(cls)
    ns: dict[str, Any] = {"_cls": cls, "_known": names | ignore}
    body = [
        "def read(data):",
        "    if data.__class__ is not _dict or not _known.issuperset(data):",
        "        raise _Slow",
        "    kw = {}",
    ]
    for index, (name, required, _) in enumerate(fields):
        var = f"f{index}"
        if required:
            body.append(f"    {var} = data[{name!r}]")
            body.extend(_value_code(hints[name], var, ns, "    "))
            body.append(f"    kw[{name!r}] = {var}")
        else:
            body.append(f"    if {name!r} in data:")
            body.append(f"        {var} = data[{name!r}]")
            body.extend(_value_code(hints[name], var, ns, "        "))
            body.append(f"        kw[{name!r}] = {var}")
    body.append("    return _cls(**kw)")
    return _exec("\n".join(body) + "\n", ns)


def _builds_directly(cls: Any) -> bool:
    """Whether a record of ``cls`` can be built field by field as its __init__ builds it.

    That is so for a class whose __init__ attrs wrote, with no pre-init hook and
    no cached hash to clear, every field given to __init__, every converter
    taking the value alone, and no default made from the record itself.
    """
    init = getattr(cls.__dict__.get("__init__"), "__code__", None)
    return (
        init is not None
        and init.co_filename.startswith("<attrs generated")
        and "_attrs_cached_hash" not in init.co_consts
        and not hasattr(cls, "__attrs_pre_init__")
        and all(f.init for f in attrs.fields(cls))
        and not any(
            isinstance(f.converter, attrs.Converter)
            or (isinstance(f.default, attrs.Factory) and f.default.takes_self)  # type: ignore[arg-type]
            for f in attrs.fields(cls)
        )
    )
