"""A library written by the first schema (0001), for upgrade and migration-fault tests."""

from __future__ import annotations

from pathlib import Path

from followup.store import schema


def first_schema_library(path: Path) -> None:
    """Create `path` at revision 0001 holding one meeting, one person and the notes "! keep me"."""
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
