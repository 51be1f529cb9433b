"""The store: complaints kept as their events in SQLite, append-only (5.12).

5.12 asks a landlord to keep a full record of each complaint: the complaint as
received, the correspondence, the outcome at each stage. These tests check that
the store keeps that record whole: saving appends only new events, loading
rebuilds the same complaint, no statement the store issues updates or deletes a
row, the tables refuse an update or a delete from any other writer, and a
second writer's conflicting event is refused naming the complaint and the place
in its history.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.complaint import Complaint
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import ComplaintCodeError, InvalidRecord, ProvisionViolation
from complaintcode.records import example_complaints
from complaintcode.store import (
    POSTGRESQL_SCHEMA,
    SQLITE_SCHEMA,
    STORE_FORMAT,
    ComplaintStore,
    StoreConflict,
    StoreError,
    UnknownComplaint,
)
from strategies import complaints as complaint_histories

D = dt.date
DOCS = Path(__file__).resolve().parents[2] / "docs" / "store.md"
DEFINITION = ComplaintDefinition(
    understanding="The repair was late.",
    points=("the repair",),
    outcomes_sought=("a date",),
    responsible_for=("repairs",),
)


def received(reference: str = "C-1") -> Complaint:
    return Complaint.receive(reference, received=D(2024, 5, 3))


def acknowledged(handler: str = "A. Khan") -> Complaint:
    return received().acknowledge(D(2024, 5, 7), handler, DEFINITION)


def rows(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT reference, sequence, kind, occurred_on FROM complaintcode_events "
            "ORDER BY reference, sequence"
        ).fetchall()


# --- saving and loading ---------------------------------------------------------------------


def test_saving_appends_only_the_new_events(tmp_path: Path) -> None:
    """5.12: each save inserts the events the store does not hold, a row each, in order."""
    path = tmp_path / "complaints.db"
    with ComplaintStore(path) as store:
        assert store.save(received()) == 1
        assert store.save(acknowledged()) == 1
        assert store.save(acknowledged()) == 0
        assert store.save(acknowledged().respond(D(2024, 5, 20)).close(D(2024, 6, 3))) == 2
    assert rows(path) == [
        ("C-1", 0, "received", "2024-05-03"),
        ("C-1", 1, "acknowledged", "2024-05-07"),
        ("C-1", 2, "responded", "2024-05-20"),
        ("C-1", 3, "closed", "2024-06-03"),
    ]


def test_loading_rebuilds_the_same_complaint(tmp_path: Path) -> None:
    """5.12: the record loaded is the record saved, event for event."""
    path = tmp_path / "complaints.db"
    complaint = acknowledged().respond(D(2024, 5, 20))
    with ComplaintStore(path) as store:
        store.save(complaint)
    with ComplaintStore(path, read_only=True) as store:
        loaded = store.load("C-1")
        assert loaded == complaint
        assert (loaded.status, loaded.events) == ("stage_1_answered", complaint.events)
        assert (len(store), "C-1" in store, "C-2" in store, 7 in store) == (1, True, False, False)


def test_an_older_copy_appends_nothing(tmp_path: Path) -> None:
    """5.12: a copy loaded before later saves adds nothing and changes nothing."""
    path = tmp_path / "complaints.db"
    with ComplaintStore(path) as store:
        store.save(acknowledged().respond(D(2024, 5, 20)))
        assert store.save(received()) == 0
        assert store.load("C-1").status == "stage_1_answered"


def test_the_example_year_round_trips(tmp_path: Path) -> None:
    """5.12: a year of complaints saved in one transaction loads back equal, in order."""
    complaints = example_complaints()
    path = tmp_path / "year.db"
    with ComplaintStore(path) as store:
        assert store.save_all(complaints) == sum(len(c.events) for c in complaints)
    with ComplaintStore(path, read_only=True) as store:
        assert store.references() == tuple(c.reference for c in complaints)
        assert tuple(store) == complaints


@given(history=complaint_histories(), cut=st.integers(min_value=0, max_value=8))
def test_saving_in_steps_keeps_every_history(history: Any, cut: int) -> None:
    """5.12: a history saved part by part, as it happened, loads back whole."""
    complaint: Complaint = history
    first = Complaint.from_events(complaint.events[: 1 + cut])
    with ComplaintStore(":memory:") as store:
        assert store.save(first) == len(first.events)
        assert store.save(complaint) == len(complaint.events) - len(first.events)
        assert store.load(complaint.reference) == complaint


# --- conflicts --------------------------------------------------------------------------------


def test_a_second_writer_is_refused_naming_the_complaint_and_the_event(tmp_path: Path) -> None:
    """5.12: two writers append to the same complaint; the first is kept, the second refused."""
    path = tmp_path / "complaints.db"
    with ComplaintStore(path) as store:
        store.save(received())
    with ComplaintStore(path) as first, ComplaintStore(path) as second:
        mine, theirs = first.load("C-1"), second.load("C-1")
        first.save(mine.acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION))
        with pytest.raises(StoreConflict) as info:
            second.save(theirs.withdraw(D(2024, 5, 8)))
    assert str(info.value) == (
        "5.12: complaint 'C-1', event 1: the store holds an acknowledged event of 2024-05-07 "
        "there; load the complaint again and redo the change"
    )
    assert (info.value.reference, info.value.sequence) == ("C-1", 1)
    assert info.value.provision.number == "5.12"
    assert isinstance(info.value, ProvisionViolation)
    assert [r[2] for r in rows(path)] == ["received", "acknowledged"]


def test_another_complaint_under_the_same_reference_is_refused(tmp_path: Path) -> None:
    """5.12: a stored receipt is never replaced by another complaint's."""
    with ComplaintStore(tmp_path / "c.db") as store:
        store.save(received())
        other = Complaint.receive("C-1", received=D(2024, 6, 1))
        with pytest.raises(StoreConflict) as info:
            store.save(other)
    assert info.value.message == (
        "complaint 'C-1', event 0: the store holds a received event of 2024-05-03 there; "
        "load the complaint again and redo the change"
    )


