"""The append-only store of complaints on SQLite (behind :mod:`complaintcode.store`).

Saving a complaint compares its history with the stored one, inside one
``BEGIN IMMEDIATE`` transaction, and inserts only the events after it; nothing
is updated or deleted (5.12), and the tables' triggers refuse it from any other
writer too. Loading reads a complaint's rows in order and replays them through
:meth:`~complaintcode.complaint.Complaint.from_events`, which refuses a history
no complaint could have.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from complaintcode._codec import loads
from complaintcode.calendar import WorkingCalendar
from complaintcode.complaint import Complaint
from complaintcode.complaint.events import Event, event_from_dict
from complaintcode.errors import ComplaintCodeError, InvalidRecord
from complaintcode.store._errors import StoreConflict, StoreError, UnknownComplaint
from complaintcode.store._schema import SQLITE_SCHEMA, STORE_FORMAT

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from types import TracebackType

__all__ = ["ComplaintStore"]

#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"

_ORDERED = """\
SELECT e.reference, e.sequence, e.event
FROM complaintcode_events AS e
JOIN (
    SELECT reference, min(rowid) AS first FROM complaintcode_events GROUP BY reference
) AS f ON f.reference = e.reference
ORDER BY f.first, e.sequence"""


def _json(event: Event) -> str:
    return json.dumps(event.to_dict(), ensure_ascii=False, separators=(",", ":"))


def _article(kind: str) -> str:
    return "an" if kind[0] in "aeiou" else "a"


def _describe(stored: str) -> str:
    """What a stored event is, for a conflict's message."""
    try:
        data = json.loads(stored)
        kind, on = data["kind"], data["on"]
    except (ValueError, TypeError, KeyError):
        return "the store holds another event there"
    return f"the store holds {_article(str(kind))} {kind} event of {on} there"


def _checked(complaints: Iterable[Complaint]) -> list[Complaint]:
    """The complaints as a list, each a complaint with a reference of its own."""
    out: list[Complaint] = []
    seen: set[str] = set()
    for i, complaint in enumerate(complaints):
        if not isinstance(complaint, Complaint):
            raise InvalidRecord(
                f"expected a Complaint, got {type(complaint).__name__}", path=f"complaints[{i}]"
            )
        if complaint.reference in seen:
            raise InvalidRecord(
                f"the reference {complaint.reference!r} is given twice", path=f"complaints[{i}]"
            )
        seen.add(complaint.reference)
        out.append(complaint)
    return out


