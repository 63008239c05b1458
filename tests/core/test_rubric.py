"""The follow-up checklist: the guides' own examples, then many phrasings of each rule."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from followup.core.checklist import (
    INDIVIDUAL_THRESHOLD,
    RULE_IDS,
    CheckContext,
    RuleResult,
    Span,
    check_draft,
    failing_required,
    similarity,
)


class Example(NamedTuple):
    subject: str | None
    body: str
    context: CheckContext


# --- the guides' examples, copied as written (hard-wrapped to fit this file) -----------------

DEREK_1 = Example(
    None,
    """\
James,

Great to see you yesterday and thank you again for helping to coordinate my interviews.

It was fantastic to meet with Peter and Jane -- it was heartening to see that they're so
engaged with team members on all levels, all the more so because they're such smart,
personable individuals.

I was thankful to get to hear their vision for the future of Company X and to work through a
couple of sample problems with them.  If you have the chance, it would be appreciated if you
could pass along my thanks!

The data-focused solutions that Company X is creating for its clients are truly exciting.
Having met so many great team members and learned so much about the company, I think Company
X would be an amazing place to contribute my technical skills and client experience.  I hope
we have the chance to discuss the opportunity further.

Looking forward,

Derek
""",
    CheckContext(company="Company X", recipient="James", sender_name="Derek"),
)

JESSICA_1 = Example(
    None,
    """\
Hi Mark,

Thanks so much for taking the time out of your day to meet with me this afternoon. It was a
pleasure speaking to you, visiting the office, and learning about Insert here something that
came up in conversation, could be non-tech related or funny, building rapport.

I really enjoyed our conversation about Swift and, while I have focused the last few months
on learning Objective-C, I am interested in learning how to translate my knowledge into
Swift and building apps in Swift. As you know, I am just beginning my career as an iOS
developer, but I believe I have the passion and drive to make a valuable contribution to
your team.

Thanks again for your time. I am excited about this opportunity to join Company X, and I
look forward to seeing you at the next Brooklyn Swift meetup!

Best,

Jessica
""",
    CheckContext(company="Company X", recipient="Mark", sender_name="Jessica"),
)

MELINA_1 = Example(
    None,
    """\
Hi Alyson,

I wanted to thank you for setting up my interviews today and also for taking the time to
speak with me over coffee at the end of the day. I really enjoyed learning more about the
responsibilities of a Support Engineer, and hearing about the inclusive culture at Company
X.

The challenges that I worked on with Nate were fantastic and eye opening. I learned so much
from working with him and exploring new technologies during our debugging session.

Just to reiterate, I am very excited about the prospect of working at Company X. It is by
far my first choice to start my career as a developer, and I can't wait to continue this
process.

Look forward to hearing from you soon!

Warmest regards,

Melina
""",
    CheckContext(company="Company X", recipient="Alyson", sender_name="Melina"),
)

DARRYL_1 = Example(
    None,
    """\
Dear Chris,

Thank you for your time. It was a pleasure meeting you and learning more about what your
company is looking for in this role. As you see from my resume and interview, I possess the
exact skills your company requires, as well as a strong work ethic.

I look forward to hearing from you soon.

Darryl
""",
    CheckContext(company=None, recipient="Chris", sender_name="Darryl"),
)

VERONICA_1 = Example(
    None,
    """\
Hey Veronica,

I would again like to thank you for the opportunity to speak with you this evening. I know
with the way things are going over at Company X, and the way you guys are growing, things
must be very busy so I really appreciate you allowing me a moment of your valuable time to
speak with you about the possibility of filling the your open role. With that being said I
look forward to speaking with you again about the possible next steps that shall be taking
place within this interview process and also speaking with a manger/ engineer over at
Company X. Thank you again and have a great day.

Pierre
""",
    CheckContext(company="Company X", recipient="Veronica", sender_name="Pierre"),
)

KEVIN_1 = Example(
    None,
    """\
Hi Amelia,

I am very excited about the prospect of working as a Fellow at Conde Nast! Is there any further
information you require from me for this process to move forward?

Thanks,
Kevin
""",
    CheckContext(company="Conde Nast", recipient="Amelia", sender_name="Kevin"),
)

DEREK_2 = Example(
    "Thank You for the Interview",
    """\
James,

Great to see you yesterday and thank you again for helping to coordinate my interviews for
the [Job Title] role.

It was fantastic to meet with Peter and Jane - it was heartening to see that they're so
engaged with team members on all levels, all the more so because they're such smart,
personable individuals.

I was thankful to get to hear their vision for the future of Company X and to work through a
couple of sample problems with them. If you have the chance, it would be appreciated if you
could pass along my thanks!

The data-focused solutions that Company X is creating for its clients are truly exciting.
Having met so many great team members and learned so much about the company, I think Company
X would be an amazing place to contribute my technical skills in X and client experience. I
hope we have the chance to discuss the opportunity further.

Looking forward,

Derek Lewis
""",
    CheckContext(company="Company X", recipient="James", sender_name="Derek Lewis"),
)

JESSICA_2 = Example(
    "Great Meeting with You, Mark!",
    """\
