"""One person's notes assembled into an individual follow-up draft.

The fixed wording comes from a template chosen by meeting kind and the person's capacity
(see `templates`); this module picks what goes in from the notes: the specific points (never
logistics, never the user's verdict on their own answers), what the user can contribute, a
paragraph per `?` question with a gap for the better answer, a link and the skills that the
person's own notes touched, the personal line, and the closing. `phrasing` turns each note line
into words said to the person and `frames` puts them in sentences that differ from person to
person of a meeting. Everything is deterministic: the same request gives the same draft.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import zlib
from collections.abc import Collection, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from followup.core import frames, templates
from followup.core.lexicon import (
    dictionary_capital,
    is_english_word,
    normalise_line,
    notes_capitals,
    shorthand_table,
    spell_names,
)
from followup.core.markers import Marker, parse_notes
from followup.core.names import greeting_name, without_their_name
from followup.core.note_kinds import (
    is_logistics,
    is_mechanics,
    is_moment,
    is_personal,
    is_private_life,
    is_self_assessment,
    is_shared,
    meeting_notes,
    never_a_point,
    same_as_me,
)
from followup.core.own_lines import (
    asked_lines,
    contribution_phrase,
    is_asked,
    question_to_revisit,
    question_topic,
)
from followup.core.phrasing import (
    LEANS_BACK_RE,
    Phrase,
    Shape,
    company_spelling,
    listed_topics,
    proper_spelling,
    reads_well,
    rephrase,
    to_you,
    with_indefinite,
)
from followup.core.shorthand import clean, split_parts
from followup.core.word_forms import is_noun, verb_form, word_classes

KINDS = (
    "panel_interview", "one_on_one_interview", "phone_screen", "informational_interview",
    "networking_coffee", "meetup", "other",
)
CAPACITIES = ("interviewer", "coordinator", "other")
ANSWER_GAP = "[write your better answer here]"
QUESTION_GAP = "[name the question]"  # a fumble whose question the notes never wrote
CONTRIBUTION_GAP = frames.CONTRIBUTION_GAP
MAX_POINTS = 2  # two points read as attention; a third is where garble and repetition begin
MAX_WORDS = 190  # the guides say well under 250; the checklist asks for under 200
_COUNTED_WORD_RE = re.compile(r"[A-Za-z0-9][\w'&-]*")  # words as the checklist counts them


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    name: str = ""
    phone: str = ""
    email: str = ""
    signature: str = ""
    skills: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class DraftRequest:
    company: str
    role: str
    kind: str
    person_name: str
    person_title: str
    capacity: str
    notes: str
    general_notes: str = ""
    others_met: tuple[str, ...] = ()  # full names of the other people in the meeting
    profile: Profile = field(default_factory=Profile)
    # the person's own address is at another domain than the meeting's company (see
    # `works_elsewhere`): at a meetup they came from elsewhere
    elsewhere: bool = False


@dataclass(frozen=True)
class Phrased:
    """A sentence of a draft that drafting phrased from a note, and that note: the window marks
    it until the user has read it (issue "Drafts a reader would send": honest about what it
    wrote)."""

    sentence: str  # as it stands in the draft's body
    note: str  # the note line it was phrased from, shorthand written out


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str  # Markdown
    phrased: tuple[Phrased, ...] = ()  # the sentences phrased from notes, in body order


# The sentences phrased from notes while one draft is being assembled (see `generate_draft`).
_TRACE: ContextVar[list[tuple[str, str]] | None] = ContextVar("phrased", default=None)


def _trace(sentence: str, note: str) -> str:
    """Record that `sentence` was phrased from `note`; returns the sentence."""
    trace = _TRACE.get()
    if trace is not None and sentence and not sentence.startswith("["):
        trace.append((sentence.split(" [")[0].strip(), note))
    return sentence


def voice_of(request: DraftRequest) -> int:
    """The person's place among the people of the meeting, plus a per-meeting offset: it picks
    the template's alternatives and the sentence frames, so that each person of one meeting
    gets different ones and the same person always gets the same."""
    names = sorted({request.person_name, *request.others_met})
    rank = names.index(request.person_name)
    return zlib.crc32(f"{request.company}|{request.kind}".encode()) % 97 + rank


# ---- choosing points ------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    return text.split()


def _substance(text: str) -> int:
    """How much a line says: long words and numbers count; the person's questions count less."""
    words = _words(text)
    score = sum(1 for w in words if len(w) >= 4)
    score += sum(2 for w in words if any(c.isdigit() for c in w))
    score += sum(1 for w in words[1:] if w[:1].isupper())  # names and places are memorable
    if words[0].lower() in ("asked", "question", "q", "q:"):
        score -= 4
    return score


# "asked about my A/B testing background": the interviewer's question, which a `?` line
# revisits; as a point it reads "It was a real pleasure that you asked about my background".
_THEIR_QUESTION_RE = re.compile(
    r"^\s*(?:(?:he|she|they|\w+)\s+)?(?:asked|asks|quizzed|grilled)\b|^\s*(?:q|question)\s*:"
    r"|^\s*(?:i\s+)?(?:told|answered|gave)\s+(?:him|her|them)\b"  # the user's own answer
    r"|\b(?:how|what|why|when|which|where)\s+(?:would|do|did|will|can|could|should)\s+you\b"
    r"|\btell\s+me\s+about\b|\bwalk\s+me\s+through\b",  # the interviewer's prompt
    re.IGNORECASE)



def _answered_elsewhere(text: str) -> bool:
    """A line holding a question set in the interview that the question paragraph revisits
    (its answer went wrong), or a quiz whose words read as the person's own ("brain teaser:
    expected rolls to two 6s" is no "you expected rolls"): never a point."""
    return is_asked(text) and (bool(asked_lines([(Marker.KEY, text)])) or re.match(
        r"\s*(?:(?:a|the)\s+)?(?:brain\s*teaser|estimation|technical\s+q(?:uestion)?|q|question"
        r"|live[- ]?coding|role[- ]?play|whiteboard)\s*:"
        r"|\s*(?:(?:he|she|they)\s+)?(?:made|had)\s+me\b", text, re.IGNORECASE) is not None)


# "runs the stage crew", "does the evals": the person's job in three words, which told back
# to them says nothing ("It was good to learn that you run the stage crew": readers)
_THEIR_JOB_RE = re.compile(
    r"\s*(?:(?:he|she|they)\s+)?(?:runs|manages|leads|heads|oversees|supervises|does|reads"
    r"|handles|owns|covers|schedules|coordinates)\s+(?:all\s+)?(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s*",
    re.IGNORECASE)


def _point_candidate(text: str) -> bool:
    """An unmarked line that may give a point: not about life outside work, not what the
    person's job is, nothing that is never a point, and a line that can be phrased."""
    return not is_personal(text) and not is_shared(text) and not never_a_point(text) \
        and not _THEIR_QUESTION_RE.search(text) and not _answered_elsewhere(text) \
        and not _THEIR_JOB_RE.fullmatch(re.split(r"[,;]", text)[0]) \
        and not any(is_asked(p) for _s, p in split_parts(clean(text))[1:]) \
        and rephrase(text) is not None  # ("quick, 10 min, mostly asked why robots": asked)


def _key_candidate(text: str) -> bool:
    """A `!` line is the user's own choice of point, even about life outside work; never
    their verdict, the meeting's mechanics, a health or family event or their question."""
    return not never_a_point(text) and not _THEIR_QUESTION_RE.search(text) \
        and not _answered_elsewhere(text) and rephrase(text) is not None


def clear_caches() -> None:
    """Forget the phrases of lines seen before (for benchmarks that time a cold start)."""
    for cached in (rephrase, contribution_phrase, question_topic, normalised):
        cached.cache_clear()


