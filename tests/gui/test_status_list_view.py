"""The send-status list in the real window: the first screenful is right when painted, and
the "To fix" counts come in batches that repaint only their cells."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from followup.core.deadlines import STATE_STYLE
from followup.store import followups as fu
from followup.store.library import MeetingInput, PersonSpec
from followup.store.status_list import status_rows


def _past_meetings(library) -> list[int]:
    """Follow-ups in every state: overdue, urgent, plenty of time, sent, and a failed send."""
    now = datetime.now(UTC)
    ids = []
    for hours, company in ((30, "Overdue Co"), (23.5, "Urgent Co"), (2, "Plenty Co")):
        meeting = library.create_meeting(MeetingInput(
            company=company, role="Engineer", ended_at=now - timedelta(hours=hours),
            people=[PersonSpec(f"{company} One", email=f"one@{company[:-3].lower()}.example"),
                    PersonSpec(f"{company} Two", email=f"two@{company[:-3].lower()}.example")]))
        ids += fu.ensure_drafts(library, meeting)
    fu.set_status(library, ids[0], "sent", channel="smtp")
    fu.set_status(library, ids[5], "failed", detail="550 mailbox unavailable")
    return ids


def _shown(model) -> list[list[str]]:
    return [[model.data(model.index(row, column)) for column in range(7)]
            for row in range(model.rowCount())]


def test_first_screenful_is_right_when_painted(window, qtbot):
    _past_meetings(window.library)
    window.show_status_list()
    view = window.status_list
    view.table.grab()  # painted, without waiting for anything
    now = view.model.now
    for which in ("to do", "all"):
        view.findChild(QPushButton, f"filter_{which.replace(' ', '_')}").click()
        view.table.grab()
        expected = status_rows(window.library, now, which)
        assert [r.id for r in view.model.rows] == [r.view.id for r in expected]
        cells = _shown(view.model)
        for shown, row in zip(cells, expected, strict=True):
            style = STATE_STYLE[row.countdown.state] if row.countdown else None
            assert shown[0] == row.view.person_name
            assert shown[1] == row.view.company
            assert shown[3] == (f"{style.glyph} {style.label}" if style else "no meeting time")
            assert shown[4] == (row.countdown.text if row.countdown else "")
    names = [row[0] for row in cells if " Co " in row[0]]  # the demo's own come too
    # Most urgent first (the newest first between equals); the failed send ahead of the
    # draft it shares a deadline with.
    assert names[:5] == ["Overdue Co Two", "Urgent Co Two", "Urgent Co One",
                         "Plenty Co Two", "Plenty Co One"]
    assert "Overdue Co One" in names[5:]  # sent: after everything still to send


def test_to_fix_results_repaint_only_their_cells(window, qtbot):
    ids = _past_meetings(window.library)
    view = window.status_list
    view.checker.check = lambda entries: None  # results are given by hand below
    window.show_status_list()
    qtbot.waitUntil(lambda: not view._check_timer.isActive())  # the checks were asked for
    model = view.model
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda first, last, *_: changed.append(
        (first.row(), first.column(), last.row(), last.column())))
    rows = {row.id: number for number, row in enumerate(model.rows)}
    assert all(model.data(model.index(r, 7)).startswith("…") for r in rows.values())
    view.checker.results.put((view.checker.generation, {ids[3]: 2, ids[4]: 0}))
    view._on_checked()
    assert model.data(model.index(rows[ids[3]], 7)) == "2"
    assert model.data(model.index(rows[ids[4]], 7)) == "✔"
    assert model.data(model.index(rows[ids[5]], 7)) == "…"
    span = sorted((rows[ids[3]], rows[ids[4]]))
    assert changed == [(span[0], 7, span[1], 7)] and resets == []  # one range, one column
    assert view.checker._taken.is_set()  # the worker may go on
    # A batch from before the list was read again is dropped.
    view.checker.results.put((view.checker.generation - 1, {ids[5]: 3}))
    view._on_checked()
    assert model.data(model.index(rows[ids[5]], 7)) == "…"
    assert view.checker._taken.is_set()


def test_checks_come_in_batches_and_leave_the_switch_interval(window, qtbot):
    _past_meetings(window.library)
    before = sys.getswitchinterval()
    window.show_status_list()
    view = window.status_list
    batches = []
    taken = view._on_checked

    def take() -> None:  # as the view does, noting each batch
        batches.extend(counts for _generation, counts in list(view.checker.results.queue))
        taken()

    view.checker.checked.disconnect()
    view.checker.checked.connect(take, Qt.ConnectionType.QueuedConnection)
    unsent = [row.id for row in view.model.rows if row.status != "sent"]
    qtbot.waitUntil(lambda: all(view.model.failing.get(i) is not None for i in unsent),
                    timeout=20000)
    qtbot.waitUntil(lambda: view.checker._thread is None, timeout=5000)
    reported = [i for counts in batches for i in counts]
    assert sorted(reported) == sorted(unsent)  # each once
    assert len(batches) < len(unsent)
    assert sys.getswitchinterval() == before


def test_rows_below_the_first_screenful_fill_in_from_a_worker(window, qtbot, monkeypatch):
    from followup.gui import status_view

    _past_meetings(window.library)
    monkeypatch.setattr(status_view, "FIRST_ROWS", 3)
    view = window.status_list
    view.findChild(QPushButton, "filter_all").click()
    window.show_status_list()
    model = view.model
    expected = [r.view.id for r in status_rows(window.library, model.now, "all")]
    assert model.rowCount() == len(expected) > 3  # the scroll bar is right at once
    assert [r.id for r in model.rows] == expected[:len(model.rows)]
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    qtbot.waitUntil(lambda: len(model.rows) == len(expected), timeout=10000)
    assert [r.id for r in model.rows] == expected and resets == []  # filled in, not reset
    assert model.data(model.index(len(expected) - 1, 0))
    # A search while the rest is being read waits for it, and searches every row.
    window.show_workspace()
    window.show_status_list()
    view.search.setText("co one")
    view.apply_filter()
    assert {r.person_name for r in model.rows} == {
        "Overdue Co One", "Urgent Co One", "Plenty Co One"}
    assert model.rowCount() == 3


def test_typing_without_accents_finds_accented_names(window, qtbot):
    """As Ctrl+Shift+F does: "nguyen" finds Nguyễn, "OSTERGARD" Østergård."""
    ended = datetime.now(UTC) - timedelta(hours=2)
    meeting = window.library.create_meeting(MeetingInput(
        company="Østergård Analytics", role="Data Engineer", ended_at=ended, people=[
            PersonSpec("Nguyễn Thị Mai", "Recruiter", "mai@example.com")]))
    fu.ensure_drafts(window.library, meeting)
    window.show_status_list()
    view = window.status_list
    view.findChild(QPushButton, "filter_all").click()
    for typed in ("nguyen", "OSTERGARD", "thi mai"):
        view.search.clear()
        qtbot.keyClicks(view.search, typed)
        qtbot.waitUntil(lambda: [r.person_name for r in view.model.rows] == ["Nguyễn Thị Mai"],
                        timeout=2000)
