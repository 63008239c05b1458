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
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache

from followup.core.lexicon import has_dictionary, is_english_word, name_table, unknown_words
from followup.core.note_kinds import (
    is_descriptor,
    is_internal,
    is_logistics,
    is_mechanics,
    is_private_life,
    is_self_assessment,
)
from followup.core.shorthand import clean, split_parts
from followup.core.word_forms import (
    ADJECTIVE_STARTS,
    ADVERBS_BEFORE_VERB,
    BE_FORMS,
    DETERMINERS,
    NOT_GERUND,
    NOT_VERBS,
    PLURALS,
    PREPOSITIONS,
    gerund_of,
    is_adjective,
    is_base,
    is_noun,
    plain,
    starts_verb,
    verb_base,
    verb_form,
    verb_then_its_adjunct,
    word_classes,
)


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


# What a person wants or thinks: a later piece with one of these is the person's, not the
# subject's ("pager load is too high, wants to cut it": you want to cut it).
_WISHES = frozenset("want hope plan think believe like love prefer wish aim expect".split())


# ---- the recipient as "you" ---------------------------------------------------------------------

_SUBJECTS = ("he", "she", "they", "we")
_POSSESSIVE = {"his": "your", "their": "your", "our": "your", "theirs": "yours", "ours": "yours",
               "hers": "yours"}
# "them" is left alone: in notes it is the things just named ("only use them for revenue
# logic"), far more often than the person.
_OBJECTS = {"him": "you", "us": "you", "himself": "yourself", "herself": "yourself",
            "ourselves": "yourselves"}
_CONTRACTIONS = {"he's": "you're", "she's": "you're", "they're": "you're", "we're": "you're",
                 "they've": "you've", "we've": "you've", "he'd": "you'd", "she'd": "you'd",
                 "they'd": "you'd", "we'd": "you'd", "he'll": "you'll", "she'll": "you'll",
                 "they'll": "you'll"}


def _agree(words: list[str], index: int) -> None:
    """The verb after a new "you" agrees with it: `runs` -> `run`, `was` -> `were`."""
    if index >= len(words):
        return
    bare = plain(words[index])
    if bare in BE_FORMS:
        words[index] = BE_FORMS[bare]
    elif bare in ("always", "also", "really", "still", "now", "just", "often", "never") \
            and index + 1 < len(words):
        _agree(words, index + 1)
    elif verb_form(bare) == "VBZ" and bare not in NOT_VERBS:
        words[index] = verb_base(bare)
        # "sketches in Procreate then hands off to the shop": the next verb agrees too
        for i in range(index + 1, len(words) - 1):
            if plain(words[i]) == "then" and verb_form(plain(words[i + 1])) == "VBZ" \
                    and plain(words[i + 1]) not in NOT_VERBS:
                words[i + 1] = verb_base(plain(words[i + 1]))


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
        if bare in ("are", "were"):  # "failures are their #1 cause": the company's, not theirs
            plural_before = False
        elif i > 0 and bare.endswith("s") and not bare.endswith("ss") and is_noun(bare) \
                and bare not in _POSSESSIVE and bare not in ("his", "its", "yours", "ours", "us"):
            plural_before = True
        if bare in ("we", "we're", "we've") and i + 1 < len(words) \
                and plain(words[i + 1]) in ("both", "all"):
            continue  # "we're both fans of X": true of the user too, as written
        if bare in ("he's", "she's") and i + 1 < len(words) and plain(words[i + 1]) in (
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
                        and plain(following) not in PREPOSITIONS | {"and", "or"} else "you") + tail
        elif bare in ("she", "he") or bare.endswith(("'s",)) and bare[:-2] in names:
            words[i] = "your" + tail
    return " ".join(words)


# ---- pieces of a line ---------------------------------------------------------------------------

_REPORTING_RE = re.compile(
    r"^(?:(?:he|she|they|we)\s+)?(?:(?:mostly|mainly|also)\s+)?(?:(?:talked|spoke|chatted)\s+"
    r"(?:a\s+lot\s+)?about|discussed"
    r"|mentioned|told\s+me(?:\s+about)?|described|explained(?=\s+(?:that|he|she|they|we|it"
    r"|the\s+\w+\s+(?:is|are|was|were|has|have)\b)\b)|said|noted|pointed\s+out"
    r"|brought\s+up|shared|talked\s+through)(?:\s+that)?(?:\s*:\s*|\s+)", re.IGNORECASE)
