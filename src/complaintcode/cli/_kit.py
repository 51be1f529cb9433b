"""The conformance kit: where it is, its vector files, and how an answer is judged.

The kit is a folder: ``kit.json`` (its format, the editions and the bank-holiday
years it covers), ``vector.schema.json`` and ``vectors/*.json``. In a checkout it
is ``conformance/`` at the repository root; an installed package carries a copy
as ``complaintcode/data/conformance/``. ``docs/conformance.md`` describes the
format; this module reads it, compares answers with expected outputs and
collects the results for :mod:`complaintcode.cli._conformance`.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from complaintcode._codec import loads
from complaintcode.cli._answers import TOPICS
from complaintcode.cli._record_answers import finding_key
from complaintcode.errors import InvalidRecord

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


#: The name and version of the kit's format, written in every vector file and in ``kit.json``.
KIT_FORMAT: Final = "complaintcode/conformance@1"
#: The kit's metadata file, at the root of its folder.
KIT_FILE: Final = "kit.json"
#: Where an installed package carries the kit, below the package's folder.
PACKAGED: Final = ("data", "conformance")

_PACKAGE: Final = Path(__file__).resolve().parent.parent
_VECTOR_FIELDS: Final = (
    "id",
    "description",
    "provisions",
    "edition",
    "source",
    "input",
    "expected",
)
_SOURCES: Final = ("hand", "generated")


class KitError(Exception):
    """A kit, a vector file or a vector that cannot be read; the message says where and why."""


def bundled_kit(package: Path | None = None) -> Path:
    """The folder of the kit this library ships: the installed copy, else the checkout's.

    Args:
        package: The ``complaintcode`` package folder; this one by default.

    Raises:
        KitError: If neither holds a kit.
    """
    base = _PACKAGE if package is None else package
    installed = base.joinpath(*PACKAGED)
    checkout = base.parent.parent / "conformance"
    for folder in (installed, checkout):
        if (folder / KIT_FILE).is_file():
            return folder
    raise KitError(f"no conformance kit found in {installed} or {checkout}")


def read_json(path: Path) -> Any:  # noqa: ANN401  # a JSON document, checked by the caller
    """A JSON file's value.

    Read as strictly as a record is (:func:`complaintcode._codec.loads`): a key
    given twice in one object, ``NaN`` or a lone surrogate is refused with its
    path, so that a vector means one thing in every language that reads it.

    Raises:
        KitError: If it cannot be read or is not UTF-8 JSON.
    """
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise KitError(f"cannot read {path}: {err.strerror or err}") from None
    try:
        return loads(raw.decode("utf-8"), what="a file of the kit")
    except UnicodeDecodeError as err:
        raise KitError(f"{path}: not UTF-8 JSON: {err}") from None
    except InvalidRecord as err:
        raise KitError(f"{path}: {err}") from None


def kit_metadata(folder: Path) -> dict[str, Any]:
    """A kit's ``kit.json``.

    Raises:
        KitError: If it is missing, unreadable or of another format.
    """
    data = read_json(folder / KIT_FILE)
    if not isinstance(data, dict) or data.get("format") != KIT_FORMAT:
        raise KitError(f"{folder / KIT_FILE}: expected a kit of format {KIT_FORMAT!r}")
    return data


def vector_files(paths: Iterable[str]) -> list[Path]:
    """The vector files a list of paths names: files as given, folders searched for ``*.json``.

    A folder's ``kit.json`` and JSON Schemas (``*.schema.json``) are not vector files.

    Raises:
        KitError: For a path that does not exist.
    """
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*.json"))
                if p.name != KIT_FILE and not p.name.endswith(".schema.json")
            )
        elif path.is_file():
            found.append(path)
        else:
            raise KitError(f"no such file or folder: {name}")
    return found


@attrs.frozen(kw_only=True)
class Vector:
    """One vector: a question for an implementation and the answer the Code gives.

    Attributes:
        id: Its stable identifier, unique in the kit.
        topic: Its topic, one of :data:`~complaintcode.cli._answers.TOPICS`.
        description: What it checks, in one line.
        provisions: The provisions it tests, by number.
        edition: The edition whose provisions those are, or ``None``.
        source: ``"hand"`` (written from the Code and GOV.UK) or ``"generated"``.
        input: The question.
        expected: The answer, or ``{"refused": ...}``.
        file: The file it was read from.
    """

    id: str
    topic: str
    description: str
    provisions: tuple[str, ...]
    edition: int | None
    source: str
    input: dict[str, Any]
    expected: dict[str, Any]
    file: str

    @property
    def labels(self) -> tuple[str, ...]:
        """Its rows in the summary by provision: ``"6.2 (2024)"``, or ``"none"``."""
        year = f" ({self.edition})" if self.edition else ""
        return tuple(f"{p}{year}" for p in self.provisions) or ("none",)


def _vector(raw: object, topic: str, where: str, file: str) -> Vector:
    if not isinstance(raw, dict):
        raise KitError(f"{where}: expected an object")
    missing = [name for name in _VECTOR_FIELDS if name not in raw]
    if missing:
        raise KitError(f"{where}: missing {missing[0]!r}")
    ident, provisions, edition = raw["id"], raw["provisions"], raw["edition"]
    checks = (
        (isinstance(ident, str) and bool(ident), "id", "a non-empty text"),
        (isinstance(raw["description"], str), "description", "a text"),
        (
            isinstance(provisions, list) and all(isinstance(p, str) for p in provisions),
            "provisions",
            "a list of provision numbers",
        ),
        (edition is None or type(edition) is int, "edition", "a year or null"),
        (raw["source"] in _SOURCES, "source", "'hand' or 'generated'"),
        (isinstance(raw["input"], dict), "input", "an object"),
        (isinstance(raw["expected"], dict), "expected", "an object"),
    )
    for ok, name, what in checks:
        if not ok:
            raise KitError(f"{where}.{name}: expected {what}")
    return Vector(
        id=ident,
        topic=topic,
        description=raw["description"],
        provisions=tuple(provisions),
        edition=edition,
        source=raw["source"],
        input=raw["input"],
        expected=raw["expected"],
        file=file,
    )


def _vector_file(path: Path) -> tuple[str, list[Any]]:
    """A vector file's topic and vectors.

    Raises:
        KitError: If it is not a vector file of this kit's format.
    """
    data = read_json(path)
    if not isinstance(data, dict) or data.get("format") != KIT_FORMAT:
        raise KitError(f"{path}: not a vector file of format {KIT_FORMAT!r}")
    topic, vectors = data.get("topic"), data.get("vectors")
    if topic not in TOPICS:
        raise KitError(f"{path}: topic: unknown topic {topic!r} (known: {', '.join(TOPICS)})")
    if not isinstance(vectors, list):
        raise KitError(f"{path}: vectors: expected a list")
    return topic, vectors


def read_vectors(path: Path, *, bad: list[str]) -> Iterator[Vector]:
    """The vectors of one file; what cannot be read is described in ``bad`` and skipped.

    A file that is not a vector file of this kit's format is skipped whole.
    """
    try:
        topic, vectors = _vector_file(path)
    except KitError as err:
        bad.append(str(err))
        return
    for i, raw in enumerate(vectors):
        try:
            yield _vector(raw, topic, f"{path}: vectors[{i}]", str(path))
        except KitError as err:
            bad.append(str(err))


@attrs.frozen
class Difference:
    """Where an answer differs from the expected output: the path, and both values."""

    path: str
    expected: Any
    got: Any

    def __str__(self) -> str:
        return f"{self.path or '(answer)'}: expected {_show(self.expected)}, got {_show(self.got)}"

    def to_dict(self) -> dict[str, Any]:
        """The difference as JSON values; a side that has nothing at the path is left out."""
        sides = (("expected", self.expected), ("got", self.got))
        return {"path": self.path} | {name: v for name, v in sides if v is not _MISSING}


_MISSING: Final = object()


def _show(value: object) -> str:
    return "nothing" if value is _MISSING else json.dumps(value, ensure_ascii=False)


def _canonical(name: str, value: Any) -> Any:  # noqa: ANN401  # JSON values
    """Findings compare as a set: both sides are put in the kit's order first."""
    if name == "findings" and isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return sorted(value, key=finding_key)
    return value


