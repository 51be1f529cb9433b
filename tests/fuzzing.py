"""What the fuzz tests share: their settings, the inputs they draw and the promises they check.

The fuzz tests (``tests/test_fuzz_*.py``) hold the library to the promises of
``docs/errors.md``: whatever the input, only a library error escapes; whatever is
accepted round-trips to identical JSON and audits identically after reloading;
no input takes more than a second (Hypothesis's ``deadline``, not a timed
assertion). In an ordinary run each test draws a quarter of the profile's
examples, so the suite stays quick; ``HYPOTHESIS_PROFILE=fuzz`` runs each test
10,000 times, more than 100,000 inputs in all (``CONTRIBUTING.md``).

The inputs start from records that are right (the example data shipped with
the package, and records built through the verbs by ``strategies.py``) and
break them: a value replaced by one of a pool of awkward values (dates at and
past the supported range, stages spelt every way, numbers of thousands of
digits, lone surrogates, formula characters, nesting), a field dropped or
added, an event repeated, every date moved by years, the text cut short or
given a key twice.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import strategies
from complaintcode import Complaint, ComplaintCodeError
from complaintcode.records import MAX_RECORD_DATE, to_csv, to_records

if TYPE_CHECKING:
    from collections.abc import Callable

#: The name of the settings profile that runs the full campaign.
FUZZ_PROFILE = "fuzz"
#: Examples per fuzz test in that profile: with the fuzz tests, over 100,000 inputs.
FUZZ_EXAMPLES = 10_000
#: No single input may take longer than this.
DEADLINE = dt.timedelta(seconds=1)


def fuzz_settings(*, share: int = 4) -> settings:
    """The settings of a fuzz test: the whole campaign under the ``fuzz`` profile, else a share.

    Args:
        share: Outside the ``fuzz`` profile, the test draws the profile's
            examples divided by this (at least 10), so that the suite stays quick.
    """
    current = settings()
    if os.environ.get("HYPOTHESIS_PROFILE") == FUZZ_PROFILE:
        examples = current.max_examples
    else:
        examples = max(10, current.max_examples // share)
    return settings(
        current,
        max_examples=examples,
        deadline=DEADLINE,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
            HealthCheck.filter_too_much,
        ],
    )


def only_library_errors(
    call: Callable[..., object], /, *args: object, **kwargs: object
) -> tuple[object | None, bool]:
    """Call, and return its result and whether it succeeded; a library error is a refusal.

    Any other exception propagates, and fails the test that called.
    """
    try:
        return call(*args, **kwargs), True
    except ComplaintCodeError:
        return None, False


def check_complaint_lasts(complaint: Complaint, day: dt.date) -> None:
    """5.12: a complaint that loaded is used every way without an error, and round-trips."""
    text = complaint.to_json()
    text.encode("utf-8")  # every text is UTF-8 that a file or a stream can hold
    again = Complaint.from_json(text)
    assert again == complaint
    assert again.to_json() == text
    last = complaint.events[-1].on
    days = {complaint.received, last, min(max(day, complaint.received), MAX_RECORD_DATE)}
    for as_of in sorted(days):
        found = complaint.audit(as_of)
        assert again.audit(as_of) == found
        json.dumps([f.to_dict() for f in found], ensure_ascii=False).encode("utf-8")
        complaint.due(as_of)
    assert complaint.status == again.status
    to_records([complaint])
    to_csv([complaint]).encode("utf-8")
    to_csv(complaint.audit(last)).encode("utf-8")
    complaint._repr_html_().encode("utf-8")


# --- the records the inputs start from ----------------------------------------------


def _lines(name: str) -> tuple[str, ...]:
    text = (resources.files("complaintcode") / "data" / name).read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line.strip())


#: The example year's complaints, one JSON line each.
COMPLAINT_LINES = _lines("example_complaints.jsonl")
#: The example year's service requests, one JSON line each.
SERVICE_REQUEST_LINES = _lines("example_service_requests.jsonl")

# --- awkward values -----------------------------------------------------------------

#: Values that have broken, or might break, a reader: each kind of JSON value at its edges.
AWKWARD: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    1,
    2,
    3,
    -1,
    200,
    201,
    10**30,
    1.0,
    1.5,
    "",
    " ",
    "x",
    "1",
    "2",
    "stage 1",
    "Stage Two",
    "one",
    "final",
    "informal",
    "stage 0",
    "stage " + "9" * 5000,
    "9" * 5000,
    "2024-05-03",
    "2024-02-29",
    "2024-02-30",
    "20240503",
    "1899-12-31",
    "1900-01-01",
    "2199-12-31",
    "2200-01-01",
    "2200-12-31",
    "2205-05-01",
    "9999-12-31",
    "0001-01-01",
    "2024-05-03T10:00:00+00:00",
    "2024-05-03T10:00:00Z",
    "2024-05-03T10:00:00",
    "2024-05-03T10+01:00",
    "RH-\ud800",
    "\udfff",
    "\ud83d\ude00",
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "\tx",
    "\rx",
    "a\r\nb",
    "\u2028",
    "\x00",
    "<script>",
    "75.00",
    "75",
    "75.5",
    "-1.00",
    "1e3",
    "NaN",
    "upheld",
    "Upheld",
    "partly upheld",
    "partly_upheld",
    "apology",
    "financial",
    "low_cost_rental",
    "maladministration",
    "time_limit",
    "policy",
    "2.3",
    2022,
    2023,
    2024,
    [],
    {},
    [1],
    ["a"],
    ["a", "A"],
    [" a "],
    {"a": 1},
    {"type": "x"},
)

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.dates(min_value=dt.date(1, 1, 1)).map(dt.date.isoformat),
)

#: Any JSON value, small.
json_values: st.SearchStrategy[Any] = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)

#: A value to put in a record: mostly awkward ones, some drawn at random.
replacement_values: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(AWKWARD).map(copy.deepcopy), json_values
)

# --- breaking a record --------------------------------------------------------------

Where = tuple[str | int, ...]


def paths(value: Any, at: Where = ()) -> list[Where]:
    """Every path into a JSON value, the value itself first, in document order."""
    out = [at]
    if isinstance(value, dict):
        for key, item in value.items():
            out += paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += paths(item, (*at, index))
    return out


def _parent(value: Any, path: Where) -> Any:
    for step in path[:-1]:
        value = value[step]
    return value


def _shift_dates(value: Any, days: int) -> Any:
    """The value with every ISO date (and the date of every date-time) moved by ``days``."""
    if isinstance(value, dict):
        return {k: _shift_dates(v, days) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift_dates(v, days) for v in value]
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
        try:
            return (day + dt.timedelta(days=days)).isoformat() + value[10:]
        except OverflowError:
            return value
    return value


#: How far a whole record's dates may be moved: to either end of the supported range and past it.
_SHIFTS = st.one_of(
    st.integers(min_value=-45_000, max_value=64_000),
    st.sampled_from((-45_000, -45_500, 63_900, 64_100, 64_300)),
)


@st.composite
def broken(draw: st.DrawFn, value: Any) -> Any:
    """A JSON value with one to three things changed in it."""
    value = copy.deepcopy(value)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        choice = draw(st.integers(min_value=0, max_value=9))
        places = paths(value)
        path = draw(st.sampled_from(places))
        if choice == 0:  # every date moved, the record kept whole
            value = _shift_dates(value, draw(_SHIFTS))
        elif not path or choice <= 5:  # a value replaced
            new = draw(replacement_values)
            if not path:
                value = new
            else:
                _parent(value, path)[path[-1]] = new
        else:
            parent = _parent(value, path)
            if isinstance(parent, dict) and choice <= 7:  # a field dropped, or one added
                if choice == 6:
                    del parent[path[-1]]
                else:
                    parent[draw(st.sampled_from(("colour", "kind", "stage", "on", "type")))] = draw(
                        replacement_values
                    )
            elif isinstance(parent, list):  # an item repeated, or dropped
                if choice == 8 and parent:
                    parent.insert(draw(st.integers(0, len(parent))), copy.deepcopy(parent[-1]))
                elif parent and isinstance(path[-1], int):
                    parent.pop(path[-1])
    return value


@st.composite
def broken_text(draw: st.DrawFn, line: str) -> str:
    """A JSON line broken as text: cut short, a key given twice, bytes that are no JSON."""
    choice = draw(st.integers(min_value=0, max_value=4))
    if choice == 0:
        return line[: draw(st.integers(min_value=0, max_value=len(line)))]
    if choice == 1 and '"on": ' in line:
        return line.replace('"on": ', '"on": "2024-05-03", "on": ', 1)
    if choice == 2:
        return draw(st.sampled_from(("[" * 100_000, "{" * 50_000, "1" * 5_000, "NaN", "")))
    if choice == 3:
        at = draw(st.integers(min_value=0, max_value=len(line)))
        return line[:at] + draw(st.text(max_size=5)) + line[at:]
    return draw(st.text(max_size=40))


def _dumped(value: Any, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only)


@st.composite
def complaint_lines(draw: st.DrawFn) -> str:
    """A complaint's JSON line: as written, broken as data, or broken as text."""
    line = draw(st.sampled_from(COMPLAINT_LINES))
    kind = draw(st.integers(min_value=0, max_value=9))
    if kind == 0:
        return line
    if kind <= 7:
        return _dumped(draw(broken(json.loads(line))), draw(st.booleans()))
    return draw(broken_text(line))


