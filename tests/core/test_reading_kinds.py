"""Kinds of note a reader stumbled on in drafts, each checked on lines other than the one it
was found in: place names typed in lower case, fragments without a verb, an adverb between a
subject and its verb, a verb that must agree, a verdict glued to a `?` line, mechanics, a
sport that is someone's work, and a `+` line that starts with where it happened."""

from __future__ import annotations

import re

import pytest

from followup.core.drafting import spoken_role
from followup.core.lexicon import normalise_line
from followup.core.note_kinds import (
    is_logistics,
    is_mechanics,
    is_personal,
    is_private_life,
    is_self_assessment,
    never_a_point,
)
from followup.core.own_lines import contribution_phrase, question_topic
from followup.core.phrasing import Phrase, Shape, reads_well, rephrase
from followup.core.shorthand import clean


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


# ---- kinds from the sixth reading -------------------------------------------------------------

from followup.core.drafting import (  # noqa: E402  (grouped with the tests that use them)
    Link,
    Profile,
    in_prose,
    link_sentence,
    matching_link,
    touched_skills,
)
from followup.core.names import greeting_name  # noqa: E402

ROUTES = Link("Planning bus routes from ridership data", "https://example.org/routes",
              ("route", "ridership", "schedule"))
GTFS = Link("What a GTFS feed can tell you", "https://example.org/gtfs", ("gtfs", "transit data"))


def test_one_common_word_in_common_is_no_reason_to_send_a_post():
    profile = Profile(name="Ana", links=(ROUTES,))
    assert matching_link(profile, "! the schedule lives in a shared sheet") is None
    assert matching_link(profile, "asked why transit after 5 yrs on a bus route\n"
                                  "+ I built a route planner") is None  # the user's own lines
    both = "! they redo every route each spring from ridership counts"
    assert matching_link(profile, both) == ROUTES


def test_a_term_of_the_trade_alone_ties_a_post_and_is_named():
    profile = Profile(name="Ana", links=(ROUTES, GTFS))
    notes = "! their GTFS feed breaks every time a detour goes in"
    assert matching_link(profile, notes) == GTFS
    assert "GTFS" in link_sentence(GTFS, notes, 0)


def test_a_post_tied_by_plain_words_is_named_by_its_title_not_a_bare_noun():
    notes = "! they redo every route each spring from ridership counts"
    sentence = link_sentence(ROUTES, notes, 0)
    assert "\u201cPlanning bus routes from ridership data\u201d" in sentence
    assert "about route " not in sentence and "of route," not in sentence


def test_a_tool_they_want_to_leave_is_no_skill_to_offer():
    profile = Profile(name="Ana", skills=("Excel", "SQL"))
    assert touched_skills(profile, "! rosters are done in excel by hand by 2 people") == []
    assert touched_skills(profile, "! the whole forecast model is in Excel") == ["Excel"]


@pytest.mark.parametrize(("company", "said"), [
    ("City of Port Calder", "the City of Port Calder"),
    ("University of Otago", "the University of Otago"),
    ("Province of Nova Scotia", "the Province of Nova Scotia"),
    ("Citywide Logistics", "Citywide Logistics"),
    ("Bank Street Partners", "Bank Street Partners"),
])
def test_an_institution_named_for_a_place_takes_the(company, said):
    assert in_prose(company) == said


@pytest.mark.parametrize(("name", "greeted"), [
    ("Mohd Faizal bin Rahman", "Faizal"), ("Muhammad Haziq bin Abdullah", "Haziq"),
    ("Md Rahim Uddin", "Rahim"), ("Mohammed Ali", "Mohammed"),
])
def test_an_abbreviated_muhammad_is_not_what_anyone_is_called(name, greeted):
    assert greeting_name(name) == greeted


@pytest.mark.parametrize("line", [
    "she's back from mat leave last month, 2nd kid", "on paternity leave until june",
    "just had his first child",
])
def test_leave_and_a_new_child_are_private(line):
    assert is_private_life(line)


@pytest.mark.parametrize("line", [
    "said they need someone by jan 6", "needs the role filled before march",
])
def test_when_they_need_someone_is_logistics(line):
    assert is_logistics(line)


@pytest.mark.parametrize("line", [
    "left 10 min early for an owners call", "popped in for 2 min to say hi, had a clinic",
    "was 20 min late, came from the set in squamish",
])
def test_arriving_and_leaving_are_never_a_point(line):
    assert never_a_point(line) or is_mechanics(line)


def test_an_arrow_before_someone_doing_something_starts_a_clause():
    assert clean("reporting is on paper cards -> someone types them up weekly") == (
        "reporting is on paper cards, someone types them up weekly")


@pytest.mark.parametrize(("line", "wanted"), [
    ("every nurse does a 3 day orientation", "a 3-day orientation"),
    ("does court hearings mostly", "you mostly do court hearings"),
    ("flagship is Northwind pale ale which is 40% of volume", "Northwind pale ale, which"),
])
def test_small_points_of_grammar(line, wanted):
    assert wanted in rephrase(line).text


@pytest.mark.parametrize(("typed", "spelled"), [
    ("for the city of delta's noise bylaw", "the City of Delta's"),
    ("ran past prospect point", "Prospect Point"),
    ("her first ultramarathon in may", "her first ultramarathon"),
    ("the big problem is diacetyl in the lagers", "diacetyl"),
])
def test_names_and_terms_keep_their_case(typed, spelled):
    assert spelled in normalise_line(typed, {}, [])


# ---- kinds from the seventh reading -----------------------------------------------------------

from followup.core.note_kinds import same_as_me  # noqa: E402


@pytest.mark.parametrize(("line", "said"), [
    ("scorecard from Cascade -> same idea for casting suppliers",
     "scorecard from Cascade, same idea for casting suppliers"),
    ("a simple log -> tableau like my tracker", "a simple log, tableau like my tracker"),
    ("migrating cron -> airflow", "migrating cron to airflow"),
    ("cut dwell from 52 -> 31 min", "cut dwell from 52 to 31 minutes"),
    ("line went down 3x in q3", "line went down 3 times in Q3"),
    ("a pallet of 2-8C product showed 11C",
     "a pallet of 2\u20138 \u00b0C product showed 11 \u00b0C"),
    ("a 6-year old defect suit", "a 6-year-old defect suit"),
    ("booked conf rm B for the panel", "booked conference room B for the panel"),
])
def test_note_shorthand_of_the_seventh_reading(line, said):
    assert clean(line) == said


@pytest.mark.parametrize("line", [
    "joined late from the floor in scrubs", "left ~20 min early for a gemba walk",
    "popped in between feeds, radio kept going off", "on camera but kept walking",
    "booked conf rm B, badge at security", "had to step out twice",
])
def test_the_meetings_own_comings_and_goings_are_mechanics(line):
    assert is_mechanics(clean(line))


def test_same_as_me_is_something_shared_said_as_we_both():
    assert same_as_me("he runs the bridge 10k every year, same as me") == (
        "we both run the bridge 10k every year")
    assert same_as_me("she runs the platform team") is None


@pytest.mark.parametrize(("typed", "spelled"), [
    ("source is the clackamas river", "the Clackamas River"),
    ("runs the st. johns bridge 10k", "the St. Johns Bridge 10k"),
    ("surfs in pacific city on weekends", "in Pacific City"),
])
def test_a_named_place_is_spelled_whole(typed, spelled):
    assert spelled in normalise_line(typed, {}, [])


@pytest.mark.parametrize("clause", [
    "you supply rear axle assemblies to 2 OEMs",
    "you visit the 2 Mexican casting suppliers monthly",
])
def test_a_verb_that_is_also_a_noun_still_makes_a_clause(clause):
    assert reads_well(Phrase(Shape.CLAUSE, clause))


# ---- kinds from the eighth reading -----------------------------------------------------------


@pytest.mark.parametrize("line", [
    "we both lost our dads young", "she lost her husband last year", "he's a widower",
])
def test_a_loss_is_private(line):
    assert is_private_life(line)


def test_a_funeral_home_is_a_workplace_not_a_loss():
    assert not is_private_life("the arrangement team at Hollis & Vane Funeral Home")


@pytest.mark.parametrize(("name", "greeted"), [
    ("K. R. Venkataraman", "Venkataraman"), ("A. P. J. Abdul Kalam", "Abdul"),
])
def test_initials_stand_for_names_nobody_is_greeted_by(name, greeted):
    assert greeting_name(name) == greeted


def test_someone_elses_their_in_a_question_stays_theirs():
    assert question_topic("she asked how I'd tell a client that their case was denied, i froze") \
        == "how I would tell a client that their case was denied"


@pytest.mark.parametrize(("line", "clause"), [
    ("turns take ~14 days, goal is 7", "your turns take about 14 days"),
    ("ships code daily", "you ship code daily"),
])
def test_a_noun_before_its_verb_is_the_subject(line, clause):
    assert rephrase(line).text == clause


def test_a_subject_that_lost_its_s_is_no_clause():
    phrase = rephrase("truck leave at 4:30am sharp")  # a clock time: logistics, or no clause
    assert phrase is None or not reads_well(phrase)


def test_what_someone_wore_is_mechanics():
    assert is_mechanics("sat in on the panel in his carhartts")


def test_where_the_user_worked_is_spelled_as_a_name_in_every_line():
    from followup.core.drafting import DraftRequest, generate_draft

    body = generate_draft(DraftRequest(
        company="Larchmont Residential", role="Leasing Manager", kind="one_on_one_interview",
        person_name="Hamad Saleh", person_title="Regional Manager", capacity="interviewer",
        notes="! turns take ~14 days, goal is 7\n"
              "+ at keystone facilities i ran a make-ready checklist for 60 suites",
        general_notes="", others_met=(), profile=Profile(name="Sam"))).body
    assert "At Keystone Facilities, I ran a make-ready checklist" in body
    assert "keystone" not in body


def test_a_line_that_starts_with_but_is_phrased_without_it():
    assert not rephrase("but optical capture rate is only 41%").text.startswith("but")


# ---- kinds from the ninth reading -------------------------------------------------------------


def test_what_they_said_back_is_not_the_question():
    line = ("she asked how i'd handle a pt whose progressives were remade twice and still "
            "'swim'. i said i'd refund, she said they do non-adapt policy thru the lab first")
    assert question_topic(line) == (
        "how I would handle a patient whose progressives were remade twice and still 'swim'")


@pytest.mark.parametrize(("name", "greeted"), [
    ("Sister Margaret O'Rourke", "Sister Margaret"), ("Father Tomás Ruiz", "Father Tomás"),
    ("Dr. Anjali Raghunathan", "Anjali"),
])
def test_a_religious_title_is_part_of_how_someone_is_greeted(name, greeted):
    assert greeting_name(name) == greeted


@pytest.mark.parametrize(("typed", "spelled"), [
    ("the cafe fit-out at Lumen interiors", "Lumen Interiors"),
    ("ran the desk at Brightsight optical", "Brightsight Optical"),
])
def test_a_business_named_with_a_common_noun_is_spelled_whole(typed, spelled):
    assert spelled in normalise_line(typed, {}, [])


# ---- kinds from the tenth reading -------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "said pay is 24.50/hr to start", "starting rate of $19 an hour", "she said ~85k a year",
])
def test_pay_in_any_form_is_logistics(line):
    assert is_logistics(clean(line))


@pytest.mark.parametrize("line", [
    "her dog barked the whole first half", "the room smelled like chlorine",
])
def test_what_was_heard_or_smelled_on_the_call_is_mechanics(line):
    assert is_mechanics(line)


