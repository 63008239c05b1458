"""The follow-up checklist: one result per rule of the career guides for a draft note.

Each rule reads the draft (subject and body) and what is known about the meeting, and says
whether it passes, how much that matters (`required`, `recommended`, `optional`), what to do
in one line, and which characters the message is about. docs/checklist.md lists the rules and
their thresholds. The rules are plain-language heuristics tuned on the guides' own good and bad
examples; where they must guess they lean towards not nagging a careful writer.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from followup.core.markers import Marker, parse_notes
from followup.core.phones import find_phone_numbers
from followup.core.spelling import misspellings

REQUIRED, RECOMMENDED, OPTIONAL = "required", "recommended", "optional"

SENTENCE_WORDS = 35  # "concise": longest sentence
PARAGRAPH_WORDS = 80  # "concise" and "paragraphs": longest paragraph
NOTE_WORDS = 200  # "concise": whole body; the guide says "well under 250"
SINGLE_BLOCK_WORDS = 60  # "paragraphs": a one-paragraph note longer than this is a block
CLOSING_PARAGRAPH_SENTENCES = 2  # a short last paragraph belongs to the closing
INDIVIDUAL_THRESHOLD = 0.75  # similarity() at or above this: a near-copy of another draft


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    field: str  # "body" or "subject"


@dataclass(frozen=True)
class RuleResult:
    id: str
    passed: bool
    severity: str
    message: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class CheckContext:
    company: str | None = None
    recipient: str | None = None
    sender_name: str | None = None
    sender_phone: str | None = None
    notes: str | None = None
    other_drafts: tuple[str, ...] = ()
    user_words: frozenset[str] = frozenset()
    known_terms: frozenset[str] = frozenset()


SEVERITIES = {
    "thanks": REQUIRED, "specifics": REQUIRED, "contribution": REQUIRED,
    "company_named": REQUIRED, "interest": REQUIRED, "phone_in_closing": REQUIRED,
    "generic_reference": RECOMMENDED, "subject": RECOMMENDED, "next_steps": RECOMMENDED,
    "spelling": RECOMMENDED, "concise": RECOMMENDED, "paragraphs": RECOMMENDED,
    "greeting": RECOMMENDED, "placeholders": RECOMMENDED, "individual": RECOMMENDED,
    "link": OPTIONAL, "redeem": OPTIONAL,
}
RULE_IDS: tuple[str, ...] = tuple(SEVERITIES)


# --- text ------------------------------------------------------------------------------------

# One character for one, so offsets in the normalised text are offsets in the draft.
_STRAIGHTEN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                             "\u00a0": " "})
_WORD_RE = re.compile(r"[A-Za-z0-9][\w'&-]*")
# A sentence ends at . ! ? followed by a space or the end; "Company.io" and "e.g.x" do not end one.
_SENTENCE_RE = re.compile(r"(?:[^.!?]|[.!?](?=[^\s\"')\]]))+(?:[.!?]+[\"')\]]*|$)")
_GREETING_WORDS = r"(?i:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening))"
_GREETING_RE = re.compile(
    rf"^\s*(?P<hello>{_GREETING_WORDS}\b)?[\s,]*(?P<name>(?:[A-Z][\w.'-]*\s*){{0,3}})[,!:.\-]?\s*$")
_SIGNOFF_RE = re.compile(
    r"^\s*(?:best|best\s+regards|best\s+wishes|all\s+the\s+best|regards|kind\s+regards|"
    r"warm\s+regards|warmest(?:\s+regards)?|warmly|sincerely|yours(?:\s+truly|\s+sincerely)?|"
    r"cheers|thanks|thank\s+you|thanks\s+again|thank\s+you\s+again|many\s+thanks|"
    r"with\s+(?:gratitude|thanks|appreciation)|gratefully|respectfully|looking\s+forward|"
    r"look\s+forward|talk\s+soon|take\s+care|speak\s+soon|all\s+my\s+best)\b[^.?\n]{0,20}[,!.]?\s*$",
    re.IGNORECASE)


def _fold(text: str) -> str:
    """`text` lower-cased, without accents and curly quotes, one character for one."""
    return "".join(c if c.isascii() else _fold_char(c) for c in text.translate(_STRAIGHTEN)).lower()


@lru_cache(maxsize=1024)
def _fold_char(c: str) -> str:
    # "İ".lower() is two characters; folding first keeps one character for one.
    return (unicodedata.normalize("NFKD", c)[:1].lower() or c)[:1]


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end excluding the newline."""
    spans, offset = [], 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        spans.append((offset, offset + len(line)))
        offset += len(raw)
    return spans


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences paragraph by paragraph, so a hard-wrapped sentence stays one sentence."""
    found = []
    for p_start, p_end in _paragraphs(text, start, end):
        for match in _SENTENCE_RE.finditer(text, p_start, p_end):
            lead = len(match.group()) - len(match.group().lstrip())
            if match.group().strip():
                found.append((match.start() + lead, match.end()))
    return found


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Blocks separated by blank lines; with no blank line at all, each line is one."""
    lines = [(s, e) for s, e in _lines(text) if s >= start and e <= end]
    blocks: list[list[tuple[int, int]]] = [[]]
    for s, e in lines:
        if text[s:e].strip():
            blocks[-1].append((s, e))
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if len(blocks) == 1 and "\n\n" not in text.replace("\r", "").strip():
        return [line for line in blocks[0]]
    return [(b[0][0], b[-1][1]) for b in blocks]


# --- the draft, read once --------------------------------------------------------------------


