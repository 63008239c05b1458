"""The send-status list: every follow-up, most urgent first, with live countdowns."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal, Slot
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
from followup.store.library import Library
from followup.store.status_list import FILTERS, StatusRow, status_rows

COLUMNS = ("Person", "Company", "Meeting", "State", "Countdown / sent", "Status", "Channel",
           "To fix")


class StatusModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[StatusRow] = []
        self.failing: dict[int, int] = {}
        self.now = datetime.now(UTC)

    def set_rows(self, rows: list[StatusRow], failing: dict[int, int], now: datetime) -> None:
        self.beginResetModel()
        self.rows, self.failing, self.now = rows, failing, now
        self.endResetModel()

    def retime(self, now: datetime) -> None:
        """Recompute countdowns from the deadlines and the clock; only text changes."""
        self.now = now
        self.rows = [StatusRow(r.view, r.view.countdown(now)) for r in self.rows]
        if self.rows:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self.rows) - 1, 4))

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
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and row.countdown:
            style = STATE_STYLE[row.countdown.state]
            return QColor(style.dark if is_dark() else style.light)
        if role == Qt.ItemDataRole.UserRole:
            return row.view.id
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and row.view.deadline:
            return f"Due {format_local(row.view.deadline.due, now=self.now)}"
        return None

    def _text(self, row: StatusRow, column: int) -> str:
        v, c = row.view, row.countdown
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
        failing = self.failing.get(v.id, 0)
        return "" if not is_open(v.status) else (str(failing) if failing else "✔")


class StatusListView(QWidget):
    openFollowUp = Signal(int, int)  # meeting id, attendance id

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.setObjectName("statusList")
        self.library = library
        self.which = "to do"
        self.model = StatusModel(self)
        self.table = QTableView(objectName="statusTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)  # Enter
        self.search = QLineEdit(objectName="statusSearch", placeholderText="Search people, "
                                "companies, subjects")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
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
        from followup.store.followups import failing_required_count

        now = datetime.now(UTC)
        rows = status_rows(self.library, now, self.which, self.search.text())
        by_meeting: dict[int, list] = {}
        for r in rows:
            by_meeting.setdefault(r.view.meeting_id, []).append(r.view)
        failing = {r.view.id: failing_required_count(self.library, r.view,
                                                      by_meeting[r.view.meeting_id])
                   for r in rows if is_open(r.view.status)}
        self.model.set_rows(rows, failing, now)
        self.summary.setText(f"{len(rows)} follow-up{'s' if len(rows) != 1 else ''} shown · "
                             "double-click or Enter opens the draft")
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def tick(self, now: datetime) -> None:
        if self.isVisible():
            self.model.retime(now)

    def _on_filter(self, button) -> None:
        self.which = button.property("filter")
        self.refresh()

    def set_filter(self, which: str) -> None:
        for button in self.filters.buttons():
            if button.property("filter") == which:
                button.setChecked(True)
        self.which = which
        self.refresh()

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            view = self.model.rows[index.row()].view
            self.openFollowUp.emit(view.meeting_id, view.attendance_id)
