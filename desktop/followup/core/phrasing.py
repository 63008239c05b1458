"""One note line turned into words said to the person it is about.

Notes are terse: `runs the platform team, 6 engineers`, `customers complain about ETA accuracy`,
`pair debugging session on a lagging Kafka consumer`, `he showed the partition rebalancing
trick`. A small grammar of these shapes, with the English lexicon of `lemminflect` (which ships
its own data) to tell verbs and their forms, turns a line into a `Phrase`: a clause with the
recipient as "you" ("you run the platform team (6 engineers)"), a topic ("the pair debugging
session on a lagging Kafka consumer"), or a thing done in the meeting ("you showed me ...").
Shorthand is written out, the user's asides and verdicts are left out, and the user's own words
(names, products, numbers, technical terms) stay as written. `frames` puts a phrase in a
sentence. Source of the rules: issue "Drafts a person would send" and the career guides.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from followup.core.note_kinds import is_descriptor, is_logistics, is_self_assessment


class Shape(Enum):
    """How a phrase fits a sentence frame."""

    CLAUSE = "clause"  # "you run the platform team": fits "hearing that {}"
    PROBLEM = "problem"  # a clause about a pain point: fits "It was helpful to understand that {}"
    TOPIC = "topic"  # "the 4-day week pilot": fits "our conversation about {}"
    IN_MEETING = "in_meeting"  # "you showed me the trick": fits "I really appreciated that {}"
    MINE = "mine"  # "I pitched idempotency keys": the user's own clause


@dataclass(frozen=True)
class Phrase:
    shape: Shape
    text: str  # no final full stop; starts lower-case unless its first word is a name
    gerund: str = ""  # IN_MEETING only: "showing me the trick", for "Thank you for {}"


# ---- the lexicon ------------------------------------------------------------------------------

def warm_up() -> None:
    """Load the word tables now (about a second on a busy machine, once per process), e.g.
    from a worker thread at start-up, so that the first draft does not wait for them."""
    _lemmas("runs")
    _inflections("run")


@lru_cache(maxsize=4096)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    from lemminflect import getAllLemmas  # its tables load on first use (about 0.2 s)

    return getAllLemmas(word)


@lru_cache(maxsize=4096)
def _inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    from lemminflect import getAllInflections

    return getAllInflections(lemma, upos="VERB")


def _bare(word: str) -> str:
    return word.lower().strip("()\"'.,:;!?")


_NOT_VERBS = frozenset("""
    team office mission culture stack roadmap product platform customers users codebase process
    org company plans architecture pipeline pipelines data quality design pair round review
    reviews tests test work docs study group support ops on-call release releases
    lots lot days weeks months years hours minutes
""".split())
# What a person wants or thinks: a later piece with one of these is the person's, not the
# subject's ("pager load is too high, wants to cut it": you want to cut it).
_WISHES = frozenset("want hope plan think believe like love prefer wish aim expect".split())
_PLURALS = frozenset("people children men women folks staff devs engineers data".split())
_NOT_GERUND = frozenset("""
    billing building ceiling consulting engineering evening funding king logging marketing
    meeting morning nothing onboarding pricing ring something spring string thing ticketing
    tooling training wedding everything anything accounting networking computing streaming
    sharding caching hashing batching testing debugging scheduling routing lending banking
    hiring housing
""".split())
_MODALS = frozenset("can could will would should might must may".split())
_BE_FORMS = {"is": "are", "was": "were", "has": "have", "does": "do", "'s": "'re"}
_DETERMINERS = frozenset("""
    a an the this that these those my your his her its our their some any no every each all
    both many few several lots
""".split())
_PREPOSITIONS = frozenset("""
    to from in on at for with about into onto over by up out back off down away around through
    as like than of per via across after before during since until without within between
    among against behind under above beyond
""".split())
_ADJECTIVE_STARTS = frozenset("""
    based interested excited located focused involved married keen passionate proud curious
    obsessed
""".split())


def verb_form(word: str) -> str | None:
    """`VBZ`, `VBD`, `VBG` or `VB` when `word` can be that form of a verb, else None."""
    bare = _bare(word)
    if bare in _MODALS:
        return "MD"
    if bare in ("is", "was", "has", "does", "are", "were", "had", "did"):
        return "VBZ" if bare in _BE_FORMS else "VBD" if bare in ("was", "were", "had", "did") \
            else "VB"
    lemmas = _lemmas(bare).get("VERB")
    if not lemmas or not bare.isalpha():
        return None
    forms = _inflections(lemmas[0])
    for tag in ("VBZ", "VBD", "VBN", "VBG", "VB"):
        if bare in forms.get(tag, ()):
            return "VBD" if tag == "VBN" else tag
    return None


def verb_base(word: str) -> str:
    """The base form: `runs` -> `run`, `was` -> `be`."""
    bare = _bare(word)
    if bare in ("is", "was", "are", "were"):
        return "be"
    lemmas = _lemmas(bare).get("VERB") or _lemmas(bare).get("AUX")
    return lemmas[0] if lemmas else bare


def gerund_of(word: str) -> str:
    """`showed` -> `showing`."""
    forms = _inflections(verb_base(word)).get("VBG")
    return forms[0] if forms else word


def _is_noun(word: str) -> bool:
    return "NOUN" in _lemmas(_bare(word)) or _bare(word) in _NOT_VERBS


def _starts_verb(words: list[str]) -> str | None:
    """The verb form of a line's first word when the line starts with a verb about someone."""
    first = _bare(words[0])
    if first in _NOT_VERBS or first in _DETERMINERS or not words[0][:1].islower():
        return None
    form = verb_form(first)
    after = _bare(words[1]) if len(words) > 1 else ""
    if first in _NOT_GERUND and after in _DETERMINERS:
        return "VBG"  # "building a new stack", "testing a new tool"
    if form == "VBG" and (first in _NOT_GERUND or len(words) > 1 and _verb_after(words[1:2])):
        return None  # "onboarding is slow": a subject, not "you're onboarding"
    if form == "VBZ" and _is_noun(first) and after and verb_form(after) in ("VB", "VBZ") \
            and not _is_noun(after):
        return None  # "engineers own their services": a plural subject
    if form == "VB" and _is_noun(first):
        return None  # "interest in green computing": notes say "runs", so a bare "run" is a noun
    return form


