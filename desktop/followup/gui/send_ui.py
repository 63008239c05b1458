"""Sending from the window: the account dialog, sending off the UI thread, and the other routes
(mail app, .eml file, clipboard), each ending with the send-status list telling the truth."""

from __future__ import annotations

import logging
import tempfile
from html import escape as html_escape
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from followup.gui.errors import plain
from followup.store import followups as fu
from followup.store.library import Library

# Sending, mail and keyring code is imported on first use: none of it is needed to open the
# window, and together it costs a noticeable part of start-up.
_passwords = None


def passwords():
    """The keyring first; this session's memory when there is none."""
    global _passwords
    if _passwords is None:
        from followup.mail.secrets import PasswordStore

        _passwords = PasswordStore()
    return _passwords


def _sending():
    from followup import sending

    return sending


WRONG_PASSWORD = "The server did not accept the password"  # mail.outbox's wording


class _Signals(QObject):
    progress = Signal(object)  # Outcome
    finished = Signal(object)  # list[Outcome] or SendResult


class SendJob(QRunnable):
    """Sends on a pool thread with its own library connection; only plain data crosses back."""

    def __init__(self, library_path: Path, ids: list[int], account, password: str,
                 allow_resend: bool = False, pause: float = 2.0):
        super().__init__()
        self.signals = _Signals()
        self.args = (library_path, ids, account, password, allow_resend, pause)

    def run(self) -> None:
        # Nothing may escape a pool thread: the error hook would open a dialog off the GUI
        # thread. Every failure becomes an outcome, and `finished` is always sent.
        path, ids, account, password, allow_resend, pause = self.args
        outcomes: list = []

        def progress(outcome) -> None:
            outcomes.append(outcome)
            self.signals.progress.emit(outcome)

        try:
            library = Library(path)
            try:
                if allow_resend and len(ids) == 1:
                    progress(_sending().send_one(library, ids[0], account, password,
                                                 allow_resend=True))
                else:
                    _sending().send_many(library, ids, account, password, pause=pause,
                                         progress=progress)
            finally:
                library.close()
        except Exception as exc:  # logged; the user sees which ones did not go
            logging.getLogger(__name__).exception("sending stopped")
            done = {o.followup_id for o in outcomes}
            for followup_id in ids:
                if followup_id not in done:
                    progress(_sending().Outcome(
                        followup_id, f"follow-up {followup_id}", False,
                        f"Sending stopped: {type(exc).__name__}. Nothing more was sent; "
                        "check the send-status list.", "unknown"))
        self.signals.finished.emit(outcomes)


class TestJob(QRunnable):
    def __init__(self, account, password: str):
        super().__init__()
        self.signals = _Signals()
        self.account, self.password = account, password

    def run(self) -> None:
        from followup.mail.outbox import test_connection

        self.signals.finished.emit(test_connection(self.account, self.password))


