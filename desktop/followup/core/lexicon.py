"""Hurried notes read as words: shorthand written out, names spelled, sure typos mended.

Notes are typed in a hurry ("v organized, sent agenda the nite before", "migratng from
quickbooks to netsuite in q1", "the dublin marathon in oct"); a follow-up is read slowly. Before
a note line is phrased, this module

- writes out shorthand from a table (`resources/language/shorthand.tsv`: "v" -> "very",
  "bkgd" -> "background", "oct" -> "October", "q1" -> "Q1"),
- spells names as their owners do: the notes' own capitals ("Kiln" typed once makes every
  "kiln" "Kiln"), the people met, the company, the profile, a list of product and tool names
  (`resources/language/names.txt`) and the English dictionary's own capitalised entries
  ("dublin" -> "Dublin": the dictionary knows it only with a capital),
- mends a typo only when the correction is certain: the word is not in the user's dictionary,
  it is five letters or more, and exactly one of the dictionary's suggestions is a common word
  one dropped, added or swapped letter away ("migratng" -> "migrating").

The tables are the place to grow: a new shorthand is a line in the table, not a rule in code.
The dictionary is the user's own (`spelling`: PyEnchant on the system's Hunspell dictionary of
the profile's English, so "organised" is never "corrected" for a British user); where Enchant
cannot load, pyspellchecker's list knows no capitals, and names come from the tables alone.
Source of the rules: issue "Drafts a reader would send" (shorthand written out, a typo
corrected only when the correction is certain, proper names capitalised from what the notes
capitalise, the profile, the company and the dictionary's own capitalised entries; never
lower-case what the user capitalised).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from followup.core import spelling
from followup.core.word_forms import is_adjective, verb_form, word_classes

# A word of Latin letters, accented ones too ("gdańsk", "málaga" are names typed in a hurry)
_WORD_RE = re.compile(r"(?<![\w@/.#-])([A-Za-z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f]"
                      r"[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f]*(?:'[a-z]+)?)"
                      r"(?![\w@/#-]|\.\w)")


def _language_dir() -> Path:
    from followup import paths

    return paths.resources_dir() / "language"


def _table_lines(name: str) -> list[str]:
    try:
        text = (_language_dir() / name).read_text(encoding="utf-8")
    except OSError:
        return []  # a build without the tables phrases notes as typed
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def shorthand_table() -> dict[str, str]:
    """Shorthand (lower case) -> written out, from `resources/language/shorthand.tsv`."""
    table = {}
    for line in _table_lines("shorthand.tsv"):
        short, _, long = line.partition("\t")
        if short.strip() and long.strip():
            table[short.strip().lower()] = long.strip()
    return table


@lru_cache(maxsize=1)
def _shorthand_re() -> re.Pattern[str] | None:
    keys = sorted(shorthand_table(), key=len, reverse=True)
    if not keys:
        return None
    alternatives = "|".join(re.escape(k) for k in keys)
    return re.compile(rf"(?<![\w/&'.-])(?:{alternatives})(?![\w/&'-]|\.\w)", re.IGNORECASE)


_UNIT_AFTER_NUMBER_RE = re.compile(r"\d\s*$")


_MONTH_NAMES = frozenset("January February March April May June July August September October"
                         " November December".split())
_BEFORE_A_MONTH = frozenset("in by since until till from through thru last next this early mid"
                            " late of before after during end start each every".split())


def _not_a_month(text: str, match: re.Match[str]) -> bool:
    """"oct scans", "dec gear": a month's short form that names a thing before a noun, with
    no word of time before it."""
    if match.group().lower() in ("jan", "feb", "aug", "sept", "nov"):
        return False  # no thing of work is called these: "the nov dry spell" is November's
    before = text[:match.start()].split()[-1:] or [""]
    after = text[match.end():].split()[:1] or [""]
    noun = after[0].strip(".,;:!?")
    return noun.isalpha() and noun.islower() and len(noun) > 2 and noun not in (
        "and", "or", "to", "through", "thru", "last", "this", "next", "till", "until", "for",
        "the", "was", "is", "will", "when", "before", "after") \
        and before[0].lower().strip("(,") not in _BEFORE_A_MONTH and not before[0][:1].isdigit()


def expand_shorthand(text: str) -> str:
    """`v organized, sent agenda the nite before` -> `very organized, sent agenda the night
    before`. An acronym right after a number is a unit and stays ("10 ml"); `12 hr` is
    "12-hour"."""
    pattern = _shorthand_re()
    if pattern is None:
        return text
    text = re.sub(r"\b(\d+)\s?hr\b", r"\1-hour", text, flags=re.IGNORECASE)
    # "the march audit", "by may review": a month named before a thing of the calendar
    text = re.sub(r"\b(the|this|last|next|by|since|before|after|in|at)\s+(march|may)\s+(?=(?:audit"
                  r"|review|inspection|deadline|release|launch|board|meeting|cycle|close|renewal"
                  r"|visit|survey|intake|cohort|window|update|report|exam|sitting|rollout|storm"
                  r"|flood|fire|outage)s?\b)", lambda m: f"{m[1]} {m[2].capitalize()} ", text)
    table = shorthand_table()

    def written_out(match: re.Match[str]) -> str:
        word = match.group()
        long = table[word.lower()]
        if word.isupper() and len(word) > 1 and not long.isupper():
            return word  # typed in capitals, it is a name ("RE NXT"), not "next"
        if word.lower() == "v":
            after = text[match.end():].split()[:1]
            following = after[0].strip(".,;:!?").lower() if after else ""
            if following and not _describes(following):
                return "versus"  # "app v phone cycle times"; "v organized" is "very"
        if long.isupper() and _UNIT_AFTER_NUMBER_RE.search(text[:match.start()]):
            return word
        if long in _MONTH_NAMES and _not_a_month(text, match):
            return word.upper()  # "running oct scans": the OCT scan, not October
        if word.lower() == "rn" and not re.search(
                r"(?:\b(?:a|an|the|as|new|charge|staff|travel|float|senior|\d+)\s*)$",
                text[:match.start()], re.IGNORECASE):
            return "right now"  # "done by an agency rn": not a nurse
        if word.lower() == "st" and (re.search(r"[A-Z][a-z]+\s+$", text[:match.start()])
                                     or re.match(r"\s+[a-zA-Z]+'s\b|\s+[A-Z]",
                                                 text[match.end():])):
            return "St"  # "argyle st", "st ann's": the street, the saint
        if word.lower() == "dr" and re.match(r"\.\s+[a-z]{3,}\b", text[match.end():]) \
                and not re.match(r"\.\s+(?:and|or|the|a|an|is|was|who|said)\b", text[match.end():]):
            return "Dr"  # "dr. okonjo": the title, before a name typed in lower case
        if word.lower() == "dr" and re.match(r"\.?\s+[A-Z]", text[match.end():]):
            dot = "" if text[match.end():].startswith(".") else "."
            return "Dr" + dot  # "dr Okafor": the title, not "a doctor"
        if word[:1].isupper() and long[:1].islower() and match.start() == 0:
            return long[:1].upper() + long[1:]
        return long

    text = pattern.sub(written_out, text)
    text = re.sub(r"\bSt\s+([a-z])(?=[a-z]*'s\b)", lambda m: f"St {m.group(1).upper()}", text)
    # "18 mo out", "3 yr ago": the unit written out agrees with its number
    return re.sub(r"\b((?!1\b)\d+(?:\.\d+)?)\s+(year|month|week|hour|minute|day)\b"
                  r"(?=\s+(?:out|ago|in|of|later|before|after|earlier|running|left)\b|\s*[,.;]|\s*$)",
                  r"\1 \2s", text)


def _describes(word: str) -> bool:
    """Whether `word` can follow "very": an adjective, an adverb or a participle ("organized",
    "much", "helpful"), not a noun ("phone")."""
    classes = word_classes(word)
    return bool(classes.keys() & {"ADJ", "ADV"}) or verb_form(word) in ("VBN", "VBD") \
        or word.endswith(("ed", "ly", "ful", "ive", "ous", "able", "ic", "al", "ing"))


def shorthand_words() -> frozenset[str]:
    """Every shorthand of the table that is not also an English word, for the spelling rule
    to flag when it is left in a draft ("v", "nite", "bkgd")."""
    return frozenset(k for k, v in shorthand_table().items()
                     if k != v.lower() and not k.isdigit() and not v.isupper()
                     and (len(k) == 1 or not _known(k)) and " " not in k)


@lru_cache(maxsize=1)
def name_table() -> dict[str, str]:
    """Lower-case name -> spelling, from `resources/language/names.txt`."""
    return {line.strip().lower(): line.strip() for line in _table_lines("names.txt")}


# ---- the dictionary ---------------------------------------------------------------------------

def _dictionaries() -> tuple:
    """The user's spelling dictionary (`spelling.speller`: Enchant with Hunspell in the
    profile's English, else pyspellchecker), as a one-item tuple."""
    return (spelling.speller(),)