def pick_points(notes: str, limit: int = MAX_POINTS, title: str = "",
                name: str = "") -> list[str]:
    """The `!` lines first (whatever they are about); below two, the most substantial unmarked
    lines make up the rest.

    Never a point: logistics (salary, benefits, decision timing, scheduling, travel), how the
    meeting ran (a late start, the camera, the agenda, who took notes), health and family
    milestones, the personal line (it gets its own sentence) and the user's verdict on their
    own answers."""
    lines = [ln._replace(text=_without_their_title(without_their_name(ln.text, name), title))
             for ln in parse_notes(notes)]
    lines = [ln for ln in lines if ln.text]
    marked = [ln.text for ln in lines if ln.marker is Marker.KEY and _key_candidate(ln.text)]
    marked = marked[:limit]
    wanted = min(2, limit) - len(marked)
    if wanted <= 0:
        return marked
    plain = [ln.text for ln in lines if ln.marker is None and len(_words(ln.text)) >= 3
             and _point_candidate(ln.text) and not _their_title(ln.text, title)
             and not re.match(r"\s*(?:i|i'm|i've|i'd|my)\b", ln.text, re.I)]  # the user's own
    readable = [t for t in plain if _phrased(t, pieces_too=False) is not None]
    best = sorted(readable, key=lambda t: -_substance(t))[:wanted]
    return marked + [t for t in readable if t in best]


def _without_their_title(line: str, title: str) -> str:
    """A note line without the person's own job at its start when more follows ("planner, said
    the CMMS migration is 11k open work orders": what they said is the point)."""
    match = re.match(r"\s*([^,:;]+?)\s*,\s*(?=\S)", line)
    if match and _their_title(match[1], title):
        return line[match.end():]
    return line


_TITLE_NOISE = frozenset("of the and for at in a an senior junior head lead".split())


def _their_title(line: str, title: str) -> bool:
    """Whether a note line's first piece is the person's own job ("revenue mgr, 8 yrs",
    "catering sales"): telling someone their title is no point."""
    first = split_parts(clean(line))[:1]
    if not first or not title:
        return False
    said = {plain_word(w) for w in first[0][1].split()} - _TITLE_NOISE
    role = re.split(r"\bat\b|@", title)[0]  # "Platform Engineer at Corrie Labs": the job only
    words = [plain_word(w) for w in re.split(r"[\s/&(),-]+", role) if plain_word(w)]
    held = set(words) - _TITLE_NOISE
    initials = "".join(w[0] for w in words if w not in ("of", "the", "and", "for"))
    # "sig eng" for Signal Engineer, "pm" for Product Manager, "t&c" for Test & Commissioning
    matched = {w for w in said if w in held or len(w) >= 3 and any(
        h.startswith(w) or w.startswith(h) and len(h) >= 3 for h in held)
        or len(w.replace("&", "")) >= 2
        and w.replace("&", "") in initials}
    # the job itself, before a comma, must be in it: "dagster @ corrie labs" is the firm in
    # "Platform Engineer, Corrie Labs", not the job
    job = {plain_word(w) for w in re.split(r"[\s/&()-]+", role.split(",")[0])}
    in_job = any(w in job or any(h.startswith(w) or w.startswith(h) for h in job if len(h) >= 3)
                 or w.replace("&", "") in initials for w in matched)
    # ("math dept uses illustrative math curriculum" shares two words with "math department
    # chair" and says far more: a title is little beyond its words)
    return bool(said) and in_job and len(matched) >= min(2, len(said)) \
        and len(said - matched) <= 1


def plain_word(word: str) -> str:
    return word.lower().strip(".,;:!?()\"'")


def personal_lines(notes: str):
    """Every line that could give the rapport sentence, best first (when the first cannot be
    phrased well, the next is tried): something the user and the person share ("we both ran
    the Lisbon marathon"), else an unmarked line about the person's life outside work (a
    hobby, a race, coaching a kid's team); never health or a family milestone (a baby, a son
    starting college). A `!` line is a key point and leads the points instead."""
    lines = [ln for ln in parse_notes(notes) if ln.marker is None
             and not is_self_assessment(split_parts(clean(ln.text))[0][1])
             and not is_private_life(ln.text) and not never_a_point(ln.text, rapport=True)
             and not referral_sentence(ln.text)]  # "she'll intro me to X": thanked for, below
    for line in lines:  # "we both ran the Lisbon marathon"
        if is_shared(line.text) and not is_moment(line.text) and _shared_text(line.text):
            yield line.text
    for line in lines:  # "coaches her daughter's robotics team"
        if is_personal(line.text) and not is_shared(line.text) \
                and not any(_THEIR_JOB_RE.fullmatch(re.sub(r"\s*\([^)]*\)", "", p))
                            for _s, p in split_parts(clean(line.text))) \
                and rephrase(line.text) is not None:  # ("runs the docent volunteers": work)
            yield line.text
    for line in lines:  # "we argued about the best pho on Argyle St"; not "we talked about X"
        if is_moment(line.text) and is_personal(line.text) and _shared_text(line.text):
            yield line.text


def _shape_of(piece: str, request: DraftRequest) -> Shape | None:
    phrase = rephrase_fragment(piece, request.person_name, request.company)
    return phrase.shape if phrase is not None else None


def _shared_text(line: str) -> str | None:
    """`we both did the lisbon marathon` as said to the person: "we both did the lisbon
    marathon" (the user's "we" is true as written); None when it does not read well."""
    line = same_as_me(clean(line)) or line  # "he runs X, same as me": we both run X
    pieces = [p for _s, p in split_parts(clean(line)) if not is_self_assessment(p)]
    if not pieces:
        return None
    text = pieces[0]
    text = text[:1].lower() + text[1:] if text[:2] == "We" else text
    text = "we " + text if re.match(r"both\s", text, re.I) else text  # "both grew up in X"
    return text if reads_well(Phrase(Shape.CLAUSE, text)) else None


def first_name(full_name: str) -> str:
    """The name the draft greets the person by (see `names.greeting_name`)."""
    return greeting_name(full_name)


def rephrase_fragment(fragment: str, person_name: str = "", company: str = "") -> Phrase | None:
    """A note line as a phrase said to the person (see `phrasing.rephrase`)."""
    return rephrase(fragment, first_name(person_name), company)


def _owes_its_subject(parts: list[tuple[str, str]], piece: str) -> bool:
    """Whether a later piece is a verb whose subject is the first piece's ("tier 1 does phishing
    triage, escalates to t2": tier 1 escalates, so alone it would say "you escalate")."""
    first = parts[0][1].split()
    return bool(first) and verb_form(piece.split()[0]) == "VBZ" \
        and plain_word(first[0]) not in ("he", "she", "they", "we") \
        and any(plain_word(w) in ("does", "is", "has", "was", "did") or verb_form(w) in (
            "VBZ", "VBD") and not is_noun(plain_word(w)) for w in first[1:])


def _phrased(fragment: str, person_name: str = "", company: str = "",
             pieces_too: bool = True, key: bool = False) -> Phrase | None:
    """The phrase of a note line when it reads well; else that of its first piece that does
    (a `!` line "unit is 32 beds, ratio 1:5" still gives one clean sentence); else None. Of a
    `!` line (`key`), a piece that carries the point comes first."""
    whole = rephrase_fragment(fragment, person_name, company)
    whole = whole if whole is not None and reads_well(whole) else None
    listed = listed_topics(fragment) if key else None
    if listed is not None and reads_well(listed):
        return listed  # "! alara, dosimetry + rwp discipline from day 1": what was covered
    if not pieces_too:
        return whole
    parts = split_parts(clean(fragment))
    # "they built a model in R but HR doesn't trust it": each side of a "but" may stand alone
    parts = [(sep if j == 0 else "", half) for sep, p in parts
             for j, half in enumerate(_HALVES_RE.split(re.split(r"\s+so\s+", p)[0]))
             if half]  # "X so they can Y": X stands alone; what "they" do is someone else's
    # "2 hybrid, robotic volume up 30%": a list kept whole by the splitter, tried item by item
    parts = [(sep if j == 0 else ",", item) for sep, p in parts
             for j, item in enumerate(re.split(r",\s+", p)) if item]
    pieces = [p for i, (_s, p) in enumerate(parts)
              if not (i + 1 < len(parts) and parts[i + 1][0] == ":")  # a label: "biggest pain:"
              and len(p.split()) >= 3 and not never_a_point(p)
              and not _THEIR_QUESTION_RE.search(p) and not (i and _owes_its_subject(parts, p))]
    # "new hire training is 6 wks, she wants it at 4": the want is the point, the count its
    # setting, so a piece that carries the point is tried first (readers read a line said by
    # its setting alone as a misread).
    # (The whole line is phrased from its first piece, so it comes first only when that piece
    # carries the point or no other does.)
    carrying = [p for p in pieces if key and _CARRIES_POINT_RE.search(p)
                and not LEANS_BACK_RE.search(p) and len(p.split()) >= 4]
    if whole is not None and (not carrying or _CARRIES_POINT_RE.search(parts[0][1])):
        return whole
    rest = [p for p in pieces if p not in carrying and not LEANS_BACK_RE.search(p)]
    for piece in sorted(carrying, key=lambda p: -_substance(p)):
        phrase = rephrase_fragment(piece, person_name, company)
        if phrase is not None and reads_well(phrase):
            return phrase
    if whole is not None and carrying and whole.shape is Shape.TOPIC \
            and len(whole.text.split()) <= 3:
        whole = None  # "the homeowners line" for "homeowners line, hail losses doubled": never
        # alone; another piece that reads well may still say something
    if whole is not None:
        return whole
    for piece in sorted(rest, key=lambda p: -_substance(p)):
        phrase = rephrase_fragment(piece, person_name, company)
        if phrase is not None and reads_well(phrase):
            return phrase
    return None