def test_each_place_in_a_history_holds_one_event(tmp_path: Path) -> None:
    """5.12: a unique key on (reference, sequence), and a trigger, refuse a second event there."""
    path = tmp_path / "c.db"
    with ComplaintStore(path) as store:
        store.save(received())
    with sqlite3.connect(path) as connection:
        unique = [
            connection.execute(f"PRAGMA index_info('{name}')").fetchall()
            for _, name, is_unique, *_ in connection.execute(
                "PRAGMA index_list('complaintcode_events')"
            )
            if is_unique
        ]
        assert [[column for *_, column in index] for index in unique] == [["reference", "sequence"]]
        with pytest.raises(sqlite3.IntegrityError) as info:
            connection.execute(
                "INSERT INTO complaintcode_events VALUES ('C-1', 0, 'received', '2024-05-04', '{}')"
            )
    assert str(info.value) == "5.12: that place in the history holds an event already"


def test_the_store_maps_a_constraint_failure_to_a_conflict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """5.12: a row written between the store's check and its insert is a conflict too."""
    path = tmp_path / "c.db"
    with ComplaintStore(path) as store:
        store.save(received())
        real = store._append

        def racing(complaint: Complaint) -> int:
            # Another writer's row lands between the store's read and its insert: the read
            # is made to miss it, as it would without the store's lock.
            connection = store._connection
            connection.execute(
                "INSERT INTO complaintcode_events VALUES "
                "('C-1', 1, 'withdrawn', '2024-05-08', '{\"kind\":\"withdrawn\"}')"
            )
            store._connection = _Stale(connection)  # type: ignore[assignment]
            try:
                return real(complaint)
            finally:
                store._connection = connection

        monkeypatch.setattr(store, "_append", racing)
        with pytest.raises(StoreConflict) as info:
            store.save(acknowledged())
    assert str(info.value) == (
        "5.12: complaint 'C-1', event 1: the store holds an event there already; "
        "load the complaint again and redo the change"
    )
    assert [r[2] for r in rows(path)] == ["received"]


