"""The `individual`, `link` and `redeem` rules: one note per person, and the optional extras."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from followup.core.checklist.reading import (
    STRAIGHTEN,
    Draft,
    body_spans,
    fold,
    point_spans,
    shorten,
    words,
)
from followup.core.checklist.results import RuleResult, result
from followup.core.own_lines import asked_lines, question_to_revisit, question_topic

INDIVIDUAL_THRESHOLD = 0.75  # similarity() at or above this: a near-copy of another draft


@lru_cache(maxsize=256)
def _comparable_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in words(text.translate(STRAIGHTEN)))


def similarity(a: str, b: str) -> float:
    """How much of two drafts is the same wording, word by word: 0 unrelated, 1 identical."""
    words_a, words_b = _comparable_words(a), _comparable_words(b)
    if not words_a or not words_b:
        return 0.0
    return difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


def rule_individual(d: Draft) -> RuleResult:
    """Fails when another draft of the meeting is INDIVIDUAL_THRESHOLD alike or more; its
    `measures` say how alike each other draft is, by recipient, closest first.

    Passes: two notes that share a thank-you and a sign-off but discuss different things. Fails:
    a copy with only the name changed. Source: "email each interviewer individually".
    """
    names = d.context.other_recipients
    measures = sorted(((names[i] if i < len(names) else "", similarity(d.body, other))
                       for i, other in enumerate(d.context.other_drafts) if other.strip()),
                      key=lambda measure: -measure[1])
    if not measures:
        return result("individual", True, "No other drafts of this meeting to compare with.")
    name, closest = measures[0]
    if closest >= INDIVIDUAL_THRESHOLD:
        whose = f"{name}'s draft" if name else "another draft of this meeting"
        return result("individual", False, f"{closest:.0%} the same as {whose}: write to "
                      f"{d.first_name} about what you two discussed.", measures=measures)
    return result("individual", True, "Different from the other drafts of this meeting.",
                  measures=measures)


_LINK_RE = re.compile(r"https?://[^\s<>()\"']+|\bwww\.[^\s<>()\"']+"
                      r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|dev|org|net|blog|me|co|app)/[^\s<>()]*")
_PROFILE_LINK_RE = re.compile(r"linkedin\.com/in/|mailto:|calendly\.com", re.IGNORECASE)


def _on_site_of(link: str, company: str) -> bool:
    """Whether `link` is on the company's own site ("https://acme.com/careers" for Acme)."""
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", link.lower()).split("/")[0]
    return len(company) >= 3 and company in re.sub(r"[^a-z0-9]", "", host)


def rule_link(d: Draft) -> RuleResult:
    """Passes on a link to the writer's own work.

    Passes: "https://sam.dev/posts/kafka-replay". Fails: no link, a LinkedIn profile, mailto:,
    Calendly, the company's own site. Optional in the guides.
    """
    company = re.sub(r"[^a-z0-9]", "", fold(d.context.company or ""))
    links = [(m.start(), m.end()) for m in _LINK_RE.finditer(d.text)
             if not _PROFILE_LINK_RE.search(m.group()) and not _on_site_of(m.group(), company)]
    if links:
        return result("link", True, "Links to something you wrote.", body_spans(links))
    return result("link", False, "Optionally, link a blog post or project of yours tied to the "
                  "conversation.")


def _said(d: Draft, topic: str) -> list[tuple[int, int]]:
    """Where the question's topic stands whole in the body ("a time I lost a deal": words too
    everyday for the point words, but the question itself)."""
    at = d.body.lower().find(topic.lower())
    return [(at, at + len(topic))] if at >= 0 else []


def rule_redeem(d: Draft) -> RuleResult:
    """Passes when the `?` line drafting revisits (`own_lines.question_to_revisit`: the one
    whose answer went wrong, else one with no account of the answer) is recognisably revisited,
    or when no question needs it.

    Passes (notes "? how I'd shard the events table"): "About sharding the events table: by
    robot id…". Fails: the question not taken up. Optional in the guides.
    """
    # The question as drafting retells it ("tell me about a time I lost a deal" is "a time I
    # lost a deal"); a question of logistics ("my availability for Saturdays") is not revisited
    line = question_to_revisit(asked_lines(d.note_points))
    questions = [(line, question_topic(line) or "")] if line else []
    if not questions:
        return result("redeem", True, "No ? question in your notes to revisit: none went "
                      "wrong or was left without an answer.")
    found = {q: point_spans(d, q) or point_spans(d, topic) or _said(d, topic)
             for q, topic in questions}
    missing = [q for q, spans in found.items() if not spans]
    if missing:
        return result("redeem", False, "Optionally, revisit the question you would answer "
                      f'better now: "{shorten(missing[0])}".')
    spans = [s for q_spans in found.values() for s in q_spans]
    return result("redeem", True, "Revisits the questions from your notes.", body_spans(spans))
