"""The `specifics` and `contribution` rules: what was discussed, and what the writer brings.

Both look for a cue ("our conversation about…", "you mentioned…", "my background in…", "I can
bring…") and then ask whether what follows it names something: a topic, product, project,
person, place, number or anecdote. Words that fit any interview ("the position", "the
opportunity", "your insight", "the job requirements", "my skills", "a strong work ethic") name
nothing, and an offer aimed at them ("I could help with the challenges you described",
"projects like these") offers nothing in particular. With notes, a point from the notes must be
recognisable instead (see `reading.point_spans`). A gap ("[topic]") is never a specific point.
"""

from __future__ import annotations

import re

from followup.core.checklist.company import company_spans, org_candidate_spans
from followup.core.checklist.placeholders import placeholder_spans
from followup.core.checklist.reading import (
    WORD_RE,
    Draft,
    body_spans,
    fold,
    inside,
    key_first,
    names_something,
    person_words,
    phrase_spans,
    point_spans,
    shorten,
    stem,
)
from followup.core.checklist.results import RuleResult, result
from followup.core.checklist.vocabulary import GENERIC_WORDS, STOPWORDS, TITLE_WORDS, is_everyday
from followup.core.markers import Marker
from followup.core.names import greeting_name

_GENERIC = frozenset(stem(w) for w in GENERIC_WORDS)
_TITLE_AFTER_RE = re.compile(
    r"(?:\s+[A-Z][\w&'-]*)*\s+(?:position|role|job|opening|vacancy|title|post|posting|"
    r"internship|program|programme|opportunity|candidates?|interview)\b")
_ORG_AFTER_RE = re.compile(r"\b(?:at|join|joining|with\s+the\s+team\s+at|work(?:ing)?\s+for)\s+$")
_NAME_RE = re.compile(r"\b[A-Z][\w'&+#.-]*[\w+#]|\b[a-z]+[A-Z][\w+#-]*|\b[A-Z]\b")

# Cues that introduce what was discussed; the words after them (the rest of the clause) must
# name something.
_TOPIC_CUE_RE = re.compile(
    r"\b(?:conversations?|discussions?|chats?|talks?|exchange|discussing|talking|chatting|"
    r"learning|hearing|learned|learnt|heard|learn|hear|reading|seeing|finding\s+out|"
    r"understanding|thinking)\s+(?:\w+\s+){0,2}?(?:more\s+)?(?:about|on|of|around|regarding|"
    r"concerning|how|why|what|that|the\s+way|into)\b"
    r"|\bdiscuss(?:ed|ing)?\b|\b(?:go|going|went|gone)\s+(?:over|through)\b(?!\s+(?:at|to|there)\b)|\blook(?:ed|ing)?\s+at\b"
    r"|\bshow(?:ed|ing)?\s+me\b|\bwent\s+over\b|\bcovered\b|\bdelved\s+into\b|\bdove\s+into\b"
    r"|\b(?:you|he|she|they|(?!i\b|we\b)[a-z]+)\s+(?:(?!i\b|we\b)\w+\s+)?(?:mentioned|described|explained|shared|showed|"
    r"told\s+me|talked\s+about|spoke\s+about|pointed\s+out|walked\s+me\s+through|brought\s+up|"
    r"suggested|recommended|noted|outlined|raised|demoed|demonstrated|presented|highlighted|"
    r"emphasi[sz]ed|stressed|gave|introduced\s+me\s+to|took\s+me\s+through|said|asked)\b"
    r"|\b(?:your|his|her|their)\s+(?:\w+\s+)?(?:point|points|insights?|advice|thoughts|story|"
    r"stories|perspective|take|explanation|description|vision|demo|presentation|experiences?|"
    r"tips?|comments?|remarks?|ideas?|observations?|anecdotes?|examples?|overview|walkthrough|"
    r"answer|question|recommendations?|suggestions?|tour|account)\s+(?:on|about|of|for|with|"
    r"regarding|that|around|into)\b"
    r"|\b(?:story|stories|history|thinking|reasoning|idea|ideas|logic|science)\s+(?:behind|of|"
    r"about)\b"
    r"|\b(?:case|exercise|problem|question|challenge|task|session|demo|presentation|workshop|"
    r"puzzle|scenario)\s+(?:about|on|around|involving|where|from)\b"
    r"|\b(?:plan|plans|idea|proposal|move|decision|effort|efforts|initiative|push|strategy|goal|"
    r"ambition|bid)\s+to\b"
    r"|\b(?:impressed|fascinated|intrigued|struck|inspired|surprised|"
    r"amazed|encouraged|energi[sz]ed|moved|touched)\s+(?:by|with|to\s+(?:learn|hear|see|know)|"
    r"about|in|that)\b"
    r"|\b(?:enjoyed|liked|loved|appreciated|valued)\s+(?:\w+\s+)?(?:hearing|learning|seeing|"
    r"the|your|our|how|getting|talking|discussing|exploring|meeting|working|visiting|touring|"
    r"comparing|debating|sketching|reviewing|pairing|walking)\b"
    r"|\b(?:work|worked|working)\s+(?:through|on)\b|\b(?:tour|visit)\s+of\b|\bwalk(?:ing|ed)?\s+"
    r"(?:me\s+)?through\b|\bcame\s+up\b|\bstuck\s+with\s+me\b|\bresonated\b"
    r"|\b(?:especially|particularly|above\s+all|in\s+particular)\b")