# Words of a piece that says what someone wants, plans or struggles with, or what changed.
_CARRIES_POINT_RE = re.compile(
    r"\b(?:wants?|wanted|needs?|needed|hop(?:e|es|ing)|plans?|planning|goal|aims?|trying|"
    r"problem|issue|challenge|pain|bottleneck|struggl\w*|"
    r"spiked|dropped|doubled|tripled|fell|rose|grew|jumped)\b|\b(?:up|down)\s+(?:about\s+|~)?\d",
    re.IGNORECASE)


# "but" parts two clauses; "and" only before a new subject ("planners and IT" is one object)
_HALVES_RE = re.compile(r"\s+but\s+|\s+and\s+(?=(?:he|she|they|we|i|it|there|the|his|her|their)\s)",
                        re.IGNORECASE)


def note_prompt(fragment: str) -> str:
    """A marked prompt that names the note, for a line that cannot be phrased well:
    `[say what stayed with you about: query result cache, low-ms hits]`. The checklist and the
    send checks treat it as a gap to fill."""
    pieces = [_REPORTED_RE.sub("", p) for _s, p in split_parts(clean(fragment))
              if not never_a_point(p)]
    text = ", ".join(p for p in pieces if p) or clean(fragment)
    return f"[say what stayed with you about: {text}]"


# "he said the hardest part is X": the prompt names what was said, not who said it
_REPORTED_RE = re.compile(r"^(?:(?:he|she|they)\s+)?(?:said|says|mentioned|told\s+me|explained"
                          r"|thinks|felt|noted|complained|grumbled|admitted|joked|was\s+upfront"
                          r"(?:\s+about\s+it)?)(?:\s+(?:that|about))?\s*", re.IGNORECASE)


def point_sentence(fragment: str, index: int, voice: int, person_name: str = "",
                   shared: bool = False, company: str = "", key: bool = False) -> str:
    """One point as a whole sentence; the frame depends on the person's voice and the index
    (`shared`: a point of the meeting's general notes). A line that cannot be phrased well
    becomes a marked prompt naming it."""
    phrase = _phrased(fragment, person_name, company, key=key)
    if phrase is None:
        return note_prompt(fragment)
    return _trace(frames.point_sentence(phrase, voice, index, shared), fragment)


def _opening(sentence: str) -> str:
    # "It was valuable to learn that ... It was great to hear that": readers hear one frame
    return " ".join(sentence.lower().split()[:2])


_FRAME_WORDS = frozenset("""interesting interested great useful valuable helpful glad enjoyed
    loved hear learn appreciated eye-opening fascinating understand understanding clarifying
    thinking instructive good helped""".split())


def _frame_words(sentence: str) -> set[str]:
    """The words of a point's frame that a reader hears twice ("It was interesting to learn
    that ... I found it really interesting that ...": readers counted it as repetition)."""
    frame = re.split(r"\s(?:that|about|how|the|your)\s", sentence.lower(), maxsplit=1)[0]
    return set(frame.replace(",", " ").split()) & _FRAME_WORDS


def points_paragraphs(fragments: Sequence[str], voice: int, person_name: str = "",
                      shared: bool = False, company: str = "",
                      keys: Collection[str] = ()) -> str:
    sentences: list[str] = []
    for i, fragment in enumerate(fragments):
        # Two points never open alike ("It was fascinating to hear that ... It was fascinating
        # to hear more about ..."): the next frame is taken instead.
        # after a prompt the next point is the first said, so it says no "also" (readers:
        # "'also' follows a gap")
        after_gap = bool(sentences) and all(s.startswith("[") for s in sentences)
        for step in range(0, 12, 2):
            sentence = point_sentence(fragment, i + step + (i % 2 if after_gap else 0), voice,
                                      person_name, shared, company, key=fragment in keys)
            if _opening(sentence) not in {_opening(s) for s in sentences} and not any(
                    _frame_words(sentence) & _frame_words(s) for s in sentences):
                break
        if sentence and not (sentences and _said_already(sentence, " ".join(sentences))):
            sentences.append(sentence)  # (the same fact twice was repetition to readers)
    if sum(len(s.split()) for s in sentences) <= 70:
        return " ".join(sentences)
    return "\n\n".join(sentences)


# "suggested i talk to deepa at the workforce team", "offered to intro me to their CFO": a
# referral, which a follow-up thanks the person for (a coach's first note on a coffee chat)
_SUGGESTED_RE = re.compile(
    r"^\s*(?:(?:he|she|they)\s+)?(?:suggested|recommended|said|told\s+me)\s+(?:that\s+)?"
    r"(?:I\s+|i\s+|me\s+)?(?:to\s+|should\s+)?(?P<verb>talk|speak|reach\s+out|connect|email"
    r"|contact|call|meet)\s+(?P<who>(?:to|with)\s+\S.*)$", re.IGNORECASE)
_INTRO_RE = re.compile(
    r"^\s*(?:(?:he|she|they)(?:'ll|'d)\s+|(?:(?:he|she|they)\s+)?(?:offered\s+to|will|would|can"
    r"|could|said\s+(?:she|he|they)(?:'d|'ll|\s+would|\s+will|\s+can|\s+could))\s+)"
    r"(?:intro|introduce)\s+me\s+to\s+(?P<who>\S.*)$",
    re.IGNORECASE)


def referral_sentence(line: str) -> str:
    """The thanks for a referral the notes record ("Thank you for suggesting I talk to Deepa
    at the workforce team."), or "" for any other line."""
    text = clean(line)
    suggested, intro = _SUGGESTED_RE.match(text), _INTRO_RE.match(text)
    if suggested and len(suggested["who"].split()) <= 10:
        return f"Thank you for suggesting I {suggested['verb'].lower()} " \
               f"{to_you(suggested['who'])}."
    if intro and len(intro["who"].split()) <= 10:
        return f"Thank you for offering to introduce me to {to_you(intro['who'])}."
    return ""


def point_gap(person_name: str) -> str:
    """The visible gap for a person with no usable notes at all; the checklist flags it."""
    name = first_name(person_name)
    return f"[a specific point from your conversation with {name}]" if name \
        else templates.gap("points")


