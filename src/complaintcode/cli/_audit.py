"""The ``complaintcode audit`` command: every finding per complaint, and a summary."""

from __future__ import annotations

import collections
import json
from typing import TYPE_CHECKING, Any

from complaintcode.cli._io import Console, each_complaint, findings_csv, load_complaints, plural

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Iterable

    from complaintcode.complaint import Complaint
    from complaintcode.findings import Finding

#: The columns of ``--format csv``: those of :meth:`Finding.to_dict`, in order.
CSV_COLUMNS = (
    "code",
    "provision",
    "edition",
    "item",
    "severity",
    "reference",
    "on",
    "due",
    "message",
)


class _Audit:
    """The results of auditing a file: the complaints with findings, and counts of the rest.

    The complaints are audited one at a time as they are read; of each, only its
    reference, status and findings are kept, and only if it has findings.
    """

    def __init__(self, complaints: Iterable[Complaint], as_of: dt.date | None) -> None:
        self.read = 0
        self.audited = 0
        self.as_of = as_of
        self.results: list[tuple[str, str, tuple[Finding, ...]]] = []
        self.not_yet_received = 0
        for complaint in complaints:
            self.read += 1
            if as_of is None:
                continue
            if complaint.received > as_of:
                self.not_yet_received += 1
                continue
            self.audited += 1
            found = complaint.audit(as_of)
            if found:
                self.results.append((complaint.reference, complaint.status, found))

    @property
    def findings(self) -> list[Finding]:
        return [f for _, _, found in self.results for f in found]

    def summary(self) -> dict[str, Any]:
        findings = self.findings
        codes = collections.Counter(f.code for f in findings)
        first = {f.code: f for f in reversed(findings)}
        order = sorted(codes, key=lambda code: (first[code].provision.sort_key, code))
        breaches = sum(1 for f in findings if f.severity == "breach")
        return {
            "complaints_read": self.read,
            "audited": self.audited,
            "received_after_as_of": self.not_yet_received,
            "with_findings": len(self.results),
            "findings": len(findings),
            "breaches": breaches,
            "warnings": len(findings) - breaches,
            "by_provision": {code: codes[code] for code in order},
        }


def _text(audit: _Audit, bad: int) -> str:
    lines: list[str] = []
    for reference, _, found in audit.results:
        lines.append(f"{reference}: {plural(len(found), 'finding')}")
        for f in found:
            label = f.code if f.severity == "breach" else f"{f.code} ({f.severity})"
            lines.append(f"  {label}: {f.message}")
    if lines:
        lines.append("")
    s = audit.summary()
    as_of = audit.as_of.isoformat() if audit.as_of else "(no complaints read)"
    lines.append(f"Summary as of {as_of}")
    lines.append(f"  complaints audited: {s['audited']}")
    if s["received_after_as_of"]:
        lines.append(f"  received after the as-of date, not audited: {s['received_after_as_of']}")
    lines.append(f"  complaints with findings: {s['with_findings']}")
    lines.append(
        f"  findings: {s['findings']} ({plural(s['breaches'], 'breach', 'breaches')}, "
        f"{plural(s['warnings'], 'warning')})"
    )
    if s["by_provision"]:
        by = ", ".join(f"{code}: {n}" for code, n in s["by_provision"].items())
        lines.append(f"  by provision: {by}")
    if bad:
        lines.append(f"  bad records skipped: {bad} (listed on standard error)")
    return "\n".join(lines)


def _json(audit: _Audit, console: Console) -> str:
    data = {
        "as_of": audit.as_of.isoformat() if audit.as_of else None,
        "complaints": [
            {
                "reference": reference,
                "status": status,
                "findings": [f.to_dict() for f in found],
            }
            for reference, status, found in audit.results
        ],
        "summary": {**audit.summary(), "bad_records": len(console.bad)},
        "bad_records": [b.to_dict() for b in console.bad],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def run(args: argparse.Namespace, console: Console) -> int:
    """Audit every complaint in a JSON Lines file as of a day, and print the findings.

    The day is ``--as-of``, or else the latest event date in the file.
    Complaints received after it are not audited (they had not arrived). With
    ``--as-of`` the complaints are read and audited one at a time, and only
    those with findings are kept; without it every complaint is held until the
    file has been read, since the day is known only then.

    Returns:
        3 if some lines could not be read, else 1 if anything was found, else 0.
    """
    if args.as_of is not None:
        with each_complaint(console, args.file) as each:
            audit = _Audit(each, args.as_of)
    else:
        # The day is known only once every complaint has been read.
        complaints = load_complaints(console, args.file)
        as_of = max((c.events[-1].on for c in complaints), default=None)
        audit = _Audit(complaints, as_of)
    if args.format == "json":
        console.write(_json(audit, console))
    elif args.format == "csv":
        console.write(findings_csv(audit.findings))
    else:
        console.write(_text(audit, len(console.bad)))
    return console.exit_code(findings=bool(audit.findings))
