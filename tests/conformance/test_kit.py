"""The conformance kit itself: its format, its size, its boundaries, its generator and its horizon."""

from __future__ import annotations

import collections
import copy
import datetime as dt
import importlib.util
import json
import sys
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest

from complaintcode.cli import _kit
from complaintcode.cli._kit import KIT_FORMAT, bundled_kit, differences, horizon_problem

if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
KIT = ROOT / "conformance"
VECTORS = sorted((KIT / "vectors").glob("*.json"))
SCHEMA = json.loads((KIT / "vector.schema.json").read_text(encoding="utf-8"))
COMPLAINT_SCHEMA = json.loads(
    (ROOT / "src" / "complaintcode" / "data" / "complaint.schema.json").read_text(encoding="utf-8")
)
META: dict[str, Any] = json.loads((KIT / "kit.json").read_text(encoding="utf-8"))


def files() -> dict[Path, dict[str, Any]]:
    return {path: json.loads(path.read_text(encoding="utf-8")) for path in VECTORS}


def vectors() -> list[tuple[str, dict[str, Any]]]:
    return [(data["topic"], v) for data in files().values() for v in data["vectors"]]


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("conformance_generate", KIT / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_kit_is_found_in_the_checkout() -> None:
    """The command finds the kit at conformance/ in a checkout, where the library runs from src/."""
    assert bundled_kit() == KIT


def test_an_installed_package_finds_its_own_copy_first(tmp_path: Path) -> None:
    """In a wheel the kit sits in the package as data/conformance/: that copy is used."""
    package = tmp_path / "site-packages" / "complaintcode"
    (package / "data" / "conformance").mkdir(parents=True)
    (package / "data" / "conformance" / "kit.json").write_text("{}", encoding="utf-8")
    assert bundled_kit(package) == package / "data" / "conformance"


def test_a_package_without_a_kit_says_where_it_looked(tmp_path: Path) -> None:
    """Without a kit in the package or beside it, the error names both places looked in."""
    package = tmp_path / "site-packages" / "complaintcode"
    package.mkdir(parents=True)
    with pytest.raises(_kit.KitError) as caught:
        bundled_kit(package)
    assert str(caught.value) == (
        f"no conformance kit found in {package / 'data' / 'conformance'} or "
        f"{tmp_path / 'conformance'}"
    )


def test_the_wheel_carries_the_kit_where_the_command_looks() -> None:
    """pyproject.toml puts conformance/ in the wheel at the path ``bundled_kit`` tries first."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    build = project["tool"]["hatch"]["build"]["targets"]
    assert build["wheel"]["force-include"] == {
        "conformance": "complaintcode/" + "/".join(_kit.PACKAGED)
    }
    assert "conformance" in build["sdist"]["include"]


def test_kit_metadata() -> None:
    """The kit names its format, protocol, editions and the bank-holiday years it covers."""
    assert META["format"] == KIT_FORMAT
    assert META["protocol"] == "complaintcode/conformance-protocol@1"
    assert [e["year"] for e in META["editions"]] == [2024, 2022]
    assert META["calendar"] == {
        "region": "england-and-wales",
        "bank_holidays_from": 2018,
        "bank_holidays_through": 2027,
        "source": "https://www.gov.uk/bank-holidays",
    }
    listed = META["files"]["generated"] + META["files"]["hand"]
    assert sorted(listed) == sorted(f"vectors/{p.name}" for p in VECTORS)


def test_every_file_meets_the_schema() -> None:
    """vector.schema.json (JSON Schema 2020-12) accepts every file of the kit."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for path, data in files().items():
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == [], path


def test_the_schema_refuses_a_vector_without_its_expected_output() -> None:
    """The schema is not empty: a vector with no expected output fails it."""
    data = copy.deepcopy(files()[KIT / "vectors" / "calendar.hand.json"])
    del data["vectors"][0]["expected"]
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(data)


def test_every_complaint_in_the_kit_meets_the_complaint_schema() -> None:
    """5.12: the complaints of the audit and report vectors are stored records in the JSON format."""
    validator = jsonschema.Draft202012Validator(COMPLAINT_SCHEMA)
    count = 0
    for topic, v in vectors():
        found = [v["input"]["complaint"]] if topic == "audit" else []
        found += v["input"].get("complaints", []) if topic == "report" else []
        for complaint in found:
            count += 1
            assert list(validator.iter_errors(complaint)) == [], v["id"]
    assert count > 300


def test_size_and_sources() -> None:
    """At least 1,000 vectors, of which at least 100 written by hand; each file has one source."""
    found = vectors()
    assert len(found) >= 1000
    by_source = collections.Counter(v["source"] for _, v in found)
    assert by_source["hand"] >= 100
    for path, data in files().items():
        sources = {v["source"] for v in data["vectors"]}
        assert sources == ({"hand"} if path.name.endswith(".hand.json") else {"generated"}), path


def test_ids_are_unique_and_begin_with_the_topic() -> None:
    """Every id is unique in the kit and begins with its file's topic."""
    ids = [v["id"] for _, v in vectors()]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(f"{topic}/") for (topic, _), i in zip(vectors(), ids, strict=True))


def test_every_topic_has_vectors() -> None:
    """Every topic listed in kit.json has vectors, at least 20 each."""
    topics = collections.Counter(topic for topic, _ in vectors())
    assert sorted(topics) == sorted(META["topics"])
    assert min(topics.values()) >= 20


