"""Sending from the window: the account dialog, sending off the UI thread, and the other routes
(mail app, .eml file, clipboard), each ending with the send-status list telling the truth.

Imports inside methods are deliberate: the first screen opens before the ORM, the dialogs,
sending and the checklist are loaded (start-up target in docs/benchmarks.md), so each is
imported where it is first needed.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import replace
from functools import cache
from html import escape as html_escape
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QRunnable, Qt, QThreadPool, QUrl, Signal, Slot
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
from followup.gui.followup_panel import EnterNeverAccepts
from followup.gui.object_names import named
from followup.gui.spell import load_for_drafts
from followup.gui.worker_wait import wait_for_worker
from followup.lazy_import import LazyModule
from followup.mail.imap import (
    DEFAULT_PORTS,
    ImapAccount,
    ImapFailure,
    check_connection,
    imap_problem,
)
from followup.sending import mailbox
from followup.sending.mailbox import ImapSettings, imap_secret_key, load_imap, save_imap
from followup.store import followups as fu
from followup.store.library import Library

# Sending, mail and keyring code is imported on first use: none of it is needed to open the
# window, and together it costs a noticeable part of start-up.
delivery = LazyModule("followup.sending.delivery")
mail_secrets = LazyModule("followup.mail.secrets")
outbox = LazyModule("followup.mail.outbox")
preflight = LazyModule("followup.core.preflight")
routes = LazyModule("followup.mail.routes")
send_preflight = LazyModule("followup.sending.preflight")


@cache
def passwords():
    """The session's one password store, made at the first call: the keyring first; this
    session's memory when there is none."""
    return mail_secrets.PasswordStore()


class _Signals(QObject):
    progress = Signal(object)  # Outcome
    finished = Signal(object)  # list[Outcome] or SendResult


class SendJob(QRunnable):
    """Sends on a pool thread with its own library connection; only plain data crosses back.
    `batch`: each follow-up (as `delivery.prepare` made it, or its id) with the findings of
    its preflight the user confirmed."""

    def __init__(self, library_path: Path, batch: list, account, password: str,
                 pause: float = 2.0, imap_password: str | None = None):
        super().__init__()
        self.signals = _Signals()
        self.args = (library_path, batch, account, password, pause)
        self.imap_password = imap_password  # None: the SMTP password, when IMAP shares it

    def run(self) -> None:
        # Nothing may escape a pool thread: the error hook would open a dialog off the GUI
        # thread. Every failure becomes an outcome, and `finished` is always sent.
        path, batch, account, password, pause = self.args
        outcomes: list = []

        def progress(outcome) -> None:
            outcomes.append(outcome)
            self.signals.progress.emit(outcome)

        try:
            with Library(path) as library:
                delivery.send_many(library, batch, account, password, pause=pause,
                                   progress=progress, imap_password=self.imap_password)
        except Exception as exc:  # logged; the user sees which ones did not go
            logging.getLogger(__name__).exception("sending stopped")
            done = {o.followup_id for o in outcomes}
            for followup_id in map(_id_of, (item for item, _confirmed in batch)):
                if followup_id not in done:
                    progress(delivery.Outcome(
                        followup_id, f"follow-up {followup_id}", False,
                        f"Sending stopped: {type(exc).__name__}. Nothing more was sent; "
                        "check the send-status list.", "unknown"))
        self.signals.finished.emit(outcomes)


def _id_of(item) -> int:
    """The follow-up id of a batch item: an id, or an Outgoing of `delivery.prepare`."""
    return item if isinstance(item, int) else item.view.id


def _own_imap_password(library: Library) -> str | None:
    """The IMAP password when the mailbox keeps its own (read here, on the UI thread, where
    this session's memory lives); None when it shares the SMTP one or there is no IMAP."""
    settings = mailbox.load_imap(library)
    if settings is None or not settings.own_password:
        return None
    return passwords().load(mailbox.imap_secret_key(library, settings))


class TestJob(QRunnable):
    """Tests the SMTP account, and the mailbox when one is given (`imap`: an ImapAccount)."""

    def __init__(self, account, password: str, imap=None, imap_password: str = ""):
        super().__init__()
        self.signals = _Signals()
        self.account, self.password = account, password
        self.imap, self.imap_password = imap, imap_password

    def run(self) -> None:
        result = outbox.test_connection(self.account, self.password)
        if self.imap is not None:
            try:
                words, ok = check_connection(self.imap, self.imap_password), True
            except ImapFailure as failure:
                words, ok = failure.reason, False
            mark = "✔" if ok else "✖"
            result = replace(result, ok=result.ok and ok,
                             reason=f"{result.reason}\nIMAP: {mark} {words}")
        self.signals.finished.emit(result)