def _verb_after(words: list[str]) -> bool:
    for word in words:
        form = verb_form(word)
        if form in ("VBZ", "VBD", "MD") or _bare(word) in ("are", "were", "is", "was"):
            return True
    return False


# ---- cleaning ---------------------------------------------------------------------------------

_SHORTHAND = (
    (r"\s*->\s*", " to "), (r"\s*=>\s*", " to "), (r"\s+=\s+", " is "),
    (r"(?<=\s)~\s*(?=\d)", "about "), (r"^~\s*(?=\d)", "about "), (r"\s\+\s", " and "),
    (r"\s&\s", " and "), (r"\bw/o\b", "without"), (r"\bw/(?=\s|\w)", "with "),
    (r"\bb/c\b", "because"), (r"\bbc\b", "because"), (r"\bbtw\b,?\s*", ""),
    (r"\bimo\b,?\s*", ""),
    (r"\b(?:lol|lmao|haha+|:\)|:D)(?=\s|$)", ""), (r"\bprev(?:ious)?\s+co\b", "previous company"),
    (r"\b(at|from|in)\s+prev(?:ious)?\s+(?=job|role|company|team|gig|employer)",
     r"\1 my previous "),
    (r"^prev(?:iously)?\s+(?=at\b|@)", "previously "), (r"\bprev\b", "previous"),
    (r"\bprevly\b", "previously"), (r"\byrs\b", "years"), (r"\byr\b", "year"),
    (r"\bmos\b", "months"), (r"\bwks?\b", "weeks"), (r"\bmgr\b", "manager"),
    (r"\bmgrs\b", "managers"), (r"\beng\b", "engineering"), (r"\bmins?\b", "minutes"),
    (r"\bmgmt\b", "management"), (r"\bppl\b", "people"),
    (r"\besp\b", "especially"), (r"\bthru\b", "through"), (r"\btho\b", "though"),
    (r"\bconvo\b", "conversation"), (r"\bexp\b", "experience"), (r"\bimpl\b", "implementation"),
    (r"\bapprox\b", "about"), (r"\bvs\.?(?=\s)", "versus"), (r"\bsr\b", "senior"),
    (r"\bjr\b", "junior"), (r"\bdept\b", "department"), (r"\bre:\s*", "about "),
    (r"(?<=\s)@\s*(?=[A-Za-z])", "at "), (r"\bteh\b", "the"), (r"\badn\b", "and"),
    (r"\bhes\b", "he's"), (r"\bshes\b", "she's"), (r"\btheyre\b", "they're"),
    (r"\babt\b", "about"), (r"\bwiht\b", "with"), (r"\bthier\b", "their"), (r"\bhte\b", "the"),
    (r"\btaht\b", "that"),
)
_SHORTHAND_RE = [(re.compile(p, re.IGNORECASE), r) for p, r in _SHORTHAND]
_CHANGE_RE = re.compile(r"^([\w.-]+(?:\s[\w.-]+)?)\s*(?:->|=>)\s*")  # "search -> vectors"
_PLUS_CHAIN_RE = re.compile(r"[\w.-]+(?:\s\+\s[\w.-]+){2,}")  # "go + postgres + k8s"


def _list_of(match: re.Match) -> str:
    items = match.group().split(" + ")
    return ", ".join(items[:-1]) + " and " + items[-1]


@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """One line with shorthand written out, quotes and asides in parentheses dropped."""
    text = re.sub(r"\([^)]*\)", " ", text)  # "(not quite true)": the user's aside
    text = "".join(c for c in text if unicodedata.category(c) not in ("So", "Sk", "Cs"))  # emoji
    if text.isupper() and len(text.split()) >= 2:
        text = text.lower()  # "RUNS THE KERNEL TEAM"
    text = text.replace("\u201c", "").replace("\u201d", "").replace('"', "")
    text = _CHANGE_RE.sub(r"moving from \1 to ", " ".join(text.split()))
    text = _PLUS_CHAIN_RE.sub(_list_of, text)
    for pattern, repl in _SHORTHAND_RE:
        text = pattern.sub(repl, text)
    text = re.sub(r"\bi(?=$|\s|'(?:d|m|ve|ll)\b)", "I", text)  # "how i'd" -> "how I'd"
    return " ".join(text.split()).strip(" .,;:!?-")


def _adjective(word: str) -> bool:
    lemmas = _lemmas(_bare(word))
    if not lemmas:  # not in the tables: judge by the ending ("reversible", "serverless")
        return _bare(word).endswith(("ible", "able", "ful", "ous", "ive", "less", "ic", "al"))
    return "ADJ" in lemmas and "VERB" not in lemmas


def split_parts(text: str) -> list[tuple[str, str]]:
    """(separator before, piece) at commas, semicolons, colons and spaced dashes."""
    parts, start, sep = [], 0, ""
    for match in re.finditer(r"[,;:](?=\s)|\s[-\u2013\u2014]+\s|\s/\s", text):
        before = text[:match.start()].split()[-1:] or [""]
        after = text[match.end():].split()[:1] or [""]
        if match.group() == "," and _lemmas(_bare(before[0])).keys() & {"ADJ"} \
                and not _lemmas(_bare(before[0])).keys() & {"VERB"} and start < match.start() \
                and _adjective(after[0]):
            continue  # "small, reversible changes": one list of adjectives
        parts.append((sep, text[start:match.start()].strip()))
        sep, start = match.group().strip(), match.end()
    parts.append((sep, text[start:].strip()))
    return [(s, p) for s, p in parts if p]


