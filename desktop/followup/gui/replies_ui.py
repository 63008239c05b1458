"""Replies in the window: a check at start and every 15 minutes, off the UI thread, while
follow-ups await an answer; and the dialog showing a check-in that is due.

The check (`sending.mailbox.check_replies`: the mailbox, the answers recorded, the check-ins
drafted) runs on a daemon thread with plain data in, using the library through its own pooled
connection, as the send-status list's reader does; its result comes back through a queue and
a signal that carries no Python object (one queued across threads by Qt is released without
Python's lock held). Drafting many check-ins at once (the first start after an upgrade) takes
most of a second: never on the UI thread.
"""

from __future__ import annotations

import logging
import queue
import threading
from datetime import UTC, datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from followup.gui.object_names import named
from followup.gui.send_ui import passwords
from followup.sending import mailbox
from followup.store import replies

if TYPE_CHECKING:
    from followup.store.library import Library

CHECK_EVERY_MS = 15 * 60 * 1000
log = logging.getLogger(__name__)


class ReplyWatcher(QObject):
    """Looks for answers to the follow-ups sent, at `start()` and every 15 minutes; drafts the
    check-ins that fell due. `checked` is emitted after each check with `last` set."""

    checked = Signal()
    _ready = Signal()

    def __init__(self, library: Library, parent=None, password_lookup=None):
        super().__init__(parent)
        self.library = library
        self.last: mailbox.ReplyCheck | None = None
        self._lookup = password_lookup or _stored_password
        self._results: queue.SimpleQueue[mailbox.ReplyCheck] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._busy = False  # set by `check`, cleared when its result is taken (UI thread)
        self._ready.connect(self._take, Qt.ConnectionType.QueuedConnection)
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.check()
        self.timer.start()

    def busy(self) -> bool:
        """A check was started and its result not taken in yet."""
        return self._busy

    @Slot()
    def check(self) -> None:
        """Look for answers and draft the check-ins due, on a worker thread. The mailbox is
        read only when an IMAP account is set, a password is known and something awaits an
        answer (the password is looked up here: this session's memory lives on this thread)."""
        if self.busy():
            return
        now = datetime.now(UTC)
        settings = mailbox.load_imap(self.library)
        password = None
        if settings is not None and replies.awaited(self.library, now):
            password = self._lookup(self.library, settings)
        self._busy = True
        self._thread = threading.Thread(target=self._work, args=(settings, password, now),
                                        name="replies", daemon=True)
        self._thread.start()

    def _work(self, settings, password: str | None, now: datetime) -> None:
        """The check, off the UI thread: the library through its own pooled connection (as
        the status list's reader), the mailbox over the network."""
        try:
            if settings is None or password is None:
                why = "" if settings is None else "No IMAP password is known."
                result = mailbox.ReplyCheck(checkins=replies.update_checkins(self.library, now),
                                            error=why if replies.awaited(self.library, now)
                                            else "")
            else:
                result = mailbox.check_replies(self.library, password, now)
        except Exception as exc:  # nothing may escape a worker thread
            log.exception("reply check failed")
            result = mailbox.ReplyCheck(error=f"The reply check failed ({type(exc).__name__}).")
        self._results.put(result)
        try:
            self._ready.emit()
        except RuntimeError:  # the window closed meanwhile: nobody is left to tell
            pass

    @Slot()
    def _take(self) -> None:
        self.last = last = self._results.get()
        self._busy = False
        if last.password_refused:
            mailbox.forget_refused_password(self.library, passwords())
        if last.error:
            log.info("replies not checked: %s", last.error)
        self.checked.emit()

    def wait(self, seconds: float = 30.0) -> None:
        """Let a check under way finish (tests, quitting)."""
        if self._thread is not None:
            self._thread.join(seconds)

    def stop(self, seconds: float = 2.0) -> None:
        """No more checks; wait a moment for one under way (one still waiting on the network
        when the app quits ends with it: its thread is a daemon)."""
        self.timer.stop()
        self.wait(seconds)


def _stored_password(library: Library, settings) -> str | None:
    return passwords().load(mailbox.imap_secret_key(library, settings))


def found_lines(check: mailbox.ReplyCheck) -> list[str]:
    """What the banner says after a check (HTML): answers found, check-ins due, and an
    error the user must act on (a wrong password, an untrusted certificate); an error that
    may pass by itself (the network) is only logged."""
    lines = [f"<b>{escape(f.person)}</b> ({escape(f.company)}) replied"
             + (": the check-in was withdrawn." if f.withdrew_checkin else ".")
             for f in check.found]
    if check.checkins:
        count = len(check.checkins)
        lines.append(f"<b>{count} check-in{'' if count == 1 else 's'} due</b>: nobody has "
                     "answered yet; a short note is drafted in the send-status list.")
    if check.error and not check.retryable:
        lines.append(f"<b>Replies not checked</b>: {escape(check.error)}")
    return lines


class CheckinDialog(QDialog):
    """A check-in that is due: its text to copy or open in the mail app, and "Done" once it
    was sent or put aside (it is then no longer listed)."""

    def __init__(self, library: Library, checkin: replies.Checkin, parent=None):
        super().__init__(parent)
        self.setObjectName("checkinDialog")
        self.setWindowTitle(f"Check-in to {checkin.person}")
        self.library, self.checkin = library, checkin
        self.subject = named(QLineEdit(checkin.subject), "checkinSubject")
        self.body = named(QPlainTextEdit(checkin.body), "checkinBody")
        form = QFormLayout()
        to = named(QLabel(f"{checkin.person} <{checkin.address or 'no address'}>"), "checkinTo")
        to.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        form.addRow("To:", to)
        form.addRow("&Subject:", self.subject)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = named(QPushButton("&Copy"), "checkinCopy")
        mail = named(QPushButton("Open in &mail app"), "checkinMail")
        done = named(QPushButton("&Done"), "checkinDone")
        done.setToolTip("You sent it or put it aside: stop listing it")
        for button in (copy, mail, done):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy)
        mail.clicked.connect(self.open_mail)
        done.clicked.connect(self.done_with)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)

    @Slot()
    def copy(self) -> None:
        QGuiApplication.clipboard().setText(
            f"Subject: {self.subject.text()}\n\n{self.body.toPlainText()}")

    @Slot()
    def open_mail(self) -> None:
        from followup.mail.routes import mailto_url

        QDesktopServices.openUrl(QUrl(mailto_url(self.checkin.address, self.subject.text(),
                                                 self.body.toPlainText(),
                                                 to_name=self.checkin.person)))

    @Slot()
    def done_with(self) -> None:
        replies.close_checkin(self.library, self.checkin.followup_id)
        self.accept()
