"""The longest stall of the UI thread in each action a person takes, at 4x the benchmark library.

In the real main window, on a copy of the 2,000-meeting library, each action is driven as a
person would (its keyboard shortcut, its menu entry, a click or a right-click sent to the real
widget): the spelling suggestions of a misspelled word in the notes, opening each dialog the
window has, switching person in a panel meeting, the send-status list and its filters, typing a
search, ending a meeting (which drafts its follow-ups) and importing an .ics, a .vcf and a
followup/1 file. A watchdog timer beats every 5 ms on the UI thread while the action runs, in
dialogs' own event loops too, and the longest gap between two beats is the action's longest
stall: how long the window could not answer. A dialog is closed (Escape, or its file chosen)
once it has been on screen for a moment; what closing does (an import) counts too, and so does
the work the action leaves for later (what comes back from a worker), until it settles.

The baseline, measured the same way in the same run: a bare PySide6 window (as
`bare_window.py`) opening a bare dialog, and the same window idle. Target: every action under
50 ms (issue "no action stalls the UI thread for more than 50 ms").
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

if not __package__:  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# No benchmark reads or writes the user's keyring (the account dialog asks it).
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, Qt, QTimer, Slot  # noqa: E402
from PySide6.QtGui import QContextMenuEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from benchmarks.make_library import load_facts  # noqa: E402
from benchmarks.run_all import Figure, bench_arguments, emit  # noqa: E402

TARGET_MS = 50.0
BEAT_MS = 5  # the watchdog's period: a stall shorter than this cannot be told from none
SHOWN_MS = 150  # how long a dialog stays on screen before it is closed
SETTLE_MS = 400  # after the action: what it left for later (a worker's result) comes in
GIVE_UP_S = 60.0
MISSPELLED = "platfrom"
SEARCH_TEXT = "kafka streams"
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class Watchdog(QObject):
    """A timer beating every BEAT_MS on the UI thread; the longest gap between two beats is
    the longest time the thread could not answer."""

    def __init__(self):
        super().__init__()
        self.clock = QElapsedTimer()
        self.timer = QTimer(self, interval=BEAT_MS, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.beat)
        self.longest = 0.0
        self._last = 0.0

    def start(self) -> None:
        self.longest, self._last = 0.0, 0.0
        self.clock.start()
        self.timer.start()

    @Slot()
    def beat(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        if SAMPLER is not None and now - self._last > TARGET_MS:
            end = time.perf_counter()
            print(f"  stall of {now - self._last:.0f} ms:", flush=True)
            for count, where in SAMPLER.during(end - (now - self._last) / 1000, end):
                print(f"    {count * 2:>4} ms  {where}", flush=True)
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        self.beat()
        self.timer.stop()
        return self.longest


class Sampler:
    """With --why: a thread that notes every 2 ms where the UI thread is in Followup's code,
    so that each stall over the target can be told by what ran during it."""

    def __init__(self):
        import threading

        self.main = threading.main_thread().ident
        self.samples: list[tuple[float, str]] = []
        self.running = True
        threading.Thread(target=self._run, name="stall-sampler", daemon=True).start()

    def _run(self) -> None:
        import traceback

        while self.running:
            frame = sys._current_frames().get(self.main)
            if frame is not None:
                frames = [f for f in traceback.extract_stack(frame)
                          if "followup" in f.filename and "benchmarks" not in f.filename]
                where = " > ".join(f"{Path(f.filename).stem}.{f.name}:{f.lineno}"
                                   for f in frames[-4:])
                self.samples.append((time.perf_counter(), where or "(Qt or Python, not ours)"))
            time.sleep(0.002)

    def during(self, start: float, end: float) -> list[tuple[int, str]]:
        from collections import Counter

        counts = Counter(w for t, w in self.samples if start <= t <= end)
        return [(n, w) for w, n in counts.most_common(4)]


SAMPLER: Sampler | None = None


class Driver(QObject):
    """Runs one action under the watchdog, closes the dialogs it opens, and waits until the
    action and what it left for later are done."""

    def __init__(self):
        super().__init__()
        self.watchdog = Watchdog()
        self.poll = QTimer(self, interval=BEAT_MS)
        self.poll.timeout.connect(self._check)
        self.loop = QEventLoop()

    def stall(self, trigger: Callable[[], None], respond: Callable | None = None,
              settled: Callable[[], bool] | None = None, settle_ms: int = SETTLE_MS) -> float:
        """The longest stall (ms) from `trigger()` until it returned, no dialog is open,
        `settled()` holds and `settle_ms` passed. `respond(widget)` closes a modal dialog or
        a popup menu once it has been shown SHOWN_MS (default: Escape)."""
        self._trigger, self._respond = trigger, respond or press_escape
        self._settled = settled or (lambda: True)
        self._settle_ms, self._done_at = settle_ms, None
        self._started = time.monotonic()
        self.shown: list[str] = []  # the dialogs and menus the action opened
        self.watchdog.start()
        self.poll.start()
        QTimer.singleShot(0, self._run)
        self.loop.exec()
        self.poll.stop()
        return self.watchdog.stop()

    @Slot()
    def _run(self) -> None:
        self._trigger()  # may block in a dialog's exec(): the beats go on in its loop
        self._done_at = time.monotonic()

    @Slot()
    def _check(self) -> None:
        shown = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        late = time.monotonic() - self._started > GIVE_UP_S
        if late and shown is not None:  # a dialog that would not close
            print(f"gave up on '{shown.windowTitle()}' after {GIVE_UP_S:.0f} s", flush=True)
            shown.close()
            return
        if shown is not None and shown.isVisible():
            if shown.property("benchAnswered"):
                return
            first = shown.property("benchSeen") or time.monotonic()
            shown.setProperty("benchSeen", first)
            if (time.monotonic() - first) * 1000 >= SHOWN_MS:
                shown.setProperty("benchAnswered", True)  # answered once
                self.shown.append(shown.windowTitle() or type(shown).__name__)
                self._respond(shown)
            return
        if late or (self._done_at is not None and self._settled()
                    and (time.monotonic() - self._done_at) * 1000 >= self._settle_ms):
            if late:
                print(f"gave up after {GIVE_UP_S:.0f} s", flush=True)
            self.loop.quit()


def press_escape(widget: QWidget) -> None:
    if isinstance(widget, QMenu):
        widget.close()
    else:
        QTest.keyClick(widget, Qt.Key.Key_Escape)


def choose_file(path: Path) -> Callable[[QWidget], None]:
    """Answer the import dialog with `path`; anything else it asks (a question) with Escape."""

    def respond(widget: QWidget) -> None:
        if isinstance(widget, QFileDialog):  # the path typed into its file name, and Enter
            edit = widget.findChild(QLineEdit, "fileNameEdit")
            edit.setText(str(path))
            QTest.keyClick(edit, Qt.Key.Key_Return)
        else:
            press_escape(widget)

    return respond


# --- the files imported ---------------------------------------------------------------------


def write_import_files(folder: Path) -> dict[str, Path]:
    """An invitation (.ics), two contact cards (.vcf) and a followup/1 export of five panel
    interviews with notes, as a person would import them."""
    start = datetime.now(UTC) + timedelta(days=3)
    stamp = f"{start:%Y%m%dT%H%M%SZ}"
    invite = folder / "invite.ics"
    invite.write_text("\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bench//Stalls//EN", "METHOD:REQUEST",
        "BEGIN:VEVENT", "UID:stalls-bench-1@example.com", f"DTSTAMP:{stamp}",
        f"DTSTART:{stamp}", f"DTEND:{start + timedelta(hours=1):%Y%m%dT%H%M%SZ}",
        "SUMMARY:Panel interview: Staff Engineer", "LOCATION:Office, floor 4",
        "ORGANIZER;CN=Priya Raman:mailto:priya.raman@acme.example",
        "ATTENDEE;CN=Priya Raman:mailto:priya.raman@acme.example",
        "ATTENDEE;CN=Marcus Oneil:mailto:marcus.oneil@acme.example",
        "ATTENDEE;CN=Alex Kim:mailto:alex.kim@acme.example",
        "END:VEVENT", "END:VCALENDAR", ""]), encoding="utf-8")
    cards = folder / "cards.vcf"
    cards.write_text("".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nN:{name.split()[1]};{name.split()[0]};;;\r\n"
        f"EMAIL:{name.lower().replace(' ', '.')}@globex.example\r\nORG:Globex\r\n"
        f"TITLE:Engineering Manager\r\nEND:VCARD\r\n"
        for name in ("Nora Lind", "Ivo Petrov")), encoding="utf-8")
    ended = datetime.now(UTC) - timedelta(days=20)
    meetings = [{
        "company": f"Initech {i}", "company_domain": f"initech{i}.example", "role": "Backend",
        "kind": "panel_interview", "scheduled_start": (ended - timedelta(days=i)).isoformat(),
        "scheduled_end": (ended - timedelta(days=i) + timedelta(hours=1)).isoformat(),
        "started_at": (ended - timedelta(days=i)).isoformat(),
        "ended_at": (ended - timedelta(days=i) + timedelta(hours=1)).isoformat(),
        "location": "Office", "general_notes": "Open plan, ships weekly",
        "people": [{"name": f"Dana Varga{i}{j}", "title": "Staff Engineer",
                    "email": f"dana{i}{j}@initech{i}.example", "capacity": "interviewer",
                    "notes": "runs the billing migration\n! hiring 3 seniors for Kafka streams"}
                   for j in range(6)],
    } for i in range(5)]
    export = folder / "export.json"
    export.write_text(json.dumps({"format": "followup/1", "meetings": meetings}),
                      encoding="utf-8")
    return {"ics": invite, "vcf": cards, "json": export}


def library_copy(folder: Path) -> Path:
    """The library copied (the actions change it: a meeting ends, files are imported)."""
    from followup.paths import library_path

    copy = Path(tempfile.mkdtemp(prefix="followup-stalls-"))
    source, target = sqlite3.connect(library_path(folder)), sqlite3.connect(library_path(copy))
    source.backup(target)
    source.close()
    target.close()
    return copy


# --- the baseline ---------------------------------------------------------------------------


def bare_baseline(driver: Driver) -> dict[str, float]:
    """The longest stalls of a bare window, measured with the same watchdog: opening a bare
    dialog the first time and then (the longest of three), opening Qt's file dialog, and idle
    for a second."""
    window = QMainWindow()
    window.setCentralWidget(QPlainTextEdit())
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()

    def open_dialog() -> None:
        dialog = QDialog(window)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLineEdit())
        dialog.exec()
        dialog.deleteLater()

    def open_file_dialog() -> None:
        QFileDialog.getOpenFileName(window, "Open", str(Path.home()), "Any (*.json *.ics)")

    first = driver.stall(open_dialog)
    figures = {"first dialog": first, "dialog": max(driver.stall(open_dialog) for _ in range(3)),
               "file dialog": driver.stall(open_file_dialog),
               "idle": driver.stall(lambda: None, settle_ms=1000)}
    window.close()
    window.deleteLater()
    return figures


# --- the actions ----------------------------------------------------------------------------


def keys(widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> Callable:
    def press() -> None:
        QTest.keyClick(widget, key, modifiers)

    return press


def menu_entry(window, name: str) -> Callable:
    """A click on the menu entry with this objectName."""
    from PySide6.QtGui import QAction

    action = window.findChild(QAction, name)
    if action is None:
        raise LookupError(f"no menu entry {name}")
    return action.trigger


def right_click_word(editor: QPlainTextEdit, word: str) -> Callable:
    def click() -> None:
        found = editor.document().find(word)
        editor.setTextCursor(found)
        pos = editor.cursorRect(found).center()
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                  editor.viewport().mapToGlobal(pos))
        QApplication.sendEvent(editor.viewport(), event)

    return click


def close_when_corrected(widget: QWidget) -> None:
    """Close the spelling menu once its corrections came in from their worker."""
    from followup.gui.spell import LOOKING

    if isinstance(widget, QMenu) and LOOKING in [a.text() for a in widget.actions()]:
        QTimer.singleShot(BEAT_MS, lambda: close_when_corrected(widget))
        return
    press_escape(widget)


def type_slowly(widget: QWidget, text: str, state: dict) -> Callable:
    """Type `text` into `widget`, a key every 80 ms, as a quick typist does."""

    def start() -> None:
        state["typed"] = False
        for i, char in enumerate(text):
            QTimer.singleShot(80 * i, lambda c=char: QTest.keyClicks(widget, c))
        QTimer.singleShot(80 * len(text), lambda: state.update(typed=True))

    return start


def activate(window) -> None:
    """The main window active again, as after a dialog closes (its shortcuts work only then)."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        QApplication.processEvents()


