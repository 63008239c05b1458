"""Importing from the window: an updated invite shows the update at once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt

REAL = Path(__file__).resolve().parent.parent / "data" / "real" / "ics"


def test_an_update_of_the_meeting_on_screen_is_shown(window):
    window.import_file(str(REAL / "nylas-gcal_v1.ics"))
    assert window.workspace.meeting.location.startswith("Olympia Hall")
    window.import_file(str(REAL / "nylas-gcal_v2.ics"))
    assert window.workspace.meeting.location.startswith("Le Zenith")
    assert window.statusBar().currentMessage() == (
        "Imported 1 meeting updated from nylas-gcal_v2.ics")


def test_a_cancelled_meeting_says_so_in_the_header_and_the_list(window):
    window.import_file(str(REAL / "nylas-google_cancelled1.ics"))
    meeting_id = window.workspace.meeting.id
    notes = window.workspace.meeting.general_notes
    assert "Cancelled" not in window.workspace.subtitle.text()
    window.import_file(str(REAL / "nylas-google_cancelled2.ics"))
    assert window.workspace.meeting.id == meeting_id
    assert window.workspace.subtitle.text().startswith("Cancelled")
    assert window.workspace.meeting.general_notes == notes  # the user's notes are untouched
    rows = [window.sidebar.list.item(i) for i in range(window.sidebar.list.count())]
    (row,) = [r for r in rows if r.data(Qt.ItemDataRole.UserRole) == meeting_id]
    assert row.text().splitlines()[1].startswith("Cancelled · ")
    # A draft written for a cancelled meeting has no clock running.
    window.workspace.show_followups(True)
    person = window.workspace.meeting.attendees[-1]
    assert window.workspace.select_person(person.attendance_id)
    assert window.workspace.followups.view is not None
    window.workspace.followups.tick(datetime.now(UTC))
    assert window.workspace.followups.countdown.text() == (
        "Meeting cancelled by the organizer: no follow-up is due")
