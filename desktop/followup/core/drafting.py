"""One person's notes turned into an individual follow-up draft.

The fixed wording comes from a template chosen by meeting kind and the person's capacity
(see `templates`); this module supplies the parts that depend on the notes: the specific points
(terse note fragments rephrased into sentences), what the user can contribute, a paragraph
per question they would answer better now, a matching link from the profile and the closing.
Everything is deterministic: the same request gives the same draft.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from followup.core import templates
from followup.core.markers import Marker, parse_notes

KINDS = (
    "panel_interview", "one_on_one_interview", "phone_screen", "informational_interview",
    "networking_coffee", "meetup", "other",
)
CAPACITIES = ("interviewer", "coordinator", "other")
ANSWER_GAP = "[write your better answer here]"
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


# ---- word lists -----------------------------------------------------------------------------
# Notes are terse fragments; these small lists are enough to tell "runs the platform team"
# (the person did something) from "team ships weekly" (a clause) and "benefits: ..." (a topic).

_VERBS = frozenset("""
    ask be become believe bike bring build buy care champion change choose climb coach code
    come cook cover create cut deal debug deploy describe design do drive enjoy expect explain
    favor favour feel fix focus get give go grow hate have help hike hire hope host invest join
    keep know lead learn like live love maintain make manage mean mention mentor migrate miss
    move need organise organize own oversee plan play prefer present push read recommend report
    review ride run say see seem share ship show sit speak spend start stay struggle suggest
    support surf swim talk teach tell test think train travel try use value volunteer walk want
    watch wish work worry write
""".split())
_IRREGULAR_THIRD = {"is": "are", "has": "have", "does": "do", "goes": "go", "was": "were"}
_IRREGULAR_PAST = frozenset("""
    began brought built came cut did drew drove felt found gave got grew had kept knew led left
    made meant met put ran rode said saw sent set showed shown spent spoke taught thought told
    took went wrote won
""".split())
_NOT_PAST = frozenset({"need", "speed", "feed", "seed", "bed", "red", "shed", "bled", "embed"})
_NOT_GERUND = frozenset("""
    billing building ceiling consulting engineering evening funding king
    logging marketing meeting morning nothing onboarding pricing ring something spring string
    thing ticketing tooling training wedding everything anything accounting networking
    computing streaming
""".split())
_ADJECTIVE_PARTICIPLES = frozenset("""
    based interested excited located focused involved married tired surprised impressed
    passionate keen
""".split())
# "mentioned the offsite in Lisbon" is about the offsite, not about mentioning.
_REPORTING_RE = re.compile(
    r"^(?:(?:we\s+)?(?:talked|spoke)\s+about|(?:we\s+)?discussed|mentioned|told me about|told me"
    r"|explained|described|shared|said)(?:\s+that)?\s+", re.IGNORECASE)
# Past verbs that happened in the meeting itself: "I appreciated that you ..." reads better.
_IN_MEETING = frozenset("""
    liked loved enjoyed set met showed gave suggested recommended offered introduced invited
    walked took helped shared praised coordinated organized organised arranged scheduled
    welcomed hosted guided answered asked checked followed
""".split())
_WILLING = frozenset("happy glad keen able eager willing available".split())
_TIME_WORDS = frozenset("today currently now presently".split())
_IMPRESSIONS = frozenset("friendly nice smart funny kind chatty warm lovely".split())
_MODALS = frozenset("can could will would should might must may".split())
_DETERMINERS = frozenset("""
    a an the this that these those my your his her its our their some any no every each all
    both many few several lots
""".split())
_TEAM_WORDS = frozenset("""
    team office mission benefits culture stack roadmap product platform customers users codebase
    process org company plans offsite onboarding architecture pipeline hiring interview
""".split())
_PERSONAL_STARTS = frozenset("very really super quite so extremely huge big avid long-time".split())
_NO_ARTICLE = frozenset("very really super quite so extremely".split())
_PERSON_NOUNS = frozenset("""
    fan lover enthusiast reader runner cyclist climber hiker foodie gamer musician parent
""".split())
# Verbs whose bare singular object reads better with "the": "migrating the monolith".
_TAKES_ARTICLE = frozenset("""
    migrate run lead manage own maintain build rebuild design redesign oversee launch rewrite
    refactor split replace scale retire sunset modernize modernise
""".split())
_PREPOSITIONS = frozenset("""
    to from in on at for with about into onto over by up out back off down away around through
    as like than of per via across after before during since until without within