def test_both_without_we_is_something_shared():
    from followup.core.note_kinds import is_shared

    assert is_shared("both grew up swimming in san juan, he swam for my cousin's club")


@pytest.mark.parametrize(("line", "said"), [
    ("doors open 6:45am for the breakfast rush", "open at 6:45am"),
    ("night crew finishes 11pm most days", "finishes at 11pm"),
    ("the shuttle runs every 20 min", "every 20 minutes"),
    ("we sat down in her office", "we sat down"),  # "sat" before no part of a day
    ("deliveries pile up on busy sun mornings", "busy Sunday mornings"),
    ("wait list is 3 weeks avg", "3 weeks on average"),
    ("seasonal hires in jun-jul", "in June and July"),
    ("peak bookings in mar - may", "from March to May"),
    ("cleaning conc checked 2x a shift", "concentration"),
    ("they cover ~12 langs in the call centre", "12 languages"),
])
def test_clock_times_days_months_and_averages_are_written_out(line, said):
    assert said in clean(normalise_line(line, {}, []))


@pytest.mark.parametrize(("line", "clause"), [
    ("kitchen serves 400 covers on a friday", "your kitchen serves 400 covers"),
    ("co-op board meets monthly", "your co-op board meets monthly"),
])
def test_a_dictionary_word_typed_first_is_a_subject_not_a_name(line, clause):
    phrase = rephrase(line)
    assert phrase is not None and phrase.text.startswith(clause) and reads_well(phrase)


@pytest.mark.parametrize("line", [
    "PPE audits after every shift change", "HACCP logs at each station",
])
def test_an_acronym_and_a_plural_noun_make_no_clause(line):
    phrase = rephrase(line)
    assert phrase is None or phrase.shape is not Shape.CLAUSE \
        or not reads_well(phrase)


@pytest.mark.parametrize(("line", "clause"), [
    ("occupancy stuck at 64% since the reno", "occupancy is stuck at 64%"),
    ("schedules built in excel every friday", "schedules are built in Excel"),
    ("warehouse based in dundee", "warehouse is based in Dundee"),
])
def test_a_participle_of_state_gets_its_is_or_are(line, clause):
    phrase = rephrase(normalise_line(line, {}, []))
    assert phrase is not None and clause in phrase.text and reads_well(phrase)


@pytest.mark.parametrize("line", [
    "sales dropped to 40 units a week", "the team tracked churn in a spreadsheet",
])
def test_a_past_tense_verb_gets_no_is(line):
    phrase = rephrase(line)
    assert phrase is not None and " is " not in phrase.text and " are " not in phrase.text


@pytest.mark.parametrize("line", [
    "they want 30 for the spring cohort", "she needs 4 by the audit",
    "they aim for 98 because the contract says so",
])
def test_a_number_whose_unit_is_elsewhere_is_no_sentence(line):
    phrase = rephrase(line)
    assert phrase is None or not reads_well(phrase)


def test_a_guy_of_a_hobby_is_a_fan_and_the_rest_of_a_personal_line_is_personal():
    phrase = rephrase("she's a crossword gal")
    assert phrase is not None and phrase.text == "you're a crossword fan"


@pytest.mark.parametrize("line", [
    "met at the corner bakery on elm st", "we met in the hotel lobby", "she laughed at my pun",
    "toured the packing line after", "gave me a quick tour of the kitchen",
])
def test_where_we_met_a_tour_and_a_laugh_are_mechanics(line):
    assert is_mechanics(line)


@pytest.mark.parametrize(("line", "private"), [
    ("her sister just had twins, she's an aunt twice over", True),
    ("he's running on 4 hrs sleep this week", True),
    ("he injured his wrist at rugby", True),
    ("5 recordable injuries last year, mostly lifting", False),
    ("lost-time injury rate is 1.2", False),
])
def test_family_news_and_health_are_private_but_workplace_injuries_are_a_point(line, private):
    assert is_private_life(line) is private


@pytest.mark.parametrize("line", [
    "they lost a key supplier in march", "closed the kitchen twice for pest incidents",
    "had 3 product recalls this year",
])
def test_bad_news_is_said_as_a_problem_not_a_pleasure(line):
    phrase = rephrase(line)
    assert phrase is not None and phrase.shape is Shape.PROBLEM


@pytest.mark.parametrize(("role", "said"), [
    ("Production Supervisor, 2nd Shift", "Production Supervisor"),
    ("Grants Officer (exploring)", "Grants Officer"),
    ("Head Chef", "Head Chef"),
])
def test_a_role_is_said_without_the_postings_qualifier(role, said):
    assert spoken_role(role) == said


@pytest.mark.parametrize(("line", "said"), [
    ("she talked shelter intake forms for a while", "talked about shelter intake forms"),
    ("first 3 months are all training", "the first 3 months"),
    ("i ran a capital budget ~$4M at the port", "budget of about $4M"),
    ("runs the boys u14 squad", "U14"),
    ("they keep a waitlist of 200 families", "a waitlist of 200"),
])
def test_small_words_notes_leave_out_are_put_back(line, said):
    assert said in clean(normalise_line(line, {}, []))


@pytest.mark.parametrize(("line", "clause"), [
    ("6 open shifts this week", "there have been 6 open shifts this week"),
    ("11 returns last quarter", "there were 11 returns last quarter"),
    ("~30 volunteers on a saturday", "there are about 30 volunteers on a saturday"),
])
def test_a_count_with_nothing_said_of_it_is_said_with_there(line, clause):
    phrase = rephrase(clean(line))
    assert phrase is not None and phrase.text == clause and reads_well(phrase)


@pytest.mark.parametrize(("line", "clause"), [
    ("building permits ~40 pending at the county",
     "there are about 40 building permits pending at the county"),
    ("waste on the cut table ~4%", "waste on the cut table is about 4%"),
    ("fill rate on the north dock is ~93%", "fill rate on the north dock is about 93%"),
])
def test_a_number_after_a_subject_with_a_place_in_it_reads_as_a_clause(line, clause):
    phrase = rephrase(clean(line))
    assert phrase is not None and phrase.text.endswith(clause) and reads_well(phrase)


def test_a_move_has_one_to_and_a_second_arrow_starts_a_new_piece():
    assert clean("moving intake from paper -> tablets by june -> nurses triage at the door") \
        == "moving intake from paper to tablets by june, nurses triage at the door"


def test_where_the_user_worked_keeps_its_small_words_lower_case():
    from followup.core.drafting import DraftRequest, generate_draft

    body = generate_draft(DraftRequest(
        company="Harlow Kitchens", role="Sous Chef", kind="one_on_one_interview",
        person_name="Iwona Mazur", person_title="Executive Chef", capacity="interviewer",
        notes="! brunch does ~300 covers on a sunday\n"
              "+ at lantern bistro in galway i ran the pass for 2 years",
        general_notes="", others_met=(), profile=Profile(name="Sam"))).body
    assert "At Lantern Bistro in Galway, I ran the pass" in body


@pytest.mark.parametrize("line", ["she got there first and grabbed a table",
                                  "i spilled my water on the desk lol"])
def test_who_arrived_first_and_a_spill_are_mechanics(line):
    assert is_mechanics(line)


@pytest.mark.parametrize(("line", "kind"), [
    ("her daughter had her appendix out last week", is_private_life),
    ("his kid just had his tonsils out", is_private_life),
    ("data entry test 61 wpm, they need 50", is_self_assessment),
    ("got 7 of 10 on the code quiz", is_self_assessment),
    ("commission split 50/50 for the first year", is_logistics),
])
def test_a_score_a_split_and_an_operation_never_reach_the_email(line, kind):
    assert kind(line)


@pytest.mark.parametrize("line", [
    "did the night audit w/ her last month", "walked through my portfolio for 10 min",
])
def test_what_the_user_did_with_them_is_not_said_as_theirs(line):
    phrase = rephrase(clean(line))
    assert phrase is None or not reads_well(phrase)


@pytest.mark.parametrize(("line", "topic"), [
    ("asked me to tell him about a time i missed a deadline", "a time I missed a deadline"),
    ("she asked me to walk her through my first 60 days", "my first 60 days"),
])
def test_a_tell_me_about_question_is_about_what_was_to_be_told(line, topic):
    assert question_topic(line) == topic


@pytest.mark.parametrize(("line", "said"), [
    ("new menu rollout Q3", "rollout in Q3"),
    ("fridge temp logs still on paper", "temperature logs"),
    ("sign-off in first 90 days", "in the first 90 days"),
    ("200 inventory pts to re-survey", "inventory points"),
])
def test_a_quarter_a_temperature_a_first_and_points_are_written_out(line, said):
    assert said in clean(normalise_line(line, {}, []))


def test_years_someone_spent_are_no_count_of_things():
    phrase = rephrase(clean("14 yrs on the line before she moved up"))
    assert phrase is None or not phrase.text.startswith("there ")


@pytest.mark.parametrize("line", ["pay steps every 6 months, 40% -> 45%",
                                  "wore the jacket from their fall line"])
def test_a_pay_scale_with_its_numbers_and_what_someone_wore_are_no_point(line):
    assert never_a_point(line) or is_mechanics(line)


@pytest.mark.parametrize(("line", "said"), [
    ("restocks backorders every monday", "backorders"),
    ("tracks the waitlist in a sheet", "waitlist"),
    ("grants from the kresge foundation", "Kresge Foundation"),
    ("hikes near the deschutes canyon", "Deschutes Canyon"),
    ("crush runs sept -> nov", "September to November"),
    ("she's been supervisor 9 yrs", "been supervisor for 9 years"),
    ("handoffs betw day and night crews", "between day and night"),
    ("about 40 skus per pallet", "40 SKUs"),
])
def test_the_thirteenth_readers_names_and_shorthand(line, said):
    assert said in clean(normalise_line(line, {}, []))


def test_a_verb_the_word_forms_lack_is_read_as_a_verb_in_a_question():
    assert question_topic("asked me to deglaze a pan for the sauce") \
        == "deglazing a pan for the sauce"


def test_a_label_of_complaint_says_what_the_complaint_is():
    phrase = rephrase("#1 complaint: quotes that forget disposal fees")
    assert phrase is not None and phrase.shape is Shape.PROBLEM


@pytest.mark.parametrize("line", ["offered me water before we started",
                                  "brought us some water"])
def test_being_offered_water_is_mechanics(line):
    assert is_mechanics(line)


def test_a_subject_and_a_comma_and_a_gerund_is_no_clause():
    assert not reads_well(Phrase(Shape.CLAUSE, "your new kiosks, pushing loyalty sign-ups"))


@pytest.mark.parametrize(("line", "said"), [
    ("flashing firmware on an nrf52840 board", "NRF52840"),
    ("plans drawn in 2d then modelled in 3d", "2D then modelled in 3D"),
    ("bids are built in planswift and procore", "PlanSwift and Procore"),
    ("sends the newsletter from mailchimp", "Mailchimp"),
])
def test_part_numbers_dimensions_and_listed_products_are_spelled(line, said):
    assert said in clean(normalise_line(line, {}, []))


@pytest.mark.parametrize("plus", ["+ i speak tagalog and some spanish",
                                  "+ i know lightspeed pos inside out"])
