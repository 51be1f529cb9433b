"""Print the annual complaints report on the example data shipped with complaintcode.

The example data is a year of synthetic complaints at Riverside Homes, a
fictional landlord with 4,800 homes (see ``examples/make_example_data.py``).
This prints the same report as the ``complaintcode demo`` command::

    python examples/demo.py
"""

from __future__ import annotations

from complaintcode.records import EXAMPLE_HOMES, example_complaints
from complaintcode.reporting import annual_report


def main() -> None:
    """Count the example year into the 2024-25 report and print it as Markdown."""
    report = annual_report(example_complaints(), homes=EXAMPLE_HOMES, year=2024)
    print(report.to_markdown().rstrip("\n"))


if __name__ == "__main__":
    main()