""".split())
_TIME_NOUNS = frozenset("day days week weeks month months sprint sprints quarter year".split())
# Lines about the user's own performance: private, for `?` handling, never a point.
_SELF_CRITICISM_RE = re.compile(
    r"\b(?:forgot|forget|blanked|messed\s+up|mistakes?|wrong|hand[- ]?waved?|hand[- ]?waving"
    r"|I\s+said|I\s+answered|I\s+didn'?t|I\s+couldn'?t|I\s+could\s+not|I\s+did\s+not"
    r"|struggled|nervous|should\s+have|should've)\b", re.IGNORECASE)
_LOWERCASE_OK = _VERBS | _DETERMINERS | _TEAM_WORDS | _MODALS | frozenset("""
    system design round very really huge big he she they we it i'm you lots office
""".split())
_ABBREVIATIONS = (
    (r"\s\+\s", " and "), (r"\s&\s", " and "), (r"\bw/o\b", "without"), (r"\bw/", "with "),
    (r"\s*->\s*", " to "), (r"\s*=>\s*", " to "), (r"\bb/c\b", "because"),
    (r"\bppl\b", "people"), (r"\byrs\b", "years"), (r"\beng\b", "engineering"),
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _seed(request: DraftRequest) -> int:
    """A per-person offset, distinct for each person of one meeting so their wording differs."""
    names = sorted({request.person_name, *request.others_met})
    rank = names.index(request.person_name)
    return zlib.crc32(f"{request.company}|{request.kind}".encode()) % 97 + rank


# ---- fragments to sentences ---------------------------------------------------------------

def _clean(text: str) -> str:
    text = " ".join(text.split())
    for pattern, repl in _ABBREVIATIONS:
        text = re.sub(pattern, repl, text)
    return text.strip().rstrip(".,;:!?").strip()


def _split_parts(text: str) -> list[tuple[str, str]]:
    """(separator before, part) for each comma/semicolon/colon/dash piece outside parentheses."""
    parts: list[tuple[str, str]] = []
    depth, start, sep = 0, 0, ""
    for match in re.finditer(r"[()]|[,;:](?=\s)|\s[-\u2013\u2014]\s", text):
        token = match.group()
        if token in "()":
            depth = max(0, depth + (1 if token == "(" else -1))
            continue
        if depth == 0:
            parts.append((sep, text[start:match.start()].strip()))
            sep, start = token.strip(), match.end()
    parts.append((sep, text[start:].strip()))
    return [(s, p) for s, p in parts if p]


def _words(text: str) -> list[str]:
    return text.split()


def _bare(word: str) -> str:
    return word.lower().strip("()\"'.,:;")


def _verb_base(word: str) -> str | None:
    """The base form of a third-person present verb (`runs` -> `run`), or None."""
    w = _bare(word)
    if w in _IRREGULAR_THIRD:
        return _IRREGULAR_THIRD[w]
    if not w.endswith("s") or len(w) < 3:
        return None
    candidates = [w[:-3] + "y"] if w.endswith("ies") else []
    candidates += [w[:-1], w[:-2]]
    return next((c for c in candidates if c in _VERBS), None)


def _is_past(word: str) -> bool:
    w = _bare(word)
    if w in _IRREGULAR_PAST:
        return True
    return len(w) >= 5 and w.endswith("ed") and not w.endswith("eed") and w not in _NOT_PAST


def _is_gerund(word: str) -> bool:
    w = _bare(word)
    return len(w) >= 6 and w.endswith("ing") and w not in _NOT_GERUND


def _is_verb_form(word: str) -> bool:
    w = _bare(word)
    return (_verb_base(w) is not None or w in _VERBS or w in _MODALS or w in ("are", "were")
            or w.endswith(("'s", "'re")) or _is_past(w))


def _kind_of(part: str) -> str:
    """How a fragment starts: verb3, past, gerund, participle, modal, pronoun, clause or noun."""
    words = _words(part)
    first = _bare(words[0])
    if first in ("i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "they", "they're",
                 "they've", "he", "she", "he's", "she's", "it", "it's", "you", "you're"):
        return "pronoun"
    if first in _ADJECTIVE_PARTICIPLES:
        return "participle"
    if first in _MODALS:
        return "modal"
    if _verb_base(first) and first not in _TEAM_WORDS:
        return "verb3"
    if _is_past(first):
        return "past"
    if _is_gerund(first) and not (len(words) > 1 and _is_verb_form(words[1])):
        return "gerund"
    return "clause" if _has_subject_and_verb(words) else "noun"


def _has_subject_and_verb(words: list[str]) -> bool:
    """`customers want alerts`, `the team ships weekly`; not `my move from Voltly`."""
    start = 1 if _bare(words[0]) in _DETERMINERS else 0
    if len(words) <= start + 1:
        return False
    plural = _bare(words[start]).endswith("s")
    for word in words[start + 1:start + 3]:
        bare = _bare(word)
        if bare in _VERBS and not plural and not _verb_base(bare):
            continue  # "design round", "move from": a noun, not a verb after a singular noun
        if _is_verb_form(bare) and not _is_gerund(bare):
            return True
    return False


def _lower_first(text: str) -> str:
    """Lower-case an ordinary first word ("Runs the team"), never a name or an acronym."""
    first = text.split(" ", 1)[0]
    bare = _bare(first)
    ordinary = (bare in _LOWERCASE_OK or _verb_base(bare) or _is_past(bare)
                or _is_gerund(bare) or bare in _ADJECTIVE_PARTICIPLES)
    if first[:1].isupper() and first[1:] == first[1:].lower() and ordinary and bare != "i":
        return text[:1].lower() + text[1:]
    return text


def _swap_words(text: str, mapping: dict[str, str]) -> str:
    def repl(match: re.Match) -> str:
        word = match.group()
        new = mapping.get(word.lower())
        if new is None:
            return word
        return new[:1].upper() + new[1:] if word[:1].isupper() and word != "I" else new

    return _WORD_RE.sub(repl, text)


_THEIR_SIDE = {"we": "you", "we're": "you're", "we've": "you've", "our": "your", "ours": "yours",
               "us": "you", "ourselves": "yourselves"}
_THIRD_PERSON = {"his": "your", "him": "you", "himself": "yourself", "herself": "yourself",
                 "he's": "you're", "she's": "you're"}


def _to_second_person(part: str) -> str:
    """A fragment about the person, as said to them: `he runs his team` -> `you run your team`."""
    words = _words(part)
    if _bare(words[0]) in ("he", "she", "they"):
        words = ["you", *words[1:]]
        if len(words) > 1 and _verb_base(words[1]):
            words[1] = _verb_base(words[1])
    text = _swap_words(" ".join(words), {**_THEIR_SIDE, **_THIRD_PERSON})
    return re.sub(r"\bher\b(?=\s+[a-z0-9])", "your", text).replace(" her ", " you ")


def _needs_article(verb: str, rest: list[str]) -> bool:
    """`migrating monolith to k8s`: a bare, lower-case, singular object of a work verb."""
    base = _verb_base(verb) or _bare(verb)
    if _is_gerund(verb):
        stem = _bare(verb)[:-3]
        base = next((b for b in (stem, stem + "e", stem[:-1]) if b in _TAKES_ARTICLE), "")
    if base not in _TAKES_ARTICLE or not rest:
        return False
    phrase = []
    for word in rest:
        if _bare(word) in _PREPOSITIONS or word.endswith((",", ";", ":")):
            phrase.append(word.rstrip(",;:"))
            break
        phrase.append(word)
    if phrase and _bare(phrase[-1]) in _PREPOSITIONS:
        phrase.pop()
    if not phrase:
        return False
    first, last = phrase[0], _bare(phrase[-1])
    return (first[:1].islower() and first.isalpha() and _bare(first) not in _DETERMINERS
            and _bare(first) not in _PREPOSITIONS and _bare(first) not in _THEIR_SIDE
            and _bare(first) not in ("it", "them", "me", "us", "you", "him", "her", "their")
            and not last.endswith(("s", "ing", "ly", "ion")))  # plurals, mass nouns


def _with_article(words: list[str]) -> list[str]:
    if len(words) > 1 and _needs_article(words[0], words[1:]):
        return [words[0], "the", *words[1:]]
    return words


def _person_clause(part: str, kind: str) -> str:
    """A verb-led fragment with `you` as its subject."""
    words = _with_article(_words(part))
    part = " ".join(words)
    first = _bare(words[0])
    if kind == "verb3":
        base = _verb_base(first)
        if base == "are":
            return "you're " + " ".join(words[1:])
        return "you " + " ".join([base, *words[1:]])
    if kind in ("gerund", "participle"):
        return "you're " + part
    return "you " + part


def _continuation(part: str, kind: str) -> str:
    """A later verb-led fragment that shares the subject `you`: `was at Stripe` -> `were at ...`."""
    words = _words(part)
    if kind in ("gerund", "participle"):
        return "are " + part
    if kind == "verb3":  # `was` is a verb3 here too, with `were` as its base
        return " ".join([_verb_base(words[0]), *words[1:]])
    return part


def _main_clause(part: str, kind: str) -> tuple[str, str]:
    """(shape, text) of a point's first fragment; shape is `you`, `i`, `clause` or `noun`."""
    if kind in ("verb3", "past", "gerund", "participle"):
        return "you", _to_second_person(_person_clause(part, kind))
    if kind == "pronoun":
        first = _bare(part.split()[0])
        if first in ("i", "i'm", "i've", "i'd", "i'll"):
            return "i", part
        if first.startswith(("they", "we")):
            part = _swap_words(part, {"they": "you", "they're": "you're", "they've": "you've",
                                      "their": "your", "theirs": "yours", "them": "you"})
        return "clause", _to_second_person(part)
    words = _words(part)
    personal = " fan of " in f" {part} " or _bare(words[0]) in _NO_ARTICLE or (
        _bare(words[0]) in _PERSONAL_STARTS and any(_bare(w) in _PERSON_NOUNS for w in words))
    if personal and kind == "noun":
        article = "" if _bare(words[0]) in _NO_ARTICLE or _bare(words[0]) in _DETERMINERS \
            else ("an " if part[:1].lower() in "aeiou" else "a ")
        return "you", "you're " + article + part
    if _bare(words[0]) in _TEAM_WORDS:
        part = "your " + part
    return ("clause" if kind == "clause" else "noun"), _to_second_person(part)


