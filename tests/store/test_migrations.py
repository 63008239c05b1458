"""Migrations: every step round-trips, the head matches the models, old files are upgraded."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from followup.store import schema
from followup.store.library import Library
from followup.store.models import Base
from followup.store.search import not_index_table
from tests.library_checks import check_index, current_revision, integrity_ok
from tests.store.first_schema import first_schema_library


def _revisions():
    script = ScriptDirectory.from_config(schema.alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_schema_head_constant_matches_alembic():
    script = ScriptDirectory.from_config(schema.alembic_config())
    assert script.get_current_head() == schema.SCHEMA_HEAD


def test_every_migration_round_trips_and_matches_models(tmp_path):
    engine = schema.make_engine(tmp_path / "lib.sqlite3")
    revisions = _revisions()
    assert revisions[0] == "0001" and len(revisions) >= 2
    schema.upgrade(engine, "head")
    for previous in reversed([None, *revisions[:-1]]):
        schema.downgrade(engine, previous or "base")
    with engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables <= {"alembic_version"}
    schema.upgrade(engine, "head")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": not_index_table})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_library_made_by_first_schema_is_upgraded_and_keeps_notes(tmp_path):
    path = tmp_path / "old.sqlite3"
    first_schema_library(path)
    library = Library(path)
    try:
        assert current_revision(library.engine) == schema.SCHEMA_HEAD
        view = library.meeting(1)
        assert view.attendees[0].notes == "! keep me"
        assert view.attendees[0].no_followup is False
    finally:
        library.close()


def test_current_library_opens_without_importing_alembic(tmp_path):
    path = tmp_path / "lib.sqlite3"
    Library(path).close()
    code = ("import sys; from followup.store.library import Library; "
            f"Library({str(path)!r}).close(); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_pragmas_are_set(library):
    with library.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_integrity_of_fresh_library(library):
    assert integrity_ok(library.path)
    with sqlite3.connect(library.path) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def _migration_engine(path):
    """An engine set up as Followup migrates: foreign keys off while tables are copied."""
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", schema._migration_pragmas)
    return engine


def _library_at_0003_with_invites(path):
    """A 0003 library as the previous import left it: two invites remembered in `setting`,
    one of them cancelled (every attendee marked, a line above the notes)."""
    engine = _migration_engine(path)
    schema.upgrade(engine, "0003")
    cancelled_note = "Cancelled by the organizer: no follow-up is due."
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO company (id, name, domain) VALUES (1, 'Quarry Labs', "
                             "'quarrylabs.com')")
        conn.exec_driver_sql(
            "INSERT INTO meeting (id, company_id, role, kind, scheduled_start, scheduled_end, "
            "location, general_notes, created_at) VALUES "
            "(1, 1, '', 'one_on_one_interview', '2026-03-10 15:00:00.000000', "
            "'2026-03-10 16:00:00.000000', '', 'Quarry Labs interview', '2026-03-01 10:00:00'),"
            "(2, 1, '', 'one_on_one_interview', '2026-03-12 15:00:00.000000', "
            f"'2026-03-12 16:00:00.000000', '', '{cancelled_note}\n\nSecond round\n! mine', "
            "'2026-03-01 10:00:00'),"
            "(3, 1, 'Typed in', 'panel_interview', NULL, NULL, '', 'x', '2026-03-01 10:00:00')")
        conn.exec_driver_sql(
            "INSERT INTO person (id, name, title, email, email_is_guess, phone, web, card_notes)"
            " VALUES (1, 'Ivan Interviewer', '', 'ivan@quarrylabs.com', 0, '', '', '')")
        conn.exec_driver_sql(
            "INSERT INTO attendance (id, meeting_id, person_id, capacity, position, notes, "
            "no_followup) VALUES (1, 1, 1, 'interviewer', 0, '', 0), "
            "(2, 2, 1, 'interviewer', 0, 'kept', 1)")
        conn.exec_driver_sql(
            "INSERT INTO setting (key, value) VALUES "
            "('invite-uid:iv-1', '{\"meeting\": 1, \"sequence\": 1, "
            "\"stamp\": \"2026-03-01T09:00:00+00:00\"}'), "
            "('invite-uid:iv-2', '{\"meeting\": 2, \"sequence\": 2, \"stamp\": \"\"}'), "
            "('invite-uid:gone', '{\"meeting\": 99, \"sequence\": 0, \"stamp\": \"\"}'), "
            "('theme', 'dark')")
    return engine


def test_a_0003_library_keeps_its_invites_matched_by_uid(tmp_path):
    from datetime import UTC, datetime

    from followup.store import models as m
    from followup.store.formats import import_file

    path = tmp_path / "old.sqlite3"
    _library_at_0003_with_invites(path).dispose()
    library = Library(path)
    try:
        with library.session() as s:
            rows = {row.id: row for row in s.query(m.Meeting)}
            assert (rows[1].ical_uid, rows[1].ical_sequence, rows[1].ical_dtstamp) == (
                "iv-1", 1, datetime(2026, 3, 1, 9, tzinfo=UTC))
            assert (rows[2].ical_uid, rows[2].ical_sequence, rows[2].ical_dtstamp) == (
                "iv-2", 2, None)
            assert rows[3].ical_uid is None and rows[3].cancelled_at is None
            # The cancellation is a column now: the line above the notes and the marks go.
            assert rows[1].cancelled_at is None and rows[2].cancelled_at is not None
            assert rows[2].general_notes == "Second round\n! mine"
            assert not s.get(m.Attendance, 2).no_followup
            assert [(r.key, r.value) for r in s.query(m.Setting)] == [("theme", "dark")]
        ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
               "UID:iv-1\r\nSEQUENCE:{}\r\nDTSTAMP:20260301T090000Z\r\n"
               "DTSTART:20260310T150000Z\r\nDURATION:PT1H\r\nSUMMARY:Quarry Labs interview\r\n"
               "ATTENDEE;CN=Ivan Interviewer:mailto:ivan@quarrylabs.com\r\n"
               "END:VEVENT\r\nEND:VCALENDAR\r\n")
        (tmp_path / "same.ics").write_text(ics.format(1))
        assert import_file(library, tmp_path / "same.ics")["skipped_meetings"] == [1]
        (tmp_path / "newer.ics").write_text(ics.format(2))
        assert import_file(library, tmp_path / "newer.ics")["updated_meetings"] == [1]
        assert len(library.list_meetings()) == 3
        # The copy of `meeting` dropped the search index's triggers; they were rebuilt.
        from followup.store.search import index_is_complete

        with library.engine.begin() as conn:
            assert index_is_complete(conn)
            check_index(conn)
    finally:
        library.close()


def test_a_downgrade_puts_the_invites_back_in_settings(tmp_path):
    import json

    engine = _library_at_0003_with_invites(tmp_path / "lib.sqlite3")
    with engine.connect() as conn:
        before = {
            "settings": sorted(r for r in conn.exec_driver_sql(
                "SELECT key, value FROM setting WHERE key != 'invite-uid:gone'")),
            "notes": sorted(conn.exec_driver_sql("SELECT id, general_notes FROM meeting")),
            "marks": sorted(conn.exec_driver_sql("SELECT id, no_followup FROM attendance"))}
    schema.upgrade(engine, "0004")
    schema.downgrade(engine, "0003")
    with engine.connect() as conn:
        settings = sorted(conn.exec_driver_sql("SELECT key, value FROM setting"))
        assert [k for k, _ in settings] == [k for k, _ in before["settings"]]
        assert [json.loads(v) for k, v in settings if k.startswith("invite-uid:")] == [
            {"meeting": 1, "sequence": 1, "stamp": "2026-03-01T09:00:00+00:00"},
            {"meeting": 2, "sequence": 2, "stamp": ""}]
        assert sorted(conn.exec_driver_sql("SELECT id, general_notes FROM meeting")) == (
            before["notes"])
        assert sorted(conn.exec_driver_sql("SELECT id, no_followup FROM attendance")) == (
            before["marks"])
    engine.dispose()


def test_a_migration_with_foreign_keys_on_stops_before_deleting_attendances(tmp_path):
    import pytest

    path = tmp_path / "lib.sqlite3"
    _library_at_0003_with_invites(path).dispose()
    engine = schema.make_engine(path)  # foreign keys on: dropping `meeting` would cascade
    with pytest.raises(RuntimeError, match="foreign_keys=OFF"):
        schema.upgrade(engine, "0004")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM attendance").scalar() == 2
        assert current_revision(engine) == "0003"
    engine.dispose()
