"""Daily copies of the library, made with SQLite's online backup API, the last seven kept."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

KEEP = 7


def backup_dir(library: Path) -> Path:
    return library.parent / "backups"


def daily_backup(library: Path, today: date | None = None, keep: int = KEEP) -> Path | None:
    """Copy the library once per day; return the new copy, or None when today's exists."""
    if not library.exists():
        return None
    today = today or date.today()
    folder = backup_dir(library)
    folder.mkdir(exist_ok=True)
    target = folder / f"{library.stem}-{today.isoformat()}.sqlite3"
    if target.exists():
        return None
    partial = target.with_suffix(".partial")
    source = sqlite3.connect(library)
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    partial.replace(target)  # a half-written copy never looks like a backup
    _prune(folder, library.stem, keep)
    return target


def _prune(folder: Path, stem: str, keep: int) -> None:
    copies = sorted(folder.glob(f"{stem}-????-??-??.sqlite3"))
    for old in copies[:-keep]:
        old.unlink()