def rephrase_fragment(fragment: str) -> tuple[str, str]:
    """(shape, text) of a note fragment as part of a sentence said to the person.

    shape is `you` (the person did or is something), `i` (the user did), `clause` (a clause
    with its own subject), `noun` (a topic that reads as a noun phrase) or `quoted` (the
    user's own words in quotation marks, when they cannot be made into a clean phrase); the
    text has no final full stop.
    """
    words = _REPORTING_RE.sub("", _lower_first(_clean(fragment)))
    parts = _split_parts(words)
    if not parts:
        return "noun", ""
    kinds = [_kind_of(p) for _, p in parts]
    shape, text = _main_clause(parts[0][1], kinds[0])
    label = len(parts) == 2 and parts[1][0] == ":" and kinds[0] == "noun" \
        and len(_words(parts[0][1])) <= 2 and not _label_part(parts[1][1]).startswith(": ")
    if shape == "noun" and not label:
        return _topic(text, len(parts), words)
    for (sep, part), kind in zip(parts[1:], kinds[1:], strict=True):
        text += _label_part(part) if label else _join_part(shape, sep, part, kind)
        label = False
    if shape == "you" and kinds[0] == "past" and _bare(parts[0][1].split()[0]) in _IN_MEETING:
        shape = "you_past"
    return shape, text


