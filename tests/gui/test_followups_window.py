"""Follow-ups in the real window: one draft per person, autosave, regenerate, statuses,
the send-status list, countdowns and reminders, and sending to a real server on loopback."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from followup.store import followups as fu
from tests.gui.test_notes_window import type_text


@pytest.fixture
def shown(window, qtbot):
    window.workspace.editor.setFocus()
    qtbot.keyClick(window.workspace.editor, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.workspace.followups.isVisible()
    return window


def test_one_draft_per_person_each_about_its_own_person(shown):
    views = fu.followups_for_meeting(shown.library, 1)
    assert [v.person_name for v in views] == [
        "Priya Natarajan", "Marcus Feld", "Dana Okafor", "Tom Becker"]
    notes = {a.name: a.notes for a in shown.workspace.meeting.attendees}
    for view in views:
        assert view.body.startswith(f"Hi {view.person_name.split()[0]},")
        assert "Brightwave" in view.body and "(415) 555-0134" in view.body
        for other, text in notes.items():
            if other != view.person_name:
                for line in text.splitlines():
                    assert line.lstrip("!?+ ").strip() not in view.body


def test_selecting_a_person_shows_their_draft_checklist_and_countdown(shown, qtbot):
    ws = shown.workspace
    ws.select_row(2)
    panel = ws.followups
    assert panel.view.person_name == "Marcus Feld"
    assert panel.body.toPlainText().startswith("Hi Marcus,")
    qtbot.waitUntil(lambda: panel.checklist.count() >= 15, timeout=2000)
    assert "left" in panel.countdown.text()
    assert "Send by" in panel.due_label.text()


def test_draft_edits_autosave(shown, qtbot):
    panel = shown.workspace.followups
    panel.body.moveCursor(panel.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.body, " PS: see you at the meetup")
    qtbot.waitUntil(lambda: fu.followup_view(shown.library, panel.view.id).body.endswith(
        "see you at the meetup"), timeout=1000)
    assert fu.followup_view(shown.library, panel.view.id).edited


def test_regenerate_asks_before_replacing_edits_and_undo_restores(shown, qtbot, monkeypatch):
    panel = shown.workspace.followups
    panel.body.moveCursor(panel.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.body, " My own words.")
    panel.flush()
    edited = panel.body.toPlainText()
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    panel.regenerate()
    assert asked and panel.body.toPlainText() == edited
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.regenerate()
    assert "My own words." not in panel.body.toPlainText()
    assert not fu.followup_view(shown.library, panel.view.id).edited
    panel.body.undo()
    assert panel.body.toPlainText() == edited


def test_changed_notes_mark_the_draft_out_of_date(shown, qtbot):
    ws = shown.workspace
    ws.select_row(1)
    assert ws.followups.stale_bar.isHidden()
    ws.editor.setFocus()
    type_text(qtbot, ws.editor, "\n! also runs the SRE guild")
    ws.notes.flush()
    ws.select_row(2)
    ws.select_row(1)
    assert ws.followups.view.out_of_date
    assert ws.followups.stale_bar.isVisible()


def test_no_follow_up_needed_removes_the_draft_from_the_count(shown, qtbot):
    ws = shown.workspace
    ws.select_row(3)
    ws.followups.skip_box.setChecked(True)
    view = fu.followup_for_attendance(shown.library, ws.people.item(3).data(
        Qt.ItemDataRole.UserRole))
    assert view.status == "skipped"
    assert "0 of 3 sent" in shown.sidebar.model.index(0).data()
    assert ws.followups.empty.isVisible()


def test_mark_ready_and_mark_sent_by_hand_are_recorded(shown, monkeypatch):
    panel = shown.workspace.followups
    panel.toggle_ready()
    assert panel.view.status == "ready"
    from followup.gui.followup_panel import MarkSentDialog

    monkeypatch.setattr(MarkSentDialog, "ask", classmethod(lambda *_a: "in person"))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    panel.mark_sent()
    # Priya's draft still has the gap for the better answer: marking it sent asks first.
    assert asked and "[write your better answer here]" in asked[0]
    view = fu.followup_view(shown.library, panel.view.id)
    assert (view.status, view.channel) == ("sent", "in person")
    assert [h.status for h in view.history] == ["draft", "ready", "sent"]
    assert panel.body.isReadOnly()
    assert "1 of 4 sent" in shown.sidebar.model.index(0).data()
    assert panel.history.count() == 3


def test_status_list_most_urgent_first_filters_and_opens(shown, qtbot):
    library = shown.library
    meeting = shown.workspace.meeting
    ended = datetime.now(UTC) - timedelta(hours=23, minutes=30)
    library.edit_meeting_row(meeting.id, {"end": ended}, recorded_start=False, recorded_end=True)
    shown.show_status_list()
    table = shown.status_list
    assert table.isVisible()
    rows = table.model.rows
    assert rows and table.model.countdown(0).state.value == "urgent"
    states = [table.model.countdown(i).state.value for i in range(len(rows))]
    assert states == sorted(states, key=["overdue", "urgent", "soon", "comfortable"].index)
    qtbot.keyClicks(table.search, "marcus")
    assert [r.person_name for r in table.model.rows] == ["Marcus Feld"]
    table.findChild(QPushButton, "filter_sent").click()
    assert table.model.rows == []
    table.search.clear()
    table.findChild(QPushButton, "filter_all").click()
    assert any(r.person_name == "Lena Hoffmann" for r in table.model.rows)
    table.findChild(QPushButton, "filter_to_do").click()
    index = table.model.index(0, 0)
    table.table.setCurrentIndex(index)
    table._open_index(index)
    assert shown.stack.currentWidget() is shown.workspace
    assert shown.workspace.followups.view.person_name == rows[0].person_name


def test_countdown_ticks_from_the_clock(shown):
    panel = shown.workspace.followups
    end = panel.view.deadline.meeting_end
    panel.tick(end + timedelta(hours=23, minutes=30))
    assert "Urgent" in panel.countdown.text() or "target" in panel.countdown.text()
    panel.tick(end + timedelta(hours=26))
    assert "Overdue by 2:00:00" in panel.countdown.text()  # the state named once


def test_window_title_counts_due_follow_ups(shown):
    shown.update_badge()
    assert shown.windowTitle() == "Followup — 4 follow-ups due"


def _banner_after_a_pass(qtbot, presenter, window, now) -> list[str]:
    """The banner's lines after one reminder pass at `now`, decided on the worker as the
    window's timer runs it; [] when the pass showed nothing new."""
    window.banner.hide()
    assert presenter.check_in_background(now)
    qtbot.waitUntil(lambda: presenter._worker is None, timeout=10000)
    return window.banner.label.text().split("<br>") if window.banner.isVisible() else []


