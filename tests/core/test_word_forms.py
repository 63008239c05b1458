"""Drafting's word forms: the packaged marisa-trie file answers as lemminflect does, for every
word of its tables, and without the file lemminflect is asked directly."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import lemminflect
import pytest

from followup.core import word_forms


@pytest.fixture
def resources(tmp_path, monkeypatch):
    """An empty resources folder for the test; word_forms forgets what it had opened."""
    folder = tmp_path / "resources"
    folder.mkdir()
    monkeypatch.setenv("FOLLOWUP_RESOURCES", str(folder))
    for cached in (word_forms._lookup, word_forms.word_classes, word_forms.inflections):
        cached.cache_clear()
    yield folder
    for cached in (word_forms._lookup, word_forms.word_classes, word_forms.inflections):
        cached.cache_clear()


def every_word() -> list[str]:
    folder = Path(lemminflect.__file__).parent / "resources"
    with gzip.open(folder / "lemma_lu.csv.gz", "rt", encoding="utf-8") as rows:
        return sorted({row.split(",", 1)[0].lower() for row in rows})


def test_the_packaged_file_answers_as_lemminflect_for_every_word(resources):
    assert word_forms.build_lookup(resources / word_forms.LOOKUP_FILE) > 70_000
    assert word_forms._lookup() is not None
    for word in every_word() + ["shall", "should", "be", "xyzzy", "Runs"]:
        word_forms.word_classes.cache_clear()
        classes = word_forms.word_classes(word)
        assert classes == lemminflect.getAllLemmas(word.lower()), word
        for lemma in {lemma for group in classes.values() for lemma in group} - {"be"}:
            assert word_forms.inflections(lemma) == lemminflect.getAllInflections(
                lemma, upos="VERB"), lemma


def test_without_the_file_lemminflect_is_asked(resources):
    assert word_forms._lookup() is None
    assert word_forms.word_classes("runs") == {"NOUN": ("run",), "VERB": ("run",)}
    assert word_forms.inflections("show")["VBG"] == ("showing",)
    assert word_forms.verb_form("showed") == "VBD" and word_forms.gerund_of("showed") == "showing"


def test_drafting_with_the_file_never_imports_numpy(resources):
    path = resources / word_forms.LOOKUP_FILE
    word_forms.build_lookup(path)
    code = ("import sys; from followup.core import word_forms as w; w.warm_up(); "
            "assert w.verb_form('showed') == 'VBD'; print('numpy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={"FOLLOWUP_RESOURCES": str(resources),
                                           "PYTHONPATH": ":".join(sys.path)})
    assert done.stdout.strip() == "False"
