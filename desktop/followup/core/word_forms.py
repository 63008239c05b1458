"""English word forms for note lines: which words can be verbs, and in which form.

The verb forms and parts of speech are lemminflect's (`getAllLemmas`, `getAllInflections`;
nothing is downloaded at run time); the small word lists here settle what the tables cannot:
"team" is not a verb in a note, "onboarding" is a noun. Used by `phrasing` and `own_lines`.

Its answers for every word it knows are written at packaging time (`./dev`, the frozen build:
`python -m followup.core.word_forms PATH`) into a marisa-trie file, `resources/word_forms.marisa`
(about 2 MB, mapped read-only), because lemminflect itself holds its tables as Python dicts
(51 MB) and imports numpy (16 MB) for guessing models drafting never uses. Without the file
(a checkout not yet set up) lemminflect is asked directly: the same answers
(tests/core/test_phrasing.py), at that memory cost.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

import marisa_trie

from followup.paths import resources_dir

LOOKUP_FILE = "word_forms.marisa"
_CLASSES, _FORMS = "L:", "I:"  # key prefixes: a word's parts of speech, a verb's forms


def warm_up() -> None:
    """Open the word forms now (a few ms from the file; about 0.3 s through lemminflect), e.g.
    from a worker thread at start-up, so that the first draft does not wait for them."""
    word_classes("runs")
    inflections("run")


_BE = {"VB": ("be",), "VBP": ("am", "are"), "VBD": ("was", "were"),  # an auxiliary: not in
       "VBN": ("been",), "VBG": ("being",), "VBZ": ("is",)}  # the verb tables


@lru_cache(maxsize=1)
def _lookup() -> marisa_trie.BytesTrie | None:
    """The packaged answers, mapped; None when the file is not there."""
    path = resources_dir() / LOOKUP_FILE
    if not path.is_file():
        return None
    trie = marisa_trie.BytesTrie()
    trie.mmap(str(path))
    return trie


def _answer(key: str) -> dict[str, tuple[str, ...]]:
    values = _lookup().get(key)  # type: ignore[union-attr]
    if not values:
        return {}
    return {tag: tuple(words) for tag, words in json.loads(values[0]).items()}


@lru_cache(maxsize=4096)
def word_classes(word: str) -> dict[str, tuple[str, ...]]:
    """The parts of speech `word` can be, each with its lemmas: `runs` -> NOUN run, VERB run.
    Empty for a word the tables lack (no guessing: lemminflect's guesses need its models)."""
    word = word.lower()
    if _lookup() is not None:
        return _answer(_CLASSES + word)
    return _lemminflect_classes(word)


@lru_cache(maxsize=4096)
def inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    """The forms of the verb `lemma` by Penn tag: `show` -> VBD showed, VBG showing, ..."""
    lemma = lemma.lower()
    if lemma == "be":
        return _BE
    if _lookup() is not None:
        return _answer(_FORMS + lemma)
    return _lemminflect_forms(lemma)


def _lemminflect_classes(word: str) -> dict[str, tuple[str, ...]]:
    import lemminflect  # only without the packaged file: 67 MB with numpy and its tables

    return dict(lemminflect.getAllLemmas(word))


def _lemminflect_forms(lemma: str) -> dict[str, tuple[str, ...]]:
    import lemminflect  # see _lemminflect_classes

    return dict(lemminflect.getAllInflections(lemma, upos="VERB"))


def build_lookup(path: Path) -> int:
    """Write lemminflect's answer for every word of its tables to the marisa-trie file `path`
    (written whole: a temporary file renamed over it); returns how many keys it holds."""
    import gzip

    import lemminflect

    from followup.core.atomic_files import write_atomically

    folder = Path(lemminflect.__file__).parent / "resources"
    words, lemmas = set(), set()
    for name, found in (("lemma_lu.csv.gz", words), ("infl_lu.csv.gz", lemmas)):
        with gzip.open(folder / name, "rt", encoding="utf-8") as rows:
            found.update(row.split(",", 1)[0].lower() for row in rows)
    for name, found in (("lemma_overrides.csv", words), ("infl_overrides.csv", lemmas)):
        with open(folder / name, encoding="utf-8") as rows:
            found.update(row.split(",", 1)[0].strip().lower() for row in rows
                         if "," in row and not row.startswith("#"))
    entries = [(_CLASSES + w, _lemminflect_classes(w)) for w in sorted(words)]
    # Forms of every word that can be asked: the tables' lemmas, every word's lemmas (modals
    # such as "shall" come from lemminflect's own lists) and the words themselves.
    lemmas |= words | {lemma.lower() for _key, found in entries
                       for group in found.values() for lemma in group}
    entries += [(_FORMS + w, _lemminflect_forms(w)) for w in sorted(lemmas)]
    trie = marisa_trie.BytesTrie((key, json.dumps(value, separators=(",", ":")).encode())
                                 for key, value in entries if value)
    write_atomically(path, trie.tobytes())
    return len(trie)


def plain(word: str) -> str:
    return word.lower().strip("()\"'.,:;!?")


NOT_VERBS = frozenset("""
    team office mission culture stack roadmap product platform customers users codebase process
    org company plans architecture pipeline pipelines data quality design pair round review
    reviews tests test work docs study group support ops on-call release releases
    lots lot days weeks months years hours minutes
""".split())
PLURALS = frozenset("people children men women folks staff devs engineers data".split())
NOT_GERUND = frozenset("""
    billing building ceiling consulting engineering evening funding king logging marketing
    meeting morning nothing onboarding pricing ring something spring string thing ticketing
    tooling training wedding everything anything accounting networking computing streaming
    sharding caching hashing batching testing debugging scheduling routing lending banking
    hiring housing
""".split())
MODALS = frozenset("can could will would should might must may".split())
BE_FORMS = {"is": "are", "was": "were", "has": "have", "does": "do", "'s": "'re"}
DETERMINERS = frozenset("""
    a an the this that these those my your his her its our their some any no every each all
    both many few several lots
""".split())
PREPOSITIONS = frozenset("""
    to from in on at for with about into onto over by up out back off down away around through
    as like than of per via across after before during since until without within between
    among against behind under above beyond
""".split())
ADJECTIVE_STARTS = frozenset("""
    based interested excited located focused involved married keen passionate proud curious
    obsessed
""".split())


def verb_form(word: str) -> str | None:
    """`VBZ`, `VBD`, `VBG` or `VB` when `word` can be that form of a verb, else None."""
    bare = plain(word)
    if bare in MODALS:
        return "MD"
    if bare in ("is", "was", "has", "does", "are", "were", "had", "did"):
        return "VBZ" if bare in BE_FORMS else "VBD" if bare in ("was", "were", "had", "did") \
            else "VB"
    head, _dash, last = bare.rpartition("-")
    if head.isalpha() and last.isalpha() and not word_classes(bare):
        # "fly-fishes", "cross-trains": a compound verb, told by its last part; only its
        # "-s" form, as "low-cost" or "well-known" are no verbs
        return "VBZ" if verb_form(last) == "VBZ" and not last.endswith("ss") else None
    lemmas = word_classes(bare).get("VERB")
    if not lemmas or not bare.isalpha():
        return None
    forms = inflections(lemmas[0])
    for tag in ("VBZ", "VBD", "VBN", "VBG", "VB"):
        if bare in forms.get(tag, ()):
            return "VBD" if tag == "VBN" else tag
    return None


def verb_base(word: str) -> str:
    """The base form: `runs` -> `run`, `was` -> `be`."""
    bare = plain(word)
    if bare in ("is", "was", "are", "were"):
        return "be"
    lemmas = word_classes(bare).get("VERB") or word_classes(bare).get("AUX")
    head, _dash, last = bare.rpartition("-")
    if not lemmas and head.isalpha() and last.isalpha():
        return f"{head}-{verb_base(last)}"  # "fly-fishes" -> "fly-fish"
    return lemmas[0] if lemmas else bare


def past_of(word: str) -> str:
    """`learn` -> `learned`, `run` -> `ran`; the word itself when its forms are unknown."""
    forms = inflections(verb_base(word)).get("VBD")
    return forms[0] if forms else word


def gerund_of(word: str) -> str:
    """`showed` -> `showing`."""
    forms = inflections(verb_base(word)).get("VBG")
    return forms[0] if forms else word


def is_noun(word: str) -> bool:
    return "NOUN" in word_classes(plain(word)) or plain(word) in NOT_VERBS


def starts_verb(words: list[str]) -> str | None:
    """The verb form of a line's first word when the line starts with a verb about someone."""
    first = plain(words[0])
    if first in NOT_VERBS or first in DETERMINERS or not words[0][:1].islower():
        return None
    form = verb_form(first)
    rest = [plain(w) for w in words[1:]]
    skipped = False
    while len(rest) > 1 and rest[0] in ADVERBS_BEFORE_VERB:
        rest, skipped = rest[1:], True  # "interns still tag video": the verb after decides
    after = rest[0] if rest else ""
    if form == "VBZ" and is_noun(first) and skipped and verb_form(after) in ("VB", "VBZ"):
        return None
    if form in ("VB", "VBZ") and is_noun(first) and (verb_then_its_adjunct(rest) or (
            len(rest) > 1 and rest[0].endswith("s") and is_noun(rest[0])
            and verb_form(rest[1]) == "VB" and rest[1] not in _MASS_NOUNS)):
        return None  # "turns take about 14 days", "fuels crews track piles": a subject
    if first in NOT_GERUND and after in DETERMINERS:
        return "VBG"  # "building a new stack", "testing a new tool"
    if form == "VBG" and (first in NOT_GERUND or len(words) > 1 and _verb_after(words[1:2])):
        return None  # "onboarding is slow": a subject, not "you're onboarding"
    if form == "VBZ" and is_noun(first) and after and verb_form(after) in ("VB", "VBZ") \
            and not is_noun(after):
        return None  # "engineers own their services": a plural subject
    if form == "VB" and is_noun(first) and not (after == "to" and len(rest) > 1
                                                 and verb_form(rest[1]) == "VB"):
        return None  # "interest in green computing": notes say "runs", so a bare "run" is a noun
    return form


ADVERBS_BEFORE_VERB = frozenset("still also already often usually always never mostly just "
                                  "all both really mainly".split())


_MASS_NOUNS = frozenset("""
    staff data work support content equipment people stock inventory training software
    feedback research time money food water help advice freight cargo
""".split())
_ADJUNCT_STARTS = frozenset("""
    about around at on in by every each up down over under from after before until within
""".split())


def verb_then_its_adjunct(rest: list[str]) -> bool:
    """Whether `rest` (after a first word that may be a noun) starts with a bare verb and then
    a time, place or amount: "take about 14 days", "leave at 4:30am"."""
    if len(rest) < 2 or rest[0] in _MASS_NOUNS or rest[0].endswith("s") \
            and not rest[0].endswith("ss"):
        return False
    return verb_form(rest[0]) == "VB" and (rest[1] in _ADJUNCT_STARTS or rest[1][:1].isdigit())


def _verb_after(words: list[str]) -> bool:
    for word in words:
        form = verb_form(word)
        if form in ("VBZ", "VBD", "MD") or plain(word) in ("are", "were", "is", "was"):
            return True
    return False


def is_base(word: str) -> bool:
    return plain(word) in inflections(verb_base(word)).get("VB", ())


def is_adjective(word: str) -> bool:
    lemmas = word_classes(plain(word))
    if not lemmas:  # not in the tables: judge by the ending ("reversible", "serverless")
        return plain(word).endswith(("ible", "able", "ful", "ous", "ive", "less", "ic", "al"))
    return "ADJ" in lemmas and "VERB" not in lemmas


if __name__ == "__main__":  # packaging: python -m followup.core.word_forms PATH
    print(f"{build_lookup(Path(sys.argv[1]))} word forms written to {sys.argv[1]}")
