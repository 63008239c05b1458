"""The checklist reads what a sentence means, not which words it holds: many phrasings per kind.

Each list stands for a family of wordings (issue: "aim at the kind, not the phrasing"); a note
built from a template changes one part at a time, so a failure names the phrasing at fault.
"""

from __future__ import annotations

import pytest

from followup.core.checklist import CheckContext, RuleResult, check_draft, failing_required

CONTEXT = CheckContext(company="Lantern Bay Foods", recipient="Ruth Okafor",
                       sender_name="Tomasz Wolski", sender_phone="(555) 430-2218")
GREETING = "Dear Ruth,"
THANKS = "Thank you for meeting with me at the Eastgate bakery on Monday."
SPECIFIC = ("I enjoyed hearing how your team cut sourdough waste by baking the second batch to "
            "order after the lunchtime rush.")
CONTRIBUTION = ("At Millbrook Bread I ran the overnight proofing schedule for six ovens, and I "
                "could bring that planning to the Eastgate line.")
INTEREST = ("I am excited about the role at Lantern Bay Foods and look forward to speaking "
            "again.")
SIGNOFF = "Kind regards,\nTomasz Wolski\n(555) 430-2218"
PLAIN_THANKS = "Thank you for meeting with me on Monday."  # names no place: not a specific


def note(thanks=THANKS, specific=SPECIFIC, contribution=CONTRIBUTION, interest=INTEREST,
         signoff=SIGNOFF, greeting=GREETING) -> str:
    return "\n\n".join(p for p in (greeting, thanks, specific, contribution, interest, signoff)
                       if p)


def rule(rule_id: str, body: str, context: CheckContext = CONTEXT) -> RuleResult:
    return next(r for r in check_draft("Sourdough waste at Eastgate", body, context)
                if r.id == rule_id)


def test_the_template_passes_every_required_rule():
    assert failing_required(check_draft("Sourdough waste at Eastgate", note(), CONTEXT)) == []


# --- thanks: a sentence that thanks someone --------------------------------------------------

@pytest.mark.parametrize("thanks", [
    "Thanks heaps for the tour of the bakery on Monday.",
    "Thank you kindly for showing me the ovens.",
    "Cheers for the coffee and the tour on Monday.",
    "It was very kind of you to give up your lunch hour for me.",
    "You were generous with your time on Monday, and I noticed.",
    "A huge thank you for the tasting session.",
    "Please accept my sincere thanks for the interview.",
    "I'm really grateful that you fitted me in before the holiday.",
    "Your time on Monday was much appreciated.",
    "I appreciate how openly you talked about the night-shift rota.",
    "I truly appreciated the chance to see the Eastgate line at full speed.",
    "Thanks to you, I finally understand how a tunnel oven is loaded.",
    "Thank you, too, for introducing me to the night supervisor.",
    "I owe you my thanks for an unusually frank conversation.",
    "Thanks very much - the tour of the flour store was a treat.",
    "I wanted to say thank you for the time you gave me on Monday.",
    "Many thanks for a lively hour at the Eastgate bakery.",
    "With gratitude for your time on Monday, I wanted to follow up.",
    "I appreciate the detailed tour of the ovens.",
    "I really appreciated your candour about the night shifts.",
    "I appreciated Felix's walkthrough of the packing line.",
    "Please pass on my thanks to Felix and Anja as well.",
    "Thanks to your whole team for the warm welcome on Monday.",
])
def test_thanks_in_many_wordings(thanks):
    assert rule("thanks", note(thanks=thanks)).passed, thanks


