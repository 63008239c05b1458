"""Sentences phrased from notes are marked in the draft until the user has read them, with
the note on hover, and the send confirmation counts those still unread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from followup.core.preflight import Finding
from followup.gui.phrased_marks import tooltip_for
from followup.sending.delivery import prepare
from followup.store import followups as fu


def _marcus(window, qtbot):
    window.workspace.editor.setFocus()
    qtbot.keyClick(window.workspace.editor, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    window.workspace.select_row(2)
    panel = window.workspace.followups
    assert panel.view.person_name == "Marcus Feld"
    # the marks come with the checklist, a moment after the switch (not on the switch itself)
    qtbot.waitUntil(lambda: panel.marks.unread > 0, timeout=3000)
    return panel


def test_phrased_sentences_are_marked_with_their_note(window, qtbot):
    panel = _marcus(window, qtbot)
    marks = panel.marks
    assert marks.unread >= 2
    body = panel.body.toPlainText()
    marked = [body[s:e] for s, e, _n in marks.spans]
    assert any("TimescaleDB" in sentence for sentence in marked)
    notes = [n for _s, _e, n in marks.spans]
    assert any("moving from PostgreSQL to TimescaleDB" in n for n in notes)
    # the marks are extra selections over exactly those sentences
    painted = {(sel.cursor.selectionStart(), sel.cursor.selectionEnd())
               for sel in panel.body.extraSelections()}
    assert {(s, e) for s, e, _n in marks.spans} <= painted
    assert panel.unread_label.isVisible() and str(marks.unread) in panel.unread_label.text()
    assert notes[0] in tooltip_for(notes[0]) and "your note" in tooltip_for(notes[0])
    # the confirmation counts them
    check = prepare(window.library, panel.view.id, None).check
    assert check.facts.unread_phrased == marks.unread
    unread = [p for p in check.problems if p.kind is Finding.UNREAD_PHRASED]
    assert len(unread) == 1 and not unread[0].blocking
    assert unread[0].message.startswith(f"{marks.unread} sentences written from your notes")


def test_a_sentence_is_read_once_the_cursor_has_been_in_it_and_it_is_remembered(window, qtbot):
    panel = _marcus(window, qtbot)
    before = panel.marks.unread
    start, end, _note = panel.marks.spans[0]
    panel.body.setFocus()
    qtbot.waitUntil(panel.body.hasFocus, timeout=1000)
    cursor = panel.body.textCursor()
    cursor.setPosition(start + 3)
    panel.body.setTextCursor(cursor)
    assert panel.marks.unread == before - 1
    assert fu.read_sentences(window.library, panel.view.id)
    assert prepare(window.library, panel.view.id, None).check.facts.unread_phrased == before - 1
    # switching away and back keeps it read
    window.workspace.select_row(1)
    window.workspace.select_row(2)
    qtbot.waitUntil(lambda: window.workspace.followups.marks.unread == before - 1, timeout=3000)


def test_an_edited_sentence_is_the_users_own_and_all_can_be_marked_read(window, qtbot):
    panel = _marcus(window, qtbot)
    before = panel.marks.unread
    start, end, _note = panel.marks.spans[-1]
    cursor = QTextCursor(panel.body.document())
    cursor.setPosition(end - 1)
    cursor.insertText(", which I'd love to hear more about")
    panel.run_checks()
    assert panel.marks.unread == before - 1
    panel.unread_label.linkActivated.emit("read")
    assert panel.marks.unread == 0 and not panel.unread_label.isVisible()
    panel.flush()
    check = prepare(window.library, panel.view.id, None).check
    assert check.facts.unread_phrased == 0 and not check.has(Finding.UNREAD_PHRASED)


def test_the_checklist_asks_to_read_them_until_all_are_read(window, qtbot):
    panel = _marcus(window, qtbot)

    def read_rule():
        return next((r for r in panel.results if r.id == "read"), None)

    qtbot.waitUntil(lambda: read_rule() is not None, timeout=3000)
    assert not read_rule().passed and len(read_rule().spans) == panel.marks.unread
    panel.marks.mark_all_read()  # "I've read them all"
    qtbot.waitUntil(lambda: read_rule().passed, timeout=3000)
    assert panel.marks.unread == 0 and not panel.unread_label.isVisible()


def test_a_pause_in_typing_checks_without_writing_the_draft_again(window, qtbot, monkeypatch):
    """The marks know which sentences are unread: the checklist's run after each pause in
    typing takes them from there instead of drafting the note again."""
    panel = _marcus(window, qtbot)
    drafted = []
    real = fu.generate_for
    monkeypatch.setattr(fu, "generate_for", lambda *a, **k: drafted.append(a) or real(*a, **k))
    panel.body.moveCursor(QTextCursor.MoveOperation.End)
    panel.body.insertPlainText(" Typed.")
    panel.run_checks()
    assert drafted == []
    read = next(r for r in panel.results if r.id == "read")
    assert not read.passed and len(read.spans) == panel.marks.unread
