"""The one HTML table the package draws with, for notebooks and web pages.

Jupyter shows an object through its ``_repr_html_`` method. Each thing renders
itself on :func:`table`, which writes every value through :func:`cell`, escaped
with :func:`html.escape`: findings in :mod:`complaintcode.findings`, a complaint
in ``complaintcode.complaint._html``, many complaints in
``complaintcode.records._html``.

>>> import datetime as dt
>>> print(table("example", ("name", "on", "done"), [("<b>", dt.date(2024, 5, 3), True)]))
<table class="example">
<thead><tr><th>name</th><th>on</th><th>done</th></tr></thead>
<tbody>
<tr><td>&lt;b&gt;</td><td>2024-05-03</td><td>yes</td></tr>
</tbody>
</table>
"""

from __future__ import annotations

import datetime as dt
import enum
import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["cell", "table"]


def cell(value: object) -> str:
    """A value as escaped text: dates in ISO form, ``None`` as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.IntEnum):
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return html.escape(str(value))


def table(css: str, header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """A ``<table>`` of class ``css``: the header escaped, each value written by :func:`cell`."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "\n".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f'<table class="{css}">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>'
