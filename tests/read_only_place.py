"""A real read-only place for a library: a tmpfs mounted, filled, then remounted read-only.

Tests run as root here, and root writes through chmod; a read-only mount stops everyone. Where
mounting is not allowed (not root), `chmod a-w` on the folder and the file does the same for a
normal user. A test that needs one and gets neither is skipped, saying why.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest


class ReadOnlyPlace:
    """`folder` (the data folder) is writable until `lock()`; `how` says what made it
    read-only."""

    def __init__(self, root: Path, mounted: bool):
        self.root, self.mounted = root, mounted
        self.folder = root / "data"
        self.how = ""

    def lock(self) -> None:
        if self.mounted:
            done = subprocess.run(["mount", "-o", "remount,ro", str(self.root)],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                pytest.skip(f"a tmpfs could not be remounted read-only: {done.stderr.strip()}")
            self.how = "a tmpfs remounted read-only"
        else:
            for path in (*self.folder.iterdir(), self.folder):
                path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
            self.how = "chmod a-w (as a normal user)"
        if os.access(self.folder, os.W_OK):
            pytest.skip(f"{self.how} left the folder writable for this user")

    def unlock(self) -> None:
        if self.mounted:
            subprocess.run(["mount", "-o", "remount,rw", str(self.root)], capture_output=True)
        else:
            for path in (self.folder, *self.folder.iterdir()):
                path.chmod(path.stat().st_mode | stat.S_IWUSR)


@contextmanager
def read_only_place(tmp_path: Path):
    root = tmp_path / "readonly"
    root.mkdir()
    if os.name != "posix":
        pytest.skip("a read-only place is made with a mount or chmod (POSIX)")
    if os.geteuid() == 0:
        if shutil.which("mount") is None:
            pytest.skip("as root, chmod does not stop writes, and there is no `mount` to make "
                        "a read-only tmpfs")
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m",
                               f"fu-ro-{uuid.uuid4().hex[:8]}", str(root)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip("as root, chmod does not stop writes, and mounting a tmpfs failed: "
                        f"{done.stderr.strip()}")
        place = ReadOnlyPlace(root, mounted=True)
    else:
        place = ReadOnlyPlace(root, mounted=False)
    try:
        yield place
    finally:
        place.unlock()
        if place.mounted:
            subprocess.run(["umount", "-l", str(root)], capture_output=True)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of `folder` with its bytes: to show nothing was written."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
