"""Spell checking for notes and drafts: the system's Hunspell dictionaries through Enchant.

The user picks their English (`LANGUAGES`: American, British, Canadian, Australian, Indian,
where the system has the dictionary; the default comes from the locale). Words are checked
and corrected by PyEnchant with Hunspell's dictionaries, the user's dictionary (`dictionary.txt`
in the data folder) being Enchant's personal word list. Where Enchant cannot load (no C
library, as in a frozen build without it) the checker is pyspellchecker's English word list,
and `engine()` says which is in use (Help › About).
The checker errs towards silence: names, products, code, addresses and acronyms are not
flagged, since a follow-up note is full of them and a false alarm teaches people to ignore
the checker. docs/spelling.md describes the whole.
"""

from __future__ import annotations

import json
import locale
import logging
import os
import pkgutil
import re
import threading
import zlib
from collections import Counter
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol

from followup.core.atomic_files import write_atomically

log = logging.getLogger(__name__)

# The Englishes a user can pick, as Enchant and Hunspell name their dictionaries.
LANGUAGES = ("en_US", "en_GB", "en_CA", "en_AU", "en_IN")
LANGUAGE_NAMES = {"en_US": "American English", "en_GB": "British English",
                  "en_CA": "Canadian English", "en_AU": "Australian English",
                  "en_IN": "Indian English"}

