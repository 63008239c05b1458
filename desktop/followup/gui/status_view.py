"""The send-status list: every follow-up, most urgent first, with live countdowns.

Opening it reads the first screenful of rows, ranked by SQLite (`store.status_list`), and
paints them; the rest is read on a worker thread and filled in below (`ListReader`), without
a reset. Each cell's text and countdown is worked out when Qt paints it. Searching and the
filter buttons work on the rows read (past a few thousand rows, once typing pauses; one that
needs rows not read yet waits for them); a countdown tick repaints only the countdown cells on
screen that changed; the "To fix" count (the checklist run on each draft still to send) is
worked out on a worker thread, most urgent first, and taken in by batches, so the window
answers all the while.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
import time
from datetime import UTC, datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
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

from followup.core.deadlines import STATE_STYLE, Countdown, format_local
from followup.core.folding import fold
from followup.core.status import Status, is_open
from followup.gui.object_names import named
from followup.gui.replies_ui import CheckinDialog
from followup.gui.theme import is_dark
from followup.store import followups as fu
from followup.store.replies import count_checkins, listed_checkins
from followup.store.status_list import (
    DONE,
    FILTERS,
    UNSENT_FILTERS,
    ListedFollowUp,
    StatusList,
    read_status_list,
)

if TYPE_CHECKING:
    from followup.store.library import Library

SEARCH_PAUSE_MS = 150  # with many rows, search once typing pauses rather than at each key
SEARCH_AT_ONCE_ROWS = 2000  # up to this many rows, each keystroke filters at once
CHECKS_AFTER_MS = 50  # the "To fix" checks start this long after the list is shown
FIRST_ROWS = 150  # read at once when the list opens, more than a screenful; then the rest
CHECKINS_SHOWN = 5  # check-ins due listed above the table at most, oldest first
log = logging.getLogger(__name__)

COLUMNS = ("Person", "Company", "Meeting", "State", "Countdown / sent", "Status", "Channel",
           "To fix")


class StatusModel(QAbstractTableModel):
    """The rows shown; each cell's text, countdown and colour are worked out when Qt asks
    for it, so only the rows on screen cost anything."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ListedFollowUp] = []
        self.total = 0  # rows in the list, read or not yet
        self.listed = StatusList([], {}, datetime.now(UTC), None, complete=False)
        self.failing: dict[int, int] = {}
        self.now = datetime.now(UTC)
        self._countdowns: dict[int, Countdown | None] = {}  # row -> countdown at `now`, as painted

    def set_rows(self, rows: list[ListedFollowUp], listed: StatusList, now: datetime,
                 total: int | None = None) -> None:
        """Show `rows`, of `total` (more when only the first rows are read yet: the others
        are blank until `complete_rows` gives them)."""
        self.beginResetModel()
        self.rows, self.listed, self.now = rows, listed, now
        self.total = len(rows) if total is None else total
        self._countdowns = {}
        self.endResetModel()

    def complete_rows(self, rows: list[ListedFollowUp], listed: StatusList) -> bool:
        """Fill in the rest of the rows shown (no reset: the first ones are the same);
        False when `rows` do not carry on the ones shown, which then stay as they are."""
        shown = len(self.rows)
        if len(rows) != self.total or [r.id for r in rows[:shown]] != [r.id for r in self.rows]:
            return False
        self.rows, self.listed = rows, listed
        if len(rows) > shown:
            self.dataChanged.emit(self.createIndex(shown, 0),
                                  self.createIndex(len(rows) - 1, len(COLUMNS) - 1))
        return True

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

    def countdown(self, row: int) -> Countdown | None:
        """Where row number `row` stands at the model's `now` (None: no meeting time)."""
        if row not in self._countdowns:
            self._countdowns[row] = self.listed.countdown(self.rows[row], self.now)
        return self._countdowns[row]

    def set_failing(self, counts: dict[int, int], rows: list[int]) -> None:
        """Take in "To fix" counts (follow-up id -> failing checks) and repaint that column
        over the rows numbered `rows`, as one range."""
        self.failing.update(counts)
        if rows:  # createIndex: `index` would call back into Python for the row count
            self.dataChanged.emit(self.createIndex(min(rows), 7), self.createIndex(max(rows), 7))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.row() >= len(self.rows):
            return None  # not read yet (below the first screenful, for a moment)
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, index.row())
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            c = self.countdown(index.row())
            if c is None:
                return None
            style = STATE_STYLE[c.state]
            return QColor(style.dark if is_dark() else style.light)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return self._text(row, column, index.row())
        if role == Qt.ItemDataRole.ToolTipRole and column == 7 and is_open(row.status):
            return to_fix_tip(self.failing.get(row.id), bool(row.person_email.strip()))
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            deadline = self.listed.deadline(row)
            return f"Due {format_local(deadline.due, now=self.now)}" if deadline else None
        return None

    def _text(self, v: ListedFollowUp, column: int, number: int) -> str:
        c = self.countdown(number) if column in (3, 4) else None
        if column == 0:
            return v.person_name
        if column == 1:
            return self.listed.meeting(v).company
        if column == 2:
            meeting = self.listed.meeting(v)
            return meeting.role or meeting.kind.replace("_", " ")
        if column == 3:
            if c is None:
                return "no meeting time"
            style = STATE_STYLE[c.state]
            return f"{style.glyph} {style.label}"
        if column == 4:
            return c.text if c else ""
        if column == 5:
            if v.replied_at is not None:
                replied = datetime.fromisoformat(v.replied_at).replace(tzinfo=UTC)
                return f"replied {format_local(replied, now=self.now)}"
            return "send not confirmed" if v.status == Status.SENDING else v.status
        if column == 6:
            return v.channel
        if not is_open(v.status):
            return ""
        return to_fix_text(self.failing.get(v.id), bool(v.person_email.strip()))


