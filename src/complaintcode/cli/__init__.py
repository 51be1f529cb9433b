"""The ``complaintcode`` command: deadlines, audits, reports and self-assessments from a shell.

Subcommands:

- ``deadlines RECEIVED``: what is due at a stage, by when, under which provision;
- ``audit FILE``: every finding in a file of complaints (JSON Lines), and a summary;
- ``report FILE --homes N --year YYYY``: the annual complaints performance report
  with CH01 and CH02;
- ``mrc FILE --quarter QUARTER``: the quarterly pack for the Member Responsible
  for Complaints (9.7);
- ``self-assessment check FILE`` and ``self-assessment render FILE``;
- ``demo``: the annual report on the example data shipped with the package;
- ``conformance [PATH ...]``: the conformance kit's vectors, asked of this library or,
  with ``--adapter COMMAND``, of another implementation.

The command decides nothing of its own: every deadline and finding it prints
comes from the parts below it, with the provision they cite.

Results go to standard output; errors, bad records and progress to standard
error. The exit codes are :data:`~complaintcode.cli._io.EXIT_OK` (0: done,
nothing found), 1 (findings reported), 2 (a usage error: a wrong option or
an input that cannot be opened), 3 (some records could not be read: they were
reported on standard error with their line and field, and skipped) and 4 (the
output could not be written: standard output closed, or the disk full); each
command's ``--help`` lists those it can return. The table is in
``docs/errors.md``.

>>> main(["deadlines", "2024-05-03"])
Received on 2024-05-03 (Friday): the 2024 edition applies.
6.2: acknowledge at stage 1 by 2024-05-13 (Monday), 5 working days from receipt on 2024-05-03
6.3: respond at stage 1 by 2024-05-28 (Tuesday), 10 working days from the acknowledgement's due date on 2024-05-13
    projected: assumes the acknowledgement on its last permitted day, 2024-05-13
6.4: an extension of up to 10 working days needs no good reason: respond by 2024-06-11 (Tuesday) at the latest
0
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import textwrap
from typing import TYPE_CHECKING, Any

from complaintcode.cli._io import (
    EXIT_BAD_INPUT,
    EXIT_CODES,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    Console,
    OutputError,
    UsageError,
    in_options,
    one_standard_input,
    parse_date,
    positive_int,
)
from complaintcode.errors import ComplaintCodeError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_CODES",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_USAGE",
    "build_parser",
    "main",
]

PROG = "complaintcode"
#: The width descriptions are wrapped to in --help.
_WIDTH = 79


def _handler(room: str, name: str) -> Callable[[argparse.Namespace, Console], int]:
    """A command's handler, its room (and the parts it uses) imported when the command runs.

    So that ``complaintcode --help`` loads none of the library, and ``complaintcode
    deadlines`` only the deadlines and the calendar.
    """

    def run(args: argparse.Namespace, console: Console) -> int:
        import importlib  # noqa: PLC0415  # the room is loaded when its command runs

        handle: Callable[[argparse.Namespace, Console], int]
        handle = getattr(importlib.import_module(f"complaintcode.cli.{room}"), name)
        return handle(args, console)

    return run


def _tenure_homes(text: str) -> tuple[str, int]:
    """``--tenure-homes TENURE=N``, read by the report's room when the option is given."""
    from complaintcode.cli._reports import tenure_homes  # noqa: PLC0415  # when given

    return tenure_homes(text)


