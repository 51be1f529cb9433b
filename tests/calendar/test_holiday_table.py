"""The bank-holiday table the calendar reads, held against workalendar and its corrections.

``complaintcode.calendar._holiday_table`` is generated: for every region and every
year from 1900 to 2200 it lists the days :func:`_bank_holidays.bank_holidays` gives
(workalendar, corrected to GOV.UK's lists). The calendar reads the table, so that
answering a question never needs workalendar. The test below regenerates the table
and fails if the file differs; ``python tests/calendar/test_holiday_table.py --write``
writes it anew after a correction changes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from complaintcode.calendar import MAX_DATE, MIN_DATE, REGIONS, WorkingCalendar, _bank_holidays

TABLE = Path(__file__).resolve().parents[2] / "src/complaintcode/calendar/_holiday_table.py"
#: The letters that stand for titles in the table, in order.
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

HEADER = '''\
"""The bank holidays of each region from 1900 to 2200, as data: generated, not edited.

Made from ``complaintcode.calendar._bank_holidays`` (workalendar, corrected to
GOV.UK's lists) by ``python tests/calendar/test_holiday_table.py --write``; a test
regenerates it and fails if this file differs, so the corrections stay the one
source. The calendar reads this table, and never needs workalendar to answer.

``DAYS[region][year - FIRST_YEAR]`` holds a year's bank holidays in date order,
each written ``MMDDt``: the month, the day and the letter of its title in
:data:`TITLES`.
"""

from __future__ import annotations

from typing import Final

FIRST_YEAR: Final = {first}
LAST_YEAR: Final = {last}
'''


def table_source() -> str:
    """The text of the table module, from the bank holidays as workalendar gives them, corrected."""
    years = range(MIN_DATE.year, MAX_DATE.year + 1)
    lists = {r: [_bank_holidays.bank_holidays(r, year) for year in years] for r in REGIONS}
    titles = sorted({title for days in lists.values() for year in days for _, title in year})
    assert len(titles) <= len(LETTERS)
    letter = dict(zip(titles, LETTERS, strict=False))
    lines = [HEADER.format(first=years[0], last=years[-1])]
    lines.append("#: The titles of the bank holidays, as GOV.UK writes them, by their letters.")
    lines.append("TITLES: Final[dict[str, str]] = {")
    assert not any('"' in title or "\\" in title for title in titles)
    lines.extend(f'    "{letter[title]}": "{title}",' for title in titles)
    lines.append("}")
    lines.append("")
    lines.append("#: Each region's bank holidays, a string of ``MMDDt`` entries per year.")
    lines.append("DAYS: Final[dict[str, tuple[str, ...]]] = {")
    for region, days in lists.items():
        lines.append(f'    "{region}": (')
        for year, entries in zip(years, days, strict=True):
            assert all(day.year == year for day, _ in entries)
            text = " ".join(f"{d.month:02}{d.day:02}{letter[t]}" for d, t in entries)
            lines.append(f'        "{text}",  # {year}')
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def test_the_table_is_generated_from_the_corrected_workalendar() -> None:
    """Working days (6.2-6.15 count on them): the table is exactly what the corrections give.

    Every region, every year from 1900 to 2200: the file is what the generator
    writes today, so a correction to ``_bank_holidays`` cannot be forgotten here.
    """
    assert TABLE.read_text(encoding="utf-8") == table_source(), (
        "the bank-holiday table is stale: run python tests/calendar/test_holiday_table.py --write"
    )


def test_holidays_read_from_the_table_are_the_computed_ones() -> None:
    """Working days: ``WorkingCalendar.holidays`` answers from the table what workalendar gives."""
    for region in REGIONS:
        calendar = WorkingCalendar(region=region)
        for year in (1900, 1995, 2012, 2020, 2022, 2023, 2024, 2026, 2200):
            assert calendar.holidays(year) == _bank_holidays.bank_holidays(region, year)


def test_the_calendar_answers_without_workalendar() -> None:
    """Working days: deadlines are counted without importing workalendar (the table suffices)."""
    code = (
        "import datetime as dt, sys\n"
        "from complaintcode.calendar import scotland\n"
        "cal = scotland().with_closures([dt.date(2024, 12, 24)])\n"
        "print(cal.add_working_days(dt.date(2024, 12, 20), 5), cal.holidays(2026)[5][1])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'workalendar'))\n"
    )
    out = subprocess.run(  # noqa: S603  # our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out == "2025-01-03 World Cup bank holiday\n[]\n"


def main(argv: list[str]) -> int:
    """Write the table with ``--write``; print it otherwise."""
    if argv == ["--write"]:
        TABLE.write_text(table_source(), encoding="utf-8")
    else:
        sys.stdout.write(table_source())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
