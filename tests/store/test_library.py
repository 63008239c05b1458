"""The library's operations on a real SQLite file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from followup.store.backup import daily_backup
from followup.store.library import Library, MeetingInput, PersonSpec
from followup.store.lock import AlreadyOpen, LibraryLock
from followup.store.schema import LibraryError
from tests.library_checks import integrity_ok

T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


def _panel(library: Library, **extra) -> int:
    return library.create_meeting(MeetingInput(
        company="Acme", role="Backend Engineer", scheduled_start=T0,
        scheduled_end=T0 + timedelta(hours=1), people=[
            PersonSpec("Jane Doe", "Engineering Manager", "jane@acme.com"),
            PersonSpec("Sam Lee", "Recruiter", capacity="coordinator"),
        ], **extra))


def test_meeting_with_people_and_notes_survives_reopening(library):
    meeting_id = _panel(library)
    view = library.meeting(meeting_id)
    assert [a.name for a in view.attendees] == ["Jane Doe", "Sam Lee"]
    assert view.attendees[1].capacity == "coordinator"
    library.save_notes(view.attendees[0].attendance_id, "! uses Kafka\nlikes tea")
    library.save_general_notes(meeting_id, "open plan office")
    library.close()
    again = Library(library.path)
    view = again.meeting(meeting_id)
    assert view.attendees[0].notes == "! uses Kafka\nlikes tea"
    assert view.general_notes == "open plan office"
    assert view.scheduled_start == T0 and view.scheduled_start.tzinfo is not None
    again.close()


def test_person_is_shared_across_meetings_by_email(library):
    first = _panel(library)
    second = library.create_meeting(MeetingInput(company="Acme", people=[
        PersonSpec("Jane D.", email="JANE@acme.com")]))
    a = library.meeting(first).attendees[0]
    b = library.meeting(second).attendees[0]
    assert a.person_id == b.person_id
    assert b.met_before == 1


def test_person_matched_by_name_within_company(library):
    first = _panel(library)
    other = library.create_meeting(MeetingInput(company="Other Co", people=[PersonSpec("Sam Lee")]))
    same = library.create_meeting(MeetingInput(company="acme", people=[PersonSpec("sam lee")]))
    sam = library.meeting(first).attendees[1].person_id
    assert library.meeting(same).attendees[0].person_id == sam
    assert library.meeting(other).attendees[0].person_id != sam


def test_list_meetings_newest_first_and_filter(library):
    old = library.create_meeting(MeetingInput(company="Old Corp", scheduled_start=T0))
    new = library.create_meeting(MeetingInput(company="New Corp",
                                              scheduled_start=T0 + timedelta(days=3)))
    _panel(library)
    assert [s.id for s in library.list_meetings()][:1] == [new]
    assert [s.id for s in library.list_meetings("old")] == [old]
    assert [s.company for s in library.list_meetings("jane")] == ["Acme"]
    assert library.list_meetings("nothing like this") == []


def test_end_meeting_records_actual_end(library):
    meeting_id = _panel(library)
    library.start_meeting(meeting_id, T0 + timedelta(minutes=3))
    library.end_meeting(meeting_id, T0 + timedelta(minutes=70))
    view = library.meeting(meeting_id)
    assert view.started_at == T0 + timedelta(minutes=3)
    assert view.ended_at == T0 + timedelta(minutes=70)


def test_naive_datetimes_are_refused(library):
    with pytest.raises(Exception, match="naive"):
        library.create_meeting(MeetingInput(company="X", scheduled_start=datetime(2026, 1, 1)))


def test_profile_round_trip(library):
    library.save_profile(name="Ana Diaz", phone="+1 415 555 0100", skills=["Python", " ", "SQL"],
                         links=[{"title": "Blog", "url": "https://x.example", "tags": ["sql"]}])
    profile = library.profile()
    assert profile.name == "Ana Diaz" and profile.skills == ("Python", "SQL")
    assert profile.links[0]["url"] == "https://x.example"


def test_not_a_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "followup.sqlite3"
    path.write_text("these are my notes, not a database")
    with pytest.raises(LibraryError, match="not a Followup library"):
        Library(path)
    assert path.read_text() == "these are my notes, not a database"


def test_corrupt_database_gets_clear_error(tmp_path):
    path = tmp_path / "followup.sqlite3"
    Library(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="damaged|could not be opened"):
        Library(path)
    assert path.read_bytes() == before


def test_folder_that_cannot_be_created_gets_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LibraryError, match="cannot create its data folder"):
        Library(blocker / "sub" / "followup.sqlite3")


def test_second_window_on_same_library_is_refused(tmp_path):
    path = tmp_path / "followup.sqlite3"
    first = LibraryLock(path)
    first.acquire()
    with pytest.raises(AlreadyOpen, match="already open"):
        LibraryLock(path).acquire()
    first.release()
    second = LibraryLock(path)
    second.acquire()
    second.release()


def test_two_connections_do_not_lose_each_others_notes(library):
    meeting_id = _panel(library)
    jane, sam = (a.attendance_id for a in library.meeting(meeting_id).attendees)
    other = Library(library.path)
    library.save_notes(jane, "jane notes")
    other.save_notes(sam, "sam notes")
    library.save_notes(jane, "jane notes, more")
    assert other.notes(jane) == "jane notes, more"
    assert library.notes(sam) == "sam notes"
    other.close()


def test_daily_backup_once_a_day_keeps_seven(library):
    _panel(library)
    first = daily_backup(library.path, date(2026, 1, 1))
    assert first is not None and integrity_ok(first)
    assert daily_backup(library.path, date(2026, 1, 1)) is None
    for day in range(2, 12):
        daily_backup(library.path, date(2026, 1, day))
    copies = sorted(p.name for p in first.parent.glob("*.sqlite3"))
    assert len(copies) == 7
    assert copies[0].endswith("2026-01-05.sqlite3") and copies[-1].endswith("2026-01-11.sqlite3")
    restored = Library(first.parent / copies[-1])
    assert restored.list_meetings()[0].company == "Acme"
    restored.close()
