"""What checking the library at every start costs: PRAGMA quick_check on the benchmark library.

Followup runs `PRAGMA quick_check` each time it opens the library, before anything is written,
so a damaged page is named at once instead of failing an export later. This measures the check
alone (a fresh connection each run, the file in the OS cache as it is after the first start)
against the whole `Library()` open that includes it, measured in the same run.

Run with `python -m benchmarks.bench_integrity --data-dir FOLDER` (a folder built by
benchmarks/make_library.py); `./dev bench` runs it with the others.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import time
from pathlib import Path

if not __package__:  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.make_library import load_facts  # noqa: E402
from benchmarks.run_all import Figure, bench_arguments, emit  # noqa: E402

TARGET_MS = 100  # the check must stay a small part of a start-up


def _quick_check_ms(path: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    finally:
        conn.close()
    elapsed = (time.perf_counter() - start) * 1000
    if result != "ok":
        raise SystemExit(f"the benchmark library fails its check: {result}")
    return elapsed


def _open_ms(path: Path) -> float:
    from followup.store.library import Library

    start = time.perf_counter()
    library = Library(path)
    elapsed = (time.perf_counter() - start) * 1000
    library.close()
    return elapsed


def measure(folder: Path, runs: int) -> list[Figure]:
    from followup.paths import library_path

    facts = load_facts(folder)
    path = library_path(folder)
    _open_ms(path)  # the first open may migrate or warm imports; not what is measured
    checks = [_quick_check_ms(path) for _ in range(runs)]
    opens = [_open_ms(path) for _ in range(runs)]
    size_mb = path.stat().st_size / 1e6
    check = statistics.median(checks)
    return [
        Figure("integrity", f"quick_check, {size_mb:.1f} MB library ({facts.meetings} meetings, "
                            f"{facts.note_lines:,} note lines), median of {runs}", check,
               "whole Library() open incl. the check", statistics.median(opens),
               max_value=TARGET_MS),
        Figure("integrity", "quick_check throughput", size_mb / (check / 1000), unit="MB/s"),
    ]


def main(argv: list[str] | None = None) -> int:
    args = bench_arguments(__doc__.splitlines()[0]).parse_args(argv)
    for figure in measure(args.data_dir, 5 if args.quick else 21):
        emit(figure, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
