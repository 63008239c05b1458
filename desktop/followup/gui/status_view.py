"""The send-status list: every follow-up, most urgent first, with live countdowns.

Opening it reads the rows once (`store.status_list`); searching and the filter buttons work on
those rows (past a few thousand rows, once typing pauses); a countdown tick repaints only the
countdown cells on screen that changed; the "To fix" count (the checklist run on each draft
still to send) is worked out on a worker thread, most urgent first, and filled in as it comes,
so the window answers all the while.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from followup.core.deadlines import STATE_STYLE, format_local
from followup.core.status import Status, is_open
from followup.gui.theme import is_dark
from followup.store.status_list import (
    FILTERS,
    UNSENT_FILTERS,
    StatusEntry,
    StatusRow,
    ranked,
    select_rows,
)

if TYPE_CHECKING:
    from followup.store.library import Library

SEARCH_PAUSE_MS = 150  # with many rows, search once typing pauses rather than at each key
SEARCH_AT_ONCE_ROWS = 2000  # up to this many rows, each keystroke filters at once
log = logging.getLogger(__name__)

COLUMNS = ("Person", "Company", "Meeting", "State", "Countdown / sent", "Status", "Channel",
           "To fix")


class StatusModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[StatusRow] = []
        self.failing: dict[int, int] = {}
        self.now = datetime.now(UTC)
        self._countdowns: dict[int, object] = {}  # row -> countdown at `now`, as painted

    def set_rows(self, rows: list[StatusRow], failing: dict[int, int], now: datetime) -> None:
        self.beginResetModel()
        self.rows, self.failing, self.now = rows, failing, now
        self._countdowns = {}
        self.endResetModel()

    def retime(self, now: datetime, first: int = 0, last: int | None = None) -> None:
        """Move the clock on: rows `first`..`last` (those on screen) repaint the countdown
        cells whose text or state changed, cell by cell (a range would repaint the whole
        table), so a tick costs the same with 50 rows or 50,000."""
        before, self._countdowns, self.now = self._countdowns, {}, now
        last = len(self.rows) - 1 if last is None else min(last, len(self.rows) - 1)
        for row in range(max(0, first), last + 1):
            old, new = before.get(row), self.countdown(row)
            if old is None or new is None or (old.text, old.state) != (new.text, new.state):
                for column in (3, 4):
                    cell = self.index(row, column)
                    self.dataChanged.emit(cell, cell)

    def countdown(self, row: int):
        if row not in self._countdowns:
            self._countdowns[row] = self.rows[row].view.countdown(self.now)
        return self._countdowns[row]

    def set_failing(self, followup_id: int, count: int, row: int) -> None:
        self.failing[followup_id] = count
        self.dataChanged.emit(self.index(row, 7), self.index(row, 7))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, index.row())
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and row.view.deadline:
            style = STATE_STYLE[self.countdown(index.row()).state]
            return QColor(style.dark if is_dark() else style.light)
        if role == Qt.ItemDataRole.UserRole:
            return row.view.id
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and row.view.deadline:
            return f"Due {format_local(row.view.deadline.due, now=self.now)}"
        return None

    def _text(self, row: StatusRow, column: int, number: int) -> str:
        v = row.view
        c = self.countdown(number) if column in (3, 4) else None
        if column == 0:
            return v.person_name
        if column == 1:
            return v.company
        if column == 2:
            return v.role or v.kind.replace("_", " ")
        if column == 3:
            if c is None:
                return "no meeting time"
            style = STATE_STYLE[c.state]
            return f"{style.glyph} {style.label}"
        if column == 4:
            return c.text if c else ""
        if column == 5:
            return "send not confirmed" if v.status is Status.SENDING else v.status.value
        if column == 6:
            return v.channel
        if not is_open(v.status):
            return ""
        failing = self.failing.get(v.id)
        return "…" if failing is None else (str(failing) if failing else "✔")


class DraftChecker(QObject):
    """Runs the checklist on drafts on a worker thread and reports each failing count.

    `check()` replaces what is queued; a result from before the latest `check()` or `stop()`
    carries an older generation and is ignored by the receiver.
    """

    checked = Signal(int, int, int)  # generation, follow-up id, required checks failing

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.generation = 0
        self._queue: list[StatusEntry] = []
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def check(self, entries: list[StatusEntry]) -> None:
        """Check these, first to last, instead of anything still queued."""
        with self._lock:
            self.generation += 1
            self._queue = list(reversed(entries))  # popped from the end
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="status-checks",
                                                daemon=True)
                self._thread.start()

    def stop(self) -> None:
        with self._lock:
            self.generation += 1
            self._queue = []

    def _run(self) -> None:
        from followup.store import followups as fu

        siblings: dict[int, list] = {}
        generation = None
        while True:
            with self._lock:
                if not self._queue:
                    self._thread = None
                    return
                entry = self._queue.pop()
                if generation != self.generation:  # drafts may have changed: read them again
                    generation, siblings = self.generation, {}
            try:
                if entry.meeting_id not in siblings:
                    siblings[entry.meeting_id] = fu.followups_for_meeting(self.library,
                                                                          entry.meeting_id)
                mates = siblings[entry.meeting_id]
                view = next((v for v in mates if v.id == entry.id), None)
                count = 0 if view is None else fu.failing_required_count(self.library, view,
                                                                         mates)
            except Exception:  # a draft deleted meanwhile, a busy library: leave it unknown
                log.warning("checking draft %s failed", entry.id, exc_info=True)
                continue
            try:
                self.checked.emit(generation, entry.id, count)
            except RuntimeError:  # the window has closed
                return
            time.sleep(0.002)  # let the UI thread take Python's lock between two drafts


class StatusListView(QWidget):
    openFollowUp = Signal(int, int)  # meeting id, attendance id

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.setObjectName("statusList")
        self.library = library
        self.which = "to do"
        self.all_rows: list[StatusRow] = []  # read when the list opens, most urgent first
        self._filtered_by: tuple[str, str] | None = None
        self._complete = False  # all_rows holds sent and skipped follow-ups too
        self._rows_by_id: dict[int, int] = {}  # follow-up id -> row, for the checks' results
        self.checker = DraftChecker(library, self)
        self.checker.checked.connect(self._on_checked, Qt.ConnectionType.QueuedConnection)
        self.model = StatusModel(self)
        self.table = QTableView(objectName="statusTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        # Fixed row heights and column widths set once: sizing to contents would ask every
        # one of thousands of rows for its text at each change of the list.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Widths in average characters, long enough for what each column usually holds
        # ("Oluwaseun Adeyemi", "◐ Plenty of time", "send not confirmed"); a narrow window
        # scrolls sideways rather than cutting every column short.
        char = self.table.fontMetrics().averageCharWidth()
        for column, chars in enumerate((22, 16, 24, 18, 36, 19, 14, 7)):
            header.resizeSection(column, chars * char + 12)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)  # Enter
        self.search = QLineEdit(objectName="statusSearch", placeholderText="Search people, "
                                "companies, subjects")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._on_search_edited)
        self.filters = QButtonGroup(self)
        bar = QHBoxLayout()
        title = QLabel("<b>Send status</b>")
        bar.addWidget(title)
        for name in FILTERS:
            button = QPushButton(name.capitalize(), objectName=f"filter_{name.replace(' ', '_')}")
            button.setCheckable(True)
            button.setChecked(name == self.which)
            button.setProperty("filter", name)
            self.filters.addButton(button)
            bar.addWidget(button)
        self.filters.buttonClicked.connect(self._on_filter)
        bar.addStretch(1)
        bar.addWidget(self.search, 2)
        self.summary = QLabel(objectName="statusSummary")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    @Slot()
    def refresh(self) -> None:
        """Read every follow-up again (the list opens, or something was sent)."""
        from followup.store.status_list import status_entries

        now = datetime.now(UTC)
        # "To do" and "overdue" need only the follow-ups still to send: read the sent ones
        # when a filter shows them.
        self._complete = self.which not in UNSENT_FILTERS
        self.all_rows = ranked(status_entries(self.library, unsent_only=not self._complete), now)
        self.model.failing = {}
        self.apply_filter(now=now)

    @Slot()
    def apply_filter(self, _text: str = "", now: datetime | None = None) -> None:
        """Show the rows the filter button and the search keep: no library access (but the
        first time a filter shows sent follow-ups, which are read then)."""
        self._search_timer.stop()
        if not self._complete and self.which not in UNSENT_FILTERS:
            self.refresh()
            return
        needle, which = self.search.text().strip().lower(), self.which
        previous = self._filtered_by
        # Typing on narrows what is shown; anything else filters every row again.
        pool = (self.model.rows if now is None and previous and previous[0] == which
                and needle.startswith(previous[1]) else self.all_rows)
        rows = select_rows(pool, which, needle)
        self._filtered_by = (which, needle)
        self.model.set_rows(rows, self.model.failing, now or self.model.now)
        self.summary.setText(f"{len(rows)} follow-up{'s' if len(rows) != 1 else ''} shown · "
                             "double-click or Enter opens the draft")
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        unsent = [(i, r.view) for i, r in enumerate(rows)
                  if is_open(r.view.status)]
        self._rows_by_id = {entry.id: i for i, entry in unsent}
        to_check = [entry for _i, entry in unsent if entry.id not in self.model.failing]
        if to_check:
            self.checker.check(to_check)

    @Slot(str)
    def _on_search_edited(self, _text: str) -> None:
        if len(self.all_rows) <= SEARCH_AT_ONCE_ROWS:
            self.apply_filter()
        else:  # thousands of rows: a keystroke only restarts the pause timer
            self._search_timer.start()

    @Slot(int, int, int)
    def _on_checked(self, generation: int, followup_id: int, count: int) -> None:
        if generation != self.checker.generation:
            return  # from before the list was read again
        row = self._rows_by_id.get(followup_id)
        self.model.failing[followup_id] = count
        if row is not None and row < len(self.model.rows) and (
                self.model.rows[row].view.id == followup_id):
            self.model.set_failing(followup_id, count, row)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.checker.stop()  # checked again, from the latest drafts, when the list shows
        self.model.failing = {}
        super().hideEvent(event)

    def tick(self, now: datetime) -> None:
        if self.isVisible():
            first = max(0, self.table.rowAt(0))
            last = self.table.rowAt(self.table.viewport().height() - 1)
            self.model.retime(now, first, last if last >= 0 else len(self.model.rows) - 1)

    def _on_filter(self, button) -> None:
        self.which = button.property("filter")
        self.apply_filter()

    def set_filter(self, which: str) -> None:
        for button in self.filters.buttons():
            if button.property("filter") == which:
                button.setChecked(True)
        self.which = which
        self.apply_filter()

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            view = self.model.rows[index.row()].view
            self.openFollowUp.emit(view.meeting_id, view.attendance_id)
