"""The follow-up status machine, on its own: every promise as a transition rule."""

from __future__ import annotations

import pytest

from followup.core.status import (
    STATUSES,
    Status,
    TransitionRefused,
    has_left,
    is_editable,
    is_open,
    parse,
    transition,
)

S = Status


def test_the_status_list_is_defined_once_and_matches_the_store():
    from followup.store import models

    assert STATUSES == ("draft", "ready", "sending", "sent", "failed", "skipped")
    assert models.STATUSES is STATUSES


@pytest.mark.parametrize("current,target", [
    (S.DRAFT, S.READY), (S.READY, S.DRAFT), (S.DRAFT, S.SENDING), (S.READY, S.SENDING),
    (S.FAILED, S.SENDING), (S.SENDING, S.SENT), (S.SENDING, S.FAILED), (S.DRAFT, S.SENT),
    (S.FAILED, S.READY), (S.DRAFT, S.SKIPPED), (S.SKIPPED, S.DRAFT), (S.READY, S.SKIPPED),
])
def test_allowed_moves(current, target):
    assert transition(current, target) is target


@pytest.mark.parametrize("current,target", [
    (S.SENT, S.SENDING), (S.SENT, S.SENT), (S.SENDING, S.SENDING),  # never twice by itself
    (S.SENT, S.DRAFT), (S.SENT, S.READY), (S.SENT, S.SKIPPED), (S.SENDING, S.DRAFT),
    (S.SKIPPED, S.SENDING), (S.SKIPPED, S.SENT), (S.SKIPPED, S.READY), (S.SENT, S.FAILED),
])
def test_refused_moves_say_why(current, target):
    with pytest.raises(TransitionRefused) as refused:
        transition(current, target)
    assert str(refused.value).endswith(".")


@pytest.mark.parametrize("current,target", [
    (S.SENT, S.SENDING), (S.SENT, S.SENT), (S.SENDING, S.SENDING)])
def test_a_confirmed_resend_is_allowed(current, target):
    assert transition(current, target, resend=True) is target


def test_a_resend_never_unsends():
    with pytest.raises(TransitionRefused):
        transition(S.SENT, S.DRAFT, resend=True)


def test_strings_are_accepted_and_unknown_ones_named():
    assert transition("draft", "ready") is S.READY
    with pytest.raises(ValueError, match="unknown follow-up status 'posted'"):
        parse("posted")


def test_predicates():
    assert [s for s in S if is_open(s)] == [S.DRAFT, S.READY, S.SENDING, S.FAILED]
    assert [s for s in S if has_left(s)] == [S.SENDING, S.SENT]
    assert [s for s in S if is_editable(s)] == [S.DRAFT, S.READY, S.FAILED]
