"""What the window stores, its export imports again: the note and draft editors stop at the
library's limit (the one the import applies) with a message, keep no control character a paste
brings, and a library filled to the limit in the window goes through export and import whole.
The real window offscreen, real pastes (QMimeData), a real library file."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt

from followup.store.formats import export_text, import_file
from followup.store.library import Library
from followup.store.limits import MAX_NOTE_CHARS

PASTED = 120_051  # the length a user pasted, kept and exported, then refused on import


def paste(editor, text: str) -> None:
    data = QMimeData()
    data.setText(text)
    editor.insertFromMimeData(data)


def open_first_person(window) -> int:
    ws = window.workspace
    ws.select_row(1)
    return ws.people.item(1).data(Qt.ItemDataRole.UserRole)


def test_a_paste_past_the_limit_is_refused_with_the_reason(window, qtbot):
    attendance = open_first_person(window)
    editor = window.workspace.editor
    before = window.library.notes(attendance)
    paste(editor, "x" * PASTED)
    assert editor.toPlainText() == before
    message = window.statusBar().currentMessage()  # the reason, where the window says it
    assert "Not pasted" in message and f"{MAX_NOTE_CHARS:,}" in message
    assert f"{len(before) + PASTED:,}" in message
    # What fits goes in, to the last character; then typing stops, with a message.
    editor.selectAll()
    paste(editor, "y" * MAX_NOTE_CHARS)
    assert len(editor.toPlainText()) == MAX_NOTE_CHARS
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "z")
    assert "z" not in editor.toPlainText()
    assert window.statusBar().currentMessage().startswith("Full:")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # deleting is always allowed
    assert len(editor.toPlainText()) == MAX_NOTE_CHARS - 1
    window.workspace.notes.flush()
    assert len(window.library.notes(attendance)) == MAX_NOTE_CHARS - 1


def test_what_the_window_stores_goes_through_export_and_import(window, qtbot, tmp_path):
    attendance = open_first_person(window)
    editor = window.workspace.editor
    editor.selectAll()
    # Control characters a paste from a terminal or a PDF brings are dropped; the line
    # separator Shift+Enter types is kept.
    paste(editor, "! kafka\x0b rewrite\x1b[0m\x00\u2028second line\n" + "n" * (MAX_NOTE_CHARS - 40))
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    window.workspace.notes.flush()
    stored = window.library.notes(attendance)
    assert stored.startswith("! kafka rewrite[0m\u2028second line\n")
    assert len(stored) <= MAX_NOTE_CHARS and "\u2028" in stored[-2:]
    exported = tmp_path / "export.json"
    exported.write_text(export_text(window.library, "json"), encoding="utf-8")
    fresh = Library(tmp_path / "fresh" / "followup.sqlite3")
    try:
        created = import_file(fresh, exported)
        assert created["meetings"]
        notes = [a.notes for m in created["meetings"] for a in fresh.meeting(m).attendees]
        assert stored in notes
    finally:
        fresh.close()


def test_the_draft_editor_stops_at_the_same_limit(window, qtbot):
    open_first_person(window)
    window.workspace.show_followups(True)
    panel = window.workspace.followups
    panel.body.selectAll()
    paste(panel.body, "d" * (MAX_NOTE_CHARS + 1))
    message = window.statusBar().currentMessage()
    assert "Not pasted" in message and "a draft" in message
    assert panel.subject.maxLength() == 500
