"""The follow-up checklist: one result per rule of the career guides for a draft note.

Each rule reads the draft (subject and body) and what is known about the meeting, and says
whether it passes, how much that matters (`required`, `recommended`, `optional`), what to do in
one line, and which characters the message is about. docs/checklist.md lists the rules, what
passes and what does not. The rules live by family: `gratitude` (thanks), `substance`
(specifics, contribution), `company`, `interest`, `phone`, `placeholders`, `etiquette`
(subject, greeting, next steps), `honesty` (read), `proofreading`, `shape` (length,
paragraphs) and `extras` (individual, link, redeem); `reading` reads a draft once for all of
them and `vocabulary` holds the words that name nothing in particular. Plain Python: nothing
here imports Qt or the store.
"""

from __future__ import annotations

from collections.abc import Callable

from followup.core.checklist.company import rule_company_named, rule_generic_reference
from followup.core.checklist.etiquette import rule_greeting, rule_next_steps, rule_subject
from followup.core.checklist.extras import (
    INDIVIDUAL_THRESHOLD,
    rule_individual,
    rule_link,
    rule_redeem,
    similarity,
)
from followup.core.checklist.gratitude import rule_thanks
from followup.core.checklist.honesty import rule_read
from followup.core.checklist.interest import rule_interest
from followup.core.checklist.phone import rule_phone_in_closing
from followup.core.checklist.placeholders import rule_placeholders
from followup.core.checklist.proofreading import rule_spelling
from followup.core.checklist.reading import Draft
from followup.core.checklist.results import (
    OPTIONAL,
    RECOMMENDED,
    REQUIRED,
    RULE_IDS,
    SEVERITIES,
    SEVERITY_ORDER,
    CheckContext,
    RuleResult,
    Span,
    display_order,
    failing_required,
    missing_goes_at_end,
    severity_rank,
)
from followup.core.checklist.shape import rule_concise, rule_paragraphs
from followup.core.checklist.substance import rule_contribution, rule_specifics

_RULES: dict[str, Callable[[Draft], RuleResult]] = {
    "thanks": rule_thanks, "specifics": rule_specifics, "contribution": rule_contribution,
    "company_named": rule_company_named, "interest": rule_interest,
    "phone_in_closing": rule_phone_in_closing, "placeholders": rule_placeholders,
    "read": rule_read,
    "generic_reference": rule_generic_reference, "subject": rule_subject,
    "next_steps": rule_next_steps, "spelling": rule_spelling, "concise": rule_concise,
    "paragraphs": rule_paragraphs, "greeting": rule_greeting, "individual": rule_individual,
    "link": rule_link, "redeem": rule_redeem,
}


def check_draft(subject: str | None, body: str,
                context: CheckContext = CheckContext()) -> list[RuleResult]:
    """One result per rule, in RULE_IDS order (required rules first).

    `subject` may be None (no subject line); `body` is the note as typed. Never raises on
    any text.
    """
    draft = Draft(subject, body or "", context)
    return [_RULES[rule](draft) for rule in RULE_IDS]


__all__ = [
    "INDIVIDUAL_THRESHOLD", "OPTIONAL", "RECOMMENDED", "REQUIRED", "RULE_IDS", "SEVERITIES",
    "SEVERITY_ORDER", "CheckContext", "RuleResult", "Span", "check_draft", "display_order",
    "failing_required", "missing_goes_at_end", "severity_rank", "similarity",
]