def _topic(text: str, pieces: int, words: str) -> tuple[str, str]:
    """A noun-led point: a short plain noun phrase (with "the" when it lacks an article), or
    the user's words in quotes, which read correctly whatever their shape."""
    if pieces == 1 and _plain_noun_phrase(_words(text)):
        first = _bare(text.split()[0])
        bare_start = (text[:1].islower() or re.match(r"\d+-[a-z]", text)) \
            and first not in _DETERMINERS and first not in _THEIR_SIDE.values()
        head = _head_words(_words(text))
        if bare_start and not any(_is_gerund(w) for w in head) and not _is_plural(head[-1]):
            text = "the " + text
        return "noun", text
    return "quoted", f"\u201c{words}\u201d"


def _is_plural(word: str) -> bool:
    return _bare(word).endswith("s") and not _bare(word).endswith(("ss", "us", "is"))


def _head_words(words: list[str]) -> list[str]:
    """The words before the first preposition: `strong focus` of `strong focus on testing`."""
    head = []
    for word in words:
        if head and _bare(word) in _PREPOSITIONS | _DETERMINERS | {"and", "or"}:
            break
        head.append(word)
    return head


def _plain_noun_phrase(words: list[str]) -> bool:
    """Short, with no verb after its head and no determiner that starts a new phrase."""
    determined = _bare(words[0]) in _DETERMINERS or _bare(words[0]).startswith("your")
    if len(words) > (10 if determined else 6) or not words[0][:1].isalnum():
        return False
    if _bare(words[0]) not in _DETERMINERS and not _bare(words[0]).startswith("your") and (
            _bare(words[0]) in _PREPOSITIONS or _bare(words[0]).endswith("ly")
            or _bare(words[0]) in _WILLING or _bare(words[0]) in ("open", "ex", "previously")
            or "-" in words[0] and words[0].split("-")[0].lower() == "ex"):
        return False
    for index in range(1, len(words)):
        word, before = _bare(words[index]), _bare(words[index - 1])
        if _is_past(word) or word in _MODALS or word in ("is", "are", "was", "were") \
                or word.endswith(("'s", "'re")) or _verb_base(word) and word not in _TEAM_WORDS:
            return False
        if word in _DETERMINERS and before not in _PREPOSITIONS and not (
                word in ("every", "each") and index + 1 < len(words)
                and (words[index + 1][:1].isdigit() or _bare(words[index + 1]) in _TIME_NOUNS)):
            return False
        if word in ("and", "or") and index == len(words) - 1:
            return False
    return True