# "the rollout plan you described": the thing described comes before the cue.
_BEFORE_CUE_RE = re.compile(
    r"(?P<object>(?:[\w'&-]+\s+){1,5})(?:that\s+|which\s+)?(?:you|he|she|they)\s+(?:\w+\s+)?"
    r"(?:described|mentioned|showed|shared|explained|outlined|demoed|presented|walked\s+me\s+"
    r"through|told\s+me\s+about|talked\s+about|recommended|suggested|"
    r"(?:are|is|were|was|'re)\s+(?:\w+ing|about\s+to|going\s+to))\b")


_TRAILING_CUE_RE = re.compile(
    r"\b(?:was|were|is|are|sounds?|sounded|seems?|seemed|looks?|looked)\s+(?:like\s+)?"
    r"(?:a\s+|an\s+|the\s+)?(?:\w+\s+){0,2}(?:to\s+(?:hear|learn|see|"
    r"discover|read|watch)|eye-opening|fascinating|interesting|memorable|highlight|great|fun|"
    r"challenging|challenge|useful|helpful|treat|brilliant|clever|smart|inspiring|impressive|"
    r"lovely|wonderful|exciting|spot\s+on|ambitious|bold|promising|innovative|remarkable|smart|"
    r"impressive|elegant|neat|creative|thoughtful)\b(?:\s+\w+){0,3}\s*[.!]?\s*$")


def named_things(d: Draft) -> list[tuple[int, int, str]]:
    """Capitalised words mid-sentence that are not the people, the company, titles or gaps."""
    return d.memo(_named_things)


def _named_things(d: Draft) -> list[tuple[int, int, str]]:
    people = person_words(d.context)
    gaps = placeholder_spans(d.text, d.context.company)
    company = company_spans(d) + ([] if d.context.company else org_candidate_spans(d))
    found = []
    titles = _title_spans(d)
    for s, e in d.sentences:
        if _own_record(d.folded[s:e]):
            continue  # "I sold 45 homes in the Lakeside area": the writer's, not the talk's
        for match in _NAME_RE.finditer(d.text, s, e):
            word = match.group().removesuffix("'s").strip(".")
            if _at_sentence_head(d.text, s, match.start()) or inside(match.start(), gaps + titles):
                continue
            if len(word) < 2 or word.lower() in TITLE_WORDS or word.lower() in people:
                continue
            if inside(match.start(), company) or _ORG_AFTER_RE.search(
                    d.text[max(s, match.start() - 25):match.start()]):
                continue
            if _TITLE_AFTER_RE.match(d.text, match.end(), e):
                continue
            found.append((match.start(), match.start() + len(word), word))
    return found


_CAPITALISED_RUN_RE = re.compile(r"\b[A-Z][\w&'-]*(?:\s+(?:of\s+|&\s+|and\s+)?[A-Z][\w&'-]*)*")


