"""The `spelling` rule: no word outside the dictionary and none of the slips a checker misses.

The recipient's, the sender's and the company's names (in any case, with or without accents),
the name greeted when no recipient is set, known terms, the user's dictionary and the notes'
names and terms are not flagged; a plain lowercase misspelling in the notes ("platfrom") is no
term, so copying it into the draft does not excuse it. The slips are confusables ("manger",
"filing the role", "could of"), doubled words ("the the") and stacked determiners ("the your").
"""

from __future__ import annotations

import re
from functools import lru_cache

from followup.core.checklist.reading import Draft, fold, inside, is_name
from followup.core.checklist.results import CheckContext, RuleResult, Span, result
from followup.core.lexicon import known_variant, name_table, shorthand_table, shorthand_words
from followup.core.spelling import has_close_correction, is_known, misspellings

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


_WORD_RE = re.compile(r"(?<![\w/&'.-])[A-Za-z][\w/&']*(?![\w/&'-])")


def shorthand_left(text: str, ignore: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """(start, end, advice) of note shorthand left in a draft ("v", "nite", "bkgd"), from the
    table drafting writes shorthand out with (`lexicon.shorthand_table`). Gaps in square
    brackets are the user's to fill and are not read."""
    table = shorthand_table()
    words = shorthand_words()
    found = []
    for match in _WORD_RE.finditer(_without_gaps(text)):
        word = match.group()
        if word.islower() and word in words and word not in ignore:
            found.append((match.start(), match.end(),
                          f'"{word}" (shorthand: {table[word.lower()]})'))
    return found


def lower_case_names(text: str, notes: str, user_words: frozenset[str]) -> list[
        tuple[int, int, str]]:
    """(start, end, advice) of words the notes typed in lower case that no dictionary knows,
    left so in the draft ("ili", "q-pulse", "raps"): a name or an acronym, typed in a hurry.
    Words the names table spells in lower case ("async", "pgbouncer" added to the user's
    dictionary) are fine."""
    typed = {w for w in _note_terms(notes) if w.islower()}
    spelled = {v for v in name_table().values() if v.islower()}
    found = []
    for match in _WORD_RE.finditer(_without_gaps(text)):
        word = match.group()
        if word in typed and word not in spelled and word not in user_words \
                and word.isalpha() and not is_known(word) and not known_variant(word):
            found.append((match.start(), match.end(),
                          f'"{word}" (typed in lower case in your notes: a name or an acronym?)'))
    return found


def _without_gaps(text: str) -> str:
    return re.sub(r"\[[^\]\n]*\]", lambda m: " " * len(m.group()), text)


def slips(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, advice) of doubled words, stacked determiners and confusable words."""
    found = []
    for match in _DOUBLED_RE.finditer(folded):
        if match[1] not in _DOUBLING_ALLOWED and not match[1].isdigit():
            found.append((match.start(), match.end(), f'"{match[0]}" (doubled word)'))
    for match in _DETERMINERS_RE.finditer(folded):
        if not inside(match.start(), [(s, e) for s, e, _a in found]):
            found.append((match.start(), match.end(), f'"{match[0]}" (one word too many)'))
    for pattern, fix in _SLIPS:
        for match in pattern.finditer(folded):
            found.append((match.start(), match.end(), f'"{match[0].strip()}" → {fix}'))
    return sorted(found)


@lru_cache(maxsize=64)
def _ignored_words(context: CheckContext) -> frozenset[str]:
    """The words never flagged for this meeting: the user's dictionary, known terms, the
    people's and the company's names (any case, with or without accents) and the notes' terms."""
    ignored = set(context.user_words) | set(context.known_terms) | set(
        (context.role or "").split())
    for value in (context.company, context.recipient, context.sender_name):
        if value:
            ignored.update((value, fold(value)))
    ignored.update(_note_terms(context.notes or ""))
    return frozenset(ignored)


_NOTE_LINE_HEAD_RE = re.compile(r"^[ \t]*(?:[-*+!?][ \t]+|\d+[.)][ \t]+)*")
_NOTE_WORD_RE = re.compile(r"[A-Za-z0-9][\w'’]*")


def _note_terms(notes: str) -> set[str]:
    """Words of the notes that are names or terms: capitalised after a line's first word, with
    digits or mixed case, or with no dictionary word one edit away ("pgbouncer"). A plain
    lowercase slip ("platfrom", one edit from "platform") is not one: copied into the draft it
    is still a slip."""
    terms = set()
    for line in notes.splitlines():
        head = _NOTE_LINE_HEAD_RE.match(line)
        for match in _NOTE_WORD_RE.finditer(line, head.end() if head else 0):
            word = match.group()
            first = match.start() == (head.end() if head else 0)
            # "pre-need", "ortho-k": the first piece of a hyphened word is the user's
            prefix = line[match.end():match.end() + 1] == "-" and len(word) <= 6
            if prefix or _is_term(word, capitalised=word[0].isupper() and not first):
                terms.add(word)
    return terms


def _is_term(word: str, capitalised: bool) -> bool:
    if capitalised or any(ch.isdigit() for ch in word) or any(ch.isupper() for ch in word[1:]):
        return True
    if known_variant(word.lower()):
        return True  # "signalling" typed by a British user: their spelling, not a slip
    return not is_known(word) and not has_close_correction(word)


_GREETED_RE = re.compile(r"^[\s>]*(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\s+"
                         r"(?P<name>[^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*)?)\s*[,!:.-]?\s*$",
                         re.IGNORECASE)


def _greeted_name(d: Draft) -> set[str]:
    """With no recipient set, the name the first line greets is theirs ("hi priya,")."""
    if d.context.recipient or not d.lines:
        return set()
    match = _GREETED_RE.match(d.text[d.lines[0][0]:d.lines[0][1]])
    if not match or not is_name(match["name"]):
        return set()
    return {match["name"], fold(match["name"])}


def rule_spelling(d: Draft) -> RuleResult:
    """Fails on any misspelling or slip, subject and body, with a span on each.

    Fails: "recieved", "the the", "filing the your open role", "hiring manger". Passes: names,
    the company, words of the notes, "Kubernetes", URLs. Source: "always proofread".
    """
    ignore = _ignored_words(d.context) | _greeted_name(d)
    # (a marked gap is the user's to fill: its hint quotes the notes, "wants pharm on rounds")
    issues = [(s, e, f'"{w}"', "body") for s, e, w in misspellings(_without_gaps(d.body), ignore)]
    issues += [(s, e, a, "body") for s, e, a in slips(d.folded)]
    issues += [(s, e, a, "body") for s, e, a in shorthand_left(d.body, ignore)]
    issues += [(s, e, a, "body") for s, e, a in lower_case_names(
        d.body, d.context.notes or "", frozenset(d.context.user_words))]
    issues += [(s, e, f'"{w}"', "subject") for s, e, w in misspellings(d.subject, ignore)]
    issues += [(s, e, a, "subject") for s, e, a in slips(fold(d.subject))]
    if not issues:
        return result("spelling", True, "No spelling slips found.")
    listed = ", ".join(advice for _s, _e, advice, _f in issues[:4])
    more = f" and {len(issues) - 4} more" if len(issues) > 4 else ""
    return result("spelling", False, f"Proofread: {listed}{more}.",
                  [Span(s, e, f) for s, e, _a, f in issues])