def _label_part(part: str) -> str:
    """The rest of `benefits: 4-day week pilot` or `mission: make X useful` after its label."""
    first = _bare(part.split()[0])
    if first in _VERBS and not _verb_base(first):
        return " to " + part
    if part[:1].isdigit():
        return ", including the " + part
    return ": " + part


def _join_part(shape: str, sep: str, part: str, kind: str) -> str:
    if kind in ("verb3", "past", "gerund", "participle") and shape in ("you", "i"):
        return " and " + (_to_second_person(_continuation(part, kind)) if shape == "you" else part)
    if kind == "pronoun" and _bare(part.split()[0]) in ("i", "i'm", "i've", "i'd"):
        return "" if shape != "i" else ", and " + part  # the user's aside, not for the email
    if (part[:1].isdigit() and sep == "," or kind == "noun" and shape in ("you", "clause")
            and len(_words(part)) <= 6):
        return f" ({part})"
    if kind in ("clause", "pronoun") and shape == "i":
        return ": " + part
    if kind in ("clause", "pronoun"):
        joint = ", while " if _bare(part.split()[0]) in _TIME_WORDS else ", and "
        return joint + _to_second_person(part)
    if sep == ":":
        return ": " + part
    return ", " + part


# ---- choosing points ------------------------------------------------------------------------

def _substance(text: str) -> int:
    """How much a line says: long words and numbers count; the person's questions count less."""
    words = _words(text)
    score = sum(1 for w in words if len(w) >= 4)
    score += sum(2 for w in words if any(c.isdigit() for c in w))
    score += sum(1 for w in words[1:] if w[:1].isupper())  # names and places are memorable
    if _bare(words[0]) in ("asked", "question", "q"):
        score -= 4
    if any(_bare(w) in _IMPRESSIONS for w in words):
        score -= 3
    return score


def is_self_criticism(text: str) -> bool:
    """Whether a note line is about how the user did ("I blanked", "should have said X")."""
    return _SELF_CRITICISM_RE.search(text) is not None


def pick_points(notes: str, limit: int = MAX_POINTS) -> list[str]:
    """The `!` lines first; below two, the most substantial unmarked lines make up the rest.

    An unmarked line about the user's own performance ("forgot token bucket") is never a point:
    it is a private note, and the `?` lines are where such things are revisited."""
    lines = parse_notes(notes)
    marked = [line.text for line in lines if line.marker is Marker.KEY][:limit]
    wanted = min(2, limit) - len(marked)
    if wanted <= 0:
        return marked
    plain = [line.text for line in lines if line.marker is None and len(_words(line.text)) >= 3
             and not is_self_criticism(line.text)]
    best = sorted(plain, key=lambda t: -_substance(t))[:wanted]
    return marked + [t for t in plain if t in best]


_FIRST_FRAMES = (
    ("I especially enjoyed hearing that {}.", "I especially enjoyed hearing about {}."),
    ("It was great to learn that {}.", "It was great to learn about {}."),
    ("What stayed with me most was hearing that {}.",
     "What stayed with me most was our conversation about {}."),
    ("I really enjoyed learning that {}.", "I really enjoyed our conversation about {}."),
)
_LATER_FRAMES = (
    ("I was also glad to hear that {}.", "I was also glad to hear about {}."),
    ("It was also exciting to learn that {}.", "It was also exciting to learn about {}."),
    ("I also appreciated hearing that {}.", "I also appreciated hearing about {}."),
    ("I also loved hearing that {}.", "I also loved hearing about {}."),
)
_PAST_FRAMES = (
    ("I really appreciated that {}.", "It was encouraging that {}."),
    ("I also appreciated that {}.", "I was also grateful that {}."),
)
# The user's own words in quotes: frames that fit any fragment, however terse.
_QUOTED_FRAMES = (
    ("I especially enjoyed our conversation about {}.", "I also enjoyed our talk about {}."),
    ("It was great to hear about {}.", "It was also great to hear about {}."),
    ("I really enjoyed what you shared about {}.", "I also appreciated what you shared about {}."),
)
_I_FRAMES = ("I especially enjoyed the part of our conversation where {}.",
             "I also enjoyed the part of our conversation where {}.")


