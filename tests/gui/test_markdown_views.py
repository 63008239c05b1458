"""Markdown in the real window, offscreen: the notes rendered beside the editor, the Preview
tab showing the HTML part exactly as a real SMTP server on loopback receives it, and File ›
Export as HTML."""

from __future__ import annotations

from html.parser import HTMLParser

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from followup.gui.theme import MARKER_COLOURS
from followup.store import followups as fu
from tests.gui.test_notes_window import type_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TYPED = ("\nwe use List<Event> and 2*3*4 shards, see https://acme.example/post\n"
         "- a *bullet*\n- `code()`\n+ I can bring dbt\n<b>not bold</b>")


def _list_items(document) -> list[str]:
    """The text of every block of `document` that is in a list."""
    items, block = [], document.begin()
    while block.isValid():
        if block.textList() is not None:
            items.append(block.text())
        block = block.next()
    return items


def _colour_of(document, text: str) -> QColor:
    cursor = document.find(text)
    assert not cursor.isNull(), text
    cursor.setPosition(cursor.selectionStart() + 1, QTextCursor.MoveMode.MoveAnchor)
    return cursor.charFormat().foreground().color()


def test_notes_rendered_beside_the_editor_then_the_whole_meeting(window, qtbot, tmp_path):
    ws = window.workspace
    ws.select_row(1)  # Priya
    ws.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, ws.editor, TYPED)
    qtbot.keyClick(ws.editor, Qt.Key.Key_O, CTRL_SHIFT)
    view = ws.rendered
    assert ws.notes_stack.currentWidget() is view and view.isVisible() and view.isReadOnly()
    assert ws.notes_mode.currentIndex() == 1
    shown = view.toPlainText()
    # The unsaved text is there, rendered: markers as badges (their no-break space reads as a
    # space here), a list, prose as typed.
    assert "! key point migrating ingestion" in shown
    assert "+ to bring I can bring dbt" in shown
    assert "List<Event> and 2*3*4 shards" in shown and "<b>not bold</b>" in shown
    assert _list_items(view.document()) == ["a bullet", "code()"]
    assert _colour_of(view.document(), "key point") == QColor(MARKER_COLOURS["!"][0])
    assert _colour_of(view.document(), "to bring") == QColor(MARKER_COLOURS["+"][0])
    assert 'href="https://acme.example/post"' in view.toHtml()
    view.grab().save(str(tmp_path / "rendered.png"))

    # Another person, still rendered.
    ws.select_row(2)
    assert "System design round" in view.toPlainText()

    qtbot.keyClick(view, Qt.Key.Key_O, CTRL_SHIFT)  # the whole meeting
    assert ws.notes_mode.currentIndex() == 2
    whole = view.toPlainText()
    for name in ("General notes", "Priya Natarajan", "Marcus Feld", "Dana Okafor", "Tom Becker"):
        assert name in whole
    assert "Mission: make home energy data useful" in whole and "I can bring dbt" in whole
    view.grab().save(str(tmp_path / "whole.png"))

    qtbot.keyClick(view, Qt.Key.Key_O, CTRL_SHIFT)  # back to editing
    assert ws.notes_stack.currentWidget() is ws.editor and ws.notes_mode.currentIndex() == 0
    ws.select_row(1)
    assert ws.editor.toPlainText().endswith("<b>not bold</b>")  # nothing changed by reading


def test_preview_shows_the_html_part_exactly_as_the_server_receives_it(window, qtbot,
                                                                        monkeypatch):
    from followup.gui.send_ui import ConfirmSendDialog
    from followup.mail.outbox import Account
    from followup.sending.delivery import save_account
    from tests import smtp_server as servers

    ws = window.workspace
    ws.editor.setFocus()
    qtbot.keyClick(ws.editor, Qt.Key.Key_D, CTRL_SHIFT)
    ws.select_row(3)  # Dana: a draft without gaps
    panel = ws.followups
    panel.body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, panel.body, "\n\nPS, two things:\n- the **Lisbon** offsite\n"
                                 "- List<Event> in 2*3*4 shards\n2019. was my first year.")
    panel.tabs.setCurrentWidget(panel.preview)
    preview_html = panel.preview_html
    assert "<strong>Lisbon</strong>" in preview_html
    assert _list_items(panel.preview.document()) == ["the Lisbon offsite",
                                                    "List<Event> in 2*3*4 shards"]
    assert "2019. was my first year." in panel.preview.toPlainText()

    with servers.running_server("none", auth=False) as server:
        save_account(window.library, Account(server.host, server.port, "none", "",
                                             "Sam Rivera", "sam.rivera@example.com"))
        monkeypatch.setattr(ConfirmSendDialog, "exec",
                            lambda d: (d.send_button.click(), QDialog.DialogCode.Accepted)[1]
                            if d.send_button.isEnabled() else QDialog.DialogCode.Rejected)
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
        followup_id = panel.view.id
        qtbot.keyClick(panel.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: fu.followup_view(window.library, followup_id).status == "sent",
                        timeout=10000)
        [received] = server.received
    sent_html = received.message.get_body(("html",)).get_content().replace("\r\n", "\n")
    sent_plain = received.message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert sent_html == preview_html
    assert sent_plain.endswith("- List<Event> in 2*3*4 shards\n2019. was my first year.\n")


class _Tags(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.tags: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def test_export_as_html_writes_the_meeting_shown(window, tmp_path, monkeypatch):
    target = tmp_path / "brightwave"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Web page (*.html *.htm)"))
    window.findChild(type(window.followups_action), "exportHtmlAction").trigger()
    page = (tmp_path / "brightwave.html").read_text(encoding="utf-8")
    tags = _Tags(page).tags
    assert page.startswith("<!DOCTYPE html>") and "script" not in tags
    assert "Brightwave — Senior Backend Engineer" in page and "Northwind" not in page
    assert tags.count("section") == 5  # the general notes and four people
    assert 'class="marker key"' in page


def test_long_notes_render_off_the_ui_thread(window, qtbot):
    from followup.gui.notes_view import BACKGROUND_AT

    ws = window.workspace
    ws.select_row(4)  # Tom
    line = "! customers want usage alerts, see https://acme.example/alerts and *this*\n"
    ws.editor.setPlainText(line * (BACKGROUND_AT // len(line) + 50))
    ws.notes_mode.setCurrentIndex(1)  # the tab "this person's notes, rendered"
    view = ws.rendered
    assert "Rendering…" in view.toPlainText()
    qtbot.waitUntil(lambda: "Rendering…" not in view.toPlainText(), timeout=10000)
    assert view.toPlainText().count("! key point") == BACKGROUND_AT // len(line) + 50
    ws.notes_mode.setCurrentIndex(0)