def _title_spans(d: Draft) -> list[tuple[int, int]]:
    """Capitalised runs that are job titles: "Credit Analyst", "Front Desk Supervisor
    position"; their words are not topics."""
    return d.memo(_find_title_spans)


def _find_title_spans(d: Draft) -> list[tuple[int, int]]:
    spans = []
    for match in _CAPITALISED_RUN_RE.finditer(d.content):
        last = match.group().split()[-1].lower().removesuffix("'s")
        if last in TITLE_WORDS or _TITLE_AFTER_RE.match(d.content, match.end()):
            spans.append((match.start(), match.end()))
    return spans


def _own_record(sentence: str) -> bool:
    """Whether a folded sentence is only about the writer's own record, not the conversation."""
    if _SHARED_RE.search(sentence):
        return False
    return bool(_EXPERIENCE_RE.search(sentence)
                or _PAST_ACT_RE.search(sentence) and _RECORD_MARK_RE.search(sentence))


def _at_sentence_head(text: str, sentence_start: int, offset: int) -> bool:
    return not text[sentence_start:offset].strip(" \"'(>-*•")


_JOB_NOUN_AFTER_RE = re.compile(
    r"(?:\s+(?!(?:for|the|a|an|in|of|to|with|and|at|on|or|as|by)\b)[a-z-]+){0,2}\s+(?:position|role|"
    r"job|opening|vacancy|post|posting|internship)\b")


def specific_words(d: Draft, start: int, end: int) -> list[tuple[int, int]]:
    """Words between `start` and `end` of the content that name something: not generic, not a
    stopword, not the company, the people or a gap; digits and named things count."""
    gaps, company, people = d.memo(_not_topics)
    found = []
    for match in WORD_RE.finditer(d.folded_content, start, end):
        word = match.group().removesuffix("'s")
        if inside(match.start(), gaps) or inside(match.start(), company):
            continue
        if _JOB_NOUN_AFTER_RE.match(d.folded_content, match.end()):
            continue  # "the pharmacist position": the job's own title
        if any(ch.isdigit() for ch in word) and not re.fullmatch(r"\d{1,2}", word):
            found.append((match.start(), match.end()))
        elif any(_names_a_topic(part, people) for part in word.split("-")):
            found.append((match.start(), match.end()))
    return found


def _not_topics(d: Draft) -> tuple[list[tuple[int, int]], list[tuple[int, int]], set[str]]:
    """(gaps and titles, company mentions, people's and company's words): never a topic."""
    gaps = placeholder_spans(d.text, d.context.company) + _title_spans(d)
    return gaps, company_spans(d), person_words(d.context) | _company_words(d)


def _names_a_topic(word: str, people: set[str]) -> bool:
    return (len(word) >= 3 and word not in STOPWORDS and stem(word) not in _GENERIC
            and word not in TITLE_WORDS and word not in people and stem(word) not in people
            and not word.isdigit()
            and not is_everyday(word))


def _company_words(d: Draft) -> set[str]:
    """The company's own words and their stems: "banking" is no topic in a note to a bank."""
    own = set(fold(d.context.company or "").split())
    return own | {stem(w) for w in own}


_CLAUSE_END_RE = re.compile(r"[.!?;]|,\s+(?:and|but|so)\s+i\b|\s-\s|\band\s+i\b|\b(?:and|but)\s+"
                            r"(?:look|hope|would|will|am|can|could|wish|want|feel|remain|thank)\b")


def _clause_after(d: Draft, offset: int, limit: int = 90) -> tuple[int, int]:
    end = min(len(d.folded_content), offset + limit)
    stop = _CLAUSE_END_RE.search(d.folded_content, offset, end)
    if stop:
        return offset, stop.start()
    while end < len(d.folded_content) and d.folded_content[end].isalnum():
        end += 1  # finish the word: a cut word ("tak") reads as a rare one
    return offset, end


_DETERMINERS_RE = re.compile(r"\s*(?:(?:the|a|an|your|our|my|his|her|their|this|that|how|what|"
                             r"why)\s+)*")


