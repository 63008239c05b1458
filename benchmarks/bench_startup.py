"""Start-up time and peak memory: `followup --smoke` on the big library against a bare window.

Both are separate processes timed from launch to exit. `--smoke` exits only once the newest
meeting's notes are editable (the meeting list shown, the editor enabled with the notes in
it); the bare window exits after its first show. Both run from compiled bytecode, as an
installed app does (a private bytecode cache is filled by the warm-up runs).
Peak memory is each child's maxrss, read from os.wait4. The first
start of a day also copies the library to the backups folder; that start is timed on its own
and the warm-up runs absorb it, so the median compares like with like.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if not __package__:  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run_all import Figure, bench_arguments, emit  # noqa: E402

BARE = Path(__file__).with_name("bare_window.py")
MAX_RATIO = 1.5
BYTECODE = Path(tempfile.gettempdir()) / "followup-bench-bytecode"


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its .pyc files
    env["PYTHONPYCACHEPREFIX"] = str(BYTECODE)
    return env


def timed_run(command: list[str]) -> tuple[float, float]:
    """Wall time in ms and peak resident memory in MB of one child process."""
    env = child_env()
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    child.returncode = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if child.returncode != 0:
        raise RuntimeError(f"{command} exited {child.returncode}: {errors[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports kilobytes


def followup_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "followup", "--smoke", "--data-dir", str(folder)]


def core_import_cost(runs: int) -> tuple[float, float]:
    """Median wall time (ms) of a Python that imports SQLAlchemy Core (`import sqlalchemy`)
    and of one that imports nothing: what a first screen read through Core would add."""
    core = [sys.executable, "-c", "import sqlalchemy"]
    empty = [sys.executable, "-c", "pass"]
    timed_run(core)
    times: dict[str, list[float]] = {"core": [], "empty": []}
    for _ in range(runs):
        times["core"].append(timed_run(core)[0])
        times["empty"].append(timed_run(empty)[0])
    return statistics.median(times["core"]), statistics.median(times["empty"])


def reopening_copy(folder: Path) -> Path:
    """A copy of the library whose window.ini says the user was on an older meeting (the
    hundredth newest): the window reopens there, not on the newest meeting."""
    import sqlite3

    copy = Path(tempfile.mkdtemp(prefix="followup-reopen-"))
    source = sqlite3.connect(folder / "followup.sqlite3")
    target = sqlite3.connect(copy / "followup.sqlite3")
    source.backup(target)
    (meeting,) = target.execute(
        "SELECT id FROM meeting ORDER BY COALESCE(started_at, scheduled_start, created_at) DESC "
        "LIMIT 1 OFFSET 100").fetchone()
    source.close()
    target.close()
    (copy / "window.ini").write_text(f"[session]\nmeeting={meeting}\nperson=0\n",
                                     encoding="utf-8")
    return copy


def measure(folder: Path, runs: int) -> list[Figure]:
    app, bare = followup_command(folder), [sys.executable, str(BARE)]
    reopen_folder = reopening_copy(folder)
    reopen = followup_command(reopen_folder)
    shutil.rmtree(folder / "backups", ignore_errors=True)
    first_of_day, _ = timed_run(app)  # also warms the disk cache for both
    timed_run(bare)
    timed_run(app)  # the bytecode cache is full from here on
    timed_run(reopen)
    times: dict[str, list[float]] = {"app": [], "bare": [], "reopen": []}
    memory: dict[str, list[float]] = {"app": [], "bare": [], "reopen": []}
    for _ in range(runs):  # interleaved, so a busy moment of the machine hits all alike
        for name, command in (("app", app), ("bare", bare), ("reopen", reopen)):
            elapsed, peak = timed_run(command)
            times[name].append(elapsed)
            memory[name].append(peak)
    shutil.rmtree(reopen_folder, ignore_errors=True)
    median = statistics.median
    core, empty = core_import_cost(runs)
    budget = (MAX_RATIO - 1) * median(times["bare"])
    return [
        Figure("startup", f"followup (median of {runs})", median(times["app"]),
               "bare window", median(times["bare"]), max_ratio=MAX_RATIO),
        Figure("startup", "followup, reopening on an older meeting (median)",
               median(times["reopen"]), "bare window", median(times["bare"]),
               max_ratio=MAX_RATIO),
        Figure("startup", "followup, first start of a day (with backup)", first_of_day,
               "bare window", median(times["bare"])),
        Figure("memory", "followup peak RSS", median(memory["app"]),
               "bare window", median(memory["bare"]), unit="MB", max_ratio=MAX_RATIO),
        # Why the first screen is read with sqlite3, not SQLAlchemy Core: importing Core alone
        # against the whole start-up budget over a bare window (docs/benchmarks.md).
        Figure("startup", "import sqlalchemy (Core) alone", core - empty,
               "start-up budget over a bare window", budget),
    ]


def main(argv: list[str] | None = None) -> int:
    args = bench_arguments(__doc__.splitlines()[0]).parse_args(argv)
    for figure in measure(args.data_dir, 3 if args.quick else 11):
        emit(figure, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
