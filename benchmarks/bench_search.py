"""Search on a library four times the usual benchmark size: per keystroke, autosave, file size.

The library: 2,000 meetings, 12,000 people, 120,000 note lines (make_library at four times its
size, built once into `search-library/` under --data-dir). Figures:

- each keystroke of a dozen queries typed one character at a time (`store.search.search`,
  grouping included), against the meeting filter that searched company and role before;
- `Library.save_notes` (the autosave write) on that library with the index, against a copy
  whose index and triggers were dropped, the two written in turn;
- the library's size with the index against the same copy without it, both vacuumed.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import time
from contextlib import contextmanager
from pathlib import Path

if not __package__:  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import make_library as ml  # noqa: E402
from benchmarks.run_all import Figure, bench_arguments, emit, percentile  # noqa: E402

KEYSTROKE_MS = 30
AUTOSAVE_OVERHEAD_MS = 5
SIZE_GROWTH_PCT = 50
SCALE = 4
FOLDER = "search-library"
QUERIES = (  # what a person looks for before a second round, typed as they would
    "kafka", "billing migration", '"design system"', "rust study", "cto kafka", "company 17",
    "hana schmidt", "postgresql partitioning -recruiter", "on-call health", "usage alerts",
    "mobile rewrite", "customer interviews OR onboarding",
)


@contextmanager
def scaled_library_settings(scale: int):
    """make_library's sizes times `scale` while the library is built."""
    names = ("MEETINGS", "PEOPLE", "NOTE_LINES")
    saved = {name: getattr(ml, name) for name in names}
    for name in names:
        setattr(ml, name, saved[name] * scale)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(ml, name, value)


def big_library(data_dir: Path) -> tuple[Path, ml.LibraryFacts]:
    folder = data_dir / FOLDER
    if not (folder / ml.FACTS_FILE).exists():
        folder.mkdir(parents=True, exist_ok=True)
        with scaled_library_settings(SCALE):
            ml.make_library(folder)
    return folder, ml.load_facts(folder)


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def keystrokes() -> list[str]:
    """Every prefix of every query, as the search box sees it while typing."""
    return [query[:n] for query in QUERIES for n in range(1, len(query) + 1)]


def time_search(library, typed: list[str]) -> list[float]:
    from followup.store.search import search

    search(library, "warm up")
    timings = []
    for query in typed:
        start = time.perf_counter()
        search(library, query)
        timings.append(_ms(start))
    return timings


def time_meeting_filter(library, typed: list[str]) -> list[float]:
    timings = []
    for query in typed:
        start = time.perf_counter()
        library.list_meetings(query)
        timings.append(_ms(start))
    return timings


def time_autosaves(libraries, attendance_id: int, edits: int) -> list[list[float]]:
    """The autosave write on each library in turn, edit by edit, so disk noise (every
    commit is synced) falls on both alike."""
    texts = [library.notes(attendance_id) for library in libraries]
    timings: list[list[float]] = [[] for _ in libraries]
    for i in range(edits):
        for n, library in enumerate(libraries):
            texts[n] += f" word{i}"
            start = time.perf_counter()
            library.save_notes(attendance_id, texts[n])
            timings[n].append(_ms(start))
    return timings


def copy_without_index(path: Path, target: Path) -> None:
    from followup.store.search import drop_statements

    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(path, target)
    with sqlite3.connect(target) as conn:
        for statement in drop_statements():
            conn.execute(statement)


def vacuumed_size(path: Path) -> int:
    conn = sqlite3.connect(path)
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path.stat().st_size


def open_without_rebuild(path: Path):
    """A Library on a file whose index was dropped on purpose (opening would rebuild it)."""
    from followup.store import library as library_module

    rebuild = library_module.ensure_index
    library_module.ensure_index = lambda engine: False
    try:
        return library_module.Library(path)
    finally:
        library_module.ensure_index = rebuild


def measure(data_dir: Path, edits: int) -> list[Figure]:
    from followup.paths import library_path
    from followup.store.library import Library

    folder, facts = big_library(data_dir)
    path = library_path(folder)
    print(f"search library: {facts.meetings} meetings, {facts.people} people, "
          f"{facts.note_lines} note lines (built in {facts.build_seconds:.0f} s)")
    bare = folder / "without-index.sqlite3"
    copy_without_index(path, bare)
    typed = keystrokes()
    library, plain = Library(path), open_without_rebuild(bare)
    try:
        search_times = time_search(library, typed)
        filter_times = time_meeting_filter(library, typed)
        with_index, without_index = time_autosaves((library, plain), facts.attendances // 2,
                                                   edits)
    finally:
        library.close()
        plain.close()
    with_size, without_size = vacuumed_size(path), vacuumed_size(bare)
    bare.unlink()
    growth = (with_size / without_size - 1) * 100
    overhead = percentile(with_index, 95) - percentile(without_index, 95)
    return [
        Figure("search", f"per keystroke p50 ({len(typed)} keystrokes)",
               percentile(search_times, 50), "meeting filter p50", percentile(filter_times, 50)),
        Figure("search", "per keystroke p95", percentile(search_times, 95),
               "meeting filter p95", percentile(filter_times, 95), max_value=KEYSTROKE_MS),
        Figure("search", f"autosave p95 with index ({edits} edits)", percentile(with_index, 95),
               "without index p95", percentile(without_index, 95)),
        Figure("search", "autosave p50 added by the index",
               percentile(with_index, 50) - percentile(without_index, 50)),
        Figure("search", "autosave p95 added by the index", overhead,
               max_value=AUTOSAVE_OVERHEAD_MS),
        Figure("search", "library size with index", with_size / 1e6, "without index",
               without_size / 1e6, unit="MB"),
        Figure("search", "library size added by the index", growth, unit="%",
               max_value=SIZE_GROWTH_PCT),
    ]


def main(argv: list[str] | None = None) -> None:
    args = bench_arguments(__doc__.splitlines()[0]).parse_args(argv)
    for figure in measure(args.data_dir, 60 if args.quick else 200):
        emit(figure, args.json)


if __name__ == "__main__":
    main()
