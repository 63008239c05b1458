"""The window's other doors: the account dialog against a real server, files dropped on the
window, and closing while follow-ups are due."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests import smtp_server as servers

DATA = Path(__file__).parents[1] / "data"


def test_account_dialog_tests_connection_in_plain_words(window, qtbot):
    from followup.gui.send_ui import AccountDialog
    from followup.sending.delivery import load_account

    with servers.running_server("none", auth=False) as server:
        dialog = AccountDialog(window.library, window)
        qtbot.addWidget(dialog)
        dialog.host.setText(server.host)
        dialog.security.setCurrentIndex(2)  # none: a server on this machine
        dialog.port.setValue(server.port)
        dialog.sender_address.setText("sam.rivera@example.com")
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.test_result.text().startswith("✔"), timeout=10000)
        dialog.accept()
    host, port = servers.closed_port()
    down = AccountDialog(window.library, window)
    qtbot.addWidget(down)
    down.port.setValue(port)
    qtbot.mouseClick(down.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: down.test_result.text().startswith("✖"), timeout=10000)
    said = down.test_result.text().lower()
    assert "reach" in said or "refused" in said
    assert load_account(window.library).port == server.port


def test_remote_server_without_encryption_is_refused_in_dialog(window, qtbot):
    from followup.gui.send_ui import AccountDialog
    from followup.sending.delivery import load_account

    dialog = AccountDialog(window.library, window)
    qtbot.addWidget(dialog)
    dialog.host.setText("smtp.example.com")
    dialog.security.setCurrentIndex(2)
    dialog.sender_address.setText("sam@example.com")
    dialog.accept()
    assert dialog.test_result.text() and load_account(window.library) is None


def _drop(window, path: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_dropping_an_invitation_creates_the_meeting(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a))
    before = window.sidebar.model.rowCount()
    _drop(window, DATA / "google_calendar.ics")
    assert warnings == []
    assert window.sidebar.model.rowCount() == before + 1
    assert window.workspace.meeting.attendees
    _drop(window, DATA / "broken.vcf")
    assert warnings and "could not be imported" in warnings[0][2]


def test_closing_with_follow_ups_due_keeps_app_in_tray(window, monkeypatch):
    """There is no system tray offscreen, so a stand-in records what the tray was asked."""
    from followup.store.followups import ensure_drafts

    class FakeTray:
        messages: list = []

        def showMessage(self, *args):  # noqa: N802 - Qt's name
            self.messages.append(args)

    from PySide6.QtGui import QCloseEvent

    ensure_drafts(window.library, 1)
    window.update_badge()
    window.reminders.tray = FakeTray()
    event = QCloseEvent()
    window.closeEvent(event)
    assert not event.isAccepted() and not window.isVisible()  # hidden, still running
    assert FakeTray.messages
    window.reminders.tray = None
    window.show()
    event = QCloseEvent()
    window.closeEvent(event)  # no tray: closing really closes (the next start shows what is due)
    assert event.isAccepted()


def test_a_send_job_that_breaks_reports_instead_of_crashing(window, qtbot):
    """A follow-up deleted under a running batch: the job reports it and always finishes."""
    from followup.gui.send_ui import SendJob
    from followup.mail.outbox import Account

    account = Account("127.0.0.1", 1, "none", "", "Sam", "sam@example.com")
    job = SendJob(window.library.path, [(987654, set())], account, "", pause=0)
    with qtbot.waitSignal(job.signals.finished, timeout=5000) as blocker:
        job.run()
    [outcome] = blocker.args[0]
    assert not outcome.ok and "Sending stopped" in outcome.reason


def test_send_locks_the_draft_while_it_is_on_its_way(window, qtbot):
    window.toggle_followups()
    panel = window.workspace.followups
    panel.lock_for_sending()
    assert panel.body.isReadOnly() and not panel.send_button.isEnabled()
    panel.refresh_view()  # what a finished send does
    assert not panel.body.isReadOnly() and panel.send_button.isEnabled()


def test_export_from_the_window_writes_what_the_command_line_writes(window, tmp_path,
                                                                      monkeypatch):
    import json

    from PySide6.QtWidgets import QFileDialog

    from followup.store.formats import export_text

    for name in ("library.json", "library.md"):
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *_a, target=target, **_k: (str(target), ""))
        window.files.export_file()
        expected = export_text(window.library, "markdown" if name.endswith(".md") else "json")
        assert target.read_text(encoding="utf-8") == expected
    assert json.loads((tmp_path / "library.json").read_text())["meetings"]


def test_export_as_html_from_the_window_adds_its_suffix_and_says_a_bad_place(
        window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    target = tmp_path / "meeting"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window.files.export_html()
    written = tmp_path / "meeting.html"
    assert written.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **_k: warnings.append(a[1:3]))
    blocked = tmp_path / "no-such-folder" / "page.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(blocked), ""))
    window.files.export_html()
    assert warnings and warnings[0][0] == "Nothing was exported" and not blocked.exists()
