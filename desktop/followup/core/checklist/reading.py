"""Reading a draft once for every rule: normalised text, greeting, content, closing, sentences.

Offsets are kept throughout: the folded text (lower case, straight quotes, no accents) has one
character for each character of the draft, so a match in it is a span in what the user typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cached_property, lru_cache

from followup.core.checklist.results import CheckContext, Span
from followup.core.checklist.vocabulary import EVERYDAY_COUNT, GENERIC_WORDS, STOPWORDS
from followup.core.markers import Marker, parse_notes
from followup.core.names import greeting_name, without_their_name
from followup.core.note_kinds import never_a_point
from followup.core.phones import find_phone_numbers, region_of

CLOSING_PARAGRAPH_SENTENCES = 2  # a short last paragraph belongs to the closing

# One character for one, so offsets in the straightened text are offsets in the draft.
STRAIGHTEN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                            "\u00a0": " "})
WORD_RE = re.compile(r"[A-Za-z0-9][\w'&-]*")
# A sentence ends at . ! ? followed by a space or the end; "Company.io" and "e.g.x" do not end one.
_SENTENCE_RE = re.compile(r"(?:[^.!?]|[.!?](?=[^\s\"')\]]))+(?:[.!?]+[\"')\]]*|$)")
_GREETING_WORDS = r"(?i:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening))"
GREETING_RE = re.compile(
    # A name starts with a capital, any script's ("Đức"), or is in a script without case ("王芳")
    rf"^\s*(?P<hello>{_GREETING_WORDS}\b)?[\s,]*(?P<name>(?:(?:[A-Z]|[^\W\d_a-z])[\w.'-]*\s*)"
    rf"{{0,3}})[,!:.\-]?\s*$")
_SIGNOFF_RE = re.compile(
    r"^\s*(?:best|best\s+regards|best\s+wishes|all\s+the\s+best|regards|kind\s+regards|"
    r"warm\s+regards|warmest(?:\s+regards)?|warmly|sincerely|yours(?:\s+truly|\s+sincerely)?|"
    r"respectfully(?:\s+yours)?|cordially|"
    r"cheers|thanks|thank\s+you|thanks\s+again|thank\s+you\s+again|many\s+thanks|"
    r"with\s+(?:gratitude|thanks|appreciation|best\s+wishes|kind\s+regards)|gratefully|"
    r"looking\s+forward|look\s+forward|talk\s+soon|take\s+care|speak\s+soon|all\s+my\s+best)"
    r"\b[^.?\n]{0,20}[,!.]?\s*$",
    re.IGNORECASE)


# Words that open or close a note but are nobody's name: "Thanks!" is no greeting of "Thanks".
NOT_NAMES = frozenset("""thanks thank thankyou best cheers regards sincerely greetings hello hi hey
dear congratulations congrats welcome sorry apologies great wow ok okay yes hooray update note
notes good morning afternoon evening all everyone everybody folks team there hiya howdy yo again
many kind warm warmest warmly quick re fwd fw subject""".split())


def is_name(text: str) -> bool:
    """Whether `text` (the words after a greeting word) can be a name: not empty and none of
    its words a word of greeting, thanks or sign-off."""
    parts = [p.strip(".,!:;'-").lower() for p in text.split()]
    return bool(parts) and all(p and p not in NOT_NAMES for p in parts)


def fold(text: str) -> str:
    """`text` lower-cased, without accents and curly quotes, one character for one."""
    return "".join(c if c.isascii() else _fold_char(c) for c in text.translate(STRAIGHTEN)).lower()


@lru_cache(maxsize=1024)
def _fold_char(c: str) -> str:
    # "İ".lower() is two characters; folding first keeps one character for one.
    return (unicodedata.normalize("NFKD", c)[:1].lower() or c)[:1]


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def lines_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end excluding the newline."""
    spans, offset = [], 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        spans.append((offset, offset + len(line)))
        offset += len(raw)
    return spans


def sentences_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences paragraph by paragraph, so a hard-wrapped sentence stays one sentence."""
    found = []
    for p_start, p_end in paragraphs_of(text, start, end):
        for match in _SENTENCE_RE.finditer(text, p_start, p_end):
            lead = len(match.group()) - len(match.group().lstrip())
            if match.group().strip():
                found.append((match.start() + lead, match.end()))
    return found


def paragraphs_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Blocks separated by blank lines; with no blank line at all, each line is one."""
    lines = [(s, e) for s, e in lines_of(text) if s >= start and e <= end]
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


