"""Years of interviews: the send-status list, searching and the timers on the 2,000-meeting library.

In the real main window: opening the send-status list (read, sort, first paint), each keystroke
of a search in it and of the meeting filter (the key, the filtering and the repaint), a
countdown tick, and the reminder check on the UI thread. Then the same window on a copy of the
library where no follow-up was ever marked sent (an imported history), the case where the
first reminder pass used to freeze the window for seconds: the longest the UI thread is busy
in one go, sampled by a 1 ms timer, while that pass runs. Baselines: a bare `QTableView` given
the same number of rows, and one `QApplication.processEvents()` of the idle window.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

if not __package__:  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run_all import Figure, bench_arguments, emit, percentile  # noqa: E402

FRAME_MS = 16
OPEN_MS = 200
TIMER_MS = 5
FREEZE_MS = 100
SEARCHES = ("ana okafor", "thank you", "company 23")  # 29 keys: p95 is not just the slowest
FILTERS = ("company 12", "ana", "backend eng")


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def open_loaded_window(folder: Path):
    from PySide6.QtWidgets import QApplication

    from followup.core import spelling
    from followup.gui.app import make_application, open_window
    from followup.gui.spell import SpellService

    make_application()
    window = open_window(folder)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    window.finish_opening()  # the ORM, as a moment after start-up
    # The spelling dictionary too: its loading and re-highlighting are not what is timed here.
    SpellService.instance().load_in_background()
    deadline = time.monotonic() + 30
    while not spelling.is_ready() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()
    return window


def close_window(window) -> None:
    from PySide6.QtWidgets import QApplication

    window._tick.stop()
    worker = getattr(window.reminders, "_worker", None)
    if worker is not None:
        worker.result(60)
    QApplication.processEvents()
    window.close()
    window.library.close()
    window.library_lock.release()


def time_keys(widget, text: str) -> list[float]:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    timings = []
    for char in text:
        start = time.perf_counter()
        QTest.keyClick(widget, char)
        QApplication.processEvents()
        timings.append(_ms(start))
    return timings


def time_bare_table(rows: int) -> float:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    class Model(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):  # noqa: N802
            return 0 if parent.isValid() else rows

        def columnCount(self, parent=QModelIndex()):  # noqa: N802
            return 0 if parent.isValid() else 8

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            shown = role == Qt.ItemDataRole.DisplayRole
            return f"{index.row()}:{index.column()}" if shown else None

    start = time.perf_counter()
    view = QTableView()
    view.setModel(Model(view))
    view.resize(1000, 700)
    view.show()
    QApplication.processEvents()
    elapsed = _ms(start)
    view.close()
    return elapsed


def longest_stall_during(action, seconds: float) -> tuple[float, float]:
    """Run `action()`, then keep the event loop turning for `seconds`; return the longest gap
    between two firings of a 1 ms timer (how long the UI thread could not answer) and how
    long `action()` itself took on the UI thread."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    clock = QElapsedTimer()
    gaps = [0.0]
    last = [0.0]

    def beat() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=1)
    timer.timeout.connect(beat)
    clock.start()
    timer.start()
    start = time.perf_counter()
    action()
    on_ui = _ms(start)
    gaps.append(clock.nsecsElapsed() / 1e6 - last[0])
    last[0] = clock.nsecsElapsed() / 1e6
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    timer.stop()
    return max(gaps), on_ui


def unsent_copy(folder: Path) -> Path:
    """A copy of the library in which no follow-up was ever sent (an imported history)."""
    from followup.paths import library_path

    copy = Path(tempfile.mkdtemp(prefix="followup-unsent-"))
    source = sqlite3.connect(library_path(folder))
    target = sqlite3.connect(library_path(copy))
    source.backup(target)
    source.close()
    target.execute("UPDATE followup SET status = 'draft', sent_at = NULL, channel = ''")
    target.execute("DELETE FROM reminder_shown")
    target.commit()
    target.close()
    return copy


