"""The `company_named` and `generic_reference` rules: the company is called by its name.

The name is found however it is written: any case, accents or not, possessive ("Acme's"), with
or without its legal suffix ("Inc.", "GmbH") or a generic last word ("ABC Company" as "ABC"),
inside a longer name ("ABC Company's latest campaign"), with "&" or "and", with or without
hyphens and spaces ("JP Morgan" for "JPMorgan"), or by its initials when it has several words
("BCG"). A company named after a common word ("Square", "Target") must be capitalised to count.
"""

from __future__ import annotations

import re
from functools import lru_cache

from followup.core.checklist.reading import (
    Draft,
    body_spans,
    fold,
    in_quotes,
    inside,
    person_words,
)
from followup.core.checklist.results import RuleResult, result
from followup.core.checklist.vocabulary import TITLE_WORDS

_LEGAL_SUFFIX_RE = re.compile(
    r"[,\s]+(?:inc|llc|llp|ltd|limited|corp|corporation|co|gmbh|plc|ag|sa|s\.a|bv|nv|oy|ab|pty|"
    r"pte|srl|spa|sas|kk|pvt|lp)\.?$")
_GENERIC_LAST_WORD_RE = re.compile(
    r"\s+(?:company|companies|group|technologies|technology|tech|labs?|systems|solutions|partners|"
    r"holdings|international|industries|enterprises|consulting|services|studios?|software|"
    r"digital|media|global|ventures|agency|associates|worldwide)$")
_ORG_SUFFIXES = (r"Inc|LLC|Ltd|Corp|Corporation|Company|Co|Group|Labs?|Technologies|Systems|"
                 r"Solutions|Partners|Bank|Foundation|University|College|Agency|Studios?|Media|"
                 r"Health|Capital|Consulting|Institute|Hospital|Museum|Associates|GmbH|PLC")
_ORG_CANDIDATE_RE = re.compile(
    r"\b(?:at|join|joining|with\s+the\s+team\s+at|work(?:ing|ed)?\s+(?:for|with))\s+(?P<org>(?:the\s+)?"
    r"[A-Z][\w&'.-]*[\w&](?:\s+(?:[A-Z][\w&'.-]*[\w&]|of|&|and\s+(?=[A-Z])))*)"
    r"|(?P<named>[A-Z][\w&.-]*[\w&](?:\s+[A-Z][\w&.-]*[\w&]){0,3})(?='s\b|\s+(?:" + _ORG_SUFFIXES
    + r")\b|\s+(?:team|teams|offices?|stores?|shop|clinic|studio|crew|practice|culture|mission|"
    r"brand|staff|campus|headquarters|family|community|is\s+my\s+(?:first|top))\b)"
    # "bring that to Copperline Studios": two capitalised words or more after to/for/with.
    r"|\b(?:to|for|with|about|into|help)\s+(?P<long>[A-Z][\w&'.-]*[\w&](?:\s+(?:[A-Z][\w&'.-]*[\w&]|"
    r"of|&|and\s+(?=[A-Z])))+)")
_GENERIC_REFERENCE_RE = re.compile(
    r"\b(?P<owner>your|the)\s+(?:company|organi[sz]ation|firm)\b(?!\s+of\b)")
# "I enjoyed your company at lunch": company as companionship, not the employer.
_COMPANIONSHIP_RE = re.compile(r"\b(?:enjoy(?:ed)?|love[d]?|appreciated?|miss(?:ed)?|for)\s+"
                               r"(?:your|the)\s+company\s*(?:[.!,;]|$|at|over|during|and\s+the)")
_NOT_ORGS = frozenset("""i you we the a an this that my your our their his her it monday tuesday
wednesday thursday friday saturday sunday january february march april may june july august
september october november december linkedin thanks thank hi hello dear best""".split())


@lru_cache(maxsize=64)
def name_patterns(company: str) -> tuple[re.Pattern, ...]:
    """Patterns that find `company` in folded text (see the module docstring)."""
    full = fold(company).strip()
    variants = {full}
    bare = _LEGAL_SUFFIX_RE.sub("", full).strip().rstrip(",")
    variants.add(bare)
    variants.add(re.sub(r"^the\s+", "", bare))
    short = re.sub(r"\s+(?:&|and)$", "", _GENERIC_LAST_WORD_RE.sub("", bare).strip())
    if len(short) >= 3:
        variants.add(short)
    # "Gallagher Brothers" for "Gallagher Brothers Plumbing and Heating": a leading part of
    # two words or more, never ending on a joining word.
    name_words = bare.split()
    for n in range(2, len(name_words)):
        if name_words[n - 1] not in {"and", "&", "of", "the", "for"}:
            variants.add(" ".join(name_words[:n]))
    # "Wavecrest" for "Wavecrest Hotels": a first word that is no everyday word.
    if len(name_words) >= 2 and len(name_words[0]) >= 4 and not _is_common_word(name_words[0]):
        variants.add(name_words[0])
    patterns = [_flexible(v) for v in variants if len(v.strip()) >= 2]
    initials = "".join(w[0] for w in re.findall(r"[a-z0-9]+", bare)
                       if w not in {"of", "and", "the"})
    if len(initials) >= 3 and len(bare.split()) >= 3:
        patterns.append(re.compile(rf"(?<![\w]){initials}(?![\w])"))
    return tuple(patterns)