@st.composite
def service_request_lines(draw: st.DrawFn) -> str:
    """A service request's JSON line: as written, broken as data, or broken as text."""
    line = draw(st.sampled_from(SERVICE_REQUEST_LINES))
    kind = draw(st.integers(min_value=0, max_value=9))
    if kind == 0:
        return line
    if kind <= 7:
        return _dumped(draw(broken(json.loads(line))), draw(st.booleans()))
    return draw(broken_text(line))


# --- self-assessments ------------------------------------------------------------

_FIXTURES = Path(__file__).parent / "selfassessment" / "fixtures"
#: The project's own forms, each in a layout the reader reads.
FORMS = tuple(path.read_text(encoding="utf-8") for path in sorted(_FIXTURES.iterdir()))


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A self-assessment's text: a form broken at a line, one rendered anew, or any text."""
    choice = draw(st.integers(min_value=0, max_value=3))
    if choice == 0:
        sa = draw(strategies.self_assessments())
        return str(getattr(sa, draw(st.sampled_from(("to_csv", "to_markdown", "to_html"))))())
    form = draw(st.sampled_from(FORMS))
    if choice == 3:
        return draw(st.text(max_size=200))
    lines = form.splitlines(keepends=True)
    at = draw(st.integers(min_value=0, max_value=len(lines)))
    new = draw(
        st.one_of(st.text(max_size=40), st.sampled_from([v for v in AWKWARD if isinstance(v, str)]))
    )
    if choice == 1:
        lines.insert(at, new)
    elif lines and at < len(lines):
        lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))] + new
    return "".join(lines)


