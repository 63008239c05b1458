"""Opening the library file: checks, pragmas, and migrations only when they are due.

Nothing is written to a file before it has been checked: a file that is empty, not SQLite,
another program's database, damaged or from a newer Followup is refused with a message and left
exactly as it was (not even switched to WAL). A new library and every migration are built in a
hidden copy beside the library and swapped in with one rename, so a crash or a kill at any moment
leaves either the old library or the new one, never a half-migrated file; a copy of the old
library goes to the backups folder before any migration.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from followup.core.atomic_files import fsync_file, fsync_folder, sweep_leftovers
from followup.paths import migrations_dir
from followup.store.backup import backup_before_migration, newest_good_backup

if TYPE_CHECKING:  # SQLAlchemy is imported where an engine is made: the first screen skips it
    from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

# The newest Alembic revision; a test checks it matches migrations/versions.
SCHEMA_HEAD = "replies01"
SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every Followup schema has had since the first revision: a file with an
# alembic_version table but none of these belongs to another program.
CORE_TABLES = frozenset({"meeting", "person", "attendance"})
# Below this much free space an I/O error is most likely the disk being full.
LOW_SPACE_BYTES = 1_000_000


# Libraries this process has open, by resolved path. Closing any file descriptor on a database
# drops every POSIX lock the process holds on it (fcntl semantics), SQLite's own included: another
# process would then think it is the last user and delete the write-ahead log under us. So a
# library open here is never read with a plain open() again (it was checked when it was opened).
_OPEN_HERE: dict[Path, int] = {}


def opened_here(path: Path) -> None:
    """Record that this process opened the library at `path` (see `_OPEN_HERE`)."""
    key = Path(path).resolve()
    _OPEN_HERE[key] = _OPEN_HERE.get(key, 0) + 1


def closed_here(path: Path) -> None:
    """Undo one `opened_here` for `path`."""
    key = Path(path).resolve()
    left = _OPEN_HERE.get(key, 0) - 1
    if left > 0:
        _OPEN_HERE[key] = left
    else:
        _OPEN_HERE.pop(key, None)


class LibraryError(Exception):
    """A library that cannot be opened or written; the message says what is wrong and what to
    do. `kind` is one of "damaged", "full", "locked", "foreign", "newer", "empty", "access",
    "io"; `backup` is the newest good backup to offer when the library is damaged."""

    def __init__(self, message: str, kind: str = "io", backup: Path | None = None):
        super().__init__(message)
        self.kind = kind
        self.backup = backup


class StorageError(LibraryError):
    """The library failed while in use (disk full, damaged page, locked); raised in place of
    the driver's exception so no caller shows SQLite's own words."""


# --- checks before anything is written ---------------------------------------------------------


def check_file(path: Path, read_only: bool = False) -> None:
    """Refuse, with a clear message, a file or folder we cannot use; never writes to `path`.
    With `read_only`, a library that can be read is enough (nothing is created)."""
    folder = path.parent
    if read_only and not path.exists():
        raise LibraryError(f"There is no library at {path} to read.", "access")
    if path.exists():
        if not path.is_file():
            raise LibraryError(f"{path} is not a file. Choose another data folder with "
                               "--data-dir.", "access")
        if not os.access(path, os.R_OK):
            raise LibraryError(f"Followup cannot read {path}. Check its permissions.",
                               "access")
        problem = None if read_only else write_problem(path)
        if problem:
            raise LibraryError(
                f"Followup cannot write {path}: {problem}. It can still be read: `followup "
                "export`, `status`, `meetings`, `people`, `search` and `drafts` (without "
                "--regenerate) work, and the window opens it read-only. To change it, copy it "
                "to a folder you can write and use --data-dir.", "access")
        if path.resolve() in _OPEN_HERE:
            return  # checked when this process opened it; a plain open() would drop its locks
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
        if not header:
            backup = _newest_good_backup(path)
            offer = (f"The newest good backup is {backup.name} in the backups folder beside it:"
                     " Followup can restore it, or copy it over the empty file yourself."
                     if backup else "Delete the empty file to start a new library.")
            raise LibraryError(
                f"{path} is empty (0 bytes): the library that was there is gone, or it was "
                f"never written. Followup left it untouched. {offer}", "empty", backup)
        if header != SQLITE_HEADER:
            raise LibraryError(
                f"{path} is not a Followup library (it is not an SQLite database). "
                "It was left untouched; move it away or choose another folder with --data-dir.",
                "foreign")
    else:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(
                f"Followup cannot create its data folder {folder}: {exc.strerror}. "
                "Choose another folder with --data-dir.", "access") from None
    if not read_only and not os.access(folder, os.W_OK):
        raise LibraryError(
            f"The folder {folder} cannot be written, so notes could not be saved. "
            "Choose another folder with --data-dir or fix its permissions.", "access")


def write_problem(path: Path) -> str | None:
    """Why the library at `path` (an existing file) cannot be written, in the user's words, or
    None when it can: a read-only file system (a read-only mount, a write-protected card), a
    file marked unchangeable, or permissions. SQLite also writes beside the file (its
    write-ahead log), so the folder counts too. Never writes anything."""
    folder = path.parent
    if os.access(path, os.W_OK) and os.access(folder, os.W_OK):
        return None
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "it is on a read-only file system"
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        pass
    if os.access(folder, os.W_OK):
        return "the file may not be changed (its permissions or attributes)"
    return f"the folder {folder} may not be changed (its permissions or attributes)"


def inspect_library(path: Path) -> str | None:
    """The schema revision of an existing library, after checking it is ours and undamaged.

    Reads only: the file keeps its journal mode and bytes. Raises LibraryError.
    """
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
    except sqlite3.Error as exc:
        raise library_error(path, exc) from None
    try:
        return _read_revision(conn, path)
    except sqlite3.Error as exc:
        raise library_error(path, exc) from None
    finally:
        conn.close()


def _refuse_foreign(path: Path, tables: set[str], revision: str | None) -> None:
    ours = CORE_TABLES <= tables
    if tables and not ours:
        raise LibraryError(
            f"{path} is another program's SQLite database (it holds the tables "
            f"{', '.join(sorted(tables)[:5])}), not a Followup library. It was left untouched; "
            "move it away or choose another folder with --data-dir.", "foreign")
    if revision is not None and not _known_revision(revision):
        raise LibraryError(
            f"{path} was written by a newer Followup (schema {revision}). "
            "Update Followup to open it; the file was left untouched.", "newer")
    if revision is None and ours:
        raise LibraryError(
            f"{path} looks like a Followup library but does not say which version wrote it. "
            "It was left untouched; restore a copy from the backups folder beside it.",
            "damaged", _newest_good_backup(path))


# --- errors in the user's words ----------------------------------------------------------------


def damaged(path: Path, detail: str) -> LibraryError:
    backup = _newest_good_backup(path)
    offer = (f"The newest good backup is {backup.name} in the backups folder beside it: "
             "Followup can restore it (the damaged file is kept aside), or copy it over "
             f"{path.name} yourself." if backup else
             "There is no good backup to restore; keep the file for a recovery tool.")
    return LibraryError(
        f"{path} is damaged ({_first_line(detail)}). It was left untouched. {offer}",
        "damaged", backup)


def library_error(path: Path, exc: BaseException) -> LibraryError:
    """`exc` (a driver, SQLAlchemy or OS error) as a LibraryError saying what to do."""
    original = getattr(exc, "orig", None) or exc
    name = getattr(original, "sqlite_errorname", "") or ""
    message = str(original)
    if is_disk_full(original, path):
        return LibraryError(
            f"The disk holding {path.parent} is full (or a file size limit was reached), so "
            "Followup cannot write to its library. "
            "Everything saved before is kept. Free some space and try again.", "full")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in message:
        return LibraryError(
            f"{path} is locked by another program. Close it (or the other Followup) and try "
            "again.", "locked")
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN", "SQLITE_AUTH")):
        return LibraryError(
            f"Followup cannot write {path}. Check its permissions and that the disk is not "
            "read-only.", "access")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in message:
        return damaged(path, message)
    if name.startswith("SQLITE_IOERR") or isinstance(original, OSError):
        return LibraryError(
            f"Followup could not read or write {path} (a disk error: {message}). Everything "
            "saved before is kept; check the disk and try again.", "io")
    return LibraryError(f"{path} could not be opened: {message}", "io")


def is_disk_full(exc: BaseException, path: Path | None = None) -> bool:
    """True when `exc` means no space is left (or a file size limit was reached)."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", -1))
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL" or "disk is full" in str(exc):
        return True
    if name.startswith("SQLITE_IOERR") and path is not None:
        try:
            return (shutil.disk_usage(path.parent).free < LOW_SPACE_BYTES
                    or _file_size_limited())
        except OSError:
            return False
    return False