# Past verbs of things done in the meeting itself: appreciated, not reported as news.
_IN_MEETING = frozenset("""
    like love enjoy show give suggest recommend offer introduce invite walk take help praise
    draw sketch demo answer pair share teach point send set arrange organize organise
    coordinate host welcome greet meet review ask explain
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
    r"|manual|brittle|fragile|problems?|issues?|challenges?|bugs?|fire-?fight\w*|burn(?:ed|t)\s+out"
    r"|block(?:s|ed|ing)?\s+(?:the\s+)?main\s+thread|keeps?\s+(?:going\s+down|breaking|failing)"
    r"|burnout|understaffed|short-?staffed|turnover|overtime|mess|messy|behind|overdue"
    r"|below\s+grade|lose|losing|lost\s+(?:deals|customers|staff|\d|a|an|the|their|your|two"
    r"|three|four|half)|peek|errors?|rework|incidents|an\s+incident|injuries|accidents?|recalls?"
    r"|complaints?|rejects?|rejected|fail(?:s|ed|ures?)|delays?|delayed|shortages?|vacanc\w*"
    r"|no-shows?|cancel(?:l?ed|lations?)|closed\s+(?:the\s+)?[\w\s]{0,20}\d+\s+times"
    r"|too\s+(?:high|slow|many|much|long|few)|short\s+(?:a|an|one|two|three|\d+)\s)\b",
    re.IGNORECASE)
_TEAM_WORDS = frozenset("""
    team teams office mission culture stack roadmap product platform customers users codebase
    process org plans architecture pipeline pipelines engineers clients data infra backlog
    on-call oncall school unit ward department hospital clinic practice firm store warehouse
    district floor branch division students patients staff nurses teachers reps territory
    budget turnover caseload classroom classrooms curriculum portfolio accounts books close
""".split())
_TIME_TAIL_RE = re.compile(r"\s+(?:today|currently|right now|now|yet|at the moment)$", re.I)
_NEGATION_RE = re.compile(r"^(?:no|not|zero|lack\s+of|missing|without)\s+(?:any\s+|real\s+)?",
                          re.I)


def _drop(part: str) -> bool:
    """A piece the email never carries: the user's verdict, logistics, an impression, a link
    (the draft offers the user's own links, not the notes')."""
    return is_self_assessment(part) or is_logistics(part) or is_descriptor(part) \
        or is_mechanics(part) or is_private_life(part) or is_internal(part) \
        or re.search(r"https?://|www\.", part) is not None \
        or _GRIPE_RE.match(part) is not None


# "he hates the scheduling module": a person's gripe about their own tools, said in the room and
# never written back to them (a reader counted it a leak)
_GRIPE_RE = re.compile(r"\s*(?:he|she|they)\s+(?:hates?|can'?t\s+stand|loathes?|dislikes?)\s+"
                       r"(?:the|our|their|its|his|her)\b", re.IGNORECASE)


# Verbs that are nouns too but, after a plural, are the verb: "parents want a FAFSA night"
_WANTING = frozenset("want need use love hate like prefer expect ask hire demand".split())


# Words a number names one of ("tier 1 does triage", "level 2 has a wait list")
_NUMBERED = frozenset("tier level phase grade stage step type class category band unit ward "
                      "team shift line station pod zone".split())


def _subject_clause(words: list[str]) -> bool:
    """`customers want alerts`, `the team ships weekly`; not `pair debugging session`."""
    start = 1 if plain(words[0]) in DETERMINERS else 0
    for i in range(start + 1, min(len(words), start + 9)):
        bare = plain(words[i])
        if bare == "of" and i + 1 < len(words):
            continue  # "new VP of engineering joined": the subject goes on
        if bare in PREPOSITIONS and any(
                plain(w) in ("had", "has", "is", "are", "was", "were")
                or verb_form(plain(w)) == "VBZ" and (plain(after) in DETERMINERS
                                                     or after[:1].isdigit())
                for w, after in zip(words[i + 2:i + 7], [*words[i + 3:i + 8], ""], strict=False)):
            continue  # "Pellucid's research repo in Dovetail had 900 clips", "load-in for the
            # Mahler 8 needs 2 riser rows": the subject goes on to its verb
        if bare in PREPOSITIONS or bare in ("where", "which", "that", "who", "whose", "when"):
            return False
        if bare in ("he", "she", "they", "you", "we", "i"):
            return False  # "the choir he runs for families": a thing, and what is said of it
        if (words[i - 1][:1].isdigit() and not (
                i >= 2 and (words[i - 2][:1].isupper() or plain(words[i - 2]) in _NUMBERED)
                and (verb_form(bare) == "VBZ" or bare in ("does", "is", "has")))) \
                or plain(words[i - 1]) in DETERMINERS:
            continue  # "about 40 services", "the ships": a noun after a number or article
            # ("the Mahler 8 needs 2 riser rows": a number in a name, then the verb)
        if bare in ADVERBS_BEFORE_VERB and i + 1 < len(words):
            continue  # "interns still tag video": the adverb stands between subject and verb
        form = verb_form(bare)
        if form in ("VBZ", "VBD", "MD") or bare in ("are", "were") \
                or bare in _FINITE_PLAIN and "'" in bare:  # "the hard part isn't scanning"
            if form == "VBZ" and bare in NOT_VERBS:
                continue
            if form == "VBZ" and (is_noun(bare) and plain(words[i - 1]).endswith(
                    ("ity", "ion", "ness", "ance", "ence", "ure"))
                    or _after_acronym(words, i) and i + 1 < len(words)
                    and plain(words[i + 1]) in PREPOSITIONS):
                continue  # "accessibility audits", "security reviews", "ATP swabs after
                # every CIP": compound nouns
            if form == "VBD" and i + 1 < len(words) and plain(words[i + 1]) == "by":
                return False  # "tables owned by Marcus": a participle
            return True
        before = i - 1
        while before > start and plain(words[before]) in ADVERBS_BEFORE_VERB:
            before -= 1
        plural = plain(words[before]).endswith("s") or plain(words[before]) in PLURALS
        if form == "VB" and plural and (not is_noun(bare) or before < i - 1
                                        or bare in _WANTING):
            return True  # "customers want alerts", "people rotate between teams"
        after = plain(words[i + 1]) if i + 1 < len(words) else ""
        if form == "VB" and plural and after and (
                after in DETERMINERS | PREPOSITIONS | {"more", "every", "each"}
                or "ADV" in word_classes(after)):
            return True  # "releases go out every Tuesday", "consumers lag during peak hours"
    return False


def with_indefinite(phrase: str) -> str:
    """"an actuarial analyst II", "a UX researcher", "an ICU nurse": the article by sound."""
    if not phrase:
        return ""
    first = phrase.split()[0]
    low = first.lower()
    vowel_sound = (low[:1] in "aeiou" and not low.startswith(("eu", "uni", "use", "usu", "uti",
                                                             "ure", "one", "once"))
                   or low.startswith(("hour", "honest", "honor", "honour", "heir"))) \
        if not first.isupper() else first[:1] in "AEFHILMNORSX"  # an ICU nurse, a UX writer
    return ("an " if vowel_sound else "a ") + phrase


def lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    bare = plain(first)
    if first[:1].isupper() and first[1:].islower() and bare != "i" and bare not in _NAMES and (
            verb_form(bare) or bare in DETERMINERS | _TEAM_WORDS | set(_SUBJECTS)
            or bare in _POSSESSIVE or "NOUN" in word_classes(bare) or "ADJ" in word_classes(bare)
            or bare in PREPOSITIONS):
        return text[:1].lower() + text[1:]
    return text


# Products and languages that are also English words: a capital keeps its meaning.
_NAMES = frozenset("""
    python go rust swift ruby java spark snowflake looker elixir julia dart scala hive beam
    pandas polars airflow dagster kafka docker terraform vault consul nomad grafana
    excel outlook slack notion sketch
""".split())
_NO_ARTICLE = frozenset("you your me it them how what why when where whether".split())


def with_article(words: list[str]) -> list[str]:
    """A bare, lower-case singular noun phrase gets "the": `monolith to k8s` -> `the monolith`."""
    if not words:
        return words
    first = plain(words[0])
    compound_number = re.match(r"\d+-[a-z]", words[0]) is not None  # "4-day week pilot"
    # "PTC rollout on the north corridor": an acronym before a noun is that noun's, and takes
    # "the" as it does
    acronym = words[0].isupper() and words[0].isalpha() and len(words) > 1 \
        and words[1][:1].islower() and plain(words[1]) not in PREPOSITIONS | {
            "versus", "vs", "and", "or", "is", "are", "was", "were"} \
        and (is_noun(plain(words[1])) or not word_classes(plain(words[1]))) \
        and not plain(words[1]).endswith(("ion", "ance", "ence", "ity", "ing", "ment"))
    if not (words[0][:1].islower() or compound_number or acronym) or first in DETERMINERS \
            or first in PREPOSITIONS or first in _NO_ARTICLE or first in _OBJECTS \
            or words[0][:1].isdigit() and not compound_number:
        return words
    if any(plain(w) in ("versus", "vs") for w in words):
        return words  # "incident versus service request": two things, no article for one
    head = []
    for word in words:
        bare = plain(word)
        if bare in PREPOSITIONS | DETERMINERS | {"and", "or", "every", "each"} or head and (
                bare in _ADVERBS or set(word_classes(bare)) == {"ADV"}):
            break  # "half marathons now", "safety briefing every morning": the noun phrase
            # ends before "now" or "every"
        head.append(bare)
    if not head or head[-1].endswith("s") and not head[-1].endswith(("ss", "us", "is")):
        return words
    if verb_form(head[0]) == "VBG" and head[0] not in NOT_GERUND:
        return words
    if not is_noun(head[-1]) and not head[-1].isalpha():
        return words
    if head[-1].endswith(("ing", "ly")) or "NOUN" not in word_classes(head[-1]) and len(head) == 1:
        return words
    return ["the", *words]


def _verb_clause(words: list[str], form: str) -> tuple[Shape, str, str]:
    """A verb-led piece about the person, as a clause with "you"."""
    first, rest = plain(words[0]), words[1:]
    base = verb_base(first)
    if base in _SHOW_VERBS and form == "VBD" and rest and plain(rest[0]) not in (
            "me", "us", "you", "up", "to"):
        rest = ["me", *rest]
    if base in ("lead", "run", "own", "manage", "build", "migrate", "rebuild", "maintain",
                "design", "rewrite", "split", "replace", "scale") and rest:
        rest = with_article(rest)
    for i in range(1, len(rest)):
        following = plain(rest[i + 1]) if i + 1 < len(rest) else ""
        if plain(rest[i - 1]) in ("and", "but", "or", "then") and verb_form(rest[i]) == "VBZ" \
                and form == "VBZ" and following and (
                    following in DETERMINERS or following[:1].isdigit()
                    or set(word_classes(following)) == {"ADJ"}
                    or plain(rest[i - 1]) == "then" and plain(rest[i]) not in NOT_VERBS):
            rest[i] = verb_base(rest[i])  # "loves X but hates the tooling": you love, you hate
    tail = (" " + " ".join(rest)) if rest else ""
    if form == "VBZ":
        verb = {"is": "you're", "has": "you have", "was": "you were", "does": "you do"}.get(
            first, "you " + base)
        return Shape.CLAUSE, verb + tail, ""
    if form == "VBG" or first in ADJECTIVE_STARTS:
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
    """Like `starts_verb`, and a later piece may also start with a bare verb before its
    object: `CI takes 40 minutes, want it under 10`."""
    form = starts_verb(words)
    if form is None and len(words) > 1 and words[0][:1].islower() and is_base(words[0]) \
            and (plain(words[1]) in DETERMINERS | {"it", "them", "me", "us", "more", "to"}
                 or plain(words[0]) in _WISHES):  # "want data contracts": you want
        return "VB"
    return form


def _continuation(part: str) -> str | None:
    """A later verb-led piece sharing the subject "you": `was at Stripe` -> `were at Stripe`."""
    words = part.split()
    form = _later_verb(words)
    if form is None:
        return None
    first = plain(words[0])
    if form == "VBZ":
        head = {"is": "are", "has": "have", "was": "were", "does": "do"}.get(first,
                                                                               verb_base(first))
        return " ".join([head, *words[1:]])
    if form == "VBG" or first in ADJECTIVE_STARTS:
        return "are " + part
    return "were " + " ".join(words[1:]) if first == "was" else part


def _topic_text(part: str) -> str:
    """A noun-led piece as a topic: a negation and "today" dropped, "the" or "your" added."""
    negated = _NEGATION_RE.match(part) is not None
    plans = re.search(r"\b(?:yet|planned|planning|plans?)\b", part) is not None
    part = _TIME_TAIL_RE.sub("", _NEGATION_RE.sub("", part)).strip()
    part = re.sub(r"^with\s+(?=a\s|an\s)", "", part)  # "with a focus on X": the focus
    words = part.split()
    if not words:
        return part
    part = re.sub(r"^about\s+(?=\d)", "roughly ", part)  # "~40 services": not "about about"
    words = part.split()
    if words[0][:1].isdigit() or plain(words[0]) == "roughly":
        return "your " + part
    if negated and not plans:
        return ""  # "no small talk": nothing to say to them about it
    if negated:  # "no SRE team yet": what they plan, not cheering what they lack
        plural = plain(words[-1]).endswith("s")
        article = "" if plural or plain(words[0]) in DETERMINERS else "the "
        return "your plans for " + article + part
    if plain(words[0]) in ("a", "an") and len(words) > 1 and plain(words[1]) in _PURPOSES:
        return "your " + " ".join(words[1:])
    if plain(words[0]) in _TEAM_WORDS | _PURPOSES | _OWN_NOUNS and words[0][:1].islower():
        return "your " + part
    return " ".join(with_article(words))


# Nouns that, bare at the start of a topic, are the person's own: "interest in X".
_OWN_NOUNS = frozenset("""
    interest interests passion background career story journey path experience side
    favourite favorite love
""".split())


def _label(first: str, second: str, name: str) -> Phrase | None:
    """`mission: make X useful`, `stack: Go and Postgres`, `Q: ...` pieces with a short label."""
    counted = re.fullmatch(r"(\d+)\s+([a-z]+s)", first.strip())
    if counted and "," in second and not any(_has_verb(p.split()) for p in second.split(",")):
        # "3 lines: laminated dough, sourdough, par-baked rolls": what the three are
        items = [p.strip() for p in second.split(",") if p.strip()]
        listed = ", ".join(items[:-1]) + " and " + items[-1]
        return Phrase(Shape.CLAUSE, f"your {counted[1]} {counted[2]} are {to_you(listed, name)}")
    aim = _AIM_LABEL_RE.match(first) and plain(first) not in _PURPOSES  # ("goal: X": below)
    if aim and second[:1].islower() and is_base(plain(second.split()[0])):
        # "big push this yr: move tokens out of figma": what the push is, when given
        owner = "" if plain(first.split()[0]) in DETERMINERS | {*_POSSESSIVE} else "your "
        return Phrase(Shape.CLAUSE, f"{owner}{first} is to {to_you(second, name)}")
    label_words = first.split()
    if len(label_words) > 3:
        return None
    if plain(first) in ("q", "question", "asked"):
        return Phrase(Shape.TOPIC, second)  # a question they asked: "how we'd roll out flags"
    if plain(label_words[-1]) in ("q", "question") and not _drop(second):
        label = " ".join(label_words[:-1])  # "system design question: rate limiter"
        topic = " ".join(with_article(to_you(second, name).split()))
        return Phrase(Shape.TOPIC, f"your {label} question on {topic}")
    if plain(label_words[-1]) in _PAINS:  # "main pain: offline support": your main pain is ...
        label = " ".join(w for w in label_words if plain(w) not in DETERMINERS | {*_POSSESSIVE})
        head, _comma, rest = second.partition(", ")
        if rest and _has_verb(rest.split()):  # "..., seasoning takes ~40 wafers": another
            second = head                        # clause, for another sentence
        return Phrase(Shape.PROBLEM, f"your {label} is {to_you(second, name)}")
    if plain(label_words[-1]) in _THINGS_OF_THEIRS and not _has_verb(second.split(", ")[0].split()):
        # "big project: 19th-century quilt collection for the 2027 show": your big project is
        # it ("light capped at 50 lux" after it is another clause, for another sentence)
        label = " ".join(w for w in label_words if plain(w) not in DETERMINERS | {*_POSSESSIVE})
        thing = to_you(second.split(", ")[0], name)
        first_word = plain(thing.split()[0])
        if first_word not in DETERMINERS | {*_POSSESSIVE} and not first_word.endswith("ing") \
                and not (thing[:1].isupper() and len(thing.split()) == 1):
            thing = "the " + thing  # "19th-century quilt collection": the collection
        return Phrase(Shape.CLAUSE, f"your {label} is {thing}")
    label = to_you(_topic_text(first), name)
    if not label.startswith(("your ", "the ", "a ", "an ")) and any(
            plain(w) in _TEAM_WORDS | _PURPOSES for w in label_words):
        label = "your " + label  # "Q3 roadmap": your Q3 roadmap
    if plain(label_words[-1]) in _PURPOSES and is_base(second.split()[0]):
        return Phrase(Shape.TOPIC, f"{label} to {to_you(second, name)}")
    if _subject_clause(second.split()) or starts_verb(second.split()):
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
_PAINS = frozenset("pain problem challenge issue struggle headache bottleneck blocker complaint "
                   "gripe".split())
_THINGS_OF_THEIRS = frozenset("project projects initiative bet launch rollout".split())
_PURPOSES = frozenset("mission goal goals aim vision plan plans focus priority ambition".split())
# "big push this year", "main goal for 2027", "the ask": a label that an aim follows
_AIM_LABEL_RE = re.compile(
    r"^(?:(?:the|your|their|our|his|her|main|big|biggest|top|key|one|first|real|next)\s+)*"
    r"(?:push|goal|aim|priority|focus|mission|bet|task|ask|target|objective|initiative|plan)"
    r"(?:\s+(?:this|next|for\s+(?:this|next))\s+(?:year|quarter|month|week|season|spring|summer"
    r"|fall|autumn|winter)|\s+(?:for|in)\s+20\d\d|\s+for\s+q[1-4])?$", re.IGNORECASE)


_ABOUT_NUMBER_RE = re.compile(r"^(?P<subject>[A-Za-z][\w'&-]*(?:\s+(?!(?:up|down|about|roughly"
                              r"|around|nearly|almost|over|under|by)\b)[A-Za-z][\w'&-]*){0,5})"
                              r"\s+(?P<rest>(?:(?:up|down)\s+(?:about\s+|by\s+)?"
                              r"|about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|over\s+"
                              r"|under\s+)[\d$£€].*)$")


_COUNT_IN_STATE_RE = re.compile(r"^(?P<count>(?:about|roughly|around|nearly|over|under)\s+"
                                r"\d[\d,]*\+?)\s+(?P<rest>(?:open|active|pending|outstanding"
                                r"|vacant|unfilled|overdue|in\s+progress|on\s+hold|live"
                                r"|running|unread|unpaid)\b.*)$")


def _main_phrase(part: str, name: str) -> Phrase:
    """The first piece of a line that is kept, as a phrase: the first of these that fits."""
    part = _REPORTING_RE.sub("", part)
    about = _ABOUT_NUMBER_RE.match(part)
    subject = about["subject"].split() if about else []
    if about and plain(subject[0]) not in _SUBJECTS and plain(subject[0]) not in _CONTRACTIONS \
            and (len(subject) > 1 or is_noun(plain(subject[0])) and not starts_verb(subject)) \
            and not any(verb_form(plain(w)) in ("VBZ", "VBD", "VBG", "MD") and not is_noun(plain(w))
                        or plain(w) in BE_FORMS for w in subject) \
            and not any(verb_form(plain(w)) == "VB" and plain(subject[i - 1]).endswith("s")
                        for i, w in enumerate(subject) if i) \
            and not any(verb_form(plain(w)) == "VBZ" and subject[i - 1][:1].isupper()
                        for i, w in enumerate(subject) if i > 1) \
            and not any(verb_form(plain(w)) == "VBZ" and plain(subject[i - 1]) in _TEAM_WORDS
                        for i, w in enumerate(subject) if i) \
            and not (len(subject) >= 2 and plain(subject[-1]) in _NOTE_VERBS) \
            and plain(subject[-1]) not in PREPOSITIONS:  # "conflict checks take", "team of ~14",
        # "branch on Halsted Road runs ~210 cars": the verb is there
        verb = "are" if _plural_head(subject) else "is"  # "lead times from Portugal ~16 wks"
        state = _COUNT_IN_STATE_RE.match(about["rest"])
        if state and verb == "are":  # "investigations ~12 open at a time": there are about 12
            text = to_you(f"there are {state['count']} {about['subject']} {state['rest']}", name)
            return Phrase(_problem_or(Shape.CLAUSE, text), text)
        else:
            part = f"{about['subject']} {verb} {about['rest']}"  # "break rate ~22": is
    words = part.split()
    if re.match(r"[a-z-]+s\s+and\s+(?:[a-z-]+\s+){0,2}[a-z-]+s\s+(?:are|were)\b", part):
        return Phrase(Shape.CLAUSE, to_you(part, name))  # "pumps and valves are ...": a pair
    return (_pronoun_phrase(part, words, name) or _set_start_phrase(part, words, name)
            or _verb_phrase(part, words, name) or _noun_phrase(part, words, name))


def _plural_head(words: list[str]) -> bool:
    """Whether a noun phrase's head is plural: the last word before a preposition ("lead
    times from Portugal": times; "the rate of returns": rate)."""
    head = ""
    for word in words:
        if plain(word) in PREPOSITIONS and head:
            break
        head = plain(word)
    return head in PLURALS or (head.endswith("s") and not head.endswith(("ss", "us", "is"))
                               and is_noun(head[:-1]))


def _pronoun_phrase(part: str, words: list[str], name: str) -> Phrase | None:
    """`I pitched X`, `he showed the trick`, `they're moving`, `their roadmap is X`."""
    first = plain(words[0])
    if first in ("i", "i'm", "i've", "i'd", "my"):
        return Phrase(Shape.MINE, part)
    if (first in _SUBJECTS or name and first == name.lower()) and len(words) > 1 \
            and starts_verb(words[1:]) in ("VBZ", "VBD"):
        return _main_phrase(" ".join(words[1:]), name)  # "he showed the trick": showed me
    if first in _SUBJECTS or first in _CONTRACTIONS or name and first == name.lower():
        text = to_you(part, name)
        return Phrase(_problem_or(Shape.CLAUSE, text), text)
    if first in _POSSESSIVE or first in ("her",):
        rest = words[1:]
        copula = _state_participle(words)
        if copula:  # "their IDP built on Backstage": your IDP is built on Backstage
            stated = [*words[:copula], "are" if _plural_head(words[1:copula]) else "is",
                      *words[copula:]]
            return Phrase(Shape.CLAUSE, to_you(" ".join(stated), name))
        if _subject_clause(["the", *rest]):
            return Phrase(_problem_or(Shape.CLAUSE, part), to_you(part, name))
        return Phrase(Shape.TOPIC, to_you(part, name))
    return None


_THEIR_QUESTION_RE = re.compile(
    r"^((?:[\w-]+\s+){0,3})questions?\s+(?:about|on|re|around|regarding|of)\s+(\S.*)$", re.I)


def _set_start_phrase(part: str, words: list[str], name: str) -> Phrase | None:
    """Starts that settle the shape: `no tests yet`, `ex-Stripe`, `from Lagos`, `because of X`,
    `huge fan of X`, `very proud of X`, `mgr of 2 squads`."""
    first = plain(words[0])
    if _NEGATION_RE.match(part):
        return Phrase(Shape.TOPIC, to_you(_topic_text(part), name))
    asked = _THEIR_QUESTION_RE.match(part)
    if asked and verb_form(first) not in ("VB", "VBD", "VBZ") and not any(
            plain(w) in _POSSESSIVE or plain(w) in ("my", "your", "i")
            for w in asked[1].split()):  # "interesting q about X": the question they asked
        topic = " ".join(with_article(to_you(asked[2], name).split()))
        return Phrase(Shape.TOPIC, f"your {asked[1]}question on {topic}")
    if first.startswith("ex-") and len(first) > 3:
        former = words[0][3:]
        if former.lower().endswith(("er", "ian", "ite", "ie")):  # "ex-Googler": an ex-Googler
            return Phrase(Shape.CLAUSE, f"you're an {to_you(part, name)}")
        rest = " ".join(words[1:])  # "ex-Stripe": a former employer
        if words[1:] and plain(words[-1]) in _FORMER_JOBS:  # "ex-fbi financial analyst": a job
            former = _acronym_of(former)
            return Phrase(Shape.CLAUSE, "you were previously " + with_indefinite(
                f"{former} {rest}"))
        if former.islower():  # "ex-stripe": a firm's name, typed in a hurry
            former = name_table().get(former, former.capitalize())
        return Phrase(Shape.CLAUSE, f"you were previously at {former} {rest}".rstrip())
    if first == "big" and len(words) > 2 and plain(words[1]) == "on":
        return Phrase(Shape.CLAUSE, "you're " + to_you(part, name))  # "big on parent coaching"
    if first == "into" and len(words) > 1:
        return Phrase(Shape.CLAUSE, "you're " + to_you(part, name))  # "into sailing"
    if re.match(r"(?:originally\s+)?from\s+[A-Z]", part):
        return Phrase(Shape.CLAUSE, "you're " + part)  # "originally from Lagos"
    if first in _SUBORDINATORS:
        return Phrase(Shape.CLAUSE, to_you(part, name))  # "because of GDPR all data stays"
    if first in ("huge", "big", "avid", "keen", "long-time", "lifelong", "strong", "firm",
                 "true", "passionate", "serious", "keen") and any(
                     plain(w) in _PERSON_NOUNS or plain(w).endswith(("er", "ist")) and is_noun(w)
                     for w in words[1:4]):
        return Phrase(Shape.CLAUSE, f"you're {with_indefinite(to_you(part, name))}")
    if first in _INTENSIFIERS and len(words) > 1 and "ADJ" in word_classes(plain(words[1])):
        return Phrase(Shape.CLAUSE, "you're " + to_you(part, name))  # "very proud of X"
    if first in _ROLE_NOUNS and len(words) > 2 and plain(words[1]) in ("of", "for", "at", "on"):
        # "mgr of 2 squads"
        return Phrase(Shape.CLAUSE, f"you're {with_indefinite(to_you(part, name))}")
    return None


_QUANTIFIERS = frozenset("most much many half all none each every both few several".split())


# Plural nouns that name a kind of thing before another noun ("rules engine", "sales floor").
_PLURAL_MODIFIERS = frozenset("""
    rules sales claims returns operations services systems accounts payments records parts
    goods events loans benefits orders lessons games sports arts communications
""".split())


# Verbs of work that are nouns too, which before "about 60" are the verb: "the city rejects
# about 25% of plan sets", "each adjuster handles about 60 files".
_NOTE_VERBS = frozenset("""
    rejects handles runs does gets takes sees sends processes ships files closes books makes
    loses serves covers manages supports moves builds spends hits answers fields logs tracks
    pays bills hires trains approves receives reviews inspects audits treats schedules
""".split())


# Verbs that are nouns too but after a plural noun are its verb: "scores go into a matrix".
_MOTION_VERBS = frozenset("go come sit stay end land flow move fall rise live sit get".split())


def _verb_phrase(part: str, words: list[str], name: str) -> Phrase | None:
    """A piece led by a verb about the person (`runs X`, `migrating X`, `recently moved`)."""
    first = plain(words[0])
    form = starts_verb(words)
    after = plain(words[1]) if len(words) > 1 else ""
    if first in ("want", "need") and (after in DETERMINERS or after in (
            "someone", "somebody", "people", "more", "to", "fewer", "less", "better")):
        form = "VB"  # "want someone comfortable with 3T safety zones": their wish
    if form == "VBZ" and is_noun(first) and verb_form(after) in ("VBG", "VB", "VBZ", "VBD") \
            and (not is_noun(after) or after in _MOTION_VERBS and words[1].islower()):
        return None  # "vets doing 14h nights", "invoices come in LEDES": a plural subject
    if form == "VBZ" and first in _PLURAL_MODIFIERS and after and is_noun(after) \
            and not after.endswith("s") and after not in DETERMINERS:
        return None  # "rules engine and a small GBM model", "claims team": a noun
    if form == "VBG" and len(words) > 2 and is_noun(after) and words[2][:1].islower() \
            and verb_form(plain(words[2])) in ("VBD", "VBZ") and not is_noun(plain(words[2])):
        return None  # "zoning overhaul passed in 2019": a noun, not "you're zoning"
    if form in ("VBD", "VBN") and len(words) > 2 and after.endswith("s") and is_noun(after) \
            and verb_form(plain(words[2])) in ("VB", "VBP") and words[2][:1].islower():
        return None  # "automated tools catch 30%": a participle before its noun
    if form in ("VBD", "VBN") and any(plain(w) in ("is", "are", "was", "were", "has", "have")
                                      for w in words[1:5]):
        return None  # "fixed asset register is a mess": an adjective, the subject's own
    if form or first in ADJECTIVE_STARTS or first == "fan":
        if first == "fan":
            words = ["a", *words]
            return Phrase(Shape.CLAUSE, "you're " + to_you(" ".join(words), name))
        shape, text, gerund = _verb_clause(words, form or "VB")
        text = to_you(text, name)
        return Phrase(_problem_or(shape, text), text, to_you(gerund, name))
    if re.match(r"(?:just\s+|recently\s+)?back\s+from\b", part, re.I):
        return Phrase(Shape.CLAUSE, "you're " + to_you(part, name))
    if len(words) > 1 and (set(word_classes(first)) == {"ADV"} or first in _ADVERBS) \
            and starts_verb(words[1:]):
        inner = _main_phrase(" ".join(words[1:]), name)
        head = re.match(r"you(?:'re| were)?\s", inner.text)
        if head:
            text = f"{head.group()}{words[0]} {inner.text[head.end():]}"
            return Phrase(inner.shape, text, inner.gerund)
    return None


def _noun_phrase(part: str, words: list[str], name: str) -> Phrase:
    """A noun-led piece: a role (`new mgr`), a clause with its own subject (`team ships
    weekly`), or else a topic (`pair debugging session on X`)."""
    first = plain(words[0])
    if plain(words[-1]) in _ROLE_NOUNS | _PERSON_NOUNS and len(words) <= 4 \
            and first not in DETERMINERS:  # "new mgr", "Dagster fan": you're a Dagster fan
        return Phrase(Shape.CLAUSE, f"you're {with_indefinite(to_you(part, name))}")
    if first == "previously" and len(words) > 1:
        rest = re.sub(r"(?<!for)\s(\d+\+?\s(?:years?|months?))$", r" for \1", " ".join(words[1:]))
        return Phrase(Shape.CLAUSE, "you were previously " + to_you(rest, name))
    if len(words) > 2 and verb_then_its_adjunct([plain(w) for w in words[1:]]) \
            and not _after_acronym(words, 1):  # "HACCP logs at each station": a noun
        # "turns take about 14 days": a subject and its verb ("your turns take"); "truck leave
        # at 4:30am" has lost an "s" and reads as no clause (a prompt names it)
        text = ("your " if words[0][:1].islower() and plain(words[0]) not in _APPROXIMATE
                and plain(words[0]) not in _QUANTIFIERS
                and not words[0][:1].isdigit() else "") + to_you(part, name)
        return Phrase(Shape.CLAUSE, text)
    timed = _TIMED_RE.match(part)
    if timed and len(timed["thing"].split()) <= 4 and not timed["thing"][:1].isdigit() \
            and plain(timed["thing"].split()[0]) not in _APPROXIMATE \
            and not _has_verb(timed["thing"].split()) \
            and plain(timed["thing"].split()[-1]) not in _TIMED_VERBS \
            and not any(plain(w) in PREPOSITIONS for w in timed["thing"].split()):
        # "NG911 cutover next spring": the cutover is next spring
        thing = timed["thing"]
        head = "" if plain(thing.split()[0]) in DETERMINERS | {"your", "our", "their"} \
            else "the "
        verb = "is"
        *rest, last = thing.split()
        coming = plain(last) in ("coming", "due", "expected", "planned", "scheduled", "launching",
                                 "starting", "opening", "landing", "arriving", "shipping") and rest
        if coming:  # "first PMA supplement coming Q2": it is coming in Q2
            thing = " ".join(rest)
        if _plural_head(thing.split()):
            verb = "are"
        verb += f" {last}" if coming else ""
        text = to_you(f"{head}{thing} {verb} {timed['when']}", name)
        return Phrase(Shape.CLAUSE, text)
    counted = to_you(_counted_clause(words), name)
    if counted:  # "3 recordable injuries this year": there have been 3 ...
        return Phrase(_problem_or(Shape.CLAUSE, counted), counted)
    copula = _state_participle(words)
    if copula:  # "fleet utilization stuck at 71%": your fleet utilization is stuck at 71%
        words = [*words[:copula], "are" if _plural_head(words[:copula]) else "is",
                 *words[copula:]]
        part = " ".join(words)
        if plain(words[copula + 1]) in _REQUIRED and plain(words[0]) not in DETERMINERS:
            text = to_you("the " + part, name)  # "the forklift certification is required":
            return Phrase(Shape.CLAUSE, text)  # asked of whoever takes the job, not theirs
    if _subject_clause(words):
        if first in ("apprentice", "intern", "trainee", "hire", "resident", "fellow", "candidate",
                     "newcomer", "recruit") and _bare_singular_subject(words) \
                and verb_form(plain(words[1])) == "VBZ":  # ("trainee class starts": the class)
            part = with_indefinite(part)  # "apprentice does 2 yrs under a director": any one
        elif words[0][:1].islower() and _superlative(first) and _bare_singular_subject(words):
            part = "the " + part  # "biggest reason techs wash out is ...": no one's own
        elif (words[0][:1].islower() or words[0].isupper()) and (
                first in _TEAM_WORDS or _bare_singular_subject(words)):
            # "team ships weekly", "fixed asset register is a mess": the person's own; a
            # plural subject stays general ("classifiers lie about timing")
            part = "your " + part
        elif first in ("the",) and len(words) > 1 and plain(words[1]) in _TEAM_WORDS:
            part = "your " + " ".join(words[1:])
        text = to_you(part, name)
        return Phrase(_problem_or(Shape.CLAUSE, text), text)
    return Phrase(Shape.TOPIC, to_you(_topic_text(part), name))


_BEFORE_A_GERUND = frozenset("""love like enjoy hate prefer start stop keep avoid finish mind
    consider recommend suggest miss begin continue try practice practise resume quit risk dislike
    imagine regret tolerate fear need want go spend""".split())


def _superlative(word: str) -> bool:
    """`biggest`, `most`, `main`, `hardest`: a word that picks one of many, which takes "the"."""
    return word in ("main", "top", "best", "worst", "first", "last", "only", "least") \
        or word.endswith("est") and "ADJ" in word_classes(word) and len(word) > 5


def is_problem(text: str) -> bool:
    """Whether a phrase speaks of a difficulty (a backlog, an overdue training, injuries)."""
    return _PROBLEM_RE.search(text) is not None


def _problem_or(shape: Shape, text: str) -> Shape:
    return Shape.PROBLEM if shape is Shape.CLAUSE and _PROBLEM_RE.search(text) else shape


def _join(phrase: Phrase, sep: str, part: str, name: str) -> str:
    """How a later piece of the same line joins the phrase."""
    continued = _continuation(part)
    if continued is not None and re.match(r"you(?:\s|'re\b|'ve\b)", phrase.text):
        return " and " + to_you(continued, name)
    form = starts_verb(part.split())
    wish = form == "VBZ" and verb_base(part.split()[0]) in _WISHES
    if form in ("VBZ", "VBD") and phrase.shape is not Shape.TOPIC and _KEEP not in part \
            and not wish:
        return " and " + to_you(part, name)  # "onboarding is slow, takes 3 weeks": it takes
    if continued is not None and phrase.shape is not Shape.TOPIC:
        continued = re.sub(r"^are\s", "'re ", continued)
        joint = ", and you" if continued.startswith("'") else ", and you "
        return joint + to_you(continued, name)  # the note is about the person
    words = part.split()
    if plain(words[0]) in ("i", "i'm", "i've", "i'd"):
        return ""  # the user's aside: for them, not for the email
    if part[:1].isdigit() or not _subject_clause(words) and len(words) <= 6 \
            and plain(words[0]) not in _SUBJECTS:
        return f" ({to_you(part, name)})"
    if _subject_clause(words) or plain(words[0]) in _SUBJECTS:
        joint = ", while " if plain(words[0]) in ("today", "currently", "now") else ", and "
        text = part if plain(words[0]) not in _TEAM_WORDS else "your " + part
        return joint + to_you(text, name)
    return ", " + to_you(part, name)


# A piece that leans on the one before it ("wants someone to own that calendar", "wants <8%",
# "wants them trained first") says nothing alone.
LEANS_BACK_RE = re.compile(r"\b(?:it|them|this|these|those|that\s+\w+|same|too|also)\s*$"
                           r"|\b(?:it|them|these|those)\b|\bthis\b(?!\s+(?:year|yr|week|wk"
                           r"|month|quarter|season|spring|summer|fall|autumn|winter|morning"
                           r"|time|cycle|term|semester)\b)|[<>]|\bwants?\s+one\s+\w+\s*$")


# "after the 2024 FCA review they're rebuilding the rule library": the clause leads and the
# time it follows goes after it, as one would say it back ("you're rebuilding ... after ...")
_LEADING_WHEN_RE = re.compile(
    r"^(?P<when>(?:after|before|following|during)\s+(?:the|a|an|their|his|her|its|last"
    r"|this)\s+[^,;:]{2,50}?)\s+(?P<clause>(?:they|he|she|we)(?:'re|'s|'ve)?\s+\w+[^,;:]*)",
    re.IGNORECASE)


@lru_cache(maxsize=2048)  # the same line is phrased again for each length tried
def rephrase(line: str, first_name: str = "", company: str = "") -> Phrase | None:
    """One note line as a phrase said to the person called `first_name`, or None when nothing
    in it may reach an email (only logistics, impressions or the user's verdict). The
    `company`'s name, typed in lower case, is spelled as the company spells it."""
    text = _REPORTING_RE.sub("", lower_first(clean(line)))  # "talked about: io_uring, ..."
    text = re.sub(r"^(?:but|and|so|or|plus)\s+", "", text)  # "but capture is only 41%"
    # "automated tools catch maybe 30-40%": the hedge before a figure is the note's
    text = re.sub(r"\s+(?:maybe|prob(?:ably)?|i\s+think)(?=\s+(?:about\s+)?\d)", "", text)
    # "they track AHT but she said the real metric is FCR": what was said, not who said it
    text = _REPORTED_INSIDE_RE.sub(r"\1 ", text)
    text = _LEADING_WHEN_RE.sub(r"\g<clause> \g<when>", text)
    # "firm doing a liquefaction study": the firm is doing it
    text = re.sub(r"^(firm|team|company|group|lab|clinic|district|unit|office|department|dept"
                  r"|agency|county|city|plant|site|shop|school|hospital|unit)\s+(?=\w+ing\s)",
                  r"\1 is ", text, flags=re.IGNORECASE)
    # "top reason drivers quit is ...": "top" picks one, it is no verb
    text = re.sub(r"^(top|main|only|number\s+one|#1)\s+(?=(?:reason|issue|problem"
                  r"|concern|challenge|complaint|thing|risk|cost|driver|metric|pain|ask"
                  r"|request|gap|need)s?\b)", r"the \1 ", text, flags=re.IGNORECASE)
    if not text or starts_verb(text.split()) and re.search(r"\bwith\s+(?:him|her)\b", text):
        return None  # "did the ride-along w/ him": the user did it, with the person
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
    kept = [(sep, company_spelling(lower_first(p), company)) for sep, p in pieces
            if not _drop(p)]
    if len(kept) > 1:  # "no tests today, wants data quality checks": the wish, not the lack
        kept = [k for k in kept if not _NEGATION_RE.match(k[1])] or kept[:1]
    if not kept:
        return None
    kept = [(sep, _fragment_clause(p)) if i else (sep, p) for i, (sep, p) in enumerate(kept)]
    phrase = _main_phrase(kept[0][1], first_name)
    if not phrase.text.strip():
        return None  # "no small talk": nothing in it to say to the person
    # ("140 volunteers, mostly retirees, she needs someone to train the docents": what she
    # needs leads, said to her)
    verb_led = [k for k in kept[1:] if starts_verb(
        re.sub(r"^(?:he|she|they)\s+(?=\w+s\b|\w+ed\b)", "", k[1]).split()) in (
            "VBZ", "VBD", "VBG") and not LEANS_BACK_RE.search(k[1])]
    if phrase.shape is Shape.TOPIC and verb_led:
        # "on-call rotation of 8, wants fewer noisy alerts": what they want leads, and the
        # topic it displaced comes last
        lead = verb_led[0]
        kept = [lead, *[("", k[1]) for k in kept[1:] if k is not lead], ("", kept[0][1])]
        phrase = _main_phrase(lead[1], first_name)
    said_of = [k for k in kept[1:] if (re.match(r"(?:they|he|she)\s+\w", k[1])
                                       or _subject_clause(k[1].split()))
               and len(k[1].split()) >= 3 and not LEANS_BACK_RE.search(k[1])]
    if said_of and (phrase.shape is Shape.TOPIC and len(phrase.text.split()) <= 3
                    or _BARE_FIGURE_RE.match(phrase.text)):
        # "market #84, they need someone for weekends", "ops budget ~2.3M, touring is where
        # they overspend": a label or a bare figure, then what was said: what was said leads
        kept = [said_of[0], *[k for k in kept[1:] if k is not said_of[0]]]
        phrase = _main_phrase(said_of[0][1], first_name)
    if len(kept) > 1 and (re.search(r"\d", phrase.text) or len(phrase.text.split()) <= 4):
        # "team is 6 ppl, ..., the hard part is matching features to the dig sheets": a count
        # or a bare fact first, then what the person thinks, wants or struggles with; what
        # they think leads (readers called "your team is 6 people" a thin highlight)
        weighty = [k for k in kept if k[1] != kept[0][1] and _WEIGHTY_RE.search(k[1])
                   and not re.search(r"\d", k[1])
                   and reads_well(_main_phrase(k[1], first_name))]
        if not weighty and _HEADCOUNT_RE.match(phrase.text):
            # "team is 6 ppl, first PMA supplement coming Q2": a head-count is no highlight
            weighty = [k for k in kept[1:] if not _HEADCOUNT_RE.match(k[1])
                       and (said := _main_phrase(k[1], first_name)).shape is not Shape.TOPIC
                       and reads_well(said)]
        if weighty and not _WEIGHTY_RE.search(kept[0][1]):
            kept = [weighty[0], *[k for k in kept if k is not weighty[0]]]
            phrase = _main_phrase(weighty[0][1], first_name)
    # "Tidepool hazy IPA, which is", "a 2-week onboarding", "you mostly do hearings"
    text = _UNIT_ADJECTIVE_RE.sub(r"\1-\2 ", _NAME_WHICH_RE.sub(r"\1, which", phrase.text))
    text = _TRAILING_ADVERB_RE.sub(lambda m: f"you {m[1]} {m[2].strip()}", text)
    text = _GUY_RE.sub(r"you're \1\2fan", text)  # "he's a chess guy": you're a chess fan
    text = re.sub(r"^your (?=(?:about|roughly|around|nearly|almost|over|under|just|only)\s+\d)",
                  "", text)  # "about 30% of kids are on IEPs"
    # "chronic absenteeism is their #1 goal": the goal is theirs, the absenteeism nobody's
    text = re.sub(r"^your ((?:[\w-]+ ){1,5}(?:is|are|was|were) your\b)", r"\1", text)
    text = re.sub(r"\b(is|are) your (problem|issue|pain|headache)\b", r"\1 the \2", text)
    # "wildfire and sea level rise are the 2 big chapters": two things, no one's own
    text = re.sub(r"^your ((?:[\w-]+ ){1,3}and (?:[\w-]+ ){1,3}are\b)", r"\1", text)
    if phrase.shape is Shape.TOPIC and re.match(r"(?:lots|a\s+lot|plenty|tons)\s+of\s", text):
        phrase = Phrase(Shape.CLAUSE, "", "")  # "lots of perinatal referrals from the OB
        text = "there are " + text  # clinic next door": there are lots of them
    # "new machines arriving in January": things on their way take their verb
    before = text
    text = re.sub(r"^((?:your|the)\s+(?:[\w-]+\s+){0,4}?[\w-]+?(s?))\s+(?=(?:arriving|coming"
                  r"|starting|launching|opening|shipping|landing)\s+(?:in|next|this|by)\b)",
                  lambda m: m[0] if m[1].split()[-1] in ("is", "are", "was", "were", "be",
                                                         "been", "'s", "'re")
                  else f"{m[1]} {'are' if m[2] else 'is'} ", text)
    if text != before and phrase.shape is Shape.TOPIC:
        phrase = Phrase(Shape.CLAUSE, phrase.text, phrase.gerund)
    # "IPC on the floor not in the office": a contrast takes its comma
    text = re.sub(r"(?<=[A-Za-z]) not (?=(?:to|in|on|at|for|with|by|from|the|a|an|just|only)\s)",
                  ", not ", text)
    # "the Ahta Foundation grant ends in June": a funder's grant takes its article
    text = re.sub(r"^(?:your\s+)?((?:[A-Z][\w&.-]*\s+){1,3}(?:Foundation|Trust|Fund|Institute"
                  r"|Council|Society|Association|Endowment)\s+(?:grant|award|contract|funding|renewal"
                  r"|program|programme|fellowship)s?\b)", r"the \1", text)
    # "touring is where you overspend": an activity, no one's own
    # ("documentation is what separates therapy from gardening", "CP surveys are where new
    # grads learn the pipe": a kind of work, said of the trade)
    text = re.sub(r"^your ((?:[\w-]+ ){1,6}(?:is|are) (?:where|when|how|why|what)\b)", r"\1", text)
    # "organised retail crime is up": what happens to a business is no one's own
    text = re.sub(r"^your ((?:[\w-]+ ){0,2}(?:crime|theft|fraud|inflation|weather|demand"
                  r"|competition|regulation|vandalism|shoplifting)\b)", r"\1", text)
    text = re.sub(r"^your (?=(?:most|much|many|half|all|some|none|each|both|few|several) of\b)",
                  "", text)  # "most of their work is K-12 schools": most of your work
    # ("most work now is crypto tracing": most of your work; "your most common error" stays)
    # "you work on GRI index for shipping clients": the index, as an acronym's thing is
    text = re.sub(r"\b(on|about|with|into|through)\s+(?=[A-Z]{2,}\s+(?:index|report|framework"
                  r"|standard|program|programme|platform|pipeline|migration|rollout|project|system|tool|model"
                  r"|audit|dashboard|database|portal|team|queue)\b)", r"\1 the ", text)
    # "billing denials are killing them": what weighs on the person's own team
    text = re.sub(r"\b(killing|hurting|costing|slowing|burying|drowning|swamping|crushing)"
                  r"\s+them\b", r"\1 you", text)
    # "your priority is 9th grade on-track rate": the rate, with its article
    text = re.sub(r"\b(is|was)\s+(?=\d+(?:st|nd|rd|th)\s+[a-z]+\s+[a-z-]+\s+[a-z]+$)", r"\1 the ",
                  text)
    # "you want the suite under 20 minutes before they go to daily releases": theirs too
    if re.match(r"you\b|you're\b", text):
        text = re.sub(r"\b(before|after|when|since|until|once|because|so|as\s+soon\s+as)\s+they"
                      r"(?=\s+\w)", r"\1 you", text)
    text = re.sub(r"^your (most|much|half|all|some) (?!of\b)(?=(\w+))", lambda m: m[0]
                  if is_adjective(plain(m[2])) else f"{m[1]} of your ", text)
    # "we talked about the Booker trade for 5 minutes": how long is the meeting's, not the point
    text = re.sub(r"\s+for\s+(?:about\s+)?\d+\s+(?:minutes?|mins?)$", "", text) \
        if phrase.shape is Shape.TOPIC else text
    if phrase.shape is Shape.CLAUSE:  # "trainees ride along with you about 8 weeks": for
        text = _BARE_DURATION_RE.sub(r"\1 for \2", text)
        tail = text.rsplit(" and ", 1)[-1].split()
        if " and " in text and not phrase.gerund and _number_glued([plain(w) for w in tail]) \
                and not _has_verb(tail):
            text = text.rsplit(" and ", 1)[0]  # "... on retainer + hard cap 6 hrs/day": a
            # piece with no verb and its figure glued on is left out
    phrase = Phrase(phrase.shape, text, phrase.gerund)
    if phrase.shape is Shape.MINE:
        return Phrase(phrase.shape, phrase.text.replace(_KEEP, ""))
    joins: list[str] = []
    for sep, part in kept[1:2]:
        # One clause or noun phrase per sentence: a later piece joins only as "the team of 8
        # people"; asides in parentheses and clauses glued with "and" are what a reader
        # stumbles on ("you run the walking club and does half marathons"), so the rest of
        # the line is left out.
        joined = _join(phrase, sep, part, first_name)
        if joined.startswith(" (") and _GROUP_RE.search(text) and part[:1].isdigit() \
                and not re.search(r"\d\s+(?:[\w-]+\s+)?\w+s\s*$", text):  # ("22 varsity
            # teams, 5 ATs": five trainers for all the teams, not teams of five)
            joins.append(" of " + joined[2:-1])  # "the platform team, 8 people"
    text += "".join(joins)
    gerund = phrase.gerund + text[len(phrase.text):] if phrase.gerund else ""
    return Phrase(_problem_or(phrase.shape, text), text.replace(_KEEP, ""),
                  gerund.replace(_KEEP, ""))


def listed_topics(line: str) -> Phrase | None:
    """"ALARA, dosimetry and RWP discipline from day one" for a line that is only a short list
    of things (a first item of one or two words, no verb, no count), else None. Only for a `!`
    line: an unmarked "aiko, treasurer, cpa" is who someone is."""
    kept = split_parts(clean(line))
    items = [p for _s, p in kept]
    if not 2 <= len(items) <= 3 or len(items[0].split()) > 2 or any(s not in ("", ",") for s, _p
                                                                      in kept) \
            or any(p[:1].isdigit() or len(p.split()) > 9 or any(
                verb_form(plain(w)) in ("VBZ", "VBD", "MD") and not is_noun(plain(w))
                or plain(w) in BE_FORMS for w in p.split()) for p in items):
        return None
    last = items[-1]
    joint = ", " if " and " in last else " and "
    return Phrase(Shape.TOPIC, to_you(", ".join(items[:-1]) + joint + last))


# What a person thinks, wants, needs or struggles with: a piece of a line worth leading with.
_WEIGHTY_RE = re.compile(r"\b(?:hard|hardest|harder|biggest|big\s+(?:pain|issue|problem|challenge)"
                         r"|pain|problem|issue|challenge|struggle\w*|wants?|needs?|have\s+to|has\s+to"
                         r"|hates?|loves?|cares?|matters?|key\s+is|the\s+trick|rely\s+on|hinges?"
                         r"|not\s+pre-|live\s+not|instead\s+of|rather\s+than|actually)\b",
                         re.IGNORECASE)

# "your team is 6 people", "team of 9": how many people, which readers never took for a point
_HEADCOUNT_RE = re.compile(r"(?:your\s+|the\s+|their\s+)?(?:[\w-]+\s+)?(?:team|unit|group|dept"
                           r"|department|crew|staff)\s+(?:is|of|=)\s+(?:about\s+|~\s*)?\d+"
                           r"(?:\s+(?:people|ppl|engineers|nurses|analysts|techs|staff|fte))?$")

# "your operations budget is about 2.3M": a figure with nothing said of it
_BARE_FIGURE_RE = re.compile(r"(?:your\s+|the\s+)?[\w\s-]{1,40}?\s+(?:is|are)\s+(?:about\s+"
                             r"|roughly\s+|around\s+|nearly\s+|over\s+|under\s+)?[$£€]?\d[\d.,]*"
                             r"\s*[kKmMbB%]?$")
_REPORTED_INSIDE_RE = re.compile(r"\b(but|and|so)\s+(?:he|she|they)\s+(?:said|says)\s+(?:that\s+)?",
                                 re.IGNORECASE)
_BARE_DURATION_RE = re.compile(
    r"(\b(?!(?:is|are|was|were|be|been|for|in|of|over|under|within|after|before|every|each|per"
    r"|last|first|next|the|takes?|took|spent|spends?|lasts?|about|than|to|from|by|at|around|just"
    r"|only|nearly|almost|roughly)\b)[A-Za-z']+)\s+((?:about\s+|roughly\s+|around\s+|nearly\s+)?"
    r"\d+\s+(?:weeks|days|months|years|hours))$")
_GUY_RE = re.compile(r"^you're (a |an )((?:big |huge |real )?[\w-]+ )(?:guy|gal|dude)$")
_UNIT_ADJECTIVE_RE = re.compile(r"(?:(?<=\ba )|(?<=\ban ))(\d+) (day|week|month|year|hour|minute"
                                r"|mile|step|page|bed|person|room|seat|chair)\s(?=[a-z])")
_TRAILING_ADVERB_RE = re.compile(r"^you (?=(?:\w+ ){1,5}(mostly|mainly|usually|often)$)"
                                 r"((?:\w+ ){1,5})(?:mostly|mainly|usually|often)$")
_NAME_WHICH_RE = re.compile(r"\b([A-Z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+which\b")
_GROUP_RE = re.compile(r"\b(?:team|teams|org|organi[sz]ation|group|squad|squads|department|"
                       r"rotation|crew|unit|division|guild|tribe)$", re.IGNORECASE)


def _fragment_clause(part: str) -> str:
    """A later fragment that says something about the person, as a verb-led piece that
    joins the sentence: `ex google` -> "was previously at google", `6 years here` -> "has
    been here for 6 years"."""
    former = re.match(r"^ex[-\s](?:at\s+)?(\S.*)$", part, re.IGNORECASE)
    if former and not re.match(r"^ex-\S+(?:er|ian|ite|ie)$", part, re.IGNORECASE):
        return f"was previously at {former[1]}"
    earlier = re.match(r"^previously\s+(?:at\s+)?(\S+)$", part, re.IGNORECASE)
    if earlier:
        return f"was previously at {earlier[1]}"
    tenure = re.match(r"^(?:about\s+|over\s+|almost\s+)?(\d+\+?\s+(?:years?|months?))\s+"
                      r"(here|at\s+\S.*|in\s+\S.*)$", part, re.IGNORECASE)
    if tenure:
        return f"has been {tenure[2]} for {tenure[1]}"
    return part


def company_spelling(text: str, company: str) -> str:
    """`orbit is open sourcing ...` -> `Orbit is ...` when the company is Orbit Labs."""
    company = company.strip()
    first = company.split()[0] if company else ""
    # the short name ("Orbit" of Orbit Labs); never an article ("The" of The Northern Ledger)
    short = plain(first) not in DETERMINERS | PREPOSITIONS | {"and", "of"}
    names = dict.fromkeys((company, first) if first and short else (company,)) if company else {}
    for name in names:
        if len(name) >= 3:
            text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", name, text, flags=re.I)
    return text


_MONTHS_DAYS = ("january february april june july august september october november december "
                "monday tuesday wednesday thursday friday saturday sunday").split()
_MONTH_WORDS_RE = re.compile(rf"\b(?:{'|'.join(_MONTHS_DAYS)})s?\b", re.IGNORECASE)
# "may" and "march" are also everyday words: a month only after a word of time or before a day.
_MAY_MARCH_RE = re.compile(
    r"\b(?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bby\s)|(?<=\bfrom\s)|(?<=\bearly\s)"
    r"|(?<=\blate\s)|(?<=\bmid\s)|(?<=\bof\s)|(?<=\bnext\s)|(?<=\blast\s)|(?<=\bthis\s))"
    r"(may|march)\b|\b(may|march)(?=\s+\d)", re.IGNORECASE)


def proper_spelling(text: str, names: tuple[str, ...] = ()) -> str:
    """Month and day names capitalised ("porto in march" -> "porto in March"), and each of
    `names` (people's names, the company) spelled as given wherever the notes typed it in
    lower case; the user's other words stay as written."""
    text = _MONTH_WORDS_RE.sub(lambda m: m.group()[:1].upper() + m.group()[1:], text)
    text = _MAY_MARCH_RE.sub(lambda m: m.group()[:1].upper() + m.group()[1:], text)
    for name in names:
        text = re.sub(rf"(?<![\w@/.-]){re.escape(name)}(?![\w@/-])", name, text,
                      flags=re.IGNORECASE)
    return text


_KEEP = "\u2060"  # marks a pronoun of someone else, which `to_you` must leave alone




# ---- whether a phrase reads well -------------------------------------------------------------

# A job at the end of "ex-fbi financial analyst"
_FORMER_JOBS = frozenset("""
    analyst engineer manager director nurse teacher officer agent consultant auditor accountant
    developer designer scientist researcher lawyer attorney paralegal recruiter lead chef
    editor reporter producer technician tech specialist associate partner architect planner
    coordinator advisor adviser surveyor geologist pharmacist therapist medic paramedic
""".split())


def _acronym_of(word: str) -> str:
    """"fbi" -> "FBI": a short lower-case name with no vowel sound of its own; else as typed."""
    return word.upper() if word.islower() and len(word) <= 4 and not is_english_word(word) \
        else word


# "I could do the setup": the verb after a modal or "to" is no second finite verb
_AFTER_A_MODAL = frozenset("can could will would should might may must to".split())
_WRONG_PERSON_RE = re.compile(
    r"\b(?:you(?:'re|'ve|\s+are|\s+have)?\s+both|your\s+(?:the|a|an|you|your|my|I|so|and|but"
    r"|because|if|when|how|what|why)|you\s+(?:you|your|is|has|was|does)"
    r"|the\s+(?:the|your|my|a)|me\s+me|I\s+(?:is|has|was|does)\b(?!\s+(?:not|been)))\b", re.I)
_FINITE_IN_TOPIC = frozenset("""
    got was were is are has had did does went said felt asked blanked rambled told isn't aren't
    wasn't weren't doesn't don't didn't hasn't haven't can't won't wants needs thinks took takes
    made makes came comes goes went gets
""".split())
_NUMBER_AFTER_NOUN_RE = re.compile(
    r"^(?:the|your)\s+(?:[a-z-]+\s+){0,3}(?!(?:of|for|in|at|about|over|under|by|with|to|from|on"
    r"|into|than|per|across|every|within|after|before|around|nearly|almost|roughly)\s)"
    r"[a-z-]+\s+\d[\w.%-]*(?:\s+\w+){0,3}$")


# A goal or count whose unit was left in another piece of the note: "they want 21 for the
# new contract" (21 days of shelf life), "want 95 because ..." (95% first-attempt delivery).
_NUMBER_UNIT_LOST_RE = re.compile(
    r"\b(?:want|wants|need|needs|aim|aims|target|targets|expect|expects|hope|hopes|get|gets"
    r"|hit|hits|reach|reaches)\s+(?:to\s+(?:get|hit|reach)\s+)?(?:about\s+|around\s+"
    r"|roughly\s+|at\s+least\s+|under\s+|below\s+|over\s+|above\s+|(?:less|fewer|more)\s+than\s+)?\d[\d.,]*%?(?=\s+(?:for|by|because|before|after|in|on|at"
    r"|and|but|so|from|with|next|this|per)\b|\s*[,.;]|\s*$)")


def _triples(words: list[str]) -> list[tuple[str, str, str]]:
    """Each word from the second on, with the word before it and the one after ("" at the end)."""
    return list(zip(words, words[1:], [*words[2:], ""], strict=False))


def _plural_then_verb(before: str, word: str, after: str) -> bool:
    """Whether `word` is the verb of a plural noun before it, with something after it ("families
    need interpreters", "techs want overtime"); not a word that can say when or what kind
    ("returns last quarter", "scenarios down to 60")."""
    classes = word_classes(plain(word))
    bare = plain(word)
    return bool(after) and before.endswith("s") and not {"ADJ", "ADV"} & set(classes) and (
        verb_form(bare) == "VB" or verb_form(bare) == "VBD" and verb_base(bare) == bare)


def reads_well(phrase: Phrase) -> bool:
    """Whether a phrase is one clean clause or noun phrase a reader would accept as written:
    no aside in parentheses, no wrong person ("you both", "your the"), no shorthand or unknown
    short word left in, no finite verb stranded inside a topic ("the got flustered"), no bare
    number glued after a noun ("the new grad residency 12 weeks"), and not too long for one
    sentence. Drafting turns a phrase that fails into a marked prompt that names the note.
    Source: issue "Drafts a reader would send" (phrase only what can be phrased well)."""
    text = phrase.text
    words = text.split()
    longest = 22 if phrase.shape is Shape.MINE else 18  # the user's own work may say more
    if not 2 <= len(words) <= longest or "(" in text or ")" in text or "[" in text:
        return False
    if re.match(r"^(?:(?:you|your|the)\s+)?'|'$", text):
        return False  # "'we ship small, daily'": their words, with nothing said of them
    if phrase.shape is Shape.CLAUSE and len(words) <= 2 and plain(words[0]) in ("you're", "you"):
        return False  # "you're costing": nothing said
    if phrase.shape is Shape.TOPIC and len(words) <= 3 and plain(words[-1]) in _TIME_UNITS | {
            "year", "month", "week", "day", "hour", "shift"}:
        return False  # "your 2nd year": a time with nothing of what happened in it
    if re.search(r"\bthe\s+(?:\d{4}|old|new|big|small|other|first|second|last|wooden|steel)"
                 r"\s+one\b", text):
        return False  # "the 1958 one needs track work": one of what is in the line before
    if re.match(r"(?:your|the)\s+(?:everyone|everybody|someone|somebody|anyone|nobody)\b", text):
        return False  # "the everyone on call": a pronoun given an article
    if re.match(r"(?:your\s+|the\s+)?(?:same\s+as|rest)\b", text):
        return False  # "same as a bug you had in 2025": leans on the piece before
    if re.match(r"(?:about|roughly|around|nearly|over|under)\s+\d[\d,.]*\+?\s+(?:[a-z-]+\s+){0,2}"
                r"[a-z-]+s(?:\s+(?:a|an|per)\s+\w+)?$", text):
        return False  # "about 90 residential installs a month" with no verb: a piece
    if phrase.shape is not Shape.TOPIC and re.match(
            r"(?:about|roughly|around|nearly|over|under|just|only)\s+\d", text) and not any(
            plain(w) in BE_FORMS or verb_form(plain(w)) in ("VBZ", "VBD", "VBP")
            or _plural_then_verb(before, w, after)
            for before, w, after in _triples(text.split(" to ")[0].split()[1:])):
        return False  # "about 9 days average to get a crane": no verb of its own
    if _WRONG_PERSON_RE.search(text) or re.search(r"\b(\w+) \1\b", text, re.I) \
            or re.search(r"\bthe\s+(?:at|in|on|for|with|to|of|if|I|we|is|are|want|wants|need"
                         r"|needs|can|will|would|should|did|does|has|have)(?![\w-])", text):
        return False
    if re.search(r"\s(?:and|or|but|with|to|of|the|a|an|your|including|like|such as|per|for|about"
                 r"|from|by|at|in|on|versus)$", text) and not re.search(
            r"\b(?:I|we|you|what|which|that|who)\s+(?:\w+\s+){0,2}\w+\s+(?:at|in|on|for|with|to"
            r"|from|about)$", text) \
            or text.endswith(","):  # ("the state park I volunteered at": a preposition at home)
        return False  # a fragment cut in the middle
    if re.search(r"\band\s+(?:who|what|how|whether|where)\s+(?:\w+\s+){1,5}(?:is|are)\s+the\b",
                 text):
        return False  # "your consent forms and who owns the recording is the big issue"
    unknown = [w for w in unknown_words(text) if w not in name_table()]
    if any(len(w) <= 4 and not set(w) & set("aeiouy") or len(w) <= 3 for w in unknown):
        return False  # shorthand the table does not know: "wrt", "tbd", "ili"
    if any(c in text for c in "?~<>") or re.search(r"\s/|/\s|\b[a-z]+/[a-z]+\b", text):
        return False  # "hiring in Q1? maybe", "4x/weeks": the note's own punctuation
    if re.match(r"you\s+[a-z]+\s+(?!the\s|a\s|an\s|your\s|their\s|all\s)[a-z]+\s+\d", text) \
            and not re.match(
            r"you\s+\w+\s+(?:about|over|under|around|nearly|almost|roughly|just|only)\s", text):
        return False  # "you top rep 2 years running": a noun read as a verb
    if len(words) >= 3 and plain(words[0]) == "you" and plain(words[1]) in _ADJECTIVE_VERBS \
            and verb_form(plain(words[1])) == "VB" and (words[2][:1].isupper()
                                                       or is_noun(plain(words[2]))) \
            and plain(words[2]) not in DETERMINERS:
        return False  # "you live SQL exercise": an adjective read as a verb
    if phrase.shape in (Shape.CLAUSE, Shape.PROBLEM) and not _has_verb(words):
        return False  # "survival models for churn not classifiers"
    if phrase.shape is Shape.CLAUSE and " and " in text and _number_glued(
            [plain(w) for w in text.rsplit(" and ", 1)[1].split()]) \
            and not _has_verb(text.rsplit(" and ", 1)[1].split()):
        return False  # "a psych on retainer and hard scrim cap 6 hours a day": a piece glued on
    pair = re.match(r"(?:your|the|their)\s+([a-z]+)\s+([a-z]+[^s\W])s\s+(?:with|for|on|at|of|in)\b",
                    text)
    if phrase.shape is Shape.CLAUSE and pair and is_noun(pair[2]) and pair[1] not in _COLLECTIVES \
            and (pair[1].endswith("ing") or pair[1] in ("wait", "lead", "cycle", "response",
                                                        "turnaround", "hold", "load")):
        return False  # "your scanning drills with the manikin drop", "your wait times in the
        # ED": a noun pair, its plural read as a verb ("your team ships on Fridays" is a clause)
    if phrase.shape is Shape.CLAUSE and re.match(
            r"you're\s+\w+ing\s+\w+\s+(?:week|month|day|q)\s*\d", text):
        return False  # "planning freeze week 2 of Jan": a noun pair and its date, no verb
    if phrase.shape is Shape.CLAUSE and re.match(r"you\s+[a-z]+\s+of\b", text):
        return False  # "costs of the new build" is no "you cost of the new build"
    if len(words) >= 3 and plain(words[0]) == "you" and plain(words[2]).endswith("ing") \
            and verb_form(plain(words[1])) in ("VB", "VBD") \
            and "ADJ" in word_classes(plain(words[1])) \
            and verb_base(plain(words[1])) not in _BEFORE_A_GERUND:
        return False  # "you wet cleaning versus not": "wet cleaning" read as a verb
    if re.match(r"you're (?:a|an) (?:[\w-]+ ){1,3}(?:guy|gal|dude|person|type|nerd|geek)$", text):
        return False  # "you're a chess guy": who they are, said back to them
    if re.match(r"you\b", text) and re.search(r"\b(?:with|to|for)\s+you\b|^you\s+\w+\s+you\b",
                                               text) \
            or re.match(r"you\s+(?:told|shared|gave|pitched|presented|walked\s+through)\s+my\b",
                        text):
        return False  # "did the ride-along w/ him", "told my story abt X": the user did it
    if phrase.shape in (Shape.CLAUSE, Shape.PROBLEM) and "," in text \
            and not _has_verb(text.split(",")[0].split()) \
            and not re.match(r"(?:At|In|With|For|During|On)\s", text):
        return False  # "your smart controllers, pitching water audits", "your didymium
        # glasses, no synthetics on the floor": pieces of a note, no verb of their own
    if re.match(r"you\s+(?!\w+ly\b)(?!(?:just|already|still|also|now|finally|only|never|always"
                r"|often|mostly|recently)\b)\w+\s", text) and any(
            verb_form(plain(w)) == "VBD" and not is_noun(plain(w))
            and plain(words[i - 1]) not in _RELATIVES | _PRONOUNS | {"and", "but", "or", "so"}
            # ("you track activated developers": a participle before its noun describes it)
            and not (i + 1 < len(words) and plain(words[i + 1]).endswith("s")
                     and is_noun(plain(words[i + 1])) and plain(words[i - 1]) == plain(words[1]))
            for i, w in enumerate(words[2:], 2)) and verb_form(plain(words[1])) != "VBD" \
            and plain(words[1]) not in _FINITE_PLAIN and not plain(words[1]).endswith("ed") \
            and verb_base(plain(words[1])) not in _THINKING | {"want", "need", "expect", "hope"}:
        return False  # "you part stockouts on rear fenders killed them": a noun read as a verb
    if _NUMBER_UNIT_LOST_RE.search(text):
        return False  # "you want 21 for the new contract": 21 of what is in another piece
    if re.match(r"you're (?:a|an) (?:[\w-]+ ){0,3}(?:manager|engineer|lead|director|partner"
                r"|coordinator|officer|specialist|rep|representative|analyst|recruiter|"
                r"designer|consultant|nurse|teacher|accountant|fellow|curator|registrar)$", text):
        return False  # "you're a revenue manager": their own title, told to them
    if phrase.shape is Shape.IN_MEETING and not phrase.gerund and re.match(
            r"you\s+(?:asked|took|sat|joined|started|ran|kept|coordinated|set|sent"
            r"|gave\s+(?:the|a)\s+talk)\b", text):
        return False  # "It was a real pleasure that you asked about my background"
    fronted = re.match(r"(?:At|In|With|For|During|On)\s[^,]+,\s+(?=I\b)", text)
    if re.search(r",\s+(?:he|she|they|you|we|I|it)\b", text[fronted.end() if fronted else 0:]) \
            or ";" in text:  # "At Eastlake, I cut ..." is one clause with its place first
        return False  # two clauses spliced with a comma
    before_them = text.split(" them", 1)[0].split() if " them" in text else []
    if before_them and not any(plain(w).endswith("s") and is_noun(plain(w)) or plain(w) in PLURALS
                               for w in before_them[1:-1]):  # not the verb: "caps them"
        return False  # "you check them manually": what "them" were is in another piece
    plural_before = bool(before_them) and any(
        plain(w).endswith("s") and is_noun(plain(w)) or plain(w) in PLURALS
        for w in before_them[1:-1])
    if re.search(r"\s(?:it|this|that|these|those)$", text) \
            or text.endswith(" them") and not plural_before \
            or re.search(r"\sit\s(?!is\b|was\b|'s\b)", text):
        return False  # "you need someone to own it", "you want it under 15": it is nothing
        # in the email
    inner = [plain(w) for w in words[1:]]
    linked = any(w in _LINKS for w in inner)
    if phrase.shape is Shape.TOPIC and not _clean_topic(words):
        return False
    if phrase.shape is Shape.TOPIC:
        if len(words) > 2 and plain(words[0]) in DETERMINERS | set(_POSSESSIVE) | {"your"} and (
                plain(words[1]) in _ADVERBS or set(word_classes(plain(words[1]))) == {"ADV"}):
            return False  # "the mostly phase II/III oncology": a fragment, not a topic
        if plain(words[-1]) in ("guy", "gal", "person", "type", "dude", "lady", "man", "woman"):
            return False  # "CMC guy": who the person is, not something to have enjoyed
        if plain(words[0]) in PREPOSITIONS or plain(words[0]) in _ADVERBS \
                or set(word_classes(plain(words[0]))) == {"ADV"}:
            return False  # "mostly in first 18 months": a fragment, not a topic
        for i, w in enumerate(inner):
            verb = w in _FINITE_IN_TOPIC or w in _FINITE_PLAIN or (
                verb_form(w) in ("VB", "VBD", "VBZ") and not is_noun(w)
                and "ADJ" not in word_classes(w) and w not in PREPOSITIONS)
            if verb and not any(x in _RELATIVES for x in inner[:i]) \
                    and not (i and _contact_relative(inner, i - 1)):
                return False  # "the hardest part isn't the modelling", "finance disagree on"
            place = [j for j in range(max(0, i - 4), i - 1) if inner[j] in PREPOSITIONS]
            if place and i < len(inner) - 1 and words[place[-1]].endswith("s") \
                    and verb_form(w) == "VB" and "VERB" in word_classes(w) \
                    and "ADJ" not in word_classes(w) and inner[i + 1] not in PREPOSITIONS:
                return False  # "PIs in chem hate cost transfers": a plural, its place, a verb
        if "you" in inner and not any(w in _RELATIVES for w in inner[:inner.index("you")]) \
                and not _contact_relative(inner, inner.index("you")):
            return False  # "fly-fishes on the river wye when you can": a clause, not a topic
        if _number_glued(inner):
            return False  # "the break rate about 22 per 100 mi a year": a number glued on
        if _NUMBER_AFTER_NOUN_RE.match(text) or re.match(r"(?:your|the)\s+(?:roughly\s+)?"
                                                        r"\d[\d.,]*%?\s", text):
            return False  # "your 62% of 7th graders", "the residency 12 weeks"
        if re.search(r"\d", text) and not re.match(r"(?:the|your|a|an|our|my)\s", text) \
                and not any(w in PREPOSITIONS or w in ("every", "each") for w in inner):
            return False  # "average deal about $3k": a fragment, not a topic ("trainings
            # every 2 weeks" says when)
    elif not linked:
        # "you fixed asset register is a mess": a second verb for one subject; "the one I did"
        # is a clause of its own (its verb follows its subject)
        subject = plain(words[0]) in ("you", "i")
        if plain(words[0]) in ("you're", "you've", "i'm", "i've", "you'd"):
            subject, inner = True, ["(verb)", *inner]  # the verb is in the contraction
        if subject and len(inner) > 1 and verb_base(inner[0]) in _THINKING:
            inner = inner[1:]  # "you think overbooking is too aggressive": its own clause
            subject = False
        finite = [w for i, w in enumerate(inner) if (i > 0 or not subject)
                  and (w in _FINITE_IN_TOPIC or w in _FINITE_PLAIN)
                  and (i == 0 or inner[i - 1] not in _PRONOUNS | _AFTER_A_MODAL)]
        if len(finite) >= (1 if subject else 2):
            return False
    if phrase.shape in (Shape.CLAUSE, Shape.PROBLEM) and (
            re.fullmatch(r"[\d.,]+%?", words[0]) and plain(words[1]) != "of"
            or re.search(r"\b(?:their|theirs)\b|\sme\b", text)
            or _plural_then_is(text)):
        return False  # "30% is cast iron", "are their best segment", "your team is 2 analysts
        # and me" (whose "me"?), "comments is 4k+": a subject lost or a verb that disagrees
    return True


_HARD = frozenset("hard easy difficult tough impossible tricky slow quick".split())


def _contact_relative(words: list[str], i: int) -> bool:
    """Whether `words[i]` ("you") starts a clause that says who did something to the noun
    before it, with no "that": "the choir you run", "the tool you built"."""
    return words[i] in ("you", "i", "we") and i >= 1 and is_noun(words[i - 1]) \
        and words[i - 1] not in PREPOSITIONS and i + 1 < len(words) \
        and verb_form(words[i + 1]) in ("VB", "VBD")


def _clean_topic(words: list[str]) -> bool:
    """Whether a noun phrase is one a reader accepts after "I enjoyed learning about": short,
    with nothing of a clause left in it. Readers stumbled on most longer topics: "the shadow a
    top producer for your first 3 closings" (a verb read as a noun), "food facility
    inspections mostly", "the text-to-911 live since August", "REHS trainee program with you",
    "hard to keep relief engineers"; such a line becomes a prompt that names it."""
    bare = [plain(w) for w in words]
    lead = 1 if bare[0] in DETERMINERS | {"your", "our", "their"} else 0
    if len(words) - lead > 10:
        return False
    classes = word_classes(bare[-1])
    if len(words) - lead == 1 and words[-1].islower() and classes and "NOUN" not in classes \
            and "ADJ" in classes:
        return False  # "the quick": an adjective whose noun was left in the note
    for i, word in enumerate(bare):
        before = bare[i - 1] if i else ""
        if i > lead and word in ("a", "an", "the") and before not in PREPOSITIONS | {
                "and", "or", "of"}:
            return False  # "the shadow a top producer": a verb read as a noun
        if word == "since" and before.endswith("s") and is_noun(before[:-1]):
            continue  # "screening on all ICU admissions since June": when it began
        if word in _ADVERBS or word in ("since", "mostly", "mainly", "basically", "really") \
                or word == "to" and i + 1 < len(bare) and is_base(bare[i + 1]) \
                and not is_noun(bare[i + 1]) and (i == 0 or before in _HARD):
            return False  # "inspections mostly", "live since August", "hard to keep"
        if _contact_relative(bare, i):
            continue  # "the choir you run for families": the thing, and who runs it
        if word == "you" or word == "me":
            return False  # "program with you": a clause's object, not a topic's
        if i > 0 and (word in ("do", "does", "did", "u") or word in _RELATIVES and i == lead):
            return False  # "the who do u tell": a question pasted in
        if i > lead and word in ("nonstop", "constantly", "always", "never", "anymore"):
            return False  # "phone ring nonstop Monday mornings": a clause without its verb
    return True


def _plural_then_is(text: str) -> bool:
    """Whether a plural noun is followed by "is" ("comments is 4k+"), unless the noun sits in
    a phrase after a preposition ("your scrap on veneer panels is about 6%": scrap is)."""
    for match in re.finditer(r"\b([a-z]+[^s\Ws]s)\s+is\b", text):
        if match[1] in ("this", "analysis", "process", "business", "status", "focus", "bus",
                        "campus", "class"):
            continue
        if any(plain(w) in PREPOSITIONS for w in text[:match.start()].split()[-4:]):
            continue
        return True
    return False


_PRONOUNS = frozenset("i you we they he she".split())
# Adjectives that are also verbs, which notes put before a noun ("live SQL exercise", "wet
# cleans", "open roles"): "you live SQL exercise" reads one as the other.
_ADJECTIVE_VERBS = frozenset("""
    live clean open free close slow fast quick dry wet warm cool clear empty level fit right
    wrong light loose tight smooth round even safe sound short long low high full late
""".split())
_THINKING = frozenset("think believe feel know expect hope worry suspect find say guess reckon "
                      "wish fear".split())
_RELATIVES = frozenset("that who which where when how what why whose whom".split())
_LINKS = frozenset("that who which how what why when where because and but so while if whether "
                   "since although though once until like as".split())
_FINITE_PLAIN = frozenset("""
    is are was were has have had does do did isn't aren't wasn't weren't doesn't don't didn't
    hasn't haven't can can't will won't
""".split())


def _has_verb(words: list[str]) -> bool:
    """Whether a clause has a verb of its own ("you run", "your team ships", "preceptors are")."""
    for i, word in enumerate(words):
        bare = plain(word)
        if bare in _FINITE_PLAIN or bare in _FINITE_IN_TOPIC or bare.endswith(("'re", "'ve",
                                                                                 "'s", "'d")):
            return True
        form = verb_form(bare)
        following = [plain(w) for w in words[i + 1:]]
        while following and following[0] in ADVERBS_BEFORE_VERB:
            following = following[1:]  # "sites still on paper": what follows the adverb
        after = following[0] if following else ""
        skipped = len(following) < len(words) - i - 1
        if form == "VBZ" and (is_noun(bare) and (not after or after in ("for", "of", "and")
                                                 or skipped and after in PREPOSITIONS)
                              or _after_acronym(words, i) and after in PREPOSITIONS):
            continue  # "standard HR questions", "survival models for churn", "ATP swabs
            # after every CIP": nouns
        if form in ("VBD", "VBZ", "MD") and i > 0:
            return True
        before = plain(words[i - 1]) if i > 0 else ""
        if before in ("both", "all", "also", "still", "really", "never", "always", "often") \
                and i > 1:
            before = plain(words[i - 2])  # "we both hate merge conflicts"
        if form == "VB" and i > 0 and bare not in DETERMINERS and bare not in _ADVERBS \
                and bare not in ADVERBS_BEFORE_VERB and (
                before in ("you", "i", "we", "they") or before.endswith("s")):
            return True
    return False


# "trainee class starts in February": its own verb, no "the ... is in February"
_TIMED_VERBS = frozenset("starts begins opens ends closes launches lands ships moves goes".split())
_TIMED_RE = re.compile(
    r"^(?P<thing>[\w&/-]+(?:\s+[\w&/-]+){0,3}?)\s+(?P<when>(?:next|this)\s+(?:spring|summer"
    r"|fall|autumn|winter|year|month|quarter|week)|(?:in|by)\s+(?:Q[1-4]|January|February|March"
    r"|April|June|July|August|September|October|November|December|20\d\d))$")
_TIME_UNITS = frozenset("years months weeks days hours minutes shifts yrs mos wks hrs mins".split())
_PAST_WHEN_RE = re.compile(r"\b(?:last|yesterday|ago)\b", re.IGNORECASE)
_SO_FAR_RE = re.compile(r"\b(?:this|so\s+far|since|ytd|to\s+date)\b", re.IGNORECASE)


def _counted_clause(words: list[str]) -> str:
    """A count with nothing said of it ("3 recordable injuries this year", "about 40 open
    reqs") as a clause: "there have been 3 recordable injuries this year", "there are about
    40 open reqs"; "" for any other shape (a verb of its own, a single thing, no noun)."""
    start = 1 if plain(words[0]) in _APPROXIMATE else 0
    if len(words) < start + 3 or not re.fullmatch(r"\d[\d,]*\+?", words[start]) \
            or words[start] in ("1", "0") \
            or any(verb_form(plain(w)) in ("VBD", "VBZ", "MD") and not is_noun(plain(w))
                   and not (w.endswith("s") and plain(after) in ("", "a", "an", "per", "each"))
                   for w, after in zip(words[start + 1:], [*words[start + 2:], ""], strict=True)) \
            or any(_plural_then_verb(*triple) for triple in _triples(words[start + 1:])) \
            or any(plain(w) in _FINITE_PLAIN or plain(w) in _LINKS for w in words):
        return ""
    nouns = [plain(w) for w in words[start + 1:start + 4]]
    if nouns[0] in _TIME_UNITS:
        return ""  # "12 yrs on the floor": someone's experience, not a count of things
    if not any(w.endswith("s") and (is_noun(w) or is_noun(w[:-1]) or _common_word(w[:-1]))
               or w in PLURALS for w in nouns):
        return ""
    text = " ".join(words)
    years = [int(y) for y in re.findall(r"\bin\s+((?:19|20)\d\d)\b", text)]
    past = bool(_PAST_WHEN_RE.search(text)) or bool(years) and max(years) < date.today().year
    verb = "there were" if past else (
        "there have been" if _SO_FAR_RE.search(text) else "there are")
    return f"{verb} {text}"


# Participles that say a state ("stuck at 71%", "built in FieldRoutes"): after a noun with no
# verb of its own, notes leave out the "is" or "are" before them.
_STATE_PARTICIPLES = frozenset("""
    stuck based built located set capped staffed booked scheduled split tracked stored managed
    handled owned done kept measured priced billed logged tied linked spread locked frozen
    broken hidden centralized centralised outsourced automated unionized unionised certified
    licensed accredited funded housed hosted written coded capped pegged maxed required needed
    expected preferred included covered allowed banned swamped slammed overloaded due
""".split())


_REQUIRED = frozenset("required needed expected preferred included covered allowed banned".split())


def _state_participle(words: list[str]) -> int:
    """The index at which "is" or "are" goes in a noun subject followed by a participle of
    state and what qualifies it ("fleet utilization stuck at 71%", "routes built in X"), or 0
    when the words are not that shape (the participle takes an object, or a verb comes
    first)."""
    for i in range(1, min(len(words), 6)):
        bare, before = plain(words[i]), plain(words[i - 1])
        if bare in _FINITE_PLAIN or verb_form(bare) in ("VBZ", "MD") and not is_noun(bare):
            return 0
        if bare not in _STATE_PARTICIPLES:
            continue
        after = plain(words[i + 1]) if i + 1 < len(words) else ""
        if before in DETERMINERS | PREPOSITIONS | _PRONOUNS or before in ADVERBS_BEFORE_VERB \
                or not (after in PREPOSITIONS or after[:1].isdigit()
                        or after in ("too", "so", "very", "solid", "tight", "every", "each",
                                     "most", "all")
                        or not after and bare in _REQUIRED):
            return 0
        return i
    return 0


def _after_acronym(words: list[str], index: int) -> bool:
    """Whether the word at `index` follows an acronym ("ATP swabs", "CIP circuits"), which
    notes use as the first half of a compound noun."""
    before = words[index - 1] if index > 0 else ""
    return len(before) >= 2 and before.isupper() and before.isalpha()


_WHEN_OWNED_RE = re.compile(r"(?:(?:next|last|this)\s+(?:week|month|year|quarter|season|spring"
                            r"|summer|fall|autumn|winter)|today|tomorrow|yesterday|tonight)'s\b",
                            re.IGNORECASE)


def _bare_singular_subject(words: list[str]) -> bool:
    """`fixed asset register is a mess`, `pick rate dropped`: a singular subject with no
    article, which needs one ("your") to read as a sentence."""
    first = plain(words[0])
    if _WHEN_OWNED_RE.match(" ".join(words[:2])):
        return False  # "next month's talk slot is open": the month owns it, not "your"
    acronym = words[0].isupper() and len(words[0]) >= 2  # "CMMS is Cityworks"
    if first in DETERMINERS or first in _POSSESSIVE or first[:1].isdigit() \
            or not acronym and (not _common_word(words[0]) or words[0][:1].isupper()):
        return False  # "fernway is building": a name the dictionary does not know
    for i in range(1, min(len(words), 6)):
        bare = plain(words[i])
        if bare in _FINITE_PLAIN or verb_form(bare) in ("VBZ", "VBD", "MD"):
            head = plain(words[i - 1])
            return not head.endswith("s") or head.endswith(("ss", "us", "is"))
    return False


def _common_word(word: str) -> bool:
    """Whether a lower-case word is a common word ("lab", "co-management"), not a name typed
    in lower case ("fernway"): the word forms know it, or the dictionary knows every part."""
    bare = plain(word)
    if word_classes(bare):
        return True
    parts = [p for p in bare.split("-") if p]
    return bool(parts) and has_dictionary() and all(
        word_classes(p) or not unknown_words(p) for p in parts)


_APPROXIMATE = frozenset("about roughly around nearly almost over under just only some".split())
_BEFORE_NUMBER = frozenset("""
    of for to by in on at from than with the your a an every each per last next first over
    under and or between within past around
""".split())


# Who acts as one, so that "your team ships on Fridays" has a verb.
_COLLECTIVES = frozenset("team company firm group unit department crew staff office clinic shop lab"
                         " school store site plant board practice agency studio".split())


def _number_glued(words: list[str]) -> bool:
    """Whether a number follows a noun with nothing to join them ("rate about 22", "residency
    12 weeks"); "team of 12", "in 6 months", "per 100 miles" are fine."""
    for i, word in enumerate(words):
        if not word[:1].isdigit() and word[:1] not in "$£€":
            continue
        j = i - 1
        while j >= 0 and words[j] in _APPROXIMATE:
            j -= 1
        if j >= 0 and words[j].isalpha() and words[j] not in _BEFORE_NUMBER:
            return True
    return False