# ---- the recipient as "you" ---------------------------------------------------------------------

_SUBJECTS = ("he", "she", "they", "we")
_POSSESSIVE = {"his": "your", "their": "your", "our": "your", "theirs": "yours", "ours": "yours",
               "hers": "yours"}
_OBJECTS = {"him": "you", "them": "you", "us": "you", "himself": "yourself", "herself": "yourself",
            "themselves": "yourselves", "ourselves": "yourselves"}
_CONTRACTIONS = {"he's": "you're", "she's": "you're", "they're": "you're", "we're": "you're",
                 "they've": "you've", "we've": "you've", "he'd": "you'd", "she'd": "you'd",
                 "they'd": "you'd", "we'd": "you'd", "he'll": "you'll", "she'll": "you'll",
                 "they'll": "you'll"}
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z']*")


def _agree(words: list[str], index: int) -> None:
    """The verb after a new "you" agrees with it: `runs` -> `run`, `was` -> `were`."""
    if index >= len(words):
        return
    bare = _bare(words[index])
    if bare in _BE_FORMS:
        words[index] = _BE_FORMS[bare]
    elif bare in ("always", "also", "really", "still", "now", "just", "often", "never") \
            and index + 1 < len(words):
        _agree(words, index + 1)
    elif verb_form(bare) == "VBZ" and bare not in _NOT_VERBS:
        words[index] = verb_base(bare)


def _other_gender(words: list[str]) -> frozenset[str]:
    """The pronouns of someone else in the line: in `her dog ..., walks him`, "him" is the dog."""
    for word in words:
        bare = word.lower().strip(".,;:!?")
        if bare in _MALE:
            return _FEMALE
        if bare in _FEMALE:
            return _MALE
    return frozenset()


_MALE = frozenset("he he's he'd he'll him his himself".split())
_FEMALE = frozenset("she she's she'd she'll her hers herself".split())
_FIRST_ONLY = frozenset("we we're we've we'd our ours us ourselves".split())


def to_you(text: str, first_name: str = "") -> str:
    """A phrase about the person said to them: `he runs his team` -> `you run your team`.

    "we" and "our" count as the person's side only at the start of a line: in `liked that we
    used event sourcing`, "we" is the user's own team."""
    words = text.split()
    names = {first_name.lower()} if first_name else set()
    others = _other_gender(words)
    plural_before = False  # "most teams over-engineer their CI": their is the teams'
    for i, word in enumerate(words):
        bare = word.lower().strip(".,;:!?")
        tail = word[len(word.rstrip(".,;:!?")):]
        if bare in others or bare in _FIRST_ONLY and i > 0 \
                or plural_before and bare in ("their", "they", "them", "theirs"):
            continue
        if i > 0 and bare.endswith("s") and not bare.endswith("ss") and "NOUN" in _lemmas(bare) \
                and bare not in _POSSESSIVE and bare not in ("his", "its", "yours", "ours", "us"):
            plural_before = True
        if bare in ("he's", "she's") and i + 1 < len(words) and _bare(words[i + 1]) in (
                "been", "got", "gotten", "done", "had", "worked", "led", "built", "seen"):
            words[i] = "you've" + tail  # "he's been at the company": you've been
        elif bare in _CONTRACTIONS:
            words[i] = _CONTRACTIONS[bare] + tail
        elif bare in _SUBJECTS or bare in names and i == 0:
            words[i] = "you" + tail
            _agree(words, i + 1)
        elif bare in _POSSESSIVE:
            words[i] = _POSSESSIVE[bare] + tail
        elif bare in _OBJECTS:
            words[i] = _OBJECTS[bare] + tail
        elif bare == "her":
            following = words[i + 1] if i + 1 < len(words) else ""
            words[i] = ("your" if following[:1].isalnum() and not tail
                        and _bare(following) not in _PREPOSITIONS | {"and", "or"} else "you") + tail
        elif bare in ("she", "he") or bare.endswith(("'s",)) and bare[:-2] in names:
            words[i] = "your" + tail
    return " ".join(words)


# ---- pieces of a line ---------------------------------------------------------------------------

_REPORTING_RE = re.compile(
    r"^(?:(?:he|she|they|we)\s+)?(?:(?:talked|spoke|chatted)\s+(?:a\s+lot\s+)?about|discussed"
    r"|mentioned|told\s+me(?:\s+about)?|explained|described|said|noted|pointed\s+out"
    r"|brought\s+up|shared|talked\s+through)(?:\s+that)?(?:\s*:\s*|\s+)", re.IGNORECASE)
# Past verbs of things done in the meeting itself: appreciated, not reported as news.
_IN_MEETING = frozenset("""
    like love enjoy show give suggest recommend offer introduce invite walk take help praise
    draw sketch demo answer pair share teach point send set arrange organize organise
    coordinate host welcome greet meet review ask
""".split())
# Things given to the user, which also read well as "Thank you for showing me ...".
_GIVING = frozenset("""
    show give teach walk recommend suggest introduce share offer send point explain draw sketch
""".split())
_PASSIVES = frozenset("""
    promoted hired named appointed elected recruited poached acquired born raised headhunted
""".split())
_SHOW_VERBS = frozenset("show teach send".split())  # "showed the trick": showed me
_PROBLEM_RE = re.compile(
    r"\b(?:complain\w*|struggl\w*|pain(?:ful)?|broken|slow|flaky|outages?|lacks?|"
    r"missing|no\s+\w+|not\s+enough|hard\s+to|difficult|bottleneck|backlog|debt|churn|late"
    r"|manual|brittle|fragile|problems?|issues?|bugs?|fire-?fight\w*"
    r"|too\s+(?:high|slow|many|much|long|few))\b", re.IGNORECASE)
