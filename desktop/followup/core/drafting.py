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

import hashlib
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from followup.core import frames, templates
from followup.core.markers import Marker, parse_notes
from followup.core.names import greeting_name
from followup.core.note_kinds import is_personal, is_self_assessment, meeting_notes
from followup.core.own_lines import contribution_phrase, question_topic
from followup.core.phrasing import Phrase, Shape, company_spelling, proper_spelling, rephrase
from followup.core.word_forms import word_classes

KINDS = (
    "panel_interview", "one_on_one_interview", "phone_screen", "informational_interview",
    "networking_coffee", "meetup", "other",
)
CAPACITIES = ("interviewer", "coordinator", "other")
ANSWER_GAP = "[write your better answer here]"
CONTRIBUTION_GAP = frames.CONTRIBUTION_GAP
MAX_POINTS = 3
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


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str  # Markdown


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


def is_self_criticism(text: str) -> bool:
    """Whether a note line is the user's verdict on how they did ("I blanked", "vague")."""
    return is_self_assessment(text)


def _point_candidate(text: str) -> bool:
    return not is_personal(text) and not is_self_assessment(text) and rephrase(text) is not None


def _key_candidate(text: str) -> bool:
    """A `!` line is the user's own choice of point, even about life outside work."""
    return not is_self_assessment(text) and rephrase(text) is not None


def clear_caches() -> None:
    """Forget the phrases of lines seen before (for benchmarks that time a cold start)."""
    for cached in (rephrase, contribution_phrase, question_topic):
        cached.cache_clear()


def pick_points(notes: str, limit: int = MAX_POINTS) -> list[str]:
    """The `!` lines first (whatever they are about); below two, the most substantial unmarked
    lines make up the rest.

    Never a point: logistics (salary, benefits, decision timing, scheduling, travel), the
    personal line (it gets its own sentence), and the user's verdict on their own answers."""
    lines = parse_notes(notes)
    marked = [ln.text for ln in lines if ln.marker is Marker.KEY and _key_candidate(ln.text)]
    marked = marked[:limit]
    wanted = min(2, limit) - len(marked)
    if wanted <= 0:
        return marked
    plain = [ln.text for ln in lines if ln.marker is None and len(_words(ln.text)) >= 3
             and _point_candidate(ln.text)]
    best = sorted(plain, key=lambda t: -_substance(t))[:wanted]
    return marked + [t for t in plain if t in best]


def personal_line(notes: str) -> str | None:
    """The first unmarked line about the person's life outside work, for the rapport
    sentence; a `!` line is a key point and leads the points instead."""
    for line in parse_notes(notes):
        if line.marker is None and is_personal(line.text) \
                and not is_self_assessment(line.text) and rephrase(line.text) is not None:
            return line.text
    return None


def first_name(full_name: str) -> str:
    """The name the draft greets the person by (see `names.greeting_name`)."""
    return greeting_name(full_name)


def rephrase_fragment(fragment: str, person_name: str = "", company: str = "") -> Phrase | None:
    """A note line as a phrase said to the person (see `phrasing.rephrase`)."""
    return rephrase(fragment, first_name(person_name), company)


def point_sentence(fragment: str, index: int, voice: int, person_name: str = "",
                   shared: bool = False, company: str = "") -> str:
    """One point as a whole sentence; the frame depends on the person's voice and the index
    (`shared`: a point of the meeting's general notes)."""
    phrase = rephrase_fragment(fragment, person_name, company)
    if phrase is None:
        return ""
    return frames.point_sentence(phrase, voice, index, shared)


def points_paragraphs(fragments: Sequence[str], voice: int, person_name: str = "",
                      shared: bool = False, company: str = "") -> str:
    sentences = [s for i, f in enumerate(fragments)
                 if (s := point_sentence(f, i, voice, person_name, shared, company))]
    if sum(len(s.split()) for s in sentences) <= 70:
        return " ".join(sentences)
    return "\n\n".join(sentences)


def point_gap(person_name: str) -> str:
    """The visible gap for a person with no usable notes at all; the checklist flags it."""
    name = first_name(person_name)
    return f"[a specific point from your conversation with {name}]" if name \
        else templates.gap("points")


