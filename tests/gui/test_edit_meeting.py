"""Meeting › Edit and a double-click on the meeting's header, in the real window offscreen:
the form shows the meeting, saves what was changed, names a wrong field, and the header and
the drafts follow."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt

from followup.gui.meeting_dialog import EditMeetingDialog
from followup.store import followups as fu
from followup.store.library import MeetingInput, PersonSpec

ENDED = datetime.now(UTC) - timedelta(hours=2)


def open_no_company_meeting(window) -> int:
    library = window.library
    library.save_profile(name="Sam Rivera", phone="+1 415 555 0134")
    meeting = library.create_meeting(MeetingInput(
        company="", kind="other", scheduled_start=ENDED - timedelta(hours=1),
        scheduled_end=ENDED, people=[
            PersonSpec("Mina Park", "Data Lead", "mina.park@gmail.com", notes="! dbt models")]))
    fu.ensure_drafts(library, meeting)
    window.sidebar.refresh()
    window.open_meeting(meeting)
    return meeting


def test_double_click_on_the_header_edits_the_meeting(window, qtbot, monkeypatch, tmp_path):
    meeting = open_no_company_meeting(window)
    shown = []

    def fill_and_save(dialog: EditMeetingDialog):
        shown.append((dialog.company.text(), dialog.kind.currentData(),
                      dialog.start.dateTime().toPython()))
        dialog.company.setText("Northwind")
        dialog.domain.setText("northwind.io")
        dialog.role.setText("Data Engineer")
        dialog.kind.setCurrentIndex(dialog.kind.findData("networking_coffee"))
        dialog.location.setText("Blue Bottle")
        dialog.grab().save(str(tmp_path / "edit-meeting.png"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(EditMeetingDialog, "exec", fill_and_save)
    header = window.workspace.title
    assert header.text() == "No company yet (double-click to set it)"
    qtbot.mouseDClick(header, Qt.MouseButton.LeftButton, pos=header.rect().center())
    company, kind, start = shown[0]
    assert (company, kind) == ("", "other")
    assert abs(start.astimezone(UTC) - (ENDED - timedelta(hours=1))) < timedelta(seconds=1)
    view = window.library.meeting(meeting)
    assert (view.company, view.company_domain, view.role, view.kind, view.location) == (
        "Northwind", "northwind.io", "Data Engineer", "networking_coffee", "Blue Bottle")
    # Untouched times are not rewritten (the form shows minutes, the library keeps seconds).
    assert view.scheduled_start == ENDED - timedelta(hours=1) and view.scheduled_end == ENDED
    assert window.workspace.title.text() == "Northwind — Data Engineer"
    assert "Networking coffee" in window.workspace.subtitle.text()
    assert "Blue Bottle" in window.workspace.subtitle.text()
    body = fu.followups_for_meeting(window.library, meeting)[0].body
    assert "Northwind" in body and "[company]" not in body
    assert (tmp_path / "edit-meeting.png").stat().st_size > 0


def test_the_menu_action_and_a_wrong_end(window, qtbot, monkeypatch):
    meeting = open_no_company_meeting(window)
    seen = {}

    def end_before_start(dialog: EditMeetingDialog):
        start = dialog.start.dateTime()
        dialog.end.setDateTime(QDateTime(start.addSecs(-3600)))
        dialog.accept()
        seen.update(result=dialog.result(), error=dialog.error.text(),
                    visible=not dialog.error.isHidden(), focus=dialog.focusWidget())
        dialog.end.setDateTime(QDateTime(start.addSecs(90 * 60)))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(EditMeetingDialog, "exec", end_before_start)
    action = window.findChild(type(window.menuBar().actions()[0]), "editMeetingAction")
    assert action is not None and action.text() == "Ed&it meeting…"
    action.trigger()
    assert seen["result"] == 0 and seen["visible"]
    assert seen["error"].startswith("The end (") and "must come after the start" in seen["error"]
    assert seen["focus"].objectName() == "endEdit"
    view = window.library.meeting(meeting)
    late = view.scheduled_end - (view.scheduled_start + timedelta(minutes=90))
    assert abs(late) < timedelta(seconds=1)  # the form keeps milliseconds