class _Stale:
    """A connection whose reads miss the other writer's row, as a stale read would."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def execute(self, sql: str, parameters: tuple[Any, ...] = ()) -> Any:
        if sql.startswith("SELECT sequence, event"):
            return self.connection.execute(sql + " LIMIT 1", parameters)
        return self.connection.execute(sql, parameters)


def test_save_all_saves_all_or_nothing(tmp_path: Path) -> None:
    """5.12: a batch with one conflict leaves the store as it was."""
    path = tmp_path / "c.db"
    with ComplaintStore(path) as store:
        store.save(received())
        batch = [received("C-2"), Complaint.receive("C-1", received=D(2024, 6, 1))]
        with pytest.raises(StoreConflict):
            store.save_all(batch)
        assert store.references() == ("C-1",)
        with pytest.raises(InvalidRecord) as info:
            store.save_all([received("C-3"), received("C-3")])
        assert str(info.value) == "complaints[1]: the reference 'C-3' is given twice"
        with pytest.raises(InvalidRecord) as info:
            store.save_all(["C-4"])  # type: ignore[list-item]  # the wrong input is the point
        assert str(info.value) == "complaints[0]: expected a Complaint, got str"
        assert store.references() == ("C-1",)


# --- nothing is changed in place ------------------------------------------------------------

_CHANGES = re.compile(
    r"^\s*(UPDATE|DELETE|REPLACE)\b|\bOR\s+REPLACE\b|\bDO\s+UPDATE\b", re.IGNORECASE
)


def test_the_store_issues_no_update_or_delete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """5.12: every statement the store sends, from opening to closing, only reads or inserts."""
    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection: sqlite3.Connection = connect(*args, **kwargs)
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr(sqlite3, "connect", traced)
    path = tmp_path / "c.db"
    with ComplaintStore(path) as store:
        store.save(received())
        store.save_all([acknowledged().respond(D(2024, 5, 20)), received("C-2")])
        with pytest.raises(StoreConflict):
            store.save(received().withdraw(D(2024, 5, 4)))
        store.load("C-1")
        list(store.complaints())
    with ComplaintStore(path, read_only=True) as store:
        store.references()
    assert len(statements) > 10
    kinds = {s.split()[0].upper() for s in statements}
    assert kinds == {"BEGIN", "COMMIT", "CREATE", "INSERT", "ROLLBACK", "SELECT"}
    assert [s for s in statements if _CHANGES.search(s)] == []
    inserts = [s for s in statements if s.upper().startswith("INSERT")]
    assert all(s.startswith(("INSERT INTO ", "INSERT OR IGNORE INTO ")) for s in inserts)


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        (
            "UPDATE complaintcode_events SET occurred_on = '2024-05-04'",
            "5.12: a stored event is never changed: append a new one",
        ),
        (
            "DELETE FROM complaintcode_events",
            "5.12: a stored event is never removed: append a new one",
        ),
        (
            (
                "INSERT OR REPLACE INTO complaintcode_events "
                "VALUES ('C-1', 0, 'received', '2024-05-04', '{}')"
            ),
            "5.12: that place in the history holds an event already",
        ),
    ],
)
def test_the_tables_refuse_a_change_from_any_writer(tmp_path: Path, sql: str, message: str) -> None:
    """5.12: the triggers refuse an update, a delete or a replace made outside the store."""
    path = tmp_path / "c.db"
    with ComplaintStore(path) as store:
        store.save(received())
    with sqlite3.connect(path) as connection, pytest.raises(sqlite3.IntegrityError) as info:
        connection.execute(sql)
    assert str(info.value) == message
    assert rows(path) == [("C-1", 0, "received", "2024-05-03")]


# --- opening, and what cannot be read ---------------------------------------------------------


def test_a_read_only_store_refuses_to_save_and_makes_nothing(tmp_path: Path) -> None:
    """A store opened for reading writes nothing, and a missing file is not made."""
    path = tmp_path / "c.db"
    with ComplaintStore(path) as store:
        store.save(received())
    with ComplaintStore(path, read_only=True) as store, pytest.raises(StoreError) as info:
        store.save(acknowledged())
    assert str(info.value) == f"{path} was opened read-only: nothing can be saved"
    missing = tmp_path / "missing.db"
    with pytest.raises(StoreError) as info:
        ComplaintStore(missing, read_only=True)
    assert str(info.value) == f"cannot open {missing}: unable to open database file"
    assert not missing.exists()


def test_files_that_are_not_stores_are_refused(tmp_path: Path) -> None:
    """Text, a database of other tables, and another format each get a clear error."""
    text = tmp_path / "complaints.jsonl"
    text.write_text('{"format": "complaintcode/complaint@1"}\n' * 100)
    with pytest.raises(StoreError) as info:
        ComplaintStore(text)
    assert str(info.value) == f"cannot read {text}: file is not a database"
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError) as info:
        ComplaintStore(other, read_only=True)
    assert str(info.value) == f"{other} is a SQLite database without complaintcode's tables"
    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as connection:
        connection.executescript(SQLITE_SCHEMA)
        connection.execute("INSERT INTO complaintcode_store VALUES ('format', 'x/store@9')")
    with pytest.raises(StoreError) as info:
        ComplaintStore(newer)
    assert str(info.value) == f"{newer} holds the format 'x/store@9', not {STORE_FORMAT!r}"


def test_bad_arguments_are_invalid_records() -> None:
    """A path that is not one, a calendar that is not one, a reference that is not text."""
    with pytest.raises(InvalidRecord) as info:
        ComplaintStore(3)  # type: ignore[arg-type]  # the wrong input is the point
    assert str(info.value) == "path: expected a path, got int"
    with pytest.raises(InvalidRecord) as info:
        ComplaintStore(":memory:", calendar="England")  # type: ignore[arg-type]
    assert str(info.value) == "calendar: expected a WorkingCalendar, got str"
    with ComplaintStore(":memory:") as store, pytest.raises(InvalidRecord) as info:
        store.load(1)  # type: ignore[arg-type]  # the wrong input is the point
    assert str(info.value) == "reference: expected a reference as text, got int"


def test_an_unknown_reference_is_a_lookup_error() -> None:
    """Loading a reference the store does not hold names it."""
    with ComplaintStore(":memory:") as store, pytest.raises(UnknownComplaint) as info:
        store.load("C-9")
    assert str(info.value) == "no complaint 'C-9' in the store"
    assert isinstance(info.value, LookupError)
    assert info.value.reference == "C-9"


def test_a_closed_store_says_so() -> None:
    """Using a store after closing it is a StoreError, not sqlite3's."""
    store = ComplaintStore(":memory:")
    store.close()
    with pytest.raises(StoreError) as info:
        len(store)
    assert str(info.value) == ":memory: is closed"
    assert repr(ComplaintStore(":memory:", read_only=False)) == "ComplaintStore(':memory:')"


