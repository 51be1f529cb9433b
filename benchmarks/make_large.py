"""A large JSON Lines file of complaints, made from the example data.

Run: ``python benchmarks/make_large.py OUT --count 1000000``

The example year (300 complaints at a fictional landlord, shipped with the
package) is written again and again, each copy's references made distinct
(``RH-0001`` becomes ``RH-0001-7`` in the eighth copy), until ``--count``
complaints have been written. Every copy is the same year with the same
histories, so a report over the file counts each figure ``count / 300`` times
over: what changes with the size is only how many complaints there are.
"""

from __future__ import annotations

import argparse
import json
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

#: The complaints in the example year.
EXAMPLE_COUNT = 300


def example_lines() -> list[str]:
    """The lines of the example data, as shipped."""
    source = files("complaintcode").joinpath("data/example_complaints.jsonl")
    return source.read_text(encoding="utf-8").splitlines()


def large_lines(count: int) -> Iterator[str]:
    """``count`` lines of complaints: the example year again and again, references distinct."""
    originals = example_lines()
    keys = []
    for line in originals:
        key = json.dumps(json.loads(line)["events"][0]["reference"])
        if line.count(key) != 1:  # the reference is written once, in the receipt
            msg = f"cannot rename {key}: it appears {line.count(key)} times in its line"
            raise SystemExit(msg)
        keys.append(key)
    for number in range(count):
        copy, index = divmod(number, len(originals))
        key = keys[index]
        yield originals[index].replace(key, f'{key[:-1]}-{copy}"', 1)


def write_large(path: Path, count: int) -> None:
    """Write ``count`` complaints to ``path`` as JSON Lines."""
    with path.open("w", encoding="utf-8") as out:
        for line in large_lines(count):
            out.write(line)
            out.write("\n")


def main(argv: list[str] | None = None) -> None:
    """Write the file named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the file to write")
    parser.add_argument("--count", type=int, default=1_000_000, help="how many complaints")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must not be negative")
    write_large(args.out, args.count)
    print(f"wrote {args.count:,} complaints to {args.out}")


if __name__ == "__main__":
    main()