def _file_size_limited() -> bool:
    """True when this process may not grow files past a limit (`ulimit -f`): SQLite reports
    reaching it as an I/O error, and for the user it is the same as a full disk."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return soft != resource.RLIM_INFINITY


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "unreadable"


def _newest_good_backup(path: Path) -> Path | None:
    try:
        return newest_good_backup(path)
    except OSError:
        return None


# --- engines -----------------------------------------------------------------------------------


# Each pooled connection keeps up to this much of the file in memory (SQLite's default is
# 2,000 KiB). The reads that fill it scan tables larger than either size (the attendances with
# their notes, the follow-ups), so the default only held more pages of a scan that starts over
# at the next read; the file's pages stay in the system's cache either way.
CACHE_KIB = 512


def _set_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # a note is user data: survive power loss
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cursor.close()


def make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    return engine


def _plain_errors(path: Path):
    """Turn the driver's failures in use (disk full, damaged page, locked) into StorageError."""

    def handle_error(context):
        original = context.original_exception
        if isinstance(original, sqlite3.OperationalError | sqlite3.DatabaseError) and not (
                isinstance(original, sqlite3.IntegrityError | sqlite3.ProgrammingError
                           | sqlite3.InterfaceError)):
            error = library_error(path, original)
            if error.kind != "io" or getattr(original, "sqlite_errorname", "").startswith(
                    "SQLITE_IOERR"):
                raise StorageError(str(error), error.kind, error.backup) from original

    return handle_error


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

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    return config


