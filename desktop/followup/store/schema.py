"""Opening the library file: checks, pragmas, and migrations only when they are due."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # SQLAlchemy is imported where an engine is made: the first screen skips it
    from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

# The newest Alembic revision; a test checks it matches migrations/versions.
SCHEMA_HEAD = "0002"
SQLITE_HEADER = b"SQLite format 3\x00"


class LibraryError(Exception):
    """A library that cannot be opened; the message says what is wrong and what to do."""


def _set_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # a note is user data: survive power loss
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def check_file(path: Path) -> None:
    """Refuse, with a clear message, a file that is not a Followup library we can use."""
    folder = path.parent
    if path.exists():
        if not path.is_file():
            raise LibraryError(f"{path} is not a file. Choose another data folder with --data-dir.")
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
        if header and header != SQLITE_HEADER:
            raise LibraryError(
                f"{path} is not a Followup library (it is not an SQLite database). "
                "It was left untouched; move it away or choose another folder with --data-dir.")
        import os

        if not os.access(path, os.R_OK | os.W_OK):
            raise LibraryError(f"Followup cannot read and write {path}. Check its permissions.")
    else:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(
                f"Followup cannot create its data folder {folder}: {exc.strerror}. "
                "Choose another folder with --data-dir.") from None
    import os

    if not os.access(folder, os.W_OK):
        raise LibraryError(
            f"The folder {folder} cannot be written, so notes could not be saved. "
            "Choose another folder with --data-dir or fix its permissions.")


def make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    return engine


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import text

    with engine.connect() as conn:
        has_table = conn.execute(text(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")).first()
        if not has_table:
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run Alembic migrations up to `revision` (imported only here: it costs start-up time)."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)


def alembic_config(connection=None):
    from alembic.config import Config

    from followup.paths import migrations_dir

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    return config


def open_engine(path: Path) -> Engine:
    """An engine on a checked, migrated library; raises LibraryError with a user message."""
    check_file(path)
    engine = make_engine(path)
    try:
        revision = current_revision(engine)
        if revision != SCHEMA_HEAD:
            if revision is not None and not _known_revision(revision):
                raise LibraryError(
                    f"{path} was written by a newer Followup (schema {revision}). "
                    "Update Followup to open it; the file was left untouched.")
            log.info("migrating %s from %s to %s", path, revision, SCHEMA_HEAD)
            upgrade(engine)
    except LibraryError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise _library_error(path, exc) from exc
    return engine


def _known_revision(revision: str) -> bool:
    from followup.paths import migrations_dir

    versions = migrations_dir() / "versions"
    return any(p.name.startswith(revision + "_") for p in versions.glob("*.py"))


def _library_error(path: Path, exc: Exception) -> LibraryError:
    message = str(getattr(exc, "orig", exc))
    if "locked" in message or "busy" in message:
        return LibraryError(
            f"{path} is locked by another program. Close it (or the other Followup) and try again.")
    if isinstance(getattr(exc, "orig", exc), sqlite3.DatabaseError):
        return LibraryError(
            f"{path} is damaged and cannot be opened ({message}). It was left untouched; "
            "restore a copy from the backups folder beside it.")
    return LibraryError(f"{path} could not be opened: {message}")


def integrity_ok(path: Path) -> bool:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