def time_fix_steps(view) -> list[float]:
    """Time each "To fix" result the UI thread takes in (the checks run on a worker)."""
    from PySide6.QtCore import Qt

    steps: list[float] = []
    take = view._on_checked

    def timed(*result) -> None:
        start = time.perf_counter()
        take(*result)
        steps.append(_ms(start))

    view.checker.checked.disconnect()
    view.checker.checked.connect(timed, Qt.ConnectionType.QueuedConnection)
    return steps


def time_reopenings(window, times: int) -> list[float]:
    """Leave the send-status list and open it again, `times` times (its filter as left):
    the read, ranking and first paint each time, for a figure steadier than one opening."""
    from PySide6.QtWidgets import QApplication

    timings = []
    for _ in range(times):
        window.show_workspace()
        QApplication.processEvents()
        start = time.perf_counter()
        window.show_status_list()
        QApplication.processEvents()
        timings.append(_ms(start))
    return timings


def unsent_reminders(folder: Path):
    """The reminders the first pass finds on the unsent copy (read with a fresh memory)."""
    from followup.core.reminders import due_reminders
    from followup.paths import library_path
    from followup.store import followups as fu
    from followup.store.library import Library

    library = Library(library_path(folder))
    try:
        return due_reminders(fu.reminder_items(library), set(), datetime.now(UTC))
    finally:
        library.close()