def points_value(request: DraftRequest, voice: int, max_points: int = MAX_POINTS) -> str:
    """The person's own points; without any, those of the meeting's general notes (`!` lines
    first), which were true for everyone met; without those either, a gap to fill."""
    # A coordinator's unmarked lines are the day's arrangements and asides ("said siddharth is
    # always late lol", "need to ask about my back"): only a line the user marked `!` is a point
    notes = request.notes if request.capacity != "coordinator" else _marked_only(request.notes)
    points = [p for p in pick_points(notes, max_points, request.person_title,
                                     request.person_name) if not referral_sentence(p)]
    referral = next(filter(None, (_trace(referral_sentence(ln.text), ln.text)
                                  for ln in parse_notes(request.notes))), "")
    if points:
        keys = [p for p in points if any(p in ln.text for ln in parse_notes(request.notes)
                                         if ln.marker is Marker.KEY)]
        return " ".join(filter(None, (points_paragraphs(
            points, voice, request.person_name, company=request.company, keys=keys), referral)))
    if referral:
        return referral
    if request.capacity == "coordinator":
        return ""  # thanked for organising and told whom the user met: that is their point
    # The meeting's general notes are not this person's words: a meetup's talks, an office's
    # address or another speaker's topic credited to them is a misread. Only a `!` line the
    # user marked there, at an interview, is said as learned during the visit.
    if request.kind not in ("meetup", "networking_coffee"):
        general = meeting_notes(request.general_notes)  # an imported invite's text is no note
        shared = [ln.text for ln in parse_notes(general) if ln.marker is Marker.KEY
                  and _key_candidate(ln.text)
                  and _phrased(ln.text, request.person_name, request.company, False)][:1]
        if shared:
            return points_paragraphs(shared, voice, request.person_name, True, request.company)
    return point_gap(request.person_name)


def personal_value(request: DraftRequest, voice: int, points: str = "") -> str:
    """The rapport sentence, or "" when the notes hold no line that reads well for it or its
    only lines say again what the `points` already said ("you speak Mandarin with families"
    twice was repetition to a reader)."""
    for line in personal_lines(request.notes):
        sentence = _personal_sentence(request, line, voice)
        if sentence and not _said_already(sentence, points):
            return sentence
    return ""


def _said_already(sentence: str, text: str) -> bool:
    """Whether the words of `sentence` after its frame ("I smiled when I heard that ...") are,
    nearly all, words `text` already holds."""
    said = sentence.split(" that ", 1)[-1]
    words = {plain_word(w) for w in said.split() if len(plain_word(w)) > 3}
    held = {plain_word(w) for w in text.split()}
    return bool(words) and len(words - held) <= len(words) // 4


def _personal_sentence(request: DraftRequest, line: str, voice: int) -> str:
    """The rapport sentence from one line, or "" when it does not read well."""
    if line and is_shared(line):
        text = _shared_text(line)
        options = frames.MOMENT if is_moment(line) else frames.SHARED
        return _trace(frames.pick(options, voice).format(text), line) if text else ""
    if not line:
        return ""
    kept = [p for _s, p in split_parts(clean(line)) if not is_mechanics(p)
            and not is_logistics(p) and not is_self_assessment(p)]
    # "he's a chess guy, plays on lichess every night": a piece of a personal line is
    # personal too, though it would not say so alone; the ones that say so are tried first
    pieces = [p for p in kept if is_personal(p) or is_shared(p)] or [line]
    pieces += [p for p in kept if p not in pieces]
    # something shared first ("we both love the Fringe"), then a clause ("plays upright bass in
    # a trio"), which reads better than a label ("big jazz guy")
    pieces.sort(key=lambda p: (not is_shared(p), _shape_of(p, request) is not Shape.CLAUSE))
    for piece in pieces:
        if is_shared(piece):  # "she's from Pune, we both love the Fringe"
            text = _shared_text(piece)
            if text:
                options = frames.MOMENT if is_moment(piece) else frames.SHARED
                return _trace(frames.pick(options, voice).format(text), line)
            continue
        phrase = rephrase_fragment(piece, request.person_name, request.company)
        if phrase is not None and phrase.shape is Shape.IN_MEETING and phrase.gerund \
                and reads_well(Phrase(Shape.CLAUSE, phrase.text)):
            # "recommended the ramen place on Whitecross St": thanked for, warmly
            return _trace(frames.pick(frames.PERSONAL_THANKS, voice).format(phrase.gerund), line)
        if phrase is not None and phrase.shape not in (Shape.MINE, Shape.IN_MEETING) \
                and reads_well(phrase):
            return _trace(frames.personal_sentence(phrase, voice), line)
    return ""


# ---- contribution ---------------------------------------------------------------------------

def _mentions(text: str, phrase: str) -> bool:
    stem = phrase.strip().lower()
    if not stem:
        return False
    stem = stem[:-1] if stem.endswith("s") and len(stem) > 3 else stem
    return re.search(rf"(?<!\w){re.escape(stem)}(?:s|es)?(?!\w)", text, re.IGNORECASE) is not None


def touched_skills(profile: Profile, notes: str) -> list[str]:
    """The profile's skills that this person's own notes mention, in the profile's order; not
    a tool the person wants to leave ("laytime calcs are done in excel by 2 ppl", "the rota
    lives in a spreadsheet"): offering more of it misreads them."""
    lines = _their_lines(notes)
    # a skill typed in lower case in the profile ("python") is spelled as its maker does
    return [spell_names(s.strip(), {}) for s in profile.skills if s.strip() and any(
        _mentions(line, s) and not _LEAVING_RE.search(line) for line in lines)]


# A tool named in a complaint: done by hand in it, a mess, to be replaced.
_LEAVING_RE = re.compile(r"\b(?:by\s+hand|manual(?:ly)?|mess|messy|replace|get\s+rid|move\s+off"
                         r"|moving\s+off|migrat\w+\s+(?:off|from)|legacy|paper|scanned|hates?"
                         r"|pain|nobody|no\s+one|never\s+match|done\s+in)\b", re.I)


