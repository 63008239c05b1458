"""Delivering follow-ups: the account, one message per person, and statuses that stay true.

A follow-up on its way is read from the library once and composed once (`prepare`): the
preflight the user confirms and the message the server receives come from the same reading.
`send_one` applies the preflight itself, so no caller sends without it; `mark_sent` applies the
same preflight to a note sent another way.

The order of events is what keeps "never twice" true: the follow-up is recorded as `sending`
(with its Message-ID) and committed *before* the server is contacted, and becomes `sent` only
after the server accepted it. A crash in between leaves it `sending`, which the app shows as
"send not confirmed" and never resends by itself. Used by the command line and the GUI;
imports no Qt.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from email.message import EmailMessage
from email.utils import format_datetime, localtime
from enum import StrEnum

from followup.core.preflight import BY_HAND, Finding, Intent, Preflight
from followup.core.status import Status
from followup.mail.outbox import Account, ComposeError, SendResult, compose_message, send_message
from followup.sending import mailbox

# The account's home is sending.accounts; callers may ask here too (re-exported below).
from followup.sending.accounts import ACCOUNT_KEY, load_account, save_account, secret_key
from followup.sending.preflight import check_view
from followup.store import followups as fu
from followup.store.library import Library

PAUSE_BETWEEN = 2.0  # seconds between messages of a batch: servers dislike bursts
SMTP_CHANNEL = "email (Followup)"


__all__ = [
    "ACCOUNT_KEY", "PAUSE_BETWEEN", "SMTP_CHANNEL", "Outcome", "OutcomeKind", "Outgoing",
    "compose_for", "load_account", "mark_sent", "prepare", "ready_ids", "save_account",
    "secret_key", "send_many", "send_one",
]


class OutcomeKind(StrEnum):
    """What happened, for callers that act on it (never by matching the reason's words)."""

    SENT = "sent"
    FAILED = "failed"
    PASSWORD_REFUSED = "password_refused"  # forget the stored password, ask again next time
    NOT_CONFIRMED = "not_confirmed"  # may have left: never resent by itself
    NOT_ATTEMPTED = "not_attempted"  # refused before the server was contacted


@dataclass(frozen=True)
class Outcome:
    followup_id: int
    person: str
    ok: bool
    reason: str
    status: str
    kind: OutcomeKind = OutcomeKind.NOT_ATTEMPTED


def compose_for(library: Library, view: fu.FollowUpView, account: Account, *,
                address_optional: bool = False):
    """The message for this follow-up; ComposeError points the user at what to fix.
    `address_optional`: no To line when the person has no address (an .eml file)."""
    try:
        return compose_message(account, view.person_name, view.person_email or None,
                               view.subject, view.body, address_optional=address_optional)
    except ComposeError as exc:
        if not view.person_email or "address" in str(exc):
            raise ComposeError(f"{exc} Open {view.person_name}'s card to fix the address."
                               ) from None
        raise


@dataclass(frozen=True)
class Outgoing:
    """One follow-up on its way, made by `prepare`: the view read once, its send preflight,
    and its message composed once (None when the preflight blocks, which then says why)."""

    view: fu.FollowUpView
    check: Preflight
    message: EmailMessage | None


def prepare(library: Library, followup_id: int, account: Account | None) -> Outgoing:
    """Read follow-up `followup_id` once, compose its message from `account` (not without
    one), and run the send preflight on what was read; a message that cannot be built is a
    blocking problem of the preflight. Raises sqlalchemy.exc.NoResultFound if it is gone."""
    view, siblings = fu.followup_and_siblings(library, followup_id)
    message, problem = None, ""
    if account is not None:
        try:
            message = compose_for(library, view, account)
        except ComposeError as exc:
            problem = str(exc)
    check = check_view(library, view, siblings, compose_problem=problem)
    return Outgoing(view, check, None if check.blocked else message)


def send_one(library: Library, followup: int | Outgoing, account: Account, password: str, *,
             confirmed: Collection[Finding], timeout: float = 20.0, ssl_context=None,
             imap_password: str | None = None, imap_ssl_context=None) -> Outcome:
    """Send one follow-up to its person, after its preflight; once the server accepted it, put
    the same message in the Sent folder when an IMAP account is set
    (`sending.mailbox.file_copy`), signing in with `imap_password`, else with `password` when
    IMAP shares the SMTP keyring entry.

    `followup` is an id, or what `prepare` made of it (the preflight the user was shown, not
    read again). `confirmed` holds the findings the user said yes to: nothing is sent while the
    preflight blocks or a finding is not in it, and the outcome then says what is in the way.
    """
    outgoing = followup if isinstance(followup, Outgoing) else prepare(
        library, followup, account)
    view, check, message = outgoing.view, outgoing.check, outgoing.message
    left = check.unconfirmed(set(confirmed))
    if left or message is None:
        reason = " ".join(p.message for p in left) or "The message could not be composed."
        return Outcome(view.id, view.person_name, False, reason, view.status)
    _date_now(message)
    try:
        fu.set_status(library, view.id, Status.SENDING, channel=SMTP_CHANNEL,
                      message_id=message["Message-ID"], allow_resend=check.is_resend,
                      detail=f"to {view.person_email} via {account.host}")
    except fu.StatusError as exc:  # it changed since it was read: sent meanwhile, or skipped
        return Outcome(view.id, view.person_name, False, str(exc), view.status)
    result = send_message(account, password, message, timeout=timeout, ssl_context=ssl_context)
    outcome = _record(library, view, result)
    if outcome.ok:
        outcome = _with_copy(library, outcome, message, password, imap_password, timeout,
                             imap_ssl_context)
    return outcome


def _date_now(message: EmailMessage) -> None:
    """The Date is when the note is handed to the server (RFC 5322 3.6.1), not when its
    confirmation opened."""
    del message["Date"]
    message["Date"] = format_datetime(localtime())


def mark_sent(library: Library, followup_id: int, channel: str, *,
              confirmed: Collection[Finding]) -> Outcome:
    """Record follow-up `followup_id` as sent another way (`channel`: "in person", "mail
    app"), after the mark-sent preflight: nothing is recorded while it blocks or a finding is
    not in `confirmed`, and the outcome says what is in the way. Raises
    sqlalchemy.exc.NoResultFound if it is gone."""
    view, siblings = fu.followup_and_siblings(library, followup_id)
    check = check_view(library, view, siblings, intent=Intent.MARK_SENT)
    left = check.unconfirmed(set(confirmed))
    if left:
        return Outcome(view.id, view.person_name, False, " ".join(p.message for p in left),
                       view.status)
    try:
        after = fu.set_status(library, view.id, Status.SENT, channel=channel, detail=BY_HAND,
                              allow_resend=check.is_resend)
    except fu.StatusError as exc:
        return Outcome(view.id, view.person_name, False, str(exc), view.status)
    return Outcome(view.id, view.person_name, True, f"marked sent ({channel})", after.status,
                   OutcomeKind.SENT)


def _with_copy(library: Library, outcome: Outcome, message, password: str,
               imap_password: str | None, timeout: float, ssl_context) -> Outcome:
    """The outcome of a send, its reason saying what became of the copy in Sent."""
    settings = mailbox.load_imap(library)
    if settings is None:
        return outcome
    if imap_password is None and not settings.own_password:
        imap_password = password  # the same keyring entry as SMTP, as set up by default
    try:
        copy = mailbox.file_copy(library, outcome.followup_id, message, imap_password,
                                 timeout=timeout, ssl_context=ssl_context)
    except Exception:  # the note went: a copy that failed must not make it look unsent
        logging.getLogger(__name__).exception("copy to Sent failed")
        return outcome
    return replace(outcome, reason=" ".join(filter(None, [outcome.reason,
                                                          mailbox.copy_words(copy)])))


def _record(library: Library, view: fu.FollowUpView, result: SendResult) -> Outcome:
    if result.ok:
        fu.set_status(library, view.id, Status.SENT, channel=SMTP_CHANNEL,
                      message_id=result.message_id or "", detail=result.reason,
                      allow_resend=True)
        return Outcome(view.id, view.person_name, True, result.reason, Status.SENT,
                       OutcomeKind.SENT)
    if result.maybe_sent:  # the server may have it: stay unconfirmed, never resend by itself
        fu.set_status(library, view.id, Status.SENDING, channel=SMTP_CHANNEL,
                      detail="not confirmed: " + result.reason, allow_resend=True,
                      failure_reason=result.reason)
        return Outcome(view.id, view.person_name, False, result.reason +
                       " Check your Sent folder before sending again.", Status.SENDING,
                       OutcomeKind.NOT_CONFIRMED)
    fu.set_status(library, view.id, Status.FAILED, channel=SMTP_CHANNEL, detail=result.reason,
                  allow_resend=True)
    kind = OutcomeKind.PASSWORD_REFUSED if result.password_refused else OutcomeKind.FAILED
    return Outcome(view.id, view.person_name, False, result.reason, Status.FAILED, kind)


def send_many(library: Library, batch: Sequence[tuple[int | Outgoing, Collection[Finding]]],
              account: Account, password: str, *, pause: float = PAUSE_BETWEEN,
              timeout: float = 20.0, ssl_context=None,
              progress: Callable[[Outcome], None] | None = None,
              imap_password: str | None = None) -> list[Outcome]:
    """Each follow-up of `batch` to its own person (`send_one`, with the findings the user
    confirmed for it), one at a time, with a short pause between them."""
    outcomes = []
    for number, (followup, confirmed) in enumerate(batch):
        if number and pause:
            time.sleep(pause)
        outcome = send_one(library, followup, account, password, confirmed=confirmed,
                           timeout=timeout, ssl_context=ssl_context,
                           imap_password=imap_password)
        outcomes.append(outcome)
        if progress:
            progress(outcome)
    return outcomes


def ready_ids(library: Library, meeting_id: int) -> list[int]:
    return [v.id for v in fu.followups_for_meeting(library, meeting_id)
            if v.status is Status.READY]