@pytest.mark.parametrize("not_thanks", [
    "Thanks to the rail strike I arrived a little flustered.",
    "Thanks to a late bus, I only just made it to Eastgate.",
    "Thankfully the rain stopped before we walked to the loading bay.",
    "I'd appreciate it if you could pass my portfolio to the head baker.",
    "I would be grateful if you could send me the shift pattern.",
    "It would be appreciated if you could confirm the start time.",
    "I always write a thank-you note after an interview.",
    "Thanks to our long chat, I missed my train home.",
    "No thanks are needed for the pastries I brought.",
    "Thanks to the new ovens, the Eastgate line runs twice as fast.",
    "I'd be thankful if the role could start in March.",
    "I appreciate a kitchen that labels every tub.",
    "I appreciate the team's focus on sourdough.",
    "At Millbrook I received many thanks from customers for my rye.",
    "Thanks to your map, I found the loading bay without trouble.",
])
def test_words_of_thanks_that_thank_nobody(not_thanks):
    found = rule("thanks", note(thanks=not_thanks, signoff="Best,\nTomasz\n(555) 430-2218"))
    assert not found.passed, not_thanks


@pytest.mark.parametrize("signoff", ["Thanks again,\nTomasz\n(555) 430-2218",
                                     "With thanks,\nTomasz Wolski\n(555) 430-2218",
                                     "Many thanks!\nTomasz\n(555) 430-2218"])
def test_a_thanks_sign_off_is_not_the_thank_you(signoff):
    assert not rule("thanks", note(thanks=None, signoff=signoff)).passed


# --- interest: the writer wants the job and to keep talking ----------------------------------

@pytest.mark.parametrize("joining", [
    "I would be very excited to be part of your team.",
    "I would be honoured to join Lantern Bay Foods.",
    "I am eager to work with you and the Eastgate crew.",
    "I'm thrilled at the prospect of joining the bakery.",
])
def test_wanting_to_join_is_interest_and_the_wish_to_go_on(joining):
    assert rule("interest", note(interest=joining)).passed, joining


@pytest.mark.parametrize("interest", [
    "I remain very interested in the position and hope to hear from you soon.",
    "I am extremely interested in the role and would love to keep talking.",
    "The more we talked, the more interested I became; I hope we can speak again.",
    "I look forward to the possibility of working with you.",
    "I would be very excited to be part of your team and hope we meet again.",
    "This is the role I most want for my next move, and I hope we can continue the conversation.",
    "I would be honoured to join your firm and look forward to hearing from you.",
    "I am keen on the role and would welcome an invitation to meet again.",
    "Lantern Bay Foods is my top choice, and I'd be glad to talk further.",
    "Our conversation confirmed my interest, and I look forward to our next chat.",
    "My enthusiasm for the role has only grown; please don't hesitate to contact me.",
    "I'd love to join the Eastgate team and hope we can catch up soon.",
    "I can easily see myself working on the Eastgate line, and I hope to speak again soon.",
    "I hope to join Lantern Bay Foods and look forward to our next conversation.",
    "I'd be delighted to come aboard and am happy to talk more any time.",
    "Count me as eager: I'd welcome the chance to continue our conversation.",
    "I left even keener on the role and look forward to hearing from you.",
    "Stoked at the idea of joining the Eastgate crew - hope to catch up soon.",
    "I'm thrilled at the prospect of baking for Lantern Bay Foods; let's stay in touch.",
    "I am genuinely enthusiastic about this role and hope to continue the process.",
    "It's exactly the kind of kitchen I want to work in, and I'd love to talk again.",
    "I really want to be part of the Eastgate crew. Looking forward to talking again!",
    "I'm more convinced than ever that I want this job, and I hope we speak soon.",
    "I really want this job. When might I hear your decision?",
])
def test_interest_in_many_wordings(interest):
    assert rule("interest", note(interest=interest)).passed, interest


@pytest.mark.parametrize("no_interest", [
    "I look forward to hearing from you.",
    "Please feel free to contact me with any questions.",
    "Let me know if you are interested in seeing my recipe book, and I hope to hear back.",
    "I am not excited about night shifts, but I hope to hear from you.",
    "I am excited about the role.",
    "Regards and best wishes to the whole Eastgate crew.",
])
def test_what_is_not_the_writer_wanting_the_job(no_interest):
    body = note(interest=no_interest, specific="Your point about the second batch stuck.")
    assert not rule("interest", body.replace("I enjoyed", "I noted")).passed, no_interest


# --- specifics: something named, not "the position" ------------------------------------------