def point_sentence(fragment: str, index: int, seed: int) -> str:
    """One point as a full sentence; the frame depends on the point's position and the seed."""
    shape, text = rephrase_fragment(fragment)
    if shape == "i":
        return _I_FRAMES[min(index, 1)].format(text)
    if shape == "quoted":
        return _QUOTED_FRAMES[(seed + index) % len(_QUOTED_FRAMES)][min(index, 1)].format(text)
    if shape == "you_past":
        return _PAST_FRAMES[min(index, 1)][(seed + index) % 2].format(text)
    frames = _FIRST_FRAMES if index == 0 else _LATER_FRAMES
    clause_frame, noun_frame = frames[(seed + index) % len(frames)]
    return (noun_frame if shape == "noun" else clause_frame).format(text)


def points_paragraphs(fragments: Sequence[str], seed: int) -> str:
    sentences = [point_sentence(f, i, seed) for i, f in enumerate(fragments)]
    if sum(len(s.split()) for s in sentences) <= 70:
        return " ".join(sentences)
    return "\n\n".join(sentences)


# ---- contribution ---------------------------------------------------------------------------

def _mentions(text: str, phrase: str) -> bool:
    stem = phrase.strip().lower()
    if not stem:
        return False
    stem = stem[:-1] if stem.endswith("s") and len(stem) > 3 else stem
    return re.search(rf"(?<!\w){re.escape(stem)}(?:s|es)?(?!\w)", text, re.IGNORECASE) is not None


def touched_skills(profile: Profile, notes: str, general_notes: str) -> list[str]:
    """The profile's skills that the conversation touched, in the profile's order."""
    text = f"{notes}\n{general_notes}"
    return [s for s in profile.skills if s.strip() and _mentions(text, s)]


def _own_sentence(fragment: str) -> str:
    """A `+` line as the user's own sentence: `led X` -> `I led X`; a topic -> `I can bring X`."""
    text = _swap_words(_lower_first(_clean(fragment)), {"their": "your", "them": "you",
                                                        "they": "you", "they're": "you're"})
    first = _bare(text.split()[0])
    kind = _kind_of(text)
    if kind == "pronoun" or first in ("my", "we", "our"):
        sentence = text
    elif kind in ("past", "modal"):
        sentence = "I " + text
    elif kind == "verb3":
        sentence = "I " + " ".join([_verb_base(first) or first, *text.split()[1:]])
    elif kind == "gerund":
        sentence = "I have experience " + text
    elif first in _WILLING:
        sentence = "I'd be " + text
    elif first in _VERBS:
        sentence = "I can " + text
    else:
        sentence = "I can bring " + text
    return _tidy_parts(sentence)


def _tidy_parts(sentence: str) -> str:
    parts = _split_parts(sentence)
    text = parts[0][1]
    modal = _bare(text.split()[1]) in _MODALS if len(text.split()) > 1 else False
    for sep, part in parts[1:]:
        kind = _kind_of(part)
        words = _words(part)
        if len(words) > 1 and _bare(words[0]).endswith("ed") and _bare(words[1]) == "by":
            text += f" ({part})"
        elif kind == "past" and modal:
            text += ", since I " + part
        elif kind in ("past", "verb3", "modal"):
            text += " and " + part
        elif part[:1].isdigit():
            text += f" ({part})"
        else:
            text += f"{sep} {part}" if sep in (",", ";", ":") else f", {part}"
    return text[:1].upper() + text[1:]


