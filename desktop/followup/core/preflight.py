"""The preflight: what stands between a follow-up and the mail server (or the record that it
was sent another way), as plain data.

One policy for both front ends and both ways a note leaves (`Intent`): sending it with Followup,
and marking it sent by hand. The window shows the findings in its confirmation and the command
line prints them and asks on a terminal; neither decides anything else. Each finding carries
its kind, so no caller matches wording. A *blocking* finding cannot be confirmed away (for a
send: an unfilled `[...]` gap, no address, nothing written, a message that cannot be built);
every other finding needs the user's explicit yes: a guessed address (its own tick, or
`--address-confirmed`), a resend, a send after "marked sent by hand", required checklist rules
still failing. Marking sent records what already happened, so only "no follow-up needed"
blocks it; a gap, an empty draft, failing rules and a second record each need a yes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from followup.core.status import Status

# A gap the drafts leave for the user, e.g. "[your phone number]"; a Markdown link's text
# ("[my post](https://...)") is not one.
_GAP_RE = re.compile(r"\[[^\[\]\n]{1,80}\](?!\()")
FIRST_LINES = 4


# The history detail of a send the user recorded by hand (mail app, copy, .eml).
BY_HAND = "marked sent by hand"


class Intent(StrEnum):
    """How the note leaves: which findings apply, and which of them block."""

    SEND = "send"  # Followup hands it to the mail server
    MARK_SENT = "mark_sent"  # the user sent it another way and records that


class Finding(StrEnum):
    EMPTY = "empty"
    UNFILLED_GAP = "unfilled_gap"
    NO_ADDRESS = "no_address"
    SKIPPED = "skipped"
    CANNOT_COMPOSE = "cannot_compose"  # the message cannot be built (a bad address, no subject)
    ADDRESS_GUESSED = "address_guessed"
    ALREADY_SENT = "already_sent"
    MARKED_SENT_BY_HAND = "marked_sent_by_hand"
    SEND_NOT_CONFIRMED = "send_not_confirmed"
    RULES_FAILING = "rules_failing"
    UNREAD_PHRASED = "unread_phrased"  # sentences phrased from notes the user has not read


BLOCKING = frozenset({Finding.EMPTY, Finding.UNFILLED_GAP, Finding.NO_ADDRESS, Finding.SKIPPED,
                      Finding.CANNOT_COMPOSE})
# What already happened cannot be unsent: recording it is blocked only where the status itself
# refuses it (core.status.transition).
BLOCKING_MARK_SENT = frozenset({Finding.SKIPPED})
RESEND = frozenset({Finding.ALREADY_SENT, Finding.MARKED_SENT_BY_HAND,
                    Finding.SEND_NOT_CONFIRMED})


@dataclass(frozen=True)
class Problem:
    kind: Finding
    message: str  # one sentence for the user, saying what to do
    blocking: bool = False  # no confirmation makes it go away: fix it first


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
    compose_problem: str = ""  # why the message cannot be built (mail.outbox.ComposeError)


@dataclass(frozen=True)
class Preflight:
    facts: SendFacts
    problems: tuple[Problem, ...]
    intent: Intent = Intent.SEND

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


def preflight(facts: SendFacts, intent: Intent = Intent.SEND) -> Preflight:
    """Every reason not to send `facts` right now (or not to record it as sent, for
    `Intent.MARK_SENT`), most serious first."""
    if intent is Intent.MARK_SENT:
        problems = _mark_sent_problems(facts)
        blocking = BLOCKING_MARK_SENT
    else:
        problems = _send_problems(facts)
        blocking = BLOCKING
        if facts.compose_problem and not any(p.kind in BLOCKING for p in problems):
            problems.insert(0, Problem(Finding.CANNOT_COMPOSE, facts.compose_problem))
    return Preflight(facts, tuple(replace(p, blocking=p.kind in blocking) for p in problems),
                     intent)


def _send_problems(facts: SendFacts) -> list[Problem]:
    problems: list[Problem] = []
    if not facts.body.strip():
        problems.append(Problem(Finding.EMPTY, "The note is empty: write it (or draft it) "
                                "first."))
    gaps = unfilled_gaps(facts.subject, facts.body)
    if gaps:
        problems.append(Problem(Finding.UNFILLED_GAP, f"Fill in the gap {_gaps(gaps)} before "
                                "sending."))
    if not facts.address.strip():
        problems.append(Problem(Finding.NO_ADDRESS, f"{facts.person} has no email address: "
                                "add it on their card."))
    if facts.status is Status.SKIPPED:
        problems.append(_skipped(facts))
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
    return problems


def _mark_sent_problems(facts: SendFacts) -> list[Problem]:
    """What to confirm before recording a note sent another way: the address is the mail
    app's business, and the sentences not read are past helping once it left."""
    problems: list[Problem] = []
    if facts.status is Status.SKIPPED:
        problems.append(_skipped(facts))
    if not facts.body.strip():
        problems.append(Problem(Finding.EMPTY, "The draft is empty: record it as sent only if "
                                "you wrote the note elsewhere."))
    gaps = unfilled_gaps(facts.subject, facts.body)
    if gaps:
        problems.append(Problem(Finding.UNFILLED_GAP, f"The draft still has the gap "
                                f"{_gaps(gaps)}: record it as sent only if you filled it in "
                                "the note you sent."))
    if facts.status is Status.SENDING:
        problems.append(Problem(Finding.SEND_NOT_CONFIRMED, f"A send to {facts.person} was "
                                "not confirmed: record it as sent once you found it in your "
                                "Sent folder."))
    elif facts.status is Status.SENT:
        how = f" ({facts.channel})" if facts.channel else ""
        problems.append(Problem(Finding.ALREADY_SENT if facts.sent_by_followup else
                                Finding.MARKED_SENT_BY_HAND, f"The note to {facts.person} is "
                                f"already recorded as sent{how}: recording it again adds a "
                                "second send to its history."))
    if facts.failing_rules:
        problems.append(Problem(Finding.RULES_FAILING, f"{len(facts.failing_rules)} required "
                                "checklist rule(s) still fail in the draft."))
    return problems


def _gaps(gaps: list[str]) -> str:
    """"[your phone number]", or "[your phone number] and 2 more"."""
    return gaps[0] + (f" and {len(gaps) - 1} more" if len(gaps) > 1 else "")


def _skipped(facts: SendFacts) -> Problem:
    return Problem(Finding.SKIPPED, f"{facts.person} is marked \"No follow-up needed\": "
                   "untick it first.")


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
