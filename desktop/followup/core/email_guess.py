"""Guess a person's work address from the company's email format.

The format is inferred from addresses already known at the same domain (a business card of a
colleague, a calendar invite); with none known, the common formats are offered as unconfirmed
guesses. Also here: the name a bare address implies and the company a domain implies.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Guess:
    address: str
    pattern: str
    confidence: float  # 0..1
    evidence: str


# Ordered by how common each format is, so that with no evidence the likelier guess comes first.
_RENDER: dict[str, Callable[[str, str], str]] = {
    "first.last": lambda f, la: f"{f}.{la}",
    "flast": lambda f, la: f"{f[:1]}{la}",
    "first": lambda f, la: f,
    "firstlast": lambda f, la: f"{f}{la}",
    "f.last": lambda f, la: f"{f[:1]}.{la}",
    "first_last": lambda f, la: f"{f}_{la}",
    "firstl": lambda f, la: f"{f}{la[:1]}",
    "last": lambda f, la: la,
    "lastf": lambda f, la: f"{la}{f[:1]}",
    "first-last": lambda f, la: f"{f}-{la}",
    "last.first": lambda f, la: f"{la}.{f}",
}
PATTERNS: tuple[str, ...] = tuple(_RENDER)
_NEEDS_FIRST = frozenset(PATTERNS) - {"last"}
_NEEDS_LAST = frozenset(PATTERNS) - {"first"}

# Suffixes, degrees and honorifics that never appear in an address.
_IGNORED_WORDS = frozenset(
    "jr sr ii iii iv phd md mba esq dds cpa pe rn mr mrs ms mx dr prof sir".split()
)
# Surname particles stay with the surname: "Ludwig van Beethoven" -> last "vanbeethoven".
_PARTICLES = frozenset("van von der den de del della di da du la le st dos das".split())
# Letters that Unicode does not decompose into an ASCII base letter.
_ASCII_FOLD = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i",
})
_LOW_CONFIDENCE = 0.15  # the best an unconfirmed guess can get


def _ascii_word(word: str) -> str:
    """`word` in lowercase ASCII letters, digits and hyphens: José -> jose, O'Brien -> obrien."""
    folded = unicodedata.normalize("NFKD", word.translate(_ASCII_FOLD))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9-]", "", plain).strip("-")


def _name_words(full_name: str) -> list[str]:
    """The words of a name without nicknames, suffixes and honorifics; "Doe, Jane" is reordered."""
    name = re.sub(r"\([^)]*\)|\"[^\"]*\"", " ", full_name)  # (Jenny), "JJ": nicknames
    parts = [p.strip() for p in name.split(",") if p.strip()]
    parts = [p for p in parts if _ascii_word(p).replace("-", "") not in _IGNORED_WORDS]
    if len(parts) == 2 and " " not in parts[0]:  # "Doe, Jane" as directories write it
        parts = [parts[1], parts[0]]
    words = [_ascii_word(w) for w in " ".join(parts).split()]
    return [w for w in words if w and w.replace("-", "") not in _IGNORED_WORDS]


def _split_first_last(words: list[str]) -> tuple[str, str]:
    if not words:
        return "", ""
    if len(words) == 1:
        return words[0], ""
    start = len(words) - 1
    while start > 1 and words[start - 1] in _PARTICLES:
        start -= 1
    return words[0], "".join(words[start:])


def _name_variants(full_name: str) -> list[tuple[str, str]]:
    """(first, last) spellings: hyphens dropped first, then kept, then only the first half."""
    first, last = _split_first_last(_name_words(full_name))
    variants = [(first.replace("-", ""), last.replace("-", ""))]
    if "-" in first + last:
        variants.append((first, last))
        variants.append((first.split("-")[0], last.split("-")[0]))
    return list(dict.fromkeys(variants))


def normalise_name(full_name: str) -> tuple[str, str]:
    """(first, last) in lowercase ASCII; middle names and suffixes are dropped.

    Mary-Jane Smith-Jones -> ("maryjane", "smithjones"); the hyphenated spelling is a variant
    that `patterns_matching` also accepts and `guess_addresses` offers further down.
    """
    return _name_variants(full_name)[0]