def test_something_the_user_has_is_offered_without_doing_the_same(plus):
    from followup.core.drafting import DraftRequest, generate_draft

    for voice_name in ("Ana Reyes", "Bo Lindqvist", "Chidi Okeke", "Dana Weiss", "Eun-ji Cho",
                       "Farid Haddad"):
        body = generate_draft(DraftRequest(
            company="Spoke & Sprocket", role="Service Manager", kind="one_on_one_interview",
            person_name=voice_name, person_title="Owner", capacity="interviewer",
            notes=f"! tune-up backlog hits 3 weeks every april\n{plus}",
            general_notes="", others_met=(), profile=Profile(name="Sam"))).body
        assert "do the same" not in body and "same care" not in body
        assert "put that to use" in body or "put to work" in body or "would be useful" in body


@pytest.mark.parametrize(("line", "clause"), [
    ("CDL class B required", "the CDL class B is required"),
    ("food handler card needed by week 2", "the food handler card is needed by week 2"),
])
def test_a_requirement_is_said_as_the_jobs_not_theirs(line, clause):
    phrase = rephrase(clean(line))
    assert phrase is not None and phrase.text == clause and reads_well(phrase)


def test_a_list_of_three_with_slashes_stays_one_piece():
    assert "good-better-best" in clean("wants 3 tiers good/better/best on every quote")


def _draft(notes: str, kind: str = "panel_interview", company: str = "Harbor Kitchens",
           name: str = "Ivana Perić") -> str:
    from followup.core.drafting import DraftRequest, generate_draft

    return generate_draft(DraftRequest(
        company=company, role="Coordinator", kind=kind, person_name=name,
        person_title="Maintenance Planner" if kind == "meetup" else "Director",
        capacity="interviewer", notes=notes, general_notes="",
        others_met=(), profile=Profile(name="Sam"))).body


def test_a_meetup_named_for_a_company_is_not_where_we_met_but_is_named():
    body = _draft("! runs AV for most of the offsites in town", kind="meetup",
                  company="Lumen & Lark Events")
    assert "at Lumen & Lark Events" not in body.split("\n\n")[1]
    assert "the meetup" in body and "Lumen & Lark Events" in body  # named once, as the host


def test_a_meetup_named_for_an_event_is_where_we_met():
    body = _draft("! runs AV for most of the offsites in town", kind="meetup",
                  company="Portland Stage Tech Meetup")
    assert "at Portland Stage Tech Meetup" in body and "learn" not in body.split("\n\n")[-4]


def test_their_name_at_the_start_of_a_line_is_no_point():
    body = _draft("ivana peric, ops director, very warm\n! 14 bays, 3 open since june")
    assert "Ivana Perić, ops" not in body and "ops director" not in body


def test_the_next_rapport_line_is_tried_when_the_first_cannot_be_phrased():
    body = _draft("! 14 bays, 3 open since june\nrecital at the newmark theatre june 6\n"
                  "she sailed w/ a tall ship crew in nyc for 2 yrs")
    assert "tall ship" in body


@pytest.mark.parametrize(("line", "kind"), [
    ("said offers go out by dec 15", is_logistics),
    ("needs a copy of my forklift licence", is_logistics),
    ("he paced the whole time", is_mechanics),
])
def test_when_offers_go_out_a_copy_of_a_licence_and_pacing_are_no_point(line, kind):
    assert kind(line)


@pytest.mark.parametrize(("line", "said"), [
    ("wants a cleaner intake -> case mgr handoff", "handoff from intake to case manager"),
    ("pos -> erp nightly sync fails on month end", "nightly sync from pos to ERP fails"),
])
def test_an_arrow_before_a_handoff_names_both_ends(line, said):
    assert said in clean(line)


@pytest.mark.parametrize(("line", "clause"), [
    ("front desk swamped every monday", "is swamped every Monday"),
    ("renewal forms due to the county in march", "are due to the county"),
])
def test_swamped_and_due_get_their_verb(line, clause):
    phrase = rephrase(clean(normalise_line(line, {}, [])))
    assert phrase is not None and clause in phrase.text and reads_well(phrase)


def test_where_the_user_worked_at_the_end_of_a_plus_line_is_spelled_as_a_name():
    body = _draft("! churn is 4% a month\n+ i cut churn from 3.8% to 2.6% at summit climbing")
    assert "at Summit Climbing" in body


def test_at_the_shipyard_or_at_night_is_no_workplace_name():
    body = _draft("! churn is 4% a month\n+ i ran the night audits at the shipyard")
    assert "at the shipyard" in body


def test_the_dictionarys_own_capitals_spell_a_place_or_a_day():
    assert normalise_line("beans from colombia and peru every tuesday", {}, []) \
        == "beans from Colombia and Peru every Tuesday"


@pytest.mark.parametrize("text", [
    "your kiln shelves, no glaze drips on the posts, vacuum every night",
    "you bin returns on the dock slowed pick rates in May",
])
def test_pieces_of_a_note_and_a_noun_read_as_a_verb_make_no_clause(text):
    assert not reads_well(Phrase(Shape.CLAUSE, text))


def test_two_points_never_open_with_the_same_two_words():
    body = _draft("! kiln schedule is 3 firings a week\n! glaze room needs a new extractor")
    first, second = (s for s in body.split("\n\n")[1].split(". ")[:2])
    assert first.split()[:2] != second.split()[:2]


@pytest.mark.parametrize(("line", "logistics"), [
    ("asked how i'd schedule a rush job against a big batch", False),
    ("will schedule a call with the vp next week", True),
])
def test_scheduling_work_is_a_point_and_scheduling_the_interview_is_logistics(line, logistics):
    assert is_logistics(line) is logistics


@pytest.mark.parametrize(("line", "topic"), [
    ("asked which scheduling tools have i used", "which scheduling tools I have used"),
    ("asked what did i change in my last shop", "what I changed in my last shop"),
])
def test_a_question_is_retold_in_the_order_of_a_statement(line, topic):
    assert question_topic(line) == topic


def test_when_the_panel_debriefs_is_logistics():
    assert is_logistics("panel debrief is thurs, she'll email after")


def test_them_with_only_its_verb_before_it_is_nobody_in_the_email():
    assert not reads_well(Phrase(Shape.CLAUSE, "your county license limits them to 40 rigs"))
    assert reads_well(Phrase(Shape.CLAUSE, "your techs log calls and close them by noon"))


def test_you_been_is_youve_been():
    assert clean("you been there 10 yrs") == "you've been there for 10 years"


def test_an_adjective_left_alone_is_no_topic():
    assert not reads_well(Phrase(Shape.TOPIC, "the chaotic"))


@pytest.mark.parametrize("line", [
    "offer would be 61k + a van, dont mention", "new branch not public yet, opens in may",
    "off the record the owner is selling",
])
def test_a_line_marked_not_to_repeat_is_never_a_point(line):
    assert never_a_point(line)


@pytest.mark.parametrize(("line", "said"), [
    ("2 night min at the cabins", "2-night minimum"),
    ("min order 12 cases", "minimum order"),
])
def test_a_minimum_is_no_minutes(line, said):
    assert said in clean(normalise_line(line, {}, []))


def test_something_dropped_in_the_water_is_no_one_dropping_in():
    assert not is_mechanics("surprise audits w/ a dummy dropped in the deep end")


def test_a_question_of_logistics_is_not_revisited():
    body = _draft("! kiln schedule is 3 firings a week\n? asked my availability for saturdays")
    assert "availability" not in body


@pytest.mark.parametrize("topic", ["the who do you tell", "phone ring nonstop Monday mornings"])
def test_a_question_or_a_clause_without_its_verb_is_no_topic(topic):
    assert not reads_well(Phrase(Shape.TOPIC, topic))


def test_u_after_a_verb_is_you_and_you_thank_you_is_no_sentence():
    assert clean("who do u tell first") == "who do you tell first"
    assert not reads_well(Phrase(Shape.CLAUSE, "you thank you for the intro"))


@pytest.mark.parametrize(("line", "logistics"), [
    ("range is 58-64k, decision by fri", True), ("she said 52-58k + bonus", True),
    ("peak goes from 18k to 41k parcels a day", False),
])
def test_a_salary_range_is_logistics_and_a_volume_is_not(line, logistics):
    assert is_logistics(line) is logistics


def test_sales_and_support_shorthand_is_written_out():
    assert clean(normalise_line("3 sdrs run QBRs, kb articles for pw resets", {}, [])) \
        == "3 SDRs run QBRs, KB articles for password resets"


def test_a_title_a_lobby_and_a_drink_offered_make_no_point():
    assert never_a_point("front desk coordinator, walked me up from the lobby, offered tea")


def test_including_with_a_stop_runs_on():
    assert "placements including the Oregonian" in clean(normalise_line(
        "got 14 placements incl. the oregonian last yr", {}, []))


@pytest.mark.parametrize(("line", "kind"), [
    ("he has a 2 yr old and works nights", is_private_life),
    ("she's moving to the denver office in april", is_logistics),
    ("results in ~10 days", is_logistics),
    ("he was already there with a matcha", is_mechanics),
])
def test_the_eighteenth_readers_private_lines_and_mechanics(line, kind):
    assert kind(line)


def test_a_team_of_about_n_gets_no_verb_after_of():
    phrase = rephrase(clean("team of ~14 agents per lead"))
    assert phrase is not None and " of is " not in phrase.text


def test_their_title_at_the_start_of_a_line_goes_and_what_they_said_stays():
    body = _draft("planner, said the cmms migration is 11k open work orders", kind="meetup",
                  company="Plant Ops Meetup")
    assert "11k open work orders" in body


def test_a_count_on_their_team_is_said_to_them():
    phrase = rephrase(clean("8 sdrs on his team, mostly outbound"))
    assert phrase is not None and "your team" in phrase.text


# ---- the nineteenth reading's kinds -----------------------------------------------------------

@pytest.mark.parametrize(("line", "said"), [
    # the piece that carries the point leads, not its setting
    ("clinic sees 60 dogs a day, she wants a second surgical tech", "want a second surgical tech"),
    ("12 branches, the biggest problem is holds that nobody picks up",
     "the biggest problem is holds"),
])
def test_the_piece_that_carries_the_point_is_phrased(line, said):
    from followup.core.drafting import point_sentence
    assert said in point_sentence(normalise_line(line, {}, []), 0, 0, "Ana Souza", key=True)


def test_a_piece_that_leans_on_the_one_before_is_not_said_alone():
    from followup.core.drafting import point_sentence
    line = "! 14 kennels, booking is on paper, she wants someone to own that calendar"
    assert "that calendar" not in point_sentence(line, 0, 0, "Ana Souza", key=True)


@pytest.mark.parametrize(("line", "said", "unsaid"), [
    ("they use opera pms but she said the real gap is training",
     "but the real gap is training", "said"),
    ("! team of 9 planners and IT, he wants someone who can bridge planners and IT",
     "bridge planners and IT", None),
])
def test_who_said_it_is_left_out_and_one_object_stays_whole(line, said, unsaid):
    from followup.core.drafting import point_sentence
    sentence = point_sentence(normalise_line(line, {}, []), 0, 0, "Ana Souza", key=True)
    assert said in sentence
    assert unsaid is None or unsaid not in sentence


@pytest.mark.parametrize(("typed", "spelled"), [
    ("+ built the rota tool at current job", "at my current job"),
    ("? how id price a rush order", "how I'd price"),
    ("whos on call this weekend", "who's on call"),
    ("the pain pt is intake", "the pain point is intake"),
    ("tracks csat weekly", "CSAT"),
    ("their teen lab has 12 ipads", "12 iPads"),
])
def test_note_shorthand_of_the_nineteenth_reading(typed, spelled):
    assert spelled in clean(normalise_line(typed, {}, []))