class AccountDialog(QDialog):
    SECURITY = (("starttls", "STARTTLS (port 587)"), ("ssl", "SSL/TLS (port 465)"),
                ("none", "None (a server on this computer only)"))

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Sending account")
        self.setObjectName("accountDialog")
        self.setMinimumWidth(520)
        self.library = library
        account = delivery.load_account(library)
        self.host = named(QLineEdit(account.host if account else "",
                                    placeholderText="smtp.example.com"), "accountHost")
        self.port = named(QSpinBox(minimum=1, maximum=65535,
                                   value=account.port if account else 587), "accountPort")
        self.security = named(QComboBox(), "accountSecurity")
        for key, label in self.SECURITY:
            self.security.addItem(label, key)
        if account:
            self.security.setCurrentIndex([k for k, _ in self.SECURITY].index(account.security))
        self.security.currentIndexChanged.connect(self._default_port)
        self.user = named(QLineEdit(account.username if account else ""), "accountUser")
        self.sender_name = named(QLineEdit(account.sender_name if account else
                                           library.profile().name), "accountName")
        self.sender_address = named(QLineEdit(account.sender_address if account else
                                              library.profile().email), "accountAddress")
        self.password = named(QLineEdit(), "accountPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = named(QCheckBox("Remember the password in the system keyring"),
                              "rememberPassword")
        self.remember.setChecked(True)
        self._show_keyring_state()
        self._show_password_held(account)
        self._imap_fields(library)
        self.test_button = named(QPushButton("&Test connection"), "testConnection")
        self.test_button.clicked.connect(self.test)
        self.test_result = named(QLabel(wordWrap=True), "accountResult")
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)  # a server's reply is never markup
        form = QFormLayout()
        for label, widget in (("&Server:", self.host), ("&Port:", self.port),
                              ("Se&curity:", self.security), ("&User name:", self.user),
                              ("&Password:", self.password), ("Sender &name:", self.sender_name),
                              ("Sender &address:", self.sender_address)):
            form.addRow(label, widget)
        form.addRow("", self.remember)
        form.addRow(QLabel("<b>Your mailbox (IMAP, optional)</b>: a copy of each note in Sent, "
                           "and replies found. It signs in with the password above.",
                           wordWrap=True))
        for label, widget in (("IMAP ser&ver:", self.imap_host), ("IMAP p&ort:", self.imap_port),
                              ("IMAP securit&y:", self.imap_security),
                              ("IMAP user na&me:", self.imap_user)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.test_result)
        layout.addWidget(buttons)

    DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 1025}
    IMAP_SECURITY = (("ssl", "SSL/TLS (port 993)"), ("starttls", "STARTTLS (port 143)"),
                     ("none", "None (a server on this computer only)"))

    def _imap_fields(self, library: Library) -> None:
        self._imap = load_imap(library)
        imap = self._imap.account if self._imap else None
        self.imap_host = named(QLineEdit(imap.host if imap else "",
                                         placeholderText="imap.example.com (empty: no IMAP)"),
                               "imapHost")
        self.imap_port = named(QSpinBox(minimum=1, maximum=65535,
                                        value=imap.port if imap else 993), "imapPort")
        self.imap_security = named(QComboBox(), "imapSecurity")
        for key, label in self.IMAP_SECURITY:
            self.imap_security.addItem(label, key)
        if imap:
            self.imap_security.setCurrentIndex(
                [k for k, _ in self.IMAP_SECURITY].index(imap.security))
        self.imap_security.currentIndexChanged.connect(self._default_imap_port)
        self.imap_user = named(QLineEdit(imap.username if imap else "",
                                         placeholderText="the user name above"), "imapUser")

    @Slot(int)
    def _default_imap_port(self, _index: int) -> None:
        if self.imap_port.value() in (993, 143):
            self.imap_port.setValue(DEFAULT_PORTS[self.imap_security.currentData()])

    def imap_settings(self):
        """The IMAP settings the fields give, or None when the server is left empty."""
        host = self.imap_host.text().strip()
        if not host:
            return None
        account = ImapAccount(host, self.imap_port.value(), self.imap_security.currentData(),
                              self.imap_user.text().strip() or self.user.text().strip())
        return ImapSettings(account, self._imap.own_password if self._imap else False)

    def _show_keyring_state(self) -> None:
        """Remember is ticked only where a password can be remembered: no keyring, or one
        that refused a password in this session, keeps it for this session only."""
        # Importing keyring and asking the system's keyring take a tenth of a second or more
        # the first time: on a worker, the window painting meanwhile.
        store = wait_for_worker(passwords, "keyring")
        if store.persistent:
            return
        self.remember.setChecked(False)
        self.remember.setEnabled(False)
        self.remember.setText(
            "The keyring refused it (locked?): kept for this session only" if store.refused
            else
            "No system keyring here: the password is kept for this session only")

    def _show_password_held(self, account) -> None:
        """An empty password field says whether a password is already held, and where."""
        key = delivery.secret_key(account) if account else ""
        held = wait_for_worker(lambda: passwords().held(key), "keyring") if account else None
        Held = mail_secrets.Held
        self.password.setPlaceholderText(
            "•••• saved in the keyring (type to replace it)" if held == Held.KEYRING else
            "•••• held for this session only (type to replace it)" if held == Held.SESSION else
            "kept in the system keyring, never in the library")

    @Slot(int)
    def _default_port(self, _index: int) -> None:
        """Follow the mode's usual port, unless the user typed a port of their own."""
        if self.port.value() in self.DEFAULT_PORTS.values():
            self.port.setValue(self.DEFAULT_PORTS[self.security.currentData()])

    def account(self):
        return outbox.Account(host=self.host.text().strip(), port=self.port.value(),
                              security=self.security.currentData(),
                              username=self.user.text().strip(),
                              sender_name=self.sender_name.text().strip(),
                              sender_address=self.sender_address.text().strip())

    def _problem(self) -> str | None:
        imap = self.imap_settings()
        return outbox.account_problem(self.account()) or (imap_problem(imap.account) if imap
                                                          else None)

    @Slot()
    def test(self) -> None:
        problem = self._problem()
        if problem:
            self.test_result.setText(problem)
            return
        self.test_result.setText("Connecting…")
        self.test_button.setEnabled(False)
        password = self.password.text() or passwords().load(
            delivery.secret_key(self.account())) or ""
        imap = self.imap_settings()
        imap_password = password
        if imap is not None and imap.own_password:
            imap_password = passwords().load(imap_secret_key(self.library, imap)) or ""
        job = TestJob(self.account(), password, imap.account if imap else None, imap_password)
        job.signals.finished.connect(self._tested)
        QThreadPool.globalInstance().start(job)

    @Slot(object)
    def _tested(self, result) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(("✔ " if result.ok else "✖ ") + result.reason)

    def accept(self) -> None:
        problem = self._problem()
        if problem:
            self.test_result.setText(problem)
            return
        account = self.account()
        delivery.save_account(self.library, account)

        save_imap(self.library, self.imap_settings())
        if self.password.text():
            key = delivery.secret_key(account)
            if self.remember.isChecked():
                if not passwords().store(key, self.password.text()):
                    self._show_keyring_state()
                    QMessageBox.warning(self, "Password not remembered", KEYRING_REFUSED)
            else:
                passwords().session.store(key, self.password.text())
        super().accept()


