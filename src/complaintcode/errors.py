"""The exceptions complaintcode raises.

Every exception derives from :class:`ComplaintCodeError`, so a caller can catch
everything the library raises with one ``except`` clause. Subclasses also mix in
the builtin exception they resemble, so ``except ValueError`` keeps working for
code that does not know about this library.

A breach of the Code raises :class:`ProvisionViolation`, which carries the
:class:`~complaintcode.provisions.Provision` it enforces; its message begins with
the provision number.

>>> from complaintcode import ProvisionViolation, provision
>>> err = ProvisionViolation(provision("6.13"), "the stage 2 handler must differ")
>>> str(err)
'6.13: the stage 2 handler must differ'
>>> err.provision.number
'6.13'
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    from complaintcode.findings import Finding
    from complaintcode.provisions import Provision

__all__ = [
    "ActionNotAllowed",
    "ComplaintCodeError",
    "IncompleteLetter",
    "InvalidRecord",
    "ProvisionViolation",
]


class ComplaintCodeError(Exception):
    """The root of every exception raised by complaintcode."""


class InvalidRecord(ComplaintCodeError, ValueError):
    """Input that is malformed: a wrong type, an impossible date, an unknown field.

    Args:
        message: What was wrong, in plain words.
        path: Where in the input it was wrong (for example ``events[2].on``), if known.

    >>> str(InvalidRecord("not a date", path="events[2].on"))
    'events[2].on: not a date'
    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.message = message
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class ProvisionViolation(ComplaintCodeError, ValueError):
    """An action or a value that would breach a provision of the Code.

    Args:
        provision: The provision breached.
        message: What was wrong; the provision number is prefixed to it.

    Attributes:
        provision: The :class:`~complaintcode.provisions.Provision` breached.
        message: The message without the provision number.
    """

    def __init__(self, provision: Provision, message: str) -> None:
        self.provision = provision
        self.message = message
        super().__init__(f"{provision.number}: {message}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.provision, self.message))


class ActionNotAllowed(ComplaintCodeError, ValueError):
    """An action that the complaint's current state does not allow.

    Where the Code itself is the reason, :class:`ProvisionViolation` is raised
    instead; this error is for moves that make no sense in the state (responding
    to a complaint that was withdrawn, say).

    Args:
        state: The state the complaint is in.
        action: The action that was attempted.
        allowed: The actions the state does allow.

    >>> str(ActionNotAllowed("withdrawn", "respond", allowed=()))
    "respond is not allowed: the complaint is withdrawn (no action is allowed in 'withdrawn')"
    """

    def __init__(self, state: str, action: str, *, allowed: Iterable[str]) -> None:
        self.state = state
        self.action = action
        self.allowed = tuple(allowed)
        if self.allowed:
            hint = "allowed: " + ", ".join(self.allowed)
        else:
            hint = f"no action is allowed in {state!r}"
        super().__init__(f"{action} is not allowed: the complaint is {state} ({hint})")

    def __reduce__(self) -> tuple[Any, ...]:
        return (functools.partial(type(self), allowed=self.allowed), (self.state, self.action))


class IncompleteLetter(ComplaintCodeError, ValueError):
    """A letter that lacks something the Code requires it to contain.

    Attributes:
        findings: Every gap found, each naming its provision.
    """

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings = tuple(findings)
        lines = "; ".join(str(f) for f in self.findings)
        super().__init__(f"the letter is incomplete: {lines}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.findings,))
