"""The first screen's plain read gives what the ORM gives, and stands aside when it must."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta

from followup.store import followups as fu
from followup.store.first_screen import OpeningLibrary, read_first_screen
from followup.store.library import Library, MeetingInput, PersonSpec
from followup.store.schema import SCHEMA_HEAD

T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


def _varied_library(library: Library) -> dict[str, int]:
    """Meetings with and without company, people, times and follow-ups of every kind."""
    panel = library.create_meeting(MeetingInput(
        company="Acme", company_domain="acme.com", role="Backend Engineer",
        scheduled_start=T0, scheduled_end=T0 + timedelta(hours=1), ended_at=T0 + timedelta(
            hours=1), location="Office 3", general_notes="open plan\n! hiring fast", people=[
            PersonSpec("Jane Doe", "Engineering Manager", "jane@acme.com", notes="! Kafka"),
            PersonSpec("Sam Lee", "Recruiter", capacity="coordinator", notes="? salary"),
            PersonSpec("Kim Park", "Staff Engineer", "kim@acme.com"),
        ]))
    again = library.create_meeting(MeetingInput(
        company="Acme", role="Backend Engineer", kind="one_on_one_interview",
        started_at=T0 + timedelta(days=3), people=[
            PersonSpec("Jane Doe", "Engineering Manager", "jane@acme.com", notes="second")]))
    library.create_meeting(MeetingInput(company="", kind="networking_coffee",
                                        started_at=T0 - timedelta(days=5)))
    newest = library.create_meeting(MeetingInput(
        company="Northwind", scheduled_start=T0 + timedelta(days=9), people=[
            PersonSpec("Ana Okafor", "CTO", "ana@northwind.io", notes="line one\nline two")]))
    ids = fu.ensure_drafts(library, panel)
    fu.set_status(library, ids[0], "sent", channel="smtp")
    fu.set_status(library, ids[1], "skipped")
    view = library.meeting(panel)
    fu.set_no_followup(library, view.attendees[2].attendance_id, True)
    library.save_profile(name="Sam Ortiz", phone="555", skills=["Kafka", " Go "],
                         links=[{"title": "cron-zoo", "url": "https://x.dev"}])
    return {"panel": panel, "again": again, "newest": newest}


def test_first_screen_matches_the_orm(library):
    ids = _varied_library(library)
    first = read_first_screen(library.path, SCHEMA_HEAD)
    assert first is not None
    assert first.meetings == library.list_meetings()
    assert first.opened == library.meeting(first.meetings[0].id)
    assert first.opened.id == ids["newest"]
    assert first.profile == library.profile()
    panel = next(s for s in first.meetings if s.id == ids["panel"])
    assert (panel.people, panel.sent, panel.to_send) == (3, 1, 1)
    assert first.opened.scheduled_start.tzinfo is not None


def test_met_before_and_notes_match_for_a_person_met_twice(library):
    ids = _varied_library(library)
    conn = sqlite3.connect(library.path)
    from followup.store.first_screen import read_meeting

    for meeting_id in ids.values():
        assert read_meeting(conn, meeting_id) == library.meeting(meeting_id)
    conn.close()
    assert library.meeting(ids["again"]).attendees[0].met_before == 1


def test_an_empty_library_has_no_newest_meeting(library):
    first = read_first_screen(library.path, SCHEMA_HEAD)
    assert first is not None and first.meetings == [] and first.opened is None


def test_stands_aside_for_files_the_orm_must_open(tmp_path, library):
    assert read_first_screen(tmp_path / "missing.sqlite3", SCHEMA_HEAD) is None
    not_a_library = tmp_path / "notes.sqlite3"
    not_a_library.write_text("just text, not a database")
    assert read_first_screen(not_a_library, SCHEMA_HEAD) is None
    assert read_first_screen(library.path, "9999") is None  # to be migrated or newer
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    assert read_first_screen(empty, SCHEMA_HEAD) is None


def test_opening_library_answers_from_the_read_then_from_the_orm(library):
    ids = _varied_library(library)
    first = read_first_screen(library.path, SCHEMA_HEAD)
    opening = OpeningLibrary(library.path, first)
    newest = first.opened
    assert opening.meeting(newest.id) is newest
    assert opening.notes(newest.attendees[0].attendance_id) == "line one\nline two"
    assert not opening.loaded
    # A write (any name the first screen does not serve) loads the ORM first.
    opening.save_notes(newest.attendees[0].attendance_id, "changed")
    assert opening.loaded
    assert opening.meeting(newest.id).attendees[0].notes == "changed"
    assert opening.list_meetings() == library.list_meetings()
    assert opening.meeting(ids["panel"]) == library.meeting(ids["panel"])
    opening.close()


def test_first_screen_is_editable_before_sqlalchemy_is_imported(library, tmp_path):
    """In a fresh process: the window takes typing with no SQLAlchemy loaded; the rest
    (sending, reminders) follows once the worker thread has imported it."""
    _varied_library(library)
    folder = library.path.parent
    library.close()
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from followup.gui.app import make_application, open_window
        app = make_application()
        window = open_window(Path({str(folder)!r}))
        window.show()
        QApplication.processEvents()
        assert window.notes_editable(), "notes not editable"
        assert window.workspace.editor.toPlainText() == "line one\\nline two"
        assert "sqlalchemy" not in sys.modules, "SQLAlchemy loaded before the first screen"
        deadline = time.monotonic() + 60
        while not window.library.loaded and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        assert window.library.loaded and window.reminders is not None
        window.close()
        window.library.close()
        window.library_lock.release()
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")


# Text the first screen's packed read (SQLite's JSON) must hand back exactly: names from many
# scripts, quotes and backslashes (JSON's own escapes), emoji, a right-to-left mark, text as
# typed in a hurry (a trailing space, a lone `\`); notes with tabs and line breaks.
AWKWARD = ["Zoë Łukasz-Øster", "王小明", "Ngozi Okonkwo-Adébáyọ̀", "محمد الأحمد", "Søren \"Sol\"",
           "back\\slash \\", "trailing space ", "a/b {x} [1]", "\\u00e9 not an escape",
           "🙂 Ana", "O'Brien & Co <b>", "\u200fRTL mark", "İstanbul ıi", "ß straße"]


def test_the_packed_read_hands_back_every_text_exactly(library):
    for number, name in enumerate(AWKWARD):
        library.create_meeting(MeetingInput(
            company=name, role=AWKWARD[-1 - number], kind="networking_coffee",
            started_at=T0 + timedelta(hours=number), people=[
                PersonSpec(name, AWKWARD[number - 1], notes=f"! {name}\n\t? {AWKWARD[-1]}\n")]))
    first = read_first_screen(library.path, SCHEMA_HEAD)
    assert first.meetings == library.list_meetings()
    assert first.opened == library.meeting(first.meetings[0].id)
    companies = {m.company for m in first.meetings}
    assert len(companies) == len(AWKWARD)  # none lost or merged on the way through JSON
    assert {"\\u00e9 not an escape", 'Søren "Sol"', "back\\slash \\", "🙂 Ana"} <= companies