def _render(pattern: str, first: str, last: str) -> str:
    """The local part `pattern` gives for the name, or "" when the name lacks a needed part."""
    if (pattern in _NEEDS_FIRST and not first) or (pattern in _NEEDS_LAST and not last):
        return ""
    return _RENDER[pattern](first, last)


def _clean_local(local_part: str) -> str:
    return local_part.lower().split("+", 1)[0].strip()


def patterns_matching(full_name: str, local_part: str) -> list[str]:
    """Every format under which `full_name` gives `local_part` ("jdoe" for Jane Doe: flast).

    Sub-addresses ("jdoe+jobs") and trailing digits ("jdoe2", a second J. Doe) are ignored.
    """
    local = _clean_local(local_part)
    found = _matching(full_name, local)
    if not found and re.search(r"\D\d+$", local):
        found = _matching(full_name, re.sub(r"\d+$", "", local))
    return found


def _matching(full_name: str, local: str) -> list[str]:
    variants = _name_variants(full_name)
    return [p for p in PATTERNS if local and any(_render(p, f, la) == local for f, la in variants)]


def _split_address(address: str) -> tuple[str, str]:
    local, at, domain = address.strip().strip("<>").rpartition("@")
    return (local, domain.lower().strip(".")) if at else ("", "")


def pick_domain(known: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """The most common domain of the known addresses and a note when they span several."""
    domains = Counter(d for _, a in known for d in [_split_address(a)[1]] if d)
    if not domains:
        return "", ""
    (domain, count), total = domains.most_common(1)[0], sum(domains.values())
    if len(domains) == 1:
        return domain, ""
    return domain, (f"{domain} is the most common domain among the known addresses, "
                    f"{count} of {total}")


@dataclass
class _Tally:
    """How the known addresses at one domain vote for each format."""

    domain: str
    total: int = 0  # known addresses at the domain with a name to compare against
    counts: Counter = field(default_factory=Counter)
    weights: Counter = field(default_factory=Counter)  # fitting n formats adds 1/n to each
    shared: dict[str, list[str]] = field(default_factory=dict)  # address fitting several formats


def _tally(known: Sequence[tuple[str, str]], domain: str) -> _Tally:
    tally = _Tally(domain)
    for name, address in known:
        local, at = _split_address(address)
        if at != domain or not local or not any(normalise_name(name)):
            continue
        tally.total += 1
        fits = patterns_matching(name, local)
        tally.counts.update(fits)
        tally.weights.update({p: 1 / len(fits) for p in fits})
        if len(fits) > 1:
            tally.shared[address.strip().lower()] = fits
    return tally


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}es"


def _none_of(tally: _Tally, what: str) -> str:
    """"the only known address at acme.com is not flast" or "none of the 3 ... is flast"."""
    if tally.total == 1:
        return f"the only known address at {tally.domain} {what.replace('is ', 'is not ', 1)}"
    return f"none of the {tally.total} known addresses at {tally.domain} {what}"


def _supported_evidence(pattern: str, tally: _Tally) -> str:
    count = tally.counts[pattern]
    verb = "is" if count == 1 else "are"
    text = (f"{count} of {_plural(tally.total, 'known address')} at {tally.domain} "
            f"{verb} {pattern}")
    others = tally.total - count
    if others:
        text += f"; {others} {'does' if others == 1 else 'do'} not fit it"
    for address, fits in tally.shared.items():
        if pattern in fits:
            also = ", ".join(p for p in fits if p != pattern)
            text += f"; {address} also fits {also} and counts toward each"
    return text


def _supported_confidence(pattern: str, tally: _Tally) -> float:
    # Share of the evidence, discounted when it is thin (1 address: x0.5, 3: x0.75).
    share = tally.weights[pattern] / tally.total
    return round(min(0.95, 0.2 + 0.75 * share * tally.total / (tally.total + 1)), 2)


def _unconfirmed(pattern: str, tally: _Tally) -> tuple[float, str]:
    rank = PATTERNS.index(pattern)
    if tally.total == 0:
        return (round(_LOW_CONFIDENCE - 0.01 * rank, 2),
                f"unconfirmed: no known address at {tally.domain}; {pattern} is a common format")
    if not tally.counts:
        return (round(_LOW_CONFIDENCE - 0.02 - 0.01 * rank, 2),
                f"unconfirmed: {_none_of(tally, 'is in a common format')}; "
                f"{pattern} is a common one")
    return (round(0.05 - 0.003 * rank, 3),
            f"unconfirmed: {_none_of(tally, f'is {pattern}')}")


