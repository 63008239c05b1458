"""Files Followup must not use are refused with a message and left byte for byte as they were:
an empty file, another program's SQLite database, a damaged library (also in rollback-journal
mode, which must not be switched to WAL)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from followup.paths import library_path
from followup.store import backup as backups
from followup.store.backup import backup_dir, daily_backup
from followup.store.library import Library, MeetingInput, PersonSpec
from followup.store.schema import LibraryError
from tests.faults.conftest import run_followup


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _library_with_a_meeting(folder: Path) -> Path:
    path = library_path(folder)
    library = Library(path)
    library.create_meeting(MeetingInput(company="Acme", people=[
        PersonSpec("Jane Doe", notes="! ships weekly")]))
    library.close()
    return path


def test_zero_byte_library_is_refused_and_backups_stay(tmp_path):
    folder = tmp_path / "data"
    path = _library_with_a_meeting(folder)
    daily_backup(path, date(2026, 1, 1))
    path.write_bytes(b"")
    before = _snapshot(folder)
    with pytest.raises(LibraryError, match="empty") as caught:
        Library(path)
    assert caught.value.kind == "empty"
    assert caught.value.backup is not None and caught.value.backup.name in str(caught.value)
    assert _snapshot(folder) == before
    for command in (("status",), ("export",), ("--smoke",)):
        done = run_followup(*command, data=folder)
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        assert "empty (0 bytes)" in done.stderr and "Traceback" not in done.stderr
    after = _snapshot(folder)
    after.pop("followup.log", None)
    before.pop("followup.log", None)
    assert after == before


@pytest.mark.parametrize("tables", [
    ["CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
     "INSERT INTO notes (body) VALUES ('mine')"],
    ["CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)",
     "INSERT INTO alembic_version VALUES ('ae1027a6acf')",
     "CREATE TABLE invoice (id INTEGER PRIMARY KEY)"],
    ["CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)",
     "INSERT INTO alembic_version VALUES ('0001')",
     "CREATE TABLE invoice (id INTEGER PRIMARY KEY)"],
])
def test_another_programs_database_is_refused_untouched(tmp_path, tables):
    path = tmp_path / "lib" / "followup.sqlite3"
    path.parent.mkdir()
    with sqlite3.connect(path) as conn:
        for statement in tables:
            conn.execute(statement)
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="another program") as caught:
        Library(path)
    assert caught.value.kind == "foreign"
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["followup.sqlite3"]


def _damage_a_data_page(path: Path) -> None:
    """Random bytes over the middle of the page holding the notes (not the file header)."""
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        page = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name='attendance'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (page - 1) * page_size
    import random

    noise = random.Random(12)
    for i in range(start + 8, start + page_size):
        data[i] = noise.randrange(256)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_damaged_page_is_named_and_the_newest_good_backup_offered(tmp_path, journal):
    folder = tmp_path / "data"
    path = _library_with_a_meeting(folder)
    good = daily_backup(path, date(2026, 1, 1))
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA journal_mode={journal}")
    conn.close()
    _damage_a_data_page(path)
    before = _snapshot(folder)
    with pytest.raises(LibraryError, match="damaged") as caught:
        Library(path)
    assert caught.value.kind == "damaged" and caught.value.backup == good
    assert good.name in str(caught.value)
    assert _snapshot(folder) == before  # not even switched to WAL: no -wal, same header
    for command in (("status",), ("export",), ("--smoke",)):
        done = run_followup(*command, data=folder)
        assert done.returncode == 2, (command, done.stderr)
        assert "is damaged" in done.stderr and good.name in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    assert not path.with_name(path.name + "-wal").exists() or journal == "wal"
    with path.open("rb") as handle:
        header = handle.read(20)
    assert header[18:20] == (b"\x02\x02" if journal == "wal" else b"\x01\x01")
    # No backup of the damaged file pushes good copies out.
    assert daily_backup(path, date(2026, 1, 2)) is None
    aside = backups.restore_backup(path, backups.newest_good_backup(path))
    assert aside.read_bytes() == before["followup.sqlite3"]
    library = Library(path)
    assert library.meeting(1).attendees[0].notes == "! ships weekly"
    library.close()


def test_backups_never_push_out_the_last_copy_that_holds_anything(tmp_path):
    folder = tmp_path / "data"
    path = _library_with_a_meeting(folder)
    daily_backup(path, date(2026, 1, 1))
    library = Library(path)
    library.delete_meeting(1)
    with library.session() as s:
        s.execute(__import__("sqlalchemy").text("DELETE FROM person"))
    library.close()
    for day in range(2, 20):
        daily_backup(path, date(2026, 1, day))
    copies = sorted(p.name for p in backup_dir(path).glob("*.sqlite3"))
    assert "followup-2026-01-01.sqlite3" in copies
    assert len(copies) == 8  # the seven newest (empty) days and the last that held a meeting
    # The one offered for a restore is the copy that holds the meeting, not a newer empty one.
    assert backups.newest_good_backup(path).name == "followup-2026-01-01.sqlite3"


def test_closing_brings_todays_backup_up_to_date(tmp_path):
    """The daily copy is taken at the first start of a day; at close it is refreshed, so the
    notes of a day are in a backup before the next start."""
    folder = tmp_path / "data"
    path = _library_with_a_meeting(folder)
    today = date(2026, 3, 2)
    copy = daily_backup(path, today)
    library = Library(path)
    attendance = library.meeting(1).attendees[0].attendance_id
    library.save_notes(attendance, "typed during the day")
    assert daily_backup(path, today) is None  # a second start the same day copies nothing
    assert daily_backup(path, today, refresh=True) == copy  # closing does
    library.close()
    with sqlite3.connect(copy) as conn:
        notes = conn.execute("SELECT notes FROM attendance").fetchone()[0]
    assert notes == "typed during the day"


def test_damage_found_while_in_use_is_named_not_a_driver_error(tmp_path):
    from followup.store.interchange import export_library
    from followup.store.schema import StorageError

    folder = tmp_path / "data"
    path = _library_with_a_meeting(folder)
    library = Library(path)
    with library.session() as s:  # fold the log into the file so the damage is what is read
        s.execute(__import__("sqlalchemy").text("PRAGMA wal_checkpoint(TRUNCATE)"))
    _damage_a_data_page(path)
    library.engine.dispose()  # the next read comes from the file, as after a while in use
    with pytest.raises(StorageError, match="is damaged") as caught:
        export_library(library)
    assert "malformed" not in str(caught.value).split("(")[0]
    library.close()


def test_the_window_offers_the_backup_and_restores_it(tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from followup.gui import app

    folder = tmp_path / "data"
    path = _library_with_a_meeting(folder)
    good = daily_backup(path, date(2026, 1, 1))
    _damage_a_data_page(path)
    damaged = path.read_bytes()
    with pytest.raises(LibraryError) as caught:
        Library(path)
    app.make_application()
    shown = []

    def exec_(box):
        shown.append((box.text(), box.textFormat()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: next(
        b for b in box.buttons() if b.text().startswith("Restore")))
    assert app._can_restore(caught.value)
    assert app._offer_restore(folder, caught.value)
    assert shown and good.name in shown[0][0]
    assert shown[0][1] == Qt.TextFormat.PlainText
    kept = list(folder.glob("followup.sqlite3.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert kept[0].name in shown[-1][0]  # the user is told where the damaged file was kept
    library = Library(path)
    assert library.meeting(1).attendees[0].notes == "! ships weekly"
    library.close()
