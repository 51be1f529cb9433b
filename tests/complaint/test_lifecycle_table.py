"""The lifecycle's table of moves, generated from the state machine class and held against it.

``complaintcode.complaint._lifecycle_table`` is what the lifecycle reads to replay and
audit complaints without importing python-statemachine. It is generated from
``ComplaintLifecycle``, the single statement of the moves (5.2, 5.3: two stages and no
more); the test below regenerates it from the class and fails if the file differs.
``python tests/complaint/test_lifecycle_table.py --write`` writes it anew after the
class changes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from complaintcode.complaint.lifecycle import FINAL_STATES, TRANSITIONS, ComplaintLifecycle

TABLE = Path(__file__).resolve().parents[2] / "src/complaintcode/complaint/_lifecycle_table.py"

HEADER = '''\
"""The lifecycle's moves, as data: generated from the state machine class, not edited.

Made from the states and transitions of ``ComplaintLifecycle`` by ``python
tests/complaint/test_lifecycle_table.py --write``; a test regenerates it from the
class and fails if this file differs, so that the class stays the one statement of
which moves exist. The lifecycle reads this table, so that replaying and auditing
complaints never needs python-statemachine.
"""

from __future__ import annotations

from typing import Final
'''


def table_source() -> str:
    """The text of the table module, derived from the class."""
    states = [state.id for state in ComplaintLifecycle.states]
    final = [state.id for state in ComplaintLifecycle.states if state.final]
    moves = [
        (state.id, str(event), transition.target.id)
        for state in ComplaintLifecycle.states
        for transition in state.transitions
        for event in transition.events
    ]
    lines = [HEADER]
    lines.append("#: The states, in the order the machine declares them.")
    lines.append("STATES: Final = (")
    lines.extend(f'    "{state}",' for state in states)
    lines.append(")")
    lines.append("")
    lines.append("#: The states nothing leaves.")
    lines.append("FINAL: Final = (")
    lines.extend(f'    "{state}",' for state in final)
    lines.append(")")
    lines.append("")
    lines.append(
        "#: Every move, ``(state, event): new state``, in the order the machine declares them."
    )
    lines.append("MOVES: Final[dict[tuple[str, str], str]] = {")
    lines.extend(f'    ("{state}", "{event}"): "{target}",' for state, event, target in moves)
    lines.append("}")
    return "\n".join(lines) + "\n"


def test_the_table_is_generated_from_the_machine_class() -> None:
    """5.2, 5.3: the moves the lifecycle reads are exactly the moves the class declares."""
    assert TABLE.read_text(encoding="utf-8") == table_source(), (
        "the lifecycle table is stale: run python tests/complaint/test_lifecycle_table.py --write"
    )


def test_the_table_is_what_the_class_allows() -> None:
    """5.3: every move of the table is a move of the class, and nothing leaves a final state."""
    for (state, event), target in TRANSITIONS.items():
        machine = ComplaintLifecycle(start_value=state)
        machine.send(event, handler="B", stage_1_handler="A")
        assert machine.current_state_value == target
    assert {s.id for s in ComplaintLifecycle.final_states} == FINAL_STATES
    assert not any(state in FINAL_STATES for state, _ in TRANSITIONS)


def test_replaying_a_complaint_needs_no_state_machine_library() -> None:
    """5.12: a complaint is received, acknowledged, answered and audited (6.2, 6.3) without
    importing python-statemachine; asking for the class loads it."""
    code = (
        "import datetime as dt, sys\n"
        "from complaintcode import Complaint, ComplaintDefinition\n"
        "d = ComplaintDefinition(understanding='A leak.', points=('leak',),"
        " outcomes_sought=('repair',))\n"
        "c = Complaint.receive('C-1', received=dt.date(2024, 5, 3))\n"
        "c = c.acknowledge(dt.date(2024, 5, 7), 'A. Khan', d)\n"
        "print(c.status, len(c.audit(as_of=dt.date(2024, 6, 30))))\n"
        "print('statemachine' in sys.modules)\n"
        "from complaintcode.complaint import lifecycle\n"
        "print(lifecycle.ComplaintLifecycle.__name__, 'statemachine' in sys.modules)\n"
    )
    out = subprocess.run(  # noqa: S603  # our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.splitlines()[1:] == ["False", "ComplaintLifecycle True"]


def main(argv: list[str]) -> int:
    """Write the table with ``--write``; print it otherwise."""
    if argv == ["--write"]:
        TABLE.write_text(table_source(), encoding="utf-8")
    else:
        sys.stdout.write(table_source())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
