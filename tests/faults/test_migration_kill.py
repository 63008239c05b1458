"""A kill at any moment of a schema migration leaves a library that opens, with every note.

Each child process opens a library written by the first schema and SIGKILLs itself after its
Nth SQL statement; the parent then opens the library for real and checks it.
"""

from __future__ import annotations

import signal
import sqlite3
from pathlib import Path

import pytest

from followup.store import schema
from followup.store.backup import backup_dir
from followup.store.library import Library
from tests.faults.conftest import KILL_AFTER_STATEMENT, run_python
from tests.library_checks import current_revision, integrity_ok
from tests.store.first_schema import first_schema_library

pytestmark = pytest.mark.slow

OPEN_IN_CHILD = KILL_AFTER_STATEMENT + """
from followup.store.library import Library
Library(sys.argv[1]).close()
print("statements", statements())
"""


def _old_library(path: Path) -> None:
    first_schema_library(path)


def _statements_in_a_migration(tmp_path: Path, monkeypatch) -> int:
    path = tmp_path / "count" / "followup.sqlite3"
    path.parent.mkdir()
    _old_library(path)
    monkeypatch.setenv("KILL_AFTER", "0")
    done = run_python(OPEN_IN_CHILD, str(path))
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


def test_kill_at_every_step_of_a_migration_leaves_an_openable_library(tmp_path, monkeypatch):
    total = _statements_in_a_migration(tmp_path, monkeypatch)
    assert total > 5
    step = max(1, total // 12)  # about a dozen kill points spread over the whole migration
    for after in range(1, total, step):
        folder = tmp_path / f"kill-{after}"
        folder.mkdir()
        path = folder / "followup.sqlite3"
        _old_library(path)
        monkeypatch.setenv("KILL_AFTER", str(after))
        child = run_python(OPEN_IN_CHILD, str(path))
        assert child.returncode == -signal.SIGKILL, (after, child.stderr)
        library = Library(path)  # must open (and finish the migration) after any kill
        try:
            assert current_revision(library.engine) == schema.SCHEMA_HEAD
            assert library.meeting(1).attendees[0].notes == "! keep me", after
        finally:
            library.close()
        assert integrity_ok(path)
        leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".")]
        assert leftovers == [], (after, leftovers)


def test_a_copy_is_made_before_any_migration(tmp_path):
    path = tmp_path / "followup.sqlite3"
    _old_library(path)
    Library(path).close()
    copies = list(backup_dir(path).glob("*before-schema-0001*.sqlite3"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("SELECT notes FROM attendance").fetchone()[0] == "! keep me"


def test_a_new_library_is_never_left_half_made(tmp_path, monkeypatch):
    """A kill while the first start builds the library leaves no library file at all (so the
    next start builds it again) rather than an empty or half-made one."""
    path = tmp_path / "followup.sqlite3"
    monkeypatch.setenv("KILL_AFTER", "3")
    child = run_python(OPEN_IN_CHILD, str(path))
    assert child.returncode == -signal.SIGKILL
    assert not path.exists()
    Library(path).close()
    assert integrity_ok(path)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


KILLED_AROUND_A_RENAME = """
import os, signal, sys
when, which = sys.argv[2], int(sys.argv[3])
real = os.replace
calls = []

def replace(src, dst, *args, **kwargs):
    calls.append(dst)
    if len(calls) == which and when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst, *args, **kwargs)
    if len(calls) == which:
        os.kill(os.getpid(), signal.SIGKILL)

os.replace = replace
from followup.store.library import Library
Library(sys.argv[1]).close()
"""


@pytest.mark.parametrize("when", ["before", "after"])
@pytest.mark.parametrize("which", [1, 2], ids=["backup-copy", "swap"])
def test_kill_just_before_or_after_each_rename(tmp_path, when, which):
    path = tmp_path / "followup.sqlite3"
    _old_library(path)
    child = run_python(KILLED_AROUND_A_RENAME, str(path), when, str(which))
    assert child.returncode == -signal.SIGKILL, child.stderr
    library = Library(path)
    try:
        assert current_revision(library.engine) == schema.SCHEMA_HEAD
        assert library.meeting(1).attendees[0].notes == "! keep me"
    finally:
        library.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert not list(backup_dir(path).glob("*.partial"))
    assert list(backup_dir(path).glob("*before-schema-0001*.sqlite3"))
