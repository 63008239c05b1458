"""Replies in the real window: the check runs off the UI thread against a real Dovecot, the
answer shows as "replied" with its date in the send-status list and in the banner, and a
check-in that is due is listed above the table and opens as a draft."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QPushButton

from followup.mail.imap import ImapAccount
from followup.mail.outbox import Account
from followup.sending import mailbox
from followup.sending.delivery import save_account, secret_key
from followup.store import followups as fu
from tests import imap_server
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
    """One check of the test's own: the window's check at start may still be under way."""
    window.finish_opening()
    qtbot.wait(10)  # the check at start is queued: let it begin
    qtbot.waitUntil(lambda: not window.replies.busy(), timeout=15000)
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
    status.findChild(QPushButton, "filter_all").click()
    model = status.model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) ==
               "Priya Natarajan")
    assert model.data(model.index(row, 5)).startswith("replied ")
    assert fu.followup_view(window.library, view.id).shown_status == "replied"
    window.open_followup(view.meeting_id, view.attendance_id)  # the draft pane says it too
    window.tick()
    assert "· replied " in window.workspace.followups.countdown.text()


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


def test_account_dialog_keeps_the_mailbox_and_refuses_plain_text_off_this_machine(window,
                                                                                   qtbot):
    from followup.gui.send_ui import AccountDialog

    dialog = AccountDialog(window.library, window)
    qtbot.addWidget(dialog)
    dialog.host.setText("smtp.example.com")
    dialog.user.setText("sam@example.com")
    dialog.sender_address.setText("sam@example.com")
    dialog.imap_host.setText("imap.example.com")
    dialog.imap_security.setCurrentIndex(2)  # none
    dialog.accept()
    assert "only allowed to a server on this computer" in dialog.test_result.text()
    assert mailbox.load_imap(window.library) is None
    dialog.imap_security.setCurrentIndex(1)  # STARTTLS: the port follows
    assert dialog.imap_port.value() == 143
    dialog.accept()
    settings = mailbox.load_imap(window.library)
    assert settings is not None
    assert settings.account == ImapAccount("imap.example.com", 143, "starttls",
                                           "sam@example.com")
    again = AccountDialog(window.library, window)  # shown as saved; emptied, IMAP is gone
    qtbot.addWidget(again)
    assert again.imap_host.text() == "imap.example.com" and again.imap_port.value() == 143
    again.imap_host.clear()
    again.accept()
    assert mailbox.load_imap(window.library) is None


def test_a_send_from_the_window_files_its_copy_with_the_shared_password(window, dovecot):  # noqa: F811
    from followup.core.preflight import Finding
    from followup.gui.send_ui import SendJob
    from tests import smtp_server as smtp

    with smtp.running_server("none", auth=False) as server:
        account = Account(server.host, server.port, "none", "", "Sam Rivera",
                          "sam.rivera@example.com")
        save_account(window.library, account)
        mailbox.save_imap(window.library, mailbox.ImapSettings(
            ImapAccount(dovecot.host, dovecot.port, "none", dovecot.username)))
        ids = fu.ensure_drafts(window.library, 1)
        dana = next(i for i in ids
                    if fu.followup_view(window.library, i).person_name.startswith("Dana"))
        outcomes = []
        # Dana's draft has no gap; Send in her confirmation said yes to what it showed.
        yes = {Finding.RULES_FAILING, Finding.UNREAD_PHRASED}
        job = SendJob(window.library.path, [(dana, yes)], account, dovecot.password, pause=0)
        job.signals.finished.connect(outcomes.append)
        job.run()  # the pool thread's work, here
    ((outcome,),) = outcomes
    assert outcome.ok and "A copy is in Sent." in outcome.reason
    assert len(dovecot.messages("Sent")) == 1


def test_test_connection_also_signs_in_to_the_mailbox(window, qtbot, dovecot):  # noqa: F811
    from PySide6.QtCore import Qt

    from followup.gui.send_ui import AccountDialog
    from tests import smtp_server as smtp

    with smtp.running_server("none", auth=False) as server:
        dialog = AccountDialog(window.library, window)
        qtbot.addWidget(dialog)
        dialog.host.setText(server.host)
        dialog.security.setCurrentIndex(2)  # none: a server on this machine
        dialog.port.setValue(server.port)
        dialog.sender_address.setText("sam.rivera@example.com")
        dialog.password.setText(dovecot.password)  # one password for both, as by default
        dialog.imap_host.setText(dovecot.host)
        dialog.imap_security.setCurrentIndex(2)
        dialog.imap_port.setValue(dovecot.port)
        dialog.imap_user.setText(dovecot.username)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "IMAP:" in dialog.test_result.text(), timeout=15000)
    assert dialog.test_result.text().startswith("✔")
    assert "IMAP: ✔ Signed in to 127.0.0.1; sent notes will be copied to Sent." in \
        dialog.test_result.text()


def test_many_check_ins_are_drafted_off_the_ui_thread_and_listed_five_at_a_time(window, qtbot):
    from followup.store import replies
    from followup.store.library import MeetingInput, PersonSpec

    ended = datetime.now(UTC) - timedelta(days=12)
    meeting = window.library.create_meeting(MeetingInput(
        company="Many Co", role="Engineer", ended_at=ended,
        people=[PersonSpec(f"Person {n}", email=f"p{n}@many.example") for n in range(8)]))
    for followup_id in fu.ensure_drafts(window.library, meeting):
        fu.set_status(window.library, followup_id, "sent", channel="in person",
                      now=ended + timedelta(hours=2))
    window.show_status_list()
    _check(window, qtbot)
    assert window.replies.last is not None and len(window.replies.last.checkins) == 8
    window.show_status_list()
    line = window.status_list.checkins.text()
    assert line.count("open the draft") == 5 and "… and 3 more check-ins due" in line
    assert len(replies.listed_checkins(window.library)) == 8