@pytest.mark.parametrize("word", ["organiser", "programmes", "cataloguing", "analysed"])
def test_british_spellings_are_english_words(word):
    from followup.core.lexicon import is_english_word
    assert is_english_word(word)


@pytest.mark.parametrize("word", ["ipods", "webex", "funder", "ebooks"])
def test_a_short_unknown_word_is_never_corrected_by_a_letter_dropped(word):
    from followup.core.lexicon import certain_correction
    assert certain_correction(word) is None


def test_a_long_typo_is_still_corrected():
    from followup.core.lexicon import certain_correction
    assert certain_correction("managment") == "management"


@pytest.mark.parametrize(("typed", "kept"), [
    ("wants the reps to crossell warranties at pickup", "to crossell warranties"),
    ("moving everything to plantrax by june", "to Plantrax by"),
])
def test_after_to_a_verb_stays_a_word_and_a_place_or_product_is_a_name(typed, kept):
    assert kept in normalise_line(typed, {}, [])


@pytest.mark.parametrize("line", [
    "she had a flat white, i ordered a cortado", "i got drip", "he grabbed a croissant"])
def test_what_anyone_ordered_is_mechanics(line):
    assert is_mechanics(line)


def test_a_product_of_the_profile_keeps_its_capital_at_the_start_of_a_line():
    from followup.core.drafting import DraftRequest, Profile, contribution_paragraph, normalised
    request = normalised(DraftRequest(
        company="Alder County", role="Appraiser", kind="panel_interview", person_name="Ana Souza",
        person_title="", capacity="interviewer", notes="+ excel and tableau dashboards",
        general_notes="", others_met=(), profile=Profile(name="Lee", skills=("Excel",))))
    assert "I excel" not in contribution_paragraph(request, 0, "Alder County")


# ---- the twentieth reading's kinds ------------------------------------------------------------

@pytest.mark.parametrize(("typed", "said"), [
    ("harbour & vale cpas", "Harbour & Vale CPAs"),
    ("okoro, bell & partners llp", "Okoro, Bell & Partners LLP"),
    ("lindqvist gmbh", "Lindqvist GmbH"),
])
def test_a_firm_typed_in_lower_case_keeps_its_capitals(typed, said):
    from followup.core.drafting import spoken_name
    assert spoken_name(typed) == said


@pytest.mark.parametrize(("typed", "said"), [
    ("picu charge nurse (days)", "PICU charge nurse"),
    ("claims adjuster iii", "claims adjuster III"),
])
def test_a_role_typed_in_lower_case_keeps_its_acronyms_and_grade(typed, said):
    from followup.core.drafting import spoken_role
    assert spoken_role(typed) == said


@pytest.mark.parametrize(("name", "greeted"), [
    ("李娜 (Li Na)", "Na"), ("佐藤 結衣 (Yui Sato)", "Yui"), ("박지훈 (Park Ji-hoon)", "Ji-hoon"),
])
def test_a_name_in_its_own_script_is_greeted_by_its_latin_given_name(name, greeted):
    from followup.core.names import greeting_name
    assert greeting_name(name) == greeted


@pytest.mark.parametrize(("line", "said"), [
    ("~40% of clients on medicaid", "about 40% of clients are on medicaid"),
    ("grant reports all on paper", "grant reports are all on paper"),
    ("renovation finished 2021", "finished in 2021"),
    ("they rotate 3% -> 10% -> 50% of traffic", "3% then 10% then 50%"),
    ("no-shows went 14% -> 9%", "from 14% to 9%"),
    ("we both hate the big pain of month end", "big challenge"),
])
def test_note_shorthand_of_the_twentieth_reading(line, said):
    assert said in clean(normalise_line(line, {}, []))


@pytest.mark.parametrize(("line", "said"), [
    ("the county board rejects ~30% of site plans", "the county board rejects about 30%"),
    ("~120 home visits/mo", "there are about 120 home visits a month"),
    ("lead times ~16 wks", "your lead times are about 16 weeks"),
    ("inspectors ride along w/ her ~6 wks", "for about 6 weeks"),
    ("recycling is their #1 goal this yr", "recycling is your #1 goal"),
])
def test_counts_and_durations_get_their_verb(line, said):
    phrase = rephrase(normalise_line(line, {}, []), "Ana")
    assert phrase is not None and said in phrase.text


@pytest.mark.parametrize("text", ["your 3rd year", "the 2nd week", "about 60 site visits a month"])
def test_a_time_or_count_alone_is_no_sentence(text):
    shape = Shape.TOPIC if not text.startswith("about") else Shape.CLAUSE
    assert not reads_well(Phrase(shape, text))


@pytest.mark.parametrize(("line", "topic"), [
    ("what would you do if a client sent you 40 receipts at 5pm", "sent me 40 receipts"),
    ("tell me about a safety incident you reported", "a safety incident I reported"),
    ("experience w/ sage intacct -> basic, i was vague", "my experience with"),
    ("are you ok w/ weekend on-call", "whether I am OK with weekend on-call"),
])
def test_questions_of_the_twentieth_reading(line, topic):
    assert topic in (question_topic(normalise_line(line, {}, [])) or "")


def test_pre_hire_checks_and_a_booked_exam_are_logistics():
    assert is_logistics("drug screen + background check before start")
    assert is_logistics("+ my cpa exam is booked for march")
    assert not is_logistics("handles 3 calls at once at peak")


def test_a_problem_topic_is_never_loved():
    from followup.core.frames import point_sentence
    sentence = point_sentence(Phrase(Shape.TOPIC, "the safety training overdue for 15 people"),
                              0, 5)
    assert not any(w in sentence for w in ("loved", "enjoyed", "great to hear", "fascinating"))


@pytest.mark.parametrize(("line", "said"), [
    ("they use fieldbook + suralink", "use Fieldbook"),
    ("moving to caseware cloud in may", "Caseware Cloud"),
    ("trainees on 60 day probation", "on a 60-day probation"),
])
def test_a_tool_built_of_two_words_is_a_name_where_a_tool_goes(line, said):
    assert said in clean(normalise_line(line, {}, []))


def test_a_plural_that_names_a_kind_is_no_verb():
    phrase = rephrase("claims engine + a small rules library", "Ana")
    assert phrase is not None and not phrase.text.startswith("you claim")


# ---- the twenty-first reading's kinds ---------------------------------------------------------

@pytest.mark.parametrize(("line", "said"), [
    ("our cats are named mochi and bean", "named Mochi"),
    ("she presented at the cape town summit", "Cape Town"),
    ("20 min intake calls, 90 day probation", "20-minute intake calls"),
    ("new techs on a 6 wk rotation", "6-week rotation"),
    ("takes 3 days because of paperwork", "3 days because"),
    ("6 years experience in lending", "6 years experience"),
    ("lims and scada alarms", "LIMS and SCADA"),
])
def test_names_and_lengths_of_the_twenty_first_reading(line, said):
    assert said in clean(normalise_line(line, {}, []))


@pytest.mark.parametrize("line", [
    "he said ~120k eur base, dont quote him",
    "she would be my boss if i got it",
])
def test_a_salary_off_the_record_and_a_reporting_line_are_never_points(line):
    assert never_a_point(line)


def test_a_persons_own_move_is_private_and_a_tool_move_is_not():
    assert is_private_life("she's moving to porto in may")
    assert not is_private_life("they're moving to netsuite in may")


def test_a_quick_walk_round_is_mechanics():
    assert is_mechanics("quick warehouse walk before the panel")


def test_is_your_problem_is_said_as_the_problem():
    phrase = rephrase("downtime at packaging is their problem", "Ana")
    assert phrase is not None and "is the problem" in phrase.text


@pytest.mark.parametrize(("line", "said"), [
    ("a shared rate+fee sheet", "rate and fee sheet"),
    ("runs the k-5 reading groups", "K-5"),
    ("moving to the Freestyle libre3 readers", "Freestyle Libre3"),
    ("the Omnipod s5 pods", "Omnipod S5"),
    ("met w/ her twice", "with her"),
])
def test_small_spellings_of_the_twenty_first_reading(line, said):
    assert said in clean(normalise_line(line, {}, []))


def test_how_long_a_chat_lasted_is_no_part_of_the_rapport_line():
    phrase = rephrase("we talked about the world cup final for 10 min", "Ana")
    assert phrase is not None and "10 minutes" not in phrase.text


def test_an_oversold_answer_is_the_one_to_redeem():
    from followup.core.own_lines import question_to_revisit
    lines = ["why lending -> said i like people, ok answer",
             "a loan i declined -> the food truck one, i think i oversold it"]
    assert question_to_revisit(lines) == lines[1]


def test_a_post_is_never_offered_on_a_bare_counted_thing():
    from followup.core.drafting import Link, link_sentence
    link = Link("Rate sheets members read", "https://example.org/rates",
                ("credit union", "lending"))
    sentence = link_sentence(link, "! they want the credit union to grow auto loans", 0)
    assert "about credit union" not in sentence and "on credit union" not in sentence


# ---- the twenty-second reading's kinds --------------------------------------------------------

@pytest.mark.parametrize(("role", "said"), [
    ("physical therapist - sports rehab", "a physical therapist"),
    ("underwriter ii", "an underwriter II"),
    ("European sales lead", "a European sales lead"),
    ("MRI technologist", "an MRI technologist"),
])
def test_the_role_with_its_article(role, said):
    from followup.core.drafting import spoken_role, with_indefinite
    assert with_indefinite(spoken_role(role)) == said


@pytest.mark.parametrize(("line", "said"), [
    ("logs ship to s3 nightly", "S3"), ("forms go into survey123", "Survey123"),
    ("they use the leica r10 and field maps", "R10"),
    ("hiring mgr is dr. adeyemi", "Dr. Adeyemi"),
])
def test_codes_and_titles_of_the_twenty_second_reading(line, said):
    assert said in clean(normalise_line(line, {}, []))


@pytest.mark.parametrize("line", [
    "hiring mgr is dr. adeyemi", "license not required day 1, they pay for the exam after a year",
])
def test_who_hires_and_when_a_licence_is_due_are_logistics(line):
    assert never_a_point(line)


@pytest.mark.parametrize(("line", "unsaid"), [
    ("most of their work is k-12 schools", "your most"),
    ("same as the outage they had in march", "same as"),
    ("automated scans catch maybe 30% of issues", "maybe"),
])
def test_a_quantifier_a_comparison_and_a_hedge_of_the_twenty_second_reading(line, unsaid):
    phrase = rephrase(normalise_line(line, {}, []), "Ana")
    assert phrase is None or not reads_well(phrase) or unsaid not in phrase.text


def test_two_points_never_share_a_frame_word():
    from followup.core.drafting import points_paragraphs
    text = points_paragraphs(["they run 40 sites across the state",
                              "they rebuilt the routing tables last year"], 4, "Ana Souza")
    assert text.lower().count("interest") <= 1 and text.lower().count("hear") <= 1


@pytest.mark.parametrize(("line", "said"), [
    ("! claims line, storm losses ~doubled since 2023", "storm losses roughly doubled"),
    ("automated scans catch 30% of issues", "your automated scans catch"),
    ("they target 95% accuracy on audits", "you target 95% accuracy"),
])
def test_the_point_of_a_line_not_its_label(line, said):
    from followup.core.drafting import point_sentence
    assert said in point_sentence(normalise_line(line, {}, []), 0, 0, "Ana Souza", key=True)


