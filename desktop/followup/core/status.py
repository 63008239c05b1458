"""Where a follow-up stands (draft, ready, sending, sent, failed, skipped) and how it may move.

The status list is defined here once; the store's CHECK constraint, the countdown, the
reminders, the send preflight and both front ends read it from here. `transition` is the
state machine as a pure function: the store's one writer of the status asks it before every
change, so "never sent twice" and "what went out stays what went out" hold on every path.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    READY = "ready"
    SENDING = "sending"  # handed to the server, not yet confirmed: never resent by itself
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"  # "no follow-up needed"


STATUSES: tuple[str, ...] = tuple(s.value for s in Status)

# What the user can still change and send.
_EDITABLE = frozenset({Status.DRAFT, Status.READY, Status.FAILED})
_LEFT = frozenset({Status.SENT, Status.SENDING})


class TransitionRefused(ValueError):
    """A status change that would break a promise (for example sending twice); the message
    says what to do instead."""


def parse(value: str) -> Status:
    """`value` as a Status; ValueError naming the known statuses when it is none of them."""
    try:
        return Status(value)
    except ValueError:
        raise ValueError(f"unknown follow-up status {value!r}: use one of "
                         f"{', '.join(STATUSES)}") from None


def is_open(status: str) -> bool:
    """Still waiting to be sent: counts towards "due", gets reminders and a countdown."""
    return status not in (Status.SENT, Status.SKIPPED)


def has_left(status: str) -> bool:
    """Sent, or maybe sent (a send not confirmed): its text is frozen, a new send is a resend."""
    return status in _LEFT


def is_editable(status: str) -> bool:
    """The draft may still be edited, regenerated, marked ready or skipped."""
    return status in _EDITABLE


def transition(current: str, target: str, *, resend: bool = False) -> Status:
    """The status after asking to move from `current` to `target`.

    `resend` is the user's explicit confirmation to send something that already left (or may
    have). Raises TransitionRefused with a message for the user when the move is not allowed:
    a sent follow-up is sent again only with `resend`; a sent or skipped one never goes back
    to draft; an unconfirmed send is not repeated without `resend`.
    """
    current, target = parse(current), parse(target)
    if target in (Status.SENDING, Status.SENT):  # sending it, or saying it went
        if current is Status.SENT and not resend:
            raise TransitionRefused("This follow-up was already sent. Confirm a resend "
                                    "explicitly.")
        if target is Status.SENDING and current is Status.SENDING and not resend:
            raise TransitionRefused("A send of this follow-up was not confirmed: check your "
                                    "Sent folder before sending again.")
        if current is Status.SKIPPED:
            raise TransitionRefused("This person needs no follow-up: untick \"No follow-up "
                                    "needed\" first.")
        return target
    if target is Status.FAILED:
        if current is Status.SENT:
            raise TransitionRefused("This follow-up was already sent.")
        return target
    # draft, ready, skipped: only while nothing has left
    if current in _LEFT:
        raise TransitionRefused(f"This follow-up was already {_said(current)}; it stays "
                                "that way.")
    if target is Status.READY and current is Status.SKIPPED:
        raise TransitionRefused("This person needs no follow-up: untick \"No follow-up "
                                "needed\" first.")
    return target


def _said(status: Status) -> str:
    return "sent" if status is Status.SENT else "handed to the mail server"


# The words both front ends show where the stored word would mislead: a send that never got
# the server's answer may or may not have left.
_WORDS = {Status.SENDING: "send not confirmed"}


def label(status: str) -> str:
    """`status` as the window and the command line show it (any text in, text out)."""
    return _WORDS.get(status, str(status))  # type: ignore[call-overload]
