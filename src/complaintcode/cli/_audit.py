"""The ``complaintcode audit`` command: every finding per complaint, and a summary."""

from __future__ import annotations

import abc
import collections
import json
from typing import TYPE_CHECKING, Any

from complaintcode.cli._io import Console, findings_csv, plural
from complaintcode.cli._reading import each_complaint, load_complaints

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Iterable

    from complaintcode.complaint import Complaint
    from complaintcode.findings import Finding


class _Summary:
    """What the summary says of the complaints audited, counted as they pass."""

    def __init__(self, as_of: dt.date | None) -> None:
        self.as_of = as_of
        self.read = 0
        self.audited = 0
        self.not_yet_received = 0
        self.with_findings = 0
        self.breaches = 0
        self.codes: collections.Counter[str] = collections.Counter()
        self.first: dict[str, Finding] = {}

    def audit(self, complaint: Complaint) -> tuple[Finding, ...]:
        """Audit one complaint and count it; ``()`` for one not audited."""
        self.read += 1
        if self.as_of is None:
            return ()
        if complaint.received > self.as_of:
            self.not_yet_received += 1
            return ()
        self.audited += 1
        found = complaint.audit(self.as_of)
        if found:
            self.with_findings += 1
            for f in found:
                self.codes[f.code] += 1
                self.first.setdefault(f.code, f)
                self.breaches += f.severity == "breach"
        return found

    @property
    def findings(self) -> int:
        return sum(self.codes.values())

    def to_dict(self) -> dict[str, Any]:
        order = sorted(self.codes, key=lambda code: (self.first[code].provision.sort_key, code))
        return {
            "complaints_read": self.read,
            "audited": self.audited,
            "received_after_as_of": self.not_yet_received,
            "with_findings": self.with_findings,
            "findings": self.findings,
            "breaches": self.breaches,
            "warnings": self.findings - self.breaches,
            "by_provision": {code: self.codes[code] for code in order},
        }


class _Writer(abc.ABC):
    """Writes the findings of each complaint as it is audited, then the summary."""

    def __init__(self, console: Console, summary: _Summary) -> None:
        self.console = console
        self.summary = summary
        self.written = 0

    @abc.abstractmethod
    def start(self) -> None:
        """Write what comes before the first complaint."""

    @abc.abstractmethod
    def complaint(self, complaint: Complaint, found: tuple[Finding, ...]) -> None:
        """Write one complaint's findings."""

    @abc.abstractmethod
    def end(self) -> None:
        """Write the summary."""


class _Text(_Writer):
    def start(self) -> None:
        """Nothing: each complaint's findings come first, then the summary."""

    def complaint(self, complaint: Complaint, found: tuple[Finding, ...]) -> None:
        lines = [f"{complaint.reference}: {plural(len(found), 'finding')}"]
        for f in found:
            label = f.code if f.severity == "breach" else f"{f.code} ({f.severity})"
            lines.append(f"  {label}: {f.message}")
        self.console.write("\n".join(lines))
        self.written += 1

    def end(self) -> None:
        lines = [""] if self.written else []
        s = self.summary.to_dict()
        as_of = self.summary.as_of.isoformat() if self.summary.as_of else "(no complaints read)"
        lines.append(f"Summary as of {as_of}")
        lines.append(f"  complaints audited: {s['audited']}")
        if s["received_after_as_of"]:
            lines.append(
                f"  received after the as-of date, not audited: {s['received_after_as_of']}"
            )
        lines.append(f"  complaints with findings: {s['with_findings']}")
        lines.append(
            f"  findings: {s['findings']} ({plural(s['breaches'], 'breach', 'breaches')}, "
            f"{plural(s['warnings'], 'warning')})"
        )
        if s["by_provision"]:
            by = ", ".join(f"{code}: {n}" for code, n in s["by_provision"].items())
            lines.append(f"  by provision: {by}")
        bad = len(self.console.bad)
        if bad:
            lines.append(f"  bad records skipped: {bad} (listed on standard error)")
        self.console.write("\n".join(lines))


class _Csv(_Writer):
    def start(self) -> None:
        self.console.write(findings_csv(()))

    def complaint(self, complaint: Complaint, found: tuple[Finding, ...]) -> None:  # noqa: ARG002  # each writer is called alike
        self.console.write_part(findings_csv(found, header=False))

    def end(self) -> None:
        """Nothing: the rows are the whole of the CSV."""


class _Json(_Writer):
    """The document ``json.dumps(..., indent=2)`` would write, written a complaint at a time."""

    def start(self) -> None:
        as_of = self.summary.as_of.isoformat() if self.summary.as_of else None
        self.console.write_part(f'{{\n  "as_of": {json.dumps(as_of)},\n  "complaints": [')

    def complaint(self, complaint: Complaint, found: tuple[Finding, ...]) -> None:
        item = {
            "reference": complaint.reference,
            "status": complaint.status,
            "findings": [f.to_dict() for f in found],
        }
        text = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        self.console.write_part(("," if self.written else "") + "\n    " + text)
        self.written += 1

    def end(self) -> None:
        rest = {
            "summary": {**self.summary.to_dict(), "bad_records": len(self.console.bad)},
            "bad_records": [b.to_dict() for b in self.console.bad],
        }
        tail = json.dumps(rest, indent=2, ensure_ascii=False)
        self.console.write(("\n  ]" if self.written else "]") + ",\n" + tail[2:])


_WRITERS: dict[str, type[_Writer]] = {"text": _Text, "csv": _Csv, "json": _Json}


def run(args: argparse.Namespace, console: Console) -> int:
    """Audit every complaint in a JSON Lines file as of a day, and print the findings.

    The day is ``--as-of``, or else the latest event date in the file.
    Complaints received after it are not audited (they had not arrived). With
    ``--as-of`` the complaints are read, audited and written one at a time, and
    none is kept; without it every complaint is held until the file has been
    read, since the day is known only then. Bad records are reported on
    standard error as they are met; the summary, written last, counts them.

    Returns:
        3 if some lines could not be read, else 1 if anything was found, else 0.
    """
    if args.as_of is not None:
        with each_complaint(console, args.file) as each:
            summary = _write(console, args.format, each, args.as_of)
    else:
        # The day is known only once every complaint has been read.
        complaints = load_complaints(console, args.file)
        as_of = max((c.events[-1].on for c in complaints), default=None)
        summary = _write(console, args.format, complaints, as_of)
    return console.exit_code(findings=summary.findings > 0)


def _write(
    console: Console, fmt: str, complaints: Iterable[Complaint], as_of: dt.date | None
) -> _Summary:
    summary = _Summary(as_of)
    writer = _WRITERS[fmt](console, summary)
    writer.start()
    for complaint in complaints:
        found = summary.audit(complaint)
        if found:
            writer.complaint(complaint, found)
    writer.end()
    return summary
