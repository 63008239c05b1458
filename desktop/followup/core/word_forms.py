"""English word forms for note lines: which words can be verbs, and in which form.

The verb forms and parts of speech come from the tables that the `lemminflect` package ships
(nothing is downloaded at run time); the small word lists here settle what the tables cannot:
"team" is not a verb in a note, "onboarding" is a noun. Used by `phrasing` and `own_lines`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from followup.core.packed_rows import PackedRows


def warm_up() -> None:
    """Build the word tables' file now if there is none yet (a few tenths of a second, the
    first time on a machine), e.g. from a worker thread at start-up, so that the first draft
    does not wait for the build. A file already there is left to the first draft to map and
    check (about 25 ms): a window that never drafts does not hold the tables at all, and
    checking them while the window opens would compete with the user's first keystrokes."""
    from followup.core.table_files import table_path

    try:
        if table_path("word-forms").exists():
            return
    except (OSError, RuntimeError):  # no cache folder to be found: the first draft builds
        return
    _tables()


@lru_cache(maxsize=1)
def _tables(folder: Path | None = None) -> tuple[PackedRows, PackedRows]:
    """(word -> its rows of parts of speech and lemmas, verb lemma -> its rows of forms), from
    the tables that `lemminflect` ships, packed (about 5 MB where dicts took 40); a word's rows
    become its answer in `word_classes` and `inflections`. They are read straight from its
    package folder: importing the package would also import numpy for its guessing models,
    which drafting never uses. Built once into a table file of the user's cache folder
    (`folder` in tests) and mapped from there at later starts (`core/table_files.py`).
    tests/core/test_phrasing.py checks that the answers are the package's own."""
    from followup.core.packed_rows import PackedRows
    from followup.core.table_files import file_crc, load_tables

    resources = _resources()
    sources = [resources / name for name in _SOURCES]

    def build():
        lemmas, verbs = PackedRows(80_000), PackedRows(8_000)
        for word, row in _rows(sources[0]):
            lemmas.add(word, row)
        for word, upos, lemma in _override_rows(sources[1]):
            lemmas.add(word, f"={upos},{lemma}")
        for word, row in _rows(sources[2]):
            if row.startswith("verb,"):
                verbs.add(word, row)
        for word, tag, form in _override_rows(sources[3]):
            if tag.startswith("VB"):
                verbs.add(word, f"={tag},{form}")
        sections, meta = lemmas.sections("lemmas.")
        more_sections, more_meta = verbs.sections("verbs.")
        return sections | more_sections, meta | more_meta

    def open_tables(sections, meta, read):
        return (PackedRows.from_sections(sections, meta, "lemmas.", read),
                PackedRows.from_sections(sections, meta, "verbs.", read))

    return load_tables("word-forms", file_crc(sources), build, open_tables, folder)


_SOURCES = ("lemma_lu.csv.gz", "lemma_overrides.csv", "infl_lu.csv.gz", "infl_overrides.csv")
_BE = {"VB": ("be",), "VBP": ("am", "are"), "VBD": ("was", "were"),  # an auxiliary: not in
       "VBN": ("been",), "VBG": ("being",), "VBZ": ("is",)}  # the tables


def _resources():
    """lemminflect's `resources` folder: in a frozen build, where the spec collects it as data,
    else in the installed package (found without running its `__init__`)."""
    import sys
    from importlib.util import find_spec
    from pathlib import Path

    frozen = Path(getattr(sys, "_MEIPASS", "")) / "lemminflect" / "resources"
    if getattr(sys, "frozen", False) and frozen.is_dir():
        return frozen
    spec = find_spec("lemminflect")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the lemminflect package is missing: reinstall Followup")
    return Path(next(iter(spec.submodule_search_locations))) / "resources"


def _rows(path):
    """(word, the rest of the row) of each row of a gzipped table, read a line at a time."""
    import gzip

    with gzip.open(path, "rt", encoding="utf-8", newline="") as rows:
        for row in rows:
            word, _comma, rest = row.rstrip("\r\n").partition(",")
            yield word, rest


def _override_rows(path):
    with open(path, encoding="utf-8") as rows:
        for row in rows:
            parts = row.strip().split(",")
            if len(parts) == 3 and not row.startswith("#"):
                yield parts[0], parts[1], parts[2]


@lru_cache(maxsize=4096)
def word_classes(word: str) -> dict[str, tuple[str, ...]]:
    """The parts of speech `word` can be, each with its lemmas: `runs` -> NOUN run, VERB run."""
    classes: dict[str, tuple[str, ...]] = {}
    for row in _tables()[0].get(word.lower()):
        if row.startswith("="):  # an override: one lemma
            upos, lemma = row[1:].split(",")
            classes[upos] = (lemma,)
        else:
            category, forms, *_rest = row.split(",")
            upos = "AUX" if category == "modal" else category.upper()
            classes[upos] = tuple(forms.split("/"))
    return classes


@lru_cache(maxsize=4096)
def inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    """The forms of the verb `lemma` by Penn tag: `show` -> VBD showed, VBG showing, ..."""
    lemma = lemma.lower()
    if lemma == "be":
        return _BE
    forms: dict[str, tuple[str, ...]] = {}
    for row in _tables()[1].get(lemma):
        if row.startswith("="):  # an override: one form
            tag, form = row[1:].split(",")
            forms[tag] = (form,)
            continue
        forms.update(VB=(lemma,), VBP=(lemma,))
        for tag, spellings in zip(("VBD", "VBN", "VBG", "VBZ"), row.split(",")[1:],
                                  strict=False):
            if spellings:
                forms[tag] = tuple(spellings.split("/"))
    return forms


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
    return lemmas[0] if lemmas else bare


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
    after = plain(words[1]) if len(words) > 1 else ""
    if first in NOT_GERUND and after in DETERMINERS:
        return "VBG"  # "building a new stack", "testing a new tool"
    if form == "VBG" and (first in NOT_GERUND or len(words) > 1 and _verb_after(words[1:2])):
        return None  # "onboarding is slow": a subject, not "you're onboarding"
    if form == "VBZ" and is_noun(first) and after and verb_form(after) in ("VB", "VBZ") \
            and not is_noun(after):
        return None  # "engineers own their services": a plural subject
    if form == "VB" and is_noun(first):
        return None  # "interest in green computing": notes say "runs", so a bare "run" is a noun
    return form


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
