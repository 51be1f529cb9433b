"""The ``complaintcode conformance`` command: the kit's vectors, run and judged.

By default every vector of the kit shipped with the package is asked of this
library itself; with ``--adapter COMMAND`` it is asked of another
implementation through the kit's protocol (:mod:`complaintcode.cli._adapter`).
The summary counts the vectors passed and failed by topic and by provision,
and shows the first differences of each vector failed.
"""

from __future__ import annotations

import importlib.metadata
import json
from typing import TYPE_CHECKING, Any, Final

from complaintcode.cli._adapter import PROTOCOL, Adapter, AdapterError
from complaintcode.cli._answers import answer
from complaintcode.cli._io import (
    EXIT_BAD_INPUT,
    EXIT_FINDINGS,
    EXIT_OK,
    Console,
    UsageError,
)
from complaintcode.cli._kit import (
    KIT_FORMAT,
    KitError,
    Result,
    Vector,
    bundled_kit,
    judge,
    read_vectors,
    tally,
    vector_files,
)

if TYPE_CHECKING:
    import argparse

#: How many failed vectors the text summary shows in full, and how many differences each.
SHOWN: Final = 20
SHOWN_DIFFERENCES: Final = 3


def _count(n: int, word: str) -> str:
    """``1 vector``, ``2,519 vectors``."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _library() -> str:
    try:
        return f"complaintcode {importlib.metadata.version('complaintcode')}"
    except importlib.metadata.PackageNotFoundError:  # run from a source tree not installed
        return "complaintcode"


def _load(paths: list[str], console: Console) -> tuple[list[Vector], int]:
    """The vectors the paths name (the kit's by default), and how many could not be read."""
    try:
        files = vector_files(paths or [str(bundled_kit() / "vectors")])
    except KitError as err:
        raise UsageError(str(err)) from None
    bad: list[str] = []
    vectors: list[Vector] = []
    seen: dict[str, str] = {}
    for path in files:
        for vector in read_vectors(path, bad=bad):
            if vector.id in seen:
                bad.append(f"{path}: the id {vector.id!r} is used in {seen[vector.id]} already")
                continue
            seen[vector.id] = vector.file
            vectors.append(vector)
    for message in bad:
        console.err.write(f"{message}\n")
    if not vectors:
        raise UsageError("no vectors found in " + (", ".join(paths) or "the kit"))
    return vectors, len(bad)


def _in_process(vectors: list[Vector]) -> list[Result]:
    results = []
    for vector in vectors:
        try:
            got = answer(vector.topic, vector.input)
        except Exception as err:  # noqa: BLE001  # a defect answers one vector, not the run
            results.append(Result(vector=vector, error=f"{type(err).__name__}: {err}"))
            continue
        results.append(judge(vector, got))
    return results


def _through(command: str, vectors: list[Vector], console: Console) -> tuple[str, list[Result]]:
    try:
        adapter = Adapter(command)
    except AdapterError as err:
        raise UsageError(f"the adapter: {err}") from None
    results: list[Result] = []
    try:
        for i, vector in enumerate(vectors):
            try:
                output, error = adapter.ask(vector)
            except AdapterError as err:
                console.err.write(f"{console.prog}: the adapter: {err}\n")
                stopped = f"not answered: {err}"
                results += [Result(vector=v, error=stopped) for v in vectors[i:]]
                break
            results.append(
                Result(vector=vector, error=error) if error is not None else judge(vector, output)
            )
            if i % 100 == 99:
                console.show_progress(f"{i + 1:,} of {len(vectors):,} vectors")
    finally:
        console.clear_progress()
        adapter.close()
    return adapter.implementation, results


def _table(title: str, rows: dict[str, dict[str, int]]) -> list[str]:
    width = max(len(title), *(len(key) for key in rows))
    lines = [f"{title:<{width}}  passed  failed"]
    lines += [f"{key:<{width}}  {n['passed']:>6}  {n['failed']:>6}" for key, n in rows.items()]
    return lines


def _text(implementation: str, results: list[Result], files: int) -> str:
    failed = [r for r in results if not r.passed]
    lines = [
        (
            f"Conformance kit {KIT_FORMAT}: {_count(len(results), 'vector')} from "
            f"{_count(files, 'file')}, asked of {implementation}"
        ),
        "",
        *_table("topic", tally(results, "topic")),
        "",
        *_table("provision", tally(results, "provision")),
    ]
    for result in failed[:SHOWN]:
        v = result.vector
        lines += ["", f"FAILED {v.id} ({v.file})", f"  {v.description}"]
        if result.error is not None:
            lines.append(f"  error: {result.error}")
        lines += [f"  {d}" for d in result.differences[:SHOWN_DIFFERENCES]]
        more = len(result.differences) - SHOWN_DIFFERENCES
        if more > 0:
            lines.append(f"  ... and {_count(more, 'more difference')}")
    if len(failed) > SHOWN:
        lines += ["", f"... and {len(failed) - SHOWN:,} more failed (--format json lists all)"]
    lines.append("")
    if failed:
        lines.append(f"{len(failed):,} of {_count(len(results), 'vector')} failed.")
    else:
        lines.append(f"All {_count(len(results), 'vector')} passed.")
    return "\n".join(lines)


def _json(implementation: str, results: list[Result], bad: int) -> str:
    failed = [r for r in results if not r.passed]
    data: dict[str, Any] = {
        "kit": KIT_FORMAT,
        "protocol": PROTOCOL,
        "implementation": implementation,
        "summary": {
            "vectors": len(results),
            "passed": len(results) - len(failed),
            "failed": len(failed),
            "bad_vectors": bad,
        },
        "by_topic": tally(results, "topic"),
        "by_provision": tally(results, "provision"),
        "failures": [r.to_dict() for r in failed],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def run(args: argparse.Namespace, console: Console) -> int:
    """Ask every vector of the kit (or of the paths given) and judge the answers.

    Returns:
        3 if some vectors could not be read, else 1 if any failed, else 0.
    """
    vectors, bad = _load(args.paths, console)
    if args.adapter is None:
        implementation, results = _library(), _in_process(vectors)
    else:
        implementation, results = _through(args.adapter, vectors, console)
    files = len({v.file for v in vectors})
    if args.format == "json":
        console.write(_json(implementation, results, bad))
    else:
        console.write(_text(implementation, results, files))
    if bad:
        return EXIT_BAD_INPUT
    return EXIT_OK if all(r.passed for r in results) else EXIT_FINDINGS