_TEAM_WORDS = frozenset("""
    team teams office mission culture stack roadmap product platform customers users codebase
    process org plans architecture pipeline pipelines engineers clients data infra backlog
    on-call oncall
""".split())
_TIME_TAIL_RE = re.compile(r"\s+(?:today|currently|right now|now|yet|at the moment)$", re.I)
_NEGATION_RE = re.compile(r"^(?:no|not|zero|lack\s+of|missing|without)\s+(?:any\s+|real\s+)?",
                          re.I)
_WILLING = frozenset("happy glad keen able eager willing available".split())


def _drop(part: str) -> bool:
    """A piece the email never carries: the user's verdict, logistics, an impression, a link
    (the draft offers the user's own links, not the notes')."""
    return is_self_assessment(part) or is_logistics(part) or is_descriptor(part) \
        or re.search(r"https?://|www\.", part) is not None


def _subject_clause(words: list[str]) -> bool:
    """`customers want alerts`, `the team ships weekly`; not `pair debugging session`."""
    start = 1 if _bare(words[0]) in _DETERMINERS else 0
    for i in range(start + 1, min(len(words), start + 5)):
        bare = _bare(words[i])
        if bare == "of" and i + 1 < len(words):
            continue  # "new VP of engineering joined": the subject goes on
        if bare in _PREPOSITIONS or bare in ("where", "which", "that", "who", "whose", "when"):
            return False
        if words[i - 1][:1].isdigit() or _bare(words[i - 1]) in _DETERMINERS:
            continue  # "about 40 services", "the ships": a noun after a number or article
        form = verb_form(bare)
        if form in ("VBZ", "VBD", "MD") or bare in ("are", "were"):
            if form == "VBZ" and bare in _NOT_VERBS:
                continue
            if form == "VBZ" and _is_noun(bare) and _bare(words[i - 1]).endswith(
                    ("ity", "ion", "ness", "ance", "ence", "ure")):
                continue  # "accessibility audits", "security reviews": compound nouns
            if form == "VBD" and i + 1 < len(words) and _bare(words[i + 1]) == "by":
                return False  # "tables owned by Marcus": a participle
            return True
        plural = _bare(words[i - 1]).endswith("s") or _bare(words[i - 1]) in _PLURALS
        if form == "VB" and plural and not _is_noun(bare):
            return True  # "customers want alerts", "people rotate between teams"
        after = _bare(words[i + 1]) if i + 1 < len(words) else ""
        if form == "VB" and plural and after and (
                after in _DETERMINERS | _PREPOSITIONS | {"more", "every", "each"}
                or "ADV" in _lemmas(after)):
            return True  # "releases go out every Tuesday", "consumers lag during peak hours"
    return False


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    bare = _bare(first)
    if first[:1].isupper() and first[1:].islower() and bare != "i" and bare not in _NAMES and (
            verb_form(bare) or bare in _DETERMINERS | _TEAM_WORDS | set(_SUBJECTS)
            or bare in _POSSESSIVE or "NOUN" in _lemmas(bare) or "ADJ" in _lemmas(bare)
            or bare in _PREPOSITIONS):
        return text[:1].lower() + text[1:]
    return text


# Products and languages that are also English words: a capital keeps its meaning.
_NAMES = frozenset("""
    python go rust swift ruby java spark snowflake looker elixir julia dart scala hive beam
    pandas polars airflow dagster kafka docker terraform vault consul nomad grafana
""".split())
_NO_ARTICLE = frozenset("you your me it them how what why when where whether".split())


def _with_the(words: list[str]) -> list[str]:
    """A bare, lower-case singular noun phrase gets "the": `monolith to k8s` -> `the monolith`."""
    if not words:
        return words
    first = _bare(words[0])
    compound_number = re.match(r"\d+-[a-z]", words[0]) is not None  # "4-day week pilot"
    if not (words[0][:1].islower() or compound_number) or first in _DETERMINERS \
            or first in _PREPOSITIONS or first in _NO_ARTICLE or first in _OBJECTS \
            or words[0][:1].isdigit() and not compound_number:
        return words
    head = []
    for word in words:
        if _bare(word) in _PREPOSITIONS | {"and", "or"}:
            break
        head.append(_bare(word))
    if not head or head[-1].endswith("s") and not head[-1].endswith(("ss", "us", "is")):
        return words
    if verb_form(head[0]) == "VBG" and head[0] not in _NOT_GERUND:
        return words
    if "NOUN" not in _lemmas(head[-1]) and head[-1] not in _NOT_VERBS and not head[-1].isalpha():
        return words
    if head[-1].endswith(("ing", "ly")) or "NOUN" not in _lemmas(head[-1]) and len(head) == 1:
        return words
    return ["the", *words]


def _verb_clause(words: list[str], form: str) -> tuple[Shape, str, str]:
    """A verb-led piece about the person, as a clause with "you"."""
    first, rest = _bare(words[0]), words[1:]
    base = verb_base(first)
    if base in _SHOW_VERBS and form == "VBD" and rest and _bare(rest[0]) not in (
            "me", "us", "you", "up", "to"):
        rest = ["me", *rest]
    if base in ("lead", "run", "own", "manage", "build", "migrate", "rebuild", "maintain",
                "design", "rewrite", "split", "replace", "scale") and rest:
        rest = _with_the(rest)
    for i in range(1, len(rest)):
        following = _bare(rest[i + 1]) if i + 1 < len(rest) else ""
        if _bare(rest[i - 1]) in ("and", "but", "or") and verb_form(rest[i]) == "VBZ" \
                and form == "VBZ" and following and (
                    following in _DETERMINERS or following[:1].isdigit()
                    or set(_lemmas(following)) == {"ADJ"}):
            rest[i] = verb_base(rest[i])  # "loves X but hates the tooling": you love, you hate
    tail = (" " + " ".join(rest)) if rest else ""
    if form == "VBZ":
        verb = {"is": "you're", "has": "you have", "was": "you were", "does": "you do"}.get(
            first, "you " + base)
        return Shape.CLAUSE, verb + tail, ""
    if form == "VBG" or first in _ADJECTIVE_STARTS:
        return Shape.CLAUSE, "you're " + words[0] + tail, ""
    if form == "VBD" and first in _PASSIVES:
        return Shape.CLAUSE, "you were " + words[0] + tail, ""  # "promoted to staff"
    if form == "VBD" and base in _IN_MEETING:
        # "showed" -> "showing me ...", but "sent" stays "sent": the note's own word is kept
        gerund = gerund_of(first) + tail if base in _GIVING and first.endswith("ed") else ""
        return Shape.IN_MEETING, "you " + words[0] + tail, gerund
    if form == "VBD":
        return Shape.CLAUSE, "you " + ("were" if first == "was" else words[0]) + tail, ""
    return Shape.CLAUSE, "you " + " ".join(words), ""


