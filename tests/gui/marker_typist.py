"""Run by the marker-line test in its own process: types marker lines into the real window.

A refcount fault in the Qt bindings aborts the interpreter ("none_dealloc") rather than raising,
so the typing runs here and the test reads the exit status and what was saved.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from followup.gui.app import make_application, open_window

LINES = [
    "! they rebuilt checkout on kafka last year",
    "? asked how i'd shard the counters",
    "+ my on-call tooling at prev job",
    "team of 6, ships weekly",
]


def marker_text(characters: int) -> str:
    """Marker lines, as a person types them in a long meeting, `characters` long at least."""
    out: list[str] = []
    size = 0
    i = 0
    while size < characters:
        line = f"{LINES[i % len(LINES)]} {i}\n"
        out.append(line)
        size += len(line)
        i += 1
    return "".join(out)


def main(data_dir: str, characters: int) -> None:
    app = make_application()
    window = open_window(Path(data_dir))
    window.show()
    window.workspace.select_row(1)
    editor = window.workspace.editor
    editor.setFocus()
    none_before = sys.getrefcount(None)
    for line in marker_text(characters).splitlines():
        QTest.keyClicks(editor, line)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        app.processEvents()
    window.close()  # saves the notes
    app.processEvents()
    print(f"none_drift {sys.getrefcount(None) - none_before}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
