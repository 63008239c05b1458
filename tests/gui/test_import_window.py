"""Importing from the window: an updated invite shows the update at once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt

REAL = Path(__file__).resolve().parent.parent / "data" / "real" / "ics"


def test_an_update_of_the_meeting_on_screen_is_shown(window):
    window.files.import_file(str(REAL / "nylas-gcal_v1.ics"))
    assert window.workspace.meeting.location.startswith("Olympia Hall")
    window.files.import_file(str(REAL / "nylas-gcal_v2.ics"))
    assert window.workspace.meeting.location.startswith("Le Zenith")
    assert window.statusBar().currentMessage() == (
        "Imported 1 meeting updated from nylas-gcal_v2.ics")


def test_a_cancelled_meeting_says_so_in_the_header_and_the_list(window):
    window.files.import_file(str(REAL / "nylas-google_cancelled1.ics"))
    meeting_id = window.workspace.meeting.id
    notes = window.workspace.meeting.general_notes
    assert "Cancelled" not in window.workspace.subtitle.text()
    window.files.import_file(str(REAL / "nylas-google_cancelled2.ics"))
    assert window.workspace.meeting.id == meeting_id
    assert window.workspace.subtitle.text().startswith("Cancelled")
    assert window.workspace.meeting.general_notes == notes  # the user's notes are untouched
    model = window.sidebar.model
    rows = [model.index(i) for i in range(model.rowCount())]
    (row,) = [r for r in rows if r.data(Qt.ItemDataRole.UserRole) == meeting_id]
    assert row.data().splitlines()[1].startswith("Cancelled · ")
    # A draft written for a cancelled meeting has no clock running.
    window.workspace.show_followups(True)
    person = window.workspace.meeting.attendees[-1]
    assert window.workspace.select_person(person.attendance_id)
    assert window.workspace.followups.view is not None
    window.workspace.followups.tick(datetime.now(UTC))
    assert window.workspace.followups.countdown.text() == (
        "Meeting cancelled by the organizer: no follow-up is due")


def test_a_birthday_among_meetings_is_left_out_and_the_status_bar_says_so(window, tmp_path):
    meeting = (REAL / "nylas-gcal_v1.ics").read_text(encoding="utf-8").replace("\r\n", "\n")
    birthday = ("BEGIN:VEVENT\nUID:bday-1\nSUMMARY:Ana's birthday\nDTSTART;VALUE=DATE:19900412\n"
                "RRULE:FREQ=YEARLY\nEND:VEVENT\n")
    path = tmp_path / "calendar.ics"
    path.write_text(meeting.replace("END:VCALENDAR", birthday + "END:VCALENDAR"),
                    encoding="utf-8")
    before = len(window.library.list_meetings())
    window.files.import_file(str(path))
    message = window.statusBar().currentMessage()
    assert message.startswith("Imported ") and message.endswith(" from calendar.ics")
    assert ("(1 event left out: an all-day event that repeats every year with no one invited, "
            "such as a birthday, is not a meeting)") in message
    assert len(window.library.list_meetings()) == before + 1