@pytest.mark.parametrize(("name", "greeted"), [
    ("Battalion Chief Sigrid Halvorsen", "Sigrid"), ("Engineer Tuan Nguyen", "Tuan"),
    ("Deputy Chief Ama Owusu", "Ama"), ("Sgt. Luis Pena", "Luis"),
])
def test_a_rank_before_a_name_is_never_the_greeting(name, greeted):
    from followup.core.names import greeting_name
    assert greeting_name(name) == greeted


@pytest.mark.parametrize(("typed", "said"), [
    ("city of maplewood fire dept", "City of Maplewood Fire Dept"),
    ("ros pdx meetup", "ROS PDX Meetup"),
])
def test_small_words_and_letters_in_a_name_typed_in_lower_case(typed, said):
    from followup.core.drafting import spoken_name
    assert spoken_name(typed) == said


# ---- the twenty-third reading's kinds ---------------------------------------------------------

@pytest.mark.parametrize(("line", "said"), [
    ("they just opened a 40 bed unit, want someone calm w/ families", "you want someone calm"),
    ("they just installed a new cath lab", "you just installed a new cath lab"),
])
def test_a_want_without_its_subject_and_an_adverb_before_the_verb(line, said):
    from followup.core.drafting import point_sentence
    assert said in point_sentence(normalise_line(line, {}, []), 0, 0, "Ana Souza", key=True)


def test_both_sides_of_a_slash_keep_their_spelling():
    assert "Docker and" in clean(normalise_line("+ my docker/podman notes", {}, []))


def test_a_first_hire_planned_is_logistics():
    assert is_logistics("hiring their first engineer in q3 maybe")


def test_a_skill_typed_in_lower_case_is_spelled_as_its_maker_does():
    from followup.core.drafting import Profile, touched_skills
    profile = Profile(name="Lee", skills=("python", "sql"))
    assert touched_skills(profile, "! their pipelines are all python") == ["Python"]


def test_a_compound_given_name_and_a_state_of_things():
    from followup.core.names import greeting_name
    assert greeting_name("Ana Lúcia Ferreira") == "Ana Lúcia"
    assert "morale is rough" in clean("warehouse morale rough since the merger")


@pytest.mark.parametrize(("typed", "said"), [
    ("st. brigid's regional", "St. Brigid's Regional"), ("alder county ems", "Alder County EMS")])
def test_a_saint_and_a_service_in_a_name_typed_in_lower_case(typed, said):
    from followup.core.drafting import spoken_name
    assert spoken_name(typed) == said


def test_a_language_in_a_role_keeps_its_capital_and_the_rest_of_a_list_is_no_point():
    from followup.core.drafting import spoken_role
    assert spoken_role("portuguese medical interpreter") == "Portuguese medical interpreter"
    assert not reads_well(Phrase(Shape.TOPIC, "the rest small claims"))


def test_a_skill_named_in_a_meetups_own_name_still_counts_as_a_contribution():
    from followup.core.checklist import CheckContext, check_draft
    body = ("Hi Amara,\n\nThanks for the chat at the meetup.\n\nI'd be happy to share my "
            "experience with Postgres if it would help.\n\nBest,\nSam\n+1 510 555 0142")
    context = CheckContext(company="SF Postgres Users Group", recipient="Amara Nwosu",
                           known_terms=frozenset({"Postgres"}))
    found = next(r for r in check_draft("Thanks", body, context) if r.id == "contribution")
    assert found.passed


# ---- the twenty-fifth reading ---------------------------------------------------------------

@pytest.mark.parametrize(("line", "topic"), [
    # before the arrow is the question, whatever its words; after it, the answer
    ("asked about a shipment i got wrong -> told the story, caught it at customs", "a shipment"),
    ("biggest regret in a project -> the late vendor switch, i froze a bit", "regret in a project"),
    ("how handle angry donor -> i rambled about my old job", "how I would handle an angry donor"),
    ("why leave the hospital -> said growth", "why I am leaving the hospital"),
])
def test_a_question_is_read_from_before_its_arrow(line, topic):
    assert topic in (question_topic(normalise_line(line, {}, [])) or "")


@pytest.mark.parametrize(("lines", "revisited"), [
    # an unmarked or `!` question is revisited only when its answer went wrong
    (["! asked me to walk thru a boiler lockout -> missed the bleed valve step, ugh"], True),
    (["asked about my coffee order lol"], False),
    (["! brain teaser: coins in a jar -> got it after a while, she said correct"], False),
    # a reason kept back on purpose is no fumble
    (["? why this move -> said growth, didnt mention the layoffs"], False),
])
def test_which_question_lines_are_revisited(lines, revisited):
    from followup.core.markers import parse_notes
    from followup.core.own_lines import asked_lines, question_to_revisit

    asked = asked_lines((line.marker, line.text) for line in parse_notes("\n".join(lines)))
    assert (question_to_revisit(asked) is not None) is revisited


@pytest.mark.parametrize("line", [
    "his wife passed in the spring, he mentioned it",
    "their dog died last month",
    "the previous coordinator quit after 6 weeks",
    "said the team is short-staffed, dont repeat",
    "he thinks management is clueless",
    "said off record they lost 3 nurses to the agency",
])
def test_a_bereavement_and_what_someone_let_slip_are_never_points(line):
    assert never_a_point(line)


@pytest.mark.parametrize("line", [
    "they pay for the pmp course after probation",
    "clinic covers ceu conference fees",
    "busy season is 60 hr weeks jan-apr",
    "travels ~30% of the year to job sites",
])
def test_perks_hours_and_travel_are_logistics(line):
    assert is_logistics(line) or never_a_point(line)


@pytest.mark.parametrize(("typed", "spelled"), [
    ("the real pain is abg drift on night shift", "ABG drift"),
    ("she's studying for the aapc exam", "AAPC"),
    ("moved from r to pyspark last year", "PySpark"),
    ("we store runs in duckdb", "DuckDB"),
    ("schema lives in graphql", "GraphQL"),
    ("used to work at ucsf", "UCSF"),
    ("wants techs running oct scans by spring", "OCT scans"),
    ("cargo comes through port of oakland", "the Port of Oakland"),
    ("did her residency at the royal brompton", "the Royal Brompton"),
    ("we both ran the berlin marathon 2023", "the 2023 Berlin Marathon"),
    ("rewriting the pricer in c++", "C++"),
])
def test_acronyms_tools_and_institutions_are_spelled_as_their_fields_do(typed, spelled):
    assert spelled in normalise_line(typed, {}, []) or spelled in clean(
        normalise_line(typed, {}, []))


@pytest.mark.parametrize(("typed", "said"), [
    ("next exam is oct", "October"),
    ("in oct we start", "October"),
    ("pytest for everything", "ytest"),  # never "PyTest"
])
def test_a_month_stays_a_month_and_an_english_word_after_py_is_no_capital(typed, said):
    normal = normalise_line(typed, {}, [])
    assert said in normal and "PyTest" not in normal


@pytest.mark.parametrize(("role", "said"), [
    ("junior data eng", "junior data engineer"),
    ("eng mgr", "engineering manager"),
    ("vet tech", "vet technician"),
    ("admin asst", "administrative assistant"),
])
def test_shorthand_in_a_role_is_written_out(role, said):
    assert spoken_role(role) == said


@pytest.mark.parametrize(("line", "said"), [
    ("they hire for attitude not résumés", "you hire for attitude, not résumés"),
    ("she said the bottleneck is intake not the lab", "the bottleneck is intake, not the lab"),
    ("night shift morale big issue", "night shift morale is a big issue"),
    ("grant renewals huge headache for them", "grant renewals are a huge headache"),
    ("next quarter's roadmap is still open", "next quarter's roadmap is still open"),
    ("top priority this year: cut wait times", "your top priority this year is to cut wait times"),
    ("most work now is grant reporting", "most of your work now is grant reporting"),
    ("trainee does 6 months on days first", "a trainee does 6 months on days first"),
    ("ex-usps route analyst", "you were previously a USPS route analyst"),
])
def test_lines_of_the_twenty_fifth_reading_become_sentences(line, said):
    phrase = rephrase(normalise_line(line, {}, []))
    assert phrase is not None and said in phrase.text and reads_well(phrase), phrase


@pytest.mark.parametrize(("line", "kind", "said"), [
    ("offered to review their intake forms", "i", "I could review your intake forms"),
    ("my grant reports for the food bank", "noun", "my grant reports for the food bank"),
    ("my sql -> dbt port cut our refresh to 10 min", "i", "My port from SQL to dbt cut our"),
    ("could run the open day stall, they staff it with volunteers now", "i",
     "I could run the open day stall"),
])
def test_a_plus_line_is_an_offer_a_thing_or_a_clause_of_its_own(line, kind, said):
    got_kind, text, _more = contribution_phrase(normalise_line(line, {}, []))
    assert got_kind == kind and text.startswith(said), text


@pytest.mark.parametrize(("line", "title"), [
    ("sr acct mgr, 9 yrs, came from the bank", "Senior Account Manager"),
    ("qa lead, owns the release checklist", "QA Lead"),
    ("cs for enterprise", "Customer Success, Enterprise"),
])
def test_the_persons_title_in_shorthand_is_no_point(line, title):
    from followup.core.drafting import _their_title

    assert _their_title(line, title)


def test_a_meetup_is_named_for_someone_who_came_from_elsewhere():
    from followup.core.drafting import DraftRequest, generate_draft, works_elsewhere

    assert works_elsewhere("ana@harbor.io", "civictech.org")
    assert not works_elsewhere("ana@civictech.org", "civictech.org")
    assert not works_elsewhere("ana@lab.civictech.org", "civictech.org")
    assert not works_elsewhere("", "civictech.org")
    body = generate_draft(DraftRequest(
        company="Civic Tech Tuesdays", role="", kind="meetup", person_name="Ana Ruiz",
        person_title="Data Lead", capacity="other",
        notes="! she runs open data at the port, 40 datasets", elsewhere=True)).body
    assert "at Civic Tech Tuesdays" in body and "learn more about Civic Tech" not in body


@pytest.mark.parametrize(("line", "said"), [
    ("suggested i talk to marcus in the grants office",
     "Thank you for suggesting I talk to Marcus"),
    ("he offered to intro me to their head of nursing",
     "Thank you for offering to introduce me to your head of nursing."),
    ("said i should reach out to the volunteer lead", "suggesting I reach out to the volunteer"),
])
def test_a_referral_is_thanked_for(line, said):
    from followup.core.drafting import DraftRequest, generate_draft

    body = generate_draft(DraftRequest(
        company="Harbor Clinic", role="Care Coordinator", kind="networking_coffee",
        person_name="Nia Obi", person_title="Nurse Manager", capacity="other",
        notes=f"! they run 3 walk-in sites, ~90 patients a day\n{line}")).body
    assert said in body and "3 walk-in sites" in body


# ---- the twenty-sixth reading ---------------------------------------------------------------

@pytest.mark.parametrize(("line", "said"), [
    ("the real cost isnt the kit, its training the staff",
     "the real cost isn't the kit but training the staff"),
    ("residents never hear back after complaints", "never hear back after complaints"),
    ("they use epic + have a ~3 wk backlog for referrals", "about a 3-week backlog"),
    ("families want evening hours in tagalog too", "families want evening hours"),
    ("200 members, mostly students, he needs someone to run the front desk",
     "you need someone to run the front desk"),
    ("the lab is short an analyst for weekend runs", "short an analyst"),
])
def test_lines_of_the_twenty_sixth_reading_become_sentences(line, said):
    phrase = rephrase(normalise_line(line, {}, []))
    assert phrase is not None and said in phrase.text and reads_well(phrase), phrase


