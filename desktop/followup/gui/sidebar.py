"""The meeting list: newest first, a filter box, and each meeting's follow-up summary."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from followup.gui.formatting import short_datetime
from followup.store.library import Library, MeetingSummary
from followup.store.models import MEETING_KINDS


def summary_text(s: MeetingSummary) -> str:
    """Two lines: the title, then the count first (a narrow list elides the end of a line,
    never the "n of m sent"), the kind and the time."""
    title = " — ".join(x for x in (s.company, s.role) if x) or "Meeting"
    followups = f"{s.sent} of {s.to_send} sent" if s.to_send else f"{s.people} people"
    return f"{title}\n{followups} · {MEETING_KINDS.get(s.kind, s.kind)} · {short_datetime(s.when)}"


class MeetingSidebar(QWidget):
    meetingActivated = Signal(int)

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.filter = QLineEdit(objectName="meetingFilter")
        self.filter.setPlaceholderText("Filter meetings (Ctrl+F)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.refresh)
        self.list = QListWidget(objectName="meetingList")
        # Each line is elided at the right (the full text is in the tooltip), not wrapped.
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._on_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)

    @Slot()
    def refresh(self) -> None:
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for summary in self.library.list_meetings(self.filter.text()):
            item = QListWidgetItem(summary_text(summary))
            item.setToolTip(summary_text(summary))
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.list.addItem(item)
            if summary.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select(self, meeting_id: int) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == meeting_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def select_first(self) -> bool:
        """Select the newest meeting listed; False when the list is empty."""
        if self.list.count():
            self.list.setCurrentRow(0)
            return True
        return False

    def is_empty(self) -> bool:
        return self.list.count() == 0

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_current(self, current, _previous) -> None:
        if current is not None:
            self.meetingActivated.emit(current.data(Qt.ItemDataRole.UserRole))
