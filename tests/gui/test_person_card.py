"""The person card: business cards split into fields, email suggestions kept as guesses."""

from __future__ import annotations

from PySide6.QtCore import Qt

from followup.gui.person_card import PersonCardDialog
from followup.store.library import person_card


def _tom(library):
    meeting = library.meeting(1)
    return next(a for a in meeting.attendees if a.name == "Tom Becker")


def test_guesses_from_colleagues_are_marked_until_confirmed(demo_library, qtbot):
    tom = _tom(demo_library)
    dialog = PersonCardDialog(demo_library, tom.person_id)
    qtbot.addWidget(dialog)
    assert dialog.guesses.count() >= 1
    best = dialog.guesses.item(0)
    assert best.data(Qt.ItemDataRole.UserRole) == "tom.becker@brightwave.io"
    assert "first.last" in best.text()
    assert person_card(demo_library, tom.person_id).email == ""  # nothing saved by itself
    dialog._use_guess(best)
    assert dialog.email_state.text() == "guessed, not confirmed"
    dialog.accept()
    card = person_card(demo_library, tom.person_id)
    assert (card.email, card.email_is_guess) == ("tom.becker@brightwave.io", True)
    again = PersonCardDialog(demo_library, tom.person_id)
    qtbot.addWidget(again)
    assert not again.confirm_button.isHidden()
    again._confirm()
    again.accept()
    assert person_card(demo_library, tom.person_id).email_is_guess is False


def test_pasted_business_card_is_split_into_fields(demo_library, qtbot):
    tom = _tom(demo_library)
    dialog = PersonCardDialog(demo_library, tom.person_id)
    qtbot.addWidget(dialog)
    dialog.paste.setPlainText("Tom Becker\nProduct Manager, Insights\nBrightwave\n"
                              "tom@brightwave.io\n+1 (415) 555-0188\nlinkedin.com/in/tombecker")
    dialog.split_pasted()
    assert dialog.email.text() == "tom@brightwave.io"
    assert "555" in dialog.phone.text() and "linkedin.com/in/tombecker" in dialog.web.text()
    assert "Brightwave" in dialog.meetings.item(0).text()  # the meeting with him
    dialog.accept()
    card = person_card(demo_library, tom.person_id)
    assert card.email == "tom@brightwave.io" and not card.email_is_guess


def test_meetings_heading_calls_the_person_by_given_name_not_title(demo_library, qtbot):
    from PySide6.QtWidgets import QLabel

    from followup.store import models as m

    tom = _tom(demo_library)
    with demo_library.session() as s:
        s.get(m.Person, tom.person_id).name = "Dr. Wei Zhang"
    dialog = PersonCardDialog(demo_library, tom.person_id)
    qtbot.addWidget(dialog)
    headings = [label.text() for label in dialog.findChildren(QLabel)
                if label.text().startswith("Meetings with")]
    assert headings == ["Meetings with Wei"]


def test_the_people_menu_offers_to_remove_the_person_by_given_name(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    ws = window.workspace
    ws.add_person_edit.setText("Dr. Wei Zhang <wei@kettle.co>")
    qtbot.keyClick(ws.add_person_edit, Qt.Key.Key_Return)
    row = next(i for i in range(ws.people.count()) if "Wei Zhang" in ws.people.item(i).text())
    offered = []

    def read_and_close():  # the menu is open (a popup); read it, then dismiss it
        menu = QApplication.activePopupWidget()
        offered.extend(action.text() for action in menu.actions())
        menu.close()

    QTimer.singleShot(100, read_and_close)
    ws._people_menu(ws.people.visualItemRect(ws.people.item(row)).center())
    assert "Remove Wei from this meeting…" in offered