def test_reminder_banner_once_per_threshold_also_after_restart(shown, qtbot):
    library = shown.library
    fu.ensure_drafts(library, 1)
    end = shown.workspace.meeting.ended_at
    urgent_time = end + timedelta(hours=23, minutes=30)
    first = _banner_after_a_pass(qtbot, shown.reminders, shown, urgent_time)
    assert len(first) == 4 and any("Priya Natarajan" in line for line in first)
    assert not shown.reminders.check_in_background(urgent_time + timedelta(seconds=1))  # waits
    shown.reminders.reschedule()
    assert _banner_after_a_pass(qtbot, shown.reminders, shown,
                                urgent_time + timedelta(minutes=1)) == []
    from followup.gui.reminders_ui import ReminderPresenter

    restarted = ReminderPresenter(library, shown)
    assert _banner_after_a_pass(qtbot, restarted, shown, urgent_time + timedelta(minutes=2)) == []
    overdue = _banner_after_a_pass(qtbot, restarted, shown, end + timedelta(hours=25))
    assert overdue and all(line.startswith("<b>Follow-up overdue</b>") for line in overdue)


def test_send_from_window_to_real_server(shown, qtbot, monkeypatch):
    from followup.mail.outbox import Account
    from followup.sending.delivery import save_account
    from tests import smtp_server as servers

    with servers.running_server("none", auth=False) as server:
        save_account(shown.library, Account(server.host, server.port, "none", "",
                                             "Sam Rivera", "sam.rivera@example.com"))
        from PySide6.QtWidgets import QDialog

        from followup.gui.send_ui import ConfirmSendDialog

        monkeypatch.setattr(ConfirmSendDialog, "exec",
                            lambda d: (d.send_button.click(), QDialog.DialogCode.Accepted)[1]
                            if d.send_button.isEnabled() else QDialog.DialogCode.Rejected)
        warnings = []
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a))
        shown.workspace.select_row(3)  # Dana: a draft without gaps
        panel = shown.workspace.followups
        followup_id = panel.view.id
        qtbot.keyClick(panel.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: fu.followup_view(shown.library, followup_id).status == "sent",
                        timeout=10000)
        assert len(server.received) == 1
        assert server.received[0].rcpt_tos == ["dana.okafor@brightwave.io"]
        # The window learns of the result through the worker's signal, a moment later.
        qtbot.waitUntil(lambda: panel.send_button.text() == "Send again…", timeout=5000)
        assert panel.view.status == "sent" and panel.body.isReadOnly()
        assert warnings == []


def test_unconfirmed_send_is_announced_at_start_and_not_resent(qtbot, data_dir):
    from followup.gui.app import make_application, open_window
    from followup.paths import library_path
    from followup.store.demo import seed_demo
    from followup.store.library import Library

    library = Library(library_path(data_dir))
    seed_demo(library)
    ids = fu.ensure_drafts(library, 1)
    fu.set_status(library, ids[0], "sending", channel="email (Followup)")
    library.close()
    make_application()
    window = open_window(data_dir)
    qtbot.addWidget(window)
    window.show()
    # Said as soon as the store is loaded, a moment after the notes are on screen.
    qtbot.waitUntil(lambda: window.banner is not None and window.banner.isVisible(),
                    timeout=10000)
    assert "Send not confirmed: check your Sent folder" in window.banner.label.text()
    assert fu.followup_view(window.library, ids[0]).status == "sending"
    window.close()
    window.library.close()
    window.library_lock.release()


def test_ending_the_meeting_starts_the_shown_countdown_at_once(window, qtbot):
    """Ctrl+Shift+E with the draft pane open: the countdown of the person shown starts then,
    not when another person is picked."""
    from followup.store.library import MeetingInput, PersonSpec

    start = datetime.now(UTC) + timedelta(days=2)
    meeting = window.library.create_meeting(MeetingInput(
        company="Kettle", scheduled_start=start, scheduled_end=start + timedelta(hours=1),
        people=[PersonSpec("Aoife Byrne", "CTO", "aoife@kettle.example")]))
    window.sidebar.refresh()
    window.open_meeting(meeting)
    window.workspace.show_followups(True)
    window.workspace.select_row(1)
    panel = window.workspace.followups
    window.workspace.start_meeting()
    window.tick()
    before = panel.countdown.text()
    window.workspace.end_meeting()
    window.tick()
    assert panel.countdown.text() != before
    assert "23:59" in panel.countdown.text() or "24:00" in panel.countdown.text(), (
        panel.countdown.text())