class Draft:
    """A draft with the parts every rule needs: greeting, content, closing, sentences."""

    def __init__(self, subject: str | None, body: str, context: CheckContext):
        self.subject = (subject or "").strip()
        self.body = body
        self.context = context
        self.text = body.translate(STRAIGHTEN)
        self.folded = fold(body)
        self._memo: dict = {}

    def memo(self, reader):
        """`reader(self)`, computed once per draft: rules share what they read."""
        if reader not in self._memo:
            self._memo[reader] = reader(self)
        return self._memo[reader]

    @cached_property
    def content_words(self) -> list[tuple[int, int, str]]:
        """(start, end, stem) of each word of the content."""
        return [(m.start(), m.end(), stem(m.group())) for m in WORD_RE.finditer(self.content)]

    @cached_property
    def region(self) -> str:
        """The two-letter region phone numbers without a + are read in."""
        return region_of(self.context.sender_phone)

    @cached_property
    def phones(self) -> list[tuple[int, int, str]]:
        return find_phone_numbers(self.text, self.region)

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        return [(s, e) for s, e in lines_of(self.text) if self.text[s:e].strip()]

    @cached_property
    def greeting(self) -> tuple[int, int] | None:
        if not self.lines:
            return None
        s, e = self.lines[0]
        line = self.text[s:e].lstrip("> ")
        match = GREETING_RE.match(line)
        if not match or len(line.split()) > 6:
            return None
        if match["hello"] or is_name(match["name"]):
            return s, e
        return None  # "Thanks!" or "Best," first: a word of thanks or a sign-off, no greeting

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
            or any(s <= start < e for start, _end, _raw in self.phones) for s, e in lines)

    @cached_property
    def content(self) -> str:
        """The body between greeting and closing, other characters blanked (offsets kept)."""
        return blank_outside(self.text, self.content_start, self.closing_start)

    @cached_property
    def folded_content(self) -> str:
        return blank_outside(self.folded, self.content_start, self.closing_start)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return sentences_of(self.text, self.content_start, self.closing_start)

    @cached_property
    def all_sentences(self) -> list[tuple[int, int]]:
        return sentences_of(self.text, 0, len(self.text))

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        return paragraphs_of(self.text, self.content_start, self.closing_start)

    @cached_property
    def first_name(self) -> str:
        return first_name(self.context.recipient) or "the person"

    @cached_property
    def note_points(self) -> list[tuple[Marker | None, str]]:
        # the person's own name at a line's start is who it is about ("fatima - recruiting
        # coord, sorted my badge"), as drafting reads it
        notes = "\n".join(without_their_name(line, self.context.recipient or "")
                          for line in (self.context.notes or "").splitlines())
        return note_points(notes)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        for s, e in self.all_sentences:
            if s <= offset < e:
                return s, e
        return offset, offset


def blank_outside(text: str, start: int, end: int) -> str:
    return " " * start + text[start:end] + " " * (len(text) - end)


def first_name(name: str | None) -> str | None:
    """The name a draft greets the recipient by, as drafting writes it (`names.greeting_name`)."""
    return greeting_name(name or "") or None


def body_spans(pairs: Iterable[tuple[int, int]]) -> list[Span]:
    return [Span(s, e, "body") for s, e in pairs]


