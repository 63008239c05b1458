"""One running Followup window per library: an OS file lock the system frees if we die."""

from __future__ import annotations

import os
from pathlib import Path


class AlreadyOpen(Exception):
    pass


class LibraryLock:
    def __init__(self, library: Path):
        self.path = library.with_name(library.name + ".lock")
        self._handle = None

    def acquire(self) -> None:
        handle = open(self.path, "a+")  # noqa: SIM115 - held for the life of the window
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise AlreadyOpen(
                f"Followup is already open on this library ({self.path.parent}). "
                "Switch to that window; two windows on one library could overwrite each "
                "other's notes.") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def _lock(handle) -> None:
    if os.name == "nt":
        import msvcrt

        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