@pytest.mark.parametrize("specific", [
    "Your story about the croissant machine that jammed on Christmas Eve made me laugh.",
    "I keep thinking about the rye starter you have kept alive since 1998.",
    "Seeing the new spiral mixers in action was the highlight of my visit.",
    "The allergen labelling problem you described is one I have met before.",
    "It was fascinating to learn that Eastgate bakes 4,000 loaves before sunrise.",
    "Meeting Felix from quality control and hearing about his audit checklist was useful.",
    "Your plan to open a second shop in Harbour Street sounds promising.",
    "We spent a while on the gluten-free line and the cross-contamination rules around it.",
    "I was struck by how the team rotates bakers between bread and pastry every month.",
    "The way you schedule deliveries around the school run is clever.",
    "I enjoyed our discussion of switching the delivery vans to electric.",
    "You showed me the spreadsheet that predicts Saturday demand from the weather forecast.",
    "The sourdough masterclass you run for customers sounds wonderful.",
    "Hearing about the Lantern Bay Foods partnership with the Fenwick farm co-op was eye-opening.",
    "Your advice on pricing wholesale orders by the tray rather than by the loaf was helpful.",
    "I liked your idea of a bakery-counter loyalty card stamped per loaf.",
])
def test_specific_points_in_many_wordings(specific):
    body = note(specific=specific, contribution=None)
    assert rule("specifics", body).passed, specific


@pytest.mark.parametrize("generic", [
    "I enjoyed learning more about the position.",
    "It was great to hear about the opportunity.",
    "Your insight into the role was very helpful.",
    "I appreciated learning about the job requirements.",
    "It was a pleasure to discuss the position and the responsibilities involved.",
    "Thank you for telling me more about the company and its culture.",
    "I enjoyed hearing your thoughts on the team and its goals.",
    "Learning about the day-to-day duties of the role was helpful.",
    "Our conversation about the role and what you are looking for in a candidate was useful.",
    "It was interesting to hear about the exciting things happening at Lantern Bay Foods.",
    "I enjoyed learning about the Head Baker position.",
    "I enjoyed our conversation about the pastry chef position.",
    "I enjoyed learning about Lantern Bay Foods and the Graduate Baker programme.",
    "Your perspective on the opportunity was valuable.",
    "I enjoyed learning about [topic you discussed].",
    "It was great to talk about {their project}.",
    "As I mentioned, I sold 45 wedding cakes last year in the Lakeside area.",
    "At Millbrook Bread in Leeds I ran the night shift for three years.",
])
def test_generic_words_are_not_specific_points(generic):
    body = note(thanks=PLAIN_THANKS, specific=generic, contribution=None)
    found = rule("specifics", body)
    assert not found.passed, (generic, found.spans)


# --- contribution: what the writer brings, in words that name something ----------------------

@pytest.mark.parametrize("contribution", [
    "My background in artisan baking has included running a wood-fired oven for a farm shop.",
    "Much of my work has included projects such as this, from recipe costing to oven rotas.",
    "I have trained six apprentices in laminating dough, and I could do the same at Eastgate.",
    "In my previous role I cut flour waste by 12% with a simple weigh-in log.",
    "I spent four years running the night shift at a 24-hour bakery in Leeds.",
    "I am certified in food hygiene level 3 and have led two allergen audits.",
    "My experience with HACCP plans would help with the gluten-free line you described.",
    "I built the ordering spreadsheet my current bakery uses for wholesale customers.",
    "I could take over the Saturday market stall from my first week.",
    "At my last job I introduced a sourdough starter programme that we still sell today.",
    "During my apprenticeship I worked every station from the mixer to the packing table.",
    "I have managed a team of eight bakers through a full kitchen refit.",
    "As a pastry chef at the Grand Hotel I produced 300 viennoiseries each morning.",
    "I'm experienced with spiral mixers and deck ovens like the ones at Eastgate.",
    "I would bring ten years of bread-making, mostly rye and spelt, to the team.",
    "I've already prototyped a lower-salt loaf that could suit the school contract.",
    "My experience coordinating 40 market-stall volunteers has prepared me for the Eastgate rota.",
])
def test_contribution_in_many_wordings(contribution):
    assert rule("contribution", note(contribution=contribution)).passed, contribution