# A token is a run of letters, digits, apostrophes and inner hyphens; tokens holding digits or
# underscores (S3, user_id, 10x) are identifiers, not words.
_TOKEN_RE = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
# Spans that are not prose: URLs, e-mail addresses, inline and fenced code, and addresses
# without a scheme with their path ("linkedin.com/in/sam-lee", "github.io/notes").
_SKIP_RE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|```.*?```|`[^`\n]*`"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|me|co|ai|app|so|uk|in|ca|au)\b(?:/\S*)?",
    re.DOTALL,
)
_SENTENCE_END_RE = re.compile(r"[.!?:]['\"’”)]*\s*$")
_SHORT_LINE_WORDS = 4  # greeting and signature lines: "Hi Mark," "Jessica Maxwell"
# Everyday words of tech job hunting that general dictionaries lack; flagging them in every
# note would teach people to ignore the checker.
WORKPLACE_WORDS = frozenset("""
analytics api apis app apps async backend bootcamp bootcamps chatbot codebase codebases
cron cybersecurity dataset datasets dev devs devops ecommerce edtech fintech frontend fullstack
github gitlab golang hackathon hackathons healthtech kubernetes linkedin linting livestream
meetup meetups microservice microservices middleware npm offsite onboarding onsite opensource
postgres pypi refactor refactored refactoring repo repos reskilling roadmap roadmaps runtime
saas serverless standup standups tech toolchain toolchains upskilling webinar webinars
wireframe wireframes wireframing workflow workflows javascript typescript startup startups
teammate teammates coworker coworkers mentorship internship prototyping scalable
walkthrough walkthroughs idempotency idempotent deployable patroller patrollers
""".split())


class Speller(Protocol):
    """What the checker needs of a dictionary: whether a word is one, and its corrections."""

    language: str
    description: str

    def check(self, word: str) -> bool: ...
    def suggest(self, word: str) -> list[str]: ...
    def remember(self, word: str) -> None: ...


class EnchantSpeller:
    """An Enchant dictionary (Hunspell's, where the system has it) with the personal word list.

    Enchant's calls release the GIL and a dictionary is not safe to share between threads, so
    one lock serialises them: a suggestion computed on a worker holds it for tens of ms."""

    def __init__(self, language: str, personal: Path | None):
        # Imported here, not at the top: the C library (about 20 ms) loads with the dictionary
        # on a worker thread after start-up, and its absence must fall back to pyspellchecker.
        import enchant

        broker = enchant.Broker()
        for tag in (language, "*"):  # the system's Hunspell dictionaries before aspell's
            broker.set_ordering(tag, "hunspell,nuspell,aspell")
        if personal is not None:
            personal.parent.mkdir(parents=True, exist_ok=True)
            self._dict = enchant.DictWithPWL(language, str(personal), broker=broker)
        else:
            self._dict = broker.request_dict(language)
        self._broker = broker  # the dictionary lives as long as its broker
        self._lock = threading.Lock()
        self.language = language
        found = self._dict.provider
        provider = found.name.capitalize() if found else "its provider"
        self.description = (f"Enchant {enchant.get_enchant_version()} with {provider}, "
                            f"{LANGUAGE_NAMES.get(language, language)}")

    def check(self, word: str) -> bool:
        with self._lock:
            return self._dict.check(word)

    def suggest(self, word: str) -> list[str]:
        with self._lock:
            return self._dict.suggest(word)

    def remember(self, word: str) -> None:
        """Take `word` as known from now on (the file is written by `add_user_word`)."""
        with self._lock:
            self._dict.add_to_session(word)


class WordListSpeller:
    """pyspellchecker's English word list and the user's words: the checker where Enchant
    cannot load. Corrections are pyspellchecker's own (one edit, else two), most frequent first."""

    def __init__(self, language: str, personal: Path | None, reason: str):
        from importlib.metadata import PackageNotFoundError, version

        from spellchecker import SpellChecker  # only here: 39 MB, and the word counts suffice

        self._spell = SpellChecker(language="en", distance=2)
        self._spell.word_frequency.load_words(WORKPLACE_WORDS)
        self._personal = {w.lower() for w in load_user_words(personal)} if personal else set()
        self.language = language
        try:
            release = " " + version("pyspellchecker")
        except PackageNotFoundError:  # a frozen build without the package's metadata
            release = ""
        self.description = (f"pyspellchecker{release}, English "
                            f"(Enchant could not load: {reason})")

    def check(self, word: str) -> bool:
        word = word.lower()
        return word in self._spell.word_frequency or word in self._personal

    def suggest(self, word: str) -> list[str]:
        lower = word.lower()
        candidates = (self._spell.candidates(lower) or set()) - {lower}
        counts = self._spell.word_frequency
        return sorted(candidates, key=lambda w: (-counts[w], w))

    def remember(self, word: str) -> None:
        self._personal.add(word.lower())


_lock = threading.Lock()  # one thread opens the dictionary; the others wait for it
_language: str | None = None
_personal: Path | None = None
_speller: Speller | None = None
_frequencies: WordCounts | None = None


def use(language: str | None = None, personal: str | os.PathLike[str] | None = None) -> None:
    """Check in `language` (one of `LANGUAGES`; None: the locale's) with the personal word list
    at `personal` from now on. The dictionary is opened at the next check (`speller()`)."""
    global _language, _personal, _speller
    with _lock:
        _language = language
        _personal = Path(personal) if personal is not None else None
        _speller = None
    _known.cache_clear()
    _has_close_correction.cache_clear()


def speller() -> Speller:
    """The dictionary in use, opened on first use: Enchant's for the chosen language (or the
    nearest installed one), else pyspellchecker's word list."""
    global _speller
    found = _speller
    if found is None:
        with _lock:
            if _speller is None:
                _speller = _open(_language or default_language(), _personal)
            found = _speller
    return found


def is_ready() -> bool:
    """Whether the dictionary is open (checks made before would wait for it)."""
    return _speller is not None


def engine() -> str:
    """Which checker is in use, for Help › About: "Enchant 2.3.3 with Hunspell, British English"
    or "pyspellchecker 0.9.1, English (Enchant could not load: …)"."""
    return speller().description


def _open(language: str, personal: Path | None) -> Speller:
    try:
        installed = available_languages()
    except (ImportError, OSError) as exc:  # no PyEnchant, or no Enchant C library
        log.warning("Enchant could not load (%s): spelling uses pyspellchecker", exc)
        return WordListSpeller(language, personal, str(exc).splitlines()[0])
    if not installed:
        return WordListSpeller(language, personal, "no English dictionary is installed")
    chosen = language if language in installed else _nearest(language, installed)
    if chosen != language:
        log.info("no %s dictionary is installed: spelling uses %s", language, chosen)
    try:
        found = EnchantSpeller(chosen, personal)
    except Exception as exc:  # noqa: BLE001 - a broken dictionary or provider: notes go on
        log.warning("the %s dictionary could not be opened (%s): spelling uses pyspellchecker",
                    chosen, exc)
        return WordListSpeller(language, personal, str(exc).splitlines()[0])
    if chosen != language:
        found.description += f" (no {LANGUAGE_NAMES.get(language, language)} dictionary here)"
    return found


def _nearest(language: str, installed: list[str]) -> str:
    """The installed dictionary closest to `language`: American for American, else British
    (Commonwealth spellings: colour, organise, centre), else the first there is."""
    order = ("en_US", "en_CA") if language == "en_US" else ("en_GB", "en_AU", "en_IN", "en_CA")
    return next((tag for tag in order if tag in installed), installed[0])


def available_languages() -> list[str]:
    """The `LANGUAGES` whose dictionary Enchant finds on this system, in `LANGUAGES` order.
    Raises ImportError (or OSError) when PyEnchant or the Enchant C library cannot load."""
    import enchant  # see EnchantSpeller

    # The dictionaries listed, not `dict_exists`: that also says yes to en_IN when only a
    # generic "en" is there.
    listed = {tag for tag, _provider in enchant.Broker().list_dicts()}
    return [tag for tag in LANGUAGES if tag in listed]


def default_language() -> str:
    """The user's English when it is one of `LANGUAGES`, else en_US: from LC_ALL, LC_MESSAGES
    or LANG as gettext reads them (LANG=en_GB.UTF-8: en_GB), else the locale Python reports
    (Windows)."""
    names = [os.environ.get(var, "") for var in ("LC_ALL", "LC_MESSAGES", "LANG")]
    try:
        names.append(locale.getlocale(locale.LC_CTYPE)[0] or "")
    except ValueError:
        pass
    for name in names:
        tag = name.split(".")[0].split("@")[0].replace("-", "_")
        if tag:
            return tag if tag in LANGUAGES else "en_US"
    return "en_US"


def language_problem(tag: str) -> str | None:
    """Why `tag` cannot be the spelling language, for a message; None when it can be."""
    if tag not in LANGUAGES:
        return f"{tag!r} is not one of the Englishes Followup checks: {', '.join(LANGUAGES)}"
    return None


class WordCounts(NamedTuple):
    """How often words occur in pyspellchecker's English corpus: `word_frequency[word]`, 0 for
    a word rarer than `COUNTED_FROM` or not in the list."""

    word_frequency: Counter[str]


# The checklist asks only whether a word is rare (under 1,000: checklist.reading.RARE_COUNT) or
# everyday (300,000 or more: checklist.vocabulary.EVERYDAY_COUNT). Words rarer than this count
# as 0, which answers both alike and keeps 19,000 of the list's 160,000 words (1 MB, not 39).
COUNTED_FROM = 1000
_PAIR_RE = re.compile(rb'"((?:[^"\\]|\\.)*)"\s*:\s*(\d+)')  # "word": count, in the JSON


def frequencies() -> WordCounts:
    """The counts of pyspellchecker's English list (its own packaged file, read pair by pair:
    parsing the JSON whole would hold 31 MB for a moment), words lower-cased and the counts of
    words that differ only in case summed. Loaded on first use (about 0.1 s)."""
    global _frequencies
    found = _frequencies
    if found is None:
        with _lock:
            if _frequencies is None:
                _frequencies = WordCounts(_read_counts())
            found = _frequencies
    return found


def frequencies_loaded() -> bool:
    """Whether `frequencies()` would answer at once (its counts are in memory)."""
    return _frequencies is not None


def _read_counts() -> Counter[str]:
    packed = pkgutil.get_data("spellchecker", "resources/en.json.gz")
    if packed is None:
        raise RuntimeError("pyspellchecker's English list is missing: reinstall Followup")
    # One buffer of the size the gzip trailer gives (ISIZE, RFC 1952 §2.3.1): gzip.decompress
    # would hold three times the 2.7 MB text for a moment, at the start-up peak.
    text = zlib.decompress(packed, wbits=31, bufsize=int.from_bytes(packed[-4:], "little"))
    del packed
    # A rare word counts when another spelling of it in another case makes it common: those
    # are found first (none in pyspellchecker 0.9's list), so no pass holds all 160,000 words.
    folded = {word.lower() for word, _count in _pairs(text) if not word.islower()}
    counts: Counter[str] = Counter()
    for word, count in _pairs(text):
        if count >= COUNTED_FROM or word.lower() in folded:
            counts[word.lower()] += count
    del text
    # The few folded words still rare are dropped in place: a filtered copy would hold the
    # table twice at the start-up peak.
    for word in [word for word, n in counts.items() if n < COUNTED_FROM]:
        del counts[word]
    return counts


def _pairs(text: bytes):
    for pair in _PAIR_RE.finditer(text):
        raw, count = pair.groups()
        yield _json_word(raw), int(count)


def _json_word(raw: bytes) -> str:
    return json.loads(b'"' + raw + b'"') if b"\\" in raw else raw.decode("utf-8")


checker = frequencies  # the name the checklist's modules import


def is_known(word: str) -> bool:
    """Whether `word` (any case, straight or curly apostrophe) is a word of the dictionary in
    use, of the personal word list or of `WORKPLACE_WORDS`."""
    return _known(word.replace("’", "'"))


@lru_cache(maxsize=16384)
def _known(word: str) -> bool:
    lower = word.lower()
    if lower in WORKPLACE_WORDS:
        return True
    spell = speller()
    for form in _any_case(word):
        if spell.check(form):
            return True
    for suffix in ("'s", "'"):  # possessives: the team's, the teams'
        if lower.endswith(suffix) and _known(word[: -len(suffix)]):
            return True
    return False


def _any_case(word: str) -> list[str]:
    """`word` as written, in lower case and capitalised: Hunspell knows "London" but not
    "london", and "platform" also as "Platform"."""
    forms = [word, word.lower(), word[:1].upper() + word[1:].lower()]
    return list(dict.fromkeys(forms))


def has_close_correction(word: str) -> bool:
    """Whether a word is one edit (a letter added, dropped, changed or two swapped) away from
    `word`: "platfrom" has "platform", "pgbouncer" has none."""
    return _has_close_correction(word.lower())


@lru_cache(maxsize=4096)
def _has_close_correction(word: str) -> bool:
    return any(near != word and _known(near) for near in _edits(word))


def _edits(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({left + right[1:] for left, right in splits if right}
            | {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
            | {left + c + right[1:] for left, right in splits if right for c in letters}
            | {left + c + right for left, right in splits for c in letters})


def misspellings(text: str, ignore: Iterable[str] = frozenset()) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word in `text` that is not in the dictionary nor in `ignore`
    (terms: names, companies; a term of several words ignores each)."""
    return misspellings_ignoring(text, ignored_words(ignore))


def misspellings_ignoring(text: str, ignored: AbstractSet[str]) -> list[tuple[int, int, str]]:
    """`misspellings`, with the terms already made into `ignored_words` (for a caller that
    checks many lines against the same terms: an editor highlighting block by block)."""
    skipped = [(m.start(), m.end()) for m in _SKIP_RE.finditer(text)]
    found = []
    for start, end, word in _words(text, skipped):
        if word.lower() in ignored or not _should_check(text, start, word):
            continue
        if not is_known(word):
            found.append((start, end, word))
    return found


def suggestions(word: str, limit: int = 5) -> list[str]:
    """Likely corrections of `word`, best first, in its case (Hunspell's take tens of ms,
    pyspellchecker's up to a second for a long word: call them off the UI thread)."""
    found = [w for w in speller().suggest(word) if w.lower() != word.lower()]
    # One word before a split ("Managr": Manager before "Man agr"), each in Hunspell's order.
    found.sort(key=lambda w: " " in w or "-" in w and "-" not in word)
    if word[:1].isupper():
        found = [w[:1].upper() + w[1:] for w in found]
    return list(dict.fromkeys(found))[:limit]


def load_user_words(path: str | os.PathLike[str]) -> frozenset[str]:
    """The words of the user dictionary at `path` (one a line); empty when the file is missing."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def add_user_word(path: str | os.PathLike[str], word: str) -> None:
    """Add `word` to the user dictionary at `path` (replacing the file whole, so a crash leaves
    the old list or the new one), and to the dictionary in use when that list is its own.
    Raises ValueError when `word` is not a single word."""
    word = word.strip()
    if not word or any(ch.isspace() for ch in word):
        raise ValueError(f"not a single word: {word!r}")
    words = load_user_words(path)
    if word.lower() not in {w.lower() for w in words}:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, "".join(f"{w}\n" for w in sorted(words | {word}, key=str.lower)))
    if _speller is not None and _personal is not None and Path(path) == _personal:
        _speller.remember(word)
        _known.cache_clear()


def ignored_words(ignore: Iterable[str]) -> frozenset[str]:
    """The lower-case words that terms to ignore stand for, with and without a possessive.
    Multi-word terms ("Conde Nast", "Objective-C") are ignored word by word."""
    words = set()
    for term in ignore:
        for word in re.split(r"[\s\-/]+", term.replace("’", "'")):
            word = word.strip(".,;:!?()'\"").lower()
            if word:
                words.add(word)
                words.add(word.removesuffix("'s"))
    return frozenset(words)


def own_words(*texts: str) -> set[str]:
    """The words of the user's own texts (their name, signature, email address, links' titles,
    addresses and tags, skills): never misspellings in their notes and drafts. Addresses are
    split at their dots and slashes: "linkedin.com/in/sam-lee-dev" gives linkedin, sam, lee, dev."""
    words: set[str] = set()
    for text in texts:
        words.update(w.strip("'’") for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text or ""))
    return {w for w in words if w}


def _words(text: str, skipped: list[tuple[int, int]]):
    """(start, end, word) of each plain word outside `skipped`, hyphenated tokens split."""
    for match in _TOKEN_RE.finditer(text):
        if any(s <= match.start() < e for s, e in skipped):
            continue
        token = match.group()
        if any(ch.isdigit() or ch == "_" for ch in token):
            continue
        offset = match.start()
        for part in re.finditer(r"[^-]+", token):
            word = re.sub(r"['’]s$", "", part.group()).strip("'’")  # the possessive's owner
            if len(word) > 1 or word.isalpha():
                start = offset + part.start() + part.group().find(word)
                yield start, start + len(word), word


def _should_check(text: str, start: int, word: str) -> bool:
    if len(word) < 2:
        return False
    if word.isupper() or any(ch.isupper() for ch in word[1:]):
        return False  # acronyms (AWS) and product names (iOS, GitHub)
    if word[0].isupper():
        return _at_sentence_start(text, start) and not _on_short_line(text, start)
    return True


def _at_sentence_start(text: str, start: int) -> bool:
    """Whether a capitalised word starts a sentence; elsewhere it is likely a name."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if not before.strip(" \t>-*•\"'“‘("):
        return True
    return bool(_SENTENCE_END_RE.search(before))


def _on_short_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(line.split()) <= _SHORT_LINE_WORDS and not _SENTENCE_END_RE.search(line)
