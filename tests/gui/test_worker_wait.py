"""Work waited for on a worker thread: its answer or its error comes back to the caller, the
UI thread's timers keep running meanwhile, and the window's slow reads use it."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer

from followup.core.plurals import counted
from followup.gui.worker_wait import wait_for_worker
from followup.store.inputs import MeetingInput, PersonSpec


def test_the_answer_comes_back_and_the_ui_thread_turns_meanwhile(qapp):
    beats: list[float] = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: beats.append(time.monotonic()))
    timer.start()
    where: list[str] = []

    def slow() -> int:
        where.append(threading.current_thread().name)
        time.sleep(0.3)
        return 42

    start = time.monotonic()
    assert wait_for_worker(slow, "slow-work") == 42
    timer.stop()
    assert where == ["slow-work"]
    # the timer beat while the work ran: a blocked UI thread beats at most once, after it
    # (how far apart the beats are is the stall benchmark's to measure, not a test's)
    during = [b for b in beats if start + 0.05 < b < start + 0.25]
    assert len(during) >= 3, beats


def test_an_error_is_raised_in_the_caller(qapp):
    def broken() -> None:
        raise ValueError("not a calendar file")

    with pytest.raises(ValueError, match="not a calendar file"):
        wait_for_worker(broken)


def test_a_library_still_opening_is_used_on_the_ui_thread(qapp):
    class Opening:
        loaded = False  # as store.first_screen.OpeningLibrary before its ORM is loaded

    where = wait_for_worker(lambda: threading.current_thread().name, "worker", Opening())
    assert where == threading.main_thread().name


def test_people_view_lists_thousands_a_chunk_at_a_time(window, qtbot):
    from followup.gui.people_view import FILL_CHUNK

    people = [PersonSpec(f"Attendee {i:04d} Example", email=f"a{i}@example.org")
              for i in range(90)]
    for start in range(0, FILL_CHUNK + 300, 90):  # a meeting holds at most 100 people
        window.library.create_meeting(MeetingInput(
            company=f"Company {start}", people=[PersonSpec(p.name, email=f"{start}{p.email}")
                                                for p in people]))
    window.show_people()
    view = window.people_view
    total = len(view.entries)
    assert total > FILL_CHUNK
    assert view.summary.text() == counted(total, "person")
    assert view.list.count() == FILL_CHUNK  # the first chunk at once, the others after
    qtbot.waitUntil(lambda: view.list.count() == total)
    qtbot.keyClicks(view.filter, "attendee 0007")
    assert view.list.count() >= 1
    assert all("Attendee 0007" in view.list.item(r).text() for r in range(view.list.count()))