def differences(expected: Any, got: Any, path: str = "") -> list[Difference]:  # noqa: ANN401
    """Every place where ``got`` differs from ``expected``, as JSON values compare.

    ``true`` is not ``1``, a missing member is not ``null``, and lists of
    ``findings`` compare whatever their order.

    >>> [str(d) for d in differences({"due": "2024-05-13"}, {"due": "2024-05-14"})]
    ['due: expected "2024-05-13", got "2024-05-14"']
    """
    if isinstance(expected, dict) and isinstance(got, dict):
        found: list[Difference] = []
        for key in [*expected, *(k for k in got if k not in expected)]:
            where = f"{path}.{key}" if path else str(key)
            left, right = expected.get(key, _MISSING), got.get(key, _MISSING)
            if left is _MISSING or right is _MISSING:
                found.append(Difference(where, left, right))
            else:
                found += differences(_canonical(key, left), _canonical(key, right), where)
        return found
    if isinstance(expected, list) and isinstance(got, list):
        found = []
        for i in range(max(len(expected), len(got))):
            left = expected[i] if i < len(expected) else _MISSING
            right = got[i] if i < len(got) else _MISSING
            if left is _MISSING or right is _MISSING:
                found.append(Difference(f"{path}[{i}]", left, right))
            else:
                found += differences(left, right, f"{path}[{i}]")
        return found
    if type(expected) is not type(got) or expected != got:
        return [Difference(path, expected, got)]
    return []


