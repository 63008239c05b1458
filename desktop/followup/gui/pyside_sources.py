"""PySide6 reads the source of every module imported after it; this keeps it from holding them.

PySide6's `__feature__` switch (PYSIDE-2029, `shibokensupport/feature.py`) asks of each newly
imported module whether its source mentions "PySide6", through `inspect.getsource`. That
decodes the whole file and leaves its lines in `linecache` for the life of the process: once
the store, SQLAlchemy and the checklist are loaded, some 550 files and 10 million characters,
25 MB of the running app's peak on the 2,000-meeting library (155 MB without this module,
130 MB with it) and 6 MB of start-up's (76, 70), but no measurable start-up time
(docs/benchmarks.md). `linecache.clearcache()` after each wave of imports frees the lines,
but not the peak they made: this stays.

Followup never uses `from __feature__ import ...`, but the answer must stay right for any
module that does, so the same question is answered from the file's bytes, which are read and
dropped; a module without a `.py` file goes to PySide6's own check as before.
"""

from __future__ import annotations

import linecache
import sys
from typing import Any


def mentions_pyside(module, fallback) -> bool:
    """Whether `module`'s source file contains "PySide6" (as PySide6's own check says);
    `fallback(module)` when it has no readable `.py` file."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def stop_keeping_sources() -> None:
    """Install the byte check in PySide6's feature module (imported with PySide6) and drop the
    sources its own check already cached. A no-op when that module or function is missing (a
    PySide6 that no longer scans sources)."""
    import PySide6  # noqa: F401 - loads the feature module

    # A private module of PySide6 whose function is replaced: typed as what it is, unknown.
    feature: Any = sys.modules.get("PySide6.support.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "reads_bytes", False):
        return

    def _mod_uses_pyside(module) -> bool:
        return mentions_pyside(module, original)

    _mod_uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = _mod_uses_pyside
    linecache.clearcache()
