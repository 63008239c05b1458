"""The follow-up checklist, under the name callers have always imported it by.

The rules live in `followup.core.checklist`, one module per family; this module only re-exports
its public names (`check_draft`, `CheckContext`, `RuleResult`, `Span`, `failing_required`,
`similarity`, the severities and their order).
"""

from followup.core.checklist import (  # noqa: F401
    INDIVIDUAL_THRESHOLD,
    OPTIONAL,
    RECOMMENDED,
    REQUIRED,
    RULE_IDS,
    SEVERITIES,
    SEVERITY_ORDER,
    CheckContext,
    RuleResult,
    Span,
    check_draft,
    display_order,
    failing_required,
    missing_goes_at_end,
    severity_rank,
    similarity,
)
from followup.core.checklist.shape import (  # noqa: F401
    NOTE_WORDS,
    PARAGRAPH_WORDS,
    SENTENCE_WORDS,
    SINGLE_BLOCK_WORDS,
)
