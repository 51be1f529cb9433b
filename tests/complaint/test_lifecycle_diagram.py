"""The lifecycle's picture in the docs (docs/lifecycle.svg) is the machine's own moves.

The two stages (5.2, 5.3) and every move of the lifecycle are drawn, pre-rendered
as SVG so that the docs show the picture without a script and offline. The SVG
is made from ``ComplaintLifecycle`` with Graphviz's ``dot``:
``python tests/complaint/test_lifecycle_diagram.py --write`` writes it anew. These
tests need no Graphviz: they read the SVG's states and moves and compare them
with the machine's; where the installed ``dot`` is the version that drew the
file, they also check that drawing it again gives the same file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from complaintcode.complaint.lifecycle import FINAL_STATES, TRANSITIONS, ComplaintLifecycle

SVG = Path(__file__).resolve().parents[2] / "docs" / "lifecycle.svg"
NS = "{http://www.w3.org/2000/svg}"


def _label(event: str) -> str:
    return event.replace("_", " ").capitalize()


def dot_source() -> str:
    """The lifecycle as Graphviz source: a box per state, an arrow per move, final states doubled."""
    lines = [
        "digraph lifecycle {",
        (
            '  graph [rankdir=LR, bgcolor="transparent", nodesep=0.35, ranksep=0.55, '
            'fontname="Helvetica"];'
        ),
        (
            '  node [shape=box, style="rounded,filled", fillcolor="#eef2f5", color="#1b4965", '
            'fontname="Helvetica", fontsize=12];'
        ),
        '  edge [color="#333333", fontname="Helvetica", fontsize=10];',
        '  start [shape=point, width=0.15, color="#1a1a1a", fillcolor="#1a1a1a", label=""];',
    ]
    for state in ComplaintLifecycle.states:
        extra = ", peripheries=2" if state.id in FINAL_STATES else ""
        lines.append(f'  {state.id} [label="{state.name}"{extra}];')
    initial = next(s.id for s in ComplaintLifecycle.states if s.initial)
    lines.append(f"  start -> {initial};")
    lines.extend(
        f'  {state} -> {target} [label="{_label(event)}"];'
        for (state, event), target in TRANSITIONS.items()
    )
    lines.append("}")
    return "\n".join(lines) + "\n"


def draw() -> bytes:
    """The SVG that the installed ``dot`` draws from :func:`dot_source`."""
    dot = shutil.which("dot")
    if dot is None:
        msg = "Graphviz's dot is needed to draw docs/lifecycle.svg (apt-get install graphviz)"
        raise SystemExit(msg)
    return subprocess.run(  # noqa: S603  # the installed dot, on our own source
        [dot, "-Tsvg"], input=dot_source().encode(), capture_output=True, check=True
    ).stdout


def _svg() -> ET.Element:
    return ET.fromstring(SVG.read_bytes())  # noqa: S314  # our own file


def _titles(kind: str) -> list[str]:
    return [
        "".join(g.find(f"{NS}title").itertext())  # type: ignore[union-attr]
        for g in _svg().iter(f"{NS}g")
        if g.get("class") == kind
    ]


def test_the_picture_has_every_state_and_no_other() -> None:
    """5.2, 5.3: the states drawn are the machine's states: two stages, no stage 0 or stage 3."""
    assert sorted(_titles("node")) == sorted(["start", *(s.id for s in ComplaintLifecycle.states)])
    texts = {"".join(t.itertext()) for t in _svg().iter(f"{NS}text")}
    assert {s.name for s in ComplaintLifecycle.states} <= texts
    assert not any("Stage 0" in t or "Stage 3" in t for t in texts)


def test_the_picture_has_every_move_and_no_other() -> None:
    """Every move of the lifecycle is an arrow labelled with its event, and nothing else is."""
    expected = {f"{state}->{target}" for (state, _), target in TRANSITIONS.items()}
    drawn = _titles("edge")
    assert set(drawn) == expected | {"start->received"}
    assert len(drawn) == len(TRANSITIONS) + 1
    texts = {"".join(t.itertext()) for t in _svg().iter(f"{NS}text")}
    assert {_label(event) for _, event in TRANSITIONS} <= texts


def test_final_states_are_drawn_doubled() -> None:
    """The final states (closed, withdrawn, referred to the Ombudsman) have a double border."""
    doubled = {
        "".join(g.find(f"{NS}title").itertext())  # type: ignore[union-attr]
        for g in _svg().iter(f"{NS}g")
        if g.get("class") == "node" and len(g.findall(f"{NS}path")) == 2
    }
    assert doubled == set(FINAL_STATES)


def _version(text: str) -> str | None:
    found = re.search(r"graphviz version ([\d.]+)", text)
    return None if found is None else found[1]


def test_drawing_again_gives_the_same_file() -> None:
    """The file is what ``--write`` draws, where the installed dot is the one that drew it."""
    dot = shutil.which("dot")
    if dot is None:
        pytest.skip("Graphviz's dot is not installed: the picture's moves are checked above")
    installed = subprocess.run([dot, "-V"], capture_output=True, text=True, check=True).stderr  # noqa: S603
    drawn_by = _version(SVG.read_text(encoding="utf-8"))
    if _version(installed) != drawn_by:
        pytest.skip(f"the installed dot is not {drawn_by}, which drew docs/lifecycle.svg")
    assert draw() == SVG.read_bytes()


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        SVG.write_bytes(draw())
        print(f"wrote {SVG}")  # noqa: T201  # a script's report
    else:
        print(dot_source(), end="")  # noqa: T201  # a script's output
