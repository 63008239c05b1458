"""The meeting list: newest first, a filter box, and each meeting's follow-up summary.

The list is read once per change of the library; each keystroke in the filter only narrows the
rows already read (company, role and people's names, lower-cased once), and the list view asks
for the text of the rows on screen only, so filtering stays quick with thousands of meetings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

from followup.core.plurals import counted
from followup.gui.formatting import short_datetime
from followup.gui.object_names import named
from followup.gui.worker_wait import wait_for_worker
from followup.store.views import MEETING_KINDS, MeetingSummary

if TYPE_CHECKING:
    from followup.store.library import Library


def summary_text(s: MeetingSummary) -> str:
    """Two lines: the title, then the count first (a narrow list elides the end of a line,
    never the "n of m sent"; for a cancelled meeting "Cancelled", as nothing is due), the kind
    and the time."""
    title = " — ".join(x for x in (s.company, s.role) if x) or "Meeting"
    followups = f"{s.sent} of {s.to_send} sent" if s.to_send else counted(s.people, "person")
    if s.cancelled:
        followups = "Cancelled" + (f", {s.sent} sent" if s.sent else "")
    return f"{title}\n{followups} · {MEETING_KINDS.get(s.kind, s.kind)} · {short_datetime(s.when)}"


class MeetingModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[MeetingSummary] = []
        self._texts: dict[int, str] = {}

    def set_rows(self, rows: list[MeetingSummary], fresh: bool) -> None:
        self.beginResetModel()
        self.rows = rows
        if fresh:
            self._texts = {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        summary = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if summary.id not in self._texts:
                self._texts[summary.id] = summary_text(summary)
            return self._texts[summary.id]
        if role == Qt.ItemDataRole.UserRole:
            return summary.id
        return None


class MeetingSidebar(QWidget):
    meetingActivated = Signal(int)

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self._all: list[MeetingSummary] = []
        self._haystacks: dict[int, str] | None = None  # read at the first filter keystroke
        self._shown_for = ""
        self.filter = named(QLineEdit(), "meetingFilter")
        self.filter.setPlaceholderText("Filter meetings (Ctrl+F)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)  # names are read when the box gets focus
        self.model = MeetingModel(self)
        self.list = named(QListView(), "meetingList")
        self.list.setModel(self.model)
        # Each line is elided at the right (the full text is in the tooltip), not wrapped.
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)  # every row is two lines: no per-row measuring
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setBatchSize(100)  # while filtering; see _show
        self.list.selectionModel().currentChanged.connect(self._on_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)

    @Slot()
    def refresh(self) -> None:
        """Read the meetings again (something changed), keeping the filter and selection.
        Once the list is on screen the read runs on a worker (20-40 ms at 2,000 meetings),
        the window painting meanwhile; before, at start-up, it runs here."""
        if self.isVisible():
            self._all = wait_for_worker(self.library.list_meetings, "meeting-list", self.library)
        else:
            self._all = self.library.list_meetings()
        self._haystacks = None
        self._show(self._matching(self.filter.text()), fresh=True)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if (watched is self.filter and event.type() == QEvent.Type.FocusIn
                and getattr(self.library, "loaded", True)):
            self._load_haystacks()  # before the first key, not during it (nor at start-up)
        return super().eventFilter(watched, event)

    def _load_haystacks(self) -> dict[int, str]:
        if self._haystacks is None:
            from followup.store.meeting_search import people_by_meeting

            people = people_by_meeting(self.library)
            self._haystacks = {s.id: f"{s.company}\n{s.role}\n{people.get(s.id, '')}".lower()
                               for s in self._all}
        return self._haystacks

    @Slot(str)
    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        narrowing = self._shown_for and needle.startswith(self._shown_for)
        pool = self.model.rows if narrowing else self._all
        self._show(self._matching(text, pool), fresh=False)

    def _matching(self, text: str, pool: list[MeetingSummary] | None = None):
        needle = text.strip().lower()
        self._shown_for = needle
        pool = self._all if pool is None else pool
        if not needle:
            return list(pool)
        haystacks = self._load_haystacks()
        return [s for s in pool if needle in haystacks.get(s.id, "")]

    def _show(self, rows: list[MeetingSummary], fresh: bool) -> None:
        # While filtering, rows are laid out a batch at a time between events, so a keystroke
        # that changes thousands of rows returns at once; a list read afresh (the first screen
        # among others) is laid out in one pass, so it is all there at the next paint.
        mode = QListView.LayoutMode.SinglePass if fresh else QListView.LayoutMode.Batched
        if self.list.layoutMode() != mode:
            self.list.setLayoutMode(mode)
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.selectionModel().blockSignals(True)
        self.model.set_rows(rows, fresh)
        for row, summary in enumerate(rows):
            if summary.id == current:
                self.list.setCurrentIndex(self.model.index(row))
                break
        self.list.selectionModel().blockSignals(False)
        self.list.blockSignals(False)

    def current_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select(self, meeting_id: int) -> bool:
        for row, summary in enumerate(self.model.rows):
            if summary.id == meeting_id:
                self.list.setCurrentIndex(self.model.index(row))
                return True
        return False

    def select_first(self) -> bool:
        """Select the newest meeting listed; False when the list is empty."""
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
            return True
        return False

    def is_empty(self) -> bool:
        return self.model.rowCount() == 0

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current, _previous) -> None:
        if current.isValid():
            self.meetingActivated.emit(current.data(Qt.ItemDataRole.UserRole))
