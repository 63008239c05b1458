"""Staying quick with a big library, checked on the real window: the meeting filter narrows
loaded rows, the status list's checks run off the UI thread, reminders come in summary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from followup.store import followups as fu
from followup.store.library import MeetingInput, PersonSpec


def test_meeting_filter_matches_people_and_widens_again(window, qtbot):
    library = window.library
    for i in range(30):
        library.create_meeting(MeetingInput(
            company=f"Company {i}", started_at=datetime(2025, 1, 1, tzinfo=UTC) + timedelta(
                days=i), people=[PersonSpec(f"Person {i} Example")]))
    window.sidebar.refresh()
    total = window.sidebar.model.rowCount()
    qtbot.keyClicks(window.sidebar.filter, "person 2")
    names = sorted(window.sidebar.model.index(r).data().split("\n")[0]
                   for r in range(window.sidebar.model.rowCount()))
    assert names == ["Company 2"] + [f"Company {i}" for i in range(20, 30)]
    qtbot.keyClick(window.sidebar.filter, Qt.Key.Key_Backspace)  # "person ": wider again
    assert window.sidebar.model.rowCount() == 30
    window.sidebar.filter.clear()
    assert window.sidebar.model.rowCount() == total
    # Choosing a filtered meeting opens it.
    qtbot.keyClicks(window.sidebar.filter, "company 7")
    window.sidebar.list.setCurrentIndex(window.sidebar.model.index(0))
    assert window.workspace.meeting.company == "Company 7"


def test_status_list_fills_in_to_fix_from_its_worker(window, qtbot):
    fu.ensure_drafts(window.library, 1)
    window.show_status_list()
    model = window.status_list.model
    assert model.rows and all(model.data(model.index(r, 7)).startswith("…")
                              for r in range(len(model.rows)))  # nothing computed inline
    qtbot.waitUntil(lambda: all(not model.data(model.index(r, 7)).startswith("…")
                                for r in range(len(model.rows))), timeout=20000)
    counts = [model.data(model.index(r, 7)) for r in range(len(model.rows))]
    # A person without an address (Tom Becker in the demo) has that to fix too.
    assert all(c == "✔" or c.split(" + ")[0].isdigit() or c == "✖ no address" for c in counts)


def test_many_reminders_come_as_one_summary(window, qtbot):
    class FakeTray:
        def __init__(self):
            self.messages = []

        def supportsMessages(self):  # noqa: N802 - Qt's name
            return True

        def showMessage(self, *args):  # noqa: N802 - Qt's name
            self.messages.append(args)

    library = window.library
    ended = datetime.now(UTC) - timedelta(hours=30)
    people = [PersonSpec(f"Person {i}") for i in range(12)]
    meeting = library.create_meeting(MeetingInput(company="Acme", ended_at=ended,
                                                  started_at=ended - timedelta(hours=1),
                                                  people=people))
    fu.ensure_drafts(library, meeting)
    tray = FakeTray()
    window.reminders.tray = tray
    window.reminders.reschedule()
    assert window.reminders.check_in_background(datetime.now(UTC))
    qtbot.waitUntil(lambda: window.reminders._worker is None, timeout=10000)
    assert len(tray.messages) == 1 and "follow-ups need attention" in tray.messages[0][0]
    lines = window.banner.label.text().split("<br>")
    assert len(lines) == 6 and "more: open the send-status list" in lines[-1]
    assert "follow-ups due" in window.windowTitle()
    window.reminders.tray = None
    # Shown once: the next pass finds nothing new.
    window.banner.hide()
    window.reminders.reschedule()
    assert window.reminders.check_in_background(datetime.now(UTC))
    qtbot.waitUntil(lambda: window.reminders._worker is None, timeout=10000)
    assert not window.banner.isVisible()


def test_garbage_is_collected_on_the_ui_thread_only(qtbot):
    import gc
    import threading
    import weakref

    from PySide6.QtCore import QObject

    from followup.gui.app import make_application
    from followup.gui.collector import UiThreadCollector

    app = make_application()
    assert not gc.isenabled()  # no collection can start in a worker thread
    collector = app.findChild(UiThreadCollector)
    assert collector is not None and collector._timer.isActive()
    seen = []
    gc.callbacks.append(lambda phase, _info: seen.append(threading.current_thread()))
    thresholds = collector.thresholds
    try:
        class Holder(QObject):
            pass

        holder = Holder()
        holder.me = holder  # a cycle holding a Qt object
        gone = weakref.ref(holder)
        del holder
        # Whatever other tests left in the counters, the youngest generation is now due.
        collector.thresholds = (-1, *thresholds[1:])
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)  # the timer collects it
    finally:
        collector.thresholds = thresholds
        gc.callbacks.pop()
    assert seen and all(t is threading.main_thread() for t in seen)
