"""Typing in the real main window on the big library: the autosave write and switching person.

Autosave: after each typed word, `workspace.flush()` writes that person's notes, timed against a
bare sqlite3 UPDATE + commit of the same row with the same pragmas (WAL, synchronous=FULL).
Switching: `workspace.select_row(n)` plus the events it posts (layout, paint), over a meetup of
forty people, first visits (which load the notes) included, timed against a bare QPlainTextEdit
shown the same texts. The spelling dictionary is loaded first, as it is a few seconds in.
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

if not __package__:  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.make_library import load_facts  # noqa: E402
from benchmarks.run_all import Figure, bench_arguments, emit, percentile  # noqa: E402

FRAME_MS = 16  # one frame at 60 Hz: a switch should not drop one
AUTOSAVE_MS = 10


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def open_big_window(folder: Path, meeting_id: int):
    from PySide6.QtWidgets import QApplication

    from followup.core import spelling
    from followup.gui.app import make_application, open_window
    from followup.gui.spell import SpellService

    make_application()
    window = open_window(folder)
    window.resize(1280, 800)
    window.show()
    window.finish_opening()  # the ORM and the timers, as a moment after start-up
    # The dictionary first: its `ready` rehighlights every note document, and documents of a
    # meeting closed before that are still connected (see docs/benchmarks.md, findings).
    SpellService.instance().load_in_background()
    deadline = time.monotonic() + 30
    while not spelling.is_ready() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()
    window.sidebar.select(meeting_id)
    window.tick()  # the first reminder check, before anything is timed
    QApplication.processEvents()
    return window


def close_window(window) -> None:
    window.close()
    window.library.close()
    window.library_lock.release()


def time_autosave(window, edits: int) -> list[float]:
    from PySide6.QtTest import QTest

    workspace = window.workspace
    workspace.select_row(1)
    timings = []
    for i in range(edits):
        QTest.keyClicks(workspace.editor, f" word{i}")
        start = time.perf_counter()
        workspace.flush()
        timings.append(_ms(start))
    return timings


def time_bare_update(path: Path, attendance_id: int, text: str, edits: int) -> list[float]:
    conn = sqlite3.connect(path)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                   "busy_timeout=5000"):
        conn.execute(f"PRAGMA {pragma}")
    timings = []
    for i in range(edits):
        text += f" word{i}"
        start = time.perf_counter()
        conn.execute("UPDATE attendance SET notes = ?, notes_updated_at = ? WHERE id = ?",
                     (text, datetime.now(UTC).replace(tzinfo=None).isoformat(" "),
                      attendance_id))
        conn.commit()
        timings.append(_ms(start))
    conn.close()
    return timings


def switch_order(rows: int, switches: int, seed: int = 3) -> list[int]:
    """Every person once in list order (first visits), then jumps between random people."""
    rng = random.Random(seed)
    order = list(range(1, rows))
    while len(order) < switches:
        order.append(rng.randrange(1, rows))
    return order


def time_switches(window, order: list[int]) -> list[float]:
    from PySide6.QtWidgets import QApplication

    timings = []
    for row in order:
        start = time.perf_counter()
        window.workspace.select_row(row)
        QApplication.processEvents()
        timings.append(_ms(start))
    return timings


def time_bare_switches(texts: list[str]) -> list[float]:
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    editor = QPlainTextEdit()
    editor.resize(1280, 800)
    editor.show()
    QApplication.processEvents()
    timings = []
    for text in texts:
        start = time.perf_counter()
        editor.setPlainText(text)
        QApplication.processEvents()
        timings.append(_ms(start))
    editor.close()
    return timings


def time_reminder_check(window) -> float:
    """The one-second tick when its reminder check is due (once a minute or more), UI thread."""
    window.reminders.reschedule()
    start = time.perf_counter()
    window.tick()
    return _ms(start)


def pair(group: str, label: str, timings: list[float], base_label: str, base: list[float],
         target: float) -> list[Figure]:
    p50, p95 = percentile(timings, 50), percentile(timings, 95)
    return [Figure(group, f"{label} p50", p50, f"{base_label} p50", percentile(base, 50)),
            Figure(group, f"{label} p95", p95, f"{base_label} p95", percentile(base, 95),
                   max_value=target)]


def measure(folder: Path, edits: int, switches: int) -> list[Figure]:
    from PySide6.QtCore import Qt

    user_role = Qt.ItemDataRole.UserRole
    facts = load_facts(folder)
    window = open_big_window(folder, facts.big_meeting_id)
    try:
        workspace = window.workspace
        saves = time_autosave(window, edits)
        attendance_id = workspace.people.item(1).data(user_role)
        bare_saves = time_bare_update(window.library.path, attendance_id,
                                      workspace.notes.text(attendance_id), edits)
        order = switch_order(workspace.people.count(), switches)
        switch_times = time_switches(window, order)
        texts = [workspace.notes.text(workspace.people.item(r).data(user_role)) for r in order]
        bare_switches = time_bare_switches(texts)
        workspace.show_followups(True)
        panel_times = time_switches(window, order)
        check = time_reminder_check(window)
    finally:
        close_window(window)
    first = len(set(order))
    return [
        *pair("autosave", f"flush one person's notes ({edits} edits)", saves,
              "bare UPDATE+commit", bare_saves, AUTOSAVE_MS),
        *pair("switch", f"select person ({switches} switches)", switch_times,
              "bare setPlainText", bare_switches, FRAME_MS),
        Figure("switch", f"first visits only p95 ({first})", percentile(switch_times[:first], 95),
               "bare setPlainText p95", percentile(bare_switches[:first], 95),
               max_value=FRAME_MS),
        *pair("switch", "select person, follow-ups shown", panel_times,
              "bare setPlainText", bare_switches, FRAME_MS),
        Figure("tick", "tick, reminder check due (UI thread; the check runs on a worker)", check,
               max_value=FRAME_MS),
    ]


def main(argv: list[str] | None = None) -> None:
    args = bench_arguments(__doc__.splitlines()[0]).parse_args(argv)
    edits, switches = (50, 80) if args.quick else (200, 200)
    for figure in measure(args.data_dir, edits, switches):
        emit(figure, args.json, args.tag)
    sys.stdout.flush()
    # Skip interpreter teardown: PySide6 can abort while garbage-collecting the closed window's
    # widgets at exit (seen in one run of a few), which says nothing about the figures above.
    os._exit(0)


if __name__ == "__main__":
    main()
