"""What ``report`` and ``mrc`` read besides the complaints, and the ``mrc`` command (behind the CLI).

- ``--details FILE``: the report's words and the governing body's part, in a
  small TOML or JSON file (keys in :data:`DETAILS_KEYS`, documented in
  ``docs/cli.md``);
- ``--service-requests FILE``: service requests as JSON Lines, one
  ``ServiceRequest.to_json()`` per line; a bad line is reported and skipped;
- ``--tenure-homes TENURE=N``: the homes of a tenure, for CH01 by tenure.
"""

from __future__ import annotations

import importlib.resources
import json
import tomllib
from typing import TYPE_CHECKING, Any

from complaintcode._codec import loads
from complaintcode.cli._io import Console, UsageError, open_input, read_text
from complaintcode.cli._reading import each_complaint
from complaintcode.complaint import TENURES, ServiceRequest
from complaintcode.errors import ComplaintCodeError, InvalidRecord
from complaintcode.records import BadRecord
from complaintcode.reporting import GoverningBody, MRCPack, mrc_pack

if TYPE_CHECKING:
    import argparse

__all__: list[str] = []

#: The keys a details file may hold, each optional.
DETAILS_KEYS: tuple[str, ...] = (
    "qualitative_analysis",
    "improvements",
    "ombudsman_findings",
    "ombudsman_reports",
    "governing_body",
    "homes_by_tenure",
)


def tenure_homes(text: str) -> tuple[str, int]:
    """Read ``TENURE=N`` given on the command line.

    Raises:
        argparse.ArgumentTypeError: For an unknown tenure or a number not above 0.
    """
    import argparse  # noqa: PLC0415  # only the parser's type check needs it

    tenure, _, number = text.partition("=")
    if tenure not in TENURES or not number.isdigit() or int(number) < 1:
        raise argparse.ArgumentTypeError(
            f"expected TENURE=N with TENURE one of {', '.join(TENURES)} and N above 0, got {text!r}"
        )
    return tenure, int(number)


def read_details(path: str) -> dict[str, Any]:
    """The annual report's details from a TOML or JSON file, as ``annual_report`` arguments.

    A file whose name ends in ``.toml`` is read as TOML, any other as JSON.

    Raises:
        UsageError: For a file that cannot be read, is not TOML or JSON of an
            object, has an unknown key, or a bad value (with its key).
    """
    return parse_details(*read_text(path))


def parse_details(name: str, text: str) -> dict[str, Any]:
    """The details in a file's text; see :func:`read_details`."""
    try:
        data = tomllib.loads(text) if name.endswith(".toml") else loads(text, what="the details")
    except (tomllib.TOMLDecodeError, ValueError) as err:  # a key given twice too, with its path
        kind = "TOML" if name.endswith(".toml") else "JSON"
        raise UsageError(f"{name} is not {kind}: {str(err).removeprefix('not JSON: ')}") from None
    if not isinstance(data, dict):
        raise UsageError(f"{name}: expected an object of the keys {', '.join(DETAILS_KEYS)}")
    unknown = sorted(set(data) - set(DETAILS_KEYS))
    if unknown:
        raise UsageError(f"{name}: {unknown[0]}: unknown key (known: {', '.join(DETAILS_KEYS)})")
    details = dict(data)
    if "governing_body" in details:
        try:
            details["governing_body"] = GoverningBody.from_dict(details["governing_body"])
        except InvalidRecord as err:
            raise UsageError(f"{name}: {err}") from None
    return details


def example_details() -> dict[str, Any]:
    """The details of the example year's report, shipped with the package for ``demo``."""
    data = importlib.resources.files("complaintcode") / "data" / "example_report_details.toml"
    return parse_details("example_report_details.toml", data.read_text(encoding="utf-8"))


def load_service_requests(console: Console, path: str) -> list[ServiceRequest]:
    """Every service request in a JSON Lines file; bad lines are reported and skipped."""
    found: list[ServiceRequest] = []
    seen: dict[str, int] = {}
    with open_input(path) as (name, stream):
        for number, raw in enumerate(stream, start=1):
            bad = _request(number, raw, found, seen)
            if bad is not None:
                console.bad_record(name, bad)
    return found


def _request(
    number: int, raw: bytes, found: list[ServiceRequest], seen: dict[str, int]
) -> BadRecord | None:
    try:
        text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as err:
        return BadRecord(line=number, message=f"not UTF-8 text ({err.reason})")
    if not text.strip():
        return None
    try:
        request = ServiceRequest.from_json(text)
    except InvalidRecord as err:
        return BadRecord(line=number, path=err.path, message=err.message)
    except ComplaintCodeError as err:
        return BadRecord(line=number, message=str(err))
    first = seen.setdefault(request.reference, number)
    if first != number:
        return BadRecord(
            line=number,
            path="events[0].reference",
            message=f"the service request {request.reference!r} is on line {first} already",
        )
    found.append(request)
    return None


def report_inputs(args: argparse.Namespace, console: Console) -> dict[str, Any]:
    """The ``annual_report`` arguments from ``--details``, ``--service-requests``, ``--tenure-homes``."""
    inputs: dict[str, Any] = {}
    if args.details is not None:
        inputs.update(read_details(args.details))
    if args.service_requests is not None:
        inputs["service_requests"] = load_service_requests(console, args.service_requests)
    if args.tenure_homes:
        given = dict(inputs.get("homes_by_tenure") or {})
        given.update(args.tenure_homes)
        inputs["homes_by_tenure"] = given
    return inputs


def _render(pack: MRCPack, fmt: str) -> str:
    if fmt == "html":
        return pack.to_html()
    if fmt == "json":
        return json.dumps(pack.to_dict(), indent=2, ensure_ascii=False)
    return pack.to_markdown()


def run_mrc(args: argparse.Namespace, console: Console) -> int:
    """Print the quarterly pack for the Member Responsible for Complaints (9.7)."""
    with each_complaint(console, args.file) as complaints:
        requests = None
        if args.service_requests is not None:
            requests = load_service_requests(console, args.service_requests)
        try:
            pack = mrc_pack(
                complaints,
                quarter=args.quarter,
                as_of=args.as_of,
                previous=args.previous,
                member_responsible=args.member_responsible,
                service_requests=requests,
            )
        except InvalidRecord as err:
            raise UsageError(str(err)) from None
    console.write(_render(pack, args.format))
    return console.exit_code()