def _join_names(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_OFFER_RE = re.compile(r"^I(?:'d be| could| can| would| will|'d"
                       r"| think my\b.*\b(?:could|can|would|might|will)\b)")


def _contribution_reads_well(own: tuple[str, str, str]) -> bool:
    kind, text, _more = own
    # "the circulation dashboard I built for the co-op": the user's own clause inside a noun
    shape = Shape.TOPIC if kind == "noun" and not re.search(r"\bI\s", text) else Shape.MINE
    return reads_well(Phrase(shape, text)) and not re.search(r"\bmy\s+(?:experience|work)\s+"
                                                               r"(?:with|on)\s+my\b", text)


def _contribution_prompt(line: str) -> str:
    return f"[say what you can bring, from your note: {clean(line)}]"


def _contribution_frames(kind: str, shape: str) -> Sequence[str]:
    """At a meetup the "company" is the event, so nothing is brought "to PyData Edinburgh"."""
    if kind == "meetup":
        return {"noun": frames.MEETUP_NOUN, "prompt": frames.MEETUP_PROMPT,
                "offer": frames.MEETUP_OFFER, "state": frames.MEETUP_STATE,
                }.get(shape, frames.MEETUP_CLAUSE)
    return {"noun": frames.CONTRIBUTION_NOUN, "offer": frames.CONTRIBUTION_OFFER,
            "prompt": frames.CONTRIBUTION_PROMPT, "state": frames.CONTRIBUTION_STATE,
            }.get(shape, frames.CONTRIBUTION_CLAUSE)


# "I speak Spanish", "I know Veeva CRM", "I hold a CDL": a state, which "do the same" or "the
# same care" does not follow (readers stumbled on "I know Pytest, and I'd be glad to do the same")
_STATE_RE = re.compile(r"I\s+(?:know|speak|have|hold|am|understand|can)\b|I'm\b|I've\s+got\b")


def _first_contribution(kind: str, text: str, more: str, voice: int, company: str,
                        meeting_kind: str = "") -> str:
    if kind == "noun":
        sentence = frames.pick(_contribution_frames(meeting_kind, "noun"), voice).format(
            text, company)
        return f"{sentence} {more}" if more else sentence
    shape = "offer" if _OFFER_RE.match(text) else "state" if _STATE_RE.match(text) else "clause"
    return frames.pick(_contribution_frames(meeting_kind, shape), voice).format(text, company)


def contribution_paragraph(request: DraftRequest, voice: int, company: str) -> str:
    """What the user can bring: the `+` lines, then the skills this person's notes touched."""
    # ("+ grade 1 exam booked jan 14": a date of the user's, logistics, is nothing to bring)
    plus = [t for t in _marked(request.notes, Marker.CONTRIBUTE) if not is_logistics(t)
            and not _NOTHING_RE.fullmatch(t.strip())][:2]  # ("+ nothing yet": no offer)
    own = [contribution_phrase(t) for t in plus]
    readable = [o for o in own if _contribution_reads_well(o)]
    if plus and not readable:
        return frames.pick(_contribution_frames(request.kind, "prompt"), voice).format(
            _contribution_prompt(plus[0]), company)
    own = readable
    skills = [s for s in touched_skills(request.profile, request.notes)
              if not any(_mentions(t, s) for t in plus)][:3]
    if not own and request.capacity == "coordinator":
        return ""  # who organised the day is thanked for it, not pitched to (readers)
    if not own and not skills:
        # Nothing of theirs to tie it to: a vague "I could contribute to projects like these"
        # is what the guides' bad examples do, so the user is asked instead. At a meetup the
        # person works somewhere else than the event: nothing is brought "to the meetup".
        gaps = frames.MEETUP_GAPS if request.kind == "meetup" else frames.CONTRIBUTION_GAPS
        return frames.pick(gaps, voice).format(company)
    if not own and request.kind == "meetup":
        return frames.pick(frames.MEETUP_NOUN, voice).format(
            f"my experience with {_join_names(skills)}")
    if not own:
        return frames.pick(frames.SKILLS_ONLY, voice).format(_join_names(skills), company)
    sentences = [_trace(_first_contribution(*own[0], voice, company, request.kind), plus[0])]
    for kind, text, more in own[1:]:
        sentences.append(_trace(f"I'd also bring {text}." if kind == "noun" else f"{text}.",
                                plus[len(sentences)] if len(sentences) < len(plus) else plus[-1]))
        sentences += [more] if more else []
    # A `+` line says it; a list of skills tacked on ("I can contribute my work with SQL as
    # well") reads as padding, so skills stand only where there is no `+` line.
    return " ".join(sentences)


def _marked(notes: str, marker: Marker) -> list[str]:
    return [line.text for line in parse_notes(notes) if line.marker is marker and line.text]


# ---- questions to answer better -------------------------------------------------------------


def question_paragraphs(notes: str, voice: int, limit: int | None = None,
                        company: str = "") -> str:
    """The paragraph revisiting the `?` line to redeem (`own_lines.question_to_revisit`): the
    question's topic, then the gap for the better answer; "" when no question needs one."""
    asked = asked_lines((ln.marker, ln.text) for ln in parse_notes(notes))
    line = question_to_revisit(asked)
    if not line:
        return _answered_question(asked, voice, company)
    said = question_topic(line)
    topic = company_spelling(said, company) if said else QUESTION_GAP
    revisited = [(line, topic)][:limit]
    return "\n\n".join(_trace(frames.pick(frames.QUESTION, voice, i).format(topic, ANSWER_GAP),
                              line) for i, (line, topic) in enumerate(revisited))


# A question the user answered well, as a reader would name it back: "why middle school",
# "how I would reach parents who don't come to school", "what metric I would pick for X"; not
# one about leaving a job, pay, hours or the user's own record, which no thank-you revisits.
_NAMED_QUESTION_RE = re.compile(r"(?:why|how I would|how I|what I would|what|whether I)\s+\S+")
_UNSAID_QUESTION_RE = re.compile(
    r"\b(?:leav\w*|left|quit|fired|laid|gap|weakness\w*|salary|pay|paid|notice|visa|sponsor\w*"
    r"|relocat\w*|ok|okay|fine|shifts?|nights?|weekends?|travel|hours|start\s+date|5\s+years"
    r"|mistake|wrong|fail\w*|conflict|health|sick|family|kids?|baby|pregnan\w*"
    # ("I liked your question about how I handle euthanasia with a sobbing owner": readers)
    r"|euthan\w*|death|dying|died|grie\w*|sobbing|crying|abuse\w*|suicid\w*|self-harm|overdose"
    r"|violen\w*|assault\w*|restrain\w*|code\s+blue|no-shows?|\d{1,2}\s*(?:am|pm))\b",
    re.IGNORECASE)


def _reads_as_a_question(topic: str) -> bool:
    """Whether a question's topic reads well after "your question about": a noun phrase ("the
    audit finding"), or a wh-word and a clean clause ("why I chose dispatch and not driving",
    "how I handled the audit finding")."""
    wh = re.match(r"(?:why|how|what|whether)\s+(?=I\b)", topic)
    if wh:
        return reads_well(Phrase(Shape.CLAUSE, topic[wh.end():]))
    return reads_well(Phrase(Shape.TOPIC, topic))


def _answered_question(asked: Sequence[str], voice: int, company: str) -> str:
    """A sentence naming the first question the user answered well ("I enjoyed your question
    about why middle school."), or "" when none can be named cleanly. Readers missed the
    question a panel member asked, once nothing needed a better answer."""
    for line in asked:
        topic = question_topic(line)
        if topic and _NAMED_QUESTION_RE.match(topic) and not _UNSAID_QUESTION_RE.search(topic) \
                and not never_a_point(line) and not is_private_life(line) \
                and len(topic.split()) <= 12 and _reads_as_a_question(topic):
            topic = company_spelling(topic, company)
            return _trace(frames.pick(frames.QUESTION_ANSWERED, voice).format(topic), line)
    return ""


# ---- link and closing -----------------------------------------------------------------------

def matching_link(profile: Profile, notes: str) -> Link | None:
    """The profile link that this person's conversation ties to most, or None.

    Only what the person said counts: their `!`, `?` and unmarked lines, not the user's own
    `+` lines or lines about the user ("asked why mining after 6 yrs at a port terminal"), and
    not the meeting's general notes. One common word in common ("port", "schedule") is no tie
    (a post on vessel schedules is not for a film post supervisor): a link needs two of its
    tags, or one that is a phrase or a term of the trade ("control charts", "SPC"). Ties go to
    the first link."""
    offered = _offered_link(profile, notes)
    if offered is not None:
        return offered
    lines = _their_lines(notes)
    scored = []
    for i, link in enumerate(profile.links):
        if _profile_page(link):
            continue  # "GitHub", "Portfolio": where the user is, not a post on the topic
        matched = [t for t in link.tags if any(_mentions(line, t) for line in lines)]
        strong = len(matched) >= 2 or any(_strong_tag(t) for t in matched)
        if link.url.strip() and strong:
            scored.append((len(matched), -i, link))
    return max(scored, key=lambda s: s[:2])[2] if scored else None


# Words of a link's title that say what kind of page it is, not what it is about.
_PAGE_WORDS = frozenset("github gitlab bitbucket portfolio blog post write writeup write-up case "
                        "study site page repo project notes talk slides demo resume link video "
                        "the and for with from my".split())


# A `+` line that says there is nothing to offer yet: "nothing specific yet", "none", "tbd"
_NOTHING_RE = re.compile(r"(?:nothing|none|n/?a|tbd|not\s+sure|no\s+idea|nada|\?+|-+)"
                         r"(?:\s+(?:really|specific|concrete|obvious|yet|for\s+now|so\s+far|"
                         r"that\s+i\s+can\s+think\s+of|lol))*\W*", re.IGNORECASE)


def _profile_page(link: Link) -> bool:
    """A link to where the user is rather than to a piece of work: titled only by the site
    ("GitHub", "Portfolio", "LinkedIn", "Website"). Readers took "a post I wrote, 'GitHub'"
    for a misreading."""
    words = re.findall(r"[A-Za-z]+", link.title.lower())
    return not words or all(w in _PAGE_WORDS or w in ("linkedin", "website", "homepage", "home",
                                                      "twitter", "mastodon", "cv", "personal",
                                                      "site", "profile", "about", "me")
                            for w in words)


def _offered_link(profile: Profile, notes: str) -> Link | None:
    """The link to the very thing a `+` line offers ("share my python script that parses ili
    pipe tallies" -> "ILI tally parser (GitHub)"; "could bring the changeover matrix i built"
    -> "Changeover matrix write-up"): a line that offers (share, send, bring, show, walk
    through) and holds most words of the title, as their beginnings. None when no `+` line
    offers a link's thing ("+ I built a route planner" offers no post on bus routes)."""
    def keys(text: str) -> set[str]:
        return {w[:4].lower() for w in re.findall(r"[A-Za-z][A-Za-z/-]{2,}", text)
                if w.lower() not in _PAGE_WORDS}  # ("dQ/dV" is one word)

    offers = [keys(line.text) for line in parse_notes(notes) if line.marker is Marker.CONTRIBUTE
              and re.search(r"\b(?:share|send|bring|show|walk|pass\s+along|forward|a\s+copy)\b"
                            r"|^\s*my\b.*\b(?:could|can|would)\b", line.text, re.IGNORECASE)]
    for link in profile.links:
        title = keys(link.title)
        need = len(title) if len(title) <= 2 else (len(title) + 1) // 2
        if link.url.strip() and title and any(len(title & o) >= need for o in offers):
            return link
    return None


def _their_lines(notes: str) -> list[str]:
    """What the person said or asked: a `?` line's question without the user's answer; no
    `+` line and no line about the user."""
    lines = []
    for line in parse_notes(notes):
        if line.marker is Marker.QUESTION:
            lines.append(question_topic(line.text) or "")
        elif line.marker is not Marker.CONTRIBUTE and not _about_the_user(line.text):
            lines.append(line.text)
    return lines


def _about_the_user(line: str) -> bool:
    """`asked why mining after 6 yrs at a port terminal`, `i mentioned my thesis`: the user's
    own story, not something the person said."""
    return re.match(r"\s*(?:i|i'm|i've|i'd|my|me)\b|\s*(?:(?:he|she|they)\s+)?asked\s+(?:me\s+)?"
                    r"(?:why|about\s+my|what\s+i|how\s+i)\b", line, re.I) is not None


def _strong_tag(tag: str) -> bool:
    """A tag that alone shows a shared topic: a phrase, or a word no dictionary lists in lower
    case (an acronym, a product)."""
    tag = tag.strip()
    return " " in tag or not is_english_word(tag.lower())


def _spoken_tag(link: Link, text: str) -> str:
    """The tag the conversation used, spelled as in the notes when they capitalise it (Kafka);
    "" when it would not read as a topic on its own (a bare common noun: "forecast")."""
    lines = "\n".join(_their_lines(text))
    for tag in sorted(link.tags, key=lambda t: (not _strong_tag(t), -len(t))):
        stem = tag.strip().lower()
        match = re.search(rf"(?<!\w){re.escape(stem)}(?!\w)", lines, re.IGNORECASE)
        if match and _strong_tag(tag):
            return match.group() if match.group() != match.group().lower() else tag.strip()
    return ""


def link_sentence(link: Link | None, text: str, voice: int, offered: bool = False) -> str:
    """One sentence offering the link, naming the topic of the conversation it ties to, or,
    when the link is to the thing a `+` line offers (`offered`), pointing to it by its title.

    `<https://...>` is a Markdown autolink that the HTML part renders as a link, and it is how
    plain-text mail has long set a URL apart, so the sentence reads well in both parts."""
    if link is None:
        return ""
    title, url, topic = " ".join(link.title.split()), link.url.strip(), _spoken_tag(link, text)
    if offered and title and title != url:  # "ILI tally parser (GitHub)": the thing, not where
        return frames.pick(frames.LINK_OFFERED, voice).format(
            re.sub(r"\s*\([^)]*\)", "", title).strip() or title, url)
    last = topic.split()[-1] if topic else ""
    if last.islower() and not last.endswith(("s", "ing")) and is_noun(last) \
            and not verb_form(last):
        topic = ""  # "I wrote about credit union": a thing counted needs an article, not a frame
    if not topic:  # no topic to name: the post's own title says what it is about
        if not title or title == url:
            return frames.pick(frames.LINK_NO_TOPIC_UNTITLED, voice).format(url)
        return frames.pick(frames.LINK_NO_TOPIC, voice).format(title, url)
    if not title or title == url:
        return frames.pick(frames.LINK_UNTITLED, voice).format(topic, url)
    return frames.pick(frames.LINK, voice).format(topic, title, url)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _has_phone(signature: str, phone: str) -> bool:
    if phone.strip():
        return _digits(phone) != "" and _digits(phone) in _digits(signature)
    from followup.core.phones import find_phone_numbers  # phonenumbers loads only when needed

    return bool(find_phone_numbers(signature))


def signature_block(profile: Profile) -> str:
    """The closing: the signature (plus the phone when it lacks one), or name and phone."""
    phone = profile.phone.strip() or templates.gap("my_phone")
    signature = "\n".join(line.rstrip() for line in profile.signature.strip().splitlines())
    if not signature:
        return f"{profile.name.strip() or templates.gap('my_name')}\n{phone}"
    if _has_phone(signature, profile.phone):
        return signature
    return f"{signature}\n{phone}"


# ---- the draft ------------------------------------------------------------------------------

def _value(text: str) -> str | None:
    return text.strip() or None


def draft_values(request: DraftRequest, voice: int, max_points: int = MAX_POINTS,
                 with_link: bool = True, max_questions: int | None = None,
                 ) -> dict[str, str | None]:
    """Every template variable for one person."""
    company = in_prose(request.company.strip()) or templates.gap("company")
    others = [first_name(n) for n in request.others_met if first_name(n)]
    link = matching_link(request.profile, request.notes) if with_link else None
    names = _proper_names(request)
    return {
        "first_name": _value(first_name(request.person_name)),
        "person_name": _value(request.person_name),
        "person_title": _value(request.person_title),
        "company": _value(in_prose(request.company.strip())),
        "meetup": _value(meetup_place(request.company, request.elsewhere)),
        "interest_at": meetup_interest(request, voice),
        "role": _value(spoken_role(request.role)),
        "a_role": _value(with_indefinite(spoken_role(request.role))),
        "others_met": _value(_join_names(others)),
        # a coordinator of a one-to-one interview hears whom the user met, as a panel's does
        "met": f"It was great to meet {_join_names(others)}, and if you have the chance, I'd "
               "appreciate it if you could pass along my thanks." if others else "",
        "points": (points := proper_spelling(points_value(request, voice, max_points), names)),
        "contribution": proper_spelling(contribution_paragraph(request, voice, company), names),
        "questions": proper_spelling(
            question_paragraphs(request.notes, voice, max_questions, request.company), names),
        "link": link_sentence(link, request.notes, voice, offered=link is not None
                              and link is _offered_link(request.profile, request.notes)),
        "personal": proper_spelling(personal_value(request, voice, points), names),
        "my_name": _value(request.profile.name),
        "my_phone": _value(request.profile.phone),
        "my_email": _value(request.profile.email),
        "signature": signature_block(request.profile),
    }


# "City of Port Calder", "University of Otago": an institution named for a place takes "the"
# in a sentence ("the team at the City of Port Calder").
_INSTITUTION_RE = re.compile(
    r"^(?:City|Town|County|Village|Municipality|District|Region|Province|State|Borough"
    r"|University|College|Department|Ministry|Office|Bank|Port|Museum|Council|Institute"
    r"|Government|Library|Society|Commonwealth|Republic|Royal\s+\w+|Metropolitan\s+\w+)"
    r"\s+(?:of|for)\s")


_EVENT_RE = re.compile(r"\b(?:meetup|meet-up|conference|conf|summit|expo|fair|festival|forum"
                       r"|night|week|camp|hackathon|guild|association|society|club|networking"
                       r"|mixer|happy\s+hour|symposium|workshop|talks?|day|breakfast|\d{4}"
                       r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days|nights|lunch|social)\b",
                       re.IGNORECASE)