@pytest.mark.parametrize("vague", [
    "I am confident I can contribute to your company.",
    "I believe I would be a great asset to the team.",
    "I have the passion and drive to make a valuable contribution.",
    "My skills and experience make me a strong candidate for the role.",
    "I am a hard worker and a quick learner who is eager to help.",
    "I possess the exact skills your company requires, as well as a strong work ethic.",
    "I know I could add value to Lantern Bay Foods.",
    "I'm sure my background would be a good fit for the position.",
    "I would bring enthusiasm, dedication and a positive attitude to the role.",
    "I am a motivated team player ready to make a difference.",
    "My leadership skills and experience in food would allow me to make a real contribution.",
    "Is there anything else I can provide to help you decide?",
    "I'd be happy to contribute in any way I can.",
])
def test_vague_claims_are_not_a_contribution(vague):
    found = rule("contribution", note(contribution=vague))
    assert not found.passed, (vague, found.message)


# --- company: by name, however it is written -------------------------------------------------

@pytest.mark.parametrize("company, sentence", [
    ("ABC Company", "I enjoyed learning about ABC Company's latest campaign."),
    ("ABC Company", "I enjoyed learning about ABC's latest campaign."),
    ("ABC", "I enjoyed learning about the ABC Company spring campaign."),
    ("Lantern Bay Foods Ltd.", "I would love to bake for Lantern Bay Foods."),
    ("Lantern Bay Foods", "Lantern Bay's bakeries are busy places."),
    ("Procter & Gamble", "I admire how Procter and Gamble runs its brands."),
    ("JPMorgan Chase", "The JP Morgan Chase graduate scheme appeals to me."),
    ("Boston Consulting Group", "The case we worked through was classic BCG."),
    ("Société Générale", "My time at societe generale's London office was brief."),
    ("Coca-Cola", "The Coca Cola bottling plant tour was memorable."),
    ("The Linden Hotel", "The team at Linden Hotel was welcoming."),
    ("Gallagher Brothers Plumbing and Heating", "Gallagher Brothers have a fine reputation."),
    ("McKinsey & Company", "The McKinsey problem-solving test was tough."),
    ("Amazon Web Services", "I have run AWS workloads for years."),
    ("The Home Depot", "Home Depot's garden centre was busy."),
])
def test_the_company_however_it_is_written(company, sentence):
    context = CheckContext(company=company, recipient="Ruth")
    assert rule("company_named", f"Dear Ruth,\n\n{sentence}\n\nTomasz", context).passed, sentence


@pytest.mark.parametrize("company, sentence", [
    ("Target", "I hit my sales target every quarter."),
    ("Square", "We sat at a square table in the canteen."),
    ("Lantern Bay Foods", "I loved the lantern on the bay window."),
    ("Orbis Analytics", "Your company impressed me."),
])
def test_words_that_are_not_the_company(company, sentence):
    context = CheckContext(company=company, recipient="Ruth")
    assert not rule("company_named", f"Dear Ruth,\n\n{sentence}\n\nTomasz", context).passed


@pytest.mark.parametrize("sentence, name", [
    ("I enjoyed learning about ABC Company's latest campaign.", "ABC Company"),
    ("The Globex Inc. offices are lovely.", "Globex"),
    ("I can't wait to join Initech.", "Initech"),
    ("I could bring that to Copperline Studios.", "Copperline Studios"),
    ("I love how the Brightwave team ships weekly.", "Brightwave"),
    ("I walked through the new Orbis Analytics dashboard.", "Orbis Analytics"),
])
def test_without_a_company_set_a_likely_name_is_a_guess(sentence, name):
    found = rule("company_named", f"Dear Ruth,\n\n{sentence}\n\nTomasz", CheckContext())
    assert found.passed and name in found.message


@pytest.mark.parametrize("sentence", ["I walked down Elm Street to the interview.",
                                      "It was great to meet you and Felix.",
                                      "Your company impressed me."])