Hi Mark,

Thanks so much for taking the time out of your day to meet with me this afternoon. It was a
pleasure speaking to you, visiting the office, and learning about [Insert here something
that came up in conversation, could be non-industry related or funny, building rapport].

I really enjoyed our conversation about Sketch and Axure and leveraging prototyping tools
for testing. Though I have only started in the last few weeks on learning Figma, I am fully
confident I can leverage my ability to pick up new software to be using it for projects very
quickly.

Furthermore, I believe I have the passion and drive to make a valuable contribution to your
team, and I am excited about this potential opportunity to join Company X.  I look forward
to seeing you at the next Interaction Design Association meetup!

Thanks again for your time.

Best,

Jessica Maxwell
""",
    CheckContext(company="Company X", recipient="Mark", sender_name="Jessica Maxwell"),
)

MELINA_2 = Example(
    "Thank You - Support Engineer Position",
    """\
Hi Alyson,

I wanted to thank you for setting up my interviews today and also for taking the time to
speak with me over coffee at the end of the day. I really enjoyed learning more about the
responsibilities of a [Job Title], and hearing about the inclusive culture at [Company X].

The challenges that I worked on with Nate were fantastic and eye-opening. I learned so much
from working with him and exploring new technologies during our [style of technical
interview] session.

Just to reiterate, I am very excited about the prospect of working at [Company X]. It is by
far my first choice to start my career, and I can't wait to continue this process.

Look forward to hearing from you soon!

Warmest regards,

Melina Goodman
""",
    CheckContext(company="Company X", recipient="Alyson", sender_name="Melina Goodman"),
)

DARRYL_2 = Example(
    "Thanks",
    """\
Dear Chris,

Thank you for your time. It was a pleasure meeting you and learning more about what your
company is looking for in this role. As you can see from my resume and interview, I possess
the exact skills your company requires, as well as a strong work ethic.

I look forward to hearing from you soon.

Darryl Atkins
""",
    CheckContext(company=None, recipient="Chris", sender_name="Darryl Atkins"),
)

KEVIN_2 = Example(
    "Next Steps",
    """\
Hi Amelia,

I am very excited about the prospect of working as a Fellow at Conde Nast! Is there any
further information you require from me for this process to move forward?

Thanks,

Kevin Stephenson
""",
    CheckContext(company="Conde Nast", recipient="Amelia", sender_name="Kevin Stephenson"),
)

VERONICA_2 = Example(
    "[None]",
    """\
Hey Veronica,

I would again like to thank you for the opportunity to speak with you this evening. I know
with the way things are going over at [Company X], and the way you guys are growing, things
must be very busy so I really appreciate you allowing me a moment of your valuable time to
speak with you about the possibility of filing the your open role. With that being said I
look forward to speaking with you again about the possible next steps that shall be taking
place within this interview process and also speaking with a hiring manger over at [Company
X]. Thank you again and have a great day.