def meetup_place(company: str, elsewhere: bool = False) -> str:
    """Where a meetup happened, as a sentence says it: the meeting's name when it names an
    event ("PyData Edinburgh", "Roasters Guild Night"); "the Maptime Oakland meetup" when the
    person works elsewhere (the name is then the group or host of the meetup, not a place:
    readers took "at Prairie Retrofit Co-Op" to an installer met in a community hall as the
    wrong venue); else "the meetup". A company's name there ("Lumen & Lark Events") is the one
    the user is drawn to, not where they met: readers stumbled on "Thanks for the conversation
    at Willamette Ridge Community College" for a meetup held elsewhere."""
    company = company.strip()
    if not company or _EVENT_RE.search(company):
        return company
    return f"the {company} meetup" if elsewhere else "the meetup"


def works_elsewhere(email: str, company_domain: str) -> bool:
    """Whether a person's own address (`email`, not a guessed one) is at another domain than
    the meeting's company: "priya@ebmud.com" at "maptimeoakland.org" -> True. False when
    either is unknown."""
    domain = email.rpartition("@")[2].lower().strip()
    company_domain = company_domain.lower().strip().removeprefix("www.")
    if not domain or not company_domain or "@" not in email:
        return False
    return domain != company_domain and not domain.endswith("." + company_domain)


