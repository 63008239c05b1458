"""Kinds of note a reader stumbled on in drafts, each checked on lines other than the one it
was found in: place names typed in lower case, fragments without a verb, an adverb between a
subject and its verb, a verb that must agree, a verdict glued to a `?` line, mechanics, a
sport that is someone's work, and a `+` line that starts with where it happened."""

from __future__ import annotations

import pytest

from followup.core.lexicon import normalise_line
from followup.core.note_kinds import is_mechanics, is_personal
from followup.core.own_lines import contribution_phrase, question_topic
from followup.core.phrasing import Phrase, Shape, reads_well, rephrase


@pytest.mark.parametrize(("typed", "spelled"), [
    ("offices around pioneer sq and the waterfront", "offices around Pioneer Square"),
    ("rows on green lake most mornings", "rows on Green Lake"),
    ("volunteers at ballard branch on saturdays", "at Ballard Branch"),
    ("sails on lake washington", "on Lake Washington"),
    ("runs trails in discovery park", "in Discovery Park"),
    ("we both grew up in el paso", "in El Paso"),
    ("her family is from san antonio", "from San Antonio"),
])
def test_a_place_typed_in_lower_case_is_spelled_as_a_name(typed, spelled):
    assert spelled in normalise_line(typed, {}, [])


@pytest.mark.parametrize("typed", [
    "met at the rail yard", "the new Kafka cluster", "moving the files to data lake",
    "lives at 5th st", "our main branch of the code",
])
def test_ordinary_words_near_a_place_noun_stay_as_typed(typed):
    assert normalise_line(typed, {}, []) == typed


@pytest.mark.parametrize("fragment", [
    "the investigator-initiated ones still on REDCap",
    "all on Dentrix except 3 new acquisitions still on Eaglesoft",
    "most sites still on paper charts",
])
def test_a_fragment_without_a_verb_is_no_clause(fragment):
    assert not reads_well(Phrase(Shape.CLAUSE, fragment))


@pytest.mark.parametrize(("line", "clause"), [
    ("interns still tag video by hand", "interns still tag video by hand"),
    ("nurses often float between units", "your nurses often float between units"),
    ("support tickets mostly land on mondays", "your support tickets mostly land on mondays"),
])
def test_an_adverb_between_subject_and_verb_keeps_the_subject(line, clause):
    phrase = rephrase(line)
    assert phrase is not None and phrase.shape is Shape.CLAUSE
    assert phrase.text.lower() == clause.lower() and reads_well(phrase)


@pytest.mark.parametrize(("line", "verb"), [
    ("vendor lead times from portugal ~16 weeks", "are about 16"),
    ("wait times at the clinic ~40 minutes", "are about 40"),
    ("break rate ~22 per 100 miles", "is about 22"),
])
def test_the_verb_written_for_a_number_agrees_with_its_subject(line, verb):
    phrase = rephrase(line)
    assert phrase is not None and verb in phrase.text


def test_an_adverb_after_a_plural_object_gets_no_article():
    assert rephrase("she runs half marathons now").text == "you run half marathons now"
    assert rephrase("runs platform team now").text == "you run the platform team now"


@pytest.mark.parametrize(("line", "topic"), [
    ("he asked me how i'd put a dollar value on a draft pick and i totally rambled about "
     "WAR, never got to surplus value over slot", "how I would put a dollar value on a draft pick"),
    ("asked how I would calm a guest upset about a lost booking and i said just comp it",
     "how I would calm a guest upset about a lost booking"),
])
def test_a_verdict_glued_to_the_question_is_left_out(line, topic):
    assert question_topic(line) == topic


@pytest.mark.parametrize("line", [
    "you had to drop after 20 min", "had to leave early for another meeting",
    "she hopped off the call halfway",
])
def test_leaving_the_call_is_mechanics(line):
    assert is_mechanics(line)


def test_rewriting_a_pipeline_is_no_mechanics():
    assert not is_mechanics("had to rewrite the pipeline twice")


@pytest.mark.parametrize(("line", "personal"), [
    ("soccer side, tracking data", False),
    ("golf clients mostly, high net worth", False),
    ("plays soccer on weekends", True),
    ("coaches her kid's soccer team", True),
    ("does dragon boat racing on Lake Union on weekends", True),
])
def test_a_sport_that_is_the_work_is_no_rapport_line(line, personal):
    assert is_personal(line) is personal


def test_a_contribution_that_starts_with_where_reads_as_one_clause():
    kind, text, _more = contribution_phrase(
        "at Northgate I cut supplier lead times 20% by moving to weekly orders, saved 3k/mo")
    assert kind == "i" and text.startswith("At Northgate, I cut supplier lead times")
    assert reads_well(Phrase(Shape.MINE, text))
