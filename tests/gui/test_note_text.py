"""Notes keep every character the user wrote: no-break spaces and line separators survive
an autosave of an edit elsewhere in the note, and an untouched note is never rewritten."""

from __future__ import annotations

from PySide6.QtCore import Qt

from followup.store.library import Library

WRITTEN = "Paid 1\u00a0200\u00a0EUR per day\u2028(second line of the same paragraph)\nNext"


def _notes_in_db(window, attendance_id: int) -> str:
    reader = Library(window.library.path)
    try:
        return reader.notes(attendance_id)
    finally:
        reader.close()


def _open_with_notes(window, text: str) -> int:
    ws = window.workspace
    attendance = ws.people.item(1).data(Qt.ItemDataRole.UserRole)
    window.library.save_notes(attendance, text)
    ws.load_meeting(ws.meeting.id)
    ws.select_row(1)
    return attendance


def test_an_edit_keeps_no_break_spaces_and_line_separators(window, qtbot):
    attendance = _open_with_notes(window, WRITTEN)
    ws = window.workspace
    ws.editor.setFocus()
    ws.editor.moveCursor(ws.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(ws.editor, " step")
    qtbot.waitUntil(lambda: _notes_in_db(window, attendance).endswith(" step"), timeout=2000)
    assert _notes_in_db(window, attendance) == WRITTEN + " step"


def test_an_untouched_note_is_not_rewritten(window, qtbot):
    text = WRITTEN + "\u2029last paragraph"
    attendance = _open_with_notes(window, text)
    ws = window.workspace
    ws.select_row(2)  # switching flushes every note that changed
    ws.select_row(1)
    ws.notes.flush()
    assert _notes_in_db(window, attendance) == text