def test_without_a_company_set_no_name_no_guess(sentence):
    found = rule("company_named", f"Dear Ruth,\n\n{sentence}\n\nTomasz", CheckContext())
    assert not found.passed


# --- phone: any country, in the closing ------------------------------------------------------

@pytest.mark.parametrize("phone, own", [
    ("020 7946 0958", None), ("07700 900123", None), ("030 12345678", None),
    ("+49 30 12345678", None), ("+81 3-1234-5678", None), ("+33 6 12 34 56 78", None),
    ("0412 345 678", None), ("06 12 34 56 78", "+33 1 23 45 67 89"),
    ("+353 1 234 5678", None), ("01 234 5678", None), ("98765 43210", "+91 80 1234 5678"),
    ("+44 (0)20 7946 0958", None), ("Tel: 555-0143", None), ("Mobile 087 123 4567", None),
    ("(555) 430-2218", None), ("555-0143", None), ("Cell: 555.0143", None),
])
def test_phone_numbers_of_any_country(phone, own):
    context = CheckContext(company="Lantern Bay Foods", recipient="Ruth", sender_phone=own)
    body = note(signoff=f"Kind regards,\nTomasz Wolski\n{phone}")
    found = rule("phone_in_closing", body, context)
    assert found.passed, phone
    assert phone.endswith(body[found.spans[0].start:found.spans[0].end])


@pytest.mark.parametrize("signature", [
    "Tomasz Wolski\nClass of 2019", "Tomasz Wolski\n[Your Phone Number]",
    "Tomasz Wolski\n(555) XXX-XXXX", "Tomasz Wolski\nBaked 12000 loaves in 2023",
    "Tomasz Wolski\n(xxx) xxx-xxxx",
])
def test_no_phone_in_the_closing(signature):
    assert not rule("phone_in_closing", note(signoff=f"Best,\n{signature}")).passed


@pytest.mark.parametrize("gap", ["(xxx) xxx-xxxx", "XXX-XXX-XXXX", "[Your Name]", "###-###-####"])
def test_phone_and_name_gaps_are_placeholders(gap):
    found = rule("placeholders", note(signoff=f"Best,\nTomasz Wolski\n{gap}"))
    assert not found.passed and found.severity == "required"


# --- next steps: asking or assuming fails, the work's own next steps do not ------------------

@pytest.mark.parametrize("asking", [
    "Could you tell me when I might hear back?",
    "I look forward to learning about the next steps in the hiring process.",
    "Please keep me updated on the status of my application.",
    "Do you have a sense of the timeline for filling the role?",
    "I'm eager to hear about your decision.",
    "I look forward to the final round with the partners.",
    "I look forward to meeting the head baker in the next interview.",
    "I look forward to speaking with the hiring team.",
    "Any update on where things stand would be much appreciated.",
    "I hope to meet the rest of the team soon.",
])
def test_next_steps_asked_or_assumed(asking):
    assert not rule("next_steps", note(interest=INTEREST + " " + asking)).passed, asking


@pytest.mark.parametrize("fine", [
    "The next stage of the Eastgate refit sounds ambitious.",
    "Your decision to mill flour on site impressed me.",
    "The next step in my career is running a production floor.",
    "I am happy to answer any questions you may have.",
    "I look forward to hearing from you about the position.",
    "I hope to hear from you regarding my application soon.",
    "Thank you also for the final interview with the head baker.",
])
def test_next_steps_false_alarms(fine):
    assert rule("next_steps", note(specific=SPECIFIC + " " + fine)).passed, fine


# --- gaps: required, and never a specific point ----------------------------------------------

def test_a_gap_is_a_required_failure_and_counts_as_one_to_fix():
    body = note(thanks=PLAIN_THANKS, specific="I enjoyed learning about [topic you discussed].",
                contribution=None)
    results = check_draft("Sourdough waste at Eastgate", body, CONTEXT)
    failing = {r.id for r in failing_required(results)}
    assert "placeholders" in failing and "specifics" in failing


