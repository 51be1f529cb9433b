"""The two stages of the complaints process, and nothing else.

The Code allows exactly two stages: no extra named stage before stage 1, such as
"stage 0" or an "informal complaint" (5.2), and never a third stage (5.3).
:class:`Stage` therefore has exactly two members, and :meth:`Stage.parse`
refuses every other spelling with an error that cites the provision.

>>> from complaintcode import Stage
>>> Stage.parse("stage 2")
<Stage.TWO: 2>
>>> Stage.parse(3)
Traceback (most recent call last):
...
complaintcode.errors.ProvisionViolation: 5.3: a complaints process may not have more than two stages (got 3)
>>> Stage.parse("informal")
Traceback (most recent call last):
...
complaintcode.errors.ProvisionViolation: 5.2: there is no stage before stage 1 ('stage 0', 'informal' or similar) (got 'informal')
"""

from __future__ import annotations

import enum
import re
from typing import Any

from complaintcode._codec import shown
from complaintcode.errors import InvalidRecord, ProvisionViolation
from complaintcode.provisions import provision

__all__ = ["Stage"]

_ONE = frozenset({"1", "one", "stage1", "stageone", "first", "i"})
_TWO = frozenset({"2", "two", "stage2", "stagetwo", "second", "final", "ii"})
_BEFORE = frozenset(
    {
        "0",
        "zero",
        "stage0",
        "stagezero",
        "informal",
        "informalcomplaint",
        "informalstage",
        "prestage",
        "precomplaint",
        "prestage1",
        "frontline",
        "frontlineresolution",
        "earlyresolution",
        "quickfix",
    }
)
_AFTER = frozenset({"3", "three", "stage3", "stagethree", "third", "iii", "review", "panel"})
_SQUASH = re.compile(r"[\s_\-']+")
_MINUS = re.compile(r"(?:^|\s)-\s*\d")


class _StageType(enum.EnumType):
    """The type of :class:`Stage`: ``Stage(value)`` reads the value as :meth:`Stage.parse` does.

    The ``enum`` module words its own error with the value's ``repr`` before it
    gives the stage's error, and that ``repr`` fails for some values (an
    integer of 5,000 digits, a list nested 100,000 deep); reading the value
    first gives the stage's error for every value.
    """

    # The arguments pass through to the enum module's own overloads.
    def __call__(cls, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        if len(args) == 1 and not kwargs:
            value = args[0]
            if not (isinstance(value, cls) or (type(value) is int and value in (1, 2))):
                return cls.parse(value)  # type: ignore[attr-defined]  # Stage's own classmethod
        return super().__call__(*args, **kwargs)


class Stage(enum.IntEnum, metaclass=_StageType):
    """A stage of the complaints process: ``Stage.ONE`` or ``Stage.TWO``.

    Stage 2 is the landlord's final response (6.10).
    """

    ONE = 1
    TWO = 2

    def __str__(self) -> str:
        return f"stage {self.value}"

    @classmethod
    def _missing_(cls, value: object) -> Stage:
        """``Stage(3)`` and ``Stage(0)`` are refused as :meth:`parse` refuses them (5.3, 5.2).

        >>> Stage(3)
        Traceback (most recent call last):
        ...
        complaintcode.errors.ProvisionViolation: 5.3: a complaints process may not have more than two stages (got 3)
        """
        return cls.parse(value)

    @classmethod
    def parse(cls, value: object) -> Stage:
        """Read a stage from a number or a name, refusing any stage the Code forbids.

        Args:
            value: A :class:`Stage`, the integer 1 or 2, or a name such as
                ``"1"``, ``"stage 2"``, ``"two"`` or ``"final"``.

        Returns:
            The stage.

        Raises:
            ProvisionViolation: For a stage before stage 1 (``0``, ``"stage 0"``,
                ``"informal"``, citing 5.2) or after stage 2 (``3`` or more,
                ``"stage 3"``, citing 5.3).
            InvalidRecord: For anything else that is not a stage.

        >>> Stage.parse(1), Stage.parse("Stage One"), Stage.parse(Stage.TWO)
        (<Stage.ONE: 1>, <Stage.ONE: 1>, <Stage.TWO: 2>)
        """
        if isinstance(value, Stage):
            return value
        if isinstance(value, bool):
            raise InvalidRecord(f"not a stage: {shown(value)}")
        if isinstance(value, int):
            if value in (1, 2):
                return cls(value)
            if value < 1:
                raise _before(value)
            raise _after(value)
        if isinstance(value, str):
            if _MINUS.search(value.strip()):
                raise _before(value)
            key = _SQUASH.sub("", value.strip().lower())
            if key in _ONE:
                return cls.ONE
            if key in _TWO:
                return cls.TWO
            if key in _BEFORE:
                raise _before(value)
            if key in _AFTER or _is_later_stage(key):
                raise _after(value)
        raise InvalidRecord(f"not a stage: {shown(value)} (the stages are 1 and 2)")


def _is_later_stage(key: str) -> bool:
    """Whether a squashed name is a stage numbered above 2 (``stage3``, ``stage0012``).

    Compared as text, so that a number of thousands of digits is a later stage
    too, not an error of the interpreter's limit on converting long numbers.
    """
    digits = key.removeprefix("stage")
    if not digits.isdecimal():
        return False
    digits = digits.lstrip("0")
    return len(digits) > 1 or (digits != "" and int(digits) > 2)


def _before(value: object) -> ProvisionViolation:
    return ProvisionViolation(
        provision("5.2"),
        f"there is no stage before stage 1 ('stage 0', 'informal' or similar) (got {shown(value)})",
    )


def _after(value: object) -> ProvisionViolation:
    return ProvisionViolation(
        provision("5.3"),
        f"a complaints process may not have more than two stages (got {shown(value)})",
    )
