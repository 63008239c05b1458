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
    assert first.opened.attendees[0].notes == "! likes Rust"


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


def test_the_days_backup_is_made_on_the_read_ahead_thread_once_the_window_is_built(
        library, qtbot):
    from followup.gui.app import open_window
    from followup.store.backup import backup_dir

    _with_meeting(library, "Acme")
    library.close()
    folder = library.path.parent
    ahead = ReadAhead(library.path)
    window = open_window(folder, read_ahead=ahead)
    qtbot.addWidget(window)
    ahead.finish()  # what the app does before its closing backup
    copies = list(backup_dir(library.path).glob("*.sqlite3"))
    assert len(copies) == 1
    window.library.close()
    window.library_lock.release()


def test_a_library_opened_the_slow_way_is_backed_up_before_the_window(tmp_path, qtbot):
    from followup.gui.app import open_window
    from followup.store.backup import backup_dir

    path = tmp_path / "followup.sqlite3"
    Library(path).close()  # at the current schema but read ahead of another folder
    ahead = ReadAhead(tmp_path / "elsewhere.sqlite3")
    window = open_window(tmp_path, read_ahead=ahead)
    qtbot.addWidget(window)
    assert len(list(backup_dir(path).glob("*.sqlite3"))) == 1  # already there, no waiting
    ahead.finish()
    window.library.close()
    window.library_lock.release()


def test_the_first_screen_is_of_the_meeting_the_user_was_on(library):
    _with_meeting(library, "Older Inc")
    _with_meeting(library, "Newest Ltd")
    older = next(m.id for m in library.list_meetings() if m.company == "Older Inc")
    first = ReadAhead(library.path, older).first_screen()
    assert first.opened.id == older and first.opened.company == "Older Inc"
    assert ReadAhead(library.path, 99999).first_screen().opened.company == "Newest Ltd"


def test_reopening_on_an_older_meeting_does_not_load_the_orm_before_the_first_frame(
        library, qtbot):
    """Where the user was is kept in window.ini; reopening there used to load SQLAlchemy on
    the UI thread before the window showed (a second and more on a big library)."""
    from followup.gui.app import open_window
    from followup.gui.session import remember_place, window_settings

    _with_meeting(library, "Older Inc")
    _with_meeting(library, "Newest Ltd")
    older = library.meeting(next(m.id for m in library.list_meetings()
                                 if m.company == "Older Inc"))
    library.close()
    folder = library.path.parent
    remember_place(window_settings(folder), older.id, older.attendees[0].attendance_id)
    window = open_window(folder)
    qtbot.addWidget(window)
    assert not window.library.loaded  # served by the first screen's read
    assert window.workspace.meeting.company == "Older Inc"
    assert window.workspace.editor.toPlainText() == "! likes Rust"
    window.library.close()
    window.library_lock.release()