def to_fix_text(failing: int | None, has_address: bool) -> str:
    """The "To fix" cell of a follow-up still to send: the required checks failing on its
    draft (None: not checked yet, "…") and a missing address, which stops a send as surely
    as a gap; "✔" only when neither is there."""
    checks = "…" if failing is None else (str(failing) if failing else "")
    if not has_address:
        return f"{checks} + no address" if checks else "✖ no address"
    return checks or "✔"


def to_fix_tip(failing: int | None, has_address: bool) -> str:
    parts = [] if has_address else ["no email address yet: add it on the person's card"]
    if failing:
        parts.append(f"{failing} required check{'s' if failing != 1 else ''} failing "
                     "on the draft")
    return "; ".join(parts) or ("checking…" if failing is None else "nothing to fix")


class DraftChecker(QObject):
    """Runs the checklist on drafts on a worker thread and reports the failing counts in
    batches, one about every `BATCH_SECONDS`: the UI thread takes in a batch with one
    repaint, not one per draft, and the worker waits until it has (`taken()`), so taking
    it in never waits for Python's lock. While it runs, Python hands its lock to a waiting
    thread after `SWITCH_SECONDS` rather than 5 ms, so painting, whose every cell calls
    into Python, is not held up by the checks either.

    `check()` replaces what is queued; a result from before the latest `check()` or `stop()`
    carries an older generation and is ignored by the receiver. The batches are handed over
    in `results` and the signal carries no Python object: one queued across threads by Qt is
    released without Python's lock held, which can crash the interpreter.
    """

    checked = Signal()  # a batch is in `results`: (generation, {follow-up id: failing})
    BATCH_SECONDS = 0.05
    TAKEN_SECONDS = 0.1  # the longest the worker waits for a batch to be taken in
    SWITCH_SECONDS = 0.0005

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.generation = 0
        self._queue: list[ListedFollowUp] = []
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._taken = threading.Event()
        self._switch = sys.getswitchinterval()  # put back whenever no check runs
        self.results: queue.Queue = queue.Queue()

    def check(self, entries: list[ListedFollowUp]) -> None:
        """Check these, first to last, instead of anything still queued."""
        with self._lock:
            self.generation += 1
            self._queue = list(reversed(entries))  # popped from the end
            if self._thread is None:
                sys.setswitchinterval(min(self._switch, self.SWITCH_SECONDS))
                self._thread = threading.Thread(target=self._run, name="status-checks",
                                                daemon=True)
                self._thread.start()

    def stop(self) -> None:
        with self._lock:
            self.generation += 1
            self._queue = []

    def _run(self) -> None:
        try:
            self._check_queued()
        finally:
            with self._lock:  # the window has closed, or the checks failed
                if self._thread is threading.current_thread():
                    self._thread = None
                    sys.setswitchinterval(self._switch)

    def _check_queued(self) -> None:
        siblings: dict[int, list] = {}
        generation = None
        counts: dict[int, int] = {}
        since = time.monotonic()
        while True:
            with self._lock:
                entry = self._queue.pop() if self._queue else None
                if entry is None:  # done: a later check() starts a new thread
                    self._thread = None
                    sys.setswitchinterval(self._switch)
                elif generation != self.generation:
                    # Drafts may have changed: read them again; counts from before are of
                    # no use (the receiver drops them).
                    generation, siblings, counts = self.generation, {}, {}
            if entry is None:
                self._send(generation, counts)
                return
            count = self._count(entry, siblings)
            if count is not None:
                counts[entry.id] = count
            if time.monotonic() - since >= self.BATCH_SECONDS:
                if not self._send(generation, counts):
                    return
                counts, since = {}, time.monotonic()
            else:
                time.sleep(0.002)  # let the UI thread take Python's lock between two drafts

    def _count(self, entry: ListedFollowUp, siblings: dict[int, list]) -> int | None:
        """Required checks failing on this draft; None when it cannot be checked now."""
        try:
            if entry.meeting_id not in siblings:
                siblings[entry.meeting_id] = fu.followups_for_meeting(self.library,
                                                                      entry.meeting_id)
            mates = siblings[entry.meeting_id]
            view = next((v for v in mates if v.id == entry.id), None)
            return 0 if view is None else fu.failing_required_count(self.library, view, mates)
        except Exception:  # a draft deleted meanwhile, a busy library: leave it unknown
            log.warning("checking draft %s failed", entry.id, exc_info=True)
            return None

    def _send(self, generation: int | None, counts: dict[int, int]) -> bool:
        """Hand a batch to the receiver and wait for it to be taken in (a while at most);
        False once the window has closed."""
        if not counts or generation is None:
            return True
        self._taken.clear()
        self.results.put((generation, counts))
        try:
            self.checked.emit()
        except RuntimeError:  # the window has closed
            return False
        self._taken.wait(self.TAKEN_SECONDS)
        return True

    def taken(self) -> None:
        """The receiver has taken in the latest batch: the worker goes on."""
        self._taken.set()


