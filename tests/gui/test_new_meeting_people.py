"""The New meeting dialog reads people lines as RFC 5322 mailboxes and names a bad line."""

from __future__ import annotations


def test_directory_order_and_quoted_names_are_saved_whole(qtbot):
    from followup.gui.new_meeting import NewMeetingDialog

    dialog = NewMeetingDialog()
    qtbot.addWidget(dialog)
    dialog.company.setText("Acme")
    dialog.people.setPlainText('Doe, Jane <jane@acme.com>\n"Roe, Bob" <bob@acme.com>, Recruiter')
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    people = dialog.meeting_input().people
    assert [(p.name, p.email, p.capacity) for p in people] == [
        ("Jane Doe", "jane@acme.com", "interviewer"), ("Bob Roe", "bob@acme.com", "coordinator")]


def test_a_line_that_cannot_be_read_keeps_the_dialog_open_and_says_which(qtbot):
    from followup.gui.new_meeting import NewMeetingDialog

    dialog = NewMeetingDialog()
    qtbot.addWidget(dialog)
    dialog.company.setText("Acme")
    dialog.people.setPlainText("Jane Doe <jane@acme.com>\nBob Roe <bob@acme>")
    dialog.show()
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error.text().startswith("People, line 2: 'bob@acme' is not an email address")


def test_the_add_person_field_keeps_a_line_it_cannot_read(window, qtbot):
    from PySide6.QtCore import Qt

    ws = window.workspace
    before = ws.people.count()
    ws.add_person_edit.setText("Bob Roe <bob@acme>")
    qtbot.keyClick(ws.add_person_edit, Qt.Key.Key_Return)
    assert ws.people.count() == before
    assert ws.add_person_edit.text() == "Bob Roe <bob@acme>"  # kept for the user to correct
    ws.add_person_edit.setText('"Roe, Bob" <bob@acme.com>, Recruiter')
    qtbot.keyClick(ws.add_person_edit, Qt.Key.Key_Return)
    assert ws.people.count() == before + 1
    assert "Bob Roe" in ws.people.item(ws.people.currentRow()).text()
