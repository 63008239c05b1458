"""What the checklist says: one result per rule, how much each rule matters, and in what order.

The severities follow the career guides: what a guide says a note "must address" is required,
its optional points are optional, everything else is recommended. An unfilled gap ("[Job
Title]") is required too: a note sent with one is not finished.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

REQUIRED, RECOMMENDED, OPTIONAL = "required", "recommended", "optional"
SEVERITY_ORDER: tuple[str, ...] = (REQUIRED, RECOMMENDED, OPTIONAL)


@dataclass(frozen=True)
class Span:
    """Characters `start` to `end` (exclusive) of the draft's `field`, "body" or "subject"."""

    start: int
    end: int
    field: str


@dataclass(frozen=True)
class RuleResult:
    """One rule's verdict: `message` is one line saying what to do (or what is good)."""

    id: str
    passed: bool
    severity: str
    message: str
    spans: tuple[Span, ...] = ()
    # The figures behind the verdict, for a front end to show as they are: for `individual`,
    # each other draft's recipient and how alike the two drafts are (0 to 1), closest first.
    measures: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class CheckContext:
    """What is known beside the draft. `sender_phone` also tells the phone rule the region."""

    company: str | None = None
    recipient: str | None = None
    sender_name: str | None = None
    sender_phone: str | None = None
    notes: str | None = None
    other_drafts: tuple[str, ...] = ()
    other_recipients: tuple[str, ...] = ()  # whom each of `other_drafts` is to, in its order
    user_words: frozenset[str] = frozenset()
    known_terms: frozenset[str] = frozenset()
    unread_phrased: tuple[str, ...] = ()  # sentences drafting wrote that the user has not read
    organiser: bool = False  # the recipient coordinated the meeting (a scheduler, an assistant)
    role: str | None = None  # the role applied for: its words ("Ski Patroller") are no slips


SEVERITIES = {
    "thanks": REQUIRED, "specifics": REQUIRED, "contribution": REQUIRED,
    "company_named": REQUIRED, "interest": REQUIRED, "phone_in_closing": REQUIRED,
    "placeholders": REQUIRED, "read": REQUIRED,
    "generic_reference": RECOMMENDED, "subject": RECOMMENDED, "next_steps": RECOMMENDED,
    "spelling": RECOMMENDED, "concise": RECOMMENDED, "paragraphs": RECOMMENDED,
    "greeting": RECOMMENDED, "individual": RECOMMENDED,
    "link": OPTIONAL, "redeem": OPTIONAL,
}
RULE_IDS: tuple[str, ...] = tuple(SEVERITIES)

# Rules about something missing that belongs near the end of a note: a click on one of them,
# failed and with nothing to highlight, puts the cursor at the end of the body.
_WRITTEN_AT_THE_END = frozenset({"phone_in_closing", "interest", "contribution", "link"})


def result(rule: str, passed: bool, message: str, spans: Iterable[Span] = (),
           measures: Iterable[tuple[str, float]] = ()) -> RuleResult:
    return RuleResult(rule, passed, SEVERITIES[rule], message, tuple(spans), tuple(measures))


def severity_rank(severity: str) -> int:
    """0 for required, 1 for recommended, 2 for optional: the order to show results in."""
    return SEVERITY_ORDER.index(severity)


def display_order(results: Iterable[RuleResult]) -> list[RuleResult]:
    """Results by severity, failures first within each severity (a stable sort)."""
    return sorted(results, key=lambda r: (severity_rank(r.severity), r.passed))


def missing_goes_at_end(rule_id: str) -> bool:
    """Whether text a failed rule asks for is written at the end of the body (True) or at its
    start (False): the phone, the interest, the contribution and a link close a note."""
    return rule_id in _WRITTEN_AT_THE_END


def failing_required(results: Iterable[RuleResult]) -> list[RuleResult]:
    """The results of required rules that did not pass (an unfilled gap is one of them)."""
    return [r for r in results if r.severity == REQUIRED and not r.passed]