def meetup_interest(request: DraftRequest, voice: int) -> str:
    """At a meetup whose name is not an event's, one sentence that names it ("I'm keen to learn
    more about Lumen & Lark Events."), true whether it is a company or a group; "" otherwise
    (the section is left out), and "" for a person who works elsewhere: readers took "I'm
    eager to learn more about Maptime Oakland" to someone from a water utility as a misreading
    of where she works."""
    company = in_prose(request.company.strip())
    if request.kind != "meetup" or not company or meetup_place(company) == company \
            or request.elsewhere:
        return ""
    return frames.pick(frames.MEETUP_INTEREST, voice).format(company)


def spoken_role(role: str) -> str:
    """The role as a sentence says it: "Production Supervisor, 2nd Shift" -> "Production
    Supervisor"; "Translation Project Manager (exploring)" -> "Translation Project Manager".
    The qualifier after a comma or in parentheses reads as pasted from a posting."""
    short = re.split(r",|\s[-\u2013\u2014]\s", re.sub(r"\s*\([^)]*\)", "", role))[0].strip() \
        or role.strip()
    words = short.split()
    # "senior frontend eng", "ops mgr": a role's shorthand written out, the last word as the
    # person ("engineer"), one before it as the field ("engineering manager")
    words = [_ROLE_WORDS[word][i + 1 < len(words)] if word in _ROLE_WORDS else word
             for i, word in enumerate(words)]
    # "icu registered nurse", "clinical research coordinator ii": acronyms and grades in
    # capitals, the rest as typed
    return re.sub(r"[A-Za-z]+", lambda m: _acronym(m[0]) or dictionary_capital(m[0]) or m[0],
                  " ".join(words))  # ("spanish court interpreter": Spanish)


# Shorthand in a role typed in lower case: (as its last word, before another word).
_ROLE_WORDS = {
    "eng": ("engineer", "engineering"), "engr": ("engineer", "engineering"),
    "mgr": ("manager", "manager"), "dir": ("director", "director"),
    "coord": ("coordinator", "coordinator"), "spec": ("specialist", "specialist"),
    "assoc": ("associate", "associate"), "asst": ("assistant", "assistant"),
    "admin": ("administrator", "administrative"), "rep": ("representative", "representative"),
    "dev": ("developer", "developer"), "devs": ("developers", "developer"),
    "sr": ("senior", "senior"), "jr": ("junior", "junior"), "tech": ("technician", "tech"),
    "ops": ("operations", "operations"), "mktg": ("marketing", "marketing"),
    "acct": ("accountant", "account"), "supv": ("supervisor", "supervisor"),
    "sup": ("supervisor", "supervisor"), "exec": ("executive", "executive"),
}


def _acronym(word: str) -> str | None:
    """"ICU", "LLP", "CPAs", "II" for a word typed in lower case that is one, else None."""
    if not word.islower():
        return None
    if re.fullmatch(r"i{1,3}|iv|vi{0,3}|ix", word) and word != "vi" or word in _FIRM_FORMS:
        return _FIRM_FORMS.get(word, word.upper())
    if 2 <= len(word) <= 4 and not set(word) & set("aeiouy") \
            and word not in ("st", "mt", "ft", "dr", "jr", "sr", "hwy", "blvd"):
        return word.upper()  # "pdx", "nw": letters, not a word (but "St. Brigid's")
    table = shorthand_table()
    for stem, tail in ((word, ""), (word[:-1], "s") if word.endswith("s") else ("", "")):
        long = table.get(stem, "")
        if stem and long.isupper() and " " not in long:
            return long + tail
    return None


# Forms of a firm's name that are spelled in capitals or their own way.
_FIRM_FORMS = {"llp": "LLP", "llc": "LLC", "plc": "PLC", "lp": "LP", "pllc": "PLLC",
               "gmbh": "GmbH", "ag": "AG", "bv": "BV", "nv": "NV", "pc": "PC", "pty": "Pty",
               "ltd": "Ltd", "inc": "Inc", "co": "Co", "pa": "PA"}


def in_prose(company: str) -> str:
    """The company's name as a sentence says it: "the City of Port Calder", "the Bay Area
    Archivists Network"."""
    return "the " + company if _INSTITUTION_RE.match(company) \
        or _BODY_RE.search(company) and not company.lower().startswith("the ") else company


# "Bay Area Archivists Network", "Metro Transit Authority": a body named for what it is
_BODY_RE = re.compile(r"\s(?:Network|Association|Society|Alliance|Coalition|Council|Foundation"
                      r"|Institute|Consortium|Federation|League|Commission|Authority"
                      r"|Agency|Trust|Museum|Library|Archive|Archives)$")


def spoken_name(name: str) -> str:
    """A name typed all in lower case, capitalised word by word ("nordlicht logistics" ->
    "Nordlicht Logistics", "ana-lucía" -> "Ana-Lucía"); any other spelling is the user's and
    stays as typed ("dbt Labs", "eBay")."""
    if name != name.lower():
        return name
    capitals = re.sub(r"(?<![\w'])(\w)", lambda m: m.group().upper(), name)
    capitals = re.sub(r"(?<=\s)(Of|The|And|For|De|Du|La|Le|Van|Von|Der|Den)(?=\s)",
                      lambda m: m[1].lower(), capitals)  # "City of Maplewood"
    capitals = re.sub(r"(?<![\w'])[A-Za-z]+", lambda m: _acronym(m[0].lower()) or m[0], capitals)
    # "state dot district 4": a state's department of transportation, whatever "dot" means alone
    return re.sub(r"\b(State|County|City|US)\s+Dot\b", r"\1 DOT", capitals)


@lru_cache(maxsize=256)  # a request is read once per length tried and per check
def normalised(request: DraftRequest) -> DraftRequest:
    """The request as drafting reads it: kind and capacity known, names spelled, the notes with
    shorthand written out, names capitalised and sure typos mended (`lexicon`)."""
    kind = request.kind if request.kind in KINDS else "other"
    capacity = request.capacity if request.capacity in CAPACITIES else "other"
    request = replace(request, kind=kind, capacity=capacity,
                      company=spoken_name(request.company),
                      person_name=spoken_name(request.person_name),
                      others_met=tuple(spoken_name(n) for n in request.others_met))
    names = _known_spellings(request)
    protected = [*request.person_name.split(), *request.company.split(),
                 *(w for n in request.others_met for w in n.split())]

    def read(text: str) -> str:
        return "\n".join(normalise_line(line, names, protected) for line in text.splitlines())

    return replace(request, notes=read(request.notes), general_notes=read(request.general_notes))


