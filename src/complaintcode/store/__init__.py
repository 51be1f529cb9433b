"""A database of complaints: their events kept, append-only, in SQLite (5.12).

A landlord keeps the full record of each complaint (5.12): what was received,
every letter and decision, the outcome of each stage. A :class:`ComplaintStore`
keeps that record in a database file, as the events of each complaint, a row
per event with the complaint's reference, the event's place in its history
and the event as JSON. Saving a complaint appends the events the store does
not hold yet; loading one replays its events. Nothing is ever updated or
deleted: a change to what was recorded is a new event, and a second writer's
conflicting event is refused with :class:`StoreConflict`.

The store runs on the standard library's :mod:`sqlite3`, with no server. The
same tables for PostgreSQL, with the event as ``jsonb``, are in
``docs/store.md`` (:data:`POSTGRESQL_SCHEMA`), for landlords whose systems
already run one.

>>> import datetime as dt
>>> from complaintcode.complaint import Complaint
>>> with ComplaintStore(":memory:") as store:
...     store.save(Complaint.receive("C-1", received=dt.date(2024, 5, 3)))
...     store.load("C-1").received
1
datetime.date(2024, 5, 3)
"""

from __future__ import annotations

from complaintcode.store._errors import StoreConflict, StoreError, UnknownComplaint
from complaintcode.store._schema import POSTGRESQL_SCHEMA, SQLITE_SCHEMA, STORE_FORMAT
from complaintcode.store._sqlite import SQLITE_HEADER, ComplaintStore

__all__ = [
    "POSTGRESQL_SCHEMA",
    "SQLITE_HEADER",
    "SQLITE_SCHEMA",
    "STORE_FORMAT",
    "ComplaintStore",
    "StoreConflict",
    "StoreError",
    "UnknownComplaint",
]
