"""Tests for complaintcode.errors: one root, builtin mix-ins, provision numbers in messages."""

from __future__ import annotations

import pickle

import pytest

from complaintcode.errors import (
    ActionNotAllowed,
    ComplaintCodeError,
    IncompleteLetter,
    InvalidRecord,
    ProvisionViolation,
)
from complaintcode.findings import Finding
from complaintcode.provisions import provision

SUBCLASSES = (InvalidRecord, ProvisionViolation, ActionNotAllowed, IncompleteLetter)


def test_root() -> None:
    assert ComplaintCodeError.__mro__ == (ComplaintCodeError, Exception, BaseException, object)
    assert not issubclass(ComplaintCodeError, ValueError)


@pytest.mark.parametrize("cls", SUBCLASSES, ids=lambda c: c.__name__)
def test_mro(cls: type[ComplaintCodeError]) -> None:
    """Each error is a ComplaintCodeError and the builtin it resembles, ValueError."""
    assert cls.__mro__ == (cls, ComplaintCodeError, ValueError, Exception, BaseException, object)


def _examples() -> list[ComplaintCodeError]:
    return [
        InvalidRecord("not a date", path="events[2].on"),
        ProvisionViolation(provision("6.13"), "the stage 2 handler must differ"),
        ActionNotAllowed("withdrawn", "respond", allowed=()),
        IncompleteLetter([Finding(provision=provision("6.9"), item="g", message="no escalation")]),
    ]


@pytest.mark.parametrize("err", _examples(), ids=lambda e: type(e).__name__)
def test_caught_as_the_root_and_as_value_error(err: ComplaintCodeError) -> None:
    with pytest.raises(ComplaintCodeError):
        raise err
    with pytest.raises(ValueError, match=r"."):
        raise err


# --- InvalidRecord ------------------------------------------------------------------------------


def test_invalid_record_with_path() -> None:
    err = InvalidRecord("not a date", path="events[2].on")
    assert (str(err), err.message, err.path) == (
        "events[2].on: not a date",
        "not a date",
        "events[2].on",
    )
    assert err.args == ("events[2].on: not a date",)


@pytest.mark.parametrize("path", [None, ""])
def test_invalid_record_without_path(path: str | None) -> None:
    err = InvalidRecord("unknown rule 'x'", path=path)
    assert (str(err), err.message, err.path) == ("unknown rule 'x'", "unknown rule 'x'", path)


def test_invalid_record_path_is_keyword_only() -> None:
    with pytest.raises(TypeError):
        InvalidRecord("m", "p")  # type: ignore[call-arg]


# --- ProvisionViolation -------------------------------------------------------------------------


def test_provision_violation() -> None:
    """6.13: the message begins with the provision number; the provision is carried."""
    p = provision("6.13")
    err = ProvisionViolation(p, "the stage 2 handler must differ from the stage 1 handler")
    assert str(err) == "6.13: the stage 2 handler must differ from the stage 1 handler"
    assert err.provision is p
    assert err.message == "the stage 2 handler must differ from the stage 1 handler"
    assert err.args == ("6.13: the stage 2 handler must differ from the stage 1 handler",)


def test_provision_violation_of_the_2022_edition() -> None:
    """5.12 (2022): the number is the edition's own."""
    err = ProvisionViolation(provision("5.12", 2022), "same handler")
    assert (str(err), err.provision.edition) == ("5.12: same handler", 2022)


# --- ActionNotAllowed -----------------------------------------------------------------------------


def test_action_not_allowed_with_allowed_actions() -> None:
    err = ActionNotAllowed("stage_1", "close", allowed=(a for a in ("extend", "respond")))
    assert str(err) == "close is not allowed: the complaint is stage_1 (allowed: extend, respond)"
    assert (err.state, err.action, err.allowed) == ("stage_1", "close", ("extend", "respond"))


def test_action_not_allowed_in_a_final_state() -> None:
    err = ActionNotAllowed("withdrawn", "respond", allowed=[])
    assert str(err) == (
        "respond is not allowed: the complaint is withdrawn (no action is allowed in 'withdrawn')"
    )
    assert err.allowed == ()


# --- IncompleteLetter -----------------------------------------------------------------------------


def test_incomplete_letter() -> None:
    """6.9: every gap is listed with its provision and item."""
    findings = [
        Finding(provision=provision("6.9"), item="g", message="no way to escalate"),
        Finding(provision=provision("6.7"), message="the point 'damp' is not answered"),
    ]
    err = IncompleteLetter(iter(findings))
    assert err.findings == tuple(findings)
    assert str(err) == (
        "the letter is incomplete: 6.9(g): no way to escalate; "
        "6.7: the point 'damp' is not answered"
    )


# --- crossing a process boundary ------------------------------------------------------------------


@pytest.mark.parametrize("err", _examples(), ids=lambda e: type(e).__name__)
def test_errors_survive_pickling(err: ComplaintCodeError) -> None:
    """An error raised in a worker process reaches the parent intact (pickle round trip)."""
    copy = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own data
    assert type(copy) is type(err)
    assert str(copy) == str(err)
    assert copy.args == err.args
    assert vars(copy) == vars(err)