def _flexible(variant: str) -> re.Pattern:
    """`variant` with any spacing, "&"/"and", and hyphens or spaces inside long words."""
    parts = []
    for token in re.findall(r"[a-z0-9]+|&", variant):
        if token in {"&", "and"}:
            parts.append(r"(?:&|and|\+)")
        elif len(token) >= 6:
            parts.append(r"[\s-]?".join(re.escape(c) for c in token))
        else:
            parts.append(re.escape(token))
    return re.compile(r"(?<![\w])" + r"[\s.,'-]*".join(parts) + r"(?![\w])")


def company_spans(d: Draft) -> list[tuple[int, int]]:
    """Where the company set on the meeting is named in the body."""
    return d.memo(_company_spans)


def _company_spans(d: Draft) -> list[tuple[int, int]]:
    company = d.context.company
    if not company or not company.strip():
        return []
    capitalised = company.strip()[:1].isupper() and _writes_capitals(d.text)
    spans = set()
    for pattern in name_patterns(company):
        for m in pattern.finditer(d.folded):
            if capitalised and not d.text[m.start()].isupper() and _is_common_word(m.group()):
                continue
            spans.add((m.start(), m.end()))
    return sorted(spans)


def _writes_capitals(text: str) -> bool:
    """Whether the writer capitalises at all; in an all-lower-case note "sprout" is the name."""
    return sum(c.isupper() for c in text) > 0.01 * sum(c.isalpha() for c in text)


@lru_cache(maxsize=256)
def _is_common_word(found: str) -> bool:
    """Whether a lower-case match is one everyday word ("target"), which may not be the name."""
    if not re.fullmatch(r"[a-z]+", found):
        return False
    from followup.core.spelling import is_known

    return is_known(found)


def org_candidates(d: Draft) -> list[tuple[int, int, str]]:
    """Likely company names when no company is set: "at Conde Nast", "join Acme",
    "ABC Company's campaign", "Globex Inc."."""
    return d.memo(_org_candidates)


def _org_candidates(d: Draft) -> list[tuple[int, int, str]]:
    people = person_words(d.context)
    found = []
    for match in _ORG_CANDIDATE_RE.finditer(d.content):
        group = next(g for g in ("org", "named", "long") if match[g])
        name = match[group].strip()
        name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        first = name.split()[0].lower().strip(".'")
        if first in people or first in _NOT_ORGS or _is_generic_title(first):
            continue
        start = match.start(group) + match[group].find(name)
        found.append((start, start + len(name), name))
    return found or _coined_names(d, people)


_CAPITALISED_RUN_RE = re.compile(r"(?<=[a-z,;:] )[A-Z][\w&'-]*[\w&](?:\s+[A-Z][\w&'-]*[\w&])+")


def _coined_names(d: Draft, people: set[str]) -> list[tuple[int, int, str]]:
    """Names of two capitalised words or more mid-sentence, one of them no English word
    ("Vogel Mobility", "Orbis Analytics"; not "Elm Street"): the last resort of the guess."""
    from followup.core.spelling import is_known

    found = []
    for match in _CAPITALISED_RUN_RE.finditer(d.content):
        name = match.group().removesuffix("'s")
        words = [w.lower().strip(".'") for w in name.split()]
        if any(w in people or w in _NOT_ORGS or _is_generic_title(w) for w in words):
            continue
        if not all(is_known(w) for w in words):
            found.append((match.start(), match.start() + len(name), name))
    return found


def _is_generic_title(word: str) -> bool:
    return word in TITLE_WORDS


def org_candidate_spans(d: Draft) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _n in org_candidates(d)]


def rule_company_named(d: Draft) -> RuleResult:
    """With a company set, passes when the body names it in any written form; without one,
    passes on a likely company name, saying it is a guess.

    Passes (company "ABC Company"): "ABC Company's latest campaign", "ABC's campaign", "abc
    company". Fails: "your company", "the firm", a common word in lower case ("target" for
    Target). Source: the guides' "mentions the company specifically by name".
    """
    company = d.context.company
    if company and company.strip():
        spans = company_spans(d)
        if spans:
            return result("company_named", True, f"Names {company}.", body_spans(spans))
        return result("company_named", False, f"Name {company} explicitly in the note.")
    candidates = org_candidates(d)
    if candidates:
        return result("company_named", True, f"Names {candidates[0][2]} (no company is set, "
                      "so this is a guess).", body_spans((s, e) for s, e, _n in candidates))
    return result("company_named", False, "Name the company explicitly (set the company on the "
                  "meeting to check this exactly).")


def rule_generic_reference(d: Draft) -> RuleResult:
    """Fails on "your company" anywhere, and on "the company" before the name appears.

    Passes: "Acme impressed me; the company clearly invests in people", "I enjoyed your company
    at lunch". Fails: "I could bring a lot to your company". Source: the guides' "not 'you' or
    'your company' or 'the company'".
    """
    named = company_spans(d) if d.context.company else org_candidate_spans(d)
    first_named = min((s for s, _e in named), default=len(d.text))
    bad = []
    for match in _GENERIC_REFERENCE_RE.finditer(d.folded):
        if in_quotes(d.folded, match.start()) or inside(match.start(), named):
            continue
        if _COMPANIONSHIP_RE.match(d.folded, max(0, d.folded.rfind(" ", 0, match.start() - 1) + 1)):
            continue
        # "the company" after the name is a back-reference; "your company" never reads well.
        if match["owner"] == "the" and match.start() > first_named:
            continue
        bad.append((match.start(), match.end()))
    name = d.context.company or "the company's name"
    if bad:
        phrase = " ".join(d.text[bad[0][0]:bad[0][1]].split())
        return result("generic_reference", False, f'Write {name} instead of "{phrase}".',
                      body_spans(bad))
    return result("generic_reference", True, "Calls the company by its name, not "
                  '"your company".')