# --- opening, creating and migrating -----------------------------------------------------------


def open_engine(path: Path) -> Engine:
    """An engine on a checked, migrated library; raises LibraryError with a user message."""
    path = Path(path)
    remove_stale_work_files(path)
    check_file(path)
    try:
        if not path.exists():
            log.info("creating %s", path)
            _build_and_swap(path, source=None)
        else:
            revision = inspect_library(path)
            if revision != SCHEMA_HEAD:
                log.info("migrating %s from %s to %s", path, revision, SCHEMA_HEAD)
                _migrate(path, revision)
    except LibraryError:
        raise
    except Exception as exc:
        log.warning("cannot open %s", path, exc_info=True)
        raise library_error(path, exc) from exc
    from sqlalchemy import event

    engine = make_engine(path)
    event.listen(engine, "handle_error", _plain_errors(path))
    try:
        with engine.connect():
            pass  # the pragmas run now, so a failure here is reported before any caller's work
    except LibraryError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise library_error(path, exc) from exc
    return engine


def open_read_only_engine(path: Path) -> tuple[Engine, str]:
    """An engine that only reads the library at `path`, which cannot be written, and how it
    reads it: SQLite's read-only open (`mode=ro`), else, where that needs to write beside the
    file (a library in WAL mode on a read-only location), the immutable open (`immutable=1`),
    which takes no lock. Every connection has `query_only` on. The library must be checked
    and at the current schema (updating it would write); raises LibraryError."""
    path = Path(path)
    check_file(path, read_only=True)
    uri = path.resolve().as_uri()
    how = ""
    for how in ("mode=ro", "immutable=1"):
        try:
            with closing(sqlite3.connect(f"{uri}?{how}", uri=True)) as probe:
                revision = _read_revision(probe, path)
            break
        except sqlite3.Error as exc:
            if how == "immutable=1":
                raise library_error(path, exc) from None
    if revision != SCHEMA_HEAD:
        raise LibraryError(
            f"{path} was written by an older Followup (schema {revision}) and needs an update "
            "before it can be opened, which writes to it; it cannot be written where it is. "
            "Copy it to a folder you can write and open it there with --data-dir.", "access")
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    def connect():
        return sqlite3.connect(f"{uri}?{how}", uri=True, check_same_thread=False)

    # The pool a file library gets (`make_engine`): with a creator SQLAlchemy would take the
    # URL for an in-memory database and share one connection per thread, closed under a
    # worker thread still reading when the library is closed.
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
    event.listen(engine, "connect", _read_only_pragmas)
    event.listen(engine, "handle_error", _plain_errors(path))
    return engine, how


