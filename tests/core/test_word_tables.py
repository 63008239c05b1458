"""The packed word tables answer exactly as the plain dicts they replace, for every word."""

from __future__ import annotations

import gzip
import random
import tracemalloc

import pytest

from followup.core import word_forms
from followup.core.packed_rows import PackedRows


@pytest.fixture(scope="module")
def plain_tables():
    """The tables as dicts, built the way word_forms built them before they were packed."""
    folder = word_forms._resources()

    def rows(name):
        with gzip.open(folder / name) as packed:
            for row in packed.read().decode("utf-8").splitlines():
                word, category, *forms = row.split(",")
                yield word, category, forms

    lemmas: dict = {}
    for word, category, forms in rows("lemma_lu.csv.gz"):
        upos = "AUX" if category == "modal" else category.upper()
        lemmas.setdefault(word, {})[upos] = tuple(forms[0].split("/"))
    for word, upos, lemma in word_forms._override_rows(folder / "lemma_overrides.csv"):
        lemmas.setdefault(word, {})[upos] = (lemma,)
    verbs: dict = {}
    for word, category, forms in rows("infl_lu.csv.gz"):
        if category == "verb":
            found = {"VB": (word,), "VBP": (word,)}
            for tag, spellings in zip(("VBD", "VBN", "VBG", "VBZ"), forms, strict=False):
                if spellings:
                    found[tag] = tuple(spellings.split("/"))
            verbs.setdefault(word, {}).update(found)
    for word, tag, form in word_forms._override_rows(folder / "infl_overrides.csv"):
        if tag.startswith("VB"):
            verbs.setdefault(word, {})[tag] = (form,)
    verbs["be"] = {"VB": ("be",), "VBP": ("am", "are"), "VBD": ("was", "were"),
                   "VBN": ("been",), "VBG": ("being",), "VBZ": ("is",)}
    return lemmas, verbs


def test_every_word_has_the_same_classes_and_every_verb_the_same_forms(plain_tables):
    lemmas, verbs = plain_tables
    assert len(word_forms._tables()[0]) == len(lemmas) > 60_000
    for word in list(lemmas) + ["", "qzxv", "Running", "RUNS"]:
        assert word_forms.word_classes(word) == lemmas.get(word.lower(), {}), word
        assert list(word_forms.word_classes(word)) == list(lemmas.get(word.lower(), {})), word
    for lemma in list(verbs) + ["qzxv", "Show", "BE"]:
        assert word_forms.inflections(lemma) == verbs.get(lemma.lower(), {}), lemma
        assert list(word_forms.inflections(lemma)) == list(verbs.get(lemma.lower(), {})), lemma


def test_the_tables_take_a_few_mb():
    word_forms._tables.cache_clear()
    tracemalloc.start()
    try:
        word_forms.warm_up()
        size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size < 8 * 2**20 and peak < 10 * 2**20, (size / 2**20, peak / 2**20)  # dicts: 40 MB


def test_packed_rows_keep_each_keys_rows_in_order():
    rows = PackedRows()
    rng = random.Random(7)
    expected: dict[str, list[str]] = {}
    for n in range(20_000):
        key = f"k{rng.randrange(3000)}" if n % 7 else rng.choice(["é", "日本", "K1", ""])
        row = f"row {n},ü"
        rows.add(key, row)
        expected.setdefault(key, []).append(row)
    assert len(rows) == len(expected)
    assert all(rows.get(key) == found for key, found in expected.items())
    assert rows.get("k3000") == [] and "k3000" not in rows and "K1" in rows