def topic_spans(d: Draft) -> list[tuple[int, int]]:
    """Cues followed (or preceded, for "the plan you described") by something specific."""
    spans = []
    gaps = placeholder_spans(d.text, d.context.company)
    for match in _TOPIC_CUE_RE.finditer(d.folded_content):
        s, e = _clause_after(d, match.end())
        what = _DETERMINERS_RE.match(d.folded_content, s)
        if inside(what.end() if what else s, gaps):
            continue  # "your story about [anecdote]": the topic is still to be written
        if specific_words(d, s, e):
            spans.append((match.start(), e))
    for match in _BEFORE_CUE_RE.finditer(d.folded_content):
        if specific_words(d, match.start("object"), match.end("object")):
            spans.append((match.start(), match.end()))
    for s, e in d.sentences:  # "The story behind the series … was lovely to hear."
        if _TRAILING_CUE_RE.search(d.folded, s, e) and specific_words(d, s, e):
            spans.append((s, e))
    return spans


def _known_term_spans(d: Draft) -> list[tuple[int, int]]:
    spans = []
    gaps = placeholder_spans(d.text, d.context.company)
    for term in d.context.known_terms:
        if term and term.lower() not in person_words(d.context) and fold(term) != fold(
                d.context.company or "\0"):
            spans += [(s, e) for s, e in phrase_spans(d.folded_content, fold(term))
                      if not inside(s, gaps)]
    return spans


_SHARED_RE = re.compile(r"\b(?:you|your|you're|we|our|us|together|the\s+team|they|their|he|she|"
                        r"his|her)\b")


_WISH_RE = re.compile(r"\b(?:excited|thrilled|eager|keen|interested|hope|hoping|look(?:ing)?\s+"
                      r"forward|would\s+love|'d\s+love|can't\s+wait)\b")


def _shared_sentence_spans(d: Draft) -> list[tuple[int, int]]:
    """Sentences about the other person or the conversation with two or more specific words
    ("the claims backlog you are trying to clear"), not about the writer's own record."""
    spans = []
    for s, e in d.sentences:
        sentence = d.folded[s:e]
        if not _SHARED_RE.search(sentence) or _OFFER_RE.search(sentence):
            continue
        if _WISH_RE.search(sentence):
            continue  # "excited about the opportunity to fly with you": the wish, not a topic
        if _EXPERIENCE_RE.search(sentence):
            continue
        if len(specific_words(d, s, e)) >= 2:
            spans.append((s, e))
    return spans


def specific_spans(d: Draft) -> list[tuple[int, int]]:
    """Evidence of specific points, without notes to compare with."""
    return d.memo(_specific_spans)


def _specific_spans(d: Draft) -> list[tuple[int, int]]:
    named = [(s, e) for s, e, _w in named_things(d)]
    return sorted(set(topic_spans(d) + named + _known_term_spans(d) + _shared_sentence_spans(d)))


def _note_spans(d: Draft, point: str) -> list[tuple[int, int]]:
    gaps = placeholder_spans(d.text, d.context.company)
    return [(s, e) for s, e in point_spans(d, point) if not inside(s, gaps)]


def rule_specifics(d: Draft) -> RuleResult:
    """With notes: a point of them is recognisable in the draft. Without: a cue followed by
    something specific, or a named thing (see the module docstring).

    Passes: "Your story about the croissant machine that jammed", "Meeting Felix from quality
    control". Fails: "your insight into the position", "the job requirements", "learning about
    [topic]". Source: "mentions specific points that were addressed during the interview".
    """
    met = [m.span() for name in d.context.other_recipients if greeting_name(name)
           for m in re.finditer(rf"\b{re.escape(greeting_name(name))}\b", d.text)] \
        if d.context.organiser else []  # (only a note to the organiser is read for names)
    if met:
        # the guide's note to a recruiter: whom the user met is what it is about
        return result("specifics", True, "Names whom you met, the point of a note to the "
                      "person who organised the meeting.", body_spans(met[:2]))
    points = [(m, p) for m, p in d.note_points if names_something(d, p)]
    if points:  # notes of only vague lines ("great team culture") give nothing to look for
        for _marker, point in key_first(points):
            spans = _note_spans(d, point)
            if spans:
                return result("specifics", True, f'Mentions a point from your notes: "{point}".',
                              body_spans(spans))
        # (a `?` line is no example: it holds my answer and my verdict on it, "notice period
        # -> 3 months, he winced")
        told = [p for m, p in key_first(points) if m is not Marker.QUESTION]
        example = f', e.g. "{shorten(told[0])}"' if told else ""
        return result("specifics", False, "Mention a point from your conversation with "
                      f"{d.first_name}{example}.")
    spans = specific_spans(d)
    if spans:
        return result("specifics", True, "Mentions specific points from the conversation.",
                      body_spans(spans))
    return result("specifics", False, "Mention something specific you discussed with "
                  f"{d.first_name} (a topic, a project, a person, a product), not generalities "
                  'such as "the position" or "your insight".')