class _Version(argparse._VersionAction):  # noqa: SLF001  # argparse's own, printing as it does
    """``--version``: the version is read from the package's metadata only when asked."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        from complaintcode._version import version  # noqa: PLC0415  # read only when asked

        self.version = f"%(prog)s {version()}"
        super().__call__(parser, namespace, values, option_string)


#: The exit codes a command can return whatever it does: done, a usage error, output failed.
_ALWAYS = (EXIT_OK, EXIT_USAGE, EXIT_OUTPUT)
#: Those of a command that reads records (JSON Lines, a store or a self-assessment).
_READS = (*_ALWAYS, EXIT_BAD_INPUT)
#: Those of a command that reads records and reports findings.
_FINDS = (*_READS, EXIT_FINDINGS)


def _exit_codes(codes: tuple[int, ...], notes: dict[int, str] | None = None) -> str:
    """The ``exit codes:`` block of a help text: the codes given, in order, each wrapped."""
    lines = ["exit codes:"]
    for code in sorted(codes):
        text = EXIT_CODES[code] + (notes or {}).get(code, "")
        lines.append(
            textwrap.fill(
                text, width=_WIDTH, initial_indent=f"  {code}  ", subsequent_indent="     "
            )
        )
    return "\n".join(lines)


def _epilog(examples: str, codes: tuple[int, ...], *, findings: str = "") -> str:
    return f"examples:\n{examples}\n\n" + _exit_codes(codes, {EXIT_FINDINGS: findings})


def _subparser(
    group: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    epilog: str,
) -> argparse.ArgumentParser:
    parser = group.add_parser(
        name,
        help=summary,
        description=textwrap.fill(description, width=_WIDTH),
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # The innermost command's parser, whose options its errors are told in (see main).
    parser.set_defaults(command_parser=parser)
    return parser


def _add_deadlines(group: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = _subparser(
        group,
        "deadlines",
        "what is due at a stage, by when, under which provision",
        "Print the acknowledgement and response deadlines of a stage, counted in working days "
        "on the England and Wales calendar (the day of receipt is day 0), with the provision "
        "that sets each one and the latest response date an extension may give without a "
        "good reason. A deadline that depends on a step not yet taken is projected from that "
        "step's own deadline, and says so.",
        _epilog(
            "  complaintcode deadlines 2024-05-03\n"
            "  complaintcode deadlines 2024-05-03 --acknowledged 2024-05-07\n"
            "  complaintcode deadlines 2024-05-03 --stage 2 --escalation-requested 2024-06-03",
            _ALWAYS,
        ),
    )
    p.add_argument("received", type=parse_date, metavar="RECEIVED", help="day of receipt")
    p.add_argument("--stage", type=int, choices=(1, 2), default=1, help="the stage (default 1)")
    p.add_argument(
        "--acknowledged", type=parse_date, metavar="DATE", help="when the stage was acknowledged"
    )
    p.add_argument(
        "--escalation-requested",
        type=parse_date,
        metavar="DATE",
        help="when the resident asked for stage 2 (needed with --stage 2)",
    )
    p.add_argument(
        "--edition",
        type=int,
        choices=(2022, 2024),
        help="the edition of the Code (default: the one in force on the day of receipt)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    p.set_defaults(handler=_handler("_deadlines", "run_deadlines"))


def _add_audit(group: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = _subparser(
        group,
        "audit",
        "every breach in a file of complaints, and a summary",
        "Audit every complaint in FILE, a JSON Lines file with one complaint per line as "
        "Complaint.to_json() writes it (- reads standard input), and print every finding per "
        "complaint with a summary by provision. The audit looks at the records as they stood "
        "at the end of the --as-of day, which defaults to the latest event date in the file; "
        "complaints received after it are not audited. A line that cannot be read is reported "
        "on standard error with its line number and field, and skipped.",
        _epilog(
            "  complaintcode audit complaints.jsonl\n"
            "  complaintcode audit complaints.jsonl --as-of 2025-03-31 --format csv > findings.csv",
            _FINDS,
            findings=" (any finding, a breach or a warning)",
        ),
    )
    p.add_argument("file", metavar="FILE", help="JSON Lines file of complaints, or -")
    p.add_argument(
        "--as-of",
        type=parse_date,
        metavar="DATE",
        help="audit as things stood at the end of this day (default: the latest event date)",
    )
    p.add_argument(
        "--format", choices=("text", "json", "csv"), default="text", help="default: text"
    )
    p.set_defaults(handler=_handler("_audit", "run"))


def _add_report(group: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = _subparser(
        group,
        "report",
        "the annual complaints performance report, with CH01 and CH02",
        "Count the complaints in FILE (JSON Lines, or - for standard input) into the annual "
        "complaints performance and service improvement report (8.1) for the reporting year "
        "that starts on 1 April of --year, with the Tenant Satisfaction Measures CH01 and CH02. "
        "The records are read as they stood at the end of --as-of, by default the last day of "
        "the reporting year.",
        _epilog(
            "  complaintcode report complaints.jsonl --homes 4800 --year 2024\n"
            "  complaintcode report complaints.jsonl --homes 4800 --year 2024 \\\n"
            "      --self-assessment self-assessment.md --format html > report.html",
            _READS,
        ),
    )
    p.add_argument("file", metavar="FILE", help="JSON Lines file of complaints, or -")
    p.add_argument(
        "--homes", type=positive_int, required=True, metavar="N", help="homes owned, for CH01"
    )
    p.add_argument(
        "--year",
        type=int,
        required=True,
        metavar="YYYY",
        help="the reporting year, by the year it starts in (2024 is 2024-25)",
    )
    p.add_argument(
        "--self-assessment",
        metavar="FILE",
        help="a self-assessment (Markdown, HTML, CSV or text) to attach",
    )
    p.add_argument(
        "--as-of",
        type=parse_date,
        metavar="DATE",
        help="read the records as they stood on this day (default: the year's last day)",
    )
    p.add_argument(
        "--format",
        choices=("markdown", "html", "json"),
        default="markdown",
        help="default: markdown",
    )
    _add_report_inputs(p)
    p.set_defaults(handler=_handler("_commands", "run_report"))


def _add_report_inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--details",
        metavar="FILE",
        help="the analysis, improvements and governing body's part, as TOML or JSON",
    )
    p.add_argument(
        "--service-requests",
        metavar="FILE",
        help="service requests to count, as JSON Lines",
    )
    p.add_argument(
        "--tenure-homes",
        type=_tenure_homes,
        action="append",
        default=[],
        metavar="TENURE=N",
        help="the homes of a tenure, for CH01 by tenure (repeat for each tenure)",
    )


def _add_mrc(group: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = _subparser(
        group,
        "mrc",
        "the quarterly complaints pack for the Member Responsible for Complaints",
        "Count the complaints in FILE (JSON Lines, or - for standard input) into the quarterly "
        "pack for the Member Responsible for Complaints and the governing body (9.7): volumes, "
        "categories, outcomes, timeliness, the trends against the quarters before, remedies, "
        "and the Ombudsman's determinations and orders. A quarter is one of the financial "
        "year's: Q1 is April to June. The records are read as they stood at the end of "
        "--as-of, by default the quarter's last day.",
        _epilog(
            "  complaintcode mrc complaints.jsonl --quarter 2024-25Q3\n"
            "  complaintcode mrc complaints.jsonl --quarter '2024-25 Q4' --format html > pack.html",
            _READS,
        ),
    )
    p.add_argument("file", metavar="FILE", help="JSON Lines file of complaints, or -")
    p.add_argument(
        "--quarter", required=True, metavar="QUARTER", help="the quarter, such as 2024-25Q3"
    )
    p.add_argument(
        "--as-of",
        type=parse_date,
        metavar="DATE",
        help="read the records as they stood on this day (default: the quarter's last day)",
    )
    p.add_argument(
        "--previous",
        type=int,
        choices=range(9),
        default=4,
        metavar="N",
        help="how many earlier quarters the trends show, 0 to 8 (default 4)",
    )
    p.add_argument("--member-responsible", metavar="NAME", help="the MRC's name (9.5)")
    p.add_argument(
        "--service-requests", metavar="FILE", help="service requests to count, as JSON Lines"
    )
    p.add_argument(
        "--format",
        choices=("markdown", "html", "json"),
        default="markdown",
        help="default: markdown",
    )
    p.set_defaults(handler=_handler("_reports", "run_mrc"))


def _add_self_assessment(group: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = _subparser(
        group,
        "self-assessment",
        "check or render a self-assessment against the Code",
        "Read a self-assessment published as Markdown, HTML, CSV or text (- reads standard "
        "input); the edition is detected from its provision numbers unless --edition is given. "
        "A row whose answer cannot be read is reported on standard error with its line number "
        "and provision.",
        _epilog(
            "  complaintcode self-assessment check self-assessment.md\n"
            "  complaintcode self-assessment render self-assessment.csv --format html",
            _FINDS,
            findings=" (check: the self-assessment has problems)",
        ),
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = _subparser(
        actions,
        "check",
        "list what the self-assessment lacks, provision by provision",
        "List every problem: a provision not answered, a 'yes' without evidence, a 'no' or "
        "'partial' without an explanation or a date for compliance.",
        _epilog(
            "  complaintcode self-assessment check self-assessment.md --format csv",
            _FINDS,
            findings=" (any problem)",
        ),
    )
    render = _subparser(
        actions,
        "render",
        "write the self-assessment as Markdown, CSV or HTML",
        "Write the self-assessment in the layout complaintcode publishes, one table per "
        "section of the Code.",
        _epilog(
            "  complaintcode self-assessment render self-assessment.txt --format markdown", _READS
        ),
    )
    for sub, formats in ((check, ("text", "json", "csv")), (render, ("markdown", "csv", "html"))):
        sub.add_argument("file", metavar="FILE", help="the self-assessment, or -")
        sub.add_argument(
            "--edition", type=int, choices=(2022, 2024), help="the edition (default: detected)"
        )
        sub.add_argument(
            "--format", choices=formats, default=formats[0], help=f"default: {formats[0]}"
        )
    check.set_defaults(handler=_handler("_commands", "run_self_assessment_check"))
    render.set_defaults(handler=_handler("_commands", "run_self_assessment_render"))


def _add_demo(group: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = _subparser(
        group,
        "demo",
        "the annual report on the example data shipped with the package",
        "Print the annual complaints performance report for 2024-25 (with CH01 and CH02) on "
        "the example data shipped with the package: 300 synthetic complaints at Riverside "
        "Homes, a fictional landlord with 4,800 homes.",
        _epilog("  complaintcode demo\n  complaintcode demo --format html > report.html", _ALWAYS),
    )
    p.add_argument("--format", choices=("markdown", "html"), default="markdown")
    p.set_defaults(handler=_handler("_commands", "run_demo"))


def _add_conformance(group: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = _subparser(
        group,
        "conformance",
        "run the conformance kit against this library or another implementation",
        "Ask every vector of the conformance kit shipped with the package (or of the vector "
        "files and folders given) of this library, or with --adapter of another implementation "
        "speaking the kit's protocol, and print how many passed and failed by topic and by "
        "provision, with the first differences of each vector failed (docs/conformance.md).",
        _epilog(
            "  complaintcode conformance\n"
            "  complaintcode conformance conformance/vectors/calendar.json --format json\n"
            '  complaintcode conformance --adapter "java -jar acme-adapter.jar"',
            _FINDS,
            findings=" (a vector failed)",
        ),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="vector files or folders")
    p.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    p.add_argument("--adapter", metavar="COMMAND", help="the command that starts an adapter")
    p.set_defaults(handler=_handler("_conformance", "run"))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``complaintcode`` command, with every subcommand.

    >>> build_parser().parse_args(["audit", "complaints.jsonl"]).format
    'text'
    """
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=textwrap.fill(
            "The Housing Ombudsman's Complaint Handling Code: deadlines, audits, annual "
            "reports and self-assessments.",
            width=_WIDTH,
        ),
        epilog="Run 'complaintcode COMMAND --help' for a command's options and examples.\n\n"
        + _exit_codes(_FINDS, {EXIT_FINDINGS: " (audit, self-assessment check, conformance)"}),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action=_Version,
        version="%(prog)s",
        help="print the version of complaintcode and exit",
    )
    group = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_demo(group)
    _add_deadlines(group)
    _add_audit(group)
    _add_report(group)
    _add_mrc(group)
    _add_self_assessment(group)
    _add_conformance(group)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``complaintcode`` command.

    Args:
        argv: The arguments after the program name; ``sys.argv[1:]`` by default.

    Returns:
        The exit code (:data:`EXIT_CODES`): 0 done, 1 findings reported, 2 a
        usage error, 3 some records could not be read, 4 the output could not
        be written. No traceback is shown for any of them.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse exits for --help and for usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    except (OSError, ValueError) as err:  # --help or --version could not be written
        return _output_failed(PROG, OutputError(str(err), closed=isinstance(err, BrokenPipeError)))
    prog = f"{PROG} {args.command}"
    if args.command == "self-assessment":
        prog += f" {args.action}"
    console = Console(prog)
    try:
        one_standard_input(args, getattr(args, "command_parser", parser))
        code: int = args.handler(args, console)
        console.flush()
    except UsageError as err:
        console.clear_progress()
        message = in_options(str(err), getattr(args, "command_parser", parser))
        _say(f"{prog}: error: {message}\n")
        return EXIT_USAGE
    except ComplaintCodeError as err:  # input the command did not expect to be refused
        console.clear_progress()
        _say(f"{prog}: error: {in_options(str(err), getattr(args, 'command_parser', parser))}\n")
        return EXIT_USAGE
    except OutputError as err:
        return _output_failed(prog, err)
    return code


def _output_failed(prog: str, err: OutputError) -> int:
    """Stop writing after a failure to write: say why (unless the reader left), exit 4.

    Standard output is pointed at the null device, so that the interpreter's
    last flush at exit does not fail again with a traceback.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no file descriptor: a stream in memory
        pass
    if not err.closed:
        _say(f"{prog}: error: cannot write the output: {err.reason}\n")
    return EXIT_OUTPUT


def _say(text: str) -> None:
    """Write to standard error, if it can be written to at all."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(text)