@pytest.mark.parametrize(("line", "said"), [
    ("could cover sat intake shifts", "Saturday intake shifts"),
    ("can do a 2-pg summary every month", "2-page summary"),
    ("works for the east london food hub", "East London"),
])
def test_days_pages_and_compass_names_are_written_out(line, said):
    assert said in clean(normalise_line(line, {}, []))


@pytest.mark.parametrize("line", [
    "sorted my visitor pass + hard hat",
    "pta rep, dad of two",
    "her aunt is in therapy, dont mention",
])
def test_arrangements_for_me_and_family_facts_are_no_points(line):
    assert never_a_point(line)


@pytest.mark.parametrize("line", [
    "mostly retirees, 80 of them, they run the seed library",
    "2 wk wait for outside therapy referrals",
])
def test_retirees_and_therapy_at_work_are_points_not_private(line):
    assert not is_private_life(line)


@pytest.mark.parametrize(("line", "topic"), [
    ("caller says the house smells of gas, what do you do -> evacuate, call it in",
     "what I would do if a caller says the house smells of gas"),
    ("first aid cert? yes, renewed in may", None),  # answered yes: not revisited
])
def test_a_scenario_question_and_a_yes(line, topic):
    from followup.core.own_lines import question_to_revisit

    if topic:
        assert question_topic(normalise_line(line, {}, [])) == topic
    else:
        assert question_to_revisit([line]) is None


@pytest.mark.parametrize(("line", "name", "left"), [
    ("omar said the queue doubles in winter", "Omar Haddad", "the queue doubles in winter"),
    ("lena from the county office, sent the visitor info", "Lena Berg", "sent the visitor info"),
    ("mei - ceramicist, wood kilns", "林美 (Mei Lin)", "ceramicist, wood kilns"),
])
def test_the_persons_own_name_is_taken_off_a_line(line, name, left):
    from followup.core.names import without_their_name

    assert without_their_name(line, name) == left


def test_a_body_named_for_what_it_is_takes_the():
    from followup.core.drafting import in_prose

    assert in_prose("Tri-County Nurses Association") == "the Tri-County Nurses Association"
    assert in_prose("Harbor Clinic") == "Harbor Clinic"
    assert in_prose("The Garden Trust") == "The Garden Trust"


def test_a_preposition_at_the_end_of_my_own_clause_reads_well():
    text = "I've coached 4 teams for the league I played in"
    assert reads_well(Phrase(Shape.MINE, text))
    assert not reads_well(Phrase(Shape.CLAUSE, "your team is moving to"))


# ---- the twenty-seventh reading -------------------------------------------------------------

@pytest.mark.parametrize(("line", "said"), [
    ("the cohort starts mar, 4 wks in denver", "cohort starts in March"),
    ("3 sites: the mill, the depot, the yard", "your 3 sites are the mill, the depot and the yard"),
    ("new hires nervous the first week", "new hires are nervous the first week"),
    ("4 forklifts + 2 reach trucks", "you have 4 forklifts and 2 reach trucks"),
    ("invoices keep going down to the wrong queue", "keep going down"),
])
def test_lines_of_the_twenty_seventh_reading_become_sentences(line, said):
    phrase = rephrase(normalise_line(line, {}, []))
    assert phrase is not None and said in phrase.text and reads_well(phrase), phrase


@pytest.mark.parametrize(("typed", "said"), [
    ("route is sydney-canberra mostly", "Sydney-Canberra"),
    ("she called in from montréal", "from Montréal"),
    ("flow meters on 40 ac plots", "40-acre plots"),
    ("applied 12 lb/ac", "12 lb an acre"),
    ("clients worried re scope 2", "Scope 2"),
])
def test_places_acres_and_scopes_are_spelled(typed, said):
    assert said in clean(normalise_line(typed, {}, []))


@pytest.mark.parametrize("line", [
    "she said my test score was in the top 10%",
    "verified my certs + id",
    "scheduled the whole day, lot B for parking",
    "joined by zoom from the plant",
    "nurses rotate weekends 1 in 3",
    "rank list goes out ~feb 2",
])
def test_my_score_the_paperwork_and_the_rota_are_never_points(line):
    assert never_a_point(line)


@pytest.mark.parametrize(("line", "topic"), [
    ("relationship w/ prior manager -> blanked", "my relationship with my prior manager"),
    ("greatest strength -> said patience", "my greatest strength"),
])
def test_a_question_about_the_candidate_is_theirs(line, topic):
    assert question_topic(normalise_line(line, {}, [])) == topic


def test_a_coffee_that_was_lunch_is_thanked_for_lunch():
    from followup.core.drafting import DraftRequest, generate_draft

    draft = generate_draft(DraftRequest(
        company="Fieldline Seeds", role="Agronomist", kind="networking_coffee",
        person_name="Ana Ruiz", person_title="Agronomist", capacity="other",
        notes="! they trial 40 hybrids a year", general_notes="lunch at the diner in fargo"))
    assert "coffee" not in draft.subject + draft.body and "lunch" in draft.subject + draft.body


def test_my_the_never_reaches_a_subject():
    from followup.core.drafting import DraftRequest, generate_draft

    draft = generate_draft(DraftRequest(
        company="Harbor Regional Authority", role="Planner", kind="panel_interview",
        person_name="Tom Lee", person_title="Coordinator", capacity="coordinator", notes="",
        others_met=("Ana Ruiz", "Bo Chen")))
    assert "my the" not in draft.subject + draft.body


def test_the_item_i_made_and_my_own_blog():
    kind, text, _ = contribution_phrase(normalise_line(
        "could share my intake checklist i made for the clinic", {}, []))
    assert text == "I could share the intake checklist I made for the clinic"
    assert "from my newsletter" in contribution_phrase("my churn notes from the newsletter")[1]


def test_an_acronyms_thing_after_a_preposition_takes_the():
    phrase = rephrase(normalise_line("works on ESG report for the board", {}, []))
    assert phrase is not None and "on the ESG report" in phrase.text


# ---- the twenty-eighth reading --------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "trainees wash out in ~2 months bc of the night shifts",
    "the north branch lost 3 cashiers in may",
    "she would be my direct supervisor",
])
def test_attrition_and_a_reporting_line_are_never_points(line):
    assert never_a_point(line)


@pytest.mark.parametrize(("typed", "said"), [
    ("speaks mandarin and cantonese with parents", "Mandarin and Cantonese"),
    ("fluent in tagalog", "Tagalog"),
    ("led the fod walk every shift", "FOD"),
])
def test_languages_and_field_acronyms_are_spelled(typed, said):
    assert said in normalise_line(typed, {}, [])


# ---- the twenty-ninth reading ---------------------------------------------------------------

def _draft29(notes: str, capacity: str = "interviewer", kind: str = "panel_interview",
           others: tuple[str, ...] = ("Ines Duarte",)):
    from followup.core.drafting import DraftRequest, generate_draft
    return generate_draft(DraftRequest(
        company="Lakemont Freight", role="Dispatch Supervisor", kind=kind,
        person_name="Bilal Hassan", person_title="Operations Manager", capacity=capacity,
        notes=notes, others_met=others, profile=Profile(name="Rosa Vidal", phone="+1 206 555 0101",
                                                        email="rosa@example.com"))).body


@pytest.mark.parametrize("line", [
    "rotation is 3x12s, every other wknd",
    "dock opens at 5:30am, drivers check in by 6",
    "they schedule trainers in 2-hr blocks",
    "the shift starts with a safety huddle",
])
def test_a_shift_pattern_a_clock_time_and_booked_blocks_are_logistics(line):
    assert is_logistics(line) and never_a_point(line)


@pytest.mark.parametrize("line", [
    "their previous dispatch lead left for a rival after 8 months",
    "the last night planner quit in the summer",
])
def test_whoever_left_a_job_is_never_a_point(line):
    assert never_a_point(line)


def test_a_wish_beside_what_slipped_is_said_without_it():
    body = _draft29("! last yard mgr left in march, she wants the gate log digital by spring")
    assert "digital" in body and "left" not in body and "March" not in body


@pytest.mark.parametrize("line", ["has 2 kids, coaches their hockey", "he has four daughters"])
def test_how_many_children_someone_has_is_never_said(line):
    assert is_private_life(line)
    assert "daughters" not in _draft29(line) and "kids" not in _draft29(line)


@pytest.mark.parametrize(("line", "said"), [
    ("top reason drivers quit is the home time", "the top reason drivers quit"),
    ("largest cost is idle time at the docks", "the largest cost is idle time"),
    ("~25% of the routes need a second driver", "about 25% of the routes need a second driver"),
    ("after the 2025 audit they're redoing the whole load plan", "you're redoing the whole "
     "load plan after the 2025 audit"),
])
def test_a_superlative_takes_the_and_a_plural_subjects_verb_is_kept(line, said):
    phrase = rephrase(normalise_line(line, {}, []))
    assert phrase is not None and said in phrase.text and reads_well(phrase), phrase


@pytest.mark.parametrize(("line", "topic"), [
    ("how do you handle a driver who argues with you -> rambled", "how I handle a driver who "
     "argues with me"),
    ("show me how you'd plan this route -> blanked", "showing you how I would plan this route"),
    ("convince me to buy this -> froze", "convincing you to buy this"),
])
def test_the_question_says_me_for_the_user_and_you_for_who_set_the_task(line, topic):
    assert question_topic(line) == topic


@pytest.mark.parametrize(("typed", "said"), [
    ("runs the 3-wk onboarding", "3-week onboarding"),
    ("8-hrs shifts", "8-hour shifts"),
    ("dwell time at 90th percentile", "at the 90th percentile"),
    ("the feb freeze hit the yard", "February freeze"),
    ("we both follow big ten hockey", "Big Ten"),
])
def test_lengths_ranks_months_and_leagues_are_written_out(typed, said):
    assert said in normalise_line(clean(typed), {}, [])


def test_a_question_answered_well_is_named_back_once():
    body = _draft29("? why dispatch and not driving -> said i like the puzzle, he nodded\n"
                    "! wants fewer empty miles on the return legs")
    assert "your question about why I chose dispatch and not driving" in body
    assert "[write your better answer here]" not in body


@pytest.mark.parametrize("line", [
    "? why did you leave your last job -> said layoffs, he seemed fine with it",
    "? ok with nights? -> yes",
    "? salary expectations -> said 70k, fine",
])
def test_a_question_about_leaving_pay_or_hours_is_never_named_back(line):
    assert "question" not in _draft29(line + "\n! wants fewer empty miles on the return legs")


def test_the_person_who_organised_the_day_is_not_pitched_to():
    body = _draft29("sent the parking info + agenda", capacity="coordinator")
    assert "[what you can contribute" not in body and "contribute" not in body


def test_the_persons_job_in_three_words_is_no_point_but_a_fact_of_it_is():
    assert "you run the yard crew" not in _draft29("runs the yard crew, teamsters contract")
    assert "you run the mentoring program" in _draft29("runs the mentoring program (~40 mentors)")


def test_the_rapport_line_never_repeats_a_point():
    body = _draft29("! speaks spanish + portuguese w/ the drivers\nfamily liaison, speaks spanish "
                    "+ portuguese w/ the drivers")
    assert body.count("Portuguese") == 1