# --- contribution ----------------------------------------------------------------------------

_OFFER_RE = re.compile(
    r"\bcontribut\w*|\bbring(?:ing|s)?\b(?!\s+(?:up|back|along)\b)|\badd(?:ing)?\s+(?:real\s+)?value"
    r"|\bvalue\s+to\b|\basset\b|\bmake\s+an?\s+(?:\w+\s+)?(?:impact|difference)"
    r"|\bhit\s+the\s+ground\s+running\b|\bput\s+(?:my|that|this|those|these)\b[^.!?\n]{0,40}\bto\s+"
    r"(?:use|work|good\s+use)|\b(?:apply|leverage|use|draw\s+on)\s+(?:my|that|this|the\s+same)\b"
    # "I could take over…", "I can start…": any act the writer offers, not a feeling or a wish
    # to meet ("I would love to talk", "I'd be happy to hear").
    r"|\b(?:i|we)\s*(?:can|could|would|will|'d|'ll|am\s+able\s+to|am\s+ready\s+to|'m\s+ready\s+to)"
    r"\s+(?:also\s+|certainly\s+|easily\s+|quickly\s+|immediately\s+|definitely\s+|"
    r"(?:be\s+)?(?:glad|happy|able|ready|keen|eager|pleased)\s+to\s+)?(?!" + "|".join(
        "love like be see hear talk meet speak look welcome appreciate enjoy imagine say "
        "think feel hope know want wish need have not never call reach follow read try check "
        "consider keep remember send email forward share pass attach review reflect "
        "definitely continue discuss chat connect stay catch".split()) + r")[a-z]+\b"
    r"|\bhelp\s+(?:you|your|the|with|[a-z]+'s)\b")
_EXPERIENCE_RE = re.compile(
    r"(?<!start\s)(?<!begin\s)(?<!launch\s)(?<!grow\s)\bmy\s+(?:\w+\s+){0,3}(?:experience|background|work|years?|time|role|job|internship|degree|"
    r"training|studies|thesis|research|projects?|skills?|expertise|knowledge|career|portfolio|"
    r"track\s+record|capstone|apprenticeship|volunteering|certifications?)"
    r"(?:\s+\w+){0,2}\s+(?:in|with|of|building|at|on|from|as|has|have|had|included|includes|"
    r"including|involved|involves|taught|gave|spans?|spanned|centred|centered|focused|focuses|"
    r"covers?|covered|shows?|showed|[a-z]+ing|has\s+(?:prepared|equipped|taught|given)|"
    r"prepared|equipped)\b"
    r"|\b(?:much|most|all|some|part|many)\s+of\s+my\s+(?:\w+\s+)?(?:work|experience|career|time|"
    r"projects?|days?|research)\b"
    r"|\bi(?:'ve|\s+have|\s+had)\s+(?:\w+\s+){0,2}(?:built|shipped|led|designed|implemented|"
    r"worked|used|managed|developed|created|run|spent|done|taught|written|delivered|launched|"
    r"grown|increased|reduced|trained|handled|organi[sz]ed|coordinated|supported|automated|"
    r"migrated|maintained|mentored|optimi[sz]ed|analy[sz]ed|researched|published|won|completed|"
    r"studied|learned|experience|a\s+background|cut|served|sold|raised|negotiated|overseen|"
    r"planned|produced|edited|taken\s+on|owned|scaled|tested|audited|cared|nursed|treated)\b"
    r"|\bin\s+my\s+(?:\w+\s+)?(?:previous|last|current|former|recent|prior)\s+(?:\w+\s+)?"
    r"(?:role|job|position|internship|company|team|work)\b"
    r"|\bat\s+my\s+(?:last|previous|current|former)\s+(?:job|company|role|internship|employer|"
    r"firm|school|agency)\b|\bduring\s+my\s+(?:\w+\s+)?(?:time|years?|internship|studies|"
    r"degree|placement|fellowship|residency)\b"
    r"|\bi(?:'m|\s+am)\s+(?:\w+\s+)?(?:skilled|experienced|proficient|fluent|certified|trained|"
    r"versed|adept|comfortable|practiced|practised|qualified|licensed)\s+(?:in|with|at|as)\b"
    r"|\byears?\s+(?:of\s+)?(?:\w+\s+)?(?:experience|work|working)\b"
    r"|\bi\s+(?:specialize|specialise|focus|focused|majored|trained)\s+(?:in|on|as)\b"
    r"|\bas\s+(?:a|an)\s+(?:\w+\s+){0,3}(?:at|for|in)\s+[A-Za-z]")
