"""The send preflight: what stands between a follow-up and the mail server, as plain data.

One policy for both front ends. The window shows the findings in its confirmation dialog and the
command line prints them and asks on a terminal; neither decides anything else. Each finding
carries its kind, so no caller matches wording. A *blocking* finding cannot be confirmed away
(an unfilled `[...]` gap, no address, nothing written); every other finding needs the user's
explicit yes: a guessed address (its own tick, or `--address-confirmed`), a resend, a send
after "marked sent by hand", required checklist rules still failing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from followup.core.status import Status

# A gap the drafts leave for the user, e.g. "[your phone number]"; a Markdown link's text
# ("[my post](https://...)") is not one.
_GAP_RE = re.compile(r"\[[^\[\]\n]{1,80}\](?!\()")
FIRST_LINES = 4


# The history detail of a send the user recorded by hand (mail app, copy, .eml).
BY_HAND = "marked sent by hand"

class Finding(StrEnum):
    EMPTY = "empty"
    UNFILLED_GAP = "unfilled_gap"
    NO_ADDRESS = "no_address"
    SKIPPED = "skipped"
    ADDRESS_GUESSED = "address_guessed"
    ALREADY_SENT = "already_sent"
    MARKED_SENT_BY_HAND = "marked_sent_by_hand"
    SEND_NOT_CONFIRMED = "send_not_confirmed"
    RULES_FAILING = "rules_failing"
    UNREAD_PHRASED = "unread_phrased"  # sentences phrased from notes the user has not read


BLOCKING = frozenset({Finding.EMPTY, Finding.UNFILLED_GAP, Finding.NO_ADDRESS, Finding.SKIPPED})
RESEND = frozenset({Finding.ALREADY_SENT, Finding.MARKED_SENT_BY_HAND,
                    Finding.SEND_NOT_CONFIRMED})


@dataclass(frozen=True)
class Problem:
    kind: Finding
    message: str  # one sentence for the user, saying what to do

    @property
    def blocking(self) -> bool:
        return self.kind in BLOCKING


@dataclass(frozen=True)
class SendFacts:
    """What the preflight looks at: one follow-up as it stands now."""

    person: str
    address: str
    address_guessed: bool
    subject: str
    body: str
    status: Status
    channel: str  # how it was sent, if it was
    failing_rules: tuple[str, ...] = ()  # messages of required checklist rules that fail
    sent_by_followup: bool = True  # False when it was marked sent by hand
    unread_phrased: int = 0  # sentences drafting phrased from notes, neither read nor edited


@dataclass(frozen=True)
class Preflight:
    facts: SendFacts
    problems: tuple[Problem, ...]

    @property
    def blocked(self) -> bool:
        return any(p.blocking for p in self.problems)

    def has(self, kind: Finding) -> bool:
        return any(p.kind is kind for p in self.problems)

    @property
    def is_resend(self) -> bool:
        return any(p.kind in RESEND for p in self.problems)

    def unconfirmed(self, confirmed: set[Finding]) -> list[Problem]:
        """The problems that still stop the send once the user confirmed `confirmed`: every
        blocking one, and each other one not confirmed."""
        return [p for p in self.problems if p.blocking or p.kind not in confirmed]

    def first_lines(self, count: int = FIRST_LINES) -> list[str]:
        """The body's first `count` lines of text, with one empty line where a paragraph
        ends, so the summary reads as the note will."""
        out: list[str] = []
        for line in self.facts.body.splitlines():
            if line.strip():
                out.append(line)
                if len(out) - out.count("") == count:
                    break
            elif out and out[-1] != "":
                out.append("")
        return out


def unfilled_gaps(*texts: str) -> list[str]:
    """The `[...]` gaps left in `texts`, in order, e.g. ["[your phone number]"]."""
    return [m.group() for text in texts for m in _GAP_RE.finditer(text)]


def preflight(facts: SendFacts) -> Preflight:
    """Every reason not to send `facts` right now, most serious first."""
    problems: list[Problem] = []
    if not facts.body.strip():
        problems.append(Problem(Finding.EMPTY, "The note is empty: write it (or draft it) "
                                "first."))
    gaps = unfilled_gaps(facts.subject, facts.body)
    if gaps:
        more = f" and {len(gaps) - 1} more" if len(gaps) > 1 else ""
        problems.append(Problem(Finding.UNFILLED_GAP, f"Fill in the gap {gaps[0]}{more} "
                                "before sending."))
    if not facts.address.strip():
        problems.append(Problem(Finding.NO_ADDRESS, f"{facts.person} has no email address: "
                                "add it on their card."))
    if facts.status is Status.SKIPPED:
        problems.append(Problem(Finding.SKIPPED, f"{facts.person} is marked \"No follow-up "
                                "needed\"."))
    problems += _resend_problems(facts)
    if facts.address.strip() and facts.address_guessed:
        problems.append(Problem(Finding.ADDRESS_GUESSED, f"{facts.address} was guessed, not "
                                "confirmed: confirm it is right before sending."))
    if facts.failing_rules:
        problems.append(Problem(Finding.RULES_FAILING, f"{len(facts.failing_rules)} required "
                                "checklist rule(s) still fail."))
    if facts.unread_phrased:
        n = facts.unread_phrased
        sentences = "sentence" if n == 1 else "sentences"
        problems.append(Problem(Finding.UNREAD_PHRASED, f"{n} {sentences} written from your "
                                "notes not read yet: read them in the draft (they are marked) "
                                "before sending."))
    return Preflight(facts, tuple(problems))


def _resend_problems(facts: SendFacts) -> Sequence[Problem]:
    if facts.status is Status.SENDING:
        return [Problem(Finding.SEND_NOT_CONFIRMED, f"An earlier send to {facts.person} was "
                        "not confirmed: check your Sent folder before sending again.")]
    if facts.status is not Status.SENT:
        return []
    if not facts.sent_by_followup:
        how = f" ({facts.channel})" if facts.channel else ""
        return [Problem(Finding.MARKED_SENT_BY_HAND, f"You marked this note sent by hand{how}: "
                        "sending it now sends it a second time.")]
    return [Problem(Finding.ALREADY_SENT, f"The note to {facts.person} was already sent: "
                    "sending it now sends it a second time.")]
