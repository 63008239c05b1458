"""Showing reminders: the system tray when there is one, an in-app banner when there is not.

Which reminders are due is decided by `core.reminders`; which were already shown is kept in
the library, so a restart never repeats one.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
)

from followup.store import followups as fu
from followup.store.library import Library

RECHECK = timedelta(seconds=60)  # upper bound between checks; state changes are scheduled


class ReminderBanner(QFrame):
    """A calm strip at the top of the window for when no system tray exists."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(objectName="reminderText", wordWrap=True)
        self.open_button = QPushButton("Show send status", objectName="reminderOpen")
        self.dismiss = QPushButton("Dismiss", objectName="reminderDismiss")
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        icon = QLabel(objectName="reminderIcon")
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
    def __init__(self, library: Library, window):
        super().__init__(window)
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

    def check(self, now: datetime) -> list | None:
        """Show what became due; None on the ticks where nothing can have changed."""
        if self._next_check is not None and now < self._next_check:
            return None
        from followup.core.deadlines import next_change
        from followup.core.reminders import due_reminders, shown_pairs

        items = fu.reminder_items(self.library, now)
        reminders = due_reminders(items, fu.shown_reminders(self.library), now)
        if reminders:
            fu.record_reminders(self.library, shown_pairs(reminders))
            self._present(reminders)
        upcoming = next_change([i.deadline for i in items], now)
        self._next_check = min(upcoming, now + RECHECK) if upcoming else now + RECHECK
        return reminders

    def reschedule(self) -> None:
        """Check again on the next tick (a follow-up or meeting time changed)."""
        self._next_check = None

    def _present(self, reminders) -> None:
        if self.tray is not None and self.tray.supportsMessages():
            for r in reminders:
                self.tray.showMessage(r.title, r.message, QSystemTrayIcon.MessageIcon.Warning,
                                      15000)
        self.window.banner.show_messages([f"<b>{escape(r.title)}</b> — {escape(r.message)}"
                                          for r in reminders])

    @Slot()
    def _on_tray_activated(self, _reason=None) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