Pierre Pastelle
""",
    CheckContext(company="Company X", recipient="Veronica", sender_name="Pierre Pastelle"),
)

GOOD = {"DEREK_1": DEREK_1, "JESSICA_1": JESSICA_1, "MELINA_1": MELINA_1,
        "DEREK_2": DEREK_2, "JESSICA_2": JESSICA_2, "MELINA_2": MELINA_2}
# What each guide says its bad examples get wrong.
BAD = [
    (DARRYL_1, {"specifics", "generic_reference", "interest"}),
    (DARRYL_2, {"specifics", "generic_reference", "interest", "subject"}),
    (KEVIN_1, {"next_steps", "specifics", "thanks"}),
    (KEVIN_2, {"next_steps", "specifics", "thanks", "subject"}),
    (VERONICA_1, {"spelling", "concise", "paragraphs", "next_steps", "specifics"}),
    (VERONICA_2, {"spelling", "concise", "paragraphs", "next_steps", "specifics", "subject"}),
]


def unwrap(text: str) -> str:
    """The text as a mail client would hold it: one line per paragraph."""
    return "\n\n".join(" ".join(p.split("\n")) for p in text.split("\n\n"))


def results(subject, body, context=CheckContext()) -> dict[str, RuleResult]:
    return {r.id: r for r in check_draft(subject, body, context)}


def passes(rule: str, body: str, subject: str | None = "Swift tooling at Acme",
           context: CheckContext = CheckContext()) -> bool:
    return results(subject, body, context)[rule].passed


@pytest.mark.parametrize("name", sorted(GOOD))
@pytest.mark.parametrize("layout", [str, unwrap], ids=["wrapped", "one-line-paragraphs"])
def test_good_examples_pass_the_core_rules(name, layout):
    example = GOOD[name]
    found = results(example.subject, layout(example.body), example.context)
    for rule in ("thanks", "specifics", "interest", "generic_reference", "next_steps",
                 "greeting", "company_named", "paragraphs", "individual"):
        assert found[rule].passed, (rule, found[rule].message)


@pytest.mark.parametrize("example, broken", BAD, ids=lambda v: getattr(v, "subject", None) or "")
@pytest.mark.parametrize("layout", [str, unwrap], ids=["wrapped", "one-line-paragraphs"])
def test_bad_examples_fail_what_the_guides_say(example, broken, layout):
    found = results(example.subject, layout(example.body), example.context)
    failed = {rule for rule, r in found.items() if not r.passed}
    assert broken <= failed, broken - failed


def test_kevin_shows_interest_the_guide_does_not_fault():
    # "very excited about … working as a Fellow at Conde Nast" and wanting the process to move
    # forward: the guide faults the question, the missing thanks and specifics, not the interest.
    for example in (KEVIN_1, KEVIN_2):
        assert results(example.subject, example.body, example.context)["interest"].passed


def test_good_examples_say_what_they_contribute_as_before():
    for example in (DEREK_1, DEREK_2, JESSICA_2):  # "contribute my technical skills and client
        found = results(example.subject, example.body, example.context)  # experience"
        assert found["contribution"].passed, found["contribution"].message
    for example in (MELINA_1, MELINA_2):  # the challenges she worked on were the interview's
        assert not results(example.subject, example.body, example.context)["contribution"].passed


def test_veronica_spelling_names_each_slip():
    found = results(VERONICA_2.subject, VERONICA_2.body, VERONICA_2.context)["spelling"]
    flagged = {VERONICA_2.body[s.start:s.end].lower() for s in found.spans}
    assert "manger" in flagged and "filing" in flagged
    assert any(f.startswith("the") and f.endswith("your") for f in flagged)
    assert "manager" in found.message


def test_guide_placeholders_are_caught():
    found = results(MELINA_2.subject, MELINA_2.body, MELINA_2.context)["placeholders"]
    assert not found.passed
    texts = {" ".join(MELINA_2.body[s.start:s.end].split()) for s in found.spans}
    assert {"[Job Title]", "[style of technical interview]"} <= texts
    assert not results(None, JESSICA_1.body)["placeholders"].passed  # "Insert here ..."


def test_company_x_is_the_name_when_it_is_the_company():
    assert results(None, DEREK_1.body, DEREK_1.context)["placeholders"].passed
    assert not results(None, DEREK_1.body, CheckContext(company="Acme"))["placeholders"].passed


# --- a template to vary one part at a time ---------------------------------------------------

CONTEXT = CheckContext(company="Acme Robotics", recipient="Priya Natarajan",
                       sender_name="Sam Ortiz", sender_phone="(555) 123-4567")
GREETING = "Hi Priya,"
THANKS = "Thank you for taking the time to meet with me this afternoon."
SPECIFIC = ("I enjoyed our conversation about how your team moved the fleet telemetry from "
            "nightly batches to Kafka streams, and the trade-offs you described around replay.")
CONTRIBUTION = ("I built a similar pipeline at my last job, and I can bring that experience with "
                "stream processing to the telemetry work at Acme Robotics.")
INTEREST = ("I am excited about the role and about Acme Robotics' warehouse robots, and I look "
            "forward to continuing the conversation.")
SIGNOFF = "Best,\nSam Ortiz\n(555) 123-4567"


def note(greeting=GREETING, thanks=THANKS, specific=SPECIFIC, contribution=CONTRIBUTION,
         interest=INTEREST, signoff=SIGNOFF) -> str:
    parts = [greeting, thanks, specific, contribution, interest, signoff]
    return "\n\n".join(p for p in parts if p)


def test_the_template_note_passes_everything_but_the_optional_link():
    found = results("Kafka telemetry chat: thank you", note(), CONTEXT)
    failed = {rule for rule, r in found.items() if not r.passed}
    assert failed == {"link"}
    assert failing_required(found.values()) == []


# --- thanks ----------------------------------------------------------------------------------

@pytest.mark.parametrize("thanks", [
    "Thank you for taking the time to meet with me.",
    "Thanks so much for the conversation on Tuesday.",
    "I appreciate you taking the time to walk me through the codebase.",
    "I really appreciated our conversation yesterday.",
    "I'm grateful for the conversation and for your candour about the on-call load.",
    "I wanted to thank you for meeting with me.",
    "Many thanks for your time today!",
    "Thank you again and have a great weekend.",
    "I am thankful for the hour you spent with me.",
    "I\u2019d like to thank you for showing me around the lab.",
])
def test_thanks_phrasings(thanks):
    assert passes("thanks", note(thanks=thanks), context=CONTEXT)


@pytest.mark.parametrize("signoff", ["Thanks,\nSam", "Thank you,\nSam Ortiz", "Thanks!\n\nSam",
                                     "Many thanks,\nSam", "Thanks again,\nSam\n555-123-4567"])
def test_a_thanks_sign_off_alone_does_not_count(signoff):
    result = results(None, note(thanks=None, signoff=signoff), CONTEXT)["thanks"]
    assert not result.passed
    assert "Priya" in result.message


def test_a_request_to_appreciate_is_not_thanks():
    body = note(thanks="I'd appreciate it if you could pass my portfolio to Dana.")
    assert not passes("thanks", body, context=CONTEXT)


# --- specifics -------------------------------------------------------------------------------

@pytest.mark.parametrize("specific", [
    "You mentioned that the mobile team is rewriting checkout in SwiftUI.",
    "Hearing about the migration from cron jobs to Airflow was fascinating.",
    "Your point about keeping pull requests under two hundred lines stuck with me.",
    "Working through the rate-limiter exercise with you was the highlight of my day.",
    "I keep thinking about our discussion of flaky integration tests.",
])
def test_specifics_phrasings(specific):
    body = note(specific=specific, contribution=None)
    assert passes("specifics", body, context=CONTEXT)


@pytest.mark.parametrize("vague", [
    "It was great learning more about what your team is looking for in this role.",
    "It was a pleasure to learn about the position and the company.",
    "I enjoyed our conversation and learning about the opportunity.",
])
def test_vague_mentions_are_not_specifics(vague):
    body = note(specific=vague, contribution=None, interest=None)
    assert not passes("specifics", body, context=CONTEXT)


NOTES = """\
! they moved telemetry from nightly batches to Kafka
! hiring for the robotics simulation team
? asked me how I'd shard the events table; I said by date, should be by robot id
+ my Flink pipeline at Shipwell
"""


def test_with_notes_a_point_from_them_must_be_there():
    context = CheckContext(company="Acme Robotics", recipient="Priya", notes=NOTES)
    found = results(None, note(), context)["specifics"]
    assert found.passed
    spanned = {note()[s.start:s.end].lower() for s in found.spans}
    assert {"telemetry", "kafka"} <= spanned


def test_with_notes_a_generic_specific_is_not_enough():
    context = CheckContext(company="Acme Robotics", recipient="Priya", notes=NOTES)
    body = note(specific="You mentioned the new office in Lisbon opens next spring.",
                contribution=None)
    found = results(None, body, context)["specifics"]
    assert not found.passed
    assert "telemetry" in found.message  # suggests a key point from the notes


LRU_NOTES = "! lru cache in go\n! Priya's team uses an LRU cache for the Zalando platform\n"
LRU_CONTEXT = CheckContext(company="Zalando", recipient="Priya Shah", sender_name="Sam Ortiz",
                           notes=LRU_NOTES)


@pytest.mark.parametrize("subject, body", [
    # the recipient, the company and everyday words of the note are no point of it
    (None, "Hi Priya,\n\nThank you, Priya. Your team uses Zalando's tools well.\n\nBest,\nSam"),
    # one common word of a point is not the point
    (None, "Hi Priya,\n\nThanks for explaining how the team thinks about the cache.\n\n"
           "Best,\nSam"),
    # only in the subject or the signature
    ("LRU cache in Go", "Hi Priya,\n\nThank you for the chat today.\n\nBest,\nSam"),
    (None, "Hi Priya,\n\nThank you for the chat today.\n\nBest,\nSam Ortiz\nGo developer, LRU "
           "cache fan"),
    # the notes pasted into the draft are not the draft speaking
    (None, "Hi Priya,\n\nThank you for the chat today.\n\n! lru cache in go\n\nBest,\nSam"),
])
def test_a_note_point_counts_only_when_its_words_are_in_the_body(subject, body):
    found = results(subject, body, LRU_CONTEXT)["specifics"]
    assert not found.passed, found.message


@pytest.mark.parametrize("sentence", [
    "I enjoyed hearing why you chose an LRU policy for the cache.",  # a rare word
    "Your story about caching the platform's lookups stuck with me.",  # two content words
    "The LRU eviction you sketched was clever.",  # one rare word, in another form
    "The LRU-based lookup you sketched was clever.",  # inside a hyphenated word
])
def test_a_note_point_in_the_body_counts(sentence):
    body = f"Hi Priya,\n\n{sentence}\n\nBest,\nSam"
    found = results(None, body, LRU_CONTEXT)["specifics"]
    assert found.passed, (sentence, found.message)


def test_notes_of_only_vague_lines_leave_the_draft_to_show_specifics_itself():
    context = CheckContext(company="Acme", recipient="Priya", notes="! great team culture\n"
                           "- nice people, good energy")
    vague = "Hi Priya,\n\nThank you for telling me about the great team culture.\n\nBest,\nSam"
    specific = ("Hi Priya,\n\nThank you for walking me through the Kafka telemetry "
                "migration.\n\nBest,\nSam")
    assert not results(None, vague, context)["specifics"].passed
    assert results(None, specific, context)["specifics"].passed


# --- contribution ----------------------------------------------------------------------------

@pytest.mark.parametrize("contribution", [
    "I would love to bring my Kafka experience to the telemetry team.",
    "My background in stream processing would let me contribute from the first week.",
    "I can help the team cut replay times, as I did with event sourcing at Shipwell.",
    "I believe I could add real value to the replay tooling you described.",
])
def test_contribution_phrasings(contribution):
    assert passes("contribution", note(contribution=contribution), context=CONTEXT)


def test_contribution_from_a_plus_note_counts_without_cue_words():
    context = CheckContext(company="Acme Robotics", recipient="Priya", notes=NOTES)
    body = note(contribution="At Shipwell my Flink pipeline handled a similar load.")
    assert passes("contribution", body, context=context)


def test_no_contribution_fails_and_suggests_the_plus_note():
    context = CheckContext(company="Acme Robotics", recipient="Priya", notes=NOTES)
    found = results(None, note(contribution=None), context)["contribution"]
    assert not found.passed
    assert "Flink" in found.message


# --- company ---------------------------------------------------------------------------------

def test_company_named_in_any_case_and_without_its_legal_suffix():
    context = CheckContext(company="Condé Nast Inc.", recipient="Amelia")
    assert passes("company_named", "Hi Amelia,\n\nI loved visiting conde nast.", None, context)
    assert not passes("company_named", "Hi Amelia,\n\nI loved visiting the office.", None,
                      context)


def test_company_unknown_guesses_from_at_or_join():
    body = "Hi Amelia,\n\nI am excited about joining Conde Nast as a Fellow.\n\nKevin"
    found = results(None, body, CheckContext(recipient="Amelia", sender_name="Kevin"))
    assert found["company_named"].passed and "Conde Nast" in found["company_named"].message
    assert not passes("company_named", "Hi Amelia,\n\nI am excited about the role.\n\nKevin")


@pytest.mark.parametrize("phrase", ["your company", "the company", "your organization",
                                    "your firm", "the organisation", "Your Company"])
def test_generic_stand_ins_for_the_name(phrase):
    body = note(contribution=f"I think I could bring a lot to {phrase}.", interest=None)
    found = results(None, body.replace("Acme Robotics", "it"), CONTEXT)["generic_reference"]
    assert not found.passed
    assert body.replace("Acme Robotics", "it")[found.spans[0].start:found.spans[0].end].lower() \
        == phrase.lower()
    assert "Acme Robotics" in found.message


def test_the_company_after_the_name_is_a_back_reference():
    body = note(interest="Acme Robotics impressed me; the company clearly invests in people, "
                         "and I look forward to talking again.")
    assert passes("generic_reference", body, context=CONTEXT)
    assert not passes("generic_reference", note(interest="Your company impressed me."),
                      context=CONTEXT)


@pytest.mark.parametrize("sentence", [
    'Your line "the company is the people" stayed with me.',
    "I enjoyed the company of the whole team at lunch.",
])
def test_generic_reference_false_alarms(sentence):
    assert passes("generic_reference", note(thanks=sentence), context=CONTEXT)


# --- interest --------------------------------------------------------------------------------

@pytest.mark.parametrize("interest", [
    "I am thrilled about the chance to join Acme Robotics and hope we can talk again soon.",
    "Acme Robotics is my first choice, and I'd love to continue the conversation.",
    "I'm genuinely interested in the role and look forward to staying in touch.",
    "The simulation work is exciting. Looking forward to our next conversation!",
    "I can't wait to continue this process.",
    "I'm genuinely excited about Acme Robotics and hope we can keep the conversation going.",
    "I remain very enthusiastic about the position and hope to speak again.",
])
def test_interest_phrasings(interest):
    assert passes("interest", note(interest=interest), context=CONTEXT)


def test_looking_forward_alone_is_not_enthusiasm():
    body = note(specific=None, interest="I look forward to hearing from you.")
    found = results(None, body.replace("excited", "").replace("enjoyed", "saw"), CONTEXT)
    assert not found["interest"].passed
    assert "excite" in found["interest"].message


def test_excitement_without_wish_to_talk_again_fails():
    body = note(interest="I am excited about the role.")
    found = results(None, body, CONTEXT)["interest"]
    assert not found.passed and "conversation" in found.message


# --- phone -----------------------------------------------------------------------------------

@pytest.mark.parametrize("phone", ["(555) 123-4567", "555.123.4567", "555-123-4567",
                                   "+44 20 7946 0958", "+1-415-555-0100", "+1 (415) 555-0100"])
def test_phone_formats_in_the_signature(phone):
    body = note(signoff=f"Best,\nSam Ortiz\n{phone}")
    found = results(None, body, CONTEXT)["phone_in_closing"]
    assert found.passed
    assert body[found.spans[0].start:found.spans[0].end] == phone


def test_phone_on_the_signature_line_itself():
    assert passes("phone_in_closing", note(signoff="Best,\nSam Ortiz | 555.123.4567"),
                  context=CONTEXT)


def test_phone_in_a_closing_sentence_counts():
    body = note(signoff="Feel free to call me at (555) 123-4567.\n\nBest,\nSam")
    assert passes("phone_in_closing", body, context=CONTEXT)


def test_phone_in_the_body_but_not_the_closing_fails():
    body = note(thanks=THANKS + " As promised, my number is (555) 123-4567.",
                signoff="Best,\nSam Ortiz")
    found = results(None, body, CONTEXT)["phone_in_closing"]
    assert not found.passed
    assert "(555) 123-4567" in found.message  # the sender's own number, to paste
    assert body[found.spans[0].start:found.spans[0].end] == "(555) 123-4567"


def test_no_phone_fails_and_numbers_that_are_not_phones_do_not_count():
    body = note(signoff="Best,\nSam Ortiz\nClass of 2024, 1200000 users served")
    assert not passes("phone_in_closing", body, context=CONTEXT)


# --- subject ---------------------------------------------------------------------------------

@pytest.mark.parametrize("subject", [None, "", "  ", "Thanks", "Thank you!", "Follow up",
                                     "Follow-up", "Next steps", "RE: Thanks", "[None]", "Hello"])
def test_missing_or_lone_subjects_fail(subject):
    assert not passes("subject", note(), subject, CONTEXT)


@pytest.mark.parametrize("subject", ["Thank You - Support Engineer Position",
                                     "Great Meeting with You, Mark!",
                                     "Kafka telemetry chat: thank you"])
def test_specific_subjects_pass(subject):
    assert passes("subject", note(), subject, CONTEXT)


# --- next steps ------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "When can I expect to hear back?",
    "What's the timeline?",
    "What\u2019s the timeline for a decision?",
    "Is there anything else you need from me?",
    "Do you know when a decision will be made?",
    "How long does the hiring process usually take?",
    "Could you let me know where things stand?",
    "I was wondering if there is any update on my application.",
    "Please let me know if you need any further information to move forward.",
    "Any news on the next round?",
    "What are the next steps?",
    "I hope to hear back soon regarding the timeline.",
    "Please keep me posted on the decision.",
])
def test_next_steps_questions_fail(question):
    found = results(None, note(interest=INTEREST + " " + question), CONTEXT)["next_steps"]
    assert not found.passed
    assert "ask" in found.message.lower()


def test_mentioning_next_steps_fails_with_its_own_advice():
    body = note(interest=INTEREST + " I look forward to the next steps.")
    found = results(None, body, CONTEXT)["next_steps"]
    assert not found.passed and "mention" in found.message
    assert body[found.spans[0].start:found.spans[0].end] == "I look forward to the next steps."


@pytest.mark.parametrize("sentence", [
    "This role would be the natural next step in my career.",
    "When you mentioned the replay tooling, I thought of my own project.",
    "Have you tried the new Kafka tiered storage?",
    "How does the team handle code review?",
    "I look forward to hearing from you.",
    "I know the migration timeline is tight, and the decision to use Kafka was bold.",
])
def test_next_steps_false_alarms(sentence):
    assert passes("next_steps", note(specific=SPECIFIC + " " + sentence), context=CONTEXT)


def test_next_steps_in_the_subject_is_spanned_there():
    found = results("Next Steps", note(), CONTEXT)["next_steps"]
    assert not found.passed
    assert found.spans == (Span(0, 10, "subject"),)


# --- spelling --------------------------------------------------------------------------------

def test_spelling_ignores_names_company_notes_and_user_words():
    context = CheckContext(company="Zyntrax", recipient="Priya Natarajan", sender_name="Sam",
                           notes="! migrating to PgBouncer", user_words=frozenset({"kubectl"}))
    body = ("Hi Priya,\n\nZyntrax sounds great; PgBouncer and kubectl came up. Our meetup "
            "on GitHub with the AWS team was fun, see https://sam.dev/blgo.\n\nSam")
    assert passes("spelling", body, None, context)


@pytest.mark.parametrize("notes, typo", [
    ("! the platfrom team rebuilds the cache", "platfrom"),
    ("Platfrom team rebuilds the cache", "platfrom"),  # capitalised only as the line's start
    ("+ my experiance with kafka", "experiance"),
    ("- they recieved 40k orders a day", "recieved"),
])
def test_a_misspelling_copied_from_the_notes_is_still_flagged(notes, typo):
    context = CheckContext(company="Zalando", recipient="Priya Shah", notes=notes)
    body = f"Hi Priya,\n\nThanks for the chat about the {typo} at Zalando.\n\nBest,\nSam"
    found = results(None, body, context)["spelling"]
    assert not found.passed and typo in found.message, found.message


@pytest.mark.parametrize("notes, word", [
    ("! the signalling plans are in microstation", "signalling"),  # another English's spelling
    ("! pre-need plans are growing", "pre"),                       # a hyphened word's first piece
    ("! ortho-k for the kids", "ortho"),
])
def test_the_users_own_spellings_from_the_notes_are_not_slips(notes, word):
    context = CheckContext(company="Zalando", recipient="Priya Shah", notes=notes)
    body = f"Hi Priya,\n\nThanks for the chat about the {word}-work at Zalando.\n\nBest,\nSam"
    found = results(None, body, context)["spelling"]
    assert found.passed, found.message


@pytest.mark.parametrize("notes, term", [
    ("! migrating to pgbouncer", "PgBouncer"),          # no close correction: a term (left in
    # lower case in the draft it is asked about: a name typed in a hurry)
    ("! they run the Platfrom service mesh", "platfrom"),  # capitalised mid-line: a name
    ("! moving to gRPC", "grpc"),                       # mixed case
    ("! the k8s cluster", "k8s"),
])
def test_a_term_from_the_notes_is_not_flagged_in_any_case(notes, term):
    context = CheckContext(company="Zalando", recipient="Priya Shah", notes=notes)
    body = f"Hi Priya,\n\nThanks for the chat about {term} at Zalando.\n\nBest,\nSam"
    assert passes("spelling", body, None, context)


def test_a_word_from_the_notes_in_the_user_dictionary_or_known_terms_is_not_flagged():
    for extra in ({"user_words": frozenset({"platfrom"})},
                  {"known_terms": frozenset({"Platfrom"})}):
        context = CheckContext(company="Zalando", recipient="Priya", notes="! platfrom", **extra)
        body = "Hi Priya,\n\nThanks for the chat about the platfrom.\n\nBest,\nSam"
        assert passes("spelling", body, None, context), extra


@pytest.mark.parametrize("company, recipient, typed", [
    ("Zalando", "Priya Shah", "hi priya,\n\nthanks for the chat at zalando; priya's team"),
    ("Zalando SE", "Dr. Priya Shah", "Hi priya,\n\nThanks for the chat at zalando's office"),
    ("Müller Bäckerei", "Zoë Lefèvre",
     "Hi zoe,\n\nThanks for the chat at muller backerei, lefevre"),
    ("Müller Bäckerei", "Zoë Lefèvre", "Hi zoë,\n\nThanks for the chat at müller bäckerei"),
])
def test_the_recipients_and_companys_names_in_any_case_are_not_misspellings(
        company, recipient, typed):
    context = CheckContext(company=company, recipient=recipient)
    body = f"{typed}.\n\nBest,\nSam"
    found = results(None, body, context)["spelling"]
    assert found.passed, found.message


def test_without_a_recipient_the_name_greeted_is_not_a_misspelling():
    body = "hi priya,\n\nThanks for the chat; priya's tips on Kafka helped.\n\nBest,\nSam"
    assert passes("spelling", body, None, CheckContext())


@pytest.mark.parametrize("slip, flagged", [
    ("I recieved the offer.", "recieved"),
    ("I met the the team.", "the the"),
    ("I am exited about the role.", "exited"),
    ("I could of done better.", "could of"),
    ("The tests ran better then expected.", "better then"),
    ("She is a principle engineer.", "principle"),
])
def test_spelling_slips(slip, flagged):
    body = note(specific=slip)
    found = results(None, body, CONTEXT)["spelling"]
    assert not found.passed
    assert any(body[s.start:s.end].lower().strip() == flagged for s in found.spans)


def test_spelling_checks_the_subject_too():
    found = results("Thansk for the Kafka chat", note(), CONTEXT)["spelling"]
    assert Span(0, 6, "subject") in found.spans


# --- length and shape ------------------------------------------------------------------------

def test_concise_limits():
    long_sentence = "I " + "really " * 40 + "enjoyed it."
    assert not passes("concise", note(specific=long_sentence), context=CONTEXT)
    many = "\n\n".join([SPECIFIC] * 8)  # short paragraphs, but far too long a note
    found = results(None, note(specific=many), CONTEXT)["concise"]
    assert not found.passed and "words" in found.message
    assert passes("concise", note(), context=CONTEXT)


def test_one_block_fails_paragraphs():
    block = " ".join([THANKS, SPECIFIC, CONTRIBUTION, INTEREST])
    body = f"{GREETING}\n\n{block}\n\n{SIGNOFF}"
    assert not passes("paragraphs", body, context=CONTEXT)
    assert passes("paragraphs", "Hi Priya,\n\nThank you for the chat about Kafka.\n\nSam")


@pytest.mark.parametrize("greeting, ok", [
    ("Hi Priya,", True), ("Dear Priya Natarajan,", True), ("Priya,", True),
    ("Hello Ms. Natarajan,", True), ("Hi there,", False), ("Hi Dana,", False),
    ("Dear Hiring Manager,", False), (None, False),
])
def test_greeting(greeting, ok):
    assert passes("greeting", note(greeting=greeting), context=CONTEXT) is ok


def test_greeting_without_a_recipient_needs_a_name():
    assert passes("greeting", "Hi Mark,\n\nThanks for the chat.")
    assert not passes("greeting", "Dear Hiring Manager,\n\nThanks for the chat.")


@pytest.mark.parametrize("gap", ["[your phone number]", "[Company X]", "{name}", "XXX",
                                 "<Recipient Name>", "____"])
def test_placeholders(gap):
    body = note(signoff=f"Best,\nSam Ortiz\n{gap}")
    found = results(None, body, CONTEXT)["placeholders"]
    assert not found.passed
    assert body[found.spans[0].start:found.spans[0].end] == gap


def test_markdown_links_are_not_placeholders():
    body = note(signoff="Best,\nSam\n[my blog](https://sam.dev/kafka)\n(555) 123-4567")
    assert passes("placeholders", body, context=CONTEXT)
    assert passes("link", body, context=CONTEXT)


# --- individual, link, redeem ----------------------------------------------------------------

def test_similarity_bounds():
    assert similarity(note(), note()) == 1.0
    assert similarity("", note()) == 0.0
    assert similarity("Kafka streams and replay", "lunch in Lisbon") == 0.0


def test_a_near_copy_of_another_draft_fails():
    mine = note()
    copy = note(greeting="Hi Dana,").replace("Priya", "Dana")
    other = note(greeting="Hi Dana,", specific="You described the robot arm calibration rig "
                 "and the vision model that checks every weld on the line.",
                 contribution="My thesis on camera calibration would help with that rig.")
    assert similarity(mine, copy) >= INDIVIDUAL_THRESHOLD
    assert similarity(mine, other) < INDIVIDUAL_THRESHOLD
    context = CheckContext(company="Acme Robotics", recipient="Priya", other_drafts=(copy,))
    found = results(None, mine, context)["individual"]
    assert not found.passed and "%" in found.message
    assert passes("individual", mine, context=CheckContext(other_drafts=(other,)))


def test_the_individual_rule_measures_each_other_draft_by_recipient():
    """What the draft pane shows beside a draft is these measures, never its own."""
    mine = note()
    copy = note(greeting="Hi Dana,").replace("Priya", "Dana")
    other = note(greeting="Hi Tom,", specific="You described the robot arm calibration rig "
                 "and the vision model that checks every weld on the line.",
                 contribution="My thesis on camera calibration would help with that rig.")
    context = CheckContext(company="Acme Robotics", recipient="Priya",
                           other_drafts=(other, "", copy), other_recipients=("Tom", "Ana", "Dana"))
    found = results(None, mine, context)["individual"]
    assert [name for name, _value in found.measures] == ["Dana", "Tom"]  # closest first
    assert found.measures[0][1] == similarity(mine, copy)
    assert found.measures[1][1] == similarity(mine, other)
    assert not found.passed and found.message.startswith(
        f"{similarity(mine, copy):.0%} the same as Dana's draft")
    assert results(None, mine, CheckContext())["individual"].measures == ()


def test_link_to_own_writing_but_not_a_profile():
    assert passes("link", note(signoff="Best,\nSam\nhttps://sam.dev/posts/kafka-replay"))
    assert not passes("link", note(signoff="Best,\nSam\nlinkedin.com/in/samortiz"))


def test_redeem_every_question_from_the_notes():
    context = CheckContext(company="Acme Robotics", recipient="Priya", notes=NOTES)
    assert not passes("redeem", note(), context=context)
    body = note(contribution="About sharding the events table: I said by date, but sharding "
                             "by robot id keeps each robot's events together.")
    assert passes("redeem", body, context=context)
    assert passes("redeem", note())  # no notes, nothing to revisit


# --- the checklist as a whole ----------------------------------------------------------------

def test_rule_order_and_severities():
    found = check_draft(None, "", CheckContext())
    assert [r.id for r in found] == list(RULE_IDS)
    severities = [r.severity for r in found]
    assert severities == sorted(severities, key=["required", "recommended", "optional"].index)
    required = {r.id for r in found if r.severity == "required"}
    assert required == {"thanks", "specifics", "contribution", "company_named", "interest",
                        "phone_in_closing", "placeholders", "read"}
    assert {r.id for r in found if r.severity == "optional"} == {"link", "redeem"}
    # an empty note has nothing to fill in and nothing written from notes to read
    assert {r.id for r in failing_required(found)} == required - {"placeholders", "read"}


def test_read_fails_on_each_unread_sentence_still_in_the_draft_and_marks_it():
    body = ("Hi Ada,\n\nThank you for the interview. You run the payments team of 6.\n\n"
            "Best,\nSam")
    unread = ("You run the payments team of 6.", "A sentence the user already deleted.")
    found = {r.id: r for r in check_draft("Thanks", body, CheckContext(unread_phrased=unread))}
    read = found["read"]
    assert not read.passed and read.severity == "required" and "1 sentence" in read.message
    assert [body[s.start:s.end] for s in read.spans] == ["You run the payments team of 6."]
    assert found["read"] != check_draft("Thanks", body, CheckContext())[
        list(RULE_IDS).index("read")]
    assert check_draft("Thanks", body, CheckContext())[list(RULE_IDS).index("read")].passed


def test_spans_stay_inside_their_field_and_messages_are_one_line():
    for example in [*GOOD.values(), *(b for b, _ in BAD)]:
        for result in check_draft(example.subject, example.body, example.context):
            assert "\n" not in result.message and result.message
            for span in result.spans:
                text = example.body if span.field == "body" else example.subject
                assert 0 <= span.start < span.end <= len(text)


def test_curly_quotes_and_crlf_line_ends():
    body = note().replace("I am", "I\u2019m").replace("\n", "\r\n")
    found = results("Kafka telemetry chat: thank you", body, CONTEXT)
    assert {r for r, v in found.items() if not v.passed} == {"link"}


def test_redeem_reads_the_question_as_drafting_retells_it_and_skips_logistics():
    notes = ('? "tell me abt a time you lost a deal" - i picked the wrong example\n'
             "? asked my availability for saturday shifts")
    context = CheckContext(company="Acme Robotics", recipient="Priya", notes=notes)
    body = note(contribution="One more thought on your question about a time I lost a deal: "
                             "the renewal we lost taught me to bring the buyer in earlier.")
    assert passes("redeem", body, context=context)
    assert not passes("redeem", note(), context=context)