def measure(folder: Path, quick: bool) -> list[Figure]:
    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

    from followup.gui.status_view import SEARCH_PAUSE_MS

    figures: list[Figure] = []
    window = open_loaded_window(folder)
    try:
        bare_edit = QLineEdit()
        bare_edit.show()
        bare_keys = []
        for text in SEARCHES:
            bare_keys += time_keys(bare_edit, text)
            bare_edit.clear()
        bare_edit.close()
        start = time.perf_counter()
        window.show_status_list()
        QApplication.processEvents()
        opened = _ms(start)
        to_do = len(window.status_list.model.rows)
        start = time.perf_counter()
        window.status_list.findChild(QPushButton, "filter_all").click()  # sent ones read now
        QApplication.processEvents()
        opened_all = _ms(start)
        window.status_list._finish_reading()  # the whole list, waiting for the worker
        rows = len(window.status_list.listed.rows)
        bare_table = time_bare_table(rows)
        search, shown = [], []
        for text in SEARCHES:
            search += time_keys(window.status_list.search, text)
            start = time.perf_counter()
            window.status_list._search_timer.timeout.emit()  # the pause after typing, now
            QApplication.processEvents()
            shown.append(_ms(start))
            window.status_list.search.clear()
            window.status_list._search_timer.timeout.emit()
            QApplication.processEvents()
        ticks = []
        for _ in range(10 if quick else 60):
            window.reminders._next_check = datetime.max.replace(tzinfo=UTC)  # not due
            start = time.perf_counter()
            window.tick()
            QApplication.processEvents()  # and the repaint it causes
            ticks.append(_ms(start))
        window.reminders.reschedule()
        start = time.perf_counter()
        window.tick()  # the check is due: it starts on its worker thread
        check_ui = _ms(start)
        while window.reminders._worker is not None:
            QApplication.processEvents()
            time.sleep(0.01)
        start = time.perf_counter()
        decided = window.reminders._decide(datetime.now(UTC))  # what the worker does
        check_worker = _ms(start)
        start = time.perf_counter()
        window.reminders._on_decided(decided)  # what comes back to the UI thread
        check_ui += _ms(start)
        window.show_workspace()
        window.activateWindow()
        window.focus_filter()  # Ctrl+F, as the user would, before typing
        QApplication.processEvents()
        meeting_filter = []
        for text in FILTERS:
            meeting_filter += time_keys(window.sidebar.filter, text)
            window.sidebar.filter.clear()
            QApplication.processEvents()
    finally:
        close_window(window)
    figures += [
        Figure("status", f"open the send-status list, to do ({to_do} rows)", opened,
               max_value=OPEN_MS),
        Figure("status", f"first 'All' ({rows} follow-ups read and ranked)", opened_all,
               f"bare QTableView of {rows} rows", bare_table, max_value=OPEN_MS),
        Figure("status", f"search keystroke p95, {rows} rows ({len(search)} keys)",
               percentile(search, 95), "bare QLineEdit keystroke p95",
               percentile(bare_keys, 95), max_value=FRAME_MS),
        Figure("status", f"  search shown {SEARCH_PAUSE_MS} ms after typing (slowest of "
               f"{len(shown)})", max(shown), max_value=FREEZE_MS),
        Figure("filter", f"meeting filter keystroke p95 ({len(meeting_filter)} keys)",
               percentile(meeting_filter, 95), "bare QLineEdit keystroke p95",
               percentile(bare_keys, 95), max_value=FRAME_MS),
        Figure("timers", "countdown tick + its repaint, status list shown (p95)",
               percentile(ticks, 95),
               max_value=TIMER_MS),
        Figure("timers", "reminder check on the UI thread", check_ui, max_value=TIMER_MS),
        Figure("timers", "  of which on its worker thread (info)", check_worker),
    ]

    copy = unsent_copy(folder)
    try:
        window = open_loaded_window(copy)
        try:
            seconds = 3 if quick else 6
            quiet, _ = longest_stall_during(lambda: None, seconds)
            window.reminders.reschedule()
            stall, on_ui = longest_stall_during(window.tick, seconds)
            while window.reminders._worker is not None:  # the pass is done, and shown
                QApplication.processEvents()
                time.sleep(0.01)
            window.reminders.reschedule()
            start = time.perf_counter()
            decided = window.reminders._decide(datetime.now(UTC))  # the worker's part, again
            pass_worker = _ms(start)
            with_all = (list(unsent_reminders(copy)), *decided[1:])  # as on the first pass
            start = time.perf_counter()
            window.reminders._on_decided(with_all)  # showing them: the UI thread's part
            on_ui += _ms(start)
            shown_lines = window.banner.label.text().count("<br>") + 1
            steps = time_fix_steps(window.status_list)
            start = time.perf_counter()
            window.show_status_list()
            QApplication.processEvents()
            opened_unsent = _ms(start)
            window.status_list._finish_reading()
            rows_unsent = len(window.status_list.listed.rows)
            list_stall, _ = longest_stall_during(lambda: None, 2 if quick else 4)
            checked = len(window.status_list.model.failing)
            start = time.perf_counter()
            window.status_list.findChild(QPushButton, "filter_all").click()  # all read, ranked
            QApplication.processEvents()
            all_unsent = _ms(start)
            reopened = time_reopenings(window, 3 if quick else 7)
        finally:
            close_window(window)
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    figures += [
        Figure("timers", f"first reminder pass, nothing ever sent: UI thread "
               f"({shown_lines} banner lines)", on_ui, max_value=TIMER_MS),
        Figure("timers", "  its worker thread (info)", pass_worker),
        Figure("timers", "  longest UI stall meanwhile", stall, "idle window, longest stall",
               quiet),
        Figure("status", f"open the list, nothing ever sent ({rows_unsent} to do)",
               opened_unsent, max_value=OPEN_MS),
        Figure("status", f"  longest 'To fix' result taken on the UI thread ({checked} drafts "
               "checked)",
               max(steps, default=0.0), max_value=FRAME_MS),
        Figure("status", "  longest UI stall while they fill in", list_stall,
               "idle window, longest stall", quiet),
        Figure("status", f"  then 'All' on that copy ({rows_unsent} read and ranked again)",
               all_unsent, max_value=OPEN_MS),
        Figure("status", f"  opened again, 'All' shown (median of {len(reopened)})",
               percentile(reopened, 50), max_value=OPEN_MS),
    ]
    return figures


def main(argv: list[str] | None = None) -> None:
    args = bench_arguments(__doc__.splitlines()[0]).parse_args(argv)
    for figure in measure(args.data_dir, args.quick):
        emit(figure, args.json)
    sys.stdout.flush()
    os._exit(0)  # skip Qt teardown of closed windows (see bench_editing.py)


if __name__ == "__main__":
    main()