def test_at_least_three_vectors_on_each_side_of_every_timescale_boundary() -> None:
    """6.2, 6.3, 6.4, 6.11, 6.14, 6.15, 2.3 (and the 2022 edition's 4.1, 5.1, 5.13, 1.8): both sides."""
    sides: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for _, v in vectors():
        if "boundary" in v:
            side = "within" if v["boundary"]["offset"] <= 0 else "beyond"
            sides[v["boundary"]["id"]][side] += 1
    listed = [b["id"] for b in META["boundaries"]]
    assert sorted(sides) == sorted(listed)
    thin = {b: dict(n) for b, n in sides.items() if n["within"] < 3 or n["beyond"] < 3}
    assert thin == {}


def test_boundary_vectors_change_their_answer_across_the_boundary() -> None:
    """A boundary is real: the answers on its two sides differ."""
    answers: dict[str, dict[str, set[str]]] = collections.defaultdict(
        lambda: {"within": set(), "beyond": set()}
    )
    for _, v in vectors():
        if "boundary" in v:
            side = "within" if v["boundary"]["offset"] <= 0 else "beyond"
            answers[v["boundary"]["id"]][side].add(json.dumps(v["expected"], sort_keys=True))
    for boundary, seen in answers.items():
        assert not seen["within"] & seen["beyond"], boundary


def test_the_generator_rebuilds_the_kit_byte_for_byte() -> None:
    """conformance/generate.py writes exactly the generated files and kit.json that are stored."""
    built = generator().build()
    stored = {name: (KIT / name).read_bytes() for name in built}
    stale = sorted(name for name in built if built[name] != stored[name])
    assert stale == [], "run: python conformance/generate.py"
    assert sorted(built) == sorted(["kit.json", *META["files"]["generated"]])


def test_the_generator_never_writes_a_hand_file() -> None:
    """The files written by hand are never among those the generator writes."""
    assert not set(generator().build()) & set(META["files"]["hand"])


def test_changing_any_expected_value_is_a_difference() -> None:
    """Every leaf of every expected output counts: changed, it is reported with its path."""
    for _, v in vectors():
        for path, changed in _mutations(v["expected"]):
            found = differences(v["expected"], changed)
            assert found, (v["id"], path)
            if "findings[" not in path:  # a set of findings may show a change in two places
                assert [d.path for d in found] == [path], (v["id"], path)


def _mutations(value: Any, path: str = "") -> list[tuple[str, Any]]:
    """Each way of changing one leaf of a JSON value, with the leaf's path."""
    out: list[tuple[str, Any]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else key
            for leaf, changed in _mutations(item, where):
                out.append((leaf, {**value, key: changed}))
        return out
    if isinstance(value, list):
        if path.endswith("findings"):  # a set: one finding more is a change too
            extra = {"provision": "0.0", "item": None, "severity": "breach"}
            out.append((f"{path}[{len(value)}]", [*value, extra]))
        for i, item in enumerate(value):
            for leaf, changed in _mutations(item, f"{path}[{i}]"):
                out.append((leaf, [*value[:i], changed, *value[i + 1 :]]))
        return out
    if isinstance(value, bool):
        return [(path, not value)]
    if isinstance(value, int):
        return [(path, value + 1)]
    if value is None:
        return [(path, "x")]
    return [(path, f"{value}x")]


@pytest.mark.parametrize(
    ("today", "fails"),
    [
        (dt.date(2026, 12, 31), False),
        (dt.date(2027, 1, 1), True),
        (dt.date(2027, 12, 31), True),
    ],
)
def test_horizon_check(today: dt.date, fails: bool) -> None:
    """The check fails from a year before the last day of the kit's bank holidays."""
    assert (horizon_problem(META, today) is not None) is fails


def test_the_kits_bank_holidays_are_renewed_a_year_before_they_run_out() -> None:
    """Fails from 1 January of the kit's last bank-holiday year: add GOV.UK's next year by then."""
    assert horizon_problem(META, dt.date.today()) is None  # noqa: DTZ011  # a test may read the clock


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1, "a": 2}', "a: the key is given twice in one object"),
        ('{"expected": {"due": NaN}}', "not JSON: NaN is not a JSON value"),
        (
            '["\\ud800"]',
            "[0]: the text holds a lone surrogate ('\\ud800'), which cannot be written as UTF-8",
        ),
        ("{", "not JSON: Expecting property name enclosed in double quotes at column 2"),
    ],
    ids=["key twice", "NaN", "lone surrogate", "cut short"],
)
def test_a_kit_file_is_read_as_strictly_as_a_record(
    tmp_path: Path, text: str, expected: str
) -> None:
    """A vector must mean one thing in every language: a key given twice, NaN or a lone
    surrogate is refused with its path, not read as the last value or passed on."""
    path = tmp_path / "vector.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(_kit.KitError) as caught:
        _kit.read_json(path)
    assert str(caught.value) == f"{path}: {expected}"


def test_a_kit_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    """A file in another encoding is refused, naming the byte that is not UTF-8."""
    path = tmp_path / "vector.json"
    path.write_bytes(b'{"a": "\xff"}')
    with pytest.raises(_kit.KitError) as caught:
        _kit.read_json(path)
    assert str(caught.value) == (
        f"{path}: not UTF-8 JSON: 'utf-8' codec can't decode byte 0xff in position 7: "
        "invalid start byte"
    )