def _corrupt(path: Path, *values: tuple[str, int, str, str, str]) -> None:
    with sqlite3.connect(path) as connection:
        connection.executemany("INSERT INTO complaintcode_events VALUES (?, ?, ?, ?, ?)", values)


def test_rows_written_by_others_are_checked_when_loaded(tmp_path: Path) -> None:
    """5.12: rows from another writer that no complaint could have are reported, with where."""
    path = tmp_path / "c.db"
    with ComplaintStore(path) as store:
        store.save_all([acknowledged(), received("C-2"), received("C-3"), received("C-4")])
    _corrupt(
        path,
        ("C-2", 2, "closed", "2024-05-09", '{"kind":"closed","on":"2024-05-09"}'),
        ("C-3", 1, "closed", "2024-05-09", '{"kind":"closed","on":"2024-05-32"}'),
        ("C-4", 1, "responded", "2024-05-01", '{"kind":"responded","on":"2024-05-01","stage":1}'),
        ("C-5", 0, "received", "2024-05-03", '{"kind":"received","on":"2024-05-03"}'),
    )
    reported: list[str] = []
    with ComplaintStore(path, read_only=True) as store:
        found = list(store.complaints(on_error=lambda ref, err: reported.append(f"{ref}: {err}")))
        with pytest.raises(InvalidRecord) as info:
            list(store.complaints())
    assert [c.reference for c in found] == ["C-1"]
    assert reported == [
        "C-2: complaint 'C-2': event 1 is missing: the history jumps to event 2",
        "C-3: complaint 'C-3', events[1].on: not an ISO date (YYYY-MM-DD): '2024-05-32'",
        (
            "C-4: complaint 'C-4', events[1].on: 2024-05-01 is before the previous event "
            "(2024-05-03): dates must not run backwards"
        ),
        "C-5: complaint 'C-5', events[0].reference: missing required field",
    ]
    assert str(info.value) == reported[0].removeprefix("C-2: ")


def test_errors_survive_pickling() -> None:
    """The store's errors cross process boundaries with their fields."""
    conflict = StoreConflict("C-1", 2, "the store holds an event there already")
    copy = pickle.loads(pickle.dumps(conflict))  # noqa: S301  # our own object
    assert (str(copy), copy.reference, copy.sequence) == (str(conflict), "C-1", 2)
    unknown = pickle.loads(pickle.dumps(UnknownComplaint("C-9")))  # noqa: S301
    assert (str(unknown), unknown.reference) == ("no complaint 'C-9' in the store", "C-9")
    assert issubclass(StoreError, ComplaintCodeError)


# --- the documented schemas -----------------------------------------------------------------


def _sql_blocks(page: str) -> list[str]:
    return re.findall(r"```sql\n(.*?)```", page, flags=re.DOTALL)


def test_the_docs_show_both_schemas_as_the_code_has_them() -> None:
    """docs/store.md shows the SQLite schema the store makes and its PostgreSQL equivalent."""
    blocks = _sql_blocks(DOCS.read_text(encoding="utf-8"))
    assert SQLITE_SCHEMA in blocks
    assert POSTGRESQL_SCHEMA in blocks