def _later_verb(words: list[str]) -> str | None:
    """Like `_starts_verb`, and a later piece may also start with a bare verb before its
    object: `CI takes 40 minutes, want it under 10`."""
    form = _starts_verb(words)
    if form is None and len(words) > 1 and words[0][:1].islower() and _is_base(words[0]) \
            and _bare(words[1]) in _DETERMINERS | {"it", "them", "me", "us", "more", "to"}:
        return "VB"
    return form


def _continuation(part: str) -> str | None:
    """A later verb-led piece sharing the subject "you": `was at Stripe` -> `were at Stripe`."""
    words = part.split()
    form = _later_verb(words)
    if form is None:
        return None
    first = _bare(words[0])
    if form == "VBZ":
        head = {"is": "are", "has": "have", "was": "were", "does": "do"}.get(first,
                                                                               verb_base(first))
        return " ".join([head, *words[1:]])
    if form == "VBG" or first in _ADJECTIVE_STARTS:
        return "are " + part
    return "were " + " ".join(words[1:]) if first == "was" else part


def _topic_text(part: str) -> str:
    """A noun-led piece as a topic: a negation and "today" dropped, "the" or "your" added."""
    negated = _NEGATION_RE.match(part) is not None
    part = _TIME_TAIL_RE.sub("", _NEGATION_RE.sub("", part)).strip()
    part = re.sub(r"^with\s+(?=a\s|an\s)", "", part)  # "with a focus on X": the focus
    words = part.split()
    if not words:
        return part
    part = re.sub(r"^about\s+(?=\d)", "roughly ", part)  # "~40 services": not "about about"
    words = part.split()
    if words[0][:1].isdigit() or _bare(words[0]) == "roughly":
        return "your " + part
    if negated:  # "no SRE team yet": what they plan, not cheering what they lack
        plural = _bare(words[-1]).endswith("s")
        article = "" if plural or _bare(words[0]) in _DETERMINERS else "the "
        return "your plans for " + article + part
    if _bare(words[0]) in ("a", "an") and len(words) > 1 and _bare(words[1]) in _PURPOSES:
        return "your " + " ".join(words[1:])
    if _bare(words[0]) in _TEAM_WORDS | _PURPOSES | _OWN_NOUNS and words[0][:1].islower():
        return "your " + part
    return " ".join(_with_the(words))


# Nouns that, bare at the start of a topic, are the person's own: "interest in X".
_OWN_NOUNS = frozenset("""
    interest interests passion background career story journey path experience side
    favourite favorite love
""".split())


def _is_base(word: str) -> bool:
    return _bare(word) in _inflections(verb_base(word)).get("VB", ())


def _label(first: str, second: str, name: str) -> Phrase | None:
    """`mission: make X useful`, `stack: Go and Postgres`, `Q: ...` pieces with a short label."""
    label_words = first.split()
    if len(label_words) > 3:
        return None
    if _bare(first) in ("q", "question", "asked"):
        return Phrase(Shape.TOPIC, second)  # a question they asked: "how we'd roll out flags"
    if _bare(label_words[-1]) in _PAINS:  # "main pain: offline support": your main pain is ...
        label = " ".join(w for w in label_words if _bare(w) not in _DETERMINERS)
        return Phrase(Shape.PROBLEM, f"your {label} is {to_you(second, name)}")
    label = to_you(_topic_text(first), name)
    if not label.startswith(("your ", "the ", "a ", "an ")) and any(
            _bare(w) in _TEAM_WORDS | _PURPOSES for w in label_words):
        label = "your " + label  # "Q3 roadmap": your Q3 roadmap
    if _bare(label_words[-1]) in _PURPOSES and _is_base(second.split()[0]):
        return Phrase(Shape.TOPIC, f"{label} to {to_you(second, name)}")
    if _subject_clause(second.split()) or _starts_verb(second.split()):
        return _main_phrase(second, name)
    return Phrase(Shape.TOPIC, f"{label} ({to_you(second, name)})")


_SUBORDINATORS = frozenset("because since although though while whereas unless".split())
_INTENSIFIERS = frozenset("very really super quite so extremely incredibly".split())
_ADVERBS = frozenset("currently recently now still also already actively just soon finally "
                     "mostly often usually".split())
_PERSON_NOUNS = frozenset("""
    fan believer advocate proponent supporter reader user champion fanboy enthusiast lover
""".split())
_ROLE_NOUNS = frozenset("""
    manager engineer lead cto ceo founder cofounder co-founder recruiter designer analyst hire
    joiner director architect scientist researcher developer intern pm
""".split())
_PAINS = frozenset("pain problem challenge issue struggle headache bottleneck blocker".split())
_PURPOSES = frozenset("mission goal goals aim vision plan plans focus priority ambition".split())


