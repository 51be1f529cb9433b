"""Print the annual complaints report on the example data shipped with complaintcode.

The example data is a year of synthetic complaints and service requests at
Riverside Homes, a fictional landlord with 4,800 homes (see
``examples/make_example_data.py``), with the words of its report and its
governing body's part in ``complaintcode/data/example_report_details.toml``.
This prints the same report as the ``complaintcode demo`` command::

    python examples/demo.py
"""

from __future__ import annotations

import importlib.resources
import tomllib

from complaintcode.records import EXAMPLE_HOMES, example_complaints, example_service_requests
from complaintcode.reporting import GoverningBody, annual_report


def main() -> None:
    """Count the example year into the 2024-25 report and print it as Markdown."""
    data = importlib.resources.files("complaintcode") / "data" / "example_report_details.toml"
    details = tomllib.loads(data.read_text(encoding="utf-8"))
    details["governing_body"] = GoverningBody.from_dict(details["governing_body"])
    report = annual_report(
        example_complaints(),
        homes=EXAMPLE_HOMES,
        year=2024,
        service_requests=example_service_requests(),
        **details,
    )
    print(report.to_markdown().rstrip("\n"))


if __name__ == "__main__":
    main()