def points_value(request: DraftRequest, voice: int, max_points: int = MAX_POINTS) -> str:
    """The person's own points; without any, those of the meeting's general notes (`!` lines
    first), which were true for everyone met; without those either, a gap to fill."""
    points = pick_points(request.notes, max_points)
    general = meeting_notes(request.general_notes)  # an imported invite's text is no note
    shared = pick_points(general, 1) if len(points) == 1 and max_points > 1 else []
    if points and shared:  # one point of their own: the meeting's key point makes two
        return " ".join([points_paragraphs(points, voice, request.person_name,
                                           company=request.company),
                         point_sentence(shared[0], 1, voice, request.person_name, True,
                                        request.company)])
    if points:
        return points_paragraphs(points, voice, request.person_name, company=request.company)
    shared = pick_points(general, min(2, max_points))
    if shared:
        return points_paragraphs(shared, voice, request.person_name, True, request.company)
    return point_gap(request.person_name)


def personal_value(request: DraftRequest, voice: int) -> str:
    line = personal_line(request.notes)
    phrase = rephrase_fragment(line, request.person_name, request.company) if line else None
    if phrase is None or phrase.shape is Shape.MINE:
        return ""
    return frames.personal_sentence(phrase, voice)


# ---- contribution ---------------------------------------------------------------------------

def _mentions(text: str, phrase: str) -> bool:
    stem = phrase.strip().lower()
    if not stem:
        return False
    stem = stem[:-1] if stem.endswith("s") and len(stem) > 3 else stem
    return re.search(rf"(?<!\w){re.escape(stem)}(?:s|es)?(?!\w)", text, re.IGNORECASE) is not None


def touched_skills(profile: Profile, notes: str) -> list[str]:
    """The profile's skills that this person's own notes mention, in the profile's order."""
    return [s for s in profile.skills if s.strip() and _mentions(notes, s)]


