"""Start-up reads the first screen on a thread (gui/app.py ReadAhead): the same read, used only
for the library it was started on, and never fatal."""

from __future__ import annotations

from followup.gui.app import ReadAhead, _opening_library
from followup.store.first_screen import read_first_screen
from followup.store.library import Library, MeetingInput, PersonSpec
from followup.store.schema import SCHEMA_HEAD


def _with_meeting(library: Library, company: str) -> None:
    library.create_meeting(MeetingInput(company=company, people=[
        PersonSpec("Jane Doe", "CTO", "jane@example.com", notes="! likes Rust")]))


def test_the_read_ahead_gives_what_a_read_now_gives(library):
    _with_meeting(library, "Acme")
    ahead = ReadAhead(library.path)
    first = ahead.first_screen()
    assert first is not None and first == read_first_screen(library.path, SCHEMA_HEAD)
    assert [m.company for m in first.meetings] == ["Acme"]
    assert first.newest.attendees[0].notes == "! likes Rust"


def test_a_read_ahead_of_another_library_is_not_used(library, tmp_path):
    _with_meeting(library, "Acme")
    other = Library(tmp_path / "other" / "followup.sqlite3")
    _with_meeting(other, "Northwind")
    other.close()
    ahead = ReadAhead(other.path)
    opening = _opening_library(library.path, ahead)
    assert [m.company for m in opening.list_meetings()] == ["Acme"]


def test_a_library_that_cannot_be_read_ahead_opens_the_slow_way(tmp_path):
    folder = tmp_path / "followup.sqlite3"
    folder.mkdir()  # a folder where the library should be: nothing to read, no error
    assert ReadAhead(folder).first_screen() is None
    assert ReadAhead(tmp_path / "missing.sqlite3").first_screen() is None
