"""Idle CPU and peak memory of the running app on the 2,000-meeting library, as a real process.

`followup --data-dir DIR` is started as a child process and left alone: once it has settled
(the ORM and the spelling dictionary loaded, the first reminder check done) the CPU time it
uses over the next 60 seconds is read from /proc/<pid>/stat (user + system ticks), as a share
of one core. Its peak resident memory (VmHWM in /proc/<pid>/status) is then compared with a
bare window's (maxrss of `bare_window.py`), measured in the same run, as is the peak of
`--smoke` on this library (start-up until the notes are editable). The measured run is preceded
by one run left to load everything and then stopped: the modules only the running app imports
are compiled into the private bytecode cache then, as an installed app's are (`bench_startup`),
not during the measured run (compiling them there added 6 MB to its peak). For information, the
resident memory at the end is split into pages of mapped files (Qt's and Python's shared
libraries, fonts: shared with other processes, and the same size whatever the library) and
the rest (the Python objects, Qt's heap). So is the peak of a bare window that imports
SQLAlchemy's ORM and maps Followup's models and does nothing else: the share of the running
app's memory that the prescribed data layer takes whatever Followup does. Linux only.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

if not __package__:  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_startup import BARE, child_env, followup_command, timed_run  # noqa: E402
from benchmarks.run_all import Figure, bench_arguments, emit  # noqa: E402

IDLE_PERCENT = 1.0
MEMORY_RATIO = 2.0  # at start-up
RUNNING_MEMORY_RATIO = 2.5  # once everything is loaded: the ORM, the dictionary, drafting
SETTLE_S = 15
WARM_UP_S = 10  # the app has imported everything it loads after its first frame by then


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc status")


def resident_parts_mb(pid: int) -> tuple[float, float]:
    """(resident MB, of which pages of mapped files: the shared libraries, fonts) now."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _colon, value = line.partition(":")
        if value.strip().endswith("kB"):
            fields[name] = int(value.split()[0]) / 1024
    return fields["Rss"], fields["Rss"] - fields["Anonymous"]


def measure(folder: Path, seconds: float) -> list[Figure]:
    bare_peaks, smoke_peaks, orm_peaks = [], [], []
    for _ in range(3):  # interleaved
        bare_peaks.append(timed_run([sys.executable, str(BARE)])[1])
        smoke_peaks.append(timed_run(followup_command(folder))[1])
        orm_peaks.append(timed_run([sys.executable, str(BARE), "--with-sqlalchemy"])[1])
    warm_up = _start_app(folder)
    try:
        time.sleep(WARM_UP_S)
    finally:
        _stop(warm_up)
    child = _start_app(folder)
    try:
        time.sleep(SETTLE_S)
        if child.poll() is not None:
            raise RuntimeError(f"followup exited early ({child.returncode})")
        hz = os.sysconf("SC_CLK_TCK")
        before, start = cpu_ticks(child.pid), time.monotonic()
        time.sleep(seconds)
        used, elapsed = cpu_ticks(child.pid) - before, time.monotonic() - start
        peak = peak_rss_mb(child.pid)
        resident, mapped = resident_parts_mb(child.pid)
    finally:
        _stop(child)
    share = 100 * used / hz / elapsed
    bare = sorted(bare_peaks)[1]
    return [
        Figure("memory", "start-up peak RSS (--smoke), 2,000 meetings", sorted(smoke_peaks)[1],
               "bare window", bare, unit="MB", max_ratio=MEMORY_RATIO),
        Figure("idle", f"CPU over {elapsed:.0f} s with the window open, % of one core", share,
               unit="%", max_value=IDLE_PERCENT),
        Figure("memory", f"running app peak RSS after {SETTLE_S + elapsed:.0f} s, 2,000 meetings",
               peak, "bare window", bare,
               unit="MB", max_ratio=RUNNING_MEMORY_RATIO),
        Figure("memory", "  a bare window that imports SQLAlchemy's ORM and maps the models",
               sorted(orm_peaks)[1], "bare window", bare, unit="MB"),
        Figure("memory", "  resident at the end", resident, unit="MB"),
        Figure("memory", "  of it, pages of shared libraries and fonts", mapped, unit="MB"),
    ]


def _start_app(folder: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "followup", "--data-dir", str(folder)],
                            env=child_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _stop(child: subprocess.Popen) -> None:
    child.send_signal(signal.SIGTERM)
    try:
        child.wait(10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def main(argv: list[str] | None = None) -> int:
    args = bench_arguments(__doc__.splitlines()[0]).parse_args(argv)
    for figure in measure(args.data_dir, 20 if args.quick else 60):
        emit(figure, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