def _known_spellings(request: DraftRequest) -> dict[str, str]:
    """Lower case -> spelling of the words whose spelling is known: what the notes capitalise,
    the people met, the company, the profile's skills, link titles and link tags."""
    names = notes_capitals([request.notes, request.general_notes])
    words = [*request.person_name.split(), *request.company.split(),
             *(w for n in request.others_met for w in n.split()),
             *(w for link in request.profile.links for w in link.title.split())]
    for word in words:  # "Kiln", "Priya", "ILI" of a link's title; not "Middle" or "School"
        bare = word.strip(",.()")
        if len(bare) >= 2 and not bare.islower() and not is_english_word(bare.lower()):
            names[bare.lower()] = bare
    # Whole names with capitals: the company, and the organisation in a title ("Platform
    # Engineer, Corrie Labs"), which the notes may type in lower case ("at corrie labs").
    for whole in (request.company, *re.split(r",|\bat\b|@", request.person_title)[1:]):
        whole = " ".join(whole.split())
        if whole and (" " in whole or not is_english_word(whole.lower())) and not whole.islower():
            names[whole.lower()] = whole  # "Corrie Labs", "Pellucid"
    # "+ at keystone facilities i set up ...": where the user worked, a name wherever the
    # notes type it ("my work-order template from keystone facilities")
    for line in request.notes.splitlines():
        worked = _WORKED_AT_RE.match(line) or _WORKED_AT_END_RE.search(line)
        if worked and worked[1].islower() and worked[1].split()[0] not in _NOT_A_WORKPLACE:
            name = " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:]
                            for w in worked[1].split())  # "Parcelpoint Depot in Wakefield"
            names.setdefault(worked[1], name)
    for term in (*request.profile.skills, *(t for link in request.profile.links
                                            for t in link.tags)):
        term = term.strip()
        if len(term) >= 2 and not term.islower():
            names[term.lower()] = term
    return names


_SMALL_WORDS = frozenset("of the and & in at on near by for".split())
_WORKED_AT_RE = re.compile(r"^\s*\+\s*(?:at|@)\s+([a-z][\w&'-]*(?:\s+[a-z&][\w&'-]*){0,3}?),?\s+"
                           r"(?:i|we)\s+\w+")


# "+ i did billing for 280 families at summit climbing": where the user worked, at the end of
# a `+` line; not "at the shipyard", "at my last job", "at scale", "at night"
_WORKED_AT_END_RE = re.compile(r"^\s*\+.*\b(?:at|@)\s+([a-z][\w&'-]*(?:\s+[a-z&][\w&'-]*){0,2})"
                               r"\s*(?:[,.;]|$)")
_NOT_A_WORKPLACE = frozenset("""
    the a an my our their his her your this that last previous old current first scale night
    home work least once length large all times best most school uni university college
""".split())


def _proper_names(request: DraftRequest) -> tuple[str, ...]:
    """The company and the words of the names of the people met that are not English words
    ("Priya", not "Will" or "Rose"), as the notes should spell them."""
    words = [w.strip(",.") for n in (request.person_name, *request.others_met) for w in n.split()]
    names = [w for w in words if len(w) >= 3 and not word_classes(w.lower())]
    company = request.company.strip()
    first = company.split()[:1]
    # "Orbit" of Orbit Labs is the company's short name; "The" of The Northern Ledger is not
    first = [w for w in first if len(w) >= 3 and w.lower() not in ("the", "and", "for", "our")]
    return tuple(dict.fromkeys([company, *first, *names] if company else names))


_PERSONAL_VARIABLE_RE = re.compile(r"\$(?:personal\b|\{personal\})")


def _fit_template(template: templates.TemplateText, values: dict) -> None:
    """A user's template written before `$personal` existed still gets the personal line,
    at the end of the points."""
    if values["personal"] and not _PERSONAL_VARIABLE_RE.search(template.body):
        values["points"] = f"{values['points']} {values['personal']}"


# A long draft loses its third point, then the link, then questions beyond the first two.
_SHORTER = ((MAX_POINTS, True, None), (2, True, None), (2, False, None), (2, False, 2),
            (1, False, 1))


def generate_draft(request: DraftRequest, template_dirs: Sequence[Path] = ()) -> Draft:
    """The follow-up draft for one person; `template_dirs` (user overrides) are searched first."""
    request = normalised(request)
    template = _over_a_meal(templates.load_template(request.kind, request.capacity,
                                                    template_dirs), request)
    voice = voice_of(request)
    for points, link, questions in _SHORTER:
        trace: list[tuple[str, str]] = []
        token = _TRACE.set(trace)
        try:
            values = draft_values(request, voice, points, link, questions)
        finally:
            _TRACE.reset(token)
        _fit_template(template, values)
        subject, body = templates.fill(template, values, voice)
        if len(_COUNTED_WORD_RE.findall(body)) <= MAX_WORDS:
            break
    if not subject:
        subject = templates.substitute("Thank you, $first_name: following up on $company", values)
    body = _AN_RE.sub(r"\1n \2", body)  # "as a Assistant Buyer": "as an Assistant Buyer"
    # "my $company interviews" with "the Lakeshore Cancer Institute": "my Lakeshore ..."
    subject, body = (re.sub(r"\b(my|your|our) the\b", r"\1", text) for text in (subject, body))
    # "at Saltmarsh Brewing Co.." : a name that ends in its own full stop ends the sentence
    subject, body = (_DOUBLE_STOP_RE.sub(r"\1", text) for text in (subject, body))
    return Draft(subject, body, _phrased_in(body, trace, _proper_names(request)))


_MEAL_RE = re.compile(r"\b(lunch|breakfast|brunch|dinner|drinks)\b", re.IGNORECASE)


def _over_a_meal(template: templates.TemplateText, request: DraftRequest
                 ) -> templates.TemplateText:
    """A networking coffee that was lunch ("lunch at the co-op cafe") is thanked for lunch:
    "Thank you for making time for lunch"; other templates are returned as they are."""
    meal = _MEAL_RE.search(f"{request.general_notes}\n{request.notes}")
    if request.kind != "networking_coffee" or not meal or re.search(
            r"\bcoffee\b", f"{request.general_notes}\n{request.notes}", re.IGNORECASE):
        return template
    word = meal[1].lower()
    return dataclasses.replace(template, subject=re.sub(r"\bcoffee\b", word, template.subject),
                               body=re.sub(r"\bcoffee\b", word, template.body))


_DOUBLE_STOP_RE = re.compile(r"(\b[A-Z][A-Za-z]{0,4}\.)\.(?=\s|$)")
# "a" before a capitalised word that starts with a vowel sound (a role filled into a template);
# U is left alone: "a University", "a Unit lead" but "an Urban planner"
_AN_RE = re.compile(r"\b([Aa]) ((?:[AEIO][a-z])[\w-]*)")


def _phrased_in(body: str, trace: list[tuple[str, str]],
                names: tuple[str, ...]) -> tuple[Phrased, ...]:
    """The traced sentences as they stand in the body (spelled as `draft_values` spells its
    paragraphs), in body order; a sentence left out by a shorter version is not there."""
    found = []
    for sentence, note in trace:
        sentence = proper_spelling(sentence, names)
        at = body.find(sentence)
        if at >= 0 and all(p.sentence != sentence for _a, p in found):
            found.append((at, Phrased(sentence, note)))
    return tuple(p for _a, p in sorted(found, key=lambda f: f[0]))


def missing_profile_fields(profile: Profile) -> list[str]:
    """The profile fields a draft needs and lacks, for the GUI to ask for."""
    return [name for name in ("name", "phone") if not getattr(profile, name).strip()]


def _marked_only(notes: str) -> str:
    """The `!` lines of a note, as lines of a note."""
    return "\n".join(f"! {ln.text}" for ln in parse_notes(notes) if ln.marker is Marker.KEY)


def notes_for_checking(notes: str, general_notes: str, capacity: str = "",
                       kind: str = "") -> str:
    """The notes a draft's specific points may come from, as `points_value` takes them: the
    person's own, then, for an interviewer at an interview, the `!` lines of the meeting's
    general notes (an imported invite's text left out). A coordinator's point is the people
    met, or a line the user marked `!` (their other lines are the day's arrangements and
    asides), and a meetup's or coffee's general notes are nobody's in particular. The checklist's
    `specifics` looks for a point of these."""
    if capacity == "coordinator":
        return _marked_only(notes)
    if kind in ("meetup", "networking_coffee"):
        return notes
    general = "\n".join(f"! {ln.text}" for ln in parse_notes(meeting_notes(general_notes))
                        if ln.marker is Marker.KEY)
    return "\n".join(part for part in (notes, general) if part.strip())


def notes_fingerprint(notes: str, general_notes: str) -> str:
    """A stable hash of the notes a draft was built from, to tell when the draft is out of date."""
    def norm(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()

    data = f"{norm(notes)}\x00{norm(general_notes)}".encode()
    return hashlib.sha256(data).hexdigest()[:16]