@pytest.mark.parametrize(("line", "said"), [
    ("big project: 18th c. map collection for the 2028 show, humidity capped at 45%",
     "your big project is the 18th-century map collection for the 2028 show"),
    ("main pain: late pallets from the dc, drivers wait ~2h", "your main challenge is late "
     "pallets from the"),
    ("fleet budget ~4.1M, fuel is where they overspend", "fuel is where you overspend"),
    ("~70% of their riders use the app, the trip planner is her baby", "about 70% of your "
     "riders use the app"),
])
def test_a_label_says_what_it_is_and_a_bare_figure_gives_way(line, said):
    phrase = rephrase(normalise_line(line, {}, []))
    assert phrase is not None and phrase.text.startswith(said) and reads_well(phrase), phrase


@pytest.mark.parametrize("line", ["dry brushing vs not - he's cautious", "cold calling vs email"])
def test_a_noun_read_as_a_verb_before_a_gerund_is_no_clause(line):
    phrase = rephrase(normalise_line(line, {}, []))
    assert phrase is None or not phrase.text.startswith("you ") or not reads_well(phrase)


@pytest.mark.parametrize(("typed", "said"), [
    ("techs react to alarms too late", "react to alarms"),
    ("they live in the erp screens all day", "live in the ERP"),
])
def test_a_verb_stays_a_verb_and_the_stays_lower_case(typed, said):
    assert said in normalise_line(typed, {}, [])


@pytest.mark.parametrize(("line", "topic"), [
    ("asked about vendor risk mgmt -> i blanked", "vendor risk management"),
    ("route planning -> rambled", "route planning"),
])
def test_a_practice_asked_about_takes_no_article(line, topic):
    assert question_topic(line) == topic


@pytest.mark.parametrize(("line", "said"), [
    ("mostly talked abt the toolkit he wrote for new dispatchers", "the toolkit you wrote for "
     "new dispatchers"),
    ("the dashboard she built for the yard", "the dashboard you built for the yard"),
])
def test_a_thing_and_who_made_it_is_a_topic(line, said):
    phrase = rephrase(normalise_line(line, {}, []))
    assert phrase is not None and phrase.text == said and reads_well(phrase), phrase


def test_a_holiday_before_a_place_word_makes_no_name():
    assert "Easter memorial service" in normalise_line("the easter memorial service", {}, [])


# ---- the thirtieth reading ------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "spoken"), [
    ("pacific regional air", "Pacific Regional Air"),
    ("state dot district 7", "State DOT District 7"),
    ("sonoma county oes", "Sonoma County OES"),
    ("harbor view cpas", "Harbor View CPAs"),
])
def test_a_company_typed_in_lower_case_keeps_its_words_and_its_agencies(typed, spoken):
    from followup.core.drafting import spoken_name
    assert spoken_name(typed) == spoken


@pytest.mark.parametrize(("name", "greeted"), [("Wang Lei (王磊)", "Lei"),
                                               ("Park Ji-hoon (박지훈)", "Ji-hoon")])
def test_a_latin_name_with_its_script_after_it_is_greeted_by_the_given_name(name, greeted):
    assert greeting_name(name) == greeted


@pytest.mark.parametrize(("line", "said"), [
    ("their portal built on drupal, about 30 forms", "your portal is built on Drupal"),
    ("lab running a stability study for the q3 launch", "your lab is running a stability study"),
    ("big on peer review, every report gets 2 readers", "you're big on peer review"),
    ("said pumps + valves are the 2 big line items", "pumps and valves are the 2 big line items"),
    ("old steel culverts under the interstate are his big worry", "old steel culverts under the "
     "interstate are your big worry"),
    ("tier 2 does the field fixes, escalates to vendors", "your tier 2 does the field fixes"),
])
def test_a_subject_keeps_its_verb_and_no_one_owns_a_pair(line, said):
    phrase = rephrase(normalise_line(line, {}, []))
    assert phrase is not None and phrase.text.startswith(said) and reads_well(phrase), phrase


@pytest.mark.parametrize(("typed", "said"), [
    ("the handbook is 4 yrs old", "4 years old"),
    ("a 4 yr old handbook", "4-year-old handbook"),
    ("the intake form needs overhaul", "needs an overhaul"),
    ("wants someone to lead migration", "lead the migration"),
    ("berth 12 is the busy one", "Berth 12"),
    ("see ch 4 of the manual", "chapter 4"),
])
def test_ages_needs_and_numbered_places_are_written_out(typed, said):
    assert said in clean(normalise_line(typed, {}, []))


@pytest.mark.parametrize("line", [
    "random drug screens for all new hires",
    "the academy class starts feb, ~9 mo to certification",
    "shift bid by seniority, new hires get nights",
])
def test_screens_class_starts_and_shift_bids_are_logistics(line):
    assert never_a_point(line)


@pytest.mark.parametrize(("line", "said"), [
    ("my grant budget template from the county job, could share redacted",
     "I could share a redacted copy of my grant budget template from the county job"),
    ("my load calc spreadsheet from the pe course", "I could share my load calculation "
     "spreadsheet"),
])
def test_a_thing_of_mine_to_hand_over_is_offered(line, said):
    kind, text, _ = contribution_phrase(line)
    assert kind == "i" and text.startswith(said)


def test_a_task_the_person_set_is_no_point():
    body = _draft29("! he made me read a load chart live, got most of it\n"
                    "! wants someone who can run the night yard")
    assert "load chart" not in body and "night yard" in body


def test_what_someone_explained_is_thanked_for():
    body = _draft29("! explained seniority bidding + how the overtime list rotates")
    assert "Thank you for explaining" in body or "for explaining seniority bidding" in body


def test_a_key_line_that_lists_what_was_covered_is_one_topic():
    body = _draft29("! haccp, allergen control + sanitation audits from week one")
    assert "HACCP, allergen control and sanitation audits from week one" in body


@pytest.mark.parametrize("line", ["she was driving the whole call, lots of road noise",
                                  "he called from his car"])
def test_where_someone_took_the_call_from_is_mechanics(line):
    assert never_a_point(line)


# ---- the thirty-first reading ---------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "they lost their best estimator to a bigger firm in denver",
    "turnover is high because of pay, she said",
])
def test_who_was_lost_to_whom_and_why_is_never_said(line):
    assert never_a_point(line)


@pytest.mark.parametrize("line", ["the historic rehab of the mill building", "2 hybrid ORs",
                                  "hybrid cloud migration next year"])
def test_work_words_that_look_private_or_like_logistics_are_work(line):
    assert not never_a_point(line)


@pytest.mark.parametrize(("name", "greeted"), [("Ren Takahashi", "Ren"), ("Yu Watanabe", "Yu")])
def test_a_japanese_family_name_last_is_greeted_by_the_first(name, greeted):
    assert greeting_name(name) == greeted


def test_a_story_with_a_mistake_in_it_told_well_is_not_revisited():
    from followup.core.own_lines import question_to_revisit
    assert question_to_revisit(["my biggest mistake -> told the mislabelled batch story, "
                                "she nodded, solid answer"]) is None


def test_a_time_in_a_piece_is_no_word_that_leans_back():
    body = _draft29("! 9 docks, 2 cold, outbound volume up 20% this year, staff stretched thin")
    assert "outbound volume is up 20% this year" in body


def test_a_second_point_says_also_in_its_own_way():
    body = _draft29("! they want dock scheduling in one tool\n! the yard runs 24/7 in peak")
    second = body.split("\n\n")[2].split(". ")[1]
    assert re.match(r"(?:You also|I also|Another|And you)", second), body


def test_the_organiser_is_thanked_for_whom_the_user_met_whatever_their_title():
    from followup.core.checklist import CheckContext, check_draft
    body = ("Hi Hannah,\n\nThank you for coordinating my interviews. It was great to meet Angela "
            "and Rashid, and I'd appreciate it if you passed along my thanks.\n\nBest,\nRosa")
    results = {r.id: r for r in check_draft("Thanks", body, CheckContext(
        company="Lakeview", recipient="Hannah Adeyemi", organiser=True,
        other_recipients=("Dr. Angela Whitfield", "Rashid Haddad"),
        notes="hannah - hr, walked me in, said offers go out after the board mtg"))}
    assert results["specifics"].passed


def test_my_experience_with_a_thing_is_not_handed_over():
    kind, text, _ = contribution_phrase("my experience with shift handover checklists")
    assert "share my experience" not in text


def test_a_question_in_a_later_piece_is_no_point():
    body = _draft29("short call, 15 min, mostly asked why logistics\n! the yard runs 24/7 in peak")
    assert "asked why" not in body


# ---- the thirty-second reading --------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "thinking of leaving for grad school, asked me not to mention it",
    "said the ceo is always late to these",
    "i need to ask about parking + my knee",
    "remember to ask re: the on-call stipend",
])
def test_what_was_asked_to_stay_quiet_gossip_and_my_own_reminders_are_never_points(line):
    assert never_a_point(line)


def test_a_coordinators_unmarked_asides_are_no_points():
    body = _draft29("sent the zoom link, said the vp is always late lol\nneed to ask about my "
                    "wrist brace", capacity="coordinator")
    assert "late" not in body and "wrist" not in body and "Ines" in body
    marked = _draft29("! they're moving the whole panel to a skills day format",
                      capacity="coordinator")
    assert "skills day format" in marked


@pytest.mark.parametrize("line", [
    "! 2 depots, the night routes are where they bleed money, ~40k over budget",
    "joined from lisbon at 7am her time",
])
def test_money_trouble_let_slip_and_the_hour_someone_joined_at_are_never_points(line):
    assert never_a_point(line.lstrip("! "))


@pytest.mark.parametrize(("line", "topic"), [
    ("asked what i'd done w/ the backlog -> told the triage story", "what I had done with the "
     "backlog"),
    ("what would i do first wk -> safety walk", "what I would do first week"),
    ("how did you handle the audit finding -> fine", "how I handled the audit finding"),
])
def test_a_question_keeps_its_verb_and_tense(line, topic):
    assert question_topic(line) == topic


# ---- kinds still standing from the thirty-second reading ------------------------------------

@pytest.mark.parametrize(("typed", "spelled"), [
    ("we both hate async in python", "async"),
    ("capex vs opex split is the fight every year", "capex"),
    ("the behavioural health unit", "behavioural"),
    ("her favourite part is the neighbourhood outreach", "neighbourhood"),
    ("the intraday report", "intraday"),
    ("cogging torque on the small motors", "cogging"),
    ("i shouldve asked about the oncall pager", "should've"),
    ("they run ci on github actions", "GitHub Actions"),
    ("visits are booked in alayacare", "AlayaCare"),
])
def test_words_of_a_trade_stay_words_and_camel_cased_tools_keep_their_capitals(typed, spelled):
    assert re.search(rf"\b{re.escape(spelled)}\b", normalise_line(typed, {}, []))


@pytest.mark.parametrize("line", ["15-min huddles at shift change", "a 2-wks orientation",
                                  "likes 30-mins check-ins"])
def test_a_length_joined_to_its_number_is_singular(line):
    phrase = rephrase(line, "Ann", "Acme")
    assert phrase and re.search(r"\d+-(?:minute|week)\b", phrase.text), phrase