class ComplaintStore:
    """Complaints kept as their events, one row each, in a SQLite database (5.12).

    The events table is append-only: :meth:`save` inserts the events a
    complaint has that the store does not, and nothing is ever updated or
    deleted. Two writers that append to the same complaint at once cannot both
    succeed: the second gets :class:`StoreConflict`, naming the complaint and
    the place in its history, and loads the complaint again. The schema, and
    the same tables for PostgreSQL, are in ``docs/store.md``.

    Args:
        path: The database file; it is made, with its tables, if it does not
            exist. ``":memory:"`` keeps the store in memory.
        read_only: Open an existing store for reading only: nothing is made,
            and :meth:`save` is refused.
        calendar: The working-day calendar of the complaints loaded; England
            and Wales by default.

    Raises:
        StoreError: If the file cannot be opened, is not a SQLite database, or
            holds another format; with ``read_only``, if it has no store.

    >>> import datetime as dt
    >>> store = ComplaintStore(":memory:")
    >>> c = Complaint.receive("C-1", received=dt.date(2024, 5, 3))
    >>> store.save(c)
    1
    >>> store.save(c.withdraw(dt.date(2024, 5, 8)))
    1
    >>> store.load("C-1").status, len(store)
    ('withdrawn', 1)
    >>> store.close()
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        calendar: WorkingCalendar | None = None,
    ) -> None:
        if not isinstance(path, (str, os.PathLike)):
            raise InvalidRecord(f"expected a path, got {type(path).__name__}", path="path")
        if calendar is not None and not isinstance(calendar, WorkingCalendar):
            raise InvalidRecord(
                f"expected a WorkingCalendar, got {type(calendar).__name__}", path="calendar"
            )
        self.path = os.fspath(path)
        self.read_only = read_only
        self.calendar = calendar
        self._closed = False
        self._connection = self._connect()
        try:
            self._prepare()
        except BaseException:
            self._connection.close()
            raise

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.read_only:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                return sqlite3.connect(uri, uri=True, isolation_level=None)
            return sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as err:
            raise StoreError(f"cannot open {self.path}: {err}") from None

    def _prepare(self) -> None:
        """Make the tables (unless read-only) and check the store's format."""
        try:
            if not self.read_only:
                self._connection.executescript(SQLITE_SCHEMA)
                self._connection.execute(
                    "INSERT OR IGNORE INTO complaintcode_store (key, value) VALUES (?, ?)",
                    ("format", STORE_FORMAT),
                )
            row = self._connection.execute(
                "SELECT value FROM complaintcode_store WHERE key = 'format'"
            ).fetchone()
        except sqlite3.DatabaseError as err:
            if "no such table" in str(err):
                raise StoreError(
                    f"{self.path} is a SQLite database without complaintcode's tables"
                ) from None
            raise StoreError(f"cannot read {self.path}: {err}") from None
        found = None if row is None else row[0]
        if found != STORE_FORMAT:
            raise StoreError(f"{self.path} holds the format {found!r}, not {STORE_FORMAT!r}")

    # --- closing ----------------------------------------------------------------

    def close(self) -> None:
        """Close the database; the store cannot be used after it."""
        self._closed = True
        self._connection.close()

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(f"{self.path} is closed")

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = ", read_only=True" if self.read_only else ""
        return f"ComplaintStore({self.path!r}{mode})"

    # --- reading ----------------------------------------------------------------

    def _query(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[Any]:
        self._check_open()
        try:
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"cannot read {self.path}: {err}") from None

    def __len__(self) -> int:
        """The number of complaints stored."""
        rows = self._query("SELECT count(DISTINCT reference) FROM complaintcode_events")
        return int(rows[0][0])

    def __contains__(self, reference: object) -> bool:
        if not isinstance(reference, str):
            return False
        rows = self._query(
            "SELECT 1 FROM complaintcode_events WHERE reference = ? LIMIT 1", (reference,)
        )
        return bool(rows)

    def references(self) -> tuple[str, ...]:
        """The references of the complaints stored, in the order they were first saved.

        >>> import datetime as dt
        >>> with ComplaintStore(":memory:") as store:
        ...     for ref in ("B-2", "A-1"):
        ...         _ = store.save(Complaint.receive(ref, received=dt.date(2024, 5, 3)))
        ...     store.references()
        ('B-2', 'A-1')
        """
        rows = self._query(
            "SELECT reference FROM complaintcode_events GROUP BY reference ORDER BY min(rowid)"
        )
        return tuple(str(r[0]) for r in rows)

    def load(self, reference: str) -> Complaint:
        """The complaint with a reference, rebuilt from its stored events.

        Args:
            reference: The complaint's reference.

        Returns:
            The complaint.

        Raises:
            UnknownComplaint: If no complaint with the reference is stored.
            InvalidRecord: If its stored events are not a history a complaint
                could have; the path names the complaint and the event.
        """
        if not isinstance(reference, str):
            raise InvalidRecord(
                f"expected a reference as text, got {type(reference).__name__}", path="reference"
            )
        rows = self._query(
            "SELECT reference, sequence, event FROM complaintcode_events "
            "WHERE reference = ? ORDER BY sequence",
            (reference,),
        )
        if not rows:
            raise UnknownComplaint(reference)
        return self._rebuild(reference, rows)

    def complaints(
        self, *, on_error: Callable[[str, ComplaintCodeError], object] | None = None
    ) -> Iterator[Complaint]:
        """Every complaint stored, in the order they were first saved.

        Args:
            on_error: Called with the reference and the error for each complaint
                whose stored events cannot be read, which is then skipped.
                Without it the first such complaint raises.

        Yields:
            Each complaint.

        Raises:
            InvalidRecord: Without ``on_error``, for the first complaint that
                cannot be read.
        """
        rows = self._query(_ORDERED)
        for reference, group in itertools.groupby(rows, key=lambda row: str(row[0])):
            try:
                complaint = self._rebuild(reference, list(group))
            except ComplaintCodeError as err:
                if on_error is None:
                    raise
                on_error(reference, err)
                continue
            yield complaint

    def __iter__(self) -> Iterator[Complaint]:
        return self.complaints()

    def _rebuild(self, reference: str, rows: list[Any]) -> Complaint:
        where = f"complaint {reference!r}"
        events = []
        for expected, (_, sequence, text) in enumerate(rows):
            if sequence != expected:
                raise InvalidRecord(
                    f"event {expected} is missing: the history jumps to event {sequence}",
                    path=where,
                )
            try:
                data = loads(text, what="an event")
            except InvalidRecord as err:  # as every record is read: a key twice, nesting too deep
                at = f"{where}, events[{sequence}]"
                raise InvalidRecord(
                    err.message, path=f"{at}.{err.path}" if err.path else at
                ) from None
            try:
                events.append(event_from_dict(data, path=f"events[{sequence}]"))
            except InvalidRecord as err:
                raise InvalidRecord(err.message, path=f"{where}, {err.path}") from None
        try:
            complaint = Complaint.from_events(events, calendar=self.calendar)
        except InvalidRecord as err:
            path = f"{where}, {err.path}" if err.path else where
            raise InvalidRecord(err.message, path=path) from None
        if complaint.reference != reference:
            raise InvalidRecord(
                f"the receipt names the reference {complaint.reference!r}",
                path=f"{where}, events[0].reference",
            )
        return complaint

    # --- writing ----------------------------------------------------------------

    def save(self, complaint: Complaint) -> int:
        """Append the events of a complaint that the store does not hold yet.

        The stored history must be the start of the complaint's (or the
        complaint an older copy of the stored one, when nothing is appended).

        Args:
            complaint: The complaint, as loaded and then extended by its verbs.

        Returns:
            How many events were appended.

        Raises:
            StoreConflict: If a stored event differs from the complaint's event
                in the same place (5.12), such as one a second writer saved
                first; nothing is saved.
            StoreError: If the store was opened read-only.
        """
        return self.save_all((complaint,))

    def save_all(self, complaints: Iterable[Complaint]) -> int:
        """Save many complaints in one transaction: all of them, or none.

        Args:
            complaints: The complaints; each reference may appear once.

        Returns:
            How many events were appended in all.

        Raises:
            StoreConflict: As :meth:`save` does; nothing is saved.
            StoreError: If the store was opened read-only.
            InvalidRecord: For something that is not a complaint, or a
                reference given twice.
        """
        self._check_open()
        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only: nothing can be saved")
        given = _checked(complaints)
        try:
            self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise StoreError(f"cannot write to {self.path}: {err}") from None
        try:
            appended = sum(self._append(complaint) for complaint in given)
        except BaseException:
            self._connection.execute("ROLLBACK")
            raise
        try:
            self._connection.execute("COMMIT")
        except sqlite3.Error as err:
            raise StoreError(f"cannot write to {self.path}: {err}") from None
        return appended

    def _append(self, complaint: Complaint) -> int:
        reference = complaint.reference
        stored = self._connection.execute(
            "SELECT sequence, event FROM complaintcode_events "
            "WHERE reference = ? ORDER BY sequence",
            (reference,),
        ).fetchall()
        texts = [_json(e) for e in complaint.events]
        for sequence, text in stored:
            if sequence >= len(texts):
                return 0  # an older copy of the stored complaint: nothing is new
            if json.loads(text) != json.loads(texts[sequence]):
                raise StoreConflict(reference, sequence, _describe(text))
        events = complaint.events
        for sequence in range(len(stored), len(texts)):
            event = events[sequence]
            try:
                self._connection.execute(
                    "INSERT INTO complaintcode_events "
                    "(reference, sequence, kind, occurred_on, event) VALUES (?, ?, ?, ?, ?)",
                    (reference, sequence, event.kind, event.on.isoformat(), texts[sequence]),
                )
            except sqlite3.IntegrityError:
                raise StoreConflict(
                    reference, sequence, "the store holds an event there already"
                ) from None
        return len(texts) - len(stored)
