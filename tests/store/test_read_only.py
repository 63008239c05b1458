"""A library on a read-only place (a real read-only mount): it is read with SQLite's read-only
or immutable open, nothing is written or created beside it, and a write says why it cannot."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from followup.paths import library_path
from followup.store import followups as fu
from followup.store.formats import export_text
from followup.store.library import Library, MeetingInput, PersonSpec
from followup.store.schema import LibraryError, StorageError
from followup.store.search import search
from followup.store.status_list import status_rows
from tests.read_only_place import read_only_place, tree

NOW = datetime.now(UTC)


@pytest.fixture
def locked(tmp_path):
    """A library with an ended meeting and drafts (one ended since: no follow-up opened), on a
    place then made read-only."""
    with read_only_place(tmp_path) as place:
        library = Library(library_path(place.folder))
        library.save_profile(name="Sam Rivera", phone="+1 415 555 0134")
        first = library.create_meeting(MeetingInput(
            company="Acme", role="Data Engineer", ended_at=NOW - timedelta(hours=3), people=[
                PersonSpec("Nguyễn Thị Mai", "Recruiter", "mai@acme.io", notes="! Kafka")]))
        fu.ensure_drafts(library, first)
        library.create_meeting(MeetingInput(
            company="Initech", scheduled_start=NOW - timedelta(hours=1),
            scheduled_end=NOW + timedelta(minutes=1), people=[PersonSpec("Al Bundy")]))
        library.close()
        place.lock()
        yield place


def test_reading_works_and_nothing_is_written(locked):
    before = tree(locked.folder)
    library = Library(library_path(locked.folder), read_only=None)
    try:
        assert library.read_only and "read-only file system" in library.read_only_reason \
            or "may not be changed" in library.read_only_reason
        assert library.read_only_open in ("mode=ro", "immutable=1")
        meetings = {m.company: m.id for m in library.list_meetings()}
        assert set(meetings) == {"Initech", "Acme"}
        rows = status_rows(library, NOW + timedelta(hours=2))
        assert [r.view.person_name for r in rows] == ["Nguyễn Thị Mai"]  # none opened now
        assert search(library, "kafka").hit_count >= 1
        assert '"company": "Acme"' in export_text(library, "json")
        meeting = meetings["Acme"]
        assert fu.ensure_drafts(library, meeting) == [rows[0].view.id]
        with pytest.raises(StorageError, match="cannot write"):
            library.save_notes(library.meeting(meeting).attendees[0].attendance_id, "x")
        with pytest.raises(StorageError, match="cannot write"):
            library.save_profile(name="Someone Else")
        assert library.profile().name == "Sam Rivera"
    finally:
        library.close()
    assert tree(locked.folder) == before  # no -wal, no -shm, no lock, the same bytes


def test_opening_for_writing_says_why_and_what_still_works(locked):
    with pytest.raises(LibraryError) as refused:
        Library(library_path(locked.folder))
    message = str(refused.value)
    assert "cannot write" in message and "followup export" in message
    assert "read-only" in message or "may not be changed" in message
    with pytest.raises(LibraryError, match="no library"):
        Library(locked.folder / "missing.sqlite3", read_only=True)


def test_changes_left_in_the_write_ahead_log_are_named(tmp_path):
    """A library whose last changes are still in its -wal (the app was killed, then the disk
    became read-only): the immutable open cannot read them, and the reason says so."""
    import shutil
    import sqlite3

    source = tmp_path / "source"
    library = Library(library_path(source))
    library.create_meeting(MeetingInput(company="Acme", people=[PersonSpec("Ada Byron")]))
    library.close()
    conn = sqlite3.connect(library_path(source))
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE meeting SET role = 'in the log only'")
    conn.commit()
    with read_only_place(tmp_path) as place:
        place.folder.mkdir()
        for name in ("followup.sqlite3", "followup.sqlite3-wal"):  # as a crash leaves them
            shutil.copy2(source / name, place.folder / name)
        conn.close()
        place.lock()
        opened = Library(library_path(place.folder), read_only=None)
        try:
            assert opened.read_only
            if opened.read_only_open == "immutable=1":
                assert "followup.sqlite3-wal" in opened.read_only_reason
                assert "newest notes may be missing" in opened.read_only_reason
            else:  # a SQLite that reads the log read-only shows the change
                assert opened.list_meetings()[0].role == "in the log only"
        finally:
            opened.close()