class AccountDialog(QDialog):
    SECURITY = (("starttls", "STARTTLS (port 587)"), ("ssl", "SSL/TLS (port 465)"),
                ("none", "None (a server on this computer only)"))

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Sending account")
        self.setObjectName("accountDialog")
        self.setMinimumWidth(520)
        self.library = library
        account = _sending().load_account(library)
        self.host = QLineEdit(account.host if account else "", objectName="accountHost",
                              placeholderText="smtp.example.com")
        self.port = QSpinBox(objectName="accountPort", minimum=1, maximum=65535,
                             value=account.port if account else 587)
        self.security = QComboBox(objectName="accountSecurity")
        for key, label in self.SECURITY:
            self.security.addItem(label, key)
        if account:
            self.security.setCurrentIndex([k for k, _ in self.SECURITY].index(account.security))
        self.security.currentIndexChanged.connect(self._default_port)
        self.user = QLineEdit(account.username if account else "", objectName="accountUser")
        self.sender_name = QLineEdit(account.sender_name if account else
                                     library.profile().name, objectName="accountName")
        self.sender_address = QLineEdit(account.sender_address if account else
                                        library.profile().email, objectName="accountAddress")
        self.password = QLineEdit(objectName="accountPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("kept in the system keyring, never in the library")
        self.remember = QCheckBox("Remember the password in the system keyring",
                                  objectName="rememberPassword", checked=True)
        if not passwords().persistent:
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
            self.remember.setText("No system keyring here: the password is kept for this "
                                  "session only")
        self.test_button = QPushButton("&Test connection", objectName="testConnection")
        self.test_button.clicked.connect(self.test)
        self.result = QLabel(objectName="accountResult", wordWrap=True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)  # a server's reply is never markup
        form = QFormLayout()
        for label, widget in (("&Server:", self.host), ("&Port:", self.port),
                              ("Se&curity:", self.security), ("&User name:", self.user),
                              ("&Password:", self.password), ("Sender &name:", self.sender_name),
                              ("Sender &address:", self.sender_address)):
            form.addRow(label, widget)
        form.addRow("", self.remember)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(buttons)

    @Slot(int)
    def _default_port(self, _index: int) -> None:
        ports = {"starttls": 587, "ssl": 465, "none": 1025}
        self.port.setValue(ports[self.security.currentData()])

    def account(self):
        from followup.mail.outbox import Account

        return Account(host=self.host.text().strip(), port=self.port.value(),
                       security=self.security.currentData(), username=self.user.text().strip(),
                       sender_name=self.sender_name.text().strip(),
                       sender_address=self.sender_address.text().strip())

    def _problem(self) -> str | None:
        from followup.mail.outbox import account_problem

        return account_problem(self.account())

    @Slot()
    def test(self) -> None:
        problem = self._problem()
        if problem:
            self.result.setText(problem)
            return
        self.result.setText("Connecting…")
        self.test_button.setEnabled(False)
        job = TestJob(self.account(), self.password.text() or passwords().load(
            _sending().secret_key(self.account())) or "")
        job.signals.finished.connect(self._tested)
        QThreadPool.globalInstance().start(job)

    @Slot(object)
    def _tested(self, result) -> None:
        self.test_button.setEnabled(True)
        self.result.setText(("✔ " if result.ok else "✖ ") + result.reason)

    def accept(self) -> None:
        problem = self._problem()
        if problem:
            self.result.setText(problem)
            return
        account = self.account()
        _sending().save_account(self.library, account)
        if self.password.text():
            key = _sending().secret_key(account)
            if self.remember.isChecked():
                passwords().store(key, self.password.text())
            else:
                passwords().session.store(key, self.password.text())
        super().accept()


class SendController(QObject):
    """Everything between the Send button and a true send-status list."""

    changed = Signal()
    started = Signal()

    def __init__(self, library: Library, window):
        super().__init__(window)
        self.library = library
        self.window = window
        self._progress: QProgressDialog | None = None
        self._lines: list[str] = []
        self.busy: set[int] = set()  # follow-ups on their way: never queued twice

    # --- straight from Followup -----------------------------------------------------------

    def send(self, ids: list[int]) -> None:
        if self.busy:
            QMessageBox.information(self.window, "Still sending",
                                    "Followup is still sending; wait for it to finish.")
            return
        if not ids:
            QMessageBox.information(self.window, "Nothing to send",
                                    "No follow-up is marked ready in this meeting.")
            return
        account = _sending().load_account(self.library) or self._ask_account()
        if account is None:
            return
        views = [fu.followup_view(self.library, i) for i in ids]
        if not all(self._confirm(v) for v in views):
            return
        allow_resend = len(views) == 1 and views[0].status in ("sent", "sending")
        password = self._password(account)
        if password is None:
            return
        from followup.mail.outbox import ComposeError

        for v in views:
            try:
                _sending().compose_for(self.library, v, account)
            except ComposeError as exc:
                QMessageBox.warning(self.window, "Cannot send yet", plain(str(exc)))
                return
        self._start(ids, account, password, allow_resend, views)

    def _ask_account(self):
        dialog = AccountDialog(self.library, self.window)
        return _sending().load_account(self.library) if dialog.exec() else None

    def _confirm(self, view: fu.FollowUpView) -> bool:
        if view.status == "sent":
            answer = QMessageBox.question(
                self.window, "Send again?",
                plain(f"The follow-up to {view.person_name} was already sent"
                      f" ({view.channel}). Send it a second time?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            return answer == QMessageBox.StandardButton.Yes
        if view.status == "sending":
            answer = QMessageBox.question(
                self.window, "Send not confirmed",
                plain(f"An earlier send to {view.person_name} was not confirmed. Check your "
                      "Sent folder first. Send it again anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            return answer == QMessageBox.StandardButton.Yes
        siblings = fu.followups_for_meeting(self.library, view.meeting_id)
        from followup.core.rubric import check_draft, failing_required

        failing = failing_required(check_draft(
            view.subject, view.body, fu.check_context(self.library, view, siblings)))
        if not failing:
            return True
        answer = QMessageBox.question(
            self.window, "Checklist not met",
            plain(f"The note to {view.person_name} still fails {len(failing)} required "
                  "checklist rule(s):\n\n" + "\n".join(f"• {r.message}" for r in failing)
                  + "\n\nSend anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _password(self, account) -> str | None:
        key = _sending().secret_key(account)
        stored = passwords().load(key)
        if stored is not None or not account.username:
            return stored or ""
        text, ok = QInputDialog.getText(
            self.window, "Password", f"Password for {account.username} at {account.host}"
            + ("" if passwords().persistent else " (kept for this session only)") + ":",
            QLineEdit.EchoMode.Password)
        if not ok:
            return None
        passwords().store(key, text)
        return text

    def _start(self, ids, account, password, allow_resend, views) -> None:
        self._lines = []
        self._account = account
        self.busy = set(ids)
        self.started.emit()
        self._progress = QProgressDialog(
            f"Sending to {', '.join(v.person_name for v in views)}…", None, 0, len(ids),
            self.window)
        self._progress.setObjectName("sendProgress")
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setWindowTitle("Sending")
        self._progress.setMinimumDuration(0)
        self._progress.setValue(0)
        job = SendJob(self.library.path, ids, account, password, allow_resend)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        QThreadPool.globalInstance().start(job)

    @Slot(object)
    def _on_progress(self, outcome) -> None:
        mark = "✔" if outcome.ok else "✖"
        self.busy.discard(outcome.followup_id)
        self._lines.append(f"{mark} {outcome.person}: {outcome.reason}")
        if self._progress is not None:
            self._progress.setValue(self._progress.value() + 1)
        self.changed.emit()

    @Slot(object)
    def _on_finished(self, outcomes) -> None:
        self.busy = set()
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        self.changed.emit()
        failed = [o for o in outcomes if not o.ok]
        if any(o.reason.startswith(WRONG_PASSWORD) for o in failed):
            # Forget a password the server refused, so the next send asks for it again.
            passwords().delete(_sending().secret_key(self._account))
        if failed:
            QMessageBox.warning(self.window, "Some follow-ups were not sent",
                                plain("\n".join(self._lines) + "\n\nFix the problem, then send "
                                      "the failed ones again (a sent one is never sent twice)."))
        else:
            self.window.statusBar().showMessage("  ".join(self._lines), 10000)

    # --- the other routes -----------------------------------------------------------------

    def _message(self, view: fu.FollowUpView):
        from followup.mail.outbox import Account

        account = _sending().load_account(self.library) or Account(
            host="localhost", port=25, security="none", username="",
            sender_name=self.library.profile().name,
            sender_address=self.library.profile().email or "me@localhost")
        return _sending().compose_for(self.library, view, account)

    def open_in_mail_app(self, view: fu.FollowUpView) -> None:
        from followup.mail.routes import fits_mailto, mailto_url, write_eml

        if not view.person_email:
            QMessageBox.warning(self.window, "No address",
                                plain(f"Add {view.person_name}'s email address on their card "
                                      "first."))
            return
        url = mailto_url(view.person_email, view.subject, view.body, to_name=view.person_name)
        from followup.mail.outbox import ComposeError

        if fits_mailto(url):
            QDesktopServices.openUrl(QUrl(url))
        else:  # too long for many mail apps: hand over an .eml file instead
            try:
                message = self._message(view)
            except ComposeError as exc:
                QMessageBox.warning(self.window, "Cannot open in mail app", plain(str(exc)))
                return
            path = Path(tempfile.mkdtemp(prefix="followup-")) / _eml_name(view)
            write_eml(message, path)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self._ask_mark_sent(view, "mail app", "Did you send it from your mail app?")

    def save_eml(self, view: fu.FollowUpView) -> None:
        from followup.mail.outbox import ComposeError
        from followup.mail.routes import write_eml

        try:
            message = self._message(view)
        except ComposeError as exc:
            QMessageBox.warning(self.window, "Cannot save", plain(str(exc)))
            return
        path, _ = QFileDialog.getSaveFileName(self.window, "Save as .eml",
                                              str(Path.home() / _eml_name(view)),
                                              "Email message (*.eml)")
        if path:
            write_eml(message, path)
            self._ask_mark_sent(view, "saved .eml", f"Saved {Path(path).name}. Once you have "
                                "sent it from your mail app, mark it sent.")

    def copy(self, view: fu.FollowUpView) -> None:
        from PySide6.QtCore import QMimeData

        from followup.mail.outbox import plain_and_html

        text, html = plain_and_html(view.body)
        data = QMimeData()
        data.setText(f"Subject: {view.subject}\n\n{text}")
        data.setHtml(f"<p><b>Subject:</b> {html_escape(view.subject)}</p>{html}")
        QGuiApplication.clipboard().setMimeData(data)
        self._ask_mark_sent(view, "copied", "Copied the subject and note. Once you have sent "
                            "it, mark it sent.")

    def _ask_mark_sent(self, view: fu.FollowUpView, channel: str, question: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, "Mark as sent?", question,
                          parent=self.window)
        mark = box.addButton("Mark as sent", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Not yet", QMessageBox.ButtonRole.RejectRole)
        box.setTextFormat(Qt.TextFormat.PlainText)  # it names a file the user chose
        box.setObjectName("markSentQuestion")
        box.exec()
        if box.clickedButton() is mark:
            fu.set_status(self.library, view.id, "sent", channel=channel,
                          detail="marked sent by hand", allow_resend=view.status == "sent")
            self.changed.emit()


def _eml_name(view: fu.FollowUpView) -> str:
    safe = "".join(c if c.isalnum() else "-" for c in view.person_name).strip("-").lower()
    return f"followup-{safe or view.id}.eml"