class ListReader(QObject):
    """Reads the whole list on a worker thread while its first rows are shown: reading
    thousands of rows takes Python's lock back at every row, which a worker can spare and
    the UI thread cannot. `done` carries no Python object (see `DraftChecker`): the list
    read is `finished`."""

    done = Signal()

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.generation = 0
        self._thread: threading.Thread | None = None
        self._latest: StatusList | None = None  # what the latest read gave
        self._reading = -1  # the generation of the latest read started
        self.finished: tuple[int, StatusList | None] = (0, None)  # generation, list read

    def read(self, now: datetime, unsent_only: bool) -> None:
        """Start reading the list as at `now`, instead of any read still going."""
        self.generation += 1
        generation = self._reading = self.generation
        self._latest = None

        def work() -> None:
            try:
                listed = read_status_list(self.library, now, unsent_only, open_ended=False)
            except Exception:  # a busy or closed library: the UI thread reads it instead
                log.warning("reading the send-status list failed", exc_info=True)
                listed = None
            if generation == self.generation:
                self._latest = listed
            self.finished = (generation, listed)
            try:
                self.done.emit()
            except RuntimeError:  # the window has closed
                pass

        self._thread = threading.Thread(target=work, name="status-read", daemon=True)
        self._thread.start()

    def reading(self) -> bool:
        """A read of the latest list is going or done."""
        return self._thread is not None and self._reading == self.generation

    def cancel(self) -> None:
        """Whatever read is still going is of no use any more."""
        self.generation += 1
        self._latest = None

    def wait(self) -> StatusList | None:
        """The latest read's list, once it is done (None if it failed)."""
        if self._thread is not None:
            self._thread.join()
        return self._latest


