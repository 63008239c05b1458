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
    engine = schema.make_engine(path)
    schema.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO company (id, name, domain) VALUES (1, 'Acme', '')")
        conn.exec_driver_sql(
            "INSERT INTO meeting (id, company_id, role, kind, location, general_notes, created_at)"
            " VALUES (1, 1, 'Dev', 'panel_interview', '', 'gen', '2026-01-01 10:00:00')")
        conn.exec_driver_sql(
            "INSERT INTO person (id, name, title, email, email_is_guess, phone, web, card_notes)"
            " VALUES (1, 'Jane Doe', '', '', 0, '', '', '')")
        conn.exec_driver_sql(
            "INSERT INTO attendance (id, meeting_id, person_id, capacity, position, notes)"
            " VALUES (1, 1, 1, 'interviewer', 0, '! keep me')")
    engine.dispose()
    library = Library(path)
    try:
        assert schema.current_revision(library.engine) == schema.SCHEMA_HEAD
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
    assert schema.integrity_ok(library.path)
    with sqlite3.connect(library.path) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
