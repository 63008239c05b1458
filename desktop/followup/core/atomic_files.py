"""Writing a file so that it is either whole or not there at all, even across a crash, and
sweeping up what a killed run left.

The data goes to a named temporary file beside the target (`.NAME.PID.XXXXXXXX.tmp`), is
flushed to disk, and is renamed over the target with `os.replace`. A temporary file, a copy
being migrated or backed up, or a demo folder that a killed process left is removed by
`sweep_leftovers`, the one sweeper: the next time Followup writes into that folder or starts.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# `.NAME.PID.RANDOM.tmp`; older versions wrote `.NAME.RANDOM.tmp`, with no process id.
TEMP_RE = re.compile(r"^\.(?P<name>.+?)\.(?:(?P<pid>\d+)\.)?[A-Za-z0-9_]+\.tmp$")
STALE_AFTER_SECONDS = 3600  # where no process can be asked: older than any write takes


def write_atomically(path: str | os.PathLike, data: bytes | str) -> Path:
    """Write `data` (text is UTF-8) to `path` whole or not at all; returns the path.

    Raises OSError (a full disk, no permission); the target is then as it was before and no
    temporary file is left.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    sweep_leftovers(target.parent, TEMP_RE)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp",
                                dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)
    return target


def sweep_leftovers(folder: Path, pattern: re.Pattern[str],
                    age_seconds: float = STALE_AFTER_SECONDS, now: float | None = None,
                    owner: Callable[[Path], int | None] | None = None) -> list[Path]:
    """Remove the files and folders of `folder` whose names match `pattern` and that a killed
    run left; returns what was removed.

    An entry's process is the `pid` group of `pattern` (or what `owner(entry)` says): it is
    left while that process runs, and removed once it is gone. Where no process can be asked
    (no pid, or Windows, where asking would end it) the entry goes once it is older than
    `age_seconds`. Symbolic links are never followed or removed.
    """
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        found = pattern.match(entry.name)
        if found is None or entry.is_symlink():
            continue
        try:
            pid = owner(entry) if owner else _pid(found)
            if pid is not None and os.name != "nt":
                stale = not process_running(pid)
            else:
                stale = now - entry.stat().st_mtime > age_seconds
            if not stale:
                continue
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


def _pid(found: re.Match[str]) -> int | None:
    pid = found.groupdict().get("pid")
    return int(pid) if pid else None


def process_running(pid: int) -> bool:
    """Whether process `pid` still runs (POSIX; on Windows os.kill would end the process
    instead of asking, so it is always taken as running there)."""
    if pid == os.getpid() or os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: it runs
        return True
    return True


def fsync_file(path: Path) -> None:
    """Flush a file written by another handle (SQLite's) to disk before it is renamed."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
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