class StatusListView(QWidget):
    openFollowUp = Signal(int, int)  # meeting id, attendance id

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.setObjectName("statusList")
        self.library = library
        self.which = "to do"
        self.model = StatusModel(self)
        self.listed = self.model.listed  # what was read when the list opened
        self._filtered_by: tuple[str, str] | None = None
        self._rows_by_id: dict[int, int] = {}  # follow-up id -> row, for the checks' results
        self._check_timer = QTimer(self, singleShot=True, interval=CHECKS_AFTER_MS)
        self._check_timer.timeout.connect(self._start_checks)
        self.checker = DraftChecker(library, self)
        self.checker.checked.connect(self._on_checked, Qt.ConnectionType.QueuedConnection)
        self.reader = ListReader(library, self)
        self.reader.done.connect(self._on_read, Qt.ConnectionType.QueuedConnection)
        self._read_after_paint = False
        self.table = named(QTableView(), "statusTable")
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
        # ("Oluwaseun Adeyemi", "◐ Plenty of time", "23:59:41 left", "3 + no address"); a
        # narrow window scrolls sideways rather than cutting every column short.
        char = self.table.fontMetrics().averageCharWidth()
        for column, chars in enumerate((20, 18, 24, 17, 24, 17, 12, 15)):
            header.resizeSection(column, chars * char + 12)
        # The meeting's role takes the width left: on a 1366-pixel screen "To fix" stays in
        # sight (its full text is the cell's tooltip).
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(6 * char)
        self.table.viewport().installEventFilter(self)  # to know when rows were painted
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)  # Enter
        self.search = named(QLineEdit(placeholderText="Search people, "
                                      "companies, subjects"), "statusSearch")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._on_search_edited)
        self.filters = QButtonGroup(self)
        bar = QHBoxLayout()
        title = QLabel("<b>Send status</b>")
        bar.addWidget(title)
        for name in FILTERS:
            button = named(QPushButton(name.capitalize()), f"filter_{name.replace(' ', '_')}")
            button.setCheckable(True)
            button.setChecked(name == self.which)
            button.setProperty("filter", name)
            self.filters.addButton(button)
            bar.addWidget(button)
        self.filters.buttonClicked.connect(self._on_filter)
        bar.addStretch(1)
        bar.addWidget(self.search, 2)
        self.summary = named(QLabel(), "statusSummary")
        # Check-ins that are due (`store.replies`): a line each, a link opens its draft.
        self.checkins = named(QLabel(wordWrap=True), "checkinsDue")
        self.checkins.setVisible(False)
        self.checkins.setTextFormat(Qt.TextFormat.RichText)
        self.checkins.linkActivated.connect(self._open_checkin)
        self._due: dict[int, object] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.checkins)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    @Slot()
    def refresh(self, open_ended: bool = True) -> None:
        """Read every follow-up again (the list opens, or something was sent): the first
        screenful here, the rest on a worker thread (`ListReader`). `open_ended` False when
        the follow-ups of meetings just over were opened moments ago (when the list opened,
        or by the reminder checks on their timer)."""
        # The drafts are checked again once the new rows are shown; meanwhile the worker's
        # Python would only slow the reading (Python's lock, taken back at every row).
        self.checker.stop()
        self._check_timer.stop()
        self.reader.cancel()
        self._read_after_paint = False
        now = datetime.now(UTC)
        # "To do" and "overdue" need only the follow-ups still to send: read the sent ones
        # when a filter shows them.
        unsent_only = self.which in UNSENT_FILTERS
        self.listed = read_status_list(self.library, now, unsent_only, open_ended=open_ended,
                                       first=FIRST_ROWS)
        self._read_after_paint = self.listed.partial  # the rest once the first rows are painted
        self.model.failing = {}
        self.apply_filter(now=now)
        self.show_checkins()

    def show_checkins(self) -> None:
        """List the check-ins due above the table (one light query), or hide the line."""
        shown = listed_checkins(self.library, CHECKINS_SHOWN)  # Done on one shows the next
        due = count_checkins(self.library) if len(shown) == CHECKINS_SHOWN else len(shown)
        self._due = {c.followup_id: c for c in shown}
        self.checkins.setVisible(bool(shown))
        lines = [
            f"↻ <b>Check-in due</b> since {escape(format_local(c.due, now=self.model.now))}: "
            f"{escape(c.person)} ({escape(c.company)}), no answer yet — "
            f'<a href="checkin:{c.followup_id}">open the draft</a>' for c in shown]
        if due > len(shown):
            lines.append(f"… and {due - len(shown)} more check-ins due")
        self.checkins.setText("<br>".join(lines))

    @Slot(str)
    def _open_checkin(self, link: str) -> None:
        checkin = self._due.get(int(link.partition(":")[2] or 0))
        if checkin is None:
            return
        dialog = CheckinDialog(self.library, checkin, self)  # type: ignore[arg-type]
        dialog.exec()
        dialog.deleteLater()
        self.show_checkins()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if self._read_after_paint and event.type() == QEvent.Type.Paint:
            self._read_after_paint = False
            QTimer.singleShot(0, self._read_the_rest)  # once this paint is done
        return super().eventFilter(watched, event)

    @Slot()
    def _read_the_rest(self) -> None:
        if self.listed.partial and not self.reader.reading():
            self.reader.read(self.listed.now, unsent_only=not self.listed.complete)

    def _finish_reading(self) -> None:
        """Have the whole list, waiting for the worker's reading if it is not in yet."""
        if not self.listed.partial:
            return
        if self._read_after_paint:  # needed before the worker was even started
            self._read_after_paint = False
            listed = None
        else:
            listed = self.reader.wait()
        if listed is None:  # it failed on the worker: read it here
            listed = read_status_list(self.library, self.listed.now,
                                      unsent_only=not self.listed.complete, open_ended=False)
        self._take_whole(listed)

    @Slot()
    def _on_read(self) -> None:
        """The whole list is read: the rows below the first screenful are filled in."""
        generation, listed = self.reader.finished
        if generation != self.reader.generation or not self.listed.partial:
            return  # an older reading, or one already waited for
        if listed is None:
            self._finish_reading()
        else:
            self._take_whole(listed)

    def _take_whole(self, listed: StatusList) -> None:
        first = self.listed
        self.listed = listed
        if self.model.listed is first:  # the first rows are shown: the rest fill in
            if self.model.complete_rows(listed.rows, listed):
                self._check_timer.start()
            else:  # the library changed in between
                self.apply_filter(now=listed.now)

    @Slot()
    def apply_filter(self, _text: str = "", now: datetime | None = None) -> None:
        """Show the rows the filter button and the search keep: no library access (but the
        first time a filter shows sent follow-ups, which are read then)."""
        self._search_timer.stop()
        if not self.listed.complete and self.which not in UNSENT_FILTERS:
            self.refresh(open_ended=False)  # only the sent ones are missing
            return
        needle, which = fold(self.search.text()), self.which
        read_now, now = now is not None, now or self.model.now
        if self.listed.partial and not (which in ("to do", "all") and not needle):
            self._finish_reading()  # the rows kept may be anywhere in the list
        if self.listed.partial:  # the first screenful as read; the rest fills in
            rows, total = self.listed.rows, self.listed.total
        else:
            previous = self._filtered_by
            # Typing on narrows what is shown; anything else filters every row again.
            pool = (self.model.rows if not read_now and previous and previous[0] == which
                    and needle.startswith(previous[1]) and len(self.model.rows) ==
                    self.model.total else None)
            rows = self.listed.select(which, needle, pool, now)
            total = len(rows)
        self._filtered_by = (which, needle)
        self.model.set_rows(rows, self.listed, now, total)
        self.summary.setText(f"{total} follow-up{'s' if total != 1 else ''} shown · "
                             "double-click or Enter opens the draft")
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        if not self.listed.partial:
            # The checks start once the list is painted: the worker's Python would slow it.
            self._check_timer.start()

    @Slot()
    def _start_checks(self) -> None:
        """Check the drafts shown, still to send and not checked yet, first to last."""
        failing = self.model.failing
        self._rows_by_id = {r.id: i for i, r in enumerate(self.model.rows)
                            if r.status not in DONE}
        to_check = [r for r in self.model.rows if r.id in self._rows_by_id
                    and r.id not in failing]
        if to_check:
            self.checker.check(to_check)

    @Slot(str)
    def _on_search_edited(self, _text: str) -> None:
        if self.listed.total <= SEARCH_AT_ONCE_ROWS:
            self.apply_filter()
        else:  # thousands of rows: a keystroke only restarts the pause timer
            self._search_timer.start()

    @Slot()
    def _on_checked(self) -> None:
        """Take in the batches of "To fix" counts handed over: one repaint of that column
        for the rows shown among them."""
        try:
            counts: dict[int, int] = {}
            while not self.checker.results.empty():
                generation, batch = self.checker.results.get()
                if generation == self.checker.generation:  # not from before a new read
                    counts.update(batch)
            rows, shown, where = [], self.model.rows, self._rows_by_id
            for followup_id in counts:
                row = where.get(followup_id)
                if row is not None and row < len(shown) and shown[row].id == followup_id:
                    rows.append(row)
            self.model.set_failing(counts, rows)
        finally:
            self.checker.taken()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.checker.stop()  # checked again, from the latest drafts, when the list shows
        self._check_timer.stop()
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

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid() and index.row() < len(self.model.rows):
            row = self.model.rows[index.row()]
            self.openFollowUp.emit(row.meeting_id, row.attendance_id)