class _Draft:
    """A draft with the parts every rule needs: greeting, content, closing, sentences."""

    def __init__(self, subject: str | None, body: str, context: CheckContext):
        self.subject = (subject or "").strip()
        self.body = body
        self.context = context
        self.text = body.translate(_STRAIGHTEN)
        self.folded = _fold(body)

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        return [(s, e) for s, e in _lines(self.text) if self.text[s:e].strip()]

    @cached_property
    def greeting(self) -> tuple[int, int] | None:
        if not self.lines:
            return None
        s, e = self.lines[0]
        line = self.text[s:e].lstrip("> ")
        match = _GREETING_RE.match(line)
        if match and (match["hello"] or match["name"].strip()) and len(line.split()) <= 6:
            return s, e
        return None

    @cached_property
    def content_start(self) -> int:
        return self.greeting[1] if self.greeting else 0

    @cached_property
    def closing_start(self) -> int:
        """Where the sign-off ("Best,") or, without one, the trailing signature lines begin."""
        lines = [line for line in self.lines if line[0] >= self.content_start]
        for i in range(len(lines) - 1, -1, -1):
            s, e = lines[i]
            if _SIGNOFF_RE.match(self.text[s:e].lstrip("> ")) and self._signature(lines[i + 1:]):
                return s
        tail = len(lines)
        while tail > 0 and self._signature(lines[tail - 1:tail]):
            tail -= 1
        if 0 < tail < len(lines):
            return lines[tail][0]
        return len(self.text)

    def _signature(self, lines: list[tuple[int, int]]) -> bool:
        return len(lines) <= 6 and all(
            len(self.text[s:e].split()) <= 6 and not self.text[s:e].rstrip().endswith((".", "?"))
            or find_phone_numbers(self.text[s:e]) for s, e in lines)

    @cached_property
    def content(self) -> str:
        """The body between greeting and closing, other characters blanked (offsets kept)."""
        return _blank_outside(self.text, self.content_start, self.closing_start)

    @cached_property
    def folded_content(self) -> str:
        return _blank_outside(self.folded, self.content_start, self.closing_start)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return _sentences(self.text, self.content_start, self.closing_start)

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        return _paragraphs(self.text, self.content_start, self.closing_start)

    @cached_property
    def first_name(self) -> str:
        return _first_name(self.context.recipient) or "the person"

    @cached_property
    def company_spans(self) -> list[tuple[int, int]]:
        return _company_spans(self.folded, self.context.company)

    @cached_property
    def named_things(self) -> list[tuple[int, int, str]]:
        return _named_things(self)

    @cached_property
    def note_points(self) -> list[tuple[Marker | None, str]]:
        return _note_points(self.context.notes or "")

    def sentence_at(self, offset: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= offset < e:
                return s, e
        return offset, offset


def _blank_outside(text: str, start: int, end: int) -> str:
    return " " * start + text[start:end] + " " * (len(text) - end)


def _first_name(name: str | None) -> str | None:
    parts = (name or "").replace(",", " ").split()
    titles = {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "mx", "mx."}
    parts = [p for p in parts if p.lower() not in titles]
    return parts[0] if parts else None


def _result(rule: str, passed: bool, message: str, spans: Iterable[Span] = ()) -> RuleResult:
    return RuleResult(rule, passed, SEVERITIES[rule], message, tuple(spans))


def _body_spans(pairs: Iterable[tuple[int, int]]) -> list[Span]:
    return [Span(s, e, "body") for s, e in pairs]


# --- thanks ----------------------------------------------------------------------------------

_THANKS_RE = re.compile(
    r"\bthank(?:s|\s+you)\b[^.!?\n]{0,40}?\b(?:for|to)\b"
    r"|\bthank(?:s|\s+you)\s+(?:again|so\s+much|very\s+much|a\s+lot|a\s+ton|kindly)\b"
    r"|\bto\s+thank\b|\bthank\s+(?:you|him|her|them|everyone|the\s+team)\s+(?:all\s+)?for\b"
    r"|\b(?:grateful|thankful)\b"
    r"|\bappreciat(?:e|ed|ing)\s+(?!it\s+if)(?:you|your|the|our|this|that|all|everything|it|"
    r"getting|being|having|hearing|meeting|speaking|talking|learning|chatting|taking|how)\b")
_BARE_THANKS_RE = re.compile(
    r"^\W*(?:many\s+|again\s+)?thank(?:s|\s+you)(?:\s+(?:again|so\s+much|very\s+much|a\s+lot))?"
    r"\s*[,!.]*(?:\s+[A-Za-z][\w.'-]*){0,2}\s*$")


def _rule_thanks(d: _Draft) -> RuleResult:
    for match in _THANKS_RE.finditer(d.folded):
        if not _in_bare_thanks_line(d, match.start()):
            return _result("thanks", True, f"Thanks {d.first_name} for their time.",
                           _body_spans([d.sentence_at(match.start())]))
    return _result("thanks", False, f"Thank {d.first_name} for their time or the conversation "
                   '(a "Thanks," sign-off alone does not count).')


def _in_bare_thanks_line(d: _Draft, offset: int) -> bool:
    start = d.folded.rfind("\n", 0, offset) + 1
    end = d.folded.find("\n", offset)
    return bool(_BARE_THANKS_RE.match(d.folded[start:end if end >= 0 else None]))


# --- specifics and contribution --------------------------------------------------------------

_STOPWORDS = frozenset("""
a about above after again all also am an and any are as at be because been before being below
between both but by can can't could did do does doing don't down during each even ever every few
for from further had has have having he her here hers him his how i i'd i'll i'm i've if in into
is isn't it it's its itself just let me more most much my myself no nor not now of off on once
only or other our ours out over own really same she should so some such than that that's the
their theirs them then there these they this those through to too under until up upon us very
was we we're were what when where which while who whom why will with would you you're your
yours yourself yet via well still again lot lots thing things way ways get got getting go going
today yesterday tomorrow morning afternoon evening week day time times great good nice
thank thanks thanked thankful grateful appreciate appreciated pleasure glad happy enjoyed enjoy
meet meeting met talk talking talked speak speaking spoke chat chatting conversation
conversations discussion discussed discuss interview interviews interviewing learn learning
learned learnt hear hearing heard know knowing role position job opportunity company team
organization organisation firm work working looking look forward hope soon again excited
exciting interest interested hi hello dear best regards sincerely cheers
""".split())
_TOPIC_RE = re.compile(
    r"\b(?:(?:conversation|discussion|chat|talk|chatting|talking|learning|hearing|learned|"
    r"heard)\s+(?:more\s+)?(?:about|on|of|around|regarding)|discuss(?:ed|ing))\s+"
    r"(?P<object>[^.!?\n]{3,80})")
_MENTION_RE = re.compile(
    r"\b(?:you|he|she|they)\s+(?:mentioned|described|explained|shared|showed|told\s+me|"
    r"talked\s+about|pointed\s+out|walked\s+me\s+through|brought\s+up|suggested|recommended)\b"
    r"|\b(?:your|his|her|their)\s+(?:point|insight|insights|advice|thoughts|story|perspective|"
    r"take|explanation|description|vision|demo|presentation|experience|tips?)\s+"
    r"(?:on|about|of|for|with|regarding)\b"
    r"|\b(?:work|worked|working)\s+through\b|\b(?:i|we)\s+worked\s+on\b")
# Capitalised words that name a kind of person or place, not a topic of conversation.
_GENERIC_NAMES = frozenset("""
i i'm i'd i've i'll company inc llc ltd corp fellow engineer engineering manager developer
designer intern director recruiter recruiting lead senior junior support software product
hiring hr ceo cto cfo vp team head chief officer analyst associate staff principal mr mrs ms dr
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december linkedin email
""".split())
_ORG_AFTER_RE = re.compile(r"\b(?:at|join|joining|for|with\s+the\s+team\s+at)\s+$")
_NAME_RE = re.compile(r"\b[A-Z][\w'&+#.-]*[\w+#]|\b[a-z]+[A-Z][\w+#-]*|\b[A-Z]\b")


def _named_things(d: _Draft) -> list[tuple[int, int, str]]:
    """Capitalised words mid-sentence that are not the people, the company or titles."""
    people = _person_words(d.context)
    found = []
    for s, e in d.sentences:
        for match in _NAME_RE.finditer(d.text, s, e):
            word = match.group().removesuffix("'s").strip(".")
            if match.start() == s or _at_sentence_head(d.text, s, match.start()):
                continue
            if len(word) < 2 or word.lower() in _GENERIC_NAMES or word.lower() in people:
                continue
            if _inside(match.start(), d.company_spans) or _ORG_AFTER_RE.search(
                    d.text[max(s, match.start() - 25):match.start()]):
                continue
            found.append((match.start(), match.start() + len(word), word))
    return found


def _at_sentence_head(text: str, sentence_start: int, offset: int) -> bool:
    return not text[sentence_start:offset].strip(" \"'(>-*•")


def _person_words(context: CheckContext) -> set[str]:
    words = set()
    for name in (context.recipient, context.sender_name):
        words.update(w.lower().strip(".,") for w in (name or "").split())
    return words


def _inside(offset: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in ("ations", "ation", "ings", "ing", "ions", "ion", "ments", "ment", "ies",
                   "ed", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _content_stems(text: str) -> set[str]:
    return {_stem(w) for w in _words(text)
            if len(w) >= 3 and w.lower() not in _STOPWORDS and not w.isdigit()}


@lru_cache(maxsize=64)
def _note_points(notes: str) -> list[tuple[Marker | None, str]]:
    return [(line.marker, line.text) for line in parse_notes(notes) if _content_stems(line.text)]


def _point_spans(d: _Draft, point: str) -> list[tuple[int, int]]:
    """Where the point's words are in the content, when enough of them are there to be it."""
    wanted = _content_stems(point)
    hits = [(m.start(), m.end(), _stem(m.group())) for m in _WORD_RE.finditer(d.content)
            if _stem(m.group()) in wanted]
    if len({stem for _s, _e, stem in hits}) >= min(2, len(wanted)):
        return [(s, e) for s, e, _stem_ in hits]
    return []


def _topic_spans(d: _Draft) -> list[tuple[int, int]]:
    spans = []
    for match in _TOPIC_RE.finditer(d.folded_content):
        if _content_stems(match["object"]) - _GENERIC_TOPIC_STEMS:
            spans.append((match.start(), match.end()))
    spans += [(m.start(), m.end()) for m in _MENTION_RE.finditer(d.folded_content)]
    return spans


# Words in "learning more about what your company is looking for in this role" that say nothing.
_GENERIC_TOPIC_STEMS = frozenset(_stem(w) for w in """
require requires required need needs seeking seek want wants possibility possible open process
responsibilities responsibility culture values mission next step steps skills fit candidate
""".split()) - {_stem("culture")}


def _known_term_spans(d: _Draft) -> list[tuple[int, int]]:
    spans = []
    for term in d.context.known_terms:
        if term and term.lower() not in _person_words(d.context) and _fold(term) != _fold(
                d.context.company or "\0"):
            spans += _phrase_spans(d.folded_content, _fold(term))
    return spans


def _phrase_spans(folded: str, phrase: str) -> list[tuple[int, int]]:
    phrase = phrase.strip()
    if len(phrase) < 2:
        return []
    body = r"\s+".join(re.escape(part) for part in phrase.split())
    pattern = r"(?<![\w])" + body + r"(?![\w])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, folded)]


def _specific_spans(d: _Draft) -> list[tuple[int, int]]:
    """Evidence of specific points, without notes to compare with."""
    named = [(s, e) for s, e, _w in d.named_things]
    return sorted(_topic_spans(d) + named + _known_term_spans(d))


def _rule_specifics(d: _Draft) -> RuleResult:
    if d.note_points:
        for _marker, point in _key_first(d.note_points):
            spans = _point_spans(d, point)
            if spans:
                return _result("specifics", True, f'Mentions a point from your notes: "{point}".',
                               _body_spans(spans))
        point = _key_first(d.note_points)[0][1]
        return _result("specifics", False, "Mention a point from your conversation with "
                       f'{d.first_name}, e.g. "{_shorten(point)}".')
    spans = _specific_spans(d)
    if spans:
        return _result("specifics", True, "Mentions specific points from the conversation.",
                       _body_spans(spans))
    return _result("specifics", False, "Mention something specific you discussed with "
                   f"{d.first_name} (a topic, a problem, a technology), not generalities.")


def _key_first(points: list[tuple[Marker | None, str]]) -> list[tuple[Marker | None, str]]:
    return sorted(points, key=lambda p: p[0] is not Marker.KEY)


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_CONTRIBUTION_RE = re.compile(
    r"\bcontribut\w*|\bbring(?:ing)?\b(?!\s+(?:up|back)\b)|\badd(?:ing)?\s+(?:real\s+)?value"
    r"|\bvalue\s+to\b|\bbe\s+an?\s+(?:\w+\s+)?asset|\bmake\s+an?\s+(?:\w+\s+)?(?:impact|difference)"
    r"|\bi\s*(?:can|could|would|will|'d|'ll|am\s+able\s+to)\s+(?:\w+\s+)?(?:help|add|offer|build|"
    r"support|lead|take\s+on|tackle|hit\s+the\s+ground|improve|own|apply|leverage|pick\s+up|"
    r"ramp\s+up|speed\s+up|automate|design|ship|mentor)\b"
    r"|\b(?:leverage|apply|put)\s+my\b|\bhelp\s+(?:your|the)\s+team\b"
    r"|\bmy\s+(?:\w+\s+){0,2}(?:experience|background|skills?|expertise|knowledge)\s+"
    r"(?:in|with|of|building|at|on|from)\b"
    r"|\bi(?:'ve|\s+have)\s+(?:\w+\s+)?(?:built|shipped|led|designed|implemented|worked\s+on|"
    r"worked\s+with|used|experience)\b")


def _rule_contribution(d: _Draft) -> RuleResult:
    plus = [p for m, p in d.note_points if m is Marker.CONTRIBUTE]
    for point in plus:
        spans = _point_spans(d, point)
        if spans:
            return _result("contribution", True, f'Says what you can bring: "{point}".',
                           _body_spans(spans))
    cues = [(m.start(), m.end()) for m in _CONTRIBUTION_RE.finditer(d.folded_content)]
    tied = bool(_specific_spans(d)) or any(_point_spans(d, p) for _m, p in d.note_points)
    if cues and tied:
        return _result("contribution", True, "Says what you can contribute.",
                       _body_spans(d.sentence_at(s) for s, _e in cues[:2]))
    hint = f' such as "{_shorten(plus[0])}"' if plus else ""
    if cues:
        return _result("contribution", False, "Tie what you can contribute to something you "
                       f"discussed{hint}.", _body_spans(d.sentence_at(s) for s, _e in cues[:2]))
    return _result("contribution", False, "Say what you can contribute or bring, based on the "
                   f"conversation{hint}.")


# --- company ---------------------------------------------------------------------------------

_CORPORATE_SUFFIX_RE = re.compile(
    r"[,\s]+(?:inc|llc|ltd|limited|corp|corporation|co|gmbh|plc|ag|sa|s\.a|bv|oy|ab)\.?$")
_GENERIC_REFERENCE_RE = re.compile(
    r"\b(?P<owner>your|the)\s+(?:company|organi[sz]ation|firm)\b(?!\s+of\b)")
_ORG_CANDIDATE_RE = re.compile(
    r"\b(?:at|join|joining|with\s+the\s+team\s+at)\s+(?P<org>[A-Z][\w&'.-]*[\w&]"
    r"(?:\s+(?:[A-Z][\w&'.-]*[\w&]|of|&))*)")


def _company_variants(company: str) -> list[str]:
    full = _fold(company).strip()
    short = _CORPORATE_SUFFIX_RE.sub("", full).strip()
    return [v for v in dict.fromkeys((full, short)) if v]


def _company_spans(folded: str, company: str | None) -> list[tuple[int, int]]:
    if not company:
        return []
    spans = []
    for variant in _company_variants(company):
        spans += _phrase_spans(folded, variant)
    return sorted(set(spans))


def _org_candidates(d: _Draft) -> list[tuple[int, int, str]]:
    """Likely company names ("at Conde Nast", "join Acme") when no company is set."""
    people = _person_words(d.context)
    found = []
    for match in _ORG_CANDIDATE_RE.finditer(d.content):
        name = match["org"].strip()
        if name.split()[0].lower() not in people | _GENERIC_NAMES:
            found.append((match.start("org"), match.start("org") + len(name), name))
    return found


def _rule_company_named(d: _Draft) -> RuleResult:
    company = d.context.company
    if company:
        if d.company_spans:
            return _result("company_named", True, f"Names {company}.",
                           _body_spans(d.company_spans))
        return _result("company_named", False, f"Name {company} explicitly in the note.")
    candidates = _org_candidates(d)
    if candidates:
        return _result("company_named", True, f"Names {candidates[0][2]} (no company is set, "
                       "so this is a guess).", _body_spans((s, e) for s, e, _n in candidates))
    return _result("company_named", False, "Name the company explicitly (set the company on the "
                   "meeting to check this exactly).")


def _rule_generic_reference(d: _Draft) -> RuleResult:
    named = d.company_spans or [(s, e) for s, e, _n in _org_candidates(d)]
    first_named = min((s for s, _e in named), default=len(d.text))
    bad = []
    for match in _GENERIC_REFERENCE_RE.finditer(d.folded):
        if _in_quotes(d.folded, match.start()):
            continue
        # "the company" after the name is a back-reference; "your company" never reads well.
        if match["owner"] == "the" and match.start() > first_named:
            continue
        bad.append((match.start(), match.end()))
    name = d.context.company or "the company's name"
    if bad:
        phrase = " ".join(d.text[bad[0][0]:bad[0][1]].split())
        return _result("generic_reference", False, f'Write {name} instead of "{phrase}".',
                       _body_spans(bad))
    return _result("generic_reference", True, "Calls the company by its name, not "
                   '"your company".')


def _in_quotes(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count('"', line_start, offset) % 2 == 1


# --- interest --------------------------------------------------------------------------------

_EXCITEMENT_RE = re.compile(
    r"\bexcit(?:ed|ing|ement|es)\b|\bthrilled\b|\benthusias\w*|\beager\w*|\bkeen\b|\bpassionate\b"
    r"|\bfirst\s+choice\b|\bdream\s+(?:job|role|company|team|position)\b|\bcan(?:'|no)?t\s+wait\b"
    r"|\bcannot\s+wait\b|\b(?:would|'d)\s+love\s+to\b|\b(?:genuinely|really|very|truly|so|more)\s+"
    r"interested\b|\binterested\s+in\s+(?:joining|working|contributing|being|the\s+|this\s+)"
    r"|\b(?:strong|genuine|real|keen|great|continued|sincere|growing)\s+interest\b"
    r"|\b(?:amazing|great|wonderful|fantastic|perfect|ideal|exciting)\s+(?:place|fit|team|match|"
    r"opportunity)\b|\binspir(?:ed|ing)\b|\benjoyed\b|\bloved\b|\bimpressed\b|\bappeals?\s+to\s+me\b"
    r"|\blook(?:ing)?\s+forward\s+to\s+(?:joining|working|contributing|being\s+part)"
    r"|\b(?:energi[sz]ed|fascinat\w+|delighted)\b|\bexcites\s+me\b")
_FUTURE_RE = re.compile(
    r"\blook(?:ing)?\s+forward\b|\bhope\s+(?:we|to|that\s+we)\b[^.!?\n]{0,60}?\b(?:chance|talk|"
    r"speak|discuss|continue|meet|see|connect|touch|again|further|soon|future|conversation)"
    r"|\bkeep\s+(?:the|our)\s+conversation\s+going\b"
    r"|\bcontinu(?:e|ing)\s+(?:the|this|our)\s+(?:conversation|process|discussion|dialogue)"
    r"|\bfurther\s+(?:conversations?|discussions?)\b|\bdiscuss\w*\b[^.!?\n]{0,50}\bfurther\b"
    r"|\b(?:talk|speak|chat|connect|catch\s+up|meet)(?:ing)?\s+(?:again|more|further|soon)\b"
    r"|\b(?:keep|stay)(?:ing)?\s+in\s+touch\b|\bhear(?:ing)?\s+from\s+you\b"
    r"|\bsee(?:ing)?\s+you\s+(?:at|soon|again|next)\b|\bnext\s+(?:conversation|chat|meetup)\b"
    r"|\bcan(?:'|no)?t\s+wait\s+to\s+(?:continue|talk|speak|see|meet|chat)|\bcannot\s+wait\s+to\b"
    r"|\b(?:would|'d)\s+love\s+to\s+(?:talk|speak|chat|continue|meet|connect|learn\s+more)\b"
    r"|\bfuture\s+conversations?\b|\bcontinue\s+(?:the|this|our)\b")


def _rule_interest(d: _Draft) -> RuleResult:
    excited = [(m.start(), m.end()) for m in _EXCITEMENT_RE.finditer(d.folded)]
    future = [(m.start(), m.end()) for m in _FUTURE_RE.finditer(d.folded)]
    spans = _body_spans(sorted(excited[:1] + future[:1]))
    if excited and future:
        return _result("interest", True, "Shows interest in the role and in talking again.",
                       spans)
    if excited:
        return _result("interest", False, "Add that you hope to continue the conversation "
                       '(e.g. "I look forward to talking again").', spans)
    if future:
        return _result("interest", False, "Say what excites you about the role or the company, "
                       "not only that you look forward to hearing back.", spans)
    return _result("interest", False, "Say that you are excited about the role or company and "
                   "would like to keep talking.")


# --- phone -----------------------------------------------------------------------------------


def _closing_region_start(d: _Draft) -> int:
    """The sign-off block, with the last paragraph before it when that is a sentence or two."""
    before = [p for p in d.paragraphs if p[1] <= d.closing_start]
    if before:
        s, e = before[-1]
        if len(_sentences(d.text, s, e)) <= CLOSING_PARAGRAPH_SENTENCES and len(before) > 1:
            return s
    return d.closing_start


def _rule_phone_in_closing(d: _Draft) -> RuleResult:
    phones = find_phone_numbers(d.text)
    start = _closing_region_start(d)
    closing = [(s, e) for s, e, _raw in phones if s >= start]
    if closing:
        return _result("phone_in_closing", True, "Gives your phone number in the closing.",
                       _body_spans(closing))
    own = f" ({d.context.sender_phone})" if d.context.sender_phone else ""
    if phones:
        return _result("phone_in_closing", False, f"Put your phone number{own} in the closing, "
                       "under your name, not only in the body.",
                       _body_spans((s, e) for s, e, _raw in phones))
    return _result("phone_in_closing", False,
                   f"Add your phone number{own} to the closing, under your name.")


# --- subject, greeting, next steps -----------------------------------------------------------

_LONE_SUBJECTS = frozenset("""thanks|thank you|thank you so much|thanks so much|many thanks|
thank you!|follow up|follow-up|followup|following up|next steps|next step|checking in|hello|hi|
hey|interview|meeting|our meeting|our conversation|today|none|no subject|re|fwd""".replace(
    "\n", "").split("|"))


def _rule_subject(d: _Draft) -> RuleResult:
    subject = re.sub(r"^(?:(?:re|fwd?)\s*:\s*)+", "", d.subject, flags=re.IGNORECASE)
    plain = re.sub(r"[^\w\s'-]", "", _fold(subject)).strip()
    plain = re.sub(r"\s+", " ", plain)
    if plain in {"", "none", "no subject"}:
        return _result("subject", False, "Add a subject line that says what the note is about, "
                       'e.g. "Great meeting you, Mark: Swift tooling".')
    spans = [Span(0, len(d.subject), "subject")]
    if plain in _LONE_SUBJECTS or len(plain.split()) == 1:
        return _result("subject", False, f'Make the subject specific: "{d.subject}" could be '
                       "any note (add the role, the topic or the person).", spans)
    return _result("subject", True, "Has a specific subject line.", spans)


_GENERIC_ADDRESSEES = frozenset("""hiring manager team sir madam all everyone there recruiter
folks friend friends colleague whom it may concern""".split())


def _rule_greeting(d: _Draft) -> RuleResult:
    want = _first_name(d.context.recipient)
    if d.greeting:
        s, e = d.greeting
        line = d.folded[s:e]
        if want and _names_recipient(line, d.context.recipient or ""):
            return _result("greeting", True, f"Greets {want} by name.", _body_spans([(s, e)]))
        name = (_GREETING_RE.match(d.text[s:e].lstrip("> "))["name"] or "").strip()
        if not want and name and name.split()[0].lower() not in _GENERIC_ADDRESSEES:
            return _result("greeting", True, f"Greets {name} by name.", _body_spans([(s, e)]))
        return _result("greeting", False, f"Greet {want or 'the person'} by name, e.g. "
                       f'"Hi {want or "Mark"},".', _body_spans([(s, e)]))
    return _result("greeting", False, f'Open with a greeting by name, e.g. "Hi {want or "Mark"},".')


def _names_recipient(folded_line: str, recipient: str) -> bool:
    """Whether a greeting line holds the recipient's first or last name ("Dear Mr. Howard")."""
    names = [n for n in _fold(recipient).replace(",", " ").split() if len(n.strip(".")) > 2]
    return any(re.search(rf"\b{re.escape(n)}\b", folded_line) for n in names)


# "I hope to hear back soon about the timeline" asks without a question mark.
_WAITING_RE = re.compile(r"\b(?:hear|hearing|update|updated|informed|posted)\b[^.!?\n]{0,50}"
                         r"\b(?:timeline|time\s*frame|decision|status|next\s+steps?)\b")
_NEXT_STEPS_MENTION_RE = re.compile(r"\bnext\s+(?:steps?|rounds?|stages?)\b")
_CAREER_RE = re.compile(r"\b(?:my|your|the)\s+(?:career|journey|growth|development|learning)\b")
_QUESTION_TOPIC_RE = re.compile(
    r"\bwhen\s+(?:can|could|will|would|should|might|may|do|does|is|are|am|shall|to\s+expect)\b"
    r"|\btime\s*line|\btime\s*frame|\bhow\s+(?:long|soon)\b|\bby\s+when\b|\bdecision\b"
    r"|\bhear\s+back\b|\bheard\s+back\b|\bany\s+(?:news|updates?)\b|\ban\s+update\b"
    r"|\bstatus\b|\bwhere\s+(?:things|we|i|my\s+application)\s+stands?\b|\bmove\s+forward\b"
    r"|\bmoving\s+forward\b|\bprocess\s+to\s+(?:move|proceed|continue)\b"
    r"|\b(?:hiring|interview|recruiting|application|selection)\s+process\b|\bmy\s+(?:application|"
    r"candidacy)\b|\b(?:anything|something)\s+(?:else|more|further)\b"
    r"|\b(?:need|require)\b[^.?!\n]{0,40}\bfrom\s+me\b"
    r"|\bnext\s+(?:steps?|rounds?|stages?)\b"
    r"|\b(?:further|more|additional|other)\s+(?:information|materials|documents|details|"
    r"references)\b|\bexpect\s+to\s+hear\b")
_INDIRECT_QUESTION_RE = re.compile(
    r"\b(?:let\s+me\s+know|i\s+was\s+wondering|i'm\s+wondering|i\s+wonder|wondering\s+(?:if|when|"
    r"whether)|could\s+you\s+(?:tell|update|share|let)|please\s+(?:tell|update|advise|share)|"
    r"(?:would|i'd)\s+(?:like|love)\s+to\s+know|keep\s+me\s+(?:posted|updated|informed))\b")


def _rule_next_steps(d: _Draft) -> RuleResult:
    asked, mentioned = [], []
    for s, e in _sentences(d.text, 0, len(d.text)):
        sentence = d.folded[s:e]
        question = sentence.rstrip("\"') ").endswith("?") or _INDIRECT_QUESTION_RE.search(sentence)
        if question and _QUESTION_TOPIC_RE.search(sentence) or _WAITING_RE.search(sentence):
            asked.append((s, e))
        elif _NEXT_STEPS_MENTION_RE.search(sentence) and not _CAREER_RE.search(sentence):
            mentioned.append((s, e))
    subject_spans = [Span(m.start(), m.end(), "subject")
                     for m in _NEXT_STEPS_MENTION_RE.finditer(_fold(d.subject))]
    if asked:
        return _result("next_steps", False, "Don't ask about next steps, timing or status here; "
                       "the thank-you is about the conversation.",
                       _body_spans(asked + mentioned) + subject_spans)
    if mentioned or subject_spans:
        return _result("next_steps", False, "Leave next steps out: don't mention or assume them "
                       "in a thank-you note.", _body_spans(mentioned) + subject_spans)
    return _result("next_steps", True, "Does not ask about next steps or timing.")


# --- spelling --------------------------------------------------------------------------------

# (pattern on the folded text, what was probably meant); each is a slip a spell checker misses.
_SLIPS = [(re.compile(p), fix) for p, fix in (
    (r"\bmangers?\b", "manager"),
    (r"\bfiling(?=\s+(?:\w+\s+){0,3}(?:role|position|opening|vacancy|job|seat)s?\b)", "filling"),
    (r"\b(?:could|would|should|must|might)\s+of\b", "… have"),
    (r"\b(?:more|better|rather|less|other|bigger|faster)\s+then\b", "… than"),
    (r"\bthank\s+your\b", "thank you"),
    (r"\bits\s+(?=(?:a|been|an|my|great|clear)\b)", "it's"),
    (r"\bpubic\b", "public"),
    (r"\bexited\s+(?=(?:about|to|for|by)\b)", "excited"),
    (r"\bdefiantly\b", "definitely"),
    (r"\b(?:hear|hearing|heard)\s+form\b", "… from"),
    (r"\bprinciple\s+(?=(?:engineer|designer|developer|scientist|architect)s?\b)", "principal"),
    (r"\byour\s+(?=welcome\b)", "you're"),
    (r"\bloose\s+(?=(?:track|sight|touch)\b)", "lose"),
    (r"\bweather\s+(?=(?:or\s+not|i|you|we|it)\b)", "whether"),
)]
_DOUBLED_RE = re.compile(r"\b(\w+)\s+\1\b")
_DETERMINERS_RE = re.compile(r"\b(?:the|a|an|your|my|our)\s+(?:the|a|an|your|my|our|their)\b")
_DOUBLING_ALLOWED = frozenset({"had", "that", "is"})


def _slips(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, advice) of doubled words, stacked determiners and confusable words."""
    found = []
    for match in _DOUBLED_RE.finditer(folded):
        if match[1] not in _DOUBLING_ALLOWED and not match[1].isdigit():
            found.append((match.start(), match.end(), f'"{match[0]}" (doubled word)'))
    for match in _DETERMINERS_RE.finditer(folded):
        if not _inside(match.start(), [(s, e) for s, e, _a in found]):
            found.append((match.start(), match.end(), f'"{match[0]}" (one word too many)'))
    for pattern, fix in _SLIPS:
        for match in pattern.finditer(folded):
            found.append((match.start(), match.end(), f'"{match[0].strip()}" → {fix}'))
    return sorted(found)


@lru_cache(maxsize=64)
def _ignored_words(context: CheckContext) -> frozenset[str]:
    words = set(context.user_words) | set(context.known_terms)
    for value in (context.company, context.recipient, context.sender_name):
        if value:
            words.add(value)
    words.update(_words(context.notes or ""))
    return frozenset(words)


def _rule_spelling(d: _Draft) -> RuleResult:
    ignore = _ignored_words(d.context)
    issues = [(s, e, f'"{w}"', "body") for s, e, w in misspellings(d.body, ignore)]
    issues += [(s, e, a, "body") for s, e, a in _slips(d.folded)]
    issues += [(s, e, f'"{w}"', "subject") for s, e, w in misspellings(d.subject, ignore)]
    issues += [(s, e, a, "subject") for s, e, a in _slips(_fold(d.subject))]
    if not issues:
        return _result("spelling", True, "No spelling slips found.")
    listed = ", ".join(advice for _s, _e, advice, _f in issues[:4])
    more = f" and {len(issues) - 4} more" if len(issues) > 4 else ""
    return _result("spelling", False, f"Proofread: {listed}{more}.",
                   [Span(s, e, f) for s, e, _a, f in issues])


# --- length and shape ------------------------------------------------------------------------


def _rule_concise(d: _Draft) -> RuleResult:
    total = len(_words(d.text))
    long_sentences = [(s, e) for s, e in d.sentences if len(_words(d.text[s:e])) > SENTENCE_WORDS]
    long_paragraphs = [(s, e) for s, e in d.paragraphs
                       if len(_words(d.text[s:e])) > PARAGRAPH_WORDS]
    if total > NOTE_WORDS:
        return _result("concise", False, f"Cut it down: {total} words; aim for under "
                       f"{NOTE_WORDS}, a note read in a minute.", _body_spans(long_paragraphs))
    if long_paragraphs:
        return _result("concise", False, f"Shorten the paragraph of more than {PARAGRAPH_WORDS} "
                       "words.", _body_spans(long_paragraphs))
    if long_sentences:
        return _result("concise", False, f"Split the sentence of more than {SENTENCE_WORDS} "
                       "words.", _body_spans(long_sentences))
    return _result("concise", True, f"Short enough to read in a minute ({total} words).")


def _rule_paragraphs(d: _Draft) -> RuleResult:
    sizes = [(s, e, len(_words(d.text[s:e]))) for s, e in d.paragraphs]
    if len(sizes) == 1 and sizes[0][2] > SINGLE_BLOCK_WORDS:
        return _result("paragraphs", False, "Break the note into short paragraphs (thanks, what "
                       "you discussed, what you bring, your interest).",
                       _body_spans([sizes[0][:2]]))
    blocks = [(s, e) for s, e, n in sizes if n > PARAGRAPH_WORDS]
    if blocks:
        return _result("paragraphs", False, "Break up the long paragraph.", _body_spans(blocks))
    return _result("paragraphs", True, "Broken into short paragraphs.")


_PLACEHOLDER_RE = re.compile(
    r"\[(?:[^\[\]\n]|\n(?!\s*\n)){1,80}\](?!\()"
    r"|\{[^{}\n]{1,40}\}|<<[^<>\n]{1,40}>>|<[A-Z][A-Za-z ]{0,30}>"
    r"|\b(?:XXX+|TBD|TODO|FIXME)\b|\b[Ii]nsert\s+(?:here|name|your|company|the)\b|_{3,}"
    r"|\b(?:Company|Person|Role)\s+[XYZ]\b")


def _placeholders(text: str, company: str | None) -> list[tuple[int, int]]:
    own = " ".join(_fold(company or "\0").split())
    return [(m.start(), m.end()) for m in _PLACEHOLDER_RE.finditer(text)
            if " ".join(_fold(m.group()).split()) != own]


def _rule_placeholders(d: _Draft) -> RuleResult:
    spans = _body_spans(_placeholders(d.text, d.context.company))
    spans += [Span(s, e, "subject") for s, e in _placeholders(d.subject, d.context.company)]
    if spans:
        first = (d.text if spans[0].field == "body" else d.subject)[spans[0].start:spans[0].end]
        first = " ".join(first.split())
        return _result("placeholders", False, f'Fill in the gaps, starting with "{first}".', spans)
    return _result("placeholders", True, "No unfilled gaps.")


# --- individual, link, redeem ----------------------------------------------------------------


@lru_cache(maxsize=256)
def _comparable_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _words(text.translate(_STRAIGHTEN)))


def similarity(a: str, b: str) -> float:
    """How much of two drafts is the same wording, word by word: 0 unrelated, 1 identical."""
    words_a, words_b = _comparable_words(a), _comparable_words(b)
    if not words_a or not words_b:
        return 0.0
    return difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


def _rule_individual(d: _Draft) -> RuleResult:
    others = [o for o in d.context.other_drafts if o.strip()]
    if not others:
        return _result("individual", True, "No other drafts of this meeting to compare with.")
    closest = max(similarity(d.body, other) for other in others)
    if closest >= INDIVIDUAL_THRESHOLD:
        return _result("individual", False, f"{closest:.0%} the same as another draft of this "
                       f"meeting: write to {d.first_name} about what you two discussed.")
    return _result("individual", True, "Different from the other drafts of this meeting.")


_LINK_RE = re.compile(r"https?://[^\s<>()\"']+|\bwww\.[^\s<>()\"']+"
                      r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|dev|org|net|blog|me|co|app)/[^\s<>()]*")
_PROFILE_LINK_RE = re.compile(r"linkedin\.com/in/|mailto:|calendly\.com", re.IGNORECASE)


def _rule_link(d: _Draft) -> RuleResult:
    links = [(m.start(), m.end()) for m in _LINK_RE.finditer(d.text)
             if not _PROFILE_LINK_RE.search(m.group())]
    if links:
        return _result("link", True, "Links to something you wrote.", _body_spans(links))
    return _result("link", False, "Optionally, link a blog post or project of yours tied to the "
                   "conversation.")


def _rule_redeem(d: _Draft) -> RuleResult:
    questions = [p for m, p in d.note_points if m is Marker.QUESTION]
    if not questions:
        return _result("redeem", True, "No ? questions in your notes to revisit.")
    missing = [q for q in questions if not _point_spans(d, q)]
    if missing:
        return _result("redeem", False, "Optionally, revisit the question you would answer "
                       f'better now: "{_shorten(missing[0])}".')
    spans = [s for q in questions for s in _point_spans(d, q)]
    return _result("redeem", True, "Revisits the questions from your notes.", _body_spans(spans))


# --- the checklist ---------------------------------------------------------------------------

_RULES: dict[str, Callable[[_Draft], RuleResult]] = {
    "thanks": _rule_thanks, "specifics": _rule_specifics, "contribution": _rule_contribution,
    "company_named": _rule_company_named, "interest": _rule_interest,
    "phone_in_closing": _rule_phone_in_closing, "generic_reference": _rule_generic_reference,
    "subject": _rule_subject, "next_steps": _rule_next_steps, "spelling": _rule_spelling,
    "concise": _rule_concise, "paragraphs": _rule_paragraphs, "greeting": _rule_greeting,
    "placeholders": _rule_placeholders, "individual": _rule_individual, "link": _rule_link,
    "redeem": _rule_redeem,
}


def check_draft(subject: str | None, body: str,
                context: CheckContext = CheckContext()) -> list[RuleResult]:
    """One result per rule, in RULE_IDS order (required rules first)."""
    draft = _Draft(subject, body or "", context)
    return [_RULES[rule](draft) for rule in RULE_IDS]


def failing_required(results: Iterable[RuleResult]) -> list[RuleResult]:
    """The results of required rules that did not pass."""
    return [r for r in results if r.severity == REQUIRED and not r.passed]
