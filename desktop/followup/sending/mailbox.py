"""The user's mailbox against the library: the IMAP settings, a copy of each sent note in
Sent, and the check for answers that both front ends run.

IMAP is optional: with no IMAP settings nothing here contacts anything, and sending works as
before. Used by the command line and the GUI; imports no Qt. The GUI runs the network half
(`fetch_replies`) on a worker thread and records the answers (`record`) on its own thread.
`mail.outbox` is imported where a copy is filed: the window's reply check never needs it.
"""

from __future__ import annotations

import json
import ssl
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from email.message import EmailMessage

from sqlalchemy import update

from followup.core.checkins import Awaited, Headers
from followup.mail.imap import (
    CopyResult,
    ImapAccount,
    ImapFailure,
    fetch_headers,
    file_sent_copy,
)
from followup.store import models as m
from followup.store import replies
from followup.store.library import Library
from followup.store.timestamps import utcnow

IMAP_KEY = "imap.account"


# ---- settings ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImapSettings:
    """The IMAP account and where its password is: by default the SMTP account's keyring
    entry (most providers use one password for both); `own_password` keeps its own."""

    account: ImapAccount
    own_password: bool = False


def load_imap(library: Library) -> ImapSettings | None:
    """The IMAP settings, or None when none were given (IMAP is optional)."""
    raw = library.setting(IMAP_KEY)
    if not raw:
        return None
    try:
        values = json.loads(raw)
        account = ImapAccount(str(values["host"]), int(values["port"]),
                              str(values["security"]), str(values["username"]))
    except (ValueError, KeyError, TypeError):
        return None
    return ImapSettings(account, bool(values.get("own_password", False)))


def save_imap(library: Library, settings: ImapSettings | None) -> None:
    """Keep the IMAP settings (None forgets them). Never a password."""
    if settings is None:
        library.set_setting(IMAP_KEY, "")
        return
    library.set_setting(IMAP_KEY, json.dumps({**asdict(settings.account),
                                              "own_password": settings.own_password}))


def imap_secret_key(library: Library, settings: ImapSettings) -> str:
    """The keyring entry of the IMAP password: the SMTP account's, unless the IMAP account
    has its own or there is no SMTP account."""
    from followup.mail.secrets import account_key  # the keyring, SMTP: only when signing in
    from followup.sending.accounts import load_account, secret_key

    smtp = load_account(library)
    if settings.own_password or smtp is None:
        return account_key(settings.account.username, settings.account.host)
    return secret_key(smtp)


def forget_refused_password(library: Library, passwords) -> None:
    """The server refused the IMAP password: forget it from `passwords` (a PasswordStore)
    when the mailbox keeps its own. The shared entry is the SMTP password, which may still be
    right, so it stays."""
    settings = load_imap(library)
    if settings is not None and settings.own_password:
        passwords.delete(imap_secret_key(library, settings))


# ---- a copy in Sent ---------------------------------------------------------------------------

def file_copy(library: Library, followup_id: int, message: EmailMessage, password: str | None,
              *, when: datetime | None = None, timeout: float = 20.0,
              ssl_context: ssl.SSLContext | None = None) -> CopyResult | None:
    """After an SMTP send, put the exact message in the Sent folder (once) and record what
    became of it on the follow-up; None when no IMAP account is set. `password` None means
    none is known: nothing is contacted and the copy is recorded as failed."""
    settings = load_imap(library)
    if settings is None:
        return None
    if password is None:
        result = CopyResult("failed", reason="No IMAP password is known, so no copy was put "
                            "in Sent.")
    else:
        from followup.mail.outbox import message_bytes

        result = file_sent_copy(settings.account, password, message_bytes(message),
                                str(message.get("Message-ID", "")), when or utcnow(),
                                timeout=timeout, ssl_context=ssl_context)
    with library.session() as s:
        s.execute(update(m.FollowUp).where(m.FollowUp.id == followup_id)
                  .values(sent_copy=result.state))
    return result


def copy_words(result: CopyResult | None) -> str:
    """One sentence on the copy in Sent, to follow "Sent to ..."; "" without IMAP."""
    if result is None:
        return ""
    if result.state == "appended":
        return f"A copy is in {result.folder}."
    if result.state == "already there":
        return f"A copy was already in {result.folder}."
    if result.state == "filed by server":
        return "Your mail server files a copy in Sent itself."
    return f"No copy in Sent: {result.reason}"


# ---- answers ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReplyCheck:
    """What one check found: the answers recorded, the check-ins drafted, and the reason
    the mailbox could not be read (then `found` is empty)."""

    found: list[replies.ReplyFound] = field(default_factory=list)
    checkins: list[int] = field(default_factory=list)
    error: str = ""
    password_refused: bool = False
    checked: int = 0  # follow-ups that were awaiting an answer
    retryable: bool = True  # the error may go away by itself (the network, a busy server)


def fetch_replies(settings: ImapSettings, password: str, waiting: Sequence[Awaited], *,
                  timeout: float = 20.0, ssl_context: ssl.SSLContext | None = None,
                  ) -> list[Headers] | ImapFailure:
    """The network half of a check (no library access: safe on a worker thread): the
    headers of the INBOX messages since the oldest send awaited, or the failure."""
    if not waiting:
        return []
    since = min(item.sent_at for item in waiting)
    try:
        return fetch_headers(settings.account, password, since, timeout=timeout,
                             ssl_context=ssl_context)
    except ImapFailure as failure:
        return failure


def record(library: Library, waiting: Sequence[Awaited], fetched: list[Headers] | ImapFailure,
           now: datetime | None = None) -> ReplyCheck:
    """The library half: record the answers in `fetched`, then draft the check-ins due."""
    now = now or utcnow()
    if isinstance(fetched, ImapFailure):
        return ReplyCheck(checkins=replies.update_checkins(library, now), error=fetched.reason,
                          password_refused=fetched.password_refused, checked=len(waiting),
                          retryable=fetched.retryable)
    found = replies.record_replies(library, fetched, waiting, now)
    return ReplyCheck(found, replies.update_checkins(library, now), checked=len(waiting))


def check_replies(library: Library, password: str, now: datetime | None = None, *,
                  timeout: float = 20.0, ssl_context: ssl.SSLContext | None = None
                  ) -> ReplyCheck:
    """Look once for answers to the follow-ups awaiting one, record them, and draft the
    check-ins that fell due. Without IMAP settings only the check-ins are drafted."""
    now = now or utcnow()
    settings = load_imap(library)
    if settings is None:
        return ReplyCheck(checkins=replies.update_checkins(library, now),
                          error="No IMAP account is set up, so replies cannot be found.")
    waiting = replies.awaited(library, now)
    fetched = fetch_replies(settings, password, waiting, timeout=timeout,
                            ssl_context=ssl_context)
    return record(library, waiting, fetched, now)
