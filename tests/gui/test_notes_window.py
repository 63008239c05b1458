"""Taking notes in the real window: shortcuts, autosave, undo per person, adding people."""

from __future__ import annotations

from PySide6.QtCore import Qt

from followup.store.library import Library


def type_text(qtbot, widget, text: str) -> None:
    """Type like a person: keyClicks cannot send a newline, so Return is its own key."""
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(widget, line)


def _notes_in_db(window, attendance_id: int) -> str:
    reader = Library(window.library.path)
    try:
        return reader.notes(attendance_id)
    finally:
        reader.close()


def test_demo_meeting_is_open_with_its_people(window):
    ws = window.workspace
    assert ws.meeting.company == "Brightwave"
    assert ws.people.count() == 5  # general notes + 4 people
    assert "Priya Natarajan" in ws.people.item(1).text()
    assert "0 of 4 sent" in window.sidebar.model.index(0).data()


def test_ctrl_number_selects_person_and_typing_goes_to_editor(window, qtbot):
    ws = window.workspace
    ws.editor.setFocus()
    qtbot.keyClick(ws.editor, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert ws.people.currentRow() == 3
    assert "Dana Okafor" in ws.editor_label.text()
    assert ws.editor.hasFocus()
    qtbot.keyClick(ws.editor, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert ws.people.currentRow() == 0
    assert "General notes" in ws.editor_label.text()
    qtbot.keyClick(ws.editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert ws.people.currentRow() == 1
    qtbot.keyClick(ws.editor, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert ws.people.currentRow() == 0


def test_autosave_within_one_second(window, qtbot):
    ws = window.workspace
    ws.select_row(2)
    attendance = ws.people.item(2).data(Qt.ItemDataRole.UserRole)
    ws.editor.setFocus()
    type_text(qtbot, ws.editor, "\n! wants a design doc culture")
    qtbot.waitUntil(lambda: _notes_in_db(window, attendance).endswith(
        "! wants a design doc culture"), timeout=1000)
    assert "All notes saved at" in window.saved_label.text()


def test_switching_person_saves_immediately(window, qtbot):
    ws = window.workspace
    ws.select_row(1)
    attendance = ws.people.item(1).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClicks(ws.editor, " quick")
    ws.select_row(2)  # no waiting: the switch itself must write
    assert _notes_in_db(window, attendance).endswith(" quick")


def test_undo_history_is_per_person(window, qtbot):
    ws = window.workspace
    ws.select_row(1)
    original_1 = ws.editor.toPlainText()
    qtbot.keyClicks(ws.editor, "AAA")
    ws.select_row(2)
    original_2 = ws.editor.toPlainText()
    qtbot.keyClicks(ws.editor, "BBB")
    ws.select_row(1)
    qtbot.keyClick(ws.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.editor.toPlainText() == original_1
    ws.select_row(2)
    assert ws.editor.toPlainText() == original_2 + "BBB"


def test_ctrl_k_toggles_key_point_on_current_line(window, qtbot):
    ws = window.workspace
    ws.select_row(4)
    type_text(qtbot, ws.editor, "\nloves cycling")
    qtbot.keyClick(ws.editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert ws.editor.toPlainText().endswith("\n! loves cycling")
    qtbot.keyClick(ws.editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert ws.editor.toPlainText().endswith("\nloves cycling")
    qtbot.keyClick(ws.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.editor.toPlainText().endswith("\n! loves cycling")


def test_add_person_during_meeting(window, qtbot):
    ws = window.workspace
    qtbot.keyClick(ws.editor, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ws.add_person_edit.hasFocus()
    qtbot.keyClicks(ws.add_person_edit, "Ravi Shah, Data Scientist, ravi.shah@brightwave.io")
    qtbot.keyClick(ws.add_person_edit, Qt.Key.Key_Return)
    assert ws.people.count() == 6
    person = ws.meeting.attendees[-1]
    assert (person.name, person.title, person.email) == (
        "Ravi Shah", "Data Scientist", "ravi.shah@brightwave.io")
    assert ws.editor.hasFocus() and "Ravi Shah" in ws.editor_label.text()


def test_end_meeting_records_end(window, qtbot):
    ws = window.workspace
    ws.library.start_meeting(ws.meeting.id)
    ws.load_meeting(ws.meeting.id)
    assert ws.end_button.isVisible()
    qtbot.mouseClick(ws.end_button, Qt.MouseButton.LeftButton)
    assert ws.meeting.ended_at is not None
    assert ws.clock.text().startswith("Ended")
    assert not ws.end_button.isVisible()


def test_filter_meetings(window, qtbot):
    window.focus_filter()
    qtbot.keyClicks(window.sidebar.filter, "northwind")
    assert window.sidebar.model.rowCount() == 1
    assert "Northwind" in window.sidebar.model.index(0).data()


def test_new_meeting_dialog_creates_meeting_with_people(window, qtbot, monkeypatch):
    from followup.gui.new_meeting import NewMeetingDialog

    def fill_and_accept(dialog):
        dialog.company.setText("Globex")
        dialog.role.setText("Platform Engineer")
        dialog.people.setPlainText("Ann Lee, CTO, ann@globex.com\nBo Chen, Recruiter")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewMeetingDialog, "exec", fill_and_accept)
    window.new_meeting()
    ws = window.workspace
    assert ws.meeting.company == "Globex"
    assert [a.name for a in ws.meeting.attendees] == ["Ann Lee", "Bo Chen"]
    assert ws.meeting.attendees[0].email == "ann@globex.com"


def test_new_meeting_needs_company(qtbot):
    from followup.gui.new_meeting import NewMeetingDialog

    dialog = NewMeetingDialog()
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0 and not dialog.error.isHidden()
    assert "company" in dialog.error.text()


def test_geometry_is_restored(window, data_dir, qtbot):
    from PySide6.QtCore import QSettings

    from followup.gui.main_window import MainWindow

    window.resize(700, 540)  # inside the offscreen screen
    window.close()
    again = MainWindow(window.library, QSettings(str(data_dir / "window.ini"),
                                                 QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 540)


def test_notes_survive_spelling_rehighlight_after_switching_meeting(window, qtbot):
    """Re-highlighting documents of a meeting no longer open must not break saving."""
    from followup.gui.spell import SpellService

    ws = window.workspace
    ws.select_row(2)
    window.sidebar.list.setCurrentIndex(window.sidebar.model.index(1))  # the other meeting
    assert ws.meeting.company == "Northwind Analytics"
    ws.select_row(1)
    attendance = ws.people.item(1).data(Qt.ItemDataRole.UserRole)
    type_text(qtbot, ws.editor, "\nsaved despite re-highlighting")
    SpellService.instance().ready.emit()  # as when the dictionary finishes loading
    ws.notes.flush()
    assert _notes_in_db(window, attendance).endswith("saved despite re-highlighting")


def test_person_shortcuts_work_from_the_meeting_filter(window, qtbot):
    window.focus_filter()
    qtbot.keyClick(window.sidebar.filter, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.people.currentRow() == 2
    assert window.workspace.editor.hasFocus()


def test_restarting_an_ended_meeting_asks_first(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    ws = window.workspace
    ended = ws.meeting.ended_at
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    ws.start_meeting()
    assert ws.meeting.ended_at == ended


def test_recruiter_is_added_as_coordinator(window, qtbot):
    ws = window.workspace
    ws.focus_add_person()
    qtbot.keyClicks(ws.add_person_edit, "Sara Lopez, Technical Recruiter")
    qtbot.keyClick(ws.add_person_edit, Qt.Key.Key_Return)
    assert ws.meeting.attendees[-1].capacity == "coordinator"


def test_same_name_at_same_company_asks_before_merging(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    ws = window.workspace
    priya = ws.meeting.attendees[0]
    window.sidebar.list.setCurrentIndex(window.sidebar.model.index(1))  # Northwind coffee
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    ws.focus_add_person()
    qtbot.keyClicks(ws.add_person_edit, "Lena Hoffmann")  # met at Northwind before
    qtbot.keyClick(ws.add_person_edit, Qt.Key.Key_Return)
    assert asked == []  # she is already in this meeting: nothing to ask, nothing added
    from followup.store.library import MeetingInput

    second_round = window.library.create_meeting(MeetingInput(company="Brightwave"))
    window.sidebar.refresh()
    window.sidebar.select(second_round)
    ws.focus_add_person()
    qtbot.keyClicks(ws.add_person_edit, "Priya Natarajan")  # name only, same company
    qtbot.keyClick(ws.add_person_edit, Qt.Key.Key_Return)
    assert len(asked) == 1
    assert ws.meeting.attendees[-1].person_id != priya.person_id  # the user said "No"
