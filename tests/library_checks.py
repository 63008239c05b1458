"""What the tests ask of a library file and the app never does: its schema revision, SQLite's
integrity check, and FTS5's check that the search index agrees with the notes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from followup.store.search import INDEX


def current_revision(engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.execute(text(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")).first()
        if not has_table:
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def integrity_ok(path: Path) -> bool:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def check_index(conn) -> None:
    """Raise sqlite3 errors (through SQLAlchemy) when the index disagrees with the notes."""
    conn.exec_driver_sql(f"INSERT INTO {INDEX} ({INDEX}, rank) VALUES ('integrity-check', 1)")
