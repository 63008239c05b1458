"""The send preflight as plain data: what blocks, what needs a yes, and of which kind."""

from __future__ import annotations

from followup.core.preflight import Finding, Intent, SendFacts, preflight, unfilled_gaps
from followup.core.status import Status

BODY = "Hi Ada,\n\nThank you for your time today.\n\nBest,\nSam\n+1 415 555 0134"


def facts(**changes) -> SendFacts:
    values = dict(person="Ada Byron", address="ada@example.com", address_guessed=False,
                  subject="Thank you, Ada", body=BODY, status=Status.DRAFT, channel="")
    return SendFacts(**{**values, **changes})


def kinds(check) -> list[Finding]:
    return [p.kind for p in check.problems]


def test_a_complete_note_has_nothing_in_its_way():
    check = preflight(facts())
    assert check.problems == () and not check.blocked and check.unconfirmed(set()) == []
    # A paragraph break shows as an empty line, as the note will read.
    assert check.first_lines(2) == ["Hi Ada,", "", "Thank you for your time today."]


def test_gaps_are_found_and_named_but_links_are_not_gaps():
    assert unfilled_gaps("see [my post](https://x.example) and [your phone number]") == [
        "[your phone number]"]
    check = preflight(facts(body=BODY + "\n[write your better answer here]",
                            subject="Thanks [first name]"))
    assert kinds(check) == [Finding.UNFILLED_GAP] and check.blocked
    assert "[first name] and 1 more" in check.problems[0].message
    # Nothing the user confirms makes a gap sendable.
    assert check.unconfirmed(set(Finding)) == list(check.problems)


def test_no_address_and_empty_block():
    check = preflight(facts(address="", body=" "))
    assert kinds(check) == [Finding.EMPTY, Finding.NO_ADDRESS] and check.blocked


def test_a_guessed_address_needs_its_own_confirmation():
    check = preflight(facts(address_guessed=True))
    assert kinds(check) == [Finding.ADDRESS_GUESSED] and not check.blocked
    assert check.unconfirmed({Finding.RULES_FAILING}) == list(check.problems)
    assert check.unconfirmed({Finding.ADDRESS_GUESSED}) == []


def test_resend_kinds():
    sent = preflight(facts(status=Status.SENT, channel="email (Followup)"))
    by_hand = preflight(facts(status=Status.SENT, channel="in person", sent_by_followup=False))
    unsure = preflight(facts(status=Status.SENDING))
    assert kinds(sent) == [Finding.ALREADY_SENT] and sent.is_resend
    assert kinds(by_hand) == [Finding.MARKED_SENT_BY_HAND] and "(in person)" in (
        by_hand.problems[0].message)
    assert kinds(unsure) == [Finding.SEND_NOT_CONFIRMED]
    assert not preflight(facts()).is_resend


def test_failing_rules_need_a_yes():
    check = preflight(facts(failing_rules=("Thank them for their time.",)))
    assert kinds(check) == [Finding.RULES_FAILING] and not check.blocked
    assert check.unconfirmed({Finding.RULES_FAILING}) == []


def test_skipped_blocks():
    assert preflight(facts(status=Status.SKIPPED)).blocked


def test_a_message_that_cannot_be_built_blocks_unless_something_else_already_does():
    check = preflight(facts(compose_problem="Add a subject line."))
    assert kinds(check) == [Finding.CANNOT_COMPOSE] and check.blocked
    assert check.problems[0].message == "Add a subject line."
    # No address: said once, as the card's problem, not again as the message's.
    assert kinds(preflight(facts(address="", compose_problem="Add Ada's address."))) == [
        Finding.NO_ADDRESS]


# --- the same policy for a note sent another way ---------------------------------------------

def mark(**changes):
    return preflight(facts(**changes), Intent.MARK_SENT)


def test_marking_a_complete_note_sent_asks_nothing():
    check = mark(address="", address_guessed=True, unread_phrased=3)
    assert check.problems == () and check.intent is Intent.MARK_SENT


def test_marking_sent_with_a_gap_or_failing_rules_needs_a_yes_not_a_fix():
    check = mark(body=BODY + "\n[your phone number]", failing_rules=("Thank them.",))
    assert kinds(check) == [Finding.UNFILLED_GAP, Finding.RULES_FAILING]
    assert not check.blocked  # it already left: recording it is the user's call
    assert "[your phone number]" in check.problems[0].message
    assert check.unconfirmed({Finding.UNFILLED_GAP}) == [check.problems[1]]
    assert check.unconfirmed({Finding.UNFILLED_GAP, Finding.RULES_FAILING}) == []


def test_marking_sent_again_or_after_an_unconfirmed_send_needs_a_yes():
    again = mark(status=Status.SENT, channel="in person", sent_by_followup=False)
    assert kinds(again) == [Finding.MARKED_SENT_BY_HAND] and again.is_resend
    assert "(in person)" in again.problems[0].message and not again.blocked
    unsure = mark(status=Status.SENDING)
    assert kinds(unsure) == [Finding.SEND_NOT_CONFIRMED] and "Sent folder" in (
        unsure.problems[0].message)


def test_marking_sent_no_follow_up_needed_is_blocked_as_the_status_refuses_it():
    check = mark(status=Status.SKIPPED)
    assert kinds(check) == [Finding.SKIPPED] and check.blocked
    assert check.unconfirmed(set(Finding)) == list(check.problems)