# --- Python values no JSON holds ------------------------------------------------------


class _Odd:
    """An object of no kind a reader knows, whose ``repr`` fails."""

    def __repr__(self) -> str:
        raise RuntimeError


def _nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


class Oddity:
    """A Python value that JSON cannot hold, drawn as a name and made when used.

    Hypothesis shows what a test drew with ``repr``, which fails for some of
    these values (an object whose ``repr`` raises, a list 100,000 deep, an
    integer of 5,000 digits): so a test draws the name, and :func:`made` gives
    the value to pass to the library.
    """

    def __init__(self, name: str, make: Callable[[], Any]) -> None:
        self.name = name
        self.make = make

    def __repr__(self) -> str:
        return f"Oddity({self.name})"


ODDITIES: tuple[Oddity, ...] = (
    Oddity("a key that is a number", lambda: {1: 2, "x": 3}),
    Oddity("a key that is None", lambda: {None: 1}),
    Oddity("a key that is a tuple", lambda: {(1, 2): "t"}),
    Oddity("5,000 digits", lambda: 10**5000),
    Oddity("-5,000 digits", lambda: -(10**5000)),
    Oddity("nan", lambda: float("nan")),
    Oddity("inf", lambda: float("inf")),
    Oddity("bytes", lambda: b"bytes"),
    Oddity("a date", lambda: dt.date(2024, 5, 3)),
    Oddity("a datetime", lambda: dt.datetime(2024, 5, 3, 10, tzinfo=dt.UTC)),
    Oddity("a frozenset", lambda: frozenset({1})),
    Oddity("a tuple", lambda: (1, 2)),
    Oddity("1,000 deep", lambda: _nested(1_000)),
    Oddity("100,000 deep", lambda: _nested(100_000)),
    Oddity("an object whose repr fails", _Odd),
)

#: Python values that JSON cannot hold, as :class:`Oddity` names.
python_oddities: st.SearchStrategy[Oddity] = st.sampled_from(ODDITIES)


def made(value: Any) -> Any:
    """The value with every :class:`Oddity` in it made, at any depth of lists and objects."""
    if isinstance(value, Oddity):
        return value.make()
    if isinstance(value, dict):
        return {k: made(v) for k, v in value.items()}
    if isinstance(value, list):
        return [made(v) for v in value]
    if isinstance(value, tuple):
        return tuple(made(v) for v in value)
    return value


@st.composite
def oddly_broken(draw: st.DrawFn, value: Any) -> Any:
    """A record with one of its values, or the whole of it, replaced by an :class:`Oddity`.

    Pass it through :func:`made` before giving it to the library.
    """
    value = copy.deepcopy(value)
    path = draw(st.sampled_from(paths(value)))
    odd = draw(python_oddities)
    if not path:
        return odd
    _parent(value, path)[path[-1]] = odd
    return value