@lru_cache(maxsize=8192)
def _known(word: str) -> bool:
    if not word.isascii():  # "café", "crème", "naïve": the dictionary's word, accents kept
        plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
        if plain and plain != word and _known(plain):
            return True
    return any(d.check(word) for d in _dictionaries()) or _known_variant(word)


# British and American spellings of one word: either is a word, whichever English the
# dictionary is ("theatre" is never "corrected" to "theater", nor "Centre" made a name).
_VARIANTS = (("tre", "ter"), ("our", "or"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"),
             ("isation", "ization"), ("yse", "yze"), ("ogue", "og"), ("lled", "led"),
             ("lling", "ling"), ("ence", "ense"), ("tres", "ters"), ("ours", "ors"),
             ("iser", "izer"), ("isers", "izers"), ("amme", "am"), ("ammes", "ams"),
             ("oguing", "oging"), ("ogued", "oged"), ("ogues", "ogs"), ("ysed", "yzed"),
             ("ysing", "yzing"))


def known_variant(word: str) -> bool:
    """Whether `word` is another English's spelling of a dictionary word ("signalling",
    "organise", "anaesthetic" in an American dictionary; "color" in a British one)."""
    return _known_variant(word)


def _known_variant(word: str) -> bool:
    if "our" in word[1:] and any(d.check(word.replace("our", "or")) for d in _dictionaries()):
        return True  # "behavioural", "favourite", "colourful": the British "our" inside a word
    for digraph in ("ae", "oe"):  # "anaesthetic", "oesophagus"
        plain = word.replace(digraph, "e")
        if digraph in word[1:] and any(d.check(plain) for d in _dictionaries()):
            return True
    for british, american in _VARIANTS:
        for a, b in ((british, american), (american, british)):
            if word.endswith(a) and len(word) > len(a) + 2:
                if any(d.check(word[:-len(a)] + b) for d in _dictionaries()):
                    return True
    return False


@lru_cache(maxsize=8192)
def is_english_word(word: str) -> bool:
    """Whether any installed English dictionary knows `word` as typed (case counts: "dublin"
    is unknown, "Dublin" known)."""
    return _known(word)


@lru_cache(maxsize=8192)
def dictionary_capital(word: str) -> str | None:
    """"Dublin" for "dublin": a lower-case word the dictionary knows only with a capital."""
    if not word.islower() or len(word) < 4 or _known(word) or _clipped(word):
        return None  # "geo" is jargon, though the dictionary knows a "Geo"
    capital = word[:1].upper() + word[1:]
    return capital if _known(capital) else None


def _one_edit(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter added or dropped, or two letters swapped. A changed
    letter is left alone: "dedupe" is one letter from "deduce", and jargon is full of such
    pairs, while a dropped or swapped letter is how hurried typing goes wrong."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 \
            and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


@lru_cache(maxsize=4096)
def certain_correction(word: str) -> str | None:
    """The one correction of a lower-case typo, or None when the word is known, short, or more
    than one correction is as likely ("migratng" -> "migrating"; "teh" is the table's)."""
    dictionaries = _dictionaries()
    if not dictionaries or len(word) < 5 or not word.isalpha() or not word.islower() \
            or _known(word) or dictionary_capital(word):
        return None
    suggestions = dict.fromkeys(s for s in dictionaries[0].suggest(word)[:6]
                                if s.islower() and " " not in s and "-" not in s)
    # A letter dropped or added is a typo only in a long word ("managment", "migratng"):
    # "webpt", "ipads" and "funders" are a letter from "wept", "pads" and "founders".
    near = [s for s in suggestions if _one_edit(word, s)
            and (len(s) == len(word) or len(word) >= 8)]
    # A rare word one letter from an unknown one ("dagster" -> "dragster", "desmos" -> "demos")
    # is more likely a name the dictionary lacks than a typo: only common words are certain.
    return near[0] if len(near) == 1 and _common(near[0]) else None


_COMMON_COUNT = 1000  # occurrences in pyspellchecker's English frequency list


def _common(word: str) -> bool:
    frequencies = _frequencies()
    return frequencies is not None and frequencies[word] >= _COMMON_COUNT


def _frequencies():
    """How common English words are (`spelling.frequencies`: words under 1,000 count 0)."""
    return spelling.frequencies().word_frequency


# ---- names ------------------------------------------------------------------------------------

def notes_capitals(texts: Iterable[str]) -> dict[str, str]:
    """Words the user capitalised somewhere in the notes (not at a line's start), lower case ->
    as typed: "Kiln" once makes "kiln" elsewhere "Kiln"."""
    found: dict[str, str] = {}
    for text in texts:
        for line in text.splitlines():
            letters = [c for c in line if c.isalpha()]
            if letters and sum(c.isupper() for c in letters) > len(letters) * 0.6:
                continue  # "RUNS THE KERNEL TEAM": shouting, not names
            words = line.lstrip("-*•!?+ \t").split()
            for word in words[1:]:
                bare = word.strip(".,;:!?()\"'")
                if len(bare) >= 2 and bare[:1].isupper() and not bare.isupper() \
                        and bare.isalpha() and not _known(bare.lower()):
                    found.setdefault(bare.lower(), bare)
                elif len(bare) >= 2 and bare.isupper() and bare.isalpha() \
                        and not _known(bare.lower()):
                    found.setdefault(bare.lower(), bare)  # "HIPAA", "SQL"
    return found


# Products named by a verb, and the words after which the verb is meant
_USED_AS_A_VERB = {"excel": "at|in", "react": "to|quickly|fast|faster|when|well|badly|calmly"
                   "|immediately|appropriately|early|late"}


def spell_names(text: str, names: dict[str, str]) -> str:
    """Each word or name of `names` (lower case -> spelling) and of the names table spelled
    as its owner does wherever `text` has it in lower case, then the dictionary's capitalised
    words ("dublin" -> "Dublin"). What the user capitalised is never lowered."""
    table = {**name_table(), **names}
    multi = sorted((k for k in table if any(c in k for c in " .-/")), key=len, reverse=True)
    for key in multi:
        text = re.sub(rf"(?<![\w@/-]){re.escape(key)}(?![\w@/-])",
                      lambda m, k=key: table[k] if m.group().islower() else m.group(),
                      text, flags=re.IGNORECASE)

    def spelled(match: re.Match[str]) -> str:
        word = match.group(1)
        if not word.islower():
            return word
        if word.endswith("'s") and word[:-2] in table:  # "pellucid's" -> "Pellucid's"
            return table[word[:-2]] + "'s"
        if word in table:
            verb = _USED_AS_A_VERB.get(word)
            if verb and re.match(rf"\s+(?:{verb})\b", text[match.end():]):
                return word  # "excel at", "react to alarms": the verb, not the product
            return table[word]
        capital = dictionary_capital(word)
        return capital or word

    text = _WORD_RE.sub(spelled, text)
    # "we both grew up in cork": after a word of where someone is from, a place the dictionary
    # also knows as a common word ("cork", "reading", "bath") is the place
    # ("grew up in small fishing towns": an adjective before a noun is no place)
    text = _PLACE_RE.sub(lambda m: m[0] if re.match(r"\s+[a-z]", text[m.end():])
                         and is_adjective(m[2]) else m.group(1) + _place(m.group(2)), text)
    text = spell_editions(spell_places(text))
    # "the Dexcom g7", "Vestas v110": a model code after a name is in capitals
    text = re.sub(r"\b([A-Z][\w]*[a-z][\w]*\s+)([a-z])(\d{1,4})\b",
                  lambda m: m[1] + m[2].upper() + m[3], text)
    # "into survey123", "photos to s3": a word glued to its number is a product's name
    text = re.sub(r"(?<![\w@/.#-])([a-z]+)(\d+)\b(?!\.\d)", _glued_name, text)
    # "dogs named pepper", "a cat called miso": after "named" a word is a name
    text = re.sub(r"\b((?:named|called|nicknamed)\s+)([a-z]{3,})\b(?!\s+(?:in|out|off|back|up|for"
                  r"|to|about|me|him|her|them|us|it)\b)", lambda m: m[1] + m[2].capitalize(), text)
    # "irish-language": the first part of a hyphenated word, by the dictionary's capitals
    return re.sub(r"(?<![\w@/.#-])([a-z]{4,})(?=-[a-z])",
                  lambda m: dictionary_capital(m.group(1)) or m.group(1), text)


def _glued_name(m: re.Match[str]) -> str:
    """"s3" S3, "g7" G7, "survey123" Survey123; "q3" and "h1" too; not "v2" of "v2 of"."""
    letters, digits = m[1], m[2]
    if len(letters) <= 2:
        return letters.upper() + digits
    return letters.capitalize() + digits if len(digits) >= 2 or not is_english_word(letters) \
        else m[0]


def spell_editions(text: str) -> str:
    """"Shopify plus" -> "Shopify Plus": an edition after a product's name is part of it;
    "port of Tacoma" -> "the Port of Tacoma", "royal infirmary" -> "the Royal Infirmary",
    "Chicago marathon 2024" -> "the 2024 Chicago Marathon": an institution or a race named for
    a place is a proper name."""
    text = _EDITION_RE.sub(lambda m: m[1] + " " + m[2].capitalize()
                           if not is_english_word(m[1].lower()) or m[1].lower() in name_table()
                           else m[0], text)
    text = _INSTITUTION_OF_RE.sub(lambda m: ("the " if not m[1] else m[1])
                                  + m[2].capitalize() + " of ", text)
    text = _COMPASS_RE.sub(lambda m: m[1].capitalize() + m[2], text)  # "west Oakland"
    text = _ROYAL_RE.sub(lambda m: (m[1] or "the ") + "Royal " + m[2].capitalize(), text)
    text = _PLACE_BEFORE_A_RACE_RE.sub(lambda m: m[1].capitalize() if any(
        d.check(m[1].capitalize()) for d in _dictionaries()) else m[0], text)
    text = _RACE_YEAR_RE.sub(lambda m: f"the {m[3]} {m[1]} {m[2].title()}", text)
    return _RACE_RE.sub(lambda m: m[1] + " " + m[2].title(), text)


_INSTITUTION_OF_RE = re.compile(r"(?<![A-Za-z])((?:[Tt]he|at\s+the|for\s+the)\s+)?(port|city|county"
                                r"|university|bank|museum|district|province|state|republic"
                                r"|borough|town|village|diocese)\s+of\s+(?=[A-Z])")
_COMPASS_RE = re.compile(r"\b(north|south|east|west|northeast|northwest|southeast|southwest)"
                         r"(\s+)(?=[A-Z][a-z]+\b)(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday"
                         r"|Saturday|Sunday|January|February|March|April|May|June|July|August"
                         r"|September|October|November|December)\b)")
_ROYAL_RE = re.compile(r"\b((?:the|The)\s+)?royal\s+(infirmary|hospital|college|society|academy"
                       r"|navy|mail|institution|opera|ballet|court|free|victoria|marsden|brompton"
                       r"|london|united|veterinary|botanic|air)\b")
_RACE_YEAR_RE = re.compile(r"\b(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+"
                           r"(marathon|half[- ]marathon|triathlon|ironman)\s+((?:19|20)\d\d)\b")
_PLACE_BEFORE_A_RACE_RE = re.compile(r"(?<=\bthe\s)([a-z]{3,})(?=\s+(?:half[- ])?(?:marathon"
                                     r"|triathlon)\b)")
_RACE_RE = re.compile(r"(?<=\s)([A-Z][a-z][\w-]*(?:\s+[A-Z][\w-]+)?)\s+"
                      r"(marathon|half[- ]marathon"
                      r"|triathlon)\b")


_EDITION_RE = re.compile(r"\b([A-Z][\w]*[a-z][\w]*)\s+(plus|pro|max|online|cloud|enterprise"
                         r"|studio|premium|desktop|connect)\b")
_PLACE_RE = re.compile(r"(\b(?:grew\s+up\s+in|based\s+in|lives?\s+in|living\s+in|moved\s+to"
                       r"|born\s+in|raised\s+in|originally\s+from|(?:is|are|'s|'re)\s+from)\s+)"
                       r"([a-z]{3,})\b")


_PLACE_NOUNS = {"sq": "Square", "st": "Street", "ave": "Avenue", "rd": "Road", "blvd": "Boulevard"}
_PLACE_WORDS = ("lake square street avenue road boulevard park bay branch county valley heights "
                "hill island station yard harbor harbour beach river creek falls mountain campus "
                "market district quarter point city")
# "on green lake", "around pioneer sq", "at skyway branch": after a word of place, a lower-case
# name made with a place noun is a proper name. "at the rail yard" (an article) is not.
_NAMED_PLACE_RE = re.compile(
    r"\b((?:at|in|on|near|around|by|from|off|to|past|along|across|through|toward|towards)\s+)((?:[A-Za-z][\w'-]*\s+){1,2}?)"
    rf"({'|'.join([*_PLACE_NOUNS, *_PLACE_WORDS.split()])})\b")
# "lake union", "mount rainier" after a word of place; "el Paso", "san Diego": a particle
# before a capitalised name is part of it.
_PLACE_FIRST_RE = re.compile(r"\b((?:at|in|on|near|around|by|from|off|to)\s+)"
                             r"(lake|mount|mt|fort|port)\s+([a-z][\w'-]+)\b")
_PARTICLE_RE = re.compile(r"(?<!\bde )(?<!\bdel )\b(el|la|los|las|san|santa|lake|mount|fort|saint)"
                          r"(?=\s+[A-Z][a-z])")
_NAME_THEN_PLACE_RE = re.compile(r"\b(?!(?:Christmas|Easter|Thanksgiving|Halloween|Hanukkah|Diwali"
                                 r"|Eid|Ramadan|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
                                 r"|Sunday|January|February|March|April|June|July|August|September"
                                 r"|October|November|December)\b)"
                                 r"([A-Z][a-z]{2,})\s+(river|lake|creek|mountain|valley|bay"
                                 r"|island|park|bridge|county|harbor|harbour|beach|falls|church"
                                 r"|cathedral|chapel|temple|mosque|synagogue|savings|optical|interiors"
                                 r"|telecom|nursery|manor|estate|civil|clinic|studio|studios|partners"
                                 r"|labs|foods|farms|logistics|consulting|realty|properties|motors"
                                 r"|bakery|brewing|construction|engineering|hotels?|academy"
                                 r"|gorge|canyon|ridge|trust|memorial|foundation|institute"
                                 r"|gallery)\b")
_PLACE_OF_RE = re.compile(r"\b(the\s+)(city|town|county|port|university|province|district|"
                          r"village|borough|state)\s+of\s+([a-z][a-z'-]+)\b")
_NOT_A_NAME = frozenset("""
    the a an my your his her their our its this that these those every each one some any
    another either neither no what whose which starting end
    data which what our main back front side rail car parking
""".split())


def spell_places(text: str) -> str:
    """Lower-case place names spelled as names: `around pioneer sq` -> `around Pioneer Square`,
    `on lake union` -> `on Lake Union`, `grew up in el Paso` -> `in El Paso`."""

    def named(match: re.Match[str]) -> str:
        words = match.group(2).split()
        if any(w.lower() in _NOT_A_NAME or w[:1].isdigit() for w in words):
            return match.group()
        noun = match.group(3)
        noun = _PLACE_NOUNS.get(noun, noun[:1].upper() + noun[1:])
        return match.group(1) + " ".join(w[:1].upper() + w[1:] for w in words) + " " + noun

    def first(match: re.Match[str]) -> str:
        if match.group(3) in _NOT_A_NAME:
            return match.group()
        head = {"mt": "Mount"}.get(match.group(2), match.group(2).capitalize())
        return f"{match.group(1)}{head} {match.group(3).capitalize()}"

    text = _NAMED_PLACE_RE.sub(named, text)
    text = _PLACE_FIRST_RE.sub(first, text)
    # "the Clackamas river": a name the notes capitalised, and its place noun with it
    text = _NAME_THEN_PLACE_RE.sub(lambda m: f"{m[1]} {m[2].capitalize()}", text)
    # "the city of delta's bylaw": a place's own name, whatever the dictionary says of it
    return _PLACE_OF_RE.sub(lambda m: f"{m[1]}{m[2].capitalize()} of {m[3].capitalize()}", text)


# Capitalised words before "high" or "middle" that name no school ("Very high", "AP middle")
_NOT_A_SCHOOL_NAME = frozenset("Very Too So Quite Really Pretty AP Not Is Are Was Were The A An "
                               "Upper Lower".split())


def spell_particles(text: str) -> str:
    """`el Paso` -> `El Paso`: a place's particle before its capitalised name; `st. johns`
    -> `St. Johns`: a saint's or a street's name."""
    text = re.sub(r"\b(st|mt)\.\s+([A-Za-z][a-z'-]+)", lambda m: f"{m[1].capitalize()}. "
                  f"{m[2].capitalize()}", text)
    text = _NAME_THEN_PLACE_RE.sub(lambda m: f"{m[1]} {m[2].capitalize()}", text)
    # "Jefferson high", "Lincoln middle school": a school named for someone
    text = re.sub(r"\b([A-Z][a-z]+)\s+(high|middle|elementary|primary|secondary)(\s+school)?\b",
                  lambda m: f"{m[1]} {m[2].capitalize()}{m[3].title() if m[3] else ''}"
                  if m[1] not in _NOT_A_SCHOOL_NAME else m[0], text)
    # "campo del Cielo", "puerto de la Cruz": the word before a particle and a name is the name's
    text = re.sub(r"\b([a-z]{3,})(?=\s+(?:del|de\s+la|de\s+los|dos|das|di)\s+[A-Z][a-z])",
                  lambda m: m[1] if _common(m[1]) else m[1].capitalize(), text)
    return _PARTICLE_RE.sub(lambda m: m.group(1).capitalize(), text)


def _place(word: str) -> str:
    capital = word[:1].upper() + word[1:]
    return capital if _known(capital) and not _known_lower_only(word) else word


def _known_lower_only(word: str) -> bool:
    """Words that follow "from" and are never places ("scratch", "home", "work")."""
    return word in ("scratch", "home", "work", "there", "here", "school", "abroad", "the",
                    "their", "his", "her", "our", "my", "your", "this", "that", "fear", "hope")


def mend_typos(text: str, protected: Iterable[str] = ()) -> str:
    """Each lower-case word with one certain correction replaced by it; `protected` words (the
    people's names, the company, the profile's words) are never touched."""
    keep = {w.lower() for w in protected}

    def mended(match: re.Match[str]) -> str:
        word = match.group(1)
        if word.lower() in keep or word.lower() in name_table():
            return word
        return certain_correction(word) or word

    return _WORD_RE.sub(mended, text)


def unknown_words(text: str) -> list[str]:
    """Lower-case words no installed English dictionary knows, in order (empty without one)."""
    if not _dictionaries():
        return []
    return [m.group(1) for m in _WORD_RE.finditer(text)
            if m.group(1).islower() and not _known(m.group(1))
            and not _known(m.group(1).split("'")[0])]


def has_dictionary() -> bool:
    return bool(_dictionaries())


_VOWELS = frozenset("aeiouy")


_PREFIXES = ("re", "un", "non", "pre", "co", "sub", "over", "under", "mis", "de", "dis",
             "multi", "self", "post", "inter", "cross", "out", "up", "down", "micro", "mega",
             "ultra", "super", "hyper", "semi", "mini", "anti", "mid", "tele", "bio", "intra",
             "extra")


_PARTICLES = ("up", "over", "out", "off", "in", "down", "back", "side", "wide", "like", "less",
              "ward", "wards", "based", "driven", "level", "time", "work", "load", "flow")
_SUFFIXES = ("ity", "ality", "ness", "ization", "isation", "ize", "ise", "ized", "ised", "ing",
             "ed", "er", "ers", "ly", "able", "ability", "s", "es")


@lru_cache(maxsize=4096)
def _compound(word: str) -> bool:
    """Jargon built of English, not a name: "signup", "cutover", "chairside" (a word and a
    particle), "unreconciled" (a prefix and a word), "incrementality" (a word and a suffix),
    "pharma", "eval" (a word cut short). "cityworks" or "brightflag", two plain nouns, is a
    product's name."""
    # (a long prefix may take a short word: "intraday", "multisite")
    if any(word.startswith(p) and len(word) - len(p) >= (3 if len(p) >= 4 else 4)
           and _known(word[len(p):]) for p in _PREFIXES):
        return True
    if any(word.endswith(x) and len(word) - len(x) >= 4 and _known(word[:-len(x)])
           for x in _SUFFIXES):
        return True
    if re.search(r"([b-df-hj-np-tv-z])\1(?:ing|ed|er)$", word) \
            and _known(re.sub(r"[a-z](?:ing|ed|er)$", "", word)):
        return True  # "cogging", "scrubbed": a short word's consonant doubled before -ing
    if any(word.endswith(p) and len(word) - len(p) >= 3 and _known(word[:-len(p)])
           for p in _PARTICLES):
        return True
    if len(word) >= 8 and word.endswith(_LEARNED_ENDINGS):
        return True  # "idempotency", "observability": a learned word the dictionary lacks
    return _clipped(word) or _two_words(word)


def _two_words(word: str) -> bool:
    """"waitlist", "backorders", "headspace", "lookbook": two English words written as one,
    which notes use for a common thing far more often than for a product; readers stumbled on
    "Waitlist" and "Backorders" capitalised as names. (After "at" or "in", a name is still
    spelled as one: "in planswift".)"""
    for i in range(3, len(word) - 2):
        left, right = word[:i], word[i:]
        if _known(left) and (_known(right) or right.endswith("s") and _known(right[:-1])):
            return True
    return False


# Endings of English words made from Latin and Greek; names rarely end so.
_LEARNED_ENDINGS = ("ency", "ancy", "ility", "ation", "ition", "ization", "isation", "ment",
                    "ness", "ology", "ological", "ative", "ical", "ively", "ously", "ability",
                    "ibility", "ism", "istic")


@lru_cache(maxsize=4096)
def _clipped(word: str) -> bool:
    """"pharma", "eval", "geo": the start of a common longer word, as jargon clips it."""
    words = _common_words()
    if len(word) < 3 or not words:
        return False
    i = bisect.bisect_left(words, word)
    while i < len(words) and words[i].startswith(word):
        if len(words[i]) >= len(word) + 2:
            return True
        i += 1
    return False


@lru_cache(maxsize=1)
def _common_words() -> list[str]:
    """The common English words (pyspellchecker's frequency list), sorted for prefix search."""
    frequencies = _frequencies()
    if frequencies is None:
        return []
    return sorted(w for w, n in frequencies.items() if n >= _COMMON_COUNT and w.isalpha())


# Endings of chemistry, medicine and biology terms, which stay in lower case when no
# dictionary knows them ("diacetyl", "hydroxide", "nephritis", "lipase").
_TERM_ENDING_RE = re.compile(r"(?:yl|ide|ase|ene|itis|osis|emia|aemia|ectomy|otomy|ology|"
                             r"phyte|cyte|plasm|amide|azole|mycin|cillin|hyde|graphy|scopy"
                             r"|metry|therapy|iatry|pathy|plasty|lysis|vagal|genic)$")


# Two letters that begin an English syllable, or a name's from many languages ("zhou",
# "kwame", "tsai"); and two that end one. A short word beginning or ending otherwise is letters.
_ONSETS = frozenset("bl br ch cl cr dr dw fl fr gl gr gn kl kn kr ph pl pr ps sc sh sk sl sm sn"
                    " sp st sw th tr tw wh wr qu sq zh ts tz ng mb nd nk kw dz pf gw hw ny bj dj"
                    " kh gh xh sr vl lv mz nj".split())
_CODAS = frozenset("ck ng nk nt nd st sk sp ft lt ld lk lp lf lm ln rn rt rd rk rm rp rb rl rs ps"
                   " ts ks ch sh th gh mp ct pt xt ms ns ls ll ss ff zz rc nc lb rg rf mb rv lv"
                   " nx nz ds gs bs rh wn wl ws wk wd lc nn tt dd mm rr dt tz rz hl hn kh ph mn"
                   " gn bt lz sz cz nj cs kt".split())


def _acronym_shape(word: str) -> bool:
    """A word of three or four letters that no English syllable begins or ends so: "abg",
    "ucsf", "icd" (a consonant pair), "aarc" (a doubled vowel first): letters said one by one,
    spelled in capitals."""
    if not 3 <= len(word) <= 4 or not word.isalpha():
        return False
    if word[0] == word[1] and word[0] in "aeiu":
        return True

    def consonants(pair: str) -> bool:
        return not set(pair) & _VOWELS
    return consonants(word[:2]) and word[:2] not in _ONSETS \
        or consonants(word[-2:]) and word[-2:] not in _CODAS


# Pieces that tools' names spell their own way: "arcpy" -> "ArcPy", "duckdb" -> "DuckDB".
_AFFIXES = (("py", "Py"), ("db", "DB"), ("ql", "QL"), ("ops", "Ops"), ("hub", "Hub"))


# Fields that "ops" and "hub" join to ("DevOps", "RevOps", "GitHub"), when they have vowels.
_OPS_FIELDS = frozenset("dev rev data fin sec git chat cloud net biz sales market care people "
                        "design doc docs ai game edu".split())


def _affixed_name(word: str, spelled: Mapping[str, str]) -> str | None:
    """A tool's name made of a word and a piece the field spells its own way ("arcpy" ->
    "ArcPy", "pyqgis" -> "PyQGIS" when the notes spell "QGIS", "graphql" -> "GraphQL"), else
    None."""
    for piece, form in _AFFIXES:
        for rest, before in ((word[:-len(piece)], False), (word[len(piece):], True)):
            if not word.startswith(piece) if before else not word.endswith(piece):
                continue
            if len(rest) < 2 or before and piece != "py":
                continue
            if piece in ("ops", "hub") and set(rest) & _VOWELS and rest not in _OPS_FIELDS:
                continue  # "kamloops", "dubhub": a place or a name, not "DevOps"
            if rest in spelled:
                rest = spelled[rest]
            elif not set(rest) & _VOWELS:
                rest = rest.upper()  # "mlops" -> "MLOps"
            else:
                rest = rest.capitalize()
            return form + rest if before else rest + form
    return None


_TOOL_BEFORE = frozenset("use uses using used via into switched migrated moving migrating".split())
_TOOL_AFTER = frozenset("cloud online platform software app suite crm erp emr ehr".split())
_AFTER_A_PLACE = frozenset("by in on at for with from next this last soon before after and or"
                           " until".split())


def _language(word: str) -> bool:
    """"english", "mandarin", "polish" after "speaks": a language, which takes a capital (a
    word the dictionary knows only capitalised, or one that is also a common word)."""
    return word in ("mandarin", "cantonese", "polish", "turkish", "english", "french", "spanish",
                    "german", "italian", "dutch", "greek") or not _known(word) and any(
        d.check(word.capitalize()) for d in _dictionaries())


def capitalise_unknown(text: str, keep: Iterable[str] = (),
                       spelled: Mapping[str, str] | None = None) -> str:
    """Lower-case words no dictionary knows are names the notes typed in a hurry: "braga" ->
    "Braga", "jupytext" -> "Jupytext"; a short one without vowels, or one no English syllable
    begins or ends so, is an acronym ("csv" -> "CSV", "abg" -> "ABG"). `spelled` maps a lower
    case word to the notes' own spelling ("qgis": "QGIS", for "pyqgis" -> "PyQGIS"). Without a
    dictionary nothing is changed."""
    if not _dictionaries():
        return text
    spelled = spelled or {}
    kept = {k.lower() for k in keep} | set(name_table())

    def capital(match: re.Match[str]) -> str:
        word = match.group(1)
        if not word.islower() or "'" in word or _known(word) or word in kept:
            return word
        if not word.isascii():  # "gdańsk", "łódź": a letter English lacks, in a name
            return word[:1].upper() + word[1:] if len(word) >= 3 else word
        if len(word) >= 3 and any(d.check(word.capitalize()) for d in _dictionaries()):
            return word.capitalize()  # "colombia", "tuesday": the dictionary's own capitals
        if len(word) <= 6 and any(d.check(word.upper()) for d in _dictionaries()):
            return word.upper()  # "osha", "ucla": the dictionary's own acronyms
        if _acronym_shape(word):
            return word.upper()  # "abg", "aarc", "ucsf": letters, not a word
        affixed = _affixed_name(word, spelled)
        if affixed:
            return affixed  # "arcpy", "pyqgis", "duckdb": spelled as such tools are
        before = text[:match.start()].split()[-1:] or [""]
        after = text[match.end():].split()[:1] or [""]
        if before[0].lower() in ("a", "an", "every", "each", "per") and not after[0][:1].isupper():
            return word  # "a waitlist of 80": a common noun the dictionary lacks, not a name
        place = before[0].lower() in ("at", "in", "from", "near") \
            or before[0].lower() == "to" and (not after[0][:1].islower() or after[0].lower()
                                              in _AFTER_A_PLACE) \
            or after[0][:1].isupper() and not after[0].isupper()  # "rollout Q3": no name
        # ("moved to braga", but "wants dispatch to upsell roadside": a verb)
        # "they use towbook", "caseware cloud": a tool, named as its maker spells it
        tool = before[0].lower() in _TOOL_BEFORE or after[0].lower().strip(".,;") in _TOOL_AFTER
        if _compound(word) and not place and not (tool and _two_words(word)):
            return word  # "signup", "cutover": words, not names; "at ninewells": a place
        if _TERM_ENDING_RE.search(word) and not place:
            return word  # "diacetyl", "acetaldehyde", "gastritis": terms, not names
        if len(word) >= 4 and set(word) & _VOWELS:
            return word[:1].upper() + word[1:]
        if 2 <= len(word) <= 4 and not set(word) & _VOWELS:
            return word.upper()
        return word

    text = _WORD_RE.sub(capital, text)
    # "pdms-2", "mmpi-3": a test's letters and its edition
    text = re.sub(r"\b([a-z]{2,5})-(\d{1,2})\b", lambda m: f"{m[1].upper()}-{m[2]}"
                  if _acronym_shape(m[1]) or not set(m[1]) & _VOWELS else m[0], text)
    # "the bloom foundation grant": a funder's name, whatever its words
    text = re.sub(r"\b([a-z]{3,})\s+foundation(?=\s+(?:grant|award|fund|funding|fellowship"
                  r"|scholarship|renewal)s?\b)",
                  lambda m: m[0] if m[1] in kept or m[1] in ("the", "our", "their", "his", "her",
                                                            "your", "new", "big")
                  else f"{m[1].capitalize()} Foundation", text)
    # "the alameda county fair": a county named by a word no dictionary knows is a place
    text = re.sub(r"\b([a-z]{3,})\s+(county|parish|borough)\b",
                  lambda m: f"{m[1].capitalize()} {m[2].capitalize()}"
                  if not _known(m[1]) and m[1] not in kept else m[0], text)
    # "Lima-cusco": the second of two places joined by a hyphen is a name too
    text = re.sub(r"\b([A-Z][a-z]+)-([a-z]{3,})\b", lambda m: f"{m[1]}-{m[2].capitalize()}"
                  if not _known(m[2]) and m[2] not in kept else m[0], text)
    # "speaks mandarin and cantonese": a language, spelled as the dictionary spells it
    text = re.sub(r"\b(speaks?|spoke|fluent\s+in|speaking)\s+([a-z]+)(?:\s+(and|or)\s+([a-z]+))?",
                  lambda m: m[1] + " " + " ".join(w.capitalize() if _language(w) else w
                                                  for w in (m[2], m[3] or "", m[4] or "") if w),
                  text)
    # "from québec", "in montréal": a place the dictionary lacks, typed with its accents
    return re.sub(r"\b(from|in|at|to|near)\s+([a-zà-ÿ]*[à-ÿ][a-zà-ÿ]*)\b",
                  lambda m: f"{m[1]} {m[2].capitalize()}" if not _known(m[2]) else m[0], text)


def normalise_line(line: str, names: dict[str, str], protected: Iterable[str] = ()) -> str:
    """One note line with shorthand written out, names spelled, sure typos mended and the
    words no dictionary knows spelled as names."""
    text = mend_typos(spell_names(expand_shorthand(line), names), [*protected, *names])
    return spell_editions(spell_particles(capitalise_unknown(text, names, names)))