def _main_phrase(part: str, name: str) -> Phrase:
    """The first piece of a line that is kept, as a phrase."""
    part = _REPORTING_RE.sub("", part)
    words = part.split()
    first = _bare(words[0])
    if first in ("i", "i'm", "i've", "i'd", "my"):
        return Phrase(Shape.MINE, part)
    if (first in _SUBJECTS or name and first == name.lower()) and len(words) > 1 \
            and _starts_verb(words[1:]) in ("VBZ", "VBD"):
        return _main_phrase(" ".join(words[1:]), name)  # "he showed the trick": showed me
    if first in _SUBJECTS or first in _CONTRACTIONS or name and first == name.lower():
        text = to_you(part, name)
        return Phrase(_problem_or(Shape.CLAUSE, text), text)
    if first in _POSSESSIVE or first in ("her",):
        rest = words[1:]
        if _subject_clause(["the", *rest]):
            return Phrase(_problem_or(Shape.CLAUSE, part), to_you(part, name))
        return Phrase(Shape.TOPIC, to_you(part, name))
    if _NEGATION_RE.match(part):
        return Phrase(Shape.TOPIC, to_you(_topic_text(part), name))
    if first.startswith("ex-") and len(first) > 3:
        former = words[0][3:]
        if former.lower().endswith(("er", "ian", "ite", "ie")):  # "ex-Googler": an ex-Googler
            return Phrase(Shape.CLAUSE, f"you're an {to_you(part, name)}")
        rest = " ".join(words[1:])  # "ex-Stripe": a former employer
        return Phrase(Shape.CLAUSE, f"you were previously at {former} {rest}".rstrip())
    if re.match(r"(?:originally\s+)?from\s+[A-Z]", part):
        return Phrase(Shape.CLAUSE, "you're " + part)  # "originally from Lagos"
    if first in _SUBORDINATORS:
        return Phrase(Shape.CLAUSE, to_you(part, name))  # "because of GDPR all data stays"
    if first in ("huge", "big", "avid", "keen", "long-time", "lifelong", "strong", "firm",
                 "true", "passionate", "serious", "keen") and any(
                     _bare(w) in _PERSON_NOUNS or _bare(w).endswith(("er", "ist")) and _is_noun(w)
                     for w in words[1:4]):
        article = "an" if first[:1] in "aeiou" else "a"
        return Phrase(Shape.CLAUSE, f"you're {article} {to_you(part, name)}")
    if first in _INTENSIFIERS and len(words) > 1 and "ADJ" in _lemmas(_bare(words[1])):
        return Phrase(Shape.CLAUSE, "you're " + to_you(part, name))  # "very proud of X"
    if first in _ROLE_NOUNS and len(words) > 2 and _bare(words[1]) in ("of", "for", "at", "on"):
        article = "an" if first[:1] in "aeiou" else "a"
        return Phrase(Shape.CLAUSE, f"you're {article} {to_you(part, name)}")  # "mgr of 2 squads"
    form = _starts_verb(words)
    if form or first in _ADJECTIVE_STARTS or first == "fan":
        if first == "fan":
            words = ["a", *words]
            return Phrase(Shape.CLAUSE, "you're " + to_you(" ".join(words), name))
        shape, text, gerund = _verb_clause(words, form or "VB")
        text = to_you(text, name)
        return Phrase(_problem_or(shape, text), text, to_you(gerund, name))
    if re.match(r"(?:just\s+|recently\s+)?back\s+from\b", part, re.I):
        return Phrase(Shape.CLAUSE, "you're " + to_you(part, name))
    if len(words) > 1 and (set(_lemmas(first)) == {"ADV"} or first in _ADVERBS) \
            and _starts_verb(words[1:]):
        inner = _main_phrase(" ".join(words[1:]), name)
        head = re.match(r"you(?:'re| were)?\s", inner.text)
        if head:
            text = f"{head.group()}{words[0]} {inner.text[head.end():]}"
            return Phrase(inner.shape, text, inner.gerund)
    if _bare(words[-1]) in _ROLE_NOUNS and len(words) <= 4 and words[0][:1].islower() \
            and first not in _DETERMINERS:
        article = "an" if first[:1] in "aeiou" else "a"
        return Phrase(Shape.CLAUSE, f"you're {article} {to_you(part, name)}")
    if first == "previously" and len(words) > 1:
        rest = re.sub(r"(?<!for)\s(\d+\+?\s(?:years?|months?))$", r" for \1", " ".join(words[1:]))
        return Phrase(Shape.CLAUSE, "you were previously " + to_you(rest, name))
    if _subject_clause(words):
        if words[0][:1].islower() and first not in _DETERMINERS and (
                first in _TEAM_WORDS or "NOUN" in _lemmas(first) or verb_form(first) == "VBG"
                or first in _NOT_GERUND or set(_lemmas(first)) == {"ADJ"}):
            part = "your " + part
        elif first in ("the",) and len(words) > 1 and _bare(words[1]) in _TEAM_WORDS:
            part = "your " + " ".join(words[1:])
        text = to_you(part, name)
        return Phrase(_problem_or(Shape.CLAUSE, text), text)
    return Phrase(Shape.TOPIC, to_you(_topic_text(part), name))


def _problem_or(shape: Shape, text: str) -> Shape:
    return Shape.PROBLEM if shape is Shape.CLAUSE and _PROBLEM_RE.search(text) else shape


def _join(phrase: Phrase, sep: str, part: str, name: str) -> str:
    """How a later piece of the same line joins the phrase."""
    continued = _continuation(part)
    if continued is not None and re.match(r"you(?:\s|'re\b|'ve\b)", phrase.text):
        return " and " + to_you(continued, name)
    form = _starts_verb(part.split())
    wish = form == "VBZ" and verb_base(part.split()[0]) in _WISHES
    if form in ("VBZ", "VBD") and phrase.shape is not Shape.TOPIC and _KEEP not in part \
            and not wish:
        return " and " + to_you(part, name)  # "onboarding is slow, takes 3 weeks": it takes
    if continued is not None and phrase.shape is not Shape.TOPIC:
        continued = re.sub(r"^are\s", "'re ", continued)
        joint = ", and you" if continued.startswith("'") else ", and you "
        return joint + to_you(continued, name)  # the note is about the person
    words = part.split()
    if _bare(words[0]) in ("i", "i'm", "i've", "i'd"):
        return ""  # the user's aside: for them, not for the email
    if part[:1].isdigit() or not _subject_clause(words) and len(words) <= 6 \
            and _bare(words[0]) not in _SUBJECTS:
        return f" ({to_you(part, name)})"
    if _subject_clause(words) or _bare(words[0]) in _SUBJECTS:
        joint = ", while " if _bare(words[0]) in ("today", "currently", "now") else ", and "
        text = part if _bare(words[0]) not in _TEAM_WORDS else "your " + part
        return joint + to_you(text, name)
    return ", " + to_you(part, name)