def go_to(window, meeting_id: int, row: int = 1) -> None:
    window.show_workspace()
    window.sidebar.filter.clear()
    window.sidebar.select(meeting_id)
    window.open_meeting(meeting_id)
    window.workspace.select_row(row)
    window.activateWindow()
    window.workspace.editor.setFocus()
    QApplication.processEvents()


def run_actions(window, driver: Driver, facts, files: dict[str, Path],
                only: str = "") -> list[tuple[str, float]]:
    """Each action and its longest stall (ms), in the order a session might take them; with
    `only`, just those whose label holds it."""
    ws = window.workspace
    results: list[tuple[str, float]] = []

    def measure(label: str, trigger, respond=None, settled=None, settle_ms=SETTLE_MS) -> None:
        if only.lower() not in label.lower():
            return
        activate(window)
        results.append((label, driver.stall(trigger, respond, settled, settle_ms)))
        print(f"{label}: {results[-1][1]:.0f} ms; shown: {', '.join(driver.shown) or '-'}",
              flush=True)

    panel = facts.panel_meeting_id
    go_to(window, panel)
    ws.editor.textCursor().insertText(f"\n{MISSPELLED} came up twice")
    QApplication.processEvents()
    measure("right-click a misspelled word in the notes (suggestions shown)",
            right_click_word(ws.editor, MISSPELLED), close_when_corrected)
    window.notes.flush()

    measure("switch person: Ctrl+Down, panel, notes only", keys(ws.editor, Qt.Key.Key_Down, CTRL))
    window._set_followups_shown(True)
    go_to(window, panel, 1)
    for _ in range(4):
        measure("switch person: Ctrl+Down, panel, follow-ups shown",
                keys(ws.editor, Qt.Key.Key_Down, CTRL))
    measure("switch person: Ctrl+1, panel, follow-ups shown", keys(ws.editor, Qt.Key.Key_1, CTRL))
    measure("switch meeting: click another meeting in the list",
            lambda: window.sidebar.select(facts.big_meeting_id))
    go_to(window, panel)

    measure("dialog: new meeting (Ctrl+N)", keys(ws.editor, Qt.Key.Key_N, CTRL))
    measure("dialog: edit meeting (Meeting menu)", menu_entry(window, "editMeetingAction"))
    measure("dialog: person's card (Ctrl+E)", keys(ws.editor, Qt.Key.Key_E, CTRL))
    measure("dialog: profile (Ctrl+,)", keys(ws.editor, Qt.Key.Key_Comma, CTRL))
    measure("dialog: sending account (File menu)", menu_entry(window, "accountAction"))
    measure("dialog: keyboard shortcuts (F1)", keys(ws.editor, Qt.Key.Key_F1))
    measure("dialog: about (Help menu)", menu_entry(window, "aboutAction"))
    measure("dialog: delete meeting, answered No (Meeting menu)",
            menu_entry(window, "deleteMeetingAction"))
    measure("dialog: mark sent (Ctrl+Shift+M)", keys(ws.editor, Qt.Key.Key_M, CTRL_SHIFT))
    measure("dialog: send (Ctrl+Return)", keys(ws.editor, Qt.Key.Key_Return, CTRL))
    measure("dialog: import, cancelled (Ctrl+I)", keys(ws.editor, Qt.Key.Key_I, CTRL))
    measure("dialog: export, cancelled (Ctrl+Shift+X)", keys(ws.editor, Qt.Key.Key_X, CTRL_SHIFT))
    measure("dialog: export as HTML, cancelled (File menu)",
            menu_entry(window, "exportHtmlAction"))

    measure("search: open (Ctrl+Shift+F)", keys(ws.editor, Qt.Key.Key_F, CTRL_SHIFT))
    search = getattr(window, "_search_dialog", None)
    typing: dict = {}
    if search is not None:
        measure(f"search: type '{SEARCH_TEXT}', results as typed", type_slowly(
            search.box, SEARCH_TEXT, typing), settled=lambda: typing.get("typed", False))
        measure("search: close (Escape)", keys(search.box, Qt.Key.Key_Escape))
    go_to(window, panel)

    measure("status list: open (Ctrl+L)", keys(ws.editor, Qt.Key.Key_L, CTRL), settle_ms=1500)
    status = window.status_list
    for name in ("filter_all", "filter_to_do"):
        from PySide6.QtWidgets import QPushButton

        button = status.findChild(QPushButton, name)
        if button is not None:
            measure(f"status list: click '{button.text()}'",
                    lambda b=button: QTest.mouseClick(b, Qt.MouseButton.LeftButton),
                    settle_ms=1500)
    typing = {}
    measure("status list: type a search", type_slowly(status.search, "ana okafor", typing),
            settled=lambda: typing.get("typed", False))
    measure("people: open (Ctrl+Shift+P)", keys(status.table, Qt.Key.Key_P, CTRL_SHIFT))
    go_to(window, panel)

    upcoming = 1  # the newest meetings are still to come (make_library)
    go_to(window, upcoming)
    measure("meeting: start (Ctrl+Shift+S)", keys(ws.editor, Qt.Key.Key_S, CTRL_SHIFT))
    measure("meeting: end, drafts follow-ups (Ctrl+Shift+E)",
            keys(ws.editor, Qt.Key.Key_E, CTRL_SHIFT), settle_ms=1500)

    for kind, label in (("ics", "an invitation (.ics)"), ("vcf", "two cards (.vcf)"),
                        ("json", "a followup/1 export of 5 meetings")):
        go_to(window, panel)
        measure(f"import {label} (Ctrl+I, file chosen)", keys(ws.editor, Qt.Key.Key_I, CTRL),
                choose_file(files[kind]), settle_ms=1000)
    return results


