"""What the store raises (behind :mod:`complaintcode.store`)."""

from __future__ import annotations

from typing import Any

from complaintcode.errors import ComplaintCodeError, ProvisionViolation
from complaintcode.provisions import provision

__all__ = ["StoreConflict", "StoreError", "UnknownComplaint"]


class StoreError(ComplaintCodeError):
    """A store that cannot be opened or read: not a database, or not one of complaintcode's.

    >>> str(StoreError("complaints.db is not a SQLite database"))
    'complaints.db is not a SQLite database'
    """


class StoreConflict(ProvisionViolation):
    """A save that would change a stored event, such as a second writer's (5.12).

    The record of a complaint is kept whole (5.12): a stored event is never
    changed. Two writers that load the same complaint and each append an event
    both claim the next place in its history; the store keeps the first and
    refuses the second, which should load the complaint again and redo its
    change.

    Args:
        reference: The complaint's reference.
        sequence: The place in the history, counting from 0 (the receipt).
        detail: What the store holds there, in plain words.

    Attributes:
        reference: The complaint's reference.
        sequence: The place in its history that is taken.

    >>> err = StoreConflict("C-1", 1, "the store holds an acknowledged event of 2024-05-07 there")
    >>> str(err)
    "5.12: complaint 'C-1', event 1: the store holds an acknowledged event of 2024-05-07 there; load the complaint again and redo the change"
    >>> err.reference, err.sequence, err.provision.number
    ('C-1', 1, '5.12')
    """

    def __init__(self, reference: str, sequence: int, detail: str) -> None:
        self.reference = reference
        self.sequence = sequence
        self.detail = detail
        super().__init__(
            provision("5.12"),
            f"complaint {reference!r}, event {sequence}: {detail}; "
            "load the complaint again and redo the change",
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.reference, self.sequence, self.detail))


class UnknownComplaint(ComplaintCodeError, LookupError):
    """No complaint with the reference is in the store.

    Attributes:
        reference: The reference asked for.

    >>> str(UnknownComplaint("C-9"))
    "no complaint 'C-9' in the store"
    """

    def __init__(self, reference: str) -> None:
        self.reference = reference
        super().__init__(f"no complaint {reference!r} in the store")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.reference,))