@lru_cache(maxsize=2048)  # the same line is phrased again for each length tried
def rephrase(line: str, first_name: str = "", company: str = "") -> Phrase | None:
    """One note line as a phrase said to the person called `first_name`, or None when nothing
    in it may reach an email (only logistics, impressions or the user's verdict). The
    `company`'s name, typed in lower case, is spelled as the company spells it."""
    text = _REPORTING_RE.sub("", _lower_first(clean(line)))  # "talked about: io_uring, ..."
    if not text:
        return None
    others = _other_gender(text.split())  # "her dog ..., walks him": "him" stays the dog's
    text = " ".join(w + _KEEP if w.lower().strip(".,;:!?") in others else w for w in text.split())
    pieces = split_parts(text)
    if len(pieces) >= 2 and pieces[1][0] == ":" and is_logistics(pieces[0][1]):
        pieces = pieces[2:]  # "benefits: 4-day week pilot" is about benefits, all of it
    if len(pieces) >= 2 and pieces[1][0] == ":" and not _drop(pieces[0][1]):
        rest = ", ".join(p for _s, p in pieces[1:] if not _drop(p))
        if not rest:
            return None  # "next: take-home due monday": the label of logistics
        labelled = _label(pieces[0][1], rest, first_name)
        if labelled is not None:
            return labelled
    kept = [(sep, company_spelling(_lower_first(p), company)) for sep, p in pieces
            if not _drop(p)]
    if len(kept) > 1:  # "no tests today, wants data quality checks": the wish, not the lack
        kept = [k for k in kept if not _NEGATION_RE.match(k[1])] or kept[:1]
    if not kept:
        return None
    phrase = _main_phrase(kept[0][1], first_name)
    verb_led = [k for k in kept[1:] if _starts_verb(k[1].split()) in ("VBZ", "VBD", "VBG")]
    if phrase.shape is Shape.TOPIC and verb_led:
        # "on-call rotation of 8, wants fewer noisy alerts": what they want leads
        lead = verb_led[0]
        kept = [lead, *[("", k[1]) for k in kept if k is not lead]]
        phrase = _main_phrase(lead[1], first_name)
    text = phrase.text
    if phrase.shape is Shape.MINE:
        return Phrase(phrase.shape, phrase.text.replace(_KEEP, ""))
    for sep, part in kept[1:]:
        text += _join(phrase, sep, part, first_name)
    gerund = phrase.gerund + text[len(phrase.text):] if phrase.gerund else ""
    return Phrase(_problem_or(phrase.shape, text), text.replace(_KEEP, ""),
                  gerund.replace(_KEEP, ""))


def company_spelling(text: str, company: str) -> str:
    """`orbit is open sourcing ...` -> `Orbit is ...` when the company is Orbit Labs."""
    company = company.strip()
    names = dict.fromkeys((company, company.split()[0])) if company else {}
    for name in names:
        if len(name) >= 3:
            text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", name, text, flags=re.I)
    return text


_KEEP = "\u2060"  # marks a pronoun of someone else, which `to_you` must leave alone


# ---- the user's own lines: `+` contributions and `?` questions ----------------------------------

_OWN_SWAP = {"their": "your", "them": "you", "they": "you", "they're": "you're",
             "his": "your", "him": "you", "he": "you", "she": "you", "her": "your"}


def _own_swap(text: str) -> str:
    return _WORD_RE.sub(lambda m: _OWN_SWAP.get(m.group(), m.group()), text)


def _own_clause(part: str) -> tuple[str, str]:
    """(kind, text) of a `+` piece: `i` (a clause with "I") or `noun` ("my churn model work")."""
    part = re.sub(r"^(?:mentioned|talked\s+about|brought\s+up|pitched|offered)\s+(?=my\b)", "",
                  part, flags=re.I)
    words = part.split()
    first = _bare(words[0])
    if first in ("i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've"):
        return "i", part
    if first in _MODALS:
        return "i", "I " + part
    if first in _WILLING:
        return "i", "I'd be " + part
    form = verb_form(first) if first not in _NOT_VERBS and words[0][:1].islower() else None
    if form == "VB" and _is_noun(first) and len(words) > 1 and _bare(words[1]) in _PREPOSITIONS:
        form = None  # "experience with Flink": a noun
    if form in ("VBD", "VB"):
        return "i", "I " + part
    if form == "VBZ":
        return "i", "I " + " ".join([verb_base(first), *words[1:]])
    after = _bare(words[1]) if len(words) > 1 else ""
    if form == "VBG" and (first not in _NOT_GERUND or after in _DETERMINERS):
        return "i", "I'm " + part
    years = re.match(r"^(\d+\+?\s+years?)\s+(?:of\s+)?(.+)$", part)
    if years:
        return "noun", f"my {years[1]} of {years[2]}"
    if first in ("my", "experience"):
        return "noun", part if first == "my" else "my " + part
    if first in ("a", "an", "the"):
        return "noun", "my " + " ".join(words[1:])  # "a side project that parses X"
    if re.search(r"\bI\s", part):
        return "noun", "the " + part  # "Kubernetes operator I wrote for Voltly"
    if first in _PREPOSITIONS:
        return "noun", "my work " + part
    return "noun", "my experience with " + part