def measure(folder: Path, only: str = "") -> list[Figure]:
    from benchmarks.bench_years import close_window, open_loaded_window

    facts = load_facts(folder)
    copy = library_copy(folder)
    files = write_import_files(copy)
    try:
        window = open_loaded_window(copy)
        driver = Driver()
        bare = bare_baseline(driver)
        window.activateWindow()
        idle = driver.stall(lambda: None, settle_ms=1000)
        try:
            results = run_actions(window, driver, facts, files, only)
        finally:
            close_window(window)
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    figures = [Figure("stalls", "idle window, longest stall over 1 s", idle,
                      "bare window idle", bare["idle"]),
               Figure("stalls", "bare window: its first bare dialog (info)", bare["first dialog"],
                      "then, longest of 3", bare["dialog"])]
    worst: dict[str, float] = {}
    for label, stall in results:  # an action measured several times: its longest
        worst[label] = max(stall, worst.get(label, 0.0))
    for label, stall in worst.items():
        qt_file_dialog = "Ctrl+I" in label or "export" in label
        base_label = "bare window, Qt file dialog" if qt_file_dialog else "bare window, dialog"
        base = bare["file dialog" if qt_file_dialog else "dialog"]
        figures.append(Figure("stalls", label, stall, base_label, base, max_value=TARGET_MS))
    return figures


def print_stall_table(figures: list[Figure]) -> None:
    header = ("action", "longest stall", "target", "", "bare-window baseline")
    rows = [header] + [(f.label, f"{f.value:.0f} ms",
                        f"< {f.max_value:g} ms" if f.max_value else "info",
                        f.verdict or "", f"{f.baseline_label} {f.baseline:.0f} ms")
                       for f in figures]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    missed = sum(f.verdict == "MISSED" for f in figures)
    print(f"{len(figures) - 2} actions, {missed} over {TARGET_MS:g} ms", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = bench_arguments(__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="only the actions whose name holds this")
    parser.add_argument("--why", action="store_true",
                        help="print where the UI thread was during each stall over the target")
    args = parser.parse_args(argv)
    if args.why:
        global SAMPLER
        SAMPLER = Sampler()
    from followup.gui.app import make_application

    make_application()
    figures = measure(args.data_dir, args.only)
    if args.json:
        for figure in figures:
            emit(figure, True, args.tag)
    else:
        print_stall_table(figures)
    sys.stdout.flush()
    os._exit(0)  # skip Qt teardown of closed windows (see bench_editing.py)


if __name__ == "__main__":
    main()
