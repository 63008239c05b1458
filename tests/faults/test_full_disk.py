"""A full disk is reported as a full disk, what was saved stays saved, and nothing hangs.

The disk is a small tmpfs mounted for the test when the machine allows it (root and a working
`mount`), filled with a filler file. Elsewhere (CI runners without root) the same cases run
with the child's file size limit (RLIMIT_FSIZE) set, which makes every write past the limit
fail as a full disk would; only on a system with neither (Windows) is the module skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup.paths import library_path
from followup.store.demo import seed_demo
from followup.store.library import Library
from tests.faults.conftest import run_followup, run_python

pytestmark = pytest.mark.slow

def _demo_library(folder: Path) -> Path:
    path = library_path(folder)
    library = Library(path)
    seed_demo(library)
    library.close()
    return path


def _no_noise(stderr: str) -> None:
    assert "Logging error" not in stderr and "Traceback" not in stderr, stderr
    assert "damaged" not in stderr and "restore" not in stderr.lower(), stderr


def test_full_disk_at_start_says_so_and_never_hangs(small_disk):
    path = _demo_library(small_disk.folder)
    before = path.read_bytes()
    small_disk.fill(0)
    for command in (("--smoke",), ("status",), ("export",)):
        done = run_followup(*command, data=small_disk.folder, timeout=60,
                            preexec=small_disk.preexec())
        assert done.returncode == 2, (command, done.returncode, done.stdout, done.stderr)
        assert "is full" in done.stderr, (command, done.stderr)
        _no_noise(done.stderr)
    small_disk.free()
    assert path.read_bytes() == before
    library = Library(path)
    assert library.list_meetings()
    library.close()


def test_no_room_for_the_daily_backup_still_opens_the_window(small_disk):
    path = _demo_library(small_disk.folder)
    small_disk.fill(leave=48 * 1024)  # room for SQLite's shared-memory index, not for a copy
    done = run_followup("--smoke", data=small_disk.folder, timeout=60,
                        preexec=small_disk.preexec())
    assert done.returncode == 0, done.stderr
    _no_noise(done.stderr)
    backups = small_disk.folder / "backups"
    assert not any(backups.glob("*")) if backups.exists() else True  # nothing half-written
    small_disk.free()
    assert Library(path).list_meetings()


SAVE_UNTIL_FULL = """
import sys
from followup.store.library import Library
from followup.store.schema import StorageError
library = Library(sys.argv[1])
attendance = library.meeting(1).attendees[0].attendance_id
library.save_notes(attendance, "saved before the disk filled")
print("saved", flush=True)
sys.stdin.readline()  # the parent fills the disk now
try:
    for i in range(200):
        library.save_notes(attendance, "x" * 50_000 + str(i))
except StorageError as exc:
    print("refused:", exc.kind, exc)
else:
    print("never refused")
library.close()
"""


def test_notes_saved_before_the_disk_filled_stay_saved(small_disk):
    path = _demo_library(small_disk.folder)
    env = {**os.environ}
    if small_disk.mounted:
        child = subprocess.Popen(
            [sys.executable, "-c", SAVE_UNTIL_FULL, str(path)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        assert child.stdout.readline().strip() == "saved"
        small_disk.fill(0)
        out, err = child.communicate("go\n", timeout=60)
    else:  # the limit is set before the child starts: leave room for the library as it is
        size = path.stat().st_size
        small_disk.fill(leave=size + 64 * 1024)
        done = run_python(SAVE_UNTIL_FULL, str(path), preexec=small_disk.preexec(), timeout=60,
                          stdin="go\n")
        out, err = done.stdout, done.stderr
    assert "refused: full" in out, (out, err)
    assert "is full" in out
    _no_noise(err)
    small_disk.free()
    library = Library(path)
    notes = library.meeting(1).attendees[0].notes
    library.close()
    assert notes == "saved before the disk filled" or notes.startswith("x" * 50_000)
