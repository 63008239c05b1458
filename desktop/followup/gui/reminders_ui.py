"""Showing reminders: the system tray when there is one, an in-app banner when there is not.

Which reminders are due is decided by `core.reminders`; which were already shown is kept in
the library, so a restart never repeats one. On the timer, the reading and deciding run on a
worker thread and only the showing runs on the UI thread: with thousands of follow-ups unsent
(an imported history, say) the first pass must not freeze the window.
"""

from __future__ import annotations

import logging
import queue
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
)

from followup.core.deadlines import next_change
from followup.core.reminders import due_reminders, shown_pairs
from followup.gui.object_names import named
from followup.lazy_import import LazyModule

if TYPE_CHECKING:
    from followup.store.library import Library

fu = LazyModule("followup.store.followups")
status_list = LazyModule("followup.store.status_list")
log = logging.getLogger(__name__)

RECHECK = timedelta(seconds=60)  # upper bound between checks; state changes are scheduled
SHOWN_AT_ONCE = 5  # more reminders than this at once become one summary line


class ReminderBanner(QFrame):
    """A calm strip at the top of the window for when no system tray exists."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = named(QLabel(wordWrap=True), "reminderText")
        self.open_button = named(QPushButton("Show send status"), "reminderOpen")
        self.dismiss = named(QPushButton("Dismiss"), "reminderDismiss")
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        icon = named(QLabel(), "reminderIcon")
        # A real icon, not a clock glyph many fonts lack (it showed as an empty box).
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(size, size))
        layout.addWidget(icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.dismiss)
        self.hide()

    def show_messages(self, lines: list[str]) -> None:
        self.label.setText("<br>".join(lines))
        self.show()


class ReminderPresenter(QObject):
    # The worker hands its result over in a queue and only wakes this thread with a signal
    # that carries no Python object: a Python object queued across threads by Qt is released
    # without Python's lock held, which can crash the interpreter.
    _ready = Signal()

    def __init__(self, library: Library, window):
        super().__init__(window)
        # One thread kept for the checks: a tick only queues work, never starts a thread.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reminders")
        self._pool.submit(lambda: None)
        self._worker: Future | None = None  # the check under way
        self._results: queue.SimpleQueue = queue.SimpleQueue()
        self._ready.connect(self._take_result, Qt.ConnectionType.QueuedConnection)
        self.library = library
        self.window = window
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(window.windowIcon(), window)
            self.tray.setToolTip("Followup")
            self.tray.activated.connect(self._on_tray_activated)
            menu = QMenu(window)
            menu.addAction("Open Followup").triggered.connect(self._on_tray_activated)
            menu.addAction("Quit").triggered.connect(window.quit)
            self.tray.setContextMenu(menu)
            self.tray.show()
        self._next_check: datetime | None = None
        self._rescheduled = False

    def check_in_background(self, now: datetime) -> bool:
        """On a tick when a check is due: decide on a worker thread, show back on this one.

        Returns whether a check started; `window.update_badge(due)` follows its result.
        """
        if self._worker is not None or (self._next_check is not None and now < self._next_check):
            return False
        self._rescheduled = False
        self._worker = self._pool.submit(self._work, now)
        return True

    def _work(self, now: datetime) -> None:
        try:
            decided = self._decide(now)
        except Exception:  # a busy or closing library: try again at the next recheck
            log.warning("reminder check failed", exc_info=True)
            decided = ([], now + RECHECK, None)
        self._results.put(decided)
        try:
            self._ready.emit()
        except RuntimeError:  # the window closed meanwhile
            pass

    @Slot()
    def _take_result(self) -> None:
        while not self._results.empty():
            self._on_decided(self._results.get())

    def _decide(self, now: datetime):
        """(reminders newly due, when to check next, how many are due); no Qt here."""
        items = fu.reminder_items(self.library, now)
        reminders = due_reminders(items, fu.shown_reminders(self.library), now)
        status_list.record_shown(self.library, shown_pairs(reminders))
        upcoming = next_change([i.deadline for i in items], now)
        next_check = min(upcoming, now + RECHECK) if upcoming else now + RECHECK
        return reminders, next_check, status_list.count_due(items, now)

    def _on_decided(self, decided) -> None:
        self._worker = None
        reminders, next_check, due = decided
        if not self._rescheduled:  # else something changed meanwhile: check on the next tick
            self._next_check = next_check
        if reminders:
            self._present(reminders)
        if due is not None:
            self.window.update_badge(due)

    def reschedule(self) -> None:
        """Check again on the next tick (a follow-up or meeting time changed)."""
        self._next_check = None
        self._rescheduled = True

    def _present(self, reminders) -> None:
        """One notification each for a few; past `SHOWN_AT_ONCE`, the first few and a count."""
        shown, rest = reminders[:SHOWN_AT_ONCE], len(reminders) - SHOWN_AT_ONCE
        if self.tray is not None and self.tray.supportsMessages():
            if rest > 0:
                self.tray.showMessage(
                    f"{len(reminders)} follow-ups need attention",
                    "Open the send-status list to see them, most urgent first.",
                    QSystemTrayIcon.MessageIcon.Warning, 15000)
            else:
                for r in shown:
                    self.tray.showMessage(r.title, r.message,
                                          QSystemTrayIcon.MessageIcon.Warning, 15000)
        lines = [f"<b>{escape(r.title)}</b> — {escape(r.message)}" for r in shown]
        if rest > 0:
            lines.append(f"… and {rest} more: open the send-status list.")
        self.window.banner.show_messages(lines)

    @Slot()
    def _on_tray_activated(self, _reason=None) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
