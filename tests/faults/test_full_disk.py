"""A full disk is reported as a full disk, what was saved stays saved, and nothing hangs.

The disk is a small tmpfs mounted for the test when the machine allows it (root and a working
`mount`), filled with a filler file. Elsewhere (CI runners without root) the same cases run
with the child's file size limit (RLIMIT_FSIZE) set, which makes every write past the limit
fail as a full disk would; only on a system with neither (Windows) is the module skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from followup.paths import library_path
from followup.store.demo import seed_demo
from followup.store.library import Library
from tests.faults.conftest import run_followup, run_python

pytestmark = pytest.mark.slow

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None


class SmallDisk:
    """A folder whose free space a test can use up: a real tmpfs, or a file size limit."""

    def __init__(self, root: Path, mounted: bool):
        self.root, self.mounted = root, mounted
        self.folder = root / "data"
        self._limit: int | None = None

    def fill(self, leave: int = 0) -> None:
        """Use up the space, leaving about `leave` bytes free."""
        if self.mounted:
            free = shutil.disk_usage(self.root).free
            with (self.root / "filler").open("ab") as handle:
                handle.write(b"\0" * max(0, free - leave))
            if leave == 0:  # the last blocks: write until the file system says no
                try:
                    with (self.root / "filler").open("ab") as handle:
                        while True:
                            handle.write(b"\0" * 4096)
                            handle.flush()
                except OSError:
                    pass
        else:
            self._limit = leave

    def free(self) -> None:
        (self.root / "filler").unlink(missing_ok=True)
        self._limit = None

    def preexec(self):
        """For subprocess: the file size limit standing in for the full disk, if any."""
        if self.mounted or self._limit is None:
            return None
        limit = self._limit

        def limit_files() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        return limit_files


def _try_mount(target: Path, size: str) -> bool:
    if os.environ.get("FOLLOWUP_TEST_DISK") == "rlimit" or os.name != "posix":
        return False
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    name = f"fu-{uuid.uuid4().hex[:8]}"
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", name, str(target)],
                          capture_output=True)
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    if resource is None:
        pytest.skip("no tmpfs and no RLIMIT_FSIZE on this system (Windows)")
    root = tmp_path / "disk"
    root.mkdir()
    mounted = _try_mount(root, "4m")
    disk = SmallDisk(root, mounted)
    disk.folder.mkdir()
    yield disk
    if mounted:
        subprocess.run(["umount", "-l", str(root)], check=False)


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