@attrs.frozen(kw_only=True)
class Result:
    """How one vector fared: its differences, or the error that stopped an answer."""

    vector: Vector
    differences: tuple[Difference, ...] = ()
    error: str | None = None

    @property
    def passed(self) -> bool:
        """Whether the answer was the expected output exactly."""
        return self.error is None and not self.differences

    def to_dict(self) -> dict[str, Any]:
        """The result of a failed vector as JSON values."""
        return {
            "id": self.vector.id,
            "topic": self.vector.topic,
            "file": self.vector.file,
            "description": self.vector.description,
            "error": self.error,
            "differences": [d.to_dict() for d in self.differences],
        }


def judge(vector: Vector, got: Any) -> Result:  # noqa: ANN401  # an answer, as JSON values
    """Compare an answer with a vector's expected output."""
    return Result(vector=vector, differences=tuple(differences(vector.expected, got)))


def tally(results: Iterable[Result], by: str) -> dict[str, dict[str, int]]:
    """Passed and failed counts per topic (``by="topic"``) or per provision (``"provision"``)."""
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for result in results:
        keys = (result.vector.topic,) if by == "topic" else result.vector.labels
        for key in keys:
            counts[key]["passed" if result.passed else "failed"] += 1
    if by == "topic":
        order = sorted(counts, key=lambda t: (TOPICS.index(t), t))
    else:
        order = sorted(counts, key=_provision_order)
    return {
        key: {"passed": counts[key]["passed"], "failed": counts[key]["failed"]} for key in order
    }


def _provision_order(label: str) -> tuple[int, tuple[int, ...], str]:
    number, _, year = label.partition(" (")
    digits = tuple(int(p) for p in number.split(".") if p.isdigit())
    return (-int(year.rstrip(")")) if year else 0, digits, label)


def horizon_problem(metadata: dict[str, Any], today: dt.date) -> str | None:
    """Why a kit's bank holidays need renewing by ``today``, or ``None`` while they do not.

    The kit's calendar vectors cover GOV.UK's bank holidays up to the end of the
    year ``calendar.bank_holidays_through``; from a year before that day, the
    next year's list is due to be added.

    >>> meta = {"calendar": {"bank_holidays_through": 2027}}
    >>> horizon_problem(meta, dt.date(2026, 12, 31)) is None
    True
    >>> print(horizon_problem(meta, dt.date(2027, 1, 1)))
    the kit's bank holidays run out on 2027-12-31, less than a year after 2027-01-01: add the next year's list from GOV.UK
    """
    last = dt.date(int(metadata["calendar"]["bank_holidays_through"]), 12, 31)
    if today <= last.replace(year=last.year - 1):
        return None
    return (
        f"the kit's bank holidays run out on {last.isoformat()}, less than a year after "
        f"{today.isoformat()}: add the next year's list from GOV.UK"
    )
