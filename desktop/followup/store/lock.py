"""One running Followup window per library: an OS file lock the system frees if we die."""

from __future__ import annotations

import os
from pathlib import Path

from followup.store.schema import LibraryError


class AlreadyOpen(Exception):
    pass


class LibraryLock:
    def __init__(self, library: Path):
        self.path = library.with_name(library.name + ".lock")
        self._handle = None

    def acquire(self) -> None:
        try:
            handle = open(self.path, "a+")  # noqa: SIM115 - held for the life of the window
        except OSError as exc:
            raise LibraryError(f"Followup cannot create {self.path}: {exc.strerror}. Check the "
                               "folder's permissions and free space.", "access") from None
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise AlreadyOpen(
                f"Followup is already open on this library ({self.path.parent}). "
                "Switch to that window; two windows on one library could overwrite each "
                "other's notes.") from None
        try:  # the pid only helps a person looking; a full disk must not stop the app
            os.ftruncate(handle.fileno(), 0)
            os.write(handle.fileno(), str(os.getpid()).encode())
        except OSError:
            pass
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