def _join_names(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_BRING_FRAMES = (
    "{}, and I'd love to bring that experience to {}.",
    "{}, so I'd be glad to help {} with this kind of work.",
    "{}, and I'd welcome the chance to put that experience to work at {}.",
)
_SKILL_FRAMES = (
    "My experience with {} would carry straight over as well.",
    "I'd also bring hands-on experience with {}.",
)
_GENERAL_SKILLS = (
    "Having learned so much about {}, I think it would be a great place to contribute my "
    "experience with {}.",
    "Everything I heard makes me think {} would be a great place to put my experience with {} "
    "to work.",
)
_SKILLS_ONLY = (
    "My experience with {} lines up well with what we discussed, and I'd love to put it to "
    "work at {}.",
    "I'd bring hands-on experience with {}, which fits the work you described at {}.",
)


def contribution_paragraph(request: DraftRequest, seed: int, company: str) -> str | None:
    """What the user can bring: the `+` lines, then skills the conversation touched."""
    own = [_own_sentence(t) for t in _marked(request.notes, Marker.CONTRIBUTE)[:2]]
    skills = [s for s in touched_skills(request.profile, request.notes, request.general_notes)
              if not any(_mentions(o, s) for o in own)][:3]
    if not own and not skills:
        general = [s for s in request.profile.skills if s.strip()][:2]
        if not general:
            return None
        return _GENERAL_SKILLS[seed % len(_GENERAL_SKILLS)].format(company, _join_names(general))
    if not own:
        return _SKILLS_ONLY[seed % len(_SKILLS_ONLY)].format(_join_names(skills), company)
    if own[0].startswith("I'd be "):
        sentences = [f"{own[0]}, and I'd love to contribute to the work at {company}."]
    elif _bare(own[0].split()[1]) in _MODALS if len(own[0].split()) > 1 else False:
        sentences = [f"{own[0]}, and I'd be glad to lend a hand at {company}."]
    else:
        sentences = [_BRING_FRAMES[seed % len(_BRING_FRAMES)].format(own[0], company)]
    sentences += [o + "." for o in own[1:]]
    if skills:
        sentences.append(_SKILL_FRAMES[seed % len(_SKILL_FRAMES)].format(_join_names(skills)))
    return " ".join(sentences)


def _marked(notes: str, marker: Marker) -> list[str]:
    return [line.text for line in parse_notes(notes) if line.marker is marker and line.text]


# ---- questions to answer better -------------------------------------------------------------

_WH_WORDS = ("how", "what", "why", "when", "where", "which", "who", "whether", "if")
_QUESTION_FRAMES = (
    "{}, and I don't think my answer did it justice. Here is what I would say now: {}",
    "{}. I've thought about it more since, and here is a clearer answer: {}",
    "{}, and I'd like to give you a better answer than I did: {}",
)


def _question_core(fragment: str) -> str:
    """The question itself, without the user's asides (`I hand-waved`, `(not quite true)`)."""
    text = re.sub(r"\([^)]*\)", "", _clean(fragment).rstrip("?")).strip()
    parts = _split_parts(text)
    kept = [parts[0][1]] + [p for _, p in parts[1:] if _kind_of(p) != "pronoun"]
    return ", ".join(kept).rstrip("?,;: ")


def asked_clause(fragment: str) -> str:
    """`asked how I'd size X` -> `You asked how I'd size X`; a topic -> `You asked about X`."""
    text = _lower_first(_question_core(fragment))
    text = re.sub(r"^(?:asked|asks|q|question)(?:\s+me)?\b[:\s]*", "", text, flags=re.I)
    text = re.sub(r"\b(would|could|should|can|will|do) I\b",
                  lambda m: "I" if m[1] == "do" else f"I {m[1]}", text)
    text = re.sub(r"^(?:what's|what is|what are)\s+", "about ", text, flags=re.I)
    first = _bare(text.split()[0]) if text else ""
    if first == "about" or first in _WH_WORDS:
        return "You asked " + text
    return "You asked about " + _to_second_person(text)


def question_paragraphs(notes: str, seed: int, limit: int | None = None) -> str:
    paragraphs = []
    for index, fragment in enumerate(_marked(notes, Marker.QUESTION)[:limit]):
        frame = _QUESTION_FRAMES[(seed + index) % len(_QUESTION_FRAMES)]
        paragraphs.append(frame.format(asked_clause(fragment), ANSWER_GAP))
    return "\n\n".join(paragraphs)


# ---- link, names and closing ----------------------------------------------------------------

# `<https://...>` is a Markdown autolink that the HTML part renders as a link, and it is how
# plain-text mail has long set a URL apart, so the sentence reads well in both parts.
_LINK_FRAMES = (
    "Since we talked about {}, you might enjoy a post I wrote, \u201c{}\u201d, at <{}>.",
    "On the subject of {}, I wrote a short post, \u201c{}\u201d, which you can read at <{}>.",
)
_UNTITLED_LINK_FRAMES = (
    "Since we talked about {}, you might enjoy a post I wrote: <{}>.",
    "On the subject of {}, I wrote a short post that you can read at <{}>.",
)


def matching_link(profile: Profile, notes: str, general_notes: str) -> Link | None:
    """The profile link whose tags the most note lines mention; ties go to the first."""
    lines = [line.text for line in parse_notes(notes)] + [general_notes]
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


def link_sentence(link: Link | None, text: str, seed: int) -> str:
    """One sentence offering the link, naming the topic of the conversation it ties to."""
    if link is None:
        return ""
    title, url, topic = " ".join(link.title.split()), link.url.strip(), _spoken_tag(link, text)
    if not title or title == url:
        return _UNTITLED_LINK_FRAMES[seed % len(_UNTITLED_LINK_FRAMES)].format(topic, url)
    return _LINK_FRAMES[seed % len(_LINK_FRAMES)].format(topic, title, url)


_HONORIFICS = frozenset("dr dr. mr mr. ms ms. mrs mrs. mx mx. prof prof.".split())


def first_name(full_name: str) -> str:
    words = [w for w in full_name.split() if w.lower() not in _HONORIFICS]
    return words[0].strip(",") if words else ""


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


def draft_values(request: DraftRequest, seed: int, max_points: int = MAX_POINTS,
                 with_link: bool = True, max_questions: int | None = None,
                 ) -> dict[str, str | None]:
    """Every template variable for one person."""
    company = request.company.strip() or templates.gap("company")
    points = points_value(request, seed, max_points)
    others = [first_name(n) for n in request.others_met if first_name(n)]
    link = matching_link(request.profile, request.notes, request.general_notes)
    return {
        "first_name": _value(first_name(request.person_name)),
        "person_name": _value(request.person_name),
        "person_title": _value(request.person_title),
        "company": _value(request.company),
        "role": _value(request.role),
        "others_met": _value(_join_names(others)),
        "points": points,
        "contribution": contribution_paragraph(request, seed, company),
        "questions": question_paragraphs(request.notes, seed, max_questions),
        "link": link_sentence(link, f"{request.notes}\n{request.general_notes}", seed)
        if with_link else "",
        "my_name": _value(request.profile.name),
        "my_phone": _value(request.profile.phone),
        "my_email": _value(request.profile.email),
        "signature": signature_block(request.profile),
    }


def point_gap(person_name: str) -> str:
    """The visible gap for a person with no usable notes; the checklist flags it."""
    name = first_name(person_name)
    return f"[a specific point from your conversation with {name}]" if name \
        else templates.gap("points")


def points_value(request: DraftRequest, seed: int, max_points: int = MAX_POINTS) -> str:
    """The person's own points; without any, a gap to fill, after at most one `!` line of the
    general notes (a key point about the company, true for everyone met)."""
    points = pick_points(request.notes, max_points)
    if points:
        return points_paragraphs(points, seed)
    company_points = _marked(request.general_notes, Marker.KEY)[:1]
    sentences = [point_sentence(p, 0, seed) for p in company_points]
    return " ".join([*sentences, point_gap(request.person_name)])


def _normalised(request: DraftRequest) -> DraftRequest:
    kind = request.kind if request.kind in KINDS else "other"
    capacity = request.capacity if request.capacity in CAPACITIES else "other"
    return replace(request, kind=kind, capacity=capacity)


# A long draft loses its third point, then the link, then questions beyond the first two.
_SHORTER = ((MAX_POINTS, True, None), (2, True, None), (2, False, None), (2, False, 2),
            (1, False, 1))


def generate_draft(request: DraftRequest, template_dirs: Sequence[Path] = ()) -> Draft:
    """The follow-up draft for one person; `template_dirs` (user overrides) are searched first."""
    request = _normalised(request)
    template = templates.load_template(request.kind, request.capacity, template_dirs)
    seed = _seed(request)
    for points, link, questions in _SHORTER:
        values = draft_values(request, seed, points, link, questions)
        subject, body = templates.fill(template, values, seed)
        if len(_COUNTED_WORD_RE.findall(body)) <= MAX_WORDS:
            break
    if not subject:
        subject = templates.substitute("Thank you, $first_name: following up on $company", values)
    return Draft(subject, body)


def missing_profile_fields(profile: Profile) -> list[str]:
    """The profile fields a draft needs and lacks, for the GUI to ask for."""
    return [name for name in ("name", "phone") if not getattr(profile, name).strip()]


def notes_fingerprint(notes: str, general_notes: str) -> str:
    """A stable hash of the notes a draft was built from, to tell when the draft is out of date."""
    def norm(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()

    data = f"{norm(notes)}\x00{norm(general_notes)}".encode()
    return hashlib.sha256(data).hexdigest()[:16]