def _join_names(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_OFFER_RE = re.compile(r"^I(?:'d be| could| can| would| will|'d)\b")


def _first_contribution(kind: str, text: str, more: str, voice: int, company: str) -> str:
    if kind == "noun":
        sentence = frames.pick(frames.CONTRIBUTION_NOUN, voice).format(text, company)
        return f"{sentence} {more}" if more else sentence
    options = frames.CONTRIBUTION_OFFER if _OFFER_RE.match(text) else frames.CONTRIBUTION_CLAUSE
    return frames.pick(options, voice).format(text, company)


def contribution_paragraph(request: DraftRequest, voice: int, company: str) -> str:
    """What the user can bring: the `+` lines, then the skills this person's notes touched."""
    plus = [t for t in _marked(request.notes, Marker.CONTRIBUTE)][:2]
    own = [contribution_phrase(t) for t in plus]
    skills = [s for s in touched_skills(request.profile, request.notes)
              if not any(_mentions(t, s) for t in plus)][:3]
    if not own and not skills:
        # Nothing of theirs to tie it to: a vague "I could contribute to projects like these"
        # is what the guides' bad examples do, so the user is asked instead.
        return frames.CONTRIBUTION_GAP.format(company)
    if not own:
        return frames.pick(frames.SKILLS_ONLY, voice).format(_join_names(skills), company)
    sentences = [_first_contribution(*own[0], voice, company)]
    for kind, text, more in own[1:]:
        sentences.append(f"I'd also bring {text}." if kind == "noun" else f"{text}.")
        sentences += [more] if more else []
    if skills:
        sentences.append(frames.pick(frames.SKILLS, voice).format(_join_names(skills)))
    return " ".join(sentences)


def _marked(notes: str, marker: Marker) -> list[str]:
    return [line.text for line in parse_notes(notes) if line.marker is marker and line.text]


# ---- questions to answer better -------------------------------------------------------------

def asked_clause(fragment: str) -> str | None:
    """What a `?` line's question was about, as the draft names it ("your question on X"),
    without the user's verdict; None when the line holds nothing but the verdict."""
    return question_topic(fragment)


def question_paragraphs(notes: str, voice: int, limit: int | None = None,
                        company: str = "") -> str:
    """One paragraph per `?` line: the question's topic, then the gap for the better answer."""
    topics = [company_spelling(t, company)
              for t in map(question_topic, _marked(notes, Marker.QUESTION)) if t][:limit]
    return "\n\n".join(frames.pick(frames.QUESTION, voice, i).format(topic, ANSWER_GAP)
                       for i, topic in enumerate(topics))


# ---- link and closing -----------------------------------------------------------------------

def matching_link(profile: Profile, notes: str) -> Link | None:
    """The profile link whose tags the most of this person's note lines mention; ties go to
    the first. The meeting's general notes do not count: the post must tie to what this
    person talked about."""
    lines = [line.text for line in parse_notes(notes)]
    scored = [(sum(_mentions(line, t) for t in link.tags for line in lines), -i, link)
              for i, link in enumerate(profile.links) if link.url.strip()]
    scored = [s for s in scored if s[0] > 0]
    return max(scored, key=lambda s: s[:2])[2] if scored else None


def _spoken_tag(link: Link, text: str) -> str:
    """The tag the conversation used, spelled as in the notes when they capitalise it (Kafka)."""
    for tag in link.tags:
        stem = tag.strip().lower()
        match = re.search(rf"(?<!\w){re.escape(stem)}(?!\w)", text, re.IGNORECASE)
        if match:
            return match.group() if match.group() != match.group().lower() else tag.strip()
    return next((t.strip() for t in link.tags if _mentions(text, t)), "this")


def link_sentence(link: Link | None, text: str, voice: int) -> str:
    """One sentence offering the link, naming the topic of the conversation it ties to.

    `<https://...>` is a Markdown autolink that the HTML part renders as a link, and it is how
    plain-text mail has long set a URL apart, so the sentence reads well in both parts."""
    if link is None:
        return ""
    title, url, topic = " ".join(link.title.split()), link.url.strip(), _spoken_tag(link, text)
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
    company = request.company.strip() or templates.gap("company")
    others = [first_name(n) for n in request.others_met if first_name(n)]
    link = matching_link(request.profile, request.notes) if with_link else None
    names = _proper_names(request)
    return {
        "first_name": _value(first_name(request.person_name)),
        "person_name": _value(request.person_name),
        "person_title": _value(request.person_title),
        "company": _value(request.company),
        "role": _value(request.role),
        "others_met": _value(_join_names(others)),
        "points": proper_spelling(points_value(request, voice, max_points), names),
        "contribution": proper_spelling(contribution_paragraph(request, voice, company), names),
        "questions": proper_spelling(
            question_paragraphs(request.notes, voice, max_questions, request.company), names),
        "link": link_sentence(link, request.notes, voice),
        "personal": proper_spelling(personal_value(request, voice), names),
        "my_name": _value(request.profile.name),
        "my_phone": _value(request.profile.phone),
        "my_email": _value(request.profile.email),
        "signature": signature_block(request.profile),
    }


def spoken_name(name: str) -> str:
    """A name typed all in lower case, capitalised word by word ("nordlicht logistics" ->
    "Nordlicht Logistics", "ana-lucía" -> "Ana-Lucía"); any other spelling is the user's and
    stays as typed ("dbt Labs", "eBay")."""
    if name != name.lower():
        return name
    return re.sub(r"(?<![\w'])(\w)", lambda m: m.group().upper(), name)


def _normalised(request: DraftRequest) -> DraftRequest:
    kind = request.kind if request.kind in KINDS else "other"
    capacity = request.capacity if request.capacity in CAPACITIES else "other"
    return replace(request, kind=kind, capacity=capacity, company=spoken_name(request.company),
                   person_name=spoken_name(request.person_name),
                   others_met=tuple(spoken_name(n) for n in request.others_met))


def _proper_names(request: DraftRequest) -> tuple[str, ...]:
    """The company and the words of the names of the people met that are not English words
    ("Priya", not "Will" or "Rose"), as the notes should spell them."""
    words = [w.strip(",.") for n in (request.person_name, *request.others_met) for w in n.split()]
    names = [w for w in words if len(w) >= 3 and not word_classes(w.lower())]
    company = request.company.strip()
    return tuple(dict.fromkeys([company, *company.split()[:1], *names] if company else names))


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
    request = _normalised(request)
    template = templates.load_template(request.kind, request.capacity, template_dirs)
    voice = voice_of(request)
    for points, link, questions in _SHORTER:
        values = draft_values(request, voice, points, link, questions)
        _fit_template(template, values)
        subject, body = templates.fill(template, values, voice)
        if len(_COUNTED_WORD_RE.findall(body)) <= MAX_WORDS:
            break
    if not subject:
        subject = templates.substitute("Thank you, $first_name: following up on $company", values)
    return Draft(subject, body)


def missing_profile_fields(profile: Profile) -> list[str]:
    """The profile fields a draft needs and lacks, for the GUI to ask for."""
    return [name for name in ("name", "phone") if not getattr(profile, name).strip()]


def notes_for_checking(notes: str, general_notes: str) -> str:
    """The notes a draft's specific points may come from: the person's own, then the meeting's
    general notes (an imported invite's text left out), which drafting uses when the person's
    notes hold nothing usable. The checklist's `specifics` looks for a point of these."""
    general = meeting_notes(general_notes)
    return "\n".join(part for part in (notes, general) if part.strip())


def notes_fingerprint(notes: str, general_notes: str) -> str:
    """A stable hash of the notes a draft was built from, to tell when the draft is out of date."""
    def norm(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()

    data = f"{norm(notes)}\x00{norm(general_notes)}".encode()
    return hashlib.sha256(data).hexdigest()[:16]