@pytest.mark.parametrize(("shape", "text"), [
    (Shape.CLAUSE, "your loading docks with the new levellers"),
    (Shape.CLAUSE, "your parking permits for the night staff"),
    (Shape.CLAUSE, "you cost of the second site"),
    (Shape.CLAUSE, "you want a second scheduler and weekend cover 4 hours a day"),  # as typed
    (Shape.TOPIC, "residents in the east wing love the late meal"),
])
def test_a_noun_pair_or_a_glued_piece_is_no_clause_and_a_clause_is_no_topic(shape, text):
    assert not reads_well(Phrase(shape, text))


@pytest.mark.parametrize("text", ["your crew ships on Fridays", "your lab runs on 12s"])
def test_a_team_that_acts_keeps_its_verb(text):
    assert reads_well(Phrase(Shape.CLAUSE, text))


def test_a_meetups_host_is_no_venue_for_someone_from_elsewhere():
    from followup.core.drafting import DraftRequest, generate_draft
    body = generate_draft(DraftRequest(
        company="Prairie Retrofit Co-Op", role="", kind="meetup", person_name="Kenji Watanabe",
        person_title="Installer",
        capacity="other",
        notes="! most installers undersize the ducts", elsewhere=True)).body
    assert "at the Prairie Retrofit Co-Op meetup" in body and "at Prairie Retrofit" not in body


def test_the_link_to_what_a_plus_line_offers_is_given_as_that_thing():
    from followup.core.drafting import DraftRequest, generate_draft
    link = Link("Shift-swap tracker (GitHub)", "https://example.org/swap", ("python",))
    body = generate_draft(DraftRequest(
        company="Harbour Health", role="Scheduler", kind="one_on_one_interview",
        person_name="Lena Ortiz", person_title="Charge Nurse", capacity="interviewer",
        notes="! swaps are done by text, nobody can see coverage\n+ can send my shift swap "
              "tracker, built it for the ED", profile=Profile(name="Ana", links=(link,)))).body
    assert "\u201cShift-swap tracker\u201d" in body and "<https://example.org/swap>" in body
    assert "post I wrote" not in body


@pytest.mark.parametrize(("line", "lead"), [
    ("9 techs, 3 sites, the hard part is getting parts on time", "getting parts on time"),
    ("40 beds, she wants nurses who speak up in rounds", "speak up in rounds"),
])
def test_what_a_person_thinks_leads_over_a_count(line, lead):
    phrase = rephrase(line, "Ann", "Acme")
    assert phrase and lead in phrase.text, phrase


@pytest.mark.parametrize(("line", "said"), [
    ("the new wing opens 2029", "opens in 2029"),
    ("owns the sql -> dbt migration", "from SQL to dbt"),
    ("team owns the mlir -> llvm lowering", "MLIR-to-LLVM lowering"),
    ("she did her masters in leeds", "master's"),
    ("they use a 30 min huddle format", "30-minute huddle"),
    ("shows are too long for under 5s, she wants shorter ones", "shorter ones"),
    ("the bloom foundation grant ends in may", "the Bloom Foundation grant"),
    ("she grew up in łódź", "Łódź"),
    ("documentation is what makes it billable", "documentation is what"),
])
def test_a_line_is_said_as_a_reader_would_say_it(line, said):
    phrase = rephrase(normalise_line(line, {}, []), "Ann", "Acme")
    assert phrase and said in phrase.text, phrase


def test_a_question_line_is_no_example_in_the_checklist():
    from followup.core.checklist import CheckContext, check_draft
    results = {r.id: r for r in check_draft("Thanks", "Hi Jonas,\n\nThank you.\n\nBest,\nAna",
                                            CheckContext(company="Kestrel", recipient="Jonas Berg",
                                                         notes="? notice period -> 3 months, he "
                                                               "winced"))}
    assert "winced" not in results["specifics"].message


def test_a_name_typed_in_lower_case_is_flagged_by_the_spelling_rule():
    from followup.core.checklist import CheckContext, check_draft
    body = ("Hi Femi,\n\nIt stuck with me that you use qpulse for incident reports, and async "
            "reviews.\n\nBest,\nAna")
    results = {r.id: r for r in check_draft("Thanks", body, CheckContext(
        company="St. Brendan's", recipient="Femi Adebayo",
        notes="! they use qpulse for incident reports\nasync reviews"))}
    assert not results["spelling"].passed and "qpulse" in results["spelling"].message
    assert "async" not in results["spelling"].message


@pytest.mark.parametrize(("line", "said"), [
    ("team is 9 ppl, new LIMS go-live coming q3", "the new LIMS go-live is coming in Q3"),
    ("unit is 14 nurses, they float to the ED on weekends", "float to the ED on weekends"),
])
def test_a_head_count_gives_way_to_what_else_the_line_says(line, said):
    phrase = rephrase(normalise_line(line, {}, []), "Ann", "Acme")
    assert phrase and said in phrase.text, phrase


# ---- the thirty-fourth reading ---------------------------------------------------------------

@pytest.mark.parametrize("line", ["ran the plant tour, 3 shifts, ~80 ppl", "worked at kqed 11 yrs",
                                  "she was at the met office for 6 years"])
def test_a_tour_and_where_someone_worked_before_are_no_points(line):
    assert never_a_point(line) or rephrase(line, "Ann", "Acme") is None \
        or "tour" not in rephrase(line, "Ann", "Acme").text


def test_a_gripe_about_their_own_tools_is_left_out_and_the_fact_kept():
    phrase = rephrase(normalise_line("crm is hubspot, she hates the reporting tab", {}, []),
                      "Ann", "Acme")
    assert phrase and "hate" not in phrase.text and "HubSpot" in phrase.text


def test_what_the_person_is_unsure_of_is_no_verdict_of_mine():
    assert not never_a_point("wants the newsletter in spanish too, unsure how")
    assert never_a_point("how i'd triage the queue -> unsure, i rambled")


@pytest.mark.parametrize(("line", "topic"), [
    ("why pediatrics -> said i like the families", "why I chose pediatrics"),
    ("why the switch from retail -> fine", "why I made the switch from retail"),
    ("why use a queue here -> ok", "why use a queue here"),
    ("edit test: trim a 40 min panel to 8 min -> kept too much", "trimming a 40-minute panel to 8 "
     "minutes"),
])
def test_a_why_question_is_why_i_chose_it_and_a_task_is_what_i_did(line, topic):
    assert question_topic(line) == topic


@pytest.mark.parametrize(("line", "said"), [
    ("draws in figma then hands off to dev", "then hand off"),
    ("her cat is a 12yo tabby", "a 12-year-old tabby"),
    ("did my pgy2 at mercy", "PGY2"),
    ("tested the 2.4 ghz band", "2.4 GHz"),
    ("training = 2 wk ride-along w/ a senior tech", "a 2-week ride-along"),
    ("lots of walk-ins from the clinic next door", "there are lots of walk-ins"),
])
def test_shorthand_units_ages_and_second_verbs_are_written_out(line, said):
    phrase = rephrase(normalise_line(line, {}, []), "Ann", "Acme")
    assert phrase and said in phrase.text, phrase


def test_a_thing_of_mine_that_could_help_is_said_as_what_it_could_do():
    kind, text, _ = contribution_phrase("my triage scripts could cut the queue by a day")
    assert text == "I think my triage scripts could cut the queue by a day"


def test_their_job_is_no_rapport_line():
    from followup.core.drafting import personal_lines
    assert list(personal_lines("joined late, runs the docent volunteers (~90 ppl)")) == []


def test_what_was_told_privately_is_never_said_and_a_point_after_a_prompt_says_no_also():
    assert never_a_point("he's moving to the london office (told me privately)")
    body = _draft29("! throughput 40/hr, complained carriers send pallets that lean\n"
                    "schedules in descartes")
    assert "complained" not in body
    assert not re.search(r"\]\s+(?:I also|You also|Another|And you)", body), body


def test_a_word_inside_a_marked_gap_is_no_misspelling():
    from followup.core.checklist import CheckContext, check_draft
    body = ("Hi Olu,\n\nThank you.\n\n[say what stayed with you about: wants pharmm on rounds]"
            "\n\nBest,\nAna")
    results = {r.id: r for r in check_draft("Thanks", body, CheckContext(
        company="St. Brigid's", recipient="Olu Bakare", notes="! wants pharmm on rounds"))}
    assert "pharmm" not in results["spelling"].message


# ---- the thirty-fifth reading ----------------------------------------------------------------

@pytest.mark.parametrize("line", ["told me her son was in the ER last week, be gentle",
                                  "she said they lost a big client after the outage"])
def test_a_childs_hospital_stay_and_a_lost_client_are_never_said(line):
    assert never_a_point(line)


def test_a_profile_page_is_no_post_on_the_topic():
    profile = Profile(name="Ana", links=(Link("GitHub", "https://github.com/ana", ("fhir",)),))
    assert matching_link(profile, "! 140 hl7 v2 interfaces, moving to fhir") is None


@pytest.mark.parametrize(("name", "greeted"), [("Wang Fang 王芳", "Fang"),
                                               ("Kim Min-jun 김민준", "Min-jun")])
def test_a_name_with_its_script_after_it_is_greeted_by_the_given_name(name, greeted):
    assert greeting_name(name) == greeted


@pytest.mark.parametrize(("typed", "spelled"), [
    ("a clinic in kamloops", "Kamloops"), ("the dataops team", "DataOps"),
    ("bc pipa audit", "BC"), ("left bc of the commute", "because"),
    ("map an adt^a08 to fhir", "^"), ("btw they use kafka", "Kafka"),
])
def test_places_acts_and_carets_are_kept(typed, spelled):
    assert spelled in normalise_line(clean(typed), {}, [])


def test_a_count_of_teams_is_no_team_of_its_staff():
    phrase = rephrase("14 clinics, 3 pharmacists, she covers nights", "Ann", "Acme")
    assert phrase is None or "clinics of" not in phrase.text


def test_someone_met_on_the_day_who_did_not_interview_is_not_thanked_for_interviewing():
    from followup.core.drafting import DraftRequest, generate_draft
    body = generate_draft(DraftRequest(
        company="Pacific Blood", role="Team Lead", kind="one_on_one_interview",
        person_name="Efua Mensah", person_title="Apheresis Nurse", capacity="other",
        notes="showed me the apheresis chairs")).body
    assert "interviewing me" not in body and "thoughtful questions" not in body
    assert "showing me the apheresis chairs" in body


def test_why_i_am_leaving_is_never_asked_again():
    from followup.core.own_lines import question_to_revisit
    assert question_to_revisit(["why leaving current role -> said growth, didnt mention the "
                                "lawsuit"]) is None


@pytest.mark.parametrize(("line", "said"), [
    ("new bladder scanners arriving feb", "are arriving in February"),
    ("the new wing opening in june", "the new wing is opening in June"),
])
def test_things_on_their_way_take_their_verb(line, said):
    phrase = rephrase(normalise_line(line, {}, []), "Ann", "Acme")
    assert phrase and said in phrase.text and reads_well(phrase), phrase


# ---- the thirty-sixth reading ----------------------------------------------------------------

@pytest.mark.parametrize("plus", ["nothing specific yet", "nothing really", "none", "tbd"])
def test_a_plus_line_that_offers_nothing_is_an_honest_gap(plus):
    body = _draft29(f"! the yard runs 24/7 in peak\n+ {plus}")
    assert "nothing" not in body and "tbd" not in body.lower() and "none" not in body


def test_someone_leaving_their_job_is_never_said():
    assert never_a_point("she said the market mgr for lakewood is leaving in spring, not posted")
