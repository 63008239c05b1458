"""The New meeting form as a hurried person types it: Tab goes field to field (never into the
hour), Return moves on, and only Ctrl+Return (or the button) creates the meeting."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _dialog(qtbot):
    from followup.gui.new_meeting import NewMeetingDialog

    dialog = NewMeetingDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_tab_leaves_the_start_field_for_the_next_one(qtbot):
    dialog = _dialog(qtbot)
    before = dialog.start.dateTime()
    dialog.start.setFocus()
    qtbot.keyClick(dialog.start, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.duration
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.location
    qtbot.keyClicks(dialog.location, "berlin office, 3rd floor")
    assert dialog.start.dateTime() == before  # "3rd floor" never lands in the hour
    assert dialog.location.text() == "berlin office, 3rd floor"


def test_return_moves_on_and_ctrl_return_creates(qtbot):
    dialog = _dialog(qtbot)
    dialog.company.setFocus()
    qtbot.keyClicks(dialog.company, "Kettle & Co")
    qtbot.keyClick(dialog.company, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0  # not created by a stray Return
    assert dialog.focusWidget() is dialog.role
    dialog.location.setFocus()
    qtbot.keyClick(dialog.location, Qt.Key.Key_Return)
    assert dialog.isVisible()
    dialog.people.setFocus()
    qtbot.keyClicks(dialog.people, "Aoife Byrne, CTO")
    qtbot.keyClick(dialog.people, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.people, "Sam Lee, Recruiter")
    assert dialog.isVisible()  # Return in the people box is a new line
    qtbot.keyClick(dialog.people, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == 1
    people = dialog.meeting_input().people
    assert [p.name for p in people] == ["Aoife Byrne", "Sam Lee"]