# "I ran the night shift", "I've trained six apprentices": a past act is the writer's record
# only with a mark of when or where ("at my last job", "for four years", "In 2021"), unlike "the
# challenges I worked on with Nate" in the interview itself.
_PAST_ACT_RE = re.compile(
    r"\bi(?:'ve|\s+have|\s+had)?\s+(?:also\s+|recently\s+|previously\s+|already\s+|personally\s+|"
    r"successfully\s+|once\s+|since\s+|been\s+)?(?!" + "|".join(sorted(
        "enjoyed appreciated learned wanted loved liked noticed realized realised hoped wondered "
        "thanked talked discussed mentioned visited attended interviewed applied arrived "
        "followed wished reached asked admired valued needed heard missed waited tried met "
        "stayed passed received noted gathered sensed felt".split())) + r")[a-z]+ed\b"
    r"|\bi\s+(?:built|led|designed|developed|created|ran|managed|launched|shipped|wrote|"
    r"organi[sz]ed|grew|increased|reduced|cut|automated|migrated|taught|delivered|implemented|"
    r"spent|worked|handled|oversaw|coordinated|redesigned|rebuilt|introduced|set\s+up|started|"
    r"founded|trained|mentored|published|presented|won|raised|sold|negotiated|planned|produced|"
    r"edited|scaled|tested|audited|analy[sz]ed|supported|maintained|completed|studied|served|"
    r"volunteered)\b"
)
_RECORD_MARK_RE = re.compile(
    r"\b(?:my|at|previous|previously|former|formerly|last|current|currently|years?|months?|"
    r"prior|earlier|since|when\s+i\s+was|while|as\s+an?|internship|apprenticeship|university|"
    r"college|degree|thesis|already|once)\b|\d")


def rule_contribution(d: Draft) -> RuleResult:
    """Passes on a `+` note line recognisable in the draft, or on the writer saying what they
    bring in words that name something (see the module docstring).

    Passes: "My background in retail operations has included setting up a repair corner",
    "I could help with the gluten-free line you described". Fails: "I can contribute to your
    company", "a strong work ethic", "projects like these", "the challenges you described".
    Source: "emphasizes what you can contribute based on the conversation".
    """
    plus = [p for m, p in d.note_points if m is Marker.CONTRIBUTE]
    for point in plus:
        spans = _note_spans(d, point)
        if spans:
            return result("contribution", True, f'Says what you can bring: "{point}".',
                          body_spans(spans))
    if d.context.organiser and not plus:
        # the guide's note to a recruiter thanks them and asks them to pass thanks on; readers
        # found a pitch to the person who booked the room odd
        return result("contribution", True, "A note to the person who organised the meeting "
                      "needs no pitch.")
    cues = _contribution_cues(d)
    # "I'd be glad to bring [what you can contribute] to Acme": a sentence still holding a gap
    # says nothing yet, whatever the gap's own words name (readers saw it pass and fail alike)
    gaps = placeholder_spans(d.text, d.context.company)
    concrete = [(s, e) for s, e in cues if _names_something(d, s, e)
                and not any(s <= g_s < e for g_s, _g_e in gaps)]
    if concrete:
        return result("contribution", True, "Says what you can contribute.",
                      body_spans(concrete[:2]))
    hint = f' such as "{shorten(plus[0])}"' if plus else ""
    if cues:
        return result("contribution", False, "Say what exactly you would bring (a skill, a "
                      f"project, a result) and tie it to what you discussed{hint}.",
                      body_spans(cues[:2]))
    return result("contribution", False, "Say what you can contribute or bring, based on the "
                  f"conversation{hint}.")


