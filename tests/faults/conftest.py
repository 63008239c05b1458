"""Fault tests run Followup in child processes that are really killed, or on a small disk."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_followup(*args: str, data: Path | None = None, timeout: float = 60,
                 preexec=None, env_extra=None) -> subprocess.CompletedProcess:
    """`python -m followup ARGS` in a child process, as a user would run it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    argv = [sys.executable, "-m", "followup"]
    if data is not None:
        argv += ["--data-dir", str(data)]
    return subprocess.run([*argv, *args], capture_output=True, text=True, env=env,
                          timeout=timeout, preexec_fn=preexec)


def run_python(code: str, *args: str, timeout: float = 60, preexec=None, stdin: str = ""):
    """Run `code` in a child Python with Followup importable; returns the finished process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, timeout=timeout, preexec_fn=preexec, input=stdin)


# Injected into a child: SIGKILL itself right after its Nth SQL statement (SQLAlchemy's
# cursor events see every statement the library, Alembic and the import run).
KILL_AFTER_STATEMENT = """
import os, signal, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine

_limit = int(os.environ["KILL_AFTER"])
_count = 0

@event.listens_for(Engine, "after_cursor_execute")
def _maybe_die(*_args):
    global _count
    _count += 1
    if _count == _limit:
        os.kill(os.getpid(), signal.SIGKILL)

def statements():
    return _count
"""


@pytest.fixture
def killer_env(monkeypatch):
    def arm(after: int) -> None:
        monkeypatch.setenv("KILL_AFTER", str(after))

    return arm


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