def inside(offset: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def in_quotes(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count('"', line_start, offset) % 2 == 1


def person_words(context: CheckContext) -> set[str]:
    found = set()
    for name in (context.recipient, context.sender_name):
        found.update(w.lower().strip(".,") for w in (name or "").split())
    return found


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light stem: "caching", "cached", "caches" and "cache" all give "cach"."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in ("ations", "ation", "ings", "ing", "ions", "ion", "ments", "ment", "ies",
                   "ed", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    if word.endswith("e") and len(word) >= 5:
        return word[:-1]  # "service" as "services" gives "servic"
    return word


_GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_WORDS)


def phrase_spans(folded: str, phrase: str) -> list[tuple[int, int]]:
    """Where `phrase` (folded) stands as whole words in `folded`, across any spacing."""
    phrase = phrase.strip()
    if len(phrase) < 2:
        return []
    body = r"\s+".join(re.escape(part) for part in phrase.split())
    pattern = r"(?<![\w])" + body + r"(?![\w])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, folded)]


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"




def content_stems(text: str) -> set[str]:
    return {stem(w) for w in words(text)
            if len(w) >= 3 and w.lower() not in STOPWORDS and not w.isdigit()}


@lru_cache(maxsize=64)
def note_points(notes: str) -> list[tuple[Marker | None, str]]:
    """The note lines a draft may mention as specific points: logistics (salary, timing,
    travel), how the meeting ran, health and family events and the user's verdict are never
    the point of a follow-up (`note_kinds.never_a_point`, as drafting decides), so they are
    neither asked for nor counted."""
    return [(line.marker, line.text) for line in parse_notes(notes)
            if content_stems(line.text)
            and (line.marker is Marker.QUESTION or not never_a_point(line.text))]


RARE_COUNT = 1000  # occurrences in the dictionary's corpus: "sourdough" 298, "kafka" 50


def point_spans(d: Draft, point: str) -> list[tuple[int, int]]:
    """Where a note point's words are in the draft's prose, when enough of them are there to be
    it: two of its content words, or one rare or named one ("LRU", "Kafka", "sourdough").

    Content words are not stopwords, words of any interview ("team", "platform" is one), the
    people's or the company's names, nor everyday words. Only the body between greeting and
    sign-off counts: not the subject, not the signature, not note lines pasted into the draft.
    """
    wanted, strong = _point_words(point, d.memo(_not_point_words), d.memo(_known_words))
    hits = [(s, e, st) for s, e, st in d.memo(_prose_words) if st in wanted]
    found = {st for _s, _e, st in hits}
    if len(found) >= 2 or found & strong:
        return [(s, e) for s, e, _stem in hits]
    return []


def names_something(d: Draft, point: str) -> bool:
    """Whether a note point has any content word to look for (not "great team culture")."""
    return bool(_point_words(point, d.memo(_not_point_words), d.memo(_known_words))[0])


_PASTED_NOTE_RE = re.compile(r"[ \t>]*(?:[-*][ \t]+)?[!?+][ \t]")


_PART_RE = re.compile(r"[^\W_][\w']*")


_GAP_RE = re.compile(r"\[[^\[\]\n]*\](?!\()")


def _prose_words(d: Draft) -> list[tuple[int, int, str]]:
    """(start, end, stem) of the content's words, hyphenated ones also by part ("cron-to-Kafka"
    holds "Kafka"), without lines that are pasted notes."""
    pasted = [(s, e) for s, e in d.lines if _PASTED_NOTE_RE.match(d.text, s)]
    # A gap or a prompt ("[say what stayed with you about: the Looker migration]") names the
    # note for the user to write about: it is not the point said, so it never counts as one.
    pasted += [m.span() for m in _GAP_RE.finditer(d.content)]
    found = []
    for start, end, word_stem in d.content_words:
        if inside(start, pasted):
            continue
        found.append((start, end, word_stem))
        if "-" in d.content[start:end]:
            found += [(m.start(), m.end(), stem(m.group()))
                      for m in _PART_RE.finditer(d.content, start, end)]
    return found


def _not_point_words(d: Draft) -> frozenset[str]:
    """The people's and the company's words and their stems: never what a point is about."""
    own = person_words(d.context) | set(fold(d.context.company or "").split())
    return frozenset(own | {stem(w) for w in own})


def _known_words(d: Draft) -> frozenset[str]:
    return frozenset(w.lower() for term in d.context.known_terms for w in term.split())


@lru_cache(maxsize=512)
def _point_words(point: str, others: frozenset[str],
                 known: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(stems of the point's content words, stems of those that are rare or named)."""
    from followup.core.spelling import checker

    frequency = checker().word_frequency
    stems, strong = set(), set()
    parts = [m.group() for m in WORD_RE.finditer(point)]
    parts += [p for w in parts if "-" in w for p in _PART_RE.findall(w)]
    for index, word in enumerate(parts):
        word = word.removesuffix("'s")
        lower = word.lower()
        digits = any(ch.isdigit() for ch in word)
        if lower in STOPWORDS or lower in others or stem(lower) in others or word.isdigit():
            continue
        if len(word) < 3 and not digits:
            continue
        named = (digits or word[1:] != word[1:].lower() or lower in known
                 or word[0].isupper() and index > 0)
        if not named and (lower in GENERIC_WORDS or stem(lower) in _GENERIC_STEMS
                          or frequency[lower] >= EVERYDAY_COUNT):
            continue
        stems.add(stem(lower))
        if named or frequency[lower] < RARE_COUNT:
            strong.add(stem(lower))
    return frozenset(stems), frozenset(strong)


def key_first(points: list[tuple[Marker | None, str]]) -> list[tuple[Marker | None, str]]:
    return sorted(points, key=lambda p: p[0] is not Marker.KEY)


_CLAUSE_BREAK_RE = re.compile(r"[,;:()]|\s-\s|\b(?:and|but|so|because|while|although|as)\s")
_WRITER_RE = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|im|ive|me|my|we|we're|we've|myself)\b")
_OTHER_SUBJECT_RE = re.compile(
    r"\b(?:you|you're|you've|you'd|he|she|they|someone|anyone|people|everyone|if|whether|unless"
    r"|candidates?)\b")


def said_by_writer(folded: str, sentence_start: int, offset: int) -> bool:
    """Whether the words at `offset` are the writer's own feeling or act, by the nearest subject
    before them in the clause: "I am excited" yes, "if you are interested" no, "Excited to…"
    (no subject) yes."""
    head = folded[sentence_start:offset]
    breaks = list(_CLAUSE_BREAK_RE.finditer(head))
    clause = head[breaks[-1].end():] if breaks else head
    writer = [m.start() for m in _WRITER_RE.finditer(clause)]
    other = [m.start() for m in _OTHER_SUBJECT_RE.finditer(clause)]
    if not other:
        return True
    return bool(writer) and max(writer) > max(other)
