"""The compact spelling dictionary against pyspellchecker's own: the same words, counts and
answers, in a fraction of the memory."""

from __future__ import annotations

import random
import tracemalloc

import pytest
from spellchecker import SpellChecker

from followup.core import spelling
from followup.core.word_counts import WordCounts


@pytest.fixture(scope="module")
def reference() -> SpellChecker:
    """What Followup used before: pyspellchecker's checker with the workplace words added."""
    spell = SpellChecker(language="en", distance=2)
    spell.word_frequency.load_words(spelling.WORKPLACE_WORDS)
    return spell


def reference_is_known(spell: SpellChecker, word: str) -> bool:
    word = word.replace("’", "'").lower()
    words = spell.word_frequency.dictionary
    return word in words or any(word.endswith(s) and word[: -len(s)] in words
                                for s in ("'s", "'"))


def reference_has_close_correction(spell: SpellChecker, word: str) -> bool:
    return bool(spell.known(spell.edit_distance_1(word.lower())) - {word.lower()})


def reference_suggestions(spell: SpellChecker, word: str, limit: int = 5) -> list[str]:
    candidates = spell.candidates(word.lower()) or set()
    candidates.discard(word.lower())
    ranked = sorted(candidates, key=lambda w: (-spell[w], w))[:limit]
    if word[:1].isupper():
        ranked = [w[:1].upper() + w[1:] for w in ranked]
    return ranked


def one_edit(word: str, rng: random.Random) -> str:
    """`word` with one letter dropped, added, changed or two swapped."""
    at = rng.randrange(len(word))
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    kind = rng.choice(["drop", "add", "change", "swap"])
    if kind == "drop" and len(word) > 2:
        return word[:at] + word[at + 1:]
    if kind == "swap" and at + 1 < len(word):
        return word[:at] + word[at + 1] + word[at] + word[at + 2:]
    if kind == "change":
        return word[:at] + letter + word[at + 1:]
    return word[:at] + letter + word[at:]


@pytest.fixture(scope="module")
def sample(reference) -> list[str]:
    """3,000 words: known ones (some capitalised or possessive), one-edit misspellings of known
    ones, and the odd cases (numbers, punctuation, accents, very long)."""
    rng = random.Random(18)
    words = sorted(reference.word_frequency.dictionary)
    known = rng.sample(words, 1500)
    misspelt = [one_edit(w, rng) for w in rng.sample(words, 1400) if len(w) > 1]
    # A possessive is often two edits from any word: a slow search, so only a few.
    shaped = [w.capitalize() for w in known[:50]] + [f"{w}'s" for w in known[50:55]]
    odd = ["nan", "inf", "Infinity", "1.5", "10", "'", ".", "a", "I", "café", "cafe", "naïve",
           "zyxwvutsrqponmlkjihgfedcba" * 3, "don't", "teams'", "Realy", "kubernetes"]
    return known + misspelt + shaped + odd


def test_the_words_and_counts_are_the_packages(reference):
    ours = spelling.checker().word_frequency
    theirs = reference.word_frequency
    assert len(ours) == len(theirs.dictionary) > 150_000
    assert dict(ours.items()) == dict(theirs.dictionary)
    assert ours.letters == theirs.letters
    assert ours.longest == theirs.longest_word_length


def test_is_known_and_corrections_answer_as_pyspellchecker_did(reference, sample):
    for word in sample:
        assert spelling.is_known(word) == reference_is_known(reference, word), word
        assert (spelling.has_close_correction(word)
                == reference_has_close_correction(reference, word)), word
        assert spelling.suggestions(word) == reference_suggestions(reference, word), word


@pytest.mark.parametrize("word", ["qxzqx", "bnvcx", "pgbouncer", "Zyntrx", "acomodatoin"])
def test_two_edit_suggestions_are_pyspellcheckers(reference, word):
    assert spelling.suggestions(word) == reference_suggestions(reference, word)
    assert spelling.checker().candidates(word.lower()) == reference.candidates(word.lower())


def test_misspellings_of_a_note_are_the_same(reference):
    text = ("I realy enjoyed the chat about the team's roadmap. It was definately usefull and "
            "I'd love to hear more abot the onboarding and teh kubernetes migraton.")
    found = [w for _s, _e, w in spelling.misspellings(text)]
    assert found == [w for w in ("realy", "definately", "usefull", "abot", "teh", "migraton")]
    assert all(not reference_is_known(reference, w) for w in found)


def test_loading_never_holds_the_whole_json_parsed():
    tracemalloc.start()
    try:
        dictionary = spelling.load_english()
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(dictionary.word_frequency) > 150_000
    assert peak < 16 * 2**20, f"{peak / 2**20:.1f} MB"  # json.loads alone took over 40 MB


def test_the_json_is_read_wherever_its_lines_break_and_whatever_it_escapes():
    text = (b'{"Caf\\u00e9": 3,"caf\\u00e9"\n:\n2, "say \\"hi\\"": 1,\n'
            b'"a":10 ,"\xc3\xa9t\xc3\xa9": 7}')
    counts = spelling.word_counts_from_json(text)
    assert dict(counts.items()) == {"café": 5, 'say "hi"': 1, "a": 10, "été": 7}


def test_word_counts_grow_sum_and_answer_exactly():
    counts = WordCounts()
    words = [f"w{n}x" for n in range(5000)] + ["naïve", "日本", ""]
    counts.update((w, n + 1) for n, w in enumerate(words))
    counts.add("w7x", 100)
    counts.add("w7x")
    assert len(counts) == len(words)
    assert counts["w7x"] == 8 + 101
    assert counts["naïve"] == 5001 and counts["日本"] == 5002 and "" in counts
    assert all(counts[w] == n + 1 for n, w in enumerate(words) if w != "w7x")
    absent = [f"w{n}y" for n in range(5000)] + ["naive", "日", "W7X"]
    assert not any(w in counts for w in absent)
    assert counts["absent"] == 0 and 7 not in counts
    assert counts.known(words[:10] + absent[:10]) == set(words[:10])
    assert list(counts.words()) == words
    assert counts.longest == 6 and {"ï", "日", "w", "x"} <= counts.letters


def test_word_counts_take_counts_past_32_bits_and_refuse_negative_ones():
    counts = WordCounts()
    counts.update([("a", 1), ("b", 2**32 - 1)])
    counts.add("b", 5)
    counts.add("c", 2**40)
    assert (counts["a"], counts["b"], counts["c"]) == (1, 2**32 + 4, 2**40)
    with pytest.raises(OverflowError):
        counts.add("d", -1)
    assert "d" not in counts and len(counts) == 3 and list(counts.words()) == ["a", "b", "c"]
