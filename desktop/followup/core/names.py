"""People's names as files and people write them: "Last, First" put in reading order, titles
and suffixes told apart from names (by `nameparser`), and Latin spellings of any script (by
`anyascii`) where a transliteration is reliable enough to build an address from.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii
from nameparser import HumanName
from nameparser.config import CONSTANTS

__all__ = ["display_name", "latin_spelling", "name_parts", "short_name", "surname_particle",
           "unreliable_script"]

# Scripts whose Latin spelling cannot be derived from the characters alone: Chinese
# characters have a reading per language (王 is Wang, Ō or Wong), Japanese and Korean names
# have several romanisations in use, and Arabic and Hebrew leave most vowels unwritten.
_UNRELIABLE_SCRIPTS = {
    "CJK": "Chinese or Japanese characters", "HIRAGANA": "Japanese kana",
    "KATAKANA": "Japanese kana", "HANGUL": "Korean hangul", "ARABIC": "Arabic script",
    "HEBREW": "Hebrew script",
}


def _is_suffix(word: str) -> bool:
    bare = word.lower().strip(".")
    return bare in CONSTANTS.suffix_acronyms or bare in CONSTANTS.suffix_not_acronyms


def _is_title(word: str) -> bool:
    return word.lower().strip(".") in CONSTANTS.titles


def display_name(raw: str) -> str:
    """A name in reading order, as people write it on an envelope.

    Surrounding quotes and runs of spaces go; "Doe, Jane" and "Mustermann, Heiko" (directory
    order, one comma, no title before it) become "Jane Doe" and "Heiko Mustermann". A comma before a
    suffix ("Jane Doe, PhD") or inside a longer formatted name ("Mr. John Richter, James Doe
    Sr.") is kept as written.
    """
    name = re.sub(r"\s+", " ", raw).strip(' ,;"')
    if name.count(",") != 1:
        return name
    left, right = (part.strip() for part in name.split(","))
    if not left or not right:
        return left or right
    right_words, left_words = right.split(), left.split()
    if all(_is_suffix(word) for word in right_words):
        return name
    if len(left_words) > 3 or any(_is_title(w) or _is_suffix(w) for w in left_words):
        return name
    return f"{right} {left}"


def name_parts(raw: str) -> tuple[str, list[str]]:
    """(given name, the other name words in order) with titles, suffixes and nicknames left
    out: "Dr. Jürgen Müller III" -> ("Jürgen", ["Müller"]); "Doe, Jane Marie" -> ("Jane",
    ["Marie", "Doe"]); "Ludwig van Beethoven" -> ("Ludwig", ["van", "Beethoven"])."""
    name = re.sub(r"\([^)]*\)|\"[^\"]*\"|“[^”]*”", " ", raw)  # (Liz), "JJ": nicknames
    name = display_name(name.replace("’", "'"))
    parsed = HumanName(name)
    words = " ".join(filter(None, [parsed.first, parsed.middle, parsed.last])).split()
    words = [w for w in words if not _is_suffix(w) and not _is_title(w)]
    plain = [w for w in name.split() if not _is_suffix(w) and not w.endswith(".")]
    if len(words) < 2 <= len(plain):  # "Judge Reinhold", "Dean Smith": a name, not a title
        words = plain
    if not words:
        return "", []
    return words[0], words[1:]


def surname_particle(word: str) -> bool:
    """Whether `word` is a particle that opens a surname ("van", "de", "Ó", "Mac", "bin"),
    by nameparser's list; the comparison ignores case, the word is never changed."""
    return word.lower() in CONSTANTS.prefixes


def short_name(raw: str) -> str:
    """The name to call someone by in the interface ("Meetings with Wei"): the given name
    without titles or suffixes (`name_parts`): "Dr. Wei Zhang" -> "Wei", "Zhang, Wei" ->
    "Wei". A title with a surname only stays whole ("Dr. Zhang"), since the surname alone is
    not how anyone is addressed; "" for a name with no words."""
    given, others = name_parts(raw)
    name = display_name(raw)
    if given and not others and (name.split() or [""])[0].lower().strip(".") in CONSTANTS.titles:
        return name
    return given or name


def unreliable_script(text: str) -> str:
    """The name of a script in `text` whose Latin spelling is not reliable (see above), or ""."""
    for char in text:
        if char.isalpha() and ord(char) > 0x24F:
            unicode_name = unicodedata.name(char, "")
            for key, label in _UNRELIABLE_SCRIPTS.items():
                if unicode_name.startswith(key):
                    return label
    return ""


def latin_spelling(text: str) -> str:
    """`text` in Latin letters, by anyascii's transliteration: "Дмитрий" -> "Dmitriy",
    "Jürgen" -> "Jurgen", "Øyvind" -> "Oyvind"."""
    return anyascii(text)
