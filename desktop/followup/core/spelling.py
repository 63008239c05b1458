"""Spell checking for notes and drafts: a shared English dictionary plus the user's own words.

The dictionary is pyspellchecker's English word list with its word counts, read from the
compressed file that package ships (so it works offline; nothing is downloaded). The first
time, it is built (half a second) into a compact `WordCounts` (about 5 MB, where
pyspellchecker's own dictionary keeps 13 MB and needs 31 MB while it parses the JSON whole)
and written to a table file of the user's cache folder; later starts map that file
(`core/table_files.py`), in about 30 ms (checking it whole) and without a copy. Corrections
are found the way pyspellchecker finds them (edit distance 1, then 2, over the dictionary's
letters), so suggestions are the package's own. tests/core/test_spelling_dictionary.py holds
both to the package's answers.
The checker errs towards silence: names, products, code and acronyms are not flagged, since a
follow-up note is full of them and a false alarm teaches people to ignore the checker.
"""

from __future__ import annotations

import os
import re
import string
import threading
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING

from followup.core.atomic_files import write_atomically

if TYPE_CHECKING:  # loaded with the dictionary, off the start-up path
    from followup.core.word_counts import WordCounts

_lock = threading.Lock()
_checker: EnglishDictionary | None = None

# A token is a run of letters, digits, apostrophes and inner hyphens; tokens holding digits or
# underscores (S3, user_id, 10x) are identifiers, not words.
_TOKEN_RE = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
# Spans that are not prose: URLs, e-mail addresses, inline and fenced code.
_SKIP_RE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|```.*?```|`[^`\n]*`|\b\w+\.(?:com|org|net|io|dev)\b",
    re.DOTALL,
)
_SENTENCE_END_RE = re.compile(r"[.!?:]['\"’”)]*\s*$")
_SHORT_LINE_WORDS = 4  # greeting and signature lines: "Hi Mark," "Jessica Maxwell"
# Everyday words of tech job hunting that the general dictionary lacks; flagging them in every
# note would teach people to ignore the checker.
WORKPLACE_WORDS = frozenset("""
analytics api apis app apps async backend bootcamp bootcamps chatbot codebase codebases
cybersecurity dataset datasets dev devs devops ecommerce edtech fintech frontend fullstack
github gitlab golang hackathon hackathons healthtech kubernetes linkedin linting livestream
meetup meetups microservice microservices middleware npm offsite onboarding onsite opensource
postgres pypi refactor refactored refactoring repo repos reskilling roadmap roadmaps runtime
saas serverless standup standups tech toolchain toolchains upskilling webinar webinars
wireframe wireframes wireframing workflow workflows javascript typescript startup startups
teammate teammates coworker coworkers mentorship internship prototyping scalable
walkthrough walkthroughs idempotency idempotent deployable
""".split())


class EnglishDictionary:
    """English words with their corpus counts, and the corrections of a word.

    `known`, `edit_distance_1` and `candidates` give what pyspellchecker's `SpellChecker(
    language="en", distance=2)` gives for the same words (lower case, or folded here);
    `word_frequency[word]` is a word's count in the dictionary's corpus (0 if it is not a word).
    """

    def __init__(self, counts: WordCounts):
        self.word_frequency = counts
        self._letters = "".join(sorted(counts.letters))

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.word_frequency

    def __getitem__(self, word: str) -> int:
        return self.word_frequency[word.lower()]

    def known(self, words: Iterable[str]) -> set[str]:
        """The words of `words`, lower-cased, that are in the dictionary."""
        found = self.word_frequency.known({w.lower() for w in words})
        return {w for w in found if self._worth_checking(w)}

    def edit_distance_1(self, word: str) -> set[str]:
        """Every string one edit (a letter dropped, added or changed, two swapped) from `word`,
        with the dictionary's letters."""
        word = word.lower()
        if not self._worth_checking(word):
            return {word}
        return set(_edits(word, self._letters))

    def candidates(self, word: str) -> set[str] | None:
        """`{word}` when it is known (or not a word to check); else the known words one edit
        away, else those two edits away, else None."""
        if self.known([word]) or not self._worth_checking(word):
            return {word}
        first = self.edit_distance_1(word)
        found = self.known(first)
        if found:
            return found
        # Word by word, not as one set of every string two edits away (hundreds of thousands
        # for a long word: tens of MB for a moment).
        second: set[str] = set()
        for near in first:
            if self._worth_checking(near):
                second |= self.word_frequency.known(_edits(near, self._letters))
        return self.known(second) or None

    def _worth_checking(self, word: str) -> bool:
        """pyspellchecker's test: not punctuation, not a number, not far longer than any word."""
        if len(word) == 1 and word in string.punctuation:
            return False
        if len(word) > self.word_frequency.longest + 3:
            return False
        if word.lower() in ("nan", "inf", "infinity"):
            return True
        try:
            float(word)
        except ValueError:
            return True
        return False


def _edits(word: str, letters: str) -> list[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ([left + right[1:] for left, right in splits if right]
            + [left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1]
            + [left + c + right[1:] for left, right in splits if right for c in letters]
            + [left + c + right for left, right in splits for c in letters])


def load_english(folder: Path | None = None) -> EnglishDictionary:
    """The dictionary of pyspellchecker's packaged English list, with `WORKPLACE_WORDS` added
    (count 1 each, or one more). Words are lower-cased, and the counts of words that differ
    only in case are summed, as pyspellchecker does.

    Built once into a table file of the user's cache folder (`folder` in tests) and mapped
    from there at later starts (`core/table_files.py`); raises RuntimeError when the package's
    list is missing (a broken install)."""
    import pkgutil
    import zlib

    import spellchecker  # noqa: F401 - the package whose data this is (a frozen build needs it)

    from followup.core.table_files import load_tables
    from followup.core.word_counts import WordCounts

    packed = pkgutil.get_data("spellchecker", "resources/en.json.gz")
    if packed is None:
        raise RuntimeError("the spelling dictionary is missing: reinstall Followup")
    words = " ".join(sorted(WORKPLACE_WORDS)).encode("utf-8")
    source = (f"en.json.gz:{len(packed)}:{zlib.crc32(packed):08x} "
              f"workplace:{zlib.crc32(words):08x}")

    def build():
        import gzip

        counts = word_counts_from_json(gzip.decompress(packed))
        counts.update((word.lower(), 1) for word in WORKPLACE_WORDS)
        return counts.sections()

    return EnglishDictionary(load_tables("spelling-en", source, build, WordCounts.from_sections,
                                         folder))


def word_counts_from_json(text: bytes) -> WordCounts:
    """The counts of a UTF-8 JSON object of word -> count (pyspellchecker's format), words
    lower-cased and the counts of words that differ only in case summed. Read pair by pair,
    wherever the lines break: `json.loads` would build the whole object first (tens of MB for
    160,000 words, for a moment)."""
    from followup.core.word_counts import WordCounts

    counts = WordCounts(expected=text.count(b":") + len(WORKPLACE_WORDS))
    counts.update(((_json_string(key) if b"\\" in key else key.decode("utf-8")).lower(),
                   int(count)) for key, count in map(re.Match.groups, _PAIR_RE.finditer(text)))
    return counts


def _json_string(raw: bytes) -> str:
    """The text of a JSON string's bytes (between the quotes) that holds escapes."""
    import json

    return json.loads(b'"' + raw + b'"')


# One "word": count pair of the JSON object, wherever the lines break.
_PAIR_RE = re.compile(rb'"([^"\\]*(?:\\.[^"\\]*)*)"\s*:\s*(\d+)')


def checker() -> EnglishDictionary:
    """The shared English dictionary, loaded on first use."""
    global _checker
    if _checker is None:
        with _lock:
            if _checker is None:
                _checker = load_english()
    return _checker


def is_known(word: str) -> bool:
    """Whether `word` (any case, straight or curly apostrophe) is an English word."""
    word = word.replace("’", "'").lower()
    words = checker().word_frequency
    if word in words:
        return True
    for suffix in ("'s", "'"):  # possessives: the team's, the teams'
        if word.endswith(suffix) and word[: -len(suffix)] in words:
            return True
    return False


def has_close_correction(word: str) -> bool:
    """Whether an English word is one edit (a letter added, dropped, changed or two swapped)
    away from `word`: "platfrom" has "platform", "pgbouncer" has none."""
    spell = checker()
    return bool(spell.known(spell.edit_distance_1(word.lower())) - {word.lower()})


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
    """Likely corrections of `word`, most frequent first (costly for long words: call on demand)."""
    spell = checker()
    candidates = spell.candidates(word.lower()) or set()
    candidates.discard(word.lower())
    ranked = sorted(candidates, key=lambda w: (-spell.word_frequency[w], w))[:limit]
    if word[:1].isupper():
        ranked = [w[:1].upper() + w[1:] for w in ranked]
    return ranked


def load_user_words(path: str | os.PathLike[str]) -> frozenset[str]:
    """The words of the user dictionary at `path` (one a line); empty when the file is missing."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def add_user_word(path: str | os.PathLike[str], word: str) -> None:
    """Add `word` to the user dictionary at `path`, replacing the file atomically."""
    word = word.strip()
    if not word or any(ch.isspace() for ch in word):
        raise ValueError(f"not a single word: {word!r}")
    words = load_user_words(path)
    if word.lower() in {w.lower() for w in words}:
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"{w}\n" for w in sorted(words | {word}, key=str.lower))
    _write_atomically(target, text)


def _write_atomically(target: Path, text: str) -> None:
    # A crash mid-write must not leave a truncated dictionary behind.
    write_atomically(target, text)


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
