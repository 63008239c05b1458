"""Thanks given "in advance" is a request, not thanks for the meeting: it passes neither the
thanks rule nor, when it asks for a decision or news, the next-steps rule."""

from __future__ import annotations

import pytest

from followup.core.checklist import check_draft


def verdicts(sentence: str) -> dict[str, bool]:
    body = f"Hi Jane,\n\n{sentence}\n\nBest,\nSam Lee"
    return {r.id: r.passed for r in check_draft("Thank you - Backend Engineer interview", body)
            if r.id in ("thanks", "next_steps")}


@pytest.mark.parametrize("sentence", [
    "Thanks in advance for a quick decision.",
    "Thank you in advance for your quick decision!",
    "Thanks so much in advance for any update on the timeline.",
])
def test_thanks_in_advance_for_a_decision_passes_neither_rule(sentence):
    assert verdicts(sentence) == {"thanks": False, "next_steps": False}


def test_thanks_in_advance_for_something_else_is_still_no_thanks():
    assert verdicts("Thanks in advance for reading my portfolio.") == {
        "thanks": False, "next_steps": True}


def test_thanks_for_the_meeting_still_passes_both():
    assert verdicts("Thank you for the chat about the billing migration.") == {
        "thanks": True, "next_steps": True}