def _read_revision(conn: sqlite3.Connection, path: Path) -> str | None:
    """The schema revision on an open connection, after checking the file is ours and
    undamaged (`inspect_library` and the read-only open share it). Raises LibraryError,
    sqlite3.Error."""
    conn.execute("PRAGMA busy_timeout=5000")
    problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    if problem != "ok":
        raise damaged(path, problem)
    tables = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")}
    revision = None
    if "alembic_version" in tables:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    _refuse_foreign(path, tables, revision)
    return revision


def _read_only_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA query_only=ON")  # a write by mistake fails, and says so
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cursor.close()


def _migrate(path: Path, revision: str | None) -> None:
    if revision is not None:
        backup_before_migration(path, revision)
    _leave_wal(path)
    _build_and_swap(path, source=path)


def _leave_wal(path: Path) -> None:
    """Fold the write-ahead log into the file and delete it: a stale -wal beside a swapped-in
    file would be replayed onto it and ruin it."""
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)) as conn:
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("PRAGMA journal_mode=DELETE").fetchone()


def work_file(path: Path, what: str) -> Path:
    """The hidden file a new or migrated library is built in, marked with our process id."""
    return path.with_name(f".{path.name}.{os.getpid()}.{what}")


def _build_and_swap(path: Path, source: Path | None) -> None:
    """Copy `source` (or start empty), migrate the copy to the head in one transaction, check
    it, and rename it over `path`."""
    work = work_file(path, "migrating" if source else "new")
    _remove(work)
    try:
        if source is not None:
            with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
                         ) as src, closing(sqlite3.connect(work)) as dest:
                src.backup(dest)
        from sqlalchemy import create_engine, event

        engine = create_engine(f"sqlite:///{work}")
        event.listen(engine, "connect", _migration_pragmas)
        try:
            upgrade(engine)
            _check_built(work)
        finally:
            engine.dispose()

        fsync_file(work)
        os.replace(work, path)
        fsync_folder(path.parent)
    finally:
        _remove(work)
        _remove(work.with_name(work.name + "-journal"))


def _migration_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=DELETE")  # one file to rename, no -wal beside it
    cursor.execute("PRAGMA synchronous=FULL")
    # Off while tables are rebuilt (batch mode drops and recreates them, which would cascade);
    # checked as a whole before the swap instead.
    cursor.execute("PRAGMA foreign_keys=OFF")
    cursor.close()


def _check_built(work: Path) -> None:
    with closing(sqlite3.connect(work)) as conn:
        problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problem != "ok" or orphans:
        raise LibraryError(f"the migrated copy failed its check ({problem}, {len(orphans)} "
                           "broken links); the library was left untouched", "io")


def remove_stale_work_files(path: Path) -> None:
    """Delete copies a killed Followup left while building or migrating this library."""
    pattern = re.compile(
        rf"^\.{re.escape(path.name)}\.(?P<pid>\d+)\.(?:migrating|new)(?:-journal)?$")
    for leftover in sweep_leftovers(path.parent, pattern):
        log.info("removed %s, left by an interrupted start", leftover.name)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove %s", path)


def _known_revision(revision: str) -> bool:
    versions = migrations_dir() / "versions"
    return any(p.name.startswith(revision + "_") for p in versions.glob("*.py"))