def test_a_gap_inside_an_otherwise_specific_sentence_is_not_the_specific_point():
    body = note(thanks=PLAIN_THANKS, specific="Your story about [anecdote] stayed with me.",
                contribution=None)
    assert not rule("specifics", body).passed


# --- the writer's region ---------------------------------------------------------------------

@pytest.mark.parametrize("own, region", [("+44 20 7946 0000", "GB"), ("+49 30 123456", "DE"),
                                         ("+81 3-1234-0000", "JP"), ("+1 415 555 0100", "US")])
def test_the_region_comes_from_the_writers_own_number(own, region):
    from followup.core.phones import region_of

    assert region_of(own) == region


@pytest.mark.parametrize("locale_name, region", [("en_GB", "GB"), ("de_DE", "DE"),
                                                 ("C", "US"), (None, "US")])
def test_without_an_international_number_the_locale_gives_the_region(monkeypatch, locale_name,
                                                                     region):
    import locale

    from followup.core import phones

    monkeypatch.setattr(locale, "getlocale", lambda *_a: (locale_name, "UTF-8"))
    phones.locale_region.cache_clear()
    try:
        assert phones.region_of("07700 900123") == region
        assert phones.region_of(None) == region
    finally:
        phones.locale_region.cache_clear()


def test_a_short_national_number_is_read_in_the_writers_region():
    # "44 668 18 00" (Zurich, without its trunk 0) is only a number in Switzerland.
    body = note(signoff="Kind regards,\nTomasz Wolski\n44 668 18 00")
    swiss = CheckContext(company="Lantern Bay Foods", recipient="Ruth", sender_phone="+41 44 1")
    assert rule("phone_in_closing", body, swiss).passed
    assert not rule("phone_in_closing", body).passed


# --- the recommended and optional rules read meaning too -------------------------------------

def test_company_as_companionship_is_not_a_stand_in_for_the_name():
    body = note(thanks="I enjoyed your company at lunch on Monday.")
    assert rule("generic_reference", body).passed
    assert not rule("generic_reference", note(thanks="Your company impressed me.")).passed


def test_a_link_to_the_companys_own_site_is_not_the_writers_work():
    careers = note(signoff="Best,\nTomasz\n(555) 430-2218\nhttps://www.lanternbayfoods.com/jobs")
    own = note(signoff="Best,\nTomasz\n(555) 430-2218\nhttps://tomasz.bake/blog/rye-starters")
    assert not rule("link", careers).passed
    assert rule("link", own).passed


@pytest.mark.parametrize("notes", [
    "salary band 120-140k\nfinal decision expected next week",
    "! benefits: 4-day week pilot\nonsite twice a week, travel paid",
])
def test_logistics_are_never_asked_for_as_the_specific_point(notes):
    from followup.core.checklist import check_draft
    from followup.core.checklist.results import CheckContext

    body = ("Hi Dana,\n\nThank you for your time today. I'm excited about Acme and would love "
            "to keep talking.\n\nBest,\nSam\n555-0100")
    results = {r.id: r for r in check_draft("Thank you", body, CheckContext(
        company="Acme", recipient="Dana", sender_name="Sam", notes=notes))}
    specifics = results["specifics"]
    assert not specifics.passed  # nothing specific was mentioned…
    for word in ("salary", "decision", "benefits", "travel"):  # …and logistics are no hint
        assert word not in specifics.message.lower(), specifics.message


# --- contribution: an offer aimed at vague nouns names nothing ------------------------------

@pytest.mark.parametrize("vague", [
    "I'm confident I could contribute to the sort of challenges your team at Lantern Bay Foods "
    "is taking on.",
    "I'm confident I could contribute to the sort of challenges your team at lantern bay foods "
    "is taking on.",
    "I'm confident I could contribute to projects like these.",
    "I could help with the challenges you described.",
    "I know I can help you reach your goals.",
    "I would love to contribute to the team's work.",
    "I could help with the things you mentioned.",
    "My experience would let me contribute to work like yours.",
    "I can bring a lot to the kind of projects you described.",
    "I'm sure I could add value to exactly what you described.",
    "I would be glad to support the same type of work your people do.",
    "I'd love to help the team hit its targets.",
    "I could help you tackle what's ahead.",
    "I'm confident my skills would help with the issues you're facing.",
    "I could bring a fresh perspective to the areas you highlighted.",
    "I'm confident I can help your team succeed.",
])
def test_an_offer_aimed_at_vague_nouns_is_not_a_contribution(vague):
    found = rule("contribution", note(contribution=vague))
    assert not found.passed, (vague, found.message)


