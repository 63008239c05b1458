"""Search in the real window: Ctrl+Shift+F, results as typed, Enter opens the match."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from followup.gui.search_dialog import HIT_ROLE, HTML_ROLE, hit_html
from followup.store.library import MeetingInput, PersonSpec

FILLER = "\n".join(f"line {n} about nothing in particular" for n in range(100))
LONG_NOTES = (f"{FILLER}\n! their CTO wants the checkout rewrite done by <Q3> & on budget\n"
              f"{FILLER}")  # the match far from both ends, where the editor opens


def shown_hits(dialog):
    """The hits the result list shows, top to bottom (its group headings left out)."""
    rows = (dialog.results.item(r).data(HIT_ROLE) for r in range(dialog.results.count()))
    return [hit for hit in rows if hit is not None]


@pytest.fixture
def nord(window):
    meeting = window.library.create_meeting(MeetingInput(
        company="Café Nord", role="Platform Engineer",
        scheduled_start=datetime(2026, 10, 1, 9, tzinfo=UTC), people=[
            PersonSpec(name="Jürgen Weiß", title="CTO", notes=LONG_NOTES),
            PersonSpec(name="Ana Ruiz", title="Recruiter", notes="salary band shared")]))
    window.sidebar.refresh()
    return meeting


def _open_search(window, qtbot):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window._search_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    return dialog


def test_ctrl_shift_f_opens_the_box_and_results_come_as_you_type(window, qtbot, nord):
    dialog = _open_search(window, qtbot)
    qtbot.waitUntil(dialog.box.hasFocus, timeout=2000)
    qtbot.keyClicks(dialog.box, "jurg")
    people = {hit.person for hit in shown_hits(dialog)}
    assert people == {"Jürgen Weiß"}
    qtbot.keyClicks(dialog.box, "en checkou")
    hits = shown_hits(dialog)
    assert [(h.person, h.kind, h.meeting_id) for h in hits] == [("Jürgen Weiß", "notes", nord)]
    headings = [dialog.results.item(r).data(HTML_ROLE) for r in range(dialog.results.count())
                if dialog.results.item(r).data(HIT_ROLE) is None]
    assert len(headings) == 1 and "Café Nord — Platform Engineer" in headings[0]


def test_enter_on_a_general_notes_hit_opens_the_general_notes_with_the_match(
        window, qtbot, nord):
    window.library.save_general_notes(nord, "Office: the old Lisbon warehouse, third floor")
    dialog = _open_search(window, qtbot)
    qtbot.keyClicks(dialog.box, "warehouse")
    assert [h.kind for h in shown_hits(dialog)] == ["general"]
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    ws = window.workspace
    assert ws.meeting.id == nord and ws.people.currentItem().text().startswith("General notes")
    assert ws.editor.textCursor().selectedText() == "warehouse"


def test_snippet_text_is_escaped_and_only_the_match_is_markup(window, qtbot, nord):
    dialog = _open_search(window, qtbot)
    qtbot.keyClicks(dialog.box, "budget")
    html = hit_html(shown_hits(dialog)[0])
    assert "&lt;Q3&gt; &amp; on" in html and "<Q3>" not in html
    assert html.count("background-color") == 1  # the one highlighted word


def test_enter_opens_the_meeting_with_that_persons_notes_and_the_match_visible(
        window, qtbot, nord):
    dialog = _open_search(window, qtbot)
    qtbot.keyClicks(dialog.box, '"checkout rewrite"')
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    ws = window.workspace
    assert ws.meeting.id == nord and window.sidebar.current_id() == nord
    assert ws.editor_label.text().startswith("Notes on Jürgen Weiß")
    cursor = ws.editor.textCursor()
    assert cursor.selectedText() == "checkout rewrite"
    QApplication.processEvents()
    assert ws.editor.viewport().rect().contains(ws.editor.cursorRect(cursor).center())


def test_notes_typed_a_moment_ago_are_found(window, qtbot, nord):
    ws = window.workspace
    ws.select_row(1)
    ws.editor.setFocus()
    ws.editor.moveCursor(ws.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(ws.editor, " zeppelin")
    dialog = _open_search(window, qtbot)  # before the autosave timer fired
    qtbot.keyClicks(dialog.box, "zeppelin")
    assert [h.kind for h in shown_hits(dialog)] == ["notes"]


def test_up_down_move_through_hits_and_skip_headings(window, qtbot, nord):
    dialog = _open_search(window, qtbot)
    qtbot.keyClicks(dialog.box, "kafka")  # the demo meetings, then no more
    assert dialog.results.currentItem().data(HIT_ROLE) is not None
    first = dialog.results.currentRow()
    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    assert dialog.results.currentRow() > first
    assert dialog.results.currentItem().data(HIT_ROLE) is not None


@pytest.mark.parametrize("typed", ['"', "NEAR(", "-", "(((", "kafka -", '"kafka'])
def test_bad_syntax_shows_a_plain_message(window, qtbot, nord, typed):
    dialog = _open_search(window, qtbot)
    qtbot.keyClicks(dialog.box, typed)
    assert dialog.message.isVisible() and dialog.message.text()


def test_draft_hit_opens_the_follow_up_with_the_match_selected(window, qtbot, nord):
    from followup.store.followups import ensure_drafts, save_draft

    followup_id = ensure_drafts(window.library, nord)[0]
    save_draft(window.library, followup_id, "Thank you",
               "Hi Jürgen,\n\nThe zeppelin analogy stuck with me.\n\nBest")
    dialog = _open_search(window, qtbot)
    qtbot.keyClicks(dialog.box, "zeppelin")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    panel = window.workspace.followups
    assert panel.isVisible()
    assert panel.body.textCursor().selectedText() == "zeppelin"


def test_person_card_shows_you_met_before_with_the_notes_one_click_away(window, qtbot, nord):
    from followup.gui.person_card import PersonCardDialog

    later = window.library.create_meeting(MeetingInput(company="Café Nord", people=[
        PersonSpec(name="Jürgen Weiß", title="CTO", notes="second round")]))
    window.sidebar.refresh()
    window.sidebar.select(later)
    person = window.workspace.attendee(window.workspace.meeting.attendees[0].attendance_id)
    card = PersonCardDialog(window.library, person.person_id, window.workspace)
    qtbot.addWidget(card)
    assert card.met_before.isVisibleTo(card)
    assert "You met before" in card.met_before.label.text()
    assert "Café Nord — Platform Engineer" in card.met_before.label.text()
    preview = card.met_before.open_notes("0")
    qtbot.addWidget(preview)
    assert "checkout rewrite" in preview.findChild(type(card.notes), "earlierNotesText") \
        .toPlainText()


def test_new_meeting_with_someone_met_before_says_so(window, qtbot, nord):
    from followup.gui.new_meeting import NewMeetingDialog

    dialog = NewMeetingDialog(window)
    qtbot.addWidget(dialog)
    dialog.people.setPlainText("Jurgen Weiss, CTO\nSomeone New")
    qtbot.waitUntil(lambda: dialog.met_before.isVisibleTo(dialog), timeout=2000)
    text = dialog.met_before.label.text()
    assert "You met before" in text and "Jurgen Weiss" in text and "Someone New" not in text
    dialog.people.setPlainText("Someone New")
    qtbot.waitUntil(lambda: not dialog.met_before.isVisibleTo(dialog), timeout=2000)


def test_match_after_emoji_and_accents_is_selected_exactly(window, qtbot):
    meeting = window.library.create_meeting(MeetingInput(company="Émoji Ltd", people=[
        PersonSpec(name="Zoë", notes="🎉🎉 naïve café talk 👩‍💻 then Kafka here")]))
    window.sidebar.refresh()
    dialog = _open_search(window, qtbot)
    qtbot.keyClicks(dialog.box, "kafka emoji")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.workspace.meeting.id == meeting
    assert window.workspace.editor.textCursor().selectedText() == "Kafka"


def test_a_company_met_in_no_meeting_filters_the_meeting_list(window, qtbot):
    from followup.store import models as m

    with window.library.session() as session:
        session.add(m.Company(name="Initech", domain=""))
    dialog = _open_search(window, qtbot)
    qtbot.keyClicks(dialog.box, "initech")
    assert [(h.kind, h.company) for h in shown_hits(dialog)] == [("company", "Initech")]
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.sidebar.filter.text() == "Initech"
