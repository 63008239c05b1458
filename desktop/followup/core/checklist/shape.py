"""The `concise` and `paragraphs` rules: a note read in a minute, in short paragraphs."""

from __future__ import annotations

import re

from followup.core.checklist.reading import Draft, body_spans, words
from followup.core.checklist.results import RuleResult, result

SENTENCE_WORDS = 35  # "concise": longest sentence
PARAGRAPH_WORDS = 80  # "concise" and "paragraphs": longest paragraph
NOTE_WORDS = 200  # "concise": whole body; the guide says "well under 250"
SINGLE_BLOCK_WORDS = 60  # "paragraphs": a one-paragraph note longer than this is a block


def rule_concise(d: Draft) -> RuleResult:
    """Fails over 200 words in all, 80 in a paragraph or 35 in a sentence.

    Passes: a 150-word note in four short paragraphs. Fails: the guides' wordy note whose
    paragraph runs past 80 words ("unnecessarily wordy").
    """
    # A gap or a prompt ("[say what stayed with you about: ...]") is the user's to replace:
    # its words are not the note's length.
    text = re.sub(r"\[[^\[\]\n]*\]", lambda m: " " * len(m.group()), d.text)
    total = len(words(text))
    long_sentences = [(s, e) for s, e in d.sentences if len(words(text[s:e])) > SENTENCE_WORDS]
    long_paragraphs = [(s, e) for s, e in d.paragraphs
                       if len(words(text[s:e])) > PARAGRAPH_WORDS]
    if total > NOTE_WORDS:
        return result("concise", False, f"Cut it down: {total} words; aim for under "
                      f"{NOTE_WORDS}, a note read in a minute.", body_spans(long_paragraphs))
    if long_paragraphs:
        return result("concise", False, f"Shorten the paragraph of more than {PARAGRAPH_WORDS} "
                      "words.", body_spans(long_paragraphs))
    if long_sentences:
        return result("concise", False, f"Split the sentence of more than {SENTENCE_WORDS} "
                      "words.", body_spans(long_sentences))
    return result("concise", True, f"Short enough to read in a minute ({total} words).")


def rule_paragraphs(d: Draft) -> RuleResult:
    """Fails on one block of more than 60 words, or any paragraph of more than 80.

    Passes: thanks, what you discussed, what you bring and your interest as short paragraphs.
    Fails: all of it in one block ("should be broken up into smaller paragraphs").
    """
    sizes = [(s, e, len(words(d.text[s:e]))) for s, e in d.paragraphs]
    if len(sizes) == 1 and sizes[0][2] > SINGLE_BLOCK_WORDS:
        return result("paragraphs", False, "Break the note into short paragraphs (thanks, what "
                      "you discussed, what you bring, your interest).",
                      body_spans([sizes[0][:2]]))
    blocks = [(s, e) for s, e, n in sizes if n > PARAGRAPH_WORDS]
    if blocks:
        return result("paragraphs", False, "Break up the long paragraph.", body_spans(blocks))
    return result("paragraphs", True, "Broken into short paragraphs.")
