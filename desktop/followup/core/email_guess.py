"""Guess a person's work address from the company's email format.

The format is inferred from addresses already known at the same domain (a business card of a
colleague, a calendar invite); with none known, the common formats are offered as unconfirmed
guesses. Also here: the name a bare address implies and the company a domain implies.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from followup.core.domains import company_from_domain
from followup.core.names import family_name_first, latin_spelling, name_parts, unreliable_script

__all__ = ["PATTERNS", "SPELLING_CHOICES", "Guess", "company_from_domain", "guess_addresses",
           "name_from_address", "no_guess_reason", "normalise_name", "patterns_matching",
           "pick_domain"]


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

_LOW_CONFIDENCE = 0.15  # the best an unconfirmed guess can get
_OTHER_SPELLING = 0.6  # each spelling choice that is not the likeliest multiplies by this
_TRANSLITERATED = 0.8  # a Latin spelling by transliteration is itself a guess

# Surname particles: "Ludwig van Beethoven", "Seán Ó Briain", "Ahmad bin Abdullah". Whether
# an address keeps them is learned from the known addresses (kept first when none says).
_PARTICLES = frozenset(
    "van von der den ter ten de del della dei di da du la le los las st dos das do bin binti "
    "bint ibn al el o nic ni ui mac mc ap".split())
# Letters with a long spelling in German and Scandinavian addresses (Müller -> mueller).
_LONG_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ø": "oe", "å": "aa",
                                "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "Ø": "Oe", "Å": "Aa"})

# Each way an address may spell a name, options in the order tried when nothing says
# otherwise, and how the evidence describes each option.
SPELLING_CHOICES: dict[str, dict[str, str]] = {
    "letters": {"short": "writes ä, ö, ü, ø as a, o, u, o",
                "long": "writes ä, ö, ü, ø as ae, oe, ue, oe"},
    "surname": {"last": "uses the last surname", "first": "uses the first surname only"},
    "particles": {"kept": "keeps the particle", "dropped": "drops the particle"},
    "hyphen": {"dropped": "drops the hyphen", "kept": "keeps the hyphen",
               "first": "keeps only the first part of a hyphenated name"},
    "apostrophe": {"dropped": "drops the apostrophe", "kept": "keeps the apostrophe"},
}


@dataclass(frozen=True)
class _Spelling:
    first: str
    last: str
    choices: tuple[tuple[str, str], ...]  # (choice, option) for each choice the name has


def _fold(word: str, letters: str) -> str:
    if letters == "long":
        word = word.translate(_LONG_SPELLING)
    return latin_spelling(word).lower()


def _clean(word: str, apostrophe: str) -> str:
    if apostrophe == "dropped":
        word = word.replace("'", "")
    return re.sub(r"[^a-z0-9'-]", "", word).strip("-'")


def _is_initial(word: str) -> bool:
    return len(_ascii_key(word)) <= 1  # "Q.", "J": a middle initial, never a surname


def _surname_words(rest: list[str], surname: str, particles: str) -> list[str]:
    """The surname words of `rest` (the words after the given name) for the options."""
    plain = [i for i, w in enumerate(rest)
             if _ascii_key(w) not in _PARTICLES and not _is_initial(w)]
    if not plain:
        return rest[-1:]
    index = plain[0] if surname == "first" else plain[-1]
    start = index
    while start > 0 and _ascii_key(rest[start - 1]) in _PARTICLES:
        start -= 1
    if particles == "dropped":
        start = index
    return rest[start:index + 1]


def _ascii_key(word: str) -> str:
    return re.sub(r"[^a-z]", "", latin_spelling(word).lower())


def _name_words(full_name: str) -> tuple[str, list[str]]:
    """(given name, the words an address may take the surname from). A name written family
    name first ("Nguyễn Thị Mai") has one family name and middle names, so only the family
    name is left ("Mai", ["Nguyễn"]); Thị and Văn are middle names, never a surname or a
    particle."""
    given, rest = name_parts(full_name)
    if rest and family_name_first(full_name):
        return given, rest[-1:]
    return given, rest


def _choices_present(first: str, rest: list[str]) -> dict[str, tuple[str, ...]]:
    words = [first, *rest]
    text = " ".join(words)
    present: dict[str, tuple[str, ...]] = {}
    if text != text.translate(_LONG_SPELLING):
        present["letters"] = ("short", "long")
    if sum(_ascii_key(w) not in _PARTICLES and not _is_initial(w) for w in rest) >= 2:
        present["surname"] = ("last", "first")
    if any(_ascii_key(w) in _PARTICLES for w in rest[:-1]):
        present["particles"] = ("kept", "dropped")
    if "-" in text:
        present["hyphen"] = ("dropped", "kept", "first")
    if "'" in text:
        present["apostrophe"] = ("dropped", "kept")
    return present


def _render_word(word: str, options: dict[str, str]) -> str:
    folded = _clean(_fold(word, options.get("letters", "short")),
                    options.get("apostrophe", "dropped"))
    hyphen = options.get("hyphen", "dropped")
    if hyphen == "dropped":
        return folded.replace("-", "")
    if hyphen == "first":
        return folded.split("-")[0]
    return folded


def _spellings(full_name: str) -> list[_Spelling]:
    """Every spelling of the name an address may use, the usual one first."""
    given, rest = _name_words(full_name)
    if not given:
        return []
    present = _choices_present(given, rest)
    keys = list(present)
    spellings = []
    for combo in itertools.product(*(present[k] for k in keys)):
        options = dict(zip(keys, combo, strict=True))
        first = _render_word(given, options)
        surname = _surname_words(rest, options.get("surname", "last"),
                                 options.get("particles", "kept")) if rest else []
        last = "".join(_render_word(w, options) for w in surname)
        if first or last:
            spellings.append(_Spelling(first, last, tuple(options.items())))
    return list(dict.fromkeys(spellings))


def normalise_name(full_name: str) -> tuple[str, str]:
    """(first, last) in lowercase ASCII as an address most often spells them; middle names,
    titles and suffixes are dropped.

    Mary-Jane Smith-Jones -> ("maryjane", "smithjones"); Jürgen Müller -> ("jurgen",
    "muller"). The other spellings (mary-jane, juergen.mueller, ...) are variants that
    `patterns_matching` also accepts and `guess_addresses` ranks by the known addresses.
    """
    spellings = _spellings(full_name)
    return (spellings[0].first, spellings[0].last) if spellings else ("", "")


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
    return sorted({p for p, _ in _fits(full_name, local)}, key=PATTERNS.index)


def _fits(full_name: str, local: str) -> list[tuple[str, _Spelling]]:
    """Every (format, spelling) under which the name gives `local`."""
    if not local:
        return []
    return [(p, sp) for sp in _spellings(full_name) for p in PATTERNS
            if _render(p, sp.first, sp.last) == local]


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
    # (choice, option) -> votes: how the known addresses spell umlauts, particles, hyphens...
    spelling: Counter = field(default_factory=Counter)


def _fits_local(full_name: str, local_part: str) -> list[tuple[str, _Spelling]]:
    local = _clean_local(local_part)
    found = _fits(full_name, local)
    if not found and re.search(r"\D\d+$", local):
        found = _fits(full_name, re.sub(r"\d+$", "", local))
    return found


def _tally(known: Sequence[tuple[str, str]], domain: str) -> _Tally:
    tally = _Tally(domain)
    for name, address in sorted(known):  # the same answer whatever the order given
        local, at = _split_address(address)
        if at != domain or not local or not any(normalise_name(name)):
            continue
        tally.total += 1
        found = _fits_local(name, local)
        fits = sorted({p for p, _ in found}, key=PATTERNS.index)
        tally.counts.update(fits)
        tally.weights.update({p: 1 / len(fits) for p in fits})
        if len(fits) > 1:
            tally.shared[address.strip().lower()] = fits
        _vote_spelling(tally, name, [sp for _, sp in found])
    return tally


def _vote_spelling(tally: _Tally, name: str, fitting: list[_Spelling]) -> None:
    """A choice counts when the address settles it: only some of its options fit."""
    given, rest = _name_words(name)
    for choice, options in _choices_present(given, rest).items():
        chosen = {dict(sp.choices)[choice] for sp in fitting}
        if chosen and len(chosen) < len(options):
            tally.spelling.update({(choice, option): 1 / len(chosen) for option in chosen})


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
    """Grows with the addresses that fit (1: x0.5, 3: x0.75) and falls with the square of
    the share that does not, so 2 of 3 agreeing ranks below 1 of 1 and below 2 of 2."""
    support = tally.weights[pattern]
    share = support / tally.total
    return round(min(0.95, 0.2 + 0.75 * share * share * support / (support + 1)), 2)


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
    for name, address in sorted(known):
        if _split_address(address)[1] == domain and normalise_name(name) == target:
            return address.strip().strip("<>").lower()
    return ""


def no_guess_reason(full_name: str) -> str:
    """Why no address can be built from the name as written, or "" when one can."""
    script = unreliable_script(full_name)
    if script:
        return (f"no guess for {full_name.strip()!r}: a name in {script} has no single Latin "
                "spelling; type it as the person writes it in Latin letters (their card or "
                "signature shows it)")
    if not any(normalise_name(full_name)):
        return f"no name to build an address from: {full_name!r}"
    return ""


def guess_addresses(full_name: str, known: Sequence[tuple[str, str]], domain: str | None = None,
                    limit: int = 5) -> list[Guess]:
    """Addresses for `full_name`, best first, from the (full name, address) pairs in `known`.

    The domain is `domain`, else the most common one among the known addresses (the evidence
    says so when they span several). The known addresses also settle how the company spells
    names (Müller as muller or mueller, "van" kept or dropped, the first or last of two
    surnames, hyphens and apostrophes); with no evidence the usual spelling comes first and
    the others follow lower. A name in Cyrillic, Greek or another alphabet is spelled by
    transliteration (and says so). Raises ValueError when no domain is known, or with
    `no_guess_reason` when the name cannot give an address.
    """
    note = ""
    if domain:
        domain = domain.strip().lstrip("@").lower()
    else:
        domain, note = pick_domain(known)
    if not domain:
        raise ValueError("no domain known: give a domain or at least one known address")
    reason = no_guess_reason(full_name)
    if reason:
        raise ValueError(reason)
    guesses = _ranked_guesses(full_name, known, domain)
    if latin_spelling(full_name) != full_name and not full_name.isascii() and any(
            ord(ch) > 0x24F and ch.isalpha() for ch in full_name):
        guesses = [Guess(g.address, g.pattern, round(g.confidence * _TRANSLITERATED, 3),
                         f"{g.evidence}; Latin spelling by transliteration") for g in guesses]
    for extra in filter(None, [_order_note(full_name), note]):
        guesses = [Guess(g.address, g.pattern, g.confidence, f"{g.evidence}; {extra}")
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
    spellings = _ranked_spellings(full_name, tally)
    for pattern in PATTERNS:
        if tally.counts[pattern]:
            conf, evidence = _supported_confidence(pattern, tally), _supported_evidence(
                pattern, tally)
        else:
            conf, evidence = _unconfirmed(pattern, tally)
        guesses.extend(_addresses_for(spellings, pattern, domain, conf, evidence))
    guesses.sort(key=lambda g: -g.confidence)  # stable: ties keep the common-format order
    return _unique(guesses)


def _option_order(choice: str, options: tuple[str, ...], tally: _Tally) -> list[str]:
    """The options of a spelling choice, the one the known addresses use most first."""
    return sorted(options, key=lambda o: (-tally.spelling[(choice, o)], options.index(o)))


def _ranked_spellings(full_name: str, tally: _Tally) -> list[tuple[_Spelling, int, str]]:
    """(spelling, choices not at their likeliest option, what the spelling says), best first."""
    given, rest = _name_words(full_name)
    orders = {c: _option_order(c, opts, tally)
              for c, opts in _choices_present(given, rest).items()}
    ranked = []
    for spelling in _spellings(full_name):
        off = [(c, o) for c, o in spelling.choices if o != orders[c][0]]
        notes = []
        for choice, option in spelling.choices:
            votes = tally.spelling[(choice, option)]
            if votes and option == orders[choice][0]:
                count = round(votes)
                notes.append(f"{SPELLING_CHOICES[choice][option]} as "
                             f"{_plural(count, 'known address')} {'does' if count == 1 else 'do'}")
        notes += [f"spelling that {_option_note(c, o, rest)}" for c, o in off]
        ranked.append((spelling, len(off), "; ".join(notes)))
    ranked.sort(key=lambda item: item[1])  # stable: the usual order among equals
    return ranked


def _option_note(choice: str, option: str, rest: list[str]) -> str:
    """What a spelling option does, with the person's own words for the surname choice:
    for "Martin Luther King" the first word after the given name may be a middle name as
    well as the first of two surnames ("García Márquez"), so the note names the words."""
    plain = [w for w in rest if _ascii_key(w) not in _PARTICLES and not _is_initial(w)]
    if choice == "surname" and len(plain) >= 2:
        if option == "first":
            return f"takes {plain[0]} as the surname, not {plain[-1]}"
        return f"takes {plain[-1]} as the surname"
    return SPELLING_CHOICES[choice][option]


def _order_note(full_name: str) -> str:
    """For a name written family name first, which word is which: "Mai is the given name,
    Nguyễn the family name (written first)"; "" otherwise."""
    if not family_name_first(full_name):
        return ""
    given, rest = name_parts(full_name)
    return f"{given} is the given name, {rest[-1]} the family name (written first)"


def _addresses_for(spellings: list[tuple[_Spelling, int, str]], pattern: str, domain: str,
                   confidence: float, evidence: str) -> list[Guess]:
    """The address under `pattern` for each spelling, the less likely ones lower."""
    guesses = []
    for spelling, off, note in spellings:
        local = _render(pattern, spelling.first, spelling.last)
        if not local:
            continue
        conf = round(confidence * _OTHER_SPELLING ** off, 3)
        guesses.append(Guess(f"{local}@{domain}", pattern, conf,
                             f"{evidence}; {note}" if note else evidence))
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