KEYRING_REFUSED = (
    "The system keyring refused to keep the password (it may be locked, or its unlock "
    "prompt was dismissed). The account is saved, and the password is kept for this session "
    "only: Followup asks for it again after a restart. Unlock the keyring and save the "
    "account again to remember it.")


class ConfirmSendDialog(EnterNeverAccepts):
    """What is about to leave, and what stands in its way: From, To (and whether the address was
    guessed), Subject, the first lines, the problems of the send preflight. Send stays disabled
    while a gap (or another blocking problem) is there, and while a guessed address is not
    ticked. Enter never sends: only a click on Send (or its mnemonic) does."""

    def __init__(self, check, sender: str, parent=None):
        super().__init__(parent)

        self.check = check
        facts = check.facts
        self.setObjectName("confirmSendDialog")
        self.setWindowTitle(f"Send to {facts.person}?")
        self.setMinimumWidth(560)
        form = QFormLayout()
        form.addRow("From:", named(QLabel(sender, textFormat=Qt.TextFormat.PlainText),
                                   "confirmFrom"))
        to = html_escape(f"{facts.person} <{facts.address or 'no address'}>")
        if facts.address_guessed:
            to += ' <b style="color:#D55E00">⚠ guessed, not confirmed</b>'
        form.addRow("To:", named(QLabel(to, textFormat=Qt.TextFormat.RichText), "confirmTo"))
        form.addRow("Subject:", named(QLabel(facts.subject or "(none)", wordWrap=True,
                                             textFormat=Qt.TextFormat.PlainText), "confirmSubject"))
        first = named(QLabel(wordWrap=True,
                             textFormat=Qt.TextFormat.PlainText), "confirmFirstLines")
        first.setText("\n".join(check.first_lines()) + ("\n…" if facts.body.strip() else ""))
        first.setFrameShape(QLabel.Shape.StyledPanel)
        form.addRow("Begins:", first)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.problems = named(QLabel(wordWrap=True,
                                     textFormat=Qt.TextFormat.RichText), "confirmProblems")
        self.problems.setText(self._problem_text())
        self.problems.setVisible(bool(check.problems))
        layout.addWidget(self.problems)
        self.address_box = named(QCheckBox(f"I checked {facts.address}: send to this address"),
                                 "addressConfirmedBox")
        self.address_box.setVisible(check.has(preflight.Finding.ADDRESS_GUESSED))
        self.address_box.toggled.connect(self._update)
        layout.addWidget(self.address_box)
        buttons = named(QDialogButtonBox(), "confirmButtons")
        self.send_button = buttons.addButton("&Send", QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("confirmSendButton")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._buttons = (self.send_button, cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        cancel.setFocus()
        self._update()

    def _problem_text(self) -> str:
        lines = []
        for problem in self.check.problems:
            mark = "✖" if problem.blocking else "⚠"
            lines.append(f"{mark} {html_escape(problem.message)}")
        for rule in self.check.facts.failing_rules:
            lines.append(f"&nbsp;&nbsp;• {html_escape(rule)}")
        return "<br>".join(lines)

    @Slot()
    def _update(self) -> None:
        self.send_button.setEnabled(not self.check.blocked and not self.check.unconfirmed(
            self.confirmed() | self._by_clicking_send()))
        if self.check.blocked:
            self.send_button.setToolTip("Fix what is marked ✖ first.")

    def _by_clicking_send(self) -> set:
        """What the Send button itself confirms: the rules still failing, the sentences
        phrased from notes still unread (the dialog says how many) and a resend."""
        finding = preflight.Finding
        return {finding.RULES_FAILING, finding.UNREAD_PHRASED, *preflight.RESEND}

    def confirmed(self) -> set:
        """The findings the user confirmed in this dialog."""
        chosen = set()
        if not self.address_box.isHidden() and self.address_box.isChecked():
            chosen.add(preflight.Finding.ADDRESS_GUESSED)
        if self.result() == QDialog.DialogCode.Accepted:
            chosen |= self._by_clicking_send()
        return chosen

    def accept(self) -> None:
        if self.send_button.isEnabled():
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
        load_for_drafts()  # the preflight checks each draft
        account = delivery.load_account(self.library)
        if account is None:
            first = delivery.prepare(self.library, ids[0], None)
            if first.check.blocked:  # a gap or no address: say so before any account set-up
                dialog = ConfirmSendDialog(first.check, "(no sending account set up yet)",
                                           self.window)
                dialog.exec()
                dialog.deleteLater()
                return
            account = self._ask_account()
        if account is None:
            return
        batch = []
        for followup_id in ids:  # one confirmation per person; Cancel stops them all
            outgoing = delivery.prepare(self.library, followup_id, account)
            confirmed = self._confirm(outgoing, account)
            if confirmed is None:
                return
            batch.append((outgoing, confirmed))
        password = self._password(account)
        if password is None:
            return
        self._start(batch, account, password)

    def _ask_account(self):
        dialog = AccountDialog(self.library, self.window)
        return delivery.load_account(self.library) if dialog.exec() else None

    def _confirm(self, outgoing, account):
        """The send preflight, shown in the confirmation dialog; the findings the user
        confirmed when they pressed Send, else None. A ticked guessed address becomes a
        confirmed one on the person's card."""
        check = outgoing.check
        dialog = ConfirmSendDialog(check, f"{account.sender_name} <{account.sender_address}>",
                                   self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        confirmed = dialog.confirmed()
        dialog.deleteLater()
        if not accepted or check.unconfirmed(confirmed):
            return None
        if preflight.Finding.ADDRESS_GUESSED in confirmed:
            self.library.update_person(outgoing.view.person_id, email_is_guess=False)
        return confirmed

    def _password(self, account) -> str | None:
        key = delivery.secret_key(account)
        stored = passwords().load(key)
        if stored is not None or not account.username:
            return stored or ""
        text, ok = QInputDialog.getText(
            self.window, "Password", f"Password for {account.username} at {account.host}"
            + ("" if passwords().persistent else " (kept for this session only)") + ":",
            QLineEdit.EchoMode.Password)
        if not ok:
            return None
        was_persistent = passwords().persistent
        if not passwords().store(key, text) and was_persistent:
            QMessageBox.warning(self.window, "Password not remembered", KEYRING_REFUSED)
        return text

    def _start(self, batch, account, password) -> None:
        self._lines = []
        self._account = account
        self.busy = {outgoing.view.id for outgoing, _confirmed in batch}
        self.started.emit()
        self._progress = QProgressDialog(
            f"Sending to {', '.join(o.view.person_name for o, _c in batch)}…",
            None,  # pyright: ignore[reportArgumentType] - Qt's null string: no Cancel button
            0, len(batch), self.window)
        self._progress.setObjectName("sendProgress")
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setWindowTitle("Sending")
        self._progress.setMinimumDuration(0)
        self._progress.setValue(0)
        job = SendJob(self.library.path, batch, account, password,
                      imap_password=_own_imap_password(self.library))
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
        if any(o.kind is delivery.OutcomeKind.PASSWORD_REFUSED for o in failed):
            # Forget a password the server refused, so the next send asks for it again.
            passwords().delete(delivery.secret_key(self._account))
        if failed:
            QMessageBox.warning(self.window, failed_title(len(failed), len(outcomes)),
                                plain("\n".join(self._lines) + "\n\nFix the problem, then send "
                                      "the failed ones again (a sent one is never sent twice)."))
        else:
            self.window.statusBar().showMessage("  ".join(self._lines), 10000)

    # --- the other routes -----------------------------------------------------------------

    def _message(self, view: fu.FollowUpView, *, address_optional: bool = False):
        """The message as it would be sent: from the account, or from the profile's name and
        address when no account is set up. `address_optional`: no To line without one."""
        account = delivery.load_account(self.library) or outbox.Account(
            host="localhost", port=25, security="none", username="",
            sender_name=self.library.profile().name,
            sender_address=self.library.profile().email or "me@localhost")
        return delivery.compose_for(self.library, view, account,
                                    address_optional=address_optional)

    def open_in_mail_app(self, view: fu.FollowUpView) -> None:
        if not view.person_email:
            QMessageBox.warning(self.window, "No address",
                                plain(f"Add {view.person_name}'s email address on their card "
                                      "first, or save the note as an .eml file: your mail app "
                                      "then asks for the address."))
            return
        try:
            url = routes.mailto_url(view.person_email, view.subject, view.body,
                                    to_name=view.person_name)
            # Too long for many mail apps: an .eml file is handed over instead.
            message = None if routes.fits_mailto(url) else self._message(view)
        except outbox.ComposeError as exc:
            QMessageBox.warning(self.window, "Cannot open in mail app", plain(str(exc)))
            return
        if message is None:
            opened = QDesktopServices.openUrl(QUrl(url))
        else:
            path = Path(tempfile.mkdtemp(prefix="followup-")) / _eml_name(view)
            routes.write_eml(message, path)
            opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        if not opened:  # no program takes email links here: nothing left, say so
            self._offer_other_routes(view)
            return
        self._ask_mark_sent(view, "mail app", "Did you send it from your mail app?")

    def _offer_other_routes(self, view: fu.FollowUpView) -> None:
        """No mail app opened: say so, and offer the routes that need none (an .eml file,
        the clipboard). Close is the default: Enter does nothing more."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, "No mail app opened",
            "Followup could not open a mail app: none is set up to open email links on this "
            "computer. Nothing was sent.\n\nSave the note as an .eml file (most mail programs "
            "open it as a message ready to send), or copy the subject and note into your "
            "webmail.", parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("noMailAppBox")
        save = box.addButton("Save as .&eml…", QMessageBox.ButtonRole.ActionRole)
        copy = box.addButton("&Copy subject and note", QMessageBox.ButtonRole.ActionRole)
        close = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(close)
        box.setEscapeButton(close)
        box.exec()
        if box.clickedButton() is save:
            self.save_eml(view)
        elif box.clickedButton() is copy:
            self.copy(view)

    def save_eml(self, view: fu.FollowUpView) -> None:
        try:  # without an address too: the mail program that opens the file asks for it
            message = self._message(view, address_optional=True)
        except outbox.ComposeError as exc:
            QMessageBox.warning(self.window, "Cannot save", plain(str(exc)))
            return
        path, _ = QFileDialog.getSaveFileName(self.window, "Save as .eml",
                                              str(Path.home() / _eml_name(view)),
                                              "Email message (*.eml)")
        if path:
            try:
                routes.write_eml(message, path)
            except OSError as exc:
                QMessageBox.warning(self.window, "Not saved",
                                    plain(f"{path} could not be written: {exc.strerror or exc}. "
                                          "Choose another place."))
                return
            self._ask_mark_sent(view, "saved .eml", f"Saved {Path(path).name}. Once you have "
                                "sent it from your mail app, mark it sent.")

    def copy(self, view: fu.FollowUpView) -> None:
        text, html = outbox.plain_and_html(view.body)
        data = QMimeData()
        data.setText(f"Subject: {view.subject}\n\n{text}")
        data.setHtml(f"<p><b>Subject:</b> {html_escape(view.subject)}</p>{html}")
        data.setProperty("followupCopy", True)  # see release_clipboard
        QGuiApplication.clipboard().setMimeData(data)
        self._ask_mark_sent(view, "copied", "Copied the subject and note. Once you have sent "
                            "it, mark it sent.")

    def _ask_mark_sent(self, view: fu.FollowUpView, channel: str, question: str) -> None:
        """Ask whether to record the note as sent, with what the mark-sent preflight found
        (a gap, failing rules, a second record): Mark as sent is the user's yes to them."""
        load_for_drafts()
        check = send_preflight.check_before_mark_sent(self.library, view.id)
        if check.problems:
            question += "\n\nThe draft in Followup:\n" + "\n".join(
                f"{'✖' if p.blocking else '•'} {p.message}" for p in check.problems)
        box = QMessageBox(QMessageBox.Icon.Question, "Mark as sent?", question,
                          parent=self.window)
        mark = box.addButton("&Mark as sent", QMessageBox.ButtonRole.AcceptRole)
        mark.setEnabled(not check.blocked)
        not_yet = box.addButton("&Not yet", QMessageBox.ButtonRole.RejectRole)
        # Enter must never record a send: only a click (or the mnemonic) on Mark as sent does.
        mark.setAutoDefault(False)
        box.setDefaultButton(not_yet)
        box.setEscapeButton(not_yet)
        box.setTextFormat(Qt.TextFormat.PlainText)  # it names a file the user chose
        box.setObjectName("markSentQuestion")
        box.exec()
        if box.clickedButton() is mark:
            outcome = delivery.mark_sent(self.library, view.id, channel,
                                         confirmed={p.kind for p in check.problems})
            if not outcome.ok:
                QMessageBox.warning(self.window, "Not marked sent", plain(outcome.reason))
            self.changed.emit()


def release_clipboard() -> None:
    """Before the app ends: a note copied with its HTML (a QMimeData made in Python) is put
    back as plain text made by Qt. The clipboard outlives Python, and deleting the Python-made
    object then crashed the process on its way out."""
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.property("followupCopy"):
        clipboard.setText(data.text())


def failed_title(failed: int, sent_for: int) -> str:
    """The title over the outcome of a send of `sent_for` follow-ups of which `failed` did
    not go: "The follow-up was not sent", "2 of 3 follow-ups were not sent"."""
    if sent_for == 1:
        return "The follow-up was not sent"
    if failed == sent_for:
        return f"None of the {sent_for} follow-ups was sent"
    return f"{failed} of {sent_for} follow-ups {'was' if failed == 1 else 'were'} not sent"


def _eml_name(view: fu.FollowUpView) -> str:
    safe = "".join(c if c.isalnum() else "-" for c in view.person_name).strip("-").lower()
    return f"followup-{safe or view.id}.eml"