@lru_cache(maxsize=2048)  # the same line is phrased again for each length tried
def contribution_phrase(line: str) -> tuple[str, str, str]:
    """(kind, text, more) of a `+` line: kind `i` is a clause ("I led X (40 jobs)"), kind
    `noun` a phrase to bring ("my churn model work at Northwind"); the text has no final stop.
    `more` is a whole sentence for what follows a noun ("3 yrs dbt, wrote our style guide":
    "I also wrote our style guide."), or empty."""
    text = _own_swap(_lower_first(clean(line)))
    pieces = [(s, p) for s, p in split_parts(text) if not is_self_assessment(p)]
    if not pieces:
        return "noun", "my experience", ""
    prefix, more = "", ""
    if len(pieces) >= 2 and pieces[1][0] == ":" and len(pieces[0][1].split()) <= 3:
        head = pieces[0][1]
        head = head if _bare(head.split()[0]) in ("at", "in", "for", "with") else \
            "at " + (head if _bare(head.split()[0]) in _DETERMINERS else "my " + head)
        prefix, pieces = head[:1].upper() + head[1:] + ", ", pieces[1:]
    kind, sentence = _own_clause(pieces[0][1])
    if prefix and kind == "noun":
        kind, sentence = "noun", f"{sentence} {prefix.strip(', ').lower()}"
    elif prefix:
        sentence = prefix + sentence[:1].lower() + sentence[1:] if not sentence.startswith("I") \
            else prefix + sentence
    for _sep, part in pieces[1:]:
        words = part.split()
        form = verb_form(words[0]) if words[0][:1].islower() else None
        if kind == "noun" and form in ("VBD", "VBZ") and _bare(words[0]) not in _NOT_VERBS:
            verb = verb_base(words[0]) if form == "VBZ" else words[0]
            more += ("I also " if not more else "I ") + " ".join([verb, *words[1:]]) + ". "
        elif form == "VBD" and len(words) > 1 and _bare(words[1]) == "by" or part[:1].isdigit():
            sentence += f" ({part})"
        elif form == "VBD" and re.match(r"I (?:could|can|would|'d)\b", sentence):
            sentence += ", since I " + part
        elif form in ("VBD", "VBZ") and _bare(words[0]) not in _NOT_VERBS:
            sentence += ", and " + (" ".join([verb_base(words[0]), *words[1:]])
                                    if form == "VBZ" else part)
        elif _bare(words[0]) in ("i", "i'm", "i've"):
            sentence += ", and " + part
        else:
            sentence += f" ({part})" if len(words) <= 6 else f", {part}"
    return kind, sentence[:1].upper() + sentence[1:] if kind == "i" else sentence, more.strip()


_ASKED_RE = re.compile(
    r"^(?:(?:he|she|they|you)\s+)?(?:asked|asks|q|question|quizzed)(?:\s+(?:me|us))?"
    r"(?:\s+(?:about|on|re))?\b[:\s]*|^(?:got\s+)?(?:a\s+)?question\s+(?:about|on)\s+",
    re.IGNORECASE)
_VERDICT_LEAD_RE = re.compile(
    r"^(?:i\s+)?(?:blanked|fumbled|rambled|stumbled|struggled|froze|got\s+stuck|was\s+vague"
    r"|hand[- ]?waved|messed\s+up|bombed|botched|flubbed)(?:\s+(?:on|about|with|through|over))?"
    r"\s+(?:the\s+question\s+(?:on|about)\s+)?|^(?:i\s+)?(?:couldn'?t|could\s+not|didn'?t|did\s+not)"
    r"\s+(?:remember|recall|explain|answer|know)\s+", re.IGNORECASE)


@lru_cache(maxsize=2048)  # the same line is phrased again for each length tried
def question_topic(line: str) -> str | None:
    """What a `?` line's question was about, without the user's verdict: `asked how I'd size
    Kafka partitions, I hand-waved` -> `how I would size Kafka partitions`; None when the line
    holds only the verdict."""
    text = clean(line).rstrip("?")
    kept = []
    for _sep, part in split_parts(text):
        part = _VERDICT_LEAD_RE.sub("", part).strip()
        if not part or is_self_assessment(part) or _bare(part.split()[0]) in (
                "i", "i'm", "i've", "my", "answered", "said"):
            continue
        kept.append(part)
    if not kept:
        return None
    pieces = split_parts(text)
    if len(kept) > 1 and len(pieces) > 1 and pieces[1][0] == ":" and len(kept[0].split()) <= 3:
        kept = kept[1:]  # "system design: rate limiter": the question is the rate limiter
    topic = _ASKED_RE.sub("", _lower_first(kept[0])).strip()
    topic = re.sub(r"^(how|what|why|when|where)\s+do\s+you\s+", r"\1 to ", topic, flags=re.I)
    topic = re.sub(r"\b(would|could|should|can|will) I\b", r"I \1", topic)
    infinitive = topic.startswith("to ")  # "asked me to estimate S3 costs"
    topic = re.sub(r"^(?:to\s+)", "", topic)
    first_word = topic.split()[0] if topic else ""
    if first_word[:1].islower() and verb_form(first_word) in ("VB", "VBD") \
            and _is_base(first_word) and (infinitive or not _is_noun(first_word)):
        topic = " ".join([gerund_of(first_word), *topic.split()[1:]])  # "explaining X to a PM"
    topic = re.sub(r"\bI'd\b", "I would", re.sub(r"\bdo I\b", "I", topic))
    topic = re.sub(r"^(?:what's|what is|what are)\s+(?=the\b|a\b)", "", topic, flags=re.I)
    if not topic:
        return None
    words = topic.split()
    if _bare(words[0]) in ("how", "what", "why", "when", "where", "which", "whether", "who"):
        return to_you(topic)
    if "-" in words[0] or len(words) == 1:
        return to_you(topic)
    return to_you(" ".join(_with_the(words)))
