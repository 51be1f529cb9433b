"""The store's tables, as SQL for SQLite and for PostgreSQL (behind :mod:`complaintcode.store`).

One table holds every event of every complaint, a row each, keyed by the
complaint's reference and the event's place in its history. Rows are only ever
inserted: triggers refuse an update, a delete or a second event in a place
already taken (which ``INSERT OR REPLACE`` would otherwise swap in) from any
writer (5.12: the record is kept whole). A second table names the format, so that a reader knows
what it opened.
"""

from __future__ import annotations

__all__: list[str] = []

#: The format of a store, written into its ``complaintcode_store`` table.
STORE_FORMAT = "complaintcode/store@1"

#: The tables of a SQLite store; every statement may run again on an existing store.
SQLITE_SCHEMA = """\
CREATE TABLE IF NOT EXISTS complaintcode_store (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS complaintcode_events (
    reference   TEXT    NOT NULL CHECK (length(trim(reference)) > 0),
    sequence    INTEGER NOT NULL CHECK (sequence >= 0),
    kind        TEXT    NOT NULL,
    occurred_on TEXT    NOT NULL CHECK (date(occurred_on) = occurred_on),
    event       TEXT    NOT NULL CHECK (json_valid(event)),
    PRIMARY KEY (reference, sequence)
);
CREATE INDEX IF NOT EXISTS complaintcode_events_occurred_on
    ON complaintcode_events (occurred_on);
CREATE TRIGGER IF NOT EXISTS complaintcode_events_are_never_replaced
    BEFORE INSERT ON complaintcode_events
    WHEN EXISTS (
        SELECT 1 FROM complaintcode_events
        WHERE reference = NEW.reference AND sequence = NEW.sequence
    )
BEGIN
    SELECT RAISE(ABORT, '5.12: that place in the history holds an event already');
END;
CREATE TRIGGER IF NOT EXISTS complaintcode_events_are_never_changed
    BEFORE UPDATE ON complaintcode_events
BEGIN
    SELECT RAISE(ABORT, '5.12: a stored event is never changed: append a new one');
END;
CREATE TRIGGER IF NOT EXISTS complaintcode_events_are_never_removed
    BEFORE DELETE ON complaintcode_events
BEGIN
    SELECT RAISE(ABORT, '5.12: a stored event is never removed: append a new one');
END;
"""

#: The same tables for PostgreSQL, with the event as ``jsonb``; for ``docs/store.md``.
POSTGRESQL_SCHEMA = """\
CREATE TABLE IF NOT EXISTS complaintcode_store (
    key   text PRIMARY KEY,
    value text NOT NULL
);
CREATE TABLE IF NOT EXISTS complaintcode_events (
    reference   text    NOT NULL CHECK (length(trim(reference)) > 0),
    sequence    integer NOT NULL CHECK (sequence >= 0),
    kind        text    NOT NULL,
    occurred_on date    NOT NULL,
    event       jsonb   NOT NULL CHECK (jsonb_typeof(event) = 'object'),
    PRIMARY KEY (reference, sequence)
);
CREATE INDEX IF NOT EXISTS complaintcode_events_occurred_on
    ON complaintcode_events (occurred_on);
CREATE INDEX IF NOT EXISTS complaintcode_events_kind
    ON complaintcode_events (kind);
CREATE OR REPLACE FUNCTION complaintcode_events_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '5.12: a stored event is never changed or removed: append a new one';
END;
$$;
CREATE OR REPLACE TRIGGER complaintcode_events_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON complaintcode_events
    FOR EACH STATEMENT EXECUTE FUNCTION complaintcode_events_append_only();
"""
