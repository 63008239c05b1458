"""Writing a file so that it is either whole or not there at all, even across a crash.

The data goes to a temporary file beside the target, is flushed to disk, and is renamed over
the target. On Linux the temporary file has no name while it is written (O_TMPFILE), so a kill
then leaves nothing behind; it gets a name only for the instant before the rename. A named
temporary file a killed process did leave (`.NAME.PID.XXXX.tmp`) is removed the next time
Followup writes into that folder or starts on its data folder.
"""

from __future__ import annotations

import errno
import os
import re
import time
from pathlib import Path

_TEMP_RE = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")
# Temporary files of older versions carry no process id: old enough, nobody is writing them.
_LEGACY_TEMP_RE = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{8}\.tmp$")
LEGACY_AGE_SECONDS = 3600


def write_atomically(path: str | os.PathLike, data: bytes | str) -> Path:
    """Write `data` (text is UTF-8) to `path` whole or not at all; returns the path.

    Raises OSError (a full disk, no permission); the target is then as it was before and no
    temporary file is left.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    remove_stale_temporaries(target.parent)
    if not _write_unnamed(target, payload):
        _write_named(target, payload)
    _fsync_folder(target.parent)
    return target


def _temp_name(target: Path) -> Path:
    # os.urandom, not `secrets`: that module pulls in hashlib and OpenSSL at start-up.
    return target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


def _write_unnamed(target: Path, payload: bytes) -> bool:
    """Write through an O_TMPFILE file; False when the system or file system lacks it."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        fd = os.open(target.parent, flag | os.O_WRONLY, 0o600)
    except OSError:  # not supported here (EOPNOTSUPP, EISDIR, EINVAL): use a named file
        return False
    temp = _temp_name(target)
    try:
        try:
            _write_all(fd, payload)
            os.fsync(fd)
            try:
                os.link(f"/proc/self/fd/{fd}", temp, follow_symlinks=True)
            except OSError as exc:
                if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                    raise
                return False  # no linking from /proc here (a sandbox): write a named file
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return True


def _write_named(target: Path, payload: bytes) -> None:
    import tempfile  # rarely needed (no O_TMPFILE), so not at start-up

    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp",
                                     dir=target.parent)
    try:
        try:
            _write_all(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete temporary files in `folder` that a killed write left; returns what was removed.
    A temporary file of a process still running is left alone."""
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not entry.name.startswith(".") or not entry.name.endswith(".tmp"):
            continue
        match = _TEMP_RE.match(entry.name)
        try:
            if match and os.name != "nt":
                stale = not process_running(int(match["pid"]))
            elif match:  # Windows cannot be asked safely whether a process runs: go by age
                stale = now - entry.stat().st_mtime > LEGACY_AGE_SECONDS
            elif _LEGACY_TEMP_RE.match(entry.name):
                stale = now - entry.stat().st_mtime > LEGACY_AGE_SECONDS
            else:
                continue
            if stale and entry.is_file():
                entry.unlink()
                removed.append(entry)
        except OSError:
            continue
    return removed


def process_running(pid: int) -> bool:
    """Whether process `pid` still runs (POSIX; on Windows os.kill would end the process
    instead of asking, so it is always taken as running there)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or no way to ask (Windows): assume it runs
        return True
    return True


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows cannot open a folder)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
