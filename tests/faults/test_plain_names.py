"""Names, companies, titles and subjects are shown as typed: markup in them (`<b>`, `<img>`)
is never rendered, in labels, tooltips or message boxes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from followup.paths import library_path
from followup.store.library import Library, MeetingInput, PersonSpec

HOSTILE_NAME = '<b>Jane</b> <img src="https://tracker.example/p.png"> Doe'
HOSTILE_COMPANY = "<i>Acme</i> <a href='x'>Corp</a>"
MARKERS = ("<b>Jane", "<img", "<i>Acme", "<a href")


# (what the user typed, a word of it): when the word shows but the typed tags do not, the
# tags were rendered as markup. Links and bold of the app's own may stand around the names.
TYPED = (("<b>Jane</b>", "Jane"), ("<img src=", "Doe"), ("<i>Acme</i>", "Acme"),
         ("<a href='x'>Corp</a>", "Corp"))


def _rendered_as_markup(text: str, plain: bool) -> bool:
    if plain or not Qt.mightBeRichText(text):
        return False
    document = QTextDocument()
    document.setHtml(text)
    shown = document.toPlainText()
    return any(word in shown and typed not in shown for typed, word in TYPED)


@pytest.fixture
def hostile_window(qtbot, data_dir, monkeypatch):
    from followup.gui.app import make_application, open_window

    library = Library(library_path(data_dir))
    start = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
    library.create_meeting(MeetingInput(
        company=HOSTILE_COMPANY, role="<b>Backend</b> Engineer", scheduled_start=start,
        scheduled_end=start + timedelta(hours=1), people=[
            PersonSpec(HOSTILE_NAME, "<u>Engineering Manager</u>", "jane@acme.com"),
            PersonSpec("Sam <script>x</script> Lee", "Recruiter", capacity="coordinator")]))
    library.close()
    make_application()
    window = open_window(data_dir)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.open_meeting(window.library.list_meetings()[0].id)
    window.workspace.select_row(1)
    qtbot.wait(50)
    yield window
    window.close()
    window.library.close()
    window.library_lock.release()


def _labels_showing_markup(root) -> list[str]:
    return [label.text() for label in root.findChildren(QLabel)
            if _rendered_as_markup(label.text(),
                                   label.textFormat() == Qt.TextFormat.PlainText)]


def test_labels_and_tooltips_show_names_as_typed(hostile_window, qtbot):
    window = hostile_window
    shown = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    assert any(HOSTILE_NAME in text for text in shown), shown  # the name is on screen as is
    assert any(HOSTILE_COMPANY in text for text in shown), shown
    assert _labels_showing_markup(window) == []
    people = window.workspace.people
    for row in range(people.count()):
        tip = people.item(row).toolTip()
        assert not (any(m in tip for m in MARKERS)), tip  # escaped for the tooltip
    from followup.gui.person_card import PersonCardDialog

    person_id = window.workspace.meeting.attendees[0].person_id
    card = PersonCardDialog(window.library, person_id, window)
    qtbot.addWidget(card)
    assert _labels_showing_markup(card) == []


def test_message_boxes_show_names_as_typed(hostile_window, monkeypatch):
    window = hostile_window
    asked: list[str] = []

    def question(_parent, _title, text, *rest, **_kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    window.delete_meeting()
    window.workspace._remove_person(window.workspace.meeting.attendees[0])
    assert len(asked) == 2
    for text in asked:
        assert not _rendered_as_markup(text, plain=False), text
        assert "&lt;b&gt;Jane&lt;/b&gt;" in text or "&lt;i&gt;Acme" in text