def _known_address_of(full_name: str, known: Sequence[tuple[str, str]], domain: str) -> str:
    """The address already known for this very person at the domain, if any."""
    target = normalise_name(full_name)
    for name, address in known:
        if _split_address(address)[1] == domain and normalise_name(name) == target:
            return address.strip().strip("<>").lower()
    return ""


def guess_addresses(full_name: str, known: Sequence[tuple[str, str]], domain: str | None = None,
                    limit: int = 5) -> list[Guess]:
    """Addresses for `full_name`, best first, from the (full name, address) pairs in `known`.

    The domain is `domain`, else the most common one among the known addresses (the evidence
    says so when they span several). Raises ValueError when no domain is known or the name has
    no letters to build an address from.
    """
    note = ""
    if domain:
        domain = domain.strip().lstrip("@").lower()
    else:
        domain, note = pick_domain(known)
    if not domain:
        raise ValueError("no domain known: give a domain or at least one known address")
    if not any(normalise_name(full_name)):
        raise ValueError(f"no name to build an address from: {full_name!r}")
    guesses = _ranked_guesses(full_name, known, domain)
    if note:
        guesses = [Guess(g.address, g.pattern, g.confidence, f"{g.evidence}; {note}")
                   for g in guesses]
    return guesses[:max(limit, 0)]


def _ranked_guesses(full_name: str, known: Sequence[tuple[str, str]], domain: str) -> list[Guess]:
    tally = _tally(known, domain)
    guesses: list[Guess] = []
    already = _known_address_of(full_name, known, domain)
    if already:
        fits = patterns_matching(full_name, already.split("@")[0])
        guesses.append(Guess(already, fits[0] if fits else "known", 0.99,
                             "this person's address is already known"))
    for pattern in PATTERNS:
        if tally.counts[pattern]:
            conf, evidence = _supported_confidence(pattern, tally), _supported_evidence(
                pattern, tally)
        else:
            conf, evidence = _unconfirmed(pattern, tally)
        guesses.extend(_addresses_for(full_name, pattern, domain, conf, evidence))
    guesses.sort(key=lambda g: -g.confidence)  # stable: ties keep the common-format order
    return _unique(guesses)


def _addresses_for(full_name: str, pattern: str, domain: str, confidence: float,
                   evidence: str) -> list[Guess]:
    """The address under `pattern`, then its hyphen-kept spelling at a lower confidence."""
    guesses = []
    for index, (first, last) in enumerate(_name_variants(full_name)[:2]):
        local = _render(pattern, first, last)
        if not local:
            continue
        if index == 0:
            guesses.append(Guess(f"{local}@{domain}", pattern, confidence, evidence))
        else:
            guesses.append(Guess(f"{local}@{domain}", pattern, round(confidence * 0.6, 3),
                                 f"{evidence}; spelling that keeps the hyphen"))
    return guesses


def _unique(guesses: list[Guess]) -> list[Guess]:
    seen: set[str] = set()
    unique = []
    for guess in guesses:
        if guess.address not in seen:
            seen.add(guess.address)
            unique.append(guess)
    return unique


def name_from_address(address: str) -> str:
    """A display name read from an address: "jane.doe@acme.com" -> "Jane Doe"."""
    local = _clean_local(_split_address(address)[0])
    words = [w for w in re.split(r"[._\-\s]+", re.sub(r"\d+", " ", local)) if w]
    return " ".join(w.capitalize() for w in words)


_SECOND_LEVEL = frozenset("co com ac org net gov edu ne or go".split())


def company_from_domain(domain: str) -> str:
    """The company a domain names: "acme.com" -> "Acme", "mail.acme-robotics.co.uk" -> "Acme
    Robotics"."""
    labels = [label for label in domain.lower().strip(".").split(".") if label]
    if len(labels) < 2:
        return ""
    labels = labels[:-1]
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    return " ".join(word.capitalize() for word in re.split(r"[-_]+", labels[-1]) if word)
