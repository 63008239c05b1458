"""Importing from the window: an updated invite shows the update at once."""

from __future__ import annotations

from pathlib import Path

REAL = Path(__file__).resolve().parent.parent / "data" / "real" / "ics"


def test_an_update_of_the_meeting_on_screen_is_shown(window):
    window.import_file(str(REAL / "nylas-gcal_v1.ics"))
    assert window.workspace.meeting.location.startswith("Olympia Hall")
    window.import_file(str(REAL / "nylas-gcal_v2.ics"))
    assert window.workspace.meeting.location.startswith("Le Zenith")
    assert window.statusBar().currentMessage() == (
        "Imported 1 updated meetings from nylas-gcal_v2.ics")