@pytest.mark.parametrize("vague", [
    "I'm confident I could contribute to the sort of challenges your team at nordlicht "
    "logistics is taking on.",
    "I could help with the type of problems you're solving at Pebblebrook.",
    "I'd love to contribute to the kind of work you described at Tidepool Labs.",
])
def test_an_offer_naming_only_the_employer_names_nothing(vague):
    context = CheckContext(recipient="Ruth Okafor", sender_name="Tomasz Wolski",
                           sender_phone="(555) 430-2218")  # no company set
    assert not rule("contribution", note(contribution=vague), context).passed, vague


@pytest.mark.parametrize("tied", [
    "I could help with the gluten-free line you described.",
    "I could bring the same rota planning to the Eastgate night shift you described.",
    "Much of my work has included projects like the oven refit you described.",
])
def test_an_offer_tied_to_a_named_topic_is_a_contribution(tied):
    assert rule("contribution", note(contribution=tied)).passed, tied


# --- greeting: a greeting word and a name; a sign-off word is no name ------------------------

@pytest.mark.parametrize("first_line", ["Thanks!", "Thanks,", "Best,", "Cheers!", "Thank you!",
                                        "Congratulations!", "Hi Thanks,", "Greetings!"])
def test_a_first_line_without_a_name_is_no_greeting_by_name(first_line):
    body = note(greeting=first_line)
    found = rule("greeting", body, CheckContext())
    assert not found.passed, (first_line, found.message)


@pytest.mark.parametrize("first_line", ["Hi Ruth,", "Ruth,", "Dear Ms. Okafor,", "Hello Ruth!"])
def test_a_greeting_by_name_without_a_recipient_set(first_line):
    assert rule("greeting", note(greeting=first_line), CheckContext()).passed, first_line


# --- placeholders: what a writer leaves on purpose, and the gaps of every shape ---------------

@pytest.mark.parametrize("sentence", [
    'You said the ovens "run hotter than [sic] the old ones".',
    "The proofing trial cut waste by a third [1].",
    "The proofing trial cut waste by a third [12], as Felix said [a].",
    'You quoted the inspector: "the line [...] is the cleanest in town".',
    'You quoted the inspector: "the line […] is the cleanest in town".',
    "Felix said the rye starter was \"the best thing [he had] tasted all year\".",
    "I liked the point about loaf tins (emphasis mine) and hand-shaping.",
    "You said the flour store was the heart of it [emphasis added].",
    "I <3 sourdough, as you could tell.",
    "I hope to meet the rest of the crew (your team) soon.",
])
def test_brackets_written_on_purpose_are_not_gaps(sentence):
    found = rule("placeholders", note(specific=sentence))
    assert found.passed, (sentence, found.message)


@pytest.mark.parametrize("gap", [
    "<your name>", "<company>", "<job title>", "<Name>", "XX", "XXXX", "$XX,000", "20XX",
    "TBD", "tbd", "TBA", "[Job Title]", "[job title]", "[ ]", "[...]", "[…]", "(Your Name)",
    "(company name)", "(insert topic)", "(your phone number)", "{{first_name}}", "%NAME%",
    "[[company]]", "__NAME__",
])
def test_gaps_of_every_shape(gap):
    body = note(specific=f"I enjoyed hearing about {gap} and the night-shift rota at Eastgate.")
    found = rule("placeholders", body)
    assert not found.passed, gap
    at = body.index(gap)
    assert any(s.start < at + len(gap) and s.end > at for s in found.spans), (gap, found.spans)
