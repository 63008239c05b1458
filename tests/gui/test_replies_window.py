"""Replies in the real window: the check runs off the UI thread against a real Dovecot, the
answer shows as "replied" with its date in the send-status list and in the banner, and a
check-in that is due is listed above the table and opens as a draft."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from followup.mail.imap import ImapAccount
from followup.mail.outbox import Account
from followup.sending import mailbox
from followup.sending.delivery import save_account, secret_key
from followup.store import followups as fu
from tests import imap_server
from tests.replies.conftest import _need_dovecot  # noqa: F401
from tests.replies.conftest import dovecot  # noqa: F401  (the real IMAP server fixture)


def _watching(window, server) -> None:
    """SMTP and IMAP set up, the password in this session's memory (no keyring here)."""
    from followup.gui.send_ui import passwords

    account = Account("127.0.0.1", 2525, "none", "sam.rivera@example.com", "Sam Rivera",
                      "sam.rivera@example.com")
    save_account(window.library, account)
    mailbox.save_imap(window.library, mailbox.ImapSettings(
        ImapAccount(server.host, server.port, "none", server.username)))
    passwords().session.store(secret_key(account), server.password)


def _sent(window, name: str, days_ago: float = 0) -> fu.FollowUpView:
    ids = fu.ensure_drafts(window.library, 1)
    view = next(fu.followup_view(window.library, i) for i in ids
                if fu.followup_view(window.library, i).person_name.startswith(name))
    when = datetime.now(UTC) - timedelta(days=days_ago)
    return fu.set_status(window.library, view.id, "sent", channel="email (Followup)",
                         message_id=f"<{view.id}@sam.example>", now=when)


def _check(window, qtbot) -> None:
    with qtbot.waitSignal(window.replies.checked, timeout=15000):
        window.replies.check()


def test_a_reply_found_off_the_ui_thread_shows_as_replied(window, qtbot, dovecot):  # noqa: F811
    _watching(window, dovecot)
    view = _sent(window, "Priya")
    dovecot.deliver(imap_server.message(sender="priya.natarajan@brightwave.io",
                                        in_reply_to=view.message_id))
    window.show_status_list()
    _check(window, qtbot)
    assert window.replies.last is not None and window.replies.last.error == ""
    assert window.banner.isVisible() and "Priya Natarajan</b> (Brightwave) replied" in \
        window.banner.label.text()
    status = window.status_list
    status.set_filter("all")
    model = status.model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) ==
               "Priya Natarajan")
    assert model.data(model.index(row, 5)).startswith("replied ")
    assert fu.followup_view(window.library, view.id).shown_status == "replied"


def test_a_check_in_due_is_listed_and_opens_as_a_draft(window, qtbot, dovecot,  # noqa: F811
                                                       monkeypatch):
    from followup.gui.replies_ui import CheckinDialog

    _watching(window, dovecot)
    view = _sent(window, "Marcus", days_ago=8)
    window.show_status_list()
    _check(window, qtbot)
    assert window.replies.last is not None and view.id in window.replies.last.checkins
    assert "check-in due" in window.banner.label.text()
    line = window.status_list.checkins
    assert line.isVisible() and "Marcus Feld" in line.text() and "Check-in due" in line.text()
    opened = []

    def show(dialog):
        opened.append((dialog.subject.text(), dialog.body.toPlainText()))
        dialog.done_with()
        return 1

    monkeypatch.setattr(CheckinDialog, "exec", show)
    line.linkActivated.emit(f"checkin:{view.id}")
    ((subject, body),) = opened
    assert subject.startswith("Checking in on") and "Brightwave" in body
    assert "timeline" in body and "(415) 555-0134" in body
    assert not line.isVisible()  # done: no longer listed


def test_without_imap_the_window_checks_nothing_and_stays_quiet(window, qtbot):
    _check(window, qtbot)
    last = window.replies.last
    assert last is not None and last.found == [] and last.error == ""
    assert not window.replies.busy()
