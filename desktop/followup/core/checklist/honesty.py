"""`read`: every sentence Followup wrote from the notes has been read or edited by the user.

Drafting turns hurried notes into sentences, and a sentence can read well to a rule and still
say something the user never meant. Until the user has read each one (a click in it in the
draft pane, or "I've read them all") or changed it, the note is not theirs yet. The store
says which sentences those are (`CheckContext.unread_phrased`); without that knowledge (a
note typed by hand, `check_draft` called alone) the rule passes.
Source: issue "Drafts a reader would send" (honest about what it wrote).
"""

from __future__ import annotations

from followup.core.checklist.reading import Draft
from followup.core.checklist.results import RuleResult, Span, result


def rule_read(draft: Draft) -> RuleResult:
    """Passes when no sentence phrased from the notes is still in the body unread."""
    spans = []
    for sentence in draft.context.unread_phrased:
        at = draft.body.find(sentence)
        if at >= 0:
            spans.append(Span(at, at + len(sentence), "body"))
    if not spans:
        return result("read", True, "You have read every sentence written from your notes.")
    n = len(spans)
    which = "sentence" if n == 1 else "sentences"
    return result("read", False, f"Read the {n} {which} written from your notes (marked in "
                  "the draft): change any that does not say what you meant.", spans)