def _contribution_cues(d: Draft) -> list[tuple[int, int]]:
    """The sentences that offer something or describe the writer's own experience."""
    found = []
    for s, e in d.sentences:
        sentence = d.folded[s:e]
        if sentence.rstrip("\"') ").endswith("?"):
            continue  # "Is there anything else I can provide?" offers nothing
        if _OFFER_RE.search(sentence) or _EXPERIENCE_RE.search(sentence) or (
                _PAST_ACT_RE.search(sentence) and _RECORD_MARK_RE.search(sentence)):
            found.append((s, e))
    return found


# "my technical skills and client experience": a kind of skill is named, unlike "my skills".
_KIND_OF_SKILL_RE = re.compile(
    r"\b(?P<kind>[a-z][\w-]+)\s+(?:skills?|experience|expertise|knowledge)\b")
_VAGUE_KINDS = frozenset("""my the your our their his her these those such strong great good
excellent relevant transferable valuable proven extensive solid broad diverse varied wide exact
necessary required right many much some any all overall general personal professional previous
past prior work job life real practical hands-on years of and with leadership communication
interpersonal organizational organisational people management customer-service teamwork
problem-solving analytical time-management soft transferable""".split())


def _names_something(d: Draft, start: int, end: int) -> bool:
    """Whether an offer names what the writer brings or a topic it ties to. A tie-back alone
    ("projects like these", "the challenges you described") names nothing."""
    kinds = _KIND_OF_SKILL_RE.finditer(d.folded, start, end)
    if any(m["kind"] not in _VAGUE_KINDS for m in kinds):
        return True
    theirs = _their_org_spans(d, start, end)
    if any(start <= s < end and not inside(s, theirs) for s, _e, _w in named_things(d)):
        return True
    # a skill of the profile named ("my experience with Postgres"), even when the meetup's
    # name holds the same word ("SF Postgres Users Group")
    own = {fold(t) for t in d.context.known_terms if t and len(t) > 2} - {
        fold(d.context.company or "\0")} - {fold(w) for w in person_words(d.context)}
    if any(re.search(rf"(?<!\w){re.escape(t)}(?!\w)", d.folded[start:end]) for t in own):
        return True
    return any(not inside(s, theirs) for s, _e in specific_words(d, start, end))


# "your team at nordlicht logistics": the words after it name the employer, not what the
# writer brings (the company may not be set, or be typed in lower case).
_THEIR_ORG_RE = re.compile(
    r"\b(?:your|the|their)\s+(?:\w+\s+)?(?:team|company|firm|organi[sz]ation|office|people|"
    r"group|department|business|crew|staff|colleagues)\s+(?:over\s+)?(?:at|in|of)\s+"
    r"(?P<org>(?:(?!(?:is|are|was|were|has|have|had|will|would|can|could|and|to|for|on|in|"
    r"with|who|that)\b)[\w&'-]+\s*){1,4})")


# "the problems you're solving at Pebblebrook", "the work you described at Tidepool Labs".
_THEIR_PLACE_RE = re.compile(
    r"\b(?:you|you're|they|they're|your\s+\w+)\s+(?:\w+\s+){0,3}?at\s+"
    r"(?P<org>(?:(?!(?:is|are|was|were|has|have|had|will|would|can|could|and|to|for|on|in|"
    r"with|who|that)\b)[\w&'-]+\s*){1,4})")


def _their_org_spans(d: Draft, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span("org") for pattern in (_THEIR_ORG_RE, _THEIR_PLACE_RE)
            for m in pattern.finditer(d.folded, start, end)]
