"""Copies of the library, made with SQLite's online backup API.

Daily copies: one at the first start of each day, the last seven kept, but never at the cost of
the last copy that holds anything (a library emptied by accident must not rotate the good copies
out within a week), and never a copy of a damaged file. Before any schema migration a separate
copy is made that the daily rotation leaves alone.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from contextlib import closing
from datetime import date, datetime
from pathlib import Path

from followup.core.atomic_files import fsync_file, sweep_leftovers

log = logging.getLogger(__name__)

KEEP = 7
KEEP_BEFORE_MIGRATION = 3
_DAILY = re.compile(r"-(\d{4}-\d{2}-\d{2})\.sqlite3$")


def backup_dir(library: Path) -> Path:
    return library.parent / "backups"


def daily_backup(library: Path, today: date | None = None, keep: int = KEEP,
                 refresh: bool = False) -> Path | None:
    """Copy the library once per day; return the new copy, or None when today's exists (and
    `refresh` is False) or the library is damaged (a damaged copy would push a good one out).
    With `refresh` (the app closing) today's copy is brought up to date, so a day's notes are
    in a backup before the next start. Raises OSError or sqlite3.Error when the copy cannot
    be written (a full disk): nothing half-written stays, and the previous copy is kept."""
    if not library.exists():
        return None
    today = today or date.today()
    folder = backup_dir(library)
    folder.mkdir(exist_ok=True)
    target = folder / f"{library.stem}-{today.isoformat()}.sqlite3"
    if target.exists() and not refresh:
        return None
    if not _quick_check_ok(library):
        log.warning("no backup today: %s fails its check", library)
        return None
    _copy(library, target)
    prune(folder, library.stem, keep)
    return target


def backup_before_migration(library: Path, revision: str) -> Path:
    """A copy of the library as it was before migrating from `revision`, kept apart from the
    daily rotation (the last three such copies are kept)."""
    folder = backup_dir(library)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    target = folder / f"{library.stem}-before-schema-{revision}-{stamp}.sqlite3"
    _copy(library, target)
    old = sorted(folder.glob(f"{library.stem}-before-schema-*.sqlite3"),
                 key=lambda p: p.stat().st_mtime)
    for stale in old[:-KEEP_BEFORE_MIGRATION]:
        stale.unlink(missing_ok=True)
    return target


def _copy(library: Path, target: Path) -> None:
    """Copy with the backup API into a partial file, then rename: a half-written copy never
    looks like a backup. Half-written copies a killed Followup left go first: their process is
    gone, or (where that cannot be asked) they are older than any copy takes."""
    sweep_leftovers(target.parent, _PARTIAL_RE, age_seconds=600)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    try:
        with closing(sqlite3.connect(f"{library.resolve().as_uri()}?mode=ro", uri=True)
                     ) as source, closing(sqlite3.connect(partial)) as dest:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE").fetchone()

        fsync_file(partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
        partial.with_name(partial.name + "-journal").unlink(missing_ok=True)


_PARTIAL_RE = re.compile(r"^.+?(?:\.(?P<pid>\d+))?\.partial(?:-journal)?$")


def prune(folder: Path, stem: str, keep: int = KEEP) -> None:
    """Keep the newest `keep` daily copies, and the newest copy holding anything if those
    `keep` are all empty."""
    copies = sorted(p for p in folder.glob(f"{stem}-????-??-??.sqlite3")
                    if _DAILY.search(p.name))
    doomed = copies[:-keep]
    if doomed and not any(holds_anything(p) for p in copies[-keep:]):
        last_good = next((p for p in reversed(doomed) if holds_anything(p)), None)
        doomed = [p for p in doomed if p != last_good]
    for old in doomed:
        old.unlink()


def holds_anything(path: Path) -> bool:
    """True when the copy holds at least one meeting or person; False for an empty or
    unreadable one."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            return any(conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
                       for table in ("meeting", "person"))
    except sqlite3.Error:
        return False


def backups(library: Path) -> list[Path]:
    """Every copy of `library` in its backups folder, newest first."""
    folder = backup_dir(library)
    if not folder.is_dir():
        return []
    copies = [p for p in folder.glob(f"{library.stem}-*.sqlite3") if p.is_file()]
    return sorted(copies, key=lambda p: p.stat().st_mtime, reverse=True)


def newest_good_backup(library: Path) -> Path | None:
    """The newest copy that passes SQLite's quick check and holds a Followup library with
    something in it; an empty one (the first start's) only when no copy holds anything, since
    restoring it would give back an empty library."""
    good = [copy for copy in backups(library) if _quick_check_ok(copy, followup_tables=True)]
    return next((copy for copy in good if holds_anything(copy)), good[0] if good else None)


def restore_backup(library: Path, copy: Path) -> Path:
    """Put `copy` in place of `library`; the damaged file (and its -wal/-shm) is renamed aside,
    never deleted. Returns where the damaged file was kept."""
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    aside = library.with_name(f"{library.name}.damaged-{stamp}")
    staged = library.with_name(f".{library.name}.restoring")
    _copy(copy, staged)
    if library.exists():
        library.replace(aside)
    for suffix in ("-wal", "-shm", "-journal"):
        extra = library.with_name(library.name + suffix)
        if extra.exists():
            extra.replace(aside.with_name(aside.name + suffix))
    staged.replace(library)
    return aside


def _quick_check_ok(path: Path, followup_tables: bool = False) -> bool:
    """SQLite's quick check passes on the file (opened read-only); with `followup_tables`, it
    also holds Followup's tables. False when it cannot be read at all."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            if conn.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
                return False
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
            return not followup_tables or {"alembic_version", "meeting", "person",
                                           "attendance"} <= tables
    except sqlite3.Error:
        return False
