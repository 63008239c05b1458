"""Which `?` line a follow-up revisits: the guides' "chance to redeem yourself" is for an
answer that went wrong, and two "your question" paragraphs in one note read as a form. The
window's `redeem` rule asks for the same question drafting revisits."""

from __future__ import annotations

import pytest

from followup.core.checklist import CheckContext, check_draft
from followup.core.drafting import DraftRequest, Profile, generate_draft
from followup.core.own_lines import question_to_revisit, question_topic

PROFILE = Profile(name="Ines Carvalho", phone="+351 912 345 678", email="ines@example.pt")


def _draft(notes: str):
    return generate_draft(DraftRequest(
        company="Lumen Dental", role="Practice Manager", kind="one_on_one_interview",
        person_name="Tomasz Wieczorek", person_title="Owner", capacity="interviewer",
        notes=notes, general_notes="", others_met=(), profile=PROFILE))


def test_the_fumbled_question_is_revisited_even_when_it_comes_second():
    lines = ["how i'd cut hygiene no-shows -> said text reminders, he liked that",
             "walk through a month-end close -> forgot the deposits step, he corrected me"]
    assert question_to_revisit(lines) == lines[1]


@pytest.mark.parametrize("line", [
    "ever run payroll for 20 people -> yes, at the clinic",
    "why this practice -> said the community focus, ok answer",
    "handling a patient who won't pay -> told the payment plan story, she nodded",
    "delivering bad news to a family -> told the waitlist story, went well",
])
def test_a_question_that_went_well_is_not_revisited(line):
    assert question_to_revisit([line]) is None


@pytest.mark.parametrize("line", [
    "how i'd staff a double-booked saturday",  # nothing said of the answer: kept
    "insurance verification workflow -> got 2 of 3 steps, missed eligibility",
    "how would i read an aging report -> only did it once, bit weak",
    "what if the autoclave fails mid-day -> i said call the vendor, he said no, check the log",
])
def test_an_unsure_or_fumbled_question_is_revisited(line):
    assert question_to_revisit([line]) == line


def test_one_question_paragraph_however_many_questions():
    draft = _draft("! they're moving 3 chairs to a new wing in march\n"
                   "? how i'd handle two hygienists both out sick -> blanked, said temps\n"
                   "? what software have i used -> dentrix, went fine\n"
                   "? tell me about a billing error i caught -> rambled a bit")
    assert draft.body.count("better answer here") == 1
    assert "two hygienists both out sick" in draft.body
    assert "blanked" not in draft.body and "rambled" not in draft.body


def test_a_fumble_whose_question_was_never_written_asks_for_the_question():
    draft = _draft("! they're opening a second site in porto next year\n"
                   "? -> i went straight to the schedule, she wanted the budget first. missed it")
    assert "[name the question]" in draft.body
    assert "you wanted" not in draft.body and "missed" not in draft.body


def _redeem(body: str, notes: str):
    context = CheckContext(company="Lumen Dental", recipient="Tomasz Wieczorek", notes=notes)
    return next(r for r in check_draft("Thank you", body, context) if r.id == "redeem")


def test_the_redeem_rule_asks_for_the_question_drafting_revisits():
    notes = ("? why dentistry -> said my mum was a hygienist, ok answer\n"
             "? how i'd run a recall campaign -> vague, forgot the insurance angle")
    body = _draft(notes).body
    assert "recall campaign" in body and "dentistry" not in body
    assert _redeem(body, notes).passed
    missed = _redeem(body.replace("recall campaign", "schedule"), notes)
    assert not missed.passed and "recall campaign" in missed.message


def test_no_question_to_redeem_when_every_answer_went_well():
    notes = "? why dentistry -> said my mum was a hygienist, ok answer"
    assert _redeem(_draft(notes).body, notes).passed


@pytest.mark.parametrize(("line", "topic"), [
    ("had i ever used opendental -> no, only eaglesoft", "whether I had ever used opendental"),
    ("could i start before january -> yes", "whether I could start before january"),
    ("walk through a claim denial appeal -> ok", "walking through a claim denial appeal"),
    ("count visits by provider per week -> wrote it, forgot the join", "counting visits by"),
    ("golden hour triage -> got 3 of 5", "golden hour triage"),
    ("how i'd price a crown (lab fees) . i said cost plus and he frowned", "how I would price"),
    ("at 110%. i froze, said overtime", "at 110%"),
])
def test_the_question_as_the_user_retells_it(line, topic):
    assert topic in (question_topic(line) or "")


@pytest.mark.parametrize("sentence", [
    "I'd be glad to bring [what you can contribute, from what you discussed] to Lumen Dental.",
    "I believe [what you can contribute, from what you discussed] would help Lumen Dental.",
    "[say what you can bring, from your note: my recall script cut no-shows], and I'd welcome "
    "the chance to do the same at Lumen Dental.",
])
def test_a_contribution_still_holding_its_gap_never_passes(sentence):
    body = (f"Hi Tomasz,\n\nThank you for the interview.\n\n{sentence}\n\n"
            "Best,\nInes Carvalho\n+351 912 345 678")
    context = CheckContext(company="Lumen Dental", recipient="Tomasz Wieczorek",
                           notes="+ my recall script cut no-shows")
    found = next(r for r in check_draft("Thank you", body, context) if r.id == "contribution")
    assert not found.passed


def test_hoping_to_continue_the_conversation_is_no_contribution():
    body = ("Hi Tomasz,\n\nThank you for the interview.\n\nI'm very interested in the practice "
            "manager role and in the work at Lumen Dental, and I hope we can continue the "
            "conversation soon.\n\nBest,\nInes Carvalho\n+351 912 345 678")
    context = CheckContext(company="Lumen Dental", recipient="Tomasz Wieczorek")
    found = next(r for r in check_draft("Thank you", body, context) if r.id == "contribution")
    assert not found.passed
